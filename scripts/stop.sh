#!/usr/bin/env bash
# Stops what `npm start` started, in dependency order: the authority stand-ins, the five services
# and the workflow worker before the Temporal server they use (the machine's own Postgres cluster
# keeps running). Each pid is a supervisor (scripts/supervise.sh): signalled, it stops its process
# and does not restart it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
shopt -s nullglob
stop_one() { # name
  local name=$1 pidfile="$TOOLS/pids/$1.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$pidfile"
}
stop_one authority-sim
for service in invoicing income-verification provider-settlement collection debt-followup; do stop_one "$service" & done
wait
stop_one workflows
for pidfile in "$TOOLS"/pids/*.pid; do
  name=$(basename "$pidfile" .pid)
  [ "$name" = temporal ] || stop_one "$name"
done
stop_one temporal
if [ -f "$TOOLS/pg/postmaster.pid" ] && [ -x "$ROOT/scripts/provision/embedded-postgres.mjs" -o -f "$ROOT/scripts/provision/embedded-postgres.mjs" ]; then
  node "$ROOT/scripts/provision/embedded-postgres.mjs" stop || true
fi
log "stopped"
