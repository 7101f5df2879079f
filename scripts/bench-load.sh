#!/usr/bin/env bash
# Load benchmark: starts a `--dev` authority on a temp dir and free ports (raised pool limits,
# unsafe RPC on localhost so the pool can be cleared between workloads), runs `govchain-load` (tools/load) against it and always stops it.
# Workloads (default all; a, i, j first: (a) uses no fee-free quota, and i and j then have the
# citizens' whole hour of it):
#   a transfers  b cbdc  c votes  d diplomas  e land  f mix  g encrypted ballots (4 options;
#   the tool runs the election's key ceremony for its three trustees first)  h the same
#   ballots signed by the citizens and relayed by the election commission in batches of 64
#   i payment orders citizens signed, relayed by the commercial bank in batches of 256
#   j public-poll votes citizens signed, relayed by the election commission in batches of 512
#   (h, i, j: fee-free when they qualify, within the block's fee-free share; RELAY_TIP=1 makes
#   the relaying institution pay, so the batches may fill the block's whole normal class. Each
#   relayed order or vote uses one of its citizen's 20 fee-free transactions an hour, and one
#   beyond them is refused: give the run enough citizens, CITIZENS ≥ rate × SECONDS_EACH ÷ 20)
#
#   scripts/bench-load.sh                 # all, 120 s each, 10,000 citizens
#   scripts/bench-load.sh a,c             # some
#   SECONDS_EACH=30 CITIZENS=2000 scripts/bench-load.sh a    # a quick look
#   PROFILE=1 scripts/bench-load.sh b    # also where the node's CPU time goes while the
#                                        # workloads run (perf, grouped by activity)
#   PACE=0.5 scripts/bench-load.sh a     # submitted evenly at half the rate the block limits
#                                        # admit: submission to finality of a chain not saturated
#
# Prints a table and a progress line while it runs; writes the JSON report and the node's log
# to $BENCH_OUT (default $CARGO_TARGET_DIR/bench-load), and from the log how long the node took
# to author each workload's blocks and why it stopped filling them.
# sr25519 verifications per second come from `govchain-node benchmark machine` when the
# benchmarking node of scripts/benchmark-weights.sh is built.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

workloads="${1:-a,i,j,b,c,d,e,f,g,h}"
relay_tip="${RELAY_TIP:-0}"
pace_args=()
if [ -n "${PACE:-}" ]; then
	pace_args=(--pace "$PACE")
fi
seconds="${SECONDS_EACH:-120}"
citizens="${CITIZENS:-10000}"
out="${BENCH_OUT:-$CARGO_TARGET_DIR/bench-load}"
mkdir -p "$out"

build_node
load="$CARGO_TARGET_DIR/$GOVCHAIN_PROFILE/govchain-load"

verify_args=()
if [ -x "$GOVCHAIN_BENCH_NODE" ]; then
	# Only the sr25519 figure is wanted: the other hardware checks run as briefly as allowed.
	"$GOVCHAIN_BENCH_NODE" benchmark machine --chain dev --allow-fail --verify-duration 5 \
		--hash-duration 1 --memory-duration 1 --disk-duration 1 2>&1 | tee "$out/machine.txt" >/dev/null
	verify="$(python3 scripts/benchmarks/machine_verify.py "$out/machine.txt")"
	verify_args=(--verify-per-second "$verify")
	echo "sr25519 verifications/s: $verify"
else
	echo "no $GOVCHAIN_BENCH_NODE: build it with scripts/benchmark-weights.sh for the sr25519 figure" >&2
fi

base="$(mktemp -d)"
rpc_port="$(free_port)"
p2p_port="$(free_port)"
node_pid=""
perf_pid_file="$base/perf.pid"
stop() {
	[ -f "$perf_pid_file" ] && kill -INT "$(cat "$perf_pid_file")" 2>/dev/null
	[ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null
	rm -rf "$base"
}
trap stop EXIT

profile="${PROFILE:-}"
if [ -n "$profile" ]; then
	# Names the runtime's compiled wasm functions for perf (/tmp/perf-<pid>.map).
	export WASMTIME_PROFILING_STRATEGY=perfmap
fi
# The development chain as it is, 10-block sessions included: a session change costs its
# measured weight, not the whole block (pallet_validator_set rotates the session).
"$GOVCHAIN_NODE" --dev --base-path "$base" --port "$p2p_port" --rpc-port "$rpc_port" \
	--rpc-methods unsafe --rpc-max-connections 200 --rpc-max-request-size 64 \
	--rpc-max-response-size 256 --rpc-message-buffer-capacity-per-connection 4096 \
	--pool-limit 200000 --pool-kbytes 2000000 --no-prometheus --no-telemetry \
	>"$out/node.log" 2>&1 &
node_pid=$!
wait_for_rpc "$rpc_port" "$node_pid" "$out/node.log"

# The profile starts when the first workload is signed: set-up and the runtime's compilation at
# start-up are not what is measured.
start_profile() {
	perf record -F 499 -p "$node_pid" -o "$out/perf.data" >/dev/null 2>&1 &
	echo $! >"$perf_pid_file"
}
"$load" --url "ws://127.0.0.1:$rpc_port" --citizens "$citizens" --parcels "$citizens" \
	--seconds "$seconds" --workloads "$workloads" --node-pid "$node_pid" --relay-tip "$relay_tip" \
	--json "$out/report.json" "${verify_args[@]}" "${pace_args[@]}" 2>&1 |
	while IFS= read -r line; do
		echo "$line"
		if [ -n "$profile" ] && [ ! -f "$perf_pid_file" ] && [[ "$line" == *": signed "* ]]; then
			start_profile
		fi
	done

if [ -f "$perf_pid_file" ]; then
	kill -INT "$(cat "$perf_pid_file")"
	while kill -0 "$(cat "$perf_pid_file")" 2>/dev/null; do sleep 0.2; done
	perf report -i "$out/perf.data" --no-children --sort comm,dso,symbol --stdio 2>/dev/null |
		grep -v '^#' | grep -v '^$' >"$out/perf-report.txt"
	python3 scripts/benchmarks/profile_summary.py "$out/perf-report.txt" | tee "$out/profile.txt"
	echo "where the node's CPU time went while the workloads ran: $out/profile.txt" \
		"(by symbol: $out/perf-report.txt)"
fi
python3 scripts/benchmarks/authoring_profile.py "$out/node.log" "$out/report.json"
echo "report: $out/report.json, node log: $out/node.log"
