#!/usr/bin/env python3
"""lateral-cli play, history, export, import and restore, end to end.

Runs the built lateral-cli with a throwaway XDG_DATA_HOME and packs folder,
plays a case from a script, then reads the database with Python's own
sqlite3 and the CSV with Python's csv module.
"""
import csv
import json
import os
import pty
import shutil
import sqlite3
import subprocess
import sys
import tempfile

cli = sys.argv[1]
source_dir = os.environ["LATERAL_SOURCE_DIR"]
mini_case = os.path.join(source_dir, "tests", "play", "mini-case.json")
PACK_ID = "org.example.mini-case"

results = []


def check(what, ok, detail=""):
    results.append((what, bool(ok), detail))


def make_home(root, name):
    home = os.path.join(root, name)
    packs = os.path.join(root, name + "-packs")
    os.makedirs(packs)
    shutil.copy(mini_case, packs)
    env = dict(os.environ, XDG_DATA_HOME=home, LATERAL_PACKS_DIR=packs, LC_ALL="C.UTF-8")
    return env, os.path.join(home, "lateral", "lateral.db")


def run(env, *args, stdin=""):
    return subprocess.run([cli, *args], input=stdin, capture_output=True, text=True, env=env, timeout=60)


def query(db, sql, *params):
    # Read-only, so the checks never change what they look at.
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def answers_of(db, profile):
    return query(db, "SELECT w.claim_id, w.verdict, w.certainty, w.moves, w.correct, w.mark,"
                     " w.moves_expected, w.moves_unexpected, a.uuid, a.finished_at, a.class_code"
                     " FROM answers w JOIN attempts a ON a.uuid = w.attempt_uuid"
                     " JOIN profiles p ON p.uuid = a.profile_uuid WHERE p.name = ?"
                     " ORDER BY w.rowid", profile)


def test_play_script(root):
    env, db = make_home(root, "play")
    out = run(env, "play", PACK_ID, "--profile", "Ana", "--class", "7B",
              stdin="misleading 2 second-source,count-likes\ntrue 3\nMISLEADING 1\n")
    check("play from a script exits 0", out.returncode == 0, out.stderr)
    check("play prints each reveal and the summary",
          out.stdout.count("Your answer:") == 3 and "Claims answered: 3 of 3" in out.stdout
          and "Certainty-based mark: +2" in out.stdout, out.stdout[-600:])
    rows = answers_of(db, "Ana")
    check("every answer is in the database",
          [(r[0], r[1], r[2]) for r in rows] == [("the-call", "misleading", 2), ("prank", "true", 3),
                                                 ("photo", "misleading", 1)], rows)
    check("correctness, marks and moves were stored with the answers",
          [(r[4], r[5], r[6], r[7]) for r in rows] == [(0, -2, 1, 1), (1, 3, 0, 0), (1, 1, 0, 0)]
          and json.loads(rows[0][3]) == ["second-source", "count-likes"], rows)
    check("the attempt is finished, with its class code",
          len({r[8] for r in rows}) == 1 and rows[0][9] is not None and rows[0][10] == "7B", rows)
    ok = query(db, "PRAGMA integrity_check")
    check("the database passes the integrity check", ok == [("ok",)], ok)

    out = run(env, "history")
    check("history lists the attempt with the version played, accuracy and CBM total",
          out.returncode == 0 and "Ana" in out.stdout and "A small case for the store" in out.stdout
          and "Version" in out.stdout.splitlines()[0] and " 1.0.0 " in out.stdout
          and "3/3" in out.stdout and "67%" in out.stdout
          and "+2" in out.stdout, out.stdout)
    return env, db


def test_reveal_after_commit(root):
    """The reveal of each claim appears only once its answer is in the database."""
    env, db = make_home(root, "order")
    proc = subprocess.Popen([cli, "play", PACK_ID, "--profile", "Cleo"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    seen = []
    for line in ("false 1", "true 2", "misleading 3"):
        proc.stdin.write(line + "\n")
        proc.stdin.flush()
        while True:
            text = proc.stdout.readline()
            if text == "" or text.startswith("Your answer:"):
                break
        seen.append(len(answers_of(db, "Cleo")) if text else -1)
    proc.stdin.close()
    proc.stdout.read()
    proc.wait(timeout=60)
    proc.stdout.close()
    proc.stderr.close()
    check("when each reveal starts, its answer is already committed", seen == [1, 2, 3], seen)


def test_refused_and_resumed(root):
    env, db = make_home(root, "resume")
    out = run(env, "play", PACK_ID, "--profile", "Ben", stdin="unverified 3 second-source,ask-office\nmaybe 2\n")
    check("a line it cannot read ends a piped run with exit code 1",
          out.returncode == 1 and "line 2" in out.stderr and "“maybe” is not a verdict" in out.stderr, out.stderr)
    rows = answers_of(db, "Ben")
    check("what was answered before the bad line is stored",
          len(rows) == 1 and rows[0][0] == "the-call" and rows[0][9] is None, rows)
    first_attempt = rows[0][8]

    out = run(env, "play", PACK_ID, "--profile", "Ben", stdin="true 2\n")
    check("input ending early exits 1 and keeps the answers",
          out.returncode == 1 and "photo" in out.stderr and len(answers_of(db, "Ben")) == 2, out.stderr)

    out = run(env, "play", PACK_ID, "--profile", "Ben", stdin="false 1 count-likes\n")
    check("a move the claim does not have is refused",
          out.returncode == 1 and "“count-likes”" in out.stderr, out.stderr)

    out = run(env, "play", PACK_ID, "--profile", "Ben", stdin="misleading 3\n")
    rows = answers_of(db, "Ben")
    check("the unfinished attempt is resumed at its first unanswered claim",
          out.returncode == 0 and "2 claims answered so far" in out.stdout
          and out.stdout.count("Your answer:") == 1 and "Claim 3 of 3" in out.stdout
          and "Claim 1 of 3" not in out.stdout, out.stdout + out.stderr)
    check("the resumed attempt is the same one, now finished with every answer",
          len(rows) == 3 and {r[8] for r in rows} == {first_attempt} and rows[-1][9] is not None, rows)

    out = run(env, "play", PACK_ID, stdin="true 1\n")
    check("without --profile, the last profile plays (a new attempt)",
          out.returncode == 1 and "Playing as Ben" in out.stdout, out.stdout)

    out = run(env, "play", "org.example.no-such-pack", "--profile", "Ben")
    check("an unknown pack id is an error", out.returncode == 1 and "no-such-pack" in out.stderr, out.stderr)


def test_terminal(root):
    """On a terminal it prompts, and a line it cannot read is asked again."""
    env, db = make_home(root, "tty")
    master, slave = pty.openpty()
    proc = subprocess.Popen([cli, "play", PACK_ID, "--profile", "Eve"], stdin=slave,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    os.close(slave)
    # Enter after each story and reveal; one unreadable line on the first claim.
    keys = "\nmaybe 2\nunverified 2 ask-office\n\n\ntrue 3\n\nmisleading 1\n\n"
    os.write(master, keys.encode())
    try:
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(master)
    check("on a terminal, play prompts and waits for Enter",
          proc.returncode == 0 and "Verdict (true, false, misleading, unverified)" in out
          and "[Enter] to go on" in out, out[-400:] + err)
    check("on a terminal, an unreadable line is explained and asked again",
          "“maybe” is not a verdict" in out and out.count("Your answer:") == 3, out)
    rows = answers_of(db, "Eve")
    check("the terminal run stored every answer",
          [(r[0], r[1]) for r in rows] == [("the-call", "unverified"), ("prank", "true"), ("photo", "misleading")],
          rows)


def test_endless_line(root):
    """A script's line of 100 MB is refused for its length without being kept in memory."""
    env, db = make_home(root, "endless")
    proc = subprocess.Popen([cli, "play", PACK_ID, "--profile", "Ana"], env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    chunk = b"x" * (1 << 20)
    try:
        for _ in range(100):
            proc.stdin.write(chunk)
        proc.stdin.write(b"\n")
        proc.stdin.close()
    except BrokenPipeError:
        pass
    stderr = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    check("an endless line is refused for its length",
          proc.returncode == 1 and "line 1: The line is longer than" in stderr, stderr)
    # ru_maxrss is in KiB on Linux: far below the 100 MB that were sent.
    check("an endless line is not kept in memory", usage.ru_maxrss < 50 * 1024, usage.ru_maxrss)


def test_bundles(root, env_a):
    path_a = os.path.join(root, "a.json")
    out = run(env_a, "export", "--output", path_a)
    check("export writes a bundle", out.returncode == 0 and "Wrote 1 attempt" in out.stderr, out.stderr)

    env_b, db_b = make_home(root, "teacher")
    out = run(env_b, "import", path_a)
    check("import into an empty database adds the attempt",
          out.returncode == 0 and "attempts: 1 added, 0 already present, 0 rejected" in out.stdout, out.stdout)
    path_b = os.path.join(root, "b.json")
    run(env_b, "export", "--output", path_b)
    with open(path_a) as fa, open(path_b) as fb:
        a, b = json.load(fa), json.load(fb)
    check("export, import, export again: the bundles match",
          a["format"] == "lateral-results/2" and a["profiles"] == b["profiles"] and a["attempts"] == b["attempts"])

    out = run(env_b, "import", path_a)
    check("importing the same bundle twice adds nothing",
          out.returncode == 0 and "attempts: 0 added, 1 already present, 0 rejected" in out.stdout, out.stdout)

    truncated = os.path.join(root, "truncated.json")
    with open(path_a) as f, open(truncated, "w") as g:
        g.write(f.read()[:300])
    before = query(db_b, "SELECT count(*) FROM answers")
    out = run(env_b, "import", truncated, path_a)
    check("a truncated bundle is rejected whole, the next file still read",
          out.returncode == 1 and "rejected, nothing was imported" in out.stderr
          and truncated + ":" in out.stderr and "1 already present" in out.stdout, out.stderr + out.stdout)
    check("the rejected bundle changed nothing", query(db_b, "SELECT count(*) FROM answers") == before)

    env_c, db_c = make_home(root, "nopack")
    os.remove(os.path.join(env_c["LATERAL_PACKS_DIR"], "mini-case.json"))
    out = run(env_c, "import", path_a)
    flagged = query(db_c, "SELECT pack_missing, (SELECT count(*) FROM answers) FROM attempts")
    check("answers for a pack this machine does not have are kept and flagged",
          out.returncode == 0 and "not on this machine" in out.stdout and flagged == [(1, 3)], flagged)


def test_csv(root, env):
    # A learner whose name a spreadsheet would run as a formula.
    run(env, "play", PACK_ID, "--profile", "=HYPERLINK(\"http://x\",\"y\")", "--class", "+7B",
        stdin="false 3\nfalse 2\ntrue 1\n")
    path = os.path.join(root, "class.csv")
    out = run(env, "export", "--format", "csv", "--output", path)
    check("export --format csv exits 0", out.returncode == 0, out.stderr)
    with open(path, newline="", encoding="utf-8") as f:
        raw = f.read()
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    header = rows[0]
    check("the CSV header starts with the documented columns",
          header[:11] == ["profile", "class_code", "pack_id", "pack_version", "attempt_id", "claim_id",
                          "verdict", "certainty", "correct", "mark", "answered_at"], header)
    check("one row per answer, CRLF line ends", len(rows) == 1 + 6 and raw.count("\r\n") == 7, len(rows))
    by_profile = [r for r in rows[1:] if r[0] != "Ana"]
    check("formula-like text is neutralised",
          by_profile and all(r[0] == "'=HYPERLINK(\"http://x\",\"y\")" and r[1] == "'+7B" for r in by_profile),
          by_profile[:1])
    check("negative marks stay numbers", any(r[9] == "-2" for r in by_profile), [r[9] for r in by_profile])
    ana = [r for r in rows[1:] if r[0] == "Ana"]
    check("answers read back from the CSV match the play",
          [(r[5], r[6], r[7], r[8], r[9]) for r in ana] == [("the-call", "misleading", "2", "0", "-2"),
                                                           ("prank", "true", "3", "1", "3"),
                                                           ("photo", "misleading", "1", "1", "1")], ana)


def test_broken_database(root, env, db):
    with open(db, "wb") as f:
        f.write(b"this is not a database at all" * 20)
    out = run(env, "history")
    kept = [n for n in os.listdir(os.path.dirname(db)) if n.startswith("lateral.db.corrupt-")]
    check("a broken database is kept aside and the user told where",
          out.returncode == 0 and "could not be read" in out.stderr and len(kept) == 1 and kept[0] in out.stderr,
          out.stderr)

    out = run(env, "restore")
    backups = [line.strip() for line in out.stdout.splitlines() if line.strip().endswith(".db")]
    check("restore without a file lists the backups", out.returncode == 0 and len(backups) >= 1, out.stdout)
    if backups:
        out = run(env, "restore", backups[-1])
        check("restore FILE puts the backup back and keeps the replaced database",
              out.returncode == 0 and "before-restore-" in out.stdout, out.stdout + out.stderr)
        out = run(env, "history")
        check("after the restore, the history is back", "Ana" in out.stdout, out.stdout)

    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    out = run(env, "history")
    check("a database from a newer Lateral is refused and left alone",
          out.returncode == 1 and "newer version of Lateral" in out.stderr
          and query(db, "PRAGMA user_version") == [(99,)], out.stderr)


def main():
    with tempfile.TemporaryDirectory() as root:
        env, db = test_play_script(root)
        test_reveal_after_commit(root)
        test_refused_and_resumed(root)
        test_terminal(root)
        test_endless_line(root)
        test_bundles(root, env)
        test_csv(root, env)
        test_broken_database(root, env, db)

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
