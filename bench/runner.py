#!/usr/bin/env python3
"""Runs Lateral's benchmarks against their floors and prints one table.

Each measure runs the product and its floor alternately RUNS times, takes the
median of each, and reports the ratio. See docs/benchmarks.md.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ap = argparse.ArgumentParser()
ap.add_argument("--builddir", required=True)
ap.add_argument("--srcdir", required=True)
ap.add_argument("--runs", type=int, default=11)
args = ap.parse_args()

bench = os.path.join(args.builddir, "bench")


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


load_at_start = loadavg()
rows = []

# One cache folder for the whole session, shared by the product and its
# floor: the warm-up runs fill it (Mesa's shader cache above all, which
# otherwise costs seconds of llvmpipe compiling at every start), so the
# runs measure a usual start, not a first one after install.
shared_cache = tempfile.mkdtemp(prefix="lateral-bench-cache-")


def clean_env():
    """A throwaway home for each run: no person's data, nothing carried over but caches."""
    home = tempfile.mkdtemp(prefix="lateral-bench-")
    env = dict(os.environ)
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_STATE_HOME", "state")):
        path = os.path.join(home, sub)
        os.makedirs(path, exist_ok=True)
        env[var] = path
    env["XDG_CACHE_HOME"] = shared_cache
    env["GSETTINGS_BACKEND"] = "memory"
    env["GSETTINGS_SCHEMA_DIR"] = os.path.join(args.builddir, "data")
    env["LATERAL_PACKS_DIR"] = os.path.join(args.srcdir, "data", "packs")
    return home, env


VERDICTS = ["true", "false", "misleading", "unverified"]


def make_full_data():
    """A data folder as a teacher's machine has it after a term: 10,000 answers
    from 200 learners (imported as a class bundle with the built lateral-cli)
    and 5 packs of the user's own. Made once; each run gets a copy."""
    import json
    import uuid
    data = tempfile.mkdtemp(prefix="lateral-bench-data-")
    packs_dir = os.path.join(data, "lateral", "packs")
    os.makedirs(packs_dir)
    import hashlib
    with open(os.path.join(args.srcdir, "data", "packs", "prank-call.json"), "rb") as f:
        raw = f.read()
    builtin = json.loads(raw)
    content_hash = hashlib.sha256(raw).hexdigest()  # the pack's content hash, as played
    for n in range(1, 6):
        own = dict(builtin, id=f"org.example.own-case-{n}", title=f"{builtin['title']} ({n})")
        with open(os.path.join(packs_dir, f"own-case-{n}.json"), "w", encoding="utf-8") as f:
            json.dump(own, f, ensure_ascii=False, indent=2)
    # The case's own claims, so every answer is kept (answers to claims a
    # pack lacks are left out on import).
    claims = [(step["id"], step["verdict"], [step["verdict"]] + step.get("also_accepted", []))
              for step in builtin["steps"] if step.get("type") == "claim"]
    device = str(uuid.uuid4())
    profiles = [{"uuid": str(uuid.uuid4()), "name": f"Learner {i:03}", "created_at": "2026-11-24T09:00:00Z"}
                for i in range(200)]
    attempts, n_answers = [], 0
    while n_answers < 10000:
        k = len(attempts)
        answers = []
        # Each learner's attempts on days of their own: two attempts with the
        # same learner, pack and start would be flagged as copies.
        day = f"2026-{9 + (k // 200) // 28:02}-{1 + (k // 200) % 28:02}"
        for c, (claim, verdict, accepted) in enumerate(claims):
            seed = k * 7 + c * 13
            given = verdict if seed % 3 else VERDICTS[(VERDICTS.index(verdict) + 1) % 4]
            certainty = 1 + seed % 3
            correct = given in accepted
            answers.append({"claim_id": claim, "verdict": given, "certainty": certainty, "moves": [],
                            "time_ms": 5000 + seed % 20000, "answered_at": f"{day}T09:{11 + c:02}:00Z",
                            "correct": correct, "mark": certainty if correct else {1: 0, 2: -2, 3: -6}[certainty],
                            "moves_expected": 0, "moves_unexpected": 0})
        n_answers += len(answers)
        attempts.append({"uuid": str(uuid.uuid4()), "profile_uuid": profiles[k % 200]["uuid"],
                         "pack": {"id": builtin["id"], "version": builtin["version"], "hash": content_hash},
                         "class_code": "7B", "device_id": device, "started_at": f"{day}T09:10:00Z",
                         "finished_at": f"{day}T09:30:00Z", "answers": answers})
    bundle = os.path.join(data, "class.json")
    with open(bundle, "w", encoding="utf-8") as f:
        json.dump({"format": "lateral-results/1", "generator": "bench", "exported_at": "2026-11-25T10:00:00Z",
                   "device_id": device, "profiles": profiles, "attempts": attempts}, f)
    env = dict(os.environ, XDG_DATA_HOME=data, LATERAL_PACKS_DIR=os.path.join(args.srcdir, "data", "packs"))
    cli = os.path.join(args.builddir, "src", "cli", "lateral-cli")
    out = subprocess.run([cli, "import", bundle], env=env, capture_output=True, text=True)
    if out.returncode != 0 or f"{len(attempts)} added" not in out.stdout:
        raise RuntimeError(f"the full data folder could not be made: {out.stdout[-400:]} {out.stderr[-400:]}")
    os.remove(bundle)
    return data


def first_frame(program, data=None):
    """Microseconds from just before exec to the end of the first paint, and peak RSS.
    With DATA, the run's data folder starts as a copy of it."""
    home, env = clean_env()
    if data is not None:
        shutil.copytree(data, env["XDG_DATA_HOME"], dirs_exist_ok=True)
    try:
        start = time.monotonic_ns() // 1000
        out = subprocess.run([program], env=env, capture_output=True, text=True, timeout=60)
        for line in out.stdout.splitlines():
            words = line.split()
            if words[:1] == ["first-frame-us"]:
                return int(words[1]) - start, int(words[3])
        raise RuntimeError(f"{program} reported no frame: {out.stderr[-400:]}")
    finally:
        shutil.rmtree(home, ignore_errors=True)


def startup(data=None, label=""):
    """The floor gets the same data folder: it reads none of it."""
    app, floor = os.path.join(bench, "startup-app"), os.path.join(bench, "startup-floor")
    first_frame(app, data), first_frame(floor, data)  # warm the caches of both alike
    times = {app: [], floor: []}
    rss = {app: [], floor: []}
    for _ in range(args.runs):
        for program in (app, floor):
            t, r = first_frame(program, data)
            times[program].append(t)
            rss[program].append(r)
    t_app, t_floor = statistics.median(times[app]), statistics.median(times[floor])
    r_app, r_floor = statistics.median(rss[app]), statistics.median(rss[floor])
    rows.append((f"start-up to first frame{label}", f"{t_app / 1000:.0f} ms", f"{t_floor / 1000:.0f} ms",
                 t_app / t_floor, 1.15))
    rows.append((f"peak memory at first frame{label}", f"{r_app / 1024:.1f} MiB", f"{r_floor / 1024:.1f} MiB",
                 r_app / r_floor, 1.1))


def core_bench(program):
    """A core benchmark prints lines 'NAME product_us floor_us target [absolute-limit-us]',
    TAB-separated; a floor of 0 means none (an absolute limit only), a target of '-' none."""
    path = os.path.join(bench, program)
    if not os.path.exists(path):
        return
    home, env = clean_env()
    try:
        out = subprocess.run([path, "--runs", str(args.runs), "--srcdir", args.srcdir],
                             env=env, capture_output=True, text=True, timeout=600)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if out.returncode != 0:
        raise RuntimeError(f"{program} failed: {out.stderr[-800:]}")
    for line in out.stdout.splitlines():
        if "\t" not in line:
            continue
        name, product, floor, target, *limit = line.split("\t")
        product, floor = float(product), float(floor)
        rows.append((name, f"{product / 1000:.2f} ms", f"{floor / 1000:.2f} ms" if floor else "-",
                     product / floor if floor else None, float(target) if target != "-" else None,
                     float(limit[0]) / 1000 if limit else None, product / 1000))


full_data = None
try:
    startup()
    full_data = make_full_data()
    startup(full_data, ", full data folder")
    # One broken benchmark does not hide the others' figures.
    for program in ("pack-load", "store-answers", "class-scale", "report"):
        try:
            core_bench(program)
        except RuntimeError as error:
            print(f"bench/runner.py: {error}", file=sys.stderr)
            rows.append((f"{program}: failed (see stderr)", "-", "-", None, 0.0))
finally:
    shutil.rmtree(shared_cache, ignore_errors=True)
    if full_data is not None:
        shutil.rmtree(full_data, ignore_errors=True)

print(f"Lateral benchmarks: median of {args.runs} runs each, ratios against floors run alongside")
print(f"{time.strftime('%Y-%m-%d %H:%M %Z')}, {os.uname().nodename}, {os.cpu_count()} CPUs, "
      f"load average {load_at_start} at the start, {loadavg()} at the end")
print()
print(f"| {'measure':<44} | {'Lateral':>12} | {'floor':>12} | {'ratio':>6} | {'target':>16} | ok  |")
print(f"|{'-' * 46}|{'-' * 14}|{'-' * 14}|{'-' * 8}|{'-' * 18}|-----|")
failed = 0
for row in rows:
    name, product, floor, ratio, target = row[:5]
    limit_ms = row[5] if len(row) > 5 else None
    absolute_ms = row[6] if len(row) > 6 else None
    ok = True
    goal = []
    if target is not None:
        goal.append(f"<= {target:g}x")
        ok = ok and ratio is not None and ratio <= target
    if limit_ms is not None:
        goal.append(f"< {limit_ms:g} ms")
        ok = ok and absolute_ms < limit_ms
    failed += 0 if ok else 1
    ratio_s = f"{ratio:.2f}x" if ratio is not None else "-"
    print(f"| {name:<44} | {product:>12} | {floor:>12} | {ratio_s:>6} | {' and '.join(goal):>16} | {'yes' if ok else 'NO':<3} |")
print()
print(f"{len(rows) - failed} within target, {failed} not")
