#!/usr/bin/env python3
"""lateral-cli pack install, export and key, as a teacher sharing a case.

A teacher exports a case to one .lateral file, a colleague (another data
folder) installs it, and the answer key's PDF holds every claim with its
verdict (read back with pdftotext).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

cli = sys.argv[1]
builtin_dir = os.environ["LATERAL_PACKS_DIR"]
results = []
LABELS = {"true": "True", "false": "False", "misleading": "Misleading", "unverified": "Unverified"}


def check(what, ok, detail=""):
    results.append((what, ok, detail))


def run(args, env):
    return subprocess.run([cli] + args, env=env, capture_output=True, text=True, timeout=120)


def data_folder(root, name):
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = os.path.join(root, name, "data")
    env["XDG_CONFIG_HOME"] = os.path.join(root, name, "config")
    env["LANGUAGE"] = "C"
    env["LC_ALL"] = "C.UTF-8"
    return env


with tempfile.TemporaryDirectory() as tmp:
    # The teacher writes a case of her own by copying the built-in one.
    teacher = data_folder(tmp, "teacher")
    colleague = data_folder(tmp, "colleague")
    with open(os.path.join(builtin_dir, "prank-call.json"), encoding="utf-8") as f:
        pack = json.load(f)
    pack["id"] = "org.school.prank-call-copy"
    pack["title"] = "A copy to share"
    source = os.path.join(tmp, "copy.json")
    with open(source, "w", encoding="utf-8") as f:
        json.dump(pack, f, ensure_ascii=False, indent=2)

    out = run(["pack", "install", source], teacher)
    check("install a .json: exit 0, says installed",
          out.returncode == 0 and out.stdout.startswith("Installed “A copy to share”"), out.stdout + out.stderr)
    installed = os.path.join(teacher["XDG_DATA_HOME"], "lateral", "packs", "org.school.prank-call-copy.json")
    check("the pack is in the user's packs folder under ID.json", os.path.isfile(installed), installed)

    archive = os.path.join(tmp, "copy.lateral")
    out = run(["pack", "export", "org.school.prank-call-copy", "--output", archive], teacher)
    check("export: exit 0, one .lateral file", out.returncode == 0 and os.path.isfile(archive),
          out.stdout + out.stderr)

    out = run(["packs"], colleague)
    check("the colleague does not have it yet", "org.school.prank-call-copy" not in out.stdout, out.stdout)
    out = run(["pack", "install", archive], colleague)
    check("the colleague installs the .lateral: exit 0", out.returncode == 0, out.stdout + out.stderr)
    out = run(["packs"], colleague)
    check("the colleague's packs list it", "org.school.prank-call-copy" in out.stdout, out.stdout + out.stderr)
    theirs = os.path.join(colleague["XDG_DATA_HOME"], "lateral", "packs", "org.school.prank-call-copy.json")
    with open(installed, "rb") as a, open(theirs, "rb") as b:
        check("the colleague's copy is byte for byte the teacher's", a.read() == b.read())

    # An older version never silently replaces a newer one.
    pack["version"] = "0.9.0"
    older = os.path.join(tmp, "older.json")
    with open(older, "w", encoding="utf-8") as f:
        json.dump(pack, f, ensure_ascii=False, indent=2)
    out = run(["pack", "install", older], colleague)
    check("installing an older version: exit 1, says a newer one is there",
          out.returncode == 1 and "A newer version" in out.stderr, out.stdout + out.stderr)
    out = run(["pack", "install", "--downgrade", older], colleague)
    check("--downgrade goes back: exit 0", out.returncode == 0 and "Went back" in out.stdout,
          out.stdout + out.stderr)

    broken = os.path.join(tmp, "broken.json")
    with open(broken, "w", encoding="utf-8") as f:
        f.write('{ "format": "lateral-pack/1", "id": 3 }')
    out = run(["pack", "install", broken], colleague)
    check("installing a broken pack: exit 1, located errors, then why",
          out.returncode == 1 and "broken.json:1:" in out.stderr and "is not a case Lateral can use" in out.stderr,
          out.stderr)

    pdf = os.path.join(tmp, "key.pdf")
    out = run(["pack", "key", "org.school.prank-call-copy", "--pdf", pdf], teacher)
    check("key: exit 0, a PDF", out.returncode == 0 and os.path.isfile(pdf), out.stdout + out.stderr)
    if shutil.which("pdftotext") and os.path.isfile(pdf):
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        flat = " ".join(text.split())
        claims = [s for s in pack["steps"] if s["type"] == "claim"]
        for n, claim in enumerate(claims, 1):
            first_words = " ".join(claim["claim"].split()[:6])
            check(f"the key holds claim {n} ({claim['id']}) and its verdict",
                  first_words in flat and f"Verdict: {LABELS[claim['verdict']]}" in flat,
                  first_words)
        check("the key counts as many verdicts as claims",
              flat.count("Verdict: ") == len(claims), str(flat.count("Verdict: ")))
        urls = {src["url"] for s in claims for src in s["reveal"]["sources"]}
        check("the key prints every reveal source's address (its start, since long ones wrap)",
              all(u[:30] in text for u in urls), "")
    else:
        check("pdftotext is installed (build-aux/dev installs poppler-utils)", False)

    out = run(["pack", "key", "org.example.nothing", "--pdf", pdf], teacher)
    check("key of an unknown id: exit 1", out.returncode == 1 and "org.example.nothing" in out.stderr, out.stderr)
    out = run(["pack", "export", "org.school.prank-call-copy"], teacher)
    check("export without --output: usage error, exit 2", out.returncode == 2, out.stderr)
    out = run(["pack", "frobnicate"], teacher)
    check("an unknown pack subcommand: exit 2", out.returncode == 2, out.stderr)

print(f"1..{len(results)}")
for i, (what, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    if not ok:
        for line in detail.splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
