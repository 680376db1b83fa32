#!/usr/bin/env bash
# Form page budget: gzipped size of its scripts and styles, and first contentful paint and the moment
# the form can be used, measured in headless Chromium on loopback (cold cache and warm cache).
# Usage: bench/form-page.sh [loads=20]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
build
start_service
machine
echo "Chromium: $(chromium --version 2>/dev/null | head -1)"
run_main nl.vertelpunt.bench.FormPageBenchmark "http://127.0.0.1:$PORT" "${1:-20}"
