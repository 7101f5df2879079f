//! At the start of its closing block (the end of voting for a poll, of the reveal phase for a
//! secret ballot) an election closes: its votes, ballots cast, eligible electorate at that
//! moment, spoiled (unrevealed) ballots and turnout are fixed and emitted, and it takes no
//! more calls.

use super::*;
use crate::{weights::WeightInfo, BallotMode, ClosingAt, Closure, ElectionSpec, Phase};
use frame_support::BoundedVec;
use sp_runtime::Permill;

/// The `ElectionClosed` event of `election`, if any.
fn closed_event(election: ElectionId) -> Option<Event<Test>> {
    voting_events().into_iter().find(|event| {
        matches!(event, Event::ElectionClosed { election: closed, .. } if *closed == election)
    })
}

/// The `ElectionClosed` event expected for `election`.
fn closed(
    election: ElectionId,
    votes: Vec<u64>,
    ballots: u64,
    closure: Closure<u64>,
) -> Event<Test> {
    Event::ElectionClosed {
        election,
        votes: BoundedVec::truncate_from(votes),
        ballots,
        closure,
    }
}

/// `spec` limited to `regions`.
fn limited_to(regions: Vec<u32>, spec: ElectionSpec<Test>) -> ElectionSpec<Test> {
    ElectionSpec {
        regions: Some(bounded(regions)),
        ..spec
    }
}

mod closing_time {
    use super::*;

    #[test]
    fn a_poll_closes_at_the_start_of_the_block_voting_ends() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 0));
            assert_ok!(vote(BOB, poll, 0));
            assert_ok!(vote(CAROL, poll, 2));
            run_to_block(VOTING_ENDS - 1);
            assert_eq!(status(poll), ElectionStatus::Running);

            run_to_block(VOTING_ENDS);

            let closure = Closure {
                closed_at: 10,
                eligible: 4,
                spoiled: 0,
                turnout: Permill::from_percent(75),
            };
            assert_eq!(status(poll), ElectionStatus::Closed(closure));
            assert_eq!(tally(poll), (vec![2, 0, 1], 3));
            assert!(!ClosingAt::<Test>::contains_key(VOTING_ENDS));
            assert_eq!(last_event(), closed(poll, vec![2, 0, 1], 3, closure));
            assert_eq!(Voting::election_info(poll).unwrap().phase, Phase::Closed);
            assert_eq!(Voting::tally_info(poll).unwrap().closure, Some(closure));
        });
    }

    #[test]
    fn a_secret_ballot_closes_at_the_end_of_its_reveal_phase_with_unrevealed_ballots_spoiled() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            assert_ok!(seal(ALICE, election, 2));
            assert_ok!(seal(BOB, election, 2));
            assert_ok!(seal(CAROL, election, 0));
            run_to_block(VOTING_ENDS);
            assert_eq!(status(election), ElectionStatus::Running);
            assert_ok!(reveal(ALICE, election, 2));
            assert_ok!(reveal(CAROL, election, 0));
            run_to_block(REVEAL_ENDS - 1);
            assert_eq!(status(election), ElectionStatus::Running);

            run_to_block(REVEAL_ENDS);

            let closure = Closure {
                closed_at: 15,
                eligible: 4,
                spoiled: 1,
                turnout: Permill::from_percent(75),
            };
            assert_eq!(status(election), ElectionStatus::Closed(closure));
            // Bob's sealed ballot stays as it was, and uncounted.
            assert_eq!(
                ballot(election, BOB_ID),
                Some(Ballot::Sealed(sealed(election, 2, BOB_ID)))
            );
            assert_eq!(tally(election), (vec![1, 0, 1], 3));
            System::assert_last_event(closed(election, vec![1, 0, 1], 3, closure).into());
            assert!(!ClosingAt::<Test>::contains_key(REVEAL_ENDS));
        });
    }

    #[test]
    fn an_election_without_ballots_closes_with_no_turnout() {
        build_and_execute(|| {
            let election = create(secret_spec());

            run_to_block(REVEAL_ENDS);

            let closure = Closure {
                closed_at: 15,
                eligible: 4,
                spoiled: 0,
                turnout: Permill::zero(),
            };
            assert_eq!(status(election), ElectionStatus::Closed(closure));
            assert_eq!(last_event(), closed(election, vec![0, 0, 0], 0, closure));
        });
    }

    #[test]
    fn two_elections_closing_in_the_same_block_both_close() {
        build_and_execute(|| {
            let poll = open_public_poll();
            let ballot = create(spec(3, 6, BallotMode::Secret { reveal_ends: 10 }));
            assert_ok!(vote(ALICE, poll, 1));
            run_to_block(3);
            assert_ok!(seal(BOB, ballot, 0));
            run_to_block(6);
            assert_ok!(reveal(BOB, ballot, 0));
            System::reset_events();

            run_to_block(VOTING_ENDS);

            let closure = |ballots: u32| Closure {
                closed_at: 10,
                eligible: 4,
                spoiled: 0,
                turnout: Permill::from_percent(25 * ballots),
            };
            assert_eq!(
                voting_events(),
                vec![
                    closed(poll, vec![0, 1, 0], 1, closure(1)),
                    closed(ballot, vec![1, 0, 0], 1, closure(1)),
                ]
            );
            assert_eq!(status(poll), ElectionStatus::Closed(closure(1)));
            assert_eq!(status(ballot), ElectionStatus::Closed(closure(1)));
            assert!(!ClosingAt::<Test>::contains_key(VOTING_ENDS));
        });
    }

    #[test]
    fn closing_weighs_the_elections_closed() {
        build_and_execute(|| {
            create(public_spec());
            create(spec(2, 5, BallotMode::Secret { reveal_ends: 10 }));
            run_to_block(VOTING_ENDS - 1);
            System::set_block_number(VOTING_ENDS);

            let weight = Voting::on_initialize(VOTING_ENDS);

            let no_deadline = <() as WeightInfo>::no_deadline();
            assert_eq!(
                weight,
                <() as WeightInfo>::close_elections(2).saturating_add(no_deadline)
            );
            System::set_block_number(VOTING_ENDS + 1);
            assert_eq!(
                Voting::on_initialize(VOTING_ENDS + 1),
                <() as WeightInfo>::close_elections(0).saturating_add(no_deadline)
            );
        });
    }
}

mod figures {
    use super::*;

    #[test]
    fn the_electorate_of_an_election_for_all_citizens_is_every_active_citizen_at_closing() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 0));
            assert_ok!(vote(BOB, poll, 0));
            // Between voting and closing, two citizens join and one dies.
            register_citizen(20, Some(3));
            register_citizen(21, None);
            Identity::deactivate_citizen(CAROL);

            run_to_block(VOTING_ENDS);

            let ElectionStatus::Closed(closure) = status(poll) else {
                panic!("the poll closed");
            };
            assert_eq!(closure.eligible, 5);
            assert_eq!(closure.turnout, Permill::from_percent(40));
        });
    }

    #[test]
    fn the_electorate_of_a_regional_election_is_summed_over_its_regions() {
        build_and_execute(|| {
            register_citizen(20, Some(3));
            register_citizen(21, Some(2));
            register_citizen(22, Some(4));
            let election = create(limited_to(vec![3, 1, 2], secret_spec()));
            run_to_block(VOTING_STARTS);
            assert_ok!(seal(ALICE, election, 0));
            assert_ok!(seal(CAROL, election, 1));
            assert_ok!(seal(20, election, 1));
            run_to_block(VOTING_ENDS);
            assert_ok!(reveal(ALICE, election, 0));

            run_to_block(REVEAL_ENDS);

            // Regions 1 (Alice, Bob), 2 (Carol, 21) and 3 (20); not Dave, not 22.
            let closure = Closure {
                closed_at: 15,
                eligible: 5,
                spoiled: 2,
                turnout: Permill::from_percent(60),
            };
            assert_eq!(status(election), ElectionStatus::Closed(closure));
            assert_eq!(last_event(), closed(election, vec![1, 0, 0], 3, closure));
        });
    }

    #[test]
    fn a_regional_electorate_is_counted_at_closing() {
        build_and_execute(|| {
            let poll = create(limited_to(vec![1], public_spec()));
            run_to_block(VOTING_STARTS);
            assert_ok!(vote(ALICE, poll, 0));
            // Carol moves into region 1, Bob moves out after voting.
            assert_ok!(vote(BOB, poll, 1));
            Identity::set_region(BOB, Some(2));
            Identity::set_region(CAROL, Some(1));
            Identity::set_region(DAVE, Some(1));

            run_to_block(VOTING_ENDS);

            let ElectionStatus::Closed(closure) = status(poll) else {
                panic!("the poll closed");
            };
            assert_eq!(closure.eligible, 3);
            assert_eq!(closure.turnout, Permill::from_rational(2u64, 3u64));
        });
    }

    #[test]
    fn turnout_is_at_most_all_of_the_electorate() {
        build_and_execute(|| {
            let poll = open_public_poll();
            for voter in [ALICE, BOB, CAROL, DAVE] {
                assert_ok!(vote(voter, poll, 0));
            }
            // Two voters die before closing: four ballots, two citizens left.
            Identity::deactivate_citizen(ALICE);
            Identity::deactivate_citizen(BOB);

            run_to_block(VOTING_ENDS);

            let closure = Closure {
                closed_at: 10,
                eligible: 2,
                spoiled: 0,
                turnout: Permill::one(),
            };
            assert_eq!(last_event(), closed(poll, vec![4, 0, 0], 4, closure));
        });
    }

    #[test]
    fn an_election_without_electorate_has_no_turnout() {
        build_and_execute(|| {
            let poll = create(limited_to(vec![1], public_spec()));
            run_to_block(VOTING_STARTS);
            assert_ok!(vote(ALICE, poll, 0));
            // Everyone in region 1 leaves it before closing.
            Identity::set_region(ALICE, Some(2));
            Identity::set_region(BOB, None);

            run_to_block(VOTING_ENDS);

            let closure = Closure {
                closed_at: 10,
                eligible: 0,
                spoiled: 0,
                turnout: Permill::zero(),
            };
            assert_eq!(last_event(), closed(poll, vec![1, 0, 0], 1, closure));
        });
    }

    #[test]
    fn the_event_carries_the_stored_figures() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(DAVE, poll, 2));

            run_to_block(VOTING_ENDS);

            let ElectionStatus::Closed(closure) = status(poll) else {
                panic!("the poll closed");
            };
            let (votes, ballots) = tally(poll);
            assert_eq!(
                closed_event(poll),
                Some(closed(poll, votes, ballots, closure))
            );
        });
    }
}

mod after_closing {
    use super::*;

    #[test]
    fn a_closed_poll_refuses_every_call() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 0));
            run_to_block(VOTING_ENDS);

            assert_noop!(vote(ALICE, poll, 1), Error::<Test>::ElectionClosed);
            assert_noop!(vote(BOB, poll, 1), Error::<Test>::ElectionClosed);
            assert_noop!(seal(BOB, poll, 1), Error::<Test>::ElectionClosed);
            assert_noop!(reveal(ALICE, poll, 0), Error::<Test>::ElectionClosed);
            assert_noop!(
                Voting::cancel_election(RuntimeOrigin::signed(COMMISSIONER), poll),
                Error::<Test>::ElectionClosed
            );
            assert_noop!(council_cancels(poll), Error::<Test>::ElectionClosed);
        });
    }

    #[test]
    fn a_closed_secret_ballot_refuses_every_call() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            assert_ok!(seal(ALICE, election, 0));
            assert_ok!(seal(BOB, election, 1));
            run_to_block(VOTING_ENDS);
            assert_ok!(reveal(ALICE, election, 0));
            run_to_block(REVEAL_ENDS);

            // Bob's ballot, never revealed, stays spoiled.
            assert_noop!(reveal(BOB, election, 1), Error::<Test>::ElectionClosed);
            assert_noop!(reveal(ALICE, election, 0), Error::<Test>::ElectionClosed);
            assert_noop!(seal(CAROL, election, 0), Error::<Test>::ElectionClosed);
            assert_noop!(vote(CAROL, election, 0), Error::<Test>::ElectionClosed);
            assert_noop!(
                Voting::cancel_election(RuntimeOrigin::signed(COMMISSIONER), election),
                Error::<Test>::ElectionClosed
            );
            assert_noop!(council_cancels(election), Error::<Test>::ElectionClosed);
        });
    }

    #[test]
    fn a_closed_election_s_figures_never_change() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 0));
            run_to_block(VOTING_ENDS);
            let closed_status = status(poll);

            register_citizen(20, None);
            Identity::deactivate_citizen(ALICE);
            run_to_block(VOTING_ENDS + 100);

            assert_eq!(status(poll), closed_status);
            assert_eq!(
                voting_events()
                    .iter()
                    .filter(|event| matches!(event, Event::ElectionClosed { .. }))
                    .count(),
                1
            );
        });
    }
}
