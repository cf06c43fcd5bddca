#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests, CI and benchmarks, and prints the URL to use:
#
#   eval "$(bash scripts/postgres.sh)"   # sets VECTIS_PG_URL
#   bash scripts/postgres.sh stop        # stops the cluster and deletes its data directory
#
# Idempotent: installs Debian's `postgresql` package only when `pg_ctl` is missing, and reuses a
# cluster that is already running on the port. Everything but the final `export` line goes to
# stderr, so `eval` only ever sees that line. PostgreSQL refuses to run as root, so as root the
# cluster runs as the `postgres` system user the package creates.
# Settings: VECTIS_PG_PORT (default 54329), VECTIS_PG_DIR (default /tmp/vectis-pg-$PORT), VECTIS_PG_DB (default vectis).
set -euo pipefail

PORT="${VECTIS_PG_PORT:-54329}"
DIR="${VECTIS_PG_DIR:-/tmp/vectis-pg-$PORT}"
DB="${VECTIS_PG_DB:-vectis}"
PGUSER_NAME="vectis"
PGPASS="vectis-test"   # a throwaway local cluster listening on loopback only; not a secret

log() { echo "[postgres.sh] $*" >&2; }

find_bin() {
  local name="$1"
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  # Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/<major>/bin.
  local candidate
  candidate="$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$candidate" ]; then echo "$candidate"; fi
}

# Runs a command as the cluster owner: ourselves when not root, else the `postgres` user.
as_owner() {
  if [ "$(id -u)" -ne 0 ]; then "$@"; return; fi
  if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
}

if [ "${1:-}" = "stop" ]; then
  PG_CTL="$(find_bin pg_ctl)"
  if [ -n "$PG_CTL" ] && [ -f "$DIR/data/PG_VERSION" ]; then as_owner "$PG_CTL" -D "$DIR/data" -m fast stop >&2 || true; fi
  rm -rf "$DIR"
  log "stopped and removed $DIR"
  exit 0
fi

PG_CTL="$(find_bin pg_ctl)"
if [ -z "$PG_CTL" ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    log "pg_ctl not found and not root: install PostgreSQL (Debian: apt-get install postgresql) and retry."
    exit 1
  fi
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  log "installing PostgreSQL with apt-get (pg_ctl not found)"
  $SUDO apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends postgresql >&2
  PG_CTL="$(find_bin pg_ctl)"
  [ -n "$PG_CTL" ] || { log "pg_ctl still missing after installing postgresql"; exit 1; }
fi
# /usr/local/bin may hold a lone pg_ctl symlink; the sibling tools live next to its target.
BIN="$(dirname "$(readlink -f "$PG_CTL")")"

URL="postgres://$PGUSER_NAME:$PGPASS@127.0.0.1:$PORT/$DB"

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
  log "reusing the server already running on 127.0.0.1:$PORT"
else
  mkdir -p "$DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DIR"; fi
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    log "initdb in $DIR/data"
    printf '%s\n' "$PGPASS" > "$DIR/pwfile"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DIR/pwfile"; fi
    as_owner "$BIN/initdb" -D "$DIR/data" -U "$PGUSER_NAME" --pwfile="$DIR/pwfile" -A scram-sha-256 -E UTF8 --no-locale >&2
    rm -f "$DIR/pwfile"
  fi
  log "starting on 127.0.0.1:$PORT"
  # Sockets go in the cluster dir: /var/run/postgresql may not exist or be writable.
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2
fi

export PGPASSWORD="$PGPASS"
if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$PGUSER_NAME" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  log "creating database $DB"
  "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$PGUSER_NAME" "$DB" >&2
fi

echo "export VECTIS_PG_URL=$URL"
