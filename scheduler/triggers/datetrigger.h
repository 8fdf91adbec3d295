// Fires once, at a given date and time (APScheduler's DateTrigger).
//
//     DateTrigger once(parseInstant(u"2026-12-01T09:00:00+01:00"), berlin);
//     once.nextFireTime(std::nullopt, now);   // the run date, even when it is past: the scheduler's
//                                             // misfire handling decides what a late run does
//     once.nextFireTime(runDate, now);        // std::nullopt: it has fired
//
// JSON: {"type":"date","run_date":"2026-12-01T09:00:00","timezone":"Europe/Berlin"}. A run_date without
// offset is local time in "timezone"; without run_date the trigger runs at the context's "now".
#pragma once

#include <QtScheduler/qtscheduler_export.h>
#include <QtScheduler/triggers/trigger.h>

namespace qtscheduler {

class QTSCHEDULER_EXPORT DateTrigger final : public Trigger
{
    Q_DECLARE_TR_FUNCTIONS(qtscheduler::DateTrigger)

public:
    // The zone only affects how the run date is written and described.
    explicit DateTrigger(Instant runDate, const TimeZone &timeZone = {});

    static std::unique_ptr<DateTrigger> fromJson(const QJsonObject &json, const TriggerContext &context);

    Instant runDate() const { return m_runDate; }

    std::optional<Instant> firstFireTimeAtOrAfter(Instant from) const override;
    QJsonObject toJson() const override;
    // "once at 2026-12-01 09:00 (Europe/Berlin)"
    QString description() const override;
    std::unique_ptr<Trigger> clone() const override;

protected:
    std::optional<Instant> doScheduledFireTime(std::optional<Instant> previous, Instant now) const override;
    bool isEqual(const Trigger &other) const override;

private:
    Instant m_runDate;
};

} // namespace qtscheduler
