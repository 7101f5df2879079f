//! What the runtime API answers: a parcel's whole record, the parcel with a cadastral number,
//! and an owner's live parcels page by page.

use super::*;
use crate::{Freeze, Lien, OwnerParcels, ParcelRecord, MAX_PAGE};
use frame_support::assert_ok;
use std::collections::BTreeSet;

#[test]
fn a_parcel_record_gathers_spec_title_liens_and_freeze() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        System::set_block_number(2);
        register_lien(parcel, BANKER);
        register_lien(parcel, OTHER_BANKER);
        assert_ok!(LandTitles::freeze_parcel(
            RuntimeOrigin::signed(JUDGE),
            parcel,
            case(1)
        ));

        let record = LandTitles::parcel_record(parcel);

        assert_eq!(
            record,
            Some(ParcelRecord {
                id: parcel,
                spec: spec("A-1", 100),
                title: holdings(&[(ALICE_ID, 100)]).into_inner(),
                registered_at: 1,
                retired_at: None,
                parents: vec![],
                children: vec![],
                liens: vec![
                    Lien {
                        id: 0,
                        bank: BANK_ID,
                        reference: LOAN,
                        registered_at: 2,
                        registration: 0,
                    },
                    Lien {
                        id: 1,
                        bank: OTHER_BANK_ID,
                        reference: LOAN,
                        registered_at: 2,
                        registration: 1,
                    },
                ],
                freeze: Some(Freeze {
                    court: COURT_ID,
                    case: case(1),
                    since: 2
                }),
            })
        );
    });
}

#[test]
fn a_retired_parcels_record_shows_its_retirement_and_children() {
    build_and_execute(|| {
        let parent = register("P-1", 1_000, &[(ALICE_ID, 60), (BOB_ID, 40)]);
        System::set_block_number(4);
        assert_ok!(halve(parent, "P-1", 1_000, CARRY_NOTHING));

        let record = LandTitles::parcel_record(parent).unwrap();

        assert_eq!(record.retired_at, Some(4));
        assert_eq!(record.children, vec![1, 2]);
        assert_eq!(
            record.title,
            holdings(&[(ALICE_ID, 60), (BOB_ID, 40)]).into_inner()
        );
        assert!(record.liens.is_empty());
        assert_eq!(record.freeze, None);
        assert_eq!(LandTitles::parcel_record(1).unwrap().parents, vec![parent]);
    });
}

#[test]
fn an_unknown_parcel_has_no_record() {
    build_and_execute(|| {
        register("A-1", 100, &[(ALICE_ID, 100)]);

        assert_eq!(LandTitles::parcel_record(1), None);
    });
}

#[test]
fn a_parcel_is_found_by_its_cadastral_number() {
    build_and_execute(|| {
        register("A-1", 100, &[(ALICE_ID, 100)]);
        let parcel = register("A-2", 100, &[(BOB_ID, 100)]);

        assert_eq!(
            LandTitles::parcel_by_cadastral_number(b"A-2".to_vec()),
            Some(parcel)
        );
    });
}

#[test]
fn a_retired_parcel_is_still_found_by_its_cadastral_number() {
    build_and_execute(|| {
        let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
        assert_ok!(halve(parent, "P-1", 1_000, CARRY_NOTHING));

        assert_eq!(
            LandTitles::parcel_by_cadastral_number(b"P-1".to_vec()),
            Some(parent)
        );
        assert_eq!(
            LandTitles::parcel_by_cadastral_number(b"P-1/2".to_vec()),
            Some(2)
        );
    });
}

#[test]
fn an_unregistered_cadastral_number_finds_nothing() {
    build_and_execute(|| {
        register("A-1", 100, &[(ALICE_ID, 100)]);

        assert_eq!(
            LandTitles::parcel_by_cadastral_number(b"A-9".to_vec()),
            None
        );
    });
}

#[test]
fn a_cadastral_number_too_long_to_exist_finds_nothing() {
    build_and_execute(|| {
        let longest = "A".repeat(crate::MAX_CADASTRAL_NUMBER_LEN as usize);
        register(&longest, 100, &[(ALICE_ID, 100)]);
        let too_long = format!("{longest}A").into_bytes();

        assert_eq!(LandTitles::parcel_by_cadastral_number(too_long), None);
    });
}

#[test]
fn an_owners_parcels_are_its_live_parcels() {
    build_and_execute(|| {
        let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
        let shared = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);
        register("B-1", 100, &[(BOB_ID, 100)]);
        assert_ok!(halve(parent, "P-1", 1_000, CARRY_NOTHING));

        let mut parcels = LandTitles::parcels_of(ALICE_ID, None, 10);

        parcels.sort();
        assert_eq!(parcels, vec![shared, 3, 4]);
    });
}

#[test]
fn an_owner_without_land_has_no_parcels() {
    build_and_execute(|| {
        register("A-1", 100, &[(ALICE_ID, 100)]);

        assert_eq!(
            LandTitles::parcels_of(CAROL_ID, None, 10),
            Vec::<ParcelId>::new()
        );
    });
}

#[test]
fn an_owners_parcels_are_paged_after_the_last_one_seen() {
    build_and_execute(|| {
        for number in 0..5 {
            register(&format!("A-{number}"), 100, &[(ALICE_ID, 100)]);
        }
        register("B-1", 100, &[(BOB_ID, 100)]);

        let first = LandTitles::parcels_of(ALICE_ID, None, 2);
        let second = LandTitles::parcels_of(ALICE_ID, first.last().copied(), 2);
        let third = LandTitles::parcels_of(ALICE_ID, second.last().copied(), 2);
        let after_the_end = LandTitles::parcels_of(ALICE_ID, third.last().copied(), 2);

        assert_eq!((first.len(), second.len(), third.len()), (2, 2, 1));
        assert!(after_the_end.is_empty());
        let seen: Vec<ParcelId> = [first, second, third].concat();
        let distinct: BTreeSet<ParcelId> = seen.iter().copied().collect();
        assert_eq!(distinct.len(), seen.len());
        assert_eq!(distinct, (0..5).collect());
    });
}

#[test]
fn a_page_of_no_parcels_is_empty() {
    build_and_execute(|| {
        register("A-1", 100, &[(ALICE_ID, 100)]);

        assert_eq!(
            LandTitles::parcels_of(ALICE_ID, None, 0),
            Vec::<ParcelId>::new()
        );
    });
}

#[test]
fn a_page_holds_at_most_max_page_parcels() {
    build_and_execute(|| {
        // More index entries than a page holds, written directly: no owner may hold this many.
        let owner = Party::Institution(9);
        for parcel in 0..=u64::from(MAX_PAGE) {
            OwnerParcels::<Test>::insert(owner, parcel, ());
        }

        let page = LandTitles::parcels_of(owner, None, u32::MAX);
        let rest = LandTitles::parcels_of(owner, page.last().copied(), u32::MAX);

        assert_eq!(page.len(), MAX_PAGE as usize);
        assert_eq!(rest.len(), 1);
        assert!(!page.contains(&rest[0]));
        // Leave the index as the invariants expect it.
        let _ = OwnerParcels::<Test>::clear_prefix(owner, u32::MAX, None);
    });
}
