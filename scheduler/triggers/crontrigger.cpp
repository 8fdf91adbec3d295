#include "crontrigger.h"

#include "crondescription_p.h"
#include "cronfield_p.h"
#include "cronschedule_p.h"
#include "triggerjson_p.h"

#include <QtScheduler/schedulererror.h>
#include <QtScheduler/time/isodatetime.h>

#include <QJsonValue>

#include <array>
#include <chrono>
#include <cmath>

namespace qtscheduler {

using cron::FieldCount;
using cron::FieldId;

namespace {

// APScheduler's DEFAULT_VALUES, for fields after the least significant one given.
constexpr std::array<const char16_t *, FieldCount> DefaultValues = {u"*", u"1", u"1", u"*", u"*", u"0", u"0", u"0"};

std::array<const std::optional<QString> *, FieldCount> fieldList(const CronTrigger::Fields &f)
{
    return {&f.year, &f.month, &f.day, &f.week, &f.dayOfWeek, &f.hour, &f.minute, &f.second};
}

std::array<std::optional<QString> *, FieldCount> fieldList(CronTrigger::Fields &f)
{
    return {&f.year, &f.month, &f.day, &f.week, &f.dayOfWeek, &f.hour, &f.minute, &f.second};
}

std::array<cron::Field, FieldCount> parseFields(const CronTrigger::Fields &given)
{
    const auto values = fieldList(given);
    int lastGiven = -1;
    for (int i = 0; i < FieldCount; ++i) {
        if (values[size_t(i)]->has_value())
            lastGiven = i;
    }
    std::array<cron::Field, FieldCount> fields;
    for (int i = 0; i < FieldCount; ++i) {
        QString text;
        if (values[size_t(i)]->has_value())
            text = **values[size_t(i)];
        else if (lastGiven >= 0 && i > lastGiven)
            text = QString::fromUtf16(DefaultValues[size_t(i)]);
        else
            text = u"*"_qs;
        fields[size_t(i)] = cron::Field::parse(FieldId(i), text);
    }
    return fields;
}

qint64 ceilSeconds(Instant t)
{
    const qint64 us = toMicroseconds(t);
    // Division truncates toward zero, which already rounds a negative value up.
    return us / 1000000 + (us % 1000000 > 0 ? 1 : 0);
}

// A cron field in JSON: a string, or an integer number.
std::optional<QString> readField(const QJsonObject &json, QLatin1StringView key)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 1e15)
            return QString::number(qint64(d));
    }
    TriggerJson::fail(key, TriggerJson::quote(value) + u" is not a cron expression");
}

} // namespace

struct CronTriggerData
{
    std::array<cron::Field, FieldCount> fields;
    cron::Schedule schedule;
    std::optional<Instant> startDate;
    std::optional<Instant> endDate;
    bool fixedOffset;
    qint64 offset;

    CronTriggerData(std::array<cron::Field, FieldCount> parsed, const TimeZone &zone,
                    std::optional<Instant> start, std::optional<Instant> end)
        : fields(std::move(parsed))
        , schedule({&fields[0], &fields[1], &fields[2], &fields[3], &fields[4], &fields[5], &fields[6], &fields[7]})
        , startDate(start)
        , endDate(end)
        , fixedOffset(zone.isFixedOffset())
        , offset(zone.offsetAt(Instant{}))
    {
    }
};

CronTrigger::CronTrigger(const Fields &fields, const TimeZone &timeZone, std::optional<Instant> startDate,
                         std::optional<Instant> endDate, std::optional<Microseconds> jitter)
    : Trigger(Type::Cron, timeZone, jitter)
{
    if (startDate && endDate && *endDate < *startDate) {
        throw TriggerError(u"end_date: '"_qs + IsoDateTime::format(*endDate, timeZone) + u"' is before start_date '"
                           + IsoDateTime::format(*startDate, timeZone) + u'\'');
    }
    m_data = std::make_shared<const CronTriggerData>(parseFields(fields), timeZone, startDate, endDate);
}

CronTrigger::CronTrigger(std::shared_ptr<const CronTriggerData> data, const TimeZone &timeZone,
                         std::optional<Microseconds> jitter)
    : Trigger(Type::Cron, timeZone, jitter)
    , m_data(std::move(data))
{
}

CronTrigger::~CronTrigger() = default;

std::unique_ptr<CronTrigger> CronTrigger::fromCrontab(QStringView expression, const TimeZone &timeZone,
                                                      std::optional<Microseconds> jitter)
{
    const QStringView text = expression.trimmed();
    if (text.startsWith(u'@')) {
        static constexpr struct
        {
            const char16_t *alias;
            const char16_t *line;
        } Aliases[] = {
            {u"@yearly", u"0 0 1 1 *"},  {u"@annually", u"0 0 1 1 *"}, {u"@monthly", u"0 0 1 * *"},
            {u"@weekly", u"0 0 * * sun"}, {u"@daily", u"0 0 * * *"},   {u"@midnight", u"0 0 * * *"},
            {u"@hourly", u"0 * * * *"},
        };
        for (const auto &a : Aliases) {
            if (text.compare(QStringView(a.alias), Qt::CaseInsensitive) == 0)
                return fromCrontab(QStringView(a.line), timeZone, jitter);
        }
        throw TriggerError(u"crontab: unknown alias '"_qs + text.toString()
                           + u"' (known: @yearly @annually @monthly @weekly @daily @midnight @hourly)");
    }
    // Any run of whitespace separates fields, as Python's str.split() does.
    QList<QString> values;
    for (qsizetype i = 0; i < text.size();) {
        if (text[i].isSpace()) {
            ++i;
            continue;
        }
        const qsizetype begin = i;
        while (i < text.size() && !text[i].isSpace())
            ++i;
        values.append(text.sliced(begin, i - begin).toString());
    }
    if (values.size() != 5) {
        throw TriggerError(u"crontab: '"_qs + text.toString() + u"' has " + QString::number(values.size())
                           + u" fields, expected 5 (minute hour day month day_of_week)");
    }
    Fields fields;
    fields.minute = values[0];
    fields.hour = values[1];
    fields.day = values[2];
    fields.month = values[3];
    fields.dayOfWeek = values[4];
    return std::make_unique<CronTrigger>(fields, timeZone, std::nullopt, std::nullopt, jitter);
}

std::unique_ptr<CronTrigger> CronTrigger::fromJson(const QJsonObject &json, const TriggerContext &context)
{
    using L = QLatin1StringView;
    TriggerJson::checkKeys(json, u"cron"_qs,
                           {L("year"), L("month"), L("day"), L("week"), L("day_of_week"), L("hour"), L("minute"),
                            L("second"), L("crontab"), L("start_date"), L("end_date"), L("timezone"), L("jitter")});
    const TimeZone zone = TriggerJson::readTimeZone(json, context);
    const std::optional<Instant> start = TriggerJson::readDateTime(json, L("start_date"), zone);
    const std::optional<Instant> end = TriggerJson::readDateTime(json, L("end_date"), zone);
    const std::optional<Microseconds> jitter = TriggerJson::readJitter(json);

    Fields fields;
    const auto given = fieldList(fields);
    for (int i = 0; i < FieldCount; ++i)
        *given[size_t(i)] = readField(json, cron::fieldSpec(FieldId(i)).name);

    const QJsonValue crontab = json.value(u"crontab");
    if (!crontab.isUndefined() && !crontab.isNull()) {
        if (!crontab.isString())
            TriggerJson::fail(L("crontab"), TriggerJson::quote(crontab) + u" is not a crontab line");
        for (int i = 0; i < FieldCount; ++i) {
            if (given[size_t(i)]->has_value()) {
                TriggerJson::fail(L("crontab"), u"cannot be combined with the field key '"_qs
                                      + cron::fieldSpec(FieldId(i)).name + u'\'');
            }
        }
        const std::unique_ptr<CronTrigger> line = fromCrontab(crontab.toString(), zone);
        fields = line->fields();
    }
    return std::make_unique<CronTrigger>(fields, zone, start, end, jitter);
}

CronTrigger::Fields CronTrigger::fields() const
{
    Fields result;
    const auto given = fieldList(result);
    for (int i = 0; i < FieldCount; ++i)
        *given[size_t(i)] = m_data->fields[size_t(i)].toString();
    return result;
}

std::optional<Instant> CronTrigger::startDate() const
{
    return m_data->startDate;
}

std::optional<Instant> CronTrigger::endDate() const
{
    return m_data->endDate;
}

std::optional<Instant> CronTrigger::firstFireTimeAtOrAfter(Instant from) const
{
    const CronTriggerData &d = *m_data;
    if (d.startDate && from < *d.startDate)
        from = *d.startDate;
    const qint64 s = ceilSeconds(from);
    std::optional<qint64> fire;
    if (d.fixedOffset) {
        if (const std::optional<qint64> wall = d.schedule.nextWall(s + d.offset))
            fire = *wall - d.offset;
    } else {
        fire = d.schedule.nextInstant(s, timeZone());
    }
    if (!fire)
        return std::nullopt;
    const Instant result{std::chrono::seconds(*fire)};
    if (d.endDate && result > *d.endDate)
        return std::nullopt;
    return result;
}

QJsonObject CronTrigger::toJson() const
{
    QJsonObject json;
    json.insert(u"type"_qs, typeName());
    for (int i = 0; i < FieldCount; ++i)
        json.insert(cron::fieldSpec(FieldId(i)).name, m_data->fields[size_t(i)].toString());
    json.insert(u"start_date"_qs, TriggerJson::writeDateTime(m_data->startDate, timeZone()));
    json.insert(u"end_date"_qs, TriggerJson::writeDateTime(m_data->endDate, timeZone()));
    writeCommonJson(json);
    return json;
}

QString CronTrigger::description() const
{
    return cron::describe(m_data->fields);
}

std::unique_ptr<Trigger> CronTrigger::clone() const
{
    return std::unique_ptr<Trigger>(new CronTrigger(m_data, timeZone(), jitter()));
}

bool CronTrigger::isEqual(const Trigger &other) const
{
    const CronTriggerData &a = *m_data;
    const CronTriggerData &b = *static_cast<const CronTrigger &>(other).m_data;
    return a.fields == b.fields && a.startDate == b.startDate && a.endDate == b.endDate;
}

} // namespace qtscheduler
