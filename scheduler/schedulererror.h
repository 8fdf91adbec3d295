// The errors the public API throws, as APScheduler raises them. Every message names what is wrong
// ("hour: '25' is out of range 0-23", "No job by the id of backup was found").
//
//     try {
//         scheduler.removeJob(u"backup"_s);
//     } catch (const qtscheduler::JobLookupError &e) {
//         qWarning() << e.message();
//     }
//
// Errors are thrown only to the caller of an API function; none crosses the event loop (a failing job
// becomes a job-error event, a failing store a logged event and a retry). The classes are small and
// belong together, so they share this header.
#pragma once

#include <QtScheduler/qtscheduler_export.h>

#include <QString>

#include <stdexcept>

namespace qtscheduler {

class QTSCHEDULER_EXPORT SchedulerError : public std::runtime_error
{
public:
    explicit SchedulerError(const QString &message);
    QString message() const;
};

// A bad trigger: a malformed field, a value out of range, an end before the start; or an And trigger
// that found no common fire time within its search bound.
class QTSCHEDULER_EXPORT TriggerError : public SchedulerError
{
public:
    using SchedulerError::SchedulerError;
};

// A bad configuration key, value or type; an APScheduler store type with no backend in this build.
class QTSCHEDULER_EXPORT ConfigurationError : public SchedulerError
{
public:
    using SchedulerError::SchedulerError;
};

// A job that cannot be stored or sent to a worker process: its function is not registered by name, or
// its arguments are not JSON. Also a job JSON that cannot be read back.
class QTSCHEDULER_EXPORT SerializationError : public SchedulerError
{
public:
    using SchedulerError::SchedulerError;
};

class QTSCHEDULER_EXPORT ConflictingIdError : public SchedulerError
{
public:
    explicit ConflictingIdError(const QString &jobId);
    QString jobId() const { return m_jobId; }

private:
    QString m_jobId;
};

class QTSCHEDULER_EXPORT JobLookupError : public SchedulerError
{
public:
    explicit JobLookupError(const QString &jobId);
    QString jobId() const { return m_jobId; }

private:
    QString m_jobId;
};

// start() on a running scheduler, configure() after start.
class QTSCHEDULER_EXPORT SchedulerAlreadyRunningError : public SchedulerError
{
public:
    SchedulerAlreadyRunningError();
};

// shutdown(), pause() or resume() on a scheduler that is not running.
class QTSCHEDULER_EXPORT SchedulerNotRunningError : public SchedulerError
{
public:
    SchedulerNotRunningError();
};

// An unknown job store or executor alias, or an alias that is taken.
class QTSCHEDULER_EXPORT AliasError : public SchedulerError
{
public:
    using SchedulerError::SchedulerError;
};

// A job store that cannot do what was asked (database unreachable, disk full, ...).
class QTSCHEDULER_EXPORT JobStoreError : public SchedulerError
{
public:
    using SchedulerError::SchedulerError;
};

// Thrown by Executor::submitJob() when the job already runs max_instances times.
class QTSCHEDULER_EXPORT MaxInstancesReachedError : public SchedulerError
{
public:
    MaxInstancesReachedError(const QString &jobId, int maxInstances);
};

} // namespace qtscheduler
