// Fires at one wall-clock time every N calendar units (APScheduler 4's CalendarIntervalTrigger).
//
//     // 09:00 on the 31st of every month that has one, from 2026-01-31 on: Jan 31, Mar 31, May 31, ...
//     CalendarIntervalTrigger monthly({.months = 1, .hour = 9}, 2026y / 1 / 31, std::nullopt, berlin);
//
// JSON: {"type":"calendarinterval","years":0,"months":1,"weeks":0,"days":0,"hour":9,"minute":0,
//        "second":0,"start_date":"2026-01-31","end_date":null,"timezone":"Europe/Berlin"}
//
// The dates: start_date first (default: today in the zone, from the context's "now"), then each next
// date is the previous one plus years and months (keeping the day of the month; a month without that
// day is skipped, not clamped: Jan 31 + 1 month is Mar 31), plus weeks and days. Each date fires at
// hour:minute:second local time. At least one unit must be positive; end_date is the last date that
// may fire.
//
// DST, by DESIGN.md's rule (APScheduler 4 skips such dates instead): a wall time that does not exist
// fires at the instant the offset before the gap gives it (02:30 on Berlin's spring-forward night fires
// at 03:30 CEST); a repeated one fires at its first occurrence.
//
// The trigger is stateless. Without a previous fire time it finds the first date whose fire time is at
// or after "now" by arithmetic (days and weeks alone, or years and months alone) or by stepping from
// start_date (units mixed; bounded by the year 9999). With one, it continues from the previous fire
// time's date.
#pragma once

#include <QtScheduler/qtscheduler_export.h>
#include <QtScheduler/triggers/trigger.h>

#include <chrono>

namespace qtscheduler {

class QTSCHEDULER_EXPORT CalendarIntervalTrigger final : public Trigger
{
    Q_DECLARE_TR_FUNCTIONS(qtscheduler::CalendarIntervalTrigger)

public:
    // APScheduler 4's parameters (besides the dates and the zone).
    struct Parameters
    {
        int years = 0;
        int months = 0;
        int weeks = 0;
        int days = 0;
        int hour = 0;
        int minute = 0;
        int second = 0;
    };
    // The largest unit values accepted (10,000 years' worth each).
    static constexpr int MaxYears = 10000;
    static constexpr int MaxMonths = 12 * MaxYears;
    static constexpr int MaxWeeks = 522000;
    static constexpr int MaxDays = 3653000;

    // Throws TriggerError for a negative or too large unit, no positive unit, a time of day out of
    // range, or an end date before the start date.
    CalendarIntervalTrigger(const Parameters &parameters, std::chrono::local_days startDate,
                            std::optional<std::chrono::local_days> endDate = std::nullopt,
                            const TimeZone &timeZone = {});

    static std::unique_ptr<CalendarIntervalTrigger> fromJson(const QJsonObject &json,
                                                             const TriggerContext &context);

    const Parameters &parameters() const { return m_parameters; }
    std::chrono::local_days startDate() const { return m_startDate; }
    std::optional<std::chrono::local_days> endDate() const { return m_endDate; }

    std::optional<Instant> firstFireTimeAtOrAfter(Instant from) const override;
    QJsonObject toJson() const override;
    // "every month on day 31 at 09:00", "every 2 weeks on Monday at 07:30", "every day at 09:00"
    QString description() const override;
    std::unique_ptr<Trigger> clone() const override;

protected:
    std::optional<Instant> doScheduledFireTime(std::optional<Instant> previous, Instant now) const override;
    bool isEqual(const Trigger &other) const override;

private:
    // The date after `date` in the sequence (date must be in it); std::nullopt past the year 9999.
    std::optional<std::chrono::local_days> step(std::chrono::local_days date) const;
    // The first date of the sequence on or after `date`.
    std::optional<std::chrono::local_days> firstDateOnOrAfter(std::chrono::local_days date) const;
    // Whether a date is one of the sequence (assumed for mixed units), within start and end dates.
    bool isInSequence(std::chrono::local_days date) const;
    // The fire time of a date of the sequence, DST resolved.
    Instant fireTime(std::chrono::local_days date) const;
    // From a date of the sequence on, the first fire time after `after` (or at it, if `inclusive`).
    std::optional<Instant> firstFrom(std::optional<std::chrono::local_days> date, Instant after,
                                     bool inclusive) const;

    Parameters m_parameters;
    std::chrono::local_days m_startDate;
    std::optional<std::chrono::local_days> m_endDate;
    qint64 m_monthStep;       // 12 * years + months
    qint64 m_dayStep;         // 7 * weeks + days
    Microseconds m_timeOfDay;
};

} // namespace qtscheduler
