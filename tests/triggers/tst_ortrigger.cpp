#include "triggertesthelpers.h"

#include <QtScheduler/schedulererror.h>
#include <QtScheduler/triggers/andtrigger.h>
#include <QtScheduler/triggers/datetrigger.h>
#include <QtScheduler/triggers/intervaltrigger.h>
#include <QtScheduler/triggers/ortrigger.h>

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace qtscheduler;
using namespace TriggerTest;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<Trigger> every(Microseconds interval, const char *start)
{
    return std::make_unique<IntervalTrigger>(IntervalTrigger::Units{.seconds = double(interval.count()) / 1e6},
                                             at(QString::fromLatin1(start)));
}

CombiningTrigger::Triggers triggers(std::unique_ptr<Trigger> a, std::unique_ptr<Trigger> b)
{
    CombiningTrigger::Triggers list;
    list.push_back(std::move(a));
    list.push_back(std::move(b));
    return list;
}

QString errorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const TriggerError &e) {
        return e.message();
    }
    return QString();
}

} // namespace

class tst_OrTrigger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequence_data();
    void sequence();
    void pastDateChildFiresFirst();
    void exhaustedWhenAllChildrenAre();
    void andWithoutCommonTimeInsideOr();
    void jitter();
    void emptyListIsRefused();
    void jsonHasNoZoneAndRoundTrips();
    void equality();
    void description();
    void propertyIsTheMergeOfTheChildren();
};

void tst_OrTrigger::sequence_data()
{
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("ends");

    QTest::newRow("every 2 h or every 3 h: the earliest, shared times once")
        << u"{\"type\":\"or\",\"triggers\":["
           "{\"type\":\"interval\",\"hours\":2,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"},"
           "{\"type\":\"interval\",\"hours\":3,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}]}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-01T02:00:00+00:00"_qs, u"2026-01-01T03:00:00+00:00"_qs,
                       u"2026-01-01T04:00:00+00:00"_qs, u"2026-01-01T06:00:00+00:00"_qs, u"2026-01-01T08:00:00+00:00"_qs,
                       u"2026-01-01T09:00:00+00:00"_qs}
        << false;
    QTest::newRow("a date child fires after the others have (APScheduler: never)")
        << u"{\"type\":\"or\",\"triggers\":["
           "{\"type\":\"interval\",\"hours\":1,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"},"
           "{\"type\":\"date\",\"run_date\":\"2026-01-01T02:30:00Z\",\"timezone\":\"UTC\"}]}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-01T01:00:00+00:00"_qs, u"2026-01-01T02:00:00+00:00"_qs,
                       u"2026-01-01T02:30:00+00:00"_qs, u"2026-01-01T03:00:00+00:00"_qs}
        << false;
    QTest::newRow("an interval child keeps its own grid (APScheduler: restarts it)")
        << u"{\"type\":\"or\",\"triggers\":["
           "{\"type\":\"interval\",\"hours\":1,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"},"
           "{\"type\":\"interval\",\"minutes\":90,\"start_date\":\"2026-01-01T00:10:00Z\",\"timezone\":\"UTC\"}]}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-01T00:10:00+00:00"_qs, u"2026-01-01T01:00:00+00:00"_qs,
                       u"2026-01-01T01:40:00+00:00"_qs, u"2026-01-01T02:00:00+00:00"_qs, u"2026-01-01T03:00:00+00:00"_qs,
                       u"2026-01-01T03:10:00+00:00"_qs}
        << false;
    QTest::newRow("cron: weekdays at 09:00 or weekends at 10:00, Berlin")
        << u"{\"type\":\"or\",\"triggers\":["
           "{\"type\":\"cron\",\"day_of_week\":\"mon-fri\",\"hour\":9,\"timezone\":\"Europe/Berlin\"},"
           "{\"type\":\"cron\",\"day_of_week\":\"sat,sun\",\"hour\":10,\"timezone\":\"Europe/Berlin\"}]}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T08:00:00+00:00"_qs, u"2026-01-02T08:00:00+00:00"_qs, u"2026-01-03T09:00:00+00:00"_qs,
                       u"2026-01-04T09:00:00+00:00"_qs, u"2026-01-05T08:00:00+00:00"_qs}
        << false;
    QTest::newRow("cron and a crontab at the same minutes fire once")
        << u"{\"type\":\"or\",\"triggers\":["
           "{\"type\":\"cron\",\"minute\":\"*/20\",\"timezone\":\"UTC\"},"
           "{\"type\":\"cron\",\"crontab\":\"*/30 * * * *\",\"timezone\":\"UTC\"}]}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-01T00:20:00+00:00"_qs, u"2026-01-01T00:30:00+00:00"_qs,
                       u"2026-01-01T00:40:00+00:00"_qs, u"2026-01-01T01:00:00+00:00"_qs}
        << false;
    QTest::newRow("a cron child does not fire before its start date (APScheduler: it does)")
        << u"{\"type\":\"or\",\"triggers\":["
           "{\"type\":\"date\",\"run_date\":\"2026-01-01T06:00:00Z\",\"timezone\":\"UTC\"},"
           "{\"type\":\"cron\",\"hour\":1,\"start_date\":\"2026-01-02T12:00:00Z\",\"timezone\":\"UTC\"}]}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T06:00:00+00:00"_qs, u"2026-01-03T01:00:00+00:00"_qs, u"2026-01-04T01:00:00+00:00"_qs}
        << false;
    QTest::newRow("two dates, then the end")
        << u"{\"type\":\"or\",\"triggers\":["
           "{\"type\":\"date\",\"run_date\":\"2026-02-01T00:00:00Z\",\"timezone\":\"UTC\"},"
           "{\"type\":\"date\",\"run_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}]}"_qs
        << u"2025-12-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-02-01T00:00:00+00:00"_qs} << true;
    QTest::newRow("children in different zones, written in the context's")
        << u"{\"type\":\"or\",\"triggers\":["
           "{\"type\":\"calendarinterval\",\"days\":1,\"hour\":9,\"start_date\":\"2026-01-01\",\"timezone\":\"Europe/Berlin\"},"
           "{\"type\":\"calendarinterval\",\"days\":1,\"hour\":9,\"start_date\":\"2026-01-01\",\"timezone\":\"America/New_York\"}]}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T08:00:00+00:00"_qs, u"2026-01-01T14:00:00+00:00"_qs, u"2026-01-02T08:00:00+00:00"_qs}
        << false;
}

void tst_OrTrigger::sequence()
{
    QFETCH(QString, trigger);
    QFETCH(QString, from);
    QFETCH(QStringList, expected);
    QFETCH(bool, ends);
    const Instant start = at(from);
    const auto t = OrTrigger::fromJson(QJsonDocument::fromJson(trigger.toUtf8()).object(),
                                       TriggerContext{TimeZone::utc(), start});
    QCOMPARE(TriggerTest::sequence(*t, start, int(expected.size()) + (ends ? 5 : 0)), expected);
}

void tst_OrTrigger::pastDateChildFiresFirst()
{
    // Without a previous fire time each child gives its own first time: a past date at once, as a date
    // trigger alone (and APScheduler) does; the scheduler's misfire handling decides.
    const OrTrigger t(triggers(std::make_unique<DateTrigger>(at(u"2025-06-01T00:00:00Z"_qs)),
                               every(1h, "2026-01-01T00:00:00Z")));
    QCOMPARE(TriggerTest::sequence(t, at(u"2026-01-01T00:30:00Z"_qs), 3),
             (QStringList{u"2025-06-01T00:00:00+00:00"_qs, u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-01T01:00:00+00:00"_qs}));
    // Combined (inside an And) only times at or after the starting point count.
    QCOMPARE(t.firstFireTimeAtOrAfter(at(u"2026-01-01T00:30:00Z"_qs)), std::optional<Instant>(at(u"2026-01-01T01:00:00Z"_qs)));
}

void tst_OrTrigger::exhaustedWhenAllChildrenAre()
{
    const OrTrigger t(triggers(std::make_unique<DateTrigger>(at(u"2026-01-01T00:00:00Z"_qs)),
                               std::make_unique<IntervalTrigger>(IntervalTrigger::Units{.hours = 1},
                                                                 at(u"2026-01-01T00:00:00Z"_qs), at(u"2026-01-01T01:00:00Z"_qs))));
    QCOMPARE(TriggerTest::sequence(t, at(u"2025-01-01T00:00:00Z"_qs), 10),
             (QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-01T01:00:00+00:00"_qs}));
}

void tst_OrTrigger::andWithoutCommonTimeInsideOr()
{
    CombiningTrigger::Triggers never;
    never.push_back(every(2h, "2026-01-01T00:00:00Z"));
    never.push_back(every(2h, "2026-01-01T01:00:00Z"));
    const OrTrigger t(triggers(std::make_unique<AndTrigger>(std::move(never)), every(1h, "2026-01-01T00:00:00Z")));
    QVERIFY(errorOf([&] { t.nextFireTime(std::nullopt, at(u"2026-01-01T00:00:00Z"_qs)); })
                .startsWith(u"and: no common fire time found within 10000 iterations"));
}

void tst_OrTrigger::jitter()
{
    const OrTrigger t(triggers(every(1h, "2026-01-01T00:00:00Z"), every(3h, "2026-01-01T00:00:00Z")), Microseconds(500ms));
    const Instant scheduled = at(u"2026-01-01T01:00:00Z"_qs);
    for (int i = 0; i < 50; ++i) {
        const Instant next = *t.nextFireTime(std::nullopt, at(u"2026-01-01T00:00:01Z"_qs));
        QVERIFY(next >= scheduled && next <= scheduled + 500ms);
    }
}

void tst_OrTrigger::emptyListIsRefused()
{
    QCOMPARE(errorOf([] { OrTrigger t({}); }), u"or: triggers: the list is empty"_qs);
    QCOMPARE(errorOf([] { OrTrigger::fromJson(json(R"({"type":"or"})"), TriggerContext{}); }),
             u"triggers: missing (a list of triggers)"_qs);
    QCOMPARE(errorOf([] { OrTrigger::fromJson(json(R"({"type":"or","triggers":{}})"), TriggerContext{}); }),
             u"triggers: {} is not a list of triggers"_qs);
}

void tst_OrTrigger::jsonHasNoZoneAndRoundTrips()
{
    const auto t = OrTrigger::fromJson(
        json(R"({"type":"or","triggers":[
            {"type":"date","run_date":"2026-12-24T18:00:00"},
            {"type":"and","triggers":[{"type":"interval","days":1},{"type":"calendarinterval","weeks":1}]}]})"),
        TriggerContext{zone(u"Australia/Lord_Howe"_qs), at(u"2026-01-01T00:00:00Z"_qs)});
    const QJsonObject written = t->toJson();
    QCOMPARE(compact(written).count(u"\"timezone\""), 3);   // date, interval, calendar interval; not and/or
    QVERIFY(!written.contains(u"timezone"));
    QVERIFY(written.value(u"jitter").isNull());
    const auto back = OrTrigger::fromJson(written, TriggerContext{});
    QVERIFY(*t == *back);
    QCOMPARE(compact(back->toJson()), compact(written));
}

void tst_OrTrigger::equality()
{
    const OrTrigger a(triggers(every(1h, "2026-01-01T00:00:00Z"), every(2h, "2026-01-01T00:00:00Z")));
    QVERIFY(a == OrTrigger(triggers(every(1h, "2026-01-01T00:00:00Z"), every(2h, "2026-01-01T00:00:00Z")), std::nullopt,
                           zone(u"Asia/Kathmandu"_qs)));
    QVERIFY(!(a == OrTrigger(triggers(every(1h, "2026-01-01T00:00:00Z"), every(2h, "2026-01-01T00:00:01Z")))));
}

void tst_OrTrigger::description()
{
    const OrTrigger t(triggers(std::make_unique<DateTrigger>(at(u"2026-12-01T08:00:00Z"_qs), zone(u"Europe/Berlin"_qs)),
                               every(1h, "2026-01-01T00:00:00Z")));
    QCOMPARE(t.description(), u"any of: once at 2026-12-01 09:00 (Europe/Berlin); every hour"_qs);
}

// The sequence of an Or is the sorted union of its children's sequences, each time once.
void tst_OrTrigger::propertyIsTheMergeOfTheChildren()
{
    QRandomGenerator random(7);
    for (int round = 0; round < 500; ++round) {
        CombiningTrigger::Triggers list;
        QList<Instant> expected;
        const Instant from = at(u"2026-01-01T00:00:00Z"_qs);
        const int children = random.bounded(1, 4);
        for (int c = 0; c < children; ++c) {
            const auto interval = Microseconds(qint64(random.bounded(1, 120)) * 60000000);
            const Instant start = from + Microseconds(qint64(random.bounded(0, 3600)) * 1000000);
            list.push_back(std::make_unique<IntervalTrigger>(
                IntervalTrigger::Units{.seconds = double(interval.count()) / 1e6}, start));
            for (Instant t = start; t < from + 24h; t += interval)
                expected << t;
        }
        std::sort(expected.begin(), expected.end());
        expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
        const OrTrigger t(std::move(list));
        QList<Instant> actual;
        for (std::optional<Instant> next = t.scheduledFireTime(std::nullopt, from); next && *next < from + 24h;
             next = t.scheduledFireTime(next, *next)) {
            actual << *next;
        }
        QCOMPARE(actual, expected);
    }
}

QTEST_GUILESS_MAIN(tst_OrTrigger)
#include "tst_ortrigger.moc"
