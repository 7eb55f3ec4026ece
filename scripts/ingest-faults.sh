#!/usr/bin/env bash
# Fault tests of the intake under load, against a scratch database that is dropped at the end.
#
#   scripts/ingest-faults.sh kill9        kill -9 of the app in the middle of a load
#   scripts/ingest-faults.sh pg-restart   PostgreSQL restarted in the middle of a load
#   scripts/ingest-faults.sh s3-outage    the object store stopped in the middle of a load (replay.storage.kind=s3)
#   scripts/ingest-faults.sh compaction   kill -9 of the app while it compacts sessions (replay.storage.kind=s3)
#   scripts/ingest-faults.sh all          all four
#
# kill9: afterwards every segment answered 202 must be stored byte for byte (MD5s recorded by
# the load generator) and the app must start again cleanly.
# pg-restart: while PostgreSQL is away the intake answers 503 with Retry-After, never 500, and
# recovers by itself; no acknowledged segment is lost.
# s3-outage: the same with the object store (S3Proxy over a temporary directory, the jar that
# ./mvnw verify copies to replay-ingest/target/s3proxy) stopped for S3_DOWN_SECONDS (8).
# compaction: kill -9 while quiet sessions are rewritten into objects of their own; afterwards every
# acknowledged segment is stored byte for byte, and once the sweep has run every object of the
# bucket is registered and none is left that nothing will delete.
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
S3_DOWN_SECONDS=${S3_DOWN_SECONDS:-8}
S3_PORT=${S3_PORT:-18490}
S3_DIR="/tmp/replay-faults-s3-$$"
S3_PID=""
S3_BUCKET=replay
STORAGE_ENV=()
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
  env "${STORAGE_ENV[@]}" REPLAY_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" REPLAY_DB_USER="$PGUSER" PORT="$PORT" \
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

# S3Proxy over $S3_DIR, with the credentials the app gets in STORAGE_ENV
start_s3() {
  local jar="$ROOT/replay-ingest/target/s3proxy/s3proxy.jar"
  [ -f "$jar" ] || { log "no S3Proxy at $jar: run ./mvnw verify first"; return 1; }
  mkdir -p "$S3_DIR/data"
  printf '%s\n' "s3proxy.endpoint=http://127.0.0.1:$S3_PORT" "s3proxy.authorization=aws-v2-or-v4" \
    "s3proxy.identity=faults" "s3proxy.credential=faults-secret" "jclouds.provider=filesystem-nio2" \
    "jclouds.filesystem.basedir=$S3_DIR/data" >"$S3_DIR/s3proxy.conf"
  java -Xmx256m -jar "$jar" --properties "$S3_DIR/s3proxy.conf" >>"$WORK/s3proxy.log" 2>&1 &
  S3_PID=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$S3_PORT/" && return 0
    sleep 0.5
  done
  log "S3Proxy did not start"; return 1
}

stop_s3() {
  if [ -n "$S3_PID" ] && kill -0 "$S3_PID" 2>/dev/null; then
    kill "$S3_PID"; wait "$S3_PID" 2>/dev/null || true
  fi
  S3_PID=""
}

use_s3() {
  STORAGE_ENV=(REPLAY_STORAGE_KIND=s3 "REPLAY_STORAGE_S3_ENDPOINT=http://127.0.0.1:$S3_PORT"
    "REPLAY_STORAGE_S3_BUCKET=$S3_BUCKET" REPLAY_STORAGE_S3_ACCESS_KEY=faults REPLAY_STORAGE_S3_SECRET_KEY=faults-secret
    REPLAY_STORAGE_S3_TIMEOUT=2s "$@")
}

verify_s3() {
  local name=$1
  ./mvnw -q -o -pl replay-ingest -am -Pload -DskipTests package -Dload.verify="$WORK/$name.tsv" \
    -Dload.jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$DB" -Dload.jdbc-user="$PGUSER" \
    -Dload.s3-endpoint="http://127.0.0.1:$S3_PORT" -Dload.s3-bucket="$S3_BUCKET" -Dload.s3-access-key=faults \
    -Dload.s3-secret-key=faults-secret | tee -a "$WORK/$name.log"
}

cleanup() {
  stop_app
  stop_s3
  rm -rf "$S3_DIR"
  if [ "$PG_PRIVATE" = 1 ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA" "$PG_DATA.log"
  else
    ensure_postgres
    dropdb -h "$PGHOST" -U "$PGUSER" --if-exists "$DB" || true
    dropdb -h "$PGHOST" -U "$PGUSER" --if-exists "${DB%_compaction}" || true
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

s3_outage() {
  log "object store stopped in the middle of a load"
  start_s3 || { FAILED=1; return; }
  use_s3
  start_app || { FAILED=1; return; }
  start_load s3outage 40s
  sleep 10
  log "stopping the object store for ${S3_DOWN_SECONDS}s"
  stop_s3
  sleep "$S3_DOWN_SECONDS"
  start_s3 || { FAILED=1; return; }
  wait "$LOAD_PID" || true
  local measured
  measured=$(grep -E '^measured:' "$WORK/s3outage.log" || true)
  echo "$measured"
  if echo "$measured" | grep -qE '[{ ]500='; then
    log "s3-outage: FAILED, 500 answers"; FAILED=1
  elif echo "$measured" | grep -qE '[{ ]503='; then
    log "s3-outage: 503 while the object store was away, no 500"
  else
    log "s3-outage: FAILED, no 503 while the object store was away"; FAILED=1
  fi
  local after
  after=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/actuator/health")
  [ "$after" = "200" ] && log "s3-outage: the app is healthy again" || { log "s3-outage: FAILED, health $after"; FAILED=1; }
  if verify_s3 s3outage; then log "s3-outage: every acknowledged segment is stored"; else log "s3-outage: FAILED"; FAILED=1; fi
  stop_app
}

compaction() {
  log "kill -9 of the app while it compacts sessions"
  [ -n "$S3_PID" ] || start_s3 || { FAILED=1; return; }
  # a database and a bucket of its own: every session in them must get compacted in time
  DB="${DB}_compaction"
  createdb -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" "$DB"
  S3_BUCKET=compaction
  use_s3 REPLAY_STORAGE_COMPACT_AFTER=1s REPLAY_STORAGE_SWEEP_INTERVAL=1s REPLAY_STORAGE_ORPHAN_GRACE=3s \
    REPLAY_TIMELINE_QUIET_PERIOD=1s REPLAY_TIMELINE_DELAY=200ms
  start_app || { FAILED=1; return; }
  start_load compaction 15s
  wait "$LOAD_PID" || true
  local seen=0
  for _ in $(seq 1 240); do
    if grep -q "Compacted .* sessions" <(tail -n 2000 "$WORK/app.log"); then seen=1; break; fi
    sleep 0.5
  done
  [ "$seen" = 1 ] || { log "compaction: FAILED, no session was compacted"; FAILED=1; stop_app; return; }
  log "kill -9 $APP_PID while it compacts"
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  start_app || { FAILED=1; return; }
  if verify_s3 compaction; then log "compaction: every acknowledged segment is stored"; else log "compaction: FAILED"; FAILED=1; fi
  # every session compacted, then one more sweep past the grace period
  local waiting=1
  for _ in $(seq 1 600); do
    waiting=$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -Atc \
      "select count(*) from replay_session where compacted_version is distinct from updated_at")
    [ "$waiting" = 0 ] && break
    sleep 0.5
  done
  sleep 8
  local registered stored
  registered=$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -Atc "select key from stored_object order by key")
  stored=$(cd "$S3_DIR/data/$S3_BUCKET" && find . -type f | sed 's|^\./||' | sort)
  if [ "$waiting" = 0 ] && [ "$registered" = "$stored" ]; then
    log "compaction: every session compacted; the bucket holds exactly the registered objects ($(echo "$stored" | wc -l))"
  else
    log "compaction: FAILED, $waiting sessions wait; $(comm -13 <(echo "$registered") <(echo "$stored") | wc -l) objects unregistered, $(comm -23 <(echo "$registered") <(echo "$stored") | wc -l) missing"
    FAILED=1
  fi
  if verify_s3 compaction; then log "compaction: after it, every acknowledged segment is still stored"; else log "compaction: FAILED"; FAILED=1; fi
  stop_app
}

if [ "$PG_PRIVATE" = 1 ]; then start_private_postgres; fi
createdb -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" "$DB"
: >"$WORK/app.log"
case "${1:-all}" in
  kill9) kill9 ;;
  pg-restart) pg_restart ;;
  s3-outage) s3_outage ;;
  compaction) compaction ;;
  object-store) s3_outage; compaction ;;
  all) kill9; pg_restart; s3_outage; compaction ;;
  *) echo "usage: $0 kill9|pg-restart|s3-outage|compaction|object-store|all" >&2; exit 2 ;;
esac
if [ "$FAILED" = 0 ]; then log "all passed"; else log "FAILED (logs in $WORK)"; fi
exit "$FAILED"
