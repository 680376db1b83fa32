#!/usr/bin/env bash
# Personal-data scan benchmark: every kind of adversarial story text (nl.vertelpunt.moderation.AdversarialTexts) at
# the longest story, 20,000 characters, scanned 100 times after a warm-up; prints median, 95th percentile and worst
# per kind, and the worst 95th percentile of all kinds against a budget of 20 ms per scan.
# Usage: bench/scan.sh [characters=20000] [rounds=100] [budget ms=20]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
build
machine
run_main nl.vertelpunt.bench.ScanBenchmark "${1:-20000}" "${2:-100}" "${3:-20}"
