#!/usr/bin/env bash
# Queue benchmark: starts the packaged service on a fresh embedded PostgreSQL, imports a small synthetic story set and
# reports how long a started evaluation waits in the job queue while a worker is free (createdAt to startedAt).
# Usage: bench/queue.sh [stories=2000] [rounds=30] [warm-up rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
build
STORIES=${1:-2000}
java -jar target/quarkus-app/quarkus-run.jar generate --stories "$STORIES" --seed 6 --out "target/search-$STORIES.csv"
start_service
machine
run_main nl.vertelpunt.bench.QueueBenchmark "http://127.0.0.1:$PORT" "$ADMIN_PASSWORD" "target/search-$STORIES.csv" "${2:-30}" "${3:-5}"
