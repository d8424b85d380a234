#!/usr/bin/env bash
# Proves the student export end to end, as a student's machine would see it (CI runs it after
# `mvn verify`): exports the kit, drops a known-buggy counter in, runs `mvn test` there with an
# EMPTY Maven repository (only Maven Central to download from), and checks the grade: the bug's
# check fails, every other counter check passes, the other labs' skeletons are graded. Then it
# checks that nothing of reference/ is inside, and that the scan would have seen it if it were.
#   EXPORT_TIMING=1 also times `mvn test` with all four labs solved (the reference, copied in
#   after the scan), the wait of a student who has done everything.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
kit=$(kit_root)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/student"
scripts_out=$("$kit/scripts/export-student-repo.sh" "$repo")
echo "$scripts_out"

# 1. Nothing of the reference, and the scan is not blind: it flags a copy of it.
python3 "$kit/scripts/lib/reference_scan.py" "$kit" "$repo" || { echo "FAIL: reference code in the export" >&2; exit 1; }
mkdir -p "$work/leak/.labkit/repository"
cp -r "$kit/reference/src" "$work/leak/"
(cd "$kit/reference/src/main/java" && zip -qr "$work/leak/.labkit/repository/x.jar" .)
if python3 "$kit/scripts/lib/reference_scan.py" "$kit" "$work/leak" >/dev/null; then
  echo "FAIL: the reference scan does not see a copy of reference/" >&2
  exit 1
fi
[ ! -e "$repo/.labkit/repository/io/labkit/reference" ] || { echo "FAIL: io.labkit:reference exported" >&2; exit 1; }

# 2. A hidden check never reaches students: a kit with one refuses to export.
git clone -q --no-local "$kit" "$work/hidden-kit"
suite=$(grep -rl '@Check(id' "$work/hidden-kit/grader/src/main/java/labkit/suites/counter" | head -n 1)
sed -i '0,/@Check(id/s//@Check(visibility = labkit.api.Visibility.HIDDEN, id/' "$suite"
git -C "$work/hidden-kit" -c user.name=check -c user.email=check@localhost commit -qam "a hidden check"
if "$work/hidden-kit/scripts/export-student-repo.sh" "$work/hidden-out" 2>"$work/hidden.err" \
    || ! grep -q "has hidden checks" "$work/hidden.err" || [ -n "$(ls -A "$work/hidden-out")" ]; then
  cat "$work/hidden.err" >&2
  echo "FAIL: a kit with a hidden check was exported" >&2
  exit 1
fi

# 3. A student's first `mvn test`: empty Maven repository, a buggy counter, three skeletons.
cp "$kit"/grader/src/test/submissions/counter/unlock-not-in-finally/lab/counter/*.java "$repo/src/main/java/lab/counter/"
start=$(date +%s)
if ! (cd "$repo" && mvn -B -ntp test -Dmaven.repo.local="$work/m2" -Dgrader.failBuild=false >"$work/mvn.log" 2>&1); then
  tail -n 80 "$work/mvn.log" >&2
  echo "FAIL: mvn test in the exported repository" >&2
  exit 1
fi
first=$(( $(date +%s) - start ))
python3 - "$repo/target/grade/grade.json" "$(ls "$kit/grader/src/main/java/labkit/suites")" <<'PY'
import json, sys
grade = json.load(open(sys.argv[1]))
labs = {a["id"]: a for a in grade["assignments"]}
assert sorted(labs) == sorted(sys.argv[2].split()), sorted(labs)
counter = labs["counter"]
failed = [c["id"] for c in counter["checks"] if c["status"] != "passed"]
assert counter["status"] == "graded" and failed == ["counter.lock-released-after-exception"], failed
lost = sum(c["max_points"] for c in counter["checks"] if c["status"] != "passed")
assert counter["score"] == counter["max_score"] - lost, counter["score"]
for lab in set(labs) - {"counter"}:
    assert labs[lab]["status"] == "graded" and labs[lab]["score"] == 0, (lab, labs[lab]["score"])
print(f"export: buggy counter {counter['score']:g}/{counter['max_score']:g}, only {failed[0]} failed;"
      f" skeletons 0; total {grade['score']:g}/{grade['max_score']:g}")
PY
echo "export: a student's first mvn test (empty Maven repository, downloads included): ${first} s"

# 4. Optional: the wait with all four labs solved, with a warm Maven repository.
if [ "${EXPORT_TIMING:-0}" = 1 ]; then
  cp -r "$kit/reference/src/main/java/lab/." "$repo/src/main/java/lab/"
  start=$(date +%s)
  (cd "$repo" && mvn -B -ntp test -Dmaven.repo.local="$work/m2" >"$work/mvn-all.log" 2>&1) \
    || { tail -n 80 "$work/mvn-all.log" >&2; echo "FAIL: the reference in the export" >&2; exit 1; }
  echo "export: mvn test with all four labs solved (warm repository): $(( $(date +%s) - start )) s"
fi
