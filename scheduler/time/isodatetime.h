// ISO-8601 dates and times as the trigger JSON, the job JSON and the CLI write them.
//
//     auto parsed = qtscheduler::IsoDateTime::parse(u"2026-12-01T09:00:00");   // local: no offset
//     qtscheduler::Instant t = parsed->toInstant(berlin);                       // resolved in Berlin
//     QString s = qtscheduler::IsoDateTime::format(t, berlin);                 // "2026-12-01T09:00:00+01:00"
//
// Accepted: a date ("2026-12-01", midnight local), a date-time without offset (local time in the zone it
// is read in), and a date-time with "Z" or an offset ("+02:00", "+0200", "+02"), which is an instant.
// "T" or one space separates date and time; seconds and a fraction of up to 9 digits are optional
// (kept to the microsecond). Written: the offset in force at that instant, fractional seconds only when
// they are not zero (six digits, as Python's isoformat()), or always with Precision::AlwaysMicroseconds.
#pragma once

#include <QtScheduler/qtscheduler_export.h>
#include <QtScheduler/time/instant.h>
#include <QtScheduler/time/timezone.h>

#include <QString>
#include <QStringView>

#include <optional>

namespace qtscheduler {

class QTSCHEDULER_EXPORT IsoDateTime
{
public:
    enum class Kind {
        Date,           // "2026-12-01": midnight, local time
        LocalDateTime,  // "2026-12-01T09:00:00": local time
        WithOffset,     // "2026-12-01T09:00:00+01:00" or "...Z": an instant
    };

    Kind kind() const { return m_kind; }
    // The wall-clock reading as written (for WithOffset: in the offset written).
    LocalTime localTime() const { return m_local; }
    // For Kind::WithOffset, the offset written, in seconds east of UTC.
    int offsetSeconds() const { return m_offsetSeconds; }

    // The instant this denotes when local readings are taken in `zone`. A wall time that does not exist
    // (DST gap) takes the offset in force before the gap; one that occurs twice takes the first occurrence.
    Instant toInstant(const TimeZone &zone) const;

    // std::nullopt when the text is not one of the accepted forms or names an impossible date or time.
    static std::optional<IsoDateTime> parse(QStringView text);

    enum class Precision { Auto, AlwaysMicroseconds };
    static QString format(Instant instant, const TimeZone &zone,
                          Precision precision = Precision::Auto);
    // The same into a caller's buffer (at least MaxFormattedLength bytes, Latin-1, no terminator);
    // returns the length. For output paths that write many times.
    static constexpr int MaxFormattedLength = 40;
    static int formatTo(char *buffer, Instant instant, const TimeZone &zone,
                        Precision precision = Precision::Auto);
    // A date (for calendar-interval start and end dates): "2026-01-31".
    static QString formatDate(LocalTime local);

private:
    IsoDateTime() = default;
    Kind m_kind = Kind::Date;
    LocalTime m_local{};
    int m_offsetSeconds = 0;
};

} // namespace qtscheduler
