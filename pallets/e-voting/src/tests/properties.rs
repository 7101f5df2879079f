//! Property: whatever citizens, officers and the council do, a public poll's tally is the count
//! of the ballots it accepted.
//!
//! Random sequences of 1 to 39 operations go through the pallet: creating polls (some refused),
//! votes (by outsiders, again, beyond the ballot, outside voting or the poll's regions), blocks
//! passing (opening and closing polls), cancellations by commissions and the council, and
//! offers of a poll as a referendum's ballot. A model kept here follows each poll's state and
//! each voter's current choice (a later vote replaces an earlier one), and predicts which
//! votes, cancellations and offers are accepted; a refused call leaves the storage root as it
//! was. After every operation each poll's tally, recorded ballots, `tally_info`, closure and
//! `ElectionClosed` result, and referendum outcome equal the model's count, no poll has more
//! ballots than eligible citizens, and `do_try_state` holds.
//!
//! Public polls only: encrypted elections (and relayed ballots, which are encrypted) need a key
//! ceremony over many blocks, and commit–reveal ballots are retired. The identities stay as
//! `mock::identities` sets them up, so who is eligible never changes.

use super::*;
use crate::{ElectionSpec, NextElectionId};
use govchain_primitives::{
    identity::{InstitutionId, RegionCode},
    voting::{ReferendumBallots, ReferendumOutcome},
};
use proptest::prelude::*;
use sp_runtime::{Permill, StateVersion};
use std::collections::BTreeMap;

/// Option codes by index: `yes` is `YES` ignoring case, and the empty code is invalid.
const CODES: [&str; 6] = ["YES", "NO", "ABSTAIN", "BLANK", "yes", ""];

/// The mock's citizens: account, citizen number and region.
const CITIZENS: [(u64, CitizenId, Option<RegionCode>); 4] = [
    (ALICE, ALICE_ID, Some(1)),
    (BOB, BOB_ID, Some(1)),
    (CAROL, 2, Some(2)),
    (DAVE, DAVE_ID, None),
];

/// One thing done to the chain.
#[derive(Clone, Debug)]
enum Op {
    /// `Create(officer, options, regions, starts_in, length)`: `officer` creates a public poll
    /// with the options `CODES[i]` for each `i` of `options`, open to `regions` (all citizens
    /// if `None`), voting from `starts_in` blocks from now for `length` blocks.
    Create(u64, Vec<usize>, Option<Vec<RegionCode>>, i64, u64),
    /// `Vote(who, election, option)`.
    Vote(u64, ElectionId, OptionIndex),
    /// `Advance(blocks)`: blocks pass.
    Advance(u64),
    /// `Cancel(officer, election)`: an officer cancels the election for its commission.
    Cancel(u64, ElectionId),
    /// `CouncilCancels(who, election)`: `who` cancels the election as the council.
    CouncilCancels(u64, ElectionId),
    /// `Offer(officer, election)`: an officer offers the election as a referendum's ballot.
    Offer(u64, ElectionId),
}

/// Where a poll stands, in the model.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Status {
    Running,
    Cancelled,
    Closed,
}

/// What the model knows of a poll.
#[derive(Debug)]
struct Poll {
    commission: InstitutionId,
    options: usize,
    regions: Option<Vec<RegionCode>>,
    starts: u64,
    ends: u64,
    /// Asks `YES` then `NO` of all citizens.
    referendum: bool,
    status: Status,
    /// Each voter's current choice.
    votes: BTreeMap<CitizenId, OptionIndex>,
}

impl Poll {
    fn admits(&self, region: Option<RegionCode>) -> bool {
        match (&self.regions, region) {
            (None, _) => true,
            (Some(regions), Some(region)) => regions.contains(&region),
            (Some(_), None) => false,
        }
    }

    fn eligible(&self) -> u64 {
        CITIZENS
            .iter()
            .filter(|(_, _, region)| self.admits(*region))
            .count() as u64
    }

    fn counts(&self) -> Vec<u64> {
        let mut counts = vec![0; self.options];
        for option in self.votes.values() {
            counts[usize::from(*option)] += 1;
        }
        counts
    }

    /// Running, with voting not started at `now`: its commission may still cancel or offer it.
    fn before_voting(&self, now: u64) -> bool {
        self.status == Status::Running && now < self.starts
    }

    fn outcome(&self) -> ReferendumOutcome {
        match (self.status, self.counts().as_slice()) {
            (Status::Running, _) => ReferendumOutcome::Pending,
            (Status::Closed, [yes, no]) => ReferendumOutcome::Decided {
                yes: *yes,
                no: *no,
                ballots: self.votes.len() as u64,
                eligible: self.eligible(),
            },
            _ => ReferendumOutcome::Void,
        }
    }
}

/// The citizen number and region of the identity `who` holds.
fn registered(who: u64) -> Option<(CitizenId, Option<RegionCode>)> {
    CITIZENS
        .iter()
        .find(|(account, ..)| *account == who)
        .map(|(_, citizen, region)| (*citizen, *region))
}

/// The election commission `officer` serves.
fn commission_of(officer: u64) -> Option<InstitutionId> {
    match officer {
        COMMISSIONER | SECOND_COMMISSIONER => Some(COMMISSION_ID),
        OTHER_COMMISSIONER => Some(OTHER_COMMISSION_ID),
        _ => None,
    }
}

fn storage_root() -> Vec<u8> {
    sp_io::storage::root(StateVersion::V1)
}

/// Applies `op` through the pallet, updates the model `polls` by its outcome, checks the chain
/// against the model, and returns the call's result.
fn apply(polls: &mut Vec<Poll>, op: &Op) -> DispatchResult {
    let before = storage_root();
    let now = System::block_number();
    let (result, predicted) = match op {
        Op::Create(officer, options, regions, starts_in, length) => {
            let starts = now.saturating_add_signed(*starts_in);
            let codes = options.iter().map(|&code| option(CODES[code], code as u8));
            let spec = ElectionSpec {
                options: bounded(codes.collect()),
                regions: regions.clone().map(bounded),
                voting_starts: starts,
                voting_ends: starts + length,
                ..public_spec()
            };
            let origin = RuntimeOrigin::signed(*officer);
            let result = without_post_info(Voting::create_election(origin, spec));
            if result.is_ok() {
                polls.push(Poll {
                    commission: commission_of(*officer).expect("only commissioners create"),
                    options: options.len(),
                    regions: regions.clone(),
                    starts,
                    ends: starts + length,
                    referendum: *options == [0, 1] && regions.is_none(),
                    status: Status::Running,
                    votes: BTreeMap::new(),
                });
            }
            (result, None)
        }
        Op::Vote(who, election, option) => {
            let voter = registered(*who);
            let predicted = match (polls.get(*election as usize), voter) {
                (Some(poll), Some((_, region))) => {
                    poll.status == Status::Running
                        && (poll.starts..poll.ends).contains(&now)
                        && poll.admits(region)
                        && usize::from(*option) < poll.options
                }
                _ => false,
            };
            let result = vote(*who, *election, *option);
            if let (Ok(()), Some(poll), Some((voter, _))) =
                (result, polls.get_mut(*election as usize), voter)
            {
                poll.votes.insert(voter, *option);
            }
            (result, Some(predicted))
        }
        Op::Advance(blocks) => {
            run_to_block(now + blocks);
            polls
                .iter_mut()
                .filter(|poll| poll.status == Status::Running && poll.ends <= now + blocks)
                .for_each(|poll| poll.status = Status::Closed);
            (Ok(()), None)
        }
        Op::Cancel(officer, election) => {
            let predicted = polls.get(*election as usize).is_some_and(|poll| {
                poll.before_voting(now) && commission_of(*officer) == Some(poll.commission)
            });
            let origin = RuntimeOrigin::signed(*officer);
            (Voting::cancel_election(origin, *election), Some(predicted))
        }
        Op::CouncilCancels(who, election) => {
            let predicted = *who == COUNCIL
                && polls
                    .get(*election as usize)
                    .is_some_and(|poll| poll.status == Status::Running);
            let origin = RuntimeOrigin::signed(*who);
            let result = Voting::cancel_by_council(origin, *election, reason(1));
            (result, Some(predicted))
        }
        Op::Offer(officer, election) => {
            let predicted = polls.get(*election as usize).is_some_and(|poll| {
                poll.before_voting(now)
                    && poll.referendum
                    && commission_of(*officer) == Some(poll.commission)
            });
            let result =
                <Voting as ReferendumBallots<u64>>::ensure_referendum_ballot(officer, *election);
            assert_eq!(storage_root(), before, "an offer is a check");
            (result, Some(predicted))
        }
    };
    if let Some(predicted) = predicted {
        assert_eq!(result.is_ok(), predicted, "{op:?} at {now}: {result:?}");
    }
    match (result, op) {
        (Ok(()), Op::Cancel(_, election) | Op::CouncilCancels(_, election)) => {
            polls[*election as usize].status = Status::Cancelled;
        }
        (Ok(()), _) => {}
        (Err(error), _) => assert_eq!(storage_root(), before, "{op:?} refused: {error:?}"),
    }
    check(polls);
    result
}

/// Checks every poll on chain against the model (see the module's documentation).
fn check(polls: &[Poll]) {
    assert_eq!(NextElectionId::<Test>::get() as usize, polls.len());
    for (id, poll) in polls.iter().enumerate() {
        let id = id as ElectionId;
        let counts = poll.counts();
        let ballots = poll.votes.len() as u64;
        let eligible = poll.eligible();
        assert_eq!(tally(id), (counts.clone(), ballots), "election {id}");
        let recorded: BTreeMap<CitizenId, Ballot> = Ballots::<Test>::iter_prefix(id).collect();
        let accepted: BTreeMap<CitizenId, Ballot> = poll
            .votes
            .iter()
            .map(|(voter, option)| (*voter, Ballot::Public(*option)))
            .collect();
        assert_eq!(recorded, accepted, "election {id}");
        assert!(ballots <= eligible, "election {id}: turnout");
        let closure = match (poll.status, status(id)) {
            (Status::Running, ElectionStatus::Running)
            | (Status::Cancelled, ElectionStatus::Cancelled { .. }) => None,
            (Status::Closed, ElectionStatus::Closed(closure)) => Some(closure),
            (expected, stored) => panic!("election {id}: {stored:?}, expected {expected:?}"),
        };
        if let Some(closure) = closure {
            let turnout = match eligible {
                0 => Permill::zero(),
                _ => Permill::from_rational(ballots, eligible),
            };
            let fixed = (closure.closed_at, closure.eligible, closure.turnout);
            assert_eq!(fixed, (poll.ends, eligible, turnout), "election {id}");
            assert_eq!(
                closure.spoiled, 0,
                "election {id}: a public vote is counted"
            );
        }
        let info = Voting::tally_info(id).expect("every election has a tally");
        let shown = (info.votes, info.ballots, info.closure);
        let expected = (Some(counts.clone()), ballots, closure);
        assert_eq!(shown, expected, "election {id}: tally_info");
        let results: Vec<(Vec<u64>, u64)> = voting_events()
            .into_iter()
            .filter_map(|event| match event {
                Event::ElectionClosed {
                    election,
                    votes,
                    ballots,
                    ..
                } if election == id => Some((votes.into_inner(), ballots)),
                _ => None,
            })
            .collect();
        let once_closed: Vec<_> = closure.map(|_| (counts, ballots)).into_iter().collect();
        assert_eq!(results, once_closed, "election {id}: ElectionClosed");
        let outcome = <Voting as ReferendumBallots<u64>>::outcome(id);
        assert_eq!(outcome, poll.outcome(), "election {id}");
    }
    Voting::do_try_state().expect("e-voting invariants hold after every operation");
}

/// Any operation, mostly votes, on elections 0 to 4.
fn op() -> impl Strategy<Value = Op> {
    let election = 0..5u32;
    let creator =
        prop::sample::select(vec![SECOND_COMMISSIONER, OTHER_COMMISSIONER, CLERK, NOBODY]);
    let create = (
        prop_oneof![2 => Just(COMMISSIONER), 1 => creator],
        prop_oneof![
            4 => Just(vec![0usize, 1]),
            3 => Just(vec![0usize, 1, 2]),
            1 => Just(vec![3usize, 2, 1, 0]),
            2 => prop::collection::vec(0..CODES.len(), 1..=4),
        ],
        prop_oneof![
            6 => Just(None::<Vec<RegionCode>>),
            2 => prop::collection::vec(1..=3u32, 0..=3).prop_map(Some),
        ],
        prop_oneof![9 => 0..4i64, 1 => Just(-1i64)],
        prop_oneof![9 => 0..8u64, 1 => Just(2_000u64)],
    )
        .prop_map(|(officer, options, regions, starts, length)| {
            Op::Create(officer, options, regions, starts, length)
        });
    let voter = prop::sample::select(vec![ALICE, BOB, CAROL, DAVE, NOBODY, COMMISSIONER]);
    let canceller = prop::sample::select(vec![COMMISSIONER, OTHER_COMMISSIONER, CLERK]);
    let council = prop::sample::select(vec![COUNCIL, ALICE]);
    let commissioner = prop::sample::select(vec![COMMISSIONER, OTHER_COMMISSIONER]);
    prop_oneof![
        3 => create,
        6 => (voter, election.clone(), 0..5u8)
            .prop_map(|(who, id, option)| Op::Vote(who, id, option)),
        2 => (1..6u64).prop_map(Op::Advance),
        1 => (canceller, election.clone()).prop_map(|(who, id)| Op::Cancel(who, id)),
        1 => (council, election.clone()).prop_map(|(who, id)| Op::CouncilCancels(who, id)),
        1 => (commissioner, election).prop_map(|(who, id)| Op::Offer(who, id)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Every poll's tally stays the count of its accepted ballots, whatever is done.
    #[test]
    fn tallies_equal_the_counted_ballots(ops in prop::collection::vec(op(), 1..40)) {
        build_and_execute(|| {
            let mut polls = Vec::new();
            for op in &ops {
                // `apply` checks the result; a refusal is part of the run.
                let _ = apply(&mut polls, op);
            }
        });
    }
}

#[test]
fn a_fixed_sequence_through_the_property_s_steps_is_counted() {
    build_and_execute(|| {
        let refused = |error: Error<Test>| -> DispatchResult { Err(error.into()) };
        let steps: Vec<(Op, DispatchResult)> = vec![
            // At block 1: a YES/NO poll of all citizens voting in blocks 2 to 6, a poll of
            // region 1 at the same time, and a poll from block 4 that its commission cancels.
            (Op::Create(COMMISSIONER, vec![0, 1], None, 1, 5), Ok(())),
            (
                Op::Create(COMMISSIONER, vec![0, 1, 2], Some(vec![1]), 1, 5),
                Ok(()),
            ),
            (Op::Create(COMMISSIONER, vec![0, 1], None, 3, 5), Ok(())),
            (Op::Offer(COMMISSIONER, 0), Ok(())),
            (
                Op::Offer(COMMISSIONER, 1),
                refused(Error::NotAReferendumBallot),
            ),
            (
                Op::Cancel(OTHER_COMMISSIONER, 2),
                refused(Error::NotElectionCommission),
            ),
            (Op::Cancel(COMMISSIONER, 2), Ok(())),
            (Op::Vote(ALICE, 0, 0), refused(Error::VotingNotStarted)),
            (Op::Advance(1), Ok(())),
            (Op::Vote(ALICE, 0, 0), Ok(())),
            (Op::Vote(BOB, 0, 0), Ok(())),
            (Op::Vote(CAROL, 0, 1), Ok(())),
            // Alice changes her vote.
            (Op::Vote(ALICE, 0, 1), Ok(())),
            (Op::Vote(NOBODY, 0, 1), refused(Error::NotCitizen)),
            (Op::Vote(CAROL, 1, 0), refused(Error::NotEligible)),
            (Op::Vote(BOB, 1, 3), refused(Error::UnknownOption)),
            (Op::Vote(BOB, 1, 2), Ok(())),
            // Block 7: both polls close.
            (Op::Advance(5), Ok(())),
            (Op::Vote(DAVE, 0, 0), refused(Error::ElectionClosed)),
        ];
        let mut polls = Vec::new();

        for (op, expected) in &steps {
            assert_eq!(&apply(&mut polls, op), expected, "{op:?}");
        }

        assert_eq!(tally(0), (vec![1, 2], 3));
        assert_eq!(tally(1), (vec![0, 0, 1], 1));
        assert_eq!(
            <Voting as ReferendumBallots<u64>>::outcome(0),
            ReferendumOutcome::Decided {
                yes: 1,
                no: 2,
                ballots: 3,
                eligible: 4
            }
        );
        assert!(matches!(status(1), ElectionStatus::Closed(closure) if closure.eligible == 2));
        assert!(matches!(status(2), ElectionStatus::Cancelled { .. }));
    });
}
