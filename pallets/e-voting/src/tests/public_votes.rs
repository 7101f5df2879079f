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
