#!/usr/bin/env bash
# Measures what checking an encrypted ballot costs, per ballot format, natively and in wasm,
# side by side with workload (a)'s call (`balances.transfer_keep_alive`) in the same wasm run:
#   - native: pallets/e-voting/ballot/examples/verify_cost.rs (µs per 4-option ballot: the
#     per-option format stored today, one ciphertext with a 1-of-k proof checked alone and in
#     batches of 1, 10, 100 and 1,000) — what a node host function would spend; and
#     pallets/e-voting/ballot/examples/count_cost.rs: what the node's `ballot_host::count_ballots`
#     spends on a batch of 64 (first votes, re-votes), part by part;
#   - wasm: the e-voting pallet's measurement benchmarks (verify_earlier_format_ballot(o),
#     verify_one_of_k(o), verify_one_of_k_batch(n)) run by the node's `benchmark pallet` against
#     the real runtime (compiled execution), as the weights are.
# With DALEK_BITS=64 the wasm runtime is also built with curve25519-dalek's 64-bit field
# arithmetic (`--cfg curve25519_dalek_bits="64"`; wasm32 defaults to 32-bit) and measured again.
#
#   scripts/bench-ballot-verify.sh            # STEPS (default 20), REPEAT (default 10)
# Run it on an otherwise idle machine: every figure is a time.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

steps="${STEPS:-20}"
repeat="${REPEAT:-10}"

echo "== native"
cargo run --locked --release -p govchain-ballot --example verify_cost -- 4 5
echo "== native, counting a batch of 64 as the node does for the runtime"
cargo run --locked --release -p govchain-ballot --example count_cost -- 4 64 7

measure_wasm() {
	local runtime="$1" label="$2" out
	out="$(mktemp -d)"
	echo "== wasm ($label)"
	for what in "pallet_e_voting verify_earlier_format_ballot,verify_batchable,verify_batchable_batch,verify_one_of_k,verify_one_of_k_batch" \
		"pallet_balances transfer_keep_alive"; do
		set -- $what
		"$GOVCHAIN_BENCH_NODE" benchmark pallet --runtime "$runtime" \
			--genesis-builder=runtime --genesis-builder-preset=development \
			--pallet "$1" --extrinsic "$2" --wasm-execution=compiled \
			--steps "$steps" --repeat "$repeat" --heap-pages 4096 \
			--output "$out/$1.rs" >"$out/$1.log" 2>&1 ||
			{ cat "$out/$1.log"; exit 1; }
		# The CLI's own summary: each benchmark's median-slopes model of its time, in µs.
		awk '/^Pallet:/ { print } /^Median Slopes Analysis/ { on = 1; next }
			on && /Time ~=|^ +\+ |µs/ { print } on && /µs/ { on = 0 }' "$out/$1.log"
	done
	rm -rf "$out"
}

CARGO_TARGET_DIR="$GOVCHAIN_BENCH_TARGET_DIR" cargo build --locked --release -p govchain-node \
	--features runtime-benchmarks
wasm="$GOVCHAIN_BENCH_TARGET_DIR/release/wbuild/govchain-runtime/govchain_runtime.compact.compressed.wasm"
measure_wasm "$wasm" "curve25519-dalek's default for wasm32: 32-bit field arithmetic"

if [ "${DALEK_BITS:-}" = 64 ]; then
	variant="$(mktemp --suffix=.wasm)"
	WASM_BUILD_RUSTFLAGS='--cfg curve25519_dalek_bits="64"' CARGO_TARGET_DIR="$GOVCHAIN_BENCH_TARGET_DIR" \
		cargo build --locked --release -p govchain-runtime --features runtime-benchmarks
	cp "$wasm" "$variant"
	measure_wasm "$variant" "curve25519-dalek with 64-bit field arithmetic"
	rm -f "$variant"
	# Back to the runtime every other script measures.
	CARGO_TARGET_DIR="$GOVCHAIN_BENCH_TARGET_DIR" cargo build --locked --release -p govchain-runtime \
		--features runtime-benchmarks
fi
