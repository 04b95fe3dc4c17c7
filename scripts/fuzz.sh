#!/usr/bin/env bash
# `npm run fuzz [-- --quick]`: property-based fuzzing of every service's OpenAPI with schemathesis
# against the process stack (RELIABILITY.md). Not part of `npm test`: it takes minutes.
# schemathesis comes from PyPI, pinned, into .tools/schemathesis (a Python virtual environment).
set -euo pipefail
cd "$(dirname "$0")/.."
SCHEMATHESIS_VERSION=4.32.5
if [[ -z "${TEMPORAL_CLI:-}" && -f .tools/env ]]; then
  # shellcheck disable=SC1091
  source .tools/env
fi
venv=.tools/schemathesis
if [[ "$("$venv/bin/schemathesis" --version 2>/dev/null || true)" != *"$SCHEMATHESIS_VERSION"* ]]; then
  command -v python3 >/dev/null || { echo "[fuzz] python3 (3.9 or newer) is needed for schemathesis" >&2; exit 1; }
  echo "[fuzz] installing schemathesis $SCHEMATHESIS_VERSION from PyPI into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
export SCHEMATHESIS="$PWD/$venv/bin/schemathesis"
exec node --max-old-space-size=2048 -r ./scripts/register.js scripts/fuzz.ts "$@"
