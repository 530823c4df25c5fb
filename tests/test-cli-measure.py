#!/usr/bin/env python3
"""A simulated class takes the MIST-20 before and after the built-in case.

Thirty learners, each in their own XDG_DATA_HOME, run `lateral-cli measure
mist-20 --when before`, play io.github.lateral.prank-call, run it again
`--when after` (scripted answers, most improving, some not, two skipping the
after check), and export a bundle. The instructor imports them all, twice,
and the report's `measure` member per class must equal what this script
computes on its own: the means, Cohen's d_z on the change in V and its 95%
interval, with the t quantile computed here by integrating the t density
(a method independent of the C code's continued fraction). Wrong input to
`measure` (unknown, duplicate, missing item, bad answer) exits 1 naming the
line and stores nothing. TAP output.
"""
import concurrent.futures
import json
import math
import os
import random
import sqlite3
import subprocess
import sys
import tempfile

cli = sys.argv[1]
source_dir = os.environ["LATERAL_SOURCE_DIR"]
packs_dir = os.path.join(source_dir, "data", "packs")
measures_dir = os.path.join(source_dir, "data", "measures")
results = []


def check(what, ok, detail=""):
    results.append((what, bool(ok), detail))


def env_for(home):
    return dict(os.environ, XDG_DATA_HOME=home, LATERAL_PACKS_DIR=packs_dir,
                LATERAL_MEASURES_DIR=measures_dir, LC_ALL="C.UTF-8", TZ="UTC")


def run(env, *args, stdin=""):
    return subprocess.run([cli, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120)


with open(os.path.join(packs_dir, "prank-call.json"), encoding="utf-8") as f:
    PACK = json.load(f)
PACK_ID = PACK["id"]
N_CLAIMS = sum(1 for s in PACK["steps"] if s["type"] == "claim")
with open(os.path.join(measures_dir, "mist-20.json"), encoding="utf-8") as f:
    MIST = json.load(f)
TRUTH = {item["id"]: item["truth"] for item in MIST["items"]}
ITEMS = sorted(TRUTH, key=lambda i: (i[0], int(i[1:])))


def answers_for(rng, skill):
    return {i: (TRUTH[i] if rng.random() < skill else ("fake" if TRUTH[i] == "real" else "real")) for i in ITEMS}


def scores(answers):
    r = sum(1 for i, a in answers.items() if TRUTH[i] == "real" and a == "real")
    f = sum(1 for i, a in answers.items() if TRUTH[i] == "fake" and a == "fake")
    n_real = sum(1 for a in answers.values() if a == "real")
    d = max(0, (20 - n_real) - 10)
    n = max(0, n_real - 10)
    return {"V": r + f, "r": r, "f": f, "nd": n - d}


def class_of(index):
    return "7A" if index < 17 else "7B"


def script_for(index):
    rng = random.Random(500 + index)
    skill = 0.45 + 0.4 * (index % 6) / 5
    before = answers_for(rng, skill)
    after = answers_for(rng, min(0.98, skill + rng.choice([-0.05, 0.05, 0.1, 0.2])))
    return before, (after if index not in (4, 21) else None)


def lines(answers, rng):
    order = list(answers)
    rng.shuffle(order)
    return "".join(f"{i} {answers[i]}\n" for i in order)


def learner(root, index):
    home = os.path.join(root, f"learner-{index}")
    env = env_for(home)
    name = f"Learner {index}"
    rng = random.Random(index)
    before, after = script_for(index)
    common = ["--profile", name, "--class", class_of(index), "--pack", PACK_ID]
    out = run(env, "measure", "mist-20", "--when", "before", *common, stdin=lines(before, rng))
    if out.returncode != 0:
        return f"{name}: measure before exited {out.returncode}: {out.stderr}"
    out = run(env, "play", PACK_ID, "--profile", name, "--class", class_of(index), stdin="true 2\n" * N_CLAIMS)
    if out.returncode != 0:
        return f"{name}: play exited {out.returncode}: {out.stderr}"
    if after is not None:
        out = run(env, "measure", "mist-20", "--when", "after", *common, stdin=lines(after, rng))
        if out.returncode != 0 or "Change since before" not in out.stdout or "noisy" not in out.stdout:
            return f"{name}: measure after exited {out.returncode}: {out.stdout} {out.stderr}"
    bundle = os.path.join(root, f"bundle-{index}.json")
    out = run(env, "export", "--output", bundle)
    if out.returncode != 0:
        return f"{name}: export exited {out.returncode}: {out.stderr}"
    return bundle


def t_pdf(x, df):
    return math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi) \
        * (1 + x * x / df) ** (-(df + 1) / 2)


def t_cdf(x, df, steps=4000):
    """P(T <= x) for x >= 0 by Simpson's rule on [0, x]."""
    h = x / steps
    s = t_pdf(0, df) + t_pdf(x, df)
    for k in range(1, steps):
        s += (4 if k % 2 else 2) * t_pdf(k * h, df)
    return 0.5 + s * h / 3


def t_quantile(p, df):
    lo, hi = 0.0, 50.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def expected(indexes):
    pairs = [(scores(b), scores(a)) for b, a in (script_for(i) for i in indexes) if a is not None]
    n = len(pairs)
    mean = {k: sum(p[0][k] for p in pairs) / n for k in ("V", "r", "f", "nd")}
    mean_after = {k: sum(p[1][k] for p in pairs) / n for k in ("V", "r", "f", "nd")}
    diffs = [p[1]["V"] - p[0]["V"] for p in pairs]
    md = sum(diffs) / n
    sd = math.sqrt(sum((d - md) ** 2 for d in diffs) / (n - 1))
    dz = md / sd
    half = t_quantile(0.975, n - 1) / math.sqrt(n)
    items = {}
    for i in ITEMS:
        b = [script_for(k)[0][i] == TRUTH[i] for k in indexes if script_for(k)[1] is not None]
        a = [script_for(k)[1][i] == TRUTH[i] for k in indexes if script_for(k)[1] is not None]
        items[i] = (100 * sum(b) / n, 100 * sum(a) / n)
    return {"pairs": n, "before": mean, "after": mean_after, "d_z": dz, "ci95": [dz - half, dz + half],
            "items": items}


def close(a, b, tol):
    return a is not None and abs(a - b) <= tol


def test_class(root):
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        played = list(pool.map(lambda i: learner(root, i), range(30)))
    errors = [p for p in played if not p.endswith(".json")]
    check("thirty learners take the check before and after, play and export", not errors, "\n".join(errors[:3]))
    if errors:
        return

    with open(played[0], encoding="utf-8") as f:
        bundle = json.load(f)
    check("the bundle is lateral-results/2 with the learner's two checks in `measures`",
          bundle["format"] == "lateral-results/2" and len(bundle["measures"]) == 2
          and {m["when"] for m in bundle["measures"]} == {"before", "after"}, json.dumps(bundle.get("measures"))[:300])

    teacher = env_for(os.path.join(root, "teacher"))
    first = run(teacher, "import", *played)
    check("the instructor imports every bundle", first.returncode == 0 and first.stdout.count("headline checks: 2 added") == 28
          and first.stdout.count("headline checks: 1 added") == 2, first.stdout + first.stderr)
    again = run(teacher, "import", *played)
    check("importing again adds no check", again.returncode == 0 and "headline checks: 0 added" in again.stdout
          and " added, 2 already present" in again.stdout, again.stdout)

    out = run(teacher, "report", "--format", "json")
    check("the report is written", out.returncode == 0, out.stderr)
    report = json.loads(out.stdout)
    for code, indexes in (("7A", range(0, 17)), ("7B", range(17, 30))):
        group = next(g for g in report["groups"] if g["class_code"] == code and g["pack_id"] == PACK_ID)
        m = group["measure"]
        e = expected(list(indexes))
        detail = json.dumps(m)[:600] + "\nexpected " + json.dumps({k: e[k] for k in ("pairs", "before", "after", "d_z", "ci95")})
        check(f"class {code}: pairs count learners with both checks", m["instrument"] == "mist-20" and m["pairs"] == e["pairs"], detail)
        check(f"class {code}: means before and after of V, r, f, n - d, and the change",
              all(close(m["before"][k], e["before"][k], 0.006) and close(m["after"][k], e["after"][k], 0.006)
                  and close(m["change"][k], e["after"][k] - e["before"][k], 0.011) for k in ("V", "r", "f", "nd")), detail)
        check(f"class {code}: d_z and its 95% interval from the t quantile",
              close(m["d_z"], e["d_z"], 0.006) and close(m["ci95"][0], e["ci95"][0], 0.006)
              and close(m["ci95"][1], e["ci95"][1], 0.006), detail)
        got_items = {i["id"]: (i["before"], i["after"]) for i in m["items"]}
        check(f"class {code}: percent correct per item before and after",
              [i["id"] for i in m["items"]] == ITEMS
              and all(close(got_items[i][0], e["items"][i][0], 0.051) and close(got_items[i][1], e["items"][i][1], 0.051)
                      for i in ITEMS), json.dumps(m["items"])[:300])

    text = run(teacher, "report", "--class", "7A")
    check("the text report shows the before/after table, d_z and the chart",
          "learners with both checks" in text.stdout and "Cohen's d_z" in text.stdout and "V after" in text.stdout,
          text.stdout[-1500:])
    csv_out = run(teacher, "report", "--format", "csv")
    measure_rows = [l for l in csv_out.stdout.splitlines() if l.startswith("measure,")]
    item_rows = [l for l in csv_out.stdout.splitlines() if l.startswith("measure_items,")]
    check("the report CSV has a measure row per class (no quoted negatives) and 20 item rows each",
          csv_out.returncode == 0 and len(measure_rows) == 2 and len(item_rows) == 40
          and all(",'" not in l for l in measure_rows), "\n".join(measure_rows))
    answers_csv = run(teacher, "export", "--format", "measures-csv", "--output", "-")
    lines_out = answers_csv.stdout.splitlines()
    check("export --format measures-csv writes one row per item answered in every check (58 checks x 20)",
          answers_csv.returncode == 0 and lines_out[0].startswith("session_uuid,") and len(lines_out) == 1 + 58 * 20,
          answers_csv.stderr + str(len(lines_out)))
    pdf = os.path.join(root, "class.pdf")
    out = run(teacher, "report", "--pdf", pdf)
    check("the PDF report is still written", out.returncode == 0 and os.path.getsize(pdf) > 1000, out.stderr)


def test_bad_input(root):
    env = env_for(os.path.join(root, "bad"))
    full = "".join(f"{i} {TRUTH[i]}\n" for i in ITEMS)
    cases = [
        ("an unknown item", full + "x99 real\n", "line 21: “x99” is not an item of mist-20"),
        ("a duplicate", "f1 fake\n" + full, "line 2: item “f1” is already answered on line 1"),
        ("a missing item", full.replace("r10 real\n", ""), "no answer to r10"),
        ("a bad answer", full.replace("f3 fake", "f3 maybe\x1b[2J"), "line 3: “maybe\\u001B[2J” is not an answer"),
        ("a line of three words", full.replace("f3 fake", "f3 fake now"), "line 3: “f3 fake now”: expected ITEM-ID real|fake"),
    ]
    for what, stdin, message in cases:
        out = run(env, "measure", "mist-20", "--when", "before", "--profile", "Bo", stdin=stdin)
        check(f"{what} ends with exit 1 naming the line, nothing stored",
              out.returncode == 1 and message in out.stderr and "nothing was stored" in out.stderr
              and "\x1b" not in out.stderr, repr(out.stderr))
    db = os.path.join(root, "bad", "lateral", "lateral.db")
    con = sqlite3.connect(db)
    check("no check was stored by the refused runs",
          con.execute("SELECT count(*) FROM measure_sessions").fetchone()[0] == 0)
    con.close()
    out = run(env, "measure", "mist-20", "--when", "later", "--profile", "Bo", stdin=full)
    check("--when other than before/after is a usage error", out.returncode == 2, out.stderr)
    out = run(env, "measure", "--list")
    check("--list names the MIST-20", out.returncode == 0 and "mist-20" in out.stdout, out.stdout)


def test_play_measure(root):
    """`play --measure mist-20`: the check's lines, the case's, the check's
    again, in one pipe; both checks are stored for that attempt."""
    env = env_for(os.path.join(root, "play-measure"))
    rng = random.Random(7)
    before = {i: TRUTH[i] for i in ITEMS}
    before["f1"] = "real"
    before["r2"] = "fake"
    after = {i: TRUTH[i] for i in ITEMS}
    stdin = lines(before, rng) + "true 2\n" * N_CLAIMS + lines(after, rng)
    out = run(env, "play", PACK_ID, "--profile", "Pia", "--measure", "mist-20", stdin=stdin)
    check("play --measure reads the check, the case and the check again from one pipe",
          out.returncode == 0 and out.stdout.count("of 20 headlines (V)") == 2 and "Change since before: V +2" in out.stdout,
          out.stdout[-2000:] + out.stderr)
    con = sqlite3.connect(os.path.join(root, "play-measure", "lateral", "lateral.db"))
    rows = con.execute("SELECT s.phase, s.attempt_uuid = (SELECT uuid FROM attempts), s.pack_id,"
                       " (SELECT sum(correct) FROM measure_answers a WHERE a.session_uuid = s.uuid)"
                       " FROM measure_sessions s ORDER BY s.phase DESC").fetchall()
    finished = con.execute("SELECT count(*) FROM attempts WHERE finished_at IS NOT NULL AND finished_at > 0").fetchone()[0]
    con.close()
    check("both checks are stored with the attempt they were taken for, and the case is finished",
          rows == [("before", 1, PACK_ID, 18), ("after", 1, PACK_ID, 20)] and finished == 1, repr(rows))
    out = run(env, "play", PACK_ID, "--profile", "Pia", "--measure", "no-such-test", stdin="")
    check("play --measure with an unknown instrument fails before the case",
          out.returncode == 1 and "no-such-test" in out.stderr, out.stderr)


with tempfile.TemporaryDirectory() as tmp:
    test_bad_input(tmp)
    test_play_measure(tmp)
    test_class(tmp)

for n, (what, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {n} - {what}")
    if not ok and detail:
        for line in str(detail).splitlines():
            print(f"# {line}")
print(f"1..{len(results)}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
