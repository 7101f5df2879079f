#!/usr/bin/env bash
# The test command: every unit, runtime and end-to-end test (the back-office CLI's included), in
# the node's own profile, then the JavaScript client tests (polkadot-api, @polkadot/api, Sidecar,
# docs/rpc.md, the verification page in Chromium) and the zombienet multi-node tests.
# Usage: scripts/test.sh [extra cargo test arguments]
# Formatting and clippy (scripts/lint.sh) run first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

bash scripts/setup.sh
# Formatting and clippy with the workspace's denies, before any test.
start=$(date +%s)
bash scripts/lint.sh
echo "test.sh: lint took $(($(date +%s) - start)) s"
start=$(date +%s)
# The end-to-end tests start `govchain-node` (built here, in the same profile) themselves.
cargo test --locked --release --workspace --no-fail-fast "$@"
# Every benchmark runs once against its pallet's mock, so benchmarks cannot rot between weight
# regenerations. Only the pallets build with the feature; the node and runtime do not.
cargo test --locked --release --no-fail-fast --features runtime-benchmarks \
	-p pallet-governance -p pallet-identity-registry -p pallet-land-titles -p pallet-diplomas -p pallet-cbdc-reserve -p pallet-e-voting -p pallet-validator-set "$@"
echo "test.sh: cargo test took $(($(date +%s) - start)) s (target dir $CARGO_TARGET_DIR)"
# Off-the-shelf clients against the node the cargo tests built.
bash scripts/clients.sh
# Multi-node tests on the node and upgrade wasm the cargo tests built.
bash scripts/zombienet.sh
