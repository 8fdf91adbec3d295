#include "isodatetime.h"

#include <cstdlib>

using namespace std::chrono;

namespace qtscheduler {

namespace {

// Reads exactly `count` decimal digits at `pos`; -1 when they are not there.
int readDigits(QStringView text, qsizetype &pos, int count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = text[pos + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + int(c - u'0');
    }
    pos += count;
    return value;
}

bool consume(QStringView text, qsizetype &pos, char16_t c)
{
    if (pos < text.size() && text[pos].unicode() == c) {
        ++pos;
        return true;
    }
    return false;
}

char *writeDigits(char *out, long long value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

} // namespace

std::optional<IsoDateTime> IsoDateTime::parse(QStringView text)
{
    text = text.trimmed();
    qsizetype pos = 0;
    const int y = readDigits(text, pos, 4);
    if (y < 1 || !consume(text, pos, u'-'))
        return std::nullopt;
    const int mo = readDigits(text, pos, 2);
    if (mo < 1 || mo > 12 || !consume(text, pos, u'-'))
        return std::nullopt;
    const int d = readDigits(text, pos, 2);
    const year_month_day ymd{year(y), month(unsigned(mo)), day(unsigned(d < 0 ? 0 : d))};
    if (d < 1 || !ymd.ok())
        return std::nullopt;

    IsoDateTime result;
    const local_days date{ymd};
    if (pos == text.size()) {
        result.m_kind = Kind::Date;
        result.m_local = LocalTime(date);
        return result;
    }
    if (!consume(text, pos, u'T') && !consume(text, pos, u't') && !consume(text, pos, u' '))
        return std::nullopt;

    const int h = readDigits(text, pos, 2);
    if (h < 0 || h > 23 || !consume(text, pos, u':'))
        return std::nullopt;
    const int mi = readDigits(text, pos, 2);
    if (mi < 0 || mi > 59)
        return std::nullopt;
    int s = 0;
    qint64 micro = 0;
    if (consume(text, pos, u':')) {
        s = readDigits(text, pos, 2);
        if (s < 0 || s > 59)
            return std::nullopt;
        if (consume(text, pos, u'.') || consume(text, pos, u',')) {
            int digits = 0;
            while (pos < text.size() && text[pos].isDigit()) {
                if (digits < 6)
                    micro = micro * 10 + text[pos].digitValue();
                ++digits;
                ++pos;
            }
            if (digits == 0 || digits > 9)
                return std::nullopt;
            for (int i = digits; i < 6; ++i)
                micro *= 10;
        }
    }
    result.m_local = LocalTime(date) + hours(h) + minutes(mi) + seconds(s) + Microseconds(micro);

    if (pos == text.size()) {
        result.m_kind = Kind::LocalDateTime;
        return result;
    }
    result.m_kind = Kind::WithOffset;
    if (consume(text, pos, u'Z') || consume(text, pos, u'z')) {
        result.m_offsetSeconds = 0;
    } else {
        int sign = 0;
        if (consume(text, pos, u'+'))
            sign = 1;
        else if (consume(text, pos, u'-') || consume(text, pos, u'\u2212'))
            sign = -1;
        else
            return std::nullopt;
        const int oh = readDigits(text, pos, 2);
        if (oh < 0 || oh > 23)
            return std::nullopt;
        int om = 0;
        int os = 0;
        if (pos < text.size()) {
            consume(text, pos, u':');
            om = readDigits(text, pos, 2);
            if (om < 0 || om > 59)
                return std::nullopt;
            if (consume(text, pos, u':')) {
                os = readDigits(text, pos, 2);
                if (os < 0 || os > 59)
                    return std::nullopt;
            }
        }
        result.m_offsetSeconds = sign * (oh * 3600 + om * 60 + os);
    }
    if (pos != text.size())
        return std::nullopt;
    return result;
}

Instant IsoDateTime::toInstant(const TimeZone &zone) const
{
    if (m_kind == Kind::WithOffset)
        return Instant(m_local.time_since_epoch() - seconds(m_offsetSeconds));
    return zone.resolve(m_local).first;
}

int IsoDateTime::formatTo(char *buffer, Instant instant, const TimeZone &zone, Precision precision)
{
    const int offset = zone.offsetAt(instant);
    const LocalTime local = LocalTime(instant.time_since_epoch() + seconds(offset));
    const local_days day = floor<days>(local);
    const year_month_day ymd{day};
    const Microseconds sinceMidnight = local - day;
    const long long totalSeconds = duration_cast<seconds>(sinceMidnight).count();
    const long long micro = (sinceMidnight - seconds(totalSeconds)).count();

    char *out = buffer;
    const int yearValue = int(ymd.year());
    if (yearValue < 0) {
        *out++ = '-';
        out = writeDigits(out, -yearValue, 4);
    } else {
        out = writeDigits(out, yearValue, 4);
    }
    *out++ = '-';
    out = writeDigits(out, unsigned(ymd.month()), 2);
    *out++ = '-';
    out = writeDigits(out, unsigned(ymd.day()), 2);
    *out++ = 'T';
    out = writeDigits(out, totalSeconds / 3600, 2);
    *out++ = ':';
    out = writeDigits(out, (totalSeconds / 60) % 60, 2);
    *out++ = ':';
    out = writeDigits(out, totalSeconds % 60, 2);
    if (micro != 0 || precision == Precision::AlwaysMicroseconds) {
        *out++ = '.';
        out = writeDigits(out, micro, 6);
    }
    *out++ = offset < 0 ? '-' : '+';
    const int absOffset = std::abs(offset);
    out = writeDigits(out, absOffset / 3600, 2);
    *out++ = ':';
    out = writeDigits(out, (absOffset / 60) % 60, 2);
    if (absOffset % 60 != 0) {
        *out++ = ':';
        out = writeDigits(out, absOffset % 60, 2);
    }
    return int(out - buffer);
}

QString IsoDateTime::format(Instant instant, const TimeZone &zone, Precision precision)
{
    char buffer[MaxFormattedLength];
    const int length = formatTo(buffer, instant, zone, precision);
    return QString::fromLatin1(buffer, length);
}

QString IsoDateTime::formatDate(LocalTime local)
{
    const year_month_day ymd{floor<days>(local)};
    char buffer[16];
    char *out = writeDigits(buffer, int(ymd.year()), 4);
    *out++ = '-';
    out = writeDigits(out, unsigned(ymd.month()), 2);
    *out++ = '-';
    out = writeDigits(out, unsigned(ymd.day()), 2);
    return QString::fromLatin1(buffer, out - buffer);
}

} // namespace qtscheduler
