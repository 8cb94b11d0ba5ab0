#!/usr/bin/env bash
# Makes sure a Chromium for the browser suite is present (tests/browser uses playwright-core,
# which never downloads a browser). Uses $CHROMIUM_PATH if set, else Debian's /usr/bin/chromium,
# installing it with apt-get when we may. Never skips silently: exits 1 with instructions.
set -euo pipefail

target="${CHROMIUM_PATH:-/usr/bin/chromium}"

works() {
  [ -x "$1" ] || return 1
  # The Debian launcher prints harmless shell warnings on stderr; only the exit status matters.
  "$1" --version >/dev/null 2>&1
}

if works "$target"; then
  echo "ensure-chromium: using $target ($("$target" --version 2>/dev/null))"
  exit 0
fi

if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable, working Chromium." >&2
  echo "  Point CHROMIUM_PATH at a Chromium/Chrome binary, or unset it to use /usr/bin/chromium." >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    as_root=(none)
  fi
fi

if [ "${as_root[0]:-}" != "none" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $target not found; installing Debian's chromium with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
  if works "$target"; then
    echo "ensure-chromium: installed $target ($("$target" --version 2>/dev/null))"
    exit 0
  fi
  echo "ensure-chromium: apt-get install chromium finished but $target still does not run." >&2
  exit 1
fi

cat >&2 <<EOF
ensure-chromium: no Chromium at $target, and it cannot be installed automatically
(needs root or passwordless sudo, and apt-get). The browser suite needs one. Either:
  - install it:  sudo apt-get install chromium      (Debian/Ubuntu)
  - or point at an existing Chromium/Chrome:  export CHROMIUM_PATH=/path/to/chrome
EOF
exit 1
