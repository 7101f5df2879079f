#!/usr/bin/env bash
# Regenerates the `weights.rs` of govchain's pallets from benchmarks of the real runtime (wasm,
# compiled execution), measured on this machine.
#
#   scripts/benchmark-weights.sh                 # every govchain pallet
#   scripts/benchmark-weights.sh identity        # only pallets/identity
#
# The node with the `benchmark` subcommand is built with the `runtime-benchmarks` feature into a
# target directory of its own ($GOVCHAIN_BENCH_TARGET_DIR, default ~/.cache/govchain-bench-target),
# so the everyday build in $CARGO_TARGET_DIR keeps its features and is not rebuilt.
# Steps and repeats: STEPS (default 50) and REPEAT (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

bench_target="${GOVCHAIN_BENCH_TARGET_DIR:-$HOME/.cache/govchain-bench-target}"
steps="${STEPS:-50}"
repeat="${REPEAT:-20}"

CARGO_TARGET_DIR="$bench_target" cargo build --locked --release -p govchain-node \
	--features runtime-benchmarks
node="$bench_target/release/govchain-node"
runtime="$bench_target/release/wbuild/govchain-runtime/govchain_runtime.compact.compressed.wasm"

# folder under pallets/ → the pallet's name in the runtime's benchmark list
declare -A pallets=(
	[governance]=pallet_governance
	[identity]=pallet_identity_registry
	[cbdc-reserve]=pallet_cbdc_reserve
	[diplomas]=pallet_diplomas
	[e-voting]=pallet_e_voting
	[land-titles]=pallet_land_titles
	[validator-set]=pallet_validator_set
)
selected=("$@")
if [ ${#selected[@]} -eq 0 ]; then
	selected=("${!pallets[@]}")
fi

for folder in "${selected[@]}"; do
	pallet="${pallets[$folder]:?unknown pallet folder: $folder}"
	echo "== $pallet → pallets/$folder/src/weights.rs"
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
		--template scripts/benchmarks/pallet-weights.hbs \
		--output "pallets/$folder/src/weights.rs"
done
