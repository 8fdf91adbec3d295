#include "triggertesthelpers.h"

#include <QtScheduler/schedulererror.h>
#include <QtScheduler/triggers/intervaltrigger.h>

#include <QRandomGenerator>
#include <QTest>

using namespace qtscheduler;
using namespace TriggerTest;
using namespace std::chrono_literals;

class tst_IntervalTrigger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequence_data();
    void sequence();
    void intervalOfUnits_data();
    void intervalOfUnits();
    void defaultStartIsOneIntervalAfterNow();
    void previousOffTheGridSnapsToTheGrid();
    void jitterDoesNotAccumulate();
    void firstFireTimeAtOrAfterBounds();
    void roundTrip_data();
    void roundTrip();
    void toJsonWritesEveryKey();
    void equality();
    void description_data();
    void description();
    void errors_data();
    void errors();
    void constructorErrors();
    void propertyIncreasingOnTheGridWithinBounds();
};

void tst_IntervalTrigger::sequence_data()
{
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("every 30 seconds, from the start")
        << u"{\"type\":\"interval\",\"seconds\":30,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-01T00:00:30+00:00"_qs, u"2026-01-01T00:01:00+00:00"_qs};
    QTest::newRow("start ahead of now: the start")
        << u"{\"type\":\"interval\",\"minutes\":5,\"start_date\":\"2026-06-01T12:00:00\",\"timezone\":\"Europe/Berlin\"}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-06-01T12:00:00+02:00"_qs, u"2026-06-01T12:05:00+02:00"_qs};
    QTest::newRow("now between grid points: the next one (ceil)")
        << u"{\"type\":\"interval\",\"minutes\":7,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}"_qs
        << u"2026-01-01T01:00:00Z"_qs
        << QStringList{u"2026-01-01T01:03:00+00:00"_qs, u"2026-01-01T01:10:00+00:00"_qs};
    QTest::newRow("now on a grid point: that point")
        << u"{\"type\":\"interval\",\"minutes\":7,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}"_qs
        << u"2026-01-01T01:03:00Z"_qs
        << QStringList{u"2026-01-01T01:03:00+00:00"_qs, u"2026-01-01T01:10:00+00:00"_qs};
    QTest::newRow("now one microsecond past a grid point")
        << u"{\"type\":\"interval\",\"minutes\":7,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}"_qs
        << u"2026-01-01T01:03:00.000001Z"_qs
        << QStringList{u"2026-01-01T01:10:00+00:00"_qs};
    QTest::newRow("fractional seconds")
        << u"{\"type\":\"interval\",\"seconds\":0.25,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}"_qs
        << u"2026-01-01T00:00:00.1Z"_qs
        << QStringList{u"2026-01-01T00:00:00.250000+00:00"_qs, u"2026-01-01T00:00:00.500000+00:00"_qs,
                       u"2026-01-01T00:00:00.750000+00:00"_qs, u"2026-01-01T00:00:01+00:00"_qs};
    QTest::newRow("fractional hours")
        << u"{\"type\":\"interval\",\"hours\":1.5,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-01T01:30:00+00:00"_qs, u"2026-01-01T03:00:00+00:00"_qs};
    QTest::newRow("units add up (1 week 1 day 1 hour 1 minute 1 second)")
        << u"{\"type\":\"interval\",\"weeks\":1,\"days\":1,\"hours\":1,\"minutes\":1,\"seconds\":1,"
           "\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-09T01:01:01+00:00"_qs, u"2026-01-17T02:02:02+00:00"_qs};
    QTest::newRow("numbers as strings")
        << u"{\"type\":\"interval\",\"minutes\":\"90\",\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}"_qs
        << u"2026-01-01T00:00:00Z"_qs << QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-01T01:30:00+00:00"_qs};
    QTest::newRow("zero interval is one second")
        << u"{\"type\":\"interval\",\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-01T00:00:01+00:00"_qs, u"2026-01-01T00:00:02+00:00"_qs};
    QTest::newRow("end date cut-off (inclusive)")
        << u"{\"type\":\"interval\",\"hours\":1,\"start_date\":\"2026-01-01T00:00:00Z\","
           "\"end_date\":\"2026-01-01T02:00:00Z\",\"timezone\":\"UTC\"}"_qs
        << u"2025-12-31T00:00:00Z"_qs
        << QStringList{u"2026-01-01T00:00:00+00:00"_qs, u"2026-01-01T01:00:00+00:00"_qs, u"2026-01-01T02:00:00+00:00"_qs};
    QTest::newRow("from after the end date: nothing")
        << u"{\"type\":\"interval\",\"hours\":1,\"start_date\":\"2026-01-01T00:00:00Z\","
           "\"end_date\":\"2026-01-01T02:00:00Z\",\"timezone\":\"UTC\"}"_qs
        << u"2026-01-01T02:00:01Z"_qs << QStringList{};
    QTest::newRow("1 day stays 24 h across Berlin's spring forward")
        << u"{\"type\":\"interval\",\"days\":1,\"start_date\":\"2026-03-28T09:00:00\",\"timezone\":\"Europe/Berlin\"}"_qs
        << u"2026-03-28T00:00:00Z"_qs
        << QStringList{u"2026-03-28T09:00:00+01:00"_qs, u"2026-03-29T10:00:00+02:00"_qs, u"2026-03-30T10:00:00+02:00"_qs};
    QTest::newRow("1 hour across New York's fall back: the repeated hour too")
        << u"{\"type\":\"interval\",\"hours\":1,\"start_date\":\"2026-11-01T00:00:00\",\"timezone\":\"America/New_York\"}"_qs
        << u"2026-11-01T00:00:00-04:00"_qs
        << QStringList{u"2026-11-01T00:00:00-04:00"_qs, u"2026-11-01T01:00:00-04:00"_qs, u"2026-11-01T01:00:00-05:00"_qs,
                       u"2026-11-01T02:00:00-05:00"_qs};
    QTest::newRow("30 minutes across Lord Howe's 30-minute spring forward")
        << u"{\"type\":\"interval\",\"minutes\":30,\"start_date\":\"2026-10-04T01:00:00\",\"timezone\":\"Australia/Lord_Howe\"}"_qs
        << u"2026-10-03T00:00:00Z"_qs
        << QStringList{u"2026-10-04T01:00:00+10:30"_qs, u"2026-10-04T01:30:00+10:30"_qs, u"2026-10-04T02:30:00+11:00"_qs,
                       u"2026-10-04T03:00:00+11:00"_qs};
    QTest::newRow("written in a 45-minute zone")
        << u"{\"type\":\"interval\",\"hours\":6,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"Asia/Kathmandu\"}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-01T05:45:00+05:45"_qs, u"2026-01-01T11:45:00+05:45"_qs};
    QTest::newRow("start years back: jumps, no walk")
        << u"{\"type\":\"interval\",\"seconds\":1,\"start_date\":\"1970-01-01T00:00:00Z\",\"timezone\":\"UTC\"}"_qs
        << u"9999-12-31T23:59:58.5Z"_qs
        << QStringList{u"9999-12-31T23:59:59+00:00"_qs};
}

void tst_IntervalTrigger::sequence()
{
    QFETCH(QString, trigger);
    QFETCH(QString, from);
    QFETCH(QStringList, expected);
    const Instant start = at(from);
    const auto t = IntervalTrigger::fromJson(QJsonDocument::fromJson(trigger.toUtf8()).object(),
                                             TriggerContext{TimeZone::utc(), start});
    // Rows whose sequence ends (end_date, the year 9999) list all of it: ask for more than that.
    const bool ends = trigger.contains(u"end_date") || from.startsWith(u"9999");
    if (ends)
        QCOMPARE(TriggerTest::sequence(*t, start, int(expected.size()) + 5), expected);
    QCOMPARE(TriggerTest::sequence(*t, start, int(expected.size())), expected);
}

void tst_IntervalTrigger::intervalOfUnits_data()
{
    QTest::addColumn<double>("weeks");
    QTest::addColumn<double>("days");
    QTest::addColumn<double>("hours");
    QTest::addColumn<double>("minutes");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<qint64>("microseconds");
    QTest::newRow("30 seconds") << 0.0 << 0.0 << 0.0 << 0.0 << 30.0 << qint64(30000000);
    QTest::newRow("1.5 hours") << 0.0 << 0.0 << 1.5 << 0.0 << 0.0 << qint64(5400000000);
    QTest::newRow("0.1 seconds") << 0.0 << 0.0 << 0.0 << 0.0 << 0.1 << qint64(100000);
    QTest::newRow("rounded to microseconds") << 0.0 << 0.0 << 0.0 << 0.0 << 0.0000014 << qint64(1);
    QTest::newRow("below half a microsecond is zero, hence one second") << 0.0 << 0.0 << 0.0 << 0.0 << 1e-7
                                                                         << qint64(1000000);
    QTest::newRow("all zero is one second") << 0.0 << 0.0 << 0.0 << 0.0 << 0.0 << qint64(1000000);
    QTest::newRow("half a week") << 0.5 << 0.0 << 0.0 << 0.0 << 0.0 << qint64(302400000000);
    QTest::newRow("everything") << 1.0 << 2.0 << 3.0 << 4.0 << 5.0 << qint64(((9 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000000LL);
}

void tst_IntervalTrigger::intervalOfUnits()
{
    QFETCH(double, weeks);
    QFETCH(double, days);
    QFETCH(double, hours);
    QFETCH(double, minutes);
    QFETCH(double, seconds);
    QFETCH(qint64, microseconds);
    const IntervalTrigger::Units units{weeks, days, hours, minutes, seconds};
    QCOMPARE(IntervalTrigger::intervalOf(units).count(), microseconds);
    QCOMPARE(IntervalTrigger(units, Instant{}).interval().count(), microseconds);
}

void tst_IntervalTrigger::defaultStartIsOneIntervalAfterNow()
{
    const Instant now = at(u"2026-04-01T10:00:00.5Z"_qs);
    const auto t = IntervalTrigger::fromJson(json(R"({"type":"interval","minutes":10})"),
                                             TriggerContext{zone(u"Europe/Berlin"_qs), now});
    QCOMPARE(t->startDate(), now + 10min);
    QCOMPARE(t->scheduledFireTime(std::nullopt, now), std::optional<Instant>(now + 10min));
    QCOMPARE(QString::fromUtf8(t->timeZone().id()), u"Europe/Berlin"_qs);
    // The resolved start is written, so a stored job keeps its phase.
    QCOMPARE(t->toJson().value(u"start_date").toString(), u"2026-04-01T12:10:00.500000+02:00"_qs);
}

void tst_IntervalTrigger::previousOffTheGridSnapsToTheGrid()
{
    const Instant start = at(u"2026-01-01T00:00:00Z"_qs);
    const IntervalTrigger t({.minutes = 10}, start);
    // A previous fire time on the grid: previous + interval, as APScheduler.
    QCOMPARE(t.scheduledFireTime(start + 20min, start + 20min), std::optional<Instant>(start + 30min));
    // Off the grid (a job run late by hand, or jitter): the next grid point after it.
    QCOMPARE(t.scheduledFireTime(start + 23min, start + 23min), std::optional<Instant>(start + 30min));
    // "now" does not matter once there is a previous fire time.
    QCOMPARE(t.scheduledFireTime(start + 20min, start + 5h), std::optional<Instant>(start + 30min));
}

void tst_IntervalTrigger::jitterDoesNotAccumulate()
{
    const Instant start = at(u"2026-01-01T00:00:00Z"_qs);
    const IntervalTrigger t({.minutes = 1}, start, std::nullopt, TimeZone::utc(), Microseconds(20s));
    QCOMPARE(t.jitter(), std::optional<Microseconds>(20s));
    std::optional<Instant> previous;
    for (int i = 0; i < 500; ++i) {
        const std::optional<Instant> next = t.nextFireTime(previous, previous.value_or(start));
        QVERIFY(next);
        // Each fire time is its grid point plus at most the jitter, never drifting.
        const Instant grid = start + i * 1min;
        QVERIFY2(*next >= grid && *next <= grid + 20s, qPrintable(iso(*next, TimeZone::utc())));
        previous = next;
    }
}

void tst_IntervalTrigger::firstFireTimeAtOrAfterBounds()
{
    const Instant start = at(u"2026-01-01T00:00:00Z"_qs);
    const IntervalTrigger t({.hours = 1}, start, at(u"2026-01-02T00:00:00Z"_qs));
    QCOMPARE(t.firstFireTimeAtOrAfter(Instant::min()), std::optional<Instant>(start));
    QCOMPARE(t.firstFireTimeAtOrAfter(Instant::max()), std::optional<Instant>());
    QCOMPARE(t.firstFireTimeAtOrAfter(start + 1us), std::optional<Instant>(start + 1h));
    QCOMPARE(t.firstFireTimeAtOrAfter(at(u"2026-01-02T00:00:00Z"_qs)),
             std::optional<Instant>(at(u"2026-01-02T00:00:00Z"_qs)));
    QCOMPARE(t.firstFireTimeAtOrAfter(at(u"2026-01-02T00:00:00.000001Z"_qs)), std::optional<Instant>());

    // The longest interval, from the earliest start: no overflow, the sequence ends at the year 9999.
    const IntervalTrigger longest({.weeks = 520000}, at(u"0001-01-01T00:00:00Z"_qs));
    QCOMPARE(TriggerTest::sequence(longest, Instant::min(), 5).size(), 2);
}

void tst_IntervalTrigger::roundTrip_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("seconds") << u"{\"type\":\"interval\",\"seconds\":30}"_qs;
    QTest::newRow("fractions, every unit")
        << u"{\"type\":\"interval\",\"weeks\":0.5,\"days\":1.25,\"hours\":0.1,\"minutes\":2.5,\"seconds\":0.001}"_qs;
    QTest::newRow("dates and zone")
        << u"{\"type\":\"interval\",\"hours\":2,\"start_date\":\"2026-03-29T02:30:00\",\"end_date\":\"2027-01-01\","
           "\"timezone\":\"Europe/Berlin\"}"_qs;
    QTest::newRow("jitter") << u"{\"type\":\"interval\",\"minutes\":1,\"jitter\":2.5}"_qs;
    QTest::newRow("zero") << u"{\"type\":\"interval\"}"_qs;
}

void tst_IntervalTrigger::roundTrip()
{
    QFETCH(QString, input);
    const TriggerContext context{zone(u"Australia/Lord_Howe"_qs), at(u"2026-05-05T05:05:05.5Z"_qs)};
    const auto first = IntervalTrigger::fromJson(QJsonDocument::fromJson(input.toUtf8()).object(), context);
    const QJsonObject written = first->toJson();
    // Read back in another context: every key is written, nothing comes from the context.
    const auto second = IntervalTrigger::fromJson(written, TriggerContext{TimeZone::utc(), Instant{}});
    QVERIFY(*first == *second);
    QCOMPARE(compact(second->toJson()), compact(written));
    QVERIFY(*first == *first->clone());
}

void tst_IntervalTrigger::toJsonWritesEveryKey()
{
    const IntervalTrigger t({.seconds = 30}, at(u"2026-11-01T00:00:00Z"_qs), std::nullopt, TimeZone::utc());
    QCOMPARE(compact(t.toJson()),
             u"{\"days\":0,\"end_date\":null,\"hours\":0,\"jitter\":null,\"minutes\":0,\"seconds\":30,"
             "\"start_date\":\"2026-11-01T00:00:00+00:00\",\"timezone\":\"UTC\",\"type\":\"interval\",\"weeks\":0}"_qs);
    const IntervalTrigger zero({}, at(u"2026-11-01T00:00:00Z"_qs));
    QCOMPARE(zero.toJson().value(u"seconds").toInt(), 1);
    const IntervalTrigger fraction({.hours = 1.5}, at(u"2026-11-01T00:00:00Z"_qs), std::nullopt, TimeZone::utc(),
                                   Microseconds(1500ms));
    QCOMPARE(fraction.toJson().value(u"hours").toDouble(), 1.5);
    QCOMPARE(fraction.toJson().value(u"jitter").toDouble(), 1.5);
}

void tst_IntervalTrigger::equality()
{
    const Instant start = at(u"2026-01-01T00:00:00Z"_qs);
    // The same interval however it is spelled.
    QVERIFY(IntervalTrigger({.hours = 1}, start) == IntervalTrigger({.minutes = 60}, start));
    QVERIFY(!(IntervalTrigger({.hours = 1}, start) == IntervalTrigger({.hours = 1}, start + 1s)));
    QVERIFY(!(IntervalTrigger({.hours = 1}, start) == IntervalTrigger({.hours = 2}, start)));
    QVERIFY(!(IntervalTrigger({.hours = 1}, start) == IntervalTrigger({.hours = 1}, start, start + 1h)));
    QVERIFY(!(IntervalTrigger({.hours = 1}, start)
              == IntervalTrigger({.hours = 1}, start, std::nullopt, TimeZone::utc(), Microseconds(1s))));
    QVERIFY(!(IntervalTrigger({.hours = 1}, start) == IntervalTrigger({.hours = 1}, start, std::nullopt,
                                                                      zone(u"Europe/Berlin"_qs))));
}

void tst_IntervalTrigger::description_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("30 seconds") << u"{\"type\":\"interval\",\"seconds\":30}"_qs << u"every 30 seconds"_qs;
    QTest::newRow("1 second") << u"{\"type\":\"interval\",\"seconds\":1}"_qs << u"every second"_qs;
    QTest::newRow("2 hours") << u"{\"type\":\"interval\",\"hours\":2}"_qs << u"every 2 hours"_qs;
    QTest::newRow("120 minutes is 2 hours") << u"{\"type\":\"interval\",\"minutes\":120}"_qs << u"every 2 hours"_qs;
    QTest::newRow("90 minutes") << u"{\"type\":\"interval\",\"minutes\":90}"_qs << u"every 90 minutes"_qs;
    QTest::newRow("1 hour") << u"{\"type\":\"interval\",\"hours\":1}"_qs << u"every hour"_qs;
    QTest::newRow("1 day") << u"{\"type\":\"interval\",\"days\":1}"_qs << u"every day"_qs;
    QTest::newRow("14 days is 2 weeks") << u"{\"type\":\"interval\",\"days\":14}"_qs << u"every 2 weeks"_qs;
    QTest::newRow("1.5 seconds") << u"{\"type\":\"interval\",\"seconds\":1.5}"_qs << u"every 1.5 seconds"_qs;
    QTest::newRow("until") << u"{\"type\":\"interval\",\"minutes\":5,\"start_date\":\"2026-01-01T00:00:00Z\","
                              "\"end_date\":\"2026-12-31T18:00:00Z\"}"_qs
                           << u"every 5 minutes, until 2026-12-31 18:00"_qs;
}

void tst_IntervalTrigger::description()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto t = IntervalTrigger::fromJson(QJsonDocument::fromJson(input.toUtf8()).object(), TriggerContext{});
    QCOMPARE(t->description(), expected);
}

void tst_IntervalTrigger::errors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a number") << u"{\"type\":\"interval\",\"seconds\":\"abc\"}"_qs
                                  << u"seconds: 'abc' is not a number"_qs;
    QTest::newRow("a list") << u"{\"type\":\"interval\",\"minutes\":[1]}"_qs << u"minutes: [1] is not a number"_qs;
    QTest::newRow("a boolean") << u"{\"type\":\"interval\",\"hours\":true}"_qs << u"hours: true is not a number"_qs;
    QTest::newRow("negative") << u"{\"type\":\"interval\",\"days\":-1}"_qs << u"days: -1 must not be negative"_qs;
    QTest::newRow("huge") << u"{\"type\":\"interval\",\"weeks\":1e300}"_qs
                          << u"weeks: 1e+300 is too large (at most 522857)"_qs;
    QTest::newRow("huge seconds as text") << u"{\"type\":\"interval\",\"seconds\":\"1e18\"}"_qs
                                          << u"seconds: '1e18' is too large (at most 316224000000)"_qs;
    QTest::newRow("not finite") << u"{\"type\":\"interval\",\"seconds\":\"inf\"}"_qs
                                << u"seconds: 'inf' is not a number"_qs;
    QTest::newRow("unknown key") << u"{\"type\":\"interval\",\"minute\":5}"_qs << u"interval: unknown key 'minute'"_qs;
    QTest::newRow("end before start")
        << u"{\"type\":\"interval\",\"start_date\":\"2026-02-01\",\"end_date\":\"2026-01-01\"}"_qs
        << u"end_date before start_date"_qs;
    QTest::newRow("bad start date") << u"{\"type\":\"interval\",\"start_date\":\"tomorrow\"}"_qs
                                    << u"start_date: 'tomorrow' is not an ISO-8601 date or date-time"_qs;
    QTest::newRow("bad end date") << u"{\"type\":\"interval\",\"end_date\":\"2026-13-01\"}"_qs
                                  << u"end_date: '2026-13-01' is not an ISO-8601 date or date-time"_qs;
    QTest::newRow("bad jitter") << u"{\"type\":\"interval\",\"jitter\":-3}"_qs << u"jitter: -3 must not be negative"_qs;
    QTest::newRow("bad zone") << u"{\"type\":\"interval\",\"timezone\":\"Europe/Berlim\"}"_qs
                              << u"timezone: unknown time zone 'Europe/Berlim'"_qs;
    QTest::newRow("zone not a string") << u"{\"type\":\"interval\",\"timezone\":1}"_qs
                                       << u"timezone: 1 is not a time zone name"_qs;
    QTest::newRow("default start past the year 9999")
        << u"{\"type\":\"interval\",\"weeks\":500000}"_qs << u"start_date: outside the years 1-9999"_qs;
}

void tst_IntervalTrigger::errors()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    try {
        IntervalTrigger::fromJson(QJsonDocument::fromJson(input.toUtf8()).object(),
                                  TriggerContext{TimeZone::utc(), at(u"2026-01-01T00:00:00Z"_qs)});
        QFAIL("no error");
    } catch (const TriggerError &e) {
        QCOMPARE(e.message(), message);
    }
}

void tst_IntervalTrigger::constructorErrors()
{
    const Instant start = at(u"2026-01-01T00:00:00Z"_qs);
    QVERIFY_THROWS_EXCEPTION(TriggerError, IntervalTrigger({.seconds = -1}, start));
    QVERIFY_THROWS_EXCEPTION(TriggerError, IntervalTrigger({.seconds = std::numeric_limits<double>::quiet_NaN()}, start));
    QVERIFY_THROWS_EXCEPTION(TriggerError, IntervalTrigger({.days = 1e12}, start));
    QVERIFY_THROWS_EXCEPTION(TriggerError, IntervalTrigger({.days = 1}, start, start - 1us));
    QVERIFY_THROWS_EXCEPTION(TriggerError, IntervalTrigger({.days = 1}, Instant::min()));
    QVERIFY_THROWS_EXCEPTION(TriggerError, IntervalTrigger({.days = 1}, start, Instant::max()));
}

// Random intervals, starts, ends and starting points: the sequence strictly increases, lies on the
// grid start + k * interval and within [start, end], and its first time is the first grid point at or
// after `from`.
void tst_IntervalTrigger::propertyIncreasingOnTheGridWithinBounds()
{
    QRandomGenerator random(20260101);
    const Instant base = at(u"2026-01-01T00:00:00Z"_qs);
    for (int round = 0; round < 2000; ++round) {
        const IntervalTrigger::Units units{0, 0, 0, double(random.bounded(0, 100)) / 4, double(random.bounded(1, 4000)) / 8};
        const Instant start = base + Microseconds(qint64(random.bounded(-1000000, 1000000)) * 1000);
        const std::optional<Instant> end = random.bounded(2) ? std::optional<Instant>(start + std::chrono::hours(random.bounded(1, 48)))
                                                             : std::nullopt;
        const IntervalTrigger t(units, start, end, zone(u"Europe/Berlin"_qs));
        const Instant from = start + Microseconds(qint64(random.bounded(-100000, 100000)) * 997);
        const qint64 step = t.interval().count();
        std::optional<Instant> previous;
        std::optional<Instant> next = t.scheduledFireTime(std::nullopt, from);
        for (int i = 0; i < 50 && next; ++i) {
            QVERIFY(*next >= start);
            QVERIFY(!end || *next <= *end);
            QVERIFY(*next >= from);
            QCOMPARE((*next - start).count() % step, 0);
            if (previous) {
                QVERIFY(*next > *previous);
                QCOMPARE((*next - *previous).count(), step);
            } else {
                QVERIFY(*next - from < t.interval());
            }
            previous = next;
            next = t.scheduledFireTime(next, *next);
        }
    }
}

QTEST_GUILESS_MAIN(tst_IntervalTrigger)
#include "tst_intervaltrigger.moc"
