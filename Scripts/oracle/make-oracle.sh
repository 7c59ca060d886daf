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
pgdir=""
postmaster=""
collector=""
stop_collector() {
  if [[ -n $collector ]] && kill -0 "$collector" 2>/dev/null; then
    say "stopping collect.py (pid $collector)"
    kill -TERM "$collector" 2>/dev/null || true
    wait "$collector" 2>/dev/null || true
  fi
  collector=""
}
stop_postgres() {
  if [[ -n $postmaster ]] && kill -0 "$postmaster" 2>/dev/null; then
    say "stopping PostgreSQL (pid $postmaster)"
    kill -INT "$postmaster" 2>/dev/null || true
    for _ in $(seq 1 300); do # 30 s, then give up politely
      kill -0 "$postmaster" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$postmaster" 2>/dev/null; then
      say "PostgreSQL did not stop after SIGINT; sending SIGQUIT"
      kill -QUIT "$postmaster" 2>/dev/null || true
      sleep 1
    fi
  fi
  postmaster=""
  if [[ -n $pgdir && -d $pgdir ]]; then rm -rf -- "$pgdir"; fi
  pgdir=""
}
on_exit() {
  local status=$?
  trap - EXIT INT TERM
  trap '' PIPE # output piped into `head`: still stop the server
  stop_collector
  stop_postgres
  say "done in $((SECONDS - started)) s, exit $status"
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user.
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || die "no postgres user; apt-get install postgresql"
  as_pg=(runuser -u postgres --)
else
  as_pg=()
fi
as_owner() { (cd "$pgdir" && "${as_pg[@]}" "$@"); }
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pgdir=$(mktemp -d /tmp/migplan-oracle-pg.XXXXXX)
chmod 700 "$pgdir"
if ((${#as_pg[@]})); then chown postgres:postgres "$pgdir"; fi
if ! as_owner "$bindir/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C \
  --no-sync >"$pgdir/initdb.log" 2>&1; then
  cat "$pgdir/initdb.log" >&2
  die "initdb failed"
fi
port=""
for attempt in 1 2 3; do
  port=$(free_port)
  if as_owner "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 -s \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c fsync=off" start; then
    break
  fi
  say "PostgreSQL did not start on port $port (attempt $attempt):"
  tail -n 20 "$pgdir/server.log" >&2 || true
  port=""
done
[[ -n $port ]] || die "could not start PostgreSQL"
postmaster=$(head -n 1 "$pgdir/data/postmaster.pid")
say "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (pid $postmaster)"

# --- 3. Collect -----------------------------------------------------------------------------------
# PYTHONHASHSEED=0: Django renders some statements in set order (see the README).
# TZ=UTC: masking recognises today's date in run-time literals; Django itself uses TIME_ZONE=UTC.
# In the background so that a signal to this script is handled at once (the trap stops the
# collector, then the server); `wait` returns collect.py's own status.
ORACLE_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres" PYTHONHASHSEED=0 TZ=UTC \
  PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" Scripts/oracle/collect.py --out "$out" &
collector=$!
wait "$collector"
collector=""
say "wrote $out: $(wc -l <"$out/plan.txt") migrations, $(find "$out/sql" -name '*.sql' | wc -l) sql files"
