//! End to end: a `--dev` node produces and finalizes blocks, serves metrics, and includes a
//! signed balance transfer submitted over RPC.

mod common;

use codec::Decode;
use common::{submit_and_wait, wait_for_blocks, Node, SigningContext};
use govchain_runtime::{Nonce, Runtime, RuntimeCall, UNIT};
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use serde_json::Value;
use sp_core::bytes::{from_hex, to_hex};
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use std::time::Duration;

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

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_produces_finalizes_and_includes_a_transfer() {
    let node = Node::start(&["--dev"]);
    let client = node.rpc(Duration::from_secs(60)).await;

    // Blocks every 6 s and GRANDPA finality: 3 blocks and 1 finalized well within a minute.
    wait_for_blocks(&node, &client, 3, 1, Duration::from_secs(60)).await;

    let context = SigningContext::of(&client).await;
    let version: Value = client
        .request("state_getRuntimeVersion", rpc_params![])
        .await
        .expect("version");
    assert_eq!(version["specName"], "govchain");

    let bob_before = account(&client, &Bob.to_account_id()).await.data.free;
    let value = 5 * UNIT;
    let transfer = context.sign(
        Alice,
        0,
        RuntimeCall::Balances(govchain_runtime::BalancesCall::transfer_keep_alive {
            dest: Bob.to_account_id().into(),
            value,
        }),
    );

    // The transfer lands in a block, and Bob is paid.
    let included_in = submit_and_wait(&node, &client, &transfer, Duration::from_secs(60)).await;
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
