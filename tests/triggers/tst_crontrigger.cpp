// CronTrigger: every expression form, APScheduler's defaults, leap years, ISO weeks, start/end dates,
// crontab lines, the trigger JSON, error messages, descriptions, and DST in several zones. The
// expected fire times of the UTC table were computed with APScheduler 3.9.1; the DST tables follow
// DESIGN.md's rule ("no run lost, no run doubled"), which differs from APScheduler 3.9.1 at folds.
// Property tests compare the trigger with an independent brute-force oracle written here.
#include <QtScheduler/schedulererror.h>
#include <QtScheduler/time/isodatetime.h>
#include <QtScheduler/triggers/crontrigger.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <functional>

using namespace qtscheduler;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

TimeZone zone(QStringView id)
{
    const std::optional<TimeZone> z = TimeZone::fromId(id);
    if (!z)
        qFatal("time zone %s is not available", qPrintable(id.toString()));
    return *z;
}

Instant at(QStringView iso)
{
    const std::optional<IsoDateTime> parsed = IsoDateTime::parse(iso);
    if (!parsed)
        qFatal("bad date-time in test: %s", qPrintable(iso.toString()));
    return parsed->toInstant(TimeZone::utc());
}

QJsonObject object(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test: %s", qPrintable(json));
    return doc.object();
}

std::unique_ptr<CronTrigger> fromJson(const QString &json)
{
    return CronTrigger::fromJson(object(json), TriggerContext{TimeZone::utc(), at(u"2026-01-01T00:00:00Z")});
}

// The sequence `qtscheduler preview` prints: t0 = next(none, from), t(i+1) = next(t(i), t(i)).
QStringList sequence(const Trigger &trigger, Instant from, int count)
{
    QStringList times;
    std::optional<Instant> previous;
    for (int i = 0; i < count; ++i) {
        const std::optional<Instant> next = trigger.scheduledFireTime(previous, previous ? *previous : from);
        if (!next)
            break;
        times.append(IsoDateTime::format(*next, trigger.timeZone()));
        previous = next;
    }
    return times;
}

// ---- An independent oracle: cron items as data, matched against civil fields with std::chrono -------

struct Item
{
    enum Kind { All, Range, Position, LastDay } kind = All;
    int first = 0;
    int last = 0;
    int step = 1;
    int position = 0;   // 0-4: 1st-5th, 5: last
};

struct FieldSpec
{
    const char *name;
    int minimum;
    int maximum;
};

constexpr FieldSpec Specs[8] = {{"year", 1970, 9999}, {"month", 1, 12}, {"day", 1, 31}, {"week", 1, 53},
                                {"day_of_week", 0, 6}, {"hour", 0, 23}, {"minute", 0, 59}, {"second", 0, 59}};
const char *const WeekdayNames[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const char *const MonthNames[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};

struct Civil
{
    int value[8];   // year, month, day, ISO week, weekday (0 = Monday), hour, minute, second
    int monthLength;
    sys_days date;
};

Civil civil(qint64 wallSeconds)
{
    const sys_seconds t{seconds(wallSeconds)};
    const sys_days date = floor<days>(t);
    const year_month_day ymd{date};
    const hh_mm_ss<seconds> time{t - date};
    const unsigned iso = weekday{date}.iso_encoding();     // 1 = Monday
    const sys_days thursday = date + days(4 - int(iso));
    const year_month_day thursdayYmd{thursday};
    const int week = int((thursday - sys_days{thursdayYmd.year() / January / 1}).count() / 7 + 1);
    Civil c{};
    c.value[0] = int(ymd.year());
    c.value[1] = int(unsigned(ymd.month()));
    c.value[2] = int(unsigned(ymd.day()));
    c.value[3] = week;
    c.value[4] = int(iso) - 1;
    c.value[5] = int(time.hours().count());
    c.value[6] = int(time.minutes().count());
    c.value[7] = int(time.seconds().count());
    c.monthLength = int(unsigned(year_month_day_last{ymd.year() / ymd.month() / last}.day()));
    c.date = date;
    return c;
}

bool itemMatches(const Item &item, int field, const Civil &c)
{
    const int v = c.value[field];
    switch (item.kind) {
    case Item::All:
        return (v - Specs[field].minimum) % item.step == 0;
    case Item::Range:
        return v >= item.first && v <= item.last && (v - item.first) % item.step == 0;
    case Item::LastDay:
        return v == c.monthLength;
    case Item::Position: {
        const year_month_day ymd{c.date};
        const weekday wd{unsigned((item.first + 1) % 7)};     // chrono: 0 = Sunday
        sys_days target;
        if (item.position == 5) {
            target = sys_days{year_month_weekday_last{ymd.year(), ymd.month(), weekday_last{wd}}};
        } else {
            const year_month_weekday ymw{ymd.year(), ymd.month(), wd[unsigned(item.position + 1)]};
            if (!ymw.ok())
                return false;
            target = sys_days{ymw};
        }
        return target == c.date;
    }
    }
    return false;
}

struct Expression
{
    QList<Item> items[8];   // empty: "*"
    QString text[8];

    bool matches(qint64 wallSeconds) const
    {
        if (wallSeconds < 0)
            return false;
        const Civil c = civil(wallSeconds);
        for (int f = 0; f < 8; ++f) {
            if (items[f].isEmpty())
                continue;
            bool any = false;
            for (const Item &item : items[f])
                any = any || itemMatches(item, f, c);
            if (!any)
                return false;
        }
        return true;
    }

    bool everyHour() const
    {
        for (int h = 0; h < 24; ++h) {
            bool any = items[5].isEmpty();
            for (const Item &item : items[5]) {
                Civil c{};
                c.value[5] = h;
                any = any || itemMatches(item, 5, c);
            }
            if (!any)
                return false;
        }
        return true;
    }

    QJsonObject json() const
    {
        QJsonObject o;
        for (int f = 0; f < 8; ++f)
            o.insert(QLatin1StringView(Specs[f].name), text[f].isEmpty() ? u"*"_qs : text[f]);
        return o;
    }
};

// Random items within the rules APScheduler accepts; `dense` keeps the date fields "*" and the seconds
// one value, so that fire times are frequent and fall on whole minutes.
Expression randomExpression(QRandomGenerator &rng, bool dense)
{
    Expression e;
    auto bounded = [&](int lo, int hi) { return lo + int(rng.bounded(quint32(hi - lo + 1))); };
    for (int f = 0; f < 8; ++f) {
        const FieldSpec &spec = Specs[f];
        int lo = spec.minimum;
        int hi = spec.maximum;
        if (f == 0) {
            lo = 2020;
            hi = 2040;
        }
        if (dense && f <= 4)
            continue;
        const bool restrict = dense ? (f == 7 || rng.bounded(3) != 0) : rng.bounded(100) < 45;
        if (!restrict)
            continue;
        const int count = dense && f == 7 ? 1 : (rng.bounded(4) == 0 ? 2 : 1);
        QStringList texts;
        for (int i = 0; i < count; ++i) {
            Item item;
            QString text;
            int kind = dense && f == 7 ? 1 : int(rng.bounded(9));
            if ((kind == 6 || kind == 7) && f != 2)
                kind = 1;
            if (kind == 8 && f != 1 && f != 4)
                kind = 1;
            switch (kind) {
            case 0: {     // */s
                item.kind = Item::All;
                item.step = bounded(1, std::min(spec.maximum - spec.minimum, 12));
                text = u"*/"_qs + QString::number(item.step);
                break;
            }
            case 1:
            case 2: {     // a
                item.kind = Item::Range;
                item.first = item.last = bounded(lo, hi);
                text = QString::number(item.first);
                break;
            }
            case 3: {     // a-b
                item.kind = Item::Range;
                item.first = bounded(lo, hi);
                item.last = bounded(item.first, hi);
                text = QString::number(item.first) + u'-' + QString::number(item.last);
                break;
            }
            case 4: {     // a-b/c
                item.kind = Item::Range;
                item.first = bounded(lo, hi - 1);
                item.last = bounded(item.first + 1, hi);
                item.step = bounded(1, item.last - item.first);
                text = QString::number(item.first) + u'-' + QString::number(item.last) + u'/'
                    + QString::number(item.step);
                break;
            }
            case 5: {     // a/c
                item.kind = Item::Range;
                item.first = bounded(lo, hi - 1);
                item.last = spec.maximum;
                item.step = bounded(1, spec.maximum - item.first);
                text = QString::number(item.first) + u'/' + QString::number(item.step);
                break;
            }
            case 6: {     // xth weekday, last weekday
                item.kind = Item::Position;
                item.position = bounded(0, 5);
                item.first = bounded(0, 6);
                static const char *const positions[6] = {"1st", "2nd", "3rd", "4th", "5th", "last"};
                text = QLatin1StringView(positions[item.position]) + u' ' + QLatin1StringView(WeekdayNames[item.first]);
                break;
            }
            case 7: {     // last
                item.kind = Item::LastDay;
                text = u"last"_qs;
                break;
            }
            default: {    // names
                item.kind = Item::Range;
                item.first = bounded(lo, hi);
                item.last = bounded(item.first, hi);
                auto name = [&](int v) {
                    return QString::fromLatin1(f == 1 ? MonthNames[v - 1] : WeekdayNames[v]).toUpper();
                };
                text = item.first == item.last ? name(item.first) : name(item.first) + u'-' + name(item.last);
                break;
            }
            }
            e.items[f].append(item);
            texts.append(text);
        }
        e.text[f] = texts.join(u',');
    }
    return e;
}

// Whether an instant is a fire time of `e` in `zone` by DESIGN.md's rule.
bool isFireTime(const Expression &e, const TimeZone &tz, Instant t)
{
    const qint64 s = duration_cast<seconds>(t.time_since_epoch()).count();
    const qint64 wall = s + tz.offsetAt(t);
    if (e.matches(wall)) {
        const TimeZone::Resolution r = tz.resolve(LocalTime(seconds(wall)));
        if (r.kind != TimeZone::Resolution::Kind::Fold || r.first == t || e.everyHour())
            return true;
    }
    // A wall time skipped by a spring-forward, fired at the offset before the gap.
    const TimeZone::Period p = tz.periodAt(t);
    if (p.offset > p.offsetBefore && t < p.begin + seconds(p.offset - p.offsetBefore)) {
        const qint64 gapWall = s + p.offsetBefore;
        return e.matches(gapWall) && tz.resolve(LocalTime(seconds(gapWall))).kind == TimeZone::Resolution::Kind::Gap;
    }
    return false;
}

} // namespace

class tst_CronTrigger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fireTimes_data();
    void fireTimes();
    void dst_data();
    void dst();
    void defaults_data();
    void defaults();
    void crontab_data();
    void crontab();
    void errors_data();
    void errors();
    void description_data();
    void description();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void numbersAreAccepted();
    void equality();
    void constructorAndAccessors();
    void nextFireTimeFollowsPrevious();
    void jitterStaysWithinBounds();
    void impossibleExpressionsAnswerQuickly_data();
    void impossibleExpressionsAnswerQuickly();
    void propertiesOfRandomExpressions_data();
    void propertiesOfRandomExpressions();
    void noRunLostOrDoubledNearTransitions_data();
    void noRunLostOrDoubledNearTransitions();
};

// Expected times computed with APScheduler 3.9.1 (CronTrigger / from_crontab, UTC).
void tst_CronTrigger::fireTimes_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("expected");

    auto row = [](const char *name, const char *json, const char *from, int count, QStringList expected) {
        QTest::newRow(name) << QString::fromUtf8(json) << QString::fromLatin1(from) << count << expected;
    };
    row("no fields: every second", R"({})", "2026-05-10T10:00:00.500000+00:00", 3,
        {u"2026-05-10T10:00:01+00:00"_qs, u"2026-05-10T10:00:02+00:00"_qs, u"2026-05-10T10:00:03+00:00"_qs});
    row("*/a: every 5 minutes (crontab)", R"({"crontab": "*/5 * * * *"})", "2026-05-10T10:02:00+00:00", 3,
        {u"2026-05-10T10:05:00+00:00"_qs, u"2026-05-10T10:10:00+00:00"_qs, u"2026-05-10T10:15:00+00:00"_qs});
    row("a: hour 9, later fields default to 0", R"({"hour": "9"})", "2026-05-10T10:00:00+00:00", 2,
        {u"2026-05-11T09:00:00+00:00"_qs, u"2026-05-12T09:00:00+00:00"_qs});
    row("a-b: hours 9-11", R"({"hour": "9-11", "minute": "0"})", "2026-05-10T10:30:00+00:00", 3,
        {u"2026-05-10T11:00:00+00:00"_qs, u"2026-05-11T09:00:00+00:00"_qs, u"2026-05-11T10:00:00+00:00"_qs});
    row("a-b/c: minutes 10-40/15", R"({"minute": "10-40/15"})", "2026-05-10T10:00:00+00:00", 4,
        {u"2026-05-10T10:10:00+00:00"_qs, u"2026-05-10T10:25:00+00:00"_qs, u"2026-05-10T10:40:00+00:00"_qs,
         u"2026-05-10T11:10:00+00:00"_qs});
    row("a/c: minutes 50/4", R"({"minute": "50/4"})", "2026-05-10T10:49:00+00:00", 4,
        {u"2026-05-10T10:50:00+00:00"_qs, u"2026-05-10T10:54:00+00:00"_qs, u"2026-05-10T10:58:00+00:00"_qs,
         u"2026-05-10T11:50:00+00:00"_qs});
    row("comma list with spaces", R"({"minute": "5, 20 ,45"})", "2026-05-10T10:00:00+00:00", 4,
        {u"2026-05-10T10:05:00+00:00"_qs, u"2026-05-10T10:20:00+00:00"_qs, u"2026-05-10T10:45:00+00:00"_qs,
         u"2026-05-10T11:05:00+00:00"_qs});
    row("month names, case-insensitive", R"({"month": "MAR-apr", "day": "15"})", "2026-01-01T00:00:00+00:00", 3,
        {u"2026-03-15T00:00:00+00:00"_qs, u"2026-04-15T00:00:00+00:00"_qs, u"2027-03-15T00:00:00+00:00"_qs});
    row("weekday names", R"({"day_of_week": "sat,Sun", "hour": "8"})", "2026-05-06T00:00:00+00:00", 3,
        {u"2026-05-09T08:00:00+00:00"_qs, u"2026-05-10T08:00:00+00:00"_qs, u"2026-05-16T08:00:00+00:00"_qs});
    row("day_of_week */2 is mon wed fri sun", R"({"day_of_week": "*/2", "hour": "0"})", "2026-01-01T00:00:00+00:00", 5,
        {u"2026-01-02T00:00:00+00:00"_qs, u"2026-01-04T00:00:00+00:00"_qs, u"2026-01-05T00:00:00+00:00"_qs,
         u"2026-01-07T00:00:00+00:00"_qs, u"2026-01-09T00:00:00+00:00"_qs});
    row("day_of_week numbers 0-2 are mon-wed", R"({"day_of_week": "0-2", "hour": "0"})", "2026-01-01T00:00:00+00:00", 4,
        {u"2026-01-05T00:00:00+00:00"_qs, u"2026-01-06T00:00:00+00:00"_qs, u"2026-01-07T00:00:00+00:00"_qs,
         u"2026-01-12T00:00:00+00:00"_qs});
    row("1st mon", R"({"day": "1st mon", "hour": "0"})", "2026-01-01T00:00:00+00:00", 3,
        {u"2026-01-05T00:00:00+00:00"_qs, u"2026-02-02T00:00:00+00:00"_qs, u"2026-03-02T00:00:00+00:00"_qs});
    row("3rd wed", R"({"day": "3rd wed", "hour": "0"})", "2026-01-01T00:00:00+00:00", 3,
        {u"2026-01-21T00:00:00+00:00"_qs, u"2026-02-18T00:00:00+00:00"_qs, u"2026-03-18T00:00:00+00:00"_qs});
    row("5th fri skips months without one", R"({"day": "5th fri", "hour": "0"})", "2026-01-01T00:00:00+00:00", 4,
        {u"2026-01-30T00:00:00+00:00"_qs, u"2026-05-29T00:00:00+00:00"_qs, u"2026-07-31T00:00:00+00:00"_qs,
         u"2026-10-30T00:00:00+00:00"_qs});
    row("last fri", R"({"day": "last fri", "hour": "23", "minute": "59"})", "2026-01-01T00:00:00+00:00", 3,
        {u"2026-01-30T23:59:00+00:00"_qs, u"2026-02-27T23:59:00+00:00"_qs, u"2026-03-27T23:59:00+00:00"_qs});
    row("last day of the month", R"({"day": "last", "hour": "0"})", "2026-01-15T00:00:00+00:00", 4,
        {u"2026-01-31T00:00:00+00:00"_qs, u"2026-02-28T00:00:00+00:00"_qs, u"2026-03-31T00:00:00+00:00"_qs,
         u"2026-04-30T00:00:00+00:00"_qs});
    row("last and 15", R"({"day": "last,15", "hour": "0"})", "2026-02-01T00:00:00+00:00", 4,
        {u"2026-02-15T00:00:00+00:00"_qs, u"2026-02-28T00:00:00+00:00"_qs, u"2026-03-15T00:00:00+00:00"_qs,
         u"2026-03-31T00:00:00+00:00"_qs});
    row("day 31 skips short months", R"({"day": "31", "hour": "0"})", "2026-01-01T00:00:00+00:00", 4,
        {u"2026-01-31T00:00:00+00:00"_qs, u"2026-03-31T00:00:00+00:00"_qs, u"2026-05-31T00:00:00+00:00"_qs,
         u"2026-07-31T00:00:00+00:00"_qs});
    row("Feb 29 in leap years", R"({"month": "2", "day": "29", "hour": "12"})", "2026-01-01T00:00:00+00:00", 3,
        {u"2028-02-29T12:00:00+00:00"_qs, u"2032-02-29T12:00:00+00:00"_qs, u"2036-02-29T12:00:00+00:00"_qs});
    row("Feb 29 with a year range across 2100", R"({"year": "2096-2104", "month": "2", "day": "29"})",
        "2026-01-01T00:00:00+00:00", 3, {u"2096-02-29T00:00:00+00:00"_qs, u"2104-02-29T00:00:00+00:00"_qs});
    // Only leap years starting on a Friday have one; 2021 also starts on a Friday but has no 29 February.
    row("5th mon in February", R"({"month": "2", "day": "5th mon"})", "2017-01-01T00:00:00+00:00", 2,
        {u"2044-02-29T00:00:00+00:00"_qs, u"2072-02-29T00:00:00+00:00"_qs});
    row("ISO week 53", R"({"week": "53", "day_of_week": "mon", "hour": "0"})", "2025-01-01T00:00:00+00:00", 3,
        {u"2026-12-28T00:00:00+00:00"_qs, u"2032-12-27T00:00:00+00:00"_qs, u"2037-12-28T00:00:00+00:00"_qs});
    row("ISO week 1 in the previous December", R"({"week": "1", "day_of_week": "mon"})", "2024-06-01T00:00:00+00:00", 3,
        {u"2024-12-30T00:00:00+00:00"_qs, u"2025-12-29T00:00:00+00:00"_qs, u"2027-01-04T00:00:00+00:00"_qs});
    row("ISO week with day of month", R"({"week": "1", "day": "1"})", "2026-06-01T00:00:00+00:00", 3,
        {u"2029-01-01T00:00:00+00:00"_qs, u"2030-01-01T00:00:00+00:00"_qs, u"2031-01-01T00:00:00+00:00"_qs});
    row("day and day_of_week are ANDed", R"({"day": "13", "day_of_week": "fri", "hour": "0"})",
        "2026-01-01T00:00:00+00:00", 3,
        {u"2026-02-13T00:00:00+00:00"_qs, u"2026-03-13T00:00:00+00:00"_qs, u"2026-11-13T00:00:00+00:00"_qs});
    row("end_date cut-off, inclusive", R"({"hour": "*/6", "end_date": "2026-05-11T06:00:00+00:00"})",
        "2026-05-10T13:00:00+00:00", 5,
        {u"2026-05-10T18:00:00+00:00"_qs, u"2026-05-11T00:00:00+00:00"_qs, u"2026-05-11T06:00:00+00:00"_qs});
    row("start_date later than now", R"({"minute": "0", "start_date": "2026-06-01T00:30:00+00:00"})",
        "2026-05-10T00:00:00+00:00", 2, {u"2026-06-01T01:00:00+00:00"_qs, u"2026-06-01T02:00:00+00:00"_qs});
    row("microseconds round up to the second", R"({"second": "*/10"})", "2026-05-10T10:00:00.000001+00:00", 2,
        {u"2026-05-10T10:00:10+00:00"_qs, u"2026-05-10T10:00:20+00:00"_qs});
    row("year 1970 from a later start: none", R"({"year": "1970"})", "2026-01-01T00:00:00+00:00", 2, {});
    row("day 31 in February: none", R"({"month": "feb", "day": "31"})", "2026-01-01T00:00:00+00:00", 2, {});
    row("day 30 in February: none", R"({"month": "2", "day": "30"})", "2026-01-01T00:00:00+00:00", 2, {});
    // APScheduler overflows after this one; nothing comes after 9999 here.
    row("last second of 9999", R"({"year": "9999", "month": "12", "day": "31", "hour": "23", "minute": "59", "second": "59"})",
        "2026-01-01T00:00:00+00:00", 2, {u"9999-12-31T23:59:59+00:00"_qs});
    row("second alone: every minute", R"({"second": "30"})", "2026-05-10T10:00:31+00:00", 2,
        {u"2026-05-10T10:01:30+00:00"_qs, u"2026-05-10T10:02:30+00:00"_qs});
    row("day_of_week alone: midnight", R"({"day_of_week": "mon"})", "2026-05-10T10:00:00+00:00", 2,
        {u"2026-05-11T00:00:00+00:00"_qs, u"2026-05-18T00:00:00+00:00"_qs});
    row("month alone: the 1st at midnight", R"({"month": "6"})", "2026-07-01T00:00:00+00:00", 2,
        {u"2027-06-01T00:00:00+00:00"_qs, u"2028-06-01T00:00:00+00:00"_qs});
    row("year alone: 1 January 00:00:00", R"({"year": "2027"})", "2026-12-31T23:59:58+00:00", 2,
        {u"2027-01-01T00:00:00+00:00"_qs});
    row("a step on a single value is ignored", R"({"minute": "0-0/5"})", "2026-05-10T10:01:00+00:00", 2,
        {u"2026-05-10T11:00:00+00:00"_qs, u"2026-05-10T12:00:00+00:00"_qs});
    row("office hours crontab", R"({"crontab": "*/30 9-17 * * mon-fri"})", "2026-05-08T17:00:00+00:00", 4,
        {u"2026-05-08T17:00:00+00:00"_qs, u"2026-05-08T17:30:00+00:00"_qs, u"2026-05-11T09:00:00+00:00"_qs,
         u"2026-05-11T09:30:00+00:00"_qs});
    row("from before 1970 starts in 1970", R"({"month": "1", "day": "1"})", "1960-06-01T00:00:00+00:00", 2,
        {u"1970-01-01T00:00:00+00:00"_qs, u"1971-01-01T00:00:00+00:00"_qs});
}

void tst_CronTrigger::fireTimes()
{
    QFETCH(QString, json);
    QFETCH(QString, from);
    QFETCH(int, count);
    QFETCH(QStringList, expected);
    const std::unique_ptr<CronTrigger> trigger = fromJson(json);
    QCOMPARE(sequence(*trigger, at(from), count), expected);
}

// DESIGN.md's rule, by name, in five zones. Transitions (2026 unless noted):
//   Berlin          29 Mar 02:00 +01 -> 03:00 +02;   25 Oct 03:00 +02 -> 02:00 +01
//   New York         8 Mar 02:00 -05 -> 03:00 -04;    1 Nov 02:00 -04 -> 01:00 -05
//   Lord Howe        5 Apr 02:00 +11 -> 01:30 +10:30;  4 Oct 02:00 +10:30 -> 02:30 +11
//   Chatham          5 Apr 03:45 +13:45 -> 02:45 +12:45;  27 Sep 02:45 +12:45 -> 03:45 +13:45
//   Kathmandu        1 Jan 1986 00:00 +05:30 -> 00:15 +05:45
//   Santiago         4 Apr 24:00 -03 -> 23:00 -04
void tst_CronTrigger::dst_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("expected");

    auto row = [](const char *name, const char *json, const char *from, int count, QStringList expected) {
        QTest::newRow(name) << QString::fromUtf8(json) << QString::fromLatin1(from) << count << expected;
    };
    // Berlin
    row("dst gap, Berlin: 02:30 fires at 03:30 CEST", R"({"hour": "2", "minute": "30", "timezone": "Europe/Berlin"})",
        "2026-03-28T12:00:00+01:00", 3,
        {u"2026-03-29T03:30:00+02:00"_qs, u"2026-03-30T02:30:00+02:00"_qs, u"2026-03-31T02:30:00+02:00"_qs});
    row("dst gap, Berlin: every 15 minutes keeps its pace", R"({"minute": "*/15", "timezone": "Europe/Berlin"})",
        "2026-03-29T01:40:00+01:00", 5,
        {u"2026-03-29T01:45:00+01:00"_qs, u"2026-03-29T03:00:00+02:00"_qs, u"2026-03-29T03:15:00+02:00"_qs,
         u"2026-03-29T03:30:00+02:00"_qs, u"2026-03-29T03:45:00+02:00"_qs});
    row("dst gap, Berlin: a gap and a regular wall time on one instant fire once",
        R"({"hour": "2-3", "minute": "0,30", "timezone": "Europe/Berlin"})", "2026-03-29T00:00:00+01:00", 4,
        {u"2026-03-29T03:00:00+02:00"_qs, u"2026-03-29T03:30:00+02:00"_qs, u"2026-03-30T02:00:00+02:00"_qs,
         u"2026-03-30T02:30:00+02:00"_qs});
    row("dst gap, Berlin: start inside the interval the gap maps to",
        R"({"hour": "2", "minute": "30", "timezone": "Europe/Berlin"})", "2026-03-29T03:10:00+02:00", 2,
        {u"2026-03-29T03:30:00+02:00"_qs, u"2026-03-30T02:30:00+02:00"_qs});
    row("dst fold, Berlin: a fixed hour fires at the first occurrence",
        R"({"hour": "2", "minute": "30", "timezone": "Europe/Berlin"})", "2026-10-24T12:00:00+02:00", 3,
        {u"2026-10-25T02:30:00+02:00"_qs, u"2026-10-26T02:30:00+01:00"_qs, u"2026-10-27T02:30:00+01:00"_qs});
    row("dst fold, Berlin: every 30 minutes fires in both passes", R"({"minute": "*/30", "timezone": "Europe/Berlin"})",
        "2026-10-25T01:45:00+02:00", 6,
        {u"2026-10-25T02:00:00+02:00"_qs, u"2026-10-25T02:30:00+02:00"_qs, u"2026-10-25T02:00:00+01:00"_qs,
         u"2026-10-25T02:30:00+01:00"_qs, u"2026-10-25T03:00:00+01:00"_qs, u"2026-10-25T03:30:00+01:00"_qs});
    row("dst fold, Berlin: a fixed hour after a fire in the first pass",
        R"({"hour": "2", "minute": "*/15", "timezone": "Europe/Berlin"})", "2026-10-25T02:40:00+02:00", 3,
        {u"2026-10-25T02:45:00+02:00"_qs, u"2026-10-26T02:00:00+01:00"_qs, u"2026-10-26T02:15:00+01:00"_qs});
    row("dst fold, Berlin: hour 0-23 counts as every hour",
        R"({"hour": "0-23", "minute": "30", "timezone": "Europe/Berlin"})", "2026-10-25T02:00:00+02:00", 3,
        {u"2026-10-25T02:30:00+02:00"_qs, u"2026-10-25T02:30:00+01:00"_qs, u"2026-10-25T03:30:00+01:00"_qs});
    // New York
    row("dst gap, New York: 02:30 fires at 03:30 EDT", R"({"hour": "2", "minute": "30", "timezone": "America/New_York"})",
        "2026-03-07T12:00:00-05:00", 2, {u"2026-03-08T03:30:00-04:00"_qs, u"2026-03-09T02:30:00-04:00"_qs});
    row("dst fold, New York: a fixed hour fires at the first occurrence",
        R"({"hour": "1", "minute": "30", "timezone": "America/New_York"})", "2026-10-31T12:00:00-04:00", 2,
        {u"2026-11-01T01:30:00-04:00"_qs, u"2026-11-02T01:30:00-05:00"_qs});
    row("dst fold, New York: minute 30 of every hour fires in both passes",
        R"({"minute": "30", "timezone": "America/New_York"})", "2026-11-01T00:00:00-04:00", 4,
        {u"2026-11-01T00:30:00-04:00"_qs, u"2026-11-01T01:30:00-04:00"_qs, u"2026-11-01T01:30:00-05:00"_qs,
         u"2026-11-01T02:30:00-05:00"_qs});
    row("dst fold, New York: hourly crontab fires in both passes",
        R"({"crontab": "0 * * * *", "timezone": "America/New_York"})", "2026-11-01T00:30:00-04:00", 3,
        {u"2026-11-01T01:00:00-04:00"_qs, u"2026-11-01T01:00:00-05:00"_qs, u"2026-11-01T02:00:00-05:00"_qs});
    // Lord Howe: a 30-minute shift
    row("dst gap, Lord Howe: 02:15 fires at 02:45 +11", R"({"hour": "2", "minute": "15", "timezone": "Australia/Lord_Howe"})",
        "2026-10-03T12:00:00+10:30", 2, {u"2026-10-04T02:45:00+11:00"_qs, u"2026-10-05T02:15:00+11:00"_qs});
    row("dst gap, Lord Howe: a gap wall time fires after a later regular one",
        R"({"hour": "2", "minute": "0,20,40", "timezone": "Australia/Lord_Howe"})", "2026-10-04T01:00:00+10:30", 4,
        {u"2026-10-04T02:30:00+11:00"_qs, u"2026-10-04T02:40:00+11:00"_qs, u"2026-10-04T02:50:00+11:00"_qs,
         u"2026-10-05T02:00:00+11:00"_qs});
    row("dst fold, Lord Howe: a fixed hour fires at the first occurrence",
        R"({"hour": "1", "minute": "45", "timezone": "Australia/Lord_Howe"})", "2026-04-04T12:00:00+11:00", 2,
        {u"2026-04-05T01:45:00+11:00"_qs, u"2026-04-06T01:45:00+10:30"_qs});
    row("dst fold, Lord Howe: every 20 minutes fires in both passes",
        R"({"minute": "*/20", "timezone": "Australia/Lord_Howe"})", "2026-04-05T01:10:00+11:00", 4,
        {u"2026-04-05T01:20:00+11:00"_qs, u"2026-04-05T01:40:00+11:00"_qs, u"2026-04-05T01:40:00+10:30"_qs,
         u"2026-04-05T02:00:00+10:30"_qs});
    // Chatham: a 45-minute offset
    row("dst gap, Chatham: 03:00 fires at 04:00 +13:45", R"({"hour": "3", "minute": "0", "timezone": "Pacific/Chatham"})",
        "2026-09-26T12:00:00+12:45", 2, {u"2026-09-27T04:00:00+13:45"_qs, u"2026-09-28T03:00:00+13:45"_qs});
    row("dst fold, Chatham: a fixed hour fires at the first occurrence",
        R"({"hour": "3", "minute": "0", "timezone": "Pacific/Chatham"})", "2026-04-04T12:00:00+13:45", 2,
        {u"2026-04-05T03:00:00+13:45"_qs, u"2026-04-06T03:00:00+12:45"_qs});
    row("dst fold, Chatham: every 30 minutes fires in both passes", R"({"minute": "*/30", "timezone": "Pacific/Chatham"})",
        "2026-04-05T02:20:00+13:45", 6,
        {u"2026-04-05T02:30:00+13:45"_qs, u"2026-04-05T03:00:00+13:45"_qs, u"2026-04-05T03:30:00+13:45"_qs,
         u"2026-04-05T03:00:00+12:45"_qs, u"2026-04-05T03:30:00+12:45"_qs, u"2026-04-05T04:00:00+12:45"_qs});
    // Kathmandu: a 15-minute gap when it moved from +05:30 to +05:45
    row("offset change, Kathmandu: 00:05 in the gap fires at 00:20 +05:45",
        R"({"hour": "0", "minute": "5", "timezone": "Asia/Kathmandu"})", "1985-12-31T12:00:00+05:30", 2,
        {u"1986-01-01T00:20:00+05:45"_qs, u"1986-01-02T00:05:00+05:45"_qs});
    row("offset change, Kathmandu: every 5 minutes keeps its pace", R"({"minute": "*/5", "timezone": "Asia/Kathmandu"})",
        "1985-12-31T23:50:00+05:30", 5,
        {u"1985-12-31T23:50:00+05:30"_qs, u"1985-12-31T23:55:00+05:30"_qs, u"1986-01-01T00:15:00+05:45"_qs,
         u"1986-01-01T00:20:00+05:45"_qs, u"1986-01-01T00:25:00+05:45"_qs});
    // Santiago falls back at midnight (24:00 -03 -> 23:00 -04): a fold at the end of a day.
    row("dst fold at midnight, Santiago: every hour fires in the second pass too",
        R"({"day": "4", "minute": "30", "timezone": "America/Santiago"})", "2026-04-04T23:40:00-03:00", 3,
        {u"2026-04-04T23:30:00-04:00"_qs, u"2026-05-04T00:30:00-04:00"_qs, u"2026-05-04T01:30:00-04:00"_qs});
    row("dst fold at midnight, Santiago: a fixed hour does not",
        R"({"day": "4", "hour": "23", "minute": "30", "timezone": "America/Santiago"})", "2026-04-04T23:40:00-03:00", 2,
        {u"2026-05-04T23:30:00-04:00"_qs, u"2026-06-04T23:30:00-04:00"_qs});
    // Days that start after a transition keep their wall time (APScheduler 3.9.1 shifts them by the offset change).
    row("month start after a transition, Chatham", R"({"day": "1", "hour": "0", "timezone": "Pacific/Chatham"})",
        "2021-08-15T00:00:00+12:45", 3,
        {u"2021-09-01T00:00:00+12:45"_qs, u"2021-10-01T00:00:00+13:45"_qs, u"2021-11-01T00:00:00+13:45"_qs});
}

void tst_CronTrigger::dst()
{
    QFETCH(QString, json);
    QFETCH(QString, from);
    QFETCH(int, count);
    QFETCH(QStringList, expected);
    const std::unique_ptr<CronTrigger> trigger = fromJson(json);
    QCOMPARE(sequence(*trigger, at(from), count), expected);
}

// APScheduler's rule: fields after the last one given take DEFAULT_VALUES, those before it "*".
void tst_CronTrigger::defaults_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QStringList>("effective");   // year month day week day_of_week hour minute second

    auto row = [](const char *name, const char *json, const char *effective) {
        QTest::newRow(name) << QString::fromUtf8(json) << QString::fromLatin1(effective).split(u'|');
    };
    row("nothing given: all *", R"({})", "*|*|*|*|*|*|*|*");
    row("hour given", R"({"hour": "9"})", "*|*|*|*|*|9|0|0");
    row("day_of_week given: week stays *", R"({"day_of_week": "mon"})", "*|*|*|*|mon|0|0|0");
    row("month given", R"({"month": "6"})", "*|6|1|*|*|0|0|0");
    row("year given", R"({"year": "2030"})", "2030|1|1|*|*|0|0|0");
    row("second given: all before it *", R"({"second": "30"})", "*|*|*|*|*|*|*|30");
    row("gap between given fields stays *", R"({"month": "6", "minute": "15"})", "*|6|*|*|*|*|15|0");
    row("week given", R"({"week": "10"})", "*|*|*|10|*|0|0|0");
    row("crontab: second defaults to 0", R"({"crontab": "5 4 * * *"})", "*|*|*|*|*|4|5|0");
    row("canonical forms", R"({"month": "JAN-Mar", "day": "1ST Mon, LAST", "minute": "5-5,*/1"})",
        "*|jan-mar|1st mon,last|*|*|*|5,*/1|0");
}

void tst_CronTrigger::defaults()
{
    QFETCH(QString, json);
    QFETCH(QStringList, effective);
    const std::unique_ptr<CronTrigger> trigger = fromJson(json);
    const CronTrigger::Fields f = trigger->fields();
    const QStringList actual = {*f.year, *f.month, *f.day, *f.week, *f.dayOfWeek, *f.hour, *f.minute, *f.second};
    QCOMPARE(actual, effective);
}

void tst_CronTrigger::crontab_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("expected");

    auto row = [](const char *name, const char *line, const char *from, QStringList expected) {
        QTest::newRow(name) << QString::fromUtf8(line) << QString::fromLatin1(from) << expected;
    };
    row("every 5 minutes", "*/5 * * * *", "2026-05-10T10:01:00Z",
        {u"2026-05-10T10:05:00+00:00"_qs, u"2026-05-10T10:10:00+00:00"_qs});
    row("weekdays at 09:00", "0 9 * * mon-fri", "2026-05-08T10:00:00Z",
        {u"2026-05-11T09:00:00+00:00"_qs, u"2026-05-12T09:00:00+00:00"_qs});
    row("day_of_week 0 is Monday, as in APScheduler 3", "0 0 * * 0", "2026-05-10T10:00:00Z",
        {u"2026-05-11T00:00:00+00:00"_qs, u"2026-05-18T00:00:00+00:00"_qs});
    row("any whitespace separates fields", "  30\t2  1 * *  ", "2026-05-10T10:00:00Z",
        {u"2026-06-01T02:30:00+00:00"_qs, u"2026-07-01T02:30:00+00:00"_qs});
    row("@yearly", "@yearly", "2026-05-10T10:00:00Z", {u"2027-01-01T00:00:00+00:00"_qs, u"2028-01-01T00:00:00+00:00"_qs});
    row("@annually", "@annually", "2026-05-10T10:00:00Z",
        {u"2027-01-01T00:00:00+00:00"_qs, u"2028-01-01T00:00:00+00:00"_qs});
    row("@monthly", "@monthly", "2026-05-10T10:00:00Z", {u"2026-06-01T00:00:00+00:00"_qs, u"2026-07-01T00:00:00+00:00"_qs});
    row("@weekly is Sunday midnight", "@weekly", "2026-05-11T10:00:00Z",
        {u"2026-05-17T00:00:00+00:00"_qs, u"2026-05-24T00:00:00+00:00"_qs});
    row("@daily", "@daily", "2026-05-10T10:00:00Z", {u"2026-05-11T00:00:00+00:00"_qs, u"2026-05-12T00:00:00+00:00"_qs});
    row("@midnight", "@MIDNIGHT", "2026-05-10T10:00:00Z",
        {u"2026-05-11T00:00:00+00:00"_qs, u"2026-05-12T00:00:00+00:00"_qs});
    row("@hourly", "@hourly", "2026-05-10T10:00:01Z", {u"2026-05-10T11:00:00+00:00"_qs, u"2026-05-10T12:00:00+00:00"_qs});
}

void tst_CronTrigger::crontab()
{
    QFETCH(QString, line);
    QFETCH(QString, from);
    QFETCH(QStringList, expected);
    const std::unique_ptr<CronTrigger> trigger = CronTrigger::fromCrontab(line);
    QCOMPARE(sequence(*trigger, at(from), int(expected.size())), expected);
    // The same line through the trigger JSON gives an equal trigger.
    const std::unique_ptr<CronTrigger> viaJson
        = CronTrigger::fromJson(QJsonObject{{u"crontab"_qs, line}, {u"timezone"_qs, u"UTC"_qs}}, TriggerContext{});
    QVERIFY(*viaJson == *trigger);
}

void tst_CronTrigger::errors_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");

    auto row = [](const char *name, const char *json, const char *message) {
        QTest::newRow(name) << QString::fromUtf8(json) << QString::fromUtf8(message);
    };
    row("hour out of range", R"({"hour": "25"})", "hour: '25' is out of range 0-23");
    row("range end out of range", R"({"hour": "20-25"})", "hour: '20-25' is out of range 0-23");
    row("day 0", R"({"day": "0"})", "day: '0' is out of range 1-31");
    row("year before 1970", R"({"year": "1969"})", "year: '1969' is out of range 1970-9999");
    row("weekday 7", R"({"day_of_week": "7"})", "day_of_week: '7' is out of range 0-6");
    row("a/c start beyond the maximum", R"({"minute": "70/5"})", "minute: '70/5' is out of range 0-59");
    row("unknown weekday name", R"({"day_of_week": "mun"})", "day_of_week: unknown name 'mun'");
    row("unknown month name", R"({"month": "jna"})", "month: unknown name 'jna'");
    row("unknown name at a range end", R"({"month": "jan-foo"})", "month: unknown name 'foo'");
    row("step 0 after *", R"({"minute": "*/0"})", "minute: step must be positive in '*/0'");
    row("step 0 after a value", R"({"second": "5/0"})", "second: step must be positive in '5/0'");
    row("step 0 after a range", R"({"hour": "1-5/0"})", "hour: step must be positive in '1-5/0'");
    row("step larger than the field", R"({"minute": "*/60"})", "minute: step 60 in '*/60' is larger than the span 0-59");
    row("step larger than the range", R"({"hour": "10-12/5"})", "hour: step 5 in '10-12/5' is larger than the span 10-12");
    row("step larger than what a/c leaves", R"({"minute": "59/5"})", "minute: step 5 in '59/5' is larger than the span 59-59");
    row("reversed range", R"({"month": "5-3"})", "month: '5-3' is a reversed range");
    row("reversed weekday names", R"({"day_of_week": "fri-mon"})", "day_of_week: 'fri-mon' is a reversed range");
    row("step after names", R"({"month": "jan-mar/2"})", "month: a step cannot follow names in 'jan-mar/2'");
    row("names where numbers belong", R"({"hour": "mon"})", "hour: 'mon' is not a valid expression");
    row("mixed number and name", R"({"day_of_week": "0-fri"})", "day_of_week: '0-fri' is not a valid expression");
    row("unknown weekday after last", R"({"day": "last fry"})", "day: unknown weekday name 'fry' in 'last fry'");
    row("unknown weekday after 2nd", R"({"day": "2nd xyz"})", "day: unknown weekday name 'xyz' in '2nd xyz'");
    row("6th weekday", R"({"day": "6th mon"})", "day: '6th mon' is not a valid expression");
    row("last with trailing text", R"({"day": "lastly"})", "day: 'lastly' is not a valid expression");
    row("garbage", R"({"hour": "abc"})", "hour: 'abc' is not a valid expression");
    row("empty", R"({"hour": ""})", "hour: '' is not a valid expression");
    row("empty list item", R"({"minute": "1,,2"})", "minute: '' is not a valid expression");
    row("decimal string", R"({"hour": "9.5"})", "hour: '9.5' is not a valid expression");
    row("decimal number", R"({"hour": 9.5})", "hour: 9.5 is not a cron expression");
    row("boolean", R"({"hour": true})", "hour: true is not a cron expression");
    row("negative number", R"({"hour": -1})", "hour: '-1' is not a valid expression");
    row("huge number", R"({"second": "99999999999999999999"})",
        "second: '99999999999999999999' is out of range 0-59");
    row("unknown key", R"({"minutes": "5"})", "cron: unknown key 'minutes'");
    row("crontab with 4 fields", R"({"crontab": "* * * *"})",
        "crontab: '* * * *' has 4 fields, expected 5 (minute hour day month day_of_week)");
    row("crontab with 6 fields", R"({"crontab": "0 * * * * *"})", "crontab: '0 * * * * *' has 6 fields, expected 5");
    row("crontab with field keys", R"({"crontab": "0 9 * * *", "hour": "9"})",
        "crontab: cannot be combined with the field key 'hour'");
    row("crontab unknown alias", R"({"crontab": "@reboot"})", "crontab: unknown alias '@reboot'");
    row("crontab field out of range", R"({"crontab": "60 * * * *"})", "minute: '60' is out of range 0-59");
    row("crontab day_of_week 7", R"({"crontab": "0 0 * * 7"})", "day_of_week: '7' is out of range 0-6");
    row("crontab not a string", R"({"crontab": 5})", "crontab: 5 is not a crontab line");
    row("end before start", R"({"start_date": "2026-02-01T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"})",
        "end_date: '2026-01-01T00:00:00+00:00' is before start_date '2026-02-01T00:00:00+00:00'");
    row("bad start date", R"({"start_date": "yesterday"})", "start_date: 'yesterday' is not an ISO-8601");
    row("unknown time zone", R"({"timezone": "Mars/Base"})", "timezone: unknown time zone 'Mars/Base'");
    row("negative jitter", R"({"jitter": -1})", "jitter: -1 must not be negative");
}

void tst_CronTrigger::errors()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    try {
        fromJson(json);
        QFAIL("no TriggerError thrown");
    } catch (const TriggerError &e) {
        if (!e.message().startsWith(message))
            QFAIL(qPrintable(u"message was: "_qs + e.message() + u"\nexpected it to start with: " + message));
    }
}

void tst_CronTrigger::description_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *json, const char *expected) {
        QTest::newRow(expected) << QString::fromUtf8(json) << QString::fromUtf8(expected);
    };
    row(R"({"crontab": "*/5 * * * *"})", "every 5 minutes");
    row(R"({"crontab": "0 9 * * mon-fri"})", "at 09:00, Monday to Friday");
    row(R"({"day_of_week": "mon-fri", "hour": "*/2"})", "every 2 hours, Monday to Friday");
    row(R"({"day": "last fri", "hour": "23", "minute": "59"})", "at 23:59 on the last Friday of the month");
    row(R"({"month": "2", "day": "29", "hour": "12"})", "at 12:00 on 29 February");
    row(R"({"second": "*/7"})", "every 7 seconds");
    row(R"({})", "every second");
    row(R"({"minute": "*"})", "every minute");
    row(R"({"hour": "9"})", "at 09:00 every day");
    row(R"({"hour": "9,17", "minute": "30"})", "at 09:30 and 17:30 every day");
    row(R"({"hour": "6", "minute": "0", "second": "30"})", "at 06:00:30 every day");
    row(R"({"crontab": "@hourly"})", "every hour");
    row(R"({"minute": "15"})", "every hour at minute 15");
    row(R"({"hour": "*/3", "minute": "10"})", "every 3 hours at minute 10");
    row(R"({"crontab": "*/15 9-17 * * mon-fri"})", "every 15 minutes from 09:00 to 17:45, Monday to Friday");
    row(R"({"day_of_week": "sat,sun", "hour": "10"})", "at 10:00 on Saturday and Sunday");
    row(R"({"day_of_week": "mon,wed,fri", "hour": "7"})", "at 07:00 on Monday, Wednesday and Friday");
    row(R"({"crontab": "@weekly"})", "at 00:00 on Sunday");
    row(R"({"crontab": "@monthly"})", "at 00:00 on day 1 of the month");
    row(R"({"crontab": "@yearly"})", "at 00:00 on 1 January");
    row(R"({"day": "last"})", "at 00:00 on the last day of the month");
    row(R"({"day": "1st mon", "hour": "8"})", "at 08:00 on the first Monday of the month");
    row(R"({"month": "jan,jul", "day": "1", "hour": "6"})", "at 06:00 on day 1 of the month in January and July");
    row(R"({"month": "3-10", "day": "15", "hour": "8"})", "at 08:00 on day 15 of the month from March to October");
    row(R"({"day": "1-7,15", "hour": "8"})", "at 08:00 on days 1-7,15 of the month");
    row(R"({"day": "13", "day_of_week": "fri"})", "at 00:00 on day 13 of the month, if it is a Friday");
    row(R"({"year": "2027", "month": "6", "day": "1", "hour": "9"})", "at 09:00 on 1 June in 2027");
    row(R"({"year": "2027-2029", "month": "6", "day": "1"})", "at 00:00 on 1 June in the years 2027-2029");
    row(R"({"week": "1", "day_of_week": "mon", "hour": "9"})", "at 09:00 on Monday in ISO week 1");
    row(R"({"week": "*/2", "day_of_week": "mon", "hour": "9"})", "at 09:00 on Monday in ISO weeks */2");
    row(R"({"hour": "9-17/2", "minute": "5,35"})", "when the hour is 9-17/2, the minute is 5,35 and the second is 0");
    row(R"({"second": "*/7", "minute": "5"})", "when the minute is 5 and the second is */7");
}

void tst_CronTrigger::description()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    QCOMPARE(fromJson(json)->description(), expected);
}

void tst_CronTrigger::jsonRoundTrip_data()
{
    QTest::addColumn<QString>("json");
    QTest::newRow("defaults") << u"{}"_qs;
    QTest::newRow("every field") << uR"({"year": "2026-2030", "month": "jan-mar,6", "day": "last fri,1st mon,15,last",
        "week": "*/2", "day_of_week": "MON-fri", "hour": "9-17/2", "minute": "5, 35", "second": "0/10"})"_qs;
    QTest::newRow("dates, zone and jitter") << uR"({"hour": "9", "start_date": "2026-01-01T00:00:00.250000+01:00",
        "end_date": "2027-01-01", "timezone": "Europe/Berlin", "jitter": 2.5})"_qs;
    QTest::newRow("crontab") << uR"({"crontab": "*/5 9-17 * * mon-fri", "timezone": "America/New_York"})"_qs;
    QTest::newRow("numbers") << uR"({"hour": 9, "minute": 0, "jitter": 30})"_qs;
}

void tst_CronTrigger::jsonRoundTrip()
{
    QFETCH(QString, json);
    const std::unique_ptr<CronTrigger> first = fromJson(json);
    const QJsonObject written = first->toJson();
    for (const char *key : {"type", "year", "month", "day", "week", "day_of_week", "hour", "minute", "second",
                            "start_date", "end_date", "timezone", "jitter"}) {
        QVERIFY2(written.contains(QLatin1StringView(key)), key);
    }
    QCOMPARE(written.value(u"type").toString(), u"cron"_qs);
    for (const char *key : {"year", "month", "day", "week", "day_of_week", "hour", "minute", "second"})
        QVERIFY2(written.value(QLatin1StringView(key)).isString(), key);
    const std::unique_ptr<CronTrigger> second = CronTrigger::fromJson(written, TriggerContext{});
    QVERIFY(*second == *first);
    QCOMPARE(second->toJson(), written);
    QCOMPARE(sequence(*second, at(u"2026-03-01T00:00:00Z"), 5), sequence(*first, at(u"2026-03-01T00:00:00Z"), 5));
}

void tst_CronTrigger::numbersAreAccepted()
{
    const std::unique_ptr<CronTrigger> numbers = fromJson(uR"({"year": 2027, "month": 2, "day": 29, "hour": 12})"_qs);
    const std::unique_ptr<CronTrigger> strings = fromJson(uR"({"year": "2027", "month": "2", "day": "29", "hour": "12"})"_qs);
    QVERIFY(*numbers == *strings);
    const std::unique_ptr<CronTrigger> integralDouble = fromJson(uR"({"minute": 5.0})"_qs);
    QCOMPARE(*integralDouble->fields().minute, u"5"_qs);
}

void tst_CronTrigger::equality()
{
    const std::unique_ptr<CronTrigger> base = fromJson(uR"({"hour": "9", "timezone": "Europe/Berlin"})"_qs);
    QVERIFY(*base == *fromJson(uR"({"hour": "9", "minute": "0", "second": "0", "timezone": "Europe/Berlin"})"_qs));
    QVERIFY(!(*base == *fromJson(uR"({"hour": "10", "timezone": "Europe/Berlin"})"_qs)));
    QVERIFY(!(*base == *fromJson(uR"({"hour": "9", "timezone": "UTC"})"_qs)));
    QVERIFY(!(*base == *fromJson(uR"({"hour": "9", "timezone": "Europe/Berlin", "jitter": 5})"_qs)));
    QVERIFY(!(*base == *fromJson(uR"({"hour": "9", "timezone": "Europe/Berlin", "start_date": "2026-01-01"})"_qs)));
    QVERIFY(!(*base == *fromJson(uR"({"hour": "9", "timezone": "Europe/Berlin", "end_date": "2026-01-01"})"_qs)));

    const std::unique_ptr<Trigger> copy = base->clone();
    QVERIFY(*copy == *base);
    QCOMPARE(copy->type(), Trigger::Type::Cron);
    QCOMPARE(copy->toJson(), base->toJson());
}

void tst_CronTrigger::constructorAndAccessors()
{
    const TimeZone berlin = zone(u"Europe/Berlin");
    const Instant start = at(u"2026-01-01T00:00:00Z");
    const Instant end = at(u"2026-12-31T00:00:00Z");
    const CronTrigger trigger({.dayOfWeek = u"mon-fri"_qs, .hour = u"9"_qs}, berlin, start, end, 1500ms);
    QCOMPARE(trigger.startDate(), std::optional<Instant>(start));
    QCOMPARE(trigger.endDate(), std::optional<Instant>(end));
    QCOMPARE(trigger.jitter(), std::optional<Microseconds>(1500ms));
    QCOMPARE(trigger.timeZone(), berlin);
    const CronTrigger::Fields expected{u"*"_qs, u"*"_qs, u"*"_qs, u"*"_qs, u"mon-fri"_qs, u"9"_qs, u"0"_qs, u"0"_qs};
    QVERIFY(trigger.fields() == expected);
    QCOMPARE(trigger.description(), u"at 09:00, Monday to Friday"_qs);
    const QJsonObject json = trigger.toJson();
    QCOMPARE(json.value(u"start_date").toString(), u"2026-01-01T01:00:00+01:00"_qs);
    QCOMPARE(json.value(u"jitter").toDouble(), 1.5);
    QCOMPARE(json.value(u"timezone").toString(), u"Europe/Berlin"_qs);

    QVERIFY_THROWS_EXCEPTION(TriggerError, CronTrigger({.hour = u"24"_qs}));
    QVERIFY_THROWS_EXCEPTION(TriggerError, CronTrigger({}, TimeZone(), end, start));
}

// nextFireTime(previous, now): the first fire time after `previous` (strictly), or at or after `now`.
void tst_CronTrigger::nextFireTimeFollowsPrevious()
{
    const std::unique_ptr<CronTrigger> trigger = CronTrigger::fromCrontab(u"*/5 * * * *");
    const Instant fire = at(u"2026-05-10T10:05:00Z");
    QCOMPARE(trigger->nextFireTime(std::nullopt, fire), std::optional<Instant>(fire));
    QCOMPARE(trigger->nextFireTime(fire, fire), std::optional<Instant>(at(u"2026-05-10T10:10:00Z")));
    // A previous fire time decides even when "now" is far ahead (misfires are the scheduler's business).
    QCOMPARE(trigger->nextFireTime(fire, at(u"2026-05-10T12:00:00Z")), std::optional<Instant>(at(u"2026-05-10T10:10:00Z")));
    QCOMPARE(trigger->firstFireTimeAtOrAfter(at(u"2026-05-10T10:05:00.000001Z")),
             std::optional<Instant>(at(u"2026-05-10T10:10:00Z")));
    // Fire times past the end date: none.
    const std::unique_ptr<CronTrigger> ending = fromJson(uR"({"minute": "*/5", "end_date": "2026-05-10T10:07:00Z"})"_qs);
    QCOMPARE(ending->nextFireTime(fire, fire), std::nullopt);
    // The ends of the Instant range: no overflow, no crash.
    const std::unique_ptr<CronTrigger> everySecond = fromJson(uR"({"timezone": "Europe/Berlin"})"_qs);
    QCOMPARE(everySecond->firstFireTimeAtOrAfter(Instant::max()), std::nullopt);
    QCOMPARE(everySecond->firstFireTimeAtOrAfter(Instant::min()), std::optional<Instant>(at(u"1970-01-01T00:00:00+01:00")));
    QCOMPARE(trigger->firstFireTimeAtOrAfter(Instant::min()), std::optional<Instant>(at(u"1970-01-01T00:00:00Z")));
    // A start date holds even when "now" is earlier.
    const std::unique_ptr<CronTrigger> starting = fromJson(uR"({"minute": "*/5", "start_date": "2026-05-10T10:07:00Z"})"_qs);
    QCOMPARE(starting->nextFireTime(std::nullopt, fire), std::optional<Instant>(at(u"2026-05-10T10:10:00Z")));
}

void tst_CronTrigger::jitterStaysWithinBounds()
{
    const std::unique_ptr<CronTrigger> trigger = fromJson(uR"({"minute": "*/5", "jitter": 30})"_qs);
    const Instant now = at(u"2026-05-10T10:01:00Z");
    const Instant scheduled = at(u"2026-05-10T10:05:00Z");
    QCOMPARE(trigger->scheduledFireTime(std::nullopt, now), std::optional<Instant>(scheduled));
    bool varied = false;
    for (int i = 0; i < 200; ++i) {
        const Instant t = *trigger->nextFireTime(std::nullopt, now);
        QVERIFY(t >= scheduled && t <= scheduled + 30s);
        varied = varied || t != scheduled;
    }
    QVERIFY(varied);
}

// Expressions that never fire answer "none" at once, in fixed and in DST zones.
void tst_CronTrigger::impossibleExpressionsAnswerQuickly_data()
{
    QTest::addColumn<QString>("json");
    QTest::newRow("day 31 in February") << uR"({"month": "2", "day": "31"})"_qs;
    QTest::newRow("day 30 in February, Berlin") << uR"({"month": "2", "day": "30", "timezone": "Europe/Berlin"})"_qs;
    QTest::newRow("year 1970 from a later start, Berlin") << uR"({"year": "1970", "timezone": "Europe/Berlin"})"_qs;
    QTest::newRow("1 January a Monday in week 53") << uR"({"week": "53", "month": "1", "day": "1", "day_of_week": "mon"})"_qs;
    QTest::newRow("5th Monday in February of a non-leap year only")
        << uR"({"year": "2026", "month": "2", "day": "5th mon", "timezone": "America/New_York"})"_qs;
    QTest::newRow("week 1 in July, Chatham") << uR"({"week": "1", "month": "7", "timezone": "Pacific/Chatham"})"_qs;
    QTest::newRow("Feb 29 in 2100") << uR"({"year": "2100", "month": "2", "day": "29", "timezone": "Europe/Berlin"})"_qs;
}

void tst_CronTrigger::impossibleExpressionsAnswerQuickly()
{
    QFETCH(QString, json);
    const std::unique_ptr<CronTrigger> trigger = fromJson(json);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 20; ++i)
        QCOMPARE(trigger->firstFireTimeAtOrAfter(at(u"2026-01-01T00:00:00Z") + days(i * 50)), std::nullopt);
    // A generous bound (the work is microseconds): no scan through every second or day up to 9999.
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed()) + u" ms"));
}

void tst_CronTrigger::propertiesOfRandomExpressions_data()
{
    QTest::addColumn<QString>("zoneId");
    QTest::addColumn<quint32>("seed");
    const char *const zones[] = {"UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                                 "Pacific/Chatham", "Asia/Kathmandu"};
    quint32 seed = 20260101;
    for (const char *z : zones)
        QTest::newRow(z) << QString::fromLatin1(z) << seed++;
}

// Random expressions and start points: fire times strictly increase, stay within start/end, and match
// the expression read back in the zone (or are the instant a DST gap gives a matching wall time).
void tst_CronTrigger::propertiesOfRandomExpressions()
{
    QFETCH(QString, zoneId);
    QFETCH(quint32, seed);
    const TimeZone tz = zone(zoneId);
    QRandomGenerator rng(seed);
    int checked = 0;
    for (int round = 0; round < 300; ++round) {
        const Expression e = randomExpression(rng, false);
        QJsonObject json = e.json();
        json.insert(u"timezone"_qs, zoneId);
        // 1980 to 2043, sometimes with a fraction of a second.
        const Instant from = Instant(seconds(315532800 + qint64(rng.bounded(2000000000u))))
            + microseconds(rng.bounded(2) ? 0 : rng.bounded(1000000));
        std::optional<Instant> startDate;
        std::optional<Instant> endDate;
        if (rng.bounded(4) == 0)
            startDate = from + seconds(rng.bounded(86400 * 60));
        if (rng.bounded(4) == 0)
            endDate = from + seconds(rng.bounded(quint32(86400 * 400)));
        if (startDate && endDate && *endDate < *startDate)
            std::swap(startDate, endDate);
        if (startDate)
            json.insert(u"start_date"_qs, IsoDateTime::format(*startDate, tz, IsoDateTime::Precision::AlwaysMicroseconds));
        if (endDate)
            json.insert(u"end_date"_qs, IsoDateTime::format(*endDate, tz, IsoDateTime::Precision::AlwaysMicroseconds));
        const QString context = QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));

        std::unique_ptr<CronTrigger> trigger;
        try {
            trigger = CronTrigger::fromJson(json, TriggerContext{});
        } catch (const TriggerError &error) {
            QFAIL(qPrintable(context + u": " + error.message()));
        }
        std::optional<Instant> previous;
        for (int i = 0; i < 12; ++i) {
            const std::optional<Instant> next = trigger->scheduledFireTime(previous, previous ? *previous : from);
            if (!next)
                break;
            const QString where = context + u" fire " + IsoDateTime::format(*next, tz);
            QVERIFY2(next->time_since_epoch() % 1s == 0us, qPrintable(where));
            QVERIFY2(!previous || *next > *previous, qPrintable(where));
            QVERIFY2(*next >= from, qPrintable(where));
            QVERIFY2(!startDate || *next >= *startDate, qPrintable(where));
            QVERIFY2(!endDate || *next <= *endDate, qPrintable(where));
            QVERIFY2(isFireTime(e, tz, *next), qPrintable(where));
            previous = next;
            ++checked;
        }
    }
    QVERIFY(checked > 1000);
}

void tst_CronTrigger::noRunLostOrDoubledNearTransitions_data()
{
    QTest::addColumn<QString>("zoneId");
    QTest::addColumn<quint32>("seed");
    const char *const zones[] = {"UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                                 "Pacific/Chatham", "Asia/Kathmandu"};
    quint32 seed = 7;
    for (const char *z : zones)
        QTest::newRow(z) << QString::fromLatin1(z) << seed++;
}

// Around DST transitions (random ones between 1980 and 2060), the fire times of dense random
// expressions are exactly the candidates a brute-force scan of every minute finds by DESIGN.md's rule.
void tst_CronTrigger::noRunLostOrDoubledNearTransitions()
{
    QFETCH(QString, zoneId);
    QFETCH(quint32, seed);
    const TimeZone tz = zone(zoneId);
    QRandomGenerator rng(seed);
    int transitions = 0;
    int fireTimes = 0;
    for (int round = 0; round < 60; ++round) {
        const Instant probe{seconds(315532800 + qint64(rng.bounded(quint32(2524608000u - 315532800u))))};
        const TimeZone::Period period = tz.periodAt(probe);
        const Instant transition = period.end == Instant::max() ? probe : period.end;
        if (tz.offsetAt(transition) != tz.offsetAt(transition - 1s))
            ++transitions;
        const Instant windowBegin = floor<minutes>(transition) - hours(3);
        const Instant windowEnd = windowBegin + hours(6);
        const Expression e = randomExpression(rng, true);
        QJsonObject json = e.json();
        json.insert(u"timezone"_qs, zoneId);
        const std::unique_ptr<CronTrigger> trigger = CronTrigger::fromJson(json, TriggerContext{});
        const QString context = QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))
            + u" around " + IsoDateTime::format(transition, tz);

        // Brute force: every instant with the expression's second, regular and gap candidates.
        QList<Instant> expected;
        const seconds second{e.items[7].front().first};
        for (Instant t = windowBegin + second; t < windowEnd; t += 1min) {
            if (isFireTime(e, tz, t))
                expected.append(t);
        }

        QList<Instant> actual;
        std::optional<Instant> previous;
        while (true) {
            const std::optional<Instant> next = trigger->scheduledFireTime(previous, previous ? *previous : windowBegin);
            if (!next || *next >= windowEnd)
                break;
            actual.append(*next);
            previous = next;
        }
        if (actual != expected) {
            QStringList a;
            QStringList b;
            for (Instant t : actual)
                a.append(IsoDateTime::format(t, tz));
            for (Instant t : expected)
                b.append(IsoDateTime::format(t, tz));
            QFAIL(qPrintable(context + u"\nactual:   " + a.join(u' ') + u"\nexpected: " + b.join(u' ')));
        }
        fireTimes += int(actual.size());
    }
    QVERIFY(fireTimes > 500);
    // Zones with DST: (nearly) every window holds a real transition; Kathmandu has one, UTC none.
    if (zoneId != u"UTC" && zoneId != u"Asia/Kathmandu")
        QVERIFY(transitions > 50);
}

QTEST_GUILESS_MAIN(tst_CronTrigger)
#include "tst_crontrigger.moc"
