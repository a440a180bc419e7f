#!/usr/bin/env bash
# Event-store benchmark (issue 4): ingest throughput and tension-query time of Statecraft's DuckDB store, each
# beside DuckDB's own read_csv computing the same PAK-AFG daily series straight from the same file, in the
# same run. The ingest runs with -Xmx1g to show the heap bound, and includes what a fetched file goes through: its MD5
# and size checked against published lists (md5sums and filesizes beside the file, written here once, as GDELT
# publishes them; the ingest computes the MD5 in its one read of the file) and the format detection from several lines.
# Every measuring JVM first warms up on a small file (20,000 rows) written once, beforehand, by a JVM of its own, so
# that no generator's compilation runs into a timed step. Each ingest JVM ingests the big file three times, each into
# a fresh store: the first is the ingest figure (a one-file command after the warm-up), the later ones (ingest-again)
# what the second and later files of a many-file ingest see.
#
#   bench/events.sh [ROWS] [RUNS]      defaults: 2000000 rows, 3 runs; work files in ${BENCH_DIR:-/tmp/statecraft-bench-events}
#
# Prints each measurement and the medians with their ratios. No internet needed.
set -euo pipefail
ROWS=${1:-2000000}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${BENCH_DIR:-/tmp/statecraft-bench-events}
JAR="$ROOT/statecraft-bench/target/benchmarks.jar"
mkdir -p "$DIR"
if [ ! -f "$JAR" ] || [ -n "${REBUILD:-}" ]; then
  (cd "$ROOT" && mvn -q -B -o -pl statecraft-bench -am package -DskipTests)
fi
FILE="$DIR/synthetic-gdelt2-$ROWS.export.CSV"
if [ ! -f "$FILE" ]; then
  echo "generating $ROWS GDELT 2.0 rows into $FILE" >&2
  java -cp "$JAR" org.statecraft.bench.events.SyntheticGdelt "$FILE" "$ROWS" 42
fi
# the warm-up file each measuring JVM first works on, written here by a JVM of its own (see EventsBench)
WARM="$DIR/warmup-20000.export.CSV"
if [ ! -f "$WARM" ]; then
  java -cp "$JAR" org.statecraft.bench.events.SyntheticGdelt "$WARM" 20000 7
fi
if [ ! -f "$DIR/md5sums" ] || ! grep -q " $(basename "$FILE")\$" "$DIR/md5sums"; then
  (cd "$DIR" && md5sum "$(basename "$FILE")" > md5sums && echo "$(stat -Lc %s "$(basename "$FILE")") $(basename "$FILE")" > filesizes)
fi
echo "file: $FILE ($(du -hL "$FILE" | cut -f1), $ROWS rows); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
LOG="$DIR/results.txt"
: > "$LOG"
for run in $(seq 1 "$RUNS"); do
  java -Drepeats=1 -Dwarmup="$WARM" -cp "$JAR" org.statecraft.bench.events.EventsBench reference "$FILE" | tee -a "$LOG"
  rm -rf "$DIR/store"
  rm -rf "$DIR"/store-*
  java -Xmx1g -Drepeats=3 -Dwarmup="$WARM" -cp "$JAR" org.statecraft.bench.events.EventsBench ingest "$DIR/store" "$FILE" | tee -a "$LOG"
  java -Drepeats=1 -Dwarmup="$WARM" -cp "$JAR" org.statecraft.bench.events.EventsBench query "$DIR/store" | tee -a "$LOG"
done
median() { grep "^$1 " "$LOG" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
REF=$(median reference); ING=$(median ingest); AGAIN=$(median ingest-again); QRY=$(median query)
echo "median over $RUNS runs: reference read_csv ${REF} ms, ingest ${ING} ms ($(awk -v r="$ROWS" -v t="$ING" 'BEGIN{printf "%.0f", r/(t/1000)}') rows/s), query ${QRY} ms"
awk -v a="$ING" -v b="$REF" -v q="$QRY" 'BEGIN{printf "ingest / reference = %.2fx (goal <= 1.5x); reference / query = %.1fx (goal >= 20x)\n", a/b, b/q}'
awk -v a="$AGAIN" -v b="$REF" 'BEGIN{printf "the same ingest again in the same JVM, into a fresh store (as later files of a many-file ingest): median %.0f ms, %.2fx the reference\n", a, a/b}'
grep '^ingest ' "$LOG" | sed 's/.*maxHeapMiB/heap: max MiB/' | head -1
