#!/usr/bin/env bash
# Fault tests of the intake under load, against a scratch database that is dropped at the end.
#
#   scripts/ingest-faults.sh kill9        kill -9 of the app in the middle of a load
#   scripts/ingest-faults.sh pg-restart   PostgreSQL restarted in the middle of a load
#   scripts/ingest-faults.sh all          both
#
# kill9: afterwards every segment answered 202 must be stored byte for byte (MD5s recorded by
# the load generator) and the app must start again cleanly.
# pg-restart: while PostgreSQL is away the intake answers 503 with Retry-After, never 500, and
# recovers by itself; no acknowledged segment is lost.
#
# By default (PG_PRIVATE=1) the tests run against a private PostgreSQL cluster created for the run
# (initdb as the postgres user, port PG_PRIVATE_PORT, 54329) and removed afterwards, so that the
# restart disturbs nobody; it stays stopped for PG_DOWN_SECONDS (8) before it starts again. PG_PRIVATE=0 uses the machine's server at PGHOST and restarts it with
# pg_ctlcluster $PG_CLUSTER: only when nobody else is using it.
#
# Needs the app's jar, built afresh: ./mvnw -DskipTests clean package. Settings: PGHOST (127.0.0.1), PGUSER (postgres),
# PORT (18480), PG_CLUSTER ("15 main"), LOAD_CONNECTIONS (16), LOAD_RATE (400).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
PORT=${PORT:-18480}
PG_CLUSTER=${PG_CLUSTER:-15 main}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-16}
LOAD_RATE=${LOAD_RATE:-400}
PG_PRIVATE=${PG_PRIVATE:-1}
PG_PRIVATE_PORT=${PG_PRIVATE_PORT:-54329}
PG_DOWN_SECONDS=${PG_DOWN_SECONDS:-8}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
PG_DATA="/tmp/replay-faults-pg-$$"
PGPORT=5432
if [ "$PG_PRIVATE" = 1 ]; then PGPORT=$PG_PRIVATE_PORT; fi
DB="replay_fault_$$"
WORK="$ROOT/replay-ingest/target/faults"
JAR=$(ls "$ROOT"/replay-api/target/replay-api-*.jar | grep -v plain | head -1)
APP_PID=""
FAILED=0

mkdir -p "$WORK"

log() { echo "[faults] $*"; }

start_app() {
  # the load replays the corpus, recorded on fixed dates: its timestamps must stay acceptable
  REPLAY_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" REPLAY_DB_USER="$PGUSER" PORT="$PORT" \
    REPLAY_INGEST_MAX_EVENT_AGE=36500d java -jar "$JAR" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then
      log "app $APP_PID is up"
      return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      log "app $APP_PID exited during start"; return 1
    fi
    sleep 0.5
  done
  log "app $APP_PID did not start"; return 1
}

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

ensure_postgres() {
  for _ in $(seq 1 60); do
    pg_isready -h "$PGHOST" -p "$PGPORT" -q && return 0
    sleep 1
  done
  log "PostgreSQL is not answering; starting it"
  if [ "$PG_PRIVATE" = 1 ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -l "$PG_DATA.log" start || true
  else
    # shellcheck disable=SC2086
    pg_ctlcluster --skip-systemctl-redirect $PG_CLUSTER start || true
  fi
}

restart_postgres() {
  if [ "$PG_PRIVATE" = 1 ]; then
    log "stopping the private PostgreSQL for ${PG_DOWN_SECONDS}s"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -m fast stop
    sleep "$PG_DOWN_SECONDS"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -l "$PG_DATA.log" start
  else
    log "pg_ctlcluster $PG_CLUSTER restart"
    # shellcheck disable=SC2086
    pg_ctlcluster --skip-systemctl-redirect $PG_CLUSTER restart
  fi
}

start_private_postgres() {
  mkdir -p "$PG_DATA" && chown postgres "$PG_DATA"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U "$PGUSER" --auth=trust >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -l "$PG_DATA.log" \
    -o "-p $PG_PRIVATE_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp" start >/dev/null
  # keep the port and socket across restarts
  echo "port = $PG_PRIVATE_PORT" >>"$PG_DATA/postgresql.conf"
  echo "listen_addresses = '127.0.0.1'" >>"$PG_DATA/postgresql.conf"
  echo "unix_socket_directories = '/tmp'" >>"$PG_DATA/postgresql.conf"
}

cleanup() {
  stop_app
  if [ "$PG_PRIVATE" = 1 ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA" "$PG_DATA.log"
  else
    ensure_postgres
    dropdb -h "$PGHOST" -U "$PGUSER" --if-exists "$DB" || true
  fi
}
trap cleanup EXIT

# The load generator, in the background; its output goes to $1.log and its acknowledgements to $1.tsv.
start_load() {
  local name=$1 duration=$2
  ./mvnw -q -o -pl replay-ingest -am -Pload -DskipTests package \
    -Dload.url="http://localhost:$PORT" -Dload.jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    -Dload.jdbc-user="$PGUSER" -Dload.mix=browser,mobile,native -Dload.connections="$LOAD_CONNECTIONS" \
    -Dload.rate="$LOAD_RATE" -Dload.warmup=5s -Dload.duration="$duration" -Dload.baseline=false \
    -Dload.heap=2g -Dload.acked-file="$WORK/$name.tsv" >"$WORK/$name.log" 2>&1 &
  LOAD_PID=$!
  for _ in $(seq 1 600); do
    grep -q '^measuring:' "$WORK/$name.log" 2>/dev/null && return 0
    kill -0 "$LOAD_PID" 2>/dev/null || { log "load generator exited early"; cat "$WORK/$name.log"; return 1; }
    sleep 0.5
  done
  return 1
}

verify() {
  local name=$1
  ./mvnw -q -o -pl replay-ingest -am -Pload -DskipTests package -Dload.verify="$WORK/$name.tsv" \
    -Dload.jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$DB" -Dload.jdbc-user="$PGUSER" | tee -a "$WORK/$name.log"
}

kill9() {
  log "kill -9 of the app in the middle of a load"
  start_app
  start_load kill9 40s
  sleep 10
  log "kill -9 $APP_PID"
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  sleep 2
  start_app || { FAILED=1; return; }
  wait "$LOAD_PID" || true
  grep -E '^measured:' "$WORK/kill9.log" || true
  if verify kill9; then log "kill9: every acknowledged segment is stored"; else log "kill9: FAILED"; FAILED=1; fi
  if grep -q "Started ReplayApplication" <(tail -n 400 "$WORK/app.log"); then
    log "kill9: the app started again cleanly"
  else
    log "kill9: FAILED, no clean restart"; FAILED=1
  fi
  stop_app
}

pg_restart() {
  log "PostgreSQL restart in the middle of a load"
  start_app
  start_load pgrestart 40s
  sleep 10
  restart_postgres
  wait "$LOAD_PID" || true
  local measured
  measured=$(grep -E '^measured:' "$WORK/pgrestart.log" || true)
  echo "$measured"
  if echo "$measured" | grep -qE '[{ ]5[0-9][0-9]=' && ! echo "$measured" | grep -qE '[{ ]500='; then
    log "pg-restart: 503 while PostgreSQL was away, no 500"
  elif echo "$measured" | grep -qE '[{ ]500='; then
    log "pg-restart: FAILED, 500 answers"; FAILED=1
  else
    log "pg-restart: no error answer seen (the restart may have been too quick to notice)"
  fi
  local after
  after=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/actuator/health")
  [ "$after" = "200" ] && log "pg-restart: the app is healthy again" || { log "pg-restart: FAILED, health $after"; FAILED=1; }
  if verify pgrestart; then log "pg-restart: every acknowledged segment is stored"; else log "pg-restart: FAILED"; FAILED=1; fi
  stop_app
}

if [ "$PG_PRIVATE" = 1 ]; then start_private_postgres; fi
createdb -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" "$DB"
: >"$WORK/app.log"
case "${1:-all}" in
  kill9) kill9 ;;
  pg-restart) pg_restart ;;
  all) kill9; pg_restart ;;
  *) echo "usage: $0 kill9|pg-restart|all" >&2; exit 2 ;;
esac
if [ "$FAILED" = 0 ]; then log "all passed"; else log "FAILED (logs in $WORK)"; fi
exit "$FAILED"
