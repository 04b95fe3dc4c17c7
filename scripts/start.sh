#!/usr/bin/env bash
# Starts the whole system on one machine with embedded defaults: Postgres, the Temporal dev
# server with its UI, the five services, the workflow worker and the authority stand-ins, then
# loads the demo data. Logs go to .tools/logs/; `npm stop` stops everything.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_dependencies
provision

mkdir -p "$TOOLS/logs" "$TOOLS/pids" "$TOOLS/temporal"
if [ ! -f "$TOOLS/dev-signing-key" ]; then
  (umask 077 && node -e "process.stdout.write(require('crypto').randomBytes(32).toString('hex'))" > "$TOOLS/dev-signing-key")
fi
export AUTH_SIGNING_KEY="$(cat "$TOOLS/dev-signing-key")"
grep -q '^export AUTH_SIGNING_KEY=' "$TOOLS/env" || echo "export AUTH_SIGNING_KEY=$AUTH_SIGNING_KEY" >> "$TOOLS/env"

# The collection service talks to the agency stand-in, which reports back to the collection service.
export AGENCY_URL="${AGENCY_URL:-http://127.0.0.1:3100}"
export AGENCY_CALLBACK_URL="${AGENCY_CALLBACK_URL:-http://127.0.0.1:3004/agency/reports}"
if [ -z "${AGENCY_CALLBACK_TOKEN:-}" ]; then
  AGENCY_CALLBACK_TOKEN="$(node apps/cli/bin/clientfees.js token --roles collection-agency --organisations fi-demo,se-demo --sub agency-sim --ttl-seconds 31536000)"
  export AGENCY_CALLBACK_TOKEN
fi

TEMPORAL_PORT="${TEMPORAL_ADDRESS##*:}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"

running() { [ -f "$TOOLS/pids/$1.pid" ] && kill -0 "$(cat "$TOOLS/pids/$1.pid")" 2>/dev/null; }

# Each process runs under scripts/supervise.sh: one that dies is started again with back-off, and
# its log says so. The pid file holds the supervisor's pid; `npm stop` signals it.
launch() { # name, command...
  local name=$1; shift
  if running "$name"; then log "$name already running"; return; fi
  log "starting $name"
  nohup bash "$ROOT/scripts/supervise.sh" "$name" "$@" >> "$TOOLS/logs/$name.log" 2>&1 &
  echo $! > "$TOOLS/pids/$name.pid"
}

wait_for() { # what, seconds, test command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 2))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  log "$what did not come up within ${seconds}s; see $TOOLS/logs/"
  return 1
}

search_attributes=()
for sa in $(node -r ./scripts/register.js -e "const {SEARCH_ATTRIBUTE_REGISTRATIONS:r}=require('./libs/contracts/src/search-attributes.ts');for(const[k,v]of Object.entries(r))console.log(k+'='+v)"); do
  search_attributes+=(--search-attribute "$sa")
done
launch temporal "$TEMPORAL_CLI" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
  --db-filename "$TOOLS/temporal/dev.db" --sqlite-pragma journal_mode=WAL --log-level warn "${search_attributes[@]}" \
  --dynamic-config-value matching.numTaskqueueReadPartitions=1 --dynamic-config-value matching.numTaskqueueWritePartitions=1
wait_for "Temporal" 60 "$TEMPORAL_CLI" operator cluster health --address "$TEMPORAL_ADDRESS"

for service in invoicing income-verification provider-settlement collection debt-followup; do
  launch "$service" node -r ./scripts/register.js "apps/$service/src/main.ts"
done
launch workflows node -r ./scripts/register.js workflows/src/worker/main.ts
launch authority-sim node -r ./scripts/register.js apps/authority-sim/src/main.ts

declare -A HTTP_PORTS=([invoicing]=3001 [income-verification]=3002 [provider-settlement]=3003 [collection]=3004 [debt-followup]=3005)
for service in "${!HTTP_PORTS[@]}"; do
  wait_for "$service" 120 curl -fsS "http://127.0.0.1:${HTTP_PORTS[$service]}/health"
done
wait_for "authority-sim" 60 curl -fsS "http://127.0.0.1:3100/health"

log "loading demo data"
node apps/cli/bin/clientfees.js demo --income-verification-url http://127.0.0.1:3002

cat <<TXT

clientfees is running.
  Temporal UI          http://127.0.0.1:${TEMPORAL_UI_PORT}
  invoicing            http://127.0.0.1:3001/docs
  income-verification  http://127.0.0.1:3002/docs
  provider-settlement  http://127.0.0.1:3003/docs
  collection           http://127.0.0.1:3004/docs
  debt-followup        http://127.0.0.1:3005/docs
  authority-sim        http://127.0.0.1:3100/health
  Postgres             ${DATABASE_URL%%\?*}
Tokens for the APIs:   npx clientfees token --roles finance-centre --organisations fi-demo,se-demo
Logs:                  .tools/logs/    Stop: npm stop
TXT
