#!/usr/bin/env bash
# Story intake benchmark: starts the packaged service on a fresh embedded PostgreSQL, measures
# submissions per second with latency percentiles and the import of 100,000 stories, then stops it.
# Usage: bench/intake.sh [seconds=20] [clients=16] [import-stories=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
build
start_service
machine
run_main nl.vertelpunt.bench.IntakeBenchmark "http://127.0.0.1:$PORT" "$ADMIN_PASSWORD" "${1:-20}" "${2:-16}" "${3:-100000}"
