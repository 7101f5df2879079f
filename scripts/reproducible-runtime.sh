#!/usr/bin/env bash
# Rebuilds the runtime wasm as a councillor would before voting for an upgrade, and checks it is
# byte-identical to another build: two clones of the same commit, in directories of different
# names and depths, each built with a new target directory of its own (nothing shared with the
# developer's). The runtime's build script builds the wasm from a copy of the sources at one
# fixed path and maps every machine-specific path away (runtime/build.rs), so only the source,
# Cargo.lock and the pinned toolchain (rust-toolchain.toml) decide its bytes.
# Usage: scripts/reproducible-runtime.sh [--one] [REF]
#   REF    the commit or tag to build (default HEAD)
#   --one  build one clone only and compare it with this checkout's own build (the tree must be
#          clean at REF and built: scripts/lint.sh), for a machine that cannot spare two builds
# Prints both wasm files' blake2-256 (the hash a council motion authorizes) and sha256; fails if
# they differ. Each cold build takes about 20 minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

one=0 ref=HEAD
for arg in "$@"; do
	case "$arg" in
	--one) one=1 ;;
	*) ref="$arg" ;;
	esac
done
commit=$(git rev-parse --verify "$ref^{commit}")
wasm_in() { echo "$1/release/wbuild/govchain-runtime/govchain_runtime.compact.compressed.wasm"; }
# The hash a council motion authorizes (coreutils' b2sum, as docs/operations.md has councillors run it).
blake2() { echo "0x$(b2sum -l 256 "$1" | cut -d' ' -f1)"; }

work=$(mktemp -d /var/tmp/govchain-repro.XXXXXX)
trap 'rm -rf "$work"' EXIT

# build NAME CLONE_DIR TARGET_DIR: a fresh clone of the commit, built with a fresh target dir.
build() {
	local name="$1" clone="$2" target="$3" started=$SECONDS
	git clone --quiet --no-local "$(pwd)" "$clone"
	git -C "$clone" checkout --quiet "$commit"
	echo "reproducible-runtime: build $name: $clone, target $target"
	# `check` runs the runtime's build script (which builds the wasm) without linking the native
	# runtime: the wasm is all that is compared.
	(cd "$clone" && CARGO_TARGET_DIR="$target" cargo check --locked --release -p govchain-runtime \
		>"$work/$name.log" 2>&1) || { tail -30 "$work/$name.log"; exit 1; }
	echo "reproducible-runtime: build $name took $((SECONDS - started)) s"
}

if [ "$one" = 1 ]; then
	[ "$(git rev-parse HEAD)" = "$commit" ] && [ -z "$(git status --porcelain -uno)" ] ||
		{ echo "reproducible-runtime: --one needs this checkout clean at $ref" >&2; exit 1; }
	first=$(wasm_in "$CARGO_TARGET_DIR")
	[ -f "$first" ] || { echo "reproducible-runtime: no build in $CARGO_TARGET_DIR (scripts/lint.sh)" >&2; exit 1; }
	first_label="this checkout ($(pwd), target $CARGO_TARGET_DIR)"
else
	build A "$work/a/govchain" "$work/target-a"
	first=$(wasm_in "$work/target-a")
	first_label="clone A ($work/a/govchain)"
fi
build B "$work/b/another/deeper/place/gc" "$work/tgt-b"
second=$(wasm_in "$work/tgt-b")

echo "commit $commit"
printf '%-60s %s  sha256 %s  %s bytes\n' "$first_label" "$(blake2 "$first")" "$(sha256sum "$first" | cut -c1-16)" "$(stat -c %s "$first")"
printf '%-60s %s  sha256 %s  %s bytes\n' "clone B ($work/b/another/deeper/place/gc)" "$(blake2 "$second")" "$(sha256sum "$second" | cut -c1-16)" "$(stat -c %s "$second")"
if cmp -s "$first" "$second"; then
	echo "reproducible-runtime: identical"
else
	echo "reproducible-runtime: DIFFERENT (first differing byte: $(cmp "$first" "$second" | head -1))" >&2
	exit 1
fi
