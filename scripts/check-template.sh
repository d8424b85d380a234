#!/usr/bin/env bash
# Checks the student template as a student would use it: a copy of assignments/template, graded
# with `mvn test` against the kit installed in the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp install -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r assignments/template/. "$work"
(cd "$work" && mvn -B -q -ntp test -Dgrader.failBuild=false -Dassignments=counter >/dev/null)
python3 - "$work/target/grade/grade.json" <<'PY'
import json, sys
grade = json.load(open(sys.argv[1]))
counter = grade["assignments"][0]
assert counter["id"] == "counter" and counter["status"] == "graded", counter
assert counter["score"] == 0 and counter["max_score"] == 25, counter
print("student template: skeleton graded,", counter["score"], "/", counter["max_score"])
PY
