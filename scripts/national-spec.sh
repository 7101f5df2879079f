#!/usr/bin/env bash
# Generates a national network's chain spec from the operator's JSON file.
# Usage: scripts/national-spec.sh OPERATOR.json OUT_DIR
# Writes OUT_DIR/<id>.json (readable) and OUT_DIR/<id>.raw.json (what nodes run with).
# The format of OPERATOR.json and a worked example: chain-specs/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

operator_file=${1:?usage: scripts/national-spec.sh OPERATOR.json OUT_DIR}
out_dir=${2:?usage: scripts/national-spec.sh OPERATOR.json OUT_DIR}
mkdir -p "$out_dir"
[ -x "$GOVCHAIN_NODE" ] || build_node

base=$(mktemp)
trap 'rm -f "$base"' EXIT
# The national testnet spec carries the current runtime code and the national policies (dual
# control, monetary limits); the operator's validators, council and endowments replace its own.
"$GOVCHAIN_NODE" export-chain-spec --chain national-local > "$base"

id=$(python3 scripts/national_spec.py "$operator_file" "$base" "$out_dir")
# Building the raw spec runs the runtime's genesis build: a bad operator file fails here.
"$GOVCHAIN_NODE" export-chain-spec --chain "$out_dir/$id.json" --raw > "$out_dir/$id.raw.json"
echo "national-spec.sh: wrote $out_dir/$id.json and $out_dir/$id.raw.json"
