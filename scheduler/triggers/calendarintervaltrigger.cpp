#include "calendarintervaltrigger.h"

#include "triggerdescription_p.h"
#include "triggerjson_p.h"
#include "triggerlimits_p.h"

#include <QtScheduler/schedulererror.h>
#include <QtScheduler/time/isodatetime.h>

#include <QStringList>

using namespace std::chrono;

namespace qtscheduler {

namespace {

constexpr local_days FirstDay{year{1} / 1 / 1};

void checkUnit(QLatin1StringView key, int value, int maximum)
{
    if (value < 0)
        TriggerJson::fail(key, QString::number(value) + u" must not be negative");
    if (value > maximum)
        TriggerJson::fail(key, QString::number(value) + u" is too large (at most " + QString::number(maximum) + u')');
}

void checkTime(QLatin1StringView key, int value, int maximum)
{
    if (value < 0 || value > maximum)
        TriggerJson::fail(key, QString::number(value) + u" is out of range 0-" + QString::number(maximum));
}

// year * 12 + month - 1
qint64 monthIndex(const year_month_day &ymd)
{
    return qint64(int(ymd.year())) * 12 + qint64(unsigned(ymd.month())) - 1;
}

year_month_day fromMonthIndex(qint64 index, unsigned dayOfMonth)
{
    return year_month_day{year(int(index / 12)), month(unsigned(index % 12 + 1)), day(dayOfMonth)};
}

constexpr qint64 MaxMonthIndex = 9999 * 12 + 11;

} // namespace

CalendarIntervalTrigger::CalendarIntervalTrigger(const Parameters &parameters, local_days startDate,
                                                 std::optional<local_days> endDate, const TimeZone &timeZone)
    : Trigger(Type::CalendarInterval, timeZone, std::nullopt)
    , m_parameters(parameters)
    , m_startDate(startDate)
    , m_endDate(endDate)
    , m_monthStep(qint64(parameters.years) * 12 + parameters.months)
    , m_dayStep(qint64(parameters.weeks) * 7 + parameters.days)
    , m_timeOfDay(hours(parameters.hour) + minutes(parameters.minute) + seconds(parameters.second))
{
    checkUnit(QLatin1StringView("years"), parameters.years, MaxYears);
    checkUnit(QLatin1StringView("months"), parameters.months, MaxMonths);
    checkUnit(QLatin1StringView("weeks"), parameters.weeks, MaxWeeks);
    checkUnit(QLatin1StringView("days"), parameters.days, MaxDays);
    if (m_monthStep == 0 && m_dayStep == 0)
        throw TriggerError(u"years, months, weeks, days: all are 0; the interval must be at least one day"_qs);
    checkTime(QLatin1StringView("hour"), parameters.hour, 23);
    checkTime(QLatin1StringView("minute"), parameters.minute, 59);
    checkTime(QLatin1StringView("second"), parameters.second, 59);
    if (m_startDate < FirstDay || m_startDate > TriggerLimits::MaxLocalDay)
        TriggerJson::fail(QLatin1StringView("start_date"), u"outside the years 1-9999"_qs);
    if (m_endDate) {
        if (*m_endDate > TriggerLimits::MaxLocalDay)
            TriggerJson::fail(QLatin1StringView("end_date"), u"outside the years 1-9999"_qs);
        if (*m_endDate < m_startDate)
            throw TriggerError(u"end_date before start_date"_qs);
    }
}

std::unique_ptr<CalendarIntervalTrigger> CalendarIntervalTrigger::fromJson(const QJsonObject &json,
                                                                           const TriggerContext &context)
{
    TriggerJson::checkKeys(json, typeName(Type::CalendarInterval),
                           {QLatin1StringView("years"), QLatin1StringView("months"), QLatin1StringView("weeks"),
                            QLatin1StringView("days"), QLatin1StringView("hour"), QLatin1StringView("minute"),
                            QLatin1StringView("second"), QLatin1StringView("start_date"),
                            QLatin1StringView("end_date"), QLatin1StringView("timezone")});
    Parameters p;
    p.years = TriggerJson::readNonNegativeInt(json, QLatin1StringView("years"), 0, MaxYears);
    p.months = TriggerJson::readNonNegativeInt(json, QLatin1StringView("months"), 0, MaxMonths);
    p.weeks = TriggerJson::readNonNegativeInt(json, QLatin1StringView("weeks"), 0, MaxWeeks);
    p.days = TriggerJson::readNonNegativeInt(json, QLatin1StringView("days"), 0, MaxDays);
    p.hour = TriggerJson::readInt(json, QLatin1StringView("hour"), 0, 0, 23);
    p.minute = TriggerJson::readInt(json, QLatin1StringView("minute"), 0, 0, 59);
    p.second = TriggerJson::readInt(json, QLatin1StringView("second"), 0, 0, 59);
    const TimeZone zone = TriggerJson::readTimeZone(json, context);
    std::optional<local_days> start = TriggerJson::readDate(json, QLatin1StringView("start_date"));
    const std::optional<local_days> end = TriggerJson::readDate(json, QLatin1StringView("end_date"));
    if (!start)
        start = floor<days>(zone.toLocal(context.now));   // today, in the trigger's zone
    return std::make_unique<CalendarIntervalTrigger>(p, *start, end, zone);
}

std::optional<local_days> CalendarIntervalTrigger::step(local_days date) const
{
    local_days next = date;
    if (m_monthStep > 0) {
        // Add years and months keeping the day of the month; a month without that day is skipped.
        // Ends at the year 9999, so the loop is bounded even for Feb 29 every 100 years.
        const year_month_day ymd{date};
        const unsigned dayOfMonth = unsigned(ymd.day());
        qint64 index = monthIndex(ymd);
        while (true) {
            index += m_monthStep;
            if (index > MaxMonthIndex)
                return std::nullopt;
            const year_month_day candidate = fromMonthIndex(index, dayOfMonth);
            if (candidate.ok()) {
                next = local_days(candidate);
                break;
            }
        }
    }
    if (m_dayStep > 0) {
        if (m_dayStep > (TriggerLimits::MaxLocalDay - next).count())
            return std::nullopt;
        next += days(m_dayStep);
    }
    return next;
}

std::optional<local_days> CalendarIntervalTrigger::firstDateOnOrAfter(local_days date) const
{
    if (date <= m_startDate)
        return m_startDate;
    if (date > TriggerLimits::MaxLocalDay)
        return std::nullopt;
    if (m_monthStep == 0) {
        // Days and weeks only: the dates are start + k * step.
        const qint64 elapsed = (date - m_startDate).count();
        const qint64 k = (elapsed + m_dayStep - 1) / m_dayStep;
        if (k * m_dayStep > (TriggerLimits::MaxLocalDay - m_startDate).count())
            return std::nullopt;
        return m_startDate + days(k * m_dayStep);
    }
    if (m_dayStep == 0) {
        // Years and months only: start's day of the month in the months start + k * step, where it exists.
        const year_month_day start{m_startDate};
        const year_month_day target{date};
        const unsigned dayOfMonth = unsigned(start.day());
        const qint64 startIndex = monthIndex(start);
        const qint64 targetIndex = monthIndex(target);
        qint64 index = startIndex + (targetIndex - startIndex + m_monthStep - 1) / m_monthStep * m_monthStep;
        if (index == targetIndex && dayOfMonth < unsigned(target.day()))
            index += m_monthStep;
        for (; index <= MaxMonthIndex; index += m_monthStep) {
            const year_month_day candidate = fromMonthIndex(index, dayOfMonth);
            if (candidate.ok())
                return local_days(candidate);
        }
        return std::nullopt;
    }
    // Months and days mixed: the day of the month drifts, so step from the start. Each step adds at
    // least a month, so this ends by the year 9999 (at most 120,000 steps).
    std::optional<local_days> d = m_startDate;
    while (d && *d < date)
        d = step(*d);
    return d;
}

Instant CalendarIntervalTrigger::fireTime(local_days date) const
{
    // Unique: the instant; gap: the offset before the gap; fold: the first occurrence.
    return timeZone().resolve(LocalTime(date) + m_timeOfDay).first;
}

std::optional<Instant> CalendarIntervalTrigger::firstFrom(std::optional<local_days> date, Instant after,
                                                          bool inclusive) const
{
    while (date && (!m_endDate || *date <= *m_endDate)) {
        const Instant t = fireTime(*date);
        if (inclusive ? t >= after : t > after)
            return t;
        date = step(*date);
    }
    return std::nullopt;
}

std::optional<Instant> CalendarIntervalTrigger::firstFireTimeAtOrAfter(Instant from) const
{
    if (from > TriggerLimits::MaxInstant)
        return std::nullopt;
    // A date fires on its own local day, or a little later when a DST gap moves it (up to a day, as
    // when Samoa skipped 2011-12-30): start two days before `from`'s local date and walk forward.
    const local_days fromDay = floor<days>(timeZone().toLocal(std::max(from, TriggerLimits::MinInstant)));
    return firstFrom(firstDateOnOrAfter(fromDay - days(2)), from, true);
}

bool CalendarIntervalTrigger::isInSequence(local_days date) const
{
    if (date < m_startDate || (m_endDate && date > *m_endDate))
        return false;
    if (m_monthStep == 0)
        return (date - m_startDate).count() % m_dayStep == 0;
    if (m_dayStep == 0) {
        const year_month_day start{m_startDate};
        const year_month_day ymd{date};
        return ymd.day() == start.day() && (monthIndex(ymd) - monthIndex(start)) % m_monthStep == 0;
    }
    // Mixed units: no test short of stepping from the start; a date that fires at the trigger's wall
    // time is taken to be one of its dates (as APScheduler 4 keeps its last fire date).
    return true;
}

std::optional<Instant> CalendarIntervalTrigger::doScheduledFireTime(std::optional<Instant> previous,
                                                                    Instant now) const
{
    if (!previous)
        return firstFireTimeAtOrAfter(now);
    if (*previous >= TriggerLimits::MinInstant && *previous <= TriggerLimits::MaxInstant) {
        // The usual case: `previous` is this trigger's fire time for its own local date, or for the day
        // before when a DST gap pushed the time past midnight. Continue from that date: one step, no
        // search (and for mixed units no stepping from start_date again).
        const local_days day = floor<days>(timeZone().toLocal(*previous));
        std::optional<local_days> match;
        if (isInSequence(day) && fireTime(day) == *previous) {
            match = day;
            // Both dates fire at one instant only across a gap of a whole day (as when Samoa skipped
            // 2011-12-30); then the position is ambiguous and the search below decides.
            if (timeZone().offsetAt(*previous) - timeZone().offsetAt(*previous - days(2)) >= 86400
                && isInSequence(day - days(1)) && fireTime(day - days(1)) == *previous) {
                match.reset();
            }
        } else if (isInSequence(day - days(1)) && fireTime(day - days(1)) == *previous) {
            match = day - days(1);
        }
        if (match)
            return firstFrom(step(*match), *previous, false);
    }
    return firstFireTimeAtOrAfter(*previous + Microseconds(1));
}

QJsonObject CalendarIntervalTrigger::toJson() const
{
    return QJsonObject{
        {QStringLiteral("type"), typeName()},
        {QStringLiteral("years"), m_parameters.years},
        {QStringLiteral("months"), m_parameters.months},
        {QStringLiteral("weeks"), m_parameters.weeks},
        {QStringLiteral("days"), m_parameters.days},
        {QStringLiteral("hour"), m_parameters.hour},
        {QStringLiteral("minute"), m_parameters.minute},
        {QStringLiteral("second"), m_parameters.second},
        {QStringLiteral("start_date"), TriggerJson::writeDate(m_startDate)},
        {QStringLiteral("end_date"), TriggerJson::writeDate(m_endDate)},
        {QStringLiteral("timezone"), QString::fromUtf8(timeZone().id())},
    };
}

QString CalendarIntervalTrigger::description() const
{
    const Parameters &p = m_parameters;
    const QString at = TriggerDescription::wallTime(p.hour, p.minute, p.second);
    const year_month_day start{m_startDate};
    const int units = (p.years > 0) + (p.months > 0) + (p.weeks > 0) + (p.days > 0);
    QString text;
    if (units == 1 && p.days > 0) {
        text = p.days == 1 ? tr("every day at %1", "%1 is a time of day")
                           : tr("every %n days at %1", "%1 is a time of day", p.days);
        text = text.arg(at);
    } else if (units == 1 && p.weeks > 0) {
        const QString weekdayName
            = TriggerDescription::weekdayName(int(std::chrono::weekday{m_startDate}.iso_encoding()));
        text = p.weeks == 1 ? tr("every week on %1 at %2", "%1 is a weekday, %2 a time of day")
                            : tr("every %n weeks on %1 at %2", "%1 is a weekday, %2 a time of day", p.weeks);
        text = text.arg(weekdayName, at);
    } else if (units == 1 && p.months > 0) {
        text = p.months == 1 ? tr("every month on day %1 at %2", "%1 is a day of the month, %2 a time of day")
                             : tr("every %n months on day %1 at %2", "%1 is a day of the month, %2 a time of day",
                                  p.months);
        text = text.arg(QString::number(unsigned(start.day())), at);
    } else if (units == 1 && p.years > 0) {
        const QString day = tr("%1 %2", "a date: %1 is a month name, %2 the day of the month")
                                .arg(TriggerDescription::monthName(int(unsigned(start.month()))),
                                     QString::number(unsigned(start.day())));
        text = p.years == 1 ? tr("every year on %1 at %2", "%1 is a date such as 'February 29', %2 a time of day")
                            : tr("every %n years on %1 at %2",
                                 "%1 is a date such as 'February 29', %2 a time of day", p.years);
        text = text.arg(day, at);
    } else {
        QStringList parts;
        if (p.years > 0)
            parts << (p.years == 1 ? tr("1 year", "duration") : tr("%n years", "duration", p.years));
        if (p.months > 0)
            parts << (p.months == 1 ? tr("1 month", "duration") : tr("%n months", "duration", p.months));
        if (p.weeks > 0)
            parts << (p.weeks == 1 ? tr("1 week", "duration") : tr("%n weeks", "duration", p.weeks));
        if (p.days > 0)
            parts << (p.days == 1 ? tr("1 day", "duration") : tr("%n days", "duration", p.days));
        text = tr("every %1 at %2", "%1 is a list of durations such as '1 month, 2 days', %2 a time of day")
                   .arg(parts.join(tr(", ", "separator of durations")), at);
    }
    // The first date sets the phase of "every 2 weeks" or of mixed units; for "every day" or "every
    // month on day 31" the words above say it all.
    if (units > 1 || p.years > 1 || p.months > 1 || p.weeks > 1 || p.days > 1) {
        text = tr("%1, starting %2", "%1 is a schedule, %2 its first date")
                   .arg(text, IsoDateTime::formatDate(LocalTime(m_startDate)));
    }
    if (m_endDate) {
        text = tr("%1, until %2", "%1 is a schedule, %2 its last date")
                   .arg(text, IsoDateTime::formatDate(LocalTime(*m_endDate)));
    }
    return text;
}

std::unique_ptr<Trigger> CalendarIntervalTrigger::clone() const
{
    return std::make_unique<CalendarIntervalTrigger>(m_parameters, m_startDate, m_endDate, timeZone());
}

bool CalendarIntervalTrigger::isEqual(const Trigger &other) const
{
    const auto &o = static_cast<const CalendarIntervalTrigger &>(other);
    const Parameters &a = m_parameters;
    const Parameters &b = o.m_parameters;
    return a.years == b.years && a.months == b.months && a.weeks == b.weeks && a.days == b.days
        && a.hour == b.hour && a.minute == b.minute && a.second == b.second && m_startDate == o.m_startDate
        && m_endDate == o.m_endDate;
}

} // namespace qtscheduler
