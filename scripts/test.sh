#!/usr/bin/env bash
# The test command: every unit, runtime and end-to-end test (the back-office CLI's included), in
# the node's own profile, then the JavaScript client tests (polkadot-api, @polkadot/api, Sidecar,
# docs/rpc.md, the verification page in Chromium), the zombienet multi-node tests and the short
# form of the chaos scenarios.
# Usage: scripts/test.sh [extra cargo test arguments]
# Formatting and clippy (scripts/lint.sh) run first; they build everything the tests run.
#
# After the build, three lanes run side by side, each printing its lines with its name: the
# cargo tests; the client tests; zombienet, then chaos. Most of the last two lanes is waiting
# for 6-second blocks, so on two cores they fit beside the cargo tests; every test starts its
# own nodes on free ports (chaos: in network namespaces of its own), so the lanes share
# nothing. The command fails if any lane fails, after all have finished.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

bash scripts/setup.sh --tests
# Formatting and clippy with the workspace's denies, before any test.
start=$(date +%s)
bash scripts/lint.sh
echo "test.sh: lint took $(($(date +%s) - start)) s"
# The operator kit's monitoring: Prometheus configuration, alert rules and their promtool
# tests, the Grafana dashboard's metric names (seconds).
bash ops/monitoring/check.sh

cargo_tests() {
	# The end-to-end tests start `govchain-node` (built by lint.sh, in the same profile) themselves.
	local status=0
	cargo test --locked --release --workspace --no-fail-fast "$@" || status=1
	# Every benchmark runs once against its pallet's mock, so benchmarks cannot rot between
	# weight regenerations. Only the pallets build with the feature; the node and runtime do not.
	cargo test --locked --release --no-fail-fast --features runtime-benchmarks \
		-p pallet-governance -p pallet-identity-registry -p pallet-land-titles -p pallet-diplomas \
		-p pallet-cbdc-reserve -p pallet-e-voting -p pallet-validator-set "$@" || status=1
	return "$status"
}

networks() {
	# Multi-node tests on the node and upgrade wasm the build made, then the chaos scenarios'
	# short form: a 2|2 partition healed, and a validator whose disk fills; then the upgrade
	# check's short form: this build's migrations, state decoding and every pallet's try_state
	# on a populated development chain's state.
	bash scripts/zombienet.sh && bash scripts/chaos.sh --quick partition disk &&
		bash scripts/try-runtime.sh --quick
}

# Runs "$@" as lane $1, its output prefixed with the lane's name; records its status.
lane() {
	local name="$1"
	shift
	local started=$(date +%s)
	set +e
	"$@" 2>&1 | sed -u "s/^/[$name] /"
	local status=${PIPESTATUS[0]}
	set -e
	echo "[$name] test.sh: lane $name took $(($(date +%s) - started)) s, exit $status"
	echo "$status" >"$lanes/$name"
}

lanes=$(mktemp -d)
# Ctrl-C or a cancel stops every lane (each cleans up its own nodes), then removes the records.
trap 'trap - INT TERM; kill 0 2>/dev/null; wait' INT TERM
trap 'rm -rf "$lanes"' EXIT
start=$(date +%s)
lane cargo cargo_tests "$@" &
lane clients bash scripts/clients.sh &
lane networks networks &
wait
failed=()
for name in cargo clients networks; do
	[ "$(cat "$lanes/$name" 2>/dev/null || echo 1)" = 0 ] || failed+=("$name")
done
echo "test.sh: tests took $(($(date +%s) - start)) s (target dir $CARGO_TARGET_DIR)"
if ((${#failed[@]})); then
	echo "test.sh: FAILED lanes: ${failed[*]}"
	exit 1
fi
echo "test.sh: every lane passed"
