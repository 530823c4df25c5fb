#!/usr/bin/python3
# test-a11y.py: the accessibility tree of a case, read as a screen reader
# reads it (AT-SPI through python3-pyatspi), on a private session and
# accessibility bus.
#
# Copyright 2026 The Lateral authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: dbus-run-session -- /usr/bin/python3 test-a11y.py LATERAL PACKS-DIR PACK-ID
#
# The app is driven with real key presses (xdotool, under Xvfb). The claims
# and their checks are read from the pack's files (every language of it:
# the app shows the one that matches the interface), so the test follows
# the built-in case as its content changes. Checked:
#   - verdict and certainty choices: radio-button role, one name each, and the
#     checked state on the focused object after a pick; checks: check boxes
#     with one name each; one Tab stop per choice, in order;
#   - no name in the whole tree with a mnemonic underscore or a doubled label;
#   - headings marked, the progress bar named, a story source a named link;
#   - after lock-in the focused object's description carries the result;
#   - something has the focus after every navigation (case -> home -> case ->
#     home).
# Prints TAP.

import json
import os
import re
import subprocess
import sys
import tempfile
import time

VERDICT_LABELS = {"true": "True", "false": "False", "misleading": "Misleading", "unverified": "Unverified"}
VERDICT_KEYS = ["true", "false", "misleading", "unverified"]
CERTAINTY_LABELS = ["Not sure", "Fairly sure", "Very sure"]
MARKS = {1: (1, 0), 2: (2, -2), 3: (3, -6)}

n_tests = 0
failed = False


def ok(condition, message, detail=None):
    global n_tests, failed
    n_tests += 1
    print(("ok %d - %s" if condition else "not ok %d - %s") % (n_tests, message), flush=True)
    if not condition:
        failed = True
        if detail is not None:
            for line in str(detail).splitlines():
                print("# " + line, flush=True)
    return condition


def bail(message):
    print("Bail out! " + message, flush=True)
    sys.exit(1)


def wait_for(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def patient_atspi():
    """Waits up to 20 s for each answer over the bus (libatspi's default is
    0.8 s): under the sanitizers or on a loaded machine the app may take
    seconds to walk a large tree, and a slow answer is not a missing one."""
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
    Atspi.set_timeout(20000, 60000)


def start_a11y_bus():
    launcher = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return launcher


def start_app(app_path, workdir):
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.update({
        "GTK_A11Y": "atspi",
        "GDK_BACKEND": "x11",
        "GSK_RENDERER": "cairo",
        "GSETTINGS_BACKEND": "memory",
        "XDG_DATA_HOME": os.path.join(workdir, "data"),
        "XDG_CONFIG_HOME": os.path.join(workdir, "config"),
        "XDG_CACHE_HOME": os.path.join(workdir, "cache"),
        "LANGUAGE": "en", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
    })
    return subprocess.Popen([app_path, "--profile", "Ada", "--pack", PACK["id"]], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def children(acc):
    try:
        return [acc.getChildAtIndex(i) for i in range(acc.childCount)]
    except Exception:
        return []


def walk(acc, depth=0):
    if acc is None or depth > 60:
        return
    yield acc
    for child in children(acc):
        yield from walk(child, depth + 1)


def states(acc):
    try:
        return acc.getState()
    except Exception:
        return None


def page(app, title):
    """The objects of one page of the window's stack, named by its title:
    GTK 4.8 marks no object but the window as showing, so the hidden pages
    are told apart by the stack page they are in."""
    for acc in walk(app):
        if acc.getRole() == pyatspi.ROLE_PANEL and acc.name == title:
            return list(walk(acc))
    return []


def showing(app):
    return page(app, "Case")


def focused(app):
    for acc in walk(app):
        s = states(acc)
        if s is not None and s.contains(pyatspi.STATE_FOCUSED):
            return acc
    return None


def describe(acc):
    if acc is None:
        return "nothing"
    return "%s %r (%r)" % (acc.getRoleName(), acc.name, acc.description)


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in children(desktop):
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def window_id(pid):
    out = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(pid)],
                         capture_output=True, text=True, timeout=30).stdout.split()
    return out[-1] if out else None


def keys(wid, *names):
    subprocess.run(["xdotool", "windowfocus", "--sync", wid, "key", "--delay", "40"] + list(names),
                   check=True, timeout=30)
    time.sleep(0.4)


def headings(app):
    return [acc.name for acc in showing(app) if acc.getRole() == pyatspi.ROLE_HEADING]


def current_claim(app):
    names = headings(app)
    for claim in CLAIMS:
        if claim["claim"] in names:
            return claim
    return None


def audit_names(app, where, title="Case"):
    """No mnemonic underscore, no doubled label, anywhere on the page."""
    bad = []
    for acc in page(app, title):
        name = acc.name or ""
        if re.search(r"(^|\s)_\w", name):
            bad.append("mnemonic: " + describe(acc))
        half = re.fullmatch(r"(.+) \1", name)
        if half is not None:
            bad.append("doubled: " + describe(acc))
    ok(not bad, "%s: no mnemonic underscore or doubled label in any name" % where, "\n".join(bad))


def focus_after(app, where):
    acc = wait_for(lambda: focused(app), 30)
    ok(acc is not None, "%s: something has the focus (%s)" % (where, describe(acc)))
    return acc


def check_story(app):
    # A source is a named link, or, when its headline could answer the next
    # claim, a named list item saying when its headline will be shown.
    links = [acc for acc in showing(app) if acc.getRole() == pyatspi.ROLE_LINK]
    held = [acc for acc in showing(app) if acc.getRole() == pyatspi.ROLE_LIST_ITEM
            and "shown after you answer" in (acc.name or "")]
    ok((links or held) and all(acc.name for acc in links + held),
       "story step: its sources are links or held-back items, with names",
       "\n".join(describe(a) for a in links + held))
    bars = [acc for acc in showing(app) if acc.getRole() == pyatspi.ROLE_PROGRESS_BAR]
    ok(len(bars) == 1 and bars[0].name == "Progress through the case",
       "the progress bar is named", "\n".join(describe(a) for a in bars))
    acc = focused(app)
    ok(acc is not None and acc.getRole() == pyatspi.ROLE_PUSH_BUTTON and acc.name == "Continue",
       "story step: Continue has the focus", describe(acc))


def check_quick_check(app):
    """The quick check offered before a learner's first attempt (issue 13):
    the bar's button, then its window, read from the accessibility tree."""
    def named_button(root, name):
        return [a for a in walk(root) if a.getRole() == pyatspi.ROLE_PUSH_BUTTON and a.name == name]

    def focused_named(*names):
        acc = focused(app)
        return acc if acc is not None and acc.name in names else None

    take = wait_for(lambda: named_button(app, "Take the Check"), 30)
    if not ok(take, "first attempt: the quick check is offered by a named button"):
        return
    ok([a for a in walk(app) if a.getRole() == pyatspi.ROLE_PANEL and a.name == "Quick check offer"],
       "the offer is a named group")
    ok(focused_named("Continue") is not None, "the offer leaves the focus on the case", describe(focused(app)))
    take[0].queryAction().doAction(0)

    start = wait_for(lambda: focused_named("Start"), 30)
    ok(start is not None, "the quick check opens with Start focused", describe(focused(app)))
    ok([a for a in walk(app) if a.getRole() == pyatspi.ROLE_HEADING and a.name.startswith("A Quick Check")],
       "its first page has a heading")
    ok(named_button(app, "Not Now"), "it can be skipped: a Not Now button")
    if start is None:
        return
    start.queryAction().doAction(0)

    answer = wait_for(lambda: focused_named("Real", "Fake"), 30)
    ok(answer is not None and (answer.description or "").startswith("Headline 1 of 20: "),
       "a headline: Real or Fake has the focus, described by the headline", describe(answer))
    ok([a for a in walk(app) if a.getRole() == pyatspi.ROLE_PROGRESS_BAR
        and a.name == "Progress through the quick check"], "its progress bar is named")

    # Closed half-way: back to the case, the focus with it.
    window = [a for a in children(app) if a.name == "Quick Check"]
    close = named_button(window[0], "Close") if window else []
    if ok(close, "the check's window has a named Close button"):
        close[0].queryAction().doAction(0)
        ok(wait_for(lambda: focused_named("Continue"), 30) is not None,
           "closed: the focus is back on the case", describe(focused(app)))


def check_claim(app, wid, claim):
    where = "claim %s" % claim["id"]
    radios = [acc for acc in showing(app) if acc.getRole() == pyatspi.ROLE_RADIO_BUTTON]
    checks = [acc for acc in showing(app) if acc.getRole() == pyatspi.ROLE_CHECK_BOX]
    expected_radios = [VERDICT_LABELS[v] for v in VERDICT_KEYS] + CERTAINTY_LABELS
    expected_checks = [option["label"] for option in claim["moves"]["options"]]

    ok([acc.name for acc in radios] == expected_radios,
       "%s: verdicts and certainties are radio buttons, one name each" % where,
       "\n".join(describe(a) for a in radios))
    ok([acc.name for acc in checks] == expected_checks,
       "%s: checks are check boxes, one name each" % where, "\n".join(describe(a) for a in checks))
    ok(not any(states(a).contains(pyatspi.STATE_CHECKED) for a in radios + checks),
       "%s: nothing is checked before a pick" % where)
    for heading in ["Your Verdict", "How Sure Are You?", claim["claim"]]:
        ok(heading in headings(app), "%s: %r is a heading" % (where, heading), headings(app))
    audit_names(app, where)

    acc = focus_after(app, where)
    ok(acc is not None and acc.name == expected_radios[0] and acc.getRole() == pyatspi.ROLE_RADIO_BUTTON,
       "%s: the first verdict has the focus" % where, describe(acc))

    # One Tab stop per choice, in order.
    seen = [acc.name if acc is not None else None]
    for _ in range(len(expected_radios) + len(expected_checks) - 1):
        keys(wid, "Tab")
        acc = focused(app)
        seen.append(acc.name if acc is not None else None)
    ok(seen == expected_radios + expected_checks, "%s: one Tab stop per choice" % where,
       "seen: %r" % seen)

    # Space on the focused check box checks it, on the focused object.
    keys(wid, "space")
    acc = focused(app)
    ok(acc is not None and acc.getRole() == pyatspi.ROLE_CHECK_BOX and states(acc).contains(pyatspi.STATE_CHECKED),
       "%s: Space checks the focused check box" % where, describe(acc))

    # The number keys pick Unverified, then Very sure; each picked choice
    # is the focused object, checked.
    keys(wid, "4")
    acc = focused(app)
    ok(acc is not None and acc.name == "Unverified" and states(acc).contains(pyatspi.STATE_CHECKED),
       "%s: key 4 checks Unverified, which has the focus" % where, describe(acc))
    keys(wid, "3")
    acc = focused(app)
    ok(acc is not None and acc.name == "Very sure" and states(acc).contains(pyatspi.STATE_CHECKED),
       "%s: key 3 checks Very sure, which has the focus" % where, describe(acc))
    checked = [a.name for a in radios if states(a).contains(pyatspi.STATE_CHECKED)]
    ok(checked == ["Unverified", "Very sure"], "%s: one checked choice per group" % where, checked)

    keys(wid, "Return")
    accepted = [claim["verdict"]] + claim.get("also_accepted", [])
    right = "unverified" in accepted
    mark = MARKS[3][0] if right else MARKS[3][1]
    expected = "%s, %s. The answer is %s." % ("Right" if right else "Not right",
                                              ("+%d" % mark) if mark > 0 else ("−%d" % -mark),
                                              VERDICT_LABELS[claim["verdict"]])
    acc = wait_for(lambda: (lambda f: f if f is not None and f.name == "Continue" else None)(focused(app)), 10)
    ok(acc is not None and acc.description == expected,
       "%s: after lock-in the focused object carries the result" % where,
       "expected %r, got %s" % (expected, describe(acc)))
    audit_names(app, where + " revealed")


def main():
    global pyatspi, PACK, CLAIMS
    if len(sys.argv) != 4:
        bail("usage: test-a11y.py LATERAL PACKS-DIR PACK-ID")
    app_path, packs_dir, pack_id = sys.argv[1:4]
    PACK, CLAIMS = None, []
    for name in sorted(os.listdir(packs_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(packs_dir, name), encoding="utf-8") as f:
            pack = json.load(f)
        if isinstance(pack, dict) and pack.get("id") == pack_id:
            PACK = PACK or pack
            CLAIMS += [step for step in pack["steps"] if step["type"] == "claim"]
    if PACK is None:
        bail("no pack %s in %s" % (pack_id, packs_dir))

    launcher = start_a11y_bus()
    import pyatspi as module
    pyatspi = module
    patient_atspi()

    with tempfile.TemporaryDirectory() as workdir:
        proc = start_app(app_path, workdir)
        try:
            run(proc)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            launcher.terminate()
            launcher.wait(timeout=10)

    print("1..%d" % n_tests)
    sys.exit(1 if failed else 0)


def run(proc):
    wid = window_id(proc.pid)
    if wid is None:
        bail("the app showed no window")
    app = wait_for(lambda: find_app(proc.pid), 30)
    if app is None:
        bail("the app is not on the accessibility bus")
    focus_after(app, "case opened")
    check_story(app)
    audit_names(app, "story step")
    check_quick_check(app)

    # Through the stories to the first claim, then the claim itself.
    for _ in range(len(PACK["steps"])):
        if current_claim(app) is not None:
            break
        keys(wid, "Return")
        focus_after(app, "next step")
    claim = current_claim(app)
    if not ok(claim is not None, "a claim of the pack is shown"):
        return
    check_claim(app, wid, claim)

    # case -> home -> case -> home, by keyboard: the focus is always somewhere.
    keys(wid, "Escape")
    focus_after(app, "home after Escape")
    audit_names(app, "home", "Home")
    starts = [acc for acc in page(app, "Home")
              if acc.getRole() == pyatspi.ROLE_PUSH_BUTTON and acc.name.startswith(("Continue", "Start"))]
    if ok(starts, "home: a button starts or continues the case", "\n".join(describe(a) for a in page(app, "Home"))):
        starts[0].queryAction().doAction(0)
        wait_for(lambda: headings(app) and current_claim(app) is not None or
                 any(a.getRole() == pyatspi.ROLE_PROGRESS_BAR for a in showing(app)), 10)
        focus_after(app, "case opened from home")
    keys(wid, "alt+Left")
    focus_after(app, "home after Alt+Left")


if __name__ == "__main__":
    main()
