#!/usr/bin/env bash
# The whole test suite: installs and provisions what it needs (Postgres, the Temporal dev server
# and the time-skipping test server), then lint, type check, every project's tests and the quick
# fuzz pass (`npm run fuzz -- --quick`).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=true

started=$(date +%s)
ensure_dependencies
provision

rm -rf tmp/test-results
status=0
log "lint"
npx nx run-many -t lint --outputStyle=static || status=1
log "type check"
npx tsc -p tsconfig.json --noEmit || status=1
log "tests"
npx nx run-many -t test --outputStyle=static --parallel=1 "$@" || status=1
# The short fuzz pass (RELIABILITY.md): fails on any 5xx, response breaking its schema or hang,
# not on schemathesis's own errors. Only for the whole suite (no arguments); FUZZ=0 skips it.
if [[ $# -eq 0 && "${FUZZ:-1}" != 0 ]]; then
  log "fuzz (quick pass)"
  bash scripts/fuzz.sh --quick || status=1
fi
log "took $(( $(date +%s) - started )) s"
# The summary's last line is the suite's closing line: `tests: N passed, N failed, N skipped`.
node scripts/summarise-tests.js || status=1
exit $status
