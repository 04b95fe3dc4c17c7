#!/usr/bin/env bash
# `npm run bench [-- --quick | --trial]`: the billing-run benchmark, the month-end debt follow-up
# benchmark, then the start-throughput benchmark (see BENCHMARKS.md). BENCH_SKIP_BILLING=1 /
# BENCH_SKIP_DEBTS=1 / BENCH_SKIP_LIFECYCLES=1 skip one of them.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${TEMPORAL_CLI:-}" && -f .tools/env ]]; then
  # shellcheck disable=SC1091
  source .tools/env
fi
heap="--max-old-space-size=${BENCH_CLIENT_HEAP_MB:-4096}"
if [[ "${BENCH_SKIP_BILLING:-0}" != 1 ]]; then
  node "$heap" -r ./scripts/register.js bench/billing-run.ts "$@"
fi
if [[ "${BENCH_SKIP_DEBTS:-0}" != 1 ]]; then
  node "$heap" -r ./scripts/register.js bench/debt-review.ts "$@"
fi
if [[ "${BENCH_SKIP_LIFECYCLES:-0}" != 1 ]]; then
  node "$heap" -r ./scripts/register.js bench/start-throughput.ts "$@"
fi
