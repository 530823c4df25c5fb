#!/usr/bin/env python3
# check-layout.py: the tree keeps the shape docs/architecture.md draws
#
# Copyright 2026 The Lateral authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-layout.py SOURCE_ROOT
#
# A TAP test (suite data) that fails when
#   - a .c or .h file under src/ does not open with "/* FILE-NAME: what it holds";
#   - a folder under src/ is missing from the map that opens
#     docs/architecture.md, or the map names a folder that does not exist
#     (unless it says "to come");
#   - the README's layout table names other src/ folders than the map;
#   - a file includes a header from a folder its own folder may not use
#     (the map's last column), or includes another folder's header without
#     naming the folder;
#   - the core or the CLI includes GTK or libadwaita;
#   - a file outside src/core/store/ includes the store's private header or
#     sqlite3.h, or writes a transaction statement (BEGIN, COMMIT, ROLLBACK,
#     SAVEPOINT) itself.
# Each failure names the file and line, so the fix is one look away.

import os
import re
import sys

root = sys.argv[1]
src = os.path.join(root, "src")
results = []


def report(name, problems):
    results.append((name, problems))


def relative(path):
    return os.path.relpath(path, root)


def source_files():
    for folder, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".c", ".h")):
                yield os.path.join(folder, name)


def folder_of(path):
    return relative(os.path.dirname(path)) + "/"


# 1. Opening comments.
problems = []
for path in source_files():
    with open(path, encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
    name = os.path.basename(path)
    m = re.match(r"^/\* (\S+): \S", first)
    if m is None:
        problems.append("%s:1: the file opens without “/* %s: what it holds”" % (relative(path), name))
    elif m.group(1) != name:
        problems.append("%s:1: the opening comment names %s, not %s" % (relative(path), m.group(1), name))
report("every file under src/ opens with what it holds", problems)

# 2. The map.
row = re.compile(r"^\| `(src/[^`]*/)` \|\s*(.*?)\s*\|\s*(.*?)\s*\|$")
map_rows = {}
with open(os.path.join(root, "docs", "architecture.md"), encoding="utf-8") as f:
    for number, line in enumerate(f, 1):
        m = row.match(line.rstrip("\n"))
        if m:
            map_rows[m.group(1)] = (number, m.group(2), m.group(3))

on_disk = set()
for folder, dirs, files in os.walk(src):
    if folder == src or not files:
        continue
    rel = relative(folder) + "/"
    if rel in ("src/core/", ):
        continue
    on_disk.add(rel)
# The core's own folder holds only its meson.build.
problems = []
for folder in sorted(on_disk - set(map_rows)):
    problems.append("%s is missing from the map in docs/architecture.md" % folder)
for folder in sorted(set(map_rows) - on_disk):
    number, holds, _ = map_rows[folder]
    if "to come" not in holds:
        problems.append("docs/architecture.md:%d: %s does not exist (say “to come” if it will)" % (number, folder))
if not map_rows:
    problems.append("docs/architecture.md has no map (rows “| `src/…/` | holds | may include from |”)")
report("the folder map names every folder under src/", problems)

# 3. The README's layout table.
readme_folders = set()
with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
    for line in f:
        m = re.match(r"^\| `(src/[^`]*/)` \|", line)
        if m:
            readme_folders.add(m.group(1))
readme_folders.discard("src/core/")
problems = ["README.md's layout table lacks %s" % d for d in sorted(set(map_rows) - readme_folders)]
problems += ["README.md's layout table names %s, which the map does not" % d
             for d in sorted(readme_folders - set(map_rows))]
report("the README's layout table matches the map", problems)

# 4. Includes follow the map.
core_folders = sorted(d for d in map_rows if d.startswith("src/core/"))
app_folders = sorted(d for d in map_rows if d.startswith("src/app/"))


def resolve(folder, first_component):
    """The folder a `#include "X/…"` in @folder means."""
    if folder.startswith("src/app/") and os.path.isdir(os.path.join(src, "app", first_component)):
        return "src/app/%s/" % first_component
    return "src/core/%s/" % first_component


def allowed(folder):
    """(folders, single headers) that @folder may include from."""
    cell = map_rows[folder][2]
    folders, headers = {folder}, set()
    if "every core folder" in cell:
        folders.update(core_folders)
    if "every `src/app/` folder" in cell:
        folders.update(app_folders)
    for token in re.findall(r"`([^`]+)`", cell):
        if token.endswith("/"):
            folders.add(resolve(folder, token.rstrip("/")))
        elif token.endswith(".h"):
            headers.add(token)
    return folders, headers


include = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]')
problems = []
for path in source_files():
    folder = folder_of(path)
    if folder not in map_rows:
        continue
    folders, headers = allowed(folder)
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    for number, line in enumerate(lines, 1):
        m = include.match(line)
        if not m:
            continue
        kind, header = m.groups()
        where = "%s:%d" % (relative(path), number)
        if kind == "<":
            if (folder.startswith("src/core/") or folder.startswith("src/cli/")) and \
               (header.startswith("gtk/") or header == "adwaita.h"):
                problems.append("%s: %s in %s: the core and the CLI never use GTK" % (where, header, folder))
            if header == "sqlite3.h" and folder != "src/core/store/":
                problems.append("%s: sqlite3.h outside src/core/store/" % where)
            continue
        if header == "config.h":
            continue
        if "/" not in header:
            if not os.path.exists(os.path.join(os.path.dirname(path), header)):
                problems.append("%s: “%s” is not in %s: name its folder (“folder/%s”)" % (where, header, folder, header))
            continue
        target = resolve(folder, header.split("/", 1)[0])
        if target not in folders and header not in headers:
            problems.append("%s: %s may not include %s (docs/architecture.md allows: %s)"
                            % (where, folder, header, map_rows[folder][2] or "nothing"))
report("every include follows the map's direction", problems)

# 5. The store keeps sqlite3 and transactions to itself.
# SQL keywords are upper case in this code base ("begin-print" is a signal).
transaction = re.compile(r'"\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|END TRANSACTION)\b')
problems = []
for path in source_files():
    folder = folder_of(path)
    if folder == "src/core/store/":
        continue
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            where = "%s:%d" % (relative(path), number)
            if "lateral-store-private.h" in line and include.match(line):
                problems.append("%s: the store's private header outside src/core/store/ "
                                "(use lateral-store.h, -transaction.h or -query.h)" % where)
            if transaction.search(line):
                problems.append("%s: a transaction statement outside src/core/store/ "
                                "(use lateral-store-transaction.h)" % where)
report("no raw sqlite3 or transaction statement outside src/core/store/", problems)

print("1..%d" % len(results))
failed = False
for number, (name, problems) in enumerate(results, 1):
    if problems:
        failed = True
        print("not ok %d - %s" % (number, name))
        for problem in problems:
            print("# %s" % problem)
    else:
        print("ok %d - %s" % (number, name))
sys.exit(1 if failed else 0)
