#include "ortrigger.h"

#include "triggerfactory_p.h"

namespace qtscheduler {

OrTrigger::OrTrigger(Triggers triggers, std::optional<Microseconds> jitter, const TimeZone &timeZone)
    : CombiningTrigger(Type::Or, std::move(triggers), jitter, timeZone)
{
}

std::unique_ptr<OrTrigger> OrTrigger::fromJson(const QJsonObject &json, const TriggerContext &context)
{
    return std::unique_ptr<OrTrigger>(static_cast<OrTrigger *>(
        TriggerFactoryPrivate::combiningFromJson(Type::Or, json, context, 0).release()));
}

std::optional<Instant> OrTrigger::firstFireTimeAtOrAfter(Instant from) const
{
    std::optional<Instant> earliest;
    for (const std::unique_ptr<Trigger> &child : triggers()) {
        const std::optional<Instant> t = child->firstFireTimeAtOrAfter(from);
        if (t && (!earliest || *t < *earliest))
            earliest = t;
    }
    return earliest;
}

std::optional<Instant> OrTrigger::doScheduledFireTime(std::optional<Instant> previous, Instant now) const
{
    if (previous)
        return firstFireTimeAtOrAfter(*previous + Microseconds(1));
    // The first time: each child's own first fire time, so that a past date child fires at once, as a
    // date trigger alone does.
    std::optional<Instant> earliest;
    for (const std::unique_ptr<Trigger> &child : triggers()) {
        const std::optional<Instant> t = child->scheduledFireTime(std::nullopt, now);
        if (t && (!earliest || *t < *earliest))
            earliest = t;
    }
    return earliest;
}

QString OrTrigger::description() const
{
    return tr("any of: %1", "%1 is a list of schedules").arg(childDescriptions());
}

std::unique_ptr<Trigger> OrTrigger::clone() const
{
    return std::make_unique<OrTrigger>(cloneTriggers(), jitter(), timeZone());
}

} // namespace qtscheduler
