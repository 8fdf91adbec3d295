// Reading and writing the keys every trigger JSON shares, with the error wording all triggers use:
// "<key>: <what is wrong>", e.g. "start_date: '2026-13-01' is not an ISO-8601 date or date-time".
#pragma once

#include <QtScheduler/qtscheduler_export.h>
#include <QtScheduler/time/instant.h>
#include <QtScheduler/time/timezone.h>
#include <QtScheduler/triggers/trigger.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <chrono>
#include <initializer_list>
#include <optional>

namespace qtscheduler {

class QTSCHEDULER_EXPORT TriggerJson
{
public:
    // Refuses keys outside `allowed` ("type" is always allowed): "<type>: unknown key 'minutes'".
    static void checkKeys(const QJsonObject &json, const QString &type,
                          std::initializer_list<QLatin1StringView> allowed);

    // "timezone": an IANA id; absent or null gives the context's zone.
    static TimeZone readTimeZone(const QJsonObject &json, const TriggerContext &context);

    // A date-time key: absent or null gives std::nullopt. A value without offset is local time in `zone`.
    static std::optional<Instant> readDateTime(const QJsonObject &json, QLatin1StringView key,
                                               const TimeZone &zone);

    // "jitter": seconds (a number, or a numeric string), null or absent for none; negative is refused.
    static std::optional<Microseconds> readJitter(const QJsonObject &json);

    // A non-negative number (integer or fraction, or a numeric string); absent or null gives `fallback`.
    static double readNonNegativeNumber(const QJsonObject &json, QLatin1StringView key, double fallback);
    // An integer within [minimum, maximum]; absent or null gives `fallback`.
    static int readInt(const QJsonObject &json, QLatin1StringView key, int fallback, int minimum, int maximum);

    static QJsonValue writeDateTime(std::optional<Instant> value, const TimeZone &zone);

    // "<key>: <message>" as a TriggerError.
    [[noreturn]] static void fail(QLatin1StringView key, const QString &message);
    // How a JSON value is quoted in messages: strings in single quotes, others as JSON.
    static QString quote(const QJsonValue &value);

    // A non-negative number no larger than `maximum`: "weeks: '1e300' is too large (at most 520000)".
    static double readNonNegativeNumber(const QJsonObject &json, QLatin1StringView key, double fallback,
                                        double maximum);
    // A non-negative integer no larger than `maximum`; absent or null gives `fallback`:
    // "months: '-1' must not be negative", "months: '1.5' is not an integer".
    static int readNonNegativeInt(const QJsonObject &json, QLatin1StringView key, int fallback, int maximum);
    // A calendar date ("2026-01-31"); absent or null gives std::nullopt. A date-time is refused.
    static std::optional<std::chrono::local_days> readDate(const QJsonObject &json, QLatin1StringView key);
    static QJsonValue writeDate(std::optional<std::chrono::local_days> value);
    // A number as JSON writes it best: whole numbers as integers ("seconds": 30, not 30.0).
    static QJsonValue writeNumber(double value);
    // The JSON keys of a nested trigger list, for error paths: "triggers[2]".
    static QString indexedKey(QLatin1StringView key, qsizetype index);
};

} // namespace qtscheduler
