//! The `voting_*` RPC methods against a running `--dev` node: Alice, the development council,
//! registers an election commission that is also the civil registry, a court and an audit
//! chamber, appoints herself the commission's officer and Dave and Eve the others', registers Bob
//! (region 7) and Charlie (region 8) as citizens and creates a public poll for everyone and an
//! encrypted election for region 7 with the three officers as trustees, all in one transaction.
//! Bob and Charlie vote in the poll; the RPC shows its running results, shows no counts of the
//! encrypted election, tells who voted but not how, shows the poll's final results once it
//! closed and the encrypted election failed for want of a key (its trustees never made one),
//! and refuses bad parameters with a message; `govchain-node verify-tally` finds no encrypted
//! record for either.

mod common;

use common::{best_and_finalized, submit_and_wait, wait_for_blocks, Node, SigningContext, Tool};
use govchain_primitives::identity::{KycTier, Role};
use govchain_runtime::RuntimeCall;
use jsonrpsee::{core::client::ClientT, rpc_params};
use pallet_e_voting::{BallotMode, BallotOption, ElectionSpec};
use serde_json::{json, Value};
use sp_core::{Encode, H256};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve};
use sp_runtime::BoundedVec;
use std::time::Duration;

fn options(
    codes: &[&str],
) -> BoundedVec<BallotOption, <govchain_runtime::Runtime as pallet_e_voting::Config>::MaxOptions> {
    codes
        .iter()
        .map(|code| BallotOption {
            code: BoundedVec::truncate_from(code.as_bytes().to_vec()),
            text_hash: H256::repeat_byte(0x0c),
        })
        .collect::<Vec<_>>()
        .try_into()
        .expect("within MaxOptions")
}

/// The commission, a court and an audit chamber with their officers, two citizens and two
/// elections voting from block `starts`: a poll to `ends`, an encrypted election (trustees Alice,
/// Dave and Eve, two of whom decrypt; its key ceremony runs until `starts`) to `encrypted_ends`,
/// in one batch from Alice.
fn setup_batch(starts: u32, ends: u32, encrypted_ends: u32) -> RuntimeCall {
    let institutions = RuntimeCall::Utility(pallet_utility::Call::batch_all {
        calls: vec![
            common::register_institution(
                b"CEC",
                vec![Role::ElectionCommission, Role::CivilRegistry],
            ),
            common::register_institution(b"COURT", vec![Role::Court]),
            common::register_institution(b"AUDIT", vec![Role::Auditor]),
        ],
    });
    let appoint = |institution: u32, officer: sp_keyring::Sr25519Keyring| {
        RuntimeCall::Identity(pallet_identity_registry::Call::appoint_officer {
            institution,
            officer: officer.to_account_id(),
            expires_at: 10_000,
        })
    };
    let citizen = |account: sp_keyring::Sr25519Keyring, n: u8, region: u32| {
        RuntimeCall::Identity(pallet_identity_registry::Call::register_citizen {
            account: account.to_account_id(),
            national_id_hash: H256::repeat_byte(n),
            region: Some(region),
            kyc_tier: KycTier::Standard,
        })
    };
    let election = |spec| RuntimeCall::Voting(pallet_e_voting::Call::create_election { spec });
    let calls = vec![
        // Alice is the whole development council: her motion with threshold 1 executes at once.
        RuntimeCall::Council(pallet_collective::Call::propose {
            threshold: 1,
            length_bound: institutions.encoded_size() as u32,
            proposal: Box::new(institutions),
        }),
        appoint(0, Alice),
        appoint(1, Dave),
        appoint(2, Eve),
        citizen(Bob, 0xb0, 7),
        citizen(Charlie, 0xc0, 8),
        election(ElectionSpec {
            question_hash: H256::repeat_byte(0xa1),
            options: options(&["YES", "NO"]),
            regions: None,
            voting_starts: starts,
            voting_ends: ends,
            mode: BallotMode::Public,
            trustees: Default::default(),
        }),
        election(ElectionSpec {
            question_hash: H256::repeat_byte(0xa2),
            options: options(&["YES", "NO"]),
            regions: Some(BoundedVec::truncate_from(vec![7])),
            voting_starts: starts,
            voting_ends: encrypted_ends,
            mode: BallotMode::Encrypted {
                threshold: 2,
                tally_ends: encrypted_ends + 10,
            },
            trustees: BoundedVec::truncate_from(vec![
                Alice.to_account_id(),
                Dave.to_account_id(),
                Eve.to_account_id(),
            ]),
        }),
    ];
    RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
}

fn vote(election: u32, option: u8) -> RuntimeCall {
    RuntimeCall::Voting(pallet_e_voting::Call::vote { election, option })
}

#[tokio::test(flavor = "multi_thread")]
async fn voting_rpc_serves_elections_results_and_who_voted() {
    let node = Node::start(&["--dev"]);
    let client = node.rpc(Duration::from_secs(60)).await;
    wait_for_blocks(&node, &client, 1, 0, Duration::from_secs(60)).await;

    // Voting opens a few blocks after the setup lands (room for the encrypted election's four
    // key-ceremony rounds) and closes a few blocks later.
    let (best, _) = best_and_finalized(&client).await;
    let (starts, ends) = (best as u32 + 7, best as u32 + 11);
    let context = SigningContext::of(&client).await;
    let setup = context.sign(Alice, 0, setup_batch(starts, ends, ends + 20));
    submit_and_wait(&node, &client, &setup, Duration::from_secs(60)).await;

    let poll: Value = client
        .request("voting_election", rpc_params![0])
        .await
        .expect("voting_election answers");
    assert_eq!(
        poll["phase"],
        json!("scheduled"),
        "the batch failed?\n{poll}\n{}",
        node.log()
    );
    assert_eq!(poll["mode"], json!("public"));
    assert_eq!(poll["regions"], Value::Null);
    assert_eq!(poll["options"][1]["code"], json!("NO"));
    assert_eq!(poll["votingEnds"], json!(ends));
    let ballot: Value = client
        .request("voting_election", rpc_params![1])
        .await
        .expect("voting_election answers");
    assert_eq!(
        ballot["mode"],
        json!({ "encrypted": { "threshold": 2, "tallyEnds": ends + 30 } })
    );
    assert_eq!(ballot["regions"], json!([7]));
    assert_eq!(ballot["phase"], json!("scheduled"));
    assert_eq!(ballot["status"], json!("running"), "{ballot}");

    // Once voting is open, Bob votes NO, Charlie YES.
    wait_for_blocks(
        &node,
        &client,
        u64::from(starts),
        0,
        Duration::from_secs(60),
    )
    .await;
    for (signer, nonce, call) in [(Bob, 0, vote(0, 1)), (Charlie, 0, vote(0, 0))] {
        let extrinsic = context.sign(signer, nonce, call);
        submit_and_wait(&node, &client, &extrinsic, Duration::from_secs(60)).await;
    }

    let poll: Value = client
        .request("voting_election", rpc_params![0])
        .await
        .expect("voting_election answers");
    assert_eq!(poll["phase"], json!("voting"), "{poll}");
    let running: Value = client
        .request("voting_results", rpc_params![0])
        .await
        .expect("voting_results answers");
    assert_eq!(running["ballots"], json!(2), "{running}");
    // Per option, in ballot order (YES, NO); not final while the closure is null.
    assert_eq!(running["votes"], json!([1, 1]));
    assert_eq!(running["closure"], Value::Null);
    // The encrypted election never had a key: its trustees did nothing, so it failed when
    // voting was to start, and nothing of it is counted.
    let encrypted: Value = client
        .request("voting_results", rpc_params![1])
        .await
        .expect("voting_results answers");
    assert_eq!(encrypted["ballots"], json!(0), "{encrypted}");
    assert_eq!(encrypted["votes"], Value::Null);
    let failed: Value = client
        .request("voting_election", rpc_params![1])
        .await
        .expect("voting_election answers");
    assert_eq!(failed["phase"], json!("failed"), "{failed}");
    assert_eq!(
        failed["status"],
        json!({ "failed": { "reason": "noElectionKey", "at": starts } })
    );

    // Who voted, never how.
    for (election, citizen, status) in [
        (0, 0, json!("voted")),
        (0, 1, json!("voted")),
        (1, 0, json!("notVoted")),
        (9, 0, Value::Null),
    ] {
        let answer: Value = client
            .request("voting_voterStatus", rpc_params![election, citizen])
            .await
            .expect("voting_voterStatus answers");
        assert_eq!(answer, status, "election {election}, citizen {citizen}");
    }

    // The poll closes at its end: final results over the two citizens.
    wait_for_blocks(&node, &client, u64::from(ends), 0, Duration::from_secs(90)).await;
    let closed: Value = client
        .request("voting_results", rpc_params![0])
        .await
        .expect("voting_results answers");
    // The turnout is in parts per million.
    let closure = json!({ "closedAt": ends, "eligible": 2, "spoiled": 0, "turnout": 1_000_000 });
    assert_eq!(closed["closure"], closure, "{closed}");
    let poll: Value = client
        .request("voting_election", rpc_params![0])
        .await
        .expect("voting_election answers");
    assert_eq!(poll["phase"], json!("closed"));
    assert_eq!(poll["status"], json!({ "closed": closure }));
    let unknown: Value = client
        .request("voting_election", rpc_params![42])
        .await
        .expect("voting_election answers");
    assert_eq!(unknown, Value::Null);

    let error = client
        .request::<Value, _>("voting_election", rpc_params!["first"])
        .await
        .expect_err("an election id must be a number");
    assert!(error.to_string().contains("invalid type"), "{error}");

    // The tally verifier reads the chain through the runtime API: the poll and the encrypted
    // election without a key have no encrypted record, which it says, failing.
    let url = format!("ws://127.0.0.1:{}", node.rpc_port);
    for election in ["0", "1"] {
        let run = std::process::Command::new(common::NODE)
            .args(["verify-tally", "--election", election, "--url", &url])
            .output()
            .expect("verify-tally runs");
        let stdout = String::from_utf8_lossy(&run.stdout);
        assert!(!run.status.success(), "{stdout}");
        assert!(
            stdout.contains(&format!("election {election} at block 0x"))
                && stdout.contains("no encrypted record"),
            "{stdout}\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
}

/// The encrypted election run for real: Alice (the commission's officer) and Dave (the court's)
/// run `govchain-node trustee`, which makes their moves in the key ceremony, then their
/// decryption shares and the tally; Eve (the audit chamber's) never shows up, and two of three
/// suffice. Bob, the one citizen of region 7, casts an encrypted ballot for `YES`, then re-votes
/// `NO`. The published counts are one `NO`, and `govchain-node verify-tally` prints
/// "tally verified"; asked through a rogue node that alters a byte of Bob's ballot, it names
/// Bob's ballot and fails.
#[tokio::test(flavor = "multi_thread")]
async fn trustees_make_the_key_and_the_tally_and_the_tally_verifies() {
    let node = Node::start(&["--dev"]);
    let client = node.rpc(Duration::from_secs(60)).await;
    wait_for_blocks(&node, &client, 1, 0, Duration::from_secs(60)).await;

    // Four ceremony rounds of about three blocks each, then four blocks of voting.
    let (best, _) = best_and_finalized(&client).await;
    let starts = best as u32 + 14;
    let ends = starts + 4;
    let context = SigningContext::of(&client).await;
    let setup = context.sign(Alice, 0, setup_batch(starts, ends, ends));
    submit_and_wait(&node, &client, &setup, Duration::from_secs(60)).await;

    let url = format!("ws://127.0.0.1:{}", node.rpc_port);
    let mut trustees: Vec<Tool> = [("alice", "//Alice"), ("dave", "//Dave")]
        .into_iter()
        .map(|(name, suri)| {
            let secret = node.file(&format!("{name}.secret"));
            let secret = secret.to_str().expect("a UTF-8 path");
            Tool::start(
                &node,
                name,
                &[
                    "trustee",
                    "--election",
                    "1",
                    "--secret",
                    secret,
                    "--suri",
                    suri,
                    "--url",
                    &url,
                ],
            )
        })
        .collect();

    // Voting starts with the key the two made.
    wait_for_blocks(
        &node,
        &client,
        u64::from(starts),
        0,
        Duration::from_secs(180),
    )
    .await;
    let record: Option<pallet_e_voting::EncryptedRecord> =
        state_call(&client, "EVotingApi_encrypted_record", 1u32.encode()).await;
    let Some(record) = record else {
        let election: Value = client
            .request("voting_election", rpc_params![1])
            .await
            .expect("voting_election answers");
        panic!(
            "no key was made: {election}\nalice: {}\ndave: {}",
            trustees[0].output(),
            trustees[1].output()
        );
    };
    assert_eq!(record.key_shares.len(), 3);

    // Bob votes YES, then changes his mind: the second ballot counts.
    // Bob is the chain's first citizen (number 0): his ballots are bound to him.
    let bound_to_bob = govchain_ballot::ballot_context(1, 0);
    for (nonce, choice) in [(0, 0), (1, 1)] {
        let ballot = govchain_ballot::encrypt_ballot(
            &record.key,
            2,
            choice,
            &bound_to_bob,
            &mut rand_core::OsRng,
        )
        .expect("a ballot");
        let cast = RuntimeCall::Voting(pallet_e_voting::Call::cast_encrypted_ballot {
            election: 1,
            ballot: BoundedVec::truncate_from(ballot),
        });
        submit_and_wait(
            &node,
            &client,
            &context.sign(Bob, nonce, cast),
            Duration::from_secs(60),
        )
        .await;
    }

    // After voting, the trustees post their decryption shares and publish the counts; each
    // stops once the election is closed.
    for trustee in &mut trustees {
        let (succeeded, output) = trustee.finish(Duration::from_secs(240)).await;
        assert!(succeeded, "{output}");
        assert!(output.contains("election 1: closed"), "{output}");
    }
    let results: Value = client
        .request("voting_results", rpc_params![1])
        .await
        .expect("voting_results answers");
    assert_eq!(results["votes"], json!([0, 1]), "{results}");
    assert_eq!(results["ballots"], json!(1), "{results}");
    assert!(results["closure"].is_object(), "not final: {results}");

    // Anyone checks it from the chain, at the finalized block (the command's default) once the
    // block with the counts is final.
    let (closed_in, _) = best_and_finalized(&client).await;
    wait_for_blocks(
        &node,
        &client,
        closed_in,
        closed_in,
        Duration::from_secs(60),
    )
    .await;
    let run = std::process::Command::new(common::NODE)
        .args(["verify-tally", "--election", "1", "--url", &url])
        .output()
        .expect("verify-tally runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success() && stdout.contains("tally verified"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );

    // The same through a node that lies about one ballot.
    let (rogue, server) = rogue_node(&url).await;
    let run = std::process::Command::new(common::NODE)
        .args(["verify-tally", "--election", "1", "--url", &rogue])
        .output()
        .expect("verify-tally runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        !run.status.success() && stdout.contains("the ballot of citizen 0 does not hold"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let _ = server.stop();
}

/// A rogue node in front of the node at `upstream`: it passes on what `verify-tally` asks
/// (`chain_getFinalizedHead`, `state_call`) but flips the last byte of the first ballot of every
/// page of `EVotingApi_encrypted_ballots`. Returns its address and its handle.
async fn rogue_node(upstream: &str) -> (String, jsonrpsee::server::ServerHandle) {
    use jsonrpsee::{types::ErrorObjectOwned, ws_client::WsClientBuilder, RpcModule};
    use sp_core::Bytes;
    let client = WsClientBuilder::default()
        .max_response_size(64 * 1024 * 1024)
        .build(upstream)
        .await
        .expect("the node answers");
    let failed = |error: jsonrpsee::core::ClientError| {
        ErrorObjectOwned::owned(-32000, error.to_string(), None::<()>)
    };
    let mut module = RpcModule::new(client);
    module
        .register_async_method("chain_getFinalizedHead", move |_, client, _| async move {
            client
                .request::<H256, _>("chain_getFinalizedHead", rpc_params![])
                .await
                .map_err(failed)
        })
        .expect("a new method");
    module
        .register_async_method("state_call", move |params, client, _| async move {
            let (method, data, at): (String, Bytes, Option<H256>) = params.parse()?;
            let answer: Bytes = client
                .request("state_call", rpc_params![method.clone(), data, at])
                .await
                .map_err(failed)?;
            if method != "EVotingApi_encrypted_ballots" {
                return Ok::<_, ErrorObjectOwned>(answer);
            }
            let mut page: Vec<(u64, Vec<u8>)> =
                codec::Decode::decode(&mut &answer[..]).expect("a page of ballots");
            if let Some(byte) = page.first_mut().and_then(|(_, ballot)| ballot.last_mut()) {
                *byte ^= 1;
            }
            Ok(Bytes(page.encode()))
        })
        .expect("a new method");
    let server = jsonrpsee::server::Server::builder()
        .build("127.0.0.1:0")
        .await
        .expect("a free port on the loopback interface");
    let address = server.local_addr().expect("a bound address");
    (format!("ws://{address}"), server.start(module))
}

/// Runtime API `method` with SCALE-encoded `args` at the best block, decoded.
async fn state_call<R: codec::Decode>(
    client: &jsonrpsee::ws_client::WsClient,
    method: &str,
    args: Vec<u8>,
) -> R {
    let answer: sp_core::Bytes = client
        .request("state_call", rpc_params![method, sp_core::Bytes(args)])
        .await
        .expect("state_call answers");
    R::decode(&mut &answer[..]).expect("a decodable answer")
}
