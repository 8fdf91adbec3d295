#include "cronfield_p.h"

#include <QtScheduler/schedulererror.h>

#include <array>

namespace qtscheduler::cron {

namespace {

constexpr std::array<FieldSpec, FieldCount> Specs = {{
    {QLatin1StringView("year"), 1970, 9999},
    {QLatin1StringView("month"), 1, 12},
    {QLatin1StringView("day"), 1, 31},
    {QLatin1StringView("week"), 1, 53},
    {QLatin1StringView("day_of_week"), 0, 6},
    {QLatin1StringView("hour"), 0, 23},
    {QLatin1StringView("minute"), 0, 59},
    {QLatin1StringView("second"), 0, 59},
}};

constexpr std::array<const char *, 7> Weekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<const char *, 12> Months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<const char *, 6> Positions = {"1st", "2nd", "3rd", "4th", "5th", "last"};

// Numbers beyond this are only ever out of range; capping keeps the arithmetic in int.
constexpr int NumberCap = 100000000;

[[noreturn]] void fail(const FieldSpec &spec, const QString &message)
{
    throw TriggerError(QString(spec.name) + u": " + message);
}

QString quoted(QStringView text)
{
    return u'\'' + text.toString() + u'\'';
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// Reads a run of ASCII digits at `pos`; -1 when there is none.
int readNumber(QStringView text, qsizetype &pos)
{
    const qsizetype begin = pos;
    qint64 value = 0;
    while (pos < text.size() && isAsciiDigit(text[pos])) {
        value = std::min<qint64>(value * 10 + (text[pos].unicode() - u'0'), NumberCap);
        ++pos;
    }
    return pos == begin ? -1 : int(value);
}

QStringView readWord(QStringView text, qsizetype &pos)
{
    const qsizetype begin = pos;
    while (pos < text.size() && isAsciiLetter(text[pos]))
        ++pos;
    return text.sliced(begin, pos - begin);
}

template<size_t N>
int indexOfName(const std::array<const char *, N> &names, QStringView word)
{
    for (size_t i = 0; i < N; ++i) {
        if (word.compare(QLatin1StringView(names[i]), Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

// The checks APScheduler makes on "*/s" and on numeric ranges, with messages that name the item.
void validate(const FieldSpec &spec, QStringView item, Expression &e)
{
    if (e.kind == Expression::Kind::All) {
        if (e.step > spec.maximum - spec.minimum) {
            fail(spec, u"step "_qs + QString::number(e.step) + u" in " + quoted(item)
                     + u" is larger than the span " + QString::number(spec.minimum) + u'-'
                     + QString::number(spec.maximum) + u" it steps through");
        }
        return;
    }
    if (e.first < spec.minimum || e.first > spec.maximum || e.last > spec.maximum) {
        fail(spec, quoted(item) + u" is out of range " + QString::number(spec.minimum) + u'-'
                 + QString::number(spec.maximum));
    }
    if (e.first > e.last) {
        fail(spec, quoted(item) + u" is a reversed range: write the lower value first");
    }
    if (e.step) {
        // APScheduler measures the span as (last or maximum) - first: a range ending at 0 counts as
        // reaching the maximum. "0-0/5" is therefore accepted there (and means just 0); so it is here.
        const int spanEnd = e.open || e.last == 0 ? spec.maximum : e.last;
        if (e.step > spanEnd - e.first) {
            fail(spec, u"step "_qs + QString::number(e.step) + u" in " + quoted(item)
                     + u" is larger than the span " + QString::number(e.first) + u'-'
                     + QString::number(spanEnd) + u" it steps through");
        }
    }
    if (!e.open && e.first == e.last)
        e.step = 0;     // one value: a step changes nothing
}

Expression parseItem(const FieldSpec &spec, FieldId id, QStringView item)
{
    auto invalid = [&]() { fail(spec, quoted(item) + u" is not a valid expression"); };
    if (item.isEmpty())
        invalid();

    Expression e;
    qsizetype pos = 0;
    const QChar c = item[0];

    if (c == u'*') {
        e.kind = Expression::Kind::All;
        pos = 1;
        if (pos < item.size()) {
            if (item[pos] != u'/')
                invalid();
            ++pos;
            e.step = readNumber(item, pos);
            if (e.step < 0 || pos != item.size())
                invalid();
            if (e.step == 0)
                fail(spec, u"step must be positive in "_qs + quoted(item));
        }
        validate(spec, item, e);
        return e;
    }

    if (isAsciiDigit(c)) {
        e.kind = Expression::Kind::Range;
        e.first = readNumber(item, pos);
        e.last = e.first;
        bool hasLast = false;
        if (pos < item.size() && item[pos] == u'-') {
            ++pos;
            e.last = readNumber(item, pos);
            if (e.last < 0)
                invalid();
            hasLast = true;
        }
        if (pos < item.size() && item[pos] == u'/') {
            ++pos;
            e.step = readNumber(item, pos);
            if (e.step < 0)
                invalid();
            if (e.step == 0 && pos == item.size())
                fail(spec, u"step must be positive in "_qs + quoted(item));
            if (!hasLast) {
                e.open = true;
                e.last = spec.maximum;
            }
        }
        if (pos != item.size())
            invalid();
        validate(spec, item, e);
        return e;
    }

    if (!isAsciiLetter(c))
        invalid();

    if (id == FieldId::Day) {
        const QStringView word = readWord(item, pos);
        if (word.compare(u"last", Qt::CaseInsensitive) == 0 && pos == item.size()) {
            e.kind = Expression::Kind::LastDay;
            return e;
        }
        if (word.compare(u"last", Qt::CaseInsensitive) == 0 && item[pos].isSpace()) {
            e.kind = Expression::Kind::Position;
            e.position = 5;
            while (pos < item.size() && item[pos].isSpace())
                ++pos;
            const QStringView name = item.sliced(pos);
            e.first = indexOfName(Weekdays, name);
            if (e.first < 0)
                fail(spec, u"unknown weekday name "_qs + quoted(name) + u" in " + quoted(item));
            return e;
        }
        invalid();
    }

    if (id != FieldId::Month && id != FieldId::DayOfWeek)
        invalid();

    e.kind = Expression::Kind::Range;
    e.names = true;
    auto nameValue = [&](QStringView word) {
        const int index = id == FieldId::Month ? indexOfName(Months, word) : indexOfName(Weekdays, word);
        if (index < 0)
            fail(spec, u"unknown name "_qs + quoted(word));
        return id == FieldId::Month ? index + 1 : index;
    };
    e.first = nameValue(readWord(item, pos));
    e.last = e.first;
    if (pos < item.size() && item[pos] == u'-') {
        ++pos;
        const QStringView word = readWord(item, pos);
        if (word.isEmpty())
            invalid();
        e.last = nameValue(word);
    }
    if (pos < item.size() && item[pos] == u'/') {
        fail(spec, u"a step cannot follow names in "_qs + quoted(item) + u" (write the range with numbers)");
    }
    if (pos != item.size())
        invalid();
    validate(spec, item, e);
    return e;
}

// "1st mon" .. "5th sun": an ordinal followed by spaces and a weekday (day field only). Returns false
// when the item does not start with an ordinal.
bool parsePosition(const FieldSpec &spec, QStringView item, Expression &e)
{
    if (item.size() < 4 || !isAsciiDigit(item[0]))
        return false;
    const QStringView ordinal = item.first(3);
    const int index = indexOfName(Positions, ordinal);
    if (index < 0 || index > 4 || !item[3].isSpace())
        return false;
    qsizetype pos = 3;
    while (pos < item.size() && item[pos].isSpace())
        ++pos;
    const QStringView name = item.sliced(pos);
    e.kind = Expression::Kind::Position;
    e.position = index;
    e.first = indexOfName(Weekdays, name);
    if (e.first < 0)
        fail(spec, u"unknown weekday name "_qs + quoted(name) + u" in " + quoted(item));
    return true;
}

} // namespace

const FieldSpec &fieldSpec(FieldId id)
{
    return Specs[size_t(id)];
}

QLatin1StringView weekdayName(int weekday)
{
    return QLatin1StringView(Weekdays[size_t(weekday)]);
}

QLatin1StringView monthName(int month)
{
    return QLatin1StringView(Months[size_t(month - 1)]);
}

Field Field::parse(FieldId id, QStringView text)
{
    const FieldSpec &spec = fieldSpec(id);
    Field field;
    field.m_id = id;
    const QStringView trimmed = text.trimmed();
    qsizetype begin = 0;
    while (true) {
        const qsizetype comma = trimmed.indexOf(u',', begin);
        const QStringView item = trimmed.sliced(begin, (comma < 0 ? trimmed.size() : comma) - begin).trimmed();
        Expression e;
        if (id == FieldId::Day && parsePosition(spec, item, e))
            field.m_expressions.push_back(e);
        else
            field.m_expressions.push_back(parseItem(spec, id, item));
        if (comma < 0)
            break;
        begin = comma + 1;
    }
    return field;
}

QString Field::toString() const
{
    QString text;
    for (const Expression &e : m_expressions) {
        if (!text.isEmpty())
            text += u',';
        switch (e.kind) {
        case Expression::Kind::All:
            text += e.step ? u"*/"_qs + QString::number(e.step) : u"*"_qs;
            break;
        case Expression::Kind::Range:
            if (e.names) {
                auto name = [this](int v) { return m_id == FieldId::Month ? monthName(v) : weekdayName(v); };
                text += name(e.first);
                if (e.last != e.first)
                    text += u'-' + name(e.last);
            } else if (e.open) {
                text += QString::number(e.first) + u'/' + QString::number(e.step);
            } else {
                text += QString::number(e.first);
                if (e.last != e.first)
                    text += u'-' + QString::number(e.last);
                if (e.step)
                    text += u'/' + QString::number(e.step);
            }
            break;
        case Expression::Kind::Position:
            text += QLatin1StringView(Positions[size_t(e.position)]) + u' ' + weekdayName(e.first);
            break;
        case Expression::Kind::LastDay:
            text += u"last";
            break;
        }
    }
    return text;
}

quint64 Field::maskOf(const Expression &e, const FieldSpec &spec)
{
    if (spec.maximum > 63)
        return 0;
    int from = spec.minimum;
    int to = spec.maximum;
    if (e.kind == Expression::Kind::Range) {
        from = e.first;
        to = e.last;
    } else if (e.kind != Expression::Kind::All) {
        return 0;
    }
    const int step = e.step > 0 ? e.step : 1;
    quint64 mask = 0;
    for (int v = from; v <= to; v += step)
        mask |= quint64(1) << v;
    return mask;
}

quint64 Field::valueMask() const
{
    quint64 mask = 0;
    for (const Expression &e : m_expressions)
        mask |= maskOf(e, spec());
    return mask;
}

bool Field::matchesEverything() const
{
    const FieldSpec &s = spec();
    if (s.maximum > 63) {
        for (const Expression &e : m_expressions) {
            if (e.step > 1)
                continue;
            if (e.kind == Expression::Kind::All
                || (e.kind == Expression::Kind::Range && e.first == s.minimum && e.last == s.maximum)) {
                return true;
            }
        }
        return false;
    }
    const quint64 full = (s.maximum == 63 ? ~quint64(0) : (quint64(1) << (s.maximum + 1)) - 1)
        & ~((quint64(1) << s.minimum) - 1);
    return (valueMask() & full) == full;
}

} // namespace qtscheduler::cron
