#!/usr/bin/env bash
# Grades the reference RUNS times while every core is kept busy by a CPU burner, and counts the
# runs that did not score full marks (each one is a false failure: the kit must have none).
#   RUNS=10 LABS=counter scripts/reference-under-load.sh
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
labs=${LABS:-$(ls grader/src/main/java/labkit/suites | paste -sd, -)}
mvn -B -q -ntp install -DskipTests || exit 1
burners=()
for _ in $(seq 1 "$(nproc)"); do
  ( while :; do :; done ) &
  burners+=($!)
done
trap 'kill "${burners[@]}" 2>/dev/null' EXIT
false_failures=0
for run in $(seq 1 "$runs"); do
  mvn -B -q -ntp test -pl grader -Dsubmission=reference -Dassignments="$labs" -Dgrader.failBuild=false >/dev/null 2>&1
  line=$(python3 -c "
import json; g = json.load(open('grader/target/grade/grade.json'))
bad = [c['id'] + ':' + c['status'] for a in g['assignments'] for c in a['checks'] if c['status'] != 'passed']
print(g['score'], g['max_score'], ' '.join(bad))")
  echo "run $run under load: $line"
  set -- $line
  [ "$1" = "$2" ] || false_failures=$((false_failures + 1))
done
echo "$runs runs of the reference ($labs) with $(nproc) CPU burners: $false_failures false failures"
[ "$false_failures" -eq 0 ]
