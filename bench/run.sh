#!/usr/bin/env bash
# `npm run bench [-- --quick | --trial]`: the start-throughput benchmark (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${TEMPORAL_CLI:-}" && -f .tools/env ]]; then
  # shellcheck disable=SC1091
  source .tools/env
fi
exec node --max-old-space-size="${BENCH_CLIENT_HEAP_MB:-4096}" -r ./scripts/register.js bench/start-throughput.ts "$@"
