#!/usr/bin/env bash
# Grades many submissions one after the other and keeps each report:
#   scripts/grade-class.sh submissions/*      ->  class-grades/<name>/grade.{json,md}, class-grades/summary.csv
set -uo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-class-grades}
mkdir -p "$out"
mvn -B -q -ntp install -DskipTests || exit 1
echo "submission,score,max_score" > "$out/summary.csv"
for dir in "$@"; do
  name=$(basename "$dir")
  mvn -B -q -ntp test -pl grader -Dsubmission="$(cd "$dir" && pwd)" -Dgrader.failBuild=false >/dev/null 2>&1
  mkdir -p "$out/$name"
  cp grader/target/grade/grade.json grader/target/grade/grade.md "$out/$name/"
  python3 -c "import json;g=json.load(open('$out/$name/grade.json'));print(f\"$name,{g['score']},{g['max_score']}\")" >> "$out/summary.csv"
done
cat "$out/summary.csv"
