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

# --- 3. Throw-away PostgreSQL ------------------------------------------------------------------
bindir=$(pg_bindir)
[[ -n $bindir ]] || die "PostgreSQL 15 (initdb, pg_ctl) not found; apt-get install postgresql"

pgdir=""
postmaster=""
tests=""
stop_tests() {
  if [[ -n $tests ]] && kill -0 "$tests" 2>/dev/null; then
    say "stopping swift test (pid $tests)"
    kill -TERM "$tests" 2>/dev/null || true
    wait "$tests" 2>/dev/null || true
  fi
  tests=""
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
  stop_tests
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

# Runs a PostgreSQL program as the cluster's owner, from a folder that user may enter.
as_owner() { (cd "$pgdir" && "${as_pg[@]}" "$@"); }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

db_started=$SECONDS
pgdir=$(mktemp -d /tmp/migplan-pg.XXXXXX)
chmod 700 "$pgdir"
if ((${#as_pg[@]})); then chown postgres:postgres "$pgdir"; fi
say "initdb in $pgdir"
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
say "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" \
  "(pid $postmaster), started in $((SECONDS - db_started)) s"
export MIGPLAN_TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"

# --- 4. Tests ---------------------------------------------------------------------------------
say "swift test $*"
# In the background so that a signal to this script is handled at once (the trap stops the tests,
# then the server); `wait` returns swift test's own status.
status=0
swift test "$@" &
tests=$!
wait "$tests" || status=$?
tests=""
exit "$status"
