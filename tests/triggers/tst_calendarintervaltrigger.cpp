#include "triggertesthelpers.h"

#include <QtScheduler/schedulererror.h>
#include <QtScheduler/triggers/calendarintervaltrigger.h>

#include <QDate>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace qtscheduler;
using namespace TriggerTest;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

local_days ymd(int y, unsigned m, unsigned d)
{
    return local_days{year{y} / month{m} / day{d}};
}

// A straightforward model of the schedule, written from APScheduler 4's description with QDate and
// without any shortcut: dates from the start, each the previous plus years and months (skipping months
// without the day) plus weeks and days; each fires at the wall time, resolved by DESIGN.md's rule.
struct ModelFire
{
    QDate date;
    Instant time;
};

QList<ModelFire> modelFireTimes(const CalendarIntervalTrigger::Parameters &p, QDate start, const TimeZone &zone,
                                int count)
{
    QList<ModelFire> fires;
    const int monthStep = p.years * 12 + p.months;
    QDate date = start;
    for (int i = 0; i < count && date.isValid() && date.year() <= 9999; ++i) {
        const LocalTime wall = LocalTime(ymd(date.year(), unsigned(date.month()), unsigned(date.day())))
            + hours(p.hour) + minutes(p.minute) + seconds(p.second);
        fires << ModelFire{date, zone.resolve(wall).first};   // gap: offset before it; fold: first occurrence
        QDate next = date;
        if (monthStep > 0) {
            int y = date.year();
            int m = date.month();
            do {
                m += monthStep;
                y += (m - 1) / 12;
                m = (m - 1) % 12 + 1;
                next = QDate(y, m, date.day());
            } while (!next.isValid() && y <= 9999);
        }
        date = next.addDays(p.weeks * 7 + p.days);
    }
    return fires;
}

} // namespace

class tst_CalendarIntervalTrigger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequence_data();
    void sequence();
    void defaultStartIsTodayInTheZone();
    void previousFireTimeGivesThePosition();
    void farFromTheStartIsFast();
    void propertyMatchesTheModel_data();
    void propertyMatchesTheModel();
    void roundTrip_data();
    void roundTrip();
    void toJsonWritesEveryKey();
    void equality();
    void description_data();
    void description();
    void errors_data();
    void errors();
    void constructorErrors();
};

void tst_CalendarIntervalTrigger::sequence_data()
{
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("ends");   // the whole sequence is listed

    QTest::newRow("Jan 31 monthly skips months without a 31st, Berlin")
        << u"{\"type\":\"calendarinterval\",\"months\":1,\"hour\":9,\"start_date\":\"2026-01-31\",\"timezone\":\"Europe/Berlin\"}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-31T09:00:00+01:00"_qs, u"2026-03-31T09:00:00+02:00"_qs, u"2026-05-31T09:00:00+02:00"_qs,
                       u"2026-07-31T09:00:00+02:00"_qs, u"2026-08-31T09:00:00+02:00"_qs, u"2026-10-31T09:00:00+01:00"_qs,
                       u"2026-12-31T09:00:00+01:00"_qs, u"2027-01-31T09:00:00+01:00"_qs}
        << false;
    QTest::newRow("Jan 31 monthly, from between: the next month with a 31st")
        << u"{\"type\":\"calendarinterval\",\"months\":1,\"hour\":9,\"start_date\":\"2026-01-31\",\"timezone\":\"UTC\"}"_qs
        << u"2026-02-15T00:00:00Z"_qs << QStringList{u"2026-03-31T09:00:00+00:00"_qs} << false;
    QTest::newRow("Feb 29 yearly fires in leap years only")
        << u"{\"type\":\"calendarinterval\",\"years\":1,\"hour\":12,\"start_date\":\"2024-02-29\",\"timezone\":\"UTC\"}"_qs
        << u"2024-01-01T00:00:00Z"_qs
        << QStringList{u"2024-02-29T12:00:00+00:00"_qs, u"2028-02-29T12:00:00+00:00"_qs, u"2032-02-29T12:00:00+00:00"_qs}
        << false;
    QTest::newRow("Feb 29 yearly across 2100 (not a leap year)")
        << u"{\"type\":\"calendarinterval\",\"years\":1,\"hour\":12,\"start_date\":\"2096-02-29\",\"timezone\":\"UTC\"}"_qs
        << u"2096-01-01T00:00:00Z"_qs
        << QStringList{u"2096-02-29T12:00:00+00:00"_qs, u"2104-02-29T12:00:00+00:00"_qs, u"2108-02-29T12:00:00+00:00"_qs}
        << false;
    QTest::newRow("Feb 29 every 4 years from 2000, from 2090")
        << u"{\"type\":\"calendarinterval\",\"years\":4,\"start_date\":\"2000-02-29\",\"timezone\":\"UTC\"}"_qs
        << u"2090-01-01T00:00:00Z"_qs
        << QStringList{u"2092-02-29T00:00:00+00:00"_qs, u"2096-02-29T00:00:00+00:00"_qs, u"2104-02-29T00:00:00+00:00"_qs}
        << false;
    QTest::newRow("every 2 weeks on Monday, New York")
        << u"{\"type\":\"calendarinterval\",\"weeks\":2,\"hour\":7,\"minute\":30,\"start_date\":\"2026-01-05\",\"timezone\":\"America/New_York\"}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-05T07:30:00-05:00"_qs, u"2026-01-19T07:30:00-05:00"_qs, u"2026-02-02T07:30:00-05:00"_qs}
        << false;
    QTest::newRow("every 10 days across February")
        << u"{\"type\":\"calendarinterval\",\"days\":10,\"start_date\":\"2026-02-25\",\"timezone\":\"UTC\"}"_qs
        << u"2026-02-01T00:00:00Z"_qs
        << QStringList{u"2026-02-25T00:00:00+00:00"_qs, u"2026-03-07T00:00:00+00:00"_qs, u"2026-03-17T00:00:00+00:00"_qs}
        << false;
    QTest::newRow("1 month and 1 day from Jan 31: months first, then days")
        << u"{\"type\":\"calendarinterval\",\"months\":1,\"days\":1,\"start_date\":\"2026-01-31\",\"timezone\":\"UTC\"}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-31T00:00:00+00:00"_qs, u"2026-04-01T00:00:00+00:00"_qs, u"2026-05-02T00:00:00+00:00"_qs,
                       u"2026-06-03T00:00:00+00:00"_qs, u"2026-07-04T00:00:00+00:00"_qs}
        << false;
    QTest::newRow("1 year 2 months from Aug 31: three months skipped")
        << u"{\"type\":\"calendarinterval\",\"years\":1,\"months\":2,\"start_date\":\"2025-08-31\",\"timezone\":\"UTC\"}"_qs
        << u"2025-01-01T00:00:00Z"_qs
        << QStringList{u"2025-08-31T00:00:00+00:00"_qs, u"2026-10-31T00:00:00+00:00"_qs, u"2027-12-31T00:00:00+00:00"_qs,
                       u"2032-08-31T00:00:00+00:00"_qs}
        << false;
    QTest::newRow("start in 2000, from 2026: straight to the next date")
        << u"{\"type\":\"calendarinterval\",\"months\":1,\"hour\":9,\"start_date\":\"2000-01-31\",\"timezone\":\"UTC\"}"_qs
        << u"2026-04-15T00:00:00Z"_qs
        << QStringList{u"2026-05-31T09:00:00+00:00"_qs, u"2026-07-31T09:00:00+00:00"_qs, u"2026-08-31T09:00:00+00:00"_qs}
        << false;
    QTest::newRow("from just after today's time: tomorrow")
        << u"{\"type\":\"calendarinterval\",\"days\":1,\"hour\":9,\"start_date\":\"2026-01-01\",\"timezone\":\"UTC\"}"_qs
        << u"2026-03-10T09:00:00.000001Z"_qs << QStringList{u"2026-03-11T09:00:00+00:00"_qs} << false;
    QTest::newRow("from exactly at a fire time: that time")
        << u"{\"type\":\"calendarinterval\",\"days\":1,\"hour\":9,\"start_date\":\"2026-01-01\",\"timezone\":\"UTC\"}"_qs
        << u"2026-03-10T09:00:00Z"_qs << QStringList{u"2026-03-10T09:00:00+00:00"_qs} << false;
    QTest::newRow("end date is the last date (inclusive)")
        << u"{\"type\":\"calendarinterval\",\"months\":1,\"hour\":9,\"start_date\":\"2026-01-31\",\"end_date\":\"2026-05-31\",\"timezone\":\"UTC\"}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-31T09:00:00+00:00"_qs, u"2026-03-31T09:00:00+00:00"_qs, u"2026-05-31T09:00:00+00:00"_qs}
        << true;
    QTest::newRow("end date on a skipped day")
        << u"{\"type\":\"calendarinterval\",\"months\":1,\"hour\":9,\"start_date\":\"2026-01-31\",\"end_date\":\"2026-04-30\",\"timezone\":\"UTC\"}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-01-31T09:00:00+00:00"_qs, u"2026-03-31T09:00:00+00:00"_qs} << true;
    QTest::newRow("dst gap, Berlin: 02:30 fires at 03:30 CEST")
        << u"{\"type\":\"calendarinterval\",\"days\":1,\"hour\":2,\"minute\":30,\"start_date\":\"2026-03-28\",\"timezone\":\"Europe/Berlin\"}"_qs
        << u"2026-03-27T00:00:00Z"_qs
        << QStringList{u"2026-03-28T02:30:00+01:00"_qs, u"2026-03-29T03:30:00+02:00"_qs, u"2026-03-30T02:30:00+02:00"_qs}
        << false;
    QTest::newRow("dst fold, Berlin: the first 02:30 only")
        << u"{\"type\":\"calendarinterval\",\"days\":1,\"hour\":2,\"minute\":30,\"start_date\":\"2026-10-24\",\"timezone\":\"Europe/Berlin\"}"_qs
        << u"2026-10-23T00:00:00Z"_qs
        << QStringList{u"2026-10-24T02:30:00+02:00"_qs, u"2026-10-25T02:30:00+02:00"_qs, u"2026-10-26T02:30:00+01:00"_qs}
        << false;
    QTest::newRow("dst gap, New York")
        << u"{\"type\":\"calendarinterval\",\"days\":1,\"hour\":2,\"minute\":15,\"start_date\":\"2026-03-07\",\"timezone\":\"America/New_York\"}"_qs
        << u"2026-03-01T00:00:00Z"_qs
        << QStringList{u"2026-03-07T02:15:00-05:00"_qs, u"2026-03-08T03:15:00-04:00"_qs, u"2026-03-09T02:15:00-04:00"_qs}
        << false;
    QTest::newRow("dst fold, New York")
        << u"{\"type\":\"calendarinterval\",\"days\":1,\"hour\":1,\"minute\":30,\"start_date\":\"2026-10-31\",\"timezone\":\"America/New_York\"}"_qs
        << u"2026-10-01T00:00:00Z"_qs
        << QStringList{u"2026-10-31T01:30:00-04:00"_qs, u"2026-11-01T01:30:00-04:00"_qs, u"2026-11-02T01:30:00-05:00"_qs}
        << false;
    QTest::newRow("dst gap, Lord Howe (30 minutes)")
        << u"{\"type\":\"calendarinterval\",\"days\":1,\"hour\":2,\"minute\":10,\"start_date\":\"2026-10-03\",\"timezone\":\"Australia/Lord_Howe\"}"_qs
        << u"2026-10-01T00:00:00Z"_qs
        << QStringList{u"2026-10-03T02:10:00+10:30"_qs, u"2026-10-04T02:40:00+11:00"_qs, u"2026-10-05T02:10:00+11:00"_qs}
        << false;
    QTest::newRow("dst fold, Lord Howe (30 minutes)")
        << u"{\"type\":\"calendarinterval\",\"days\":1,\"hour\":1,\"minute\":45,\"start_date\":\"2026-04-04\",\"timezone\":\"Australia/Lord_Howe\"}"_qs
        << u"2026-04-01T00:00:00Z"_qs
        << QStringList{u"2026-04-04T01:45:00+11:00"_qs, u"2026-04-05T01:45:00+11:00"_qs, u"2026-04-06T01:45:00+10:30"_qs}
        << false;
    QTest::newRow("dst gap, Chatham (+12:45 to +13:45 at 02:45)")
        << u"{\"type\":\"calendarinterval\",\"days\":1,\"hour\":3,\"start_date\":\"2026-09-26\",\"timezone\":\"Pacific/Chatham\"}"_qs
        << u"2026-09-01T00:00:00Z"_qs
        << QStringList{u"2026-09-26T03:00:00+12:45"_qs, u"2026-09-27T04:00:00+13:45"_qs, u"2026-09-28T03:00:00+13:45"_qs}
        << false;
    QTest::newRow("45-minute offset, Kathmandu")
        << u"{\"type\":\"calendarinterval\",\"weeks\":1,\"hour\":12,\"start_date\":\"2026-06-01\",\"timezone\":\"Asia/Kathmandu\"}"_qs
        << u"2026-01-01T00:00:00Z"_qs
        << QStringList{u"2026-06-01T12:00:00+05:45"_qs, u"2026-06-08T12:00:00+05:45"_qs} << false;
    QTest::newRow("a whole day skipped (Samoa, 2011-12-30): that date fires once, with the next")
        << u"{\"type\":\"calendarinterval\",\"days\":1,\"hour\":9,\"start_date\":\"2011-12-28\",\"timezone\":\"Pacific/Apia\"}"_qs
        << u"2011-12-01T00:00:00Z"_qs
        << QStringList{u"2011-12-28T09:00:00-10:00"_qs, u"2011-12-29T09:00:00-10:00"_qs, u"2011-12-31T09:00:00+14:00"_qs,
                       u"2012-01-01T09:00:00+14:00"_qs}
        << false;
    QTest::newRow("a whole day skipped, months and days mixed")
        << u"{\"type\":\"calendarinterval\",\"months\":1,\"days\":1,\"hour\":9,\"start_date\":\"2011-12-30\",\"timezone\":\"Pacific/Apia\"}"_qs
        << u"2011-12-01T00:00:00Z"_qs
        << QStringList{u"2011-12-31T09:00:00+14:00"_qs, u"2012-01-31T09:00:00+14:00"_qs, u"2012-04-01T09:00:00+13:00"_qs}
        << false;
    QTest::newRow("the sequence ends at the year 9999")
        << u"{\"type\":\"calendarinterval\",\"years\":1,\"start_date\":\"9998-06-01\",\"timezone\":\"UTC\"}"_qs
        << u"9000-01-01T00:00:00Z"_qs
        << QStringList{u"9998-06-01T00:00:00+00:00"_qs, u"9999-06-01T00:00:00+00:00"_qs} << true;
    QTest::newRow("a day that never comes again ends the sequence")
        << u"{\"type\":\"calendarinterval\",\"years\":100,\"start_date\":\"2000-02-29\",\"timezone\":\"UTC\"}"_qs
        << u"2001-01-01T00:00:00Z"_qs
        << QStringList{u"2400-02-29T00:00:00+00:00"_qs, u"2800-02-29T00:00:00+00:00"_qs, u"3200-02-29T00:00:00+00:00"_qs,
                       u"3600-02-29T00:00:00+00:00"_qs, u"4000-02-29T00:00:00+00:00"_qs, u"4400-02-29T00:00:00+00:00"_qs,
                       u"4800-02-29T00:00:00+00:00"_qs, u"5200-02-29T00:00:00+00:00"_qs, u"5600-02-29T00:00:00+00:00"_qs,
                       u"6000-02-29T00:00:00+00:00"_qs, u"6400-02-29T00:00:00+00:00"_qs, u"6800-02-29T00:00:00+00:00"_qs,
                       u"7200-02-29T00:00:00+00:00"_qs, u"7600-02-29T00:00:00+00:00"_qs, u"8000-02-29T00:00:00+00:00"_qs,
                       u"8400-02-29T00:00:00+00:00"_qs, u"8800-02-29T00:00:00+00:00"_qs, u"9200-02-29T00:00:00+00:00"_qs,
                       u"9600-02-29T00:00:00+00:00"_qs}
        << true;
}

void tst_CalendarIntervalTrigger::sequence()
{
    QFETCH(QString, trigger);
    QFETCH(QString, from);
    QFETCH(QStringList, expected);
    QFETCH(bool, ends);
    const Instant start = at(from);
    const auto t = CalendarIntervalTrigger::fromJson(QJsonDocument::fromJson(trigger.toUtf8()).object(),
                                                     TriggerContext{TimeZone::utc(), start});
    QCOMPARE(TriggerTest::sequence(*t, start, int(expected.size()) + (ends ? 5 : 0)), expected);
}

void tst_CalendarIntervalTrigger::defaultStartIsTodayInTheZone()
{
    // 2026-06-15T23:30Z is already the 16th in Berlin.
    const Instant now = at(u"2026-06-15T23:30:00Z"_qs);
    const auto t = CalendarIntervalTrigger::fromJson(json(R"({"type":"calendarinterval","days":1,"hour":9})"),
                                                     TriggerContext{zone(u"Europe/Berlin"_qs), now});
    QCOMPARE(t->startDate(), ymd(2026, 6, 16));
    QCOMPARE(t->toJson().value(u"start_date").toString(), u"2026-06-16"_qs);
    QCOMPARE(iso(*t->nextFireTime(std::nullopt, now), t->timeZone()), u"2026-06-16T09:00:00+02:00"_qs);
    // Today's time already past: tomorrow.
    const auto late = CalendarIntervalTrigger::fromJson(json(R"({"type":"calendarinterval","days":1,"hour":0})"),
                                                        TriggerContext{zone(u"Europe/Berlin"_qs), now});
    QCOMPARE(iso(*late->nextFireTime(std::nullopt, now), late->timeZone()), u"2026-06-17T00:00:00+02:00"_qs);
}

void tst_CalendarIntervalTrigger::previousFireTimeGivesThePosition()
{
    const TimeZone berlin = zone(u"Europe/Berlin"_qs);
    // Mixed units continue from the previous fire time's date, also when a DST gap moved it.
    const CalendarIntervalTrigger mixed({.months = 1, .days = 1, .hour = 2, .minute = 30}, ymd(2026, 3, 29),
                                        std::nullopt, berlin);
    const std::optional<Instant> first = mixed.scheduledFireTime(std::nullopt, at(u"2026-03-01T00:00:00Z"_qs));
    QCOMPARE(iso(*first, berlin), u"2026-03-29T03:30:00+02:00"_qs);
    const std::optional<Instant> second = mixed.scheduledFireTime(first, *first);
    QCOMPARE(iso(*second, berlin), u"2026-04-30T02:30:00+02:00"_qs);
    // "now" does not matter once there is a previous fire time, even a long way back.
    QCOMPARE(mixed.scheduledFireTime(first, at(u"2030-01-01T00:00:00Z"_qs)), second);
    // A previous time that is not one of the schedule's: the first fire time after it.
    QCOMPARE(iso(*mixed.scheduledFireTime(at(u"2026-04-02T12:00:00Z"_qs), at(u"2026-04-02T12:00:00Z"_qs)), berlin),
             u"2026-04-30T02:30:00+02:00"_qs);
    // Pure units work from any previous time by arithmetic.
    const CalendarIntervalTrigger monthly({.months = 1, .hour = 9}, ymd(2026, 1, 31), std::nullopt, berlin);
    QCOMPARE(iso(*monthly.scheduledFireTime(at(u"2026-03-31T09:00:00+02:00"_qs), Instant{}), berlin),
             u"2026-05-31T09:00:00+02:00"_qs);
}

void tst_CalendarIntervalTrigger::farFromTheStartIsFast()
{
    // Jump arithmetic for pure units; bounded stepping for mixed ones.
    const CalendarIntervalTrigger daily({.days = 1, .hour = 9}, ymd(1, 1, 1));
    const CalendarIntervalTrigger monthly({.months = 1, .hour = 9}, ymd(1, 1, 31));
    const CalendarIntervalTrigger mixed({.months = 1, .days = 1, .hour = 9}, ymd(1, 1, 31));
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 1000; ++i) {
        QVERIFY(daily.scheduledFireTime(std::nullopt, at(u"9000-05-05T00:00:00Z"_qs)));
        QVERIFY(monthly.scheduledFireTime(std::nullopt, at(u"9000-05-05T00:00:00Z"_qs)));
    }
    QCOMPARE(iso(*daily.scheduledFireTime(std::nullopt, at(u"9000-05-05T10:00:00Z"_qs)), TimeZone::utc()),
             u"9000-05-06T09:00:00+00:00"_qs);
    QCOMPARE(iso(*monthly.scheduledFireTime(std::nullopt, at(u"9000-05-05T10:00:00Z"_qs)), TimeZone::utc()),
             u"9000-05-31T09:00:00+00:00"_qs);
    QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
    // The worst case of stepping: from year 1 to the year 9999, once.
    timer.restart();
    QVERIFY(!mixed.scheduledFireTime(std::nullopt, at(u"9999-12-31T12:00:00Z"_qs)));
    QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
}

void tst_CalendarIntervalTrigger::propertyMatchesTheModel_data()
{
    QTest::addColumn<QString>("zoneId");
    for (const char *id : {"UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
                           "Pacific/Chatham", "America/Santiago"}) {
        QTest::newRow(id) << QString::fromLatin1(id);
    }
}

// Random schedules against the model above: from a random point, the sequence is the model's fire times
// at or after it (a time shared by two dates once), strictly increasing, within start and end dates.
void tst_CalendarIntervalTrigger::propertyMatchesTheModel()
{
    QFETCH(QString, zoneId);
    const TimeZone z = zone(zoneId);
    QRandomGenerator random(qHash(zoneId));
    for (int round = 0; round < 300; ++round) {
        CalendarIntervalTrigger::Parameters p;
        const int shape = random.bounded(4);
        p.years = shape == 0 ? random.bounded(1, 3) : 0;
        p.months = shape <= 1 ? random.bounded(0, 14) : (shape == 3 ? random.bounded(1, 3) : 0);
        p.weeks = shape == 2 ? random.bounded(0, 3) : 0;
        p.days = shape >= 2 ? random.bounded(0, 20) : 0;
        if (p.years + p.months + p.weeks + p.days == 0)
            p.days = 1;
        // Times around DST changes (01:00-03:59) half of the time.
        p.hour = random.bounded(2) ? random.bounded(0, 4) : random.bounded(0, 24);
        p.minute = random.bounded(0, 4) * 15;
        p.second = random.bounded(2) ? 0 : random.bounded(0, 60);
        const QDate start = QDate(2020, 1, 1).addDays(random.bounded(0, 3000));
        const local_days startDay = ymd(start.year(), unsigned(start.month()), unsigned(start.day()));

        const QList<ModelFire> model = modelFireTimes(p, start, z, 60);
        const Instant from = model.at(random.bounded(0, 30)).time
            + Microseconds(qint64(random.bounded(-86400, 86400)) * 1000000);
        std::optional<local_days> end;
        QDate endDate;
        if (random.bounded(3) == 0) {
            endDate = start.addDays(random.bounded(0, 2000));
            end = ymd(endDate.year(), unsigned(endDate.month()), unsigned(endDate.day()));
        }
        const CalendarIntervalTrigger trigger(p, startDay, end, z);

        // The model's times at or after `from`, dates up to the end date, each instant once.
        QList<Instant> expected;
        for (qsizetype i = 0; i + 1 < model.size(); ++i) {
            if (endDate.isValid() && model[i].date > endDate)
                break;
            if (model[i].time >= from && (expected.isEmpty() || model[i].time > expected.last()))
                expected << model[i].time;
        }
        const int count = int(std::min<qsizetype>(expected.size(), 20));

        QList<Instant> actual;
        std::optional<Instant> t = trigger.scheduledFireTime(std::nullopt, from);
        while (t && actual.size() < count) {
            actual << *t;
            t = trigger.scheduledFireTime(t, *t);
        }
        if (actual != expected.mid(0, count)) {
            QStringList a, e;
            for (const Instant x : actual)
                a << iso(x, z);
            for (const Instant x : expected.mid(0, count))
                e << iso(x, z);
            QFAIL(qPrintable(u"years %1 months %2 weeks %3 days %4 at %5:%6:%7 from %8 start %9, from %10\n actual   %11\n expected %12"_qs
                                 .arg(p.years).arg(p.months).arg(p.weeks).arg(p.days).arg(p.hour).arg(p.minute)
                                 .arg(p.second).arg(start.toString(Qt::ISODate), start.toString(Qt::ISODate),
                                                    iso(from, z), a.join(u' '), e.join(u' '))));
        }
        for (int i = 1; i < actual.size(); ++i)
            QVERIFY(actual[i] > actual[i - 1]);
    }
}

void tst_CalendarIntervalTrigger::roundTrip_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("monthly") << u"{\"type\":\"calendarinterval\",\"months\":1,\"hour\":9,\"start_date\":\"2026-01-31\","
                                "\"timezone\":\"Europe/Berlin\"}"_qs;
    QTest::newRow("every unit, end date")
        << u"{\"type\":\"calendarinterval\",\"years\":1,\"months\":2,\"weeks\":3,\"days\":4,\"hour\":5,\"minute\":6,"
           "\"second\":7,\"start_date\":\"2026-01-31\",\"end_date\":\"2030-12-31\",\"timezone\":\"Asia/Kathmandu\"}"_qs;
    QTest::newRow("defaults") << u"{\"type\":\"calendarinterval\",\"days\":1}"_qs;
    QTest::newRow("numbers as strings") << u"{\"type\":\"calendarinterval\",\"weeks\":\"2\",\"hour\":\"23\"}"_qs;
}

void tst_CalendarIntervalTrigger::roundTrip()
{
    QFETCH(QString, input);
    const TriggerContext context{zone(u"Pacific/Chatham"_qs), at(u"2026-05-05T05:05:05Z"_qs)};
    const auto first = CalendarIntervalTrigger::fromJson(QJsonDocument::fromJson(input.toUtf8()).object(), context);
    const QJsonObject written = first->toJson();
    const auto second = CalendarIntervalTrigger::fromJson(written, TriggerContext{});
    QVERIFY(*first == *second);
    QCOMPARE(compact(second->toJson()), compact(written));
    QVERIFY(*first == *first->clone());
}

void tst_CalendarIntervalTrigger::toJsonWritesEveryKey()
{
    const CalendarIntervalTrigger t({.months = 1, .hour = 9}, ymd(2026, 1, 31), std::nullopt, zone(u"Europe/Berlin"_qs));
    QCOMPARE(compact(t.toJson()),
             u"{\"days\":0,\"end_date\":null,\"hour\":9,\"minute\":0,\"months\":1,\"second\":0,\"start_date\":\"2026-01-31\","
             "\"timezone\":\"Europe/Berlin\",\"type\":\"calendarinterval\",\"weeks\":0,\"years\":0}"_qs);
}

void tst_CalendarIntervalTrigger::equality()
{
    const CalendarIntervalTrigger a({.months = 1, .hour = 9}, ymd(2026, 1, 31));
    QVERIFY(a == CalendarIntervalTrigger({.months = 1, .hour = 9}, ymd(2026, 1, 31)));
    QVERIFY(!(a == CalendarIntervalTrigger({.months = 1, .hour = 9, .second = 1}, ymd(2026, 1, 31))));
    QVERIFY(!(a == CalendarIntervalTrigger({.months = 1, .hour = 9}, ymd(2026, 3, 31))));
    QVERIFY(!(a == CalendarIntervalTrigger({.months = 1, .hour = 9}, ymd(2026, 1, 31), ymd(2027, 1, 1))));
    QVERIFY(!(a == CalendarIntervalTrigger({.years = 0, .months = 1, .days = 0, .hour = 9}, ymd(2026, 1, 31),
                                           std::nullopt, zone(u"Europe/Berlin"_qs))));
}

void tst_CalendarIntervalTrigger::description_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QString head = u"{\"type\":\"calendarinterval\",\"start_date\":\"2026-01-31\","_qs;
    QTest::newRow("every day") << head + u"\"days\":1,\"hour\":9}" << u"every day at 09:00"_qs;
    QTest::newRow("every 3 days") << head + u"\"days\":3,\"hour\":9,\"minute\":15}"
                                  << u"every 3 days at 09:15, starting 2026-01-31"_qs;
    QTest::newRow("every week") << u"{\"type\":\"calendarinterval\",\"weeks\":1,\"hour\":7,\"minute\":30,\"start_date\":\"2026-01-05\"}"_qs
                                << u"every week on Monday at 07:30"_qs;
    QTest::newRow("every 2 weeks") << u"{\"type\":\"calendarinterval\",\"weeks\":2,\"hour\":7,\"start_date\":\"2026-01-04\"}"_qs
                                   << u"every 2 weeks on Sunday at 07:00, starting 2026-01-04"_qs;
    QTest::newRow("every month") << head + u"\"months\":1,\"hour\":9}" << u"every month on day 31 at 09:00"_qs;
    QTest::newRow("every 3 months") << head + u"\"months\":3,\"hour\":9}"
                                    << u"every 3 months on day 31 at 09:00, starting 2026-01-31"_qs;
    QTest::newRow("every year, with seconds")
        << u"{\"type\":\"calendarinterval\",\"years\":1,\"hour\":12,\"second\":30,\"start_date\":\"2028-02-29\"}"_qs
        << u"every year on February 29 at 12:00:30"_qs;
    QTest::newRow("mixed units") << head + u"\"months\":1,\"days\":2,\"hour\":9}"
                                 << u"every 1 month, 2 days at 09:00, starting 2026-01-31"_qs;
    QTest::newRow("until") << head + u"\"months\":1,\"hour\":9,\"end_date\":\"2026-12-31\"}"
                           << u"every month on day 31 at 09:00, until 2026-12-31"_qs;
}

void tst_CalendarIntervalTrigger::description()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto t = CalendarIntervalTrigger::fromJson(QJsonDocument::fromJson(input.toUtf8()).object(), TriggerContext{});
    QCOMPARE(t->description(), expected);
}

void tst_CalendarIntervalTrigger::errors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");
    const QString head = u"{\"type\":\"calendarinterval\","_qs;
    QTest::newRow("negative months") << head + u"\"months\":-1}" << u"months: -1 must not be negative"_qs;
    QTest::newRow("negative months as text") << head + u"\"months\":\"-1\"}" << u"months: '-1' must not be negative"_qs;
    QTest::newRow("fractional days") << head + u"\"days\":1.5}" << u"days: 1.5 is not an integer"_qs;
    QTest::newRow("too many years") << head + u"\"years\":20000}" << u"years: 20000 is too large (at most 10000)"_qs;
    QTest::newRow("huge weeks") << head + u"\"weeks\":1e300}" << u"weeks: 1e+300 is too large (at most 522000)"_qs;
    QTest::newRow("hour out of range") << head + u"\"days\":1,\"hour\":25}" << u"hour: 25 is out of range 0-23"_qs;
    QTest::newRow("minute not a number") << head + u"\"days\":1,\"minute\":\"x\"}" << u"minute: 'x' is not an integer"_qs;
    QTest::newRow("second out of range") << head + u"\"days\":1,\"second\":60}" << u"second: 60 is out of range 0-59"_qs;
    QTest::newRow("no unit") << head + u"\"hour\":9}"
                             << u"years, months, weeks, days: all are 0; the interval must be at least one day"_qs;
    QTest::newRow("end before start") << head + u"\"days\":1,\"start_date\":\"2026-02-01\",\"end_date\":\"2026-01-31\"}"
                                      << u"end_date before start_date"_qs;
    QTest::newRow("start is a date-time") << head + u"\"days\":1,\"start_date\":\"2026-02-01T09:00:00\"}"
                                          << u"start_date: '2026-02-01T09:00:00' is not an ISO-8601 date (YYYY-MM-DD)"_qs;
    QTest::newRow("impossible date") << head + u"\"days\":1,\"end_date\":\"2026-02-30\"}"
                                     << u"end_date: '2026-02-30' is not an ISO-8601 date (YYYY-MM-DD)"_qs;
    QTest::newRow("unknown key") << head + u"\"days\":1,\"jitter\":5}" << u"calendarinterval: unknown key 'jitter'"_qs;
    QTest::newRow("unknown zone") << head + u"\"days\":1,\"timezone\":\"Nowhere\"}"
                                  << u"timezone: unknown time zone 'Nowhere'"_qs;
}

void tst_CalendarIntervalTrigger::errors()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    try {
        CalendarIntervalTrigger::fromJson(QJsonDocument::fromJson(input.toUtf8()).object(), TriggerContext{});
        QFAIL("no error");
    } catch (const TriggerError &e) {
        QCOMPARE(e.message(), message);
    }
}

void tst_CalendarIntervalTrigger::constructorErrors()
{
    using P = CalendarIntervalTrigger::Parameters;
    QVERIFY_THROWS_EXCEPTION(TriggerError, CalendarIntervalTrigger(P{}, ymd(2026, 1, 1)));
    QVERIFY_THROWS_EXCEPTION(TriggerError, CalendarIntervalTrigger(P{.days = -1}, ymd(2026, 1, 1)));
    QVERIFY_THROWS_EXCEPTION(TriggerError, CalendarIntervalTrigger(P{.days = 1, .hour = 24}, ymd(2026, 1, 1)));
    QVERIFY_THROWS_EXCEPTION(TriggerError, CalendarIntervalTrigger(P{.days = 1, .minute = -1}, ymd(2026, 1, 1)));
    QVERIFY_THROWS_EXCEPTION(TriggerError, CalendarIntervalTrigger(P{.months = 1000000}, ymd(2026, 1, 1)));
    QVERIFY_THROWS_EXCEPTION(TriggerError, CalendarIntervalTrigger(P{.days = 1}, ymd(2026, 1, 2), ymd(2026, 1, 1)));
    QVERIFY_THROWS_EXCEPTION(TriggerError, CalendarIntervalTrigger(P{.days = 1}, ymd(10000, 1, 1)));
    QVERIFY_THROWS_EXCEPTION(TriggerError, CalendarIntervalTrigger(P{.days = 1}, ymd(0, 12, 31)));
}

QTEST_GUILESS_MAIN(tst_CalendarIntervalTrigger)
#include "tst_calendarintervaltrigger.moc"
