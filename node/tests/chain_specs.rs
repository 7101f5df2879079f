//! The committed chain specs are exactly what the current runtime generates. When this fails
//! after a runtime change, regenerate them with `scripts/chain-specs.sh` and commit the result.
//! And a spec built from the runtime wasm alone, with the packaged `chain-spec-builder`, has the
//! same genesis state as the node's own spec of that preset.

mod common;

use std::{path::PathBuf, process::Command};

fn generated(raw: bool) -> String {
    let mut command = Command::new(common::NODE);
    command.args(["export-chain-spec", "--chain", "local"]);
    if raw {
        command.arg("--raw");
    }
    let output = command.output().expect("govchain-node runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("a chain spec is UTF-8")
}

fn committed(file: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../chain-specs")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn assert_same(file: &str, generated: String) {
    let committed = committed(file);
    let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).expect("JSON");
    assert!(
        parse(&committed) == parse(&generated),
        "chain-specs/{file} differs from what this build exports: it is stale (run \
         scripts/chain-specs.sh and commit the result), or the runtime's wasm is no longer \
         reproducible (scripts/reproducible-runtime.sh)"
    );
}

#[test]
fn local_spec_matches_the_runtime() {
    assert_same("local.json", generated(false));
}

#[test]
fn local_raw_spec_matches_the_runtime() {
    assert_same("local.raw.json", generated(true));
}

fn node(args: &[&str]) -> String {
    let output = Command::new(common::NODE)
        .args(args)
        .output()
        .expect("govchain-node runs");
    assert!(
        output.status.success(),
        "govchain-node {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The raw genesis storage of a spec.
fn raw_top(spec: &str) -> serde_json::Value {
    let spec: serde_json::Value = serde_json::from_str(spec).expect("JSON");
    spec["genesis"]["raw"]["top"].clone()
}

#[test]
fn chain_spec_builder_from_the_wasm_alone_gives_the_node_s_genesis() {
    let dir = std::env::temp_dir().join(format!("govchain-csb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let wasm = dir.join("runtime.wasm");
    std::fs::write(
        &wasm,
        govchain_runtime::WASM_BINARY.expect("the runtime wasm is built"),
    )
    .expect("wasm written");
    let plain = dir.join("national.json");
    let raw = dir.join("national.raw.json");
    let path = |p: &PathBuf| p.to_str().expect("UTF-8 path").to_owned();

    let presets = node(&[
        "chain-spec-builder",
        "list-presets",
        "--runtime",
        &path(&wasm),
    ]);
    assert!(presets.contains("national_testnet"), "{presets}");
    node(&[
        "chain-spec-builder",
        "-c",
        &path(&plain),
        "create",
        "--runtime",
        &path(&wasm),
        "--chain-name",
        "national",
        "--chain-id",
        "national",
        "named-preset",
        "national_testnet",
    ]);
    node(&[
        "chain-spec-builder",
        "-c",
        &path(&raw),
        "convert-to-raw",
        &path(&plain),
    ]);
    let built = std::fs::read_to_string(&raw).expect("the raw spec is written");
    let own = node(&["export-chain-spec", "--chain", "national-local", "--raw"]);
    let _ = std::fs::remove_dir_all(&dir);
    let (built, own) = (raw_top(&built), raw_top(&own));
    assert!(
        built.as_object().is_some_and(|top| top.len() > 20),
        "{built}"
    );
    assert!(
        built == own,
        "the spec chain-spec-builder made from the wasm has another genesis state than the \
         node's national-local spec"
    );
}
