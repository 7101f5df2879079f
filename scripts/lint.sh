#!/usr/bin/env bash
# Formatting and clippy (the workspace denies panicking constructs in pallets and the runtime:
# unwrap, expect, panic, indexing, unchecked arithmetic).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

cargo fmt --all -- --check
# The wasm is not needed to lint; skipping it keeps clippy from building it twice.
SKIP_WASM_BUILD=1 cargo clippy --locked --release --workspace -- -D warnings
