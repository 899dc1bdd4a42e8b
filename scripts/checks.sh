#!/usr/bin/env bash
# The static checks, typecheck and lint, side by side: each runs mostly on one core and CI has two,
# so together they take about the longer one's time (~22 s) instead of the sum (~40 s). Fails when
# either fails, after both have finished and printed what they found.
set -uo pipefail
cd "$(dirname "$0")/.."

npm run --silent typecheck &
typecheck=$!
npm run --silent lint &
lint=$!
wait "$typecheck"; typecheck_status=$?
wait "$lint"; lint_status=$?
if (( typecheck_status != 0 || lint_status != 0 )); then
  echo "checks: typecheck exited $typecheck_status, lint exited $lint_status" >&2
  exit 1
fi
echo "checks: typecheck and lint passed"
