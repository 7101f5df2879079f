//! A `govchain-node` started for one test: its own base path and free ports, stopped and
//! removed when the test ends, however it ends.

#![allow(dead_code)]

mod process;

#[allow(unused_imports)] // Not every test needs a free port of its own.
pub use process::{free_port, Node};

use codec::Encode;
use govchain_runtime::{Nonce, RuntimeCall, UncheckedExtrinsic};
use jsonrpsee::{
    core::client::ClientT,
    rpc_params,
    ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;
use sp_core::{bytes::to_hex, H256};
use sp_keyring::Sr25519Keyring;
use std::{
    path::PathBuf,
    process::{Child, Command},
    time::{Duration, Instant},
};

/// The node binary cargo built for these tests, in the same profile.
pub const NODE: &str = env!("CARGO_BIN_EXE_govchain-node");

impl Node {
    /// Starts `govchain-node` with `args` plus a private base path and free ports.
    pub fn start(args: &[&str]) -> Node {
        Node::start_binary(NODE, args)
    }

    /// A WebSocket RPC client, once the node accepts connections (within `timeout`).
    pub async fn rpc(&self, timeout: Duration) -> WsClient {
        let url = format!("ws://127.0.0.1:{}", self.rpc_port);
        let deadline = Instant::now() + timeout;
        loop {
            match WsClientBuilder::default().build(&url).await {
                Ok(client) => return client,
                Err(error) if Instant::now() < deadline => {
                    let _ = error;
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(error) => panic!("no RPC at {url}: {error}\n--- node log ---\n{}", self.log()),
            }
        }
    }
}

/// Another `govchain-node` command run beside a node (a trustee, say), its output in a file of
/// the node's directory. Dropping it kills the process if it still runs.
pub struct Tool {
    child: Child,
    output: PathBuf,
}

impl Tool {
    /// Starts `govchain-node args…`, writing its output to `name.log` in `node`'s directory.
    pub fn start(node: &Node, name: &str, args: &[&str]) -> Tool {
        let output = node.file(&format!("{name}.log"));
        let log = std::fs::File::create(&output).expect("log file");
        let child = Command::new(NODE)
            .args(args)
            .stdout(log.try_clone().expect("log file"))
            .stderr(log)
            .spawn()
            .expect("govchain-node starts");
        Tool { child, output }
    }

    /// Waits (up to `timeout`) for the command to end; whether it succeeded, and its output.
    pub async fn finish(&mut self, timeout: Duration) -> (bool, String) {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().expect("the command's status") {
                return (status.success(), self.output());
            }
            if Instant::now() > deadline {
                panic!("still running after {timeout:?}:\n{}", self.output());
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }

    /// Its output so far.
    pub fn output(&self) -> String {
        std::fs::read_to_string(&self.output).unwrap_or_default()
    }
}

impl Drop for Tool {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The council's call registering an agency with `roles` under `code`, administered by Alice.
pub fn register_institution(
    code: &[u8],
    roles: Vec<govchain_primitives::identity::Role>,
) -> RuntimeCall {
    RuntimeCall::Identity(pallet_identity_registry::Call::register_institution {
        kind: pallet_identity_registry::InstitutionKind::Agency,
        short_code: sp_runtime::BoundedVec::truncate_from(code.to_vec()),
        name_hash: H256::repeat_byte(0x1a),
        admin: Sr25519Keyring::Alice.to_account_id(),
        roles: sp_runtime::BoundedVec::truncate_from(roles),
    })
}

/// The number of a block header returned by `chain_getHeader`.
pub fn header_number(header: &Value) -> u64 {
    let hex = header["number"].as_str().expect("headers have a number");
    u64::from_str_radix(hex.trim_start_matches("0x"), 16).expect("a hex number")
}

/// The best and the finalized block numbers.
pub async fn best_and_finalized(client: &WsClient) -> (u64, u64) {
    let best: Value = client
        .request("chain_getHeader", rpc_params![])
        .await
        .expect("best header");
    let finalized_hash: Value = client
        .request("chain_getFinalizedHead", rpc_params![])
        .await
        .expect("finalized head");
    let finalized: Value = client
        .request("chain_getHeader", rpc_params![finalized_hash])
        .await
        .expect("header");
    (header_number(&best), header_number(&finalized))
}

/// Waits until the chain has at least `best` blocks and `finalized` finalized ones.
pub async fn wait_for_blocks(
    node: &Node,
    client: &WsClient,
    best: u64,
    finalized: u64,
    timeout: Duration,
) {
    let deadline = Instant::now() + timeout;
    loop {
        let (b, f) = best_and_finalized(client).await;
        if b >= best && f >= finalized {
            return;
        }
        assert!(
			Instant::now() < deadline,
			"after {timeout:?}: best {b} (want {best}), finalized {f} (want {finalized})\n--- node log ---\n{}",
			node.log()
		);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// What a transaction is signed for: the chain's genesis and the runtime's versions.
pub struct SigningContext {
    pub genesis: H256,
    pub spec_version: u32,
    pub transaction_version: u32,
}

impl SigningContext {
    /// The context of the chain `client` is connected to.
    pub async fn of(client: &WsClient) -> SigningContext {
        let genesis: H256 = client
            .request("chain_getBlockHash", rpc_params![0])
            .await
            .expect("genesis");
        let version: Value = client
            .request("state_getRuntimeVersion", rpc_params![])
            .await
            .expect("version");
        SigningContext {
            genesis,
            spec_version: version["specVersion"].as_u64().expect("specVersion") as u32,
            transaction_version: version["transactionVersion"].as_u64().expect("txVersion") as u32,
        }
    }

    /// `call` signed by `signer` with `nonce`, immortal, with no tip, for the runtime version
    /// the node reported.
    pub fn sign(
        &self,
        signer: Sr25519Keyring,
        nonce: Nonce,
        call: RuntimeCall,
    ) -> UncheckedExtrinsic {
        govchain_runtime::signing::sign_for_version(
            &signer.pair(),
            call,
            nonce,
            self.genesis,
            self.spec_version,
            self.transaction_version,
        )
    }
}

/// Submits `extrinsic` and waits (up to `timeout`) for a block that includes it; returns the
/// block's number.
pub async fn submit_and_wait(
    node: &Node,
    client: &WsClient,
    extrinsic: &UncheckedExtrinsic,
    timeout: Duration,
) -> u64 {
    let encoded = to_hex(&extrinsic.encode(), false);
    let _hash: H256 = client
        .request("author_submitExtrinsic", rpc_params![encoded.clone()])
        .await
        .unwrap_or_else(|error| panic!("the pool accepts the extrinsic: {error}\n{}", node.log()));
    let deadline = Instant::now() + timeout;
    loop {
        let block: Value = client
            .request("chain_getBlock", rpc_params![])
            .await
            .expect("block");
        let extrinsics = block["block"]["extrinsics"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if extrinsics
            .iter()
            .any(|xt| xt.as_str() == Some(encoded.as_str()))
        {
            return header_number(&block["block"]["header"]);
        }
        assert!(
            Instant::now() < deadline,
            "the extrinsic was not included within {timeout:?}\n{}",
            node.log()
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}
