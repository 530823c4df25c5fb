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


def answers_in(db, attempt_uuid):
    return query(db, "SELECT claim_id, correct, mark FROM answers WHERE attempt_uuid = ? ORDER BY rowid",
                 attempt_uuid)


def flags_of(db, attempt_uuid):
    return query(db, "SELECT flags FROM attempts WHERE uuid = ?", attempt_uuid)


def test_forged(root, bundle):
    attempt = bundle["attempts"][0]
    a_uuid = attempt["uuid"]

    # Learner answered photo "false" at certainty 3: wrong, -6.
    forged = copy.deepcopy(bundle)
    for answer in forged["attempts"][0]["answers"]:
        answer["correct"], answer["mark"] = True, answer["certainty"]
    env, db = make_home(root, "t-forged")
    out = run(env, "import", write_json(root, "forged.json", forged))
    check("forged correctness: imported, flagged, exit 3",
          out.returncode == 3 and "1 added" in out.stdout and ", 1 flagged" in out.stdout
          and f"attempt {a_uuid} (Ana): flagged: 1 answer’s correctness or mark disagreed with this "
              "machine’s copy of the pack and was recomputed (“photo”)" in out.stdout, out.stdout)
    check("forged correctness: the teacher's pack decides",
          answers_in(db, a_uuid) == [("the-call", 1, 2), ("prank", 1, 3), ("photo", 0, -6)]
          and flags_of(db, a_uuid) == [("recomputed",)], answers_in(db, a_uuid))
    out = run(env, "import", os.path.join(root, "forged.json"))
    check("forged correctness: a second import adds nothing and still says so",
          out.returncode == 3 and "0 added, 1 already present, 0 rejected, 1 flagged" in out.stdout, out.stdout)

    unknown = copy.deepcopy(bundle)
    answers = unknown["attempts"][0]["answers"]
    for i in range(1000 - len(answers)):
        extra = dict(answers[0], claim_id=f"made-up-{i}", correct=True, mark=2)
        answers.append(extra)
    env, db = make_home(root, "t-unknown")
    out = run(env, "import", write_json(root, "unknown.json", unknown))
    check("answers to claims the pack lacks: left out and flagged, exit 3",
          out.returncode == 3 and "997 answers are to claims the pack does not have; they were left out"
          in out.stdout and len(answers_in(db, a_uuid)) == 3, out.stdout)
    out = run(env, "history")
    check("history then shows 3/3 answered, never 1000/9, and the flag",
          "3/3" in out.stdout and "1000" not in out.stdout and "flagged" in out.stdout, out.stdout)

    times = copy.deepcopy(bundle)
    times["attempts"][0]["started_at"] = "9999-01-01T00:00:00Z"
    times["attempts"][0]["finished_at"] = "1970-01-01T00:00:01Z"
    env, db = make_home(root, "t-times")
    out = run(env, "import", write_json(root, "times.json", times))
    check("a start in 9999 and a finish in 1970: flagged, exit 3",
          out.returncode == 3 and "flagged: dated in the future of this machine’s clock" in out.stdout
          and "flagged: finished before it started" in out.stdout
          and "flagged: 3 answers are dated outside the attempt’s start and finish" in out.stdout
          and flags_of(db, a_uuid) == [("future-time impossible-time",)], out.stdout)

    copies = copy.deepcopy(bundle)
    for i in range(50):
        copies["attempts"].append(dict(copy.deepcopy(attempt), uuid=str(uuid.uuid4())))
    env, db = make_home(root, "t-copies")
    out = run(env, "import", path_a := write_json(root, "copies.json", copies))
    check("50 copies under new UUIDs: kept, each flagged as a copy of the first",
          out.returncode == 3 and "51 added" in out.stdout and ", 50 flagged" in out.stdout
          and out.stdout.count(f"flagged: a copy of attempt {a_uuid} under another id") == 50
          and query(db, "SELECT count(*) FROM attempts WHERE flags = 'duplicate'") == [(50,)], out.stdout)
    env, db = make_home(root, "t-copies-later")
    run(env, "import", write_json(root, "original.json", bundle))
    one_copy = copy.deepcopy(bundle)
    one_copy["attempts"][0]["uuid"] = str(uuid.uuid4())
    out = run(env, "import", write_json(root, "one-copy.json", one_copy))
    check("a copy imported after the original is flagged too",
          out.returncode == 3 and f"flagged: a copy of attempt {a_uuid} under another id" in out.stdout, out.stdout)


def test_format_versions(root, bundle):
    check("export writes lateral-results/2", bundle["format"] == "lateral-results/2", bundle["format"])
    old = dict(copy.deepcopy(bundle), format="lateral-results/1")
    env, db = make_home(root, "t-v1")
    out = run(env, "import", write_json(root, "v1.json", old))
    check("a lateral-results/1 bundle is still read, and checked the same way",
          out.returncode == 0 and "1 added" in out.stdout, out.stdout + out.stderr)
    out = run(env, "report")
    check("report: nothing flagged, no FLAGGED line", out.returncode == 0 and "FLAGGED" not in out.stdout,
          out.stdout)


def test_report_flags(root, bundle):
    forged = copy.deepcopy(bundle)
    for answer in forged["attempts"][0]["answers"]:
        answer["correct"], answer["mark"] = True, answer["certainty"]
    env, db = make_home(root, "t-report")
    run(env, "import", write_json(root, "forged-report.json", forged))
    out = run(env, "report")
    check("report: flagged work is shown, never counted silently",
          "FLAGGED: 1 attempt was flagged on import" in out.stdout
          and "FLAGGED: Ana: 1 attempt flagged on import (recomputed)" in out.stdout, out.stdout)
    out = run(env, "report", "--format", "json")
    report = json.loads(out.stdout)
    check("report --format json: flagged_attempts and flags per student",
          report["students"][0]["flagged_attempts"] == 1 and report["students"][0]["flags"] == "recomputed"
          and report["students"][0]["best_mark"] == 2 + 3 - 6, report["students"])


def test_shadowing_pack(root, bundle):
    shadow = copy.deepcopy(bundle)
    attempt = shadow["attempts"][0]
    attempt["pack"]["version"] = "9.0.0"
    attempt["pack"]["hash"] = "sha256:" + "0" * 64
    for answer in attempt["answers"]:
        answer["verdict"], answer["correct"], answer["mark"] = "true", True, answer["certainty"]
    env, db = make_home(root, "t-shadow")
    out = run(env, "import", write_json(root, "shadow.json", shadow))
    check("a bundle played with a pack version the teacher lacks: flagged, exit 3",
          out.returncode == 3 and "flagged: played with version 9.0.0 of org.example.mini-case, which this "
          "machine does not have: not recomputed" in out.stdout, out.stdout)
    attempt["pack"]["version"] = bundle["attempts"][0]["pack"]["version"]
    attempt["uuid"] = str(uuid.uuid4())
    attempt["started_at"] = "2026-01-01T00:00:00Z"
    for answer in attempt["answers"]:
        answer["answered_at"] = "2026-01-01T00:01:00Z"
    attempt["finished_at"] = "2026-01-01T00:02:00Z"
    out = run(env, "import", write_json(root, "shadow-hash.json", shadow))
    check("same version, another content hash: flagged with the hash, exit 3",
          out.returncode == 3 and "flagged: played with a copy of org.example.mini-case 1.0.0 whose content "
          "differs from this machine’s (hash sha256:" + "0" * 64 + "): not recomputed" in out.stdout, out.stdout)


def test_identity(root, ana, ben):
    # Ben edits his bundle: Ana's learner id, her name with a twist, 2099.
    hijack = copy.deepcopy(ben)
    ana_profile = ana["profiles"][0]["uuid"]
    hijack["profiles"][0].update(uuid=ana_profile, name="Ana CHEATS", created_at="2099-01-01T00:00:00Z")
    hijack["attempts"][0]["profile_uuid"] = ana_profile
    env, db = make_home(root, "t-hijack")
    out = run(env, "import", write_json(root, "hijack.json", hijack))
    check("a profile dated 2099 is flagged", out.returncode == 3
          and "flagged: dated in the future of this machine’s clock" in out.stdout, out.stdout)
    out = run(env, "import", write_json(root, "ana.json", ana))
    check("the real Ana after a hijack: her attempt is flagged with both names",
          out.returncode == 3 and "flagged: its learner id came earlier with the name “Ana CHEATS”, now with “Ana”"
          in out.stdout, out.stdout)

    # Ben reuses Ana's attempt id.
    stolen = copy.deepcopy(ben)
    stolen["attempts"][0]["uuid"] = ana["attempts"][0]["uuid"]
    env, db = make_home(root, "t-stolen")
    run(env, "import", write_json(root, "stolen.json", stolen))
    before = answers_in(db, ana["attempts"][0]["uuid"])
    out = run(env, "import", os.path.join(root, "ana.json"))
    check("an attempt id already here with other content: a conflict, exit 3, the first kept",
          out.returncode == 3 and "0 added, 0 already present, 1 rejected" in out.stdout
          and "is already here with another learner, pack or start time" in out.stdout
          and answers_in(db, ana["attempts"][0]["uuid"]) == before, out.stdout)

    # Two learners called Ana: the teacher's own and another machine's.
    env, db = make_home(root, "t-same-name")
    out = run(env, "play", PACK_ID, "--profile", "Ana", stdin="true 1\n")
    local = query(db, "SELECT uuid FROM profiles")
    out = run(env, "import", os.path.join(root, "ana.json"))
    check("importing another machine's Ana: exit 0", out.returncode == 0, out.stdout + out.stderr)
    check("the imported Ana is kept apart (imported = 1), the local one stays last used",
          query(db, "SELECT uuid, imported FROM profiles ORDER BY imported") == [(local[0][0], 0),
                                                                               (ana_profile, 1)], local)
    out = run(env, "play", PACK_ID, "--profile", "Ana", stdin="false 2\n")
    mine = query(db, "SELECT count(*) FROM answers w JOIN attempts a ON a.uuid = w.attempt_uuid"
                     " WHERE a.profile_uuid = ?", local[0][0])
    check("local Ana's next play resumes her own unfinished attempt", mine == [(2,)], out.stdout + str(mine))


def main():
    with tempfile.TemporaryDirectory() as root:
        test_deep_bundle(root)
        ana = learner_bundle(root, "Ana")
        ben = learner_bundle(root, "Ben", stdin="unverified 1\nfalse 1\nmisleading 3\n")
        test_forged(root, ana)
        test_format_versions(root, ana)
        test_report_flags(root, ana)
        test_shadowing_pack(root, ana)
        test_identity(root, ana, ben)

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
