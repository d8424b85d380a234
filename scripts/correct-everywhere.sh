#!/usr/bin/env bash
# Grades the reference and every correct sample (the "correct but unusual" designs the kit's tests
# name) with the command-line grader on each JDK given and in each sandbox mode, and prints one
# line per grading; fails when any of them is not full marks (a false failure).
#   scripts/correct-everywhere.sh                                  # this JDK, sandbox auto and off
#   JDKS="/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64" scripts/correct-everywhere.sh
set -uo pipefail
cd "$(dirname "$0")/.."
jdks=${JDKS:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
modes=${MODES:-auto off}
[ -f grader/target/labkit.jar ] || mvn -B -q -ntp package -DskipTests -Djacoco.skip=true || exit 1
# lab:sample for every correct sample, read from the suites' tests so that the list cannot drift.
samples=$(python3 - <<'PY'
import re, glob
for f in sorted(glob.glob('grader/src/test/java/labkit/suites/*/*SuiteTests.java')):
    lab = f.split('/')[-2]
    text = open(f).read()
    names = set()
    for m in re.finditer(r'@ValueSource\(strings = \{([^}]*)\}\)\s*void unusualButCorrect', text):
        names.update(re.findall(r'"([^"]+)"', m.group(1)))
    for m in re.finditer(r'expectFullMarks\(KitGrading\.grade\(KitGrading\.sample\("' + lab + r'", "([^"]+)"\)', text):
        names.add(m.group(1))
    for n in sorted(names):
        print(f'{lab}:grader/src/test/submissions/{lab}/{n}')
PY
)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bad=0
n=0
for jdk in $jdks; do
  for mode in $modes; do
    for entry in ":reference" $samples; do
      lab=${entry%%:*}; dir=${entry#*:}
      args=(grade "$dir" --out "$out/g")
      [ -n "$lab" ] && args+=(--assignments "$lab")
      s=$(date +%s.%N)
      "$jdk/bin/java" -Dgrader.sandbox="$mode" -jar grader/target/labkit.jar "${args[@]}" >/dev/null 2>&1
      e=$(date +%s.%N)
      line=$(python3 - "$out/g/grade.json" <<'PY'
import json, sys
try:
    g = json.load(open(sys.argv[1]))
except Exception as e:
    print('0 1 no-grade'); sys.exit()
bad = [c['id'] + ':' + c['status'] for a in g['assignments'] for c in a['checks'] if c['status'] != 'passed']
print(g['score'], g['max_score'], g['sandbox']['os'], ' '.join(bad))
PY
)
      set -- $line
      printf '%-28s %-5s %-60s %6.1f s  %s / %s %s\n' "$(basename "$jdk")" "$mode" "$dir" "$(python3 -c "print($e-$s)")" "$1" "$2" "${*:3}"
      n=$((n + 1))
      [ "$1" = "$2" ] || bad=$((bad + 1))
      rm -rf "$out/g"
    done
  done
done
echo "$n gradings of correct submissions: $bad not full marks"
[ "$bad" -eq 0 ]
