#include "intervaltrigger.h"

#include "triggerdescription_p.h"
#include "triggerjson_p.h"
#include "triggerlimits_p.h"

#include <QtScheduler/schedulererror.h>

#include <cmath>

using namespace std::chrono_literals;

namespace qtscheduler {

namespace {

using Units = IntervalTrigger::Units;

struct UnitInfo
{
    QLatin1StringView key;
    double Units::*member;
    long double microseconds;
};

constexpr long double SecondUs = 1e6L;
const UnitInfo unitInfos[] = {
    {QLatin1StringView("weeks"), &Units::weeks, 7 * 86400 * SecondUs},
    {QLatin1StringView("days"), &Units::days, 86400 * SecondUs},
    {QLatin1StringView("hours"), &Units::hours, 3600 * SecondUs},
    {QLatin1StringView("minutes"), &Units::minutes, 60 * SecondUs},
    {QLatin1StringView("seconds"), &Units::seconds, SecondUs},
};

// The largest value a unit may have so that it alone stays within the longest interval.
double maximumOf(const UnitInfo &info)
{
    return double(std::floor(static_cast<long double>(TriggerLimits::MaxInterval.count()) / info.microseconds));
}

// The units in microseconds as timedelta rounds them; zero when they round to nothing.
Microseconds exactInterval(const Units &units)
{
    long double total = 0;
    for (const UnitInfo &info : unitInfos) {
        const double value = units.*(info.member);
        if (!std::isfinite(value))
            TriggerJson::fail(info.key, QString::number(value) + u" is not a number");
        if (value < 0)
            TriggerJson::fail(info.key, QString::number(value, 'g', 15) + u" must not be negative");
        if (value > maximumOf(info)) {
            TriggerJson::fail(info.key, QString::number(value, 'g', 15) + u" is too large (at most "
                                            + QString::number(maximumOf(info), 'g', 15) + u')');
        }
        total += static_cast<long double>(value) * info.microseconds;
    }
    return Microseconds(std::llround(total));
}

void checkRange(QLatin1StringView key, Instant value)
{
    if (value < TriggerLimits::MinInstant - std::chrono::days(1) || value > TriggerLimits::MaxInstant)
        TriggerJson::fail(key, u"outside the years 1-9999"_qs);
}

} // namespace

Microseconds IntervalTrigger::intervalOf(const Units &units)
{
    // An interval that rounds to nothing is one second, as in APScheduler.
    const Microseconds us = exactInterval(units);
    return us.count() > 0 ? us : Microseconds(1s);
}

IntervalTrigger::IntervalTrigger(const Units &units, Instant startDate, std::optional<Instant> endDate,
                                 const TimeZone &timeZone, std::optional<Microseconds> jitter)
    : Trigger(Type::Interval, timeZone, jitter)
    , m_units(units)
    , m_interval(intervalOf(units))
    , m_startDate(startDate)
    , m_endDate(endDate)
{
    if (exactInterval(m_units).count() == 0)
        m_units = Units{.seconds = 1};   // written back as what it is: one second
    checkRange(QLatin1StringView("start_date"), m_startDate);
    if (m_endDate) {
        checkRange(QLatin1StringView("end_date"), *m_endDate);
        if (*m_endDate < m_startDate)
            throw TriggerError(u"end_date before start_date"_qs);
    }
}

std::unique_ptr<IntervalTrigger> IntervalTrigger::fromJson(const QJsonObject &json, const TriggerContext &context)
{
    TriggerJson::checkKeys(json, typeName(Type::Interval),
                           {QLatin1StringView("weeks"), QLatin1StringView("days"), QLatin1StringView("hours"),
                            QLatin1StringView("minutes"), QLatin1StringView("seconds"),
                            QLatin1StringView("start_date"), QLatin1StringView("end_date"),
                            QLatin1StringView("timezone"), QLatin1StringView("jitter")});
    Units units;
    for (const UnitInfo &info : unitInfos)
        units.*(info.member) = TriggerJson::readNonNegativeNumber(json, info.key, 0, maximumOf(info));
    const TimeZone zone = TriggerJson::readTimeZone(json, context);
    std::optional<Instant> start = TriggerJson::readDateTime(json, QLatin1StringView("start_date"), zone);
    const std::optional<Instant> end = TriggerJson::readDateTime(json, QLatin1StringView("end_date"), zone);
    const std::optional<Microseconds> jitter = TriggerJson::readJitter(json);
    if (!start) {
        // As APScheduler: the first fire is one interval after "now".
        start = context.now + intervalOf(units);
    }
    return std::make_unique<IntervalTrigger>(units, *start, end, zone, jitter);
}

std::optional<Instant> IntervalTrigger::firstFireTimeAtOrAfter(Instant from) const
{
    if (from > TriggerLimits::MaxInstant)
        return std::nullopt;
    Instant next = m_startDate;
    if (from > m_startDate) {
        // The first grid point at or after `from` (APScheduler's ceil). Both instants lie within years
        // 1..9999 (checked on construction), so the difference and the product stay inside 64 bits.
        const qint64 elapsed = (from - m_startDate).count();
        const qint64 step = m_interval.count();
        const qint64 k = elapsed / step + (elapsed % step != 0 ? 1 : 0);
        next = m_startDate + Microseconds(k * step);
    }
    if (next > TriggerLimits::MaxInstant || (m_endDate && next > *m_endDate))
        return std::nullopt;
    return next;
}

QJsonObject IntervalTrigger::toJson() const
{
    QJsonObject json{
        {QStringLiteral("type"), typeName()},
        {QStringLiteral("weeks"), TriggerJson::writeNumber(m_units.weeks)},
        {QStringLiteral("days"), TriggerJson::writeNumber(m_units.days)},
        {QStringLiteral("hours"), TriggerJson::writeNumber(m_units.hours)},
        {QStringLiteral("minutes"), TriggerJson::writeNumber(m_units.minutes)},
        {QStringLiteral("seconds"), TriggerJson::writeNumber(m_units.seconds)},
        {QStringLiteral("start_date"), TriggerJson::writeDateTime(m_startDate, timeZone())},
        {QStringLiteral("end_date"), TriggerJson::writeDateTime(m_endDate, timeZone())},
    };
    writeCommonJson(json);
    return json;
}

QString IntervalTrigger::description() const
{
    QString text = TriggerDescription::every(m_interval);
    if (m_endDate) {
        text = tr("%1, until %2", "%1 is a schedule such as 'every 2 hours', %2 a date and time")
                   .arg(text, TriggerDescription::dateTime(*m_endDate, timeZone()));
    }
    return text;
}

std::unique_ptr<Trigger> IntervalTrigger::clone() const
{
    return std::make_unique<IntervalTrigger>(m_units, m_startDate, m_endDate, timeZone(), jitter());
}

bool IntervalTrigger::isEqual(const Trigger &other) const
{
    const auto &o = static_cast<const IntervalTrigger &>(other);
    // Same schedule: hours=1 and minutes=60 are the same interval.
    return m_interval == o.m_interval && m_startDate == o.m_startDate && m_endDate == o.m_endDate;
}

} // namespace qtscheduler
