#!/usr/bin/env bash
# Builds and runs a single-validator development chain (Alice validates and is the council).
# RPC: ws://127.0.0.1:9944 (HTTP on the same port). Extra arguments go to the node.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

bash scripts/setup.sh
build_node
exec "$GOVCHAIN_NODE" --dev --tmp "$@"
