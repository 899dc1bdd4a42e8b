#!/usr/bin/env bash
# End-to-end tests: the production build of the extension in a real, headed Chromium.
# Headed because only a real right-click (xdotool) opens Chromium's native context menu; without a
# usable X display we run under a virtual one (Xvfb). Extra arguments go to `playwright test`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
npm run build

if [[ -n "${DISPLAY:-}" ]] && xdotool getdisplaygeometry >/dev/null 2>&1; then
  exec npx playwright test "$@"
fi
# -a picks a free display number, so parallel runs (and a developer's own X server) do not collide.
exec xvfb-run -a -s '-screen 0 1280x1024x24' npx playwright test "$@"
