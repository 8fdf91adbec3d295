// The compiled form of a cron trigger's eight fields: the hot path of every cron job.
//
//     cron::Schedule schedule(fields);                         // the 8 parsed fields, FieldId order
//     std::optional<qint64> wall = schedule.nextWall(w);       // first matching wall-clock second >= w
//     std::optional<qint64> t = schedule.nextInstant(s, zone); // first fire instant (UTC second) >= s
//
// Seconds, minutes and hours are 64-bit masks, months a 12-bit mask; the days of a month come from a
// table of 28 masks (month length 28-31 x weekday of the 1st) that already combines the day items
// (numbers, "last", "2nd mon", "last fri") with day_of_week; an ISO week field, when not "*", is
// applied per month. Civil dates are computed with days-from-civil arithmetic; time zones through
// TimeZone::periodAt (a table lookup). No QDateTime, no allocation per call.
//
// Wall-clock seconds count from 1970-01-01T00:00:00 local time; instants from 1970-01-01T00:00:00Z.
// DST follows DESIGN.md ("no run lost, no run doubled"): a wall time in a spring-forward gap fires at
// the instant the offset before the gap gives it; a repeated wall time fires at its first occurrence
// only, unless the hour field matches every hour, in which case both occurrences fire; fire times
// strictly increase.
#pragma once

#include "cronfield_p.h"

#include <QtScheduler/qtscheduler_export.h>
#include <QtScheduler/time/timezone.h>

#include <array>
#include <optional>
#include <vector>

namespace qtscheduler::cron {

// The last wall-clock second APScheduler can represent: 9999-12-31T23:59:59.
constexpr qint64 LastWallSecond = 253402300799;

class Schedule
{
public:
    // The fields in FieldId order.
    explicit Schedule(const std::array<const Field *, FieldCount> &fields);

    // The first wall-clock second >= `wall` that matches every field; std::nullopt when there is none
    // up to the end of year 9999.
    std::optional<qint64> nextWall(qint64 wall) const;
    // Whether a wall-clock second matches every field.
    bool matchesWall(qint64 wall) const;

    // The first fire instant (UTC second) >= `from` for wall-clock times in `zone`, by the DST rule above.
    std::optional<qint64> nextInstant(qint64 from, const TimeZone &zone) const;

    // True when no date can ever match (e.g. day 30 in February): every search answers at once.
    bool isNever() const { return m_never; }
    // True when the hour field matches all of 0-23 (both passes of a repeated hour fire).
    bool matchesEveryHour() const { return m_hourAll; }

private:
    struct YearRange
    {
        int first;
        int last;
        int step;
    };

    int nextYear(int year) const;
    // The days of (year, month) that match, as bits 1-31; `firstDay` is the day number of the 1st.
    quint32 dayMask(int year, int month, qint64 firstDay) const;
    quint32 weekDays(int year, int month, qint64 firstDay, int firstWeekday, int length) const;

    quint64 m_secondMask = 0;
    quint64 m_minuteMask = 0;
    quint64 m_hourMask = 0;
    quint64 m_weekMask = 0;          // bits 1-53
    quint32 m_dayTable[4][7] = {};   // [month length - 28][weekday of the 1st, 0 = Monday]
    quint16 m_monthMask = 0;         // bits 1-12
    bool m_yearAll = true;
    bool m_weekAll = true;
    bool m_hourAll = true;
    bool m_never = false;
    std::vector<YearRange> m_years;  // when not m_yearAll
};

// Civil-date arithmetic (proleptic Gregorian), days counted from 1970-01-01 (Howard Hinnant's algorithms).
struct CivilDate
{
    int year;
    int month;
    int day;
};

constexpr qint64 daysFromCivil(int year, int month, int day)
{
    const qint64 y = qint64(year) - (month <= 2 ? 1 : 0);
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * unsigned(month > 2 ? month - 3 : month + 9) + 2) / 5 + unsigned(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

constexpr CivilDate civilFromDays(qint64 days)
{
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {int(qint64(yoe) + era * 400 + (m <= 2 ? 1 : 0)), int(m), int(d)};
}

// 0 = Monday .. 6 = Sunday.
constexpr int weekdayOfDay(qint64 days)
{
    const qint64 w = (days + 3) % 7;
    return int(w < 0 ? w + 7 : w);
}

constexpr bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr int daysInMonth(int year, int month)
{
    constexpr int Lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : Lengths[month - 1];
}

} // namespace qtscheduler::cron
