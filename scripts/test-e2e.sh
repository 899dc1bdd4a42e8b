#!/usr/bin/env bash
# End-to-end tests: the production build of the extension in a real, headed Chromium.
# Headed because only a real right-click (xdotool) opens Chromium's native context menu. Every
# Playwright worker starts its own virtual X display (Xvfb, see tests/e2e/x-display.ts), so the workers
# (E2E_WORKERS, default 2) each have their own pointer. Extra arguments go to `playwright test`.
#
# To watch the tests on your own screen: E2E_WORKERS=1 with a usable DISPLAY (one pointer, one worker);
# E2E_REAL_DISPLAY=0 keeps them on Xvfb even then.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
npm run build

if [[ "${E2E_WORKERS:-2}" == 1 && -z "${E2E_REAL_DISPLAY:-}" && -n "${DISPLAY:-}" ]] &&
  xdotool getdisplaygeometry >/dev/null 2>&1; then
  export E2E_REAL_DISPLAY=1
fi
exec npx playwright test "$@"
