#include "cronschedule_p.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <limits>

namespace qtscheduler::cron {

namespace {

constexpr qint64 SecondsPerDay = 86400;
// Every UTC offset lies within ±18 h: a wall time W is fired at an instant within W ± MaxOffset.
constexpr qint64 MaxOffset = qint64(18) * 3600;
constexpr qint64 NoMatch = std::numeric_limits<qint64>::max();

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int countTrailingZeros(quint64 v)
{
    return std::countr_zero(v);
}

qint64 toSeconds(Instant t)
{
    return std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
}

// ISO weeks in a year: 53 when it starts on a Thursday, or on a Wednesday in a leap year.
int isoWeeksInYear(int year)
{
    const int jan1 = weekdayOfDay(daysFromCivil(year, 1, 1));
    return jan1 == 3 || (jan1 == 2 && isLeapYear(year)) ? 53 : 52;
}

} // namespace

Schedule::Schedule(const std::array<const Field *, FieldCount> &fields)
{
    auto field = [&](FieldId id) -> const Field & { return *fields[size_t(id)]; };

    m_secondMask = field(FieldId::Second).valueMask();
    m_minuteMask = field(FieldId::Minute).valueMask();
    m_hourMask = field(FieldId::Hour).valueMask();
    m_hourAll = field(FieldId::Hour).matchesEverything();
    m_monthMask = quint16(field(FieldId::Month).valueMask());
    m_weekAll = field(FieldId::Week).matchesEverything();
    m_weekMask = field(FieldId::Week).valueMask();

    const Field &years = field(FieldId::Year);
    m_yearAll = years.matchesEverything();
    if (!m_yearAll) {
        for (const Expression &e : years.expressions()) {
            if (e.kind == Expression::Kind::All)
                m_years.push_back({1970, 9999, std::max(e.step, 1)});
            else
                m_years.push_back({e.first, e.last, std::max(e.step, 1)});
        }
    }

    // The day table: day items (numbers, "last", "xth weekday") ANDed with day_of_week, per month
    // length and weekday of the 1st.
    const Field &day = field(FieldId::Day);
    const quint32 staticDays = quint32(day.valueMask());
    const quint64 weekdays = field(FieldId::DayOfWeek).valueMask();
    for (int length = 28; length <= 31; ++length) {
        const quint32 inMonth = quint32(((quint64(1) << (length + 1)) - 1) & ~quint64(1));
        for (int first = 0; first < 7; ++first) {
            quint32 bits = staticDays & inMonth;
            for (const Expression &e : day.expressions()) {
                if (e.kind == Expression::Kind::LastDay) {
                    bits |= quint32(1) << length;
                } else if (e.kind == Expression::Kind::Position) {
                    int firstHit = e.first - first + 1;
                    if (firstHit <= 0)
                        firstHit += 7;
                    const int target = e.position < 5 ? firstHit + e.position * 7
                                                      : firstHit + ((length - firstHit) / 7) * 7;
                    if (target <= length)
                        bits |= quint32(1) << target;
                }
            }
            quint32 byWeekday = 0;
            for (int d = 1; d <= length; ++d) {
                if (weekdays & (quint64(1) << ((first + d - 1) % 7)))
                    byWeekday |= quint32(1) << d;
            }
            m_dayTable[length - 28][first] = bits & byWeekday;
        }
    }

    // A month none of whose possible shapes has a matching day never matches (day 30 in February).
    for (int month = 1; month <= 12; ++month) {
        if (!(m_monthMask & (1u << month)))
            continue;
        bool possible = false;
        for (int length = 28; length <= 31; ++length) {
            const bool occurs = month == 2 ? length <= 29 : length == daysInMonth(2001, month);
            for (int first = 0; occurs && first < 7; ++first)
                possible = possible || m_dayTable[length - 28][first] != 0;
        }
        if (!possible)
            m_monthMask &= quint16(~(1u << month));
    }
    m_never = m_monthMask == 0 || m_weekMask == 0 || m_secondMask == 0 || m_minuteMask == 0
        || m_hourMask == 0 || (!m_yearAll && nextYear(1970) < 0);
}

int Schedule::nextYear(int year) const
{
    if (year > 9999)
        return -1;
    if (m_yearAll)
        return std::max(year, 1970);
    int best = -1;
    for (const YearRange &r : m_years) {
        int v = std::max(year, r.first);
        v += (r.step - (v - r.first) % r.step) % r.step;
        if (v <= r.last && (best < 0 || v < best))
            best = v;
    }
    return best;
}

quint32 Schedule::weekDays(int year, int month, qint64 firstDay, int firstWeekday, int length) const
{
    // ISO week of the 1st, then one week more at each Monday. (The 1st of a month is never in the next
    // year's week 1: only 29-31 December can be.)
    const int dayOfYear0 = int(firstDay - daysFromCivil(year, 1, 1));
    int week = (dayOfYear0 - firstWeekday + 10) / 7;
    if (week < 1)
        week = isoWeeksInYear(year - 1);
    quint32 bits = 0;
    int d = 1;
    int weekday = firstWeekday;
    while (d <= length) {
        const int end = std::min(d + 6 - weekday, length);
        if (m_weekMask & (quint64(1) << week))
            bits |= quint32(((quint64(1) << (end + 1)) - 1) & ~((quint64(1) << d) - 1));
        d = end + 1;
        weekday = 0;
        // January's first days may belong to last year's week 52 or 53; December's last days to week 1.
        if ((month == 1 && week >= 52) || (month == 12 && week >= isoWeeksInYear(year)))
            week = 1;
        else
            ++week;
    }
    return bits;
}

quint32 Schedule::dayMask(int year, int month, qint64 firstDay) const
{
    const int firstWeekday = weekdayOfDay(firstDay);
    const int length = daysInMonth(year, month);
    quint32 bits = m_dayTable[length - 28][firstWeekday];
    if (!m_weekAll && bits)
        bits &= weekDays(year, month, firstDay, firstWeekday, length);
    return bits;
}

std::optional<qint64> Schedule::nextWall(qint64 wall) const
{
    if (m_never || wall > LastWallSecond)
        return std::nullopt;
    wall = std::max<qint64>(wall, 0);

    const qint64 startDays = floorDiv(wall, SecondsPerDay);
    int secondOfDay = int(wall - startDays * SecondsPerDay);
    const CivilDate start = civilFromDays(startDays);
    int y = start.year;
    int m = start.month;
    int d = start.day;
    int h = secondOfDay / 3600;
    int mi = secondOfDay / 60 % 60;
    int s = secondOfDay % 60;

    const int firstYear = y;
    // The month being searched: its first day number and its matching days.
    int cachedYear = y;
    int cachedMonth = m;
    qint64 firstDay = startDays - (d - 1);
    quint32 days = dayMask(y, m, firstDay);
    // Whether a year is impossible depends only on its shape: the weekday of 1 January and whether it
    // and the year before are leap years. Shapes found impossible on a whole-year scan are skipped.
    quint32 impossibleShapes = 0;
    bool wholeYear = m == 1 && d == 1 && secondOfDay == 0;

    auto yearShape = [](int year) {
        return weekdayOfDay(daysFromCivil(year, 1, 1)) * 4 + (isLeapYear(year) ? 2 : 0)
            + (isLeapYear(year - 1) ? 1 : 0);
    };
    auto nextYearFromStart = [&](int year) {
        y = year;
        m = 1;
        d = 1;
        h = mi = s = 0;
        wholeYear = true;
    };

    while (true) {
        // year
        if (!m_yearAll || y > 9999) {
            const int ny = nextYear(y);
            if (ny < 0)
                return std::nullopt;
            if (ny != y)
                nextYearFromStart(ny);
        }
        if (wholeYear && m == 1 && d == 1 && h == 0 && mi == 0 && s == 0) {
            // The calendar repeats every 400 years: a longer search finds nothing new.
            if (m_yearAll && y > firstYear + 401)
                return std::nullopt;
            if (impossibleShapes & (1u << yearShape(y))) {
                nextYearFromStart(y + 1);
                continue;
            }
        }
        // month
        const quint32 months = quint32(m_monthMask) >> m;
        if (!months) {
            if (wholeYear)
                impossibleShapes |= 1u << yearShape(y);
            nextYearFromStart(y + 1);
            continue;
        }
        if (const int nm = m + countTrailingZeros(months); nm != m) {
            m = nm;
            d = 1;
            h = mi = s = 0;
        }
        // day
        if (y != cachedYear || m != cachedMonth) {
            firstDay = daysFromCivil(y, m, 1);
            days = dayMask(y, m, firstDay);
            cachedYear = y;
            cachedMonth = m;
        }
        const quint64 daysLeft = quint64(days) >> d;
        if (!daysLeft) {
            ++m;
            d = 1;
            h = mi = s = 0;
            if (m > 12) {
                if (wholeYear)
                    impossibleShapes |= 1u << yearShape(y);
                nextYearFromStart(y + 1);
            }
            continue;
        }
        if (const int nd = d + countTrailingZeros(daysLeft); nd != d) {
            d = nd;
            h = mi = s = 0;
        }
        // hour
        const quint64 hours = m_hourMask >> h;
        if (!hours) {
            ++d;
            h = mi = s = 0;
            continue;
        }
        if (const int nh = h + countTrailingZeros(hours); nh != h) {
            h = nh;
            mi = s = 0;
        }
        // minute
        const quint64 minutes = m_minuteMask >> mi;
        if (!minutes) {
            ++h;
            mi = s = 0;
            continue;
        }
        if (const int nmi = mi + countTrailingZeros(minutes); nmi != mi) {
            mi = nmi;
            s = 0;
        }
        // second
        const quint64 seconds = m_secondMask >> s;
        if (!seconds) {
            ++mi;
            s = 0;
            continue;
        }
        s += countTrailingZeros(seconds);
        return (firstDay + d - 1) * SecondsPerDay + qint64(h) * 3600 + qint64(mi) * 60 + s;
    }
}

bool Schedule::matchesWall(qint64 wall) const
{
    if (wall < 0 || wall > LastWallSecond)
        return false;
    return nextWall(wall) == wall;
}

std::optional<qint64> Schedule::nextInstant(qint64 from, const TimeZone &zone) const
{
    if (m_never)
        return std::nullopt;
    // Wall times before 1970 never match, so nothing fires before 1970-01-01T00:00 - MaxOffset.
    qint64 s = std::max(from, -MaxOffset);
    if (s > LastWallSecond + MaxOffset)
        return std::nullopt;

    // What is known of the wall-clock search: no match in [knownFrom, knownMatch), and knownMatch
    // matches (NoMatch: none up to year 9999).
    qint64 knownFrom = NoMatch;
    qint64 knownMatch = NoMatch;
    auto nextMatch = [&](qint64 wall) {
        if (wall >= knownFrom && wall <= knownMatch)
            return knownMatch;
        knownFrom = wall;
        knownMatch = nextWall(wall).value_or(NoMatch);
        return knownMatch;
    };

    using std::chrono::seconds;
    while (true) {
        const TimeZone::Period period = zone.periodAt(Instant(seconds(s)));
        const bool last = period.end == Instant::max();
        const qint64 begin = period.begin == Instant::min() ? std::numeric_limits<qint32>::min()
                                                             : toSeconds(period.begin);
        const qint64 end = last ? LastWallSecond + 2 * MaxOffset : toSeconds(period.end);
        const qint64 offset = period.offset;
        const qint64 offsetBefore = period.offsetBefore;
        const qint64 lo = std::max(s, begin);
        qint64 best = NoMatch;

        // Wall times whose instant under this period's offset falls in [lo, end); after a fall-back,
        // the repeated wall times already had their first occurrence, unless every hour fires.
        qint64 wallFrom = lo + offset;
        if (offset < offsetBefore && !m_hourAll)
            wallFrom = std::max(wallFrom, begin + offsetBefore);
        if (wallFrom < end + offset) {
            const qint64 match = nextMatch(wallFrom);
            if (match < end + offset)
                best = match - offset;
        }
        // After a spring-forward, the wall times skipped over fire at the offset before the gap:
        // [begin + offsetBefore, begin + offset) maps to instants [begin, begin + offset - offsetBefore).
        if (offset > offsetBefore) {
            const qint64 gapFrom = lo + offsetBefore;
            const qint64 gapEnd = begin + offset;
            if (gapFrom < gapEnd) {
                const qint64 match = nextMatch(gapFrom);
                if (match < gapEnd)
                    best = std::min(best, match - offsetBefore);
            }
        }
        if (best != NoMatch)
            return best;
        if (last)
            return std::nullopt;
        s = std::max(end, s + 1);
        // Every candidate at an instant >= knownFrom + MaxOffset has its wall time >= knownFrom, hence
        // >= knownMatch, hence fires at >= knownMatch - MaxOffset: skip the periods in between.
        if (knownFrom != NoMatch && s - MaxOffset >= knownFrom) {
            if (knownMatch == NoMatch)
                return std::nullopt;
            s = std::max(s, knownMatch - MaxOffset);
        }
        if (s > LastWallSecond + MaxOffset)
            return std::nullopt;
    }
}

} // namespace qtscheduler::cron
