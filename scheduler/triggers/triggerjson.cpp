#include "triggerjson_p.h"

#include <QtScheduler/schedulererror.h>
#include <QtScheduler/time/isodatetime.h>

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace qtscheduler {

void TriggerJson::fail(QLatin1StringView key, const QString &message)
{
    throw TriggerError(QString(key) + u": " + message);
}

QString TriggerJson::quote(const QJsonValue &value)
{
    if (value.isString())
        return u'\'' + value.toString() + u'\'';
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d)) : QString::number(d);
    }
    if (value.isBool())
        return value.toBool() ? u"true"_qs : u"false"_qs;
    if (value.isNull())
        return u"null"_qs;
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

void TriggerJson::checkKeys(const QJsonObject &json, const QString &type,
                            std::initializer_list<QLatin1StringView> allowed)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        if (key == u"type")
            continue;
        bool known = false;
        for (QLatin1StringView a : allowed) {
            if (key == a) {
                known = true;
                break;
            }
        }
        if (!known)
            throw TriggerError(type + u": unknown key '" + key + u'\'');
    }
}

TimeZone TriggerJson::readTimeZone(const QJsonObject &json, const TriggerContext &context)
{
    const QJsonValue value = json.value(u"timezone");
    if (value.isUndefined() || value.isNull())
        return context.timeZone;
    if (!value.isString())
        fail(QLatin1StringView("timezone"), quote(value) + u" is not a time zone name");
    const std::optional<TimeZone> zone = TimeZone::fromId(value.toString());
    if (!zone)
        fail(QLatin1StringView("timezone"), u"unknown time zone " + quote(value));
    return *zone;
}

std::optional<Instant> TriggerJson::readDateTime(const QJsonObject &json, QLatin1StringView key,
                                                 const TimeZone &zone)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString())
        fail(key, quote(value) + u" is not an ISO-8601 date or date-time");
    const std::optional<IsoDateTime> parsed = IsoDateTime::parse(value.toString());
    if (!parsed)
        fail(key, quote(value) + u" is not an ISO-8601 date or date-time");
    return parsed->toInstant(zone);
}

double TriggerJson::readNonNegativeNumber(const QJsonObject &json, QLatin1StringView key, double fallback)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    double number = 0;
    bool ok = value.isDouble();
    if (ok) {
        number = value.toDouble();
    } else if (value.isString()) {
        number = value.toString().trimmed().toDouble(&ok);
    }
    if (!ok || !std::isfinite(number))
        fail(key, quote(value) + u" is not a number");
    if (number < 0)
        fail(key, quote(value) + u" must not be negative");
    return number;
}

int TriggerJson::readInt(const QJsonObject &json, QLatin1StringView key, int fallback, int minimum, int maximum)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    double number = 0;
    bool ok = value.isDouble();
    if (ok) {
        number = value.toDouble();
    } else if (value.isString()) {
        number = value.toString().trimmed().toDouble(&ok);
    }
    if (!ok || !std::isfinite(number) || number != std::floor(number))
        fail(key, quote(value) + u" is not an integer");
    if (number < minimum || number > maximum)
        fail(key, quote(value) + u" is out of range " + QString::number(minimum) + u'-' + QString::number(maximum));
    return int(number);
}

std::optional<Microseconds> TriggerJson::readJitter(const QJsonObject &json)
{
    const QLatin1StringView key("jitter");
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const double seconds = readNonNegativeNumber(json, key, 0);
    if (seconds > 1e9)
        fail(key, quote(value) + u" is too large");
    const auto us = Microseconds(qint64(std::llround(seconds * 1e6)));
    if (us.count() == 0)
        return std::nullopt;
    return us;
}

QJsonValue TriggerJson::writeDateTime(std::optional<Instant> value, const TimeZone &zone)
{
    if (!value)
        return QJsonValue::Null;
    return IsoDateTime::format(*value, zone);
}

namespace {

// The number a JSON value holds, also when written as a string ("30", " 1.5 "); std::nullopt otherwise.
std::optional<double> jsonNumber(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double number = value.toString().trimmed().toDouble(&ok);
        if (ok)
            return number;
    }
    return std::nullopt;
}

} // namespace

double TriggerJson::readNonNegativeNumber(const QJsonObject &json, QLatin1StringView key, double fallback,
                                          double maximum)
{
    const double number = readNonNegativeNumber(json, key, fallback);
    if (number > maximum)
        fail(key, quote(json.value(key)) + u" is too large (at most " + QString::number(maximum, 'g', 15) + u')');
    return number;
}

int TriggerJson::readNonNegativeInt(const QJsonObject &json, QLatin1StringView key, int fallback, int maximum)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    const std::optional<double> number = jsonNumber(value);
    if (!number || !std::isfinite(*number) || *number != std::floor(*number))
        fail(key, quote(value) + u" is not an integer");
    if (*number < 0)
        fail(key, quote(value) + u" must not be negative");
    if (*number > maximum)
        fail(key, quote(value) + u" is too large (at most " + QString::number(maximum) + u')');
    return int(*number);
}

std::optional<std::chrono::local_days> TriggerJson::readDate(const QJsonObject &json, QLatin1StringView key)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const std::optional<IsoDateTime> parsed
        = value.isString() ? IsoDateTime::parse(value.toString()) : std::optional<IsoDateTime>();
    if (!parsed || parsed->kind() != IsoDateTime::Kind::Date)
        fail(key, quote(value) + u" is not an ISO-8601 date (YYYY-MM-DD)");
    return std::chrono::floor<std::chrono::days>(parsed->localTime());
}

QJsonValue TriggerJson::writeDate(std::optional<std::chrono::local_days> value)
{
    if (!value)
        return QJsonValue::Null;
    return IsoDateTime::formatDate(LocalTime(*value));
}

QJsonValue TriggerJson::writeNumber(double value)
{
    if (value == std::floor(value) && std::abs(value) < 9e15)
        return qint64(value);
    return value;
}

QString TriggerJson::indexedKey(QLatin1StringView key, qsizetype index)
{
    return QString(key) + u'[' + QString::number(index) + u']';
}

} // namespace qtscheduler
