#!/usr/bin/env bash
# Observation card benchmark: a deck of 20 cards (every pattern kind) as HTML and as A4 PDF, through the
# CardRenderer bean in the started application (its checked template needs Quarkus). Run twice: once cold
# (the first deck pays for loading the PDF and SVG libraries), once after CardRenderer.warmUp(), which
# production runs at start-up. Nothing is asserted.
# Usage: bench/cards.sh [cards=20] [runs=10]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
machine
for warm in false true; do
  run_main -Dcards="${1:-20}" -Druns="${2:-10}" -Dwarmup=5 -Dwarm-up=$warm nl.vertelpunt.bench.CardDeckBenchmark 2>&1 \
    | sed -n '/^Machine:/,/per card/p'
done
