// One field of a cron trigger ("hour", "day_of_week", ...) read as APScheduler 3.9.1 reads it.
//
//     cron::Field hours = cron::Field::parse(cron::FieldId::Hour, u"9-17/2, 20");
//     quint64 mask = hours.valueMask();            // bits 9, 11, 13, 15, 17, 20
//     QString text = hours.toString();             // "9-17/2,20" (canonical, reads back equal)
//
// Grammar, per item of a comma list (spaces around commas allowed, names case-insensitive):
//   *  |  */s  |  a  |  a-b  |  a/s  |  a-b/s                    every field
//   name  |  name-name                                        month (jan..dec), day_of_week (mon..sun)
//   1st|2nd|3rd|4th|5th|last weekday  |  last                  day
// Values, steps and ranges are checked as APScheduler checks them (a step may not exceed the span it
// steps through, a range may not be reversed, values stay within the field's range). Where APScheduler
// silently ignores trailing text after a name ("jan-mar/2" is jan-mar there, "lastly" is "last"),
// this parser refuses the item instead of guessing.
#pragma once

#include <QtScheduler/qtscheduler_export.h>

#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <vector>

namespace qtscheduler::cron {

// APScheduler's FIELD_NAMES order: most significant first.
enum class FieldId : quint8 { Year, Month, Day, Week, DayOfWeek, Hour, Minute, Second };
constexpr int FieldCount = 8;

struct FieldSpec
{
    QLatin1StringView name;     // the APScheduler keyword and JSON key: "day_of_week"
    int minimum;
    int maximum;
};
QTSCHEDULER_EXPORT const FieldSpec &fieldSpec(FieldId id);

struct Expression
{
    enum class Kind : quint8 {
        All,        // "*", "*/s"
        Range,      // "a", "a-b", "a/s", "a-b/s", "jan-mar", "mon"
        Position,   // "2nd mon", "last fri" (day field)
        LastDay,    // "last" (day field)
    };
    Kind kind = Kind::All;
    bool names = false;     // a Range written with month or weekday names
    bool open = false;      // a Range "a/s": from a to the field's maximum
    int first = 0;          // Range: the first value; Position: the weekday, 0 = Monday
    int last = 0;           // Range: the last value (the field's maximum when open)
    int step = 0;           // 0 when none
    int position = 0;       // Position: 0-4 for 1st-5th, 5 for last

    friend bool operator==(const Expression &, const Expression &) = default;
};

class QTSCHEDULER_EXPORT Field
{
public:
    // An empty field that matches nothing (a placeholder until parse() gives a real one).
    Field() = default;
    // Throws TriggerError naming the field and the bad item: "hour: '25' is out of range 0-23".
    static Field parse(FieldId id, QStringView text);

    FieldId id() const { return m_id; }
    const FieldSpec &spec() const { return fieldSpec(m_id); }
    const std::vector<Expression> &expressions() const { return m_expressions; }

    // The canonical text: items joined by ",", names in lower case, "5-5" as "5".
    QString toString() const;

    // Bit v is set when value v matches the All and Range items (Position and LastDay items, which
    // depend on the month, are not in it). The day field's bits run 1-31 as its values do. The year
    // field's values do not fit: its mask is 0 (the schedule reads its expressions instead).
    quint64 valueMask() const;
    // True when the field matches every value of its range ("*", "*/1", "0-23" for hours).
    bool matchesEverything() const;
    // The values of one All or Range item, as a mask.
    static quint64 maskOf(const Expression &expression, const FieldSpec &spec);

    friend bool operator==(const Field &a, const Field &b)
    {
        return a.m_id == b.m_id && a.m_expressions == b.m_expressions;
    }

private:
    FieldId m_id = FieldId::Second;
    std::vector<Expression> m_expressions;
};

// "mon".."sun" for 0-6, "jan".."dec" for 1-12.
QLatin1StringView weekdayName(int weekday);
QLatin1StringView monthName(int month);

} // namespace qtscheduler::cron
