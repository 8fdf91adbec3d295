// Fires when all of its triggers agree on a time (APScheduler's AndTrigger).
//
//     // 09:00 on weekdays that are also the 1st to the 7th of the month
//     AndTrigger firstWeekday(makeTriggers(cronWeekdays, cronFirstWeek));
//
// JSON: {"type":"and","triggers":[{...},{...}],"jitter":null}. The next fire time is the earliest time
// at or after the starting point that every child fires at, found by asking the children in turn for
// their first fire time at or after the latest candidate. The trigger is exhausted when any child is.
// Unlike APScheduler, which loops forever when its triggers never agree, the search gives up after
// 10,000 child queries or 400 years with a TriggerError ("and: no common fire time found within 10000
// iterations after 2026-01-01T00:00:00+00:00").
#pragma once

#include <QtScheduler/qtscheduler_export.h>
#include <QtScheduler/triggers/combiningtrigger.h>

namespace qtscheduler {

class QTSCHEDULER_EXPORT AndTrigger final : public CombiningTrigger
{
    Q_DECLARE_TR_FUNCTIONS(qtscheduler::AndTrigger)

public:
    // `timeZone`: the context's zone (see CombiningTrigger). Throws TriggerError for an empty list.
    explicit AndTrigger(Triggers triggers, std::optional<Microseconds> jitter = std::nullopt,
                        const TimeZone &timeZone = {});

    // Children are read with the same context; errors name the child: "triggers[1]: hour: ...".
    static std::unique_ptr<AndTrigger> fromJson(const QJsonObject &json, const TriggerContext &context);

    // Throws TriggerError when the search bound is reached without a common time.
    std::optional<Instant> firstFireTimeAtOrAfter(Instant from) const override;
    // "all of: every 2 hours; at 09:00, Monday to Friday"
    QString description() const override;
    std::unique_ptr<Trigger> clone() const override;
};

} // namespace qtscheduler
