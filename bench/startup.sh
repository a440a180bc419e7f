#!/usr/bin/env bash
# Cold `./statecraft analyze` wall time, this checkout (A) against a reference checkout (B), interleaved A B A B
# so that drift in the machine's load falls on both alike. Prints each pair, then the medians and the median of
# the pair-by-pair ratios A/B. Each checkout's launcher is used as a user would run it, after one untimed run
# (which builds the application if needed and, here, records the class-data-sharing archive).
#   bench/startup.sh /path/to/reference-checkout [PAIRS] [-- analyze options...]
# A reference checkout of an older commit: git worktree add /tmp/before COMMIT (or git archive COMMIT | tar -x).
set -euo pipefail
A="$(cd "$(dirname "$0")/.." && pwd)"
B="$(cd "${1:?usage: bench/startup.sh REFERENCE_CHECKOUT [PAIRS] [-- analyze options]}" && pwd)"
PAIRS="${2:-7}"
shift $(( $# >= 2 ? 2 : 1 ))
[ "${1:-}" = "--" ] && shift
ARGS=(analyze -q "$@")
wall() {
  local t0 t1
  t0=$(date +%s%N)
  "$1/statecraft" "${ARGS[@]}" >/dev/null
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
"$A/statecraft" "${ARGS[@]}" >/dev/null
"$B/statecraft" "${ARGS[@]}" >/dev/null
as=() bs=()
for i in $(seq 1 "$PAIRS"); do
  a=$(wall "$A"); b=$(wall "$B")
  as+=("$a"); bs+=("$b")
  echo "pair $i: A ${a} ms, B ${b} ms"
done
python3 - "${as[*]}" "${bs[*]}" <<'PY'
import statistics, sys
a = [int(x) for x in sys.argv[1].split()]
b = [int(x) for x in sys.argv[2].split()]
ratios = [x / y for x, y in zip(a, b)]
print(f"A (this checkout) median {statistics.median(a) / 1000:.2f} s, min {min(a) / 1000:.2f}, max {max(a) / 1000:.2f}")
print(f"B (reference)     median {statistics.median(b) / 1000:.2f} s, min {min(b) / 1000:.2f}, max {max(b) / 1000:.2f}")
print(f"A/B median of {len(a)} pair ratios: {statistics.median(ratios):.3f} "
      f"({(1 - statistics.median(ratios)) * 100:.0f} % less wall time)")
PY
