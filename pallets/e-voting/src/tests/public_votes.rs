//! In a public poll an active, eligible citizen votes while voting is open, and the vote is
//! counted at once; voting again replaces the citizen's earlier vote, whichever account now
//! holds the identity: one citizen, one ballot.

use super::*;
use crate::{BallotMode, ElectionSpec, VoterStatus};

/// `public_spec` limited to `regions`.
fn regional_poll(regions: Vec<u32>) -> ElectionSpec<Test> {
    ElectionSpec {
        regions: Some(bounded(regions)),
        ..public_spec()
    }
}

mod counting {
    use super::*;

    #[test]
    fn a_citizen_s_vote_is_counted_at_once() {
        build_and_execute(|| {
            let poll = open_public_poll();

            assert_ok!(vote(ALICE, poll, 1));

            assert_eq!(ballot(poll, ALICE_ID), Some(Ballot::Public(1)));
            assert_eq!(tally(poll), (vec![0, 1, 0], 1));
            assert_eq!(
                Voting::voter_status(poll, ALICE_ID),
                Some(VoterStatus::Voted)
            );
            assert_eq!(Voting::tally_info(poll).unwrap().votes, Some(vec![0, 1, 0]));
            System::assert_last_event(
                Event::VoteCast {
                    election: poll,
                    voter: ALICE_ID,
                    option: 1,
                    replaced: None,
                }
                .into(),
            );
        });
    }

    #[test]
    fn each_citizen_s_vote_adds_a_ballot() {
        build_and_execute(|| {
            let poll = open_public_poll();

            assert_ok!(vote(ALICE, poll, 0));
            assert_ok!(vote(BOB, poll, 2));
            assert_ok!(vote(CAROL, poll, 0));
            assert_ok!(vote(DAVE, poll, 1));

            assert_eq!(tally(poll), (vec![2, 1, 1], 4));
            assert_eq!(ballot(poll, BOB_ID), Some(Ballot::Public(2)));
            assert_eq!(ballot(poll, DAVE_ID), Some(Ballot::Public(1)));
        });
    }

    #[test]
    fn voting_again_replaces_the_earlier_vote() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 0));
            assert_ok!(vote(BOB, poll, 0));

            assert_ok!(vote(ALICE, poll, 2));

            assert_eq!(ballot(poll, ALICE_ID), Some(Ballot::Public(2)));
            assert_eq!(tally(poll), (vec![1, 0, 1], 2));
            System::assert_last_event(
                Event::VoteCast {
                    election: poll,
                    voter: ALICE_ID,
                    option: 2,
                    replaced: Some(0),
                }
                .into(),
            );
        });
    }

    #[test]
    fn voting_again_for_the_same_option_changes_no_count() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 1));

            assert_ok!(vote(ALICE, poll, 1));

            assert_eq!(tally(poll), (vec![0, 1, 0], 1));
            assert_eq!(
                last_event(),
                Event::VoteCast {
                    election: poll,
                    voter: ALICE_ID,
                    option: 1,
                    replaced: Some(1),
                }
            );
        });
    }

    #[test]
    fn a_citizen_moved_to_a_new_account_still_has_one_ballot() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 0));
            Identity::move_citizen(ALICE, 50);

            assert_ok!(vote(50, poll, 1));

            assert_eq!(ballot(poll, ALICE_ID), Some(Ballot::Public(1)));
            assert_eq!(tally(poll), (vec![0, 1, 0], 1));
            System::assert_last_event(
                Event::VoteCast {
                    election: poll,
                    voter: ALICE_ID,
                    option: 1,
                    replaced: Some(0),
                }
                .into(),
            );
            // The old account holds no identity any more.
            assert_noop!(vote(ALICE, poll, 2), Error::<Test>::NotCitizen);
        });
    }

    #[test]
    fn the_last_option_is_on_the_ballot() {
        build_and_execute(|| {
            let poll = create(ElectionSpec {
                options: bounded(vec![
                    option("A", 1),
                    option("B", 2),
                    option("C", 3),
                    option("D", 4),
                ]),
                ..public_spec()
            });
            run_to_block(VOTING_STARTS);

            assert_ok!(vote(ALICE, poll, 3));

            assert_eq!(tally(poll), (vec![0, 0, 0, 1], 1));
        });
    }
}

mod phases {
    use super::*;

    #[test]
    fn votes_are_refused_before_voting_starts() {
        build_and_execute(|| {
            let poll = create(public_spec());

            assert_noop!(vote(ALICE, poll, 0), Error::<Test>::VotingNotStarted);
            run_to_block(VOTING_STARTS);
            assert_ok!(vote(ALICE, poll, 0));
        });
    }

    #[test]
    fn votes_are_taken_until_the_last_block_before_voting_ends() {
        build_and_execute(|| {
            let poll = open_public_poll();
            run_to_block(VOTING_ENDS - 1);

            assert_ok!(vote(ALICE, poll, 0));
            assert_eq!(tally(poll), (vec![1, 0, 0], 1));
        });
    }

    #[test]
    fn a_vote_at_voting_ends_before_the_poll_is_closed_is_refused() {
        build_and_execute(|| {
            let poll = open_public_poll();
            // Within the closing block, before its initialisation closes the poll: no
            // extrinsic runs then, but the poll does not rely on it.
            System::set_block_number(VOTING_ENDS);

            assert_noop!(vote(ALICE, poll, 0), Error::<Test>::VotingClosed);

            Voting::on_initialize(VOTING_ENDS);
            assert_noop!(vote(ALICE, poll, 0), Error::<Test>::ElectionClosed);
        });
    }

    #[test]
    fn a_vote_after_voting_ends_is_refused_as_the_poll_closed() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 0));
            run_to_block(VOTING_ENDS);

            assert_noop!(vote(BOB, poll, 0), Error::<Test>::ElectionClosed);
            assert_noop!(vote(ALICE, poll, 1), Error::<Test>::ElectionClosed);
            run_to_block(VOTING_ENDS + 20);
            assert_noop!(vote(BOB, poll, 0), Error::<Test>::ElectionClosed);
        });
    }
}

mod refusals {
    use super::*;

    #[test]
    fn an_unknown_election_is_refused() {
        build_and_execute(|| {
            assert_noop!(vote(ALICE, 0, 0), Error::<Test>::UnknownElection);
            open_public_poll();
            assert_noop!(vote(ALICE, 1, 0), Error::<Test>::UnknownElection);
        });
    }

    #[test]
    fn a_secret_ballot_takes_no_public_vote() {
        build_and_execute(|| {
            let ballot = open_secret_ballot();

            assert_noop!(vote(ALICE, ballot, 0), Error::<Test>::SecretBallot);
        });
    }

    #[test]
    fn only_citizens_vote() {
        build_and_execute(|| {
            let poll = open_public_poll();

            for outsider in [NOBODY, COMMISSIONER, COUNCIL] {
                assert_noop!(vote(outsider, poll, 0), Error::<Test>::NotCitizen);
            }
        });
    }

    #[test]
    fn a_deactivated_citizen_does_not_vote() {
        build_and_execute(|| {
            let poll = open_public_poll();
            Identity::deactivate_citizen(BOB);

            assert_noop!(vote(BOB, poll, 0), Error::<Test>::NotCitizen);
        });
    }

    #[test]
    fn unsigned_origins_are_refused() {
        build_and_execute(|| {
            let poll = open_public_poll();

            for origin in unsigned_origins() {
                assert_noop!(Voting::vote(origin, poll, 0), DispatchError::BadOrigin);
            }
        });
    }

    #[test]
    fn an_option_beyond_the_ballot_is_refused() {
        build_and_execute(|| {
            let poll = open_public_poll();

            for beyond in [3, 4, OptionIndex::MAX] {
                assert_noop!(vote(ALICE, poll, beyond), Error::<Test>::UnknownOption);
            }
        });
    }

    #[test]
    fn a_re_vote_for_an_unknown_option_keeps_the_earlier_vote() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 1));

            assert_noop!(vote(ALICE, poll, 3), Error::<Test>::UnknownOption);
            assert_eq!(ballot(poll, ALICE_ID), Some(Ballot::Public(1)));
        });
    }

    #[test]
    fn a_count_at_its_end_is_refused_rather_than_wrapped() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 0));

            // A new ballot beyond the ballots' type.
            with_tally_changed(
                poll,
                |tally| tally.ballots = u64::MAX,
                || {
                    assert_noop!(vote(BOB, poll, 1), Error::<Test>::Overflow);
                },
            );
            // A vote beyond the option's count type.
            with_tally_changed(
                poll,
                |tally| tally.votes[1] = u64::MAX,
                || {
                    assert_noop!(vote(BOB, poll, 1), Error::<Test>::Overflow);
                    assert_noop!(vote(ALICE, poll, 1), Error::<Test>::Overflow);
                },
            );
            // An earlier vote that is not counted cannot be taken back.
            with_tally_changed(
                poll,
                |tally| tally.votes[0] = 0,
                || {
                    assert_noop!(vote(ALICE, poll, 2), Error::<Test>::Overflow);
                },
            );
        });
    }
}

mod eligibility {
    use super::*;

    #[test]
    fn a_regional_poll_takes_the_votes_of_its_regions_citizens() {
        build_and_execute(|| {
            let poll = create(regional_poll(vec![1, 2]));
            run_to_block(VOTING_STARTS);

            assert_ok!(vote(ALICE, poll, 0));
            assert_ok!(vote(BOB, poll, 1));
            assert_ok!(vote(CAROL, poll, 2));

            assert_eq!(tally(poll), (vec![1, 1, 1], 3));
        });
    }

    #[test]
    fn a_citizen_of_another_region_is_not_eligible() {
        build_and_execute(|| {
            let poll = create(regional_poll(vec![1]));
            run_to_block(VOTING_STARTS);

            assert_noop!(vote(CAROL, poll, 0), Error::<Test>::NotEligible);
        });
    }

    #[test]
    fn a_citizen_without_a_region_is_not_eligible_in_a_regional_poll() {
        build_and_execute(|| {
            let regional = create(regional_poll(vec![1, 2, 3]));
            let national = create(spec(2, 10, BallotMode::Public));
            run_to_block(VOTING_STARTS);

            assert_noop!(vote(DAVE, regional, 0), Error::<Test>::NotEligible);
            assert_ok!(vote(DAVE, national, 0));
        });
    }

    #[test]
    fn eligibility_follows_the_citizen_s_region_when_voting() {
        build_and_execute(|| {
            let poll = create(regional_poll(vec![1]));
            run_to_block(VOTING_STARTS);
            assert_ok!(vote(ALICE, poll, 0));

            // Alice moves away: she may no longer change her vote, which stays counted.
            Identity::set_region(ALICE, Some(2));
            assert_noop!(vote(ALICE, poll, 1), Error::<Test>::NotEligible);
            assert_eq!(tally(poll), (vec![1, 0, 0], 1));

            // Carol moves in, and Dave gets a region: both may vote now.
            Identity::set_region(CAROL, Some(1));
            Identity::set_region(DAVE, Some(1));
            assert_ok!(vote(CAROL, poll, 1));
            assert_ok!(vote(DAVE, poll, 2));
            assert_eq!(tally(poll), (vec![1, 1, 1], 3));

            // Losing the region record ends eligibility too.
            Identity::set_region(DAVE, None);
            assert_noop!(vote(DAVE, poll, 0), Error::<Test>::NotEligible);
        });
    }

    #[test]
    fn a_newly_registered_citizen_of_the_region_votes() {
        build_and_execute(|| {
            let poll = create(regional_poll(vec![2]));
            run_to_block(VOTING_STARTS);
            let erin = register_citizen(20, Some(2));

            assert_ok!(vote(20, poll, 1));

            assert_eq!(ballot(poll, erin), Some(Ballot::Public(1)));
        });
    }
}

/// Votes citizens sign and the commission relays in batches (`relay_votes`): each checked and
/// counted as the citizen's own `vote`; a vote refused changes nothing.
mod relaying {
    use super::*;
    use crate::{relayed_vote_body, RelayedVote};
    use govchain_primitives::relay::{signing_payload, RELAYED_VOTE};
    use sp_runtime::testing::TestSignature;

    /// `who`'s signed vote for `option` in `election` at `nonce`, on the chain whose genesis
    /// hash is `genesis`.
    fn signed_on(
        genesis: H256,
        who: u64,
        election: ElectionId,
        option: OptionIndex,
        nonce: u32,
    ) -> RelayedVote<Test> {
        let body = relayed_vote_body(election, option);
        RelayedVote {
            voter: who,
            nonce,
            option,
            signature: TestSignature(who, signing_payload(RELAYED_VOTE, &genesis, &nonce, &body)),
        }
    }

    /// `who`'s signed vote at the account's current nonce, on this chain.
    fn signed(who: u64, election: ElectionId, option: OptionIndex) -> RelayedVote<Test> {
        signed_on(
            System::block_hash(0),
            who,
            election,
            option,
            System::account_nonce(who),
        )
    }

    fn relay_by(
        officer: u64,
        election: ElectionId,
        votes: Vec<RelayedVote<Test>>,
    ) -> DispatchResult {
        Voting::relay_votes(RuntimeOrigin::signed(officer), election, bounded(votes))
    }

    fn relay(election: ElectionId, votes: Vec<RelayedVote<Test>>) -> DispatchResult {
        relay_by(COMMISSIONER, election, votes)
    }

    /// The refusals relayed batches emitted: position, signer, error.
    fn refusals() -> Vec<(u32, u64, DispatchError)> {
        voting_events()
            .into_iter()
            .filter_map(|event| match event {
                Event::RelayedBallotRefused {
                    position,
                    signer,
                    error,
                    ..
                } => Some((position, signer, error)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_batch_of_signed_votes_is_counted_as_if_each_citizen_had_voted() {
        build_and_execute(|| {
            let poll = open_public_poll();

            assert_ok!(relay(
                poll,
                vec![
                    signed(ALICE, poll, 1),
                    signed(BOB, poll, 2),
                    signed(DAVE, poll, 1)
                ]
            ));

            assert_eq!(tally(poll), (vec![0, 2, 1], 3));
            assert_eq!(ballot(poll, BOB_ID), Some(Ballot::Public(2)));
            assert!(voting_events().contains(&Event::VoteCast {
                election: poll,
                voter: ALICE_ID,
                option: 1,
                replaced: None,
            }));
            System::assert_last_event(
                Event::BallotsRelayed {
                    election: poll,
                    cast: 3,
                    refused: 0,
                }
                .into(),
            );
            // Each vote used its account's nonce and its citizen's quota.
            assert_eq!(System::account_nonce(ALICE), 1);
            assert_eq!(Identity::citizen_quota_used(ALICE_ID), 1);
            assert!(refusals().is_empty());
        });
    }

    #[test]
    fn a_relayed_vote_replaces_the_citizen_s_earlier_one() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 0));

            // Then twice in one batch: the later one counts.
            let first = signed(ALICE, poll, 1);
            let second = signed_on(System::block_hash(0), ALICE, poll, 2, first.nonce + 1);
            assert_ok!(relay(poll, vec![first, second]));

            assert_eq!(tally(poll), (vec![0, 0, 1], 1));
            assert_eq!(ballot(poll, ALICE_ID), Some(Ballot::Public(2)));
        });
    }

    #[test]
    fn a_vote_that_is_not_the_citizen_s_is_refused_alone() {
        build_and_execute(|| {
            let poll = open_public_poll();
            let mut forged = signed(ALICE, poll, 1);
            forged.option = 2;
            let elsewhere = signed_on(H256::repeat_byte(0x77), BOB, poll, 1, 0);
            let mut stolen = signed(DAVE, poll, 1);
            stolen.signature = TestSignature(CAROL, stolen.signature.1.clone());

            assert_ok!(relay(
                poll,
                vec![forged, elsewhere, stolen, signed(CAROL, poll, 0)]
            ));

            let bad = || Error::<Test>::BadRelaySignature.into();
            assert_eq!(
                refusals(),
                vec![(0, ALICE, bad()), (1, BOB, bad()), (2, DAVE, bad())]
            );
            assert_eq!(tally(poll), (vec![1, 0, 0], 1));
            // Nothing of the refused voters' changed.
            assert_eq!(System::account_nonce(ALICE), 0);
            assert_eq!(Identity::citizen_quota_used(ALICE_ID), 0);
        });
    }

    #[test]
    fn a_replayed_or_early_vote_is_refused() {
        build_and_execute(|| {
            let poll = open_public_poll();
            let once = signed(ALICE, poll, 1);
            assert_ok!(relay(poll, vec![once.clone()]));

            let early = signed_on(System::block_hash(0), BOB, poll, 1, 1);
            assert_ok!(relay(poll, vec![once, early]));

            assert_eq!(
                refusals(),
                vec![
                    (0, ALICE, Error::<Test>::StaleNonce.into()),
                    (1, BOB, Error::<Test>::FutureNonce.into())
                ]
            );
            assert_eq!(tally(poll), (vec![0, 1, 0], 1));
        });
    }

    #[test]
    fn votes_of_non_citizens_ineligible_citizens_and_unknown_options_are_refused() {
        build_and_execute(|| {
            let poll = create(regional_poll(vec![1]));
            run_to_block(VOTING_STARTS);

            assert_ok!(relay(
                poll,
                vec![
                    signed(NOBODY, poll, 0),
                    signed(CAROL, poll, 0),
                    signed(ALICE, poll, 9),
                    signed(BOB, poll, 0)
                ]
            ));

            assert_eq!(
                refusals(),
                vec![
                    (0, NOBODY, Error::<Test>::NotCitizen.into()),
                    (1, CAROL, Error::<Test>::NotEligible.into()),
                    (2, ALICE, Error::<Test>::UnknownOption.into())
                ]
            );
            assert_eq!(tally(poll), (vec![1, 0, 0], 1));
            assert_eq!(System::account_nonce(ALICE), 0);
        });
    }

    #[test]
    fn a_vote_of_a_citizen_over_its_quota_is_refused() {
        build_and_execute(|| {
            let poll = open_public_poll();
            Identity::exhaust_citizen_quota(ALICE_ID);

            assert_ok!(relay(poll, vec![signed(ALICE, poll, 1)]));

            assert_eq!(
                refusals(),
                vec![(0, ALICE, IdentityError::FeeFreeQuotaExhausted.into())]
            );
            assert_eq!(tally(poll), (vec![0, 0, 0], 0));
        });
    }

    #[test]
    fn a_batch_is_refused_whole_for_the_poll_or_the_relayer() {
        build_and_execute(|| {
            let poll = open_public_poll();
            let batch = || vec![signed(ALICE, poll, 1)];
            assert_noop!(relay(poll, vec![]), Error::<Test>::NothingToRelay);
            assert_noop!(relay(poll + 7, batch()), Error::<Test>::UnknownElection);
            assert_noop!(relay_by(CLERK, poll, batch()), IdentityError::RoleNotHeld);
            assert_noop!(relay_by(ALICE, poll, batch()), IdentityError::NotOfficer);
            assert_noop!(
                Voting::relay_votes(RuntimeOrigin::root(), poll, bounded(batch())),
                DispatchError::BadOrigin
            );
            let secret = open_secret_ballot();
            assert_noop!(relay(secret, batch()), Error::<Test>::SecretBallot);
            System::set_block_number(VOTING_ENDS);
            assert_noop!(relay(poll, batch()), Error::<Test>::VotingClosed);
            Voting::on_initialize(VOTING_ENDS);
            assert_noop!(relay(poll, batch()), Error::<Test>::ElectionClosed);
        });
    }

    #[test]
    fn a_batch_whose_votes_are_all_refused_changes_nothing_but_its_events() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(BOB, poll, 0));
            let mut forged = signed(ALICE, poll, 1);
            forged.option = 2;
            let early = signed_on(System::block_hash(0), BOB, poll, 1, 5);
            System::reset_events();
            let root = sp_io::storage::root(sp_runtime::StateVersion::V1);

            assert_ok!(relay(poll, vec![forged, early, signed(NOBODY, poll, 0)]));

            assert_eq!(refusals().len(), 3);
            System::reset_events();
            assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
        });
    }

    #[test]
    fn the_relay_call_is_charged_per_vote() {
        build_and_execute(|| {
            use crate::WeightInfo;
            // Each vote adds the same weight, and at least what a direct vote's call weighs.
            let per_vote =
                Voting::relay_votes_weight(2).saturating_sub(Voting::relay_votes_weight(1));
            assert_eq!(
                Voting::relay_votes_weight(4).saturating_sub(Voting::relay_votes_weight(1)),
                per_vote.saturating_mul(3)
            );
            let vote = <Test as crate::Config>::WeightInfo::vote();
            assert!(
                per_vote.ref_time() > vote.ref_time(),
                "{per_vote:?} {vote:?}"
            );
        });
    }
}
