#!/usr/bin/env bash
# Load benchmark: starts a `--dev` authority on a temp dir and free ports (raised pool limits,
# unsafe RPC on localhost so the pool can be cleared between workloads), runs `govchain-load`
# (tools/load) against it and always stops it. Workloads (default all, in this order):
#   a transfers  b cbdc  c votes  d diplomas  e land  f mix
#
#   scripts/bench-load.sh                 # all, 120 s each, 10,000 citizens
#   scripts/bench-load.sh a,c             # some
#   SECONDS_EACH=30 CITIZENS=2000 scripts/bench-load.sh a    # a quick look
#   PROFILE=1 scripts/bench-load.sh b    # also where the node's CPU time goes (perf, flat)
#
# Prints a table and a progress line while it runs; writes the JSON report and the node's log
# to $BENCH_OUT (default $CARGO_TARGET_DIR/bench-load), and from the log how long the node took
# to author each workload's blocks and why it stopped filling them.
# sr25519 verifications per second come from `govchain-node benchmark machine` when the
# benchmarking node of scripts/benchmark-weights.sh is built.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

workloads="${1:-a,b,c,d,e,f}"
seconds="${SECONDS_EACH:-120}"
citizens="${CITIZENS:-10000}"
out="${BENCH_OUT:-$CARGO_TARGET_DIR/bench-load}"
bench_node="${GOVCHAIN_BENCH_TARGET_DIR:-$HOME/.cache/govchain-bench-target}/release/govchain-node"
mkdir -p "$out"

build_node
load="$CARGO_TARGET_DIR/$GOVCHAIN_PROFILE/govchain-load"

verify_args=()
if [ -x "$bench_node" ]; then
	# Only the sr25519 figure is wanted: the other hardware checks run as briefly as allowed.
	"$bench_node" benchmark machine --chain dev --allow-fail --verify-duration 5 \
		--hash-duration 1 --memory-duration 1 --disk-duration 1 2>&1 | tee "$out/machine.txt" >/dev/null
	verify="$(python3 scripts/benchmarks/machine_verify.py "$out/machine.txt")"
	verify_args=(--verify-per-second "$verify")
	echo "sr25519 verifications/s: $verify"
else
	echo "no $bench_node: build it with scripts/benchmark-weights.sh for the sr25519 figure" >&2
fi

base="$(mktemp -d)"
rpc_port="$(free_port)"
p2p_port="$(free_port)"
node_pid=""
stop() {
	[ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null
	rm -rf "$base"
}
trap stop EXIT

profile="${PROFILE:-}"
if [ -n "$profile" ]; then
	# Names the runtime's compiled wasm functions for perf (/tmp/perf-<pid>.map).
	export WASMTIME_PROFILING_STRATEGY=perfmap
fi
"$GOVCHAIN_NODE" --dev --base-path "$base" --port "$p2p_port" --rpc-port "$rpc_port" \
	--rpc-methods unsafe --rpc-max-connections 200 --rpc-max-request-size 64 \
	--rpc-max-response-size 256 --rpc-message-buffer-capacity-per-connection 4096 \
	--pool-limit 200000 --pool-kbytes 2000000 --no-prometheus --no-telemetry \
	>"$out/node.log" 2>&1 &
node_pid=$!
perf_pid=""
if [ -n "$profile" ]; then
	perf record -F 499 -p "$node_pid" -o "$out/perf.data" >/dev/null 2>&1 &
	perf_pid=$!
fi
wait_for_rpc "$rpc_port" "$node_pid" "$out/node.log"

"$load" --url "ws://127.0.0.1:$rpc_port" --citizens "$citizens" --parcels "$citizens" \
	--seconds "$seconds" --workloads "$workloads" --node-pid "$node_pid" \
	--json "$out/report.json" "${verify_args[@]}"

if [ -n "$perf_pid" ]; then
	kill -INT "$perf_pid"
	wait "$perf_pid" || true
	perf report -i "$out/perf.data" --no-children --sort dso,symbol --stdio 2>/dev/null |
		grep -v '^#' | grep -v '^$' | head -60 >"$out/profile.txt"
	echo "where the node's CPU time went (perf, whole run): $out/profile.txt"
	head -25 "$out/profile.txt"
fi
python3 scripts/benchmarks/authoring_profile.py "$out/node.log" "$out/report.json"
echo "report: $out/report.json, node log: $out/node.log"
