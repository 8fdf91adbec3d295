// The common part of AndTrigger and OrTrigger (APScheduler's BaseCombiningTrigger): a non-empty list
// of child triggers and an optional jitter.
//
// JSON: {"type":"and","triggers":[{...},{...}],"jitter":null}. And and Or have no zone of their own (as
// in APScheduler), so their JSON has no "timezone": each child carries its own. timeZone() is the
// context's zone, used only to write times that are not a child's (`qtscheduler preview`, messages);
// two and/or triggers compare equal when their children and jitter do.
//
// Children are combined through their firstFireTimeAtOrAfter(), without their own jitter: set jitter
// on the and/or trigger instead.
#pragma once

#include <QtScheduler/qtscheduler_export.h>
#include <QtScheduler/triggers/trigger.h>

#include <vector>

namespace qtscheduler {

class QTSCHEDULER_EXPORT CombiningTrigger : public Trigger
{
public:
    using Triggers = std::vector<std::unique_ptr<Trigger>>;

    const Triggers &triggers() const { return m_triggers; }
    // 1 for an and/or of plain triggers, 2 when one of its children is an and/or of plain triggers, ...
    int nestingDepth() const { return m_nestingDepth; }

    QJsonObject toJson() const override;

protected:
    // Throws TriggerError for an empty list, a null child or nesting deeper than 32 levels.
    CombiningTrigger(Type type, Triggers triggers, std::optional<Microseconds> jitter, const TimeZone &timeZone);

    Triggers cloneTriggers() const;
    // "<child>; <child>; ..."
    QString childDescriptions() const;
    bool isEqual(const Trigger &other) const override;

private:
    Triggers m_triggers;
    int m_nestingDepth = 1;
};

} // namespace qtscheduler
