#!/usr/bin/env python3
# Every catalog in po/LINGUAS against a template extracted from the sources as
# they are now, so a new string without a translation fails the suite.
#
#   check-po.py SOURCE_ROOT
#
# The template is extracted here rather than taken from po/lateral.pot (which
# is generated on demand and not kept in git) with the same xgettext options
# as meson's i18n.gettext(preset: 'glib'), see
# /usr/lib/python3/dist-packages/mesonbuild/modules/i18n.py.
import os
import re
import subprocess
import sys
import tempfile

GLIB_PRESET = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

STATS = re.compile(r'(\d+) translated messages?(?:, (\d+) fuzzy translations?)?(?:, (\d+) untranslated messages?)?')

count = 0
failed = False


def report(ok, what, details=''):
    global count, failed
    count += 1
    print(f"{'ok' if ok else 'not ok'} {count} - {what}")
    for line in details.splitlines():
        print(f'# {line}')
    failed = failed or not ok


def run(args):
    return subprocess.run(args, capture_output=True, text=True)


def entries(po, selection):
    """The msgids of the entries of PO that msgattrib SELECTION keeps."""
    text = run(['msgattrib', selection, '--no-obsolete', '--no-wrap', '--no-location', po]).stdout
    ids = re.findall(r'^(?:msgctxt "(.*)"\n)?msgid "(.*)"$', text, re.M)
    return [f'{ctx} | {mid}' if ctx else mid for ctx, mid in ids if mid]


def main():
    root = sys.argv[1]
    po_dir = os.path.join(root, 'po')
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f for w in line.split('#', 1)[0].split()]
    if not languages:
        print('1..0 # SKIP no languages in po/LINGUAS')
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'lateral.pot')
        extract = run(['xgettext', '--package-name=lateral', '-f', os.path.join(po_dir, 'POTFILES.in'),
                       '-D', root, '-k_', '-o', pot] + GLIB_PRESET)
        report(extract.returncode == 0 and os.path.exists(pot),
               'xgettext extracts the template from po/POTFILES.in', extract.stderr)
        if extract.returncode != 0:
            print(f'1..{count}')
            return 1

        for lang in languages:
            po = os.path.join(po_dir, lang + '.po')
            check = run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po])
            report(check.returncode == 0, f'{lang}.po passes msgfmt --check', check.stderr)

            merged = os.path.join(tmp, lang + '.po')
            merge = run(['msgmerge', '--no-fuzzy-matching', '--quiet', '-o', merged, po, pot])
            if merge.returncode != 0:
                report(False, f'{lang}.po merges with the template', merge.stderr)
                continue
            stats = run(['msgfmt', '--statistics', '-o', os.devnull, merged]).stderr
            m = STATS.search(stats)
            translated = int(m.group(1)) if m else 0
            fuzzy = int(m.group(2) or 0) if m else -1
            untranslated = int(m.group(3) or 0) if m else -1

            missing = entries(merged, '--untranslated')
            unsure = entries(merged, '--only-fuzzy')
            details = [f'{lang}: {stats.strip()}']
            details += [f'untranslated: {s}' for s in missing]
            details += [f'fuzzy: {s}' for s in unsure]
            report(m is not None and fuzzy == 0 and untranslated == 0 and translated > 0,
                   f'{lang}.po translates all {translated} messages of the current sources, none fuzzy',
                   '\n'.join(details))

    print(f'1..{count}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
