#!/usr/bin/env bash
# Starts the 4-validator local network (alice, bob, charlie, dave) from chain-specs/local.raw.json
# on this machine, each node with its own directory under $GOVCHAIN_NET_DIR (default
# /tmp/govchain-local). RPC: alice 9944, bob 9945, charlie 9946, dave 9947. p2p: TCP 30333-30336
# for nodes, WebSocket 30433-30436 for browsers' light clients (the verification page). Alice is
# the bootnode chain-specs/local.raw.json names, on both. Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

build_node_bin
net_dir="${GOVCHAIN_NET_DIR:-/tmp/govchain-local}"
mkdir -p "$net_dir"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM

# Alice's node key is fixed so that the others, and light clients, find her as the chain spec's
# bootnode (node/src/chain_spec.rs, LOCAL_BOOTNODES).
alice_node_key=0000000000000000000000000000000000000000000000000000000000000001
i=0
for name in alice bob charlie dave; do
	args=(--chain chain-specs/local.raw.json --base-path "$net_dir/$name" --"$name" --validator
		--listen-addr "/ip4/0.0.0.0/tcp/$((30333 + i))" --listen-addr "/ip4/0.0.0.0/tcp/$((30433 + i))/ws"
		--rpc-port $((9944 + i)) --prometheus-port $((9615 + i))
		--unsafe-force-node-key-generation)
	if [ "$name" = alice ]; then
		args+=(--node-key "$alice_node_key")
	fi
	"$GOVCHAIN_NODE" "${args[@]}" >"$net_dir/$name.log" 2>&1 &
	pids+=($!)
	echo "local-network.sh: $name on ws://127.0.0.1:$((9944 + i)) (p2p tcp $((30333 + i)), ws $((30433 + i))), log $net_dir/$name.log"
	i=$((i + 1))
done
wait
