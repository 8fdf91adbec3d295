#include "crondescription_p.h"

#include "crontrigger.h"

#include <QStringList>

#include <bit>
#include <optional>

namespace qtscheduler::cron {

namespace {

const Field &get(const std::array<Field, FieldCount> &fields, FieldId id)
{
    return fields[size_t(id)];
}

// The value of a field that holds exactly one value ("9", "mon", "5-5").
std::optional<int> singleValue(const Field &field)
{
    if (field.expressions().size() != 1)
        return std::nullopt;
    const Expression &e = field.expressions().front();
    if (e.kind != Expression::Kind::Range || e.open || e.first != e.last)
        return std::nullopt;
    return e.first;
}

// The values of a field made only of single values ("9,12,17"), in ascending order; empty otherwise.
QList<int> singleValues(const Field &field)
{
    quint64 mask = 0;
    for (const Expression &e : field.expressions()) {
        if (e.kind != Expression::Kind::Range || e.open || e.first != e.last || e.first > 63)
            return {};
        mask |= quint64(1) << e.first;
    }
    QList<int> values;
    for (int v = 0; v < 64; ++v) {
        if (mask & (quint64(1) << v))
            values.append(v);
    }
    return values;
}

// The step of a field that is exactly "*" (1) or "*/n" (n).
std::optional<int> everyStep(const Field &field)
{
    if (field.expressions().size() != 1)
        return std::nullopt;
    const Expression &e = field.expressions().front();
    if (e.kind != Expression::Kind::All)
        return std::nullopt;
    return e.step > 0 ? e.step : 1;
}

QString twoDigits(int v)
{
    return QString::number(v).rightJustified(2, u'0');
}

QString clockTime(int hour, int minute, int second)
{
    QString text = twoDigits(hour) + u':' + twoDigits(minute);
    if (second != 0)
        text += u':' + twoDigits(second);
    return text;
}

QString joinList(const QStringList &items)
{
    if (items.isEmpty())
        return {};
    QString text = items.front();
    for (qsizetype i = 1; i < items.size(); ++i) {
        if (i == items.size() - 1)
            //: The last two items of a list: "Monday, Wednesday and Friday"
            text = CronTrigger::tr("%1 and %2", "list").arg(text, items[i]);
        else
            //: Items of a list before the last two
            text = CronTrigger::tr("%1, %2", "list").arg(text, items[i]);
    }
    return text;
}

QString weekdayWord(int weekday)
{
    switch (weekday) {
    case 0:
        return CronTrigger::tr("Monday");
    case 1:
        return CronTrigger::tr("Tuesday");
    case 2:
        return CronTrigger::tr("Wednesday");
    case 3:
        return CronTrigger::tr("Thursday");
    case 4:
        return CronTrigger::tr("Friday");
    case 5:
        return CronTrigger::tr("Saturday");
    default:
        return CronTrigger::tr("Sunday");
    }
}

QString monthWord(int month)
{
    switch (month) {
    case 1:
        return CronTrigger::tr("January");
    case 2:
        return CronTrigger::tr("February");
    case 3:
        return CronTrigger::tr("March");
    case 4:
        return CronTrigger::tr("April");
    case 5:
        return CronTrigger::tr("May", "month name");
    case 6:
        return CronTrigger::tr("June");
    case 7:
        return CronTrigger::tr("July");
    case 8:
        return CronTrigger::tr("August");
    case 9:
        return CronTrigger::tr("September");
    case 10:
        return CronTrigger::tr("October");
    case 11:
        return CronTrigger::tr("November");
    default:
        return CronTrigger::tr("December");
    }
}

QString positionWord(int position)
{
    switch (position) {
    case 0:
        return CronTrigger::tr("first", "weekday of the month");
    case 1:
        return CronTrigger::tr("second", "weekday of the month");
    case 2:
        return CronTrigger::tr("third", "weekday of the month");
    case 3:
        return CronTrigger::tr("fourth", "weekday of the month");
    case 4:
        return CronTrigger::tr("fifth", "weekday of the month");
    default:
        return CronTrigger::tr("last", "weekday of the month");
    }
}

// A set of values as a contiguous run (first, last) when it is one; bits of `mask` from `from` to `to`.
std::optional<std::pair<int, int>> contiguousRun(quint64 mask, int from, int to)
{
    if (!mask)
        return std::nullopt;
    const int first = std::countr_zero(mask);
    const int last = 63 - std::countl_zero(mask);
    if (first < from || last > to)
        return std::nullopt;
    const quint64 run = (last == 63 ? ~quint64(0) : (quint64(1) << (last + 1)) - 1) & ~((quint64(1) << first) - 1);
    if (run != mask)
        return std::nullopt;
    return std::pair{first, last};
}

struct Phrase
{
    QString text;
    bool afterComma;    // attached with ", " ("at 09:00, Monday to Friday"), else with a space
};

// The time of day; `once` is set when it fires at fixed times of each matching day.
QString timePhrase(const std::array<Field, FieldCount> &fields, bool &once)
{
    once = false;
    const Field &hour = get(fields, FieldId::Hour);
    const Field &minute = get(fields, FieldId::Minute);
    const Field &second = get(fields, FieldId::Second);
    const std::optional<int> s = singleValue(second);
    const std::optional<int> m = singleValue(minute);
    const QList<int> hours = singleValues(hour);

    if (s && m && !hours.isEmpty() && hours.size() <= 6) {
        QStringList times;
        for (int h : hours)
            times.append(clockTime(h, *m, *s));
        once = true;
        //: %1 is a time of day or a list of them: "at 09:00", "at 09:00 and 17:30"
        return CronTrigger::tr("at %1").arg(joinList(times));
    }
    if (s == 0 && m) {
        if (const std::optional<int> n = everyStep(hour)) {
            if (*n == 1) {
                return *m == 0 ? CronTrigger::tr("every hour")
                               //: %1 is a minute number: "every hour at minute 15"
                               : CronTrigger::tr("every hour at minute %1").arg(*m);
            }
            return *m == 0 ? CronTrigger::tr("every %1 hours").arg(*n)
                           //: %1 is a number of hours, %2 a minute number
                           : CronTrigger::tr("every %1 hours at minute %2").arg(*n).arg(*m);
        }
    }
    if (s == 0) {
        if (const std::optional<int> n = everyStep(minute)) {
            QString base = *n == 1 ? CronTrigger::tr("every minute") : CronTrigger::tr("every %1 minutes").arg(*n);
            if (hour.matchesEverything())
                return base;
            if (const auto run = contiguousRun(hour.valueMask(), 0, 23)) {
                const int lastMinute = 63 - std::countl_zero(minute.valueMask());
                //: %1 is "every 5 minutes", %2 and %3 times of day: "every 5 minutes from 09:00 to 17:55"
                return CronTrigger::tr("%1 from %2 to %3")
                    .arg(base, clockTime(run->first, 0, 0), clockTime(run->second, lastMinute, 0));
            }
        }
    }
    if (const std::optional<int> n = everyStep(second);
        n && minute.matchesEverything() && hour.matchesEverything()) {
        return *n == 1 ? CronTrigger::tr("every second") : CronTrigger::tr("every %1 seconds").arg(*n);
    }

    // No natural sentence: list the fields that restrict the time.
    QStringList items;
    if (!hour.matchesEverything())
        //: %1 is a cron expression for hours, e.g. "9-17/2"
        items.append(CronTrigger::tr("the hour is %1").arg(hour.toString()));
    if (!minute.matchesEverything())
        items.append(CronTrigger::tr("the minute is %1").arg(minute.toString()));
    if (!second.matchesEverything())
        items.append(CronTrigger::tr("the second is %1").arg(second.toString()));
    if (items.isEmpty())
        return CronTrigger::tr("every second");
    //: %1 lists conditions: "when the hour is 9-17/2 and the minute is 5,35"
    return CronTrigger::tr("when %1").arg(joinList(items));
}

QString weekdaySet(quint64 mask, bool &isRange)
{
    isRange = false;
    if (const auto run = contiguousRun(mask, 0, 6); run && run->second - run->first >= 2) {
        isRange = true;
        //: A range of weekdays: "Monday to Friday"
        return CronTrigger::tr("%1 to %2", "weekdays").arg(weekdayWord(run->first), weekdayWord(run->second));
    }
    QStringList names;
    for (int d = 0; d < 7; ++d) {
        if (mask & (quint64(1) << d))
            names.append(weekdayWord(d));
    }
    return joinList(names);
}

QString dayPhrase(const Field &day, const Field &month, bool &monthUsed)
{
    monthUsed = false;
    if (const std::optional<int> d = singleValue(day)) {
        if (const std::optional<int> m = singleValue(month)) {
            monthUsed = true;
            //: A date in every year: %1 is the day number, %2 the month: "on 29 February"
            return CronTrigger::tr("on %1 %2", "day month").arg(*d).arg(monthWord(*m));
        }
        return CronTrigger::tr("on day %1 of the month").arg(*d);
    }
    if (day.expressions().size() == 1) {
        const Expression &e = day.expressions().front();
        if (e.kind == Expression::Kind::LastDay)
            return CronTrigger::tr("on the last day of the month");
        if (e.kind == Expression::Kind::Position) {
            //: %1 is "first".."fifth" or "last", %2 a weekday: "on the last Friday of the month"
            return CronTrigger::tr("on the %1 %2 of the month").arg(positionWord(e.position), weekdayWord(e.first));
        }
    }
    //: %1 is a cron expression for days of the month, e.g. "1-7,15"
    return CronTrigger::tr("on days %1 of the month").arg(day.toString());
}

QString monthPhrase(const Field &month)
{
    const quint64 mask = month.valueMask();
    if (month.expressions().size() == 1 && !singleValue(month)) {
        if (const auto run = contiguousRun(mask, 1, 12); run && run->second - run->first >= 2)
            //: A range of months: "from March to October"
            return CronTrigger::tr("from %1 to %2", "months").arg(monthWord(run->first), monthWord(run->second));
    }
    QStringList names;
    for (int m = 1; m <= 12; ++m) {
        if (mask & (quint64(1) << m))
            names.append(monthWord(m));
    }
    //: %1 is a month or a list of months: "in January and July"
    return CronTrigger::tr("in %1", "months").arg(joinList(names));
}

} // namespace

QString describe(const std::array<Field, FieldCount> &fields)
{
    bool once = false;
    QString text = timePhrase(fields, once);

    const Field &year = get(fields, FieldId::Year);
    const Field &month = get(fields, FieldId::Month);
    const Field &day = get(fields, FieldId::Day);
    const Field &week = get(fields, FieldId::Week);
    const Field &weekday = get(fields, FieldId::DayOfWeek);

    QList<Phrase> phrases;
    bool monthUsed = false;
    const bool dayRestricted = !day.matchesEverything();
    if (dayRestricted)
        phrases.append({dayPhrase(day, month, monthUsed), false});
    if (!weekday.matchesEverything()) {
        bool isRange = false;
        const QString days = weekdaySet(weekday.valueMask(), isRange);
        if (dayRestricted)
            //: Day of the month and weekday both restricted: "on day 13 of the month, if it is a Friday"
            phrases.append({CronTrigger::tr("if it is a %1").arg(days), true});
        else if (isRange)
            phrases.append({days, true});
        else
            //: %1 is a weekday or a list of them: "on Monday and Thursday"
            phrases.append({CronTrigger::tr("on %1", "weekdays").arg(days), false});
    }
    if (!monthUsed && !month.matchesEverything())
        phrases.append({monthPhrase(month), false});
    if (!week.matchesEverything()) {
        if (const std::optional<int> w = singleValue(week))
            phrases.append({CronTrigger::tr("in ISO week %1").arg(*w), false});
        else
            //: %1 is a cron expression for ISO week numbers, e.g. "1-10/2"
            phrases.append({CronTrigger::tr("in ISO weeks %1").arg(week.toString()), false});
    }
    if (!year.matchesEverything()) {
        if (const std::optional<int> y = singleValue(year))
            //: %1 is a year: "in 2027"
            phrases.append({CronTrigger::tr("in %1", "year").arg(*y), false});
        else
            //: %1 is a cron expression for years, e.g. "2026-2030"
            phrases.append({CronTrigger::tr("in the years %1").arg(year.toString()), false});
    }

    if (phrases.isEmpty() && once)
        //: %1 is "at 09:00"
        return CronTrigger::tr("%1 every day").arg(text);
    for (const Phrase &phrase : phrases) {
        if (phrase.afterComma)
            //: A schedule followed by a condition on the date: "at 09:00, Monday to Friday"
            text = CronTrigger::tr("%1, %2", "schedule, date").arg(text, phrase.text);
        else
            //: A schedule followed by a date phrase: "at 12:00 on 29 February"
            text = CronTrigger::tr("%1 %2", "schedule date").arg(text, phrase.text);
    }
    return text;
}

} // namespace qtscheduler::cron
