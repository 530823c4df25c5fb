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


def first_frame(program):
    """Microseconds from just before exec to the end of the first paint, and peak RSS."""
    home, env = clean_env()
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


def startup():
    app, floor = os.path.join(bench, "startup-app"), os.path.join(bench, "startup-floor")
    first_frame(app), first_frame(floor)  # warm the caches of both alike
    times = {app: [], floor: []}
    rss = {app: [], floor: []}
    for _ in range(args.runs):
        for program in (app, floor):
            t, r = first_frame(program)
            times[program].append(t)
            rss[program].append(r)
    t_app, t_floor = statistics.median(times[app]), statistics.median(times[floor])
    r_app, r_floor = statistics.median(rss[app]), statistics.median(rss[floor])
    rows.append(("start-up to first frame", f"{t_app / 1000:.0f} ms", f"{t_floor / 1000:.0f} ms",
                 t_app / t_floor, 1.3))
    rows.append(("peak memory at first frame", f"{r_app / 1024:.1f} MiB", f"{r_floor / 1024:.1f} MiB",
                 r_app / r_floor, 1.2))


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


try:
    startup()
    core_bench("pack-load")
    core_bench("store-answers")
    core_bench("class-scale")
    core_bench("report")
finally:
    shutil.rmtree(shared_cache, ignore_errors=True)

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
