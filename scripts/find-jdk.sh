# Sourced by ./jpbx and ./run-tests: sets JAVA_HOME to a JDK >= 25 or exits with a clear message.
# JAVA_HOME wins when it is new enough; otherwise the newest JDK under /usr/lib/jvm, /opt/java or
# on PATH is taken.
JPBX_REQUIRED_JAVA=25

jpbx_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

jpbx_find_jdk() {
  local candidates=() home v best="" best_v=0
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for home in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -d "$home" ] && candidates+=("$home"); done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    v=$(jpbx_java_major "$home/bin/java")
    [ -n "$v" ] || continue
    if [ "$home" = "${JAVA_HOME:-}" ] && [ "$v" -ge "$JPBX_REQUIRED_JAVA" ]; then echo "$home"; return; fi
    if [ "$v" -ge "$JPBX_REQUIRED_JAVA" ] && [ "$v" -gt "$best_v" ]; then best="$home"; best_v=$v; fi
  done
  [ -n "$best" ] && echo "$best"
}

JPBX_JDK=$(jpbx_find_jdk || true)
if [ -z "$JPBX_JDK" ]; then
  echo "jpbx: no JDK $JPBX_REQUIRED_JAVA or newer found." >&2
  echo "      Looked at JAVA_HOME (${JAVA_HOME:-unset}), /usr/lib/jvm/*, /opt/java/* and the java on PATH." >&2
  echo "      Install a JDK >= $JPBX_REQUIRED_JAVA (for example Temurin 25) or point JAVA_HOME at one." >&2
  exit 3
fi
export JAVA_HOME="$JPBX_JDK"
