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
//! checkout file by file, each target directory rebuilding what changed since its own last
//! build, and nothing when a fresh clone has the same bytes: see [`Stager`]), and that copy, the
//! wasm build's directory and the cargo home are mapped to fixed names in the binary. Builds
//! from several checkouts or target directories on one machine take turns: each holds a lock on
//! the copy from staging to the end of its wasm build.
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
    let lock = private_stage(&alias, &out_dir);
    // Held until the wasm builds below are done (released when `main` returns).
    lock.lock().expect("the staging lock can be taken");
    // What this target directory's wasm was last built from (see `Stager`).
    let record = out_dir
        .ancestors()
        .nth(3)
        .expect("OUT_DIR lies in the profile's directory")
        .join("wbuild")
        .join("govchain-staged.txt");
    let mut stager = Stager::new(&alias, &record);
    stager.stage_workspace(&workspace);
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
    // Both builds are done: this target directory's wasm is built from what was staged.
    stager.save();
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

/// Makes [`STAGE`] this user's own directory (created mode 0700; refused if it is a symlink,
/// another user's, or open to others: someone else could then swap the sources a wasm is built
/// from) and returns its lock file, which builds from several checkouts or target directories
/// take in turn.
#[cfg(feature = "std")]
fn private_stage(stage: &std::path::Path, out_dir: &std::path::Path) -> std::fs::File {
    use std::{
        fs,
        os::unix::fs::{DirBuilderExt, MetadataExt},
    };
    // This process's user: the owner of the OUT_DIR cargo just made for it.
    let uid = fs::metadata(out_dir).expect("OUT_DIR exists").uid();
    if fs::symlink_metadata(stage).is_err() {
        let _ = fs::DirBuilder::new().mode(0o700).create(stage);
    }
    let meta = fs::symlink_metadata(stage).expect("the staging directory exists");
    assert!(
        meta.is_dir() && meta.uid() == uid && meta.mode() & 0o077 == 0,
        "{} must be a directory of this user's, closed to others (mode 0700): the runtime's wasm \
         is built from the sources copied there. Remove it or fix its owner and mode.",
        stage.display()
    );
    fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(stage.join(".lock"))
        .expect("the staging lock file can be opened")
}

/// Keeps [`STAGE`] a copy of the workspace's [`STAGED`] files, and the modification times there
/// such that every target directory rebuilds what changed since its own last build:
///
/// - a file whose bytes differ from the copy's is copied;
/// - a file that differs from what this target directory last built (its record, one hash a
///   file, kept beside its wasm build) gets a time later than that build, so cargo's freshness
///   check there sees it changed, even when the copy already had these bytes from another
///   checkout or target directory;
/// - any other file keeps its time, so a fresh clone of the same sources rebuilds nothing;
/// - a file or directory the workspace no longer has is removed.
#[cfg(feature = "std")]
struct Stager {
    stage: std::path::PathBuf,
    record: std::path::PathBuf,
    /// What this target directory last built from: path in the copy → hash of the bytes.
    built: std::collections::BTreeMap<String, u64>,
    /// What it is built from now.
    staged: std::collections::BTreeMap<String, u64>,
    /// Later than this target directory's last build (the record's time), and than now's
    /// checkout's times of changed files.
    after_last_build: std::time::SystemTime,
}

#[cfg(feature = "std")]
impl Stager {
    fn new(stage: &std::path::Path, record: &std::path::Path) -> Self {
        use std::{fs, time::Duration};
        let text = fs::read_to_string(record).unwrap_or_default();
        let built = text
            .lines()
            .filter_map(|line| {
                let (hash, path) = line.split_once(' ')?;
                Some((path.to_owned(), u64::from_str_radix(hash, 16).ok()?))
            })
            .collect();
        // No record (a new target directory, or one built before records were kept): every
        // file counts as changed, and "now" is later than anything built there.
        let after_last_build = fs::metadata(record)
            .and_then(|meta| meta.modified())
            .ok()
            .and_then(|time| time.checked_add(Duration::from_secs(1)))
            .unwrap_or_else(std::time::SystemTime::now);
        Self {
            stage: stage.to_owned(),
            record: record.to_owned(),
            built,
            staged: Default::default(),
            after_last_build,
        }
    }

    fn stage_workspace(&mut self, workspace: &std::path::Path) {
        for entry in STAGED {
            let from = workspace.join(entry);
            // The node's, tools' and clients' sources are staged for cargo to read the
            // workspace's members, but the wasm is not built from them: a change there does not
            // rebuild it.
            if !matches!(*entry, "node" | "tools" | "clients/rust") {
                println!("cargo:rerun-if-changed={}", from.display());
            }
            let to = self.stage.join(entry);
            self.sync(&from, &to);
        }
    }

    /// Records what this target directory's wasm is now built from.
    fn save(&self) {
        let text: String = self
            .staged
            .iter()
            .map(|(path, hash)| format!("{hash:016x} {path}\n"))
            .collect();
        if let Some(parent) = self.record.parent() {
            std::fs::create_dir_all(parent).expect("the wasm build directory is writable");
        }
        std::fs::write(&self.record, text).expect("the staging record can be written");
    }

    fn sync(&mut self, from: &std::path::Path, to: &std::path::Path) {
        use std::{
            fs,
            hash::{DefaultHasher, Hasher},
        };
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
                self.sync(&from.join(&name), &to.join(&name));
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
        let mut hasher = DefaultHasher::new();
        hasher.write(&bytes);
        let hash = hasher.finish();
        let path = to
            .strip_prefix(&self.stage)
            .expect("staged under the stage")
            .display()
            .to_string();
        let copied = !fs::read(to).is_ok_and(|staged| staged == bytes);
        if copied {
            if fs::symlink_metadata(to).is_ok_and(|meta| meta.is_dir()) {
                fs::remove_dir_all(to).expect("a stale staged directory can be removed");
            }
            fs::write(to, &bytes).expect("the staging dir is writable");
        }
        if copied || self.built.get(&path) != Some(&hash) {
            let checkout_time = meta
                .modified()
                .expect("the file system keeps modification times");
            let time = checkout_time.max(self.after_last_build);
            fs::File::options()
                .write(true)
                .open(to)
                .and_then(|file| file.set_modified(time))
                .expect("the staged file's time can be set");
        }
        self.staged.insert(path, hash);
    }
}

#[cfg(not(feature = "std"))]
fn main() {}
