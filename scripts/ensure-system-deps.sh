#!/usr/bin/env bash
# Makes sure the system tools the end-to-end tests and the demo need are present:
# Node >= 20, Chromium, Xvfb (xvfb-run + xauth) and xdotool (the real right-click on the native menu).
# Quick and silent-ish when everything is there; installs with apt when it can (root or passwordless
# sudo, e.g. on CI); otherwise names the missing packages and the exact command, and fails.
#
# Environment:
#   CHROMIUM_PATH          Chromium binary to use (default: /usr/bin/chromium, else `chromium` on PATH).
#   ENSURE_DEPS_NO_INSTALL set to 1 to never install (only detect and report).
set -euo pipefail

min_node_major=20

fail() {
  echo "ensure-system-deps: $*" >&2
  exit 1
}

check_node() {
  command -v node >/dev/null 2>&1 || fail "Node.js is not installed (need >= ${min_node_major})."
  local version major
  version=$(node -p 'process.versions.node')
  major=${version%%.*}
  if ((major < min_node_major)); then
    fail "Node.js ${version} is too old (need >= ${min_node_major})."
  fi
}

chromium_bin() {
  if [[ -n "${CHROMIUM_PATH:-}" ]]; then
    [[ -x "$CHROMIUM_PATH" ]] && echo "$CHROMIUM_PATH"
    return 0 # an explicit path that does not exist counts as missing: no silent fallback
  fi
  if [[ -x /usr/bin/chromium ]]; then
    echo /usr/bin/chromium
  else
    command -v chromium 2>/dev/null || true
  fi
}

# Prints the Debian packages whose commands are missing, space-separated.
missing_packages() {
  local missing=()
  [[ -n "$(chromium_bin)" ]] || missing+=(chromium)
  command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
  command -v xauth >/dev/null 2>&1 || missing+=(xauth)
  command -v xdotool >/dev/null 2>&1 || missing+=(xdotool)
  echo "${missing[*]}"
}

# Prints the command prefix that runs as root ("" when root, "sudo" with passwordless sudo), or fails.
root_prefix() {
  if [[ "$(id -u)" == 0 ]]; then
    echo ""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "sudo"
  else
    return 1
  fi
}

install_packages() {
  local packages=$1 prefix
  local command="apt-get update && apt-get install -y --no-install-recommends ${packages}"
  if [[ "${ENSURE_DEPS_NO_INSTALL:-0}" == 1 ]] || ! command -v apt-get >/dev/null 2>&1 ||
    ! prefix=$(root_prefix); then
    {
      echo "ensure-system-deps: missing system packages: ${packages}"
      echo "Install them (Debian/Ubuntu) with:"
      echo "  sudo sh -c '${command}'"
    } >&2
    exit 1
  fi
  echo "ensure-system-deps: installing ${packages} (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086 # word splitting of the package list is intended
  $prefix apt-get update -qq
  # shellcheck disable=SC2086
  $prefix env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages
}

check_node
missing=$(missing_packages)
if [[ -n "$missing" ]]; then
  install_packages "$missing"
  still_missing=$(missing_packages)
  [[ -z "$still_missing" ]] || fail "still missing after install: ${still_missing}"
fi

chromium=$(chromium_bin)
# Debian's launcher script prints a harmless shell warning on stderr: keep only the version line.
echo "ensure-system-deps: $("$chromium" --version 2>/dev/null) ($chromium); node $(node -v); xvfb-run, xauth, xdotool present"
