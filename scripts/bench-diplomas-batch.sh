#!/usr/bin/env bash
# Measures how many diplomas per second a university records in batches of BATCH (default
# 1,000) against one diploma per transaction, side by side in one run: signed extrinsics applied
# natively against the real runtime (see runtime/examples/diplomas_batch.rs).
#
#   scripts/bench-diplomas-batch.sh [batch] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

cargo run --locked --release -p govchain-runtime --example diplomas_batch -- "$@"
