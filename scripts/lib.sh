# Shared by the start, stop and test scripts.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"

log() { printf '\033[1m[clientfees]\033[0m %s\n' "$*" >&2; }

# Installs the npm dependencies when they are missing or older than the lock file.
ensure_dependencies() {
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm dependencies (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

provision() {
  bash "$ROOT/scripts/provision.sh"
  # shellcheck disable=SC1091
  source "$TOOLS/env"
}
