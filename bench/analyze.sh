#!/usr/bin/env bash
# Benchmark of `analyze` on the bundled scenario (leverage engine v2), against a reference: the same command
# on the previous engine, built from REF (default: 9a73b46, the commit before engine v2) in target/bench-ref-REF.
#
#   bench/analyze.sh [REF]
#
# 1. Engine: JMH AnalyzeBenchmark (MonteCarlo.run, every policy, 20,000 runs x 180 days) on 1 and 2 threads,
#    for this tree and for the reference, in the same run; simulated run-days per second and the speed-up. Then
#    JMH SimulationBenchmark, this tree only: the simulation without the summary after it.
# 2. Whole command, as a user types it: each tree's own launcher, `./statecraft analyze --runs 20000 --threads T
#    --format csv -q` (each tree on its own bundled scenario: the reference cannot read the v2 format), new and
#    reference, in rounds of the four commands (new and reference, 1 and 2 threads) after one warm-up each (5
#    rounds); median wall seconds, the per-round ratio new/reference, and each tree's 2-thread speed-up per round
#    (its 1-thread over its 2-thread time in the same round) with their median.
# Where the whole command's time goes: bench/profile.sh.
# Environment: PAIRS (default 5), RUNS (default 20000), WARMUPS and ITERATIONS (JMH, default 3 and 5), JMH_ARGS
# (other JMH options), SKIP_JMH (set: the whole command only).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
REF="${1:-9a73b46}"
PAIRS="${PAIRS:-5}"
RUNS="${RUNS:-20000}"
mkdir -p target
mvn -q -B -DskipTests -pl statecraft-bench,statecraft-app -am package
REF_DIR="$ROOT/target/bench-ref-$REF"
if [ ! -f "$REF_DIR/statecraft-app/target/statecraft.jar" ]; then
  rm -rf "$REF_DIR"
  git worktree prune
  git worktree add -f --detach "$REF_DIR" "$REF" >/dev/null
  (cd "$REF_DIR" && mvn -q -B -DskipTests -pl statecraft-bench,statecraft-app -am package)
fi

echo "== engine (JMH, MonteCarlo.run, $RUNS runs x 8 policies x 180 days)"
if [ -n "${SKIP_JMH:-}" ]; then
  echo "skipped (SKIP_JMH)"
else
jmh() {  # jmh TREE BENCHMARK OUT: the benchmark from TREE's benchmarks.jar on 1 and 2 threads, results in OUT
  java -jar "$1/statecraft-bench/target/benchmarks.jar" "$2" -p runs="$RUNS" -wi "${WARMUPS:-3}" -i "${ITERATIONS:-5}" \
    -jvmArgsAppend "-Dstatecraft.root=$1" -rf json -rff "$3" ${JMH_ARGS:-} >/dev/null
}
jmh "$ROOT" AnalyzeBenchmark "target/analyze-bench-new-$REF.json"
jmh "$REF_DIR" AnalyzeBenchmark "target/analyze-bench-ref-$REF.json"
# the simulation alone (this tree only: the reference has no such benchmark); AnalyzeBenchmark less this is the summary
jmh "$ROOT" SimulationBenchmark "target/simulation-bench-$REF.json"
python3 - "$RUNS" "new" "target/analyze-bench-new-$REF.json" "ref" "target/analyze-bench-ref-$REF.json" \
    "new, simulation only" "target/simulation-bench-$REF.json" <<'PY'
import json, sys
runs = int(sys.argv[1]); policies, days = 8, 180
for label, path in zip(sys.argv[2::2], sys.argv[3::2]):
    by = {}
    for r in json.load(open(path)):
        raw = sorted(x for it in r["primaryMetric"]["rawData"] for x in it)
        by[int(r["params"]["threads"])] = raw[len(raw) // 2] / 1000.0
    for t in sorted(by):
        print(f"{label}: threads={t}: median {by[t]:.2f} s = {policies*runs*days/by[t]/1e6:.1f} M run-days/s")
    if 1 in by and 2 in by:
        print(f"{label}: 2-thread speed-up {by[1]/by[2]:.2f}")
PY
fi

echo "== whole command, $PAIRS rounds of new and ref on 1 and 2 threads"
wall() {  # prints the wall seconds of one run of: tree $1's launcher, analyze on $2 threads, its own scenario
  local s e
  s=$(date +%s.%N)
  "$1/statecraft" analyze "$1/scenarios/pakistan-taliban-2023.yaml" --runs "$RUNS" --threads "$2" --format csv -q \
      >/dev/null 2>&1
  e=$(date +%s.%N)
  python3 -c "print($e - $s)"
}
out="target/analyze-wall-$REF.txt"
: > "$out"
for t in 1 2; do
  wall "$ROOT" "$t" >/dev/null; wall "$REF_DIR" "$t" >/dev/null   # warm-up (page cache, class-data archive)
done
# one round = the four commands in turn, so that each ratio below (new/ref at a thread count, and each tree's
# 1-thread/2-thread speed-up) compares commands timed within the same minute, not in blocks minutes apart
for i in $(seq "$PAIRS"); do
  for t in 1 2; do
    echo "$i $t new $(wall "$ROOT" "$t")" >> "$out"
    echo "$i $t ref $(wall "$REF_DIR" "$t")" >> "$out"
  done
done
python3 - "$out" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
w = {(r[0], r[1], r[2]): float(r[3]) for r in rows}
rounds = sorted({r[0] for r in rows}, key=int)
for t in ("1", "2"):
    new = [w[(i, t, "new")] for i in rounds]
    ref = [w[(i, t, "ref")] for i in rounds]
    ratios = [a / b for a, b in zip(new, ref)]
    print(f"threads={t}: new median {st.median(new):.2f} s, ref median {st.median(ref):.2f} s, "
          f"new/ref per round {', '.join(f'{x:.2f}' for x in ratios)} (median {st.median(ratios):.2f})")
for side in ("new", "ref"):
    sp = [w[(i, "1", side)] / w[(i, "2", side)] for i in rounds]
    print(f"{side}: whole-command 2-thread speed-up per round {', '.join(f'{x:.2f}' for x in sp)} "
          f"(median {st.median(sp):.2f}; ratio of the medians "
          f"{st.median([w[(i, '1', side)] for i in rounds]) / st.median([w[(i, '2', side)] for i in rounds]):.2f})")
PY
