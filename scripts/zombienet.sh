#!/usr/bin/env bash
# Runs the zombienet tests (zombienet/*.zndsl) against this checkout's govchain-node with the
# native provider: each test spawns the 4-validator network (plus eve) from
# chain-specs/local.raw.json in a temp dir, runs its steps and tears the network down.
#
#   scripts/zombienet.sh                        # every test
#   scripts/zombienet.sh 0002-validator-set     # one test, by file name without .zndsl
#   scripts/zombienet.sh --negative             # the controls that must fail (negative/*.zndsl)
#
# Needs the node and the upgrade wasm built (`scripts/test.sh` builds both first) and Node.js
# with npm (the pinned @zombienet/cli and @polkadot/api are installed from package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

[ -x "$GOVCHAIN_NODE" ] || build_node
export GOVCHAIN_NODE
[ -f "$GOVCHAIN_UPGRADE_WASM" ] || build_node

cd zombienet
npm ci --no-audit --no-fund --loglevel=error
expect=pass
tests=("$@")
if [ "${1:-}" = --negative ]; then
	expect=fail
	tests=($(ls negative/*.zndsl | sed 's/\.zndsl$//'))
elif [ ${#tests[@]} -eq 0 ]; then
	tests=($(ls *.zndsl | sed 's/\.zndsl$//'))
fi

work_dir=$(mktemp -d /tmp/govchain-zombienet.XXXXXX)
trap 'pkill -f -- "--base-path $work_dir" 2>/dev/null || true; rm -rf "$work_dir"' EXIT
start=$(date +%s)
for test in "${tests[@]}"; do
	echo "== zombienet: $test"
	test_start=$(date +%s)
	outcome=pass
	npx zombienet --provider native --logType text --force --dir "$work_dir/${test//\//-}" \
		test "$test.zndsl" || outcome=fail
	echo "== zombienet: $test: $outcome (expected: $expect) in $(($(date +%s) - test_start)) s"
	[ "$outcome" = "$expect" ] || exit 1
done
echo "zombienet.sh: ${#tests[@]} tests as expected ($expect) in $(($(date +%s) - start)) s"
