#include "previewcommand.h"

#include "linereader.h"
#include "outputbuffer.h"
#include "usageerror.h"

#include <QtScheduler/schedulererror.h>
#include <QtScheduler/time/isodatetime.h>
#include <QtScheduler/triggers/triggerfactory.h>

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <chrono>
#include <cmath>
#include <vector>

namespace qtscheduler::cli {

namespace {

// How a JSON value is shown in a message: strings in single quotes, anything else as JSON.
QString quoted(const QJsonValue &value)
{
    if (value.isString())
        return u'\'' + value.toString() + u'\'';
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? u"true"_qs : u"false"_qs;
    if (value.isNull())
        return u"null"_qs;
    return value.isArray() ? u"a list"_qs : u"an object"_qs;
}

Instant wallClockNow()
{
    return std::chrono::floor<Microseconds>(std::chrono::system_clock::now());
}

// A JSON string, escaped, into the output.
void appendJsonString(OutputBuffer &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    out.append('"');
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (u < 0x20) {
            static const char hex[] = "0123456789abcdef";
            const char escaped[] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 15]};
            out.append(QByteArrayView(escaped, 6));
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

void appendError(OutputBuffer &out, const QString &message)
{
    out.append(QByteArrayView("{\"error\":"));
    appendJsonString(out, message);
    out.append(QByteArrayView("}\n"));
}

int parseCount(const QString &text)
{
    bool ok = false;
    const int count = text.trimmed().toInt(&ok);
    if (!ok || count < 0 || count > PreviewCommand::MaxCount) {
        throw UsageError(PreviewCommand::tr("--count: '%1' is not a whole number from 0 to %2")
                             .arg(text)
                             .arg(PreviewCommand::MaxCount));
    }
    return count;
}

} // namespace

QString PreviewCommand::name() const
{
    return u"preview"_qs;
}

QString PreviewCommand::summary() const
{
    return tr("Print the fire times of a trigger (one a line, or JSON lines in --batch mode)");
}

QString PreviewCommand::help() const
{
    return tr(R"(Usage: qtscheduler preview [--from ISO] [--count N] [--timezone ZONE] 'TRIGGER_JSON'
       qtscheduler preview --batch [--timezone ZONE]

Prints the times a trigger fires at, one a line, as ISO-8601 with the UTC offset in force in the
trigger's time zone. The sequence is what the scheduler would fire with no misfires and no jitter:
the first time at or after --from, then each next one after the previous; it ends early where the
trigger ends.

Options:
  --from ISO        Start here (default: now). Without an offset it is read in the trigger's zone.
                    It is also the trigger's "now": an interval without start_date starts one
                    interval later, a date trigger without run_date runs then.
  --count N         How many times to print (default: %1, at most %2).
  --timezone ZONE   The zone of triggers that name none (default: the system's zone).
  --batch           Read requests from standard input, one JSON object a line:
                      {"trigger":{...},"from":"ISO","count":N}     ("from", "count" optional)
                    and answer each with one line, in order:
                      {"times":["ISO",...]}   or   {"error":"message"}
                    A blank line, a line that is not JSON and an invalid request each get an
                    error line; the batch goes on. Answers are flushed whenever the input has
                    nothing more waiting, so a peer may send one line and wait for its answer.
  -h, --help        Show this help.

Trigger JSON (see DESIGN.md):
  {"type":"interval","minutes":30,"timezone":"Europe/Berlin"}
  {"type":"cron","crontab":"*/5 9-17 * * mon-fri","timezone":"UTC"}
  {"type":"calendarinterval","months":1,"hour":9,"start_date":"2026-01-31"}

Exit codes: 0 success (in --batch mode: the input was read to its end), 1 runtime failure (an and
trigger without a common fire time, an output error), 2 bad usage or a bad trigger.
)")
        .arg(DefaultCount)
        .arg(MaxCount);
}

int PreviewCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption fromOption(u"from"_qs, QString(), u"ISO"_qs);
    const QCommandLineOption countOption(u"count"_qs, QString(), u"N"_qs);
    const QCommandLineOption zoneOption(u"timezone"_qs, QString(), u"ZONE"_qs);
    const QCommandLineOption batchOption(u"batch"_qs);
    const QCommandLineOption helpOption(QStringList{u"h"_qs, u"help"_qs});
    parser.addOptions({fromOption, countOption, zoneOption, batchOption, helpOption});
    if (!parser.parse(QStringList{u"qtscheduler preview"_qs} + arguments))
        throw UsageError(parser.errorText());

    if (parser.isSet(helpOption)) {
        printOut(help());
        return ExitCode::Success;
    }

    m_contextZone = TimeZone::systemTimeZone();
    if (parser.isSet(zoneOption)) {
        const QString id = parser.value(zoneOption);
        const std::optional<TimeZone> zone = TimeZone::fromId(id);
        if (!zone)
            throw UsageError(tr("--timezone: unknown time zone '%1'").arg(id));
        m_contextZone = *zone;
    }

    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(batchOption)) {
        if (!positional.isEmpty())
            throw UsageError(tr("--batch reads its triggers from standard input; unexpected argument '%1'")
                                 .arg(positional.first()));
        if (parser.isSet(fromOption) || parser.isSet(countOption))
            throw UsageError(tr("--from and --count do not apply to --batch: each request has its own"));
        return runBatch();
    }

    if (positional.isEmpty())
        throw UsageError(tr("missing the trigger JSON (see 'qtscheduler preview --help')"));
    if (positional.size() > 1)
        throw UsageError(tr("one trigger JSON expected, got %1 arguments (quote the JSON)").arg(positional.size()));

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(positional.first().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        throw UsageError(tr("trigger JSON: syntax error at offset %1: %2").arg(error.offset).arg(error.errorString()));
    }
    if (!document.isObject())
        throw UsageError(tr("trigger JSON: not an object"));

    Request request;
    request.trigger = document.object();
    request.from = parser.value(fromOption);
    if (parser.isSet(countOption))
        request.count = parseCount(parser.value(countOption));
    return runOnce(request);
}

template<typename WriteTime>
void PreviewCommand::computeTimes(const Request &request, WriteTime &&writeTime) const
{
    // The start: now, an instant, or a wall time read in the trigger's zone (known once the trigger is).
    std::optional<IsoDateTime> from;
    if (!request.from.isEmpty()) {
        from = IsoDateTime::parse(request.from);
        if (!from)
            throw UsageError(tr("from: '%1' is not an ISO-8601 date or date-time").arg(request.from));
    }
    TriggerContext context{m_contextZone, from ? from->toInstant(m_contextZone) : wallClockNow()};
    std::unique_ptr<Trigger> trigger;
    try {
        trigger = TriggerFactory::fromJson(request.trigger, context);
        if (from && from->kind() != IsoDateTime::Kind::WithOffset && !(trigger->timeZone() == m_contextZone)) {
            // "from" is local time in the trigger's own zone, and the trigger's "now" is that instant.
            context.now = from->toInstant(trigger->timeZone());
            trigger = TriggerFactory::fromJson(request.trigger, context);
        }
    } catch (const TriggerError &e) {
        throw UsageError(e.message());   // a bad trigger is bad input
    }

    const TimeZone &zone = trigger->timeZone();
    std::optional<Instant> t = trigger->scheduledFireTime(std::nullopt, context.now);
    for (int i = 0; i < request.count && t; ++i) {
        writeTime(*t, zone);
        if (i + 1 == request.count)
            break;
        const std::optional<Instant> next = trigger->scheduledFireTime(t, *t);
        if (next && *next <= *t) {
            throw SchedulerError(tr("internal error: the trigger gave %1 after %2")
                                     .arg(IsoDateTime::format(*next, zone), IsoDateTime::format(*t, zone)));
        }
        t = next;
    }
}

int PreviewCommand::runOnce(const Request &request) const
{
    OutputBuffer out(1);
    try {
        computeTimes(request, [&out](Instant t, const TimeZone &zone) {
            char *p = out.reserve(IsoDateTime::MaxFormattedLength + 1);
            const int length = IsoDateTime::formatTo(p, t, zone);
            p[length] = '\n';
            out.commit(length + 1);
        });
    } catch (const SchedulerError &e) {
        // The times found so far are printed; the reason the sequence stops goes to stderr.
        out.flush();
        printError(e.message());
        return ExitCode::Failure;
    }
    if (!out.flush()) {
        printError(tr("cannot write the output: %1").arg(out.errorString()));
        return ExitCode::Failure;
    }
    return ExitCode::Success;
}

void PreviewCommand::answer(QByteArrayView line, OutputBuffer &out, std::vector<Instant> &times) const
{
    times.clear();
    TimeZone zone;
    try {
        if (line.trimmed().isEmpty())
            throw UsageError(tr("empty line: expected a request {\"trigger\":{...},\"from\":\"ISO\",\"count\":N}"));
        QJsonParseError error;
        const QJsonDocument document
            = QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &error);
        if (error.error != QJsonParseError::NoError)
            throw UsageError(tr("invalid JSON at offset %1: %2").arg(error.offset).arg(error.errorString()));
        if (!document.isObject())
            throw UsageError(tr("request: not a JSON object"));
        const QJsonObject object = document.object();

        Request request;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key();
            const QJsonValue value = it.value();
            if (key == u"trigger") {
                if (!value.isObject())
                    throw UsageError(tr("trigger: %1 is not a trigger (a JSON object)").arg(quoted(value)));
                request.trigger = value.toObject();
            } else if (key == u"from") {
                if (value.isString())
                    request.from = value.toString();
                else if (!value.isNull())
                    throw UsageError(tr("from: %1 is not an ISO-8601 date or date-time").arg(quoted(value)));
            } else if (key == u"count") {
                const double count = value.toDouble(-1);
                if (!value.isNull()) {
                    if (!value.isDouble() || count != std::floor(count) || count < 0)
                        throw UsageError(tr("count: %1 is not a whole number from 0 to %2").arg(quoted(value)).arg(MaxCount));
                    if (count > MaxCount)
                        throw UsageError(tr("count: %1 is more than %2").arg(quoted(value)).arg(MaxCount));
                    request.count = int(count);
                }
            } else {
                throw UsageError(tr("request: unknown key '%1' (expected trigger, from, count)").arg(key));
            }
        }
        if (!object.contains(u"trigger"))
            throw UsageError(tr("trigger: missing"));

        computeTimes(request, [&zone, &times](Instant t, const TimeZone &triggerZone) {
            zone = triggerZone;
            times.push_back(t);
        });
    } catch (const UsageError &e) {
        appendError(out, e.message());
        return;
    } catch (const SchedulerError &e) {
        appendError(out, e.message());
        return;
    }

    out.append(QByteArrayView("{\"times\":["));
    for (size_t i = 0; i < times.size(); ++i) {
        char *p = out.reserve(IsoDateTime::MaxFormattedLength + 3);
        qsizetype length = 0;
        if (i > 0)
            p[length++] = ',';
        p[length++] = '"';
        length += IsoDateTime::formatTo(p + length, times[i], zone);
        p[length++] = '"';
        out.commit(length);
    }
    out.append(QByteArrayView("]}\n"));
}

int PreviewCommand::runBatch() const
{
    OutputBuffer out(1);
    LineReader input(0);
    std::vector<Instant> times;   // one request's fire times, reused so that a batch allocates once
    // Flush whenever the input has nothing more waiting: bulk requests get bulk writes, and a peer
    // that sends one request and waits for its answer gets it.
    input.setBeforeWait([&out] { out.flush(); });
    while (const std::optional<LineReader::Line> line = input.readLine()) {
        if (line->tooLong)
            appendError(out, tr("line longer than %1 bytes").arg(LineReader::MaxLineLength));
        else
            answer(line->text, out, times);
        if (out.hasFailed())
            break;
    }
    if (!out.flush()) {
        printError(tr("cannot write the output: %1").arg(out.errorString()));
        return ExitCode::Failure;
    }
    if (!input.errorString().isEmpty()) {
        printError(tr("cannot read the input: %1").arg(input.errorString()));
        return ExitCode::Failure;
    }
    return ExitCode::Success;
}

} // namespace qtscheduler::cli
