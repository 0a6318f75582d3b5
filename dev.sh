#!/usr/bin/env bash
# One entry point for newcomers and CI: sets everything up, then serves the site or runs the tests.
#   ./dev.sh serve   build the site and serve it at http://127.0.0.1:8000/
#   ./dev.sh test    run the whole test suite, browser tests included
#   ./dev.sh setup   only set up .venv/ and node_modules/ (CI runs the content check right after)
# Anything after the first word is passed on (to pytest for "test").
set -euo pipefail
cd "$(dirname "$0")"

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3

say() { printf '%s\n' "$*" >&2; }

setup_python() {
  if ! "$PY" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' 2>/dev/null; then
    say "ต้องใช้ Python 3.11 ขึ้นไป / Python 3.11 or newer is required (apt-get install python3 python3-venv)"
    exit 1
  fi
  if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
  fi
  # Reinstall only when requirements.txt changed since the last install.
  local stamp=.venv/.requirements.sha256
  local want
  want=$(sha256sum requirements.txt | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet --require-hashes -r requirements.txt
    echo "$want" > "$stamp"
  fi
}

setup_node() {
  if ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
    else
      say "ต้องติดตั้ง Node.js และ npm / Node.js and npm are required: sudo apt-get install nodejs npm"
      exit 1
    fi
  fi
  local stamp=node_modules/.package-lock.sha256
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    npm ci --no-audit --no-fund --silent
    echo "$want" > "$stamp"
  fi
}

setup_test_system() {
  # Debian packages the tests drive for real: Chromium (browser tests), rsync (deploy and
  # rollback), nginx and openssl (the example server configuration is checked with nginx -t).
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v rsync >/dev/null 2>&1 || missing+=(rsync)
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "ติดตั้งแพ็กเกจสำหรับการทดสอบ / installing Debian packages for the tests: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "การทดสอบต้องใช้แพ็กเกจของ Debian / The tests need these Debian packages:"
    say "  sudo apt-get install ${missing[*]}"
    exit 1
  fi
}

cmd=${1:-}
shift || true
case "$cmd" in
  serve)
    setup_python; setup_node
    exec .venv/bin/invoke reserve "$@"
    ;;
  test)
    setup_python; setup_node; setup_test_system
    # One test process per core (at most 4; each drives its own Chromium), a test file's tests in
    # one process: the files' fixtures (a built site, an editor) are made once per process.
    # Give -n 0 to run in this process alone (e.g. to use a debugger).
    workers=$(nproc 2>/dev/null || echo 2)
    [ "$workers" -gt 4 ] && workers=4
    exec .venv/bin/python -m pytest -n "$workers" --dist loadfile "$@"
    ;;
  setup)
    setup_python; setup_node
    ;;
  *)
    say "usage: ./dev.sh serve | ./dev.sh test [pytest options] | ./dev.sh setup"
    exit 2
    ;;
esac
