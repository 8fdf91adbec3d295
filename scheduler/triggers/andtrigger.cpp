#include "andtrigger.h"

#include "triggerfactory_p.h"
#include "triggerlimits_p.h"

#include <QtScheduler/schedulererror.h>
#include <QtScheduler/time/isodatetime.h>

namespace qtscheduler {

AndTrigger::AndTrigger(Triggers triggers, std::optional<Microseconds> jitter, const TimeZone &timeZone)
    : CombiningTrigger(Type::And, std::move(triggers), jitter, timeZone)
{
}

std::unique_ptr<AndTrigger> AndTrigger::fromJson(const QJsonObject &json, const TriggerContext &context)
{
    return std::unique_ptr<AndTrigger>(static_cast<AndTrigger *>(
        TriggerFactoryPrivate::combiningFromJson(Type::And, json, context, 0).release()));
}

std::optional<Instant> AndTrigger::firstFireTimeAtOrAfter(Instant from) const
{
    using namespace std::chrono;
    const Triggers &children = triggers();
    const size_t count = children.size();
    // Past this the search gives up, however many iterations are left.
    const auto span = duration_cast<Microseconds>(years(TriggerLimits::AndMaxSpanYears));
    const Instant spanEnd = from < TriggerLimits::MaxInstant - span ? from + span : TriggerLimits::MaxInstant;

    // Ask the children in turn for their first time at or after the candidate; a later answer becomes
    // the new candidate. When all children in a row answer the candidate itself, they agree on it.
    Instant candidate = from;
    size_t agreeing = 0;
    size_t child = 0;
    for (int iteration = 0; iteration < TriggerLimits::AndMaxIterations; ++iteration) {
        const std::optional<Instant> next = children[child]->firstFireTimeAtOrAfter(candidate);
        if (!next)
            return std::nullopt;   // a child has ended, so has the And
        if (*next == candidate) {
            ++agreeing;
        } else {
            candidate = *next;
            agreeing = 1;
            if (candidate > spanEnd) {
                throw TriggerError(u"and: no common fire time found within %1 years after %2"_qs
                                       .arg(TriggerLimits::AndMaxSpanYears)
                                       .arg(IsoDateTime::format(from, timeZone())));
            }
        }
        if (agreeing == count)
            return candidate;
        child = (child + 1) % count;
    }
    throw TriggerError(u"and: no common fire time found within %1 iterations after %2"_qs
                           .arg(TriggerLimits::AndMaxIterations)
                           .arg(IsoDateTime::format(from, timeZone())));
}

QString AndTrigger::description() const
{
    return tr("all of: %1", "%1 is a list of schedules").arg(childDescriptions());
}

std::unique_ptr<Trigger> AndTrigger::clone() const
{
    return std::make_unique<AndTrigger>(cloneTriggers(), jitter(), timeZone());
}

} // namespace qtscheduler
