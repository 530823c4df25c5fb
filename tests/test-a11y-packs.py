#!/usr/bin/python3
"""Manage Cases through AT-SPI, as a screen reader gets it (issue 11).

A lateral-pack/1 case that breaks the judge-before-you-know rules is
installed for the user; on Manage Cases its row says its language, and its
Warnings button has a name that says what it does and for which case, is
reached with Tab and opens a dialog that lists the warnings.

    test-a11y-packs.py LATERAL WARNINGS-PACK

Run under dbus-run-session with an X server (build-aux/dev test); uses the
helpers of tests/test-a11y.py.
"""
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("a11y", os.path.join(here, "test-a11y.py"))
a11y = importlib.util.module_from_spec(spec)
spec.loader.exec_module(a11y)

results = []


def check(what, ok, detail=""):
    results.append((what, bool(ok), detail))
    return ok


def start_app(app_path, workdir):
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.update({
        "GTK_A11Y": "atspi", "GDK_BACKEND": "x11", "GSK_RENDERER": "cairo",
        "GSETTINGS_BACKEND": "memory",
        "XDG_DATA_HOME": os.path.join(workdir, "data"),
        "XDG_CONFIG_HOME": os.path.join(workdir, "config"),
        "XDG_CACHE_HOME": os.path.join(workdir, "cache"),
        "LANGUAGE": "en", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
    })
    return subprocess.Popen([app_path], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def find(app, role, name):
    for acc in a11y.walk(app):
        try:
            if acc.getRole() == role and acc.name == name:
                return acc
        except Exception:
            continue
    return None


def run(proc, pyatspi):
    wid = a11y.window_id(proc.pid)
    app = a11y.wait_for(lambda: a11y.find_app(proc.pid), 30)
    if not check("the app is on the accessibility bus with a window", wid is not None and app is not None):
        return
    a11y.keys(wid, "F10")
    a11y.keys(wid, "Down", "Return")
    page = a11y.wait_for(lambda: a11y.page(app, "Manage Cases"), 10)
    check("Manage Cases is shown", page)

    # The two date rules, and the hints about a draft (an example id...).
    button = a11y.wait_for(lambda: next((acc for acc in a11y.walk(app)
                                         if acc.getRole() == pyatspi.ROLE_PUSH_BUTTON and acc.name.startswith("Show ")
                                         and acc.name.endswith(" warnings about “A sample case”")), None), 10)
    name = button.name if button is not None else None
    check("the Warnings button is a push button named for what it does and its case", button is not None,
          "\n".join(a11y.describe(acc) for acc in page if acc.getRole() == pyatspi.ROLE_PUSH_BUTTON))
    unnamed = [a11y.describe(acc) for acc in a11y.page(app, "Manage Cases")
               if acc.getRole() == pyatspi.ROLE_PUSH_BUTTON and not acc.name]
    check("no button of the page is unnamed", not unnamed, "\n".join(unnamed))
    leaked = [a11y.describe(acc) for acc in a11y.page(app, "Manage Cases") if "_" in (acc.name or "")]
    check("no mnemonic underscore leaks into a name", not leaked, "\n".join(leaked))
    rows = [acc.name for acc in a11y.page(app, "Manage Cases")
            if acc.getRole() == pyatspi.ROLE_LABEL and acc.name.startswith("version ") and " · English" in acc.name]
    check("the case rows say their language", len(rows) >= 2,
          "\n".join(a11y.describe(acc) for acc in a11y.page(app, "Manage Cases")))

    # By keyboard: Tab to the button, Return opens the list.
    reached = False
    for _ in range(20):
        a11y.keys(wid, "Tab")
        focus = a11y.focused(app)
        if focus is not None and focus.name == name:
            reached = True
            break
    check("Tab reaches the Warnings button", reached, a11y.describe(a11y.focused(app)))
    if not reached or name is None:
        return
    a11y.keys(wid, "Return")
    dialog = a11y.wait_for(lambda: find(app, pyatspi.ROLE_DIALOG, "Warnings About “A sample case”")
                           or find(app, pyatspi.ROLE_ALERT, "Warnings About “A sample case”"), 10)
    texts = [acc.name for acc in a11y.walk(app) if acc.name and "steps[0].source.date" in acc.name]
    check("Return opens a dialog named for the case, listing the warnings with their place",
          dialog is not None and texts, "\n".join(a11y.describe(acc) for acc in a11y.walk(app))[:3000])


def main():
    if len(sys.argv) != 3:
        print("usage: test-a11y-packs.py LATERAL WARNINGS-PACK", file=sys.stderr)
        sys.exit(2)
    app_path, pack = sys.argv[1:3]
    launcher = a11y.start_a11y_bus()
    import pyatspi
    a11y.pyatspi = pyatspi
    a11y.patient_atspi()

    with tempfile.TemporaryDirectory() as workdir:
        packs = os.path.join(workdir, "data", "lateral", "packs")
        os.makedirs(packs)
        shutil.copy(pack, packs)
        proc = start_app(app_path, workdir)
        try:
            run(proc, pyatspi)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            launcher.terminate()
            launcher.wait(timeout=10)

    print(f"1..{len(results)}")
    for i, (what, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {what}")
        if not ok:
            for line in str(detail).splitlines():
                print(f"# {line}")
    sys.exit(0 if results and all(ok for _, ok, _ in results) else 1)


if __name__ == "__main__":
    main()
