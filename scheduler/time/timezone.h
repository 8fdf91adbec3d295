// A time zone prepared for fast calendar arithmetic.
//
//     qtscheduler::TimeZone berlin = qtscheduler::TimeZone::fromId("Europe/Berlin").value();
//     int offset = berlin.offsetAt(instant);                 // seconds east of UTC, ~20 ns
//     auto r = berlin.resolve(localTime);                   // wall time -> instant(s), DST made explicit
//
// QTimeZone answers every question correctly but slowly (one offsetFromUtc() call is ~190 ns in Qt 6.4),
// and Qt 6.4 turns a wall time inside a DST gap into an invalid QDateTime and resolves a repeated one to
// its second occurrence. TimeZone reads a zone's transitions once (from 1900 up to 2200, following the
// zone's rule past the end of its table), shares them between all copies of the same zone, and resolves
// gaps and folds explicitly. Outside the table it falls back to QTimeZone. Copies are cheap; a TimeZone
// is immutable and may be used from any thread.
#pragma once

#include <QtScheduler/qtscheduler_export.h>
#include <QtScheduler/time/instant.h>

#include <QByteArray>
#include <QStringView>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace qtscheduler {

struct TimeZoneData;

class QTSCHEDULER_EXPORT TimeZone
{
public:
    // UTC.
    TimeZone();
    // A zone known to QTimeZone; an invalid QTimeZone gives UTC.
    explicit TimeZone(const QTimeZone &zone);

    static TimeZone utc();
    static TimeZone systemTimeZone();
    // An IANA id ("Europe/Berlin"), "UTC", or a UTC offset id QTimeZone knows ("UTC+05:30").
    // Unknown ids give std::nullopt.
    static std::optional<TimeZone> fromId(QStringView id);

    QByteArray id() const;
    QTimeZone toQTimeZone() const;
    // True when the offset never changes (UTC, fixed offsets, zones without DST in the table's range).
    bool isFixedOffset() const;

    // Seconds east of UTC in force at that instant.
    int offsetAt(Instant instant) const;
    LocalTime toLocal(Instant instant) const;

    // The stretch of time around an instant during which the offset stays the same.
    struct Period
    {
        Instant begin;      // first instant of the period (Instant::min() before the first transition)
        Instant end;        // first instant after it (Instant::max() after the last transition)
        int offset;         // seconds east of UTC during the period
        int offsetBefore;   // the offset in force just before `begin` (== offset for the first period)
    };
    Period periodAt(Instant instant) const;

    // Where a wall-clock reading lies. Unique: one instant. Gap (spring forward): the wall time does not
    // exist; `first` is the instant the offset in force before the gap gives it (02:30 in Berlin's gap is
    // 03:30 CEST, as APScheduler 3 computes). Fold (fall back): the wall time occurs twice, `first` and
    // `second` are both occurrences. For Unique and Gap, first == second.
    struct Resolution
    {
        enum class Kind { Unique, Gap, Fold };
        Kind kind;
        Instant first;
        Instant second;
    };
    Resolution resolve(LocalTime local) const;

    friend QTSCHEDULER_EXPORT bool operator==(const TimeZone &a, const TimeZone &b);

private:
    explicit TimeZone(std::shared_ptr<const TimeZoneData> data);
    std::shared_ptr<const TimeZoneData> m_data;
};

} // namespace qtscheduler
