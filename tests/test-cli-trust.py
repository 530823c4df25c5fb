#!/usr/bin/env python3
"""lateral-cli and untrusted input: the regression tests of issue 14.

Copyright 2026 The Lateral authors
SPDX-License-Identifier: GPL-3.0-or-later

A learner plays the mini case and exports a bundle; the tests then edit that
bundle the way a curious student would (forged correctness, unknown claims,
impossible times, copies under new UUIDs, another learner's UUIDs, deep
nesting, control characters) and check the exact outcome of importing it on
the teacher's machine: what is refused, what is flagged and why, the exit
code, and what the database holds afterwards.
"""
import copy
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid

cli = sys.argv[1]
source_dir = os.environ["LATERAL_SOURCE_DIR"]
mini_case = os.path.join(source_dir, "tests", "play", "mini-case.json")
PACK_ID = "org.example.mini-case"

results = []


def check(what, ok, detail=""):
    results.append((what, bool(ok), detail))


def make_home(root, name, pack=mini_case):
    home = os.path.join(root, name)
    packs = os.path.join(root, name + "-packs")
    os.makedirs(packs)
    shutil.copy(pack, os.path.join(packs, "mini-case.json"))
    env = dict(os.environ, XDG_DATA_HOME=home, LATERAL_PACKS_DIR=packs, LC_ALL="C.UTF-8")
    return env, os.path.join(home, "lateral", "lateral.db")


def run(env, *args, stdin="", timeout=60):
    return subprocess.run([cli, *args], input=stdin, capture_output=True, text=True, env=env,
                          timeout=timeout)


def query(db, sql, *params):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def write_json(root, name, value):
    path = os.path.join(root, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f)
    return path


def learner_bundle(root, name, stdin="unverified 2\ntrue 3\nfalse 3\n"):
    """A bundle as a learner's machine writes it: the mini case played once."""
    env, _ = make_home(root, name)
    out = run(env, "play", PACK_ID, "--profile", name, "--class", "7B", stdin=stdin)
    assert out.returncode == 0, out.stderr
    path = os.path.join(root, name + ".json")
    out = run(env, "export", "--output", path)
    assert out.returncode == 0, out.stderr
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def test_deep_bundle(root):
    env, db = make_home(root, "deep-teacher")
    path = os.path.join(root, "deep.json")
    with open(path, "w") as f:
        f.write('{"format":"lateral-results/1","profiles":' + "[" * 80000 + "]" * 80000 + ',"attempts":[]}')
    out = run(env, "import", path)
    check("a bundle nested 80,000 deep is refused, not a crash",
          out.returncode == 1 and f"{path}:1:73: error: nested deeper than 32 levels" in out.stderr,
          f"{out.returncode} {out.stderr}")


def main():
    with tempfile.TemporaryDirectory() as root:
        test_deep_bundle(root)

    print(f"1..{len(results)}")
    failed = 0
    for i, (what, ok, detail) in enumerate(results, 1):
        print(("ok" if ok else "not ok") + f" {i} - {what}")
        if not ok:
            failed += 1
            for line in str(detail).splitlines():
                print("# " + line)
    sys.exit(1 if failed else 0)


main()
