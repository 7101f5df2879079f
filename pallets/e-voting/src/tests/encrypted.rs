//! Encrypted elections: trustees named at creation, their key ceremony, encrypted ballots added
//! up as they are cast, decryption shares and the checked tally, and the deadlines that fail an
//! election without a key or a tally.
//!
//! The trustees act through `crate::testing::Trustees`, which runs each trustee's private side
//! with a seeded random source and signs with its account; `encrypted_spec` names
//! `COMMISSIONER`, `JUDGE` and `AUDITOR` (positions 0, 1, 2), two of whom decrypt.

use super::*;
use crate::{
    testing::{decrypted_counts, decryption_shares, encrypted_ballot, Trustees},
    BallotMode, CeremonyRound, Deadline, Deadlines, DecryptionShares, ElectionSpec,
    EncryptedBallots, EncryptedSums, Failure, KeyCeremonies, Phase, Receipts, TrusteePosition,
};
use frame_support::BoundedVec;

/// The first block of voting in `encrypted_spec`.
const STARTS: u64 = 10;
/// The first block after voting in `encrypted_spec`: the tally begins.
const ENDS: u64 = 20;
/// The first block after the tally period of `encrypted_spec`.
const TALLY_ENDS: u64 = 30;

fn trustees(election: ElectionId) -> Trustees<Test> {
    Trustees::of(election, 7)
}

/// An encrypted election whose ceremony ran without fault, at the start of its voting.
fn open_encrypted_election() -> (ElectionId, Trustees<Test>) {
    let election = create(encrypted_spec());
    let mut trustees = trustees(election);
    trustees.run_ceremony();
    run_to_block(STARTS);
    (election, trustees)
}

fn cast(who: u64, election: ElectionId, ballot: crate::EncryptedBallot) -> DispatchResult {
    Voting::cast_encrypted_ballot(RuntimeOrigin::signed(who), election, ballot)
        .map(|_| ())
        .map_err(|error| error.error)
}

/// `who`'s ballot for option `choice` of `election`, with secrets drawn from `seed`.
fn ballot_for(who: u64, election: ElectionId, choice: u32, seed: u64) -> crate::EncryptedBallot {
    encrypted_ballot::<Test>(election, &who, choice, seed)
}

fn post_shares(
    trustee: u64,
    election: ElectionId,
    shares: BoundedVec<govchain_ballot::DecryptionShare, MaxOptions>,
) -> DispatchResult {
    Voting::post_decryption_shares(RuntimeOrigin::signed(trustee), election, shares)
        .map(|_| ())
        .map_err(|error| error.error)
}

fn publish(election: ElectionId, counts: Vec<u64>) -> DispatchResult {
    Voting::publish_tally(RuntimeOrigin::signed(NOBODY), election, bounded(counts))
        .map(|_| ())
        .map_err(|error| error.error)
}

fn ballot_of(election: ElectionId, voter: CitizenId) -> Option<Ballot> {
    ballot(election, voter)
}

fn account_of(position: TrusteePosition) -> u64 {
    [COMMISSIONER, JUDGE, AUDITOR][usize::from(position)]
}

mod creation {
    use super::*;

    #[test]
    fn an_encrypted_election_names_its_trustees_and_schedules_its_key_and_tally() {
        build_and_execute(|| {
            let election = create(encrypted_spec());
            let ceremony = KeyCeremonies::<Test>::get(election).unwrap();
            assert_eq!(ceremony.threshold, 2);
            assert_eq!(ceremony.starts, 1);
            // (10 - 1) / 4 blocks per round.
            assert_eq!(ceremony.round_length, 2);
            let named: Vec<_> = ceremony
                .trustees
                .iter()
                .map(|trustee| (trustee.account, trustee.institution))
                .collect();
            assert_eq!(
                named,
                vec![
                    (COMMISSIONER, COMMISSION_ID),
                    (JUDGE, COURT_ID),
                    (AUDITOR, AUDIT_ID)
                ]
            );
            assert_eq!(ceremony.key, None);
            assert_eq!(
                Deadlines::<Test>::get(STARTS).into_inner(),
                vec![(election, Deadline::ElectionKey)]
            );
            assert_eq!(
                Deadlines::<Test>::get(TALLY_ENDS).into_inner(),
                vec![(election, Deadline::Tally)]
            );
            assert_eq!(
                crate::ClosingAt::<Test>::get(ENDS).into_inner(),
                vec![election]
            );
        });
    }

    #[test]
    fn trustees_are_three_to_fifteen_serving_officers_of_distinct_institutions() {
        build_and_execute(|| {
            let with = |trustees: Vec<u64>, threshold: u8| ElectionSpec {
                trustees: bounded(trustees),
                mode: BallotMode::Encrypted {
                    threshold,
                    tally_ends: TALLY_ENDS,
                },
                ..encrypted_spec()
            };
            let refused = |spec, error: Error<Test>| {
                assert_noop!(
                    without_post_info(Voting::create_election(
                        RuntimeOrigin::signed(COMMISSIONER),
                        spec
                    )),
                    error
                );
            };
            refused(with(vec![COMMISSIONER, JUDGE], 2), Error::WrongTrusteeCount);
            refused(with(vec![], 2), Error::WrongTrusteeCount);
            refused(
                with(vec![COMMISSIONER, JUDGE, AUDITOR], 1),
                Error::InvalidThreshold,
            );
            refused(
                with(vec![COMMISSIONER, JUDGE, AUDITOR], 4),
                Error::InvalidThreshold,
            );
            for outsider in [ALICE, NOBODY] {
                refused(
                    with(vec![COMMISSIONER, JUDGE, outsider], 2),
                    Error::TrusteeNotServing,
                );
            }
            Identity::expire_officer(AUDITOR);
            refused(
                with(vec![COMMISSIONER, JUDGE, AUDITOR], 2),
                Error::TrusteeNotServing,
            );
            refused(
                with(vec![COMMISSIONER, JUDGE, SECOND_COMMISSIONER], 2),
                Error::TrusteesShareInstitution,
            );
            refused(
                with(vec![COMMISSIONER, JUDGE, JUDGE], 2),
                Error::TrusteesShareInstitution,
            );
            assert_ok!(Voting::create_election(
                RuntimeOrigin::signed(COMMISSIONER),
                with(vec![COMMISSIONER, JUDGE, CLERK], 3)
            ));
        });
    }

    #[test]
    fn only_an_encrypted_election_names_trustees() {
        build_and_execute(|| {
            assert_noop!(
                without_post_info(Voting::create_election(
                    RuntimeOrigin::signed(COMMISSIONER),
                    ElectionSpec {
                        trustees: bounded(vec![COMMISSIONER, JUDGE, AUDITOR]),
                        ..public_spec()
                    }
                )),
                Error::<Test>::TrusteesNotUsed
            );
        });
    }

    #[test]
    fn the_schedule_leaves_room_for_the_ceremony_and_the_tally() {
        build_and_execute(|| {
            let refused = |spec, error: Error<Test>| {
                assert_noop!(
                    without_post_info(Voting::create_election(
                        RuntimeOrigin::signed(COMMISSIONER),
                        spec
                    )),
                    error
                );
            };
            let encrypted = |starts, ends, tally_ends| ElectionSpec {
                trustees: encrypted_spec().trustees,
                ..spec(
                    starts,
                    ends,
                    BallotMode::Encrypted {
                        threshold: 2,
                        tally_ends,
                    },
                )
            };
            // Four rounds need four blocks between now (1) and the start of voting.
            refused(encrypted(4, 20, 30), Error::KeyCeremonyTooShort);
            refused(encrypted(10, 20, 20), Error::EmptyTallyPeriod);
            refused(encrypted(10, 20, 1_002), Error::ScheduleTooLong);
            assert_ok!(Voting::create_election(
                RuntimeOrigin::signed(COMMISSIONER),
                encrypted(5, 20, 1_001)
            ));
        });
    }

    #[test]
    fn a_full_deadline_block_is_refused() {
        build_and_execute(|| {
            // Two elections may meet deadlines in one block.
            let shifted = |ends| ElectionSpec {
                voting_ends: ends,
                ..encrypted_spec()
            };
            create(shifted(20));
            create(shifted(21));
            assert_noop!(
                without_post_info(Voting::create_election(
                    RuntimeOrigin::signed(COMMISSIONER),
                    shifted(22)
                )),
                Error::<Test>::ClosingBlockFull
            );
        });
    }
}

mod ceremony {
    use super::*;

    #[test]
    fn three_trustees_make_a_key_none_of_them_holds() {
        build_and_execute(|| {
            let election = create(encrypted_spec());
            let mut trustees = trustees(election);
            trustees.run_ceremony();
            assert_eq!(KeyCeremonies::<Test>::get(election).unwrap().key, None);
            run_to_block(STARTS);
            let ceremony = KeyCeremonies::<Test>::get(election).unwrap();
            let key = ceremony.key.expect("the key is made when voting starts");
            assert_eq!(
                last_event(),
                Event::ElectionKeyMade {
                    election,
                    key,
                    qualified: 3
                }
            );
            assert!(ceremony.trustees.iter().all(|t| t.key_share.is_some()));
            assert_eq!(
                EncryptedSums::<Test>::get(election).unwrap().into_inner(),
                vec![govchain_ballot::Ciphertext::ZERO; 3]
            );
            // Each trustee's secret share matches the key share the chain combined.
            for (position, holder) in trustees.key_holders() {
                assert_eq!(holder.election_key(), key);
                assert_eq!(
                    Some(holder.key_share()),
                    ceremony.trustees[usize::from(position)].key_share
                );
            }
        });
    }

    #[test]
    fn each_step_belongs_to_its_round() {
        build_and_execute(|| {
            let election = create(encrypted_spec());
            let mut trustees = trustees(election);
            trustees.go_to(CeremonyRound::Publish);
            assert_noop!(trustees.commit(0), Error::<Test>::WrongCeremonyRound);
            trustees.go_to(CeremonyRound::Commit);
            assert_ok!(trustees.commit(0));
            assert_noop!(trustees.commit(0), Error::<Test>::AlreadyCommitted);
            assert_noop!(
                trustees.publish(0).map_err(|e| e.error),
                Error::<Test>::WrongCeremonyRound
            );
            assert_ok!(trustees.commit(1));
            trustees.go_to(CeremonyRound::Publish);
            assert_ok!(trustees.publish(0));
            assert_noop!(
                trustees.publish(0).map_err(|e| e.error),
                Error::<Test>::AlreadyPublished
            );
            // The auditor missed the commit round: it takes no further part.
            assert_noop!(
                trustees.publish(2).map_err(|e| e.error),
                Error::<Test>::NotCommitted
            );
            trustees.go_to(CeremonyRound::Share);
            let shares = trustees.shares(0);
            assert_eq!(
                shares.len(),
                0,
                "the judge has not published: nobody to share with"
            );
            // The judge did not publish: it deals nothing.
            let judge_shares = BoundedVec::truncate_from(vec![]);
            assert_noop!(
                trustees.post_shares(1, judge_shares),
                Error::<Test>::NotPublished
            );
            assert_ok!(trustees.post_shares(0, shares.clone()));
            assert_noop!(
                trustees.post_shares(0, shares),
                Error::<Test>::SharesAlreadyPosted
            );
            run_to_block(STARTS - 1);
            assert_eq!(
                trustees.round_starts(CeremonyRound::Complain),
                7,
                "the last round takes the block the division leaves over"
            );
            assert_noop!(
                trustees.post_shares(0, BoundedVec::truncate_from(vec![])),
                Error::<Test>::WrongCeremonyRound
            );
            run_to_block(STARTS);
            // One qualified trustee of the two needed: no key.
            assert_eq!(
                last_event(),
                Event::ElectionFailed {
                    election,
                    reason: Failure::NoElectionKey
                }
            );
            assert_eq!(
                status(election),
                ElectionStatus::Failed {
                    reason: Failure::NoElectionKey,
                    at: STARTS
                }
            );
            assert_noop!(
                cast(ALICE, election, BoundedVec::truncate_from(vec![1, 2, 3])),
                Error::<Test>::ElectionFailed
            );
            run_to_block(TALLY_ENDS + 1);
            assert_eq!(
                status(election),
                ElectionStatus::Failed {
                    reason: Failure::NoElectionKey,
                    at: STARTS
                }
            );
        });
    }

    #[test]
    fn only_a_named_serving_trustee_takes_part() {
        build_and_execute(|| {
            let election = create(encrypted_spec());
            let public = create(public_spec());
            let trustees = trustees(election);
            for outsider in [CLERK, SECOND_COMMISSIONER, OTHER_COMMISSIONER] {
                assert_noop!(
                    Voting::commit_key_part(
                        RuntimeOrigin::signed(outsider),
                        election,
                        [1; 32],
                        [2; 32]
                    ),
                    Error::<Test>::NotTrustee
                );
            }
            assert_noop!(
                Voting::commit_key_part(RuntimeOrigin::signed(ALICE), election, [1; 32], [2; 32]),
                IdentityError::NotOfficer
            );
            assert_noop!(
                Voting::commit_key_part(RuntimeOrigin::none(), election, [1; 32], [2; 32]),
                DispatchError::BadOrigin
            );
            assert_noop!(
                Voting::commit_key_part(
                    RuntimeOrigin::signed(COMMISSIONER),
                    public,
                    [1; 32],
                    [2; 32]
                ),
                Error::<Test>::NotEncrypted
            );
            assert_noop!(
                Voting::commit_key_part(RuntimeOrigin::signed(COMMISSIONER), 99, [1; 32], [2; 32]),
                Error::<Test>::UnknownElection
            );
            Identity::expire_officer(JUDGE);
            assert_noop!(trustees.commit(1), IdentityError::OfficerExpired);
            assert_ok!(council_cancels(election));
            assert_noop!(trustees.commit(0), Error::<Test>::ElectionCancelled);
        });
    }

    #[test]
    fn a_publication_must_open_the_commitment_and_prove_the_polynomial() {
        build_and_execute(|| {
            let election = create(encrypted_spec());
            let trustees = trustees(election);
            assert_ok!(trustees.commit(0));
            assert_ok!(trustees.commit(1));
            trustees.go_to(CeremonyRound::Publish);
            let (polynomial, proof, opening) = trustees.publication(0);
            let publish = |polynomial, proof, opening| {
                Voting::publish_key_part(
                    RuntimeOrigin::signed(COMMISSIONER),
                    election,
                    polynomial,
                    proof,
                    opening,
                )
                .map_err(|error| error.error)
            };
            // The judge's part, published as the commissioner's: not what it committed to.
            let (judges, judges_proof, judges_opening) = trustees.publication(1);
            assert_noop!(
                publish(judges, judges_proof, judges_opening),
                Error::<Test>::KeyCommitmentMismatch
            );
            assert_noop!(
                publish(polynomial.clone(), proof.clone(), [0; 32]),
                Error::<Test>::KeyCommitmentMismatch
            );
            let short = BoundedVec::truncate_from(polynomial[..1].to_vec());
            assert_noop!(
                publish(short, proof.clone(), opening),
                Error::<Test>::InvalidPolynomial
            );
            let mut bad_point = polynomial.clone();
            bad_point[1] = [0xff; 32];
            assert_noop!(
                publish(bad_point, proof.clone(), opening),
                Error::<Test>::InvalidPolynomial
            );
            let mut other_point = polynomial.clone();
            other_point[1] = polynomial[0];
            assert_noop!(
                publish(other_point, proof.clone(), opening),
                Error::<Test>::InvalidPossessionProof
            );
            assert_noop!(
                publish(
                    polynomial.clone(),
                    BoundedVec::truncate_from(vec![1, 2, 3]),
                    opening
                ),
                Error::<Test>::InvalidPossessionProof
            );
            assert_ok!(publish(polynomial, proof, opening));
            assert_eq!(
                last_event(),
                Event::KeyPartPublished {
                    election,
                    trustee: 0
                }
            );
        });
    }

    #[test]
    fn a_trustee_shares_with_every_other_that_published() {
        build_and_execute(|| {
            let election = create(encrypted_spec());
            let mut trustees = trustees(election);
            assert_ok!(trustees.commit_and_publish());
            trustees.go_to(CeremonyRound::Share);
            let shares = trustees.shares(0);
            assert_eq!(shares.len(), 2);
            assert_noop!(
                trustees.post_shares(0, BoundedVec::truncate_from(shares[..1].to_vec())),
                Error::<Test>::WrongShareCount
            );
            let mut three = shares.clone().into_inner();
            three.push(shares[0]);
            assert_noop!(
                trustees.post_shares(0, BoundedVec::truncate_from(three)),
                Error::<Test>::WrongShareCount
            );
            assert_ok!(trustees.post_shares(0, shares));
        });
    }

    /// All three commit and publish; the judge posts a wrong share for the auditor, and the
    /// commissioner's are right. At the complaint round the auditor complains about both.
    fn ceremony_with_a_wrong_share() -> (ElectionId, Trustees<Test>) {
        let election = create(encrypted_spec());
        let mut trustees = trustees(election);
        assert_ok!(trustees.commit_and_publish());
        trustees.go_to(CeremonyRound::Share);
        for position in 0..3 {
            let mut shares = trustees.shares(position);
            if position == 1 {
                // The judge's share for the auditor (its second recipient), masked wrong.
                shares[1].masked[0] ^= 1;
            }
            assert_ok!(trustees.post_shares(position, shares));
        }
        trustees.go_to(CeremonyRound::Complain);
        (election, trustees)
    }

    #[test]
    fn a_complaint_disqualifies_a_dealer_whose_share_is_wrong() {
        build_and_execute(|| {
            let (election, mut trustees) = ceremony_with_a_wrong_share();
            assert_ok!(trustees.complain(2, 1));
            assert_eq!(
                last_event(),
                Event::TrusteeDisqualified {
                    election,
                    dealer: 1,
                    complainant: 2
                }
            );
            assert_noop!(trustees.complain(2, 1), Error::<Test>::AlreadyComplained);
            // A complaint about a right share is dismissed, and changes nothing else.
            assert_ok!(trustees.complain(2, 0));
            assert_eq!(
                last_event(),
                Event::ComplaintDismissed {
                    election,
                    dealer: 0,
                    complainant: 2
                }
            );
            let ceremony = KeyCeremonies::<Test>::get(election).unwrap();
            assert_eq!(
                ceremony
                    .trustees
                    .iter()
                    .map(|trustee| trustee.qualified())
                    .collect::<Vec<_>>(),
                vec![true, false, true]
            );
            // The key is made from the two qualified parts, and all three still hold a share
            // of it: the judge's own share of the others' parts is right.
            run_to_block(STARTS);
            assert!(matches!(
                last_event(),
                Event::ElectionKeyMade { qualified: 2, .. }
            ));
            let key = trustees.key();
            for (_, holder) in trustees.key_holders() {
                assert_eq!(holder.election_key(), key);
            }
        });
    }

    #[test]
    fn a_complaint_needs_a_proven_disclosure_of_a_share_received() {
        build_and_execute(|| {
            let (election, mut trustees) = ceremony_with_a_wrong_share();
            let disclosure = govchain_ballot::dkg::Disclosure {
                key: [0; 32],
                proof: [0; 64],
            };
            let complain = |who, dealer| {
                Voting::complain(RuntimeOrigin::signed(who), election, dealer, disclosure)
            };
            assert_noop!(complain(AUDITOR, 1), Error::<Test>::InvalidDisclosure);
            assert_noop!(complain(AUDITOR, 2), Error::<Test>::NoShareToComplainAbout);
            assert_noop!(complain(AUDITOR, 9), Error::<Test>::NoShareToComplainAbout);
            assert_noop!(complain(CLERK, 1), Error::<Test>::NotTrustee);
            // A disclosure of another share than the one sent to the complainant fails its
            // proof.
            trustees.setups.swap(0, 2);
            assert_noop!(trustees.complain(2, 1), Error::<Test>::InvalidDisclosure);
            run_to_block(STARTS);
            assert_noop!(complain(AUDITOR, 1), Error::<Test>::WrongCeremonyRound);
        });
    }

    #[test]
    fn a_dealer_that_posts_no_shares_is_left_out() {
        build_and_execute(|| {
            let election = create(encrypted_spec());
            let mut trustees = trustees(election);
            assert_ok!(trustees.commit_and_publish());
            trustees.go_to(CeremonyRound::Share);
            for position in 0..2 {
                let shares = trustees.shares(position);
                assert_ok!(trustees.post_shares(position, shares));
            }
            trustees.go_to(CeremonyRound::Complain);
            let disclosure = govchain_ballot::dkg::Disclosure {
                key: [0; 32],
                proof: [0; 64],
            };
            assert_noop!(
                Voting::complain(RuntimeOrigin::signed(COMMISSIONER), election, 2, disclosure),
                Error::<Test>::NoShareToComplainAbout
            );
            run_to_block(STARTS);
            assert!(matches!(
                last_event(),
                Event::ElectionKeyMade { qualified: 2, .. }
            ));
        });
    }
}

mod casting {
    use super::*;

    #[test]
    fn a_ballot_is_checked_and_added_to_the_encrypted_sums() {
        build_and_execute(|| {
            let (election, _) = open_encrypted_election();
            let ballot = ballot_for(ALICE, election, 1, 1);
            let receipt = H256(govchain_ballot::receipt(&ballot));
            assert_ok!(cast(ALICE, election, ballot.clone()));
            assert_eq!(
                last_event(),
                Event::EncryptedBallotCast {
                    election,
                    voter: ALICE_ID,
                    receipt,
                    replaced: false
                }
            );
            assert_eq!(
                ballot_of(election, ALICE_ID),
                Some(Ballot::Encrypted(receipt))
            );
            assert_eq!(
                EncryptedBallots::<Test>::get(election, ALICE_ID),
                Some(ballot.clone())
            );
            assert_eq!(Receipts::<Test>::get(election, receipt), Some(ALICE_ID));
            let ciphertexts = govchain_ballot::ballot_ciphertexts(3, &ballot).unwrap();
            assert_eq!(
                EncryptedSums::<Test>::get(election).unwrap().into_inner(),
                ciphertexts
            );
            assert_eq!(tally(election), (vec![0, 0, 0], 1));
            assert_eq!(
                Voting::voter_status(election, ALICE_ID),
                Some(crate::VoterStatus::Voted)
            );
            assert_eq!(Voting::tally_info(election).unwrap().votes, None);
        });
    }

    #[test]
    fn the_last_ballot_cast_counts() {
        build_and_execute(|| {
            let (election, _) = open_encrypted_election();
            let first = ballot_for(ALICE, election, 0, 1);
            let second = ballot_for(ALICE, election, 2, 2);
            assert_ok!(cast(ALICE, election, first.clone()));
            assert_ok!(cast(ALICE, election, second.clone()));
            assert!(matches!(
                last_event(),
                Event::EncryptedBallotCast { replaced: true, .. }
            ));
            let first_receipt = H256(govchain_ballot::receipt(&first));
            assert_eq!(Receipts::<Test>::get(election, first_receipt), None);
            assert_eq!(
                EncryptedSums::<Test>::get(election).unwrap().into_inner(),
                govchain_ballot::ballot_ciphertexts(3, &second).unwrap()
            );
            assert_eq!(tally(election), (vec![0, 0, 0], 1));
            // The ballot counted may not be cast again, by anyone (checked before its proof).
            assert_noop!(
                cast(ALICE, election, second.clone()),
                Error::<Test>::CopiedBallot
            );
            assert_noop!(cast(BOB, election, second), Error::<Test>::CopiedBallot);
            // The replaced one may come back.
            assert_ok!(cast(ALICE, election, first));
        });
    }

    #[test]
    fn a_ballot_that_is_not_one_valid_vote_is_refused() {
        build_and_execute(|| {
            let (election, _) = open_encrypted_election();
            assert_noop!(
                cast(ALICE, election, BoundedVec::truncate_from(vec![7; 100])),
                Error::<Test>::MalformedBallot
            );
            let key = KeyCeremonies::<Test>::get(election).unwrap().key.unwrap();
            let mut rng =
                <rand_chacha::ChaCha20Rng as rand_chacha::rand_core::SeedableRng>::seed_from_u64(3);
            let context = govchain_ballot::ballot_context(election, ALICE_ID);
            let two_options =
                govchain_ballot::encrypt_ballot(&key, 2, 0, &context, &mut rng).unwrap();
            assert_noop!(
                cast(ALICE, election, BoundedVec::truncate_from(two_options)),
                Error::<Test>::WrongOptionCount
            );
            // A ballot for another election's key: its proof does not hold under this one.
            let other_key =
                govchain_ballot::generate_trustees(3, 2, &mut rng).unwrap()[0].election_key();
            let foreign =
                govchain_ballot::encrypt_ballot(&other_key, 3, 0, &context, &mut rng).unwrap();
            assert_noop!(
                cast(ALICE, election, BoundedVec::truncate_from(foreign)),
                Error::<Test>::InvalidBallotProof
            );
            // A ballot bound to another election.
            let elsewhere = govchain_ballot::encrypt_ballot(
                &key,
                3,
                0,
                &govchain_ballot::ballot_context(election + 1, ALICE_ID),
                &mut rng,
            )
            .unwrap();
            assert_noop!(
                cast(ALICE, election, BoundedVec::truncate_from(elsewhere)),
                Error::<Test>::InvalidBallotProof
            );
            // A ballot in the format cast before ballots were bound to their voters.
            let earlier =
                govchain_ballot::encrypt_earlier_format_ballot(&key, 3, 0, &mut rng).unwrap();
            assert_noop!(
                cast(ALICE, election, BoundedVec::truncate_from(earlier)),
                Error::<Test>::MalformedBallot
            );
            // A ballot whose bytes were altered after its proof was made.
            let mut altered = ballot_for(ALICE, election, 0, 4).into_inner();
            altered[40] ^= 1;
            let error = cast(ALICE, election, BoundedVec::truncate_from(altered)).unwrap_err();
            assert!(
                error == Error::<Test>::InvalidBallotProof.into()
                    || error == Error::<Test>::MalformedBallot.into(),
                "{error:?}"
            );
        });
    }

    /// An election in flight when the ballot format changed: Alice's ballot was cast in the
    /// earlier format (stored as the chain stored it then). Her new ballot replaces it (the
    /// earlier one is subtracted from the sums), the invariants hold throughout, and the whole
    /// record still verifies with the earlier ballot of another voter in it.
    #[test]
    fn a_ballot_stored_in_the_earlier_format_is_replaced_and_verified() {
        build_and_execute(|| {
            let (election, _) = open_encrypted_election();
            let key = KeyCeremonies::<Test>::get(election).unwrap().key.unwrap();
            let mut rng =
                <rand_chacha::ChaCha20Rng as rand_chacha::rand_core::SeedableRng>::seed_from_u64(8);
            let record = crate::Elections::<Test>::get(election).unwrap();
            for citizen in [ALICE_ID, BOB_ID] {
                let earlier: crate::EncryptedBallot = BoundedVec::truncate_from(
                    govchain_ballot::encrypt_earlier_format_ballot(&key, 3, 2, &mut rng).unwrap(),
                );
                let receipt = H256(govchain_ballot::receipt(&earlier));
                let mut sums = EncryptedSums::<Test>::get(election).unwrap();
                govchain_ballot::accumulate(
                    sums.as_mut(),
                    &govchain_ballot::ballot_ciphertexts(3, &earlier).unwrap(),
                    false,
                )
                .unwrap();
                EncryptedSums::<Test>::insert(election, sums);
                EncryptedBallots::<Test>::insert(election, citizen, earlier);
                Ballots::<Test>::insert(election, citizen, Ballot::Encrypted(receipt));
                Receipts::<Test>::insert(election, receipt, citizen);
                crate::Tallies::<Test>::mutate(election, |tally| {
                    tally.as_mut().unwrap().ballots += 1
                });
                Voting::hold_ballot(citizen, &record);
            }
            Voting::do_try_state().unwrap();

            let new = ballot_for(ALICE, election, 0, 9);
            assert_ok!(cast(ALICE, election, new.clone()));
            assert!(matches!(
                last_event(),
                Event::EncryptedBallotCast { replaced: true, .. }
            ));
            assert_eq!(tally(election), (vec![0, 0, 0], 2));
            let bobs = EncryptedBallots::<Test>::get(election, BOB_ID).unwrap();
            let mut expected = vec![govchain_ballot::Ciphertext::ZERO; 3];
            for ballot in [&new, &bobs] {
                govchain_ballot::accumulate(
                    &mut expected,
                    &govchain_ballot::ballot_ciphertexts(3, ballot).unwrap(),
                    false,
                )
                .unwrap();
            }
            assert_eq!(
                EncryptedSums::<Test>::get(election).unwrap().into_inner(),
                expected
            );
            Voting::do_try_state().unwrap();
            let ballots: Vec<_> = [(ALICE_ID, new.into_inner()), (BOB_ID, bobs.into_inner())]
                .into_iter()
                .collect();
            let record = Voting::encrypted_record(election).unwrap();
            assert_eq!(
                record
                    .verify(election, &ballots)
                    .map(|verified| verified.ballots),
                Ok(2)
            );
        });
    }

    #[test]
    fn a_ballot_copied_from_another_voter_is_refused() {
        build_and_execute(|| {
            let (election, _) = open_encrypted_election();
            let ballot = ballot_for(ALICE, election, 0, 1);
            // Its proof is bound to Alice: under Bob's name it does not hold.
            assert_noop!(
                cast(BOB, election, ballot.clone()),
                Error::<Test>::InvalidBallotProof
            );
            assert_ok!(cast(ALICE, election, ballot.clone()));
            // Once counted, it is a copy whoever casts it again.
            assert_noop!(
                cast(BOB, election, ballot.clone()),
                Error::<Test>::CopiedBallot
            );
            assert_noop!(cast(ALICE, election, ballot), Error::<Test>::CopiedBallot);
        });
    }

    #[test]
    fn only_eligible_citizens_cast_while_voting_is_open() {
        build_and_execute(|| {
            let election = create(encrypted_spec());
            let mut trustees = trustees(election);
            trustees.run_ceremony();
            run_to_block(STARTS - 1);
            assert_noop!(
                cast(ALICE, election, BoundedVec::truncate_from(vec![1])),
                Error::<Test>::VotingNotStarted
            );
            run_to_block(STARTS);
            let ballot = ballot_for(ALICE, election, 0, 1);
            assert_noop!(
                cast(NOBODY, election, ballot.clone()),
                Error::<Test>::NotCitizen
            );
            assert_noop!(
                cast(COMMISSIONER, election, ballot.clone()),
                Error::<Test>::NotCitizen
            );
            assert_noop!(
                Voting::cast_encrypted_ballot(RuntimeOrigin::none(), election, ballot.clone()),
                DispatchError::BadOrigin
            );
            assert_noop!(
                cast(ALICE, 99, ballot.clone()),
                Error::<Test>::UnknownElection
            );
            assert_noop!(vote(ALICE, election, 0), Error::<Test>::EncryptedElection);
            assert_noop!(
                commit(ALICE, election, H256::zero()),
                Error::<Test>::EncryptedElection
            );
            let poll = create(ElectionSpec {
                voting_starts: STARTS,
                voting_ends: 40,
                ..public_spec()
            });
            assert_noop!(
                cast(ALICE, poll, ballot.clone()),
                Error::<Test>::NotEncrypted
            );
            run_to_block(ENDS);
            assert_noop!(cast(ALICE, election, ballot), Error::<Test>::VotingClosed);
        });
    }

    #[test]
    fn a_region_limited_election_refuses_other_regions() {
        build_and_execute(|| {
            let election = create(ElectionSpec {
                regions: Some(bounded(vec![2])),
                ..encrypted_spec()
            });
            let mut trustees = trustees(election);
            trustees.run_ceremony();
            run_to_block(STARTS);
            assert_noop!(
                cast(ALICE, election, ballot_for(ALICE, election, 0, 1)),
                Error::<Test>::NotEligible
            );
            assert_ok!(cast(CAROL, election, ballot_for(CAROL, election, 0, 2)));
        });
    }
}

mod tally {
    use super::*;

    /// Alice votes YES then changes to NO, Bob NO, Carol ABSTAIN, Dave YES; voting ends.
    fn voted_election() -> (ElectionId, Vec<(TrusteePosition, govchain_ballot::Trustee)>) {
        let (election, trustees) = open_encrypted_election();
        assert_ok!(cast(ALICE, election, ballot_for(ALICE, election, 0, 1)));
        assert_ok!(cast(BOB, election, ballot_for(BOB, election, 1, 2)));
        assert_ok!(cast(CAROL, election, ballot_for(CAROL, election, 2, 3)));
        assert_ok!(cast(DAVE, election, ballot_for(DAVE, election, 0, 4)));
        assert_ok!(cast(ALICE, election, ballot_for(ALICE, election, 1, 5)));
        run_to_block(ENDS);
        (election, trustees.key_holders())
    }

    #[test]
    fn two_trustees_decrypt_and_anyone_publishes_the_checked_counts() {
        build_and_execute(|| {
            let (election, holders) = voted_election();
            let ElectionStatus::Tallying(closure) = status(election) else {
                panic!("the election tallies once voting ends");
            };
            assert_eq!(closure.eligible, 4);
            assert_eq!(closure.spoiled, 0);
            assert_eq!(
                last_event(),
                Event::TallyOpened {
                    election,
                    ballots: 4,
                    closure
                }
            );
            assert_eq!(
                Voting::election_info(election).unwrap().phase,
                Phase::Tallying
            );
            // The judge stays away; the commissioner and the auditor decrypt.
            for (position, holder) in &holders {
                if *position == 1 {
                    continue;
                }
                let shares = decryption_shares::<Test>(election, holder, u64::from(*position));
                assert_ok!(post_shares(account_of(*position), election, shares));
                assert_eq!(
                    last_event(),
                    Event::DecryptionSharesPosted {
                        election,
                        trustee: *position
                    }
                );
            }
            let counts = decrypted_counts::<Test>(election, 4);
            assert_eq!(counts, vec![1, 2, 1]);
            assert_noop!(
                publish(election, vec![2, 1, 1]),
                Error::<Test>::TallyMismatch
            );
            assert_noop!(
                publish(election, vec![1, 2]),
                Error::<Test>::WrongOptionCount
            );
            assert_ok!(publish(election, counts.clone()));
            assert_eq!(
                last_event(),
                Event::ElectionClosed {
                    election,
                    votes: bounded(counts),
                    ballots: 4,
                    closure
                }
            );
            assert_eq!(status(election), ElectionStatus::Closed(closure));
            assert_eq!(tally(election), (vec![1, 2, 1], 4));
            assert_eq!(
                Voting::tally_info(election).unwrap().votes,
                Some(vec![1, 2, 1])
            );
            assert!(Deadlines::<Test>::get(TALLY_ENDS).is_empty());
            assert_noop!(publish(election, vec![1, 2, 1]), Error::<Test>::NotTallying);
            // No storage holds a choice: the ballots say only that each citizen voted.
            for voter in 0..4 {
                assert!(matches!(
                    ballot_of(election, voter),
                    Some(Ballot::Encrypted(_))
                ));
            }
        });
    }

    #[test]
    fn decryption_shares_are_checked_against_the_trustee_s_key_share() {
        build_and_execute(|| {
            let (election, holders) = voted_election();
            let commissioner = decryption_shares::<Test>(election, &holders[0].1, 1);
            let judge = decryption_shares::<Test>(election, &holders[1].1, 2);
            // The judge's shares posted by the commissioner do not hold for its key share.
            assert_noop!(
                post_shares(COMMISSIONER, election, judge.clone()),
                Error::<Test>::InvalidDecryptionShare
            );
            assert_noop!(
                post_shares(
                    COMMISSIONER,
                    election,
                    BoundedVec::truncate_from(commissioner[..2].to_vec())
                ),
                Error::<Test>::InvalidDecryptionShare
            );
            let mut forged = commissioner.clone();
            forged[0].element = judge[0].element;
            assert_noop!(
                post_shares(COMMISSIONER, election, forged),
                Error::<Test>::InvalidDecryptionShare
            );
            assert_noop!(
                post_shares(CLERK, election, judge.clone()),
                Error::<Test>::NotTrustee
            );
            assert_noop!(
                post_shares(ALICE, election, judge.clone()),
                IdentityError::NotOfficer
            );
            assert_ok!(post_shares(COMMISSIONER, election, commissioner.clone()));
            assert_noop!(
                post_shares(COMMISSIONER, election, commissioner),
                Error::<Test>::DecryptionSharesAlreadyPosted
            );
            // One trustee's shares do not decrypt.
            assert_noop!(
                publish(election, vec![1, 2, 1]),
                Error::<Test>::NotEnoughDecryptionShares
            );
        });
    }

    #[test]
    fn nothing_is_decrypted_before_voting_ends() {
        build_and_execute(|| {
            let election = create(encrypted_spec());
            let trustees = trustees(election);
            let mut driver = trustees;
            driver.run_ceremony();
            run_to_block(STARTS);
            assert_ok!(cast(ALICE, election, ballot_for(ALICE, election, 0, 1)));
            let holders = driver.key_holders();
            let shares = decryption_shares::<Test>(election, &holders[0].1, 1);
            assert_noop!(
                post_shares(COMMISSIONER, election, shares),
                Error::<Test>::NotTallying
            );
            assert_noop!(publish(election, vec![1, 0, 0]), Error::<Test>::NotTallying);
            let poll = create(ElectionSpec {
                voting_starts: STARTS,
                voting_ends: 40,
                ..public_spec()
            });
            assert_noop!(publish(poll, vec![0, 0, 0]), Error::<Test>::NotEncrypted);
            assert_noop!(publish(99, vec![0, 0, 0]), Error::<Test>::UnknownElection);
            assert_noop!(
                Voting::publish_tally(RuntimeOrigin::none(), election, bounded(vec![1, 0, 0])),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn an_election_without_counts_by_the_end_of_its_tally_fails() {
        build_and_execute(|| {
            let (election, holders) = voted_election();
            let shares = decryption_shares::<Test>(election, &holders[0].1, 1);
            assert_ok!(post_shares(COMMISSIONER, election, shares));
            run_to_block(TALLY_ENDS);
            assert_eq!(
                status(election),
                ElectionStatus::Failed {
                    reason: Failure::NoTally,
                    at: TALLY_ENDS
                }
            );
            assert_eq!(
                last_event(),
                Event::ElectionFailed {
                    election,
                    reason: Failure::NoTally
                }
            );
            assert_noop!(publish(election, vec![1, 2, 1]), Error::<Test>::NotTallying);
            assert_noop!(council_cancels(election), Error::<Test>::ElectionFailed);
        });
    }

    #[test]
    fn the_council_may_stop_a_tally() {
        build_and_execute(|| {
            let (election, _) = voted_election();
            assert_noop!(
                Voting::cancel_election(RuntimeOrigin::signed(COMMISSIONER), election),
                Error::<Test>::VotingStarted
            );
            assert_ok!(council_cancels(election));
            assert!(Deadlines::<Test>::get(TALLY_ENDS).is_empty());
            assert_noop!(publish(election, vec![1, 2, 1]), Error::<Test>::NotTallying);
        });
    }

    #[test]
    fn a_cancelled_ceremony_leaves_no_deadline() {
        build_and_execute(|| {
            let election = create(encrypted_spec());
            assert_ok!(Voting::cancel_election(
                RuntimeOrigin::signed(COMMISSIONER),
                election
            ));
            assert!(Deadlines::<Test>::iter().next().is_none());
            run_to_block(TALLY_ENDS + 1);
            assert!(matches!(status(election), ElectionStatus::Cancelled { .. }));
            assert_eq!(DecryptionShares::<Test>::iter_prefix(election).count(), 0);
        });
    }
}

/// The public record the runtime API serves and the tally verifier checks.
mod record {
    use super::*;
    use crate::queries::MAX_BALLOT_PAGE;
    use govchain_ballot::verify::{Inconsistency, Verified};

    /// Every counted ballot of `election`, read in pages of `limit`.
    fn all_ballots(election: ElectionId, limit: u32) -> Vec<(CitizenId, Vec<u8>)> {
        let mut ballots: Vec<(CitizenId, Vec<u8>)> = Vec::new();
        loop {
            let after = ballots.last().map(|(citizen, _)| *citizen);
            let page = Voting::encrypted_ballots(election, after, limit);
            assert!(page.len() <= limit as usize);
            if page.is_empty() {
                return ballots;
            }
            ballots.extend(page);
        }
    }

    #[test]
    fn the_record_appears_with_the_key_and_verifies_from_ballots_to_counts() {
        build_and_execute(|| {
            // No record before the key, nor for a poll.
            let election = create(encrypted_spec());
            let poll = create(spec(2, 12, BallotMode::Public));
            assert_eq!(Voting::encrypted_record(election), None);
            assert_eq!(Voting::encrypted_record(poll), None);
            let mut trustees = trustees(election);
            trustees.run_ceremony();
            trustees.start_voting();
            let record = Voting::encrypted_record(election).expect("the key was made");
            assert_eq!(
                (record.options, record.threshold, record.key_shares.len()),
                (3, 2, 3)
            );
            assert_eq!(record.key, trustees.key());
            assert_eq!(record.counts, None);

            let cast_ballots = [(ALICE, 0), (BOB, 1), (CAROL, 2), (DAVE, 0)]
                .map(|(who, choice)| (who, ballot_for(who, election, choice, who)));
            for (who, ballot) in &cast_ballots {
                assert_ok!(cast(*who, election, ballot.clone()));
            }
            // Pages of one, two and the most give the same four ballots.
            let ballots = all_ballots(election, 1);
            assert_eq!(ballots.len(), 4);
            assert_eq!(all_ballots(election, 2), ballots);
            assert_eq!(all_ballots(election, u32::MAX), ballots);
            assert!(MAX_BALLOT_PAGE >= 4);
            let record = Voting::encrypted_record(election).unwrap();
            assert_eq!(
                record.verify(election, &ballots),
                Ok(Verified {
                    ballots: 4,
                    counts_checked: false
                })
            );

            // Each voter's receipt is that of the ballot the wallet cast.
            for (who, ballot) in &cast_ballots {
                assert_eq!(
                    Voting::ballot_receipt(election, citizen(*who)),
                    Some(H256(govchain_ballot::receipt(ballot)))
                );
            }
            assert_eq!(Voting::ballot_receipt(election, 99), None);
            assert_eq!(Voting::ballot_receipt(poll, citizen(ALICE)), None);

            // After the tally the counts are part of the record and checked.
            run_to_block(ENDS);
            for (position, holder) in trustees.key_holders().iter().take(2) {
                let shares = decryption_shares::<Test>(election, holder, 7);
                assert_ok!(post_shares(account_of(*position), election, shares));
            }
            assert_ok!(publish(election, vec![2, 1, 1]));
            let record = Voting::encrypted_record(election).unwrap();
            assert_eq!(record.counts, Some(vec![2, 1, 1]));
            assert_eq!(record.decryption_shares.len(), 2);
            assert_eq!(
                record.verify(election, &ballots),
                Ok(Verified {
                    ballots: 4,
                    counts_checked: true
                })
            );
            // A record missing a ballot, or with one altered, is caught.
            assert_eq!(
                record.verify(election, &ballots[1..]),
                Err(Inconsistency::BallotCount {
                    counted: 4,
                    stored: 3
                })
            );
            let mut altered = ballots.clone();
            let last = altered[2].1.len() - 1;
            altered[2].1[last] ^= 0x40;
            assert!(matches!(
                record.verify(election, &altered),
                Err(Inconsistency::Ballot { voter, .. }) if voter == altered[2].0
            ));
        });
    }
}

/// Ballots citizens sign and the commission relays in batches (`relay_encrypted_ballots`).
mod relaying {
    use super::*;
    use crate::RelayedBallot;
    use frame_support::{
        dispatch::{DispatchResultWithPostInfo, PostDispatchInfo},
        weights::Weight,
    };
    use govchain_primitives::relay::{signing_payload, RELAYED_BALLOT};

    /// `who`'s signature of `ballot` for `election` at `nonce`, on the chain whose genesis hash is
    /// `genesis`.
    fn signed_on(
        genesis: H256,
        who: u64,
        election: ElectionId,
        ballot: crate::EncryptedBallot,
        nonce: u32,
    ) -> RelayedBallot<Test> {
        let payload = signing_payload(
            RELAYED_BALLOT,
            &genesis,
            &nonce,
            &crate::relayed_ballot_body(election, &ballot),
        );
        RelayedBallot {
            voter: who,
            nonce,
            ballot,
            signature: TestSignature(who, payload),
        }
    }

    /// `who`'s signature of `ballot` for `election` at `nonce`, on this chain.
    fn signed_at(
        who: u64,
        election: ElectionId,
        ballot: crate::EncryptedBallot,
        nonce: u32,
    ) -> RelayedBallot<Test> {
        signed_on(System::block_hash(0), who, election, ballot, nonce)
    }

    /// `who`'s signed ballot for `choice`, at the account's current nonce.
    fn signed(who: u64, election: ElectionId, choice: u32, seed: u64) -> RelayedBallot<Test> {
        let ballot = ballot_for(who, election, choice, seed);
        signed_at(who, election, ballot, System::account_nonce(who))
    }

    fn relay_by(
        officer: u64,
        election: ElectionId,
        ballots: Vec<RelayedBallot<Test>>,
    ) -> DispatchResultWithPostInfo {
        Voting::relay_encrypted_ballots(RuntimeOrigin::signed(officer), election, bounded(ballots))
    }

    fn relay(
        election: ElectionId,
        ballots: Vec<RelayedBallot<Test>>,
    ) -> DispatchResultWithPostInfo {
        relay_by(COMMISSIONER, election, ballots)
    }

    /// The refusals the last relayed batch emitted: position, signer, error.
    fn refusals() -> Vec<(u32, u64, DispatchError)> {
        System::events()
            .into_iter()
            .filter_map(|record| match record.event {
                RuntimeEvent::Voting(Event::RelayedBallotRefused {
                    position,
                    signer,
                    error,
                    ..
                }) => Some((position, signer, error)),
                _ => None,
            })
            .collect()
    }

    fn actual_weight(result: DispatchResultWithPostInfo) -> Weight {
        let info: PostDispatchInfo = result.unwrap();
        info.actual_weight.unwrap()
    }

    #[test]
    fn a_batch_of_signed_ballots_is_counted_as_if_each_citizen_had_cast_it() {
        build_and_execute(|| {
            let (election, _) = open_encrypted_election();
            let batch = vec![
                signed(ALICE, election, 0, 1),
                signed(BOB, election, 2, 2),
                signed(CAROL, election, 2, 3),
            ];
            let receipts: Vec<H256> = batch
                .iter()
                .map(|relayed| H256(govchain_ballot::receipt(&relayed.ballot)))
                .collect();
            // Declared for the worst case at the ballots' options; charged for what happened.
            use frame_support::dispatch::GetDispatchInfo;
            let call = crate::Call::<Test>::relay_encrypted_ballots {
                election,
                ballots: bounded(batch.clone()),
            };
            assert_eq!(
                call.get_dispatch_info().call_weight,
                Voting::relay_weight(3, 3, true)
            );
            assert!(
                Voting::relay_weight(3, 3, false).ref_time()
                    < Voting::relay_weight(3, 3, true).ref_time()
            );
            System::reset_events();
            let weight = actual_weight(relay(election, batch.clone()));
            assert_eq!(weight, Voting::relay_weight(3, 3, false));
            assert_eq!(
                last_event(),
                Event::BallotsRelayed {
                    election,
                    cast: 3,
                    refused: 0
                }
            );
            assert_eq!(refusals(), vec![]);
            for ((who, citizen), receipt) in [(ALICE, ALICE_ID), (BOB, BOB_ID), (CAROL, 2)]
                .into_iter()
                .zip(&receipts)
            {
                assert_eq!(
                    ballot_of(election, citizen),
                    Some(Ballot::Encrypted(*receipt))
                );
                assert_eq!(System::account_nonce(who), 1);
                assert_eq!(Identity::citizen_quota_used(citizen), 1);
                assert!(System::events().iter().any(|record| record.event
                    == RuntimeEvent::Voting(Event::EncryptedBallotCast {
                        election,
                        voter: citizen,
                        receipt: *receipt,
                        replaced: false
                    })));
            }
            assert_eq!(tally(election), (vec![0, 0, 0], 3));
            // The sums are what casting the same ballots one by one gives.
            let mut sums = vec![govchain_ballot::Ciphertext::ZERO; 3];
            for relayed in &batch {
                let ciphertexts = govchain_ballot::ballot_ciphertexts(3, &relayed.ballot).unwrap();
                govchain_ballot::accumulate(&mut sums, &ciphertexts, false).unwrap();
            }
            assert_eq!(
                EncryptedSums::<Test>::get(election).unwrap().into_inner(),
                sums
            );

            // A relayed re-vote replaces the ballot; so does a direct one after it.
            assert_ok!(relay(election, vec![signed(ALICE, election, 1, 4)]));
            assert!(matches!(
                last_event(),
                Event::BallotsRelayed {
                    cast: 1,
                    refused: 0,
                    ..
                }
            ));
            assert_ok!(cast(ALICE, election, ballot_for(ALICE, election, 2, 5)));
            assert_eq!(tally(election), (vec![0, 0, 0], 3));
        });
    }

    #[test]
    fn each_bad_ballot_is_refused_alone_and_the_others_are_counted() {
        build_and_execute(|| {
            let (election, _) = open_encrypted_election();
            let eve = 20;
            register_citizen(eve, Some(1));
            let frank = 21;
            let frank_id = register_citizen(frank, Some(1));
            Identity::exhaust_citizen_quota(frank_id);
            let alice = signed(ALICE, election, 0, 1);
            let mut forged = signed(BOB, election, 1, 2);
            forged.signature = TestSignature(BOB, b"something else".to_vec());
            let other_chain = signed_on(
                H256::repeat_byte(9),
                CAROL,
                election,
                ballot_for(CAROL, election, 1, 3),
                0,
            );
            let ahead = signed_at(DAVE, election, ballot_for(DAVE, election, 1, 4), 1);
            // Bob's ballot signed by Eve: it holds for Bob, not for Eve.
            let borrowed = signed_at(eve, election, ballot_for(BOB, election, 1, 5), 0);
            let stranger = signed_at(NOBODY, election, ballot_for(ALICE, election, 1, 6), 0);
            let over_quota = signed(frank, election, 1, 7);
            let batch = vec![
                alice.clone(),
                forged,
                other_chain,
                ahead,
                borrowed,
                stranger,
                over_quota,
                alice,
            ];
            System::reset_events();
            let weight = actual_weight(relay(election, batch));
            assert_eq!(weight, Voting::relay_weight(8, 3, true));
            let module = |error: Error<Test>| DispatchError::from(error);
            assert_eq!(
                refusals(),
                vec![
                    (1, BOB, module(Error::BadRelaySignature)),
                    (2, CAROL, module(Error::BadRelaySignature)),
                    (3, DAVE, module(Error::FutureNonce)),
                    (5, NOBODY, module(Error::NotCitizen)),
                    (6, frank, IdentityError::FeeFreeQuotaExhausted.into()),
                    (7, ALICE, module(Error::StaleNonce)),
                    (4, eve, module(Error::InvalidBallotProof)),
                ]
            );
            assert_eq!(
                last_event(),
                Event::BallotsRelayed {
                    election,
                    cast: 1,
                    refused: 7
                }
            );
            assert_eq!(tally(election), (vec![0, 0, 0], 1));
            assert!(ballot_of(election, ALICE_ID).is_some());
            // Refused before its proof, a ballot used nothing; refused for its proof, it used
            // the signer's nonce and quota, as the signer's own transaction would.
            for who in [BOB, CAROL, DAVE, NOBODY, frank] {
                assert_eq!(System::account_nonce(who), 0);
            }
            assert_eq!(Identity::citizen_quota_used(BOB_ID), 0);
            assert_eq!(System::account_nonce(eve), 1);
            assert_eq!(System::account_nonce(ALICE), 1);
            assert_eq!(Identity::citizen_quota_used(ALICE_ID), 1);
        });
    }

    #[test]
    fn a_ballot_relayed_again_or_outrun_by_the_citizen_s_own_transaction_is_refused() {
        build_and_execute(|| {
            let (election, _) = open_encrypted_election();
            let first = signed(ALICE, election, 0, 1);
            assert_ok!(relay(election, vec![first.clone()]));
            let receipt = H256(govchain_ballot::receipt(&first.ballot));
            // The same signed ballot again, later: its nonce is used.
            System::reset_events();
            assert_ok!(relay(election, vec![first.clone()]));
            assert_eq!(
                refusals(),
                vec![(0, ALICE, Error::<Test>::StaleNonce.into())]
            );
            // A ballot signed for the next nonce, then a transaction of the citizen's own at it:
            // the relayed one is stale when it arrives.
            let next = signed(ALICE, election, 2, 2);
            System::inc_account_nonce(ALICE);
            System::reset_events();
            assert_ok!(relay(election, vec![next]));
            assert_eq!(
                refusals(),
                vec![(0, ALICE, Error::<Test>::StaleNonce.into())]
            );
            assert_eq!(
                ballot_of(election, ALICE_ID),
                Some(Ballot::Encrypted(receipt))
            );
            // The counted ballot signed again at a fresh nonce is a copy.
            let again = signed_at(ALICE, election, first.ballot, System::account_nonce(ALICE));
            System::reset_events();
            assert_ok!(relay(election, vec![again]));
            assert_eq!(
                refusals(),
                vec![(0, ALICE, Error::<Test>::CopiedBallot.into())]
            );
        });
    }

    #[test]
    fn a_batch_is_refused_whole_only_for_its_origin_or_its_election() {
        build_and_execute(|| {
            let poll = create(spec(2, 40, BallotMode::Public));
            let election = create(encrypted_spec());
            let mut trustees = trustees(election);
            let batch = |election| vec![signed_at(ALICE, election, BoundedVec::new(), 0)];
            assert_noop!(
                without_post_info(relay(election, batch(election))),
                Error::<Test>::VotingNotStarted
            );
            trustees.run_ceremony();
            run_to_block(STARTS);
            let batch = vec![signed(ALICE, election, 0, 1)];
            assert_noop!(
                without_post_info(relay_by(CLERK, election, batch.clone())),
                IdentityError::RoleNotHeld
            );
            assert_noop!(
                without_post_info(relay_by(NOBODY, election, batch.clone())),
                IdentityError::NotOfficer
            );
            assert_noop!(
                without_post_info(relay_by(ALICE, election, batch.clone())),
                IdentityError::NotOfficer
            );
            assert_noop!(
                without_post_info(relay(election, vec![])),
                Error::<Test>::NothingToRelay
            );
            assert_noop!(
                without_post_info(relay(99, batch.clone())),
                Error::<Test>::UnknownElection
            );
            assert_noop!(
                without_post_info(relay(poll, batch.clone())),
                Error::<Test>::NotEncrypted
            );
            let key = KeyCeremonies::<Test>::mutate(election, |ceremony| {
                ceremony.as_mut().unwrap().key.take()
            });
            assert_noop!(
                without_post_info(relay(election, batch.clone())),
                Error::<Test>::NoElectionKey
            );
            KeyCeremonies::<Test>::mutate(election, |ceremony| {
                ceremony.as_mut().unwrap().key = key
            });
            run_to_block(ENDS);
            assert_noop!(
                without_post_info(relay(election, batch)),
                Error::<Test>::VotingClosed
            );
        });
    }
}
