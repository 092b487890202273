#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for fault tests that must stop the server (tests/faults/crash.test.ts).
# It never touches another cluster: its own data directory, its own port, listening on 127.0.0.1 only.
#
#   scripts/pg-throwaway.sh create DIR PORT   initdb into DIR/data (trust auth, loopback only), start it
#   scripts/pg-throwaway.sh start DIR         start it again (after a crash: WAL recovery runs here)
#   scripts/pg-throwaway.sh crash DIR         pg_ctl stop -m immediate: no checkpoint, as a power cut would leave it
#   scripts/pg-throwaway.sh destroy DIR       stop it if running and delete DIR
#
# PostgreSQL refuses to run as root, so as root (CI runs .ci/run as root) every step runs as the
# `postgres` user; as anyone else, as that user. PG_BIN overrides where initdb and pg_ctl are found.
set -euo pipefail

cmd="${1:-}"
dir="${2:-}"
[[ -n "$cmd" && -n "$dir" ]] || { echo "usage: $0 create|start|crash|destroy DIR [PORT]" >&2; exit 2; }

if [[ -z "${PG_BIN:-}" ]]; then
  if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then PG_BIN=/usr/lib/postgresql/15/bin
  else PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"; fi
fi
[[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || { echo "pg-throwaway: no initdb/pg_ctl (set PG_BIN)" >&2; exit 1; }

# Run a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    local quoted
    printf -v quoted '%q ' "$@"
    su postgres -s /bin/sh -c "$quoted"
  else
    "$@"
  fi
}

data="$dir/data"
log="$dir/postgres.log"

case "$cmd" in
  create)
    port="${3:?create needs a PORT}"
    mkdir -p "$dir"
    [[ "$(id -u)" == 0 ]] && chown postgres: "$dir"
    as_owner "$PG_BIN/initdb" -D "$data" -U loadwise --auth=trust -E UTF8 --no-instructions >/dev/null
    # Durability settings stay at PostgreSQL's defaults (fsync, synchronous_commit, full_page_writes
    # on): they are what the crash test checks. Small buffers, few connections: a test cluster.
    cat >>"$data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 30
shared_buffers = 32MB
logging_collector = off
CONF
    [[ "$(id -u)" == 0 ]] && chown postgres: "$data/postgresql.conf"
    as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null
    ;;
  start)
    as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null
    ;;
  crash)
    as_owner "$PG_BIN/pg_ctl" -D "$data" -m immediate -w -t 60 stop >/dev/null
    ;;
  destroy)
    if [[ -d "$data" ]]; then as_owner "$PG_BIN/pg_ctl" -D "$data" -m immediate -w -t 60 stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "pg-throwaway: unknown command $cmd" >&2
    exit 2
    ;;
esac
