#!/usr/bin/env bash
# Builds a Gradescope autograder zip (for Gradescope's Ubuntu base image):
#   scripts/gradescope-autograder.sh OUT.zip
# setup.sh (installs a JDK 17, python3, unzip and bubblewrap with apt), run_autograder (grades
# /autograder/submission with every check and writes /autograder/results/results.json),
# autograder.py (lays the upload out by package; writes results.json even when grading fails)
# and labkit.jar, the command-line grader (LABKIT_JAR=path to use a jar already built).
# Give the assignment a timeout of 20 minutes: grading ends within about 3 minutes a lab.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
[ $# -eq 1 ] && [[ "$1" == *.zip ]] || die "usage: scripts/gradescope-autograder.sh OUT.zip"
kit=$(kit_root)
zip_path=$1
mkdir -p "$(dirname "$zip_path")" 2>/dev/null && [ -w "$(dirname "$zip_path")" ] \
  || die "cannot write $zip_path"
zip_path="$(cd "$(dirname "$zip_path")" && pwd)/$(basename "$zip_path")"
jar=$(cli_jar) || exit 2
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$kit"/scripts/gradescope/{setup.sh,run_autograder,autograder.py} "$stage/"
cp "$jar" "$stage/labkit.jar"
rm -f "$zip_path"
(cd "$stage" && zip -q -X "$zip_path" setup.sh run_autograder autograder.py labkit.jar)
echo "Gradescope autograder: $zip_path ($(du -h "$zip_path" | cut -f 1))"
