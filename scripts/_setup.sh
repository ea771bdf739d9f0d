# Shared set-up for scripts/build, serve, test and bench (sourced, not run).
# Makes .venv from the exact pins in pyproject.toml on first use, and again when they change.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NO_MKDOCS_2_WARNING=1

fail() { echo "error: $*" >&2; exit 1; }

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3 python3.13 python3.12 python3.11; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

LOCK_DIR=scripts/requirements
UV_VERSION=0.13.9  # the tool that writes the locks (./scripts/lock); the site does not use it

# lock_file EXTRAS: the lock that setup_venv installs for "" (the site) or "test".
lock_file() { echo "$LOCK_DIR/${1:-site}.txt"; }

# setup_venv EXTRAS: "" for the site, "test" for the tests and the benchmark. Installs the lock
# (hashes required), then this project's package, editable.
setup_venv() {
  local extras="${1:-}" python stamp hash lock
  python=$(find_python) || fail "Python 3.11 or newer is needed (found: $({ command -v python3 >/dev/null && python3 --version; } 2>&1 || echo none)). Install it (on Debian/Ubuntu: sudo apt-get install python3) and run this again."
  lock=$(lock_file "$extras")
  [ -f "$lock" ] || fail "$lock is missing: restore it from the project's history, or run ./scripts/lock."
  hash="$(cat pyproject.toml "$lock" | sha256sum | cut -c1-16)"
  stamp=".venv/.installed"  # the HASH-EXTRAS of each lock installed: the site's lock is part of the tests'
  if [ -x .venv/bin/python ] && [ -f "$stamp" ] &&
     { grep -qxF -- "$hash-$extras" "$stamp" || { [ -z "$extras" ] && test_lock_installed "$stamp"; }; }; then
    return 0
  fi
  if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv >/dev/null 2>&1 || { rm -rf .venv; fail "could not create .venv: install the venv module (on Debian/Ubuntu: sudo apt-get install python3-venv) and run this again."; }
  fi
  echo "Installing the locked Python packages into .venv (first run only) ..." >&2
  if ! { .venv/bin/python -m pip install --disable-pip-version-check -q --require-hashes --no-deps -r "$lock" &&
         .venv/bin/python -m pip install --disable-pip-version-check -q --no-deps --no-build-isolation -e . ; } >.venv/pip.log 2>&1; then
    if grep -qiE "connection|resolve|network|timed out" .venv/pip.log || ! index_reachable; then
      fail "could not download the Python packages (no network?). Connect to the internet (PyPI) and run this again; details: .venv/pip.log"
    fi
    grep -q "No matching distribution" .venv/pip.log &&
      fail "a locked package version is not on the package index (see .venv/pip.log); run ./scripts/lock to choose versions that are."
    fail "installing the Python packages failed; details: .venv/pip.log"
  fi
  { grep -v -- "-$extras\$" "$stamp" 2>/dev/null || true; echo "$hash-$extras"; } >"$stamp.new" && mv "$stamp.new" "$stamp"
}

# test_lock_installed STAMP: whether the tests' lock is installed and current. It holds the site's
# packages at the same versions, so the site needs nothing more. (A copy of the project that shares
# this .venv, as tests/test_serve_errors.py runs one, must not install: pip's editable install would
# then point .venv at the copy.)
test_lock_installed() {
  grep -qxF -- "$(cat pyproject.toml "$(lock_file test)" | sha256sum | cut -c1-16)-test" "$1"
}

# index_reachable: whether pip's package index answers (pip itself only says "no matching distribution").
index_reachable() {
  local index="${PIP_INDEX_URL:-$(.venv/bin/python -m pip config get global.index-url 2>/dev/null || echo https://pypi.org/simple/)}"
  .venv/bin/python -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=15)' "$index" >/dev/null 2>&1
}

# write_locks: the locks in $LOCK_DIR from pyproject.toml (./scripts/lock).
write_locks() {
  local tool=.venv-lock
  [ -x "$tool/bin/uv" ] || { "$(find_python)" -m venv "$tool" && "$tool/bin/python" -m pip install -q "uv==$UV_VERSION"; } ||
    fail "could not install uv $UV_VERSION into $tool"
  trap 'rm -f "$LOCK_DIR"/*.new "$LOCK_DIR/build.in"' EXIT
  # The build back-end, for the editable install of the package (pip runs it without isolation).
  "$tool/bin/python" -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]))' >"$LOCK_DIR/build.in"
  local name
  for name in test site; do
    # The site's lock takes the test lock's versions, so that both install the same packages.
    "$tool/bin/uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes --no-header \
      $([ $name = test ] && echo "--extra test" || echo "-c $LOCK_DIR/test.txt") \
      pyproject.toml "$LOCK_DIR/build.in" -o "$LOCK_DIR/$name.txt.new"
    { echo "# The locked Python packages ($name), written by ./scripts/lock from pyproject.toml; do not edit."
      cat "$LOCK_DIR/$name.txt.new"; } >"$LOCK_DIR/$name.txt"
  done
  echo "Wrote $LOCK_DIR/test.txt and $LOCK_DIR/site.txt." >&2
}

# The tests print pages with Debian's chromium and need Japanese fonts to print Japanese; they run
# pa11y with Node.js (npm) and try the README's sample configuration with nginx.
need_system_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} with apt-get ..." >&2
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; } >/tmp/strategy-site-apt.log 2>&1 ||
      fail "could not install ${missing[*]} with apt-get; details: /tmp/strategy-site-apt.log"
  else
    fail "missing system packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}"
  fi
}

# pa11y for the accessibility tests: the exact versions in tests/pa11y/package-lock.json, from the npm
# registry into .node/ (git-ignored). It drives Debian's chromium, so no browser is downloaded.
setup_node_tools() {
  local hash stamp=".node/.installed"
  hash="$(cat tests/pa11y/package.json tests/pa11y/package-lock.json | sha256sum | cut -c1-16)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && [ -d .node/node_modules/pa11y ]; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || fail "npm is missing. Install it with: sudo apt-get install -y nodejs npm"
  mkdir -p .node
  cp tests/pa11y/package.json tests/pa11y/package-lock.json .node/
  echo "Installing pa11y into .node (first run only) ..." >&2
  (cd .node && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts) >.node-npm.log 2>&1 ||
    fail "could not install pa11y from the npm registry (no network?); details: .node-npm.log"
  rm -f .node-npm.log
  echo "$hash" >"$stamp"
}
