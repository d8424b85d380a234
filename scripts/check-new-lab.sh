#!/usr/bin/env bash
# Checks scripts/new-lab.sh: in a throwaway copy of the kit's sources (never this checkout, never
# ~/.m2's installed artifacts), it scaffolds a lab and compiles the whole reactor with it, main and
# test code; it also refuses a lab that exists and an id that is not a package name.
# FULL=1 also runs the generated lab's kit tests and HandoutTests (about 2 minutes more).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Tracked and new (not ignored) files: the sources as they are, without target/.
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work"
cd "$work"
bash scripts/new-lab.sh scaffoldprobe >/dev/null
if bash scripts/new-lab.sh scaffoldprobe >/dev/null 2>&1; then
  echo "check-new-lab: new-lab.sh overwrote an existing lab" >&2; exit 1
fi
if bash scripts/new-lab.sh Bad-Id >/dev/null 2>&1; then
  echo "check-new-lab: new-lab.sh accepted the id Bad-Id" >&2; exit 1
fi
offline=-o; [ "${ONLINE:-}" = 1 ] && offline=
mvn -B -q -ntp $offline test-compile -pl grader -am -Djacoco.skip=true
if [ "${FULL:-}" = 1 ]; then
  mvn -B -q -ntp $offline test -pl grader -am -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
      -Dtest='ScaffoldprobeSuiteTests,HandoutTests,LabCatalogTests,ArchitectureTests'
fi
echo "new-lab.sh: a scaffolded lab compiles${FULL:+ and its kit tests pass}"
