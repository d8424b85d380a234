#!/usr/bin/env bash
# Prints the student repository's grading workflow (.github/workflows/grade.yml of an export):
#   scripts/lib/student-workflow.sh KIT [OWNER/REPO/.github/workflows/grade-student.yml@TAG]
# Without the second argument it is standalone: a push/workflow_dispatch header over the jobs of
# the kit's reusable workflow KIT/.github/workflows/grade-student.yml, copied, so the two cannot
# drift. With it, the one job calls that reusable workflow, pinned by tag.
set -euo pipefail
kit=$1
uses=${2:-}
if [ -n "$uses" ]; then
  cat <<YAML
# Grades every push with the course's central workflow (the kit's, pinned by tag).
name: grade
on:
  push:
  workflow_dispatch:
permissions:
  contents: read
jobs:
  grade:
    uses: $uses
YAML
else
  cat <<'YAML'
# Grades every push: `mvn test` with the kit pinned in .labkit/repository; the job summary shows
# grade.md, the artifact "grade" holds the reports, the step output `result` is for classroom tools.
name: grade
on:
  push:
  workflow_dispatch:
    inputs:
      java-version:
        description: the JDK that grades
        type: string
        required: false
        default: '17'
permissions:
  contents: read
YAML
  sed -n '/^jobs:/,$p' "$kit/.github/workflows/grade-student.yml"
fi
