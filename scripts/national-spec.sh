#!/usr/bin/env bash
# Generates a national network's chain spec from the operator's JSON file and a released
# runtime wasm, with polkadot-sdk's chain-spec-builder (built into the node: `govchain-node
# chain-spec-builder`), so an operator with the package needs no toolchain and no node build.
# Usage: scripts/national-spec.sh OPERATOR.json OUT_DIR [RUNTIME.wasm]
#   RUNTIME.wasm  the released runtime (default: run from a checkout, the checkout's build;
#                 run from the package, the runtime it was released with,
#                 /usr/share/govchain/runtime/govchain_runtime.compact.compressed.wasm); a
#                 councillor rebuilds it byte for byte (scripts/reproducible-runtime.sh)
# Writes OUT_DIR/<id>.json (readable), OUT_DIR/<id>.raw.json (what nodes run with) and
# OUT_DIR/<id>.raw.json.sha256 (publish it beside the spec: every ministry checks its copy).
# The format of OPERATOR.json and a worked example: chain-specs/README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ -f "$here/env.sh" ]; then
	source "$here/env.sh"
	wasm_default="$CARGO_TARGET_DIR/$GOVCHAIN_PROFILE/wbuild/govchain-runtime/govchain_runtime.compact.compressed.wasm"
	[ -x "$GOVCHAIN_NODE" ] || build_node_bin
fi
node="${GOVCHAIN_NODE:-/usr/bin/govchain-node}"
packaged=/usr/share/govchain/runtime/govchain_runtime.compact.compressed.wasm
[ -f "$packaged" ] && [ -z "${wasm_default:-}" ] && wasm_default="$packaged"

operator_file=${1:?usage: national-spec.sh OPERATOR.json OUT_DIR [RUNTIME.wasm]}
out_dir=${2:?usage: national-spec.sh OPERATOR.json OUT_DIR [RUNTIME.wasm]}
wasm=${3:-${wasm_default:-}}
[ -f "$wasm" ] || { echo "national-spec.sh: no runtime wasm at '$wasm'" >&2; exit 1; }
mkdir -p "$out_dir"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The token's symbol, decimals and address prefix, as the node's own specs carry them.
properties=$("$node" export-chain-spec --chain national-local 2>/dev/null | python3 -c '
import json, sys
print(",".join(f"{k}={v}" for k, v in json.load(sys.stdin)["properties"].items()))')
# The national testnet preset of this runtime carries the national policies (dual control,
# monetary limits); the operator's validators, council and endowments replace its own.
"$node" chain-spec-builder -c "$scratch/base.json" create --runtime "$wasm" \
	--chain-name national --chain-id national -t live --properties "$properties" \
	named-preset national_testnet
id=$(python3 "$here/national_spec.py" "$operator_file" "$scratch/base.json" "$out_dir")
# The raw spec runs the runtime's genesis build: a bad operator file fails here.
"$node" chain-spec-builder -c "$out_dir/$id.raw.json" convert-to-raw "$out_dir/$id.json"
(cd "$out_dir" && sha256sum "$id.raw.json" >"$id.raw.json.sha256")
# The hash a council motion authorizes, as a councillor computes it (coreutils' b2sum).
echo "national-spec.sh: runtime $(basename "$wasm") blake2-256 0x$(b2sum -l 256 "$wasm" | cut -d' ' -f1)"
echo "national-spec.sh: wrote $out_dir/$id.json and $out_dir/$id.raw.json"
echo "national-spec.sh: sha256 $(cut -d' ' -f1 "$out_dir/$id.raw.json.sha256") $id.raw.json (publish beside it)"
