#!/usr/bin/env python3
"""lateral-cli validate, packs and show, run as an instructor would.

validate is run inside tests/packs, so its messages name the files exactly
as the .expected files next to them do.
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

cli = sys.argv[1]
src = os.environ["LATERAL_SOURCE_DIR"]
packs = os.path.join(src, "tests", "packs")
results = []


def check(what, ok, detail=""):
    results.append((what, ok, detail))


def run(args, cwd=None, env=None):
    return subprocess.run([cli] + args, cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=60)


broken = sorted(os.path.basename(p) for p in glob.glob(os.path.join(packs, "*.json")))
for name in broken:
    with open(os.path.join(packs, name[:-5] + ".expected"), encoding="utf-8") as f:
        expected = f.read()
    out = run(["validate", name], cwd=packs)
    check(f"validate {name}: exit 1, the expected errors on stderr",
          out.returncode == 1 and out.stderr == expected and out.stdout == "",
          f"exit {out.returncode}\n--- stderr\n{out.stderr}--- expected\n{expected}")

out = run(["validate", "valid/sample-case.json"], cwd=packs)
check("validate a valid pack: exit 0, says so",
      out.returncode == 0 and out.stdout == "valid/sample-case.json: valid, with 5 warnings\n"
      and out.stderr.startswith("valid/sample-case.json:3:9: warning: id: “org.example.sample-case” is an example id"),
      out.stdout + out.stderr)

out = run(["validate", "valid/sample-case.json", "empty.json"], cwd=packs)
check("validate one valid and one broken: exit 1",
      out.returncode == 1 and "valid/sample-case.json: valid" in out.stdout
      and "\nempty.json: error:" in out.stderr, out.stdout + out.stderr)

out = run(["validate", "no-such-file.json"], cwd=packs)
check("validate a missing file: exit 1, one error line naming it",
      out.returncode == 1 and out.stderr.startswith("no-such-file.json: error: ")
      and out.stderr.count("\n") == 1, out.stderr)

out = run(["validate"])
check("validate without a file: usage error, exit 2", out.returncode == 2, out.stderr)
out = run(["validate", "--no-such-option", "x.json"])
check("validate with an unknown option: usage error, exit 2", out.returncode == 2, out.stderr)

# Pictures over the limits: a PNG bomb (about 1 KiB claiming 100,000 pixels
# square) and a 20 GB sparse file. validate names each at image.path, from
# the header alone, in well under the run's timeout.
def png(width, height, raw):
    import struct
    import zlib

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


with open(os.path.join(packs, "valid", "sample-case.json"), encoding="utf-8") as f:
    sample = f.read()
for kind, expected in (("bomb", "the picture is 100000 × 100000 pixels"),
                       ("sparse", "the picture file is 20.0\u00a0GB")):
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "images"))
        with open(os.path.join(tmp, "sample-case.json"), "w", encoding="utf-8") as f:
            f.write(sample)
        image = os.path.join(tmp, "images", "kyiv.jpg")
        with open(image, "wb") as f:
            if kind == "bomb":
                f.write(png(100000, 100000, bytes(1024 * 1024)))
            else:
                f.write(png(16, 16, bytes(17 * 16)))
                f.truncate(20 * 1000 * 1000 * 1000)
        out = run(["validate", "sample-case.json"], cwd=tmp)
        lines = [l for l in out.stderr.splitlines() if "image file" in l]
        check(f"validate names a {kind} picture at image.path and refuses the pack",
              out.returncode == 1 and len(lines) == 1
              and ": error: steps[0].image.path" in lines[0]
              and "image file “images/kyiv.jpg” cannot be shown: " + expected in lines[0],
              out.stdout + out.stderr)

with tempfile.TemporaryDirectory() as tmp:
    builtin = os.path.join(tmp, "builtin")
    user = os.path.join(tmp, "data", "lateral", "packs")
    os.makedirs(builtin)
    os.makedirs(user)
    shutil.copy(os.path.join(packs, "valid", "sample-case.json"), builtin)
    shutil.copytree(os.path.join(packs, "images"), os.path.join(builtin, "images"))
    shutil.copy(os.path.join(packs, "empty.json"), user)
    env = dict(os.environ, LATERAL_PACKS_DIR=builtin, XDG_DATA_HOME=os.path.join(tmp, "data"),
               XDG_DATA_DIRS=os.path.join(tmp, "none"))

    out = run(["packs"], env=env)
    check("packs lists ID, VERSION, CLAIMS, TITLE, LANGUAGES separated by tabs",
          out.returncode == 0 and out.stdout == "org.example.sample-case\t1.0.0\t1\tA sample case\ten\n",
          out.stdout + out.stderr)
    check("packs names the skipped invalid pack on stderr", "empty.json" in out.stderr, out.stderr)

    # One file per language under one id: the interface language is shown.
    with open(os.path.join(packs, "valid", "sample-case-2.json"), encoding="utf-8") as f:
        two = f.read()
    with open(os.path.join(user, "two.json"), "w", encoding="utf-8") as f:
        f.write(two)
    with open(os.path.join(user, "two.es.json"), "w", encoding="utf-8") as f:
        f.write(two.replace('"language": "en",', '"language": "es",\n  "translated_from": "en",', 1)
                   .replace('"title": "A sample case in lateral-pack/2"', '"title": "Un caso de ejemplo"', 1))
    for language, expected in (("es", "org.example.sample-case-two\t2.0.0\t3\tUn caso de ejemplo\tes,en"),
                               ("de", "org.example.sample-case-two\t2.0.0\t3\tA sample case in lateral-pack/2\ten,es")):
        out = run(["packs"], env=dict(env, LANGUAGE=language, LANG="C.UTF-8", LC_ALL=""))
        check(f"packs with LANGUAGE={language} shows the {expected.split(chr(9))[-1][:2]} file first",
              out.returncode == 0 and expected in out.stdout.splitlines(), out.stdout + out.stderr)

    # validate checks the language files of one version given together.
    out = run(["validate", "two.json", "two.es.json"], cwd=user)
    check("validate: a translation with the original's steps is valid",
          out.returncode == 0 and [line.split(",")[0] for line in out.stdout.splitlines()] ==
          ["two.json: valid", "two.es.json: valid"], out.stdout + out.stderr)
    with open(os.path.join(tmp, "two.de.json"), "w", encoding="utf-8") as f:
        f.write(two.replace('"language": "en",', '"language": "de",\n  "translated_from": "en",', 1)
                   .replace('"verdict": "misleading"', '"verdict": "false"', 1))
    out = run(["validate", os.path.join(user, "two.json"), os.path.join(tmp, "two.de.json")])
    check("validate: a translation whose verdicts differ is refused, with the step",
          out.returncode == 1 and "steps[5] (“denial-proves”) differs from the en file of the same version" in out.stderr,
          out.stdout + out.stderr)

    out = run(["show", "org.example.sample-case"], env=env)
    lines = out.stdout.splitlines()
    check("show ID prints the outline, claims with their as_of date",
          out.returncode == 0 and lines[0] == "A sample case"
          and any("story" in l and "2015-09-12" in l and "the-visit" in l for l in lines)
          and any("claim" in l and "as of 2015-09-14" in l and "first-call" in l for l in lines),
          out.stdout + out.stderr)
    out = run(["show", os.path.join(packs, "valid", "sample-case.json")])
    check("show FILE prints the same outline", out.returncode == 0 and lines == out.stdout.splitlines(),
          out.stdout + out.stderr)
    out = run(["show", "org.example.nothing"], env=env)
    check("show an unknown id: exit 1", out.returncode == 1 and "org.example.nothing" in out.stderr,
          out.stderr)
    out = run(["show"], env=env)
    check("show without an argument: usage error, exit 2", out.returncode == 2, out.stderr)
    out = run(["packs", "extra"], env=env)
    check("packs with an argument: usage error, exit 2", out.returncode == 2, out.stderr)

print(f"1..{len(results)}")
for i, (what, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    if not ok:
        for line in detail.splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
