//! The `landTitles_*` RPC methods against a running `--dev` node: Alice, the development
//! council, accredits a land registry and court, appoints herself their officer, registers a
//! parcel, subdivides it and freezes one child, all in one batch; the RPC then shows titles,
//! lineage, the freeze and the owner index, and refuses bad parameters with a message.

mod common;

use common::{submit_and_wait, wait_for_blocks, Node, SigningContext};
use govchain_primitives::identity::{Party, Role};
use govchain_runtime::RuntimeCall;
use jsonrpsee::{core::client::ClientT, rpc_params};
use pallet_land_titles::{CarryOver, Holding, ParcelSpec};
use serde_json::{json, Value};
use sp_core::{Encode, H256};
use sp_keyring::Sr25519Keyring::Alice;
use sp_runtime::{BoundedVec, Permill};
use std::time::Duration;

fn spec(number: &str, area: u64) -> ParcelSpec {
    ParcelSpec {
        cadastral_number: BoundedVec::truncate_from(number.as_bytes().to_vec()),
        area,
        land_use: 3,
        document_hash: H256::repeat_byte(0xd0),
    }
}

/// Everything the test needs on chain, in one batch from Alice.
fn setup_batch() -> RuntimeCall {
    let register_institution =
        common::register_institution(b"LAND", vec![Role::LandRegistrar, Role::Court]);
    let registry = Party::Institution(0);
    let calls = vec![
        // Alice is the whole development council: her motion with threshold 1 executes at once.
        RuntimeCall::Council(pallet_collective::Call::propose {
            threshold: 1,
            length_bound: register_institution.encoded_size() as u32,
            proposal: Box::new(register_institution),
        }),
        RuntimeCall::Identity(pallet_identity_registry::Call::appoint_officer {
            institution: 0,
            officer: Alice.to_account_id(),
            expires_at: 10_000,
        }),
        RuntimeCall::LandTitles(pallet_land_titles::Call::register_parcel {
            spec: spec("77:01:0001001:1", 1_000),
            owners: BoundedVec::truncate_from(vec![Holding {
                owner: registry,
                share: Permill::one(),
            }]),
        }),
        RuntimeCall::LandTitles(pallet_land_titles::Call::subdivide {
            parcel: 0,
            children: BoundedVec::truncate_from(vec![
                spec("77:01:0001001:2", 400),
                spec("77:01:0001001:3", 600),
            ]),
            carry: CarryOver::default(),
        }),
        RuntimeCall::LandTitles(pallet_land_titles::Call::freeze_parcel {
            parcel: 2,
            case: H256::repeat_byte(0xca),
        }),
    ];
    RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
}

#[tokio::test(flavor = "multi_thread")]
async fn land_titles_rpc_serves_titles_lineage_freezes_and_owner_index() {
    let node = Node::start(&["--dev"]);
    let client = node.rpc(Duration::from_secs(60)).await;
    wait_for_blocks(&node, &client, 1, 0, Duration::from_secs(60)).await;

    let context = SigningContext::of(&client).await;
    let batch = context.sign(Alice, 0, setup_batch());
    submit_and_wait(&node, &client, &batch, Duration::from_secs(60)).await;

    // The subdivided parcel is retired, with its children and its last title.
    let parent: Value = client
        .request("landTitles_parcel", rpc_params![0])
        .await
        .expect("landTitles_parcel answers");
    assert!(
        parent["retiredAt"].is_u64(),
        "the batch failed?\n{parent}\n{}",
        node.log()
    );
    assert_eq!(parent["spec"]["cadastralNumber"], json!("77:01:0001001:1"));
    assert_eq!(parent["spec"]["area"], json!(1_000));
    assert_eq!(parent["children"], json!([1, 2]));
    assert_eq!(
        parent["title"],
        json!([{ "owner": { "institution": 0 }, "share": 1_000_000 }])
    );

    // A child knows its parent; the frozen one shows the court and case.
    let child: Value = client
        .request("landTitles_parcel", rpc_params![2])
        .await
        .expect("landTitles_parcel answers");
    assert_eq!(child["retiredAt"], Value::Null);
    assert_eq!(child["parents"], json!([0]));
    assert_eq!(child["spec"]["area"], json!(600));
    assert_eq!(child["freeze"]["court"], json!(0));
    assert_eq!(
        child["freeze"]["case"],
        json!(format!("{:?}", H256::repeat_byte(0xca)))
    );
    assert_eq!(child["liens"], json!([]));

    let unknown: Value = client
        .request("landTitles_parcel", rpc_params![99])
        .await
        .expect("landTitles_parcel answers");
    assert_eq!(unknown, Value::Null);

    let by_number: Value = client
        .request(
            "landTitles_parcelByCadastralNumber",
            rpc_params!["77:01:0001001:3"],
        )
        .await
        .expect("landTitles_parcelByCadastralNumber answers");
    assert_eq!(by_number, json!(2));

    // The owner index lists the live children only, page by page.
    let owner = json!({ "institution": 0 });
    let mut all: Vec<u64> = client
        .request("landTitles_parcelsOf", rpc_params![owner.clone()])
        .await
        .expect("landTitles_parcelsOf answers");
    all.sort();
    assert_eq!(all, vec![1, 2]);
    let first_page: Vec<u64> = client
        .request(
            "landTitles_parcelsOf",
            rpc_params![owner.clone(), Value::Null, 1],
        )
        .await
        .expect("landTitles_parcelsOf answers");
    assert_eq!(first_page.len(), 1);
    let second_page: Vec<u64> = client
        .request(
            "landTitles_parcelsOf",
            rpc_params![owner.clone(), first_page[0], 1],
        )
        .await
        .expect("landTitles_parcelsOf answers");
    let mut paged = [first_page, second_page].concat();
    paged.sort();
    assert_eq!(paged, vec![1, 2]);

    // Bad parameters get an error with a message, not a crash.
    let error = client
        .request::<Value, _>("landTitles_parcelsOf", rpc_params![owner, Value::Null, 0])
        .await
        .expect_err("a zero limit is refused");
    assert!(
        error
            .to_string()
            .contains("limit must be between 1 and 1000"),
        "{error}"
    );
    let error = client
        .request::<Value, _>(
            "landTitles_parcelByCadastralNumber",
            rpc_params!["x".repeat(33)],
        )
        .await
        .expect_err("an overlong cadastral number is refused");
    assert!(error.to_string().contains("at most 32 bytes"), "{error}");
    let error = client
        .request::<Value, _>("landTitles_parcelsOf", rpc_params![json!({ "person": 1 })])
        .await
        .expect_err("an unknown kind of owner is refused");
    assert!(error.to_string().contains("citizen"), "{error}");
}
