// APScheduler's cron trigger: fires when the wall-clock time in its zone matches every field.
//
//     using qtscheduler::CronTrigger;
//     CronTrigger weekdays({.dayOfWeek = u"mon-fri"_qs, .hour = u"9"_qs}, berlin);   // 09:00:00 Mon-Fri
//     auto quarter = CronTrigger::fromCrontab(u"*/15 * * * *", berlin);
//     auto fromJson = CronTrigger::fromJson(json, {berlin, now});    // the trigger JSON of DESIGN.md
//     std::optional<Instant> next = weekdays.nextFireTime(std::nullopt, now);
//     QString words = weekdays.description();                      // "at 09:00, Monday to Friday"
//
// Fields and their values: year 1970-9999, month 1-12 or jan-dec, day 1-31, week 1-53 (ISO week),
// day_of_week 0-6 or mon-sun (0 = Monday, as in APScheduler), hour 0-23, minute 0-59, second 0-59.
// Each field takes a comma list of: *  */s  a  a-b  a/s  a-b/s  (and names for month and day_of_week);
// the day field also takes "1st".."5th" or "last" followed by a weekday name, and "last" (the last day of
// the month). All fields are ANDed: day and day_of_week together mean both (not Vixie cron's OR).
//
// Fields left unset take APScheduler's defaults: those after the least significant field given (in the
// order year, month, day, week, day_of_week, hour, minute, second) take their minimum (month 1, day 1,
// hour, minute and second 0; week and day_of_week "*"), those before it "*". CronTrigger(hour="9") fires
// at 09:00:00 every day; CronTrigger() fires every second.
//
// DST follows DESIGN.md: a wall time skipped by a spring-forward fires once, at the instant the offset
// before the gap gives it (02:30 on Berlin's spring-forward night fires at 03:30 CEST); a wall time that
// occurs twice fires at its first occurrence only, unless the hour field matches every hour, in which case
// both occurrences fire. (APScheduler 3.9.1 fires a fixed hour at the second occurrence.)
#pragma once

#include <QtScheduler/qtscheduler_export.h>
#include <QtScheduler/triggers/trigger.h>

#include <QString>
#include <QStringView>

#include <memory>
#include <optional>

namespace qtscheduler {

struct CronTriggerData;

class QTSCHEDULER_EXPORT CronTrigger final : public Trigger
{
    Q_DECLARE_TR_FUNCTIONS(qtscheduler::CronTrigger)

public:
    // APScheduler's CronTrigger keyword arguments; an unset field takes APScheduler's default.
    struct Fields
    {
        // Default member initializers let callers name only some fields ({.hour = u"9"_qs}) warning-free.
        std::optional<QString> year{}, month{}, day{}, week{}, dayOfWeek{}, hour{}, minute{}, second{};
        friend bool operator==(const Fields &, const Fields &) = default;
    };

    // Throws TriggerError for a bad field ("hour: '25' is out of range 0-23") or an end before the start.
    explicit CronTrigger(const Fields &fields, const TimeZone &timeZone = TimeZone(),
                         std::optional<Instant> startDate = {}, std::optional<Instant> endDate = {},
                         std::optional<Microseconds> jitter = {});
    ~CronTrigger() override;

    // A 5-field crontab line (minute hour day month day_of_week, with APScheduler 3's day-of-week
    // meaning, i.e. as CronTrigger.from_crontab: 0 = mon), or one of @yearly @annually @monthly @weekly
    // @daily @midnight @hourly (@weekly is Sunday 00:00, as in cron).
    static std::unique_ptr<CronTrigger> fromCrontab(QStringView expression, const TimeZone &timeZone = TimeZone(),
                                                    std::optional<Microseconds> jitter = {});
    // The trigger JSON of DESIGN.md: the eight field keys (strings or integers) or "crontab", and
    // "start_date", "end_date", "timezone", "jitter". Unknown keys and bad values throw TriggerError.
    static std::unique_ptr<CronTrigger> fromJson(const QJsonObject &json, const TriggerContext &context);

    // The expressions in force for all eight fields (defaults resolved), in canonical form.
    Fields fields() const;
    std::optional<Instant> startDate() const;
    std::optional<Instant> endDate() const;

    std::optional<Instant> firstFireTimeAtOrAfter(Instant from) const override;
    QJsonObject toJson() const override;
    QString description() const override;
    std::unique_ptr<Trigger> clone() const override;

protected:
    bool isEqual(const Trigger &other) const override;

private:
    CronTrigger(std::shared_ptr<const CronTriggerData> data, const TimeZone &timeZone,
                std::optional<Microseconds> jitter);

    // Immutable, so clones share it.
    std::shared_ptr<const CronTriggerData> m_data;
};

} // namespace qtscheduler
