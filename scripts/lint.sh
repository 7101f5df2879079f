#!/usr/bin/env bash
# Formatting, then clippy with the workspace's denies (unwrap, expect, panic, indexing, unchecked
# arithmetic) and `-D warnings` on every crate of the workspace.
#
# Clippy runs as the compiler of the workspace's own crates (.cargo/config.toml →
# scripts/clippy-rustc), so linting is building: this builds everything the tests run (node,
# runtime, test binaries) in their profile, and `cargo test` afterwards compiles nothing again. A
# separate `cargo clippy` would first check all ~1,200 dependencies a second time (about half an
# hour on 2 cores from cold). `cargo clippy` still works as usual for a quick look at one crate.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

cargo fmt --all -- --check
build_node
