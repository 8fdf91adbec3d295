// The base of all triggers: pure calculation of fire times, no event loop, no I/O.
//
//     std::unique_ptr<Trigger> trigger = TriggerFactory::fromJson(json, {zone, now});
//     std::optional<Instant> first = trigger->nextFireTime(std::nullopt, now);
//     std::optional<Instant> second = trigger->nextFireTime(first, now);
//     QString words = trigger->description();     // "every 2 hours, Monday to Friday"
//
// nextFireTime(previous, now) is APScheduler's get_next_fire_time(): without a previous fire time, the
// first fire time at or after `now` (a date trigger returns its run date even when it is past); with one,
// the first fire time after it. Fire times strictly increase. scheduledFireTime() is the same without
// jitter: the schedule itself, which `qtscheduler preview` prints.
//
// Triggers are immutable after construction and may be shared between threads (jobs hold them as
// std::shared_ptr<const Trigger>). Constructors and factories throw TriggerError for bad input.
#pragma once

#include <QtScheduler/qtscheduler_export.h>
#include <QtScheduler/time/instant.h>
#include <QtScheduler/time/timezone.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace qtscheduler {

// What a trigger read from JSON takes from its surroundings.
struct TriggerContext
{
    // The scheduler's time zone: a trigger whose JSON has no "timezone" takes it.
    TimeZone timeZone;
    // "Now" when the trigger is made: a date trigger without run_date runs then, an interval trigger
    // without start_date starts one interval later (as APScheduler does).
    Instant now{};
};

class QTSCHEDULER_EXPORT Trigger
{
    Q_DECLARE_TR_FUNCTIONS(qtscheduler::Trigger)

public:
    enum class Type { Date, Interval, Cron, CalendarInterval, And, Or };

    virtual ~Trigger();
    Trigger(const Trigger &) = delete;
    Trigger &operator=(const Trigger &) = delete;

    Type type() const { return m_type; }
    // "date", "interval", "cron", "calendarinterval", "and", "or": the JSON "type".
    QString typeName() const { return typeName(m_type); }
    static QString typeName(Type type);
    static std::optional<Type> typeFromName(QStringView name);

    const TimeZone &timeZone() const { return m_timeZone; }
    // Up to this much random delay is added to each fire time (APScheduler's jitter, in seconds there).
    std::optional<Microseconds> jitter() const { return m_jitter; }

    // The next fire time with jitter applied; std::nullopt when the trigger is exhausted.
    // Throws TriggerError only where a search cannot finish (an And trigger without a common time).
    std::optional<Instant> nextFireTime(std::optional<Instant> previous, Instant now) const;
    // The same without jitter.
    std::optional<Instant> scheduledFireTime(std::optional<Instant> previous, Instant now) const;

    // The earliest fire time at or after `from`, no jitter, within the trigger's start and end dates.
    // And and Or triggers combine their children through this.
    virtual std::optional<Instant> firstFireTimeAtOrAfter(Instant from) const = 0;

    // The trigger JSON of DESIGN.md, every key written (defaults resolved), so that reading it back
    // gives an equal trigger.
    virtual QJsonObject toJson() const = 0;
    // The schedule in translatable words, e.g. "at 09:00, Monday to Friday".
    virtual QString description() const = 0;
    virtual std::unique_ptr<Trigger> clone() const = 0;

    // Same type and same schedule (and same zone, dates and jitter).
    bool operator==(const Trigger &other) const;

protected:
    Trigger(Type type, const TimeZone &timeZone, std::optional<Microseconds> jitter);

    // The schedule's next time; the default is firstFireTimeAtOrAfter(previous + 1 µs, or now).
    virtual std::optional<Instant> doScheduledFireTime(std::optional<Instant> previous, Instant now) const;
    // Called only with a trigger of the same type.
    virtual bool isEqual(const Trigger &other) const = 0;

    // Helpers for subclasses' JSON: "timezone" and "jitter" as DESIGN.md writes them.
    void writeCommonJson(QJsonObject &json) const;

private:
    Type m_type;
    TimeZone m_timeZone;
    std::optional<Microseconds> m_jitter;
};

} // namespace qtscheduler
