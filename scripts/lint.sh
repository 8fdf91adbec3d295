#!/usr/bin/env bash
# Static analysis of the project's own sources: clazy (Qt pitfalls: level 1 plus a few manual checks) and
# clang-tidy (.clang-tidy). Needs a configured build directory (compile_commands.json), by default ./build.
# Prints the findings; exits 1 when there are any.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
if [ ! -f "$build/compile_commands.json" ]; then
    echo "lint: $build/compile_commands.json is missing; configure first (scripts/test.sh does)" >&2
    exit 2
fi

mapfile -t sources < <(git ls-files 'scheduler/*.cpp' 'ui/*.cpp' 'app/*.cpp')
out=$(mktemp)
# Generated moc/ui files are not ours; -ignore-dirs keeps Qt's headers out.
CLAZY_CHECKS="level1,qt6-deprecated-api-fixes,qstring-allocations,container-inside-loop,detaching-member,heap-allocated-small-trivial-type,isempty-vs-count,qhash-with-char-pointer-key,qproperty-type-mismatch,unneeded-cast,use-chrono-in-qtimer,connect-by-name" \
    xargs -P "$(nproc)" -n 4 clazy-standalone -p "$build/compile_commands.json" \
        -ignore-dirs='(/usr/.*|.*_autogen.*)' --header-filter='(scheduler|ui|app)/' \
        <<<"${sources[*]}" 2>&1 | grep -E 'warning:|error:' | sort -u >"$out"
xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet <<<"${sources[*]}" 2>/dev/null \
    | grep -E '^/.*(warning|error):' | sort -u >>"$out"

count=$(wc -l <"$out")
cat "$out"
rm -f "$out"
echo "lint: $count finding(s)"
[ "$count" -eq 0 ]
