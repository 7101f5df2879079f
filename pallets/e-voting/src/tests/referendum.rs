//! Elections as referendums' ballots ([`ReferendumBallots`]): which election may decide a
//! constitutional motion, and what it decided.

use super::*;
use crate::{BallotMode, ElectionSpec};
use govchain_primitives::voting::{ReferendumBallots, ReferendumOutcome};

/// A poll asking `YES` then `NO` of all citizens, voting in blocks 3 to 9.
fn yes_no() -> ElectionSpec<Test> {
    ElectionSpec {
        options: bounded(vec![option("YES", 1), option("NO", 2)]),
        ..spec(3, 10, BallotMode::Public)
    }
}

fn offer(officer: u64, election: ElectionId) -> DispatchResult {
    <Voting as ReferendumBallots<u64>>::ensure_referendum_ballot(&officer, election)
}

fn outcome(election: ElectionId) -> ReferendumOutcome {
    <Voting as ReferendumBallots<u64>>::outcome(election)
}

#[test]
fn a_commission_offers_its_own_yes_no_election_for_all_citizens_before_voting() {
    build_and_execute(|| {
        let ballot = create(yes_no());
        assert_eq!(offer(COMMISSIONER, ballot), Ok(()));
        // Someone else's, or not an election commission's officer.
        assert_eq!(
            offer(OTHER_COMMISSIONER, ballot),
            Err(Error::<Test>::NotElectionCommission.into())
        );
        assert_eq!(offer(CLERK, ballot), Err(IdentityError::RoleNotHeld.into()));
        assert_eq!(offer(NOBODY, ballot), Err(IdentityError::NotOfficer.into()));
        assert_eq!(
            offer(COMMISSIONER, 99),
            Err(Error::<Test>::UnknownElection.into())
        );
        // Three options, options in another order, some regions only, commit–reveal.
        // (Each closing in a block of its own: two elections close in one at most.)
        for spec in [
            spec(3, 11, BallotMode::Public),
            ElectionSpec {
                options: bounded(vec![option("NO", 1), option("YES", 2)]),
                voting_ends: 12,
                ..yes_no()
            },
            ElectionSpec {
                regions: Some(bounded(vec![1])),
                voting_ends: 13,
                ..yes_no()
            },
            ElectionSpec {
                mode: BallotMode::Secret { reveal_ends: 15 },
                voting_ends: 14,
                ..yes_no()
            },
        ] {
            let election = create(spec);
            assert_eq!(
                offer(COMMISSIONER, election),
                Err(Error::<Test>::NotAReferendumBallot.into())
            );
        }
        // Not once voting started.
        run_to_block(3);
        assert_eq!(
            offer(COMMISSIONER, ballot),
            Err(Error::<Test>::VotingStarted.into())
        );
    });
}

#[test]
fn a_cancelled_or_closed_election_is_not_offered() {
    build_and_execute(|| {
        let cancelled = create(yes_no());
        assert_ok!(council_cancels(cancelled));
        assert_eq!(
            offer(COMMISSIONER, cancelled),
            Err(Error::<Test>::ElectionCancelled.into())
        );
        let closed = create(ElectionSpec {
            voting_starts: 1,
            voting_ends: 2,
            ..yes_no()
        });
        run_to_block(2);
        assert_eq!(
            offer(COMMISSIONER, closed),
            Err(Error::<Test>::ElectionClosed.into())
        );
    });
}

#[test]
fn the_outcome_is_the_closed_election_s_count_and_turnout() {
    build_and_execute(|| {
        let ballot = create(yes_no());
        let cancelled = create(yes_no());
        assert_eq!(outcome(ballot), ReferendumOutcome::Pending);
        run_to_block(3);
        assert_ok!(vote(ALICE, ballot, 0));
        assert_ok!(vote(BOB, ballot, 0));
        assert_ok!(vote(CAROL, ballot, 1));
        assert_eq!(outcome(ballot), ReferendumOutcome::Pending);
        assert_ok!(council_cancels(cancelled));
        assert_eq!(outcome(cancelled), ReferendumOutcome::Void);
        assert_eq!(outcome(99), ReferendumOutcome::Void);
        run_to_block(10);
        assert_eq!(
            outcome(ballot),
            ReferendumOutcome::Decided {
                yes: 2,
                no: 1,
                ballots: 3,
                eligible: 4
            }
        );
    });
}
