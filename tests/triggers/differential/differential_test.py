#!/usr/bin/python3
"""Differential test: `qtscheduler preview --batch` against APScheduler 3.9.1.

Generates seeded trigger cases (date, interval, cron in every expression form and as crontab lines,
and, or) in several zones, with starting points around DST transitions, month ends and leap days;
runs them through `qtscheduler preview --batch` and through apscheduler_preview.py (APScheduler
3.9.1, Debian's python3-apscheduler), and requires the same fire times (compared in the trigger's zone,
offsets included), except where a difference is one of the deliberate ones listed in KNOWN_DIFFERENCES
below, each with its reason. Anything else fails the test and is printed as a case to reproduce:

    echo '<request line>' | qtscheduler preview --batch --timezone ZONE
    echo '<request line>' | /usr/bin/python3 apscheduler_preview.py --timezone ZONE

Usage: differential_test.py --qtscheduler PATH [--cases N] [--seed S] [--skip-cron] [--verbose]
"""

import argparse
import collections
import datetime as dt
import json
import os
import random
import subprocess
import sys
import time

try:
    import pytz
    import apscheduler  # noqa: F401  (the driver needs it)
except ImportError as e:
    print("skipped: %s (install python3-apscheduler; scripts/install-deps.sh does)" % e)
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVER = os.path.join(HERE, "apscheduler_preview.py")
sys.path.insert(0, HERE)
import apscheduler_preview  # noqa: E402  (the driver's trigger construction, for the checks below)

ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
         "Pacific/Chatham"]

# Debian's pytz reads the system's "slim" tzdata and knows no DST rule after its last listed
# transition (2037): APScheduler's times from then on are wrong in DST zones, so neither side's times
# from this instant on are compared.
COMPARE_UNTIL = dt.datetime(2037, 1, 1, tzinfo=pytz.utc)

KNOWN_DIFFERENCES = {
    "fold": "DST fold (a wall time that occurs twice) in a cron schedule: DESIGN.md fires a fixed hour at "
            "its first occurrence, and both occurrences when the hour field matches every hour; APScheduler "
            "3.9.1 resolves every repeated wall time to its second occurrence (pytz is_dst=False), so it "
            "fires a fixed hour an hour late and skips the first pass of an hourly schedule.",
    "gap": "DST gap with several fire times in the skipped wall-clock hour (02:00, 02:15, ... on a spring-forward "
           "night): DESIGN.md fires each once, at the instant the offset before the gap gives it (03:00, 03:15, "
           "... CEST); APScheduler 3.9.1 computes that instant for the first one it reaches and then searches on "
           "from it, already past the rest (or, reaching the gap by incrementing a field, lands after it and "
           "skips even the first). Checked: each time only we give is a skipped wall time the expression "
           "matches, moved by the gap, and APScheduler's times are among ours.",
    "or-date-child": "Or with a date child: APScheduler passes the Or's previous fire time to every child, "
                     "so a date child never fires once anything else has; here each child keeps its own "
                     "schedule and the date fires on its date.",
    "or-interval-child": "Or with an interval child: APScheduler adds the interval to whichever child fired "
                         "last; here the interval keeps its own grid start_date + k * interval.",
    "cron-dst-shift": "APScheduler 3.9.1's cron, moving to a later day, month or year across a DST change, adds "
                      "a naive time difference to a datetime that keeps the old UTC offset, so the wall clock "
                      "lands off by the DST shift and it skips fire times that match its own expression (after "
                      "spring forward in New York, '0-30/10 * * * mon' starts at 01:00 instead of 00:00). Checked: "
                      "the times only we give match the expression by APScheduler's own fields, a DST change lies "
                      "before the first of them, and APScheduler's times are among ours.",
    "or-child-start-date": "Or with a cron child that has a start_date: APScheduler hands the child the Or's "
                           "previous fire time, and its cron trigger, given a previous fire time, ignores its "
                           "start_date, so it fires before it; here a child never fires before its start_date.",
    "cron-search-to-9999": "A cron expression that can never fire (day 31 in February, 'last fri' on weekends): "
                           "APScheduler 3.9.1 steps through the years up to 9999 and takes seconds before it "
                           "returns None or raises OverflowError, past the per-case timer; we know at once. The "
                           "times APScheduler gave before it was stopped must still match.",
    "and-hangs": "And where APScheduler 3.9.1 never returns (its AndTrigger loops without a common time, and "
                 "as soon as it has a previous fire time while its children disagree): here the search is "
                 "bounded and ends with an error or finds the common time. The times APScheduler gave before "
                 "it hung must still match.",
}


# ---------------------------------------------------------------------------------------------------
# Starting points: DST transitions, month ends, leap days, ordinary days.

def transitions(zone_name):
    tz = pytz.timezone(zone_name)
    times = getattr(tz, "_utc_transition_times", [])
    return [pytz.utc.localize(t) for t in times
            if dt.datetime(2000, 1, 1) <= t < dt.datetime(2036, 6, 1)]


def is_ambiguous_or_missing(tz, naive):
    try:
        tz.localize(naive, is_dst=None)
        return False
    except (pytz.AmbiguousTimeError, pytz.NonExistentTimeError):
        return True


class Generator:
    def __init__(self, seed, with_cron):
        self.rng = random.Random(seed)
        self.with_cron = with_cron
        self.transitions = {zone: transitions(zone) for zone in ZONES}

    def instant(self, zone):
        """A starting point: near a DST change, a month end, a leap day or anywhere."""
        r = self.rng
        tz = pytz.timezone(zone)
        kind = r.random()
        if kind < 0.4 and self.transitions[zone]:
            base = r.choice(self.transitions[zone]) + dt.timedelta(minutes=r.randint(-26 * 60, 26 * 60))
        elif kind < 0.6:
            year, month = r.randint(2001, 2035), r.randint(1, 12)
            first_next = dt.datetime(year + (month == 12), month % 12 + 1, 1)
            local = first_next - dt.timedelta(minutes=r.randint(1, 36 * 60))
            base = tz.localize(local, is_dst=False).astimezone(pytz.utc)
        elif kind < 0.75:
            year = r.choice([2004, 2008, 2012, 2016, 2020, 2024, 2028, 2032])
            local = dt.datetime(year, 2, 28) + dt.timedelta(minutes=r.randint(0, 72 * 60))
            base = tz.localize(local, is_dst=False).astimezone(pytz.utc)
        else:
            base = pytz.utc.localize(dt.datetime(2001, 1, 1) + dt.timedelta(seconds=r.randint(0, 34 * 365 * 86400)))
        # Whole seconds, and mostly whole minutes (cron fires on whole seconds; APScheduler rounds up).
        base = base.replace(microsecond=0)
        if r.random() < 0.7:
            base = base.replace(second=0)
        return base

    def iso(self, instant, zone, local_ok=True):
        """An ISO text for an instant: local (when the wall time is unambiguous) or with an offset."""
        tz = pytz.timezone(zone)
        local = instant.astimezone(tz)
        if local_ok and self.rng.random() < 0.5 and not is_ambiguous_or_missing(tz, local.replace(tzinfo=None)):
            return local.replace(tzinfo=None).isoformat()
        if self.rng.random() < 0.3:
            return instant.astimezone(pytz.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return local.isoformat()

    # --- leaf triggers --------------------------------------------------------------------------------

    def date(self, zone, around):
        r = self.rng
        run = around + dt.timedelta(seconds=r.choice([-1, 1]) * r.randint(0, 3 * 86400))
        return {"type": "date", "run_date": self.iso(run, zone), "timezone": zone}

    def interval(self, zone, around, small=False):
        r = self.rng
        spec = {"type": "interval", "timezone": zone}
        choice = r.random()
        if choice < 0.3:
            spec["seconds"] = r.choice([1, 5, 7, 30, 45, 0.5, 1.5, 90])
        elif choice < 0.6:
            spec["minutes"] = r.choice([1, 5, 10, 15, 30, 45, 90, 0.5])
        elif choice < 0.8 or small:
            spec["hours"] = r.choice([1, 2, 3, 6, 12, 24, 0.25, 1.5])
        elif choice < 0.92:
            spec["days"] = r.choice([1, 2, 7, 0.5])
        else:
            spec["weeks"] = r.choice([1, 2])
        if r.random() < 0.2:
            spec["minutes"] = spec.get("minutes", 0) + r.choice([1, 10])
        start = around + dt.timedelta(seconds=r.randint(-20 * 86400, 2 * 86400))
        spec["start_date"] = self.iso(start.replace(second=0), zone)
        if r.random() < 0.25:
            end = start + dt.timedelta(seconds=r.randint(0, 10 * 86400))
            spec["end_date"] = self.iso(end.replace(second=0), zone)
        return spec

    def cron_fields(self):
        r = self.rng
        pools = {
            "second": ["0", "*/7", "0,30", "15-45/10", "*/30", "59"],
            "minute": ["*", "*/5", "0", "30", "0-30/10", "5,35", "59", "*/15", "45"],
            "hour": ["*", "*/2", "9", "2", "1-3", "0,12", "9-17", "23", "2-3", "*/3", "1", "0"],
            "day": ["*", "1", "15", "31", "last", "1-7", "*/10", "2nd fri", "last sun", "29", "30",
                    "1st mon", "3rd wed", "5th fri", "last fri", "28-31", "*/2"],
            "month": ["*", "2", "feb", "*/3", "1-6", "jan,jul", "dec", "mar,oct", "4", "10-12"],
            "day_of_week": ["*", "mon-fri", "sun", "0", "5-6", "mon,wed,fri", "sat", "sat,sun", "6"],
            "week": ["*", "1", "*/2", "10-20", "53", "13"],
            "year": ["*", "2024", "2026-2030", "*/2", "2028,2032"],
        }
        weights = {"second": 0.25, "minute": 0.7, "hour": 0.7, "day": 0.35, "month": 0.25,
                   "day_of_week": 0.3, "week": 0.05, "year": 0.07}
        fields = {name: r.choice(pool) for name, pool in pools.items() if r.random() < weights[name]}
        if not fields:
            fields["minute"] = r.choice(pools["minute"])
        if r.random() < 0.3:   # some values as numbers, as JSON allows
            for name, value in list(fields.items()):
                if value.isdigit():
                    fields[name] = int(value)
        return fields

    def crontab(self):
        r = self.rng
        if r.random() < 0.15:
            return r.choice(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"])
        minute = r.choice(["*", "*/5", "0", "30", "15,45", "0-30/10", "59"])
        hour = r.choice(["*", "*/2", "9", "2", "9-17", "0", "1-3", "23"])
        dom = r.choice(["*", "*", "1", "15", "31", "1-7", "29", "last"])
        month = r.choice(["*", "*", "*/3", "2", "jan,jul", "10-12"])
        dow = r.choice(["*", "*", "mon-fri", "sun", "0", "sat,sun", "3"])
        return " ".join([minute, hour, dom, month, dow])

    def cron(self, zone, around):
        r = self.rng
        if r.random() < 0.3:
            return {"type": "cron", "crontab": self.crontab(), "timezone": zone}
        spec = {"type": "cron", "timezone": zone}
        spec.update(self.cron_fields())
        if r.random() < 0.15:
            spec["start_date"] = self.iso(around + dt.timedelta(hours=r.randint(-48, 48)), zone)
        if r.random() < 0.15:
            spec["end_date"] = self.iso(around + dt.timedelta(hours=r.randint(0, 24 * 60)), zone)
        return spec

    def leaf(self, zone, around, kinds):
        kind = self.rng.choice(kinds)
        if kind == "date":
            return self.date(zone, around)
        if kind == "interval":
            return self.interval(zone, around, small=True)
        return self.cron(zone, around)

    def case(self):
        r = self.rng
        zone = r.choice(ZONES)
        around = self.instant(zone)
        kinds = ["date", "interval", "cron"] if self.with_cron else ["date", "interval"]
        roll = r.random()
        if roll < 0.07:
            trigger = self.date(zone, around)
        elif roll < (0.35 if self.with_cron else 0.8):
            trigger = self.interval(zone, around)
        elif self.with_cron and roll < 0.8:
            trigger = self.cron(zone, around)
        elif roll < 0.88:
            # And: children that often share times (a cron and a coarser cron, an interval on a cron grid).
            children = [self.leaf(zone, around, kinds) for _ in range(2)]
            trigger = {"type": "and", "triggers": children}
        else:
            children = [self.leaf(zone, around, kinds) for _ in range(r.randint(1, 3))]
            if r.random() < 0.15:
                children.append({"type": "or", "triggers": [self.leaf(zone, around, kinds)]})
            trigger = {"type": "or", "triggers": children}
        start = around - dt.timedelta(seconds=r.randint(0, 3 * 3600))
        request = {"trigger": trigger, "from": self.iso(start, zone, local_ok=False),
                   "count": r.randint(3, 15)}
        return zone, request


# ---------------------------------------------------------------------------------------------------
# Running both sides.

def run_batch(command, lines):
    proc = subprocess.run(command, input=("\n".join(lines) + "\n").encode(), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False)
    if proc.returncode != 0:
        sys.exit("%s failed (exit %d): %s" % (command[0], proc.returncode, proc.stderr.decode()[-2000:]))
    answers = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    if len(answers) != len(lines):
        sys.exit("%s answered %d lines for %d requests" % (command[0], len(answers), len(lines)))
    return answers


def in_zone(text, zone):
    """An ISO time from APScheduler, written in `zone` with the offset in force (as qtscheduler writes)."""
    t = dt.datetime.fromisoformat(text).astimezone(pytz.timezone(zone))
    return t.isoformat()


def utc(text):
    return dt.datetime.fromisoformat(text).astimezone(pytz.utc)


def comparable(times):
    return [t for t in times if utc(t) < COMPARE_UNTIL]


def contains_type(spec, kind):
    if spec.get("type") == kind:
        return True
    return any(contains_type(child, kind) for child in spec.get("triggers", []))


def direct_children_types(spec):
    return {child.get("type") for child in spec.get("triggers", [])} | {
        t for child in spec.get("triggers", []) if child.get("type") == "or" for t in direct_children_types(child)}


def ours_run_dates(spec, zone):
    """The run dates of the date triggers among an or's children, as ISO text with an offset."""
    dates = []
    for child in spec.get("triggers", []):
        if child.get("type") == "date":
            tz = pytz.timezone(child.get("timezone", zone))
            text = child["run_date"]
            t = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            if t.tzinfo is None:
                t = tz.localize(t, is_dst=True)   # the generator writes only unambiguous local times
            dates.append(t.isoformat())
        elif child.get("type") == "or":
            dates += ours_run_dates(child, zone)
    return dates


def fold_explains(ours, theirs, zone):
    """Every difference is at a wall time that occurs twice: we fire its first occurrence (or both),
    APScheduler its second."""
    tz = pytz.timezone(zone)
    if not ours and not theirs:
        return False
    a, b = [utc(t) for t in ours], [utc(t) for t in theirs]
    horizon = min(a[-1] if a else COMPARE_UNTIL, b[-1] if b else COMPARE_UNTIL)
    only_ours = [t for t in a if t <= horizon and t not in b]
    only_theirs = [t for t in b if t <= horizon and t not in a]
    if not only_ours and not only_theirs:
        return False

    def ambiguous(t, first):
        local = t.astimezone(tz).replace(tzinfo=None)
        try:
            tz.localize(local, is_dst=None)
            return False
        except pytz.AmbiguousTimeError:
            earlier = tz.localize(local, is_dst=True).astimezone(pytz.utc)
            later = tz.localize(local, is_dst=False).astimezone(pytz.utc)
            return t == (min(earlier, later) if first else max(earlier, later))
        except pytz.NonExistentTimeError:
            return False

    # We fire the first occurrence (and, for an hour field matching every hour, the second too, which
    # APScheduler can also miss when it jumps from a first occurrence); APScheduler only second ones.
    return (all(ambiguous(t, True) or ambiguous(t, False) for t in only_ours)
            and all(ambiguous(t, False) for t in only_theirs))


def cron_matches(trigger, instant, ignore_dates=False):
    """Whether an instant matches a CronTrigger's expression, by APScheduler's own fields."""
    local = instant.astimezone(trigger.timezone).replace(tzinfo=None)
    if not ignore_dates:
        if trigger.start_date and instant < trigger.start_date:
            return False
        if trigger.end_date and instant > trigger.end_date:
            return False
    return all(field.get_next_value(local) == field.get_value(local) for field in trigger.fields)


def fires_at(spec, zone, instant):
    """Whether a trigger fires at an instant by APScheduler's own definitions (no sequence needed)."""
    kind = spec["type"]
    if kind in ("and", "or"):
        results = (fires_at(child, zone, instant) for child in spec["triggers"])
        return all(results) if kind == "and" else any(results)
    trigger = apscheduler_preview.make_trigger(spec, pytz.timezone(zone))
    if kind == "cron":
        return cron_matches(trigger, instant)
    if kind == "date":
        return trigger.run_date == instant
    delta = instant - trigger.start_date
    return (delta >= dt.timedelta(0) and delta % trigger.interval == dt.timedelta(0)
            and (not trigger.end_date or instant <= trigger.end_date))


def cron_children(spec, zone):
    for child in spec.get("triggers", []):
        if child["type"] == "cron":
            yield apscheduler_preview.make_trigger(child, pytz.timezone(zone))
        elif child["type"] == "or":
            yield from cron_children(child, zone)


def gap_wall_time(zone, instant):
    """The wall time a gap moved to `instant`: read with the offset in force before the latest DST
    change (within a day), when that wall time does not exist; else None."""
    tz = pytz.timezone(zone)
    changes = [c for c in transitions(zone) if instant - dt.timedelta(days=1) < c <= instant]
    if not changes:
        return None
    offset_before = (changes[-1] - dt.timedelta(seconds=1)).astimezone(tz).utcoffset()
    wall = (instant + offset_before).replace(tzinfo=None)
    try:
        tz.localize(wall, is_dst=None)
        return None
    except pytz.NonExistentTimeError:
        return wall
    except pytz.AmbiguousTimeError:
        return None


def fires_at_wall(spec, zone, wall, instant):
    """Whether a cron-based trigger's expression matches a wall-clock reading (dates by the instant)."""
    kind = spec["type"]
    if kind in ("and", "or"):
        results = (fires_at_wall(child, zone, wall, instant) for child in spec["triggers"])
        return all(results) if kind == "and" else any(results)
    if kind != "cron":
        return False
    trigger = apscheduler_preview.make_trigger(spec, pytz.timezone(zone))
    if (trigger.start_date and instant < trigger.start_date) or (trigger.end_date and instant > trigger.end_date):
        return False
    return all(field.get_next_value(wall) == field.get_value(wall) for field in trigger.fields)


def dst_change_before(zone, before, instant):
    return any(before - dt.timedelta(days=1) < change <= instant for change in transitions(zone))


def horizon(times, complete):
    """Up to where a list of fire times tells the whole sequence: its end if it stopped at the count
    (or APScheduler was stopped), else everywhere."""
    return times[-1] if times and not complete else COMPARE_UNTIL


def explain_missing(request, zone, a, b, a_complete, b_complete, extra_ok=lambda t: None):
    """APScheduler's times (b) are among ours (a) as far as both lists reach, and each time only we give
    is explained: by extra_ok(t) (a reason), or as a fire time of the trigger by APScheduler's own
    definitions that APScheduler skipped after a DST change (its cron DST-shift bug). Returns the reason,
    "" when APScheduler's times are among ours with nothing of ours left over, None when unexplained."""
    spec = request["trigger"]
    limit = min(horizon(a, a_complete), horizon(b, b_complete))
    if not {t for t in b if t <= limit} <= set(a):
        return None
    only_ours = [t for t in a if t <= limit and t not in b]
    if not only_ours:
        return ""   # consistent, but nothing of ours to explain
    start = utc(request["from"].replace("Z", "+00:00"))
    common = sorted(set(a) & set(b))
    reasons = set()
    for t in only_ours:
        reason = extra_ok(t)
        last_common = max([x for x in common if x < t], default=start)
        if reason:
            reasons.add(reason)
        elif contains_type(spec, "cron") and fires_at(spec, zone, t) and dst_change_before(zone, last_common, t):
            reasons.add("cron-dst-shift")
        elif gap_wall_time(zone, t) and fires_at_wall(spec, zone, gap_wall_time(zone, t), t):
            reasons.add("gap")
        else:
            return None
    return min(reasons, key=list(KNOWN_DIFFERENCES).index)


def explain_or(request, zone, ours, theirs, ours_complete, theirs_complete):
    spec = request["trigger"]
    a, b = [utc(t) for t in ours], [utc(t) for t in theirs]
    if "interval" in direct_children_types(spec):
        # Without a previous fire time both ask every child for its first time: that time agrees.
        return "or-interval-child" if a[:1] == b[:1] else None
    # APScheduler hands a cron child the Or's previous fire time, and a cron trigger given a previous
    # fire time does not look at its start_date: it fires before it.
    early = {t for t in b if t not in a and any(
        c.start_date and t < c.start_date and cron_matches(c, t, ignore_dates=True) for c in cron_children(spec, zone))}
    run_dates = {utc(t) for t in ours_run_dates(spec, zone)}
    reason = explain_missing(request, zone, a, [t for t in b if t not in early], ours_complete, theirs_complete,
                             lambda t: "or-date-child" if t in run_dates else None)
    if early and reason is not None:
        return "or-child-start-date"
    return reason or None


def classify(zone, request, ours, theirs):
    """None when the two agree; else the name of a known difference, or "unexplained"."""
    spec = request["trigger"]
    hang = theirs.get("hang", False)
    if "error" in ours or "error" in theirs:
        if "error" in ours and "error" in theirs:
            return None
        if hang and spec["type"] == "and":
            return "and-hangs"
        return "unexplained"
    our_times = comparable(ours["times"])
    their_times = comparable([in_zone(t, zone) for t in theirs["times"]])
    a, b = [utc(t) for t in our_times], [utc(t) for t in their_times]
    # A list shorter than the count is the whole sequence (unless APScheduler was stopped).
    ours_complete = len(ours["times"]) < request["count"]
    theirs_complete = len(theirs["times"]) < request["count"] and not hang
    if hang:
        if our_times[:len(their_times)] != their_times:
            # What APScheduler gave before it hung is off: its cron DST shift, or nothing known.
            return explain_missing(request, zone, a, b, ours_complete, theirs_complete) or "unexplained"
        if spec["type"] == "and":
            return "and-hangs"
        if contains_type(spec, "cron"):
            return "cron-search-to-9999"
        return "unexplained"
    if our_times == their_times:
        return None
    if contains_type(spec, "cron") and fold_explains(our_times, their_times, zone):
        return "fold"
    if spec["type"] == "or":
        return explain_or(request, zone, our_times, their_times, ours_complete, theirs_complete) or "unexplained"
    return explain_missing(request, zone, a, b, ours_complete, theirs_complete) or "unexplained"


def main():
    parser = argparse.ArgumentParser(description="qtscheduler preview --batch against APScheduler 3.9.1")
    parser.add_argument("--qtscheduler", required=True, help="path of the qtscheduler binary")
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--timeout", type=float, default=0.2, help="APScheduler's time per case (s)")
    parser.add_argument("--skip-cron", action="store_true", help="no cron cases (before CronTrigger exists)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    started = time.monotonic()
    generator = Generator(args.seed, not args.skip_cron)
    by_zone = collections.defaultdict(list)
    for _ in range(args.cases):
        zone, request = generator.case()
        by_zone[zone].append(request)

    counts = collections.Counter()
    by_type = collections.Counter()
    unexplained = []
    examples = {}
    ours_seconds = theirs_seconds = 0.0
    for zone, requests in sorted(by_zone.items()):
        lines = [json.dumps(r, separators=(",", ":")) for r in requests]
        t0 = time.monotonic()
        ours = run_batch([args.qtscheduler, "preview", "--batch", "--timezone", zone], lines)
        t1 = time.monotonic()
        theirs = run_batch(["/usr/bin/python3", DRIVER, "--timezone", zone, "--timeout", str(args.timeout)], lines)
        t2 = time.monotonic()
        ours_seconds += t1 - t0
        theirs_seconds += t2 - t1
        for line, request, a, b in zip(lines, requests, ours, theirs):
            verdict = classify(zone, request, a, b)
            counts[verdict or "identical"] += 1
            if not verdict:
                kind = request["trigger"]["type"]
                if kind == "cron" and "crontab" in request["trigger"]:
                    kind = "crontab"
                by_type[kind] += 1
            if verdict == "unexplained":
                unexplained.append((zone, line, a, b))
            elif verdict and verdict not in examples:
                examples[verdict] = (zone, line, a, b)

    total = sum(counts.values())
    print("differential test: %d cases (seed %d%s), %.1f s (qtscheduler %.2f s, APScheduler %.1f s)"
          % (total, args.seed, ", no cron" if args.skip_cron else "", time.monotonic() - started,
             ours_seconds, theirs_seconds))
    print("  identical fire times: %d (%s)" % (counts["identical"], ", ".join(
        "%s %d" % (kind, n) for kind, n in sorted(by_type.items()))))
    for name, reason in KNOWN_DIFFERENCES.items():
        print("  known difference %-18s %5d   %s" % (name + ":", counts[name], reason if args.verbose else ""))
        if args.verbose and name in examples:
            zone, line, a, b = examples[name]
            print("      e.g. [%s] %s\n        qtscheduler: %s\n        APScheduler: %s" % (zone, line, a, b))
    print("  unexplained differences: %d" % len(unexplained))
    for zone, line, a, b in unexplained[:25]:
        print("\n  [%s] %s\n    qtscheduler: %s\n    APScheduler: %s" % (zone, line, json.dumps(a), json.dumps(b)))
    if unexplained:
        sys.exit(1)
    if counts["identical"] < total * 0.7:
        sys.exit("too few identical cases: the generator or the comparison is broken")


if __name__ == "__main__":
    main()
