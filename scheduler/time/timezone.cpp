#include "timezone.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <algorithm>
#include <vector>

using namespace std::chrono;

namespace qtscheduler {

namespace {

// The range over which a zone's transitions are tabulated. Cron years reach 9999; past 2200 the
// (rare) lookups go to QTimeZone, which follows the zone's rule.
constexpr qint64 TableBeginSeconds = -2208988800;   // 1900-01-01T00:00:00Z
constexpr qint64 TableEndSeconds = 7258118400;      // 2200-01-01T00:00:00Z

qint64 floorSeconds(Instant t)
{
    return floor<seconds>(t).time_since_epoch().count();
}

Instant fromSeconds(qint64 s)
{
    return Instant(duration_cast<Microseconds>(seconds(s)));
}

QDateTime utcDateTime(qint64 s)
{
    return QDateTime::fromSecsSinceEpoch(s, QTimeZone::utc());
}

} // namespace

struct TimeZoneData
{
    QByteArray id;
    QTimeZone zone;
    // transitions[i] is the UTC second at which offsets[i + 1] takes over from offsets[i].
    std::vector<qint64> transitions;
    std::vector<int> offsets;
    bool fixed = true;
    // Guards QTimeZone calls outside the table: QTimeZone is reentrant, not thread-safe.
    mutable QMutex fallbackMutex;

    explicit TimeZoneData(const QTimeZone &z)
        : id(z.id())
        , zone(z)
    {
        QDateTime cursor = utcDateTime(TableBeginSeconds);
        offsets.push_back(zone.offsetFromUtc(cursor));
        if (zone.hasTransitions()) {
            // Qt 6.4's transitions() stops at the end of the zone's table (2037 for most zones), while
            // nextTransition() follows the POSIX rule beyond it, so walk with nextTransition().
            while (true) {
                QTimeZone::OffsetData next = zone.nextTransition(cursor);
                // Qt 6.4 answers "none" when asked from exactly the last transition of the zone's table,
                // although it follows the rule from any later point: probe forward a month at a time.
                for (QDateTime probe = cursor.addDays(1); !next.atUtc.isValid()
                     && probe.toSecsSinceEpoch() < TableEndSeconds; probe = probe.addDays(30)) {
                    next = zone.nextTransition(probe);
                }
                if (!next.atUtc.isValid())
                    break;
                const qint64 at = next.atUtc.toSecsSinceEpoch();
                if (at >= TableEndSeconds || at <= cursor.toSecsSinceEpoch())
                    break;
                cursor = next.atUtc;
                // Only changes of the total offset matter here (not of the abbreviation or the DST split).
                if (next.offsetFromUtc != offsets.back()) {
                    transitions.push_back(at);
                    offsets.push_back(next.offsetFromUtc);
                }
            }
        }
        fixed = transitions.empty() && offsets.front() == zone.offsetFromUtc(utcDateTime(TableEndSeconds));
    }

    static bool inTable(qint64 s) { return s >= TableBeginSeconds && s < TableEndSeconds; }

    int fallbackOffset(qint64 s) const
    {
        QMutexLocker locker(&fallbackMutex);
        return zone.offsetFromUtc(utcDateTime(s));
    }

    int offsetAt(qint64 s) const
    {
        if (fixed)
            return offsets.front();
        if (!inTable(s))
            return fallbackOffset(s);
        const auto it = std::upper_bound(transitions.begin(), transitions.end(), s);
        return offsets[size_t(it - transitions.begin())];
    }

    TimeZone::Period periodAt(qint64 s) const
    {
        if (fixed)
            return {Instant::min(), Instant::max(), offsets.front(), offsets.front()};
        if (inTable(s)) {
            const auto it = std::upper_bound(transitions.begin(), transitions.end(), s);
            const size_t i = size_t(it - transitions.begin());
            TimeZone::Period p;
            p.offset = offsets[i];
            p.offsetBefore = i > 0 ? offsets[i - 1] : offsets[i];
            p.begin = i > 0 ? fromSeconds(transitions[i - 1]) : Instant::min();
            p.end = i < transitions.size() ? fromSeconds(transitions[i]) : fromSeconds(TableEndSeconds);
            if (i == 0 && s >= TableBeginSeconds)
                p.begin = fromSeconds(TableBeginSeconds);
            return p;
        }
        // Outside the table: ask QTimeZone for the neighbouring transitions.
        QMutexLocker locker(&fallbackMutex);
        const QDateTime at = utcDateTime(s);
        TimeZone::Period p;
        p.offset = zone.offsetFromUtc(at);
        const QTimeZone::OffsetData previous = zone.previousTransition(utcDateTime(s + 1));
        const QTimeZone::OffsetData next = zone.nextTransition(at);
        if (previous.atUtc.isValid()) {
            const qint64 b = previous.atUtc.toSecsSinceEpoch();
            p.begin = fromSeconds(b);
            p.offsetBefore = zone.offsetFromUtc(utcDateTime(b - 1));
        } else {
            p.begin = Instant::min();
            p.offsetBefore = p.offset;
        }
        p.end = next.atUtc.isValid() ? fromSeconds(next.atUtc.toSecsSinceEpoch()) : Instant::max();
        if (s < TableBeginSeconds && p.end > fromSeconds(TableBeginSeconds))
            p.end = fromSeconds(TableBeginSeconds);
        return p;
    }
};

namespace {

struct Registry
{
    QMutex mutex;
    QHash<QByteArray, std::shared_ptr<const TimeZoneData>> zones;
};

Registry &registry()
{
    static Registry r;
    return r;
}

std::shared_ptr<const TimeZoneData> dataFor(const QTimeZone &zone)
{
    const QByteArray id = zone.id();
    Registry &r = registry();
    {
        QMutexLocker locker(&r.mutex);
        if (auto it = r.zones.constFind(id); it != r.zones.cend())
            return it.value();
    }
    // Built outside the lock: reading a zone's transitions takes a moment; a concurrent duplicate is harmless.
    auto data = std::make_shared<const TimeZoneData>(zone);
    QMutexLocker locker(&r.mutex);
    auto it = r.zones.constFind(id);
    if (it != r.zones.cend())
        return it.value();
    r.zones.insert(id, data);
    return data;
}

const std::shared_ptr<const TimeZoneData> &utcData()
{
    static const std::shared_ptr<const TimeZoneData> data = dataFor(QTimeZone::utc());
    return data;
}

} // namespace

TimeZone::TimeZone()
    : m_data(utcData())
{
}

TimeZone::TimeZone(const QTimeZone &zone)
    : m_data(zone.isValid() ? dataFor(zone) : utcData())
{
}

TimeZone::TimeZone(std::shared_ptr<const TimeZoneData> data)
    : m_data(std::move(data))
{
}

TimeZone TimeZone::utc()
{
    return TimeZone();
}

TimeZone TimeZone::systemTimeZone()
{
    return TimeZone(QTimeZone::systemTimeZone());
}

std::optional<TimeZone> TimeZone::fromId(QStringView id)
{
    const QByteArray raw = id.trimmed().toUtf8();
    if (raw.isEmpty())
        return std::nullopt;
    if (raw == "UTC" || raw == "Etc/UTC" || raw == "Z")
        return TimeZone();
    // Checking availability first keeps QTimeZone from warning about unknown ids.
    if (!QTimeZone::isTimeZoneIdAvailable(raw) && !raw.startsWith("UTC"))
        return std::nullopt;
    const QTimeZone zone(raw);
    if (!zone.isValid())
        return std::nullopt;
    return TimeZone(dataFor(zone));
}

QByteArray TimeZone::id() const
{
    return m_data->id;
}

QTimeZone TimeZone::toQTimeZone() const
{
    return m_data->zone;
}

bool TimeZone::isFixedOffset() const
{
    return m_data->fixed;
}

int TimeZone::offsetAt(Instant instant) const
{
    return m_data->offsetAt(floorSeconds(instant));
}

LocalTime TimeZone::toLocal(Instant instant) const
{
    return LocalTime(instant.time_since_epoch() + seconds(offsetAt(instant)));
}

TimeZone::Period TimeZone::periodAt(Instant instant) const
{
    return m_data->periodAt(floorSeconds(instant));
}

TimeZone::Resolution TimeZone::resolve(LocalTime local) const
{
    const Instant asUtc(local.time_since_epoch());
    if (m_data->fixed) {
        const Instant t = asUtc - seconds(m_data->offsets.front());
        return {Resolution::Kind::Unique, t, t};
    }
    // Real zones change their offset at most once within a day of any instant, so the offsets in force
    // a day before and a day after give every candidate.
    const int before = offsetAt(asUtc - days(1));
    const int after = offsetAt(asUtc + days(1));
    const Instant early = asUtc - seconds(before);
    const Instant late = asUtc - seconds(after);
    const bool earlyValid = offsetAt(early) == before;
    const bool lateValid = offsetAt(late) == after;
    if (earlyValid && lateValid && early != late)
        return {Resolution::Kind::Fold, std::min(early, late), std::max(early, late)};
    if (earlyValid)
        return {Resolution::Kind::Unique, early, early};
    if (lateValid)
        return {Resolution::Kind::Unique, late, late};
    // In a gap: the offset in force before it gives the instant.
    return {Resolution::Kind::Gap, early, early};
}

bool operator==(const TimeZone &a, const TimeZone &b)
{
    return a.m_data == b.m_data || a.m_data->id == b.m_data->id;
}

QDateTime toQDateTime(Instant instant, const QTimeZone &zone)
{
    const qint64 us = toMicroseconds(instant);
    const qint64 ms = us >= 0 ? us / 1000 : -((-us + 999) / 1000);
    return QDateTime::fromMSecsSinceEpoch(ms, zone.isValid() ? zone : QTimeZone::utc());
}

std::optional<Instant> fromQDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return std::nullopt;
    return Instant(Microseconds(dateTime.toMSecsSinceEpoch() * 1000));
}

} // namespace qtscheduler
