#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test govchain. Idempotent; a few
# seconds when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
# sc-network and litep2p compile protobuf schemas at build time.
command -v protoc >/dev/null 2>&1 || need_apt+=(protobuf-compiler)
# substrate-wasm-builder compiles binaryen (C++).
command -v c++ >/dev/null 2>&1 || need_apt+=(g++)
command -v make >/dev/null 2>&1 || need_apt+=(make)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
# The zombienet tests run @zombienet/cli and @polkadot/api (zombienet/package-lock.json).
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
# The verification page's browser test drives Debian's Chromium (clients/tests/verify-page.test.js).
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# The chaos scenarios (scripts/chaos.sh): network namespaces and a validator's skewed clock.
command -v ip >/dev/null 2>&1 || need_apt+=(iproute2)
command -v faketime >/dev/null 2>&1 || need_apt+=(faketime)
if ((${#need_apt[@]})); then
	echo "setup: installing ${need_apt[*]}"
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

command -v rustup >/dev/null 2>&1 || {
	echo "setup: rustup is missing; install it from your distribution or rustup.rs" >&2
	exit 1
}
# rust-toolchain.toml names the toolchain, its components and the wasm target; rustup installs
# whatever of it is missing when asked for it.
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
installed_targets=$(rustup +"$toolchain" target list --installed 2>/dev/null || true)
if ! grep -qx wasm32v1-none <<<"$installed_targets"; then
	rustup toolchain install "$toolchain" --profile minimal \
		--component rust-src,clippy,rustfmt --target wasm32v1-none
fi
rustup +"$toolchain" component list --installed 2>/dev/null | grep -q '^rust-src' ||
	rustup +"$toolchain" component add rust-src
# The client tests and the verification page's build (Vite) need Node.js 20.19 or later.
node_version=$(node --version | sed 's/^v//')
IFS=. read -r node_major node_minor _ <<<"$node_version"
if [ "$node_major" -lt 20 ] || { [ "$node_major" -eq 20 ] && [ "$node_minor" -lt 19 ]; }; then
	echo "setup: the client and zombienet tests need Node.js 20.19 or later, found v$node_version" >&2
	echo "setup: Debian 12's nodejs is 18; install a current one (e.g. from nodejs.org or NodeSource)" >&2
	exit 1
fi
echo "setup: ok ($(rustc +"$toolchain" --version), Node.js $(node --version))"
