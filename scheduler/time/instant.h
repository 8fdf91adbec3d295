// Time types of the scheduler: an Instant is a point in time (UTC, microseconds since the Unix epoch),
// a LocalTime is a wall-clock reading without a zone. Triggers compute with these, not with QDateTime,
// because QDateTime arithmetic in a zone costs hundreds of nanoseconds a call.
//
//     using namespace std::chrono_literals;
//     qtscheduler::Instant due = qtscheduler::fromQDateTime(QDateTime::currentDateTimeUtc()) + 30s;
//     QDateTime shown = qtscheduler::toQDateTime(due, QTimeZone("Europe/Berlin"));
#pragma once

#include <QtScheduler/qtscheduler_export.h>

#include <QDateTime>
#include <QTimeZone>

#include <chrono>
#include <optional>

namespace qtscheduler {

using Microseconds = std::chrono::microseconds;

// A point in time: microseconds since 1970-01-01T00:00:00Z.
using Instant = std::chrono::sys_time<Microseconds>;

// A wall-clock reading in some zone: microseconds since 1970-01-01T00:00:00 local.
using LocalTime = std::chrono::local_time<Microseconds>;

// APScheduler's datetime range (years 1..9999) is far inside what an Instant holds.
constexpr Instant instantFromMicroseconds(qint64 us) { return Instant(Microseconds(us)); }
constexpr qint64 toMicroseconds(Instant t) { return t.time_since_epoch().count(); }

QTSCHEDULER_EXPORT QDateTime toQDateTime(Instant instant, const QTimeZone &zone = QTimeZone::utc());
// An invalid QDateTime gives std::nullopt.
QTSCHEDULER_EXPORT std::optional<Instant> fromQDateTime(const QDateTime &dateTime);

} // namespace qtscheduler
