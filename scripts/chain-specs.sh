#!/usr/bin/env bash
# Regenerates chain-specs/local.json and chain-specs/local.raw.json from the runtime's
# `local_testnet` preset. A test fails while the committed files differ from these.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

build_node
"$GOVCHAIN_NODE" export-chain-spec --chain local > chain-specs/local.json
"$GOVCHAIN_NODE" export-chain-spec --chain local --raw > chain-specs/local.raw.json
echo "chain-specs.sh: wrote chain-specs/local.json and chain-specs/local.raw.json"
