#!/usr/bin/env bash
# Builds the Debian package of the node (node/Cargo.toml's [package.metadata.deb]) from the
# release build, without compiling anything when the node is built already, and checks it:
# `systemd-analyze verify` on the units (ops/systemd/), then the package's control data and
# contents. Prints the .deb's path last. Output: $CARGO_TARGET_DIR/debian/.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

CARGO_DEB_VERSION=3.8.0
if ! cargo deb --version 2>/dev/null | grep -q "$CARGO_DEB_VERSION"; then
	cargo install cargo-deb --locked --version "$CARGO_DEB_VERSION"
fi

# The node and runtime of this checkout (nothing is compiled when they are up to date), never a
# wasm built with GOVCHAIN_WASM_TRY_RUNTIME=1 (its TryRuntime API must not reach a public node).
unset GOVCHAIN_WASM_TRY_RUNTIME
build_node_bin
# The binary names the commit it was built from: it must be this checkout's.
head=$(git rev-parse --short=11 HEAD)
case "$("$GOVCHAIN_NODE" --version)" in
*"-$head"*) ;;
*) echo "package-deb.sh: $GOVCHAIN_NODE is not built from HEAD ($head): $("$GOVCHAIN_NODE" --version)" >&2; exit 1 ;;
esac

out_dir="$CARGO_TARGET_DIR/debian"
mkdir -p "$out_dir"
# --no-build: package the binary that is there ($GOVCHAIN_NODE, found through the asset path
# target/release/govchain-node); --locked: cargo metadata must not touch Cargo.lock.
deb=$(cargo deb -p govchain-node --no-build --locked -o "$out_dir/" | tail -n 1)
[ -f "$deb" ] || { echo "package-deb.sh: cargo deb printed no .deb path: $deb" >&2; exit 1; }

# systemd-analyze verify checks ExecStart's binary, so it runs on copies of the units whose
# /usr/bin/govchain-node is the node just packaged. Besides our units it loads the system's
# (their dependencies, e.g. network-online.target): what it says about those is dropped, and
# anything naming one of our units fails the script.
echo "== systemd-analyze verify ops/systemd/*.service"
verify_dir=$(mktemp -d)
trap 'rm -rf "$verify_dir"' EXIT
for unit in ops/systemd/*.service; do
	sed "s|/usr/bin/govchain-node|$GOVCHAIN_NODE|" "$unit" >"$verify_dir/$(basename "$unit")"
done
verify_out=$(cd "$verify_dir" && systemd-analyze verify --man=no ./*.service 2>&1) || {
	echo "$verify_out" >&2
	echo "package-deb.sh: systemd-analyze verify failed" >&2
	exit 1
}
ours=$(grep -E 'govchain-(validator|rpc)' <<<"$verify_out" || true)
if [ -n "$ours" ]; then
	echo "$ours" >&2
	echo "package-deb.sh: systemd-analyze verify reported on our units" >&2
	exit 1
fi
others=$(grep -c . <<<"$verify_out" || true)
echo "our units: nothing reported (${others} line(s) about other units of this system dropped)"

echo "== packaged binary: $("$GOVCHAIN_NODE" --version)"
echo "== dpkg-deb --info"
dpkg-deb --info "$deb"
echo "== dpkg-deb --contents"
dpkg-deb --contents "$deb"
echo "$deb"
