#!/usr/bin/env bash
# The test command: installs what is missing (apt), fetches the pinned corpus, starts a
# throw-away PostgreSQL 15 on a loopback port, runs `swift test` with any extra arguments of this
# script, and always stops that server and removes its folder. Exits with swift test's status.
#
#   bash Scripts/test.sh                      # every test
#   bash Scripts/test.sh --filter CLITests    # extra arguments go to `swift test`
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

cd "$(dirname "${BASH_SOURCE[0]}")/.."
started=$SECONDS
say() { printf 'test.sh: %s\n' "$*" || true; } # a closed stdout must not stop the cleanup
die() {
  printf 'test.sh: error: %s\n' "$*" >&2
  exit 2
}

# --- 1. Tools ---------------------------------------------------------------------------------
command -v swift >/dev/null 2>&1 ||
  die "swift is not on PATH; install the Swift 6.3 toolchain and put its usr/bin on PATH"

# How to run a command as root: directly, through non-interactive sudo, or not at all.
if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  as_root=(false)
fi

pg_bindir() {
  if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
    echo /usr/lib/postgresql/15/bin
  elif command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
    pg_config --bindir
  fi
}

missing=()
[[ -n "$(pg_bindir)" ]] || missing+=(postgresql)
{ command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libpq; } ||
  missing+=(libpq-dev pkg-config)
if ! command -v python3 >/dev/null 2>&1; then
  missing+=(python3 python3-venv python3-pip)
elif ! python3 -m pip --version >/dev/null 2>&1; then
  missing+=(python3-pip)
fi
if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  missing+=(python3-venv)
fi

if ((${#missing[@]})); then
  if [[ ${as_root[0]:-} == false ]]; then
    say "missing ${missing[*]}, but not root and no sudo: skipping installs"
  else
    say "installing ${missing[*]} (apt)"
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# --- 2. Corpus --------------------------------------------------------------------------------
say "fetching corpus"
python3 Scripts/fetch-corpus.py

# --- 2b. .venv-test: psycopg for the test that compares migplan's catalog dump with collect.py's,
# and Django for the planner's oracle test (split chains applied by a real `migrate`), with
# django-timezone-field for a third-party class the installed project uses, and swapper for
# the evaluator's oracle of its helpers; the versions Fixtures/oracle/requirements.lock pins;
# a few MB, unlike the oracle's own venv
pin() { grep -E "^$1==" Fixtures/oracle/requirements.lock | cut -d= -f3; }
psycopg=$(pin psycopg)
django=$(pin Django)
if [[ ! -x .venv-test/bin/python ]] ||
  ! .venv-test/bin/python -c "import psycopg, django, timezone_field, swapper" 2>/dev/null; then
  say "making .venv-test (psycopg $psycopg, Django $django)"
  rm -rf .venv-test
  python3 -m venv .venv-test
  .venv-test/bin/python -m pip install -q --disable-pip-version-check "psycopg[binary]==$psycopg" \
    "Django==$django" "asgiref==$(pin asgiref)" "sqlparse==$(pin sqlparse)" \
    "django-timezone-field==$(pin django-timezone-field)" "swapper==$(pin swapper)"
fi

# --- 3. Throw-away PostgreSQL ------------------------------------------------------------------
bindir=$(pg_bindir)
[[ -n $bindir ]] || die "PostgreSQL 15 (initdb, pg_ctl) not found; apt-get install postgresql"

# shellcheck source=Scripts/pg.sh
source Scripts/pg.sh
pg_traps
pg_start "$bindir" migplan-pg
export MIGPLAN_TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$pg_port/postgres"

# --- 4. Tests ---------------------------------------------------------------------------------
say "swift test $*"
status=0
child_run "swift test" swift test "$@" || status=$?
exit "$status"
