#!/usr/bin/env bash
# Installs what is needed (Debian 12), builds everything and runs the whole test suite: real SQLite, a
# throwaway PostgreSQL server started by the tests themselves, the GUI on the offscreen platform.
#
# BUILD_DIR (default: build) and CMAKE_ARGS (extra configure arguments) let CI reuse it for the
# sanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh

build=${BUILD_DIR:-build}
# Tests and benchmarks on explicitly: scripts/start.sh may have configured the same directory without them.
# shellcheck disable=SC2086
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQTSCHEDULER_BUILD_TESTS=ON \
    -DQTSCHEDULER_BUILD_BENCHMARKS=ON ${CMAKE_ARGS:-}
cmake --build "$build" --parallel "$(nproc)"
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)"
