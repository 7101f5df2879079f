#!/usr/bin/env bash
# Chaos on a local network of real nodes (scripts/chaos.py): a 2|2 partition, a validator's
# clock 2.5 slots ahead, two nodes with one authority's keys, a validator whose disk fills, a
# validator killed as a runtime upgrade is enacted. Each scenario prints what it observed and
# fails if what must hold did not.
#
#   scripts/chaos.sh                     every scenario, full observation windows (~15 minutes)
#   scripts/chaos.sh --quick partition   CI's short form: the named scenarios, shorter windows
#
# Needs root (it runs in namespaces of its own, where it makes the network namespaces gcx-hub
# and gcx-1…5 and tmpfs mounts under its temp dir), Debian's iproute2 and faketime, Node.js (the upgrade
# scenario reuses zombienet/scripts/upgrade.js), the node and the upgrade wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

{ [ -x "$GOVCHAIN_NODE" ] && [ -f "$GOVCHAIN_UPGRADE_WASM" ]; } || build_node
bash scripts/setup.sh --tests
(cd zombienet && [ -d node_modules/@polkadot/api ] || npm ci --no-audit --no-fund --loglevel=error)
# Its own network, mount and process namespaces: nothing it makes reaches the host's network,
# and when it ends (even killed) the kernel removes every node, namespace, veth and mount.
exec unshare --net --mount --propagation private --pid --fork --kill-child --mount-proc \
	python3 scripts/chaos.py "$@"
