// qtscheduler: the command-line tool (DESIGN.md, "The command-line tool").
//
//     qtscheduler preview [--from ISO] [--count N] 'TRIGGER_JSON'
//     qtscheduler preview --batch
//
// Each subcommand is a Command subclass; this file only picks one and maps errors to exit codes
// (0 success, 1 runtime failure, 2 bad usage or bad input).
#include "command.h"
#include "previewcommand.h"
#include "usageerror.h"

#include <QtScheduler/schedulererror.h>

#include <QCoreApplication>

#include <cstdio>
#include <memory>
#include <vector>

using namespace qtscheduler::cli;

namespace {

void printErrorLine(const QString &line)
{
    const QByteArray bytes = (line + u'\n').toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

QString mainHelp(const std::vector<std::unique_ptr<Command>> &commands)
{
    QString text = QCoreApplication::translate("main", "Usage: qtscheduler COMMAND [OPTIONS]\n\n"
                                                       "A job scheduler for Qt, modelled on APScheduler.\n\n"
                                                       "Commands:\n");
    for (const auto &command : commands)
        text += u"  " + command->name().leftJustified(10) + u' ' + command->summary() + u'\n';
    text += QCoreApplication::translate("main", "\n'qtscheduler COMMAND --help' describes a command.\n"
                                                "Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad input.\n");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"qtscheduler"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(QT_STRINGIFY(QTSCHEDULER_VERSION)));

    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<PreviewCommand>());

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        printErrorLine(QCoreApplication::translate("main", "qtscheduler: missing command (see 'qtscheduler --help')"));
        return ExitCode::Usage;
    }
    const QString &name = arguments.at(1);
    if (name == u"--help" || name == u"-h" || name == u"help") {
        Command::printOut(mainHelp(commands));
        return ExitCode::Success;
    }
    if (name == u"--version") {
        Command::printOut(u"qtscheduler "_qs + QCoreApplication::applicationVersion() + u'\n');
        return ExitCode::Success;
    }
    for (const auto &command : commands) {
        if (command->name() != name)
            continue;
        try {
            return command->run(arguments.mid(2));
        } catch (const UsageError &e) {
            command->printError(e.message());
            return ExitCode::Usage;
        } catch (const qtscheduler::SchedulerError &e) {
            command->printError(e.message());
            return ExitCode::Failure;
        } catch (const std::exception &e) {
            command->printError(QString::fromLocal8Bit(e.what()));
            return ExitCode::Failure;
        }
    }
    printErrorLine(QCoreApplication::translate("main", "qtscheduler: unknown command '%1' (see 'qtscheduler --help')")
                       .arg(name));
    return ExitCode::Usage;
}
