#!/usr/bin/env bash
# Grades a class, each submission on its own, with the command-line grader (every check, hidden
# ones included):
#   scripts/grade-class.sh OUT DIR...                  folders
#   scripts/grade-class.sh OUT --roster FILE [DIR...]  a roster: one folder, git URL or OWNER/NAME a line
# An entry may be named: alice=path/to/folder. Writes OUT/<name>/ (grade.json, grade.md,
# results.json, classroom.json, grader.log, status) and OUT/gradebook.csv, OUT/gradebook.md: one
# row per entry, a column per lab, the total and a status. A submission that cannot be cloned, is
# not a submission, or whose grading crashed or timed out gets a row that says so; OUT/<name>/ is
# emptied first, so a row never shows a previous run's or another student's grade.
#
# JOBS=N grades N submissions at once (default: half the cores, at least 1). Grading measures
# time (busy-waiting, deadlines, stalls), so a submission needs a core of its own: more jobs than
# that would make correct code look slow. GRADE_TIMEOUT (seconds, default 900) bounds one submission.
# GRADE_ARGS="--assignments counter" passes options to the grader (here: grade only that lab).
# LABKIT_JAR=path uses that grader jar instead of building the kit's. OWNER/NAME entries are
# cloned from ${GITHUB_SERVER_URL:-https://github.com}; LABKIT_GIT_TOKEN, when set, is the token.
# LABKIT_REMOTE_ONLY=1 (the class workflow) takes every entry as a repository, never a folder.
set -uo pipefail
source "$(dirname "$0")/lib/common.sh"
kit=$(kit_root)
usage="usage: scripts/grade-class.sh OUT [--roster FILE] [[NAME=]DIR|URL|OWNER/NAME...]"
[ $# -ge 2 ] || die "$usage"
out=$1
shift
roster_args=()
if [ "${1:-}" = --roster ]; then
  [ $# -ge 2 ] || die "$usage"
  roster_args=(--file "$2")
  shift 2
fi
mkdir -p "$out" 2>/dev/null && [ -w "$out" ] && [ -x "$out" ] || die "cannot write to the output folder $out"
out=$(cd "$out" && pwd)
[ "${LABKIT_REMOTE_ONLY:-0}" = 1 ] && roster_args+=(--remote-only)
entries=$(python3 "$kit/scripts/lib/roster.py" "${roster_args[@]}" "$@") || exit 2
cores=$(nproc 2>/dev/null || echo 2)
jobs=${JOBS:-$(( cores / 2 > 0 ? cores / 2 : 1 ))}
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || die "JOBS must be a positive number, not '$jobs'"
limit=${GRADE_TIMEOUT:-900}
[[ "$limit" =~ ^[1-9][0-9]*$ ]] || die "GRADE_TIMEOUT must be a number of seconds, not '$limit'"
read -ra grade_args <<<"${GRADE_ARGS:-}"

# Clones SOURCE into DEST; a token, when given, goes in a header, never in a URL or a log line.
clone() {
  local source=$1 dest=$2 url=$1
  if [[ "$source" =~ ^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$ ]]; then
    url="${GITHUB_SERVER_URL:-https://github.com}/$source.git"
  fi
  local said count=0
  if [ -n "${LABKIT_GIT_TOKEN:-}" ]; then
    # Through git's environment, not its arguments, which other users of the machine can list.
    count=1
    export GIT_CONFIG_KEY_0=http.extraHeader
    GIT_CONFIG_VALUE_0="Authorization: basic $(printf 'x-access-token:%s' "$LABKIT_GIT_TOKEN" | base64 -w0)"
    export GIT_CONFIG_VALUE_0
  fi
  said=$(GIT_CONFIG_COUNT=$count GIT_TERMINAL_PROMPT=0 timeout 300 git clone -q --depth 1 -- "$url" "$dest" 2>&1)
  # git's first "fatal:" line says why; the lines after it are general advice.
  printf '%s\n' "$said" | grep -m 1 '^fatal:' || printf '%s\n' "$said" | tail -n 1
}

is_remote() {
  [[ "$1" =~ ^(https?|ssh|git|file):// || "$1" =~ ^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+: ]] \
    || { [ ! -e "$1" ] && [[ "$1" =~ ^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$ ]]; }
}

# Grades one entry into OUT/NAME/ and writes its one-line status there.
grade_one() {
  local name=$1 source=$2 problem=${3:-}
  local report="$out/$name" work dir code
  rm -rf "$report" && mkdir -p "$report" 2>/dev/null || { echo "cannot write $report" >&2; return; }
  if [ -n "$problem" ]; then
    echo "not graded: $problem" >"$report/status"
    return
  fi
  work=$(mktemp -d)
  dir=$source
  if is_remote "$source"; then
    dir="$work/repo"
    local why
    why=$(clone "$source" "$dir")
    if [ ! -d "$dir" ]; then
      echo "clone failed: ${why:-git clone $source did not succeed}" >"$report/status"
      rm -rf "$work"
      return
    fi
  elif [ ! -e "$source" ]; then
    echo "not graded: $source does not exist (not a folder, git URL or OWNER/NAME)" >"$report/status"
    rm -rf "$work"
    return
  elif [ ! -d "$source" ]; then
    echo "not graded: $source is not a folder" >"$report/status"
    rm -rf "$work"
    return
  fi
  dir=$(cd "$dir" && pwd)
  # The grader's own work files go in a folder of this submission's: nothing is shared between two.
  (cd "$work" && timeout --kill-after=30 "$limit" java -jar "$jar" grade "$dir" "${grade_args[@]}" --out "$report") \
    >"$report/grader.log" 2>&1
  code=$?
  echo "$(status_of "$report" "$code")" >"$report/status"
  rm -rf "$work"
}

status_of() {
  local report=$1 code=$2
  case $code in
    0 | 1)
      if [ ! -f "$report/grade.json" ]; then
        echo "crashed: the grader ended without writing grade.json (see grader.log)"
      elif python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); sys.exit(0 if all(a["status"]=="missing" for a in g["assignments"]) else 1)' "$report/grade.json"; then
        echo "not a submission: none of the labs' classes were found (see grade.md)"
      else
        echo graded
      fi ;;
    2) echo "not graded: $(grep -v '^\s*$' "$report/grader.log" | tail -n 1)" ;;
    124 | 137) echo "crashed: grading took more than $limit s and was stopped" ;;
    *) echo "crashed: the grader exited with status $code (see grader.log)" ;;
  esac
}

summary_of() {
  local report=$1
  local status
  status=$(head -n 1 "$report/status" 2>/dev/null)
  if [ "$status" = graded ]; then
    python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); print("%g/%g" % (g["score"], g["max_score"]))' "$report/grade.json"
  else
    echo "${status:-no status}"
  fi
}

jar=$(cli_jar) || exit 2
names=()
total=$(printf '%s\n' "$entries" | grep -c .)
done_count=0
started=$(date +%s)
running=0
report_one() {
  local name=$1 began=$2
  done_count=$((done_count + 1))
  printf '[%d/%d] %s: %s (%d s)\n' "$done_count" "$total" "$name" "$(summary_of "$out/$name")" "$(( $(date +%s) - began ))"
}
declare -A began_at pid_name
while IFS=$'\t' read -r name source problem; do
  [ -n "$name" ] || continue
  names+=("$name")
  while [ "$running" -ge "$jobs" ]; do
    wait -n -p finished
    running=$((running - 1))
    report_one "${pid_name[$finished]}" "${began_at[$finished]}"
  done
  grade_one "$name" "$source" "$problem" &
  pid_name[$!]=$name
  began_at[$!]=$(date +%s)
  running=$((running + 1))
done <<<"$entries"
while [ "$running" -gt 0 ]; do
  wait -n -p finished
  running=$((running - 1))
  report_one "${pid_name[$finished]}" "${began_at[$finished]}"
done
python3 "$kit/scripts/lib/gradebook.py" "$out" "${names[@]}" || die "could not write the gradebook in $out"
echo "${#names[@]} submissions in $(( $(date +%s) - started )) s with $jobs at once: $out/gradebook.csv, $out/gradebook.md"
