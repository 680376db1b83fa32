#!/usr/bin/env bash
# Comparison benchmark: the whole job (one streaming read from PostgreSQL, both sides evaluated, every pattern strong
# on either side compared with bootstrap intervals and permutation tests) at 100,000 synthetic stories, one period
# against another, in a JVM limited to 1 GB heap.
# Usage: bench/comparison.sh [sizes=100000] [runs=1]      e.g. bench/comparison.sh 100000,1000000
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
build
machine
java -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  nl.vertelpunt.bench.ComparisonBenchmark "${1:-100000}" "${2:-1}"
