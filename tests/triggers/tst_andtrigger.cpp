#include "triggertesthelpers.h"

#include <QtScheduler/schedulererror.h>
#include <QtScheduler/triggers/andtrigger.h>
#include <QtScheduler/triggers/calendarintervaltrigger.h>
#include <QtScheduler/triggers/datetrigger.h>
#include <QtScheduler/triggers/intervaltrigger.h>
#include <QtScheduler/triggers/ortrigger.h>
#include <QtScheduler/triggers/triggerfactory.h>

#include <QElapsedTimer>
#include <QTest>

using namespace qtscheduler;
using namespace TriggerTest;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<Trigger> every(Microseconds interval, const char *start, std::optional<Instant> end = std::nullopt)
{
    return std::make_unique<IntervalTrigger>(IntervalTrigger::Units{.seconds = double(interval.count()) / 1e6},
                                             at(QString::fromLatin1(start)), end);
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

class tst_AndTrigger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequence_data();
    void sequence();
    void agreesAgainAfterDst();
    void exhaustedWhenAChildIs();
    void noCommonTimeIsAnErrorBoundedAndFast();
    void cronWithoutCommonTime();
    void spanBound();
    void childJitterIsIgnored();
    void jitter();
    void nesting();
    void nestingIsBounded();
    void emptyListIsRefused();
    void jsonHasNoZoneAndRoundTrips();
    void equalityIgnoresTheContextZone();
    void description();
};

void tst_AndTrigger::sequence_data()
{
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("ends");

    QTest::newRow("every 2 h and every 3 h: every 6 h")
        << u"{\"type\":\"and\",\"triggers\":["
           "{\"type\":\"interval\",\"hours\":2,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"},"
           "{\"type\":\"interval\",\"hours\":3,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}]}"_qs
        << u"2026-01-01T00:00:01Z"_qs
        << QStringList{u"2026-01-01T06:00:00+00:00"_qs, u"2026-01-01T12:00:00+00:00"_qs, u"2026-01-01T18:00:00+00:00"_qs}
        << false;
    QTest::newRow("daily 09:00 and weekly from a Monday: Mondays")
        << u"{\"type\":\"and\",\"triggers\":["
           "{\"type\":\"calendarinterval\",\"days\":1,\"hour\":9,\"start_date\":\"2026-01-01\",\"timezone\":\"UTC\"},"
           "{\"type\":\"interval\",\"weeks\":1,\"start_date\":\"2026-01-05T09:00:00Z\",\"timezone\":\"UTC\"}]}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-05T09:00:00+00:00"_qs, u"2026-01-12T09:00:00+00:00"_qs, u"2026-01-19T09:00:00+00:00"_qs}
        << false;
    QTest::newRow("a date on the other child's schedule: once")
        << u"{\"type\":\"and\",\"triggers\":["
           "{\"type\":\"date\",\"run_date\":\"2026-01-01T05:00:00Z\",\"timezone\":\"UTC\"},"
           "{\"type\":\"interval\",\"hours\":1,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}]}"_qs
        << u"2026-01-01T00:00:00Z"_qs << QStringList{u"2026-01-01T05:00:00+00:00"_qs} << true;
    QTest::newRow("a date off the other child's schedule: never")
        << u"{\"type\":\"and\",\"triggers\":["
           "{\"type\":\"date\",\"run_date\":\"2026-01-01T05:30:00Z\",\"timezone\":\"UTC\"},"
           "{\"type\":\"interval\",\"hours\":1,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}]}"_qs
        << u"2026-01-01T00:00:00Z"_qs << QStringList{} << true;
    QTest::newRow("ends with a child's end date")
        << u"{\"type\":\"and\",\"triggers\":["
           "{\"type\":\"interval\",\"minutes\":30,\"start_date\":\"2026-01-01T00:00:00Z\",\"end_date\":\"2026-01-01T03:00:00Z\",\"timezone\":\"UTC\"},"
           "{\"type\":\"interval\",\"hours\":1,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}]}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-01T01:00:00+00:00"_qs, u"2026-01-01T02:00:00+00:00"_qs,
                       u"2026-01-01T03:00:00+00:00"_qs}
        << true;
    QTest::newRow("a single child is itself")
        << u"{\"type\":\"and\",\"triggers\":[{\"type\":\"interval\",\"hours\":1,\"start_date\":\"2026-01-01T00:00:00Z\"}]}"_qs
        << u"2026-01-01T00:30:00Z"_qs
        << QStringList{u"2026-01-01T01:00:00+00:00"_qs, u"2026-01-01T02:00:00+00:00"_qs} << false;
    QTest::newRow("cron: Friday the 13th at 09:00, Berlin")
        << u"{\"type\":\"and\",\"triggers\":["
           "{\"type\":\"cron\",\"day\":\"13\",\"hour\":9,\"timezone\":\"Europe/Berlin\"},"
           "{\"type\":\"cron\",\"day_of_week\":\"fri\",\"hour\":9,\"timezone\":\"Europe/Berlin\"}]}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-02-13T08:00:00+00:00"_qs, u"2026-03-13T08:00:00+00:00"_qs, u"2026-11-13T08:00:00+00:00"_qs,
                       u"2027-08-13T07:00:00+00:00"_qs}
        << false;
    QTest::newRow("cron and interval: weekdays at 09:00 that are on a 2-day grid")
        << u"{\"type\":\"and\",\"triggers\":["
           "{\"type\":\"cron\",\"crontab\":\"0 9 * * mon-fri\",\"timezone\":\"UTC\"},"
           "{\"type\":\"interval\",\"days\":2,\"start_date\":\"2026-01-01T09:00:00Z\",\"timezone\":\"UTC\"}]}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T09:00:00+00:00"_qs, u"2026-01-05T09:00:00+00:00"_qs, u"2026-01-07T09:00:00+00:00"_qs,
                       u"2026-01-09T09:00:00+00:00"_qs, u"2026-01-13T09:00:00+00:00"_qs}
        << false;
    QTest::newRow("three children")
        << u"{\"type\":\"and\",\"triggers\":["
           "{\"type\":\"interval\",\"minutes\":4,\"start_date\":\"2026-01-01T00:00:00Z\"},"
           "{\"type\":\"interval\",\"minutes\":6,\"start_date\":\"2026-01-01T00:00:00Z\"},"
           "{\"type\":\"interval\",\"minutes\":10,\"start_date\":\"2026-01-01T00:00:00Z\"}]}"_qs
        << u"2026-01-01T00:00:00.5Z"_qs
        << QStringList{u"2026-01-01T01:00:00+00:00"_qs, u"2026-01-01T02:00:00+00:00"_qs} << false;
}

void tst_AndTrigger::sequence()
{
    QFETCH(QString, trigger);
    QFETCH(QString, from);
    QFETCH(QStringList, expected);
    QFETCH(bool, ends);
    const Instant start = at(from);
    const auto t = AndTrigger::fromJson(QJsonDocument::fromJson(trigger.toUtf8()).object(),
                                        TriggerContext{TimeZone::utc(), start});
    QCOMPARE(TriggerTest::sequence(*t, start, int(expected.size()) + (ends ? 5 : 0)), expected);
}

void tst_AndTrigger::agreesAgainAfterDst()
{
    // A weekly interval (168 h) and a daily 09:00 in Berlin agree on Mondays until DST starts, drift an
    // hour apart all summer, and agree again when it ends: the search crosses the summer.
    const auto t = AndTrigger::fromJson(
        json(R"({"type":"and","triggers":[
            {"type":"calendarinterval","days":1,"hour":9,"start_date":"2026-01-01","timezone":"Europe/Berlin"},
            {"type":"interval","weeks":1,"start_date":"2026-03-23T09:00:00","timezone":"Europe/Berlin"}]})"),
        TriggerContext{zone(u"Europe/Berlin"_qs), Instant{}});
    QCOMPARE(TriggerTest::sequence(*t, at(u"2026-03-20T00:00:00Z"_qs), 2),
             (QStringList{u"2026-03-23T09:00:00+01:00"_qs, u"2026-10-26T09:00:00+01:00"_qs}));
}

void tst_AndTrigger::exhaustedWhenAChildIs()
{
    AndTrigger t(triggers(every(1h, "2026-01-01T00:00:00Z", at(u"2026-01-01T02:00:00Z"_qs)),
                          every(30min, "2026-01-01T00:00:00Z")));
    QCOMPARE(t.firstFireTimeAtOrAfter(at(u"2026-01-01T02:00:00.000001Z"_qs)), std::optional<Instant>());
    QCOMPARE(t.scheduledFireTime(at(u"2026-01-01T02:00:00Z"_qs), at(u"2026-01-01T02:00:00Z"_qs)),
             std::optional<Instant>());
}

void tst_AndTrigger::noCommonTimeIsAnErrorBoundedAndFast()
{
    // Two 2-hour grids an hour apart never meet. APScheduler loops forever here.
    AndTrigger t(triggers(every(2h, "2026-01-01T00:00:00Z"), every(2h, "2026-01-01T01:00:00Z")));
    QElapsedTimer timer;
    timer.start();
    const QString message = errorOf([&] { t.nextFireTime(std::nullopt, at(u"2026-01-01T00:00:00Z"_qs)); });
    QCOMPARE(message, u"and: no common fire time found within 10000 iterations after 2026-01-01T00:00:00+00:00"_qs);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    // The same from firstFireTimeAtOrAfter and with a previous fire time.
    QVERIFY(!errorOf([&] { t.firstFireTimeAtOrAfter(at(u"2026-06-01T00:00:00Z"_qs)); }).isEmpty());
    QVERIFY(!errorOf([&] { t.scheduledFireTime(at(u"2026-06-01T00:00:00Z"_qs), at(u"2026-06-01T00:00:00Z"_qs)); })
                 .isEmpty());
}

void tst_AndTrigger::cronWithoutCommonTime()
{
    // 01:00 daily and 02:00 daily never agree; each answer moves the search a day: the iteration bound.
    const auto t = AndTrigger::fromJson(json(R"({"type":"and","triggers":[
        {"type":"cron","hour":1,"timezone":"UTC"},{"type":"cron","hour":2,"timezone":"UTC"}]})"),
                                        TriggerContext{});
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(errorOf([&] { t->nextFireTime(std::nullopt, at(u"2026-01-01T00:00:00Z"_qs)); }),
             u"and: no common fire time found within 10000 iterations after 2026-01-01T00:00:00+00:00"_qs);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

void tst_AndTrigger::spanBound()
{
    // Feb 29 and Mar 1, yearly: each answer moves the search years ahead; it stops after 400 years.
    const auto t = AndTrigger::fromJson(
        json(R"({"type":"and","triggers":[
            {"type":"calendarinterval","years":1,"start_date":"2024-02-29","timezone":"UTC"},
            {"type":"calendarinterval","years":1,"start_date":"2024-03-01","timezone":"UTC"}]})"),
        TriggerContext{zone(u"Asia/Kathmandu"_qs), Instant{}});
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(errorOf([&] { t->nextFireTime(std::nullopt, at(u"2024-01-01T00:00:00Z"_qs)); }),
             u"and: no common fire time found within 400 years after 2024-01-01T05:45:00+05:45"_qs);
    QVERIFY(timer.elapsed() < 1000);
}

void tst_AndTrigger::childJitterIsIgnored()
{
    CombiningTrigger::Triggers list;
    list.push_back(std::make_unique<IntervalTrigger>(IntervalTrigger::Units{.hours = 1}, at(u"2026-01-01T00:00:00Z"_qs),
                                                     std::nullopt, TimeZone::utc(), Microseconds(30min)));
    list.push_back(every(2h, "2026-01-01T00:00:00Z"));
    const AndTrigger t(std::move(list));
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(t.nextFireTime(std::nullopt, at(u"2026-01-01T00:00:01Z"_qs)),
                 std::optional<Instant>(at(u"2026-01-01T02:00:00Z"_qs)));
    }
}

void tst_AndTrigger::jitter()
{
    const AndTrigger t(triggers(every(1h, "2026-01-01T00:00:00Z"), every(2h, "2026-01-01T00:00:00Z")), Microseconds(10s));
    const Instant scheduled = at(u"2026-01-01T02:00:00Z"_qs);
    QCOMPARE(t.scheduledFireTime(std::nullopt, at(u"2026-01-01T00:00:01Z"_qs)), std::optional<Instant>(scheduled));
    for (int i = 0; i < 50; ++i) {
        const Instant next = *t.nextFireTime(std::nullopt, at(u"2026-01-01T00:00:01Z"_qs));
        QVERIFY(next >= scheduled && next <= scheduled + 10s);
    }
}

void tst_AndTrigger::nesting()
{
    // (every 5 h or every 3 h) and every 4 h: the multiples of 4 hours that are multiples of 5 or 3.
    const auto t = AndTrigger::fromJson(
        json(R"({"type":"and","triggers":[
            {"type":"or","triggers":[
                {"type":"interval","hours":5,"start_date":"2026-01-01T00:00:00Z"},
                {"type":"interval","hours":3,"start_date":"2026-01-01T00:00:00Z"}]},
            {"type":"interval","hours":4,"start_date":"2026-01-01T00:00:00Z"}]})"),
        TriggerContext{});
    QCOMPARE(TriggerTest::sequence(*t, at(u"2026-01-01T00:00:00Z"_qs), 5),
             (QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-01T12:00:00+00:00"_qs, u"2026-01-01T20:00:00+00:00"_qs,
                          u"2026-01-02T00:00:00+00:00"_qs, u"2026-01-02T12:00:00+00:00"_qs}));
    QCOMPARE(static_cast<const AndTrigger &>(*t).nestingDepth(), 2);
}

void tst_AndTrigger::nestingIsBounded()
{
    std::unique_ptr<Trigger> t = every(1h, "2026-01-01T00:00:00Z");
    for (int depth = 1; depth <= 32; ++depth) {
        CombiningTrigger::Triggers list;
        list.push_back(std::move(t));
        t = std::make_unique<AndTrigger>(std::move(list));
    }
    QCOMPARE(static_cast<const AndTrigger &>(*t).nestingDepth(), 32);
    QCOMPARE(t->scheduledFireTime(std::nullopt, at(u"2026-01-01T00:30:00Z"_qs)),
             std::optional<Instant>(at(u"2026-01-01T01:00:00Z"_qs)));
    CombiningTrigger::Triggers list;
    list.push_back(std::move(t));
    QCOMPARE(errorOf([&] { AndTrigger tooDeep(std::move(list)); }), u"and: and/or triggers nested deeper than 32 levels"_qs);
}

void tst_AndTrigger::emptyListIsRefused()
{
    QCOMPARE(errorOf([] { AndTrigger t({}); }), u"and: triggers: the list is empty"_qs);
    CombiningTrigger::Triggers withNull;
    withNull.push_back(nullptr);
    QCOMPARE(errorOf([&] { AndTrigger t(std::move(withNull)); }), u"and: triggers: a trigger is missing (null)"_qs);
    QCOMPARE(errorOf([] { AndTrigger::fromJson(json(R"({"type":"and","triggers":[]})"), TriggerContext{}); }),
             u"triggers: the list is empty"_qs);
}

void tst_AndTrigger::jsonHasNoZoneAndRoundTrips()
{
    const TriggerContext berlin{zone(u"Europe/Berlin"_qs), at(u"2026-01-01T00:00:00Z"_qs)};
    const auto t = AndTrigger::fromJson(
        json(R"({"type":"and","jitter":1.5,"triggers":[
            {"type":"interval","hours":2},
            {"type":"calendarinterval","days":1,"hour":8}]})"),
        berlin);
    const QJsonObject written = t->toJson();
    QVERIFY(!written.contains(u"timezone"));
    QCOMPARE(written.value(u"type").toString(), u"and"_qs);
    QCOMPARE(written.value(u"jitter").toDouble(), 1.5);
    // The children carry the context's zone explicitly.
    QCOMPARE(written.value(u"triggers")[0][u"timezone"].toString(), u"Europe/Berlin"_qs);
    QCOMPARE(written.value(u"triggers")[1][u"timezone"].toString(), u"Europe/Berlin"_qs);
    const auto back = AndTrigger::fromJson(written, TriggerContext{zone(u"America/New_York"_qs), Instant{}});
    QVERIFY(*t == *back);
    QCOMPARE(compact(back->toJson()), compact(written));
    QVERIFY(*t == *t->clone());
    // An and/or has no zone to read either.
    QCOMPARE(errorOf([] { AndTrigger::fromJson(json(R"({"type":"and","timezone":"UTC","triggers":[{"type":"interval"}]})"),
                                               TriggerContext{}); }),
             u"and: unknown key 'timezone'"_qs);
}

void tst_AndTrigger::equalityIgnoresTheContextZone()
{
    const AndTrigger a(triggers(every(1h, "2026-01-01T00:00:00Z"), every(2h, "2026-01-01T00:00:00Z")), std::nullopt,
                       zone(u"Europe/Berlin"_qs));
    const AndTrigger b(triggers(every(1h, "2026-01-01T00:00:00Z"), every(2h, "2026-01-01T00:00:00Z")), std::nullopt,
                       TimeZone::utc());
    QVERIFY(a == b);
    QVERIFY(!(a == AndTrigger(triggers(every(2h, "2026-01-01T00:00:00Z"), every(1h, "2026-01-01T00:00:00Z")))));
    QVERIFY(!(a == AndTrigger(triggers(every(1h, "2026-01-01T00:00:00Z"), every(2h, "2026-01-01T00:00:00Z")),
                              Microseconds(1s))));
    QVERIFY(!(a == OrTrigger(triggers(every(1h, "2026-01-01T00:00:00Z"), every(2h, "2026-01-01T00:00:00Z")))));
}

void tst_AndTrigger::description()
{
    const AndTrigger t(triggers(every(2h, "2026-01-01T00:00:00Z"), every(30s, "2026-01-01T00:00:00Z")));
    QCOMPARE(t.description(), u"all of: every 2 hours; every 30 seconds"_qs);
}

QTEST_GUILESS_MAIN(tst_AndTrigger)
#include "tst_andtrigger.moc"
