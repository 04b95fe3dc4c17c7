#!/usr/bin/env bash
# `npm run bench [-- --quick | --trial]`: every benchmark below in turn (see BENCHMARKS.md); each can be
# skipped with its BENCH_SKIP_* variable (BILLING, VOUCHERS, LIFECYCLES, INCOME_REVIEWS, WHAT_IF, PAYMENTS, DEBTS, …).
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
if [[ "${BENCH_SKIP_VOUCHERS:-0}" != 1 ]]; then
  node "$heap" -r ./scripts/register.js bench/voucher-settlement.ts "$@"
fi
if [[ "${BENCH_SKIP_PAYMENTS:-0}" != 1 ]]; then
  node "$heap" -r ./scripts/register.js bench/payment-import.ts "$@"
fi
if [[ "${BENCH_SKIP_DEBTS:-0}" != 1 ]]; then
  node "$heap" -r ./scripts/register.js bench/debt-review.ts "$@"
fi
if [[ "${BENCH_SKIP_LIFECYCLES:-0}" != 1 ]]; then
  node "$heap" -r ./scripts/register.js bench/start-throughput.ts "$@"
fi
if [[ "${BENCH_SKIP_INCOME_REVIEWS:-0}" != 1 ]]; then
  node "$heap" -r ./scripts/register.js bench/income-reviews.ts "$@"
fi
if [[ "${BENCH_SKIP_WHAT_IF:-0}" != 1 ]]; then
  node "$heap" -r ./scripts/register.js bench/what-if-run.ts "$@"
fi
