#!/usr/bin/env python3
"""The built-in case played in a terminal (lateral-cli play), in English and
in Spanish: what a learner reads there must be the case itself, so each
claim's artefact (the post, the headline and body, the statement), each
reveal's takeaway and habits, and what each useful check would have found
are all printed, and answering every claim right scores every claim right.

  test-cli-play-case.py LATERAL-CLI   (TAP on stdout)
"""
import json
import os
import subprocess
import sys
import tempfile

cli = sys.argv[1]
packs_dir = os.path.join(os.environ["LATERAL_SOURCE_DIR"], "data", "packs")
results = []


def check(what, ok, detail=""):
    results.append((what, bool(ok), detail))


def flat(text):
    """Whitespace folded, so that wrapped lines compare with the pack's text."""
    return " ".join(text.split())


def artefact_words(artefact):
    words = []
    for key in ("text", "lede", "quote"):
        words.extend(artefact.get(key) or [])
    for key in ("headline", "caption", "image_description"):
        if artefact.get(key):
            words.append(artefact[key])
    return words


for name in ("prank-call.json", "prank-call.es.json"):
    path = os.path.join(packs_dir, name)
    with open(path, encoding="utf-8") as f:
        pack = json.load(f)
    claims = [s for s in pack["steps"] if s["type"] == "claim"]
    answers = "".join(
        f"{c['verdict']} 3 {','.join(o['id'] for o in c['moves']['options'] if o.get('expected'))}\n"
        for c in claims)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, XDG_DATA_HOME=home, LATERAL_PACKS_DIR=packs_dir,
                   LANG="C.UTF-8", LANGUAGE="es" if ".es." in name else "en", TZ="UTC")
        env.pop("LC_ALL", None)
        out = subprocess.run([cli, "play", path, "--profile", "Ana"], input=answers,
                             capture_output=True, text=True, env=env, timeout=120)
    # An artefact's lines are set off by "  | ": fold them back into its words.
    text = flat(out.stdout.replace("\n  | ", "\n"))
    check(f"{name}: played to the end, exit 0", out.returncode == 0, out.stderr[-2000:])
    check(f"{name}: every claim right when answered with its verdict",
          f"Right: {len(claims)} (100%)" in text or f"Aciertos: {len(claims)} (100 %)" in text
          or f"{len(claims)} (100" in text, out.stdout[-800:])

    missing = []
    for step in pack["steps"]:
        artefact = step.get("artefact")
        for words in artefact_words(artefact or {}):
            if flat(words) not in text:
                missing.append((step["id"], words))
    check(f"{name}: every artefact's words are printed", not missing, missing[:3])

    missing = [c["id"] for c in claims if flat(c["reveal"]["takeaway"]) not in text]
    check(f"{name}: every reveal's takeaway is printed", not missing, missing)

    missing = [(c["id"], o["id"]) for c in claims for o in c["moves"]["options"]
               if o.get("found") and flat(o["found"]) not in text]
    check(f"{name}: what every useful check would have found is printed", not missing, missing[:3])

    habits = {h["id"]: h["name"] for h in pack.get("habits", [])}
    missing = [h for c in claims for h in c["reveal"].get("habits", []) if flat(habits[h]) not in text]
    check(f"{name}: the habits of each reveal are named", not missing, missing[:3])

    story_sources = [s["title"] for step in pack["steps"] if step["type"] == "story"
                     for s in step.get("sources", [])]
    missing = [t for t in story_sources if flat(t) not in text]
    check(f"{name}: every source of every story step is cited", not missing, missing[:3])

print(f"1..{len(results)}")
for i, (what, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    if not ok and detail:
        for line in str(detail).splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
