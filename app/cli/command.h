// One subcommand of the qtscheduler tool. main() picks the command by its name and calls run() with
// the arguments after the name.
//
//     class PreviewCommand final : public Command {
//         QString name() const override { return u"preview"_s; }
//         int run(const QStringList &arguments) override;   // throws UsageError for exit code 2
//     };
//
// Exit codes (DESIGN.md): 0 success, 1 runtime failure, 2 bad usage or bad input. A command reports a
// usage error by throwing UsageError, and a runtime failure by printing it with printError() and
// returning ExitCode::Failure. Errors go to stderr, one clear line each.
#pragma once

#include <QString>
#include <QStringList>

namespace qtscheduler::cli {

enum ExitCode : int { Success = 0, Failure = 1, Usage = 2 };

class Command
{
public:
    virtual ~Command();

    // As typed: "preview".
    virtual QString name() const = 0;
    // One line for `qtscheduler --help`.
    virtual QString summary() const = 0;
    // The text of `qtscheduler <name> --help`.
    virtual QString help() const = 0;
    // Runs with the arguments after the command name; returns the exit code. Throws UsageError.
    virtual int run(const QStringList &arguments) = 0;

    // "qtscheduler <name>: <message>" on stderr.
    void printError(const QString &message) const;
    static void printOut(const QString &text);
};

} // namespace qtscheduler::cli
