// bench_triggers: next-fire-time computations per second for the cron trigger, side by side with
// APScheduler 3.9.1 measured in the same run (bench_triggers_apscheduler.py next to this file, run with
// /usr/bin/python3).
//
//     build/tests/benchmarks/bench_triggers [--seconds 1.0] [--no-apscheduler]
//
// Each case starts at 2026-01-01T00:00:00Z and feeds every result back as the next start
// (nextFireTime(previous, previous)), starting over when a result passes 2100 or the trigger ends; both
// sides follow the same rule, so the work is the same. The target is at least 100x APScheduler on every
// case, in Europe/Berlin as in UTC. A last line recomputes the next fire time of a million jobs spread
// over a thousand different cron triggers.
#include <QtScheduler/time/timezone.h>
#include <QtScheduler/triggers/crontrigger.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>

#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace qtscheduler;
using namespace std::chrono;

namespace {

struct Case
{
    const char *name;
    std::function<std::unique_ptr<CronTrigger>(const TimeZone &)> make;
};

const Case Cases[] = {
    {"*/5 * * * *", [](const TimeZone &tz) { return CronTrigger::fromCrontab(u"*/5 * * * *", tz); }},
    {"0 9 * * mon-fri", [](const TimeZone &tz) { return CronTrigger::fromCrontab(u"0 9 * * mon-fri", tz); }},
    {"day='last fri' 23:59",
     [](const TimeZone &tz) {
         return std::make_unique<CronTrigger>(
             CronTrigger::Fields{.day = u"last fri"_qs, .hour = u"23"_qs, .minute = u"59"_qs}, tz);
     }},
    {"second='*/7'",
     [](const TimeZone &tz) { return std::make_unique<CronTrigger>(CronTrigger::Fields{.second = u"*/7"_qs}, tz); }},
    {"Feb 29 12:00",
     [](const TimeZone &tz) {
         return std::make_unique<CronTrigger>(
             CronTrigger::Fields{.month = u"2"_qs, .day = u"29"_qs, .hour = u"12"_qs}, tz);
     }},
};

const Instant Start{seconds(1767225600)};       // 2026-01-01T00:00:00Z
const Instant Horizon{seconds(4102444800)};     // 2100-01-01T00:00:00Z

struct Result
{
    double perSecond = 0;
    qint64 calls = 0;
    qint64 checksum = 0;
};

Result measure(const Trigger &trigger, double budgetSeconds)
{
    Result r;
    std::optional<Instant> previous;
    QElapsedTimer timer;
    timer.start();
    const qint64 budgetNs = qint64(budgetSeconds * 1e9);
    while (true) {
        for (int i = 0; i < 4096; ++i) {
            const std::optional<Instant> fire = trigger.nextFireTime(previous, previous ? *previous : Start);
            if (!fire || *fire >= Horizon) {
                previous.reset();
            } else {
                previous = fire;
                r.checksum += duration_cast<minutes>(fire->time_since_epoch()).count() % 60;
            }
        }
        r.calls += 4096;
        const qint64 elapsed = timer.nsecsElapsed();
        if (elapsed >= budgetNs) {
            r.perSecond = double(r.calls) / (double(elapsed) / 1e9);
            return r;
        }
    }
}

// APScheduler's figures, keyed by "zone|case"; empty when Python or APScheduler is not available.
QHash<QString, double> runApScheduler(double budgetSeconds, QString &error)
{
    QHash<QString, double> result;
    QProcess python;
    python.start(u"/usr/bin/python3"_qs, {QStringLiteral(QTSCHEDULER_BENCH_APSCHEDULER_SCRIPT), u"--seconds"_qs,
                                          QString::number(budgetSeconds)});
    if (!python.waitForStarted(10000) || !python.waitForFinished(-1) || python.exitCode() != 0) {
        error = u"APScheduler run failed: "_qs + QString::fromUtf8(python.readAllStandardError()).trimmed()
            + python.errorString();
        return result;
    }
    const QList<QByteArray> lines = python.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        result.insert(o.value(u"zone").toString() + u'|' + o.value(u"case").toString(),
                      o.value(u"per_second").toDouble());
    }
    return result;
}

QByteArray grouped(double value)
{
    QByteArray digits = QByteArray::number(qint64(value + 0.5));
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, ',');
    return digits;
}

// A thousand different triggers (crontab lines and field sets, UTC and Berlin), a million computations.
void millionJobs()
{
    QRandomGenerator rng(42);
    const TimeZone zones[] = {TimeZone::utc(), *TimeZone::fromId(u"Europe/Berlin")};
    std::vector<std::unique_ptr<CronTrigger>> triggers;
    for (int i = 0; i < 1000; ++i) {
        const TimeZone &tz = zones[i % 2];
        const int minute = int(rng.bounded(60));
        const int hour = int(rng.bounded(24));
        switch (i % 5) {
        case 0:
            triggers.push_back(CronTrigger::fromCrontab(QString(u"*/"_qs + QString::number(1 + rng.bounded(30)) + u" * * * *"), tz));
            break;
        case 1:
            triggers.push_back(CronTrigger::fromCrontab(
                QString(QString::number(minute) + u' ' + QString::number(hour) + u" * * mon-fri"), tz));
            break;
        case 2:
            triggers.push_back(std::make_unique<CronTrigger>(
                CronTrigger::Fields{.day = u"last fri"_qs, .hour = QString::number(hour), .minute = QString::number(minute)},
                tz));
            break;
        case 3:
            triggers.push_back(std::make_unique<CronTrigger>(
                CronTrigger::Fields{.day = QString::number(1 + rng.bounded(28)), .hour = QString::number(hour)}, tz));
            break;
        default:
            triggers.push_back(CronTrigger::fromCrontab(QString(QString::number(minute) + u" 9-17 * * *"), tz));
            break;
        }
    }
    QElapsedTimer timer;
    timer.start();
    qint64 checksum = 0;
    for (int i = 0; i < 1000000; ++i) {
        const Instant now = Start + seconds(qint64(i) * 997);
        if (const std::optional<Instant> fire = triggers[size_t(i % 1000)]->nextFireTime(std::nullopt, now))
            checksum += duration_cast<seconds>(fire->time_since_epoch()).count() % 7;
    }
    const double elapsed = double(timer.nsecsElapsed()) / 1e9;
    std::printf("\nA million jobs over 1,000 different cron triggers (UTC and Europe/Berlin): %.3f s "
                "(%s computations/s; checksum %lld)\n",
                elapsed, grouped(1e6 / elapsed).constData(), static_cast<long long>(checksum));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Cron trigger next-fire-time throughput, with APScheduler 3.9.1 alongside."_qs);
    parser.addHelpOption();
    const QCommandLineOption secondsOption(u"seconds"_qs, u"Time budget per case (default 1)."_qs, u"s"_qs, u"1"_qs);
    const QCommandLineOption noPythonOption(u"no-apscheduler"_qs, u"Measure only this library."_qs);
    parser.addOption(secondsOption);
    parser.addOption(noPythonOption);
    parser.process(app);
    const double budget = std::max(0.05, parser.value(secondsOption).toDouble());

    // The Python run goes first, on its own, so that the two never share the CPU.
    QHash<QString, double> reference;
    QString error;
    if (!parser.isSet(noPythonOption)) {
        std::printf("Running APScheduler 3.9.1 (%s)...\n", QTSCHEDULER_BENCH_APSCHEDULER_SCRIPT);
        std::fflush(stdout);
        reference = runApScheduler(budget, error);
        if (!error.isEmpty())
            std::printf("%s\n", qPrintable(error));
    }

    std::printf("\n%-16s %-22s %14s %14s %9s  %s\n", "zone", "case", "ours/s", "APScheduler/s", "ratio", "target 100x");
    bool allMet = true;
    for (const char *zoneId : {"UTC", "Europe/Berlin"}) {
        const TimeZone tz = *TimeZone::fromId(QString::fromLatin1(zoneId));
        for (const Case &c : Cases) {
            const std::unique_ptr<CronTrigger> trigger = c.make(tz);
            measure(*trigger, budget / 10);     // warm-up
            const Result r = measure(*trigger, budget);
            const QString key = QString::fromLatin1(zoneId) + u'|' + QString::fromUtf8(c.name);
            if (reference.contains(key)) {
                const double theirs = reference.value(key);
                const double ratio = r.perSecond / theirs;
                allMet = allMet && ratio >= 100;
                std::printf("%-16s %-22s %14s %14s %8.0fx  %s\n", zoneId, c.name, grouped(r.perSecond).constData(),
                            grouped(theirs).constData(), ratio, ratio >= 100 ? "yes" : "NO");
            } else {
                std::printf("%-16s %-22s %14s %14s %9s  %s\n", zoneId, c.name, grouped(r.perSecond).constData(), "-",
                            "-", "-");
            }
            std::fflush(stdout);
        }
    }
    millionJobs();
    if (!reference.isEmpty())
        std::printf("Target met on every case: %s\n", allMet ? "yes" : "NO");
    return 0;
}
