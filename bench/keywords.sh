#!/usr/bin/env bash
# Keyness benchmark: starts the packaged service on a fresh embedded PostgreSQL, imports 100,000 synthetic stories
# into a copy of the national sample, then asks for the words that set two groups apart (parents, an outcome, a
# region, a small group; against the rest or each other) one request at a time and reports the response times after
# a warm-up. The first request, which analyses the words of the imported stories, is timed on its own.
# Usage: bench/keywords.sh [stories=100000] [rounds=10] [warm-up rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
build
STORIES=${1:-100000}
java -jar target/quarkus-app/quarkus-run.jar generate --stories "$STORIES" --seed 6 --out "target/search-$STORIES.csv"
start_service
machine
run_main nl.vertelpunt.bench.KeywordBenchmark "http://127.0.0.1:$PORT" "$ADMIN_PASSWORD" "target/search-$STORIES.csv" "${2:-10}" "${3:-3}" "$DATA"
