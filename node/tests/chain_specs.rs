//! The committed chain specs are exactly what the current runtime generates. When this fails
//! after a runtime change, regenerate them with `scripts/chain-specs.sh` and commit the result.

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
        "chain-specs/{file} differs from what this build exports. Either it is stale (run \
         scripts/chain-specs.sh and commit the result), or this runtime was built in a target \
         directory at another path: the wasm is byte-reproducible only from the same target \
         path (by default ~/.cache/govchain-target)"
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
