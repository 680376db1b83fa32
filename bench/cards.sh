#!/usr/bin/env bash
# Observation card benchmark: a deck of 20 cards (every pattern kind) as HTML and as A4 PDF, through the
# CardRenderer bean in the started application (its checked template needs Quarkus). Run twice: once cold
# (the first deck pays for loading the PDF and SVG libraries), once after CardRenderer.warmUp(), which
# production runs at start-up. Then once more with every card as full as a card may be (each is laid out
# again, denser, until it fits on its page: the worst case). Nothing is asserted.
# Usage: bench/cards.sh [cards=20] [runs=10]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
machine
CARDS=${1:-20}
RUNS=${2:-10}
for run in "false 0" "true 0" "true $CARDS"; do
  read -r warm full <<< "$run"
  run_main -Dcards="$CARDS" -Druns="$RUNS" -Dwarmup=5 -Dwarm-up="$warm" -Dfull="$full" nl.vertelpunt.bench.CardDeckBenchmark 2>&1 \
    | sed -n '/^Machine:/,/per card/p'
done
