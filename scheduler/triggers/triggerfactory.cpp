#include "triggerfactory.h"

#include "andtrigger.h"
#include "calendarintervaltrigger.h"
#include "crontrigger.h"
#include "datetrigger.h"
#include "intervaltrigger.h"
#include "ortrigger.h"
#include "triggerfactory_p.h"
#include "triggerjson_p.h"
#include "triggerlimits_p.h"

#include <QtScheduler/schedulererror.h>
#include <QtScheduler/time/isodatetime.h>

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace qtscheduler {

namespace {

QString knownTypes()
{
    return u"date, interval, cron, calendarinterval, and, or"_qs;
}

// The "type" of a trigger JSON; throws for a missing, non-string or unknown one.
Trigger::Type readType(const QJsonObject &json)
{
    const QJsonValue value = json.value(u"type");
    if (value.isUndefined() || value.isNull())
        throw TriggerError(u"type: missing (one of "_qs + knownTypes() + u')');
    const std::optional<Trigger::Type> type
        = value.isString() ? Trigger::typeFromName(value.toString().trimmed()) : std::nullopt;
    if (!type)
        throw TriggerError(u"unknown trigger type "_qs + TriggerJson::quote(value) + u" (one of " + knownTypes() + u')');
    return *type;
}

} // namespace

namespace TriggerFactoryPrivate {

std::unique_ptr<Trigger> fromJson(const QJsonObject &json, const TriggerContext &context, int depth)
{
    const Trigger::Type type = readType(json);
    switch (type) {
    case Trigger::Type::Date:
        return DateTrigger::fromJson(json, context);
    case Trigger::Type::Interval:
        return IntervalTrigger::fromJson(json, context);
    case Trigger::Type::Cron:
        return CronTrigger::fromJson(json, context);
    case Trigger::Type::CalendarInterval:
        return CalendarIntervalTrigger::fromJson(json, context);
    case Trigger::Type::And:
    case Trigger::Type::Or:
        return combiningFromJson(type, json, context, depth);
    }
    throw TriggerError(u"unknown trigger type"_qs);
}

std::unique_ptr<CombiningTrigger> combiningFromJson(Trigger::Type type, const QJsonObject &json,
                                                    const TriggerContext &context, int depth)
{
    const QString name = Trigger::typeName(type);
    TriggerJson::checkKeys(json, name, {QLatin1StringView("triggers"), QLatin1StringView("jitter")});
    if (depth >= TriggerLimits::MaxNestingDepth) {
        throw TriggerError(name + u": and/or triggers nested deeper than "
                           + QString::number(TriggerLimits::MaxNestingDepth) + u" levels");
    }
    const QJsonValue list = json.value(u"triggers");
    if (list.isUndefined() || list.isNull())
        TriggerJson::fail(QLatin1StringView("triggers"), u"missing (a list of triggers)"_qs);
    if (!list.isArray())
        TriggerJson::fail(QLatin1StringView("triggers"), TriggerJson::quote(list) + u" is not a list of triggers");
    const QJsonArray array = list.toArray();
    if (array.isEmpty())
        TriggerJson::fail(QLatin1StringView("triggers"), u"the list is empty"_qs);

    CombiningTrigger::Triggers children;
    children.reserve(size_t(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = TriggerJson::indexedKey(QLatin1StringView("triggers"), i);
        const QJsonValue child = array.at(i);
        if (!child.isObject())
            throw TriggerError(path + u": " + TriggerJson::quote(child) + u" is not a trigger (a JSON object)");
        try {
            children.push_back(fromJson(child.toObject(), context, depth + 1));
        } catch (const TriggerError &e) {
            throw TriggerError(path + u": " + e.message());
        }
    }
    const std::optional<Microseconds> jitter = TriggerJson::readJitter(json);
    if (type == Trigger::Type::And)
        return std::make_unique<AndTrigger>(std::move(children), jitter, context.timeZone);
    return std::make_unique<OrTrigger>(std::move(children), jitter, context.timeZone);
}

} // namespace TriggerFactoryPrivate

std::unique_ptr<Trigger> TriggerFactory::fromJson(const QJsonObject &json, const TriggerContext &context)
{
    const Trigger::Type type = readType(json);
    try {
        return TriggerFactoryPrivate::fromJson(json, context, 0);
    } catch (const TriggerError &e) {
        // Name the trigger type in front, once: "interval: seconds: 'abc' is not a number".
        const QString prefix = Trigger::typeName(type) + u": ";
        if (e.message().startsWith(prefix))
            throw;
        throw TriggerError(prefix + e.message());
    }
}

std::unique_ptr<Trigger> TriggerFactory::parse(QByteArrayView jsonText, const TriggerContext &context)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(jsonText.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError) {
        throw TriggerError(u"trigger JSON: syntax error at offset "_qs + QString::number(error.offset) + u": "
                           + error.errorString());
    }
    if (!document.isObject())
        throw TriggerError(u"trigger JSON: not an object"_qs);
    return fromJson(document.object(), context);
}

namespace {

// QVariant values as the trigger JSON has them: date-times as ISO-8601 text (with their offset), dates as
// dates, lists and maps recursively (and/or children).
QJsonValue toJsonValue(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::QDateTime: {
        const QDateTime dt = value.toDateTime();
        if (!dt.isValid())
            return QJsonValue::Null;
        if (dt.timeSpec() == Qt::LocalTime)
            return dt.toString(Qt::ISODateWithMs);   // local time: read in the trigger's zone
        const std::optional<Instant> instant = fromQDateTime(dt);
        return IsoDateTime::format(*instant, TimeZone::utc());
    }
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::QVariantList: {
        QJsonArray array;
        for (const QVariant &item : value.toList())
            array.append(toJsonValue(item));
        return array;
    }
    case QMetaType::QVariantMap: {
        QJsonObject object;
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            object.insert(it.key(), toJsonValue(it.value()));
        return object;
    }
    default:
        return QJsonValue::fromVariant(value);
    }
}

} // namespace

std::unique_ptr<Trigger> TriggerFactory::create(QStringView alias, const QVariantMap &arguments,
                                                const TriggerContext &context)
{
    QJsonObject json;
    for (auto it = arguments.cbegin(); it != arguments.cend(); ++it)
        json.insert(it.key(), toJsonValue(it.value()));
    const QJsonValue given = json.value(u"type");
    if (!given.isUndefined() && !(given.isString() && given.toString().compare(alias, Qt::CaseInsensitive) == 0)) {
        throw TriggerError(u"type: "_qs + TriggerJson::quote(given) + u" contradicts the trigger alias '"
                           + alias.toString() + u'\'');
    }
    json.insert(u"type"_qs, alias.toString());
    return fromJson(json, context);
}

} // namespace qtscheduler
