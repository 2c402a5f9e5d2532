#!/usr/bin/env bash
# The embedded default services for development and tests: a project-local PostgreSQL cluster and a
# project-local Redis in .devdata/, on 127.0.0.1 and unusual ports. No system service, no Docker.
#   scripts/devservices.sh start|stop|status
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user (runuser).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA="$ROOT/.devdata"
PGDATA="$DATA/pg"
PG_PORT="${DEV_PG_PORT:-54329}"
REDIS_PORT="${DEV_REDIS_PORT:-63799}"
PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_running() { [ -f "$PGDATA/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }
redis_running() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; }

start_pg() {
  [ -n "$PGBIN" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
  mkdir -p "$DATA"
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    if [ "$(id -u)" = "0" ]; then
      chown postgres: "$PGDATA"
      # every parent directory must be traversable by the postgres user
      d="$PGDATA"; while [ "$d" != "/" ]; do d=$(dirname "$d"); chmod o+x "$d" 2>/dev/null || true; done
    fi
    as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      --locale-provider=icu --icu-locale=da-DK >/dev/null
    cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
  fi
  if ! pg_running; then
    # A quarter of the memory (128 MB to 2 GB), the usual share: PostgreSQL keeps what it has read in its own
    # buffers, which the kernel does not take back, while the file cache of a machine that reclaims idle memory
    # (DAMON on this kind of VM) empties within minutes and the next request reads the disk again.
    mem_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null || echo 1048576)
    shared_mb=$(( mem_kb / 4096 )); [ "$shared_mb" -lt 128 ] && shared_mb=128; [ "$shared_mb" -gt 2048 ] && shared_mb=2048
    [ -n "${DEV_PG_SHARED_MB:-}" ] && shared_mb=$DEV_PG_SHARED_MB  # several clusters on one machine (worktrees)
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 -o "-c shared_buffers=${shared_mb}MB" start >/dev/null
  fi
  psql_admin() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
  if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname='frivillig'")" != "1" ]; then
    psql_admin -c "CREATE ROLE frivillig LOGIN CREATEDB"
  fi
  # The portal's own role in production owns no table (migrations run as the owner): tests switch to it with
  # SET ROLE (tests/trust/test_database_roles.py).
  if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname='frivillig_app'")" != "1" ]; then
    psql_admin -c "CREATE ROLE frivillig_app NOLOGIN" -c "GRANT frivillig_app TO frivillig"
  fi
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname='frivillig'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE frivillig OWNER frivillig"
  fi
  echo "PostgreSQL on 127.0.0.1:$PG_PORT"
}

start_redis() {
  command -v redis-server >/dev/null || { echo "redis-server not found (apt-get install redis-server)" >&2; exit 1; }
  mkdir -p "$DATA/redis"
  if ! redis_running; then
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --dir "$DATA/redis" \
      --save "" --appendonly no --pidfile "$DATA/redis/redis.pid" --logfile "$DATA/redis/redis.log"
    for _ in $(seq 1 50); do redis_running && break; sleep 0.1; done
  fi
  echo "Redis on 127.0.0.1:$REDIS_PORT"
}

stop_all() {
  if pg_running; then as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null && echo "PostgreSQL stopped"; fi
  if redis_running; then redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; echo "Redis stopped"; fi
}

case "${1:-}" in
  start)
    [ -n "${DATABASE_URL:-}" ] || start_pg
    [ -n "${REDIS_URL:-}" ] || start_redis
    ;;
  stop) stop_all ;;
  status)
    pg_running && echo "PostgreSQL running" || echo "PostgreSQL stopped"
    redis_running && echo "Redis running" || echo "Redis stopped"
    ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
