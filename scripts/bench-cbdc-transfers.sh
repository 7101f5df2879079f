#!/usr/bin/env bash
# Measures CBDC citizen-to-citizen transfers per second next to `balances.transfer_keep_alive`,
# side by side in one run: signed extrinsics applied natively against the real runtime (see
# runtime/examples/cbdc_transfers.rs).
#
#   scripts/bench-cbdc-transfers.sh [senders] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

cargo run --locked --release -p govchain-runtime --example cbdc_transfers -- "$@"
