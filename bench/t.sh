#!/usr/bin/env bash
# Developer helper: run the given tests (surefire -Dtest pattern) and print a summary, compile errors included.
cd "$(dirname "$0")/.."
mvn -B test -Dtest="$1" -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E "Tests run:|FAIL|COMPILATION|\.java:\[|BUILD|expected|but was" | head -${2:-40}
