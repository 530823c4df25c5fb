#!/usr/bin/env python3
# check-pack.py: the house rules for Lateral's built-in scenario packs.
#
# Copyright 2026 The Lateral authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `lateral-cli validate` checks the pack format itself; this script checks
# what the project asks of the cases it ships on top of that, and needs
# nothing but Python so it runs even before the C validator is built:
#
# - enough claims, in timeline order, each citing a dated source, every check
#   explained;
# - judge before you know: nothing a learner sees before a lock-in is dated
#   after that claim's as_of (story sources, story steps, artefacts, earlier
#   reveals), and every claim has a "known then" source dated no later than
#   its as_of;
# - sources only from the publishers the case's fact sheet lists (no
#   aggregators), under their full titles (none cut short with "..." or "…");
# - no verdict right for more than 40% of the claims, at least two misleading;
# - written for a 14-year-old: each reveal's known_then and explanation
#   together at most 140 words, a one-line takeaway, at most 30 minutes;
# - lateral-pack/2 checks: each says which question it answers (`asks`), each
#   expected check says what it would have found (`found`), techniques and
#   habits kept apart;
# - with --translation: the translated file has the same ids, types, dates,
#   verdicts, checks and sources, so a class's results pool across languages.
#
# A lateral-pack/1 file (the 1.0.0 case) gets the rules of the 2.0.0 case as
# warnings, and the 8 claims it was written for.
#
#   check-pack.py PACK.json                         exit 0 when PACK follows the rules
#   check-pack.py PACK.json --translation OTHER     ... and OTHER translates PACK
#   check-pack.py PACK.json --expect-error TEXT     exit 0 only when the rules are
#                                                   broken and every TEXT is among
#                                                   the errors

import argparse
import datetime
import json
import re
import sys
import unicodedata
import urllib.parse

MIN_CLAIMS = 10
MIN_CLAIMS_V1 = 8
MIN_MISLEADING = 2
MAX_SHARE = 0.40
MAX_MINUTES = 30
MAX_REVEAL_WORDS = 140
MAX_TAKEAWAY = 140
MIN_MOVES = 3
MAX_MOVES = 5
VERDICTS = ("true", "false", "misleading", "unverified")
ASKS = ("who", "evidence", "others")
FORMATS = ("lateral-pack/1", "lateral-pack/2")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATE_TIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$")

# The publishers the prank-call fact sheet (shared/case/prank-call-fact-sheet.md)
# lists, by host, plus the host of the article the case is built around (the
# seed, found by searching its text). A host outside this list is an
# aggregator or a source nobody checked.
PUBLISHER_HOSTS = {
    "abcnews.go.com",              # ABC News
    "seattletimes.com",            # The Seattle Times (The New York Times)
    "dailymail.co.uk",             # Daily Mail
    "itv.com",                     # ITV News
    "theguardian.com",             # The Guardian
    "standard.co.uk",              # Evening Standard
    "calvertjournal.com",          # The Calvert Journal
    "maxim.com",                   # Maxim
    "theverge.com",                # The Verge
    "completemusicupdate.com",     # Complete Music Update
    "archive.completemusicupdate.com",
    "business-standard.com",       # Business Standard (AFP)
    "en.armradio.am",              # Armenian Public Radio
    "news.pollstar.com",           # Pollstar (AP)
    "metro.co.uk",                 # Metro
    "uinterview.com",              # the seed article
}


class Moment:
    """A date, or a date and time with a zone. As in src/core/pack/lateral-moment.h:
    two values with a time compare as instants; when either is a bare date,
    they compare by the calendar day each was written in."""

    def __init__(self, text):
        self.text = text
        self.day = None
        self.instant = None
        if not isinstance(text, str):
            return
        m = DATE_RE.match(text) or DATE_TIME_RE.match(text)
        if not m:
            return
        try:
            self.day = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if m.re is DATE_TIME_RE:
                stamp = text[:-1] + "+00:00" if text.endswith("Z") else text
                self.instant = datetime.datetime.fromisoformat(stamp)
        except ValueError:
            self.day = None

    def valid(self):
        return self.day is not None

    def after(self, other):
        if self.instant is not None and other.instant is not None:
            return self.instant > other.instant
        return self.day > other.day


def web_url(value):
    if not isinstance(value, str):
        return False
    parts = urllib.parse.urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def host_of(url):
    host = urllib.parse.urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def words(paragraphs):
    return sum(len(p.split()) for p in paragraphs if isinstance(p, str))


def strings(node, path=""):
    """Every string in a JSON value, with its path."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from strings(v, f"{path}.{k}" if path else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from strings(v, f"{path}[{i}]")


class Checker:
    def __init__(self):
        self.errors = []
        self.warnings = []
        self.v2 = True

    def error(self, path, message):
        self.errors.append(f"{path}: {message}")

    def rule(self, path, message):
        """A rule of the 2.0.0 case: an error in lateral-pack/2, a warning in a
        /1 pack written before it (as the format itself does with its date rules)."""
        if self.v2:
            self.error(path, message)
        else:
            self.warnings.append(f"{path}: {message}")

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

    def moment(self, value, path, allow_time):
        m = Moment(value)
        if not m.valid() or (m.instant is not None and not allow_time):
            want = "a real YYYY-MM-DD date" + (" or date and time with a zone" if allow_time else "")
            self.error(path, f"{value!r} is not {want}")
            return None
        return m

    def source(self, src, path):
        """Checks a source; returns its date as a Moment, or None."""
        if not isinstance(src, dict):
            self.error(path, "expected an object")
            return None
        self.text(src, "publisher", path)
        self.text(src, "title", path)
        title = src.get("title")
        if isinstance(title, str) and (title.rstrip().endswith("...") or title.rstrip().endswith("…")):
            self.rule(f"{path}.title", f"{title!r} is cut short: cite the title in full")
        url = src.get("url")
        if not web_url(url):
            self.error(f"{path}.url", f"{url!r} is not an http(s) URL with a host")
        elif host_of(url) not in PUBLISHER_HOSTS:
            self.rule(f"{path}.url", f"{host_of(url)!r} is not among the publishers the fact sheet lists")
        return self.moment(src.get("date"), f"{path}.date", allow_time=False)

    # -- lateral-pack/2 parts ------------------------------------------------

    def artefact(self, art, path):
        """Checks an artefact; returns the latest date it carries, or None."""
        if not isinstance(art, dict):
            self.error(path, "expected an object")
            return None
        self.text(art, "id", path)
        kind = art.get("kind")
        dates = []
        src = art.get("source")
        if src is None:
            self.error(f"{path}.source", "an artefact says where its text comes from")
        else:
            dates.append(self.source(src, f"{path}.source"))
        required = {
            "post": ("display_name", "handle"),
            "article": ("publication", "headline"),
            "statement": ("speaker", "role", "channel"),
            "broadcast": ("programme", "channel", "caption"),
            "call": ("title",),
        }
        if kind not in required:
            self.error(f"{path}.kind", f"{kind!r} is not one of {', '.join(required)}")
            return None
        for key in required[kind]:
            self.text(art, key, path)
        if kind == "post":
            self.paragraphs(art, "text", path)
            dates.append(self.moment(art.get("time"), f"{path}.time", allow_time=True))
        elif kind == "article":
            headline = art.get("headline")
            if isinstance(headline, str) and (headline.endswith("...") or headline.endswith("…")):
                self.error(f"{path}.headline", "is cut short: quote the headline in full")
            self.paragraphs(art, "lede", path, required=False)
        elif kind == "statement":
            self.paragraphs(art, "quote", path)
        if kind in ("article", "statement", "broadcast"):
            dates.append(self.moment(art.get("date"), f"{path}.date", allow_time=True))
        dates = [d for d in dates if d is not None]
        latest = None
        for d in dates:
            if latest is None or d.after(latest):
                latest = d
        return latest

    def moves(self, step, path, v2):
        moves = step.get("moves")
        if not isinstance(moves, dict):
            self.error(f"{path}.moves", "every built-in claim offers checks")
            return
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
            is_expected = opt.get("expected", False) is True
            expected.add(is_expected)
            if v2:
                if opt.get("asks") not in ASKS:
                    self.error(f"{opath}.asks", f"{opt.get('asks')!r}: say which question the check answers, one of {', '.join(ASKS)}")
                if is_expected:
                    self.text(opt, "found", opath)
        if options and expected != {True, False}:
            self.error(f"{path}.moves.options", "mix expected and not expected moves")

    def reveal(self, step, path, techniques, habits, v2):
        """Checks a claim's reveal; returns (its sources' dates, the path of each)."""
        reveal = step.get("reveal")
        if not isinstance(reveal, dict):
            self.error(f"{path}.reveal", "expected an object")
            return []
        rpath = f"{path}.reveal"
        self.paragraphs(reveal, "known_then", rpath)
        self.paragraphs(reveal, "explanation", rpath)
        n = words(reveal.get("known_then") or []) + words(reveal.get("explanation") or [])
        if n > MAX_REVEAL_WORDS:
            self.rule(rpath, f"known_then and explanation have {n} words; a built-in reveal has at most {MAX_REVEAL_WORDS}")
        if v2:
            takeaway = reveal.get("takeaway")
            if not isinstance(takeaway, str) or not takeaway.strip():
                self.error(f"{rpath}.takeaway", "expected a one-line takeaway")
            elif len(takeaway) > MAX_TAKEAWAY or "\n" in takeaway:
                self.error(f"{rpath}.takeaway", f"is {len(takeaway)} characters; one line of at most {MAX_TAKEAWAY}")
        used = reveal.get("techniques")
        if not isinstance(used, list) or not used:
            self.error(f"{rpath}.techniques", "expected at least one technique id")
            used = []
        for i, tid in enumerate(used):
            if tid in habits:
                self.error(f"{rpath}.techniques[{i}]", f"{tid!r} is a habit, not a technique")
            elif tid not in techniques:
                self.error(f"{rpath}.techniques[{i}]", f"unknown technique {tid!r}")
        for i, hid in enumerate(reveal.get("habits") or []):
            if hid in techniques:
                self.error(f"{rpath}.habits[{i}]", f"{hid!r} is a technique, not a habit")
            elif hid not in habits:
                self.error(f"{rpath}.habits[{i}]", f"unknown habit {hid!r}")

        dated = []
        sources = reveal.get("sources")
        if not isinstance(sources, list) or not sources:
            self.error(f"{rpath}.sources", "expected at least one dated source")
            sources = []
        as_of = Moment(step.get("as_of"))
        known_then = 0
        for i, src in enumerate(sources):
            d = self.source(src, f"{rpath}.sources[{i}]")
            if d is None:
                continue
            dated.append((d, f"{rpath}.sources[{i}]"))
            if as_of.valid():
                if d.after(as_of):
                    self.rule(f"{rpath}.sources[{i}].date", f"{d.text} is after the claim's as_of {as_of.text}: later reporting goes in later_sources")
                else:
                    known_then += 1
        if sources and as_of.valid() and known_then == 0:
            self.rule(f"{rpath}.sources", f"no source dated on or before {as_of.text}: every claim needs one known then")
        for i, src in enumerate(reveal.get("later_sources") or []):
            d = self.source(src, f"{rpath}.later_sources[{i}]")
            if d is not None:
                dated.append((d, f"{rpath}.later_sources[{i}]"))
        return dated

    # -- the whole pack ------------------------------------------------------

    def glossary(self, pack, key, path_seen):
        ids = set()
        for i, entry in enumerate(pack.get(key) or []):
            path = f"{key}[{i}]"
            if not isinstance(entry, dict):
                self.error(path, "expected an object")
                continue
            self.ident(entry.get("id"), f"{path}.id", ids, key[:-1])
            self.text(entry, "name", path)
            self.text(entry, "description", path)
        return ids

    def pack(self, pack):
        if not isinstance(pack, dict):
            self.error("(root)", "expected an object")
            return
        fmt = pack.get("format")
        if fmt not in FORMATS:
            self.error("format", f"expected one of {', '.join(FORMATS)}")
        v2 = self.v2 = fmt == "lateral-pack/2"
        for key in ("id", "version", "title", "summary", "language", "license"):
            self.text(pack, key, "(root)")
        minutes = pack.get("estimated_minutes")
        if not isinstance(minutes, int) or not 1 <= minutes:
            self.error("estimated_minutes", f"{minutes!r}: expected a whole number of minutes")
        elif minutes > MAX_MINUTES:
            self.rule("estimated_minutes", f"{minutes!r}: a built-in case takes at most {MAX_MINUTES} minutes")
        for path, value in strings(pack):
            if any(unicodedata.category(ch) == "Cc" for ch in value):
                self.error(path, "contains a control character")

        techniques = self.glossary(pack, "techniques", "technique")
        habits = self.glossary(pack, "habits", "habit") if v2 else set()
        for tid in sorted(techniques & habits):
            self.error("habits", f"{tid!r} is both a technique and a habit")

        steps = pack.get("steps")
        if not isinstance(steps, list) or not steps:
            self.error("steps", "expected a non-empty array")
            return
        step_ids = set()
        artefact_ids = set()
        claims = []
        # What a learner has seen so far, each with its date and path: the
        # judge-before-you-know rule holds them against every later claim.
        seen = []
        last_as_of = None
        for i, step in enumerate(steps):
            path = f"steps[{i}]"
            if not isinstance(step, dict):
                self.error(path, "expected an object")
                continue
            self.ident(step.get("id"), f"{path}.id", step_ids, "step")
            art = step.get("artefact")
            if art is not None:
                if not v2:
                    self.error(f"{path}.artefact", "needs lateral-pack/2")
                d = self.artefact(art, f"{path}.artefact")
                if isinstance(art, dict) and art.get("id") is not None:
                    if art.get("id") in artefact_ids:
                        self.error(f"{path}.artefact.id", f"duplicate artefact id {art.get('id')!r}")
                    artefact_ids.add(art.get("id"))
                if d is not None:
                    seen.append((d, f"{path}.artefact"))
            ref = step.get("artefact_ref")
            if ref is not None and ref not in artefact_ids:
                self.error(f"{path}.artefact_ref", f"{ref!r} names no artefact of an earlier step")

            kind = step.get("type")
            if kind == "story":
                self.text(step, "title", path)
                date = self.moment(step.get("date"), f"{path}.date", allow_time=False)
                self.paragraphs(step, "text", path)
                sources = step.get("sources") if v2 else ([step["source"]] if "source" in step else [])
                if v2 and "source" in step:
                    self.error(f"{path}.source", "lateral-pack/2 cites a step's sources in `sources`")
                for j, src in enumerate(sources or []):
                    spath = f"{path}.sources[{j}]" if v2 else f"{path}.source"
                    d = self.source(src, spath)
                    if d is not None and date is not None and d.after(date):
                        self.rule(f"{spath}.date", f"{d.text} is after the step's date {date.text}: a story cites only what was out by then")
                if date is not None:
                    seen.append((date, path))
            elif kind == "claim":
                self.text(step, "claim", path)
                self.paragraphs(step, "context", path, required=False)
                as_of = self.moment(step.get("as_of"), f"{path}.as_of", allow_time=v2)
                if as_of is not None:
                    for d, what in seen:
                        if d.after(as_of):
                            self.rule(what, f"dated {d.text}, after the as_of {as_of.text} of {path} ({step.get('id')}), which it comes before: it gives away what the learner judges")
                    if last_as_of is not None and last_as_of.after(as_of):
                        self.error(f"{path}.as_of", f"{as_of.text} comes before the previous claim's {last_as_of.text}: claims follow the timeline")
                    last_as_of = as_of
                verdict = step.get("verdict")
                if verdict not in VERDICTS:
                    self.error(f"{path}.verdict", f"{verdict!r} is not one of {', '.join(VERDICTS)}")
                also = step.get("also_accepted", [])
                if not isinstance(also, list):
                    self.error(f"{path}.also_accepted", "expected an array of verdicts")
                    also = []
                for j, v in enumerate(also):
                    if v not in VERDICTS or v == verdict or also.index(v) != j:
                        self.error(f"{path}.also_accepted[{j}]", f"{v!r} must be a verdict other than the main one, listed once")
                claims.append(step)
                self.moves(step, path, v2)
                seen.extend(self.reveal(step, path, techniques, habits, v2))
            else:
                self.error(f"{path}.type", f"{kind!r} is neither \"story\" nor \"claim\"")

        min_claims = MIN_CLAIMS if v2 else MIN_CLAIMS_V1
        if len(claims) < min_claims:
            self.error("steps", f"{len(claims)} claims; a built-in pack has at least {min_claims}")
        if claims:
            misleading = sum(1 for c in claims if c.get("verdict") == "misleading")
            if misleading < MIN_MISLEADING:
                self.rule("steps", f"{misleading} misleading claims; a built-in pack has at least {MIN_MISLEADING}")
            for v in VERDICTS:
                right = sum(1 for c in claims if c.get("verdict") == v or v in (c.get("also_accepted") or []))
                if right > MAX_SHARE * len(claims):
                    self.rule("steps", f"{v!r} is right for {right} of {len(claims)} claims, more than {MAX_SHARE:.0%}: guessing it would pay")


def shape(pack):
    """What a translation must keep: everything but the words."""
    def src(s):
        return (s.get("date"), s.get("url")) if isinstance(s, dict) else None

    def art(a):
        if not isinstance(a, dict):
            return None
        return (a.get("id"), a.get("kind"), a.get("time"), a.get("date"), src(a.get("source")))

    out = [("id", pack.get("id")), ("version", pack.get("version")), ("format", pack.get("format")),
           ("estimated_minutes", pack.get("estimated_minutes")), ("accent_color", pack.get("accent_color")),
           ("techniques", [t.get("id") for t in pack.get("techniques") or []]),
           ("habits", [h.get("id") for h in pack.get("habits") or []])]
    for i, step in enumerate(pack.get("steps") or []):
        item = {"id": step.get("id"), "type": step.get("type"), "date": step.get("date"),
                "sources": [src(s) for s in step.get("sources") or []],
                "artefact": art(step.get("artefact")), "artefact_ref": step.get("artefact_ref")}
        if step.get("type") == "claim":
            reveal = step.get("reveal") or {}
            item.update({
                "as_of": step.get("as_of"), "verdict": step.get("verdict"),
                "also_accepted": step.get("also_accepted", []),
                "moves": [(o.get("id"), o.get("expected", False), o.get("asks"), "found" in o)
                          for o in (step.get("moves") or {}).get("options", [])],
                "techniques": reveal.get("techniques"), "habits": reveal.get("habits"),
                "reveal.sources": [src(s) for s in reveal.get("sources") or []],
                "reveal.later_sources": [src(s) for s in reveal.get("later_sources") or []],
            })
        out.append((f"steps[{i}]", item))
    return out


def check_translation(checker, original, translation):
    if translation.get("translated_from") != original.get("language"):
        checker.error("translated_from", f"{translation.get('translated_from')!r}: expected {original.get('language')!r}, the language of the file it translates")
    if "translated_from" in original:
        checker.error("translated_from", "the original has no translated_from")
    if translation.get("language") == original.get("language"):
        checker.error("language", "a translation is in another language than its original")
    a, b = shape(original), shape(translation)
    if len(a) != len(b):
        checker.error("steps", f"{len(b) - 7} steps, the original has {len(a) - 7}")
    for (key, want), (_, got) in zip(a, b):
        if want == got:
            continue
        if isinstance(want, dict) and isinstance(got, dict):
            for field in want:
                if want[field] != got.get(field):
                    checker.error(f"{key}.{field}", f"{got.get(field)!r} differs from the original's {want[field]!r}")
        else:
            checker.error(key, f"{got!r} differs from the original's {want!r}")
    # Titles of sources stay in their original language: the same source is the same title.
    titles = {s.get("url"): s.get("title") for _, s in strings_sources(original)}
    for path, s in strings_sources(translation):
        if s.get("url") in titles and titles[s.get("url")] != s.get("title"):
            checker.error(f"{path}.title", "a source keeps its title as published, untranslated")


def strings_sources(node, path=""):
    if isinstance(node, dict):
        if "url" in node and "publisher" in node and "title" in node:
            yield path, node
        for k, v in node.items():
            yield from strings_sources(v, f"{path}.{k}" if path else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from strings_sources(v, f"{path}[{i}]")


def load(checker, name):
    try:
        with open(name, "rb") as f:
            return json.loads(f.read().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        checker.error("(file)", str(e))
        return None


def main():
    parser = argparse.ArgumentParser(description="Check a built-in Lateral pack against the house rules.")
    parser.add_argument("pack")
    parser.add_argument("--translation", metavar="OTHER",
                        help="also check OTHER, a translation of PACK, and that both agree on all but the words")
    parser.add_argument("--expect-error", action="append", default=[], metavar="TEXT",
                        help="the pack is meant to be broken: succeed only if an error contains TEXT")
    args = parser.parse_args()

    reports = []
    checker = Checker()
    pack = load(checker, args.pack)
    if pack is not None:
        checker.pack(pack)
    reports.append((args.pack, checker.errors, checker.warnings))
    if args.translation:
        other = Checker()
        translation = load(other, args.translation)
        if translation is not None:
            other.pack(translation)
            if pack is not None:
                check_translation(other, pack, translation)
        reports.append((args.translation, other.errors, other.warnings))

    errors = []
    for name, errs, warns in reports:
        for warn in warns:
            print(f"{name}: warning: {warn}")
        for err in errs:
            print(f"{name}: error: {err}")
        errors.extend(errs)

    if args.expect_error:
        missing = [t for t in args.expect_error if not any(t in e for e in errors)]
        for t in missing:
            print(f"{args.pack}: expected an error containing {t!r}, got none")
        return 1 if missing else 0
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
