#!/usr/bin/env bash
# Starts a throwaway PgBouncer in TRANSACTION pooling mode in front of a local PostgreSQL, for the
# tests that show the app works behind a transaction pooler (ADR 0022):
#   scripts/pgbouncer-for-tests.sh DIR PORT [UPSTREAM_PORT]
# DIR gets the config, log and pid file (stop it with `kill "$(cat DIR/pgbouncer.pid)"`).
# Clients log in as loadwise/loadwise (scram, from DIR/userlist.txt); PgBouncer logs in to
# PostgreSQL at 127.0.0.1:UPSTREAM_PORT (default 5432) with the same password. Every database
# name is passed through. Needs Debian's pgbouncer (`apt-get install -y pgbouncer`).
set -euo pipefail
dir=$1 port=$2 upstream=${3:-5432}
command -v pgbouncer >/dev/null || { echo "pgbouncer is not installed: apt-get install -y pgbouncer" >&2; exit 1; }
mkdir -p "$dir"
cat >"$dir/userlist.txt" <<'USERS'
"loadwise" "loadwise"
USERS
cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$upstream

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $dir/userlist.txt
pool_mode = transaction
; With PostgreSQL gone, a waiting query fails in seconds (SQLSTATE 08P01, which the app answers
; with its "try again in a moment" 503) instead of PgBouncer's default two minutes.
query_wait_timeout = 10
; Two app servers of 10 connections each, the test's own clients, and room for a burst.
max_client_conn = 200
default_pool_size = 20
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
# PgBouncer will not run as root; the postgres account owns the files it writes.
as_user=()
if [ "$(id -u)" = 0 ]; then
  chown -R postgres "$dir"
  as_user=(-u postgres)
fi
pgbouncer -d "${as_user[@]}" "$dir/pgbouncer.ini"
for _ in $(seq 1 50); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then exit 0; fi
  sleep 0.2
done
echo "pgbouncer did not start listening on 127.0.0.1:$port; its log:" >&2
cat "$dir/pgbouncer.log" >&2 || true
exit 1
