#include "triggertesthelpers.h"

#include <QtScheduler/schedulererror.h>
#include <QtScheduler/triggers/datetrigger.h>

#include <QTest>

using namespace qtscheduler;
using namespace TriggerTest;
using namespace std::chrono_literals;

class tst_DateTrigger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromJson_data();
    void fromJson();
    void nextFireTime_data();
    void nextFireTime();
    void firstFireTimeAtOrAfter();
    void jitterIsNotAKey();
    void roundTrip_data();
    void roundTrip();
    void toJsonWritesEveryKey();
    void description_data();
    void description();
    void errors_data();
    void errors();
    void equality();
};

void tst_DateTrigger::fromJson_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("contextZone");
    QTest::addColumn<QString>("expectedRunDate");   // in the trigger's zone
    QTest::addColumn<QString>("expectedZone");

    QTest::newRow("local run date in its zone")
        << u"{\"type\":\"date\",\"run_date\":\"2026-12-01T09:00:00\",\"timezone\":\"Europe/Berlin\"}"_qs
        << u"UTC"_qs << u"2026-12-01T09:00:00+01:00"_qs << u"Europe/Berlin"_qs;
    QTest::newRow("run date with offset is an instant")
        << u"{\"type\":\"date\",\"run_date\":\"2026-12-01T09:00:00Z\",\"timezone\":\"Europe/Berlin\"}"_qs
        << u"UTC"_qs << u"2026-12-01T10:00:00+01:00"_qs << u"Europe/Berlin"_qs;
    QTest::newRow("bare date is midnight local")
        << u"{\"type\":\"date\",\"run_date\":\"2026-07-01\",\"timezone\":\"America/New_York\"}"_qs
        << u"UTC"_qs << u"2026-07-01T00:00:00-04:00"_qs << u"America/New_York"_qs;
    QTest::newRow("zone from the context")
        << u"{\"type\":\"date\",\"run_date\":\"2026-07-01T12:00:00\"}"_qs
        << u"Asia/Kathmandu"_qs << u"2026-07-01T12:00:00+05:45"_qs << u"Asia/Kathmandu"_qs;
    QTest::newRow("run date in the DST gap takes the offset before it")
        << u"{\"type\":\"date\",\"run_date\":\"2026-03-29T02:30:00\",\"timezone\":\"Europe/Berlin\"}"_qs
        << u"UTC"_qs << u"2026-03-29T03:30:00+02:00"_qs << u"Europe/Berlin"_qs;
    QTest::newRow("run date in the fold takes the first occurrence")
        << u"{\"type\":\"date\",\"run_date\":\"2026-10-25T02:30:00\",\"timezone\":\"Europe/Berlin\"}"_qs
        << u"UTC"_qs << u"2026-10-25T02:30:00+02:00"_qs << u"Europe/Berlin"_qs;
    QTest::newRow("microseconds kept")
        << u"{\"type\":\"date\",\"run_date\":\"2026-12-01T09:00:00.000250+00:00\",\"timezone\":\"UTC\"}"_qs
        << u"UTC"_qs << u"2026-12-01T09:00:00.000250+00:00"_qs << u"UTC"_qs;
    QTest::newRow("without run date: now")
        << u"{\"type\":\"date\",\"timezone\":\"Europe/Berlin\"}"_qs << u"UTC"_qs
        << u"2026-05-05T07:06:05.123456+02:00"_qs << u"Europe/Berlin"_qs;
    QTest::newRow("null run date: now")
        << u"{\"type\":\"date\",\"run_date\":null,\"timezone\":null}"_qs << u"Pacific/Chatham"_qs
        << u"2026-05-05T17:51:05.123456+12:45"_qs << u"Pacific/Chatham"_qs;
}

void tst_DateTrigger::fromJson()
{
    QFETCH(QString, input);
    QFETCH(QString, contextZone);
    QFETCH(QString, expectedRunDate);
    QFETCH(QString, expectedZone);

    const TriggerContext context{zone(contextZone), at(u"2026-05-05T05:06:05.123456Z"_qs)};
    const auto trigger = DateTrigger::fromJson(QJsonDocument::fromJson(input.toUtf8()).object(), context);
    QCOMPARE(QString::fromUtf8(trigger->timeZone().id()), expectedZone);
    QCOMPARE(iso(trigger->runDate(), trigger->timeZone()), expectedRunDate);
    QCOMPARE(trigger->type(), Trigger::Type::Date);
    QVERIFY(!trigger->jitter());
}

void tst_DateTrigger::nextFireTime_data()
{
    QTest::addColumn<QString>("previous");   // empty: none
    QTest::addColumn<QString>("now");
    QTest::addColumn<QString>("expected");   // empty: none

    const QString run = u"2026-12-01T09:00:00+00:00"_qs;
    QTest::newRow("first time, run date ahead") << QString() << u"2026-11-01T00:00:00Z"_qs << run;
    QTest::newRow("first time, run date past: still the run date (misfire is the scheduler's call)")
        << QString() << u"2027-01-01T00:00:00Z"_qs << run;
    QTest::newRow("first time, now is the run date") << QString() << run << run;
    QTest::newRow("after firing: none") << run << run << QString();
    QTest::newRow("previous after the run date: none") << u"2026-12-02T00:00:00Z"_qs << u"2026-12-02T00:00:00Z"_qs
                                                       << QString();
    QTest::newRow("previous before the run date: the run date")
        << u"2026-11-30T00:00:00Z"_qs << u"2026-11-30T00:00:00Z"_qs << run;
}

void tst_DateTrigger::nextFireTime()
{
    QFETCH(QString, previous);
    QFETCH(QString, now);
    QFETCH(QString, expected);

    const DateTrigger trigger(at(u"2026-12-01T09:00:00Z"_qs));
    std::optional<Instant> prev;
    if (!previous.isEmpty())
        prev = at(previous);
    const std::optional<Instant> next = trigger.nextFireTime(prev, at(now));
    QCOMPARE(next ? iso(*next, TimeZone::utc()) : QString(), expected);
    // No jitter on a date trigger: nextFireTime and scheduledFireTime agree.
    QCOMPARE(trigger.scheduledFireTime(prev, at(now)), next);
}

void tst_DateTrigger::firstFireTimeAtOrAfter()
{
    const Instant run = at(u"2026-12-01T09:00:00Z"_qs);
    const DateTrigger trigger(run);
    QCOMPARE(trigger.firstFireTimeAtOrAfter(run - 1h), std::optional<Instant>(run));
    QCOMPARE(trigger.firstFireTimeAtOrAfter(run), std::optional<Instant>(run));
    QCOMPARE(trigger.firstFireTimeAtOrAfter(run + 1us), std::optional<Instant>());
    QCOMPARE(trigger.firstFireTimeAtOrAfter(Instant::min()), std::optional<Instant>(run));
    QCOMPARE(trigger.firstFireTimeAtOrAfter(Instant::max()), std::optional<Instant>());
}

void tst_DateTrigger::jitterIsNotAKey()
{
    // APScheduler's DateTrigger has no jitter.
    QVERIFY_THROWS_EXCEPTION(TriggerError,
                             DateTrigger::fromJson(json(R"({"type":"date","jitter":5})"), TriggerContext{}));
}

void tst_DateTrigger::roundTrip_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("Berlin") << u"{\"type\":\"date\",\"run_date\":\"2026-12-01T09:00:00\",\"timezone\":\"Europe/Berlin\"}"_qs;
    QTest::newRow("fold, first occurrence")
        << u"{\"type\":\"date\",\"run_date\":\"2026-10-25T02:30:00+02:00\",\"timezone\":\"Europe/Berlin\"}"_qs;
    QTest::newRow("fold, second occurrence")
        << u"{\"type\":\"date\",\"run_date\":\"2026-10-25T02:30:00+01:00\",\"timezone\":\"Europe/Berlin\"}"_qs;
    QTest::newRow("Chatham, fractions")
        << u"{\"type\":\"date\",\"run_date\":\"2026-01-01T00:00:00.5\",\"timezone\":\"Pacific/Chatham\"}"_qs;
    QTest::newRow("year 1") << u"{\"type\":\"date\",\"run_date\":\"0001-01-01T00:00:00Z\",\"timezone\":\"UTC\"}"_qs;
    QTest::newRow("year 9999") << u"{\"type\":\"date\",\"run_date\":\"9999-12-31T23:59:59\",\"timezone\":\"UTC\"}"_qs;
}

void tst_DateTrigger::roundTrip()
{
    QFETCH(QString, input);
    const TriggerContext context{zone(u"America/New_York"_qs), at(u"2026-01-01T00:00:00Z"_qs)};
    const auto first = DateTrigger::fromJson(QJsonDocument::fromJson(input.toUtf8()).object(), context);
    const QJsonObject written = first->toJson();
    const auto second = DateTrigger::fromJson(written, TriggerContext{});
    QVERIFY(*first == *second);
    QCOMPARE(compact(second->toJson()), compact(written));
    QVERIFY(*first == *first->clone());
}

void tst_DateTrigger::toJsonWritesEveryKey()
{
    const DateTrigger trigger(at(u"2026-12-01T08:00:00Z"_qs), zone(u"Europe/Berlin"_qs));
    QCOMPARE(compact(trigger.toJson()),
             u"{\"run_date\":\"2026-12-01T09:00:00+01:00\",\"timezone\":\"Europe/Berlin\",\"type\":\"date\"}"_qs);
}

void tst_DateTrigger::description_data()
{
    QTest::addColumn<QString>("runDate");
    QTest::addColumn<QString>("zoneId");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Berlin") << u"2026-12-01T09:00:00"_qs << u"Europe/Berlin"_qs
                            << u"once at 2026-12-01 09:00 (Europe/Berlin)"_qs;
    QTest::newRow("with seconds") << u"2026-12-01T09:00:30"_qs << u"UTC"_qs << u"once at 2026-12-01 09:00:30 (UTC)"_qs;
    QTest::newRow("with a fraction") << u"2026-12-01T09:00:00.25"_qs << u"UTC"_qs
                                     << u"once at 2026-12-01 09:00:00.250000 (UTC)"_qs;
}

void tst_DateTrigger::description()
{
    QFETCH(QString, runDate);
    QFETCH(QString, zoneId);
    QFETCH(QString, expected);
    const TimeZone z = zone(zoneId);
    QCOMPARE(DateTrigger(at(runDate, z), z).description(), expected);
}

void tst_DateTrigger::errors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key") << u"{\"type\":\"date\",\"run_time\":\"2026-01-01\"}"_qs
                                 << u"date: unknown key 'run_time'"_qs;
    QTest::newRow("impossible date") << u"{\"type\":\"date\",\"run_date\":\"2026-02-30T09:00:00\"}"_qs
                                     << u"run_date: '2026-02-30T09:00:00' is not an ISO-8601 date or date-time"_qs;
    QTest::newRow("not a string") << u"{\"type\":\"date\",\"run_date\":20261201}"_qs
                                  << u"run_date: 20261201 is not an ISO-8601 date or date-time"_qs;
    QTest::newRow("unknown zone") << u"{\"type\":\"date\",\"timezone\":\"Mars/Olympus\"}"_qs
                                  << u"timezone: unknown time zone 'Mars/Olympus'"_qs;
}

void tst_DateTrigger::errors()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    try {
        DateTrigger::fromJson(QJsonDocument::fromJson(input.toUtf8()).object(), TriggerContext{});
        QFAIL("no error");
    } catch (const TriggerError &e) {
        QCOMPARE(e.message(), message);
    }
}

void tst_DateTrigger::equality()
{
    const Instant t = at(u"2026-12-01T09:00:00Z"_qs);
    QVERIFY(DateTrigger(t) == DateTrigger(t));
    QVERIFY(!(DateTrigger(t) == DateTrigger(t + 1us)));
    QVERIFY(!(DateTrigger(t) == DateTrigger(t, zone(u"Europe/Berlin"_qs))));
}

QTEST_GUILESS_MAIN(tst_DateTrigger)
#include "tst_datetrigger.moc"
