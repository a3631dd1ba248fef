#!/usr/bin/env bash
# jmh.sh [JMH ARGS...]
#
# Runs the JMH benchmarks under src/test/java/org/jpbx/bench (by default the
# SIP parser benchmark) on the test classpath, single-threaded throughput mode.
# Compiles main and test classes first (mvn test-compile), then runs
# org.openjdk.jmh.Main.  Default settings take about 2.5-3 minutes:
# 3 benchmarks x 2 forks x (3 x 3 s warm-up + 4 x 4 s measurement), plus
# the gc profiler (allocated bytes per message).
# Arguments replace the defaults entirely, e.g.
#   bench/jmh.sh 'ParserBenchmark.register$' -f 1 -wi 2 -i 3
# Output: JMH's table on stdout; the full log and JSON go to bench/work/jmh/.
# Environment: JAVA_HOME (a JDK >= 25; else the newest one under /usr/lib/jvm,
# /opt/java, /opt/jdk*, or on PATH, as ./jpbx picks it), MVN_OPTS (e.g. -o).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/find-jdk.sh"   # sets JAVA_HOME to a JDK >= 25, as ./jpbx does
OUT="$ROOT/bench/work/jmh"

mkdir -p "$OUT"
cd "$ROOT"
echo "jmh.sh: compiling (mvn test-compile) with $JAVA_HOME" >&2
mvn -q -B ${MVN_OPTS:-} test-compile >"$OUT/build.log" 2>&1 || { tail -n 40 "$OUT/build.log" >&2; exit 3; }
mvn -q -B ${MVN_OPTS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >>"$OUT/build.log" 2>&1 \
  || { tail -n 40 "$OUT/build.log" >&2; exit 3; }
CP="$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$OUT/classpath.txt")"

if [ "$#" -eq 0 ]; then
  set -- 'org.jpbx.bench.ParserBenchmark' -f 2 -wi 3 -w 3s -i 4 -r 4s -t 1 -tu s -bm thrpt -prof gc
fi
"$JAVA_HOME/bin/java" -version 2>&1 | head -n1 >&2
"$JAVA_HOME/bin/java" -cp "$CP" org.openjdk.jmh.Main "$@" -rf json -rff "$OUT/result.json" 2>&1 | tee "$OUT/jmh.log"
