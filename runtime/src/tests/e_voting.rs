//! E-voting in the real runtime: the council registers an election commission and the civil
//! registry; citizens without any fee token vote fee-free in a public poll and in a commit–reveal
//! ballot limited to one region (created before commit–reveal was retired: such elections run to
//! their end after the upgrade, new ones are refused); a citizen whose account the registry moved replaces, not doubles,
//! their ballot; the elections close by themselves with the electorate the identity register
//! counts; the council cancels an election; and the runtime API answers what the node's
//! `voting_*` RPC methods serve.

use super::{
    apply_signed, assert_invariants, next_block, pass_council_motion, preset_externalities,
    register_institution,
};
use crate::{Identity, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System, Voting};
use frame_support::{assert_ok, BoundedVec};
use govchain_primitives::identity::{CitizenId, IdentityProvider, KycTier, Role};
use pallet_e_voting::{
    BallotMode, BallotOption, ElectionSpec, ElectionStatus, Error, Phase, VoterStatus,
};
use pallet_e_voting_runtime_api::runtime_decl_for_e_voting_api::EVotingApiV2;
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring::Dave;
use sp_runtime::{DispatchError, ModuleError, Permill};

/// A key nobody funded.
fn fresh_key(name: &str) -> sr25519::Pair {
    sr25519::Pair::from_string(&format!("//{name}"), None).expect("a valid derivation")
}

fn account_of(pair: &sr25519::Pair) -> crate::AccountId {
    pair.public().into()
}

fn options(
    codes: &[&str],
) -> BoundedVec<BallotOption, <Runtime as pallet_e_voting::Config>::MaxOptions> {
    codes
        .iter()
        .enumerate()
        .map(|(n, code)| BallotOption {
            code: BoundedVec::truncate_from(code.as_bytes().to_vec()),
            text_hash: H256::repeat_byte(n as u8 + 1),
        })
        .collect::<Vec<_>>()
        .try_into()
        .expect("within MaxOptions")
}

/// The module error `error` of the voting pallet, as a failed extrinsic reports it.
fn voting_error(error: Error<Runtime>) -> DispatchError {
    let DispatchError::Module(ModuleError { index, error, .. }) = DispatchError::from(error) else {
        unreachable!("pallet errors are module errors")
    };
    DispatchError::Module(ModuleError {
        index,
        error,
        message: None,
    })
}

/// Regions of the national classifier used below.
const CAPITAL: u32 = 10;
const PROVINCE: u32 = 20;

#[test]
fn citizens_vote_free_once_each_and_elections_close_with_their_electorate() {
    preset_externalities("local_testnet").execute_with(|| {
        let (commissioner, registrar) = (fresh_key("Commissioner"), fresh_key("Registrar"));
        pass_council_motion(RuntimeCall::Utility(pallet_utility::Call::batch_all {
            calls: vec![
                register_institution("CEC", vec![Role::ElectionCommission]),
                register_institution("PSA", vec![Role::CivilRegistry]),
            ],
        }));
        let expires = System::block_number() + 30 * crate::DAYS;
        for (institution, officer) in [(0, &commissioner), (1, &registrar)] {
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(Dave.to_account_id()),
                institution,
                account_of(officer),
                expires
            ));
        }

        // Five citizens, none holding any fee token: three in the capital, two in a province.
        let voters: Vec<sr25519::Pair> = (0..5).map(|n| fresh_key(&format!("Voter{n}"))).collect();
        let mut registrar_nonce = 0;
        for (n, voter) in voters.iter().enumerate() {
            let region = if n < 3 { CAPITAL } else { PROVINCE };
            assert_eq!(
                apply_signed(
                    &registrar,
                    registrar_nonce,
                    RuntimeCall::Identity(pallet_identity_registry::Call::register_citizen {
                        account: account_of(voter),
                        national_id_hash: H256::repeat_byte(0x40 + n as u8),
                        region: Some(region),
                        kyc_tier: KycTier::Basic,
                    })
                ),
                Ok(Ok(()))
            );
            registrar_nonce += 1;
        }
        let citizen = |voter: &sr25519::Pair| -> CitizenId {
            Identity::citizen_of(&account_of(voter)).expect("a citizen")
        };

        // The commission creates a public poll for everyone; a commit–reveal ballot for the
        // capital is refused (retired), one created before the retirement runs on.
        let now = System::block_number();
        let create = |spec: ElectionSpec<Runtime>, nonce| {
            apply_signed(
                &commissioner,
                nonce,
                RuntimeCall::Voting(pallet_e_voting::Call::create_election { spec }),
            )
        };
        let poll = ElectionSpec {
            question_hash: H256::repeat_byte(0xa1),
            options: options(&["PARK", "PARKING", "MARKET"]),
            regions: None,
            voting_starts: now,
            voting_ends: now + 3,
            mode: BallotMode::Public,
            trustees: Default::default(),
        };
        let ballot = ElectionSpec {
            question_hash: H256::repeat_byte(0xa2),
            options: options(&["YES", "NO"]),
            regions: Some(BoundedVec::truncate_from(vec![CAPITAL])),
            voting_starts: now,
            voting_ends: now + 3,
            mode: BallotMode::Secret {
                reveal_ends: now + 6,
            },
            trustees: Default::default(),
        };
        assert_eq!(create(poll, 0), Ok(Ok(())));
        assert_eq!(
            create(ballot.clone(), 1),
            Ok(Err(voting_error(Error::CommitRevealRetired)))
        );
        assert_eq!(
            pallet_e_voting::testing::legacy_secret_election::<Runtime>(0, ballot),
            Ok(1)
        );
        let (poll, ballot) = (0, 1);
        assert_eq!(
            Runtime::election(ballot).map(|info| (info.phase, info.regions)),
            Some((Phase::Voting, Some(vec![CAPITAL])))
        );

        let mut nonces = [0u32; 5];
        let mut cast = |who: usize, call: pallet_e_voting::Call<Runtime>| {
            let result = apply_signed(&voters[who], nonces[who], RuntimeCall::Voting(call));
            nonces[who] += 1;
            result
        };
        let salt = |who: usize| H256::repeat_byte(0x70 + who as u8);
        let seal = |who: usize, option: u8| {
            Voting::commitment(ballot, option, salt(who), citizen(&voters[who]))
        };

        // Everyone answers the poll; voter 0 changes their mind.
        for (who, option) in [(0, 0u8), (1, 1), (2, 1), (3, 2), (4, 0), (0, 2)] {
            assert_eq!(
                cast(
                    who,
                    pallet_e_voting::Call::vote {
                        election: poll,
                        option
                    }
                ),
                Ok(Ok(()))
            );
        }
        // The capital's three seal their ballots; the province's voter is refused.
        for (who, option) in [(0, 0u8), (1, 1), (2, 0)] {
            let commitment = seal(who, option);
            assert_eq!(
                cast(
                    who,
                    pallet_e_voting::Call::commit_vote {
                        election: ballot,
                        commitment
                    }
                ),
                Ok(Ok(()))
            );
        }
        assert_eq!(
            cast(
                3,
                pallet_e_voting::Call::commit_vote {
                    election: ballot,
                    commitment: seal(3, 0)
                }
            ),
            Ok(Err(voting_error(Error::NotEligible)))
        );
        // Nothing of the secret ballot is counted while voting runs.
        assert_eq!(
            Runtime::tally(ballot).map(|tally| (tally.ballots, tally.votes)),
            Some((3, None))
        );
        assert_eq!(
            Runtime::voter_status(ballot, citizen(&voters[0])),
            Some(VoterStatus::Sealed)
        );

        // Voter 1 replaces their key: the old key consents, the registry moves the identity to
        // the new account at once, which replaces the ballot rather than adding one.
        let recovered = fresh_key("Voter1-recovered");
        let voter_1 = citizen(&voters[1]);
        assert_ok!(Identity::consent_to_account_move(
            RuntimeOrigin::signed(account_of(&voters[1])),
            account_of(&recovered)
        ));
        assert_ok!(Identity::move_citizen_account(
            RuntimeOrigin::signed(account_of(&registrar)),
            voter_1,
            account_of(&recovered)
        ));
        let resealed = Voting::commitment(ballot, 0, salt(1), voter_1);
        assert_eq!(
            apply_signed(
                &recovered,
                0,
                RuntimeCall::Voting(pallet_e_voting::Call::commit_vote {
                    election: ballot,
                    commitment: resealed
                })
            ),
            Ok(Ok(()))
        );
        assert_eq!(Runtime::tally(ballot).map(|tally| tally.ballots), Some(3));

        // Voting ends; voters 0 and 1 (from the new account) reveal, voter 2 never does.
        for _ in 0..3 {
            next_block();
        }
        assert_eq!(
            Runtime::election(ballot).map(|info| info.phase),
            Some(Phase::Revealing)
        );
        assert_eq!(
            cast(
                0,
                pallet_e_voting::Call::reveal_vote {
                    election: ballot,
                    option: 0,
                    salt: salt(0)
                }
            ),
            Ok(Ok(()))
        );
        assert_eq!(
            apply_signed(
                &recovered,
                1,
                RuntimeCall::Voting(pallet_e_voting::Call::reveal_vote {
                    election: ballot,
                    option: 0,
                    salt: salt(1)
                })
            ),
            Ok(Ok(()))
        );

        // No citizen paid anything: every vote went through the identity quota.
        assert!(voters
            .iter()
            .chain([&recovered])
            .all(|voter| crate::Balances::free_balance(account_of(voter)) == 0));
        assert!(!System::events().iter().any(|record| matches!(
            record.event,
            RuntimeEvent::TransactionPayment(
                pallet_transaction_payment::Event::TransactionFeePaid { .. }
            )
        )));

        // The poll closed when its voting ended: 5 of 5 citizens voted.
        let poll_tally = Runtime::tally(poll).expect("the poll exists");
        assert_eq!(poll_tally.votes, Some(vec![1, 2, 2]));
        let closure = poll_tally.closure.expect("the poll closed");
        assert_eq!(
            (poll_tally.ballots, closure.eligible, closure.spoiled),
            (5, 5, 0)
        );
        assert_eq!(closure.turnout, Permill::one());

        // The secret ballot closes after its reveal phase: the capital's 3 voters were eligible,
        // all 3 voted, one ballot is spoiled.
        for _ in 0..3 {
            next_block();
        }
        let ballot_tally = Runtime::tally(ballot).expect("the ballot exists");
        assert_eq!(ballot_tally.votes, Some(vec![2, 0]));
        let closure = ballot_tally.closure.expect("the ballot closed");
        assert_eq!(
            (ballot_tally.ballots, closure.eligible, closure.spoiled),
            (3, 3, 1)
        );
        assert_eq!(closure.closed_at, now + 6);
        System::assert_has_event(RuntimeEvent::Voting(
            pallet_e_voting::Event::ElectionClosed {
                election: ballot,
                votes: BoundedVec::truncate_from(vec![2, 0]),
                ballots: 3,
                closure,
            },
        ));
        assert_eq!(
            Runtime::voter_status(ballot, citizen(&voters[2])),
            Some(VoterStatus::Sealed)
        );
        assert_eq!(
            Runtime::election(ballot).map(|info| info.phase),
            Some(Phase::Closed)
        );
        assert_invariants();
    });
}

#[test]
fn the_council_cancels_a_running_election_with_its_reasons() {
    preset_externalities("local_testnet").execute_with(|| {
        let commissioner = fresh_key("Commissioner");
        pass_council_motion(register_institution("CEC", vec![Role::ElectionCommission]));
        assert_ok!(Identity::appoint_officer(
            RuntimeOrigin::signed(Dave.to_account_id()),
            0,
            account_of(&commissioner),
            System::block_number() + crate::DAYS
        ));
        let now = System::block_number();
        assert_ok!(Voting::create_election(
            RuntimeOrigin::signed(account_of(&commissioner)),
            ElectionSpec {
                question_hash: H256::repeat_byte(0xa1),
                options: options(&["YES", "NO"]),
                regions: None,
                voting_starts: now,
                voting_ends: now + 10,
                mode: BallotMode::Public,
                trustees: Default::default(),
            }
        ));
        // Voting has started: the commission no longer cancels, the council does.
        assert_eq!(
            Voting::cancel_election(RuntimeOrigin::signed(account_of(&commissioner)), 0),
            Err(Error::<Runtime>::VotingStarted.into())
        );
        let reason = H256::repeat_byte(0xd1);
        pass_council_motion(RuntimeCall::Voting(
            pallet_e_voting::Call::cancel_by_council {
                election: 0,
                reason,
            },
        ));
        assert!(matches!(
            Runtime::election(0).map(|info| info.status),
            Some(ElectionStatus::Cancelled {
                by: pallet_e_voting::Canceller::Council { reason: given },
                ..
            }) if given == reason
        ));
        for _ in 0..10 {
            next_block();
        }
        assert_eq!(
            Runtime::election(0).map(|info| info.phase),
            Some(Phase::Cancelled)
        );
        assert_invariants();
    });
}

/// An encrypted election in the real runtime: three trustees of three institutions (the
/// commission, a court, the audit chamber) make the key on chain, two of whom decrypt; fifty
/// token-less citizens cast encrypted ballots fee-free, five of them change their vote; the judge
/// stays away from the tally; anyone publishes the counts, which the chain checks against the
/// two trustees' decryption shares. No storage item or event ever holds a choice. The tally
/// verifier (what `govchain-node verify-tally` runs), reading the chain through the runtime API,
/// verifies the record, and names the ballot whose proof bytes are then altered.
#[test]
fn an_encrypted_election_counts_fifty_secret_ballots_with_two_of_three_trustees() {
    use pallet_e_voting::{
        testing::{decrypted_counts, decryption_shares, encrypted_ballot, Trustees},
        Ballot, Ballots, EncryptedBallots, EncryptedSums,
    };
    use pallet_e_voting_runtime_api::verifier::verify_tally;
    preset_externalities("local_testnet").execute_with(|| {
        let names = ["Commissioner", "Registrar", "Judge", "AuditOfficer"];
        let [commissioner, registrar, judge, auditor] = names.map(fresh_key);
        pass_council_motion(RuntimeCall::Utility(pallet_utility::Call::batch_all {
            calls: vec![
                register_institution("CEC", vec![Role::ElectionCommission]),
                register_institution("PSA", vec![Role::CivilRegistry]),
                register_institution("COURT", vec![Role::Court]),
                register_institution("AUDIT", vec![Role::Auditor]),
            ],
        }));
        let expires = System::block_number() + 30 * crate::DAYS;
        for (institution, officer) in [&commissioner, &registrar, &judge, &auditor]
            .into_iter()
            .enumerate()
        {
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(Dave.to_account_id()),
                institution as u32,
                account_of(officer),
                expires
            ));
        }
        let voters: Vec<sr25519::Pair> =
            (0..50).map(|n| fresh_key(&format!("Elector{n}"))).collect();
        for (n, voter) in voters.iter().enumerate() {
            assert_eq!(
                apply_signed(
                    &registrar,
                    n as u32,
                    RuntimeCall::Identity(pallet_identity_registry::Call::register_citizen {
                        account: account_of(voter),
                        national_id_hash: H256::from_low_u64_be(0x5000 + n as u64),
                        region: Some(CAPITAL),
                        kyc_tier: KycTier::Basic,
                    })
                ),
                Ok(Ok(()))
            );
        }

        // Rounds of two blocks, voting in 4 blocks from now + 8, the tally until now + 20.
        let now = System::block_number();
        let spec = ElectionSpec::<Runtime> {
            question_hash: H256::repeat_byte(0xe1),
            options: options(&["ANNA", "BORIS", "CHEN"]),
            regions: None,
            voting_starts: now + 8,
            voting_ends: now + 12,
            mode: BallotMode::Encrypted {
                threshold: 2,
                tally_ends: now + 20,
            },
            trustees: BoundedVec::truncate_from(vec![
                account_of(&commissioner),
                account_of(&judge),
                account_of(&auditor),
            ]),
        };
        assert_eq!(
            apply_signed(
                &commissioner,
                0,
                RuntimeCall::Voting(pallet_e_voting::Call::create_election { spec })
            ),
            Ok(Ok(()))
        );
        let election = 0;
        let mut trustees = Trustees::<Runtime>::of(election, 42);
        trustees.run_ceremony();
        while System::block_number() < now + 8 {
            next_block();
        }
        assert_eq!(
            Runtime::election(election).map(|info| info.phase),
            Some(Phase::Voting)
        );

        // Voter n votes for n mod 3; the first five change to the next candidate. The last ten
        // sign their ballots for the commission's intake, which relays them in one batch with
        // one forged for another chain.
        let mut expected = [0u64; 3];
        let mut relayed = Vec::new();
        let genesis = frame_system::BlockHash::<Runtime>::get(0);
        for (n, voter) in voters.iter().enumerate() {
            let ballot =
                encrypted_ballot::<Runtime>(election, &account_of(voter), n as u32 % 3, n as u64);
            let last = if n < 5 { (n + 1) % 3 } else { n % 3 };
            expected[last] += 1;
            if n >= 40 {
                let sign_on = |genesis: H256| {
                    let payload = govchain_primitives::relay::signing_payload(
                        govchain_primitives::relay::RELAYED_BALLOT,
                        &genesis,
                        &0u32,
                        &pallet_e_voting::relayed_ballot_body(election, &ballot),
                    );
                    pallet_e_voting::RelayedBallot::<Runtime> {
                        voter: account_of(voter),
                        nonce: 0,
                        ballot: ballot.clone(),
                        signature: voter.sign(&payload).into(),
                    }
                };
                if n == 40 {
                    relayed.push(sign_on(H256::repeat_byte(0x99)));
                }
                relayed.push(sign_on(genesis));
                continue;
            }
            let cast = RuntimeCall::Voting(pallet_e_voting::Call::cast_encrypted_ballot {
                election,
                ballot,
            });
            assert_eq!(apply_signed(voter, 0, cast), Ok(Ok(())));
        }
        let relay = RuntimeCall::Voting(pallet_e_voting::Call::relay_encrypted_ballots {
            election,
            ballots: BoundedVec::truncate_from(relayed),
        });
        assert_eq!(apply_signed(&commissioner, 1, relay), Ok(Ok(())));
        assert!(System::events().iter().any(|record| record.event
            == RuntimeEvent::Voting(pallet_e_voting::Event::BallotsRelayed {
                election,
                cast: 10,
                refused: 1
            })));
        assert!(System::events().iter().any(|record| matches!(
            &record.event,
            RuntimeEvent::Voting(pallet_e_voting::Event::RelayedBallotRefused {
                position: 0,
                error,
                ..
            }) if *error == voting_error(Error::BadRelaySignature)
        )));
        // The relayed ballots used their signers' nonces, and (as the citizens' own
        // transactions would) their fee-free quota.
        assert_eq!(System::account_nonce(account_of(&voters[45])), 1);
        for (n, voter) in voters.iter().enumerate().take(5) {
            let ballot = encrypted_ballot::<Runtime>(
                election,
                &account_of(voter),
                (n as u32 + 1) % 3,
                1_000 + n as u64,
            );
            let cast = RuntimeCall::Voting(pallet_e_voting::Call::cast_encrypted_ballot {
                election,
                ballot,
            });
            assert_eq!(apply_signed(voter, 1, cast), Ok(Ok(())));
        }
        // Nothing in storage says how anyone voted, and nothing is counted yet.
        for voter in &voters {
            let citizen = Identity::citizen_of(&account_of(voter)).expect("a citizen");
            assert!(matches!(
                Ballots::<Runtime>::get(election, citizen),
                Some(Ballot::Encrypted(_))
            ));
        }
        assert_eq!(Runtime::tally(election).and_then(|tally| tally.votes), None);
        assert_eq!(
            Runtime::tally(election).map(|tally| tally.ballots),
            Some(50)
        );
        assert!(EncryptedSums::<Runtime>::get(election).is_some());

        while System::block_number() < now + 12 {
            next_block();
        }
        assert_eq!(
            Runtime::election(election).map(|info| info.phase),
            Some(Phase::Tallying)
        );
        // The judge stays away: the commissioner and the audit chamber decrypt.
        for (position, holder) in trustees.key_holders() {
            if position == 1 {
                continue;
            }
            let officer = [&commissioner, &judge, &auditor][usize::from(position)];
            assert_ok!(Voting::post_decryption_shares(
                RuntimeOrigin::signed(account_of(officer)),
                election,
                decryption_shares::<Runtime>(election, &holder, u64::from(position))
            ));
        }
        let counts = decrypted_counts::<Runtime>(election, 50);
        assert_eq!(counts, expected.to_vec());
        let publish = RuntimeCall::Voting(pallet_e_voting::Call::publish_tally {
            election,
            counts: BoundedVec::truncate_from(counts.clone()),
        });
        assert_eq!(apply_signed(&voters[7], 1, publish), Ok(Ok(())));
        assert_eq!(
            Runtime::tally(election).and_then(|tally| tally.votes),
            Some(counts)
        );
        assert!(matches!(
            Runtime::election(election).map(|info| info.status),
            Some(ElectionStatus::Closed(closure)) if closure.spoiled == 0 && closure.eligible == 50
        ));
        // No event names a choice either: only receipts, sums and counts.
        for record in System::events() {
            if let RuntimeEvent::Voting(event) = record.event {
                assert!(!matches!(
                    event,
                    pallet_e_voting::Event::VoteCast { .. }
                        | pallet_e_voting::Event::VoteRevealed { .. }
                ));
            }
        }

        // A voter finds the ballot their wallet cast counted, by its receipt.
        let changed_mind = Identity::citizen_of(&account_of(&voters[2])).expect("a citizen");
        let recast = encrypted_ballot::<Runtime>(election, &account_of(&voters[2]), 0, 1_002);
        assert_eq!(
            Runtime::ballot_receipt(election, changed_mind),
            Some(H256(govchain_ballot::receipt(&recast)))
        );

        // Anyone checks the whole record through the runtime API (pages of 7 ballots).
        let verify = || {
            verify_tally(election, Runtime::encrypted_record(election), |after| {
                Ok::<_, ()>(Runtime::encrypted_ballots(election, after, 7))
            })
            .expect("the runtime answers")
            .to_string()
        };
        assert_eq!(verify(), "tally verified: 50 ballots, counts checked");
        // One ballot's proof bytes altered in storage: the verifier names its voter.
        let honest = EncryptedBallots::<Runtime>::get(election, changed_mind).expect("a ballot");
        let mut altered = honest.clone();
        let last = altered.len() - 1;
        altered[last] ^= 0x40;
        EncryptedBallots::<Runtime>::insert(election, changed_mind, altered);
        let report = verify();
        assert!(
            report.starts_with(&format!(
                "inconsistency: the ballot of citizen {changed_mind} does not hold"
            )),
            "{report}"
        );
        EncryptedBallots::<Runtime>::insert(election, changed_mind, honest);
        assert_eq!(Runtime::encrypted_record(election + 1), None);
        assert_invariants();
    });
}
