#!/usr/bin/env bash
# Measures whether land-title registration and transfer slow down as the registry fills: the
# cost per call with 1,000 parcels in storage against the cost with PARCELS (default 1,000,000),
# side by side in one run (see runtime/examples/land_titles_scale.rs). The target: ratio ≤ 1.2.
#
#   scripts/bench-land-titles-scale.sh [parcels] [rounds]
#
# Filling a million parcels takes a few minutes and a few GiB of memory.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

cargo run --locked --release -p govchain-runtime --example land_titles_scale -- "$@"
