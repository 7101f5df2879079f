#!/usr/bin/env bash
# The block budget, measured (scripts/benchmarks/block_budget.py): the 4-validator local network
# on loopback under full load from `govchain-load`, how long each full block took to author and
# to import, against the 6 s slot. Nodes on temp dirs and free ports, always stopped.
#
#   scripts/bench-block-budget.sh                          # workloads a,b, 60 s each, 4,000 citizens
#   SECONDS_EACH=120 CITIZENS=10000 scripts/bench-block-budget.sh a,b,c
#
# Writes budget.json, the load report and the four node logs to $BENCH_OUT (default
# $CARGO_TARGET_DIR/bench-block-budget). Every node runs on this machine's cores: on validators
# with cores of their own the same blocks import faster (docs/performance.md, "Block budget").
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

build_node
export GOVCHAIN_LOAD="$CARGO_TARGET_DIR/$GOVCHAIN_PROFILE/govchain-load"
python3 scripts/benchmarks/block_budget.py --workloads "${1:-a,b}" \
	--seconds "${SECONDS_EACH:-60}" --citizens "${CITIZENS:-4000}" \
	--out "${BENCH_OUT:-$CARGO_TARGET_DIR/bench-block-budget}"
