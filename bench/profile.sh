#!/usr/bin/env bash
# Where the whole `analyze` command's time goes: one run of a tree's application under Java Flight Recorder
# (execution samples every 10 ms of every Java thread, full stacks), each sample put in the first phase whose
# method is on its stack, per thread kind (main = the command's own thread, pool = the engine's workers).
# Prints the wall time, then the share of samples by (thread, phase). The same launcher options as ./statecraft
# for a long job (C2 on, the class-data archive if built).
#
#   bench/profile.sh [TREE] [-- analyze options]      default TREE: this checkout; options: --runs 20000 --threads 2
#
# To compare before and after, run it on a worktree of the older commit (git worktree add /tmp/before COMMIT).
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
TREE="$HERE"
if [ $# -gt 0 ] && [ "$1" != "--" ]; then TREE="$(cd "$1" && pwd)"; shift; fi
[ "${1:-}" = "--" ] && shift
ARGS=("$@")
[ ${#ARGS[@]} -eq 0 ] && ARGS=(--runs 20000 --threads 2)
"$TREE/statecraft" --version >/dev/null   # builds if needed, records the class-data archive
JAR="$TREE/statecraft-app/target/statecraft.jar"
CDS="$TREE/statecraft-app/target/statecraft.jsa"
OPTS=()
[ -f "$CDS" ] && OPTS+=(-XX:SharedArchiveFile="$CDS")
# the tree's own launcher's compiler thresholds for long jobs (older trees have none)
grep -q -- '-XX:CompileThresholdScaling=3' "$TREE/statecraft" && OPTS+=(-XX:CompileThresholdScaling=3)
OUT="$HERE/target/profile-$(basename "$TREE")"
mkdir -p "$HERE/target"
s=$(date +%s.%N)
java "${OPTS[@]}" -XX:FlightRecorderOptions:stackdepth=256 \
    -XX:StartFlightRecording=filename="$OUT.jfr",settings=profile -Dstatecraft.home="$TREE" -jar "$JAR" \
    analyze "$TREE/scenarios/pakistan-taliban-2023.yaml" "${ARGS[@]}" --format csv -q >/dev/null 2>"$OUT.err"
e=$(date +%s.%N)
jfr print --events jdk.ExecutionSample --stack-depth 256 "$OUT.jfr" > "$OUT.txt"
python3 - "$OUT.txt" "$(python3 -c "print($e - $s)")" <<'PY'
import collections, re, sys
events = open(sys.argv[1]).read().split("jdk.ExecutionSample")[1:]
# first match wins: the costliest parts of the summary first, then the simulation, then the edges
phases = [
    ("channel ablation (attribution)", ("MonteCarlo.ablatedMet", "MonteCarlo.attribution")),
    ("bargaining forecast per run", ("MonteCarlo.forecast", "RunForecast")),
    ("ranking robustness", ("RankingRobustness",)),
    ("replays", ("Replay.of",)),
    ("tension series", ("SimulatedTension",)),
    ("per-policy summary", ("MonteCarlo.summary", "MonteCarlo.summarise", "MonteCarlo.derive")),
    ("simulation", ("MonteCarlo.lambda$run", "RunState", "LeverageModel.simulate")),
    ("parameter draws", ("ParameterSpace.draw",)),
    ("finiteness check", ("FiniteResults",)),
    ("writing results", ("org.statecraft.io.results",)),
    ("reading the scenario", ("org.statecraft.io.scenario",)),
    ("command line", ("org.statecraft.app",)),
]
counts = collections.Counter()
for ev in events:
    frames = " ".join(re.findall(r"^\s+([\w.$<>]+)\(", ev, re.M))
    thread = re.search(r'sampledThread = "([^"]+)"', ev)
    kind = "pool" if thread and "statecraft-mc" in thread.group(1) else "main"
    phase = next((name for name, pats in phases if any(p in frames for p in pats)), "other (JDK, JFR)")
    counts[(kind, phase)] += 1
n = sum(counts.values())
print(f"wall {float(sys.argv[2]):.2f} s, {n} samples (10 ms each, Java threads only: not the JIT or GC)")
for (kind, phase), c in counts.most_common():
    print(f"{100 * c / n:6.1f} %  {kind:4s}  {phase}")
PY
