#!/usr/bin/env bash
# Proves the wheel that Scripts/build-wheel.sh made, on a machine like a user's: pip installs it
# into a fresh venv in /tmp, and every wheel command runs in a private mount namespace
# (`unshare`, so run as root) where the Swift toolchain, this checkout (its build folders too)
# and the system's libpq are hidden, with a bare environment (`env -i`, PATH = the venv's bin and
# /usr/bin:/bin, LD_LIBRARY_PATH empty). It checks:
#   - `migplan --version` and `python -m migplan --version` print VERSION; pip has its PEP 440 form
#   - the `migplan` pip put on PATH is the C launcher (an ELF file, not a Python console script;
#     no console_scripts in the dist-info), and every `migplan` command below runs through it;
#     it finds the binary from a `pip install --target`, `--user` (PYTHONUSERBASE) and Debian
#     system install (`/usr/bin/python3 -m pip install --root`, dist-packages), a lib64
#     layout and through a symlink (pipx, uv tool), with no python3 on PATH; copied away from
#     any install it falls back to `python3 -m migplan`, and without python3 it exits 2 with
#     one line
#   - `man migplan` finds the page the wheel installed (share/man/man1 in the venv)
#   - the loader takes libpq (and all it needs) from the wheel's migplan.libs, nothing from the
#     toolchain or the checkout (LD_DEBUG=libs), and the binary's RPATH is relative
#   - `migplan sql` on django.contrib (.corpus) prints what sqlmigrate printed (Fixtures/oracle)
#     and what the development build prints; so do `lint` (text and JSON, on django.contrib and
#     Fixtures/projects/basic), `lint --help`, `rules`, `explain`, `--help` and the completion
#     scripts
#   - `migplan check` against a throw-away PostgreSQL (Scripts/pg.sh) works with the bundled
#     libpq and prints what the development build prints
#   - with the bundled libraries hidden (or the binary copied away from them) the loader refuses
#     to start migplan, naming the bundled libpq: libpq is linked normally, so the wheel always
#     carries it
#   - start-up to the end of `migplan lint` on one file and of `migplan --version` (printed,
#     never asserted): the binary, the launcher and `python -m migplan`, runs interleaved
#   - `pip uninstall migplan` removes the launcher (it is in RECORD) with the package
#   - `pre-commit try-repo` of this checkout's `migplan-wheel` hook (language: python) installs
#     this wheel, passes a safe migration and refuses a risky one
#
#   bash Scripts/test-wheel.sh [WHEEL]     # default: the newest dist/migplan-*manylinux*.whl
#   MIGPLAN_DEV_BIN=path bash Scripts/test-wheel.sh   # skip the development (debug) build
#
# The development binary is a debug build of the sources the wheel was built from
# (.build-wheel/wheel-source), in .build-wheel-dev. Slow; not part of Scripts/test.sh.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
started=$SECONDS
say() { printf 'test-wheel: %s\n' "$*" || true; }
die() {
  printf 'test-wheel: FAIL: %s\n' "$*" >&2
  exit 1
}
failures=0
fail() {
  printf 'test-wheel: FAIL: %s\n' "$*" >&2
  failures=$((failures + 1))
}
pass() { say "ok: $*"; }

wheel=${1:-$(ls -t "$here"/dist/migplan-*manylinux*.whl 2>/dev/null | head -n 1)}
[[ -n $wheel && -f $wheel ]] || die "no wheel; run bash Scripts/build-wheel.sh first"
wheel=$(cd "$(dirname "$wheel")" && pwd)/$(basename "$wheel")
[[ $(id -u) -eq 0 ]] || die "needs root: the wheel runs in a private mount namespace (unshare)"
command -v unshare >/dev/null || die "needs unshare (util-linux)"
version=$(tr -d '[:space:]' <"$here/VERSION")
say "wheel $(basename "$wheel"), $(du -h "$wheel" | cut -f1)"

tmp=$(mktemp -d /tmp/migplan-wheel-test.XXXXXX)
source "$here/Scripts/pg.sh"
on_exit() {
  local status=$?
  rm -rf "$tmp"
  (exit "$status") # pg_on_exit reports and exits with $?
  pg_on_exit
}
pg_traps
trap on_exit EXIT

# The development build, of the sources the wheel came from.
dev=${MIGPLAN_DEV_BIN:-}
if [[ -z $dev ]]; then
  src=$(cat "$here/.build-wheel/wheel-source" 2>/dev/null || echo "$here")
  say "development build (debug) of $src into .build-wheel-dev"
  swift build --package-path "$src" --scratch-path "$here/.build-wheel-dev" --product migplan \
    >"$tmp/dev-build.log" 2>&1 || {
    tail -n 30 "$tmp/dev-build.log" >&2
    die "the development build failed"
  }
  dev=$(swift build --package-path "$src" --scratch-path "$here/.build-wheel-dev" \
    --show-bin-path)/migplan
fi
[[ -x $dev ]] || die "no development binary at $dev"

say "fresh venv in $tmp/venv; pip install the wheel"
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet --disable-pip-version-check --no-index "$wheel"
site=$("$tmp/venv/bin/python" -c 'import migplan, os; print(os.path.dirname(migplan.__file__))')
bin=$site/bin/migplan
libs=$(dirname "$site")/migplan.libs
[[ -x $bin && -d $libs ]] || die "the install has no $bin or $libs"

# What the box hides: the toolchain, the checkout, the system's libpq.
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
syslibpq=$(readlink -f "$(ldconfig -p | awk '/libpq\.so\.5 .*x86-64/ {print $NF; exit}')" || true)
mkdir -p "$tmp/home" "$tmp/work"

# box [HIDE…] -- COMMAND…: COMMAND in a private mount namespace with the toolchain, the checkout,
# the system's libpq and every HIDE path hidden, in $tmp/work, with a bare environment.
box() {
  local hide=("$toolchain" "$here")
  while [[ $1 != -- ]]; do
    hide+=("$1")
    shift
  done
  shift
  unshare --mount --propagation private -- bash -c '
    set -e
    syslibpq=$1 home=$2 venv=$3 n=$4
    shift 4
    for path in "${@:1:$n}"; do mount -t tmpfs none "$path"; done
    shift "$n"
    if [[ -n $syslibpq ]]; then mount --bind /dev/null "$syslibpq"; fi
    cd "$home/../work"
    exec env -i HOME="$home" PATH="$venv/bin:/usr/bin:/bin" LANG=C.UTF-8 LD_LIBRARY_PATH= "$@"
  ' box "$syslibpq" "$tmp/home" "$tmp/venv" "${#hide[@]}" "${hide[@]}" "$@"
}

# run NAME WHO COMMAND…: COMMAND's stdout, stderr and status into $tmp/out/NAME.WHO.*
mkdir -p "$tmp/out"
run() {
  local name=$1 who=$2 status=0
  shift 2
  "$@" >"$tmp/out/$name.$who.out" 2>"$tmp/out/$name.$who.err" || status=$?
  echo "$status" >"$tmp/out/$name.$who.status"
}
# same NAME ARGS…: the wheel (in the box) and the development build (outside, same folder)
# print the same and exit the same.
same() {
  local name=$1
  shift
  run "$name" wheel box -- migplan "$@"
  (cd "$tmp/work" && run "$name" dev "$dev" "$@")
  local status
  status=$(cat "$tmp/out/$name.wheel.status")
  if ! cmp -s "$tmp/out/$name.wheel.out" "$tmp/out/$name.dev.out"; then
    fail "$name: stdout differs from the development build's"
    diff "$tmp/out/$name.dev.out" "$tmp/out/$name.wheel.out" | head -n 20 >&2 || true
  elif ! cmp -s "$tmp/out/$name.wheel.err" "$tmp/out/$name.dev.err"; then
    fail "$name: stderr differs from the development build's"
    diff "$tmp/out/$name.dev.err" "$tmp/out/$name.wheel.err" | head -n 20 >&2 || true
  elif [[ $status != $(cat "$tmp/out/$name.dev.status") ]]; then
    fail "$name: exit status $status, the development build's $(cat "$tmp/out/$name.dev.status")"
  else
    pass "$name: same output as the development build ($(wc -l <"$tmp/out/$name.wheel.out")" \
      "lines, exit $status)"
  fi
}

say "the box: hidden $toolchain, $here, ${syslibpq:-no system libpq}"
run swift box -- bash -c 'command -v swift || ls /opt/swift/usr/bin/swift'
[[ $(cat "$tmp/out/swift.box.status") != 0 ]] && pass "no Swift toolchain in the box" ||
  fail "the box still sees swift: $(cat "$tmp/out/swift.box.out")"

# The `migplan` on PATH: the C launcher, not a Python console script.
launcher=$tmp/venv/bin/migplan
run which wheel box -- bash -c 'command -v migplan'
[[ $(cat "$tmp/out/which.wheel.out") == "$launcher" ]] &&
  pass "migplan on PATH is the venv's bin/migplan" ||
  fail "command -v migplan: $(cat "$tmp/out/which.wheel.out" "$tmp/out/which.wheel.err")"
[[ $(head -c 4 "$launcher" | od -An -tx1 | tr -d ' \n') == 7f454c46 ]] &&
  pass "bin/migplan is an ELF executable ($(stat -c %s "$launcher") bytes), not a Python script" ||
  fail "bin/migplan is not ELF: $(head -c 60 "$launcher" | tr -cd '[:print:]')"
[[ $(readelf -d "$launcher" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p') == libc.so.6 ]] &&
  pass "the launcher needs libc.so.6 only" ||
  fail "the launcher's NEEDED: $(readelf -d "$launcher")"
if cat "$site"/../migplan-*.dist-info/entry_points.txt 2>/dev/null | grep -q '^migplan *='; then
  fail "the dist-info still declares a migplan console script"
fi

# Version, through the launcher and python -m.
run version wheel box -- migplan --version
[[ $(cat "$tmp/out/version.wheel.out") == "$version" ]] && pass "migplan --version: $version" ||
  fail "migplan --version printed '$(cat "$tmp/out/version.wheel.out")'," \
    "stderr $(cat "$tmp/out/version.wheel.err"); VERSION says $version"
run pym wheel box -- python -m migplan --version
[[ $(cat "$tmp/out/pym.wheel.out") == "$version" ]] && pass "python -m migplan --version" ||
  fail "python -m migplan --version: $(cat "$tmp/out/pym.wheel.out" "$tmp/out/pym.wheel.err")"
pep440=$("$tmp/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("migplan"))')
[[ $(basename "$wheel") == "migplan-$pep440-py3-none-manylinux_"*"_x86_64.whl" ]] &&
  pass "pip: migplan $pep440, wheel tag $(basename "$wheel" .whl | cut -d- -f3-)" ||
  fail "pip says migplan $pep440 for $(basename "$wheel")"

# The man page the wheel installs into the venv's share/man, which man finds from PATH.
if command -v man >/dev/null; then
  run man wheel box -- man -w migplan
  [[ $(cat "$tmp/out/man.wheel.out") == "$tmp/venv/share/man/man1/migplan.1" ]] &&
    pass "man migplan finds the wheel's page" ||
    fail "man -w migplan: $(cat "$tmp/out/man.wheel.out" "$tmp/out/man.wheel.err")"
else
  [[ -f $tmp/venv/share/man/man1/migplan.1 ]] && pass "the wheel installed share/man/man1/migplan.1" ||
    fail "no share/man/man1/migplan.1 in the venv"
fi

# Which libraries the loader takes.
say "RPATH: $(readelf -d "$bin" | sed -n 's/.*R\(UN\)\{0,1\}PATH.*\[\(.*\)\]/\2/p')"
readelf -d "$bin" | grep -E 'R(UN)?PATH' | grep -qE '\[(\$ORIGIN[^]:]*:?)+\]' &&
  pass "RPATH is relative to the binary" || fail "RPATH is not only \$ORIGIN-relative"
run ld wheel box -- env LD_DEBUG=libs "$bin" --version
loaded=$(sed -n 's/.*calling init: \(.*\)$/\1/p' "$tmp/out/ld.wheel.err" | xargs -r realpath -m |
  sort -u)
say "loaded: $(sed "s|^$libs/|migplan.libs/|" <<<"$loaded" | xargs)"
grep -q "^$libs/libpq-[0-9a-f]*\.so" <<<"$loaded" && pass "libpq comes from migplan.libs" ||
  fail "libpq did not come from $libs"
if grep -vE "^($libs/|/lib/x86_64-linux-gnu/|/lib64/|/usr/lib/x86_64-linux-gnu/)" <<<"$loaded" |
  grep -q .; then
  fail "libraries from elsewhere: $(grep -vE "^($libs/|/lib|/usr/lib)" <<<"$loaded")"
fi
if grep -E '^(/lib|/usr/lib)' <<<"$loaded" |
  grep -vqE '/(libc|libm|libstdc\+\+|libgcc_s|libresolv|libdl|libpthread|librt)\.so|/ld-linux'; then
  fail "non-glibc system libraries loaded: $(grep -E '^(/lib|/usr/lib)' <<<"$loaded" | xargs)"
else
  pass "from the system: glibc's family and the C++ runtime only"
fi

# The same output as the development build, on copies of the fixtures in $tmp/work.
corpus=$here/.corpus/django/django/contrib
if [[ ! -d $corpus ]]; then
  say "fetching the corpus (Scripts/fetch-corpus.py)"
  python3 "$here/Scripts/fetch-corpus.py" >/dev/null
fi
cp -r "$corpus" "$tmp/work/contrib"
cp -r "$here/Fixtures/projects/basic" "$tmp/work/basic"
same sql-auth sql auth 0001 --root contrib
cmp -s "$tmp/out/sql-auth.wheel.out" "$here/Fixtures/oracle/sql/auth/0001_initial.sql" &&
  pass "sql auth 0001 is what Django's sqlmigrate printed" ||
  fail "sql auth 0001 differs from Fixtures/oracle/sql/auth/0001_initial.sql"
same sql-timeouts sql sites 0001 --root contrib --with-timeouts 5s,15min
same lint-help lint --help
same lint-contrib lint --root contrib
same lint-contrib-json lint --root contrib --format json
same lint-basic lint --root basic --format github
same lint-one lint --root contrib contrib/auth/migrations/0001_initial.py
same rules rules
same explain explain "$(awk 'NR > 1 && NF {print $1; exit}' "$tmp/out/rules.wheel.out")"
same help --help
for shell in bash zsh fish; do
  same "completion-$shell" --generate-completion-script "$shell"
done

# check against a throw-away PostgreSQL, through the bundled libpq.
pg_start "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)" migplan-wheel-pg
url="postgresql://postgres@127.0.0.1:$pg_port/postgres"
same check check --database "$url" --root contrib
grep -q '^server: PostgreSQL' "$tmp/out/check.wheel.out" && pass "check reached the server" ||
  fail "check: $(head -n 3 "$tmp/out/check.wheel.out" "$tmp/out/check.wheel.err")"
same check-down check --database "postgresql://postgres@127.0.0.1:1/postgres"

# Without the bundled libraries: the loader refuses, naming the bundled libpq.
run nolibs wheel box "$libs" -- "$bin" --version
mkdir -p "$tmp/alone"
cp "$bin" "$tmp/alone/migplan"
run alone wheel box -- "$tmp/alone/migplan" lint --help
for name in nolibs alone; do
  if [[ $(cat "$tmp/out/$name.wheel.status") == 127 ]] &&
    grep -q 'libpq-[0-9a-f]*\.so.*cannot open shared object file' "$tmp/out/$name.wheel.err"; then
    pass "$name: the loader refuses: $(cat "$tmp/out/$name.wheel.err")"
  else
    fail "$name: expected the loader to refuse; status $(cat "$tmp/out/$name.wheel.status")," \
      "stderr $(cat "$tmp/out/$name.wheel.err")"
  fi
done

# The launcher in other install layouts, with no python3 on PATH (so no fallback can hide a
# miss): each must run its own install's binary.
layout() { # NAME LABEL LAUNCHER: LAUNCHER --version in the box, PATH without python3
  local out=$tmp/out/layout-$1.wheel
  run "layout-$1" wheel box -- env PATH=/nonexistent "$3" --version
  if [[ $(cat "$out.out") == "$version" ]]; then
    pass "launcher in a $2 install: $(sed "s|^$tmp/||" <<<"$3") --version"
  else
    fail "launcher in a $2 install ($3): status $(cat "$out.status"), $(cat "$out.out" "$out.err")"
  fi
}
pip_quiet=(--quiet --disable-pip-version-check --no-index)
"$tmp/venv/bin/pip" install "${pip_quiet[@]}" --target "$tmp/target" "$wheel" ||
  fail "pip install --target failed"
layout target "pip --target" "$tmp/target/bin/migplan"
PYTHONUSERBASE=$tmp/user python3 -m pip install "${pip_quiet[@]}" --user --ignore-installed \
  --no-warn-script-location "$wheel" 2>"$tmp/out/pip-user.err" ||
  fail "pip install --user failed: $(cat "$tmp/out/pip-user.err")"
layout user "pip --user" "$tmp/user/bin/migplan"
if [[ $(/usr/bin/python3 -c 'import sysconfig; print(sysconfig.get_path("platlib"))' \
  2>/dev/null) == /usr/local/lib/python3*/dist-packages ]] &&
  /usr/bin/python3 -m pip --version >/dev/null 2>&1; then
  /usr/bin/python3 -m pip install "${pip_quiet[@]}" --root "$tmp/debian" --ignore-installed \
    --break-system-packages --no-warn-script-location "$wheel" 2>"$tmp/out/pip-debian.err" ||
    fail "/usr/bin/python3 -m pip install --root failed: $(cat "$tmp/out/pip-debian.err")"
  layout debian "Debian system (dist-packages)" "$tmp/debian/usr/local/bin/migplan"
else
  say "no Debian /usr/bin/python3 with pip: the dist-packages layout is not tried"
fi
mkdir -p "$tmp/fedora/bin" "$tmp/fedora/lib64/python3.99"
ln -s "$(dirname "$site")" "$tmp/fedora/lib64/python3.99/site-packages"
cp "$launcher" "$tmp/fedora/bin/migplan"
layout lib64 "lib64 (Fedora platlib)" "$tmp/fedora/bin/migplan"
mkdir -p "$tmp/links"
ln -s "$launcher" "$tmp/links/migplan" # what pipx and uv tool put in ~/.local/bin
layout symlink "symlinked (pipx, uv tool)" "$tmp/links/migplan"

# Copied away from any install: python3 -m migplan from PATH, else one line and exit 2.
mkdir -p "$tmp/lost/bin"
cp "$launcher" "$tmp/lost/bin/migplan"
run lost-python wheel box -- env PATH="$tmp/venv/bin" "$tmp/lost/bin/migplan" --version
[[ $(cat "$tmp/out/lost-python.wheel.out") == "$version" ]] &&
  pass "launcher away from an install: falls back to python3 -m migplan" ||
  fail "launcher fallback to python3 -m migplan: $(cat "$tmp/out/lost-python.wheel."{out,err})"
run lost wheel box -- env PATH=/nonexistent "$tmp/lost/bin/migplan" --version
if [[ $(cat "$tmp/out/lost.wheel.status") == 2 && $(wc -l <"$tmp/out/lost.wheel.err") == 1 ]] &&
  grep -q '^migplan: error: ' "$tmp/out/lost.wheel.err"; then
  pass "launcher with neither the binary nor python3: exit 2, $(cat "$tmp/out/lost.wheel.err")"
else
  fail "launcher with neither: status $(cat "$tmp/out/lost.wheel.status")," \
    "$(cat "$tmp/out/lost.wheel.out" "$tmp/out/lost.wheel.err")"
fi

# Start-up to the end of `migplan lint` on one file (its output comes at the end) and of
# `migplan --version`: the binary, the launcher pip put on PATH and `python -m migplan`, one run
# of each in turn so that the machine's load falls on all alike. Printed, not asserted.
box -- python - "$bin" "$launcher" <<'PY' >"$tmp/out/timing" || fail "timing failed"
import os, statistics, subprocess, sys, time

RUNS = 31
lint = ["lint", "--root", "basic", "basic/shop/migrations/0002_item.py"]
ways = {
    "binary": [sys.argv[1]],
    "launcher": [sys.argv[2]],
    "python -m": ["python", "-m", "migplan"],
}
for label, args in (("lint one file", lint), ("--version", ["--version"])):
    wall = {way: [] for way in ways}
    cpu = {way: [] for way in ways}
    for _ in range(RUNS):
        for way, command in ways.items():
            start = time.perf_counter_ns()
            child = subprocess.Popen([*command, *args], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(child.pid, 0)
            wall[way].append((time.perf_counter_ns() - start) / 1e6)
            cpu[way].append((usage.ru_utime + usage.ru_stime) * 1000)
    for way in ways:
        print(f"{label:>13}, {way:>9}: wall median {statistics.median(wall[way]):5.1f} ms "
              f"(min {min(wall[way]):5.1f}), CPU median {statistics.median(cpu[way]):5.1f} ms")
PY
say "start-up to exit, median of 31 runs (load $(cut -d' ' -f1 /proc/loadavg)):"
sed 's/^/  /' "$tmp/out/timing"

# pip uninstall takes the launcher away with the package (pip wrote it into RECORD).
grep -q '^\.\./\.\./\.\./bin/migplan,sha256=' "$site"/../migplan-*.dist-info/RECORD &&
  pass "RECORD lists ../../../bin/migplan" || fail "RECORD does not list bin/migplan"
"$tmp/venv/bin/pip" uninstall --quiet --yes migplan
[[ ! -e $launcher && ! -e $site && ! -e $libs ]] &&
  pass "pip uninstall migplan removed bin/migplan, the package and migplan.libs" ||
  fail "after pip uninstall: $(ls -d "$launcher" "$site" "$libs" 2>/dev/null | xargs)"

# The migplan-wheel pre-commit hook (language: python) of this checkout: pre-commit's
# `pip install .` must bring this wheel (PIP_FIND_LINKS, no index) and the hook must pass a safe
# migration and refuse a risky one.
say "pre-commit try-repo $here migplan-wheel (pre-commit from PyPI)"
python3 -m venv "$tmp/pc"
"$tmp/pc/bin/pip" install --quiet --disable-pip-version-check pre-commit
mkdir -p "$tmp/repo/shop/migrations"
touch "$tmp/repo/shop/__init__.py" "$tmp/repo/shop/migrations/__init__.py"
cat >"$tmp/repo/shop/migrations/0001_initial.py" <<'PY'
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    operations = [
        migrations.CreateModel(
            name="Order",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("created", models.DateTimeField()),
            ],
        ),
    ]
PY
hook() {
  (cd "$tmp/repo" && PRE_COMMIT_HOME=$tmp/pc-cache PIP_FIND_LINKS=$(dirname "$wheel") \
    PIP_NO_INDEX=1 "$tmp/pc/bin/pre-commit" try-repo "$here" migplan-wheel --all-files)
}
git -C "$tmp/repo" init --quiet
git -C "$tmp/repo" add -A
hook >"$tmp/out/hook-safe" 2>&1 && pass "migplan-wheel hook passes a safe migration" ||
  fail "migplan-wheel hook on a safe migration: $(tail -n 20 "$tmp/out/hook-safe")"
cat >"$tmp/repo/shop/migrations/0002_order_created_idx.py" <<'PY'
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        AddIndexConcurrently(
            model_name="order",
            index=models.Index(fields=["created"], name="shop_order_created_idx"),
        ),
    ]
PY
git -C "$tmp/repo" add -A
if hook >"$tmp/out/hook-risky" 2>&1; then
  fail "migplan-wheel hook passed AddIndexConcurrently in an atomic migration"
elif grep -q concurrently-in-atomic "$tmp/out/hook-risky"; then
  pass "migplan-wheel hook refuses AddIndexConcurrently in an atomic migration"
else
  fail "migplan-wheel hook failed otherwise: $(tail -n 20 "$tmp/out/hook-risky")"
fi

if ((failures)); then die "$failures check(s) failed"; fi
say "all checks passed in $((SECONDS - started)) s"
