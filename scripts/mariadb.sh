#!/usr/bin/env bash
# Makes a MariaDB server available for the state-store tests and prints its ADO.NET connection
# string as the only line on stdout (everything else goes to stderr).
#
# Idempotent: installs mariadb-server with apt if mariadbd is missing, and starts a private
# server (no systemd) on 127.0.0.1:$ACTORSTREAM_MARIADB_PORT (default 3307) with its data under
# ${TMPDIR:-/tmp}/actorstream-mariadb-<port>, unless something already answers there. The
# server is detached from this script's output, so `dotnet test` is not held open by it; a
# second run finds it running and only prints the connection string.
#
# Stop it with: kill "$(cat "${TMPDIR:-/tmp}/actorstream-mariadb-3307/mariadbd.pid")"
set -euo pipefail

port="${ACTORSTREAM_MARIADB_PORT:-3307}"
database="actorstream_test"
user="actorstream"
password="actorstream"
base="${TMPDIR:-/tmp}/actorstream-mariadb-${port}"
datadir="$base/data"
socket="$base/mariadbd.sock"
pidfile="$base/mariadbd.pid"
errlog="$base/mariadbd.err"

log() { echo "mariadb.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

# Debian puts the server in /usr/sbin, which is not on a non-root PATH.
export PATH="$PATH:/usr/sbin:/usr/local/sbin"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "'$*' needs root and sudo is missing; install mariadb-server and mariadb-client yourself"
  fi
}

install_mariadb() {
  command -v apt-get >/dev/null 2>&1 || die "mariadbd is missing and there is no apt-get; install MariaDB 10.6+ yourself"
  log "installing mariadb-server and mariadb-client with apt-get"
  local attempt
  for attempt in 1 2 3; do
    # The package lists may be missing on a fresh image; the image's apt clean hook can also
    # remove them between two calls, so update before every attempt.
    if as_root apt-get update -qq >&2 \
      && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        mariadb-server mariadb-client >&2; then
      return 0
    fi
    log "apt-get attempt $attempt failed; retrying"
    sleep 2
  done
  die "could not install mariadb-server with apt-get after 3 attempts"
}

# Every client call goes to our own server; --no-defaults keeps a user's ~/.my.cnf out of it.
client_tcp() { mariadb --no-defaults --protocol=tcp -h 127.0.0.1 -P "$port" -u "$user" -p"$password" "$@"; }
client_root() { mariadb --no-defaults --protocol=socket -S "$socket" -u root "$@"; }
# A query, not `mariadb-admin ping`: ping succeeds even when the server denies our user.
answers() { client_tcp --connect-timeout=2 -e "SELECT 1" >/dev/null 2>&1; }
root_answers() { [ -S "$socket" ] && mariadb-admin --no-defaults --protocol=socket -S "$socket" -u root ping >/dev/null 2>&1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

start_server() {
  mkdir -p "$base"
  local as_user=()
  # mariadbd refuses to run as root unless told which user to run as.
  [ "$(id -u)" -eq 0 ] && as_user=(--user=root)

  if [ ! -f "$base/initialized" ]; then
    log "initializing a data directory in $datadir"
    rm -rf "$datadir"
    mariadb-install-db --no-defaults "${as_user[@]}" --datadir="$datadir" \
      --auth-root-authentication-method=normal --skip-test-db >"$base/install-db.log" 2>&1 \
      || die "mariadb-install-db failed; see $base/install-db.log"
    touch "$base/initialized"
  fi

  log "starting mariadbd on 127.0.0.1:$port (log: $errlog)"
  # setsid + nohup + closed standard streams: the server outlives this script and its caller
  # (dotnet test waits for every process holding its output pipes). It must not inherit the
  # lock either, or it would hold it for as long as it runs.
  setsid nohup mariadbd --no-defaults "${as_user[@]}" \
    --datadir="$datadir" --bind-address=127.0.0.1 --port="$port" \
    --socket="$socket" --pid-file="$pidfile" --log-error="$errlog" \
    --skip-name-resolve --character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
    --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=2 --max-connections=300 \
    </dev/null >/dev/null 2>&1 9>&- &

  local i
  for i in $(seq 1 120); do
    root_answers && return 0
    [ "$i" -eq 120 ] && die "mariadbd did not become ready within 60 s; see $errlog"
    sleep 0.5
  done
}

create_user() {
  # A test user reachable over TCP from 127.0.0.1, allowed to create and drop the per-test databases.
  client_root -e "CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY '$password';
                  GRANT ALL PRIVILEGES ON *.* TO '$user'@'%';
                  FLUSH PRIVILEGES;"
}

mkdir -p "$(dirname "$base")"
# Two test runs may call this at once; only one of them may install, initialize or start the server.
exec 9>"$base.lock"
if command -v flock >/dev/null 2>&1; then
  flock -w 600 9 || die "another mariadb.sh has held $base.lock for 10 minutes"
fi

command -v mariadbd >/dev/null 2>&1 && command -v mariadb >/dev/null 2>&1 || install_mariadb
command -v mariadbd >/dev/null 2>&1 || die "mariadbd is still missing after the install"

if ! answers; then
  if root_answers; then
    # Our server runs but an earlier run stopped before it created the test user.
    create_user
  elif port_open; then
    die "something on 127.0.0.1:$port is not our test server; set ACTORSTREAM_MARIADB_PORT to a free port"
  else
    start_server
    create_user
  fi
fi

client_tcp -e "CREATE DATABASE IF NOT EXISTS $database CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;" \
  || die "cannot create database $database on 127.0.0.1:$port; see $errlog"

echo "Server=127.0.0.1;Port=$port;User ID=$user;Password=$password;Database=$database"
