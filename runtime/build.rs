#![allow(clippy::expect_used)] // A build script reports a broken environment by failing.

//! Builds the runtime wasm twice: the runtime itself, and the same runtime with
//! `spec_version + 1` that the runtime-upgrade test applies.
//!
//! The runtime carries the hash of its own metadata (RFC 78), which `CheckMetadataHash` adds to
//! what a signer signs when it asks to; computing it compiles the runtime a second time. The
//! upgrade test's runtime skips that: it is never deployed, and transactions that do not ask for
//! the check are valid without the hash.
//!
//! The wasm must be the same whichever directory the repository was cloned into and whichever
//! target directory it is built in: chain specs embed it, a test compares them with the
//! committed ones, and a councillor rebuilds a proposed upgrade byte for byte before voting
//! (`scripts/reproducible-runtime.sh` builds it from two clones with two target directories).
//! Cargo derives symbol hashes from the absolute paths of path dependencies outside the wasm
//! workspace, panic messages embed source paths, and rustc sees its working directory as the
//! operating system resolves it (through any symlink): a build from an alias of the checkout
//! still gave another function order from another clone. So the wasm is built from a copy of the
//! workspace's crates at one fixed path on every machine, [`STAGE`] (kept in step with the
//! checkout file by file: a changed file is copied with its modification time, a file with the
//! same bytes is left alone, so unchanged files rebuild nothing, even from a fresh clone), and
//! that copy, the wasm build's directory and the cargo home are mapped to fixed names in the
//! binary. Builds from several checkouts or target directories on one machine take turns: each
//! holds a lock on the copy from staging to the end of its wasm build.
//!
//! The wasm is built in the builder's `production` profile, as runtimes are released: fat LTO in
//! one codegen unit (smaller and faster than the `release` profile's thin LTO).

#[cfg(feature = "std")]
#[allow(dead_code)] // The address prefix reaches the hash through the metadata (`SS58Prefix`).
#[path = "src/token.rs"]
mod token;

#[cfg(feature = "std")]
fn main() {
    use std::{env, path::PathBuf};

    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let workspace = manifest_dir
        .parent()
        .expect("the runtime lives in the workspace")
        .to_owned();
    // OUT_DIR is <target>/<profile>/build/<crate>-<hash>/out.
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("set by cargo"));
    let alias = PathBuf::from(STAGE);
    let lock_path = PathBuf::from(format!("{STAGE}.lock"));
    let lock = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .expect(
            "the wasm is built from a copy of the sources at /tmp/govchain-runtime-src, the \
             same path on every machine: this user must be able to write there",
        );
    // Held until the wasm builds below are done (released when `main` returns).
    lock.lock().expect("the staging lock can be taken");
    stage_workspace(&workspace, &alias);
    // The wasm builder finds the workspace's Cargo.lock through this hint, so the wasm uses the
    // locked dependency versions.
    env::set_var("WASM_BUILD_WORKSPACE_HINT", &alias);
    env::set_var("WASM_BUILD_TYPE", "production");
    // Nothing of the checkout's own path reaches the wasm build: cargo runs it from the staged
    // copy (so the copy's cargo configuration, none, applies), with the copy's manifest paths
    // and without the workspace's rustc wrapper (which compiles wasm with plain rustc anyway).
    env::set_current_dir(&alias).expect("the staged copy is a directory");
    env::set_var("PWD", &alias);
    env::set_var("CARGO_MANIFEST_DIR", alias.join("runtime"));
    env::set_var(
        "CARGO_MANIFEST_PATH",
        alias.join("runtime").join("Cargo.toml"),
    );
    env::remove_var("RUSTC_WORKSPACE_WRAPPER");
    // The wasm builder gives the wasm every feature the native runtime has. The runtime's own
    // tests turn `try-runtime` on (to check every pallet's `try_state`); the wasm the node runs
    // never carries it: its `TryRuntime_*` API would let any caller of a public node's
    // `state_call` re-execute blocks. `GOVCHAIN_WASM_TRY_RUNTIME=1` builds a wasm with it, for
    // checking migrations against a snapshot.
    println!("cargo:rerun-if-env-changed=GOVCHAIN_WASM_TRY_RUNTIME");
    if env::var("GOVCHAIN_WASM_TRY_RUNTIME").as_deref() != Ok("1") {
        // The feature, and the optional dependency it turns on (an extra dependency alone
        // changes every symbol hash of the runtime crate, so the wasm's bytes).
        env::remove_var("CARGO_FEATURE_TRY_RUNTIME");
        env::remove_var("CARGO_FEATURE_FRAME_TRY_RUNTIME");
    }

    let cargo_home = env::var("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|_| env::var("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .expect("CARGO_HOME or HOME is set");
    // The wasm build's own directory (generated sources of build scripts live under it).
    let wasm_build = out_dir
        .ancestors()
        .nth(3)
        .expect("OUT_DIR lies in the profile's directory")
        .join("wbuild");
    let remap = format!(
        "--remap-path-prefix={}=/govchain --remap-path-prefix={}=/wbuild \
         --remap-path-prefix={}=/cargo",
        alias.display(),
        wasm_build.display(),
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

/// Where the wasm is built from: the same absolute path on every machine, because cargo hashes
/// it into the wasm's symbols.
#[cfg(feature = "std")]
const STAGE: &str = "/tmp/govchain-runtime-src";

/// What the wasm build reads of the workspace: its manifest, lock file and member crates.
#[cfg(feature = "std")]
const STAGED: &[&str] = &[
    "Cargo.toml",
    "Cargo.lock",
    "rust-toolchain.toml",
    "node",
    "runtime",
    "pallets",
    "tools",
    "clients/rust",
];

/// Makes `stage` a copy of the workspace's [`STAGED`] files: a file whose bytes differ (or that
/// is missing) is copied with its modification time; a file or directory the workspace no longer
/// has is removed. Cargo watches the workspace's own files for this script (the copy's, on the
/// wasm builder's watch list, keep the checkout's modification times, so they change only with
/// the checkout's).
#[cfg(feature = "std")]
fn stage_workspace(workspace: &std::path::Path, stage: &std::path::Path) {
    use std::fs;
    if fs::symlink_metadata(stage).is_ok_and(|meta| !meta.is_dir()) {
        // An earlier layout: a symlink to the checkout.
        fs::remove_file(stage).expect("the old alias can be removed");
    }
    fs::create_dir_all(stage).expect("the target dir is writable");
    for entry in STAGED {
        let from = workspace.join(entry);
        // The node's, tools' and clients' sources are staged for cargo to read the workspace's
        // members, but the wasm is not built from them: a change there does not rebuild it.
        if !matches!(*entry, "node" | "tools" | "clients/rust") {
            println!("cargo:rerun-if-changed={}", from.display());
        }
        sync(&from, &stage.join(entry));
    }
}

#[cfg(feature = "std")]
fn sync(from: &std::path::Path, to: &std::path::Path) {
    use std::fs;
    let Ok(meta) = fs::metadata(from) else {
        let _ = fs::remove_dir_all(to).or_else(|_| fs::remove_file(to));
        return;
    };
    if meta.is_dir() {
        if fs::symlink_metadata(to).is_ok_and(|meta| !meta.is_dir()) {
            fs::remove_file(to).expect("a stale staged file can be removed");
        }
        fs::create_dir_all(to).expect("the staging dir is writable");
        let mut names = std::collections::BTreeSet::new();
        for entry in fs::read_dir(from).expect("the workspace is readable") {
            let name = entry.expect("the workspace is readable").file_name();
            // Build output and node packages are no source of the wasm.
            if name == "target" || name == "node_modules" {
                continue;
            }
            sync(&from.join(&name), &to.join(&name));
            names.insert(name);
        }
        for entry in fs::read_dir(to).expect("the staging dir is readable") {
            let entry = entry.expect("the staging dir is readable");
            if !names.contains(&entry.file_name()) {
                let path = entry.path();
                let _ = fs::remove_dir_all(&path).or_else(|_| fs::remove_file(&path));
            }
        }
        return;
    }
    let bytes = fs::read(from).expect("the workspace is readable");
    // A file with the same bytes keeps its staged time: a fresh clone (every file new to the
    // file system) or another checkout of the same commit sharing the target directory does not
    // rebuild the wasm.
    if fs::read(to).is_ok_and(|staged| staged == bytes) {
        return;
    }
    let modified = meta
        .modified()
        .expect("the file system keeps modification times");
    if fs::symlink_metadata(to).is_ok_and(|meta| meta.is_dir()) {
        fs::remove_dir_all(to).expect("a stale staged directory can be removed");
    }
    fs::write(to, &bytes).expect("the staging dir is writable");
    fs::File::options()
        .write(true)
        .open(to)
        .and_then(|file| file.set_modified(modified))
        .expect("the staged file's time can be set");
}

#[cfg(not(feature = "std"))]
fn main() {}
