#!/usr/bin/env bash
# `npm run demo`: builds the extension and opens it in Chromium against the local API double
# (or the real API when REPLICATE_API_TOKEN is set). With a display a person drives it; without one
# the whole flow runs on a virtual display and leaves screenshots in demo-output/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
npm run build

if [[ -n "${DISPLAY:-}" ]] && xdotool getdisplaygeometry >/dev/null 2>&1; then
  exec npx tsx scripts/demo.ts "$@"
fi
echo "demo: no display found: running the whole flow on a virtual display (Xvfb)."
exec xvfb-run -a -s '-screen 0 1280x1024x24' npx tsx scripts/demo.ts --auto "$@"
