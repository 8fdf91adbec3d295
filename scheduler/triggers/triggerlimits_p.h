// Bounds that keep every trigger computation finite, whatever the input.
#pragma once

#include <QtScheduler/time/instant.h>

#include <chrono>

namespace qtscheduler::TriggerLimits {

// APScheduler's datetime range: years 1 to 9999. No fire time lies outside it; a search that would
// leave it ends (the trigger is exhausted).
inline constexpr Instant MinInstant{std::chrono::sys_days{std::chrono::year{1} / 1 / 1}};
inline constexpr Instant MaxInstant{std::chrono::sys_days{std::chrono::year{9999} / 12 / 31}
                                    + std::chrono::hours{24} - Microseconds{1}};
inline constexpr std::chrono::local_days MaxLocalDay{std::chrono::year{9999} / 12 / 31};

// The longest interval an interval trigger accepts: 10,000 years of 366 days.
inline constexpr Microseconds MaxInterval{std::chrono::hours{24} * 366 * 10000};

// How deeply and/or triggers may nest.
inline constexpr int MaxNestingDepth = 32;
// How many child queries an And trigger makes, and how far past its starting point it looks, before
// it gives up on finding a common fire time.
inline constexpr int AndMaxIterations = 10000;
inline constexpr int AndMaxSpanYears = 400;

} // namespace qtscheduler::TriggerLimits
