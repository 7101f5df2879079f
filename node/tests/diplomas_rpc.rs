//! The `diplomas_*` RPC methods against a running `--dev` node: Alice, the development council,
//! registers an institution that is ministry, university, civil registry and court at once,
//! appoints herself its officer, registers Bob as a citizen, accredits the university, issues
//! two diplomas to Bob in one batch and revokes one, all in one transaction. `diplomas_verify`
//! then answers each of its five outcomes (the last after a backdated withdrawal of the
//! accreditation, while the earlier block still verifies), each answer the runtime API's own
//! type as it serializes itself, and bad parameters get an error with a message.

mod common;

use common::{submit_and_wait, wait_for_blocks, Node, SigningContext};
use govchain_primitives::identity::{KycTier, Role};
use govchain_runtime::RuntimeCall;
use jsonrpsee::{
    core::{client::ClientT, params::ObjectParams},
    rpc_params,
};
use pallet_diplomas::{DegreeLevel, DiplomaSpec, Issuer, Period, RevocationReason, Serial};
use serde_json::{json, Value};
use sp_core::{Encode, H256};
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::traits::{BlakeTwo256, Hash};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Today by the test machine's clock, in days since 1970-01-01. The node's clock is the same;
/// every date below keeps days of margin around it.
fn today() -> u32 {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    (seconds / 86_400) as u32
}

fn serial(number: &str) -> Serial {
    Serial::truncate_from(number.as_bytes().to_vec())
}

/// The id anyone computes from issuer and serial number.
fn diploma_id(number: &str) -> H256 {
    BlakeTwo256::hash_of(&(Issuer::Institution(0), serial(number)))
}

fn diploma(number: &str, document: u8) -> DiplomaSpec {
    DiplomaSpec {
        serial: serial(number),
        holder: 0,
        degree: DegreeLevel::Bachelor,
        field: 613,
        issued_on: today() - 2,
        document_hash: H256::repeat_byte(document),
    }
}

/// Everything the test needs on chain, in one batch from Alice.
fn setup_batch() -> RuntimeCall {
    let register_institution = common::register_institution(
        b"EDU",
        vec![
            Role::EducationMinistry,
            Role::University,
            Role::CivilRegistry,
            Role::Court,
        ],
    );
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
        RuntimeCall::Identity(pallet_identity_registry::Call::register_citizen {
            account: Bob.to_account_id(),
            national_id_hash: H256::repeat_byte(0xb0),
            region: None,
            kyc_tier: KycTier::Basic,
        }),
        RuntimeCall::Diplomas(pallet_diplomas::Call::accredit {
            university: 0,
            period: Period {
                from: today() - 400,
                until: today() + 365,
            },
        }),
        RuntimeCall::Diplomas(pallet_diplomas::Call::issue_batch {
            diplomas: vec![diploma("BSC-1", 0x11), diploma("BSC-2", 0x22)]
                .try_into()
                .expect("two diplomas fit a batch"),
        }),
        RuntimeCall::Diplomas(pallet_diplomas::Call::revoke {
            id: diploma_id("BSC-2"),
            reason: RevocationReason::Fraud,
        }),
    ];
    RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
}

async fn verify(
    client: &jsonrpsee::ws_client::WsClient,
    id: H256,
    document: u8,
    at: Option<H256>,
) -> Value {
    client
        .request(
            "diplomas_verify",
            rpc_params![
                format!("{id:?}"),
                format!("{:?}", H256::repeat_byte(document)),
                at
            ],
        )
        .await
        .expect("diplomas_verify answers")
}

#[tokio::test(flavor = "multi_thread")]
async fn diplomas_rpc_verifies_lists_and_explains_bad_parameters() {
    let node = Node::start(&["--dev"]);
    let client = node.rpc(Duration::from_secs(60)).await;
    wait_for_blocks(&node, &client, 1, 0, Duration::from_secs(60)).await;

    let context = SigningContext::of(&client).await;
    let setup = context.sign(Alice, 0, setup_batch());
    let included = submit_and_wait(&node, &client, &setup, Duration::from_secs(60)).await;
    let setup_block: H256 = client
        .request("chain_getBlockHash", rpc_params![included])
        .await
        .expect("the including block's hash");
    let (valid, revoked) = (diploma_id("BSC-1"), diploma_id("BSC-2"));

    // Every outcome of verification.
    assert_eq!(
        verify(&client, valid, 0x11, None).await,
        json!("valid"),
        "the batch failed?\n{}",
        node.log()
    );
    assert_eq!(
        verify(&client, valid, 0x99, None).await,
        json!("hashMismatch")
    );
    assert_eq!(
        verify(&client, revoked, 0x22, None).await,
        json!({ "revoked": { "reason": "fraud", "at": included } })
    );
    assert_eq!(
        verify(&client, H256::repeat_byte(0xee), 0x11, None).await,
        json!("unknown")
    );

    // Named parameters carry the documented names.
    let mut named = ObjectParams::new();
    named
        .insert("diplomaId", format!("{valid:?}"))
        .expect("serializes");
    named
        .insert("documentHash", format!("{:?}", H256::repeat_byte(0x11)))
        .expect("serializes");
    let by_name: Value = client
        .request("diplomas_verify", named)
        .await
        .expect("diplomas_verify answers named parameters");
    assert_eq!(by_name, json!("valid"));

    // The id from issuer and serial is the one the node computes.
    let id: H256 = client
        .request(
            "diplomas_id",
            rpc_params![json!({ "institution": 0 }), "BSC-1"],
        )
        .await
        .expect("diplomas_id answers");
    assert_eq!(id, valid);

    // The whole record, as the runtime API's type serializes itself.
    let record: Value = client
        .request("diplomas_diploma", rpc_params![format!("{revoked:?}")])
        .await
        .expect("diplomas_diploma answers");
    assert_eq!(
        record,
        json!({
            "id": format!("{revoked:?}"),
            "issuer": { "institution": 0 },
            "spec": {
                "serial": "BSC-2",
                "holder": 0,
                "degree": "bachelor",
                "field": 613,
                "issuedOn": today() - 2,
                "documentHash": format!("{:?}", H256::repeat_byte(0x22)),
            },
            "provenance": "issued",
            "recordedAt": included,
            "status": { "revoked": { "reason": "fraud", "by": { "issuer": 0 }, "at": included } },
            "issuerAccreditedOnIssueDate": true,
            "history": [
                { "change": { "revoked": { "reason": "fraud", "by": { "issuer": 0 } } }, "at": included }
            ],
        })
    );

    let mut held: Vec<H256> = client
        .request("diplomas_ofHolder", rpc_params![0])
        .await
        .expect("diplomas_ofHolder answers");
    held.sort();
    let mut expected = vec![valid, revoked];
    expected.sort();
    assert_eq!(held, expected);

    let accreditation: Value = client
        .request("diplomas_accreditation", rpc_params![0])
        .await
        .expect("diplomas_accreditation answers");
    assert_eq!(accreditation["standing"], json!("accredited"));
    assert_eq!(accreditation["mayIssueToday"], json!(true));
    assert_eq!(accreditation["periods"].as_array().map(Vec::len), Some(1));

    // The ministry withdraws the accreditation backdated to before the diplomas' date: they no
    // longer verify now, but the block before still says they did.
    let withdraw = RuntimeCall::Diplomas(pallet_diplomas::Call::withdraw_accreditation {
        university: 0,
        last_day: Some(today() - 5),
    });
    submit_and_wait(
        &node,
        &client,
        &context.sign(Alice, 1, withdraw),
        Duration::from_secs(60),
    )
    .await;
    assert_eq!(
        verify(&client, valid, 0x11, None).await,
        json!("issuerNotAccredited"),
        "the withdrawal failed?\n{}",
        node.log()
    );
    assert_eq!(
        verify(&client, valid, 0x11, Some(setup_block)).await,
        json!("valid")
    );

    // Bad parameters get an error with a message, not a crash.
    let error = client
        .request::<Value, _>("diplomas_verify", rpc_params!["0x12", format!("{valid:?}")])
        .await
        .expect_err("a short id is refused");
    assert!(
        error.to_string().contains("Invalid params")
            && error.to_string().contains("invalid length 2"),
        "{error}"
    );
    for not_hex in [
        format!("0x{}", "zz".repeat(32)),
        format!("0x{}", "+a".repeat(32)),
    ] {
        let error = client
            .request::<Value, _>(
                "diplomas_verify",
                rpc_params![format!("{valid:?}"), not_hex],
            )
            .await
            .expect_err("a hash that is not hex is refused");
        assert!(
            error.to_string().contains("invalid hex character"),
            "{error}"
        );
    }
    let error = client
        .request::<Value, _>("diplomas_id", rpc_params![json!({ "college": 0 }), "BSC-1"])
        .await
        .expect_err("an issuer of no known kind is refused");
    assert!(
        error.to_string().contains("unknown variant `college`"),
        "{error}"
    );
    let error = client
        .request::<Value, _>(
            "diplomas_id",
            rpc_params![json!({ "institution": 0 }), "no spaces"],
        )
        .await
        .expect_err("a serial with a space is refused");
    assert!(
        error.to_string().contains("serial number is 1 to 32"),
        "{error}"
    );
    let error = client
        .request::<Value, _>("diplomas_ofHolder", rpc_params![0, Value::Null, 1_001])
        .await
        .expect_err("a limit over the page is refused");
    assert!(
        error
            .to_string()
            .contains("limit must be between 1 and 1000"),
        "{error}"
    );
}
