#!/usr/bin/env bash
# Regenerates every weight the runtime charges, measured on this machine with the node's
# `benchmark` commands against the real runtime (wasm, compiled execution):
#   - govchain's pallets          → pallets/<folder>/src/weights.rs
#   - the polkadot-sdk pallets    → runtime/src/weights/<pallet>.rs
#   - `benchmark overhead`        → runtime/src/weights/{block,extrinsic}_weights.rs
#                                   (BlockExecutionWeight, ExtrinsicBaseWeight)
#   - `benchmark storage` on ParityDb → runtime/src/weights/paritydb_weights.rs (DbWeight), on a
#                                   dev chain holding the load tool's government
#
#   scripts/benchmark-weights.sh                     # everything
#   scripts/benchmark-weights.sh identity sdk        # pallets/identity and the sdk pallets
#   scripts/benchmark-weights.sh overhead storage    # the block, extrinsic and database weights
#
# The node with the `benchmark` subcommand is built with the `runtime-benchmarks` feature into a
# target directory of its own ($GOVCHAIN_BENCH_TARGET_DIR, default ~/.cache/govchain-bench-target),
# so the everyday build in $CARGO_TARGET_DIR keeps its features and is not rebuilt.
# Steps and repeats of the pallet benchmarks: STEPS (default 50) and REPEAT (default 20).
# Run it on an otherwise idle machine: every figure is a time.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# The node checks a batch of ballots' parts on several threads (govchain_ballot::host); weights
# are measured on one, so that the block's weight never counts on a free core.
export GOVCHAIN_BALLOT_THREADS=1

steps="${STEPS:-50}"
repeat="${REPEAT:-20}"

CARGO_TARGET_DIR="$GOVCHAIN_BENCH_TARGET_DIR" cargo build --locked --release -p govchain-node \
	--features runtime-benchmarks
node="$GOVCHAIN_BENCH_NODE"
runtime="$GOVCHAIN_BENCH_TARGET_DIR/release/wbuild/govchain-runtime/govchain_runtime.compact.compressed.wasm"
weights=runtime/src/weights

# folder under pallets/ → the pallet's name in the runtime's benchmark list
declare -A ours=(
	[governance]=pallet_governance
	[identity]=pallet_identity_registry
	[cbdc-reserve]=pallet_cbdc_reserve
	[diplomas]=pallet_diplomas
	[e-voting]=pallet_e_voting
	[land-titles]=pallet_land_titles
	[validator-set]=pallet_validator_set
)
# The polkadot-sdk pallets with calls and benchmarks that fit this runtime (pallet_session's need
# pallet_staking, pallet_grandpa's do not match its WeightInfo: both keep the sdk's weights).
sdk=(
	frame_system
	frame_system_extensions
	pallet_balances
	pallet_timestamp
	pallet_transaction_payment
	pallet_collective
	pallet_scheduler
	pallet_preimage
	pallet_safe_mode
	pallet_utility
	pallet_multisig
)

selected=("$@")
if [ ${#selected[@]} -eq 0 ]; then
	selected=("${!ours[@]}" sdk overhead storage)
fi

benchmark_pallet() {
	local pallet="$1" output="$2"
	shift 2
	echo "== $pallet → $output"
	"$node" benchmark pallet \
		--runtime "$runtime" \
		--genesis-builder=runtime \
		--genesis-builder-preset=development \
		--pallet "$pallet" \
		--extrinsic '*' \
		--wasm-execution=compiled \
		--steps "$steps" \
		--repeat "$repeat" \
		--heap-pages 4096 \
		--output "$output" \
		"$@"
}

for what in "${selected[@]}"; do
	case "$what" in
	sdk)
		for pallet in "${sdk[@]}"; do
			benchmark_pallet "$pallet" "$weights/$pallet.rs"
		done
		;;
	overhead)
		echo "== benchmark overhead → $weights/{block,extrinsic}_weights.rs"
		"$node" benchmark overhead --chain dev --weight-path "$weights" --warmup 10 --repeat 100
		;;
	storage)
		# On a state like a working chain's, not the genesis one (64 keys, dominated by the
		# runtime's code): a dev chain with the load tool's government (10,000 citizens with
		# tokens and CBDC, 10,000 parcels, polls; ~100,000 keys).
		echo "== benchmark storage (ParityDb) → $weights/paritydb_weights.rs"
		build_node
		base="$(mktemp -d)"
		port="$(free_port)"
		"$node" --dev --base-path "$base" --rpc-port "$port" --port 0 --no-prometheus \
			--no-telemetry >"$base.log" 2>&1 &
		dev_pid=$!
		trap 'kill $dev_pid 2>/dev/null; rm -rf "$base" "$base.log"' EXIT
		wait_for_rpc "$port" "$dev_pid" "$base.log"
		"$CARGO_TARGET_DIR/$GOVCHAIN_PROFILE/govchain-load" --url "ws://127.0.0.1:$port" \
			--citizens 10000 --parcels 10000 --setup-only
		kill "$dev_pid"
		wait "$dev_pid" || true
		"$node" benchmark storage --chain dev --base-path "$base" --database paritydb \
			--state-version 1 --batch-size 1000 --weight-path "$weights"
		rm -rf "$base" "$base.log"
		trap - EXIT
		;;
	*)
		pallet="${ours[$what]:?unknown: $what (a folder under pallets/, sdk, overhead or storage)}"
		excluded=()
		if [ "$what" = e-voting ]; then
			# The e-voting pallet's measurements of ballot formats are no call's weight: they
			# are run by scripts/bench-ballot-verify.sh.
			excluded=(--exclude-extrinsics "$pallet::verify_earlier_format_ballot,$pallet::verify_batchable,$pallet::verify_batchable_batch,$pallet::verify_one_of_k,$pallet::verify_one_of_k_batch")
		fi
		benchmark_pallet "$pallet" "pallets/$what/src/weights.rs" \
			--template scripts/benchmarks/pallet-weights.hbs "${excluded[@]}"
		;;
	esac
done
