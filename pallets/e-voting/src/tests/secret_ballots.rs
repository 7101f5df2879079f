//! In a secret ballot an active, eligible citizen seals a commitment while voting is open,
//! replacing any earlier one; in the reveal phase that follows, whoever holds the identity
//! reveals option and salt, and only then is the ballot counted. Until voting ends nobody
//! learns any count.

use super::*;
use crate::{ElectionSpec, Phase, VoterStatus};

/// `secret_spec` limited to `regions`.
fn regional_ballot(regions: Vec<u32>) -> ElectionSpec<Test> {
    ElectionSpec {
        regions: Some(bounded(regions)),
        ..secret_spec()
    }
}

/// A secret ballot in its reveal phase (block 10), in which Alice sealed option 1 and Bob
/// option 2.
fn alice_and_bob_sealed() -> ElectionId {
    let election = open_secret_ballot();
    assert_ok!(seal(ALICE, election, 1));
    assert_ok!(seal(BOB, election, 2));
    run_to_block(VOTING_ENDS);
    election
}

mod commit_vote {
    use super::*;

    #[test]
    fn a_citizen_seals_a_ballot_that_is_cast_but_not_counted() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            let commitment = sealed(election, 1, ALICE_ID);

            assert_ok!(commit(ALICE, election, commitment));

            assert_eq!(ballot(election, ALICE_ID), Some(Ballot::Sealed(commitment)));
            assert_eq!(tally(election), (vec![0, 0, 0], 1));
            assert_eq!(
                Voting::voter_status(election, ALICE_ID),
                Some(VoterStatus::Sealed)
            );
            System::assert_last_event(
                Event::BallotSealed {
                    election,
                    voter: ALICE_ID,
                    replaced: false,
                }
                .into(),
            );
        });
    }

    #[test]
    fn a_new_commitment_replaces_the_earlier_one() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            assert_ok!(seal(ALICE, election, 0));
            assert_ok!(seal(BOB, election, 0));

            assert_ok!(seal(ALICE, election, 2));

            assert_eq!(
                ballot(election, ALICE_ID),
                Some(Ballot::Sealed(sealed(election, 2, ALICE_ID)))
            );
            assert_eq!(tally(election), (vec![0, 0, 0], 2));
            System::assert_last_event(
                Event::BallotSealed {
                    election,
                    voter: ALICE_ID,
                    replaced: true,
                }
                .into(),
            );
            // Only the new commitment is revealed.
            run_to_block(VOTING_ENDS);
            assert_noop!(
                reveal(ALICE, election, 0),
                Error::<Test>::CommitmentMismatch
            );
            assert_ok!(reveal(ALICE, election, 2));
            assert_eq!(tally(election), (vec![0, 0, 1], 2));
        });
    }

    #[test]
    fn a_citizen_moved_to_a_new_account_replaces_the_sealed_ballot() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            assert_ok!(seal(ALICE, election, 0));
            Identity::move_citizen(ALICE, 50);

            assert_ok!(seal(50, election, 1));

            assert_eq!(tally(election), (vec![0, 0, 0], 1));
            assert_eq!(
                ballot(election, ALICE_ID),
                Some(Ballot::Sealed(sealed(election, 1, ALICE_ID)))
            );
            System::assert_last_event(
                Event::BallotSealed {
                    election,
                    voter: ALICE_ID,
                    replaced: true,
                }
                .into(),
            );
            assert_noop!(seal_as(ALICE, election, 2), Error::<Test>::NotCitizen);
        });
    }

    /// Seals a commitment of `who`'s own making, whoever `who` is.
    fn seal_as(who: u64, election: ElectionId, option: OptionIndex) -> DispatchResult {
        commit(who, election, sealed(election, option, 99))
    }

    #[test]
    fn a_public_poll_takes_no_sealed_ballot() {
        build_and_execute(|| {
            let poll = open_public_poll();

            assert_noop!(seal(ALICE, poll, 0), Error::<Test>::PublicBallot);
        });
    }

    #[test]
    fn an_unknown_election_is_refused() {
        build_and_execute(|| {
            open_secret_ballot();

            assert_noop!(seal_as(ALICE, 1, 0), Error::<Test>::UnknownElection);
        });
    }

    #[test]
    fn ballots_are_refused_before_voting_starts() {
        build_and_execute(|| {
            let election = create(secret_spec());

            assert_noop!(seal(ALICE, election, 0), Error::<Test>::VotingNotStarted);
        });
    }

    #[test]
    fn ballots_are_sealed_until_the_last_block_before_voting_ends() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            run_to_block(VOTING_ENDS - 1);

            assert_ok!(seal(ALICE, election, 0));
        });
    }

    #[test]
    fn ballots_are_refused_in_the_reveal_phase() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            assert_ok!(seal(ALICE, election, 0));
            run_to_block(VOTING_ENDS);

            assert_noop!(seal(BOB, election, 0), Error::<Test>::VotingClosed);
            // Not even a replacement.
            assert_noop!(seal(ALICE, election, 1), Error::<Test>::VotingClosed);
            run_to_block(REVEAL_ENDS - 1);
            assert_noop!(seal(BOB, election, 0), Error::<Test>::VotingClosed);
        });
    }

    #[test]
    fn only_citizens_seal_ballots() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            Identity::deactivate_citizen(BOB);

            for outsider in [NOBODY, COMMISSIONER, BOB] {
                assert_noop!(seal_as(outsider, election, 0), Error::<Test>::NotCitizen);
            }
            for origin in unsigned_origins() {
                assert_noop!(
                    Voting::commit_vote(origin, election, H256::zero()),
                    DispatchError::BadOrigin
                );
            }
        });
    }

    #[test]
    fn only_citizens_of_the_regions_seal_ballots() {
        build_and_execute(|| {
            let election = create(regional_ballot(vec![2]));
            run_to_block(VOTING_STARTS);

            assert_ok!(seal(CAROL, election, 0));
            for outsider in [ALICE, BOB, DAVE] {
                assert_noop!(seal(outsider, election, 0), Error::<Test>::NotEligible);
            }
            Identity::set_region(DAVE, Some(2));
            assert_ok!(seal(DAVE, election, 0));
            assert_eq!(tally(election), (vec![0, 0, 0], 2));
        });
    }

    #[test]
    fn a_new_ballot_beyond_the_ballots_type_is_refused() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            assert_ok!(seal(ALICE, election, 0));

            with_tally_changed(
                election,
                |tally| tally.ballots = u64::MAX,
                || {
                    assert_noop!(seal(BOB, election, 0), Error::<Test>::Overflow);
                    // A replacement adds no ballot.
                    assert_would_succeed(|| seal(ALICE, election, 1));
                },
            );
        });
    }
}

mod reveal_vote {
    use super::*;

    #[test]
    fn a_revealed_ballot_is_counted() {
        build_and_execute(|| {
            let election = alice_and_bob_sealed();

            assert_ok!(reveal(ALICE, election, 1));

            assert_eq!(ballot(election, ALICE_ID), Some(Ballot::Revealed(1)));
            assert_eq!(tally(election), (vec![0, 1, 0], 2));
            assert_eq!(
                Voting::voter_status(election, ALICE_ID),
                Some(VoterStatus::Voted)
            );
            assert_eq!(
                Voting::voter_status(election, BOB_ID),
                Some(VoterStatus::Sealed)
            );
            System::assert_last_event(
                Event::VoteRevealed {
                    election,
                    voter: ALICE_ID,
                    option: 1,
                }
                .into(),
            );
        });
    }

    #[test]
    fn ballots_are_revealed_until_the_last_block_of_the_reveal_phase() {
        build_and_execute(|| {
            let election = alice_and_bob_sealed();
            run_to_block(REVEAL_ENDS - 1);

            assert_ok!(reveal(ALICE, election, 1));
            assert_ok!(reveal(BOB, election, 2));

            assert_eq!(tally(election), (vec![0, 1, 1], 2));
        });
    }

    #[test]
    fn nothing_is_revealed_while_voting_is_open() {
        build_and_execute(|| {
            let election = create(secret_spec());
            assert_noop!(reveal(ALICE, election, 1), Error::<Test>::NotRevealPhase);

            run_to_block(VOTING_STARTS);
            assert_ok!(seal(ALICE, election, 1));
            assert_noop!(reveal(ALICE, election, 1), Error::<Test>::NotRevealPhase);
            run_to_block(VOTING_ENDS - 1);
            assert_noop!(reveal(ALICE, election, 1), Error::<Test>::NotRevealPhase);
        });
    }

    #[test]
    fn a_ballot_is_not_revealed_at_the_closing_block_before_closing() {
        build_and_execute(|| {
            let election = alice_and_bob_sealed();
            // Within the closing block, before its initialisation closes the ballot.
            System::set_block_number(REVEAL_ENDS);

            assert_noop!(reveal(ALICE, election, 1), Error::<Test>::NotRevealPhase);

            Voting::on_initialize(REVEAL_ENDS);
            assert_noop!(reveal(ALICE, election, 1), Error::<Test>::ElectionClosed);
        });
    }

    #[test]
    fn a_public_poll_has_nothing_to_reveal() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 1));

            assert_noop!(reveal(ALICE, poll, 1), Error::<Test>::PublicBallot);
        });
    }

    #[test]
    fn an_unknown_election_is_refused() {
        build_and_execute(|| {
            alice_and_bob_sealed();

            assert_noop!(reveal(ALICE, 1, 1), Error::<Test>::UnknownElection);
        });
    }

    #[test]
    fn a_citizen_who_sealed_nothing_has_nothing_to_reveal() {
        build_and_execute(|| {
            let election = alice_and_bob_sealed();

            assert_noop!(reveal(CAROL, election, 1), Error::<Test>::NoSealedBallot);
        });
    }

    #[test]
    fn only_citizens_reveal() {
        build_and_execute(|| {
            let election = alice_and_bob_sealed();

            for outsider in [NOBODY, COMMISSIONER] {
                assert_noop!(reveal(outsider, election, 1), Error::<Test>::NotCitizen);
            }
            for origin in unsigned_origins() {
                assert_noop!(
                    Voting::reveal_vote(origin, election, 1, salt(1)),
                    DispatchError::BadOrigin
                );
            }
        });
    }

    #[test]
    fn a_deactivated_citizen_s_ballot_stays_sealed() {
        build_and_execute(|| {
            let election = alice_and_bob_sealed();
            Identity::deactivate_citizen(BOB);

            assert_noop!(reveal(BOB, election, 2), Error::<Test>::NotCitizen);
            assert_eq!(
                Voting::voter_status(election, BOB_ID),
                Some(VoterStatus::Sealed)
            );
        });
    }

    #[test]
    fn a_ballot_is_revealed_once() {
        build_and_execute(|| {
            let election = alice_and_bob_sealed();
            assert_ok!(reveal(ALICE, election, 1));

            assert_noop!(reveal(ALICE, election, 1), Error::<Test>::AlreadyRevealed);
            assert_noop!(reveal(ALICE, election, 0), Error::<Test>::AlreadyRevealed);
            assert_eq!(tally(election), (vec![0, 1, 0], 2));
        });
    }

    #[test]
    fn a_wrong_salt_does_not_open_the_ballot() {
        build_and_execute(|| {
            let election = alice_and_bob_sealed();

            assert_noop!(
                Voting::reveal_vote(RuntimeOrigin::signed(ALICE), election, 1, salt(0)),
                Error::<Test>::CommitmentMismatch
            );
            assert_noop!(
                Voting::reveal_vote(RuntimeOrigin::signed(ALICE), election, 1, H256::zero()),
                Error::<Test>::CommitmentMismatch
            );
        });
    }

    #[test]
    fn another_option_does_not_open_the_ballot() {
        build_and_execute(|| {
            let election = alice_and_bob_sealed();

            // The salt Alice used, with another option.
            for other in [0, 2] {
                assert_noop!(
                    Voting::reveal_vote(RuntimeOrigin::signed(ALICE), election, other, salt(1)),
                    Error::<Test>::CommitmentMismatch
                );
            }
        });
    }

    #[test]
    fn a_copied_commitment_cannot_be_revealed_by_the_copier() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            let alices = sealed(election, 1, ALICE_ID);
            assert_ok!(commit(ALICE, election, alices));
            // Carol copies Alice's commitment from storage, hoping to vote as Alice did.
            assert_ok!(commit(CAROL, election, alices));
            run_to_block(VOTING_ENDS);
            assert_ok!(reveal(ALICE, election, 1));

            // Even knowing Alice's option and salt, Carol's copy opens to nothing.
            for option in [0, 1, 2] {
                assert_noop!(
                    Voting::reveal_vote(RuntimeOrigin::signed(CAROL), election, option, salt(1)),
                    Error::<Test>::CommitmentMismatch
                );
            }
        });
    }

    #[test]
    fn a_commitment_for_another_election_does_not_open_the_ballot() {
        build_and_execute(|| {
            let first = create(secret_spec());
            let second = create(spec(2, 10, crate::BallotMode::Secret { reveal_ends: 16 }));
            run_to_block(VOTING_STARTS);
            assert_ok!(commit(ALICE, second, sealed(first, 1, ALICE_ID)));
            run_to_block(VOTING_ENDS);

            assert_noop!(reveal(ALICE, second, 1), Error::<Test>::CommitmentMismatch);
        });
    }

    #[test]
    fn an_option_beyond_the_ballot_is_refused_even_if_sealed() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            assert_ok!(seal(ALICE, election, 3));
            run_to_block(VOTING_ENDS);

            assert_noop!(reveal(ALICE, election, 3), Error::<Test>::UnknownOption);
            assert_noop!(
                reveal(ALICE, election, OptionIndex::MAX),
                Error::<Test>::UnknownOption
            );
        });
    }

    #[test]
    fn the_new_account_of_a_moved_citizen_reveals_the_ballot() {
        build_and_execute(|| {
            let election = alice_and_bob_sealed();
            Identity::move_citizen(ALICE, 50);

            assert_noop!(reveal(ALICE, election, 1), Error::<Test>::NotCitizen);
            assert_ok!(reveal(50, election, 1));

            assert_eq!(ballot(election, ALICE_ID), Some(Ballot::Revealed(1)));
            System::assert_last_event(
                Event::VoteRevealed {
                    election,
                    voter: ALICE_ID,
                    option: 1,
                }
                .into(),
            );
        });
    }

    #[test]
    fn a_ballot_eligible_when_sealed_is_revealed_after_the_voter_moved_region() {
        build_and_execute(|| {
            let election = create(regional_ballot(vec![1]));
            run_to_block(VOTING_STARTS);
            assert_ok!(seal(ALICE, election, 0));
            Identity::set_region(ALICE, Some(2));
            run_to_block(VOTING_ENDS);

            assert_ok!(reveal(ALICE, election, 0));

            assert_eq!(tally(election), (vec![1, 0, 0], 1));
        });
    }

    #[test]
    fn a_count_at_its_end_is_refused_rather_than_wrapped() {
        build_and_execute(|| {
            let election = alice_and_bob_sealed();

            with_tally_changed(
                election,
                |tally| tally.votes[1] = u64::MAX,
                || {
                    assert_noop!(reveal(ALICE, election, 1), Error::<Test>::Overflow);
                    assert_would_succeed(|| reveal(BOB, election, 2));
                },
            );
        });
    }
}

mod secrecy {
    use super::*;

    #[test]
    fn no_count_is_known_until_voting_ends() {
        build_and_execute(|| {
            let election = create(secret_spec());
            assert_eq!(Voting::tally_info(election).unwrap().votes, None);

            run_to_block(VOTING_STARTS);
            assert_ok!(seal(ALICE, election, 1));
            assert_ok!(seal(BOB, election, 1));
            let info = Voting::tally_info(election).unwrap();
            assert_eq!((info.ballots, info.votes), (2, None));

            run_to_block(VOTING_ENDS - 1);
            assert_eq!(Voting::tally_info(election).unwrap().votes, None);

            run_to_block(VOTING_ENDS);
            assert_eq!(
                Voting::election_info(election).unwrap().phase,
                Phase::Revealing
            );
            assert_eq!(
                Voting::tally_info(election).unwrap().votes,
                Some(vec![0, 0, 0])
            );
            assert_ok!(reveal(ALICE, election, 1));
            assert_eq!(
                Voting::tally_info(election).unwrap().votes,
                Some(vec![0, 1, 0])
            );
        });
    }

    #[test]
    fn the_commitment_binds_election_option_salt_and_voter() {
        build_and_execute(|| {
            let commitment = Voting::commitment(3, 1, salt(1), ALICE_ID);

            assert_ne!(Voting::commitment(4, 1, salt(1), ALICE_ID), commitment);
            assert_ne!(Voting::commitment(3, 2, salt(1), ALICE_ID), commitment);
            assert_ne!(Voting::commitment(3, 1, salt(2), ALICE_ID), commitment);
            assert_ne!(Voting::commitment(3, 1, salt(1), BOB_ID), commitment);
            // As documented: blake2-256 of the election (4 bytes LE), the option (1 byte), the
            // salt (32 bytes) and the voter (8 bytes LE), so voters compute it off chain.
            let mut preimage = Vec::new();
            preimage.extend_from_slice(&3u32.to_le_bytes());
            preimage.push(1u8);
            preimage.extend_from_slice(salt(1).as_bytes());
            preimage.extend_from_slice(&ALICE_ID.to_le_bytes());
            assert_eq!(preimage.len(), 45);
            assert_eq!(commitment, H256(sp_io::hashing::blake2_256(&preimage)));
        });
    }
}
