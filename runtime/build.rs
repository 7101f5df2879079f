#![allow(clippy::expect_used)] // A build script reports a broken environment by failing.

//! Builds the runtime wasm twice: the runtime itself, and the same runtime with
//! `spec_version + 1` that the runtime-upgrade test applies.

#[cfg(feature = "std")]
fn main() {
    use std::{env, path::PathBuf};

    // Panic locations embed source paths. Mapping the checkout and the cargo home to fixed
    // names makes the wasm, and so the chain specs that embed it, the same on every machine.
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let workspace = manifest_dir
        .parent()
        .expect("the runtime lives in the workspace")
        .to_owned();
    let cargo_home = env::var("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|_| env::var("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .expect("CARGO_HOME or HOME is set");
    let remap = format!(
        "--remap-path-prefix={}=/govchain --remap-path-prefix={}=/cargo",
        workspace.display(),
        cargo_home.display()
    );

    // The shared target directory lies outside the workspace: tell the wasm builder where the
    // workspace (and its Cargo.lock) is, so the wasm uses the locked dependency versions.
    if env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
        env::set_var("WASM_BUILD_WORKSPACE_HINT", &workspace);
    }

    substrate_wasm_builder::WasmBuilder::init_with_defaults()
        .append_to_rust_flags(remap.clone())
        .build();

    substrate_wasm_builder::WasmBuilder::init_with_defaults()
        .append_to_rust_flags(remap)
        .enable_feature("increment-spec-version")
        .set_file_name("wasm_binary_spec_version_incremented.rs")
        .build();
}

#[cfg(not(feature = "std"))]
fn main() {}
