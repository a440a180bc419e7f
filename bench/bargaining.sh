#!/usr/bin/env bash
# Times whole `statecraft` commands of this checkout (A) against a reference build of another commit (B), run in
# turn A B A B ... so that drifts in the shared machine's speed hit both alike; prints each run and the medians.
#   bench/bargaining.sh                 B = the merge base with main (the code before this branch)
#   BASE=<ref> RUNS=5 bench/bargaining.sh
# Commands: SMP on dummyData-a080.csv (80 actors) and the DEU III backtest (B's backtest runs its own, possibly
# smaller, set of models: compare the per-command figures with that in mind). JMH benchmarks of the engines alone:
#   mvn -q -B -pl statecraft-bench -am package -DskipTests && java -jar statecraft-bench/target/benchmarks.jar \
#     'BargainingBenchmark|DeuBacktestBenchmark' -f 1 -wi 2 -i 3 -jvmArgs -Dstatecraft.shared=../shared
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${STATECRAFT_SHARED:-$root/../shared}"
runs="${RUNS:-3}"
cd "$root"
base="${BASE:-$(git merge-base HEAD main)}"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
mvn -q -B -DskipTests -pl statecraft-app -am package
git worktree add --detach "$work/base" "$base" >/dev/null 2>&1
(cd "$work/base" && mvn -q -B -DskipTests -pl statecraft-app -am package)
a="$root/statecraft-app/target/statecraft.jar"
b="$work/base/statecraft-app/target/statecraft.jar"
echo "A = $(git rev-parse --short HEAD) (this checkout), B = $(git rev-parse --short "$base"); $runs runs each, interleaved"
time_one() { # jar, args... -> wall seconds
  local start end
  start=$(date +%s.%N)
  java -jar "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
bench() { # label, args...
  local label="$1"; shift
  local ta=() tb=() ratios=()
  for ((r = 1; r <= runs; r++)); do
    local x y
    x=$(time_one "$a" "$@"); y=$(time_one "$b" "$@")
    ta+=("$x"); tb+=("$y"); ratios+=("$(echo "scale=4; $x / $y" | bc)")
    printf '  %-28s run %d: A %6.2f s  B %6.2f s\n' "$label" "$r" "$x" "$y"
  done
  printf '%-30s median A %6.2f s  B %6.2f s  median A/B %.3f\n' "$label" \
    "$(printf '%s\n' "${ta[@]}" | median)" "$(printf '%s\n' "${tb[@]}" | median)" "$(printf '%s\n' "${ratios[@]}" | median)"
}
bench "forecast smp a080" forecast "$shared/data/ktab/dummyData-a080.csv" --model smp --format csv
bench "backtest deu3" backtest "$shared/data/deu3/deu3.tsv" --format csv
