#!/usr/bin/env python3
"""data/pack.schema.json and the loader agree.

- the schema is a valid JSON Schema (draft 2020-12);
- every complete example in docs/pack-format.md (a ```json block right after
  an "<!-- example: complete -->" line) passes both the schema and
  lateral-cli validate;
- the valid packs (tests/packs/valid, data/packs) pass the schema;
- each broken pack in tests/packs is refused by the schema too, except the
  few whose problem a schema cannot see (SCHEMA_BLIND), which it must accept:
  if the schema learns to see one, move it out of the list.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema

SCHEMA_BLIND = {
    "duplicate-ids.json": "ids used twice, and a member repeated in one object",
    "unknown-technique.json": "a technique id missing from the glossary",
    "image-missing.json": "an image file that does not exist",
    "image-symlink.json": "an image path leaving the folder through a link",
    "lone-surrogate.json": "a lone UTF-16 surrogate escape in text",
}

cli = sys.argv[1]
src = os.environ["LATERAL_SOURCE_DIR"]
results = []


def check(what, ok, detail=""):
    results.append((what, ok, detail))


with open(os.path.join(src, "data", "pack.schema.json"), encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(
    schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
check("the schema is a valid draft 2020-12 schema", True)


def schema_errors(path):
    """Problems the schema side finds: a parse failure counts as one."""
    try:
        with open(path, "rb") as f:
            data = json.loads(f.read().decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as e:
        return [f"not JSON: {e}"]
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
            for e in validator.iter_errors(data)]


with open(os.path.join(src, "docs", "pack-format.md"), encoding="utf-8") as f:
    doc = f.read()
examples = re.findall(r"<!-- example: complete -->\n```json\n(.*?)\n```", doc, re.S)
check("docs/pack-format.md has complete examples", len(examples) >= 2, f"found {len(examples)}")

for i, text in enumerate(examples):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"example-{i}.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        pack = json.loads(text)
        # The examples name pictures; give them placeholder files.
        for step in pack["steps"]:
            if "image" in step:
                image = os.path.join(tmp, step["image"]["path"])
                os.makedirs(os.path.dirname(image), exist_ok=True)
                open(image, "wb").close()
        errors = schema_errors(path)
        check(f"docs example {i + 1} ({pack['id']}) passes the schema", not errors, "\n".join(errors))
        out = subprocess.run([cli, "validate", path], capture_output=True, text=True, timeout=60)
        check(f"docs example {i + 1} ({pack['id']}) passes lateral-cli validate",
              out.returncode == 0, out.stderr)

valid = sorted(glob.glob(os.path.join(src, "tests", "packs", "valid", "*.json")) +
               glob.glob(os.path.join(src, "data", "packs", "*.json")) +
               glob.glob(os.path.join(src, "tests", "fuzz", "pack-corpus", "minimal.json")))
for path in valid:
    errors = schema_errors(path)
    check(f"{os.path.relpath(path, src)} passes the schema", not errors, "\n".join(errors))

for path in sorted(glob.glob(os.path.join(src, "tests", "packs", "*.json"))):
    name = os.path.basename(path)
    errors = schema_errors(path)
    if name in SCHEMA_BLIND:
        check(f"{name}: the schema cannot see it ({SCHEMA_BLIND[name]}), the loader does",
              not errors, "\n".join(errors))
    else:
        check(f"{name}: the schema refuses it too", bool(errors), "the schema accepted it")

print(f"1..{len(results)}")
for i, (what, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    if not ok:
        for line in detail.splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
