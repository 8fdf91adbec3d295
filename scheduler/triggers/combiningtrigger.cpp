#include "combiningtrigger.h"

#include "triggerlimits_p.h"

#include <QtScheduler/schedulererror.h>

#include <QJsonArray>
#include <QStringList>

namespace qtscheduler {

CombiningTrigger::CombiningTrigger(Type type, Triggers triggers, std::optional<Microseconds> jitter,
                                   const TimeZone &timeZone)
    : Trigger(type, timeZone, jitter)
    , m_triggers(std::move(triggers))
{
    if (m_triggers.empty())
        throw TriggerError(typeName() + u": triggers: the list is empty");
    for (const std::unique_ptr<Trigger> &child : m_triggers) {
        if (!child)
            throw TriggerError(typeName() + u": triggers: a trigger is missing (null)");
        if (const auto *combining = dynamic_cast<const CombiningTrigger *>(child.get()))
            m_nestingDepth = std::max(m_nestingDepth, combining->nestingDepth() + 1);
    }
    if (m_nestingDepth > TriggerLimits::MaxNestingDepth) {
        throw TriggerError(typeName() + u": and/or triggers nested deeper than "
                           + QString::number(TriggerLimits::MaxNestingDepth) + u" levels");
    }
}

QJsonObject CombiningTrigger::toJson() const
{
    QJsonArray children;
    for (const std::unique_ptr<Trigger> &child : m_triggers)
        children.append(child->toJson());
    QJsonObject json{{QStringLiteral("type"), typeName()}, {QStringLiteral("triggers"), children}};
    writeCommonJson(json);
    // No zone of its own: each child writes its own "timezone".
    json.remove(QStringLiteral("timezone"));
    return json;
}

CombiningTrigger::Triggers CombiningTrigger::cloneTriggers() const
{
    Triggers copies;
    copies.reserve(m_triggers.size());
    for (const std::unique_ptr<Trigger> &child : m_triggers)
        copies.push_back(child->clone());
    return copies;
}

QString CombiningTrigger::childDescriptions() const
{
    QStringList parts;
    for (const std::unique_ptr<Trigger> &child : m_triggers)
        parts << child->description();
    return parts.join(tr("; ", "separates the schedules of an and/or trigger"));
}

bool CombiningTrigger::isEqual(const Trigger &other) const
{
    const auto &o = static_cast<const CombiningTrigger &>(other);
    if (m_triggers.size() != o.m_triggers.size())
        return false;
    for (size_t i = 0; i < m_triggers.size(); ++i) {
        if (!(*m_triggers[i] == *o.m_triggers[i]))
            return false;
    }
    return true;
}

} // namespace qtscheduler
