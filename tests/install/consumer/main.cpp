// Uses only installed public headers: computes fire times of a cron trigger read from JSON.
#include <QtScheduler/time/isodatetime.h>
#include <QtScheduler/triggers/triggerfactory.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    using namespace qtscheduler;
    const TimeZone berlin = TimeZone::fromId(u"Europe/Berlin").value();
    const Instant from = IsoDateTime::parse(u"2026-03-28T00:00:00").value().toInstant(berlin);
    const auto trigger = TriggerFactory::parse(
        R"({"type":"cron","hour":"2","minute":"30","timezone":"Europe/Berlin"})", {berlin, from});
    QTextStream out(stdout);
    std::optional<Instant> t = trigger->scheduledFireTime(std::nullopt, from);
    for (int i = 0; i < 3 && t; ++i) {
        out << IsoDateTime::format(*t, berlin) << '\n';
        t = trigger->scheduledFireTime(t, *t);
    }
    return 0;
}
