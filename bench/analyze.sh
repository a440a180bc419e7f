#!/usr/bin/env bash
# Benchmark of `analyze` on the bundled scenario (issue 2): engine time for 10,000 runs per policy over 180 days
# on 1 and 2 threads (JMH, single-shot, 7 measured iterations after 5 warm-ups), then whole-command wall times
# (median of 3) for the same work. Prints simulated run-days per second and the 2-thread speed-up.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
mvn -q -B -DskipTests -pl statecraft-bench,statecraft-app -am package
ROOT="$(pwd)"
java -Dstatecraft.root="$ROOT" -jar statecraft-bench/target/benchmarks.jar AnalyzeBenchmark \
  -jvmArgsAppend "-Dstatecraft.root=$ROOT" -rf json -rff target/analyze-bench.json "$@" | tail -n 6
python3 - <<'PY'
import json
rows = json.load(open("target/analyze-bench.json"))
policies, days = 8, 180
by = {}
for r in rows:
    t = int(r["params"]["threads"]); runs = int(r["params"]["runs"])
    raw = sorted(x for it in r["primaryMetric"]["rawData"] for x in it)
    med = raw[len(raw) // 2] / 1000.0
    by[t] = med
    print(f"threads={t}: median {med:.2f} s for {runs} runs x {policies} policies x {days} days "
          f"= {policies*runs*days/med/1e6:.2f} M run-days/s")
if 1 in by and 2 in by:
    print(f"2-thread speed-up: {by[1]/by[2]:.2f}")
PY
for t in 1 2; do
  for i in 1 2 3; do
    /usr/bin/env time -f "%e" java -jar statecraft-app/target/statecraft.jar analyze --runs 10000 --threads $t --format csv -q \
      2>>"target/analyze-wall-$t.txt" >/dev/null
  done
  echo "whole command, --threads $t, wall seconds (3 runs): $(tr '\n' ' ' < target/analyze-wall-$t.txt)"
  rm -f "target/analyze-wall-$t.txt"
done
