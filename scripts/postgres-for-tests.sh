#!/usr/bin/env bash
# A PostgreSQL server of its own for the store's tests, on loopback, in a temporary directory:
#   eval "$(scripts/postgres-for-tests.sh start)"   # as root: prints FERRY_TEST_POSTGRES_* exports
#   ... run the tests ...
#   scripts/postgres-for-tests.sh stop              # stops it by its PID, removes the directory
# Installs Debian's postgresql package if its binaries are missing. The server is not Debian's
# service: initdb and pg_ctl run as the postgres user on a free port. State (PID, directory) is
# kept in $FERRY_TEST_POSTGRES_STATE (default /tmp/ferry-test-postgres.state).
set -euo pipefail
STATE="${FERRY_TEST_POSTGRES_STATE:-/tmp/ferry-test-postgres.state}"

say() { echo "postgres-for-tests: $*" >&2; }

bindir() {
  local initdb
  initdb="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)"
  [ -n "$initdb" ] && dirname "$initdb"
}

as_postgres() {
  # runuser keeps root's environment out; cd / so that postgres can read its working directory.
  (cd / && runuser -u postgres -- "$@")
}

free_port() {
  # A random high port that nothing answers on (bash's /dev/tcp connects, or fails if free).
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  say "found no free port"
  return 1
}

start() {
  if [ "$(id -u)" -ne 0 ]; then
    say "run me as root: I install PostgreSQL if needed and run it as the postgres user"
    exit 1
  fi
  if [ -e "$STATE" ]; then
    local PID
    PID="$(sed -n 's/^PID=//p' "$STATE")"
    if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
      say "already started (pid $PID, see $STATE); run '$0 stop' first"
      exit 1
    fi
    say "a previous server (pid $PID) is gone: cleaning up after it"
    stop
  fi
  local bin
  bin="$(bindir || true)"
  if [ -z "$bin" ]; then
    say "installing Debian's postgresql package"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
    bin="$(bindir)"
  fi
  local dir port password
  dir="$(mktemp -d /tmp/ferry-test-postgres.XXXXXX)"
  chown postgres: "$dir"
  port="$(free_port)"
  password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
  # Loopback only, its socket in its own directory, so that it meets no other server.
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
  local pid
  pid="$(head -1 "$dir/data/postmaster.pid")"
  printf 'PID=%s\nDIR=%s\nBIN=%s\n' "$pid" "$dir" "$bin" > "$STATE"
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE USER ferry_test PASSWORD '$password'" \
    -c "CREATE DATABASE ferry_test OWNER ferry_test" >/dev/null
  say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, pid $pid, in $dir"
  echo "export FERRY_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$port/ferry_test'"
  echo "export FERRY_TEST_POSTGRES_USER='ferry_test'"
  echo "export FERRY_TEST_POSTGRES_PASSWORD='$password'"
}

stop() {
  if [ ! -e "$STATE" ]; then
    say "not started (no $STATE)"
    return 0
  fi
  local PID DIR BIN
  # shellcheck disable=SC1090
  source "$STATE"
  if kill -0 "$PID" 2>/dev/null; then
    # SIGINT is PostgreSQL's fast shutdown; wait for the postmaster to go, then force it.
    kill -INT "$PID"
    for _ in $(seq 100); do
      kill -0 "$PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$PID" 2>/dev/null && kill -KILL "$PID"
  fi
  rm -rf "$DIR" "$STATE"
  say "stopped pid $PID and removed $DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
