#!/usr/bin/env bash
# Writes a ready student repository to DIR (absent or empty):
#   scripts/export-student-repo.sh DIR
# skeletons (src/main/java/lab/...), handouts/, README.md, .gitignore, the Maven wrapper, a pom.xml
# with every plugin pinned, .github/workflows/grade.yml, and the kit's assignments and grader jars
# in a file-based Maven repository (.labkit/repository), so `mvn test` in DIR needs only a JDK 17+,
# Maven 3.8+ and Maven Central. Nothing of reference/ goes in (checked before DIR is written).
# Nor does a hidden check: as long as the grader's jar cannot leave one out, a kit that has one
# (@Check(visibility = HIDDEN)) is not exported at all.
#
# The kit is exported at a commit (HEAD, or LABKIT_REF=tag-or-commit) and its jars get the version
# <kit version>-<commit>: a later change of the kit changes no running course's grades until the
# instructor exports again. Uncommitted changes are never exported.
#   LABKIT_WORKFLOW=COURSE/labkit/.github/workflows/grade-student.yml@v1.0.0
# makes the student workflow one `uses:` line calling the kit's reusable workflow instead.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
[ $# -eq 1 ] || die "usage: scripts/export-student-repo.sh DIR   (DIR absent or empty)"
kit=$(kit_root)
dest=$(fresh_dir "$1")
ref=${LABKIT_REF:-HEAD}
commit=$(git -C "$kit" rev-parse --verify --quiet "$ref^{commit}") || die "$ref is not a commit of the kit"
if [ "$ref" = HEAD ] && [ -n "$(git -C "$kit" status --porcelain --untracked-files=no)" ]; then
  echo "note: exporting the kit at commit ${commit:0:12}; uncommitted changes are left out" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kit_copy=$work/kit
stage=$work/student
mkdir -p "$kit_copy" "$stage"
git -C "$kit" archive "$commit" | tar -x -C "$kit_copy"
base=$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' "$kit_copy/pom.xml" | head -n 1)
version="${base%-SNAPSHOT}-${commit:0:12}"

# Hidden checks must not reach students, code or message. The engine cannot leave a check out of
# a lab yet (a lab's points must add up), so the export refuses rather than ship one.
refuse_hidden_checks() {
  local hidden
  hidden=$(grep -rlE 'visibility *= *([A-Za-z_.]*\.)?HIDDEN' "$kit_copy/grader/src/main/java" 2>/dev/null || true)
  [ -z "$hidden" ] || die "the kit at ${commit:0:12} has hidden checks (${hidden//$kit_copy\//}); the export cannot leave them out yet, so it stops"
}

# The kit's jars, built from the exported commit without the reference module.
build_kit_jars() {
  local scan=$work/scan
  mkdir -p "$scan"
  cp -r "$kit_copy/reference" "$kit_copy/assignments" "$scan/"
  mkdir -p "$scan/grader/src" && cp -r "$kit_copy/grader/src/main" "$scan/grader/src/"
  rm -rf "$kit_copy/reference"
  sed -i '/<module>reference<\/module>/d' "$kit_copy/pom.xml"
  sed -i "s:<version>$base</version>:<version>$version</version>:" \
    "$kit_copy/pom.xml" "$kit_copy/assignments/pom.xml" "$kit_copy/grader/pom.xml"
  quiet_mvn -q -f "$kit_copy/pom.xml" package -pl assignments,grader -am \
    -Dmaven.test.skip=true -Djacoco.skip=true || die "the kit at ${commit:0:12} does not build"
}

# One artifact in Maven's repository layout, with the SHA-1 files the student pom insists on.
publish() {
  local artifact=$1 pom=$2 jar=${3:-}
  local dir="$stage/.labkit/repository/io/labkit/$artifact/$version"
  mkdir -p "$dir"
  cp "$pom" "$dir/$artifact-$version.pom"
  [ -z "$jar" ] || cp "$jar" "$dir/$artifact-$version.jar"
  for file in "$dir"/*; do
    sha1sum "$file" | cut -d ' ' -f 1 >"$file.sha1"
  done
}

student_files() {
  cp -r "$kit_copy/assignments/template/." "$stage/"
  mkdir -p "$stage/handouts" "$stage/.mvn/wrapper" "$stage/.github/workflows"
  cp "$kit_copy"/assignments/handouts/*.md "$stage/handouts/"
  cp "$kit_copy/mvnw" "$kit_copy/mvnw.cmd" "$stage/"
  cp "$kit_copy/.mvn/wrapper/maven-wrapper.properties" "$stage/.mvn/wrapper/"
  sed -i "s:<labkit.version>[^<]*</labkit.version>:<labkit.version>$version</labkit.version>:" "$stage/pom.xml"
  bash "$kit_copy/scripts/lib/student-workflow.sh" "$kit_copy" "${LABKIT_WORKFLOW:-}" >"$stage/.github/workflows/grade.yml"
  cat >"$stage/.labkit/kit.properties" <<EOF
# The grading kit this repository was exported from; grades change only with a new export.
version=$version
commit=$commit
exported=$(date -u +%Y-%m-%dT%H:%M:%SZ)
EOF
}

refuse_hidden_checks
build_kit_jars
publish labkit "$kit_copy/pom.xml"
publish assignments "$kit_copy/assignments/pom.xml" "$kit_copy/assignments/target/assignments-$version.jar"
publish grader "$kit_copy/grader/pom.xml" "$kit_copy/grader/target/grader-$version.jar"
student_files
if ! python3 "$kit/scripts/lib/reference_scan.py" "$work/scan" "$stage" >&2; then
  die "the export would contain reference code (above); nothing was written to $dest"
fi
cp -a "$stage/." "$dest/"
echo "exported the kit $version to $dest"
