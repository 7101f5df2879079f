//! End to end: a `--dev` node produces and finalizes blocks, serves metrics, and includes a
//! signed balance transfer submitted over RPC.

mod common;

use codec::{Decode, Encode};
use common::{wait_for_blocks, Node};
use govchain_runtime::{
    Balance, Nonce, Runtime, RuntimeCall, SignedPayload, TxExtension, UncheckedExtrinsic, UNIT,
};
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use serde_json::Value;
use sp_core::{
    bytes::{from_hex, to_hex},
    Pair, H256,
};
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::generic::Era;
use std::time::{Duration, Instant};

type AccountInfo = frame_system::AccountInfo<Nonce, <Runtime as frame_system::Config>::AccountData>;

async fn account(client: &WsClient, who: &govchain_runtime::AccountId) -> AccountInfo {
    let key = frame_system::Account::<Runtime>::hashed_key_for(who);
    let value: Option<Value> = client
        .request("state_getStorage", rpc_params![to_hex(&key, false)])
        .await
        .expect("storage");
    match value {
        Some(value) => AccountInfo::decode(
            &mut &from_hex(value.as_str().expect("hex")).expect("hex storage")[..],
        )
        .expect("account info"),
        None => AccountInfo::default(),
    }
}

/// A transfer from Alice, signed for the chain with `genesis` at runtime `spec_version`.
fn signed_transfer(
    genesis: H256,
    spec_version: u32,
    transaction_version: u32,
    nonce: Nonce,
    value: Balance,
) -> UncheckedExtrinsic {
    let call = RuntimeCall::Balances(govchain_runtime::BalancesCall::transfer_keep_alive {
        dest: Bob.to_account_id().into(),
        value,
    });
    let extension: TxExtension = (
        frame_system::CheckNonZeroSender::new(),
        frame_system::CheckSpecVersion::new(),
        frame_system::CheckTxVersion::new(),
        frame_system::CheckGenesis::new(),
        frame_system::CheckEra::from(Era::Immortal),
        frame_system::CheckNonce::from(nonce),
        frame_system::CheckWeight::new(),
        pallet_identity_registry::ChargeFeeOrQuota::from(0),
        frame_system::WeightReclaim::new(),
    );
    let payload = SignedPayload::from_raw(
        call.clone(),
        extension.clone(),
        (
            (),
            spec_version,
            transaction_version,
            genesis,
            genesis,
            (),
            (),
            (),
            (),
        ),
    );
    let signature = payload.using_encoded(|bytes| Alice.pair().sign(bytes));
    UncheckedExtrinsic::new_signed(
        call,
        Alice.to_account_id().into(),
        sp_runtime::MultiSignature::Sr25519(signature),
        extension,
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_produces_finalizes_and_includes_a_transfer() {
    let node = Node::start(&["--dev"]);
    let client = node.rpc(Duration::from_secs(60)).await;

    // Blocks every 6 s and GRANDPA finality: 3 blocks and 1 finalized well within a minute.
    wait_for_blocks(&node, &client, 3, 1, Duration::from_secs(60)).await;

    let genesis: H256 = client
        .request("chain_getBlockHash", rpc_params![0])
        .await
        .expect("genesis");
    let version: Value = client
        .request("state_getRuntimeVersion", rpc_params![])
        .await
        .expect("version");
    let spec_version = version["specVersion"].as_u64().expect("specVersion") as u32;
    let transaction_version = version["transactionVersion"].as_u64().expect("txVersion") as u32;
    assert_eq!(version["specName"], "govchain");

    let bob_before = account(&client, &Bob.to_account_id()).await.data.free;
    let value = 5 * UNIT;
    let transfer = signed_transfer(genesis, spec_version, transaction_version, 0, value);
    let encoded = to_hex(&transfer.encode(), false);
    let _hash: H256 = client
        .request("author_submitExtrinsic", rpc_params![encoded.clone()])
        .await
        .unwrap_or_else(|error| panic!("the pool accepts the transfer: {error}\n{}", node.log()));

    // The transfer lands in a block, and Bob is paid.
    let deadline = Instant::now() + Duration::from_secs(60);
    let included_in = loop {
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
            break common::header_number(&block["block"]["header"]);
        }
        assert!(
            Instant::now() < deadline,
            "the transfer was not included\n{}",
            node.log()
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    assert!(included_in >= 1);
    assert_eq!(
        account(&client, &Bob.to_account_id()).await.data.free,
        bob_before + value
    );
    assert_eq!(account(&client, &Alice.to_account_id()).await.nonce, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_serves_prometheus_metrics() {
    let node = Node::start(&["--dev"]);
    let client = node.rpc(Duration::from_secs(60)).await;
    wait_for_blocks(&node, &client, 1, 0, Duration::from_secs(60)).await;

    let metrics = tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", node.prometheus_port))
            .expect("metrics port");
        stream
            .write_all(b"GET /metrics HTTP/1.0\r\nHost: localhost\r\n\r\n")
            .expect("request sent");
        let mut body = String::new();
        stream.read_to_string(&mut body).expect("response read");
        drop(node);
        body
    })
    .await
    .expect("the metrics request finishes");
    assert!(
        metrics.contains("substrate_block_height"),
        "no block height metric in:\n{metrics}"
    );
}
