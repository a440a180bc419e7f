#!/usr/bin/env bash
# Builds statecraft-bench and runs the bargaining JMH benchmark briefly.
# References (issue 3): a straightforward NumPy transcription of SMP takes about 7 s (40 actors) and 29 s
# (80 actors) on this machine class; goals: < 0.2 s and < 1 s of engine time on 2 cores, and the DEU III backtest
# of all models in < 10 s. Extra arguments go to JMH, e.g. bench/bargaining.sh -f 1 -wi 2 -i 3.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${STATECRAFT_SHARED:-$root/../shared}"
cd "$root"
mvn -q -B -pl statecraft-bench -am package -DskipTests
args=("$@")
if [ ${#args[@]} -eq 0 ]; then args=(-f 1 -wi 2 -i 3); fi
java -Dstatecraft.shared="$shared" -jar statecraft-bench/target/benchmarks.jar "BargainingBenchmark|DeuBacktestBenchmark" \
  -jvmArgs "-Dstatecraft.shared=$shared" "${args[@]}"
