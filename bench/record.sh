#!/usr/bin/env bash
# Benchmark of conditioning on the record: `analyze --condition` against the plain `analyze` of the same runs, on the
# bundled scenario, both whole commands as a user types them (./statecraft), interleaved A B A B.
#
#   bench/record.sh
#
# A: ./statecraft analyze --condition --runs RUNS -q   (the recorded policy over 2023-09-06..2026-02-16, ABC weights,
#    tempered SMC while the effective sample size is below 100, the policies branched from the record's end)
# B: ./statecraft analyze --runs RUNS -q               (every policy over 180 days)
# Prints each run's wall seconds and peak memory, the medians, the per-pair ratio A/B, and A's effective sample size.
# Environment: PAIRS (default 2), RUNS (default 100000), THREADS (default: all cores).
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS="${PAIRS:-2}"
RUNS="${RUNS:-100000}"
THREADS=(); [ -n "${THREADS_N:-}" ] && THREADS=(--threads "$THREADS_N")
./statecraft analyze --runs 20 -q >/dev/null   # builds if needed, and writes the class-data archive
out=target/record-bench.txt
mkdir -p target
: > "$out"
run() {  # $1: label; the rest: the command. Appends "label wall_s peak_kib" to $out
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o target/record-bench.time "$@" > "target/record-bench-$label.out" 2>/dev/null
  echo "$label $(cat target/record-bench.time)" >> "$out"
}
for i in $(seq "$PAIRS"); do
  run condition ./statecraft analyze --condition --runs "$RUNS" -q "${THREADS[@]}"
  run plain ./statecraft analyze --runs "$RUNS" -q "${THREADS[@]}"
done
python3 - "$out" target/record-bench-condition.out <<'PY'
import re, sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
a = [float(r[1]) for r in rows if r[0] == "condition"]
b = [float(r[1]) for r in rows if r[0] == "plain"]
ma = [int(r[2]) // 1024 for r in rows if r[0] == "condition"]
mb = [int(r[2]) // 1024 for r in rows if r[0] == "plain"]
print("condition wall s:", a, "peak MiB:", ma)
print("plain     wall s:", b, "peak MiB:", mb)
print(f"median condition {st.median(a):.1f} s, plain {st.median(b):.1f} s, "
      f"per-pair ratios {[round(x / y, 2) for x, y in zip(a, b)]}, median ratio {st.median([x / y for x, y in zip(a, b)]):.2f}")
text = open(sys.argv[2]).read()
m = re.search(r"Effective sample size: ([0-9.]+) of ([0-9]+)", text)
w = re.search(r"importance weights alone gave an effective sample size of ([0-9.]+)", text)
print("effective sample size:", m.group(1) if m else "?", "of", m.group(2) if m else "?",
      "(importance weights alone:", (w.group(1) if w else m.group(1) if m else "?") + ")")
PY
