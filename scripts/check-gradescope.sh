#!/usr/bin/env bash
# Proves the Gradescope autograder (CI runs it after `mvn verify`): builds the zip, unpacks it as
# Gradescope does into a simulated /autograder (AUTOGRADER_ROOT), and runs run_autograder on four
# uploads: loose files, files deep in folders, a zip of a repository, and no Java at all. Checks
# results.json: the score, every field Gradescope reads, a compiler error in the output, the
# notes about what was left out, and no path of the grading machine anywhere.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
kit=$(kit_root)
jar=${LABKIT_JAR:-$kit/grader/target/labkit.jar}
[ -f "$jar" ] || jar=$(cli_jar)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
samples=$kit/grader/src/test/submissions
LABKIT_JAR=$jar "$kit/scripts/gradescope-autograder.sh" "$work/autograder.zip"
unzip -l "$work/autograder.zip" | grep -q ' setup.sh$' || { echo "FAIL: no setup.sh at the zip's top" >&2; exit 1; }

# One simulated /autograder per upload; FILL makes the upload in $root/submission.
grade_upload() {
  local case=$1 fill=$2
  local root=$work/$case
  mkdir -p "$root/source" "$root/submission"
  unzip -q "$work/autograder.zip" -d "$root/source"
  cp "$root/source/run_autograder" "$root/run_autograder"
  (cd "$root/submission" && eval "$fill")
  AUTOGRADER_ROOT=$root "$root/run_autograder" >"$work/$case.log" 2>&1 \
    || { cat "$work/$case.log" >&2; echo "FAIL: run_autograder ($case)" >&2; exit 1; }
  if grep -q "$work" "$root/results/results.json"; then
    echo "FAIL: results.json ($case) names the grading machine's paths" >&2
    exit 1
  fi
  python3 - "$root/results/results.json" "$case" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
case = sys.argv[2]
for field in ("score", "execution_time", "output", "output_format", "stdout_visibility", "tests"):
    assert field in r, (case, field)
for t in r["tests"]:
    for field in ("name", "number", "score", "max_score", "status", "output", "tags", "visibility"):
        assert field in t, (case, t.get("name"), field)
out = r["output"]
if case == "loose":
    assert r["score"] == 23, r["score"]
    zero = [t["name"] for t in r["tests"] if t["name"].startswith("counter.") and t["score"] == 0]
    assert len(zero) == 1 and zero[0].startswith("counter.lock-released-after-exception"), zero
elif case == "nested":
    assert r["score"] == 0 and "LockCounter.java:8: error:" in out, out[:600]
    assert "Notes.java: left out, its package is notes" in out, out[:600]
elif case == "zip":
    assert r["score"] == 23, r["score"]
    assert "a second copy of lab/counter/LockCounter.java" in out, out[:600]
elif case == "no-java":
    assert r["score"] == 0 and "No Java file of the labs was found" in out, out[:600]
    assert len(r["tests"]) > 0, "every check still listed, so the maximum stays right"
print(f"gradescope: {case}: score {r['score']:g}, {len(r['tests'])} tests, output_format {r['output_format']}")
PY
}

buggy=$samples/counter/unlock-not-in-finally/lab/counter/LockCounter.java
grade_upload loose "cp '$buggy' ."
grade_upload nested "mkdir -p 'my work/week 1/lab/counter' misc && cp '$samples/engine/compile-error/lab/counter/LockCounter.java' 'my work/week 1/lab/counter/' && printf 'package notes;\nclass Notes {}\n' >misc/Notes.java"
grade_upload zip "mkdir -p repo/src/main/java/lab/counter repo/backup && cp '$buggy' repo/src/main/java/lab/counter/ && cp '$kit/assignments/template/src/main/java/lab/counter/LockCounter.java' repo/backup/ && (cd repo && zip -qr ../upload.zip .) && rm -rf repo"
grade_upload no-java "echo 'my answers' >answers.txt"
