#!/usr/bin/env python3
# The command line and the app follow the locale, with the catalogs compiled
# in the build tree (LATERAL_LOCALEDIR, set by the test environment).
#
#   test-locale.py LATERAL-CLI LATERAL-APP
#
# gettext ignores LANGUAGE when the locale is plain "C", but not with
# C.UTF-8 on glibc 2.36, so LANG=C.UTF-8 LANGUAGE=es works on a machine
# without the es_ES locale; with the locale generated, LANG alone works too.
import os
import subprocess
import sys
import tempfile

cli, app = sys.argv[1], sys.argv[2]
count = 0
failed = False


def check(ok, what, output=''):
    global count, failed
    count += 1
    print(f"{'ok' if ok else 'not ok'} {count} - {what}")
    if not ok:
        for line in output.splitlines():
            print(f'# {line}')
        failed = True


def skip(what, why):
    global count
    count += 1
    print(f'ok {count} - {what} # SKIP {why}')


def run(args, **lang):
    env = {k: v for k, v in os.environ.items() if k not in ('LANG', 'LANGUAGE') and not k.startswith('LC_')}
    env.update(lang)
    p = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    return p.stdout + p.stderr


out = run([cli, '--help'], LANG='C.UTF-8', LANGUAGE='es')
check('Uso: lateral-cli ORDEN [OPCIÓN…]' in out and 'Órdenes:' in out and 'Mostrar la versión y salir' in out,
      'lateral-cli --help is in Spanish with LANG=C.UTF-8 LANGUAGE=es', out)
check('  export     --output ARCHIVO [OPCIONES] Escribir un lote de resultados' in out,
      'the commands\' arguments are translated, and the summaries line up after the longest', out)

out = run([cli, '--help'], LANG='C.UTF-8')
check('Usage: lateral-cli COMMAND [OPTION…]' in out and 'Commands:' in out,
      'lateral-cli --help stays in English without LANGUAGE', out)

out = run([cli, 'play', '--help'], LANG='C.UTF-8', LANGUAGE='es')
check('Jugar como este estudiante (se crea la primera vez)' in out and '--profile=NOMBRE' in out,
      'the options of a command are in Spanish', out)

# A message from the core library, through the CLI.
with tempfile.TemporaryDirectory() as tmp:
    empty = os.path.join(tmp, 'empty.json')
    open(empty, 'w').close()
    out = run([cli, 'validate', empty], LANG='C.UTF-8', LANGUAGE='es')
    check(f'{empty}: error: el archivo está vacío; se esperaba un paquete, un objeto JSON que empiece por “{{”' in out,
          'a core error is in Spanish', out)

out = run([app, '--help'], LANG='C.UTF-8', LANGUAGE='es')
check('Abrir el caso con este identificador' in out and '--profile=NOMBRE' in out,
      'the app\'s --help is in Spanish', out)

locales = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.split()
if any(l.lower() in ('es_es.utf8', 'es_es.utf-8') for l in locales):
    out = run([cli, '--help'], LANG='es_ES.UTF-8')
    check('Uso: lateral-cli ORDEN [OPCIÓN…]' in out, 'lateral-cli --help is in Spanish with LANG=es_ES.UTF-8', out)
else:
    skip('lateral-cli --help is in Spanish with LANG=es_ES.UTF-8', 'the es_ES.UTF-8 locale is not generated')

print(f'1..{count}')
sys.exit(1 if failed else 0)
