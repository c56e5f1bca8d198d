# Sourced by ./mvnw and ./basalt: finds a JDK whose major version is at least BASALT_MIN_JAVA (21).
# Order: $JAVA_HOME, then every JDK under the system's JVM directories (newest first).
# On success sets BASALT_JAVA_HOME; on failure prints what it found and returns 1.

BASALT_MIN_JAVA=${BASALT_MIN_JAVA:-21}

basalt_java_major() {
  # Prints the major version of the java binary in $1/bin/java, or nothing.
  [ -x "$1/bin/java" ] || return 1
  local line
  line=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | grep -m1 'java.specification.version' | sed 's/.*= *//')
  case "$line" in
    1.*) echo "${line#1.}" ;;
    *) echo "$line" ;;
  esac
}

basalt_find_jdk() {
  local seen="" candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  local dir
  for dir in /usr/lib/jvm /usr/java /opt/java /Library/Java/JavaVirtualMachines; do
    [ -d "$dir" ] || continue
    while IFS= read -r candidate; do
      [ -d "$candidate/Contents/Home" ] && candidate="$candidate/Contents/Home"
      candidates+=("$candidate")
    done < <(ls -1d "$dir"/*/ 2>/dev/null | sed 's:/$::' | sort -rV)
  done
  for candidate in "${candidates[@]}"; do
    [ -L "$candidate" ] && continue
    major=$(basalt_java_major "$candidate") || continue
    [ -n "$major" ] || continue
    seen="$seen\n  $candidate (Java $major)"
    if [ "$major" -ge "$BASALT_MIN_JAVA" ] 2>/dev/null; then
      BASALT_JAVA_HOME="$candidate"
      export BASALT_JAVA_HOME
      return 0
    fi
  done
  # Symlinked JDK directories are tried last so that a real install wins over an alias.
  for candidate in "${candidates[@]}"; do
    [ -L "$candidate" ] || continue
    major=$(basalt_java_major "$candidate") || continue
    if [ -n "$major" ] && [ "$major" -ge "$BASALT_MIN_JAVA" ] 2>/dev/null; then
      BASALT_JAVA_HOME="$candidate"; export BASALT_JAVA_HOME; return 0
    fi
  done
  {
    echo "error: Basalt needs a JDK >= $BASALT_MIN_JAVA and found none."
    if [ -n "$seen" ]; then printf "JDKs found:%b\n" "$seen"; else echo "No JDK found in \$JAVA_HOME or /usr/lib/jvm."; fi
    echo "Install one (e.g. Temurin 21 or 25) or point JAVA_HOME at it."
  } >&2
  return 1
}

# JVM flags every Basalt process needs (sets the array BASALT_JVM_FLAGS; call after basalt_find_jdk).
# Chronicle Queue needs these exports on JDK 17+, and phones home unless analytics are disabled.
basalt_jvm_flags() {
  BASALT_JVM_FLAGS=(
    --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
    --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-opens=java.base/java.lang=ALL-UNNAMED
    --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED
    --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED
    --enable-native-access=ALL-UNNAMED
    -Dchronicle.analytics.disable=true
    -Dchronicle.announcer.disable=true
  )
  # Only JDK 24+ knows this flag; older ones refuse to start with it.
  if [ "$(basalt_java_major "$BASALT_JAVA_HOME")" -ge 24 ]; then
    BASALT_JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow)
  fi
}

# Adds the simulator's collector to BASALT_JVM_FLAGS unless $1 (the user's extra JVM options)
# names one. The simulator is a batch job on one thread: the parallel collector's throughput beats
# G1's short pauses there once the JIT is warm (sim benchmark, 3 alternating rounds on 2 cores:
# 136-143k events/s against G1's 118-135k by wall time; fresh short runs: within noise). The node
# keeps G1.
basalt_sim_gc_flags() {
  if [[ " ${1:-} " != *" -XX:+Use"*"GC "* ]]; then
    BASALT_JVM_FLAGS+=(-XX:+UseParallelGC)
  fi
}
