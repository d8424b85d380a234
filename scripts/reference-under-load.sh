#!/usr/bin/env bash
# Grades the reference (and any EXTRA submissions, e.g. correct samples) RUNS times while every
# core is kept busy by a CPU burner, and counts the runs that did not score full marks: each one
# is a false failure, and the kit must have none. Ends with the slowest time seen for each check
# that came closest to its lab's slowest, so that a bound with little headroom shows.
#   RUNS=50 scripts/reference-under-load.sh
#   RUNS=10 LABS=counter,buffer EXTRA="grader/src/test/submissions/buffer/two-conditions" scripts/reference-under-load.sh
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
labs=${LABS:-}
mvn -B -q -ntp -o package -DskipTests -Djacoco.skip=true >/dev/null || mvn -B -q -ntp package -DskipTests -Djacoco.skip=true || exit 1
out=$(mktemp -d)
burners=()
for _ in $(seq 1 "$(nproc)"); do
  ( while :; do :; done ) &
  burners+=($!)
done
trap 'kill "${burners[@]}" 2>/dev/null; rm -rf "$out"' EXIT
false_failures=0
graded=0
for run in $(seq 1 "$runs"); do
  for dir in reference ${EXTRA:-}; do
    args=(grade "$dir" --out "$out/run-$run-$(basename "$dir")")
    [ -n "$labs" ] && args+=(--assignments "$labs")
    java -jar grader/target/labkit.jar "${args[@]}" >/dev/null 2>&1
    line=$(python3 - "$out/run-$run-$(basename "$dir")/grade.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
bad = [c['id'] + ':' + c['status'] for a in g['assignments'] for c in a['checks'] if c['status'] != 'passed']
print(g['score'], g['max_score'], ' '.join(bad))
PY
)
    echo "run $run, $(basename "$dir"), under load: $line"
    graded=$((graded + 1))
    set -- $line
    [ "$1" = "$2" ] || false_failures=$((false_failures + 1))
  done
done
python3 - "$out" <<'PY'
import glob, json, sys, collections
slowest = collections.defaultdict(int)
for f in glob.glob(sys.argv[1] + '/*/grade.json'):
    for a in json.load(open(f))['assignments']:
        for c in a['checks']:
            slowest[c['id']] = max(slowest[c['id']], c['duration_ms'])
print('slowest checks seen (ms):', ', '.join(f'{k} {v}' for k, v in sorted(slowest.items(), key=lambda kv: -kv[1])[:10]))
PY
echo "$graded gradings ($runs runs; ${labs:-all labs}) with $(nproc) CPU burners: $false_failures false failures"
[ "$false_failures" -eq 0 ]
