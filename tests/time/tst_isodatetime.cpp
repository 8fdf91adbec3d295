#include <QtScheduler/time/isodatetime.h>

#include <QTest>

using namespace qtscheduler;
using namespace std::chrono;
using namespace std::chrono_literals;

class tst_IsoDateTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAndFormat_data();
    void parseAndFormat();
    void rejects_data();
    void rejects();
    void microsecondPrecision();
    void dateOnly();
};

void tst_IsoDateTime::parseAndFormat_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("expected");

    QTest::newRow("offset kept as instant") << u"2026-12-01T09:00:00+01:00"_qs << u"UTC"_qs
                                            << u"2026-12-01T08:00:00+00:00"_qs;
    QTest::newRow("Z suffix") << u"2026-12-01T09:00:00Z"_qs << u"Europe/Berlin"_qs
                              << u"2026-12-01T10:00:00+01:00"_qs;
    QTest::newRow("local time in zone") << u"2026-12-01T09:00:00"_qs << u"Europe/Berlin"_qs
                                        << u"2026-12-01T09:00:00+01:00"_qs;
    QTest::newRow("space separator, no seconds") << u"2026-07-01 09:30"_qs << u"Europe/Berlin"_qs
                                                 << u"2026-07-01T09:30:00+02:00"_qs;
    QTest::newRow("bare date is midnight local") << u"2026-01-31"_qs << u"America/New_York"_qs
                                                 << u"2026-01-31T00:00:00-05:00"_qs;
    QTest::newRow("fraction only when non-zero") << u"2026-03-29T03:00:00.5+02:00"_qs << u"Europe/Berlin"_qs
                                                 << u"2026-03-29T03:00:00.500000+02:00"_qs;
    QTest::newRow("dst gap takes offset before") << u"2026-03-29T02:30:00"_qs << u"Europe/Berlin"_qs
                                                 << u"2026-03-29T03:30:00+02:00"_qs;
    QTest::newRow("dst fold takes first occurrence") << u"2026-10-25T02:30:00"_qs << u"Europe/Berlin"_qs
                                                     << u"2026-10-25T02:30:00+02:00"_qs;
    QTest::newRow("compact offset") << u"2026-06-01T12:00:00+0545"_qs << u"Asia/Kathmandu"_qs
                                    << u"2026-06-01T12:00:00+05:45"_qs;
    QTest::newRow("negative offset") << u"2026-06-01T12:00:00-03"_qs << u"UTC"_qs
                                     << u"2026-06-01T15:00:00+00:00"_qs;
    QTest::newRow("leap day") << u"2028-02-29T12:00:00Z"_qs << u"UTC"_qs << u"2028-02-29T12:00:00+00:00"_qs;
}

void tst_IsoDateTime::parseAndFormat()
{
    QFETCH(QString, input);
    QFETCH(QString, zone);
    QFETCH(QString, expected);
    const auto parsed = IsoDateTime::parse(input);
    QVERIFY2(parsed.has_value(), qPrintable(input));
    const TimeZone tz = *TimeZone::fromId(zone);
    QCOMPARE(IsoDateTime::format(parsed->toInstant(tz), tz), expected);
}

void tst_IsoDateTime::rejects_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << u"tomorrow"_qs;
    QTest::newRow("month 13") << u"2026-13-01"_qs;
    QTest::newRow("Feb 29 in a common year") << u"2026-02-29"_qs;
    QTest::newRow("April 31") << u"2026-04-31T00:00:00"_qs;
    QTest::newRow("hour 24") << u"2026-04-01T24:00:00"_qs;
    QTest::newRow("minute 60") << u"2026-04-01T10:60:00"_qs;
    QTest::newRow("trailing junk") << u"2026-04-01T10:00:00+01:00x"_qs;
    QTest::newRow("bad offset") << u"2026-04-01T10:00:00+25:00"_qs;
    QTest::newRow("empty fraction") << u"2026-04-01T10:00:00."_qs;
    QTest::newRow("year 0") << u"0000-01-01"_qs;
}

void tst_IsoDateTime::rejects()
{
    QFETCH(QString, input);
    QVERIFY(!IsoDateTime::parse(input).has_value());
}

void tst_IsoDateTime::microsecondPrecision()
{
    const Instant t = Instant(sys_days(2026y / November / 24) + 2h) + 123456us;
    QCOMPARE(IsoDateTime::format(t, TimeZone(), IsoDateTime::Precision::AlwaysMicroseconds),
             u"2026-11-24T02:00:00.123456+00:00"_qs);
    QCOMPARE(IsoDateTime::format(t - 123456us, TimeZone(), IsoDateTime::Precision::AlwaysMicroseconds),
             u"2026-11-24T02:00:00.000000+00:00"_qs);
    const auto parsed = IsoDateTime::parse(u"2026-11-24T02:00:00.123456789Z");
    QVERIFY(parsed);
    QCOMPARE(parsed->toInstant(TimeZone()), t);
}

void tst_IsoDateTime::dateOnly()
{
    const auto parsed = IsoDateTime::parse(u"2026-01-31");
    QVERIFY(parsed);
    QCOMPARE(parsed->kind(), IsoDateTime::Kind::Date);
    QCOMPARE(IsoDateTime::formatDate(parsed->localTime()), u"2026-01-31"_qs);
}

QTEST_GUILESS_MAIN(tst_IsoDateTime)
#include "tst_isodatetime.moc"
