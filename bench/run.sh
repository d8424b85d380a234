#!/usr/bin/env bash
# Benchmark of grading speed on this machine: where the wall time of `mvn test -Dsubmission=...`
# goes, lab by lab, for a correct, an unfinished and a hanging submission. Prints one table;
# nothing here asserts a time (see bench/README.md for what each row means).
#   bench/run.sh                 # all rows but the kit's own verify
#   RUNS=3 VERIFY=1 bench/run.sh # median of 3, and time `mvn -B verify` too
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mvn -B -q -ntp install -DskipTests >/dev/null

now() { date +%s.%N; }
median() { python3 -c 'import sys,statistics;print(f"{statistics.median(map(float,sys.argv[1:])):.1f}")' "$@"; }
row() { printf '%-34s %9s %11s %s\n' "$1" "$2" "$3" "${4:-}"; }

# Seconds for one command, run $runs times: the median.
timed() {
  local times=()
  for _ in $(seq 1 "$runs"); do
    local s; s=$(now); "$@" >/dev/null 2>&1 || true; local e; e=$(now)
    times+=("$(python3 -c "print($e-$s)")")
  done
  median "${times[@]}"
}

# Grades DIR (with extra Maven flags) once per run; prints "wall checks score" as medians, the
# check bodies summed from grade.json.
grade() {
  local walls=() bodies=() score=""
  for _ in $(seq 1 "$runs"); do
    local s; s=$(now)
    mvn -B -q -ntp -o test -pl grader -Dgrader.failBuild=false "$@" >/dev/null 2>&1 || true
    local e; e=$(now)
    walls+=("$(python3 -c "print($e-$s)")")
    read -r body score < <(python3 - <<'PY'
import json
g = json.load(open('grader/target/grade/grade.json'))
body = sum(c['duration_ms'] for a in g['assignments'] for c in a['checks']) / 1000
print(f"{body:.1f} {g['score']:g}/{g['max_score']:g}")
PY
)
    bodies+=("$body")
  done
  echo "$(median "${walls[@]}") $(median "${bodies[@]}") $score"
}

row "what" "wall_s" "checks_s" "score"
maven_start=$(timed mvn -B -q -ntp -o validate)
row "maven start (mvn -o validate)" "$maven_start" "-"
printf 'class A { public static void main(String[] a) {} }\n' > "$out/A.java"
javac -d "$out" "$out/A.java"
jvm_start=$(timed java -Xshare:auto -cp "$out" A)
row "JVM start (java -cp . A)" "$jvm_start" "-"
row "javac of one lab (LockCounter)" "$(timed javac -d "$out/c" -cp assignments/target/classes reference/src/main/java/lab/counter/LockCounter.java)" "-"
labs=$(ls assignments/handouts/*.md | xargs -n1 basename | sed 's/\.md$//')
longest=0
for lab in $labs; do
  read -r wall body score < <(grade -Dsubmission=reference -Dassignments=$lab)
  row "reference, $lab" "$wall" "$body" "$score"
  longest=$(python3 -c "print(max($longest, $body))")
done
read -r wall body score < <(grade -Dsubmission=reference -Dgrader.lanes=1)
row "reference, all labs, one at a time" "$wall" "$body" "$score"
read -r wall body score < <(grade -Dsubmission=reference)
row "reference, all labs (lanes)" "$wall" "$body" "$score"
# With labs side by side, no run can beat Maven's start, one JVM's start and the longest lab's check bodies.
floor=$(python3 -c "print(f'{$maven_start + $jvm_start + $longest:.1f}')")
row "  floor: maven + JVM + longest lab" "$floor" "-" "ratio $(python3 -c "print(f'{$wall / $floor:.2f}')")"
read -r wall body score < <(grade -Dsubmission=assignments/template)
row "unfinished template, all labs" "$wall" "$body" "$score"
read -r wall body score < <(grade -Dsubmission=grader/src/test/submissions/buffer/one-condition-signal -Dassignments=buffer)
row "hanging buffer (lost wake-up)" "$wall" "$body" "$score"
if [ -x scripts/grade-class.sh ] && [ -f grader/target/labkit.jar ] && grep -q 'OUT DIR' scripts/grade-class.sh; then
  class=("reference" grader/src/test/submissions/counter/* )
  class=("${class[@]:0:${CLASS_SIZE:-10}}")
  s=$(now); scripts/grade-class.sh "$out/class" "${class[@]}" >/dev/null 2>&1 || true; e=$(now)
  row "class of ${#class[@]} (grade-class.sh)" "$(python3 -c "print(f'{$e-$s:.1f}')")" "-"
fi
if [ "${VERIFY:-0}" = 1 ]; then
  s=$(now); mvn -B -q -ntp verify >/dev/null 2>&1 && ok=passed || ok=FAILED; e=$(now)
  row "kit self-test (mvn -B verify)" "$(python3 -c "print(f'{$e-$s:.1f}')")" "-" "$ok"
fi
