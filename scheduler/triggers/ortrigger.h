// Fires whenever any of its triggers fires (APScheduler's OrTrigger).
//
//     OrTrigger either(makeTriggers(weekdaysAtNine, weekendsAtTen));
//
// JSON: {"type":"or","triggers":[{...},{...}],"jitter":null}. The next fire time is the earliest of the
// children's; the trigger is exhausted when all children are. Where the children fire at the same time,
// it fires once.
//
// Differences from APScheduler, on purpose: APScheduler hands every child the previous fire time of the
// whole Or, so an interval child restarts its interval from whichever child fired last and a date child
// never fires once anything else has. Here each child keeps its own schedule: the interval keeps its
// grid, the date fires on its date. Without a previous fire time each child gives its own first time, so
// a past date child fires at once (as a date trigger alone does, and as APScheduler does).
#pragma once

#include <QtScheduler/qtscheduler_export.h>
#include <QtScheduler/triggers/combiningtrigger.h>

namespace qtscheduler {

class QTSCHEDULER_EXPORT OrTrigger final : public CombiningTrigger
{
    Q_DECLARE_TR_FUNCTIONS(qtscheduler::OrTrigger)

public:
    // `timeZone`: the context's zone (see CombiningTrigger). Throws TriggerError for an empty list.
    explicit OrTrigger(Triggers triggers, std::optional<Microseconds> jitter = std::nullopt,
                       const TimeZone &timeZone = {});

    // Children are read with the same context; errors name the child: "triggers[1]: hour: ...".
    static std::unique_ptr<OrTrigger> fromJson(const QJsonObject &json, const TriggerContext &context);

    std::optional<Instant> firstFireTimeAtOrAfter(Instant from) const override;
    // "any of: at 09:00, Monday to Friday; at 10:00, Saturday and Sunday"
    QString description() const override;
    std::unique_ptr<Trigger> clone() const override;

protected:
    std::optional<Instant> doScheduledFireTime(std::optional<Instant> previous, Instant now) const override;
};

} // namespace qtscheduler
