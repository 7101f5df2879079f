//! The commission that created an election cancels it until voting starts; the council cancels
//! any election that has not closed, at any phase, giving the hash of its reasons. A cancelled
//! election takes no more ballots, leaves its closing block and never closes.

use super::*;
use crate::{BallotMode, Canceller, ClosingAt, Phase};

/// `officer` cancels `election` for their commission.
fn cancel(officer: u64, election: ElectionId) -> DispatchResult {
    Voting::cancel_election(RuntimeOrigin::signed(officer), election)
}

/// Checks that `election` was cancelled by `by` at block `at`, no longer waits to close at
/// `closes_at`, and takes no more ballots of any kind.
#[track_caller]
fn assert_cancelled(election: ElectionId, by: Canceller, at: u64, closes_at: u64) {
    assert_eq!(status(election), ElectionStatus::Cancelled { by, at });
    assert!(!ClosingAt::<Test>::get(closes_at).contains(&election));
    assert_eq!(
        Voting::election_info(election).unwrap().phase,
        Phase::Cancelled
    );
    assert_noop!(vote(CAROL, election, 0), Error::<Test>::ElectionCancelled);
    assert_noop!(seal(CAROL, election, 0), Error::<Test>::ElectionCancelled);
    assert_noop!(reveal(CAROL, election, 0), Error::<Test>::ElectionCancelled);
}

mod by_the_commission {
    use super::*;

    #[test]
    fn the_commission_cancels_its_election_before_voting_starts() {
        build_and_execute(|| {
            let election = create(public_spec());

            assert_ok!(cancel(COMMISSIONER, election));

            let by = Canceller::Commission(COMMISSION_ID);
            assert_cancelled(election, by, 1, VOTING_ENDS);
            assert!(!ClosingAt::<Test>::contains_key(VOTING_ENDS));
            // The record and its (empty) tally are kept.
            assert_eq!(tally(election), (vec![0, 0, 0], 0));
            System::assert_last_event(Event::ElectionCancelled { election, by }.into());
        });
    }

    #[test]
    fn the_commission_cancels_until_the_block_before_voting_starts() {
        build_and_execute(|| {
            let election = create(spec(5, 10, BallotMode::Secret { reveal_ends: 15 }));
            run_to_block(4);

            assert_ok!(cancel(COMMISSIONER, election));

            let by = Canceller::Commission(COMMISSION_ID);
            assert_cancelled(election, by, 4, REVEAL_ENDS);
        });
    }

    #[test]
    fn cancelling_frees_room_in_the_closing_block() {
        build_and_execute(|| {
            let poll = create(public_spec());
            let ballot = create(spec(2, 5, BallotMode::Secret { reveal_ends: 10 }));
            assert_eq!(ClosingAt::<Test>::get(10).into_inner(), vec![poll, ballot]);

            assert_ok!(cancel(COMMISSIONER, poll));

            assert_eq!(ClosingAt::<Test>::get(10).into_inner(), vec![ballot]);
            let third = create(public_spec());
            assert_eq!(ClosingAt::<Test>::get(10).into_inner(), vec![ballot, third]);
        });
    }

    #[test]
    fn another_commission_does_not_cancel() {
        build_and_execute(|| {
            let election = create(public_spec());

            assert_noop!(
                cancel(OTHER_COMMISSIONER, election),
                Error::<Test>::NotElectionCommission
            );
        });
    }

    #[test]
    fn the_commission_does_not_cancel_once_voting_started() {
        build_and_execute(|| {
            let election = create(secret_spec());
            run_to_block(VOTING_STARTS);

            assert_noop!(cancel(COMMISSIONER, election), Error::<Test>::VotingStarted);
            run_to_block(VOTING_ENDS);
            assert_noop!(cancel(COMMISSIONER, election), Error::<Test>::VotingStarted);
        });
    }

    #[test]
    fn an_election_voting_from_its_creation_block_is_never_the_commission_s_to_cancel() {
        build_and_execute(|| {
            let election = create(spec(1, 10, BallotMode::Public));

            assert_noop!(cancel(COMMISSIONER, election), Error::<Test>::VotingStarted);
        });
    }

    #[test]
    fn a_cancelled_election_is_not_cancelled_again() {
        build_and_execute(|| {
            let election = create(public_spec());
            assert_ok!(cancel(COMMISSIONER, election));

            assert_noop!(
                cancel(COMMISSIONER, election),
                Error::<Test>::ElectionCancelled
            );
        });
    }

    #[test]
    fn a_closed_election_is_not_cancelled() {
        build_and_execute(|| {
            let election = create(public_spec());
            run_to_block(VOTING_ENDS);

            assert_noop!(
                cancel(COMMISSIONER, election),
                Error::<Test>::ElectionClosed
            );
        });
    }

    #[test]
    fn an_unknown_election_is_refused() {
        build_and_execute(|| {
            assert_noop!(cancel(COMMISSIONER, 0), Error::<Test>::UnknownElection);
        });
    }

    #[test]
    fn only_a_serving_commissioner_cancels() {
        build_and_execute(|| {
            let election = create(public_spec());

            assert_only_serving_commissioners(|origin| Voting::cancel_election(origin, election));
        });
    }
}

mod by_the_council {
    use super::*;

    #[test]
    fn the_council_cancels_a_scheduled_election() {
        build_and_execute(|| {
            let election = create(public_spec());

            assert_ok!(Voting::cancel_by_council(council(), election, reason(7)));

            let by = Canceller::Council { reason: reason(7) };
            assert_cancelled(election, by, 1, VOTING_ENDS);
            System::assert_last_event(Event::ElectionCancelled { election, by }.into());
        });
    }

    #[test]
    fn the_council_cancels_a_poll_while_voting_keeping_its_ballots_uncounted_for_good() {
        build_and_execute(|| {
            let poll = open_public_poll();
            assert_ok!(vote(ALICE, poll, 0));
            run_to_block(5);

            assert_ok!(council_cancels(poll));

            let by = Canceller::Council { reason: reason(1) };
            assert_cancelled(poll, by, 5, VOTING_ENDS);
            assert_noop!(vote(ALICE, poll, 1), Error::<Test>::ElectionCancelled);
            assert_eq!(ballot(poll, ALICE_ID), Some(Ballot::Public(0)));
            System::assert_last_event(Event::ElectionCancelled { election: poll, by }.into());
        });
    }

    #[test]
    fn the_council_cancels_a_secret_ballot_while_voting() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            assert_ok!(seal(ALICE, election, 0));

            assert_ok!(council_cancels(election));

            let by = Canceller::Council { reason: reason(1) };
            assert_cancelled(election, by, VOTING_STARTS, REVEAL_ENDS);
            assert_noop!(seal(ALICE, election, 1), Error::<Test>::ElectionCancelled);
        });
    }

    #[test]
    fn the_council_cancels_a_secret_ballot_in_its_reveal_phase() {
        build_and_execute(|| {
            let election = open_secret_ballot();
            assert_ok!(seal(ALICE, election, 0));
            assert_ok!(seal(BOB, election, 1));
            run_to_block(VOTING_ENDS);
            assert_ok!(reveal(ALICE, election, 0));
            run_to_block(12);

            assert_ok!(council_cancels(election));

            let by = Canceller::Council { reason: reason(1) };
            assert_cancelled(election, by, 12, REVEAL_ENDS);
            assert_noop!(reveal(BOB, election, 1), Error::<Test>::ElectionCancelled);
            assert_eq!(tally(election), (vec![1, 0, 0], 2));
        });
    }

    #[test]
    fn the_council_cancels_what_the_commission_no_longer_may() {
        build_and_execute(|| {
            let election = create(spec(1, 10, BallotMode::Public));
            assert_noop!(cancel(COMMISSIONER, election), Error::<Test>::VotingStarted);

            assert_ok!(council_cancels(election));
        });
    }

    #[test]
    fn only_the_council_cancels_with_reasons() {
        build_and_execute(|| {
            let election = open_public_poll();
            let others = [NOBODY, ALICE, COMMISSIONER].map(RuntimeOrigin::signed);

            for origin in unsigned_origins().into_iter().chain(others) {
                assert_noop!(
                    Voting::cancel_by_council(origin, election, reason(1)),
                    DispatchError::BadOrigin
                );
            }
            assert_ok!(council_cancels(election));
        });
    }

    #[test]
    fn a_cancelled_election_is_not_cancelled_again() {
        build_and_execute(|| {
            let by_commission = create(public_spec());
            let by_council = create(secret_spec());
            assert_ok!(cancel(COMMISSIONER, by_commission));
            assert_ok!(council_cancels(by_council));

            for election in [by_commission, by_council] {
                assert_noop!(
                    Voting::cancel_by_council(council(), election, reason(2)),
                    Error::<Test>::ElectionCancelled
                );
            }
            // Nor by the commission after the council.
            assert_noop!(
                cancel(COMMISSIONER, by_council),
                Error::<Test>::ElectionCancelled
            );
        });
    }

    #[test]
    fn a_closed_election_is_not_cancelled() {
        build_and_execute(|| {
            let poll = open_public_poll();
            let ballot = create(spec(3, 10, BallotMode::Secret { reveal_ends: 12 }));
            run_to_block(12);

            for election in [poll, ballot] {
                assert_noop!(council_cancels(election), Error::<Test>::ElectionClosed);
            }
        });
    }

    #[test]
    fn an_unknown_election_is_refused() {
        build_and_execute(|| {
            open_public_poll();

            assert_noop!(council_cancels(1), Error::<Test>::UnknownElection);
        });
    }
}

mod afterwards {
    use super::*;

    #[test]
    fn a_cancelled_election_never_closes() {
        build_and_execute(|| {
            let poll = open_public_poll();
            let ballot = open_secret_ballot();
            assert_ok!(vote(ALICE, poll, 0));
            assert_ok!(seal(ALICE, ballot, 0));
            assert_ok!(council_cancels(poll));
            assert_ok!(council_cancels(ballot));

            run_to_block(REVEAL_ENDS + 5);

            assert!(matches!(status(poll), ElectionStatus::Cancelled { .. }));
            assert!(matches!(status(ballot), ElectionStatus::Cancelled { .. }));
            assert!(!voting_events()
                .iter()
                .any(|event| matches!(event, Event::ElectionClosed { .. })));
            assert_eq!(Voting::tally_info(poll).unwrap().closure, None);
            assert_eq!(Voting::election_info(poll).unwrap().phase, Phase::Cancelled);
        });
    }

    #[test]
    fn a_cancelled_election_leaves_its_closing_block_to_the_others() {
        build_and_execute(|| {
            let cancelled = create(public_spec());
            let kept = create(spec(2, 5, BallotMode::Secret { reveal_ends: 10 }));
            assert_ok!(cancel(COMMISSIONER, cancelled));
            assert_eq!(ClosingAt::<Test>::get(10).into_inner(), vec![kept]);

            run_to_block(VOTING_ENDS);

            assert!(matches!(status(kept), ElectionStatus::Closed(_)));
            assert!(matches!(
                status(cancelled),
                ElectionStatus::Cancelled { .. }
            ));
            assert!(!ClosingAt::<Test>::contains_key(VOTING_ENDS));
            assert!(
                matches!(last_event(), Event::ElectionClosed { election, .. } if election == kept)
            );
        });
    }
}
