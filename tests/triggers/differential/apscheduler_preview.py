#!/usr/bin/python3
"""APScheduler 3.9.1's answer to `qtscheduler preview --batch` requests.

Reads the same JSON lines as `qtscheduler preview --batch`,
    {"trigger": {...}, "from": "ISO", "count": N}
and prints one line for each, in order:
    {"times": ["ISO", ...]}       the sequence APScheduler computes
    {"error": "message"}          APScheduler refused the trigger (or the request is not understood)
    {"hang": true}                APScheduler did not answer within the per-case timeout

The sequence has the preview's semantics, with no jitter: t0 = get_next_fire_time(None, now=from),
t(i+1) = get_next_fire_time(t(i), now=t(i)), ending where APScheduler returns None. Its AndTrigger
never returns when its triggers have no common fire time (and loops as soon as it is given a previous
fire time and its children disagree), so every case runs under a timer (signal.setitimer). Most of
those loops are caught at once instead: APScheduler's And loop asks its children again with
now = max(their answers); when that leaves `now` unchanged, the next round asks the same questions
and gets the same answers forever. A probe on the first child reports that as a hang without
waiting for the timer (APScheduler's own loop still does all the work).

Run it with Debian's interpreter, which has python3-apscheduler: /usr/bin/python3.
Usage: apscheduler_preview.py [--timeout SECONDS] < requests.jsonl > answers.jsonl
"""

import argparse
import json
import signal
import sys

import pytz
from apscheduler.triggers.combining import AndTrigger, OrTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger
from apscheduler.util import convert_to_datetime

# APScheduler 3.9.1's from_crontab() knows no @-aliases; these are their standard five-field forms
# (day of week in APScheduler's numbering, where 0 is Monday: written by name to stay unambiguous).
CRONTAB_ALIASES = {
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
    "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * sun",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@hourly": "0 * * * *",
}


class Timeout(Exception):
    pass


class LoopProbe:
    """Stands in for the first child of an AndTrigger: the same `now` twice in a row within one
    get_next_fire_time() call means APScheduler's loop can never end."""

    def __init__(self, trigger):
        self.trigger = trigger
        self.last_now = None

    def reset(self):
        self.last_now = None

    def get_next_fire_time(self, previous_fire_time, now):
        if now == self.last_now:
            raise Timeout()
        self.last_now = now
        return self.trigger.get_next_fire_time(previous_fire_time, now)


class ProbedAndTrigger(AndTrigger):
    def get_next_fire_time(self, previous_fire_time, now):
        self.triggers[0].reset()
        return super().get_next_fire_time(previous_fire_time, now)


def on_alarm(signum, frame):
    raise Timeout()


def zone_of(spec, default):
    name = spec.get("timezone")
    return pytz.timezone(name) if name else default


def make_trigger(spec, default_zone):
    kind = spec.get("type")
    tz = zone_of(spec, default_zone)
    if kind == "date":
        return DateTrigger(run_date=spec.get("run_date"), timezone=tz)
    if kind == "interval":
        return IntervalTrigger(weeks=spec.get("weeks", 0), days=spec.get("days", 0),
                               hours=spec.get("hours", 0), minutes=spec.get("minutes", 0),
                               seconds=spec.get("seconds", 0), start_date=spec.get("start_date"),
                               end_date=spec.get("end_date"), timezone=tz)
    if kind == "cron":
        if "crontab" in spec:
            expr = spec["crontab"].strip()
            expr = CRONTAB_ALIASES.get(expr.lower(), expr)
            return CronTrigger.from_crontab(expr, timezone=tz)
        fields = {name: spec[name] for name in CronTrigger.FIELD_NAMES
                  if name in spec and spec[name] is not None}
        return CronTrigger(start_date=spec.get("start_date"), end_date=spec.get("end_date"),
                           timezone=tz, **fields)
    if kind in ("and", "or"):
        children = [make_trigger(child, default_zone) for child in spec["triggers"]]
        if kind == "and":
            return ProbedAndTrigger([LoopProbe(children[0])] + children[1:])
        return OrTrigger(children)
    raise ValueError("unknown trigger type %r" % (kind,))


def answer(line, default_zone, timeout):
    if not line.strip():
        return {"error": "empty line"}
    try:
        request = json.loads(line)
        trigger = make_trigger(request["trigger"], default_zone)
        now = convert_to_datetime(request["from"], default_zone, "from")
        count = int(request.get("count", 10))
    except Exception as e:  # the driver reports what APScheduler refuses, it does not judge it
        return {"error": "%s: %s" % (type(e).__name__, e)}

    times = []
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        t = trigger.get_next_fire_time(None, now)
        while t is not None and len(times) < count:
            times.append(t.isoformat())
            if len(times) == count:
                break
            t = trigger.get_next_fire_time(t, t)
    except Timeout:
        return {"hang": True, "times": times}
    except Exception as e:
        return {"error": "%s: %s" % (type(e).__name__, e)}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return {"times": times}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=0.5,
                        help="seconds APScheduler may take for one request (default 0.5)")
    parser.add_argument("--timezone", default="UTC",
                        help="zone of triggers that name none, and of a 'from' without offset")
    args = parser.parse_args()
    default_zone = pytz.timezone(args.timezone)
    signal.signal(signal.SIGALRM, on_alarm)
    out = sys.stdout
    for line in sys.stdin:
        out.write(json.dumps(answer(line, default_zone, args.timeout)) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
