// Fires at fixed intervals of elapsed time (APScheduler's IntervalTrigger).
//
//     IntervalTrigger every30s({.seconds = 30}, start);
//     every30s.nextFireTime(std::nullopt, now);   // the first of start + k * 30 s at or after now
//     every30s.nextFireTime(previous, now);       // previous + 30 s (the next point of that grid)
//
// JSON: {"type":"interval","weeks":0,"days":0,"hours":0,"minutes":0,"seconds":30,
//        "start_date":"2026-11-01T00:00:00+00:00","end_date":null,"timezone":"UTC","jitter":null}
// The units may be fractional and add up (hours=1.5 and minutes=30 is two hours). A zero interval
// becomes one second, as in APScheduler. Without start_date the first fire is one interval after the
// context's "now"; toJson() writes the resolved start date, so a stored job keeps its phase.
//
// The arithmetic is on UTC instants: a one-day interval stays 24 hours long across a DST change. The
// zone only decides how dates without offset are read and how times are written. Fire times lie on the
// grid start_date + k * interval; jitter is added to each fire time and never accumulates.
#pragma once

#include <QtScheduler/qtscheduler_export.h>
#include <QtScheduler/triggers/trigger.h>

namespace qtscheduler {

class QTSCHEDULER_EXPORT IntervalTrigger final : public Trigger
{
    Q_DECLARE_TR_FUNCTIONS(qtscheduler::IntervalTrigger)

public:
    // APScheduler's parameters; each non-negative, fractions allowed.
    struct Units
    {
        double weeks = 0;
        double days = 0;
        double hours = 0;
        double minutes = 0;
        double seconds = 0;
    };

    // Throws TriggerError for a negative or too large unit, or an end date before the start date.
    IntervalTrigger(const Units &units, Instant startDate, std::optional<Instant> endDate = std::nullopt,
                    const TimeZone &timeZone = {}, std::optional<Microseconds> jitter = std::nullopt);

    static std::unique_ptr<IntervalTrigger> fromJson(const QJsonObject &json, const TriggerContext &context);

    const Units &units() const { return m_units; }
    // The interval, rounded to the microsecond; at least one microsecond (zero became one second).
    Microseconds interval() const { return m_interval; }
    Instant startDate() const { return m_startDate; }
    std::optional<Instant> endDate() const { return m_endDate; }

    std::optional<Instant> firstFireTimeAtOrAfter(Instant from) const override;
    QJsonObject toJson() const override;
    // "every 30 seconds", "every 2 hours, until 2026-12-31 00:00"
    QString description() const override;
    std::unique_ptr<Trigger> clone() const override;

    // The interval the units give, as APScheduler's timedelta computes it (zero becomes one second).
    // Throws TriggerError naming the unit that is negative, not finite or too large.
    static Microseconds intervalOf(const Units &units);

protected:
    bool isEqual(const Trigger &other) const override;

private:
    Units m_units;
    Microseconds m_interval;
    Instant m_startDate;
    std::optional<Instant> m_endDate;
};

} // namespace qtscheduler
