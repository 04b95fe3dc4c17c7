#!/usr/bin/env bash
# `npm run fuzz [-- --quick]`: property-based fuzzing of every service's OpenAPI with schemathesis
# against the process stack (RELIABILITY.md). The full pass takes minutes; `npm test` runs the
# quick one (about two minutes) after the test suites.
# schemathesis comes from PyPI, pinned, into .tools/schemathesis (a Python virtual environment);
# on a machine without python3 or its venv module, Debian's python3-venv is installed when apt-get
# is usable (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
SCHEMATHESIS_VERSION=4.32.5
if [[ -z "${TEMPORAL_CLI:-}" && -f .tools/env ]]; then
  # shellcheck disable=SC1091
  source .tools/env
fi
venv=.tools/schemathesis
if [[ "$("$venv/bin/schemathesis" --version 2>/dev/null || true)" != *"$SCHEMATHESIS_VERSION"* ]]; then
  if ! { command -v python3 >/dev/null && python3 -c 'import ensurepip, venv' 2>/dev/null; }; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
      echo "[fuzz] installing python3 and python3-venv (Debian) for schemathesis" >&2
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 python3-venv >&2
    else
      echo "[fuzz] python3 (3.9 or newer) with its venv module is needed for schemathesis" >&2
      exit 1
    fi
  fi
  echo "[fuzz] installing schemathesis $SCHEMATHESIS_VERSION from PyPI into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
export SCHEMATHESIS="$PWD/$venv/bin/schemathesis"
exec node --max-old-space-size=2048 -r ./scripts/register.js scripts/fuzz.ts "$@"
