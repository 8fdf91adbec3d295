// Translatable fragments the triggers' description() strings are built from: wall-clock times, dates,
// durations, month and weekday names. All of them go through Trigger::tr(), so one catalog context
// ("qtscheduler::Trigger") holds the shared words.
#pragma once

#include <QtScheduler/time/instant.h>
#include <QtScheduler/time/timezone.h>

#include <QString>

namespace qtscheduler {

class TriggerDescription
{
public:
    // "09:00", or "09:00:30" when the seconds are not zero.
    static QString wallTime(int hour, int minute, int second);
    // "2026-12-01 09:00" (seconds and fractions only when not zero), as a wall-clock reading in `zone`.
    static QString dateTime(Instant instant, const TimeZone &zone);
    // "every 30 seconds", "every hour", "every 2 days", "every 1.5 seconds": the largest whole unit.
    static QString every(Microseconds interval);
    // "30 seconds", "1 hour": the largest unit that divides the duration, as every() uses it.
    static QString duration(Microseconds interval);
    // "January" … "December" (1-12).
    static QString monthName(int month);
    // "Monday" … "Sunday" (1-7, ISO numbering).
    static QString weekdayName(int isoWeekday);
};

} // namespace qtscheduler
