#!/usr/bin/env bash
# Benchmark of `analyze` on the bundled scenario (leverage engine v2), against a reference: the same command
# on the previous engine, built from REF (default: 9a73b46, the commit before engine v2) in target/bench-ref-REF.
#
#   bench/analyze.sh [REF]
#
# 1. Engine: JMH AnalyzeBenchmark (MonteCarlo.run, every policy, 20,000 runs x 180 days) on 1 and 2 threads,
#    for this tree and for the reference, in the same run; simulated run-days per second and the speed-up.
# 2. Whole command, as a user types it: each tree's own launcher, `./statecraft analyze --runs 20000 --threads T
#    --format csv -q` (each tree on its own bundled scenario: the reference cannot read the v2 format), new and
#    reference interleaved A B A B (5 pairs per thread count after one warm-up each); median wall seconds, the
#    per-pair ratio new/reference, and the 2-thread speed-up of each.
# Where the whole command's time goes: bench/profile.sh.
# Environment: PAIRS (default 5), RUNS (default 20000), JMH_ARGS (extra JMH options).
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
for side in new ref; do
  if [ "$side" = new ]; then dir="$ROOT"; else dir="$REF_DIR"; fi
  java -jar "$dir/statecraft-bench/target/benchmarks.jar" AnalyzeBenchmark -p runs="$RUNS" -wi 3 -i 5 \
    -jvmArgsAppend "-Dstatecraft.root=$dir" -rf json -rff "target/analyze-bench-$side-$REF.json" ${JMH_ARGS:-} \
    >/dev/null
done
python3 - "$RUNS" "$REF" <<'PY'
import json, sys
runs = int(sys.argv[1]); ref = sys.argv[2]; policies, days = 8, 180
for side in ("new", "ref"):
    rows = json.load(open(f"target/analyze-bench-{side}-{ref}.json"))
    by = {}
    for r in rows:
        t = int(r["params"]["threads"])
        raw = sorted(x for it in r["primaryMetric"]["rawData"] for x in it)
        by[t] = raw[len(raw) // 2] / 1000.0
    for t in sorted(by):
        print(f"{side}: threads={t}: median {by[t]:.2f} s = {policies*runs*days/by[t]/1e6:.1f} M run-days/s")
    if 1 in by and 2 in by:
        print(f"{side}: 2-thread speed-up {by[1]/by[2]:.2f}")
PY

echo "== whole command, interleaved new/ref, $PAIRS pairs per thread count"
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
  for i in $(seq "$PAIRS"); do
    echo "$t new $(wall "$ROOT" "$t")" >> "$out"
    echo "$t ref $(wall "$REF_DIR" "$t")" >> "$out"
  done
done
python3 - "$out" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
med = {}
for t in ("1", "2"):
    new = [float(r[2]) for r in rows if r[0] == t and r[1] == "new"]
    ref = [float(r[2]) for r in rows if r[0] == t and r[1] == "ref"]
    ratios = [a / b for a, b in zip(new, ref)]
    med[(t, "new")], med[(t, "ref")] = st.median(new), st.median(ref)
    print(f"threads={t}: new median {st.median(new):.2f} s, ref median {st.median(ref):.2f} s, "
          f"new/ref per pair {', '.join(f'{x:.2f}' for x in ratios)} (median {st.median(ratios):.2f})")
for side in ("new", "ref"):
    print(f"{side}: whole-command 2-thread speed-up {med[('1', side)] / med[('2', side)]:.2f}")
PY
