// Thrown by a command for bad usage or bad input (an unknown option, a malformed trigger): main()
// prints "qtscheduler <command>: <message>" on stderr and exits with ExitCode::Usage (2).
//
//     if (count < 0)
//         throw UsageError(PreviewCommand::tr("--count: '%1' is not a non-negative integer").arg(text));
#pragma once

#include <QString>

#include <stdexcept>

namespace qtscheduler::cli {

class UsageError : public std::runtime_error
{
public:
    explicit UsageError(const QString &message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }
    QString message() const { return m_message; }

private:
    QString m_message;
};

} // namespace qtscheduler::cli
