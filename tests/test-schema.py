#!/usr/bin/env python3
"""data/pack.schema.json and the loader agree, by two validators.

The schema is checked by Python's jsonschema and by ajv (npm ajv with
ajv-formats, strict mode, locked in tests/node/ajv/), the validator most
editors and CI use: both must accept and refuse the same files.

- the schema is a valid JSON Schema (draft 2020-12) for both, and ajv-cli
  compiles it (an invalid $id once made ajv refuse it outright);
- every complete example in docs/pack-format.md (a ```json block right after
  an "<!-- example: complete -->" line) passes both and lateral-cli validate
  without a warning;
- the valid packs (tests/packs/valid, tests/packs/warnings, data/packs) pass;
- each broken pack in tests/packs (the schema's negative examples) is
  refused, except the few whose problem a schema cannot see (SCHEMA_BLIND),
  which it must accept: if the schema learns to see one, move it out of the
  list.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema

SCHEMA_BLIND = {
    "duplicate-ids.json": "ids used twice, and a member repeated in one object",
    "unknown-technique.json": "a technique id missing from the glossary",
    "glossary-typo.json": "a technique id missing from the glossary (a typo of one in it)",
    "image-missing.json": "an image file that does not exist",
    "image-symlink.json": "an image path leaving the folder through a link",
    "lone-surrogate.json": "a lone UTF-16 surrogate escape in text",
    "v2-story-source-spoils.json": "a story source dated after its step",
    "v2-step-after-later-claim.json": "a story step dated after a later claim's as_of",
    "v2-reveal-spoils-later-claim.json": "reveal sources dated after an as_of",
    "v2-artefact-after-claim.json": "an artefact dated after a claim's as_of",
    "v2-technique-as-habit.json": "a technique id listed as a habit",
    "v2-habit-as-technique.json": "a habit id listed as a technique",
}

# The warnings of lateral-pack-rules-authoring.c: an unfinished pack, not a broken rule.
DRAFT_HINTS = ("is an example id", "is the starter pack's placeholder",
               "this source has no “archive_url”", "is in the glossary but no claim names it")

cli = sys.argv[1]
src = os.environ["LATERAL_SOURCE_DIR"]
schema_path = os.path.join(src, "data", "pack.schema.json")
ajv_dir = os.path.join(src, "tests", "node", "ajv")
results = []


def check(what, ok, detail=""):
    results.append((what, ok, detail))


with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(
    schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
check("the schema is a valid draft 2020-12 schema (jsonschema)", True)
check("the schema's $id is an https address", schema["$id"].startswith("https://"), schema["$id"])


def python_errors(path):
    """Problems the schema side finds: a parse failure counts as one."""
    try:
        with open(path, "rb") as f:
            data = json.loads(f.read().decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as e:
        return [f"not JSON: {e}"]
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
            for e in validator.iter_errors(data)]


ajv_cli = os.path.join(ajv_dir, "node_modules", ".bin", "ajv")
if not os.path.exists(ajv_cli):
    check("ajv is installed in tests/node/ajv", False,
          "run build-aux/dev test, or: npm ci --prefix tests/node/ajv")
    ajv_ready = False
else:
    out = subprocess.run([ajv_cli, "compile", "--spec=draft2020", "--strict=true", "-c", "ajv-formats",
                          "-s", schema_path], capture_output=True, text=True, timeout=120, cwd=ajv_dir)
    check("ajv-cli compiles the schema (draft 2020-12, strict, ajv-formats)", out.returncode == 0,
          out.stdout + out.stderr)
    ajv_ready = out.returncode == 0


def ajv_errors_of(paths):
    """{path: [errors]} from one run of ajv over every file."""
    if not ajv_ready or not paths:
        return {}
    out = subprocess.run(["node", os.path.join(ajv_dir, "validate.mjs"), schema_path] + paths,
                         capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        check("ajv runs over the packs", False, out.stderr)
        return {}
    found = {}
    for line in out.stdout.splitlines():
        row = json.loads(line)
        found[row["file"]] = row["errors"]
    return found


def both(paths):
    """[(path, python errors, ajv errors or None)] for every path."""
    ajv = ajv_errors_of(paths)
    return [(p, python_errors(p), ajv.get(p) if ajv_ready else None) for p in paths]


def check_accepts(label, path, py, aj):
    check(f"{label} passes the schema (jsonschema)", not py, "\n".join(py))
    if aj is not None:
        check(f"{label} passes the schema (ajv)", not aj, "\n".join(aj))


with open(os.path.join(src, "docs", "pack-format.md"), encoding="utf-8") as f:
    doc = f.read()
examples = re.findall(r"<!-- example: complete -->\n```json\n(.*?)\n```", doc, re.S)
check("docs/pack-format.md has complete examples", len(examples) >= 3, f"found {len(examples)}")

with tempfile.TemporaryDirectory() as tmp:
    paths = []
    for i, text in enumerate(examples):
        path = os.path.join(tmp, f"example-{i}.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        pack = json.loads(text)
        # The examples name pictures; give them placeholder files.
        for step in pack["steps"]:
            if "image" in step:
                image = os.path.join(tmp, step["image"]["path"])
                os.makedirs(os.path.dirname(image), exist_ok=True)
                shutil.copyfile(os.path.join(src, "tests", "packs", "valid", "images", "kyiv.jpg"), image)
        paths.append(path)
    for i, (path, py, aj) in enumerate(both(paths)):
        pack = json.loads(examples[i])
        label = f"docs example {i + 1} ({pack['id']}, {pack['format']})"
        check_accepts(label, path, py, aj)
        out = subprocess.run([cli, "validate", path], capture_output=True, text=True, timeout=60)
        # Examples keep the example id and the starter's placeholder words on
        # purpose; those hints of a draft are all validate may say of them.
        rules = [l for l in out.stderr.splitlines() if not any(h in l for h in DRAFT_HINTS)]
        check(f"{label} passes lateral-cli validate, warning of nothing but a draft's hints",
              out.returncode == 0 and rules == [], out.stderr)

valid = sorted(glob.glob(os.path.join(src, "tests", "packs", "valid", "*.json")) +
               glob.glob(os.path.join(src, "tests", "packs", "warnings", "*.json")) +
               glob.glob(os.path.join(src, "data", "packs", "*.json")) +
               glob.glob(os.path.join(src, "tests", "fuzz", "pack-corpus", "minimal.json")))
for path, py, aj in both(valid):
    check_accepts(os.path.relpath(path, src), path, py, aj)

broken = sorted(glob.glob(os.path.join(src, "tests", "packs", "*.json")))
check("there are broken packs of lateral-pack/2", any("/v2-" in p for p in broken))
for path, py, aj in both(broken):
    name = os.path.basename(path)
    for tool, errors in (("jsonschema", py), ("ajv", aj)):
        if errors is None:
            continue
        if name in SCHEMA_BLIND:
            check(f"{name}: the schema cannot see it ({SCHEMA_BLIND[name]}), the loader does ({tool})",
                  not errors, "\n".join(errors))
        else:
            check(f"{name}: the schema refuses it too ({tool})", bool(errors), "the schema accepted it")

print(f"1..{len(results)}")
for i, (what, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    if not ok:
        for line in detail.splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
