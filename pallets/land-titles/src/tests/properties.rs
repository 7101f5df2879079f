//! Property: whatever sequence of registrations, offers, consents, acceptances, approvals,
//! liens, court orders (alone or under dual control), subdivisions, merges and successions the
//! registry goes through, every live parcel keeps one title of distinct owners, each share above
//! zero and all summing to exactly 100 %; a retired parcel has children and keeps no owner in
//! the index, no lien and no freeze; the live area changes only by registrations; money only
//! moves between the parties; and a refused call changes nothing (the storage root is the same
//! before and after it).
//!
//! Each case runs 1 to 40 operations on a fresh chain, signed by the officers, the citizens, the
//! state fund's officer or a stranger, on parcels, offers and liens picked among those that exist
//! (or the next number, which does not), with shares that include 0, 1, 999 999 and 1 000 000
//! parts. The checks are written here, apart from `invariants.rs`, and `do_try_state` runs after
//! every operation too. [`a_fixed_sequence_succeeds_where_expected`] runs one sequence through
//! the same [`run`] and shows which of its operations succeed, so the property is not vacuous.

use super::*;
use crate::{
    Call, Freezes, Holding, NextLienId, NextOfferId, NextParcelId, OwnerParcels, ParcelLiens,
    Parcels, Price,
};
use frame_support::storage::with_storage_layer;
use govchain_primitives::{dual_control::ActionClass, estate::Estate, identity::Role};
use proptest::prelude::*;
use sp_runtime::{Permill, StateVersion};
use std::collections::BTreeSet;

/// A whole parcel, in parts per million.
const WHOLE: u32 = 1_000_000;
/// What each party holds in the digital currency at the start.
const FUNDS: u64 = 1_000;
/// The parties that own land and buy it.
const PARTIES: &[Party] = &[ALICE_ID, BOB_ID, CAROL_ID, FUND];
/// Every account that signs: the officers, the citizens and a stranger.
const SIGNERS: &[u64] = &[
    REGISTRAR,
    BANKER,
    OTHER_BANKER,
    JUDGE,
    OTHER_JUDGE,
    FUND_OFFICER,
    ALICE,
    BOB,
    CAROL,
    NOBODY,
];
/// The officers of each role.
const REGISTRARS: &[u64] = &[REGISTRAR];
const BANKERS: &[u64] = &[BANKER, OTHER_BANKER];
const JUDGES: &[u64] = &[JUDGE, OTHER_JUDGE];
/// The accounts acting for [`PARTIES`].
const OWNERS: &[u64] = &[ALICE, BOB, CAROL, FUND_OFFICER];

/// What a seller offers: a number of parts, or half or all of what it holds when offering.
#[derive(Clone, Copy, Debug)]
enum Amount {
    Parts(u32),
    Half,
    All,
}

/// A call on one offer, lien or parcel.
#[derive(Clone, Copy, Debug)]
enum Act {
    ConsentOffer,
    Accept,
    Cancel,
    CarryLiens,
    Approve,
    Reject,
    ProposeLien,
    ConsentLien,
    WithdrawLien,
    RemoveExpiredLien,
    Lift,
}

impl Act {
    /// The accounts that may make the call, at least on some targets.
    fn natural(self) -> &'static [u64] {
        match self {
            Act::ConsentOffer | Act::Accept | Act::Cancel | Act::ConsentLien => OWNERS,
            Act::CarryLiens | Act::ProposeLien | Act::WithdrawLien => BANKERS,
            Act::Approve | Act::Reject => REGISTRARS,
            Act::RemoveExpiredLien => SIGNERS,
            Act::Lift => JUDGES,
        }
    }
}

/// One operation; the first `u64` of a signed one is its signer. Parcels, offers and liens are
/// raw numbers that [`apply`] takes modulo one past the last one made, so most name one that
/// exists.
#[derive(Clone, Debug)]
enum Op {
    /// (signer, owners, whole, area): the last owner's share is made up to 100 % if `whole`.
    Register(u64, Vec<(Party, u32)>, bool, Area),
    /// (signer, parcel, sales, buyer, expires in, price in the digital currency, carries liens).
    Offer(
        u64,
        u64,
        Vec<(Party, Amount)>,
        Party,
        u64,
        Option<u64>,
        bool,
    ),
    /// (act, signer, target offer, lien or parcel).
    Act(Act, u64, u64),
    /// (signer, parcel, lien).
    ReleaseLien(u64, u64, u64),
    /// (signer, parcel, case).
    Freeze(u64, u64, u8),
    /// The court's officers approve a pending court order, picked by a raw number.
    ApproveOrder(u64),
    /// (signer, parcel, children, exact, carry): equal areas, the last off by one unless exact.
    Subdivide(u64, u64, u8, bool, CarryOver),
    /// (signer, first, count, exact, carry): consecutive parcels, into their total area if exact.
    Merge(u64, u64, u8, bool, CarryOver),
    /// (deceased, cut): the estate passes to the other citizens, split at `cut` if it is a part.
    Succession(u64, u32),
    /// Blocks pass.
    Wait(u64),
}

/// Shares in parts, the edges often.
fn parts() -> impl Strategy<Value = u32> {
    prop_oneof![Just(0u32), Just(1), Just(999_999), Just(WHOLE), 0..=WHOLE]
}

/// Mostly an account that may make the call, sometimes any.
fn signer(natural: &'static [u64]) -> impl Strategy<Value = u64> {
    prop_oneof![3 => prop::sample::select(natural), 1 => prop::sample::select(SIGNERS)]
}

/// A call on one target, those moving titles most often.
fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        2 => Just(Act::ConsentOffer),
        3 => Just(Act::Accept),
        1 => Just(Act::Cancel),
        1 => Just(Act::CarryLiens),
        2 => Just(Act::Approve),
        1 => Just(Act::Reject),
        2 => Just(Act::ProposeLien),
        2 => Just(Act::ConsentLien),
        1 => Just(Act::WithdrawLien),
        1 => Just(Act::RemoveExpiredLien),
        1 => Just(Act::Lift),
    ]
}

/// Any operation, those that move titles most often.
fn op() -> impl Strategy<Value = Op> {
    let raw = || 0..64u64;
    let party = || prop::sample::select(PARTIES);
    let amount = prop_oneof![
        parts().prop_map(Amount::Parts),
        Just(Amount::Half),
        Just(Amount::All)
    ];
    let carry =
        || (any::<bool>(), any::<bool>()).prop_map(|(liens, freeze)| CarryOver { liens, freeze });
    let owners = prop::collection::vec((party(), parts()), 1..=3);
    let sales = prop::collection::vec((party(), amount), 1..=2);
    let area = prop_oneof![Just(0u64), 1..=1_000u64];
    let price = prop::option::of(0..=1_500u64);
    prop_oneof![
        3 => (signer(REGISTRARS), owners, any::<bool>(), area)
            .prop_map(|(signer, owners, whole, area)| Op::Register(signer, owners, whole, area)),
        4 => (signer(OWNERS), raw(), sales, party(), 0..=110u64, price, any::<bool>())
            .prop_map(|(signer, parcel, sales, buyer, expires_in, price, carries)| {
                Op::Offer(signer, parcel, sales, buyer, expires_in, price, carries)
            }),
        12 => act()
            .prop_flat_map(move |act| (Just(act), signer(act.natural()), raw()))
            .prop_map(|(act, signer, target)| Op::Act(act, signer, target)),
        1 => (signer(BANKERS), raw(), raw())
            .prop_map(|(signer, parcel, lien)| Op::ReleaseLien(signer, parcel, lien)),
        1 => (signer(JUDGES), raw(), 1..=3u8)
            .prop_map(|(signer, parcel, case)| Op::Freeze(signer, parcel, case)),
        1 => raw().prop_map(Op::ApproveOrder),
        2 => (signer(REGISTRARS), raw(), 1..=4u8, any::<bool>(), carry())
            .prop_map(|(signer, parcel, n, exact, carry)| {
                Op::Subdivide(signer, parcel, n, exact, carry)
            }),
        2 => (signer(REGISTRARS), raw(), 1..=3u8, any::<bool>(), carry())
            .prop_map(|(signer, first, n, exact, carry)| Op::Merge(signer, first, n, exact, carry)),
        1 => (0..3u64, parts()).prop_map(|(deceased, cut)| Op::Succession(deceased, cut)),
        1 => (1..=20u64).prop_map(Op::Wait),
    ]
}

/// Holdings in parts, as given.
fn title(owners: &[(Party, u32)]) -> BoundedVec<Holding, MaxOwners> {
    let holding = |(owner, parts): &(Party, u32)| Holding {
        owner: *owner,
        share: Permill::from_parts(*parts),
    };
    BoundedVec::truncate_from(owners.iter().map(holding).collect())
}

/// What `owner` holds of `parcel`, in parts.
fn held(parcel: ParcelId, owner: Party) -> u32 {
    let record = Parcels::<Test>::get(parcel);
    let title = record.map(|record| record.title).unwrap_or_default();
    title
        .iter()
        .find(|holding| holding.owner == owner)
        .map_or(0, |holding| holding.share.deconstruct())
}

/// The area of `parcel`, or 0 if there is none.
fn area_of(parcel: ParcelId) -> Area {
    Parcels::<Test>::get(parcel).map_or(0, |record| record.spec.area)
}

/// The area of the live parcels.
fn live_area() -> Area {
    Parcels::<Test>::iter_values()
        .filter(|parcel| parcel.is_live())
        .map(|parcel| parcel.spec.area)
        .sum()
}

/// Applies `op` through the pallet's call; a succession through `Estate`, in a storage layer
/// as the identity pallet calls it; a court order's approval as the mock's identity pallet.
fn apply(op: &Op) -> DispatchResult {
    let signed = RuntimeOrigin::signed;
    let next = NextParcelId::<Test>::get();
    let parcel_of = |raw: u64| raw % (next + 1);
    let offer_of = |raw: u64| raw % (NextOfferId::<Test>::get() + 1);
    let lien_of = |raw: u64| raw % (NextLienId::<Test>::get() + 1);
    let now = System::block_number();
    match op.clone() {
        Op::Register(signer, mut owners, whole, area) => {
            owners.sort_by_key(|(owner, _)| *owner);
            let others: u32 = owners.iter().rev().skip(1).map(|(_, parts)| *parts).sum();
            if let (true, Some((_, last))) = (whole, owners.last_mut()) {
                *last = WHOLE.saturating_sub(others);
            }
            let (spec, title) = (spec(&format!("N{next}"), area), title(&owners));
            without_post_info(LandTitles::register_parcel(signed(signer), spec, title))
        }
        Op::Offer(signer, parcel, mut sales, buyer, expires_in, price, carries_liens) => {
            let parcel = parcel_of(parcel);
            sales.sort_by_key(|(seller, _)| *seller);
            let sales: Vec<_> = sales
                .into_iter()
                .map(|(seller, amount)| match amount {
                    Amount::Parts(parts) => (seller, parts),
                    Amount::Half => (seller, held(parcel, seller) / 2),
                    Amount::All => (seller, held(parcel, seller)),
                })
                .collect();
            let (price, expiry) = (price.map_or_else(off_chain, Price::Cbdc), now + expires_in);
            let (origin, sales) = (signed(signer), title(&sales));
            LandTitles::create_offer(origin, parcel, sales, buyer, price, expiry, carries_liens)
        }
        Op::Act(act, signer, target) => {
            let origin = signed(signer);
            let (offer, lien) = (offer_of(target), lien_of(target));
            match act {
                Act::ConsentOffer => LandTitles::consent_offer(origin, offer),
                Act::Accept => LandTitles::accept_offer(origin, offer),
                Act::Cancel => LandTitles::cancel_offer(origin, offer),
                Act::CarryLiens => LandTitles::consent_lien_carry(origin, offer),
                Act::Approve => LandTitles::approve_transfer(origin, offer),
                Act::Reject => LandTitles::reject_transfer(origin, offer),
                Act::ProposeLien => LandTitles::propose_lien(origin, parcel_of(target), LOAN),
                Act::ConsentLien => LandTitles::consent_lien(origin, lien),
                Act::WithdrawLien => LandTitles::withdraw_lien_proposal(origin, lien),
                Act::RemoveExpiredLien => LandTitles::remove_expired_lien_proposal(origin, lien),
                Act::Lift => LandTitles::lift_freeze(origin, parcel_of(target)),
            }
        }
        Op::ReleaseLien(signer, parcel, lien) => {
            LandTitles::release_lien(signed(signer), parcel_of(parcel), lien_of(lien))
        }
        Op::Freeze(signer, parcel, number) => {
            LandTitles::freeze_parcel(signed(signer), parcel_of(parcel), case(number))
        }
        Op::ApproveOrder(raw) => {
            let pending: Vec<u64> = (0..64)
                .filter(|id| Identity::pending(*id).is_some())
                .collect();
            match pending.get(raw as usize % pending.len().max(1)) {
                Some(action) => without_post_info(Identity::approve::<Call<Test>>(*action)),
                None => Ok(()),
            }
        }
        Op::Subdivide(signer, parcel, count, exact, carry) => {
            let parcel = parcel_of(parcel);
            let area = area_of(parcel).max(1);
            let count = u64::from(count);
            let piece = |index: u64| {
                let rest = area - area / count * (count - 1) + u64::from(!exact);
                if index + 1 < count {
                    area / count
                } else {
                    rest
                }
            };
            let number = |index: u64| format!("N{}", next + index);
            let specs = (0..count).map(|index| spec(&number(index), piece(index)));
            let specs = BoundedVec::truncate_from(specs.collect());
            without_post_info(LandTitles::subdivide(signed(signer), parcel, specs, carry))
        }
        Op::Merge(signer, first, count, exact, carry) => {
            let parents: Vec<ParcelId> = (first..first + u64::from(count)).map(parcel_of).collect();
            let area: Area = parents.iter().map(|parent| area_of(*parent)).sum();
            let merged = spec(&format!("N{next}"), area + u64::from(!exact));
            let parents = lineage(&parents);
            without_post_info(LandTitles::merge(signed(signer), parents, merged, carry))
        }
        Op::Succession(deceased, cut) => {
            let others: Vec<u64> = (0..3).filter(|citizen| *citizen != deceased).collect();
            let heirs = if cut > 0 && cut < WHOLE {
                vec![
                    (others[0], Permill::from_parts(cut)),
                    (others[1], Permill::from_parts(WHOLE - cut)),
                ]
            } else {
                vec![(others[0], Permill::from_parts(WHOLE))]
            };
            with_storage_layer(|| <LandTitles as Estate>::pass_estate(deceased, &heirs, case(9)))
        }
        Op::Wait(blocks) => {
            System::set_block_number(now + blocks);
            Ok(())
        }
    }
}

/// Checks the registry by reading its storage: the titles, the retired parcels, the money, and
/// the pallet's own `do_try_state`.
fn check_registry() -> Result<(), TestCaseError> {
    for (id, parcel) in Parcels::<Test>::iter() {
        let shown = format!("parcel {id}: {parcel:?}");
        let shares: Vec<u32> = parcel
            .title
            .iter()
            .map(|held| held.share.deconstruct())
            .collect();
        let owners: BTreeSet<Party> = parcel.title.iter().map(|held| held.owner).collect();
        let listed = |owner: &Party| OwnerParcels::<Test>::contains_key(owner, id);
        if parcel.is_live() {
            let positive = shares.iter().all(|share| *share > 0);
            // At most `MaxOwners` shares of at most `WHOLE` parts: the sum fits.
            let whole = shares.iter().sum::<u32>() == WHOLE;
            let (distinct, indexed) = (owners.len() == shares.len(), owners.iter().all(listed));
            prop_assert!(positive && whole, "shares in {}", shown);
            prop_assert!(distinct, "an owner twice in {}", shown);
            prop_assert!(indexed, "an owner not indexed in {}", shown);
        } else {
            let indexed = OwnerParcels::<Test>::iter_keys().any(|(_, other)| other == id);
            let liened = ParcelLiens::<Test>::contains_key(id);
            let frozen = Freezes::<Test>::contains_key(id);
            prop_assert!(!parcel.children.is_empty(), "no children of {}", shown);
            prop_assert!(!indexed, "an owner indexed to {}", shown);
            prop_assert!(!liened && !frozen, "a lien or freeze on {}", shown);
        }
    }
    let money: u64 = PARTIES.iter().map(MockPayments::balance).sum();
    let funds = FUNDS * PARTIES.len() as u64;
    prop_assert_eq!(money, funds, "money appeared or vanished");
    let state = LandTitles::do_try_state();
    prop_assert!(state.is_ok(), "do_try_state: {:?}", state);
    Ok(())
}

/// Runs `ops` on a fresh chain where registrars approve transfers if `approves` and court
/// orders need two officers if `dual_control`, each party funded with [`FUNDS`], checking the
/// registry after each; returns which operations succeeded.
fn run(approves: bool, dual_control: bool, ops: &[Op]) -> Result<Vec<bool>, TestCaseError> {
    new_test_ext().execute_with(|| {
        RegistrarApproves::set(&approves);
        if dual_control {
            Identity::set_threshold(Role::Court, ActionClass::CourtOrder, 2);
        }
        for party in PARTIES {
            MockPayments::fund(party, FUNDS);
        }
        let mut succeeded = Vec::with_capacity(ops.len());
        for op in ops {
            let root = sp_io::storage::root(StateVersion::V1);
            let area = live_area();
            let result = apply(op);
            // An approval uses the court order up whatever its call does, as in the identity
            // pallet; every other refusal leaves no trace.
            if let (Err(error), false) = (&result, matches!(op, Op::ApproveOrder(_))) {
                let unchanged = sp_io::storage::root(StateVersion::V1) == root;
                prop_assert!(unchanged, "{:?} refused ({:?}) but changed", op, error);
            }
            let registered = match (op, &result) {
                (Op::Register(_, _, _, area), Ok(())) => *area,
                _ => 0,
            };
            let (live, expected) = (live_area(), area + registered);
            prop_assert_eq!(live, expected, "{:?} changed the live area", op);
            check_registry()?;
            succeeded.push(result.is_ok());
        }
        Ok(succeeded)
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn titles_stay_whole_and_refusals_change_nothing(
        approves in any::<bool>(),
        dual_control in any::<bool>(),
        ops in prop::collection::vec(op(), 1..=40),
    ) {
        run(approves, dual_control, &ops)?;
    }
}

#[test]
fn a_fixed_sequence_succeeds_where_expected() {
    use Act::*;
    let offer =
        |signer, parcel, sales, buyer| Op::Offer(signer, parcel, sales, buyer, 5, None, false);
    let (call, no_carry) = (Op::Act, CARRY_NOTHING);
    let alice_and_bob = vec![(BOB_ID, 0), (ALICE_ID, 600_000)];
    let sold = vec![(ALICE_ID, Amount::Half), (BOB_ID, Amount::All)];
    let ops = [
        // Parcel 0: Alice 60 %, Bob 40 % (made up to 100 %); Alice is no registrar.
        Op::Register(REGISTRAR, alice_and_bob, true, 1_000),
        Op::Register(ALICE, vec![(CAROL_ID, WHOLE)], false, 10),
        // Offer 0: half of Alice's share and all of Bob's to Carol, for 500, once Bob consents.
        Op::Offer(ALICE, 0, sold, CAROL_ID, 10, Some(500), false),
        call(Accept, CAROL, 0),
        call(ConsentOffer, BOB, 0),
        call(Accept, CAROL, 0),
        // Alice 30 %, Carol 70 %; a lien both consent to stops a subdivision until released.
        call(ProposeLien, BANKER, 0),
        call(ConsentLien, ALICE, 0),
        call(ConsentLien, CAROL, 0),
        Op::Subdivide(REGISTRAR, 0, 2, true, no_carry),
        Op::ReleaseLien(BANKER, 0, 0),
        // Only the freezing court lifts its freeze.
        Op::Freeze(JUDGE, 0, 1),
        call(Lift, OTHER_JUDGE, 0),
        call(Lift, JUDGE, 0),
        // Parcels 1 and 2, merged into parcel 3 once the areas add up.
        Op::Subdivide(REGISTRAR, 0, 2, true, no_carry),
        Op::Merge(REGISTRAR, 1, 2, false, no_carry),
        Op::Merge(REGISTRAR, 1, 2, true, no_carry),
        // Alice's 30 % passes to Bob and Carol: Bob 15 %, Carol 85 %.
        Op::Succession(0, 500_000),
        // Offer 1 expires at block 6, unaccepted, and then anyone removes it.
        offer(CAROL, 3, vec![(CAROL_ID, Amount::All)], FUND),
        Op::Wait(5),
        call(Accept, FUND_OFFICER, 1),
        call(Cancel, NOBODY, 1),
    ];
    let expected = [
        true, false, true, false, true, true, true, true, true, false, true, true, false, true,
        true, false, true, true, true, true, false, true,
    ];
    assert_eq!(
        run(false, false, &ops).expect("the invariants hold"),
        expected
    );

    // A registrar approves transfers, and court orders need two officers.
    let ops = [
        Op::Register(REGISTRAR, vec![(FUND, WHOLE)], false, 50),
        offer(FUND_OFFICER, 0, vec![(FUND, Amount::Parts(1))], BOB_ID),
        call(Accept, BOB, 0),
        call(Approve, BANKER, 0),
        // The fund keeps 999 999 parts, Bob holds 1.
        call(Approve, REGISTRAR, 0),
        Op::Freeze(JUDGE, 0, 2),
        Op::ApproveOrder(0),
        offer(BOB, 0, vec![(BOB_ID, Amount::All)], CAROL_ID),
    ];
    let expected = [true, true, true, false, true, true, true, false];
    assert_eq!(
        run(true, true, &ops).expect("the invariants hold"),
        expected
    );
}
