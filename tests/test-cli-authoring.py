#!/usr/bin/env python3
"""lateral-cli validate on a pack that is valid but unfinished: warnings.

A teacher starts from `lateral-cli new-pack`, and validate tells them what
is still a draft (the example id, the placeholder texts, glossary entries
no claim names, sources without an archived copy), exits 0, and exits 1
with --strict. Each message is checked with its exact text.
"""
import json
import os
import subprocess
import sys
import tempfile

cli = sys.argv[1]
results = []


def check(what, ok, detail=""):
    results.append((what, ok, detail))


def run(args, cwd):
    env = dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8")
    return subprocess.run([cli] + args, cwd=cwd, env=env, capture_output=True, text=True, timeout=60)


with tempfile.TemporaryDirectory() as tmp:
    out = run(["new-pack", ".", "--title", "The AP tweet"], tmp)
    check("new-pack writes a starter", out.returncode == 0, out.stdout + out.stderr)
    name = "the-ap-tweet.json"

    out = run(["validate", name], tmp)
    lines = out.stderr.splitlines()
    check("the starter is valid, with warnings: exit 0",
          out.returncode == 0 and out.stdout.startswith(f"{name}: valid, with "), out.stdout + out.stderr)
    check("the example id is named, with what to use instead",
          any(l.endswith("warning: id: “org.example.the-ap-tweet” is an example id; use a domain or "
                         "code-hosting account you control, such as io.github.YOUR-NAME.the-ap-tweet, "
                         "so your case never clashes with another") for l in lines), out.stderr)
    check("every placeholder text is named where it is, with its step",
          any("warning: steps[1].claim (step 2 “first-claim”): “The claim the learner judges, as it was made.” "
              "is the starter pack's placeholder; replace it with your own text" in l for l in lines)
          and any(": warning: summary: “One or two sentences shown in the list of cases.” is the starter "
                  "pack's placeholder" in l for l in lines), out.stderr)
    check("all warnings carry FILE:LINE:COL",
          all(l.startswith(f"{name}:") and l.split(":")[1].isdigit() for l in lines) and len(lines) >= 10,
          out.stderr)

    out = run(["validate", "--strict", name], tmp)
    check("--strict: the same warnings, exit 1, and why",
          out.returncode == 1 and "warnings, which --strict counts as errors" in out.stderr, out.stdout + out.stderr)

    # The teacher finishes the case: own id and texts, a second technique no claim names.
    with open(os.path.join(tmp, name), encoding="utf-8") as f:
        pack = json.load(f)
    check("the starter is written in lateral-pack/2 with its members",
          pack["format"] == "lateral-pack/2" and pack["habits"]
          and "sources" in pack["steps"][0] and "source" not in pack["steps"][0]
          and all(o.get("asks") in ("who", "evidence", "others") for o in pack["steps"][1]["moves"]["options"])
          and pack["steps"][1]["reveal"]["takeaway"] and pack["steps"][1]["reveal"]["habits"], pack)
    pack["id"] = "io.github.ada.ap-tweet"
    pack["summary"] = "A hacked news agency account, and a market that believed it."
    pack["authors"] = ["Ada Teacher"]
    pack["habits"][0]["name"] = "Ask the account's owner"
    pack["habits"][0]["description"] = "A post is checked against what its supposed author says."
    story, claim = pack["steps"]
    story["title"] = "A tweet from the AP"
    story["text"] = ["At 1:07 pm the AP's account posted about explosions at the White House."]
    source = {"publisher": "Reuters", "title": "Hacked AP tweet", "date": "2013-04-23",
              "url": "https://www.reuters.com/article/hacked-ap",
              "archive_url": "https://web.archive.org/web/2013/https://www.reuters.com/article/hacked-ap"}
    story["sources"] = [source]
    story["date"] = "2013-04-23"
    claim["claim"] = "Two explosions hit the White House."
    claim["context"] = ["A tweet from @AP, 23 April 2013, 1:07 pm."]
    claim["as_of"] = "2013-04-23"
    claim["moves"]["options"][0]["found"] = "AP staff said within minutes that the account was hacked."
    claim["reveal"]["known_then"] = ["Within minutes the AP said its account had been hacked."]
    claim["reveal"]["explanation"] = ["A trusted account can be taken over."]
    claim["reveal"]["takeaway"] = "A trusted account can post what its owner never wrote."
    claim["reveal"]["sources"] = [source]
    pack["techniques"].append({"id": "hijacked-account", "name": "Hijacked account",
                               "description": "A trusted account posts what its owner never wrote."})
    with open(os.path.join(tmp, "finished.json"), "w", encoding="utf-8") as f:
        json.dump(pack, f, ensure_ascii=False, indent=2)
    out = run(["validate", "finished.json"], tmp)
    lines = out.stderr.splitlines()
    check("a finished case warns only of the glossary entry no claim names",
          out.returncode == 0 and len(lines) == 1
          and "warning: techniques[1].id: “hijacked-account” is in the glossary but no claim names it; "
              "name it in a reveal or remove it" in lines[0], out.stdout + out.stderr)

    # In lateral-pack/2 every source should have an archived copy.
    v2 = json.loads(json.dumps(pack))
    v2["techniques"] = pack["techniques"][:1]
    del v2["steps"][0]["sources"][0]["archive_url"]
    del v2["steps"][1]["reveal"]["sources"][0]["archive_url"]
    with open(os.path.join(tmp, "v2.json"), "w", encoding="utf-8") as f:
        json.dump(v2, f, ensure_ascii=False, indent=2)
    out = run(["validate", "v2.json"], tmp)
    archive_lines = [l for l in out.stderr.splitlines() if "archive_url" in l and "warning:" in l]
    check("lateral-pack/2: each source without archive_url is named",
          out.returncode == 0 and len(archive_lines) == 2
          and "this source has no “archive_url”; add the address of an archived copy" in archive_lines[0],
          out.stderr)

    # A /2-only member in a /1 file is refused, not silently dropped.
    v1 = json.loads(json.dumps(pack))
    v1["format"] = "lateral-pack/1"
    with open(os.path.join(tmp, "v1.json"), "w", encoding="utf-8") as f:
        json.dump(v1, f, ensure_ascii=False, indent=2)
    out = run(["validate", "v1.json"], tmp)
    check("the same case declared lateral-pack/1 is refused for its /2 members",
          out.returncode == 1 and "lateral-pack/2" in out.stderr, out.stderr)

    # A warning never hides an error: with an error, no draft hints at all.
    pack["steps"][0]["date"] = "23/04/2013"
    with open(os.path.join(tmp, "broken.json"), "w", encoding="utf-8") as f:
        json.dump(pack, f, ensure_ascii=False, indent=2)
    out = run(["validate", "broken.json"], tmp)
    check("a day-first date: exit 1, says what to write, and nothing else",
          out.returncode == 1 and out.stderr.count("\n") == 1
          and "error: steps[0].date (step 1 “first-report”): “23/04/2013” is a day-first date; write 2013-04-23 (YYYY-MM-DD)"
          in out.stderr, out.stderr)

print(f"1..{len(results)}")
for i, (what, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    if not ok:
        for line in detail.splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
