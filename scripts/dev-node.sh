#!/usr/bin/env bash
# Builds and runs a single-validator development chain (Alice validates and is the council).
# RPC: ws://127.0.0.1:9944 (HTTP on the same port). Extra arguments go to the node.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# Only the build toolchain: a dev node needs neither Node.js nor Chromium (the tests do).
bash scripts/setup.sh
# Only the node binary (not the tests', tools' and clients' targets), with the features the tests
# build it with, so a later scripts/test.sh reuses it.
build_node_bin
exec "$GOVCHAIN_NODE" --dev --tmp "$@"
