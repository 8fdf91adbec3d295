#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests: a fresh cluster in a temporary directory, listening on a
# free loopback port, run as an unprivileged user when the tests run as root, removed afterwards.
#
#   postgres-fixture.sh start STATEFILE    # initdb + start; writes shell variables to STATEFILE
#   postgres-fixture.sh stop STATEFILE     # stop the server, delete the cluster and STATEFILE
#   postgres-fixture.sh pause STATEFILE    # stop the server, keep the cluster (fault tests)
#   postgres-fixture.sh resume STATEFILE   # start it again on the same port
#
# STATEFILE holds PG_DIR, PG_PORT, PG_URL (postgresql://qtscheduler@127.0.0.1:PORT/qtscheduler_test), and
# QTSCHEDULER_TEST_POSTGRES_URL with the same value.
set -euo pipefail

command=${1:?usage: postgres-fixture.sh start|stop|pause|resume STATEFILE}
statefile=${2:?usage: postgres-fixture.sh start|stop|pause|resume STATEFILE}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
    echo "postgres-fixture: no PostgreSQL server found under /usr/lib/postgresql (run scripts/install-deps.sh)" >&2
    exit 1
fi

# PostgreSQL refuses to run as root: use the postgres system user then.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_server() {
    as_owner "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
}

stop_server() {
    as_owner "$bindir/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}

case "$command" in
start)
    PG_DIR=$(mktemp -d /tmp/qtscheduler-postgres.XXXXXX)
    chmod 755 "$PG_DIR"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_DIR"; fi
    as_owner "$bindir/initdb" -D "$PG_DIR/data" -U qtscheduler -A trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
    for attempt in 1 2 3 4 5; do
        PG_PORT=$(free_port)
        if start_server; then break; fi
        if [ "$attempt" -eq 5 ]; then
            echo "postgres-fixture: the server did not start; its log:" >&2
            cat "$PG_DIR/server.log" >&2 || true
            exit 1
        fi
    done
    as_owner "$bindir/createdb" -h 127.0.0.1 -p "$PG_PORT" -U qtscheduler qtscheduler_test
    PG_URL="postgresql://qtscheduler@127.0.0.1:$PG_PORT/qtscheduler_test"
    cat >"$statefile" <<STATE
PG_DIR=$PG_DIR
PG_PORT=$PG_PORT
PG_URL=$PG_URL
QTSCHEDULER_TEST_POSTGRES_URL=$PG_URL
STATE
    echo "postgres-fixture: PostgreSQL running at $PG_URL (cluster in $PG_DIR)"
    ;;
stop)
    if [ -f "$statefile" ]; then
        # shellcheck disable=SC1090
        . "$statefile"
        stop_server
        rm -rf "$PG_DIR" "$statefile"
    fi
    ;;
pause)
    # shellcheck disable=SC1090
    . "$statefile"
    stop_server
    ;;
resume)
    # shellcheck disable=SC1090
    . "$statefile"
    start_server
    ;;
*)
    echo "postgres-fixture: unknown command '$command'" >&2
    exit 2
    ;;
esac
