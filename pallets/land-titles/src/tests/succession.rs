//! Succession (`Estate::pass_estate`, called by the identity pallet when the civil registry
//! executes a court's order): each live parcel a deceased citizen holds a share of passes that
//! share to the heirs as ordered, the title still summing to 100 %, with a history entry; or,
//! refused, nothing changes.

use super::*;
use crate::{
    Error, Event, Freezes, OwnerParcels, ParcelHistory, ParcelHistoryLength, Parcels, TitleChange,
};
use frame_support::{assert_noop, assert_ok};
use govchain_primitives::estate::Estate;
use sp_core::H256;
use sp_runtime::Permill;

/// The court's case.
const CASE: H256 = H256::repeat_byte(0xca);

/// Alice (citizen 0) is the deceased; Bob (1) and Carol (2) inherit.
fn pass(heirs: &[(u64, Permill)]) -> DispatchResult {
    <LandTitles as Estate>::pass_estate(0, heirs, CASE)
}

/// A parcel's holdings as (owner, parts per million).
fn title_of(parcel: ParcelId) -> Vec<(Party, u32)> {
    Parcels::<Test>::get(parcel)
        .unwrap()
        .title
        .iter()
        .map(|holding| (holding.owner, holding.share.deconstruct()))
        .collect()
}

fn percent(n: u32) -> Permill {
    Permill::from_percent(n)
}

#[test]
fn each_parcel_s_share_passes_to_the_heirs_as_ordered() {
    build_and_execute(|| {
        let shared = register("A-1", 100, &[(ALICE_ID, 50), (CAROL_ID, 50)]);
        let own = register("A-2", 100, &[(ALICE_ID, 100)]);

        assert_ok!(pass(&[(1, percent(60)), (2, percent(40))]));

        assert_eq!(
            title_of(shared),
            vec![(BOB_ID, 300_000), (CAROL_ID, 700_000)]
        );
        assert_eq!(title_of(own), vec![(BOB_ID, 600_000), (CAROL_ID, 400_000)]);
        for parcel in [shared, own] {
            let last = ParcelHistoryLength::<Test>::get(parcel) - 1;
            assert_eq!(
                ParcelHistory::<Test>::get(parcel, last).unwrap().change,
                TitleChange::Inherited {
                    from: 0,
                    case: CASE
                }
            );
            assert!(!OwnerParcels::<Test>::contains_key(ALICE_ID, parcel));
            assert!(OwnerParcels::<Test>::contains_key(BOB_ID, parcel));
        }
        for parcel in [shared, own] {
            System::assert_has_event(
                Event::TitleInherited {
                    parcel,
                    from: 0,
                    case: CASE,
                    title: Parcels::<Test>::get(parcel).unwrap().title,
                }
                .into(),
            );
        }
    });
}

#[test]
fn the_first_heir_takes_what_rounding_leaves() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        let third = Permill::from_parts(333_333);

        assert_ok!(pass(&[
            (1, Permill::from_parts(333_334)),
            (2, third),
            (3, third)
        ]));

        assert_eq!(
            title_of(parcel),
            vec![
                (BOB_ID, 333_334),
                (CAROL_ID, 333_333),
                (Party::Citizen(3), 333_333)
            ]
        );
    });
}

#[test]
fn a_frozen_parcel_is_refused_and_nothing_changes() {
    build_and_execute(|| {
        register("A-1", 100, &[(ALICE_ID, 100)]);
        let frozen = register("A-2", 100, &[(ALICE_ID, 100)]);
        assert_ok!(freeze(JUDGE, frozen));
        assert!(Freezes::<Test>::contains_key(frozen));

        assert_noop!(
            frame_support::storage::with_storage_layer(|| pass(&[(1, percent(100))])),
            Error::<Test>::Frozen
        );
    });
}

#[test]
fn a_title_with_no_room_for_the_heirs_is_refused() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 25), (CAROL_ID, 25)]);

        assert_noop!(
            frame_support::storage::with_storage_layer(|| pass(&[
                (4, percent(40)),
                (5, percent(30)),
                (6, percent(30))
            ])),
            Error::<Test>::TooManyOwners
        );
        assert_eq!(title_of(parcel).len(), 3);
    });
}

#[test]
fn an_estate_beyond_max_estate_parcels_is_refused() {
    build_and_execute(|| {
        for number in ["A-1", "A-2", "A-3", "A-4"] {
            register(number, 100, &[(ALICE_ID, 100)]);
        }

        assert_noop!(pass(&[(1, percent(100))]), Error::<Test>::EstateTooLarge);
    });
}

#[test]
fn a_deceased_without_land_passes_nothing() {
    build_and_execute(|| {
        let parcel = register("B-1", 100, &[(BOB_ID, 100)]);

        assert_ok!(pass(&[(2, percent(100))]));

        assert_eq!(title_of(parcel), vec![(BOB_ID, 1_000_000)]);
    });
}
