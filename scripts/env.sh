# Sourced by the other scripts: one target directory outside the clone, shared by every build
# (CI, the README commands, zombienet), so dependencies compile once per machine.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/govchain-target}"
# One cargo profile for the node binary and the tests.
export GOVCHAIN_PROFILE=release
export GOVCHAIN_NODE="$CARGO_TARGET_DIR/$GOVCHAIN_PROFILE/govchain-node"

# Builds the node the way the tests build it. `cargo test` unifies the features of the
# dev-dependencies into every crate, so a plain `cargo build -p govchain-node` would compile a
# second, differently-featured copy of half the dependency tree.
build_node() {
	cargo build --locked --release --workspace --all-targets
}
