//! Land registrars register parcels with their first title.

use super::*;
use crate::{
    Error, Event, NextParcelId, OwnerParcelCount, Parcel, ParcelByCadastralNumber, Parcels,
};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn register_as(who: u64, number: &str, area: Area, owners: &[(Party, u32)]) -> DispatchResult {
    without_post_info(LandTitles::register_parcel(
        RuntimeOrigin::signed(who),
        spec(number, area),
        holdings(owners),
    ))
}

fn try_register(number: &str, area: Area, owners: &[(Party, u32)]) -> DispatchResult {
    register_as(REGISTRAR, number, area, owners)
}

#[test]
fn a_registrar_registers_a_parcel_with_its_first_title() {
    build_and_execute(|| {
        System::set_block_number(3);

        assert_ok!(try_register(
            "KZ-01:002/17",
            2_500,
            &[(ALICE_ID, 60), (BOB_ID, 40)]
        ));

        assert_eq!(
            Parcels::<Test>::get(0),
            Some(Parcel::<Test> {
                spec: spec("KZ-01:002/17", 2_500),
                title: holdings(&[(ALICE_ID, 60), (BOB_ID, 40)]),
                registered_at: 3,
                retired_at: None,
                parents: lineage(&[]),
                children: lineage(&[]),
            })
        );
        assert_eq!(
            ParcelByCadastralNumber::<Test>::get(cadastral("KZ-01:002/17")),
            Some(0)
        );
        assert_eq!(NextParcelId::<Test>::get(), 1);
        assert_eq!(
            last_event(),
            Event::ParcelRegistered {
                parcel: 0,
                spec: spec("KZ-01:002/17", 2_500),
                title: holdings(&[(ALICE_ID, 60), (BOB_ID, 40)]),
                registrar: LAND_REGISTRY,
            }
        );
    });
}

#[test]
fn every_owner_of_a_new_parcel_is_indexed() {
    build_and_execute(|| {
        register("A-1", 100, &[(ALICE_ID, 100)]);

        register("A-2", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);

        assert_eq!(parcels_of(ALICE_ID), vec![0, 1]);
        assert_eq!(parcels_of(BOB_ID), vec![1]);
        assert_eq!(OwnerParcelCount::<Test>::get(ALICE_ID), 2);
        assert_eq!(OwnerParcelCount::<Test>::get(BOB_ID), 1);
    });
}

#[test]
fn parcels_are_numbered_in_order_of_registration() {
    build_and_execute(|| {
        assert_eq!(register("A-1", 100, &[(ALICE_ID, 100)]), 0);
        assert_eq!(register("A-2", 100, &[(BOB_ID, 100)]), 1);
        assert_eq!(NextParcelId::<Test>::get(), 2);
    });
}

#[test]
fn an_institution_may_own_land_with_citizens() {
    build_and_execute(|| {
        assert_ok!(try_register("A-1", 100, &[(ALICE_ID, 25), (FUND, 75)]));

        assert_eq!(title_of(0), vec![(ALICE_ID, 25), (FUND, 75)]);
        assert_eq!(parcels_of(FUND), vec![0]);
    });
}

#[test]
fn a_cadastral_number_may_use_letters_digits_and_the_separators() {
    build_and_execute(|| {
        let longest = "Ab09-:/.Ab09-:/.Ab09-:/.Ab09-:/.";
        assert_eq!(longest.len() as u32, crate::MAX_CADASTRAL_NUMBER_LEN);

        assert_ok!(try_register(longest, 100, &[(ALICE_ID, 100)]));

        assert_eq!(Parcels::<Test>::get(0).unwrap().spec, spec(longest, 100));
    });
}

#[test]
fn an_empty_or_malformed_cadastral_number_is_refused() {
    build_and_execute(|| {
        for bad in ["", "01 002", "01_002", "01,002", "Ä-1", "01\n002"] {
            assert_noop!(
                try_register(bad, 100, &[(ALICE_ID, 100)]),
                Error::<Test>::InvalidCadastralNumber
            );
        }
    });
}

#[test]
fn a_duplicate_cadastral_number_is_refused() {
    build_and_execute(|| {
        register("A-1", 100, &[(ALICE_ID, 100)]);

        assert_noop!(
            try_register("A-1", 300, &[(BOB_ID, 100)]),
            Error::<Test>::CadastralNumberTaken
        );
    });
}

#[test]
fn a_retired_parcels_cadastral_number_is_never_given_again() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        assert_ok!(halve(parcel, "A-1", 100, CARRY_NOTHING));

        assert_noop!(
            try_register("A-1", 100, &[(BOB_ID, 100)]),
            Error::<Test>::CadastralNumberTaken
        );
    });
}

#[test]
fn a_parcel_without_area_is_refused() {
    build_and_execute(|| {
        assert_noop!(
            try_register("A-1", 0, &[(ALICE_ID, 100)]),
            Error::<Test>::ZeroArea
        );
    });
}

#[test]
fn a_parcel_without_owners_is_refused() {
    build_and_execute(|| {
        assert_noop!(try_register("A-1", 100, &[]), Error::<Test>::NoOwners);
    });
}

#[test]
fn an_owner_listed_twice_is_refused() {
    build_and_execute(|| {
        assert_noop!(
            try_register("A-1", 100, &[(ALICE_ID, 50), (ALICE_ID, 50)]),
            Error::<Test>::DuplicateOwner
        );
    });
}

#[test]
fn owners_out_of_order_are_refused() {
    build_and_execute(|| {
        assert_noop!(
            try_register("A-1", 100, &[(BOB_ID, 50), (ALICE_ID, 50)]),
            Error::<Test>::DuplicateOwner
        );
    });
}

#[test]
fn an_owner_with_a_zero_share_is_refused() {
    build_and_execute(|| {
        assert_noop!(
            try_register("A-1", 100, &[(ALICE_ID, 100), (BOB_ID, 0)]),
            Error::<Test>::ZeroShare
        );
    });
}

#[test]
fn shares_summing_to_less_than_the_whole_are_refused() {
    build_and_execute(|| {
        assert_noop!(
            try_register("A-1", 100, &[(ALICE_ID, 60), (BOB_ID, 39)]),
            Error::<Test>::SharesNotWhole
        );
    });
}

#[test]
fn shares_summing_to_more_than_the_whole_are_refused() {
    build_and_execute(|| {
        assert_noop!(
            try_register("A-1", 100, &[(ALICE_ID, 60), (BOB_ID, 41)]),
            Error::<Test>::SharesNotWhole
        );
    });
}

#[test]
fn an_unknown_citizen_cannot_own_land() {
    build_and_execute(|| {
        assert_noop!(
            try_register("A-1", 100, &[(ALICE_ID, 50), (Party::Citizen(9), 50)]),
            Error::<Test>::InactiveParty
        );
    });
}

#[test]
fn a_deactivated_citizen_cannot_own_land() {
    build_and_execute(|| {
        Identity::deactivate_citizen(BOB);

        assert_noop!(
            try_register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]),
            Error::<Test>::InactiveParty
        );
    });
}

#[test]
fn an_unknown_institution_cannot_own_land() {
    build_and_execute(|| {
        assert_noop!(
            try_register("A-1", 100, &[(Party::Institution(9), 100)]),
            Error::<Test>::InactiveParty
        );
    });
}

#[test]
fn an_owner_holding_the_most_parcels_cannot_be_given_another() {
    build_and_execute(|| {
        for number in 0..MaxParcelsPerOwner::get() {
            register(&format!("A-{number}"), 100, &[(ALICE_ID, 100)]);
        }

        assert_noop!(
            try_register("B-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]),
            Error::<Test>::TooManyParcels
        );
    });
}

#[test]
fn an_officer_without_the_registrar_role_cannot_register() {
    build_and_execute(|| {
        assert_noop!(
            register_as(BANKER, "A-1", 100, &[(ALICE_ID, 100)]),
            IdentityError::RoleNotHeld
        );
    });
}

#[test]
fn a_registrar_whose_appointment_ended_cannot_register() {
    build_and_execute(|| {
        Identity::expire_officer(REGISTRAR);

        assert_noop!(
            try_register("A-1", 100, &[(ALICE_ID, 100)]),
            IdentityError::OfficerExpired
        );
    });
}

#[test]
fn a_citizen_cannot_register() {
    build_and_execute(|| {
        assert_noop!(
            register_as(ALICE, "A-1", 100, &[(ALICE_ID, 100)]),
            IdentityError::NotOfficer
        );
    });
}

#[test]
fn an_unsigned_registration_is_refused() {
    build_and_execute(|| {
        assert_noop!(
            without_post_info(LandTitles::register_parcel(
                RuntimeOrigin::none(),
                spec("A-1", 100),
                holdings(&[(ALICE_ID, 100)])
            )),
            DispatchError::BadOrigin
        );
    });
}
