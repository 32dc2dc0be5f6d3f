#!/usr/bin/env bash
# Everything the test suite needs, then the suite:  bash scripts/test.sh [pytest args...]
#  1. Chromium, chromedriver and a CJK font for the browser tests (tests/test_browser.py), from Debian
#     via apt-get when missing (root only; otherwise a one-line warning and those tests skip);
#  2. .venv with the package and its [test] extra (pytest, selenium);
#  3. the wheel check (scripts/wheel-check.sh: a wheel installed in a clean venv runs the commands);
#  4. pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

have_browser() {
    { command -v chromium >/dev/null || command -v chromium-browser >/dev/null; } \
        && command -v chromedriver >/dev/null \
        && { ! command -v fc-list >/dev/null || fc-list 2>/dev/null | grep -qiE 'wenquanyi|wqy|noto (sans|serif) cjk'; }
}

if have_browser; then
    export GOVKG_REQUIRE_BROWSER="${GOVKG_REQUIRE_BROWSER:-1}"
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "scripts/test.sh: installing chromium, chromium-driver and fonts-wqy-microhei with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-wqy-microhei >/dev/null
    export GOVKG_REQUIRE_BROWSER="${GOVKG_REQUIRE_BROWSER:-1}"
else
    echo "scripts/test.sh: warning: chromium/chromedriver/CJK font missing and not root; browser tests will skip" >&2
fi

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/pip install -q -e ".[test]"
if [ -z "${GOVKG_SKIP_WHEEL_CHECK:-}" ]; then
    bash scripts/wheel-check.sh .venv/bin/python
fi
export SE_OFFLINE=true  # selenium must use the Debian chromedriver, never download one
exec .venv/bin/python -m pytest "$@"
