//! What the CLI's tests share: a `--dev` node of the same build, dynamic calls, the council's
//! motions, and running the CLI.

#![allow(dead_code)]

#[path = "../../../../node/tests/common/process.rs"]
mod process;

use govchain_office::{
    chain::{self, Chain},
    values,
};
pub use process::Node;
use std::{
    path::{Path, PathBuf},
    process::{Command, Output},
    time::{Duration, Instant},
};
use subxt::{dynamic::Value, ext::scale_value::Composite};

pub const OFFICE: &str = env!("CARGO_BIN_EXE_govchain-office");

/// The node binary of the same build (the workspace's tests build it beside this one).
fn node_binary() -> PathBuf {
    let node = Path::new(OFFICE).with_file_name("govchain-node");
    assert!(
        node.exists(),
        "{} is missing: build the node in the same profile first (scripts/test.sh does)",
        node.display()
    );
    node
}

/// A `--dev` node, its WebSocket address, and a connection to it.
pub async fn dev_node() -> (Node, String, Chain) {
    let node = Node::start_binary(node_binary().to_str().expect("a path"), &["--dev"]);
    let url = format!("ws://127.0.0.1:{}", node.rpc_port);
    let deadline = Instant::now() + Duration::from_secs(60);
    let chain = loop {
        match Chain::connect(&url).await {
            Ok(chain) => break chain,
            Err(error) if Instant::now() > deadline => panic!("{error}\n{}", node.log()),
            Err(_) => tokio::time::sleep(Duration::from_millis(250)).await,
        }
    };
    (node, url, chain)
}

/// A development account's id.
pub fn account(uri: &str) -> Value {
    values::hash32(chain::account(&chain::signer(uri).expect("a dev key")))
}

/// `Pallet::name { fields }` as a `RuntimeCall`.
pub fn call(pallet: &str, name: &str, fields: Vec<(&str, Value)>) -> Value {
    Value::unnamed_variant(pallet, [Value::named_variant(name, fields)])
}

/// The council's registration of an institution of `kind` with `roles`, administered by Alice.
pub fn register_institution(code: &[u8], kind: &str, roles: &[&str]) -> Value {
    call(
        "Identity",
        "register_institution",
        vec![
            ("kind", values::unit(kind)),
            ("short_code", Value::from_bytes(code)),
            ("name_hash", values::hash32([code.len() as u8; 32])),
            ("admin", account("//Alice")),
            (
                "roles",
                Value::unnamed_composite(roles.iter().map(|role| values::unit(role))),
            ),
        ],
    )
}

/// Alice's motion, as the whole development council (threshold 1: it executes at once), to
/// dispatch `calls` as one `batch_all`.
pub fn council_motion(chain_at: &chain::At, calls: Vec<Value>) -> Value {
    let proposal = subxt::dynamic::tx(
        "Utility",
        "batch_all",
        Composite::named([("calls".to_owned(), Value::unnamed_composite(calls))]),
    );
    let length = chain_at
        .tx()
        .call_data(&proposal)
        .expect("the metadata takes the call")
        .len();
    call(
        "Council",
        "propose",
        vec![
            ("threshold", Value::u128(1)),
            ("proposal", proposal.into_value()),
            ("length_bound", Value::u128(length as u128)),
        ],
    )
}

/// `calls` as one `batch_all` signed by `uri`, final and successful.
pub async fn submit_batch(chain: &Chain, uri: &str, calls: Vec<Value>) {
    let batch = subxt::dynamic::tx(
        "Utility",
        "batch_all",
        Composite::named([("calls".to_owned(), Value::unnamed_composite(calls))]),
    );
    let signer = chain::signer(uri).expect("a dev key");
    let outcomes = chain::submit_and_finalize(chain, &signer, &[batch])
        .await
        .expect("the batch is final");
    let outcome = outcomes[0].as_ref().expect("the batch is final");
    assert_eq!(outcome.failure, None, "the batch signed by {uri} failed");
}

/// Runs `govchain-office args…` signed by `suri`.
pub fn office(url: &str, suri: &str, args: &[&str]) -> Output {
    Command::new(OFFICE)
        .args(["--url", url])
        .args(args)
        .env("GOVCHAIN_SURI", suri)
        .output()
        .expect("govchain-office runs")
}

/// The CLI's exit status and output, for assertions and their messages.
pub fn text(output: &Output) -> String {
    format!(
        "status {:?}\n--- stdout ---\n{}--- stderr ---\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The results file's rows, without its header.
pub fn results(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(path).expect("the results file");
    reader
        .records()
        .map(|record| record.expect("a row").iter().map(str::to_owned).collect())
        .collect()
}
