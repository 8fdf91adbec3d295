#include "triggerdescription_p.h"

#include <QtScheduler/triggers/trigger.h>

#include <algorithm>
#include <limits>

using namespace std::chrono;

namespace qtscheduler {

namespace {

QString twoDigits(long long value)
{
    return QString::number(value).rightJustified(2, u'0');
}

} // namespace

QString TriggerDescription::wallTime(int hour, int minute, int second)
{
    QString text = twoDigits(hour) + u':' + twoDigits(minute);
    if (second != 0)
        text += u':' + twoDigits(second);
    return text;
}

QString TriggerDescription::dateTime(Instant instant, const TimeZone &zone)
{
    const LocalTime local = zone.toLocal(instant);
    const local_days day = floor<days>(local);
    const year_month_day ymd{day};
    const Microseconds sinceMidnight = local - day;
    const long long secs = duration_cast<seconds>(sinceMidnight).count();
    const long long micro = (sinceMidnight - seconds(secs)).count();
    QString text = QString::number(int(ymd.year())).rightJustified(4, u'0') + u'-'
        + twoDigits(unsigned(ymd.month())) + u'-' + twoDigits(unsigned(ymd.day())) + u' '
        + wallTime(int(secs / 3600), int(secs / 60 % 60), int(secs % 60));
    if (micro != 0) {
        if (secs % 60 == 0)
            text += u":00";
        text += u'.' + QString::number(micro).rightJustified(6, u'0');
    }
    return text;
}

QString TriggerDescription::duration(Microseconds interval)
{
    const long long us = interval.count();
    constexpr long long second = 1000000;
    struct Unit
    {
        long long length;
        int which;
    };
    // Largest unit first; a duration is named in the largest unit that divides it evenly.
    const Unit units[] = {{7LL * 86400 * second, 0}, {86400 * second, 1}, {3600 * second, 2}, {60 * second, 3},
                          {second, 4}};
    for (const Unit &unit : units) {
        if (us <= 0 || us % unit.length != 0)
            continue;
        const int n = int(std::min<long long>(us / unit.length, std::numeric_limits<int>::max()));
        switch (unit.which) {
        case 0:
            return n == 1 ? Trigger::tr("1 week", "duration") : Trigger::tr("%n weeks", "duration", n);
        case 1:
            return n == 1 ? Trigger::tr("1 day", "duration") : Trigger::tr("%n days", "duration", n);
        case 2:
            return n == 1 ? Trigger::tr("1 hour", "duration") : Trigger::tr("%n hours", "duration", n);
        case 3:
            return n == 1 ? Trigger::tr("1 minute", "duration") : Trigger::tr("%n minutes", "duration", n);
        default:
            return n == 1 ? Trigger::tr("1 second", "duration") : Trigger::tr("%n seconds", "duration", n);
        }
    }
    // Fractions of a second: "1.5 seconds", "0.25 seconds".
    const double seconds = double(us) / 1e6;
    return Trigger::tr("%1 seconds", "duration with a fraction").arg(QString::number(seconds, 'g', 15));
}

QString TriggerDescription::every(Microseconds interval)
{
    const long long us = interval.count();
    constexpr long long second = 1000000;
    // "every hour" reads better than "every 1 hour".
    if (us == 7LL * 86400 * second)
        return Trigger::tr("every week", "schedule");
    if (us == 86400 * second)
        return Trigger::tr("every day", "schedule");
    if (us == 3600 * second)
        return Trigger::tr("every hour", "schedule");
    if (us == 60 * second)
        return Trigger::tr("every minute", "schedule");
    if (us == second)
        return Trigger::tr("every second", "schedule");
    return Trigger::tr("every %1", "%1 is a duration such as '30 seconds'").arg(duration(interval));
}

QString TriggerDescription::monthName(int month)
{
    switch (month) {
    case 1:
        return Trigger::tr("January", "month name");
    case 2:
        return Trigger::tr("February", "month name");
    case 3:
        return Trigger::tr("March", "month name");
    case 4:
        return Trigger::tr("April", "month name");
    case 5:
        return Trigger::tr("May", "month name");
    case 6:
        return Trigger::tr("June", "month name");
    case 7:
        return Trigger::tr("July", "month name");
    case 8:
        return Trigger::tr("August", "month name");
    case 9:
        return Trigger::tr("September", "month name");
    case 10:
        return Trigger::tr("October", "month name");
    case 11:
        return Trigger::tr("November", "month name");
    case 12:
        return Trigger::tr("December", "month name");
    }
    return QString::number(month);
}

QString TriggerDescription::weekdayName(int isoWeekday)
{
    switch (isoWeekday) {
    case 1:
        return Trigger::tr("Monday", "weekday name");
    case 2:
        return Trigger::tr("Tuesday", "weekday name");
    case 3:
        return Trigger::tr("Wednesday", "weekday name");
    case 4:
        return Trigger::tr("Thursday", "weekday name");
    case 5:
        return Trigger::tr("Friday", "weekday name");
    case 6:
        return Trigger::tr("Saturday", "weekday name");
    case 7:
        return Trigger::tr("Sunday", "weekday name");
    }
    return QString::number(isoWeekday);
}

} // namespace qtscheduler
