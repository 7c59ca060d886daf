# A throw-away PostgreSQL for the scripts that source this file (Scripts/test.sh,
# Scripts/oracle/make-oracle.sh), and the one child process they run against it.
# The caller defines say, die and `started` (SECONDS at its start), then:
#   pg_traps                      on exit, INT or TERM: stop the child, stop the server, remove its folder
#   pg_start BINDIR PREFIX        initdb in a new /tmp/PREFIX.XXXXXX owned by the cluster's user
#                                 (postgres when root: PostgreSQL refuses to run as root) and
#                                 start it on a free 127.0.0.1 port; sets pg_port and pg_pid
#   child_run NAME COMMAND…       run COMMAND in the background (so a signal is handled at once)
#                                 and return its status
pg_dir=""
pg_pid=""
pg_port=""
child=""
child_name=""

child_stop() {
  if [[ -n $child ]] && kill -0 "$child" 2>/dev/null; then
    say "stopping $child_name (pid $child)"
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  child=""
}

pg_stop() {
  if [[ -n $pg_pid ]] && kill -0 "$pg_pid" 2>/dev/null; then
    say "stopping PostgreSQL (pid $pg_pid)"
    kill -INT "$pg_pid" 2>/dev/null || true
    for _ in $(seq 1 300); do # 30 s, then give up politely
      kill -0 "$pg_pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pg_pid" 2>/dev/null; then
      say "PostgreSQL did not stop after SIGINT; sending SIGQUIT"
      kill -QUIT "$pg_pid" 2>/dev/null || true
      sleep 1
    fi
  fi
  pg_pid=""
  if [[ -n $pg_dir && -d $pg_dir ]]; then rm -rf -- "$pg_dir"; fi
  pg_dir=""
}

pg_on_exit() {
  local status=$?
  trap - EXIT INT TERM
  trap '' PIPE # output piped into `head`: still stop the server
  child_stop
  pg_stop
  say "done in $((SECONDS - started)) s, exit $status"
  exit "$status"
}

pg_traps() {
  trap pg_on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

pg_start() {
  local bindir=$1 prefix=$2 as_pg=() attempt
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "no postgres user; apt-get install postgresql"
    as_pg=(runuser -u postgres --)
  fi
  local began=$SECONDS
  pg_dir=$(mktemp -d "/tmp/$prefix.XXXXXX")
  chmod 700 "$pg_dir"
  if ((${#as_pg[@]})); then chown postgres:postgres "$pg_dir"; fi
  say "initdb in $pg_dir"
  # Run as the cluster's owner, from a folder that user may enter.
  if ! (cd "$pg_dir" && "${as_pg[@]}" "$bindir/initdb" -D "$pg_dir/data" -U postgres -A trust \
    -E UTF8 --locale=C --no-sync) >"$pg_dir/initdb.log" 2>&1; then
    cat "$pg_dir/initdb.log" >&2
    die "initdb failed"
  fi
  pg_port=""
  for attempt in 1 2 3; do
    pg_port=$(python3 -c \
      'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if (cd "$pg_dir" && "${as_pg[@]}" "$bindir/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" \
      -w -t 60 -s -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off" start); then
      break
    fi
    say "PostgreSQL did not start on port $pg_port (attempt $attempt):"
    tail -n 20 "$pg_dir/server.log" >&2 || true
    pg_port=""
  done
  [[ -n $pg_port ]] || die "could not start PostgreSQL"
  pg_pid=$(head -n 1 "$pg_dir/data/postmaster.pid")
  say "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port" \
    "(pid $pg_pid), started in $((SECONDS - began)) s"
}

child_run() {
  child_name=$1
  shift
  local status=0
  "$@" &
  child=$!
  wait "$child" || status=$?
  child=""
  return "$status"
}
