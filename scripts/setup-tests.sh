#!/usr/bin/env bash
# Installs what the tests need beyond building (scripts/setup.sh): Node.js 20.19+ with npm for
# the client and zombienet tests, Chromium for the verification page's browser test, iproute2
# and faketime for the chaos scenarios, promtool (Debian's prometheus) for the monitoring kit's
# alert tests. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup-lib.sh

need_apt=()
# The zombienet tests run @zombienet/cli and @polkadot/api (zombienet/package-lock.json).
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
# The verification page's browser test drives Debian's Chromium (clients/tests/verify-page.test.js).
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# The chaos scenarios (scripts/chaos.sh): network namespaces and a validator's skewed clock.
command -v ip >/dev/null 2>&1 || need_apt+=(iproute2)
command -v faketime >/dev/null 2>&1 || need_apt+=(faketime)
# The monitoring kit's checks (ops/monitoring/check.sh): promtool, from Debian's Prometheus.
command -v promtool >/dev/null 2>&1 || need_apt+=(prometheus)
apt_install "${need_apt[@]}"

# The client tests and the verification page's build (Vite) need Node.js 20.19 or later.
node_version=$(node --version | sed 's/^v//')
IFS=. read -r node_major node_minor _ <<<"$node_version"
if [ "$node_major" -lt 20 ] || { [ "$node_major" -eq 20 ] && [ "$node_minor" -lt 19 ]; }; then
	echo "setup-tests: the client and zombienet tests need Node.js 20.19 or later, found v$node_version" >&2
	echo "setup-tests: Debian 12's nodejs is 18; install a current one (e.g. from nodejs.org or NodeSource)" >&2
	exit 1
fi
echo "setup-tests: ok (Node.js $(node --version), $(/usr/bin/chromium --version 2>/dev/null || echo 'no chromium'))"
