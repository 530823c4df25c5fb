#!/usr/bin/env python3
"""A simulated class: thirty learners play the built-in case on their own
machines, the instructor gathers their bundles and reads the report.

Each learner has their own XDG_DATA_HOME and plays io.github.lateral.prank-call
with `lateral-cli play` and scripted answers (right and wrong ones, at every
certainty; some play twice, one leaves a second attempt unfinished), then
exports a bundle. The instructor imports them all, twice (the second time
adds nothing), and `lateral-cli report --format json` must give the numbers
this script works out itself from the scripted answers and the pack's
verdicts. The PDF must have the number of pages docs/report.md's layout
rules give, and its text must name every student. Also: new-pack writes a
pack that validate accepts, and bad filters fail with a clear message.
"""
import concurrent.futures
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile

cli = sys.argv[1]
source_dir = os.environ["LATERAL_SOURCE_DIR"]
packs_dir = os.path.join(source_dir, "data", "packs")
pack_file = os.path.join(packs_dir, "prank-call.json")
VERDICTS = ["true", "false", "misleading", "unverified"]
CBM = {(True, 1): 1, (True, 2): 2, (True, 3): 3, (False, 1): 0, (False, 2): -2, (False, 3): -6}

results = []


def check(what, ok, detail=""):
    results.append((what, bool(ok), detail))


def env_for(home):
    return dict(os.environ, XDG_DATA_HOME=home, LATERAL_PACKS_DIR=packs_dir, LC_ALL="C.UTF-8", TZ="UTC")


def run(env, *args, stdin=""):
    return subprocess.run([cli, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120)


with open(pack_file, encoding="utf-8") as f:
    PACK = json.load(f)
PACK_ID = PACK["id"]
CLAIMS = [s for s in PACK["steps"] if s["type"] == "claim"]
ACCEPTED = {c["id"]: {c["verdict"], *c.get("also_accepted", [])} for c in CLAIMS}
TECHNIQUES = {c["id"]: c["reveal"]["techniques"] for c in CLAIMS}

NAMES = ["Ana", "Ben", "Cleo", "Dário", "Eve", "Farah", "Gustav", "Hana", "Ines", "Jonas",
         "Kofi", "Lena", "Mateus", "Nora", "Olek", "Pia", "Quinn", "Rosa", "Sami", "Tomás",
         "Ugo", "Vera", "Wim", "Xiao", "Yara", "Zoë Ångström", "O'Brien, Pat", "Émile", "Ilse", "Jun"]


def script_for(index):
    """The attempts of one learner: lists of (claim_id, verdict, certainty)."""
    rng = random.Random(1000 + index)
    skill = 0.35 + 0.6 * (index % 10) / 9  # some mostly right, some mostly wrong

    def attempt(n_claims, skill=skill):
        lines = []
        for claim in CLAIMS[:n_claims]:
            right = rng.random() < skill
            options = sorted(ACCEPTED[claim["id"]]) if right else \
                [v for v in VERDICTS if v not in ACCEPTED[claim["id"]]]
            lines.append((claim["id"], rng.choice(options), rng.randint(1, 3)))
        return lines

    attempts = [attempt(len(CLAIMS))]
    if index == 3:
        attempts.append(attempt(len(CLAIMS), skill=0.0))  # played again, all wrong: best and latest differ
    elif index % 7 == 3:
        attempts.append(attempt(len(CLAIMS)))   # played again
    if index == 29:
        attempts.append(attempt(4))             # left unfinished
    return attempts


def class_of(index):
    return "7A" if index < 17 else "7B"


def play_learner(root, index):
    home = os.path.join(root, f"learner-{index}")
    env = env_for(home)
    name = NAMES[index]
    for attempt in script_for(index):
        stdin = "".join(f"{verdict} {certainty}\n" for _, verdict, certainty in attempt)
        out = run(env, "play", PACK_ID, "--profile", name, "--class", class_of(index), stdin=stdin)
        finished = len(attempt) == len(CLAIMS)
        if out.returncode != (0 if finished else 1):
            return f"{name}: play exited {out.returncode}: {out.stderr}"
    bundle = os.path.join(root, f"bundle-{index}.json")
    out = run(env, "export", "--output", bundle)
    if out.returncode != 0:
        return f"{name}: export exited {out.returncode}: {out.stderr}"
    return bundle


def expected_report():
    students = {}
    claims = {}
    for index, name in enumerate(NAMES):
        code = class_of(index)
        totals = []
        n = correct = 0
        for attempt in script_for(index):
            total = 0
            for claim_id, verdict, certainty in attempt:
                right = verdict in ACCEPTED[claim_id]
                total += CBM[(right, certainty)]
                n += 1
                correct += right
                c = claims.setdefault((code, claim_id), {"answers": 0, "correct": 0, "certainty": 0,
                                                         "wrong": {}, "high": 0})
                c["answers"] += 1
                c["correct"] += right
                c["certainty"] += certainty
                if not right:
                    c["wrong"][verdict] = c["wrong"].get(verdict, 0) + 1
                    c["high"] += certainty == 3
            if len(attempt) == len(CLAIMS):
                totals.append(total)
        students[(code, name)] = {
            "attempts": len(script_for(index)), "answers": n, "correct": correct,
            "percent_correct": 100 * correct / n,
            "best_mark": max(totals), "latest_mark": totals[-1],
        }
    for c in claims.values():
        c["percent_correct"] = 100 * c["correct"] / c["answers"]
        c["mean_certainty"] = c["certainty"] / c["answers"]
        most = max(c["wrong"].values(), default=0)
        c["most_common_wrong"] = next((v for v in VERDICTS if c["wrong"].get(v) == most), None) if most else None
    return students, claims


def close(a, b):
    return a is not None and b is not None and abs(a - b) < 1e-9


def compare(report, students, claims):
    got = {(s["class_code"], s["profile"]): s for s in report["students"]}
    check("the report lists every student once, in their class",
          set(got) == set(students) and len(report["students"]) == len(students),
          sorted(set(got) ^ set(students)))
    bad = [key for key, want in students.items() if key in got and not (
        got[key]["pack_id"] == PACK_ID and got[key]["attempts"] == want["attempts"]
        and got[key]["answers"] == want["answers"] and got[key]["correct"] == want["correct"]
        and close(got[key]["percent_correct"], want["percent_correct"])
        and got[key]["best_mark"] == want["best_mark"] and got[key]["latest_mark"] == want["latest_mark"])]
    check("each student's attempts, best and latest marks and percent correct are as scripted", not bad,
          [(key, got.get(key), students[key]) for key in bad[:3]])
    check("some students have a best mark above their latest one",
          any(s["best_mark"] != s["latest_mark"] for s in students.values()))

    got = {(c["class_code"], c["claim_id"]): c for c in report["claims"]}
    check("the report lists every claim of every class", set(got) == set(claims), sorted(set(got) ^ set(claims)))
    bad = [key for key, want in claims.items() if key in got and not (
        got[key]["answers"] == want["answers"]
        and close(got[key]["percent_correct"], want["percent_correct"])
        and close(got[key]["mean_certainty"], want["mean_certainty"])
        and got[key]["most_common_wrong"] == want["most_common_wrong"]
        and got[key]["wrong_at_high_certainty"] == want["high"])]
    check("each claim's answers, percent correct, mean certainty, most common wrong verdict and "
          "wrong-at-certainty-3 count are as scripted", not bad,
          [(key, got.get(key), claims[key]) for key in bad[:3]])
    check("the class was sure and wrong somewhere", any(c["high"] > 0 for c in claims.values()))

    for code in ("7A", "7B"):
        want = {}
        for (c_code, claim_id), c in claims.items():
            if c_code != code:
                continue
            for technique in TECHNIQUES[claim_id]:
                t = want.setdefault(technique, [0, 0])
                t[0] += c["answers"]
                t[1] += c["correct"]
        got_t = {t["technique_id"]: [t["answers"], t["correct"]] for t in report["techniques"]
                 if t["class_code"] == code}
        check(f"class {code}: per-technique answers and right answers", got_t == want, (got_t, want))


def expected_pages(report):
    """docs/report.md's layout: A4, 842 pt high, 40 pt margins, a 20 pt footer."""
    usable_bottom = 842 - 40 - 20
    pages = 0
    for group in report["groups"]:
        pages += 1
        y = 40 + 84  # the title block
        key = (group["class_code"], group["pack_id"])
        n_students = sum(1 for r in report["students"] if (r["class_code"], r["pack_id"]) == key)
        n_claims = sum(1 for r in report["claims"] if (r["class_code"], r["pack_id"]) == key)
        # The grid: one table per run of 16 claims, a row per student, then its key line.
        tables = [("students", n_students), ("claims", n_claims)]
        tables += [("grid", n_students) for _ in range(0, n_claims, 16)]
        tables += [("techniques", sum(1 for r in report["techniques"] if (r["class_code"], r["pack_id"]) == key))]
        for table, rows in tables:
            if rows == 0:
                continue
            if y + 30 + 2 * 16 > usable_bottom:
                pages, y = pages + 1, 40
            y += 30 + 16
            for _ in range(rows):
                if y + 16 > usable_bottom:
                    pages, y = pages + 1, 40 + 30 + 16
                y += 16
            if table == "grid":
                if y + 16 > usable_bottom:
                    pages, y = pages + 1, 40
                y += 16
        if y + 30 + 170 > usable_bottom:
            pages, y = pages + 1, 40
    return pages


def test_class(root):
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        played = list(pool.map(lambda i: play_learner(root, i), range(len(NAMES))))
    errors = [p for p in played if not p.endswith(".json")]
    check("thirty learners play and export a bundle each", not errors, errors[:3])
    if errors:
        return
    bundles = played

    teacher = env_for(os.path.join(root, "teacher"))
    first = run(teacher, "import", *bundles)
    n_attempts = sum(len(script_for(i)) for i in range(len(NAMES)))
    added = sum(int(line.split("attempts: ")[1].split(" added")[0]) for line in first.stdout.splitlines()
                if "attempts: " in line)
    check("the instructor imports every attempt", first.returncode == 0 and added == n_attempts,
          (added, n_attempts, first.stderr))
    before = run(teacher, "report", "--format", "json")
    again = run(teacher, "import", *bundles)
    check("importing them again adds nothing",
          again.returncode == 0 and again.stdout.count(" 0 added,") == len(bundles), again.stdout[:300])
    after = run(teacher, "report", "--format", "json")
    strip = lambda text: {k: v for k, v in json.loads(text).items() if k != "created_at"}
    check("and the report is the same after the second import",
          before.returncode == 0 and strip(before.stdout) == strip(after.stdout))

    report = json.loads(after.stdout)
    check("the report is format lateral-report/1 with two groups, one per class",
          report["format"] == "lateral-report/1"
          and [(g["class_code"], g["pack_id"]) for g in report["groups"]] == [("7A", PACK_ID), ("7B", PACK_ID)],
          report["groups"])
    students, claims = expected_report()
    compare(report, students, claims)

    one = run(teacher, "report", "--class", "7B", "--pack", PACK_ID, "--format", "json")
    one_report = json.loads(one.stdout) if one.returncode == 0 else {"students": []}
    check("--class and --pack keep only that class",
          {s["profile"] for s in one_report["students"]} == {n for i, n in enumerate(NAMES) if class_of(i) == "7B"},
          one.stderr)

    text = run(teacher, "report")
    check("the text report names every student and both classes",
          text.returncode == 0 and all(n in text.stdout for n in NAMES)
          and "Class 7A" in text.stdout and "Class 7B" in text.stdout, text.stdout[:400])
    csv_out = subprocess.run([cli, "report", "--format", "csv"], capture_output=True, env=teacher, timeout=120)
    rows = list(csv.reader(io.StringIO(csv_out.stdout.decode("utf-8"), newline="")))
    check("the CSV report has CRLF line ends, a row per student and per claim",
          csv_out.returncode == 0 and b"\r\nstudents," in csv_out.stdout and b"\n" not in csv_out.stdout.replace(b"\r\n", b"")
          and sum(r[:1] == ["students"] for r in rows) == len(NAMES)
          and sum(r[:1] == ["claims"] for r in rows) == len(claims)
          and ["students", "7B", PACK_ID, PACK["version"], "O'Brien, Pat"] in [r[:5] for r in rows], csv_out.stdout[:300])

    pdf = os.path.join(root, "class.pdf")
    out = run(teacher, "report", "--format", "json", "--pdf", pdf)
    check("--pdf writes the PDF and still prints the report", out.returncode == 0 and os.path.exists(pdf)
          and json.loads(out.stdout)["format"] == "lateral-report/1", out.stderr)
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True)
    pages = next((int(line.split()[-1]) for line in info.stdout.splitlines() if line.startswith("Pages:")), -1)
    check("the PDF has the number of pages the layout rules give", pages == expected_pages(report),
          (pages, expected_pages(report)))
    pdf_text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    missing = [n for n in NAMES if n not in pdf_text]
    check("the PDF's text names every student", not missing, missing)
    check("the PDF has the title block and the tables",
          PACK["title"] in pdf_text and "Class 7A" in pdf_text and "Students" in pdf_text
          and "Claims" in pdf_text and "Calibration" in pdf_text)
    # The grid: every student's row holds one symbol per claim, and the key says what they mean.
    n_claims = len(CLAIMS)
    grid_rows = [line for line in pdf_text.splitlines()
                 if any(line.strip().startswith(n) for n in NAMES)
                 and sum(line.count(sym) for sym in ("✓", "✗", "·")) == n_claims]
    check("the PDF's grid has a row of symbols for every student, and its key",
          f"Answers by student, claims 1–{min(n_claims, 16)}" in pdf_text
          and "✓ right · ✗ wrong · ✗! very sure and wrong · · not answered" in pdf_text
          and len(grid_rows) >= len(NAMES), (len(grid_rows), len(NAMES), pdf_text[-1500:]))


def test_bad_input(root):
    env = env_for(os.path.join(root, "empty"))
    out = run(env, "report")
    check("a report with no results says so and exits 1",
          out.returncode == 1 and "no results yet" in out.stderr, out.stderr)
    out = run(env, "report", "--pack", "org.example.no-such-pack")
    check("an unknown pack id is named, exit 1",
          out.returncode == 1 and "no pack with that id" in out.stderr, out.stderr)
    out = run(env, "report", "--class", "9Z")
    check("a class with no data is named, exit 1", out.returncode == 1 and "“9Z”" in out.stderr, out.stderr)
    out = run(env, "report", "--format", "xml")
    check("an unknown format is a usage error", out.returncode == 2 and "xml" in out.stderr, out.stderr)


def test_class_codes(root):
    """--class everywhere: play records it, export (bundle and CSV), history and report filter by it."""
    env = env_for(os.path.join(root, "one-machine"))
    right = "".join(f"{sorted(ACCEPTED[c['id']])[0]} 2\n" for c in CLAIMS)
    out = run(env, "play", PACK_ID, "--profile", "Ana", "--class", "7A", stdin=right)
    check("play --class 7A finishes", out.returncode == 0, out.stderr)
    out = run(env, "play", PACK_ID, "--profile", "Ana", "--class", "7B", stdin="true 1\ntrue 1\n")
    check("an unfinished attempt in class 7B", out.returncode == 1, out.stderr)
    out = run(env, "play", PACK_ID, "--profile", "Ana", "--class", "7C", stdin=right.split("\n", 2)[2])
    check("resuming it under another --class says the attempt stays in its class",
          out.returncode == 0 and "begun in class “7B”" in out.stderr, out.stderr)

    bundle = os.path.join(root, "7a.json")
    out = run(env, "export", "--class", "7A", "--output", bundle)
    with open(bundle, encoding="utf-8") as f:
        attempts = json.load(f)["attempts"]
    check("export --class keeps only that class's attempts",
          out.returncode == 0 and [a["class_code"] for a in attempts] == ["7A"], attempts)
    out = run(env, "export", "--class", "7B", "--format", "csv", "--output", "-")
    rows = list(csv.reader(io.StringIO(out.stdout)))
    check("export --format csv --class keeps only that class's answers",
          out.returncode == 0 and len(rows) == 1 + len(CLAIMS) and {r[1] for r in rows[1:]} == {"7B"}, out.stdout[:300])
    out = run(env, "history", "--class", "7A")
    check("history --class lists only that class",
          out.returncode == 0 and out.stdout.count("class 7A") == 1 and "7B" not in out.stdout, out.stdout)
    out = run(env, "report", "--class", "7C")
    check("report --class 7C finds nothing: the resumed attempt kept 7B", out.returncode == 1, out.stdout)
    out = run(env, "report", "--class", "7B", "--format", "json")
    report = json.loads(out.stdout) if out.returncode == 0 else {"students": [{}]}
    check("report --class 7B counts the resumed attempt",
          report["students"][0].get("answers") == len(CLAIMS), out.stderr)


def test_new_pack(root):
    env = env_for(os.path.join(root, "author"))
    folder = os.path.join(root, "my packs")
    out = run(env, "new-pack", folder, "--title", "Élections 2026: the \"fake\" poll")
    path = os.path.join(folder, "elections-2026-the-fake-poll.json")
    check("new-pack writes DIR/SLUG.json", out.returncode == 0 and os.path.exists(path), out.stdout + out.stderr)
    check("and tells the author to change the id",
          "org.example.elections-2026-the-fake-poll" in out.stdout and "Change the id" in out.stdout, out.stdout)
    out = run(env, "validate", path)
    check("validate accepts the starter pack", out.returncode == 0, out.stderr)
    with open(path, encoding="utf-8") as f:
        pack = json.load(f)
    claims = [s for s in pack["steps"] if s["type"] == "claim"]
    check("the starter has a story, a claim with checks and a source, and a glossary entry",
          pack["title"] == "Élections 2026: the \"fake\" poll" and len(claims) == 1
          and any(s["type"] == "story" for s in pack["steps"]) and claims[0]["moves"]["options"]
          and claims[0]["reveal"]["sources"] and pack["techniques"], pack)
    check("the starter is lateral-pack/2: habits, asks on every check, a takeaway",
          pack["format"] == "lateral-pack/2" and pack["habits"]
          and all(o.get("asks") for o in claims[0]["moves"]["options"]) and claims[0]["reveal"]["takeaway"], pack)
    out = run(env, "play", path, "--profile", "Author", stdin="unverified 2\n")
    check("the starter pack can be played", out.returncode == 0, out.stderr)
    before = open(path, "rb").read()
    out = run(env, "new-pack", folder, "--title", "Elections 2026 -- the fake poll")
    check("new-pack never overwrites a file",
          out.returncode == 1 and "already exists" in out.stderr and open(path, "rb").read() == before, out.stderr)
    out = run(env, "new-pack", folder)
    check("new-pack without --title is a usage error", out.returncode == 2 and "--title" in out.stderr, out.stderr)


def main():
    # Thirty learners commit every answer with synchronous=FULL; on a RAM
    # disk those syncs cost nothing, and durability is not what this tests.
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(dir=shm) as root:
        test_class(root)
        test_bad_input(root)
        test_class_codes(root)
        test_new_pack(root)
    print(f"1..{len(results)}")
    for i, (what, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {what}")
        if not ok:
            for line in str(detail).splitlines() or [""]:
                print(f"# {line}")
    return 0


sys.exit(main())
