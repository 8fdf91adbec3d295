#!/usr/bin/env bash
# Installs what is needed (Debian 12), builds QtScheduler and starts it: until the desktop job manager
# lands, the `qtscheduler` command-line tool previewing a sample schedule.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh

build=${BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQTSCHEDULER_BUILD_TESTS=OFF \
    -DQTSCHEDULER_BUILD_BENCHMARKS=OFF
cmake --build "$build" --parallel "$(nproc)" --target qtscheduler

trigger='{"type":"cron","crontab":"*/15 9-17 * * mon-fri","timezone":"Europe/Berlin"}'
echo "qtscheduler preview --count 10 '$trigger'"
"$build/app/cli/qtscheduler" preview --count 10 "$trigger"
