//! Tests, one file per behaviour.
//!
//! Given a fresh chain at block 1 with no reserve and no currency, coverage limited to 100 %
//! of the reserve value, and officers whose appointments run until block 1 000: `GOVERNOR` of
//! the central bank, `BANKER` and `OTHER_BANKER` of two commercial banks, `JUDGE` and
//! `OTHER_JUDGE` of two courts, `CLERK` of a ministry (an institution without a role) and
//! `AUDITOR` of the audit chamber (the independent auditor of the reserve);
//! the citizens Alice (tier `Basic`, held by `ALICE`), Bob (`Standard`, `BOB`) and Carol
//! (`Enhanced`, `CAROL`); `NOBODY`, neither officer nor citizen; and the council, account 100.
//!
//! Limits as (balance cap, daily outflow): `Basic` 1 000 / 200, `Standard` 10 000 / 2 000,
//! `Enhanced` 100 000 / 20 000, institutions 1 000 000 / 500 000; banks have none. An outflow
//! period lasts 10 blocks (block 1 is in period 0, block 10 in period 1), and the reserve holds
//! at most 3 assets.
//!
//! Every officer's extrinsic refuses the same kinds of origin, so each has one test that runs
//! [`assert_only_serving_officers`] on it; the council's run [`assert_only_council`].

mod dual_control;
mod freezes;
mod institution_money;
mod issuance;
mod limits;
mod migrations;
mod payments;
mod properties;
mod queries;
mod relay;
mod reserve;
mod transfers;

use crate::{mock::*, Error, Event, Limits};
use frame_support::{
    assert_noop, assert_ok,
    storage::{with_transaction, TransactionOutcome},
};
use govchain_primitives::identity::{InstitutionId, Party};
use sp_core::H256;
use sp_runtime::{DispatchError, DispatchResult};

/// The origins that are not a signed account: root and unsigned.
fn unsigned_origins() -> [RuntimeOrigin; 2] {
    [RuntimeOrigin::root(), RuntimeOrigin::none()]
}

/// Checks that `call` succeeds, then undoes what it did.
#[track_caller]
fn assert_would_succeed(call: impl FnOnce() -> DispatchResult) {
    assert_ok!(with_transaction(|| TransactionOutcome::Rollback(call())));
}

/// Checks that `call` needs an officer holding its role whose appointment still runs: root and
/// unsigned origins, `NOBODY` and Alice (no officers), and each officer in `lacking_role` are
/// refused, and so is `officer`, who holds the role, once their appointment has ended.
///
/// The chain must be set up so that `officer` would succeed; this is checked first.
#[track_caller]
fn assert_only_serving_officers(
    officer: u64,
    lacking_role: &[u64],
    call: impl Fn(RuntimeOrigin) -> DispatchResult,
) {
    assert_would_succeed(|| call(RuntimeOrigin::signed(officer)));
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

/// Checks that only the council may make `call`: root, unsigned, an outsider and an officer
/// are refused, and the council succeeds.
#[track_caller]
fn assert_only_council(call: impl Fn(RuntimeOrigin) -> DispatchResult) {
    let others = [NOBODY, GOVERNOR].map(RuntimeOrigin::signed);
    for origin in unsigned_origins().into_iter().chain(others) {
        assert_noop!(call(origin), DispatchError::BadOrigin);
    }
    assert_ok!(call(council()));
}

/// The council's origin.
fn council() -> RuntimeOrigin {
    RuntimeOrigin::signed(Council::get())
}

/// The pallet's events, oldest first.
fn cbdc_events() -> Vec<Event<Test>> {
    System::events()
        .into_iter()
        .filter_map(|record| match record.event {
            RuntimeEvent::Cbdc(event) => Some(event),
            _ => None,
        })
        .collect()
}

/// Backs `amount` with gold and mints it to `BANK_ID`.
fn fund_bank(amount: u64) {
    record_gold(amount);
    mint_to_bank(amount);
}

/// A bank with money for everyone: two million, which no holder's cap reaches.
fn rich_bank() {
    fund_bank(2_000_000);
}

/// Bob holds 1 000 from the bank.
fn bob_holds_1_000() {
    rich_bank();
    credit(BOB_ID, 1_000);
}

/// `GOVERNOR` mints `amount` to `bank`.
fn mint(bank: InstitutionId, amount: u64) -> DispatchResult {
    Cbdc::mint(RuntimeOrigin::signed(GOVERNOR), bank, amount)
}

/// Checks that `bank` may be minted `most` but no more, which `error` refuses.
#[track_caller]
fn assert_mints_at_most(bank: InstitutionId, most: u64, error: Error<Test>) {
    assert_noop!(mint(bank, most + 1), error);
    assert_ok!(mint(bank, most));
}

/// `who` pays `amount` from `from` to `to`.
fn transfer(who: u64, from: Party, to: Party, amount: u64) -> DispatchResult {
    Cbdc::transfer(RuntimeOrigin::signed(who), from, to, amount)
}

/// The hash of case `number`.
fn case(number: u8) -> H256 {
    H256::repeat_byte(number)
}

/// `JUDGE` freezes `holder` under case 1.
fn freeze(holder: Party) {
    assert_ok!(Cbdc::freeze(RuntimeOrigin::signed(JUDGE), holder, case(1)));
}

/// Limits of balance cap `cap` and daily outflow `daily`.
fn limits(cap: u64, daily: u64) -> Limits<u64> {
    Limits {
        balance_cap: cap,
        daily_outflow: daily,
    }
}

/// The council gives `MINISTRY_ID` limits of its own: cap `cap`, daily outflow `daily`.
fn ministry_limits(cap: u64, daily: u64) {
    let limits = Some(limits(cap, daily));
    assert_ok!(Cbdc::set_institution_limits(council(), MINISTRY_ID, limits));
}

/// The ministry, with limits no payment reaches, holds 999 after sending Bob 1 today, its
/// outflow counter 10 short of the balance type's end.
fn ministry_without_limits_sent_one() {
    ministry_limits(u64::MAX, u64::MAX);
    rich_bank();
    credit(MINISTRY, 1_000);
    assert_ok!(transfer(CLERK, MINISTRY, BOB_ID, 1));
    // Money circling through the ministry all day long would take the counter this far.
    crate::Holders::<Test>::mutate(MINISTRY, |holder| holder.outflow.sent = u64::MAX - 10);
}
