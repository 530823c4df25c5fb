#!/usr/bin/env python3
"""Both faces report the Meson project version and the CLI explains itself."""
import subprocess
import sys

app, cli, version = sys.argv[1:4]
failures = 0


def check(what, ok):
    global failures
    print(("ok" if ok else "not ok") + " - " + what)
    failures += 0 if ok else 1


print("1..6")
for exe in (app, cli):
    out = subprocess.run([exe, "--version"], capture_output=True, text=True)
    check(f"{exe} --version prints 'lateral {version}'",
          out.returncode == 0 and out.stdout == f"lateral {version}\n")

out = subprocess.run([cli, "--help"], capture_output=True, text=True)
check("lateral-cli --help exits 0", out.returncode == 0)
check("lateral-cli --help lists --version and --help",
      "--version" in out.stdout and "--help" in out.stdout)
out = subprocess.run([cli, "no-such-command"], capture_output=True, text=True)
check("an unknown command is a usage error (exit 2)",
      out.returncode == 2 and "no-such-command" in out.stderr)
out = subprocess.run([cli], capture_output=True, text=True)
check("no command at all is a usage error (exit 2)", out.returncode == 2)
sys.exit(1 if failures else 0)
