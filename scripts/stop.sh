#!/usr/bin/env bash
# Stops what `npm start` started (the machine's own Postgres cluster keeps running).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
shopt -s nullglob
for pidfile in "$TOOLS"/pids/*.pid; do
  name=$(basename "$pidfile" .pid)
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name"
    kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$pidfile"
done
if [ -f "$TOOLS/pg/postmaster.pid" ] && [ -x "$ROOT/scripts/provision/embedded-postgres.mjs" -o -f "$ROOT/scripts/provision/embedded-postgres.mjs" ]; then
  node "$ROOT/scripts/provision/embedded-postgres.mjs" stop || true
fi
log "stopped"
