#!/usr/bin/env bash
# Story intake under load with wrk: one service process, then two processes on the same PostgreSQL (the
# embedded one of the first), next to PostgreSQL's own single-row insert rate measured with pgbench on the
# same database in the same run. Everything on loopback.
# Needs Debian's wrk and pgbench: apt-get install wrk postgresql  (pgbench is in /usr/lib/postgresql/*/bin).
# Usage: [WARM_UP=60] bench/load.sh [seconds=30] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SECONDS_RUN=${1:-30}
CONNECTIONS=${2:-64}
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || true)
command -v wrk > /dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
[ -n "$PGBENCH" ] || { echo "needs pgbench: apt-get install postgresql" >&2; exit 1; }

build
start_service
machine
BASE="http://127.0.0.1:$PORT"
: > target/wrk-all.txt
curl -sf -u "admin:$ADMIN_PASSWORD" -X PUT -H 'Content-Type: application/json' \
  --data-binary @samples/storypoints/voordejeugd.json "$BASE/api/storypoints/voordejeugd" > /dev/null || true
DB_PORT=$(cat "$DATA/.vertelpunt-db-port")
export PGPASSWORD=$(cat "$DATA/.vertelpunt-db-password")

wrk_run() { # $1 url, $2 connections, $3 label
  echo "== $3"
  # a fresh run id per run: every submission id is new, so every request stores a story (none is a replay)
  wrk -t2 -c"$2" -d"${SECONDS_RUN}s" --latency -s bench/intake.lua "$1/api/storypoints/voordejeugd/stories" -- "$(date +%s%N | cut -c 8-16)" \
    | tee -a target/wrk-all.txt | grep -E "Requests/sec|requests |latency ms|Non-2xx|Socket errors"
}

# Sustained rates are measured on a warm service: the JIT compiler keeps compiling for about a minute under
# this load (perf showed it at 15% of the CPU after 30 s), which a burst of an hour does not see.
WARM_UP=${WARM_UP:-60}
echo "warm-up ($WARM_UP s)"
SECONDS_RUN_SAVED=$SECONDS_RUN; SECONDS_RUN=$WARM_UP; wrk_run "$BASE" "$CONNECTIONS" "warm-up" > /dev/null; SECONDS_RUN=$SECONDS_RUN_SAVED

for c in 16 32 "$CONNECTIONS"; do
  wrk_run "$BASE" "$c" "one service process, $c connections, ${SECONDS_RUN} s"
done

echo "== PostgreSQL alone: single-row inserts with pgbench on the same database"
psql_cmd="CREATE TABLE IF NOT EXISTS bench_insert (id BIGSERIAL PRIMARY KEY, payload JSONB NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now())"
"$(dirname "$PGBENCH")/psql" -h 127.0.0.1 -p "$DB_PORT" -U postgres -q -c "$psql_cmd" postgres
cat > target/pgbench-insert.sql <<'SQL'
INSERT INTO bench_insert (payload) VALUES ('{"role":"ouder","text":"Na lang wachten kregen we een vaste hulpverlener die echt luisterde.","answers":{"gehoord":72,"gevolg":"positief"}}');
SQL
for clients in 1 16; do
  echo "-- $clients client(s), ${SECONDS_RUN} s"
  "$PGBENCH" -h 127.0.0.1 -p "$DB_PORT" -U postgres -n -c "$clients" -j 2 -T "$SECONDS_RUN" -f target/pgbench-insert.sql postgres \
    | grep -E "^tps|latency average"
done
"$(dirname "$PGBENCH")/psql" -h 127.0.0.1 -p "$DB_PORT" -U postgres -q -c "DROP TABLE bench_insert" postgres

echo "starting a second service process on the same PostgreSQL (port $((PORT + 1)))"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" QUARKUS_HTTP_PORT=$((PORT + 1)) VERTELPUNT_RATE_LIMIT_ENABLED=false \
  java -jar target/quarkus-app/quarkus-run.jar > target/bench-service-2.log 2>&1 &
SECOND=$!
trap 'kill $SERVICE $SECOND 2>/dev/null; wait $SERVICE $SECOND 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$((PORT + 1))/q/health/ready" > /dev/null && break
  sleep 0.5
done
SECONDS_RUN_SAVED=$SECONDS_RUN; SECONDS_RUN=$WARM_UP; wrk_run "http://127.0.0.1:$((PORT + 1))" "$CONNECTIONS" "warm-up 2" > /dev/null; SECONDS_RUN=$SECONDS_RUN_SAVED
echo "== two service processes at once, $((CONNECTIONS / 2)) connections each, ${SECONDS_RUN} s (add the two rates)"
wrk_run "$BASE" $((CONNECTIONS / 2)) "process 1" > target/wrk-1.txt &
W1=$!
wrk_run "http://127.0.0.1:$((PORT + 1))" $((CONNECTIONS / 2)) "process 2" > target/wrk-2.txt &
W2=$!
wait $W1 $W2
cat target/wrk-1.txt target/wrk-2.txt
echo "stories stored: $("$(dirname "$PGBENCH")/psql" -h 127.0.0.1 -p "$DB_PORT" -U postgres -tAq -c 'SELECT count(*) FROM story' postgres)," \
  "requests sent in all runs (warm-ups included): $(awk '/^requests /{sum += $2} END {print sum}' target/wrk-all.txt)"
