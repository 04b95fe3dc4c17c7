#!/usr/bin/env bash
# `supervise.sh NAME COMMAND...`: runs COMMAND and starts it again whenever it dies, waiting 1 s,
# then 2, 4 … up to SUPERVISE_MAX_BACKOFF_SECONDS (60) between attempts; a run that lasted
# SUPERVISE_STABLE_SECONDS (60) resets the wait. Every exit and restart is logged (to stderr,
# which `npm start` sends to .tools/logs/NAME.log). SIGTERM or SIGINT stops the command (TERM,
# then KILL after 10 s) and the supervisor with it: `npm stop` signals the supervisor.
set -uo pipefail
name=$1; shift
max_backoff=${SUPERVISE_MAX_BACKOFF_SECONDS:-60}
stable=${SUPERVISE_STABLE_SECONDS:-60}
say() { printf '%s [supervisor] %s: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$name" "$*" >&2; }

child=
stopping=0
stop() {
  stopping=1
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    say "stopping (pid $child)"
    kill -TERM "$child" 2>/dev/null
    for _ in $(seq 1 40); do kill -0 "$child" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$child" 2>/dev/null && kill -KILL "$child" 2>/dev/null
  fi
}
trap stop TERM INT

backoff=1
while :; do
  started=$SECONDS
  "$@" &
  child=$!
  say "started (pid $child)"
  # `wait` answers the exit code even when bash has already reaped the child; it returns early
  # when a trapped signal arrives, so wait again while the child is still there.
  wait "$child"; code=$?
  while kill -0 "$child" 2>/dev/null; do wait "$child"; code=$?; done
  if [ "$stopping" = 1 ]; then say "stopped"; exit 0; fi
  if [ $((SECONDS - started)) -ge "$stable" ]; then backoff=1; fi
  say "exited with code $code after $((SECONDS - started)) s; restarting in ${backoff} s"
  sleep "$backoff" & wait $! 2>/dev/null
  if [ "$stopping" = 1 ]; then say "stopped"; exit 0; fi
  backoff=$((backoff * 2)); [ "$backoff" -gt "$max_backoff" ] && backoff=$max_backoff
done
