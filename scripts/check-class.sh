#!/usr/bin/env bash
# Proves scripts/grade-class.sh on a small class (CI runs it after `mvn verify`, whose package
# phase built grader/target/labkit.jar): the reference, a buggy sample and a broken one, plus the
# bad input a class brings (the broken one is cloned; a folder that is no submission, a path that does not exist, a
# repository that cannot be cloned, an empty roster, an unwritable output folder), and a grading
# that crashes in a folder that holds an earlier grade. Only the counter lab is graded, to keep
# CI short; the other labs take the same path through the script.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
kit=$(kit_root)
jar=${LABKIT_JAR:-$kit/grader/target/labkit.jar}
[ -f "$jar" ] || jar=$(cli_jar)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
samples=$kit/grader/src/test/submissions
out=$work/class
PYTHONDONTWRITEBYTECODE=1 python3 -m unittest discover -q -s "$kit/scripts/lib" -p 'test_*.py' 2>"$work/unit.log" \
  || { cat "$work/unit.log" >&2; echo "FAIL: unit tests of the roster and gradebook" >&2; exit 1; }
mkdir -p "$work/not-a-submission" && echo "notes" >"$work/not-a-submission/README.txt"
# The broken submission comes as a repository to clone (with a token, which a file:// clone ignores).
cp -r "$samples/engine/compile-error" "$work/broken-repo"
git -C "$work/broken-repo" init -q
git -C "$work/broken-repo" add -A
git -C "$work/broken-repo" -c user.name=s -c user.email=s@localhost commit -qm "my lab"
printf '%s\n' "# the class" "$kit/reference" "buggy=$samples/counter/unlock-not-in-finally" \
  "broken=file://$work/broken-repo" "$work/not-a-submission" "$work/gone" \
  "file://$work/no-such-repo.git" >"$work/roster.txt"

LABKIT_JAR=$jar LABKIT_GIT_TOKEN=not-a-real-token GRADE_ARGS="--assignments counter" "$kit/scripts/grade-class.sh" "$out" --roster "$work/roster.txt" \
  >"$work/progress.txt"
cat "$work/progress.txt"
python3 - "$out" <<'PY'
import csv, json, pathlib, sys
out = pathlib.Path(sys.argv[1])
rows = list(csv.DictReader(open(out / "gradebook.csv")))
by = {r["submission"]: r for r in rows}
assert [r["submission"] for r in rows] == ["reference", "buggy", "broken", "not-a-submission", "gone",
                                          "no-such-repo"], [r["submission"] for r in rows]
assert by["reference"]["counter"] == "25" and by["reference"]["status"] == "graded", by["reference"]
assert by["buggy"]["counter"] == "23" and by["buggy"]["total"] == "23", by["buggy"]
failed = [c["id"] for a in json.load(open(out / "buggy/grade.json"))["assignments"] for c in a["checks"]
          if c["status"] != "passed"]
assert failed == ["counter.lock-released-after-exception"], failed
assert by["broken"]["counter"] == "0" and "counter compile_error" in by["broken"]["status"], by["broken"]
assert by["not-a-submission"]["status"].startswith("not a submission"), by["not-a-submission"]
assert "does not exist" in by["gone"]["status"] and by["gone"]["total"] == "", by["gone"]
assert by["no-such-repo"]["status"].startswith("clone failed: fatal:"), by["no-such-repo"]
md = (out / "gradebook.md").read_text()
assert md.count("\n| ") == 2 + len(rows) and "| buggy | 23 | 23 | 25 | graded |" in md, md
print("class: gradebook rows as expected:", ", ".join(f"{r['submission']}={r['total'] or r['status']}" for r in rows))
PY
grep -q '^\[6/6\] ' "$work/progress.txt" || { echo "FAIL: no progress line per submission" >&2; exit 1; }

# A grading that crashes, in the folder of a student graded before: the row says it crashed and
# the earlier grade is gone, never shown as this run's.
mkdir -p "$work/fake/src"
cat >"$work/fake/src/Crash.java" <<'JAVA'
public class Crash {
    public static void main(String[] args) {
        System.err.println("the grader fell over");
        System.exit(3);
    }
}
JAVA
javac -d "$work/fake/classes" "$work/fake/src/Crash.java"
jar --create --file "$work/fake/crash.jar" --main-class Crash -C "$work/fake/classes" .
LABKIT_JAR=$work/fake/crash.jar "$kit/scripts/grade-class.sh" "$out" "buggy=$samples/counter/unlock-not-in-finally" \
  >/dev/null
grep -q '^buggy,,,crashed: the grader exited with status 3' "$out/gradebook.csv" \
  || { cat "$out/gradebook.csv" >&2; echo "FAIL: a crashed grading is not reported as such" >&2; exit 1; }
[ ! -e "$out/buggy/grade.json" ] || { echo "FAIL: the earlier grade.json survived a crashed regrade" >&2; exit 1; }

# Input the script refuses, each with one line that says why (exit status 2).
refuses() {
  local expected=$1
  shift
  if "$@" >"$work/refused.out" 2>"$work/refused.err"; then
    echo "FAIL: accepted: $*" >&2
    exit 1
  fi
  grep -q "$expected" "$work/refused.err" || { cat "$work/refused.err" >&2; echo "FAIL: no '$expected'" >&2; exit 1; }
}
: >"$work/empty-roster.txt"
refuses "lists no submissions" env LABKIT_JAR="$jar" "$kit/scripts/grade-class.sh" "$out" --roster "$work/empty-roster.txt"
refuses "cannot read the roster" env LABKIT_JAR="$jar" "$kit/scripts/grade-class.sh" "$out" --roster "$work/none.txt"
refuses "cannot write to the output folder" env LABKIT_JAR="$jar" "$kit/scripts/grade-class.sh" \
  "$work/roster.txt/out" "$kit/reference"
echo "class: crash row, empty and unreadable roster, unwritable output folder: each reported"
