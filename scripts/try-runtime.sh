#!/usr/bin/env bash
# The upgrade check on a populated chain: starts a development node (temp dir, free ports),
# fills every registry with the load tool (institutions, citizens with tokens and CBDC, parcels,
# diplomas, payments, public and encrypted elections, dual-control actions), stops it, exports
# its state (`govchain-node export-state`) and runs this build's migrations with their
# pre/post checks, the full state's decoding, every pallet's try_state and the idempotency check
# against it (runtime/examples/try_runtime.rs). Always stops the node.
# Usage: scripts/try-runtime.sh [--quick] [SNAPSHOT.json]
#   --quick          a smaller chain (CI): 60 citizens, 2 s of the registries' workloads
#   SNAPSHOT.json    check this snapshot instead (e.g. a national network's, exported from an
#                    archive node: govchain-node export-state --chain SPEC --base-path BASE)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

citizens=400 seconds=8 workloads=a,b,c,d,e,f,g snapshot=""
for arg in "$@"; do
	case "$arg" in
	--quick) citizens=60 seconds=2 workloads=b,c,d,e,g ;;
	*) snapshot="$arg" ;;
	esac
done
check="$CARGO_TARGET_DIR/$GOVCHAIN_PROFILE/examples/try_runtime"
load="$CARGO_TARGET_DIR/$GOVCHAIN_PROFILE/govchain-load"
# This checkout's migrations and checks, built if anything changed (seconds when up to date).
build_node

base=$(mktemp -d)
node_pid=""
stop() {
	[ -n "$node_pid" ] && kill -INT "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null
	node_pid=""
}
trap 'stop; rm -rf "$base"' EXIT

if [ -z "$snapshot" ]; then
	rpc_port=$(free_port)
	prometheus_port=$(free_port)
	"$GOVCHAIN_NODE" --dev --base-path "$base/node" --port "$(free_port)" --rpc-port "$rpc_port" \
		--prometheus-port "$prometheus_port" --rpc-methods unsafe --no-telemetry --pool-limit 100000 \
		--pool-kbytes 1000000 >"$base/node.log" 2>&1 &
	node_pid=$!
	wait_for_rpc "$rpc_port" "$node_pid" "$base/node.log"
	echo "try-runtime: filling a development chain ($citizens citizens, $seconds s of workloads $workloads)"
	filled=$SECONDS
	"$load" --url "ws://127.0.0.1:$rpc_port" --citizens "$citizens" --parcels "$citizens" \
		--seconds "$seconds" --workloads "$workloads" --max-ballot-rate 50 \
		>"$base/load.log" 2>&1 ||
		{ tail -20 "$base/load.log"; exit 1; }
	grep -E "^\([a-j]\).*(/s|not measured)" "$base/load.log" | tail -12 || true
	echo "try-runtime: filled in $((SECONDS - filled)) s"
	# What the snapshot holds, by the node's registry gauges (read at the finalized block).
	sleep 13
	curl -s "http://127.0.0.1:$prometheus_port/metrics" | grep -E '^govchain_(registry|elections)' |
		grep -v ' 0$' | sed -E 's/,?chain="[^"]*"//; s/\{\}//; s/^/  /' | tee "$base/registries.txt"
	for register in active_citizens parcels diplomas; do
		grep -q "govchain_registry_$register [1-9]" "$base/registries.txt" ||
			{ echo "try-runtime: the chain holds no $register: the snapshot would not exercise them" >&2; exit 1; }
	done
	stop
	snapshot="$base/snapshot.json"
	"$GOVCHAIN_NODE" export-state --chain dev --base-path "$base/node" >"$snapshot" 2>"$base/export.log" ||
		{ tail -5 "$base/export.log"; exit 1; }
	echo "try-runtime: snapshot of $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["genesis"]["raw"]["top"]))' "$snapshot") keys"
fi
started=$SECONDS
"$check" "$snapshot"
echo "try-runtime: the check took $((SECONDS - started)) s"
