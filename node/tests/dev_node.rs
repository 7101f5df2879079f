//! End to end: a `--dev` node produces and finalizes blocks, serves metrics (the registries'
//! gauges among them), includes a signed balance transfer submitted over RPC, and has its
//! session keys rotated by `govchain-node session-keys rotate`.

mod common;

use codec::Decode;
use common::{submit_and_wait, wait_for_blocks, Node, SigningContext, Tool};
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

/// The node's Prometheus endpoint.
fn metrics(node: &Node) -> String {
    use std::io::{Read, Write};
    let mut stream =
        std::net::TcpStream::connect(("127.0.0.1", node.prometheus_port)).expect("metrics port");
    stream
        .write_all(b"GET /metrics HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .expect("request sent");
    let mut body = String::new();
    stream.read_to_string(&mut body).expect("response read");
    body
}

/// The value of the sample `name` (its whole name with labels, as exported), if any.
fn sample(metrics: &str, name: &str) -> Option<f64> {
    metrics.lines().find_map(|line| {
        let rest = line.strip_prefix(name)?;
        // `name{chain="dev"} 3` or `name 3`: the labels, if any, then the value.
        let value = match rest.strip_prefix('{') {
            Some(labelled) => labelled.split_once("} ")?.1,
            None => rest.strip_prefix(' ')?,
        };
        value.trim().parse().ok()
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_serves_prometheus_metrics_with_the_registries_health() {
    let node = Node::start(&["--dev"]);
    let client = node.rpc(Duration::from_secs(60)).await;
    wait_for_blocks(&node, &client, 2, 2, Duration::from_secs(60)).await;

    // The registry gauges follow finality: read once a block is finalized after start-up.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let metrics = loop {
        let metrics = metrics(&node);
        if sample(&metrics, "govchain_registry_metrics_block").is_some_and(|block| block >= 1.0) {
            break metrics;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the registry metrics never read a finalized block:\n{metrics}"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    assert!(
        metrics.contains("substrate_block_height"),
        "no block height metric in:\n{metrics}"
    );
    for gauge in [
        "govchain_registry_active_citizens",
        "govchain_registry_diplomas",
        "govchain_registry_parcels",
        "govchain_registry_pending_actions",
        "govchain_cbdc_total_supply",
        "govchain_cbdc_reserve_value",
        "govchain_cbdc_coverage_deficit",
        "govchain_cbdc_unattested_assets",
        "govchain_elections_open",
    ] {
        assert!(
            sample(&metrics, gauge).is_some(),
            "no {gauge} in:\n{metrics}"
        );
    }
    // Every phase is exported, zero included; the development chain has no election.
    for phase in [
        "scheduled",
        "voting",
        "closed",
        "cancelled",
        "tallying",
        "failed",
    ] {
        assert!(
            metrics
                .lines()
                .any(|line| line.starts_with("govchain_elections{")
                    && line.contains(&format!("phase=\"{phase}\""))),
            "no govchain_elections{{phase=\"{phase}\"}} in:\n{metrics}"
        );
    }
    assert_eq!(sample(&metrics, "govchain_elections_open"), Some(0.0));
}

/// `session-keys rotate`'s arguments: into `keystore`, through `url`, signed by `suri` (or with
/// no key given).
fn rotate_args<'a>(keystore: &'a str, url: &'a str, suri: Option<&'a str>) -> Vec<&'a str> {
    let mut args = vec![
        "session-keys",
        "rotate",
        "--keystore-path",
        keystore,
        "--url",
        url,
    ];
    args.extend(suri.map(|suri| ["--suri", suri]).into_iter().flatten());
    args
}

#[tokio::test(flavor = "multi_thread")]
async fn session_keys_rotate_makes_new_keys_and_registers_them_on_chain() {
    // Safe RPC methods only, as the packaged validator unit runs: the rotation needs no unsafe
    // method.
    let node = Node::start(&["--dev", "--rpc-methods", "safe"]);
    let client = node.rpc(Duration::from_secs(60)).await;
    wait_for_blocks(&node, &client, 1, 0, Duration::from_secs(60)).await;
    let url = format!("ws://127.0.0.1:{}", node.rpc_port);
    let keystore_path = node.file("chains/govchain_dev/keystore");
    let keystore_arg = keystore_path.to_str().expect("a UTF-8 temp path");
    let refused: Result<sp_core::Bytes, _> =
        client.request("author_rotateKeys", rpc_params![]).await;
    assert!(
        refused.is_err(),
        "the node serves unsafe methods: {refused:?}"
    );

    let next_keys = |who: govchain_runtime::AccountId| {
        let client = &client;
        async move {
            let value: Option<sp_core::Bytes> = client
                .request(
                    "state_getStorage",
                    rpc_params![sp_core::Bytes(
                        pallet_session::NextKeys::<Runtime>::hashed_key_for(who)
                    )],
                )
                .await
                .expect("NextKeys readable");
            value.map(|bytes| {
                govchain_runtime::SessionKeys::decode(&mut &bytes[..]).expect("NextKeys decode")
            })
        }
    };
    let genesis = govchain_runtime::SessionKeys {
        aura: Alice.public().into(),
        grandpa: sp_keyring::Ed25519Keyring::Alice.public().into(),
    };
    assert_eq!(
        next_keys(Alice.to_account_id()).await,
        Some(genesis.clone())
    );

    let mut rotate = Tool::start(
        &node,
        "rotate",
        &rotate_args(keystore_arg, &url, Some("//Alice")),
    );
    let (ok, output) = rotate.finish(Duration::from_secs(120)).await;
    assert!(
        ok,
        "rotate failed:\n{output}\n--- node log ---\n{}",
        node.log()
    );
    assert!(output.contains("the chain holds the new keys"), "{output}");
    assert!(output.contains("finalized block #"), "{output}");

    // The keys the chain now holds for Alice are new, and their secrets are in the node's
    // keystore, where the running node reads them when it signs.
    let keys = next_keys(Alice.to_account_id())
        .await
        .expect("Alice has keys on chain");
    assert_ne!(keys, genesis, "the keys did not change");
    let keystore = sc_keystore::LocalKeystore::open(&keystore_path, None).expect("the keystore");
    assert!(
        sp_keystore::Keystore::has_keys(&keystore, &keys.into_raw_public_keys()),
        "the node's keystore lacks the registered keys"
    );

    // Without the account key the command refuses before touching the node or the keystore.
    let mut refused = Tool::start(&node, "no-key", &rotate_args(keystore_arg, &url, None));
    let (ok, output) = refused.finish(Duration::from_secs(30)).await;
    assert!(!ok, "rotate without a key succeeded:\n{output}");
    assert!(output.contains("GOVCHAIN_VALIDATOR_SURI"), "{output}");

    // A keystore path that is not a node's keystore is refused: no directory is made, no key
    // written, nothing submitted (Bob's keys stay the genesis' none).
    let nowhere = node.file("chains/no_such_chain/keystore");
    let nowhere_arg = nowhere.to_str().expect("a UTF-8 temp path");
    let mut misdirected = Tool::start(
        &node,
        "nowhere",
        &rotate_args(nowhere_arg, &url, Some("//Bob")),
    );
    let (ok, output) = misdirected.finish(Duration::from_secs(30)).await;
    assert!(!ok, "rotate into a missing keystore succeeded:\n{output}");
    assert!(output.contains("no keystore directory at"), "{output}");
    assert!(!nowhere.exists(), "the command made {}", nowhere.display());
    assert_eq!(next_keys(Bob.to_account_id()).await, None);
    let total = std::fs::read_dir(&keystore_path).expect("keystore").count();
    assert_eq!(total, 2, "the keystore holds the two rotated keys alone");
}
