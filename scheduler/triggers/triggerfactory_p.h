// The factory's recursive reader, shared with the and/or triggers' fromJson().
#pragma once

#include <QtScheduler/triggers/combiningtrigger.h>
#include <QtScheduler/triggers/trigger.h>

#include <QJsonObject>

#include <memory>

namespace qtscheduler::TriggerFactoryPrivate {

// Any trigger, at a nesting depth (0 at the top). Errors are the trigger's own ("hour: '25' is out of
// range 0-23"); TriggerFactory::fromJson() adds the type in front.
std::unique_ptr<Trigger> fromJson(const QJsonObject &json, const TriggerContext &context, int depth);

// An and/or trigger ("type" is `type`) at a nesting depth; a child's error is prefixed with its path,
// "triggers[1]: ".
std::unique_ptr<CombiningTrigger> combiningFromJson(Trigger::Type type, const QJsonObject &json,
                                                    const TriggerContext &context, int depth);

} // namespace qtscheduler::TriggerFactoryPrivate
