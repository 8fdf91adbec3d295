#!/usr/bin/python3
"""APScheduler 3.9.1's side of bench_triggers: next-fire-time computations per second.

Run with Debian's /usr/bin/python3 (python3-apscheduler, pytz). Each case feeds every result back as
the next start (get_next_fire_time(previous, previous)), starting at 2026-01-01T00:00:00Z and starting
over when the result passes 2100 or the trigger ends, exactly as bench_triggers.cpp does. Prints one
JSON object per case: {"case": ..., "zone": ..., "per_second": ..., "calls": ..., "checksum": ...}.

    /usr/bin/python3 bench_triggers_apscheduler.py [--seconds 1.0] [--zones UTC,Europe/Berlin]
"""

import argparse
import json
import sys
import time
from datetime import datetime

import pytz
from apscheduler.triggers.cron import CronTrigger

CASES = [
    ("*/5 * * * *", lambda tz: CronTrigger.from_crontab("*/5 * * * *", timezone=tz)),
    ("0 9 * * mon-fri", lambda tz: CronTrigger.from_crontab("0 9 * * mon-fri", timezone=tz)),
    ("day='last fri' 23:59", lambda tz: CronTrigger(day="last fri", hour=23, minute=59, timezone=tz)),
    ("second='*/7'", lambda tz: CronTrigger(second="*/7", timezone=tz)),
    ("Feb 29 12:00", lambda tz: CronTrigger(month=2, day=29, hour=12, timezone=tz)),
]


def measure(trigger, budget):
    start = pytz.utc.localize(datetime(2026, 1, 1))
    previous = None
    calls = 0
    checksum = 0
    began = time.perf_counter()
    deadline = began + budget
    while True:
        for _ in range(64):
            fire = trigger.get_next_fire_time(previous, previous if previous else start)
            calls += 1
            if fire is None or fire.year >= 2100:
                previous = None
            else:
                previous = fire
                checksum += fire.minute
        now = time.perf_counter()
        if now >= deadline:
            return calls / (now - began), calls, checksum


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=1.0, help="time budget per case")
    parser.add_argument("--zones", default="UTC,Europe/Berlin")
    args = parser.parse_args()
    for zone in args.zones.split(","):
        tz = pytz.timezone(zone)
        for name, make in CASES:
            per_second, calls, checksum = measure(make(tz), args.seconds)
            print(json.dumps({"case": name, "zone": zone, "per_second": per_second, "calls": calls,
                              "checksum": checksum}))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
