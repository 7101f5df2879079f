# Sourced by the other scripts: one target directory outside the clone, shared by every build
# (CI, the README commands, zombienet), so dependencies compile once per machine.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/govchain-target}"
# One cargo profile for the node binary and the tests.
export GOVCHAIN_PROFILE=release
export GOVCHAIN_NODE="$CARGO_TARGET_DIR/$GOVCHAIN_PROFILE/govchain-node"
# The runtime with spec_version + 1 that the upgrade tests (zombienet, chaos) enact; built with
# the node (runtime/build.rs).
export GOVCHAIN_UPGRADE_WASM="$CARGO_TARGET_DIR/$GOVCHAIN_PROFILE/wbuild/govchain-runtime/wasm_binary_spec_version_incremented.rs.compact.compressed.wasm"
# The node with the `benchmark` subcommand (`runtime-benchmarks`) has a target directory of its
# own, so the everyday build above keeps its features and is not rebuilt.
export GOVCHAIN_BENCH_TARGET_DIR="${GOVCHAIN_BENCH_TARGET_DIR:-$HOME/.cache/govchain-bench-target}"
export GOVCHAIN_BENCH_NODE="$GOVCHAIN_BENCH_TARGET_DIR/release/govchain-node"

# Builds the node the way the tests build it. `cargo test` unifies the features of the
# dev-dependencies into every crate, so a plain `cargo build -p govchain-node` would compile a
# second, differently-featured copy of half the dependency tree.
build_node() {
	cargo build --locked --release --workspace --all-targets
}

# Builds only the node binary, for running a node (scripts/dev-node.sh, the package). The node's
# smallest test target is named too: that makes cargo unify the dev-dependencies' features as
# `build_node` does, so the two share every compiled crate and neither rebuilds the other's.
# Prints progress every 30 seconds while cargo is quiet (the runtime's wasm alone compiles for
# minutes without a line).
build_node_bin() {
	local started=$SECONDS state
	state=$(mktemp)
	echo "0 starting" >"$state"
	(
		while sleep 30; do
			local count last elapsed=$((SECONDS - started))
			read -r count last <"$state"
			echo "build: $((elapsed / 60)) min $((elapsed % 60)) s, $count crates compiled, last: $last" >&2
			case "$last" in
			govchain-runtime*) echo "build: (the runtime's wasm is compiled with fat LTO inside this step: several minutes on two cores)" >&2 ;;
			esac
		done
	) &
	local ticker=$! status=0 count=0
	set +e
	cargo build --locked --release --workspace --bin govchain-node --test chain_specs 2>&1 |
		while IFS= read -r line; do
			echo "$line" >&2
			if [[ "$line" =~ ^[[:space:]]*Compiling\ (.*)$ ]]; then
				count=$((count + 1))
				echo "$count ${BASH_REMATCH[1]}" >"$state"
			fi
		done
	status=${PIPESTATUS[0]}
	set -e
	kill "$ticker" 2>/dev/null || true
	wait "$ticker" 2>/dev/null || true
	rm -f "$state"
	echo "build: the node built in $((SECONDS - started)) s ($GOVCHAIN_NODE)" >&2
	return "$status"
}

# A TCP port on localhost nobody listens on now.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits until the node with process id $2 answers JSON-RPC on localhost port $1; if it exits
# first, prints the end of its log $3 and fails.
wait_for_rpc() {
	until curl -s -o /dev/null -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"system_health"}' "http://127.0.0.1:$1"; do
		kill -0 "$2" 2>/dev/null || { tail -20 "$3"; return 1; }
		sleep 0.5
	done
}
