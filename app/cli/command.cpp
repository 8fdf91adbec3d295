#include "command.h"

#include <cstdio>

namespace qtscheduler::cli {

Command::~Command() = default;

void Command::printError(const QString &message) const
{
    const QByteArray line = (u"qtscheduler "_qs + name() + u": " + message + u'\n').toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

void Command::printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace qtscheduler::cli
