#!/usr/bin/env bash
# Regenerates the Django oracle data under Fixtures/oracle/ (see Fixtures/oracle/README.md):
# makes the venv .venv-oracle/ from Fixtures/oracle/requirements.lock (pip --no-deps), starts a
# throw-away PostgreSQL 15 on a loopback port the way Scripts/test.sh does, runs
# Scripts/oracle/collect.py against it (plan, sqlmigrate + migrate for every migration, catalog
# dump), and always stops that server and removes its folder.
#
#   bash Scripts/oracle/make-oracle.sh                # regenerate Fixtures/oracle/
#   bash Scripts/oracle/make-oracle.sh --out DIR      # write the outputs elsewhere (e.g. to diff)
#   bash Scripts/oracle/make-oracle.sh --relock       # re-resolve the dependencies from the pins
#                                                     # (../shared/corpus-pins.tsv), rewrite
#                                                     # requirements.lock, then regenerate
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$PWD
started=$SECONDS
say() { printf 'make-oracle.sh: %s\n' "$*" || true; } # a closed stdout must not stop the cleanup
die() {
  printf 'make-oracle.sh: error: %s\n' "$*" >&2
  exit 2
}

out=Fixtures/oracle
relock=false
while (($#)); do
  case $1 in
  --out)
    [[ $# -ge 2 ]] || die "--out needs a folder"
    out=$2
    shift 2
    ;;
  --relock)
    relock=true
    shift
    ;;
  -h | --help)
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *) die "unknown argument $1 (see --help)" ;;
  esac
done
mkdir -p "$out"
out=$(cd "$out" && pwd)

lock=Fixtures/oracle/requirements.lock
venv=.venv-oracle
bindir=/usr/lib/postgresql/15/bin # the oracle is PostgreSQL 15, on purpose: no other version
[[ -x $bindir/initdb ]] || die "PostgreSQL 15 not found in $bindir; apt-get install postgresql-15"
command -v python3 >/dev/null 2>&1 || die "python3 not found"
python3 -c 'import venv, ensurepip' 2>/dev/null || die "python3 cannot make venvs; apt-get install python3-venv"

# --- 1. The venv --------------------------------------------------------------------------------
pins=../shared/corpus-pins.tsv
[[ -f $pins ]] || pins=Fixtures/corpus-pins.tsv
if $relock; then
  [[ -f $pins ]] || die "no corpus-pins.tsv (looked in ../shared and Fixtures)"
  say "re-resolving the dependencies of the pins in $pins"
  rm -rf "$venv"
  python3 -m venv "$venv"
  # The corpus packages at their pinned versions; allauth with the extras its apps import;
  # psycopg 3 (binary) as the PostgreSQL driver. Everything else: what pip resolves.
  reqs=()
  while IFS=$'\t' read -r package version _; do
    [[ $package == package ]] && continue
    [[ $package == django-allauth ]] && package='django-allauth[mfa,socialaccount,idp-oidc,openid]'
    reqs+=("$package==$version")
  done <"$pins"
  # The fixture app `features` imports django-migration-linter's IgnoreMigration (0019) and
  # django-sortedm2m's field and operation (0046).
  reqs+=("django-migration-linter==6.0.0" "django-sortedm2m==4.0.0")
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "${reqs[@]}" 'psycopg[binary]'
  {
    echo "# pip freeze of .venv-oracle, written by Scripts/oracle/make-oracle.sh --relock"
    echo "# ($(python3 --version), $(uname -m)); installed with pip install --no-deps -r"
    "$venv/bin/python" -m pip freeze --disable-pip-version-check
  } >"$lock"
  sha256sum "$lock" | cut -d' ' -f1 >"$venv/.lock-sha256"
fi
[[ -f $lock ]] || die "$lock is missing (make it with --relock)"
want=$(sha256sum "$lock" | cut -d' ' -f1)
if [[ ! -x $venv/bin/python || "$(cat "$venv/.lock-sha256" 2>/dev/null)" != "$want" ]]; then
  say "making $venv from $lock"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps -r "$lock"
  echo "$want" >"$venv/.lock-sha256"
fi
"$venv/bin/python" -m pip check --disable-pip-version-check >/dev/null ||
  die "$venv is inconsistent (pip check); delete it and run again"

# --- 2. Throw-away PostgreSQL (as Scripts/test.sh starts it) -------------------------------------
# shellcheck source=Scripts/pg.sh
source Scripts/pg.sh
pg_traps
pg_start "$bindir" migplan-oracle-pg

# --- 3. Collect -----------------------------------------------------------------------------------
# PYTHONHASHSEED=0: Django renders some statements in set order (see the README).
# TZ=UTC: masking recognises today's date in run-time literals; Django itself uses TIME_ZONE=UTC.
child_run collect.py env ORACLE_DATABASE_URL="postgresql://postgres@127.0.0.1:$pg_port/postgres" \
  PYTHONHASHSEED=0 TZ=UTC PYTHONDONTWRITEBYTECODE=1 \
  "$venv/bin/python" Scripts/oracle/collect.py --out "$out"
say "wrote $out: $(wc -l <"$out/plan.txt") migrations, $(find "$out/sql" -name '*.sql' | wc -l) sql files"
