#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build govchain and run a node: the pinned Rust
# toolchain (wasm32v1-none, rust-src), protoc, a C++ compiler, make and curl. Nothing of Node.js
# or Chromium: `scripts/setup-tests.sh` adds what the tests need beyond that. Idempotent; a few
# seconds when everything is already there.
# Usage: scripts/setup.sh [--tests]   (--tests: also scripts/setup-tests.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup-lib.sh

need_apt=()
# sc-network and litep2p compile protobuf schemas at build time.
command -v protoc >/dev/null 2>&1 || need_apt+=(protobuf-compiler)
# substrate-wasm-builder compiles binaryen (C++).
command -v c++ >/dev/null 2>&1 || need_apt+=(g++)
command -v make >/dev/null 2>&1 || need_apt+=(make)
# The scripts ask a node whether it is up over JSON-RPC.
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
apt_install "${need_apt[@]}"

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
echo "setup: ok ($(rustc +"$toolchain" --version))"

if [ "${1:-}" = "--tests" ]; then
	bash scripts/setup-tests.sh
fi
