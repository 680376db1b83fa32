#!/usr/bin/env bash
# Story intake benchmark: starts the packaged service on a fresh embedded PostgreSQL, measures
# submissions per second with latency percentiles and the import of 100,000 stories, then stops it.
# Usage: bench/intake.sh [seconds=20] [clients=16] [import-stories=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_OF_LOAD=${1:-20}
CLIENTS=${2:-16}
IMPORT=${3:-100000}
PORT=8089
DATA=target/bench-data

mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
rm -rf "$DATA"
VERTELPUNT_DATA_DIR="$DATA" VERTELPUNT_ADMIN_PASSWORD=bench-admin-password QUARKUS_HTTP_PORT=$PORT \
  java -jar target/quarkus-app/quarkus-run.jar > target/bench-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && break
  sleep 0.5
done
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; Java $(java -version 2>&1 | head -1)"
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" nl.vertelpunt.bench.IntakeBenchmark \
  "http://127.0.0.1:$PORT" bench-admin-password "$SECONDS_OF_LOAD" "$CLIENTS" "$IMPORT"
