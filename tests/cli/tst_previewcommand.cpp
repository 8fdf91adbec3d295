// `qtscheduler preview`, run as a process: output, options, batch mode, exit codes, help.
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

namespace {

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result run(const QStringList &arguments, const QByteArray &input = {}, const QString &tz = u"UTC"_qs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TZ"_qs, tz);   // the system zone, for triggers that name none
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(QTSCHEDULER_CLI_PATH), arguments);
    if (!process.waitForStarted())
        qFatal("cannot start %s", QTSCHEDULER_CLI_PATH);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        qFatal("qtscheduler did not finish");
    Result r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

QList<QByteArray> lines(const QByteArray &text)
{
    QList<QByteArray> result = text.split('\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

// An error goes to stderr as one line.
bool isOneLine(const QByteArray &err)
{
    return err.endsWith('\n') && err.count('\n') == 1;
}

const char every30Minutes[] = R"({"type":"interval","minutes":30,"start_date":"2026-01-01T00:00:00Z","timezone":"Europe/Berlin"})";

} // namespace

class tst_PreviewCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help();
    void usageErrors_data();
    void usageErrors();
    void preview_data();
    void preview();
    void defaultCountIsTen();
    void runtimeFailureExitsWithOne();
    void batch();
    void batchEdgeCases();
    void batchAnswersAnInteractivePeer();
    void batchIsFastAndCapped();
};

void tst_PreviewCommand::help()
{
    Result r = run({u"--help"_qs});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Usage: qtscheduler COMMAND"));
    QVERIFY(r.out.contains("preview"));
    r = run({u"preview"_qs, u"--help"_qs});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("Usage: qtscheduler preview [--from ISO] [--count N]"));
    QVERIFY(r.out.contains("--batch"));
    QVERIFY(r.err.isEmpty());
}

void tst_PreviewCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no command") << QStringList{} << QByteArray("qtscheduler: missing command (see 'qtscheduler --help')");
    QTest::newRow("unknown command") << QStringList{u"previwe"_qs}
                                     << QByteArray("qtscheduler: unknown command 'previwe' (see 'qtscheduler --help')");
    QTest::newRow("no trigger") << QStringList{u"preview"_qs}
                                << QByteArray("qtscheduler preview: missing the trigger JSON (see 'qtscheduler preview --help')");
    QTest::newRow("two triggers") << QStringList{u"preview"_qs, u"{}"_qs, u"{}"_qs}
                                  << QByteArray("qtscheduler preview: one trigger JSON expected, got 2 arguments (quote the JSON)");
    QTest::newRow("unknown option") << QStringList{u"preview"_qs, u"--form"_qs, u"x"_qs, u"{}"_qs}
                                    << QByteArray("qtscheduler preview: Unknown option 'form'.");
    QTest::newRow("option without value") << QStringList{u"preview"_qs, u"{}"_qs, u"--from"_qs}
                                          << QByteArray("qtscheduler preview: Missing value after '--from'.");
    QTest::newRow("bad count") << QStringList{u"preview"_qs, u"--count"_qs, u"ten"_qs, QString::fromLatin1(every30Minutes)}
                               << QByteArray("qtscheduler preview: --count: 'ten' is not a whole number from 0 to 100000");
    QTest::newRow("negative count") << QStringList{u"preview"_qs, u"--count=-1"_qs, QString::fromLatin1(every30Minutes)}
                                    << QByteArray("qtscheduler preview: --count: '-1' is not a whole number from 0 to 100000");
    QTest::newRow("count above the cap") << QStringList{u"preview"_qs, u"--count"_qs, u"100001"_qs, QString::fromLatin1(every30Minutes)}
                                         << QByteArray("qtscheduler preview: --count: '100001' is not a whole number from 0 to 100000");
    QTest::newRow("bad from") << QStringList{u"preview"_qs, u"--from"_qs, u"yesterday"_qs, QString::fromLatin1(every30Minutes)}
                              << QByteArray("qtscheduler preview: from: 'yesterday' is not an ISO-8601 date or date-time");
    QTest::newRow("bad zone") << QStringList{u"preview"_qs, u"--timezone"_qs, u"Mars/Base"_qs, QString::fromLatin1(every30Minutes)}
                              << QByteArray("qtscheduler preview: --timezone: unknown time zone 'Mars/Base'");
    QTest::newRow("JSON syntax") << QStringList{u"preview"_qs, u"{\"type\":\"interval\",}"_qs}
                                 << QByteArray("qtscheduler preview: trigger JSON: syntax error at offset 20: object is missing after a comma");
    QTest::newRow("JSON not an object") << QStringList{u"preview"_qs, u"[1]"_qs}
                                        << QByteArray("qtscheduler preview: trigger JSON: not an object");
    QTest::newRow("bad trigger (exit 2)") << QStringList{u"preview"_qs, u"{\"type\":\"interval\",\"seconds\":\"abc\"}"_qs}
                                          << QByteArray("qtscheduler preview: interval: seconds: 'abc' is not a number");
    QTest::newRow("bad child")
        << QStringList{u"preview"_qs, u"{\"type\":\"and\",\"triggers\":[{\"type\":\"date\"},{\"type\":\"calendarinterval\",\"days\":1,\"hour\":25}]}"_qs}
        << QByteArray("qtscheduler preview: and: triggers[1]: hour: 25 is out of range 0-23");
    QTest::newRow("batch with an argument") << QStringList{u"preview"_qs, u"--batch"_qs, u"{}"_qs}
                                            << QByteArray("qtscheduler preview: --batch reads its triggers from standard input; unexpected argument '{}'");
    QTest::newRow("batch with --count") << QStringList{u"preview"_qs, u"--batch"_qs, u"--count"_qs, u"3"_qs}
                                        << QByteArray("qtscheduler preview: --from and --count do not apply to --batch: each request has its own");
}

void tst_PreviewCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const Result r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, message + '\n');
    QVERIFY(r.out.isEmpty());
}

void tst_PreviewCommand::preview_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("tz");
    QTest::addColumn<QByteArray>("expected");

    const QString every30 = QString::fromLatin1(every30Minutes);
    QTest::newRow("--from with offset, --count")
        << QStringList{u"--from"_qs, u"2026-03-29T00:10:00Z"_qs, u"--count"_qs, u"4"_qs, every30} << u"UTC"_qs
        << QByteArray("2026-03-29T01:30:00+01:00\n2026-03-29T03:00:00+02:00\n2026-03-29T03:30:00+02:00\n"
                      "2026-03-29T04:00:00+02:00\n");
    QTest::newRow("--from=ISO form") << QStringList{u"--from=2026-01-01T00:00:00Z"_qs, u"--count=2"_qs, every30} << u"UTC"_qs
                                     << QByteArray("2026-01-01T01:00:00+01:00\n2026-01-01T01:30:00+01:00\n");
    QTest::newRow("--from without offset is read in the trigger's zone")
        << QStringList{u"--from"_qs, u"2026-01-01T01:10:00"_qs, u"--count"_qs, u"1"_qs, every30} << u"America/New_York"_qs
        << QByteArray("2026-01-01T01:30:00+01:00\n");
    QTest::newRow("a bare --from date is midnight in the trigger's zone")
        << QStringList{u"--from"_qs, u"2026-01-02"_qs, u"--count"_qs, u"1"_qs, every30} << u"UTC"_qs
        << QByteArray("2026-01-02T00:00:00+01:00\n");
    QTest::newRow("--from is the trigger's now: an interval starts one interval later")
        << QStringList{u"--from"_qs, u"2026-03-29T01:30:00"_qs, u"--count"_qs, u"2"_qs,
                       u"{\"type\":\"interval\",\"minutes\":30,\"timezone\":\"Europe/Berlin\"}"_qs}
        << u"UTC"_qs << QByteArray("2026-03-29T03:00:00+02:00\n2026-03-29T03:30:00+02:00\n");
    QTest::newRow("cron across Berlin's spring forward")
        << QStringList{u"--from"_qs, u"2026-03-28"_qs, u"--count"_qs, u"3"_qs,
                       u"{\"type\":\"cron\",\"crontab\":\"30 2 * * *\",\"timezone\":\"Europe/Berlin\"}"_qs}
        << u"UTC"_qs << QByteArray("2026-03-28T02:30:00+01:00\n2026-03-29T03:30:00+02:00\n2026-03-30T02:30:00+02:00\n");
    QTest::newRow("--count 0") << QStringList{u"--count"_qs, u"0"_qs, every30} << u"UTC"_qs << QByteArray();
    QTest::newRow("ends early") << QStringList{u"--from"_qs, u"2026-01-01"_qs,
                                               u"{\"type\":\"date\",\"run_date\":\"2026-12-01T09:00:00\",\"timezone\":\"Europe/Berlin\"}"_qs}
                                << u"UTC"_qs << QByteArray("2026-12-01T09:00:00+01:00\n");
    QTest::newRow("the system zone for triggers that name none")
        << QStringList{u"--from"_qs, u"2026-06-01T00:00:00Z"_qs, u"--count"_qs, u"2"_qs, u"{\"type\":\"calendarinterval\",\"days\":1,\"hour\":12}"_qs}
        << u"Asia/Kathmandu"_qs << QByteArray("2026-06-01T12:00:00+05:45\n2026-06-02T12:00:00+05:45\n");
    QTest::newRow("--timezone overrides the system zone")
        << QStringList{u"--timezone"_qs, u"Pacific/Chatham"_qs, u"--from"_qs, u"2026-06-01T00:00:00Z"_qs, u"--count"_qs, u"1"_qs,
                       u"{\"type\":\"calendarinterval\",\"days\":1,\"hour\":12}"_qs}
        << u"UTC"_qs << QByteArray("2026-06-02T12:00:00+12:45\n");   // 00:00Z is 12:45 there: today's 12:00 is past
    QTest::newRow("and/or times in the context zone")
        << QStringList{u"--timezone"_qs, u"America/New_York"_qs, u"--from"_qs, u"2026-01-01T00:00:00Z"_qs, u"--count"_qs, u"2"_qs,
                       u"{\"type\":\"or\",\"triggers\":[{\"type\":\"interval\",\"hours\":12,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}]}"_qs}
        << u"UTC"_qs << QByteArray("2025-12-31T19:00:00-05:00\n2026-01-01T07:00:00-05:00\n");
    QTest::newRow("fractions only when not zero")
        << QStringList{u"--from"_qs, u"2026-01-01T00:00:00Z"_qs, u"--count"_qs, u"3"_qs,
                       u"{\"type\":\"interval\",\"seconds\":0.5,\"start_date\":\"2026-01-01T00:00:00Z\",\"timezone\":\"UTC\"}"_qs}
        << u"UTC"_qs << QByteArray("2026-01-01T00:00:00+00:00\n2026-01-01T00:00:00.500000+00:00\n2026-01-01T00:00:01+00:00\n");
}

void tst_PreviewCommand::preview()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, tz);
    QFETCH(QByteArray, expected);
    const Result r = run(QStringList{u"preview"_qs} + arguments, {}, tz);
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, expected);
}

void tst_PreviewCommand::defaultCountIsTen()
{
    // Without --from: from now. An interval without start_date then fires one interval after now.
    const Result r = run({u"preview"_qs, u"{\"type\":\"interval\",\"seconds\":1}"_qs});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> times = lines(r.out);
    QCOMPARE(times.size(), 10);
    const QDateTime first = QDateTime::fromString(QString::fromLatin1(times.first()), Qt::ISODateWithMs);
    QVERIFY(first.isValid());
    QVERIFY(qAbs(first.msecsTo(QDateTime::currentDateTimeUtc())) < 10000);
}

void tst_PreviewCommand::runtimeFailureExitsWithOne()
{
    // No common fire time: the times found so far (none) and an error, exit 1.
    const Result r = run({u"preview"_qs, u"--from"_qs, u"2026-01-01T00:00:00Z"_qs,
                          u"{\"type\":\"and\",\"triggers\":[{\"type\":\"interval\",\"hours\":2,\"start_date\":\"2026-01-01T00:00:00Z\"},"
                          "{\"type\":\"interval\",\"hours\":2,\"start_date\":\"2026-01-01T01:00:00Z\"}]}"_qs});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QByteArray("qtscheduler preview: and: no common fire time found within 10000 iterations after "
                               "2026-01-01T00:00:00+00:00\n"));
    QVERIFY(isOneLine(r.err));
}

void tst_PreviewCommand::batch()
{
    const QByteArray good = R"({"trigger":{"type":"interval","hours":1,"start_date":"2026-01-01T00:00:00Z","timezone":"UTC"},"from":"2026-01-01T00:30:00Z","count":2})";
    const QByteArray input = good + "\n"
        + "\n"                                                   // blank line
        + "{\"trigger\":\n"                                     // broken JSON
        + "[1,2]\n"                                             // not an object
        + R"({"trigger":{"type":"crom"}})" + "\n"               // bad trigger
        + R"({"trigger":5})" + "\n"                             // trigger not an object
        + R"({"from":"2026-01-01T00:00:00Z"})" + "\n"           // no trigger
        + R"({"trigger":{"type":"date"},"count":100001})" + "\n"
        + R"({"trigger":{"type":"date"},"count":-1})" + "\n"
        + R"({"trigger":{"type":"date"},"count":1.5})" + "\n"
        + R"({"trigger":{"type":"date"},"from":"soon"})" + "\n"
        + R"({"trigger":{"type":"date"},"form":"2026-01-01"})" + "\n"
        + R"({"trigger":{"type":"date","run_date":"2026-05-01T12:00:00","timezone":"Europe/Berlin"},"from":"2026-01-01","count":null})" + "\r\n"
        + R"({"trigger":{"type":"and","triggers":[{"type":"interval","hours":2,"start_date":"2026-01-01T00:00:00Z"},{"type":"interval","hours":2,"start_date":"2026-01-01T01:00:00Z"}]},"from":"2026-01-01T00:00:00Z"})" + "\n"
        + R"({"trigger":{"type":"interval","seconds":1},"from":"2026-01-01T00:00:00Z","count":0})" + "\n"
        + "   \t \n"                                             // whitespace only
        + good;                                                  // last line without a newline
    const Result r = run({u"preview"_qs, u"--batch"_qs}, input);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QByteArray());
    const QList<QByteArray> expected = {
        R"({"times":["2026-01-01T01:00:00+00:00","2026-01-01T02:00:00+00:00"]})",
        R"({"error":"empty line: expected a request {\"trigger\":{...},\"from\":\"ISO\",\"count\":N}"})",
        R"({"error":"invalid JSON at offset 11: unterminated object"})",
        R"({"error":"request: not a JSON object"})",
        R"j({"error":"unknown trigger type 'crom' (one of date, interval, cron, calendarinterval, and, or)"})j",
        R"j({"error":"trigger: 5 is not a trigger (a JSON object)"})j",
        R"({"error":"trigger: missing"})",
        R"({"error":"count: 100001 is more than 100000"})",
        R"({"error":"count: -1 is not a whole number from 0 to 100000"})",
        R"({"error":"count: 1.5 is not a whole number from 0 to 100000"})",
        R"({"error":"from: 'soon' is not an ISO-8601 date or date-time"})",
        R"j({"error":"request: unknown key 'form' (expected trigger, from, count)"})j",
        R"({"times":["2026-05-01T12:00:00+02:00"]})",
        R"({"error":"and: no common fire time found within 10000 iterations after 2026-01-01T00:00:00+00:00"})",
        R"({"times":[]})",
        R"({"error":"empty line: expected a request {\"trigger\":{...},\"from\":\"ISO\",\"count\":N}"})",
        R"({"times":["2026-01-01T01:00:00+00:00","2026-01-01T02:00:00+00:00"]})",
    };
    QCOMPARE(lines(r.out), expected);
    QVERIFY(r.out.endsWith('\n'));
}

void tst_PreviewCommand::batchEdgeCases()
{
    // No input at all: no output, success.
    Result r = run({u"preview"_qs, u"--batch"_qs});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    // A line longer than the reader keeps (16 MiB) is one error line; the batch goes on.
    const QByteArray huge = "{\"trigger\":{\"type\":\"date\",\"pad\":\"" + QByteArray(17 * 1024 * 1024, 'x') + "\"}}\n";
    r = run({u"preview"_qs, u"--batch"_qs},
            huge + R"({"trigger":{"type":"date","run_date":"2026-01-01T00:00:00Z","timezone":"UTC"}})" + "\n");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lines(r.out), (QList<QByteArray>{R"({"error":"line longer than 16777216 bytes"})",
                                               R"({"times":["2026-01-01T00:00:00+00:00"]})"}));
    // Messages with quotes, backslashes and control characters stay one valid JSON line.
    r = run({u"preview"_qs, u"--batch"_qs}, "{\"trigger\":{\"type\":\"date\",\"run_date\":\"a\\\"b\\\\c\\td\"}}\n");
    QCOMPARE(lines(r.out), (QList<QByteArray>{R"({"error":"date: run_date: 'a\"b\\c\u0009d' is not an ISO-8601 date or date-time"})"}));
}

void tst_PreviewCommand::batchAnswersAnInteractivePeer()
{
    // A peer that writes one request and waits for its answer before the next must get it: the tool
    // flushes whenever its input has nothing more waiting.
    QProcess process;
    process.start(QStringLiteral(QTSCHEDULER_CLI_PATH), {u"preview"_qs, u"--batch"_qs});
    QVERIFY(process.waitForStarted());
    for (int i = 0; i < 3; ++i) {
        process.write(QByteArray(R"({"trigger":{"type":"interval","hours":1,"start_date":"2026-01-01T00:00:00Z","timezone":"UTC"},"from":"2026-01-01T0)")
                      + QByteArray::number(i) + ":30:00Z\",\"count\":1}\n");
        QElapsedTimer timer;
        timer.start();
        while (!process.canReadLine() && timer.elapsed() < 10000)
            process.waitForReadyRead(100);
        QVERIFY2(process.canReadLine(), "no answer while the input stays open");
        QCOMPARE(process.readLine(), QByteArray(R"({"times":["2026-01-01T0)") + QByteArray::number(i + 1)
                                         + ":00:00+00:00\"]}\n");
    }
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
}

void tst_PreviewCommand::batchIsFastAndCapped()
{
    QByteArray input;
    for (int i = 0; i < 20000; ++i) {
        input += R"({"trigger":{"type":"interval","minutes":7,"start_date":"2026-01-01T00:00:00Z","timezone":"Europe/Berlin"},"from":"2026-03-2)"
            + QByteArray::number(i % 10) + R"(T00:00:00Z","count":20})" + "\n";
    }
    // The cap itself: 100,000 times in one answer.
    input += R"({"trigger":{"type":"interval","seconds":1,"start_date":"2026-01-01T00:00:00Z","timezone":"UTC"},"from":"2026-01-01T00:00:00Z","count":100000})";
    input += "\n";
    QElapsedTimer timer;
    timer.start();
    const Result r = run({u"preview"_qs, u"--batch"_qs}, input);
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> out = lines(r.out);
    QCOMPARE(out.size(), 20001);
    QCOMPARE(out.first().count(','), 19);
    QCOMPARE(out.last().count(','), 99999);
    QVERIFY(out.last().endsWith(R"("2026-01-02T03:46:39+00:00"]})"));
    qInfo("20,001 requests (500,000 fire times) in %lld ms, process start included", elapsed);
    QVERIFY2(elapsed < 20000, qPrintable(QString::number(elapsed)));
}

QTEST_GUILESS_MAIN(tst_PreviewCommand)
#include "tst_previewcommand.moc"
