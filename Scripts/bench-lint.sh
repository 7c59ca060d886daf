#!/usr/bin/env bash
# Issue 5's benchmark, in one run on one machine: `migplan lint` over the whole corpus against
# CPython merely `ast.parse`-ing the same files, both timed from process start to exit, and a
# single-file pre-commit-style run (`migplan lint FILE --root …`), and `migplan --version` for
# the cost of starting the process.
#
#   bash Scripts/bench-lint.sh                    # release build (as the wheel ships it), 21 runs
#   bash Scripts/bench-lint.sh --runs 51 --dynamic --scratch .build-perf
#   bash Scripts/bench-lint.sh --binary PATH      # time a binary built elsewhere
#
# The build is `swift build -c release --static-swift-stdlib` (Scripts/build-wheel.sh's, the
# binary users run); --dynamic times a plain `swift build -c release` instead (Swift runtime,
# Foundation and ICU as shared libraries: slower to start). Roots are the corpus packages
# (.corpus/*, Scripts/fetch-corpus.py), one --root each, so the project is the whole corpus.
# The files given to CPython are the files lint judges (every `*.py` not starting with `_` or
# `~` in a `migrations/` package of an app under the roots); the script stops when the counts
# differ. CPython is the real interpreter (a pyenv shim resolved through sys.executable) run
# with -I -S, so neither a launcher script nor site-packages' .pth files count against it.
# Runs alternate between the commands, so load on the machine falls on all of them alike; the
# figures are the median and best wall time of each and its CPU time (user + sys). Timings are
# printed, never asserted.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=21
scratch=$here/.build-bench
binary=
static=(--static-swift-stdlib)
python=python3
file=
say() { printf 'bench-lint: %s\n' "$*" >&2; }
die() {
  printf 'bench-lint: error: %s\n' "$*" >&2
  exit 2
}

while [[ $# -gt 0 ]]; do
  case $1 in
  --runs) runs=$2 && shift 2 ;;
  --scratch) scratch=$2 && shift 2 ;;
  --binary) binary=$2 && shift 2 ;;
  --dynamic) static=() && shift ;;
  --python) python=$2 && shift 2 ;;
  --file) file=$2 && shift 2 ;;
  *) die "usage: bench-lint.sh [--runs N] [--scratch DIR] [--binary PATH] [--dynamic] [--python PY] [--file MIGRATION]" ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number"

cd "$here"
[[ -d .corpus ]] || die "no .corpus: run python3 Scripts/fetch-corpus.py"
roots=()
for d in .corpus/*/; do roots+=("${d%/}"); done
[[ ${#roots[@]} -gt 0 ]] || die "the corpus is empty"

if [[ -z $binary ]]; then
  say "swift build -c release ${static[*]} --scratch-path $scratch --product migplan"
  swift build -c release "${static[@]}" --scratch-path "$scratch" --product migplan >&2
  binary=$(swift build -c release "${static[@]}" --scratch-path "$scratch" --show-bin-path)/migplan
fi
[[ -x $binary ]] || die "no binary at $binary"
interpreter=$("$python" -c 'import sys; print(sys.executable)') || die "cannot run $python"

# The newest migration of wagtailcore: a long chain with dependencies on other packages, so the
# single-file run needs a real share of the project.
if [[ -z $file ]]; then
  file=$(ls .corpus/wagtail/wagtail/migrations/0*.py | sort | tail -1)
fi
[[ -f $file ]] || die "no such migration: $file"

"$interpreter" -I -S - "$binary" "$interpreter" "$runs" "$file" "${roots[@]}" <<'EOF'
import ast
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

binary, interpreter, runs, single, *roots = sys.argv[1:]
runs = int(runs)
root_args = [a for r in roots for a in ("--root", r)]


def is_migration(path):
    """Whether the module has a top-level `class Migration(…)` with a base."""
    try:
        tree = ast.parse(open(path, "rb").read(), path)
    except SyntaxError:
        return True  # lint reports it
    return any(isinstance(n, ast.ClassDef) and n.name == "Migration" and n.bases for n in tree.body)


def lint_files():
    """The files `migplan lint` judges: not `_*`/`~*` .py files of migrations packages."""
    skipped = {"__pycache__", "node_modules", "site-packages"}
    files = []
    for root in roots:
        for folder, dirs, names in os.walk(root, followlinks=True):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in skipped)
            if "migrations" in dirs and os.path.isfile(os.path.join(folder, "migrations", "__init__.py")):
                mig = os.path.join(folder, "migrations")
                package = sorted(
                    os.path.join(mig, n) for n in os.listdir(mig)
                    if n.endswith(".py") and n[0] not in "_~"
                    and os.path.isfile(os.path.join(mig, n)))
                # A package none of whose modules has a `class Migration(…)` is a library
                # (Django's own django/db/migrations), not an app's migrations.
                if any(is_migration(p) for p in package):
                    files += package
            dirs[:] = [d for d in dirs if d != "migrations"]
    return files


files = lint_files()
listing = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
listing.write("\n".join(files) + "\n")
listing.close()

parse_script = (
    "import ast, sys\n"
    "for p in open(sys.argv[1]).read().splitlines():\n"
    "    with open(p, 'rb') as f:\n"
    "        ast.parse(f.read(), p)\n")
commands = {
    "lint": [binary, "lint", *root_args, "--format", "json"],
    "python": [interpreter, "-I", "-S", "-c", parse_script, listing.name],
    "single": [binary, "lint", single, *root_args],
    "start": [binary, "--version"],
}

# Check once that each command does what it claims before timing it.
out = subprocess.run(commands["lint"], capture_output=True, text=True)
summary = json.loads(out.stdout)["summary"]
if summary["files"] != len(files):
    sys.exit(f"bench-lint: error: lint judged {summary['files']} files, the listing has {len(files)}")
check = subprocess.run(commands["python"], capture_output=True, text=True)
if check.returncode != 0:
    sys.exit(f"bench-lint: error: CPython failed on the listing:\n{check.stderr}")
one = subprocess.run(commands["single"], capture_output=True, text=True)
if one.returncode not in (0, 1):
    sys.exit(f"bench-lint: error: single-file lint exited {one.returncode}:\n{one.stderr}")


def run(argv):
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime


times = {name: [] for name in commands}
for _ in range(runs):
    for name, argv in commands.items():
        times[name].append(run(argv))
os.unlink(listing.name)


def ms(s):
    return f"{s * 1000:.1f} ms"


def row(label, samples):
    wall = [w for w, _ in samples]
    cpu = [c for _, c in samples]
    print(f"{label:<34} median {ms(statistics.median(wall)):>9}, best {ms(min(wall)):>9} wall;"
          f" median {ms(statistics.median(cpu)):>9} CPU")


nbytes = sum(os.path.getsize(f) for f in files)
print(f"files: {len(files)} ({nbytes / 1e6:.2f} MB) under {len(roots)} roots; {runs} runs each")
row("migplan lint (whole corpus)", times["lint"])
row(f"CPython {sys.version.split()[0]} ast.parse (same files)", times["python"])
row("migplan lint (one file)", times["single"])
row("migplan --version (start-up)", times["start"])
print(f"one file: {single}")
lint_wall = statistics.median(w for w, _ in times["lint"])
py_wall = statistics.median(w for w, _ in times["python"])
lint_cpu = statistics.median(c for _, c in times["lint"])
py_cpu = statistics.median(c for _, c in times["python"])
print(f"CPU time: {py_cpu / lint_cpu:.1f}× CPython ast.parse")
print(f"pre-commit (one file): {statistics.median(w for w, _ in times['single']) * 1000:.1f} ms")
print(f"lint: {py_wall / lint_wall:.1f}× CPython ast.parse (process start to exit)")
EOF
