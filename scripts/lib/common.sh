# Shared by the kit's scripts: sourced, not run.

# The kit's root folder (the scripts live in scripts/ and scripts/lib/).
kit_root() {
  (cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
}

# One line on stderr and exit status 2: bad usage or input the script cannot work with.
die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

# Runs Maven quietly; on failure its output is shown (a quiet build that fails must say why).
quiet_mvn() {
  local log
  log=$(mktemp)
  if ! mvn -B -ntp "$@" >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

# A folder that is absent or empty, made absolute; anything else is refused (never overwrite a repo).
fresh_dir() {
  local dir=$1
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
    die "$dir is not empty: give a new or empty folder"
  fi
  mkdir -p "$dir" 2>/dev/null || die "cannot create $dir"
  [ -w "$dir" ] || die "cannot write to $dir"
  (cd "$dir" && pwd)
}

# The command-line grader: LABKIT_JAR when given, else the kit's, built (never installed) first.
cli_jar() {
  if [ -n "${LABKIT_JAR:-}" ]; then
    [ -f "$LABKIT_JAR" ] || die "LABKIT_JAR=$LABKIT_JAR is not a file"
    (cd "$(dirname "$LABKIT_JAR")" && echo "$(pwd)/$(basename "$LABKIT_JAR")")
    return
  fi
  local kit
  kit=$(kit_root)
  quiet_mvn -q -f "$kit/pom.xml" package -pl grader -am -Dmaven.test.skip=true -Djacoco.skip=true \
    || die "the kit does not build"
  [ -f "$kit/grader/target/labkit.jar" ] || die "the build made no grader/target/labkit.jar"
  echo "$kit/grader/target/labkit.jar"
}
