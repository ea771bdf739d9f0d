# Shared set-up for scripts/build, serve, test and bench (sourced, not run).
# Makes .venv from the exact pins in pyproject.toml on first use, and again when they change.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PYTHONPATH="$ROOT/scripts${PYTHONPATH:+:$PYTHONPATH}"
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

# setup_venv EXTRAS: "" for the site, "test" for the tests and the benchmark.
setup_venv() {
  local extras="${1:-}" python stamp hash deps
  python=$(find_python) || fail "Python 3.11 or newer is needed (found: $({ command -v python3 >/dev/null && python3 --version; } 2>&1 || echo none)). Install it (on Debian/Ubuntu: sudo apt-get install python3) and run this again."
  hash="$(sha256sum pyproject.toml | cut -c1-16)"
  stamp=".venv/.installed"  # one line per extras set installed from this pyproject.toml: HASH-EXTRAS
  if [ -x .venv/bin/python ] && [ -f "$stamp" ] &&
     { grep -qxF -- "$hash-$extras" "$stamp" || { [ -z "$extras" ] && grep -q -- "^$hash-" "$stamp"; }; }; then
    return 0
  fi
  if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv >/dev/null 2>&1 || { rm -rf .venv; fail "could not create .venv: install the venv module (on Debian/Ubuntu: sudo apt-get install python3-venv) and run this again."; }
  fi
  deps=$(.venv/bin/python - "$extras" <<'PY'
import sys, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
deps = list(project["dependencies"])
for extra in filter(None, sys.argv[1].split(",")):
    deps += project["optional-dependencies"][extra]
print("\n".join(deps))
PY
)
  echo "Installing the pinned Python packages into .venv (first run only) ..." >&2
  # shellcheck disable=SC2086
  if ! .venv/bin/python -m pip install --disable-pip-version-check -q $deps >.venv/pip.log 2>&1; then
    if grep -qiE "connection|resolve|network|timed out|No matching distribution" .venv/pip.log; then
      fail "could not download the Python packages (no network?). Connect to the internet (PyPI) and run this again; details: .venv/pip.log"
    fi
    fail "installing the Python packages failed; details: .venv/pip.log"
  fi
  # Make the project's package importable in .venv: `.venv/bin/python -m strategy_site ...`.
  .venv/bin/python -c 'import sys, sysconfig; open(sysconfig.get_paths()["purelib"] + "/strategy_site.pth", "w").write(sys.argv[1] + "\n")' "$ROOT/scripts"
  { grep -- "^$hash-" "$stamp" 2>/dev/null || true; echo "$hash-$extras"; } >"$stamp.new" && mv "$stamp.new" "$stamp"
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
