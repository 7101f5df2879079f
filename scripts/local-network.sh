#!/usr/bin/env bash
# Starts the 4-validator local network (alice, bob, charlie, dave) from chain-specs/local.raw.json
# on this machine, each node with its own directory under $GOVCHAIN_NET_DIR (default
# /tmp/govchain-local). RPC: alice 9944, bob 9945, charlie 9946, dave 9947. Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

build_node
net_dir="${GOVCHAIN_NET_DIR:-/tmp/govchain-local}"
mkdir -p "$net_dir"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM

# Alice's node key is fixed so that the others can find her as their bootnode.
alice_node_key=0000000000000000000000000000000000000000000000000000000000000001
alice_peer_id=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp
i=0
for name in alice bob charlie dave; do
	args=(--chain chain-specs/local.raw.json --base-path "$net_dir/$name" --"$name" --validator
		--port $((30333 + i)) --rpc-port $((9944 + i)) --prometheus-port $((9615 + i))
		--unsafe-force-node-key-generation)
	if [ "$name" = alice ]; then
		args+=(--node-key "$alice_node_key")
	else
		args+=(--bootnodes "/ip4/127.0.0.1/tcp/30333/p2p/$alice_peer_id")
	fi
	"$GOVCHAIN_NODE" "${args[@]}" >"$net_dir/$name.log" 2>&1 &
	pids+=($!)
	echo "local-network.sh: $name on ws://127.0.0.1:$((9944 + i)), log $net_dir/$name.log"
	i=$((i + 1))
done
wait
