#!/usr/bin/env bash
# Validates every GitHub Actions workflow the kit ships or exports, offline, with the
# action-validator from the npm registry (pinned; installed once into .ci/node_modules):
# .github/workflows/*.yml, both forms of the exported student workflow, and the workflows the
# README shows (each ```yaml block after a line "<!-- workflow -->"). Skips when npm is absent.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
kit=$(kit_root)
validator_version=0.6.0
if ! command -v npm >/dev/null 2>&1; then
  echo "workflows: SKIPPED, npm is not installed (the validator comes from the npm registry)"
  exit 0
fi
validator="$kit/.ci/node_modules/.bin/action-validator"
if [ ! -x "$validator" ] || ! grep -q "\"version\": \"$validator_version\"" \
    "$kit/.ci/node_modules/@action-validator/cli/package.json" 2>/dev/null; then
  npm install --silent --no-audit --no-fund --no-save --no-package-lock --prefix "$kit/.ci" \
    "@action-validator/cli@$validator_version" "@action-validator/core@$validator_version" >/dev/null \
    || die "could not install @action-validator/cli@$validator_version from the npm registry"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/exported" "$work/readme"
bash "$kit/scripts/lib/student-workflow.sh" "$kit" >"$work/exported/grade.yml"
bash "$kit/scripts/lib/student-workflow.sh" "$kit" \
  COURSE/labkit/.github/workflows/grade-student.yml@v1.0.0 >"$work/exported/grade-calling-the-kit.yml"
python3 - "$kit/README.md" "$work/readme" <<'PY'
import pathlib, re, sys
text = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
blocks = re.findall(r"<!-- workflow -->\s*```yaml\n(.*?)```", text, re.S)
for i, block in enumerate(blocks, 1):
    (pathlib.Path(sys.argv[2]) / f"readme-{i}.yml").write_text(block, encoding="utf-8")
print(f"workflows: {len(blocks)} in the README")
PY
# The validator is not blind: a job without steps (a typo) must be refused.
printf 'name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n' >"$work/broken.yml"
if "$validator" "$work/broken.yml" >/dev/null 2>&1; then
  die "the validator accepted a broken workflow: it checks nothing"
fi
failed=0
cd "$kit"
shopt -s nullglob
files=(.github/workflows/*.yml "$work"/exported/*.yml "$work"/readme/*.yml)
count=${#files[@]}
for file in "${files[@]}"; do
  if ! "$validator" "$file" >"$work/out" 2>&1; then
    echo "workflows: INVALID ${file#"$work"/}" >&2
    cat "$work/out" >&2
    failed=$((failed + 1))
  fi
done
# Pinned actions: a full commit SHA with the tag in a comment, never a moving tag.
if grep -n 'uses: [^.][^@]*@' "${files[@]}" \
    | grep -v 'uses: [^@]*@[0-9a-f]\{40\} # v[0-9.]*$' | grep -v 'workflows/grade-student.yml@' >"$work/unpinned"; then
  echo "workflows: actions not pinned by commit SHA:" >&2
  cat "$work/unpinned" >&2
  failed=$((failed + 1))
fi
[ "$failed" -eq 0 ] || die "$failed problem(s) in the $count workflows"
echo "workflows: $count valid (action-validator $validator_version), every action pinned by commit"
