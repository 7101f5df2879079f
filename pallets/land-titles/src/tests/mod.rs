//! Tests, one file per behaviour.
//!
//! Given a fresh chain at block 1 with the land registry's officer `REGISTRAR`, the officers
//! `BANKER` and `OTHER_BANKER` of two commercial banks, `JUDGE` and `OTHER_JUDGE` of two courts,
//! `FUND_OFFICER` of the state property fund `FUND` (an institution without roles), and the
//! citizens Alice, Bob and Carol (held by `ALICE`, `BOB` and `CAROL`); appointments run until
//! block 1 000. An accepted offer settles at once unless a test sets `RegistrarApproves`, and
//! prices in the digital currency can be paid unless a test turns `MockPayments` off…

mod freezes;
mod history;
mod liens;
mod lineage;
mod migrations;
mod offers;
mod properties;
mod queries;
mod refusals;
mod registration;
mod settlement;
mod stuck_states;
mod succession;

use crate::{mock::*, Area, CadastralNumber, CarryOver, Lineage, ParcelId, ParcelSpec};
use frame_support::BoundedVec;
use govchain_primitives::identity::Party;
use sp_core::H256;
use sp_runtime::DispatchResult;

/// The loan-contract reference `register_lien` uses.
const LOAN: H256 = H256::repeat_byte(7);

/// A subdivision or merge that carries neither liens nor a freeze over.
const CARRY_NOTHING: CarryOver = CarryOver {
    liens: false,
    freeze: false,
};

/// A subdivision or merge that carries the liens over.
const CARRY_LIENS: CarryOver = CarryOver {
    liens: true,
    freeze: false,
};

/// A subdivision or merge that carries the freeze over.
const CARRY_FREEZE: CarryOver = CarryOver {
    liens: false,
    freeze: true,
};

/// A court's case reference.
fn case(number: u8) -> H256 {
    H256::repeat_byte(number)
}

/// A cadastral number as stored.
fn cadastral(number: &str) -> CadastralNumber {
    CadastralNumber::try_from(number.as_bytes().to_vec()).expect("the test's number fits")
}

/// The parcels a merge joins.
fn lineage(parcels: &[ParcelId]) -> Lineage<Test> {
    Lineage::<Test>::try_from(parcels.to_vec()).expect("the test names at most MaxLineage parcels")
}

/// The new parcels of a subdivision, as (cadastral number, area) pairs.
fn children(parts: &[(&str, Area)]) -> BoundedVec<ParcelSpec, MaxLineage> {
    let specs: Vec<_> = parts
        .iter()
        .map(|(number, area)| spec(number, *area))
        .collect();
    BoundedVec::try_from(specs).expect("the test makes at most MaxLineage parcels")
}

/// `caller` offers `sales` (percentages of the parcel) to `buyer` for an off-chain price,
/// expiring at `expires_at`, without carrying liens.
fn try_offer(
    caller: u64,
    parcel: ParcelId,
    sales: &[(Party, u32)],
    buyer: Party,
    expires_at: u64,
) -> DispatchResult {
    LandTitles::create_offer(
        RuntimeOrigin::signed(caller),
        parcel,
        holdings(sales),
        buyer,
        off_chain(),
        expires_at,
        false,
    )
}

/// `JUDGE`'s or `OTHER_JUDGE`'s court freezes `parcel` under case 1.
fn freeze(judge: u64, parcel: ParcelId) -> DispatchResult {
    LandTitles::freeze_parcel(RuntimeOrigin::signed(judge), parcel, case(1))
}

/// The court of `judge` lifts its freeze of `parcel`.
fn lift(judge: u64, parcel: ParcelId) -> DispatchResult {
    LandTitles::lift_freeze(RuntimeOrigin::signed(judge), parcel)
}

/// The registrar merges `parents` into a parcel `number` of `area`.
fn merge(parents: &[ParcelId], number: &str, area: Area, carry: CarryOver) -> DispatchResult {
    without_post_info(LandTitles::merge(
        RuntimeOrigin::signed(REGISTRAR),
        lineage(parents),
        spec(number, area),
        carry,
    ))
}

/// Subdivides `parcel` into two halves numbered `<number>/1` and `<number>/2`.
fn halve(parcel: ParcelId, number: &str, area: Area, carry: CarryOver) -> DispatchResult {
    let first = format!("{number}/1");
    let second = format!("{number}/2");
    without_post_info(LandTitles::subdivide(
        RuntimeOrigin::signed(REGISTRAR),
        parcel,
        children(&[(&first, area / 2), (&second, area - area / 2)]),
        carry,
    ))
}
