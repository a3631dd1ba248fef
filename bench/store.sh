#!/usr/bin/env bash
# store.sh [WRITERS [SECONDS [WARMUP [DIR]]]]
#
# Durable applies per second of the SQLite contact store (org.jpbx.bench.ContactStoreBenchmark):
# WRITERS threads (default 64) each apply one REGISTER's change and wait for its durable commit,
# for SECONDS (default 10) after WARMUP seconds (default 3). The database goes in DIR (default a
# new temp directory; give a directory on the disk you mean to measure) and is deleted afterwards.
# Compiles main and test classes first (mvn test-compile).
# Environment: JAVA_HOME (a JDK >= 25, found as ./jpbx does), MVN_OPTS (e.g. -o).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/find-jdk.sh"
OUT="$ROOT/bench/work/store"
mkdir -p "$OUT"
cd "$ROOT"
mvn -q -B ${MVN_OPTS:-} test-compile >"$OUT/build.log" 2>&1 || { tail -n 40 "$OUT/build.log" >&2; exit 3; }
mvn -q -B ${MVN_OPTS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >>"$OUT/build.log" 2>&1 \
  || { tail -n 40 "$OUT/build.log" >&2; exit 3; }
CP="$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$OUT/classpath.txt")"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" org.jpbx.bench.ContactStoreBenchmark "$@"
