#!/usr/bin/env bash
# Pattern evaluation benchmark: the whole job (count, one streaming read from PostgreSQL, all tests,
# the JSON result) at 10,000, 100,000 and 1,000,000 synthetic stories, in a JVM limited to 1 GB heap.
# Usage: bench/evaluation.sh [sizes=10000,100000,1000000] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
build
machine
java -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  nl.vertelpunt.bench.EvaluationBenchmark "${1:-10000,100000,1000000}" "${2:-3}"

# the same tests as a plain SciPy loop, for comparison of the statistics part
java -jar target/quarkus-app/quarkus-run.jar generate --kind patterned --stories 100000 --seed 100000 --out target/patterned-100000.csv
python3 bench/scipy_loop.py target/patterned-100000.csv
