// Helpers shared by the trigger suites: instants from ISO text, zones by id, and fire-time sequences in
// the form `qtscheduler preview` prints them.
#pragma once

#include <QtScheduler/time/isodatetime.h>
#include <QtScheduler/time/timezone.h>
#include <QtScheduler/triggers/trigger.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTest>

namespace TriggerTest {

using namespace qtscheduler;

inline TimeZone zone(const QString &id)
{
    const std::optional<TimeZone> z = TimeZone::fromId(id);
    if (!z)
        qFatal("time zone %s is not available", qPrintable(id));
    return *z;
}

// An instant from ISO text; text without offset is read in `in`.
inline Instant at(const QString &iso, const TimeZone &in = TimeZone::utc())
{
    const std::optional<IsoDateTime> parsed = IsoDateTime::parse(iso);
    if (!parsed)
        qFatal("bad ISO date-time in a test: %s", qPrintable(iso));
    return parsed->toInstant(in);
}

inline QString iso(Instant t, const TimeZone &z)
{
    return IsoDateTime::format(t, z);
}

inline QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("bad JSON in a test: %s (%s)", text, qPrintable(error.errorString()));
    return document.object();
}

inline QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The preview sequence: t0 = next(none, from), t(i+1) = next(t(i), t(i)), no jitter, in the trigger's zone.
inline QStringList sequence(const Trigger &trigger, Instant from, int count)
{
    QStringList times;
    std::optional<Instant> t = trigger.scheduledFireTime(std::nullopt, from);
    for (int i = 0; i < count && t; ++i) {
        times << iso(*t, trigger.timeZone());
        t = trigger.scheduledFireTime(t, *t);
    }
    return times;
}

} // namespace TriggerTest
