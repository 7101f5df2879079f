//! Tests, one file per behaviour.
//!
//! Given a fresh chain at block 1 on day [`TODAY`](crate::mock::TODAY), with the Education
//! Ministry's officer `MINISTER`, `DEAN` and `OTHER_DEAN` of two universities (not yet
//! accredited), `JUDGE` and `OTHER_JUDGE` of two courts, `REGISTRAR` of a land registry (no
//! education role), and the citizens Alice and Bob (held by `ALICE` and `BOB`); appointments
//! run until block 1 000. Batches hold at most 5 diplomas, accreditations 3 periods, a
//! diploma's history 4 changes (some tests lower it), and a citizen 5 diplomas (a test raises
//! it).
//!
//! Every extrinsic refuses the same kinds of origin, so each has one test that runs
//! [`assert_only_serving_officers`] on it.

mod accreditation;
mod import;
mod issuance;
mod migrations;
mod properties;
mod queries;
mod revocation;

use crate::{
    mock::*, Authority, Day, DiplomaId, DiplomaSpec, Error, Event, Issuer, ItemError,
    LegacyDiploma, RevocationReason, StatusChange, StatusEvent, Verification,
};
use codec::{Decode, Encode};
use frame_support::{assert_noop, dispatch::GetDispatchInfo, BoundedVec};
use govchain_primitives::identity::CitizenId;
use sp_runtime::{DispatchError, DispatchResult};

/// The origins that are not a signed account: root and unsigned.
fn unsigned_origins() -> [RuntimeOrigin; 2] {
    [RuntimeOrigin::root(), RuntimeOrigin::none()]
}

/// Checks that `call` needs an officer holding its role whose appointment still runs: root and
/// unsigned origins, `NOBODY` and Alice (no officers), and each officer in `lacking_role` are
/// refused, and so is `officer`, who holds the role, once their appointment has ended.
///
/// The chain must be set up so that `officer` would succeed.
#[track_caller]
fn assert_only_serving_officers(
    officer: u64,
    lacking_role: &[u64],
    call: impl Fn(RuntimeOrigin) -> DispatchResult,
) {
    for origin in unsigned_origins() {
        assert_noop!(call(origin), DispatchError::BadOrigin);
    }
    for outsider in [NOBODY, ALICE] {
        assert_noop!(
            call(RuntimeOrigin::signed(outsider)),
            IdentityError::NotOfficer
        );
    }
    for other in lacking_role {
        assert_noop!(
            call(RuntimeOrigin::signed(*other)),
            IdentityError::RoleNotHeld
        );
    }
    // Last, as the appointment stays ended for the rest of the test.
    Identity::expire_officer(officer);
    assert_noop!(
        call(RuntimeOrigin::signed(officer)),
        IdentityError::OfficerExpired
    );
}

/// Checks that the weight of `call(n)` grows with every `n` up to a full batch.
#[track_caller]
fn assert_weight_grows_with_batch_size<C: GetDispatchInfo>(call: impl Fn(u32) -> C) {
    let weights: Vec<_> = (1..=MaxBatchSize::get())
        .map(|n| call(n).get_dispatch_info().call_weight)
        .collect();

    for pair in weights.windows(2) {
        assert!(pair[0].all_lt(pair[1]), "{:?} < {:?}", pair[0], pair[1]);
    }
}

/// `items` as a call's batch argument.
#[track_caller]
fn batch<Item: core::fmt::Debug>(items: Vec<Item>) -> BoundedVec<Item, MaxBatchSize> {
    BoundedVec::try_from(items).expect("a batch of at most MaxBatchSize")
}

/// Whether the call numbered `call_index` with `items` as its only argument decodes: a
/// `Vec` and a `BoundedVec` of the same items encode alike.
fn decodes_as_call<Item: Encode>(call_index: u8, items: &[Item]) -> bool {
    crate::Call::<Test>::decode(&mut &(call_index, items).encode()[..]).is_ok()
}

/// The pallet's events, oldest first.
fn diploma_events() -> Vec<Event<Test>> {
    System::events()
        .into_iter()
        .filter_map(|record| match record.event {
            RuntimeEvent::Diplomas(event) => Some(event),
            _ => None,
        })
        .collect()
}

/// The error of the batch item at `index`.
fn item_failed(index: u16, error: ItemError) -> Error<Test> {
    Error::<Test>::BatchItemFailed { index, error }
}

/// Diplomas numbered `numbers`, held by Alice and dated today.
fn specs(numbers: &[&str]) -> Vec<DiplomaSpec> {
    numbers
        .iter()
        .map(|number| spec(number, ALICE_ID, Today::get()))
        .collect()
}

/// A historic diploma of `issuer` numbered `number`, held by `holder` and dated `issued_on`.
fn legacy(issuer: Issuer, number: &str, holder: CitizenId, issued_on: Day) -> LegacyDiploma {
    LegacyDiploma {
        issuer,
        spec: spec(number, holder, issued_on),
    }
}

/// The id of `issuer`'s diploma `number`, for any kind of issuer.
fn id_by(issuer: Issuer, number: &str) -> DiplomaId {
    Diplomas::diploma_id(&issuer, &serial(number))
}

/// Alice's diploma `BA-1` of the accredited `UNIVERSITY_ID`.
fn issued_diploma() -> DiplomaId {
    accredit_university();
    issue("BA-1")
}

/// Accredits `UNIVERSITY_ID` from `TODAY - 10` to `TODAY + 5` and moves the clock 10 days on,
/// past the end of that period.
fn lapsed_period() {
    accredit(UNIVERSITY_ID, TODAY - 10, TODAY + 5);
    advance_days(10);
}

/// What verifying `id` against the document of every diploma in these tests answers.
fn verification_of(id: DiplomaId) -> Verification<u64> {
    Diplomas::verify(id, document(1))
}

fn revoke(officer: u64, id: DiplomaId, reason: RevocationReason) -> DispatchResult {
    Diplomas::revoke(RuntimeOrigin::signed(officer), id, reason)
}

fn reinstate(officer: u64, id: DiplomaId) -> DispatchResult {
    Diplomas::reinstate(RuntimeOrigin::signed(officer), id)
}

/// A revocation as a diploma's history records it.
fn revoked_at(reason: RevocationReason, by: Authority, at: u64) -> StatusEvent<u64> {
    StatusEvent {
        change: StatusChange::Revoked { reason, by },
        at,
    }
}

/// A reinstatement as a diploma's history records it.
fn reinstated_at(by: Authority, at: u64) -> StatusEvent<u64> {
    StatusEvent {
        change: StatusChange::Reinstated { by },
        at,
    }
}
