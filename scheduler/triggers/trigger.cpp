#include "trigger.h"

#include <QJsonValue>
#include <QRandomGenerator>

using namespace std::chrono_literals;

namespace qtscheduler {

Trigger::Trigger(Type type, const TimeZone &timeZone, std::optional<Microseconds> jitter)
    : m_type(type)
    , m_timeZone(timeZone)
    , m_jitter(jitter && jitter->count() > 0 ? jitter : std::nullopt)
{
}

Trigger::~Trigger() = default;

QString Trigger::typeName(Type type)
{
    switch (type) {
    case Type::Date:
        return QStringLiteral("date");
    case Type::Interval:
        return QStringLiteral("interval");
    case Type::Cron:
        return QStringLiteral("cron");
    case Type::CalendarInterval:
        return QStringLiteral("calendarinterval");
    case Type::And:
        return QStringLiteral("and");
    case Type::Or:
        return QStringLiteral("or");
    }
    return {};
}

std::optional<Trigger::Type> Trigger::typeFromName(QStringView name)
{
    for (Type t : {Type::Date, Type::Interval, Type::Cron, Type::CalendarInterval, Type::And, Type::Or}) {
        if (name.compare(typeName(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

std::optional<Instant> Trigger::scheduledFireTime(std::optional<Instant> previous, Instant now) const
{
    return doScheduledFireTime(previous, now);
}

std::optional<Instant> Trigger::nextFireTime(std::optional<Instant> previous, Instant now) const
{
    std::optional<Instant> next = doScheduledFireTime(previous, now);
    if (next && m_jitter) {
        const qint64 span = m_jitter->count();
        *next += Microseconds(qint64(QRandomGenerator::global()->bounded(quint64(span) + 1)));
    }
    return next;
}

std::optional<Instant> Trigger::doScheduledFireTime(std::optional<Instant> previous, Instant now) const
{
    return firstFireTimeAtOrAfter(previous ? *previous + 1us : now);
}

bool Trigger::operator==(const Trigger &other) const
{
    // And and Or have no zone of their own (as in APScheduler): their children carry the zones.
    const bool zoneMatters = m_type != Type::And && m_type != Type::Or;
    return m_type == other.m_type && (!zoneMatters || m_timeZone == other.m_timeZone)
        && m_jitter == other.m_jitter && isEqual(other);
}

void Trigger::writeCommonJson(QJsonObject &json) const
{
    json.insert(QStringLiteral("timezone"), QString::fromUtf8(m_timeZone.id()));
    if (m_jitter) {
        const qint64 us = m_jitter->count();
        if (us % 1000000 == 0)
            json.insert(QStringLiteral("jitter"), us / 1000000);
        else
            json.insert(QStringLiteral("jitter"), double(us) / 1e6);
    } else {
        json.insert(QStringLiteral("jitter"), QJsonValue::Null);
    }
}

} // namespace qtscheduler
