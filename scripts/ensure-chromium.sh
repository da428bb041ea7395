# Puts Debian's Chromium at /usr/bin/chromium for the SDK's browser test (test/sdk/browser.test.ts),
# unless PENAXTRA_CHROMIUM names another. Sourced by ./dev test. Debian's package, not a browser
# download: machines here reach package registries only.
if [ -z "${PENAXTRA_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "toolchain: installing Debian's chromium for the SDK's browser test" >&2
  PENAXTRA_SUDO=""
  [ "$(id -u)" = 0 ] || PENAXTRA_SUDO="sudo"
  $PENAXTRA_SUDO apt-get install -y -qq chromium >&2 || { $PENAXTRA_SUDO apt-get update -qq >&2 && $PENAXTRA_SUDO apt-get install -y -qq chromium >&2; }
fi
