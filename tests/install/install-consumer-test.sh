#!/usr/bin/env bash
# Installs the built library into a temporary prefix, builds tests/install/consumer against it with
# find_package(QtScheduler), runs it and checks its output.
#   install-consumer-test.sh BUILD_DIR SOURCE_DIR [EXTRA_CXX_FLAGS]
set -euo pipefail
build=${1:?build dir}
source=${2:?source dir}
flags=${3:-}
prefix=$(mktemp -d /tmp/qtscheduler-install.XXXXXX)
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix/usr" >/dev/null
test -f "$prefix/usr/include/QtScheduler/triggers/trigger.h" || { echo "public header not installed" >&2; exit 1; }
if find "$prefix/usr/include" -name '*_p.h' | grep -q .; then
    echo "private headers were installed" >&2; exit 1
fi
cmake -S "$source/tests/install/consumer" -B "$prefix/consumer" -G Ninja \
    -DCMAKE_PREFIX_PATH="$prefix/usr" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
cmake --build "$prefix/consumer" >/dev/null
output=$("$prefix/consumer/consumer")
expected=$'2026-03-28T02:30:00+01:00\n2026-03-29T03:30:00+02:00\n2026-03-30T02:30:00+02:00'
if [ "$output" != "$expected" ]; then
    printf 'unexpected output:\n%s\nexpected:\n%s\n' "$output" "$expected" >&2
    exit 1
fi
echo "consumer built against the installed package and ran correctly"
