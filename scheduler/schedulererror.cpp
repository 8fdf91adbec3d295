#include "schedulererror.h"

#include <QCoreApplication>

namespace qtscheduler {

SchedulerError::SchedulerError(const QString &message)
    : std::runtime_error(message.toStdString())
{
}

QString SchedulerError::message() const
{
    return QString::fromUtf8(what());
}

ConflictingIdError::ConflictingIdError(const QString &jobId)
    : SchedulerError(QCoreApplication::translate("qtscheduler::SchedulerError",
                                                 "Job identifier (%1) conflicts with an existing job")
                         .arg(jobId))
    , m_jobId(jobId)
{
}

JobLookupError::JobLookupError(const QString &jobId)
    : SchedulerError(QCoreApplication::translate("qtscheduler::SchedulerError", "No job by the id of %1 was found")
                         .arg(jobId))
    , m_jobId(jobId)
{
}

SchedulerAlreadyRunningError::SchedulerAlreadyRunningError()
    : SchedulerError(QCoreApplication::translate("qtscheduler::SchedulerError", "Scheduler is already running"))
{
}

SchedulerNotRunningError::SchedulerNotRunningError()
    : SchedulerError(QCoreApplication::translate("qtscheduler::SchedulerError", "Scheduler is not running"))
{
}

MaxInstancesReachedError::MaxInstancesReachedError(const QString &jobId, int maxInstances)
    : SchedulerError(QCoreApplication::translate("qtscheduler::SchedulerError",
                                                 "Job \"%1\" has already reached its maximum number of instances (%2)")
                         .arg(jobId)
                         .arg(maxInstances))
{
}

} // namespace qtscheduler
