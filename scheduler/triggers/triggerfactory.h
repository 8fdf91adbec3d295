// Makes triggers from the trigger JSON of DESIGN.md, or from an alias and arguments as APScheduler's
// add_job(func, 'cron', hour=9) does.
//
//     auto t1 = TriggerFactory::fromJson(QJsonObject{{"type", "cron"}, {"hour", "9"}}, context);
//     auto t2 = TriggerFactory::create(u"interval", {{"minutes", 5}}, context);
//     auto t3 = TriggerFactory::parse(R"({"type":"date","run_date":"2026-12-01T09:00:00"})", context);
//
// Every error is a TriggerError whose message names the field and the bad value ("hour: '25' is out of
// range 0-23", "unknown trigger type 'crom'", "interval: unknown key 'minute'").
#pragma once

#include <QtScheduler/qtscheduler_export.h>
#include <QtScheduler/triggers/trigger.h>

#include <QByteArrayView>
#include <QJsonObject>
#include <QVariantMap>

#include <memory>

namespace qtscheduler {

class QTSCHEDULER_EXPORT TriggerFactory
{
public:
    static std::unique_ptr<Trigger> fromJson(const QJsonObject &json, const TriggerContext &context);
    // JSON text; a syntax error names its position.
    static std::unique_ptr<Trigger> parse(QByteArrayView jsonText, const TriggerContext &context);
    // An alias ("date", "interval", "cron", "calendarinterval", "and", "or") and its arguments, with
    // the names and value types of the trigger JSON.
    static std::unique_ptr<Trigger> create(QStringView alias, const QVariantMap &arguments,
                                           const TriggerContext &context);
};

} // namespace qtscheduler
