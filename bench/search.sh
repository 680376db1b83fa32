#!/usr/bin/env bash
# Story search benchmark: starts the packaged service on a fresh embedded PostgreSQL, imports 100,000 synthetic
# stories, then sends a mix of full-text searches (common and rare words, phrases, negations, with and without
# filters, first and deep pages) one at a time and reports the response time per kind after a warm-up.
# Usage: bench/search.sh [stories=100000] [rounds=20] [warm-up rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
build
STORIES=${1:-100000}
java -jar target/quarkus-app/quarkus-run.jar generate --stories "$STORIES" --seed 6 --out "target/search-$STORIES.csv"
start_service
machine
run_main nl.vertelpunt.bench.SearchBenchmark "http://127.0.0.1:$PORT" "$ADMIN_PASSWORD" "target/search-$STORIES.csv" "${2:-20}" "${3:-5}" "$DATA"
