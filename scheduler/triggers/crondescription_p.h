// A cron trigger's schedule in translatable words, for the GUI and the CLI.
//
//     QString words = cron::describe(fields);   // "at 09:00, Monday to Friday"
//
// Sentences are built from CronTrigger::tr() fragments with numbered placeholders, so that a catalog can
// reorder them. Shapes without a natural sentence fall back to listing the fields that are not "*"
// ("when the hour is 9-17/2 and the minute is 5,35, Monday to Friday").
#pragma once

#include "cronfield_p.h"

#include <QString>

#include <array>

namespace qtscheduler::cron {

QString describe(const std::array<Field, FieldCount> &fields);

} // namespace qtscheduler::cron
