#!/usr/bin/env bash
# Times grading the reference solutions, each lab alone and all together, with the time
# the check bodies themselves took (from grade.json). Run from the kit's root after a build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
# The labs are the suites' packages, so a new lab is timed without editing this list.
labs=${LABS:-"$(ls grader/src/main/java/labkit/suites | tr '\n' ' ')all"}
mvn -B -q -ntp install -DskipTests
printf '%-8s %-4s %10s %12s %8s\n' lab run wall_s checks_s score
for lab in $labs; do
  for run in $(seq 1 "$runs"); do
    sel=""; [ "$lab" = all ] || sel="-Dassignments=$lab"
    start=$(date +%s.%N)
    mvn -B -q -ntp test -pl grader -Dsubmission=reference $sel >/dev/null
    end=$(date +%s.%N)
    python3 - "$lab" "$run" "$start" "$end" <<'PY'
import json, sys
lab, run, start, end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
g = json.load(open('grader/target/grade/grade.json'))
checks = sum(c['duration_ms'] for a in g['assignments'] for c in a['checks']) / 1000
print(f"{lab:<8} {run:<4} {end-start:10.1f} {checks:12.1f} {g['score']:>5}/{g['max_score']}")
PY
  done
done
