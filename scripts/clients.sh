#!/usr/bin/env bash
# Runs the JavaScript client tests (clients/tests/*.test.js) against this checkout's
# govchain-node: @polkadot/api and Substrate API Sidecar without custom types, the examples of
# docs/rpc.md replayed, and the diploma verification page in a browser. Each test file starts
# its own `--dev` node on free ports and seeds it (clients/lib/seed.js).
#
#   scripts/clients.sh                                # every test file
#   GOVCHAIN_NODE=/path/to/govchain-node scripts/clients.sh   # another node binary
#
# Needs Node.js with npm; the pinned packages are installed from clients/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
node_override="${GOVCHAIN_NODE:-}"
source scripts/env.sh

if [ -n "$node_override" ]; then
	GOVCHAIN_NODE="$node_override"
else
	[ -x "$GOVCHAIN_NODE" ] || build_node
fi
export GOVCHAIN_NODE

cd clients
npm ci --no-audit --no-fund --loglevel=error
start=$(date +%s)
status=0
npm test || status=$?
echo "clients.sh: client tests took $(($(date +%s) - start)) s (node $GOVCHAIN_NODE)"
exit "$status"
