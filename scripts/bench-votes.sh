#!/usr/bin/env bash
# Measures votes per second (public votes, 4-option encrypted ballots) next to
# `balances.transfer_keep_alive`, side by side in one run: signed extrinsics applied natively
# against the real runtime (see runtime/examples/voting_load.rs).
#
#   scripts/bench-votes.sh [voters] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

cargo run --locked --release -p govchain-runtime --example voting_load -- "$@"
