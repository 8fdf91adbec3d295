// `qtscheduler preview`: the fire times a trigger would produce. The public contract for trigger
// arithmetic (DESIGN.md, "The command-line tool").
//
//     qtscheduler preview [--from ISO] [--count N] [--timezone ZONE] 'TRIGGER_JSON'   # a time a line
//     qtscheduler preview --batch [--timezone ZONE]       # JSON lines in, JSON lines out
//
// The sequence is what the scheduler would fire with no misfires and no jitter: t0 = next(previous =
// none, now = from), t(i+1) = next(previous = t(i), now = t(i)), ending early where the trigger ends.
// Times are ISO-8601 with the offset in force, in the trigger's zone (for and/or, the context zone),
// fractional seconds only when they are not zero. The trigger's "now" (interval start, date run date,
// calendar-interval start) is `from`; a `from` without offset is read in the trigger's zone.
//
// Batch: each input line {"trigger":{...},"from":"ISO","count":N} ("from" and "count" optional) gives
// exactly one output line, {"times":[...]} or {"error":"message"}, in order; a blank line, a line that
// is not JSON and a request that is not valid each get an error line, and the batch goes on. Exit 0
// once the input has been read to its end.
#pragma once

#include "command.h"

#include <QtScheduler/time/instant.h>
#include <QtScheduler/time/timezone.h>

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>
#include <vector>

namespace qtscheduler::cli {

class OutputBuffer;

class PreviewCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(qtscheduler::cli::PreviewCommand)

public:
    // The most fire times one request may ask for.
    static constexpr int MaxCount = 100000;
    static constexpr int DefaultCount = 10;

    QString name() const override;
    QString summary() const override;
    QString help() const override;
    int run(const QStringList &arguments) override;

private:
    struct Request
    {
        QJsonObject trigger;
        QString from;   // empty: now
        int count = DefaultCount;
    };

    // Calls writeTime(instant, zone) for each fire time of one request; throws UsageError (bad
    // request or trigger) or SchedulerError (an And without common time).
    template<typename WriteTime>
    void computeTimes(const Request &request, WriteTime &&writeTime) const;

    int runOnce(const Request &request) const;
    int runBatch() const;
    // One batch line into one output line; `times` is scratch space.
    void answer(QByteArrayView line, OutputBuffer &out, std::vector<Instant> &times) const;

    TimeZone m_contextZone;
};

} // namespace qtscheduler::cli
