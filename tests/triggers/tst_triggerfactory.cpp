#include "triggertesthelpers.h"

#include <QtScheduler/schedulererror.h>
#include <QtScheduler/triggers/andtrigger.h>
#include <QtScheduler/triggers/calendarintervaltrigger.h>
#include <QtScheduler/triggers/datetrigger.h>
#include <QtScheduler/triggers/intervaltrigger.h>
#include <QtScheduler/triggers/ortrigger.h>
#include <QtScheduler/triggers/triggerfactory.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace qtscheduler;
using namespace TriggerTest;
using namespace std::chrono_literals;

namespace {

QString errorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const TriggerError &e) {
        return e.message();
    }
    return QString();
}

const TriggerContext context{TimeZone::utc(), Instant{std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}}};

} // namespace

class tst_TriggerFactory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dispatchesOnType_data();
    void dispatchesOnType();
    void errors_data();
    void errors();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void create();
    void createErrors();
    void deepNestingIsRefusedWithoutCrashing();
    void hugeNumbersAreRefused_data();
    void hugeNumbersAreRefused();
    void roundTripThroughTheFactory_data();
    void roundTripThroughTheFactory();
};

void tst_TriggerFactory::dispatchesOnType_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("type");
    QTest::newRow("date") << u"{\"type\":\"date\"}"_qs << int(Trigger::Type::Date);
    QTest::newRow("interval") << u"{\"type\":\"interval\",\"seconds\":5}"_qs << int(Trigger::Type::Interval);
    QTest::newRow("calendarinterval") << u"{\"type\":\"calendarinterval\",\"days\":1}"_qs
                                      << int(Trigger::Type::CalendarInterval);
    QTest::newRow("cron") << u"{\"type\":\"cron\",\"hour\":\"9\",\"day_of_week\":\"mon-fri\"}"_qs
                          << int(Trigger::Type::Cron);
    QTest::newRow("crontab") << u"{\"type\":\"cron\",\"crontab\":\"*/5 9-17 * * mon-fri\",\"timezone\":\"UTC\"}"_qs
                             << int(Trigger::Type::Cron);
    QTest::newRow("and") << u"{\"type\":\"and\",\"triggers\":[{\"type\":\"date\"}]}"_qs << int(Trigger::Type::And);
    QTest::newRow("or") << u"{\"type\":\"or\",\"triggers\":[{\"type\":\"date\"}]}"_qs << int(Trigger::Type::Or);
    QTest::newRow("type in another case") << u"{\"type\":\"Interval\"}"_qs << int(Trigger::Type::Interval);
}

void tst_TriggerFactory::dispatchesOnType()
{
    QFETCH(QString, input);
    QFETCH(int, type);
    const auto t = TriggerFactory::fromJson(QJsonDocument::fromJson(input.toUtf8()).object(), context);
    QCOMPARE(int(t->type()), type);
    QCOMPARE(t->typeName(), Trigger::typeName(Trigger::Type(type)));
}

void tst_TriggerFactory::errors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("missing type") << u"{\"seconds\":5}"_qs
                                  << u"type: missing (one of date, interval, cron, calendarinterval, and, or)"_qs;
    QTest::newRow("null type") << u"{\"type\":null}"_qs
                               << u"type: missing (one of date, interval, cron, calendarinterval, and, or)"_qs;
    QTest::newRow("unknown type") << u"{\"type\":\"crom\"}"_qs
                                  << u"unknown trigger type 'crom' (one of date, interval, cron, calendarinterval, and, or)"_qs;
    QTest::newRow("type not a string") << u"{\"type\":3}"_qs
                                       << u"unknown trigger type 3 (one of date, interval, cron, calendarinterval, and, or)"_qs;
    QTest::newRow("the type names the trigger") << u"{\"type\":\"interval\",\"seconds\":\"abc\"}"_qs
                                                << u"interval: seconds: 'abc' is not a number"_qs;
    QTest::newRow("unknown key, type named once") << u"{\"type\":\"interval\",\"minute\":5}"_qs
                                                  << u"interval: unknown key 'minute'"_qs;
    QTest::newRow("calendarinterval months") << u"{\"type\":\"calendarinterval\",\"months\":\"-1\"}"_qs
                                             << u"calendarinterval: months: '-1' must not be negative"_qs;
    QTest::newRow("end before start") << u"{\"type\":\"interval\",\"start_date\":\"2026-02-01\",\"end_date\":\"2026-01-01\"}"_qs
                                      << u"interval: end_date before start_date"_qs;
    QTest::newRow("a child's error names its path")
        << u"{\"type\":\"and\",\"triggers\":[{\"type\":\"date\"},{\"type\":\"calendarinterval\",\"days\":1,\"hour\":25}]}"_qs
        << u"and: triggers[1]: hour: 25 is out of range 0-23"_qs;
    QTest::newRow("a cron child's error names its path (the issue's example)")
        << u"{\"type\":\"and\",\"triggers\":[{\"type\":\"date\"},{\"type\":\"cron\",\"hour\":\"25\"}]}"_qs
        << u"and: triggers[1]: hour: '25' is out of range 0-23"_qs;
    QTest::newRow("nested path")
        << u"{\"type\":\"or\",\"triggers\":[{\"type\":\"and\",\"triggers\":[{\"type\":\"date\"},{\"type\":\"interval\",\"hours\":-2}]}]}"_qs
        << u"or: triggers[0]: triggers[1]: hours: -2 must not be negative"_qs;
    QTest::newRow("a child's unknown key")
        << u"{\"type\":\"and\",\"triggers\":[{\"type\":\"interval\",\"minute\":5}]}"_qs
        << u"and: triggers[0]: interval: unknown key 'minute'"_qs;
    QTest::newRow("a child without type")
        << u"{\"type\":\"and\",\"triggers\":[{\"seconds\":5}]}"_qs
        << u"and: triggers[0]: type: missing (one of date, interval, cron, calendarinterval, and, or)"_qs;
    QTest::newRow("a child that is not an object") << u"{\"type\":\"or\",\"triggers\":[{\"type\":\"date\"},5]}"_qs
                                                   << u"or: triggers[1]: 5 is not a trigger (a JSON object)"_qs;
    QTest::newRow("triggers not a list") << u"{\"type\":\"or\",\"triggers\":\"date\"}"_qs
                                         << u"or: triggers: 'date' is not a list of triggers"_qs;
    QTest::newRow("empty list") << u"{\"type\":\"and\",\"triggers\":[]}"_qs << u"and: triggers: the list is empty"_qs;
    QTest::newRow("missing list") << u"{\"type\":\"and\"}"_qs << u"and: triggers: missing (a list of triggers)"_qs;
    QTest::newRow("and/or jitter") << u"{\"type\":\"and\",\"triggers\":[{\"type\":\"date\"}],\"jitter\":\"x\"}"_qs
                                   << u"and: jitter: 'x' is not a number"_qs;
    QTest::newRow("and/or have no zone") << u"{\"type\":\"or\",\"triggers\":[{\"type\":\"date\"}],\"timezone\":\"UTC\"}"_qs
                                         << u"or: unknown key 'timezone'"_qs;
}

void tst_TriggerFactory::errors()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    QCOMPARE(errorOf([&] { TriggerFactory::fromJson(QJsonDocument::fromJson(input.toUtf8()).object(), context); }),
             message);
}

void tst_TriggerFactory::parse()
{
    const auto t = TriggerFactory::parse(R"({"type":"date","run_date":"2026-12-01T09:00:00","timezone":"Europe/Berlin"})",
                                         context);
    QCOMPARE(t->type(), Trigger::Type::Date);
    QCOMPARE(iso(*t->nextFireTime(std::nullopt, context.now), t->timeZone()), u"2026-12-01T09:00:00+01:00"_qs);
}

void tst_TriggerFactory::parseErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("unterminated") << QByteArray(R"({"type":"date")")
                                  << u"trigger JSON: syntax error at offset 14: unterminated string"_qs;   // Qt's words
    QTest::newRow("missing value") << QByteArray(R"({"type":})") 
                                   << u"trigger JSON: syntax error at offset 9: object is missing after a comma"_qs;
    QTest::newRow("empty") << QByteArray() << u"trigger JSON: syntax error at offset 0: illegal value"_qs;
    QTest::newRow("an array") << QByteArray(R"([{"type":"date"}])") << u"trigger JSON: not an object"_qs;
}

void tst_TriggerFactory::parseErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    QCOMPARE(errorOf([&] { TriggerFactory::parse(input, context); }), message);
}

void tst_TriggerFactory::create()
{
    // APScheduler's add_job(func, 'interval', minutes=5, start_date=...) in C++.
    const auto interval = TriggerFactory::create(
        u"interval", {{u"minutes"_qs, 5}, {u"start_date"_qs, QDateTime(QDate(2026, 1, 1), QTime(9, 0), QTimeZone::utc())},
                      {u"timezone"_qs, u"Europe/Berlin"_qs}},
        context);
    QCOMPARE(interval->type(), Trigger::Type::Interval);
    QCOMPARE(iso(static_cast<const IntervalTrigger &>(*interval).startDate(), TimeZone::utc()), u"2026-01-01T09:00:00+00:00"_qs);
    QCOMPARE(static_cast<const IntervalTrigger &>(*interval).interval(), Microseconds(5min));

    // A local QDateTime is a wall time in the trigger's zone; a QDate a calendar date.
    const auto date = TriggerFactory::create(
        u"date", {{u"run_date"_qs, QDateTime(QDate(2026, 7, 1), QTime(9, 0))}, {u"timezone"_qs, u"America/New_York"_qs}},
        context);
    QCOMPARE(iso(static_cast<const DateTrigger &>(*date).runDate(), date->timeZone()), u"2026-07-01T09:00:00-04:00"_qs);
    const auto calendar = TriggerFactory::create(
        u"calendarinterval", {{u"months"_qs, 1}, {u"start_date"_qs, QDate(2026, 1, 31)}}, context);
    QCOMPARE(calendar->toJson().value(u"start_date").toString(), u"2026-01-31"_qs);

    // Children as maps.
    const auto either = TriggerFactory::create(
        u"or",
        {{u"triggers"_qs, QVariantList{QVariantMap{{u"type"_qs, u"interval"_qs}, {u"hours"_qs, 1}},
                                       QVariantMap{{u"type"_qs, u"date"_qs}}}}},
        context);
    QCOMPARE(either->type(), Trigger::Type::Or);
    QCOMPARE(static_cast<const OrTrigger &>(*either).triggers().size(), size_t(2));
}

void tst_TriggerFactory::createErrors()
{
    QCOMPARE(errorOf([] { TriggerFactory::create(u"crom", {}, context); }),
             u"unknown trigger type 'crom' (one of date, interval, cron, calendarinterval, and, or)"_qs);
    QCOMPARE(errorOf([] { TriggerFactory::create(u"date", {{u"type"_qs, u"interval"_qs}}, context); }),
             u"type: 'interval' contradicts the trigger alias 'date'"_qs);
    QCOMPARE(errorOf([] { TriggerFactory::create(u"interval", {{u"minutes"_qs, u"five"_qs}}, context); }),
             u"interval: minutes: 'five' is not a number"_qs);
}

void tst_TriggerFactory::deepNestingIsRefusedWithoutCrashing()
{
    // 32 levels of and/or are allowed ...
    QJsonObject json{{u"type"_qs, u"interval"_qs}, {u"hours"_qs, 1}};
    for (int depth = 0; depth < 32; ++depth)
        json = QJsonObject{{u"type"_qs, depth % 2 ? u"and"_qs : u"or"_qs}, {u"triggers"_qs, QJsonArray{json}}};
    QVERIFY(TriggerFactory::fromJson(json, context));
    // ... one more is not,
    const QJsonObject deeper{{u"type"_qs, u"and"_qs}, {u"triggers"_qs, QJsonArray{json}}};
    QVERIFY(errorOf([&] { TriggerFactory::fromJson(deeper, context); }).endsWith(u"and/or triggers nested deeper than 32 levels"));
    // ... and thousands are refused as fast, without recursing into them.
    QJsonObject huge{{u"type"_qs, u"date"_qs}};
    for (int depth = 0; depth < 5000; ++depth)
        huge = QJsonObject{{u"type"_qs, u"and"_qs}, {u"triggers"_qs, QJsonArray{huge}}};
    QElapsedTimer timer;
    timer.start();
    QVERIFY(errorOf([&] { TriggerFactory::fromJson(huge, context); }).endsWith(u"nested deeper than 32 levels"));
    QVERIFY(timer.elapsed() < 1000);
    // JSON text nested beyond what Qt's parser accepts is a syntax error, not a crash.
    const QByteArray text = QByteArray(100000, '[') + QByteArray(100000, ']');
    QVERIFY(errorOf([&] { TriggerFactory::parse(text, context); }).startsWith(u"trigger JSON: "));
}

void tst_TriggerFactory::hugeNumbersAreRefused_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("seconds 1e308") << u"{\"type\":\"interval\",\"seconds\":1e308}"_qs
                                   << u"interval: seconds: 1e+308 is too large (at most 316224000000)"_qs;
    QTest::newRow("years 1e308") << u"{\"type\":\"calendarinterval\",\"years\":1e308}"_qs
                                 << u"calendarinterval: years: 1e+308 is too large (at most 10000)"_qs;
    QTest::newRow("jitter 1e308") << u"{\"type\":\"interval\",\"jitter\":1e308}"_qs
                                  << u"interval: jitter: 1e+308 is too large"_qs;
    QTest::newRow("hour 1e308") << u"{\"type\":\"calendarinterval\",\"days\":1,\"hour\":1e308}"_qs
                                << u"calendarinterval: hour: 1e+308 is out of range 0-23"_qs;
    QTest::newRow("year 99999") << u"{\"type\":\"date\",\"run_date\":\"99999-01-01\"}"_qs
                                << u"date: run_date: '99999-01-01' is not an ISO-8601 date or date-time"_qs;
}

void tst_TriggerFactory::hugeNumbersAreRefused()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    QCOMPARE(errorOf([&] { TriggerFactory::fromJson(QJsonDocument::fromJson(input.toUtf8()).object(), context); }),
             message);
}

void tst_TriggerFactory::roundTripThroughTheFactory_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("date") << u"{\"type\":\"date\",\"run_date\":\"2026-12-01T09:00:00\",\"timezone\":\"Europe/Berlin\"}"_qs;
    QTest::newRow("interval") << u"{\"type\":\"interval\",\"seconds\":30,\"jitter\":3}"_qs;
    QTest::newRow("calendarinterval") << u"{\"type\":\"calendarinterval\",\"months\":1,\"hour\":9,\"start_date\":\"2026-01-31\"}"_qs;
    QTest::newRow("cron") << u"{\"type\":\"cron\",\"day\":\"last fri\",\"hour\":23,\"minute\":59,\"timezone\":\"Europe/Berlin\"}"_qs;
    QTest::newRow("crontab") << u"{\"type\":\"cron\",\"crontab\":\"@weekly\"}"_qs;
    QTest::newRow("nested") << u"{\"type\":\"or\",\"jitter\":0.5,\"triggers\":[{\"type\":\"date\"},"
                               "{\"type\":\"and\",\"triggers\":[{\"type\":\"interval\",\"hours\":2},{\"type\":\"cron\",\"hour\":\"*/3\"}]}]}"_qs;
}

void tst_TriggerFactory::roundTripThroughTheFactory()
{
    QFETCH(QString, input);
    const auto first = TriggerFactory::parse(input.toUtf8(), TriggerContext{zone(u"Asia/Kathmandu"_qs), context.now});
    const auto second = TriggerFactory::fromJson(first->toJson(), TriggerContext{});
    QVERIFY(*first == *second);
    QVERIFY(*second == *first);
    QCOMPARE(compact(second->toJson()), compact(first->toJson()));
}

QTEST_GUILESS_MAIN(tst_TriggerFactory)
#include "tst_triggerfactory.moc"
