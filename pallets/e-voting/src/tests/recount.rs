//! Anyone recomputes an election's result: from the `Ballots` storage, or from the events alone
//! (`VoteCast`, `BallotSealed` and `VoteRevealed`, replayed into each citizen's last ballot),
//! and both agree with the `ElectionClosed` event and the stored tally and closure.

use super::*;
use crate::{Closure, ElectionSpec, Elections, Tallies};
use sp_runtime::Permill;
use std::collections::BTreeMap;

/// The options on the ballots of this file's elections (`YES`, `NO`, `ABSTAIN`).
const OPTIONS: usize = 3;

/// What a count finds: votes per option, ballots cast, and ballots cast but not counted.
#[derive(Debug, PartialEq, Eq)]
struct Count {
    votes: Vec<u64>,
    ballots: u64,
    spoiled: u64,
}

/// A citizen's last ballot in an election.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LastBallot {
    /// Counted for an option: a public vote, or a revealed secret ballot.
    Counted(OptionIndex),
    /// Sealed and not revealed.
    Sealed,
}

/// Counts citizens' last ballots.
fn count(ballots: impl IntoIterator<Item = LastBallot>) -> Count {
    let mut count = Count {
        votes: vec![0; OPTIONS],
        ballots: 0,
        spoiled: 0,
    };
    for ballot in ballots {
        count.ballots += 1;
        match ballot {
            LastBallot::Counted(option) => count.votes[usize::from(option)] += 1,
            LastBallot::Sealed => count.spoiled += 1,
        }
    }
    count
}

/// Recounts `election` from the ballots stored for it.
fn recount_from_storage(election: ElectionId) -> Count {
    count(
        Ballots::<Test>::iter_prefix_values(election).map(|ballot| match ballot {
            Ballot::Public(option) | Ballot::Revealed(option) => LastBallot::Counted(option),
            // Recounted from its encrypted sums, not here (tests::encrypted).
            Ballot::Sealed(_) | Ballot::Encrypted(_) => LastBallot::Sealed,
        }),
    )
}

/// Recounts `election` from the events alone, checking that each event agrees with the
/// ballots the earlier ones gave.
fn recount_from_events(election: ElectionId) -> Count {
    let mut last: BTreeMap<CitizenId, LastBallot> = BTreeMap::new();
    for event in voting_events() {
        match event {
            Event::VoteCast {
                election: of,
                voter,
                option,
                replaced,
            } if of == election => {
                let earlier = last.insert(voter, LastBallot::Counted(option));
                assert_eq!(
                    earlier,
                    replaced.map(LastBallot::Counted),
                    "a vote replaces the citizen's earlier vote, if any"
                );
            }
            Event::BallotSealed {
                election: of,
                voter,
                replaced,
            } if of == election => {
                let earlier = last.insert(voter, LastBallot::Sealed);
                assert_eq!(
                    earlier.is_some(),
                    replaced,
                    "a sealed ballot replaces the citizen's earlier one, if any"
                );
                assert!(matches!(earlier, None | Some(LastBallot::Sealed)));
            }
            Event::VoteRevealed {
                election: of,
                voter,
                option,
            } if of == election => {
                let earlier = last.insert(voter, LastBallot::Counted(option));
                assert_eq!(
                    earlier,
                    Some(LastBallot::Sealed),
                    "only a sealed ballot is revealed"
                );
            }
            _ => {}
        }
    }
    count(last.into_values())
}

/// The count and closure the `ElectionClosed` event of `election` gives; it is emitted once.
fn closed_event(election: ElectionId) -> (Count, Closure<u64>) {
    let mut closings = voting_events().into_iter().filter_map(|event| match event {
        Event::ElectionClosed {
            election: of,
            votes,
            ballots,
            closure,
        } if of == election => Some((
            Count {
                votes: votes.into_inner(),
                ballots,
                spoiled: closure.spoiled,
            },
            closure,
        )),
        _ => None,
    });
    let closing = closings.next().expect("the election closed");
    assert!(closings.next().is_none(), "the election closed once");
    closing
}

/// Checks that `election` closed with `expected` and `closure` by every account of it: the
/// `ElectionClosed` event, the stored tally and status, the ballots in storage and the events.
#[track_caller]
fn assert_recounts_to(election: ElectionId, expected: Count, closure: Closure<u64>) {
    let (announced, announced_closure) = closed_event(election);
    assert_eq!(announced, expected, "the ElectionClosed event");
    assert_eq!(
        announced_closure, closure,
        "the ElectionClosed event's closure"
    );
    let tally = Tallies::<Test>::get(election).unwrap();
    assert_eq!(
        (tally.votes.into_inner(), tally.ballots),
        (expected.votes.clone(), expected.ballots),
        "the stored tally"
    );
    assert_eq!(
        Elections::<Test>::get(election).unwrap().status,
        ElectionStatus::Closed(closure),
        "the stored closure"
    );
    assert_eq!(
        recount_from_storage(election),
        expected,
        "the stored ballots"
    );
    assert_eq!(recount_from_events(election), expected, "the events");
    assert_eq!(
        closure.turnout,
        Permill::from_rational(expected.ballots.min(closure.eligible), closure.eligible),
        "turnout is ballots cast per eligible citizen"
    );
}

#[test]
fn a_poll_and_a_secret_ballot_recount_from_storage_and_from_events_to_their_results() {
    build_and_execute(|| {
        // Seven more citizens: ids 4 to 10.
        for (account, region) in [
            (20, Some(1)),
            (21, Some(2)),
            (22, Some(3)),
            (23, None),
            (24, Some(1)),
            (25, Some(2)),
            (26, Some(2)),
        ] {
            register_citizen(account, region);
        }
        let poll = create(public_spec());
        let secret = create(ElectionSpec {
            regions: Some(bounded(vec![1, 2])),
            ..secret_spec()
        });

        // Blocks 2 to 9: everyone votes, some change their minds.
        run_to_block(VOTING_STARTS);
        for (voter, option) in [
            (ALICE, 0),
            (BOB, 1),
            (CAROL, 1),
            (DAVE, 2),
            (20, 0),
            (21, 0),
            (25, 0),
        ] {
            assert_ok!(vote(voter, poll, option));
        }
        for (voter, option) in [(ALICE, 0), (BOB, 1), (CAROL, 1), (20, 0), (21, 2), (24, 1)] {
            assert_ok!(seal(voter, secret, option));
        }
        assert_noop!(seal(DAVE, secret, 0), Error::<Test>::NotEligible);

        run_to_block(4);
        assert_ok!(vote(BOB, poll, 0));
        assert_ok!(vote(20, poll, 2));
        assert_ok!(vote(20, poll, 2));
        assert_ok!(vote(22, poll, 1));
        assert_ok!(seal(ALICE, secret, 2));
        assert_ok!(seal(24, secret, 0));
        // Citizen 9 dies after voting in the poll: the vote stands, the electorate shrinks.
        Identity::deactivate_citizen(25);

        run_to_block(6);
        // Alice loses her key; her new account changes her vote.
        Identity::move_citizen(ALICE, 30);
        assert_ok!(vote(30, poll, 1));

        // Block 10: the poll closes, the secret ballot's reveal phase opens.
        run_to_block(VOTING_ENDS);
        assert_ok!(reveal(30, secret, 2));
        assert_ok!(reveal(BOB, secret, 1));
        run_to_block(12);
        assert_ok!(reveal(CAROL, secret, 1));
        assert_ok!(reveal(20, secret, 0));
        // Citizen 8 reveals the ballot it replaced, which fails; 8 and 5 stay spoiled.
        assert_noop!(reveal(24, secret, 1), Error::<Test>::CommitmentMismatch);

        run_to_block(REVEAL_ENDS);

        // Poll, last votes: Alice 1, Bob 0, Carol 1, Dave 2, 4 → 2, 5 → 0, 6 → 1, 9 → 0;
        // 10 of the 11 citizens still active at block 10.
        assert_recounts_to(
            poll,
            Count {
                votes: vec![3, 3, 2],
                ballots: 8,
                spoiled: 0,
            },
            Closure {
                closed_at: VOTING_ENDS,
                eligible: 10,
                spoiled: 0,
                turnout: Permill::from_percent(80),
            },
        );
        // Secret ballot: Alice 2, Bob 1, Carol 1, 4 → 0 revealed, 5 and 8 sealed; region 1
        // has Alice, Bob, 4 and 8, region 2 Carol, 5 and 10.
        assert_recounts_to(
            secret,
            Count {
                votes: vec![1, 2, 1],
                ballots: 6,
                spoiled: 2,
            },
            Closure {
                closed_at: REVEAL_ENDS,
                eligible: 7,
                spoiled: 2,
                turnout: Permill::from_rational(6u64, 7u64),
            },
        );
    });
}

#[test]
fn a_recount_of_a_cancelled_election_finds_what_was_cast_but_nothing_closes_it() {
    build_and_execute(|| {
        let poll = open_public_poll();
        assert_ok!(vote(ALICE, poll, 0));
        assert_ok!(vote(BOB, poll, 1));
        assert_ok!(vote(ALICE, poll, 1));
        assert_ok!(council_cancels(poll));

        run_to_block(VOTING_ENDS);

        let cast = Count {
            votes: vec![0, 2, 0],
            ballots: 2,
            spoiled: 0,
        };
        assert_eq!(recount_from_storage(poll), cast);
        assert_eq!(recount_from_events(poll), cast);
        assert_eq!(tally(poll), (cast.votes, cast.ballots));
        assert!(!voting_events()
            .iter()
            .any(|event| matches!(event, Event::ElectionClosed { .. })));
    });
}
