//! The `cbdc_*` RPC methods against a running `--dev` node: Alice, the development council,
//! registers the central bank (also the civil registry), a commercial bank and the audit
//! chamber, appoints herself the central bank's officer, Charlie the bank's and Dave the
//! auditor, registers Bob as a citizen, records a reserve and gives the bank a quota, all in one
//! transaction; Dave attests the reserve, Alice mints to the bank and Charlie's bank credits Bob.
//! The RPC shows Bob's balance with his remaining limits, the bank without limits, the reserve
//! with its audit, supply and coverage, and refuses bad parameters with a message.

mod common;

use common::{register_institution, submit_and_wait, wait_for_blocks, Node, SigningContext};
use govchain_primitives::identity::{KycTier, Party, Role};
use govchain_runtime::{configs::cbdc::CBDC_UNIT, RuntimeCall};
use jsonrpsee::{core::client::ClientT, rpc_params};
use pallet_cbdc_reserve::{AssetClass, Attestation};
use serde_json::{json, Value};
use sp_core::{Encode, H256};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave};
use sp_runtime::BoundedVec;
use std::time::Duration;

/// Everything the test needs on chain but the bank's credit, in one batch from Alice.
fn setup_batch() -> RuntimeCall {
    let institutions = RuntimeCall::Utility(pallet_utility::Call::batch_all {
        calls: vec![
            register_institution(b"CB", vec![Role::CentralBank, Role::CivilRegistry]),
            register_institution(b"BANK", vec![Role::CommercialBank]),
            register_institution(b"AUDIT", vec![Role::Auditor]),
        ],
    });
    let calls = vec![
        // Alice is the whole development council: her motion with threshold 1 executes at once.
        RuntimeCall::Council(pallet_collective::Call::propose {
            threshold: 1,
            length_bound: institutions.encoded_size() as u32,
            proposal: Box::new(institutions),
        }),
        RuntimeCall::Identity(pallet_identity_registry::Call::appoint_officer {
            institution: 0,
            officer: Alice.to_account_id(),
            expires_at: 10_000,
        }),
        RuntimeCall::Identity(pallet_identity_registry::Call::appoint_officer {
            institution: 1,
            officer: Charlie.to_account_id(),
            expires_at: 10_000,
        }),
        RuntimeCall::Identity(pallet_identity_registry::Call::appoint_officer {
            institution: 2,
            officer: Dave.to_account_id(),
            expires_at: 10_000,
        }),
        RuntimeCall::Identity(pallet_identity_registry::Call::register_citizen {
            account: Bob.to_account_id(),
            national_id_hash: H256::repeat_byte(0xb0),
            region: None,
            kyc_tier: KycTier::Standard,
        }),
        RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::record_reserve_asset {
            class: AssetClass::Gold,
            code: BoundedVec::truncate_from(b"XAU".to_vec()),
            quantity: 31_103,
            valuation: 2_000_000 * CBDC_UNIT,
            attestation: Attestation {
                report_hash: H256::repeat_byte(0xa1),
                date: 20_600,
            },
        }),
        RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::set_bank_quota {
            bank: 1,
            limit: 1_000_000 * CBDC_UNIT,
        }),
    ];
    RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
}

/// The audit chamber, through Dave, attests the reserve as recorded.
fn attest_reserve() -> RuntimeCall {
    RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::attest_valuation {
        asset: 0,
        quantity: 31_103,
        valuation: 2_000_000 * CBDC_UNIT,
        report: Attestation {
            report_hash: H256::repeat_byte(0xad),
            date: 20_601,
        },
    })
}

/// The central bank, through Alice, mints to the bank.
fn mint() -> RuntimeCall {
    RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::mint {
        bank: 1,
        amount: 500_000 * CBDC_UNIT,
    })
}

/// The bank, through Charlie, credits Bob.
fn credit_bob() -> RuntimeCall {
    RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::transfer {
        from: Party::Institution(1),
        to: Party::Citizen(0),
        amount: 300_000 * CBDC_UNIT,
    })
}

fn amount(units: u128) -> Value {
    json!((units * CBDC_UNIT).to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn cbdc_rpc_serves_balances_with_limits_and_the_reserve() {
    let node = Node::start(&["--dev"]);
    let client = node.rpc(Duration::from_secs(60)).await;
    wait_for_blocks(&node, &client, 1, 0, Duration::from_secs(60)).await;

    let context = SigningContext::of(&client).await;
    let setup = context.sign(Alice, 0, setup_batch());
    submit_and_wait(&node, &client, &setup, Duration::from_secs(60)).await;
    let attest = context.sign(Dave, 0, attest_reserve());
    submit_and_wait(&node, &client, &attest, Duration::from_secs(60)).await;
    let mint = context.sign(Alice, 1, mint());
    submit_and_wait(&node, &client, &mint, Duration::from_secs(60)).await;
    let credit = context.sign(Charlie, 0, credit_bob());
    submit_and_wait(&node, &client, &credit, Duration::from_secs(60)).await;

    // Bob (tier Standard: cap 1,000,000, daily outflow 200,000) holds 300,000.
    let bob: Value = client
        .request("cbdc_balance", rpc_params![json!({ "citizen": 0 })])
        .await
        .expect("cbdc_balance answers");
    assert_eq!(
        bob["balance"],
        amount(300_000),
        "the batch failed?\n{bob}\n{}",
        node.log()
    );
    assert_eq!(bob["limits"]["balanceCap"], amount(1_000_000));
    assert_eq!(bob["limits"]["dailyOutflow"], amount(200_000));
    assert_eq!(bob["receivable"], amount(700_000));
    assert_eq!(bob["sendableToday"], amount(200_000));
    assert_eq!(bob["verified"], json!(true));
    assert_eq!(bob["freeze"], Value::Null);

    // The bank is bound by its quota, not by limits.
    let bank: Value = client
        .request("cbdc_balance", rpc_params![json!({ "institution": 1 })])
        .await
        .expect("cbdc_balance answers");
    assert_eq!(bank["balance"], amount(200_000));
    assert_eq!(bank["limits"], Value::Null);

    // Someone without an identity holds nothing and is not verified.
    let stranger: Value = client
        .request("cbdc_balance", rpc_params![json!({ "citizen": 42 })])
        .await
        .expect("cbdc_balance answers");
    assert_eq!(stranger["balance"], json!("0"));
    assert_eq!(stranger["verified"], json!(false));

    let reserve: Value = client
        .request("cbdc_reserve", rpc_params![])
        .await
        .expect("cbdc_reserve answers");
    assert_eq!(reserve["reserveValue"], amount(2_000_000));
    assert_eq!(reserve["unattestedAssets"], json!(0));
    assert_eq!(reserve["coverageDeficit"], json!("0"));
    assert_eq!(reserve["assets"][0][1]["audit"]["auditor"], json!(2));
    assert_eq!(reserve["assets"][0][1]["counted"], amount(2_000_000));
    assert_eq!(reserve["totalSupply"], amount(500_000));
    assert_eq!(reserve["maxCoveragePercent"], json!(100));
    assert_eq!(reserve["coveragePpm"], json!("250000"));
    assert_eq!(reserve["mintHeadroom"], amount(1_500_000));
    assert_eq!(reserve["assets"][0][1]["class"], json!("gold"));
    assert_eq!(reserve["assets"][0][1]["code"], json!("XAU"));

    let error = client
        .request::<Value, _>("cbdc_balance", rpc_params![json!({ "person": 1 })])
        .await
        .expect_err("an unknown kind of holder is refused");
    assert!(error.to_string().contains("citizen"), "{error}");
}
