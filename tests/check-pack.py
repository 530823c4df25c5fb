#!/usr/bin/env python3
# check-pack.py: the house rules for Lateral's built-in scenario packs.
#
# Copyright 2026 The Lateral authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `lateral-cli validate` checks the lateral-pack/1 format itself; this script
# checks what the project asks of the packs it ships on top of that (enough
# claims, in timeline order, each citing a dated source, every move explained),
# and it needs nothing but Python so it runs even before the C validator is
# built.
#
#   check-pack.py PACK.json                       exit 0 when PACK follows the rules
#   check-pack.py PACK.json --expect-error TEXT   exit 0 only when PACK breaks them
#                                                 and every TEXT is among the errors

import argparse
import datetime
import json
import re
import sys
import urllib.parse

MIN_CLAIMS = 8
MIN_MOVES = 3
MAX_MOVES = 5
VERDICTS = ("true", "false", "misleading", "unverified")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def real_date(value):
    if not isinstance(value, str) or not DATE_RE.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def web_url(value):
    if not isinstance(value, str):
        return False
    parts = urllib.parse.urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class Checker:
    def __init__(self):
        self.errors = []

    def error(self, path, message):
        self.errors.append(f"{path}: {message}")

    def text(self, obj, key, path):
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip():
            self.error(f"{path}.{key}", "expected a non-empty string")

    def paragraphs(self, obj, key, path, required=True):
        value = obj.get(key)
        if value is None and not required:
            return
        if not isinstance(value, list) or (required and not value):
            self.error(f"{path}.{key}", "expected a non-empty array of paragraphs")
            return
        for i, para in enumerate(value):
            if not isinstance(para, str) or not para.strip():
                self.error(f"{path}.{key}[{i}]", "expected a non-empty string")

    def ident(self, value, path, seen, what):
        if not isinstance(value, str) or not ID_RE.match(value):
            self.error(path, f"{value!r} is not a valid {what} id (lowercase letters, digits, '-' and '_', at most 64)")
        elif value in seen:
            self.error(path, f"duplicate {what} id {value!r}")
        else:
            seen.add(value)

    def source(self, src, path):
        if not isinstance(src, dict):
            self.error(path, "expected an object")
            return
        self.text(src, "publisher", path)
        self.text(src, "title", path)
        if not real_date(src.get("date")):
            self.error(f"{path}.date", f"{src.get('date')!r} is not a real YYYY-MM-DD date")
        if not web_url(src.get("url")):
            self.error(f"{path}.url", f"{src.get('url')!r} is not an http(s) URL with a host")

    def claim(self, step, path, glossary):
        self.text(step, "claim", path)
        self.paragraphs(step, "context", path, required=False)
        verdict = step.get("verdict")
        if verdict not in VERDICTS:
            self.error(f"{path}.verdict", f"{verdict!r} is not one of {', '.join(VERDICTS)}")
        also = step.get("also_accepted", [])
        if not isinstance(also, list):
            self.error(f"{path}.also_accepted", "expected an array of verdicts")
            also = []
        for i, v in enumerate(also):
            if v not in VERDICTS or v == verdict or also.index(v) != i:
                self.error(f"{path}.also_accepted[{i}]", f"{v!r} must be a verdict other than the main one, listed once")

        moves = step.get("moves")
        if not isinstance(moves, dict):
            self.error(f"{path}.moves", "every built-in claim offers verification moves")
        else:
            self.text(moves, "question", f"{path}.moves")
            options = moves.get("options")
            if not isinstance(options, list) or not MIN_MOVES <= len(options) <= MAX_MOVES:
                self.error(f"{path}.moves.options", f"expected {MIN_MOVES} to {MAX_MOVES} options")
                options = options if isinstance(options, list) else []
            seen = set()
            expected = set()
            for i, opt in enumerate(options):
                opath = f"{path}.moves.options[{i}]"
                if not isinstance(opt, dict):
                    self.error(opath, "expected an object")
                    continue
                self.ident(opt.get("id"), f"{opath}.id", seen, "move")
                self.text(opt, "label", opath)
                self.text(opt, "why", opath)
                expected.add(opt.get("expected", False) is True)
            if options and expected != {True, False}:
                self.error(f"{path}.moves.options", "mix expected and not expected moves")

        reveal = step.get("reveal")
        if not isinstance(reveal, dict):
            self.error(f"{path}.reveal", "expected an object")
            return
        rpath = f"{path}.reveal"
        self.paragraphs(reveal, "known_then", rpath)
        self.paragraphs(reveal, "explanation", rpath)
        techniques = reveal.get("techniques")
        if not isinstance(techniques, list) or not techniques:
            self.error(f"{rpath}.techniques", "expected at least one technique id")
        else:
            for i, tid in enumerate(techniques):
                if tid not in glossary:
                    self.error(f"{rpath}.techniques[{i}]", f"unknown technique {tid!r}")
        sources = reveal.get("sources")
        if not isinstance(sources, list) or not sources:
            self.error(f"{rpath}.sources", "expected at least one dated source")
        else:
            for i, src in enumerate(sources):
                self.source(src, f"{rpath}.sources[{i}]")

    def pack(self, pack):
        if not isinstance(pack, dict):
            self.error("(root)", "expected an object")
            return
        if pack.get("format") != "lateral-pack/1":
            self.error("format", "expected \"lateral-pack/1\"")
        for key in ("id", "version", "title", "summary", "language", "license"):
            self.text(pack, key, "(root)")

        glossary = set()
        for i, tech in enumerate(pack.get("techniques") or []):
            path = f"techniques[{i}]"
            if not isinstance(tech, dict):
                self.error(path, "expected an object")
                continue
            self.ident(tech.get("id"), f"{path}.id", glossary, "technique")
            self.text(tech, "name", path)
            self.text(tech, "description", path)

        steps = pack.get("steps")
        if not isinstance(steps, list) or not steps:
            self.error("steps", "expected a non-empty array")
            return
        step_ids = set()
        n_claims = 0
        last_as_of = None
        for i, step in enumerate(steps):
            path = f"steps[{i}]"
            if not isinstance(step, dict):
                self.error(path, "expected an object")
                continue
            self.ident(step.get("id"), f"{path}.id", step_ids, "step")
            kind = step.get("type")
            if kind == "story":
                self.text(step, "title", path)
                if not real_date(step.get("date")):
                    self.error(f"{path}.date", f"{step.get('date')!r} is not a real YYYY-MM-DD date")
                self.paragraphs(step, "text", path)
                if "source" in step:
                    self.source(step["source"], f"{path}.source")
            elif kind == "claim":
                n_claims += 1
                as_of = step.get("as_of")
                if not real_date(as_of):
                    self.error(f"{path}.as_of", f"{as_of!r} is not a real YYYY-MM-DD date")
                else:
                    # ISO dates sort as strings.
                    if last_as_of is not None and as_of < last_as_of:
                        self.error(f"{path}.as_of", f"{as_of} comes before the previous claim's {last_as_of}: claims follow the timeline")
                    last_as_of = as_of
                self.claim(step, path, glossary)
            else:
                self.error(f"{path}.type", f"{kind!r} is neither \"story\" nor \"claim\"")
        if n_claims < MIN_CLAIMS:
            self.error("steps", f"{n_claims} claims; a built-in pack has at least {MIN_CLAIMS}")


def main():
    parser = argparse.ArgumentParser(description="Check a built-in Lateral pack against the house rules.")
    parser.add_argument("pack")
    parser.add_argument("--expect-error", action="append", default=[], metavar="TEXT",
                        help="the pack is meant to be broken: succeed only if an error contains TEXT")
    args = parser.parse_args()

    checker = Checker()
    try:
        with open(args.pack, "rb") as f:
            pack = json.loads(f.read().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        checker.error("(file)", str(e))
    else:
        checker.pack(pack)

    for err in checker.errors:
        print(f"{args.pack}: error: {err}")

    if args.expect_error:
        missing = [t for t in args.expect_error if not any(t in e for e in checker.errors)]
        for t in missing:
            print(f"{args.pack}: expected an error containing {t!r}, got none")
        return 1 if missing else 0
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main())
