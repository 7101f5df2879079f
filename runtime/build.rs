#![allow(clippy::expect_used)] // A build script reports a broken environment by failing.

//! Builds the runtime wasm twice: the runtime itself, and the same runtime with
//! `spec_version + 1` that the runtime-upgrade test applies.
//!
//! The runtime carries the hash of its own metadata (RFC 78), which `CheckMetadataHash` adds to
//! what a signer signs when it asks to; computing it compiles the runtime a second time. The
//! upgrade test's runtime skips that: it is never deployed, and transactions that do not ask for
//! the check are valid without the hash.
//!
//! The wasm must be the same whichever directory the repository was cloned into: chain specs
//! embed it, and a test compares them with the committed ones. Cargo derives symbol hashes from
//! the absolute paths of path dependencies outside the wasm workspace, and panic messages embed
//! source paths. So the wasm is built from a fixed alias of the checkout inside the target
//! directory (`<target>/govchain-src`, a symlink), and that alias and the cargo home are mapped to
//! fixed names in the binary, and the wasm is built in the builder's `production` profile (see
//! below).

#[cfg(feature = "std")]
#[allow(dead_code)] // The address prefix reaches the hash through the metadata (`SS58Prefix`).
#[path = "src/token.rs"]
mod token;

#[cfg(feature = "std")]
fn main() {
    use std::{env, fs, path::PathBuf};

    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let workspace = manifest_dir
        .parent()
        .expect("the runtime lives in the workspace")
        .to_owned();
    // OUT_DIR is <target>/<profile>/build/<crate>-<hash>/out.
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("set by cargo"));
    let target_dir = out_dir
        .ancestors()
        .nth(4)
        .expect("OUT_DIR lies in the target directory");

    let alias = target_dir.join("govchain-src");
    if fs::read_link(&alias).ok().as_ref() != Some(&workspace) {
        let staging = target_dir.join(format!("govchain-src.{}", std::process::id()));
        let _ = fs::remove_file(&staging);
        std::os::unix::fs::symlink(&workspace, &staging).expect("the target dir is writable");
        fs::rename(&staging, &alias).expect("the alias can be replaced");
    }
    // The wasm builder finds the workspace's Cargo.lock through this hint, so the wasm uses the
    // locked dependency versions.
    env::set_var("WASM_BUILD_WORKSPACE_HINT", &alias);
    // The builder's `release` profile links with thin LTO over 16 codegen units, and the order of
    // functions in the wasm then depends on what the target directory held before the build (a
    // rebuild of the workspace crates over existing dependencies and a build from scratch gave two
    // different byte strings). `production` is fat LTO in one codegen unit, whose module order
    // rustc fixes: the same sources give the same wasm whatever was built before.
    env::set_var("WASM_BUILD_TYPE", "production");

    let cargo_home = env::var("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|_| env::var("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .expect("CARGO_HOME or HOME is set");
    let remap = format!(
        "--remap-path-prefix={}=/govchain --remap-path-prefix={}=/cargo",
        alias.display(),
        cargo_home.display()
    );
    let project = alias.join("runtime").join("Cargo.toml");

    let builder = || {
        substrate_wasm_builder::WasmBuilder::new()
            .with_project(project.clone())
            .expect("the runtime's Cargo.toml exists")
            .import_memory()
            .export_heap_base()
            .append_to_rust_flags(remap.clone())
    };
    builder()
        .enable_metadata_hash(token::TOKEN_SYMBOL, token::TOKEN_DECIMALS)
        .build();
    builder()
        .enable_feature("increment-spec-version")
        .set_file_name("wasm_binary_spec_version_incremented.rs")
        .build();
}

#[cfg(not(feature = "std"))]
fn main() {}
