#!/usr/bin/env bash
# Installs every Debian 12 package that building, running and testing QtScheduler needs.
# Idempotent: when everything is already there it only checks and exits.
set -euo pipefail

packages=(
    # build
    build-essential cmake ninja-build pkg-config
    # Qt 6: Core, Gui, Widgets, Sql, Concurrent, Test (all in qt6-base-dev), SVG icons, Linguist tools
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6svg6 qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qt6-qpa-plugins
    # SQL drivers: SQLite (embedded default) and PostgreSQL (production)
    libqt6sql6-sqlite libqt6sql6-psql sqlite3
    # a real throwaway PostgreSQL server for the tests
    postgresql-15 postgresql-client-15
    # time zone database for QTimeZone
    tzdata
    # GUI tests and screenshots: a virtual X server, and fonts with Chinese glyphs
    xvfb xauth fonts-noto-cjk fonts-dejavu-core
    # differential tests and benchmarks against APScheduler 3.9.1
    python3 python3-apscheduler python3-sqlalchemy python3-tz python3-tzlocal
    # static analysis
    clazy clang-tidy
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages are installed"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
