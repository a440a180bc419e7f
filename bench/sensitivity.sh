#!/usr/bin/env bash
# Sobol' design with 2^LOG2N base samples on the bundled scenario: local runner on 1 and 2 threads against
# Spark local[2] (overhead ratio). Builds only the modules it needs (never `mvn install`).
# Usage: bench/sensitivity.sh [LOG2N=14] [GROUP_BY=section] [REPLICATES=1] [REPEATS=3] [POLICIES=close-torkham]
# An ungrouped 2^14 design on the bundled scenario is 2^14 x 99 rows x 8 policies: hours on two cores; the
# default groups by section and analyses one policy so one repeat takes seconds (see docs/spark.md).
set -euo pipefail
cd "$(dirname "$0")/.."
LOG2N=${1:-14}
GROUP_BY=${2:-section}
REPLICATES=${3:-1}
REPEATS=${4:-3}
POLICIES=${5:-close-torkham}
mvn -q -B -pl statecraft-spark -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
CP="statecraft-spark/target/test-classes:statecraft-spark/target/classes:statecraft-core/target/classes:statecraft-io/target/classes:$(cat statecraft-spark/target/bench.cp)"
OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
 --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
 -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
# shellcheck disable=SC2086
java -Xmx2g $OPENS -cp "$CP" org.statecraft.spark.SensitivityOverheadBench \
    scenarios/pakistan-taliban-2023.yaml "$LOG2N" "$GROUP_BY" "$REPLICATES" "$REPEATS" "$POLICIES"
