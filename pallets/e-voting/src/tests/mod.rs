//! Tests, one file per behaviour.
//!
//! Given a fresh chain at block 1 with no election, and an identity provider that knows:
//! - the officers `COMMISSIONER` of the central election commission (`COMMISSION_ID`),
//!   `OTHER_COMMISSIONER` of a regional one (`OTHER_COMMISSION_ID`), both holding the
//!   `ElectionCommission` role, and `CLERK` of a ministry without it, all serving until block
//!   10 000;
//! - four active citizens: Alice (citizen 0, region 1, held by `ALICE`), Bob (1, region 1,
//!   `BOB`), Carol (2, region 2, `CAROL`) and Dave (3, no region recorded, `DAVE`), so 4 active
//!   citizens in all, 2 in region 1 and 1 in region 2; tests register more, move identities to
//!   new accounts, change regions and deactivate citizens through the mock's helpers;
//! - `NOBODY`, neither officer nor citizen, and the council, account `COUNCIL` (100), the only
//!   origin of `cancel_by_council`.
//!
//! A ballot has 2 to 4 options, an election is limited to at most 3 regions, at most 2
//! elections close in one block, and an election closes at most 1 000 blocks after its
//! creation. The usual elections are `public_spec` (a poll voting in blocks 2 to 9, closing at
//! 10) and `secret_spec` (a secret ballot voting in blocks 2 to 9, revealing in 10 to 14,
//! closing at 15), both open to all citizens with the options `YES`, `NO` and `ABSTAIN`.
//! Blocks advance with `run_to_block`, which runs the pallet's `on_initialize` and so closes
//! elections; every test ends with the pallet's `do_try_state`.
//!
//! Every commission call refuses the same kinds of origin, so each has one test that runs
//! [`assert_only_serving_commissioners`] on it.

mod ballot_holds;
mod cancellation;
mod closing;
mod creation;
mod encrypted;
mod properties;
mod public_votes;
mod queries;
mod recount;
mod referendum;
mod secret_ballots;

use crate::{mock::*, Ballot, Ballots, ElectionId, ElectionStatus, Error, Event, OptionIndex};
use frame_support::{
    assert_noop, assert_ok,
    storage::{with_transaction, TransactionOutcome},
    traits::Hooks,
};
use govchain_primitives::identity::{CitizenId, IdentityProvider};
use sp_core::H256;
use sp_runtime::{DispatchError, DispatchResult};

/// The first block of voting in `public_spec` and `secret_spec`.
const VOTING_STARTS: u64 = 2;
/// The first block after voting in `public_spec` and `secret_spec`: the poll closes at it, the
/// secret ballot's reveal phase starts at it.
const VOTING_ENDS: u64 = 10;
/// The first block after the reveal phase of `secret_spec`, at which it closes.
const REVEAL_ENDS: u64 = 15;

/// The origins that are not a signed account: root and unsigned.
fn unsigned_origins() -> [RuntimeOrigin; 2] {
    [RuntimeOrigin::root(), RuntimeOrigin::none()]
}

/// Checks that `call` succeeds, then undoes what it did.
#[track_caller]
fn assert_would_succeed(call: impl FnOnce() -> DispatchResult) {
    assert_ok!(with_transaction(|| TransactionOutcome::Rollback(call())));
}

/// Checks that `call` needs an `ElectionCommission` officer whose appointment still runs: root
/// and unsigned origins, `NOBODY`, Alice and the council (no officers), and `CLERK` (an
/// officer without the role) are refused, and so is `COMMISSIONER` once their appointment has
/// ended.
///
/// The chain must be set up so that `COMMISSIONER` would succeed; this is checked first.
#[track_caller]
fn assert_only_serving_commissioners(call: impl Fn(RuntimeOrigin) -> DispatchResult) {
    assert_would_succeed(|| call(RuntimeOrigin::signed(COMMISSIONER)));
    for origin in unsigned_origins() {
        assert_noop!(call(origin), DispatchError::BadOrigin);
    }
    for outsider in [NOBODY, ALICE, COUNCIL] {
        assert_noop!(
            call(RuntimeOrigin::signed(outsider)),
            IdentityError::NotOfficer
        );
    }
    assert_noop!(
        call(RuntimeOrigin::signed(CLERK)),
        IdentityError::RoleNotHeld
    );
    // Last, as the appointment stays ended for the rest of the test.
    Identity::expire_officer(COMMISSIONER);
    assert_noop!(
        call(RuntimeOrigin::signed(COMMISSIONER)),
        IdentityError::OfficerExpired
    );
}

/// The council's origin.
fn council() -> RuntimeOrigin {
    RuntimeOrigin::signed(COUNCIL)
}

/// The hash of the council's decision number `number`.
fn reason(number: u8) -> H256 {
    H256::repeat_byte(number)
}

/// The pallet's events, oldest first.
fn voting_events() -> Vec<Event<Test>> {
    System::events()
        .into_iter()
        .filter_map(|record| match record.event {
            RuntimeEvent::Voting(event) => Some(event),
            _ => None,
        })
        .collect()
}

/// The citizen whose identity `who` holds now.
fn citizen(who: u64) -> CitizenId {
    Identity::citizen_of(&who).expect("`who` holds an identity")
}

/// `who` votes for `option` in the public poll `election`.
fn vote(who: u64, election: ElectionId, option: OptionIndex) -> DispatchResult {
    Voting::vote(RuntimeOrigin::signed(who), election, option)
}

/// `who` seals `commitment` in the secret ballot `election`.
fn commit(who: u64, election: ElectionId, commitment: H256) -> DispatchResult {
    Voting::commit_vote(RuntimeOrigin::signed(who), election, commitment)
}

/// `who`, a citizen, seals a ballot for `option` with the tests' [`salt`] in `election`.
fn seal(who: u64, election: ElectionId, option: OptionIndex) -> DispatchResult {
    commit(who, election, sealed(election, option, citizen(who)))
}

/// `who` reveals `option` with the tests' [`salt`] for it in `election`.
fn reveal(who: u64, election: ElectionId, option: OptionIndex) -> DispatchResult {
    Voting::reveal_vote(RuntimeOrigin::signed(who), election, option, salt(option))
}

/// The council cancels `election` for the reasons of decision 1.
fn council_cancels(election: ElectionId) -> DispatchResult {
    Voting::cancel_by_council(council(), election, reason(1))
}

/// A public poll of `public_spec`, with voting open (block 2).
fn open_public_poll() -> ElectionId {
    let election = create(public_spec());
    run_to_block(VOTING_STARTS);
    election
}

/// A secret ballot of `secret_spec`, with voting open (block 2).
fn open_secret_ballot() -> ElectionId {
    let election = create(secret_spec());
    run_to_block(VOTING_STARTS);
    election
}

/// `election`'s stored count: the votes per option and the ballots cast.
fn tally(election: ElectionId) -> (Vec<u64>, u64) {
    let tally = crate::Tallies::<Test>::get(election).expect("the election has a tally");
    (tally.votes.into_inner(), tally.ballots)
}

/// `election`'s stored status.
fn status(election: ElectionId) -> ElectionStatus<u64> {
    crate::Elections::<Test>::get(election)
        .expect("the election exists")
        .status
}

/// `voter`'s stored ballot in `election`.
fn ballot(election: ElectionId, voter: CitizenId) -> Option<Ballot> {
    Ballots::<Test>::get(election, voter)
}

/// Runs `refused` with `election`'s tally changed by `corrupt`, as if its counts had reached
/// the end of their type, then puts the tally back so that the invariants hold again.
fn with_tally_changed(
    election: ElectionId,
    corrupt: impl FnOnce(&mut crate::Tally<Test>),
    refused: impl FnOnce(),
) {
    let kept = crate::Tallies::<Test>::get(election).expect("the election has a tally");
    let mut changed = kept.clone();
    corrupt(&mut changed);
    crate::Tallies::<Test>::insert(election, changed);
    refused();
    crate::Tallies::<Test>::insert(election, kept);
}
