#include "datetrigger.h"

#include "triggerdescription_p.h"
#include "triggerjson_p.h"

namespace qtscheduler {

DateTrigger::DateTrigger(Instant runDate, const TimeZone &timeZone)
    : Trigger(Type::Date, timeZone, std::nullopt)
    , m_runDate(runDate)
{
}

std::unique_ptr<DateTrigger> DateTrigger::fromJson(const QJsonObject &json, const TriggerContext &context)
{
    TriggerJson::checkKeys(json, typeName(Type::Date),
                           {QLatin1StringView("run_date"), QLatin1StringView("timezone")});
    const TimeZone zone = TriggerJson::readTimeZone(json, context);
    const std::optional<Instant> runDate = TriggerJson::readDateTime(json, QLatin1StringView("run_date"), zone);
    return std::make_unique<DateTrigger>(runDate.value_or(context.now), zone);
}

std::optional<Instant> DateTrigger::doScheduledFireTime(std::optional<Instant> previous, Instant) const
{
    // As APScheduler: without a previous fire time the run date, even a past one (misfire handling is
    // the scheduler's business); after it has fired, nothing. A previous time before the run date (a
    // job moved to an earlier run by hand) still leaves the run date ahead.
    if (!previous || m_runDate > *previous)
        return m_runDate;
    return std::nullopt;
}

std::optional<Instant> DateTrigger::firstFireTimeAtOrAfter(Instant from) const
{
    if (m_runDate >= from)
        return m_runDate;
    return std::nullopt;
}

QJsonObject DateTrigger::toJson() const
{
    return QJsonObject{
        {QStringLiteral("type"), typeName()},
        {QStringLiteral("run_date"), TriggerJson::writeDateTime(m_runDate, timeZone())},
        {QStringLiteral("timezone"), QString::fromUtf8(timeZone().id())},
    };
}

QString DateTrigger::description() const
{
    return tr("once at %1 (%2)", "%1 is a date and time, %2 a time zone")
        .arg(TriggerDescription::dateTime(m_runDate, timeZone()), QString::fromUtf8(timeZone().id()));
}

std::unique_ptr<Trigger> DateTrigger::clone() const
{
    return std::make_unique<DateTrigger>(m_runDate, timeZone());
}

bool DateTrigger::isEqual(const Trigger &other) const
{
    return m_runDate == static_cast<const DateTrigger &>(other).m_runDate;
}

} // namespace qtscheduler
