#include <QtScheduler/time/timezone.h>

#include <QTest>

using namespace qtscheduler;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

Instant utcInstant(int y, unsigned mo, unsigned d, int h, int mi, int s = 0)
{
    return Instant(sys_days(year(y) / month(mo) / day(d)) + hours(h) + minutes(mi) + seconds(s));
}

LocalTime wall(int y, unsigned mo, unsigned d, int h, int mi, int s = 0)
{
    return LocalTime(local_days(year(y) / month(mo) / day(d)) + hours(h) + minutes(mi) + seconds(s));
}

TimeZone zone(const char *id)
{
    auto z = TimeZone::fromId(QString::fromLatin1(id));
    if (!z)
        qFatal("time zone %s is not available", id);
    return *z;
}

} // namespace

class tst_TimeZone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offsetsAgreeWithQTimeZone_data();
    void offsetsAgreeWithQTimeZone();
    void resolve_data();
    void resolve();
    void periodAroundTransition();
    void unknownIdIsRefused();
    void utcIsFixed();
    void copiesShareOneTable();
};

void tst_TimeZone::offsetsAgreeWithQTimeZone_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("Berlin") << u"Europe/Berlin"_qs;
    QTest::newRow("New York") << u"America/New_York"_qs;
    QTest::newRow("Lord Howe (30-minute shift)") << u"Australia/Lord_Howe"_qs;
    QTest::newRow("Kathmandu (+05:45)") << u"Asia/Kathmandu"_qs;
    QTest::newRow("Chatham (+12:45/+13:45)") << u"Pacific/Chatham"_qs;
    QTest::newRow("Santiago (southern DST)") << u"America/Santiago"_qs;
}

// Every hour from 1970 to 2060 (past the end of the tz table in 2037): the table and QTimeZone agree.
void tst_TimeZone::offsetsAgreeWithQTimeZone()
{
    QFETCH(QString, id);
    const TimeZone tz = *TimeZone::fromId(id);
    const QTimeZone qtz(id.toUtf8());
    for (qint64 s = 0; s < qint64(90) * 365 * 86400; s += 3600 * 7 + 17) {
        const Instant t{seconds(s)};
        const int expected = qtz.offsetFromUtc(QDateTime::fromSecsSinceEpoch(s, QTimeZone::utc()));
        if (tz.offsetAt(t) != expected)
            QFAIL(qPrintable(u"offset mismatch at %1: %2 vs %3"_qs.arg(s).arg(tz.offsetAt(t)).arg(expected)));
    }
}

void tst_TimeZone::resolve_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<qint64>("localSecs");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("firstUtc");
    QTest::addColumn<qint64>("secondUtc");

    auto secs = [](LocalTime l) { return qint64(duration_cast<seconds>(l.time_since_epoch()).count()); };
    auto usecs = [](Instant t) { return qint64(duration_cast<seconds>(t.time_since_epoch()).count()); };
    using K = TimeZone::Resolution::Kind;

    QTest::newRow("ordinary, Berlin winter")
        << u"Europe/Berlin"_qs << secs(wall(2026, 1, 15, 9, 0)) << int(K::Unique)
        << usecs(utcInstant(2026, 1, 15, 8, 0)) << usecs(utcInstant(2026, 1, 15, 8, 0));
    // 2026-03-29 02:00 -> 03:00 in Berlin: 02:30 takes the offset before the gap (+01:00) = 01:30Z = 03:30 CEST.
    QTest::newRow("dst gap, Berlin")
        << u"Europe/Berlin"_qs << secs(wall(2026, 3, 29, 2, 30)) << int(K::Gap)
        << usecs(utcInstant(2026, 3, 29, 1, 30)) << usecs(utcInstant(2026, 3, 29, 1, 30));
    // 2026-10-25 03:00 -> 02:00: 02:30 is 00:30Z (CEST) and 01:30Z (CET).
    QTest::newRow("dst fold, Berlin")
        << u"Europe/Berlin"_qs << secs(wall(2026, 10, 25, 2, 30)) << int(K::Fold)
        << usecs(utcInstant(2026, 10, 25, 0, 30)) << usecs(utcInstant(2026, 10, 25, 1, 30));
    // 2026-03-08 02:00 -> 03:00 in New York (-05:00 -> -04:00).
    QTest::newRow("dst gap, New York")
        << u"America/New_York"_qs << secs(wall(2026, 3, 8, 2, 15)) << int(K::Gap)
        << usecs(utcInstant(2026, 3, 8, 7, 15)) << usecs(utcInstant(2026, 3, 8, 7, 15));
    QTest::newRow("dst fold, New York")
        << u"America/New_York"_qs << secs(wall(2026, 11, 1, 1, 30)) << int(K::Fold)
        << usecs(utcInstant(2026, 11, 1, 5, 30)) << usecs(utcInstant(2026, 11, 1, 6, 30));
    // Lord Howe moves by 30 minutes: 2026-10-04 02:00 -> 02:30 (+10:30 -> +11:00).
    QTest::newRow("dst gap, Lord Howe (30 min)")
        << u"Australia/Lord_Howe"_qs << secs(wall(2026, 10, 4, 2, 10)) << int(K::Gap)
        << usecs(utcInstant(2026, 10, 3, 15, 40)) << usecs(utcInstant(2026, 10, 3, 15, 40));
    // ... and back on 2026-04-05 02:00 -> 01:30.
    QTest::newRow("dst fold, Lord Howe (30 min)")
        << u"Australia/Lord_Howe"_qs << secs(wall(2026, 4, 5, 1, 45)) << int(K::Fold)
        << usecs(utcInstant(2026, 4, 4, 14, 45)) << usecs(utcInstant(2026, 4, 4, 15, 15));
    QTest::newRow("45-minute offset, Kathmandu")
        << u"Asia/Kathmandu"_qs << secs(wall(2026, 6, 1, 12, 0)) << int(K::Unique)
        << usecs(utcInstant(2026, 6, 1, 6, 15)) << usecs(utcInstant(2026, 6, 1, 6, 15));
    // Beyond the table (2200) the rule still applies.
    QTest::newRow("dst gap, Berlin, year 2300")
        << u"Europe/Berlin"_qs << secs(wall(2300, 3, 25, 2, 30)) << int(K::Gap)
        << usecs(utcInstant(2300, 3, 25, 1, 30)) << usecs(utcInstant(2300, 3, 25, 1, 30));
}

void tst_TimeZone::resolve()
{
    QFETCH(QString, id);
    QFETCH(qint64, localSecs);
    QFETCH(int, kind);
    QFETCH(qint64, firstUtc);
    QFETCH(qint64, secondUtc);

    const TimeZone tz = *TimeZone::fromId(id);
    const TimeZone::Resolution r = tz.resolve(LocalTime(seconds(localSecs)));
    QCOMPARE(int(r.kind), kind);
    QCOMPARE(qint64(duration_cast<seconds>(r.first.time_since_epoch()).count()), firstUtc);
    QCOMPARE(qint64(duration_cast<seconds>(r.second.time_since_epoch()).count()), secondUtc);
}

void tst_TimeZone::periodAroundTransition()
{
    const TimeZone berlin = zone("Europe/Berlin");
    const Instant gap = utcInstant(2026, 3, 29, 1, 0);
    const TimeZone::Period before = berlin.periodAt(gap - 1s);
    QCOMPARE(before.offset, 3600);
    QCOMPARE(before.end, gap);
    const TimeZone::Period after = berlin.periodAt(gap);
    QCOMPARE(after.begin, gap);
    QCOMPARE(after.offset, 7200);
    QCOMPARE(after.offsetBefore, 3600);
    QCOMPARE(after.end, utcInstant(2026, 10, 25, 1, 0));
    QCOMPARE(berlin.toLocal(gap), wall(2026, 3, 29, 3, 0));
}

void tst_TimeZone::unknownIdIsRefused()
{
    QVERIFY(!TimeZone::fromId(u"Mars/Olympus_Mons").has_value());
    QVERIFY(!TimeZone::fromId(u"").has_value());
    QVERIFY(TimeZone::fromId(u"UTC").has_value());
}

void tst_TimeZone::utcIsFixed()
{
    const TimeZone utc;
    QVERIFY(utc.isFixedOffset());
    QCOMPARE(utc.offsetAt(utcInstant(2026, 7, 1, 0, 0)), 0);
    QCOMPARE(utc, TimeZone::utc());
    QVERIFY(!zone("Europe/Berlin").isFixedOffset());
    QVERIFY(zone("Asia/Kolkata").offsetAt(utcInstant(2026, 7, 1, 0, 0)) == 19800);
}

void tst_TimeZone::copiesShareOneTable()
{
    const TimeZone a = zone("Europe/Berlin");
    const TimeZone b = zone("Europe/Berlin");
    QCOMPARE(a, b);
    QCOMPARE(a.id(), QByteArray("Europe/Berlin"));
    QVERIFY(!(a == zone("Europe/Paris")));
}

QTEST_GUILESS_MAIN(tst_TimeZone)
#include "tst_timezone.moc"
