//! A registration, subdivision or merger refused by a check it makes before changing anything is
//! charged the benchmark of that refusal (reads, no writes), not its declared worst case; one that
//! fails while writing, or succeeds, is charged as declared.

use super::*;
use crate::{weights::WeightInfo, Error, Parcels};
use frame_support::{
    assert_ok,
    dispatch::{DispatchErrorWithPostInfo, DispatchResultWithPostInfo},
};
use sp_runtime::{DispatchError, Weight};

/// Checks that `result` failed with `error` and was charged `refused`, which is less than the
/// call's `declared` weight.
fn assert_charged_refusal(
    result: DispatchResultWithPostInfo,
    error: impl Into<DispatchError>,
    refused: Weight,
    declared: Weight,
) {
    let Err(DispatchErrorWithPostInfo {
        post_info,
        error: returned,
    }) = result
    else {
        panic!("the call is refused");
    };
    assert_eq!(returned, error.into());
    assert_eq!(post_info.actual_weight, Some(refused));
    assert!(
        refused.all_lte(declared) && refused.ref_time() < declared.ref_time(),
        "a refusal ({refused}) costs less than the call's worst case ({declared})"
    );
}

fn subdivide(who: u64, parcel: ParcelId, parts: &[(&str, Area)]) -> DispatchResultWithPostInfo {
    LandTitles::subdivide(
        RuntimeOrigin::signed(who),
        parcel,
        children(parts),
        CARRY_NOTHING,
    )
}

fn merge(who: u64, parents: &[ParcelId], area: Area) -> DispatchResultWithPostInfo {
    LandTitles::merge(
        RuntimeOrigin::signed(who),
        lineage(parents),
        spec("M-1", area),
        CARRY_NOTHING,
    )
}

fn register_as(who: u64, owners: &[(Party, u32)]) -> DispatchResultWithPostInfo {
    LandTitles::register_parcel(
        RuntimeOrigin::signed(who),
        spec("R-1", 100),
        holdings(owners),
    )
}

#[test]
fn a_subdivision_refused_by_its_checks_is_charged_the_refusal() {
    build_and_execute(|| {
        let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
        let refused = <() as WeightInfo>::subdivide_refused(2);
        let declared = <() as WeightInfo>::subdivide(2);

        // The last check: the children's areas do not add up.
        assert_charged_refusal(
            subdivide(REGISTRAR, parent, &[("P-1/1", 600), ("P-1/2", 300)]),
            Error::<Test>::AreasDiffer,
            refused,
            declared,
        );
        // The first: the signer is no registrar (a batch can bring it past the pool).
        assert_charged_refusal(
            subdivide(JUDGE, parent, &[("P-1/1", 600), ("P-1/2", 400)]),
            IdentityError::RoleNotHeld,
            refused,
            declared,
        );
        assert!(Parcels::<Test>::get(parent).is_some_and(|record| record.is_live()));
    });
}

#[test]
fn a_subdivision_that_fails_while_writing_is_charged_as_declared() {
    build_and_execute(|| {
        for number in 0..MaxParcelsPerOwner::get() {
            register(&format!("P-{number}"), 1_000, &[(ALICE_ID, 100)]);
        }

        // The checks pass; Alice has no room for the second child.
        let result = subdivide(REGISTRAR, 0, &[("P-0/1", 600), ("P-0/2", 400)]);
        let Err(refusal) = result else {
            panic!("Alice holds the most parcels already");
        };
        assert_eq!(refusal.error, Error::<Test>::TooManyParcels.into());
        assert_eq!(refusal.post_info.actual_weight, None);
    });
}

#[test]
fn a_subdivision_is_charged_as_declared() {
    build_and_execute(|| {
        let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);

        let charged = subdivide(REGISTRAR, parent, &[("P-1/1", 600), ("P-1/2", 400)]);
        assert_ok!(charged);
        assert_eq!(charged.ok().and_then(|info| info.actual_weight), None);
    });
}

#[test]
fn a_merger_refused_by_its_checks_is_charged_the_refusal() {
    build_and_execute(|| {
        let first = register("A-1", 100, &[(ALICE_ID, 100)]);
        let second = register("A-2", 100, &[(ALICE_ID, 100)]);
        let refused = <() as WeightInfo>::merge_refused(2);
        let declared = <() as WeightInfo>::merge(2);

        assert_charged_refusal(
            merge(REGISTRAR, &[first, second], 150),
            Error::<Test>::AreasDiffer,
            refused,
            declared,
        );
        assert_charged_refusal(
            merge(ALICE, &[first, second], 200),
            IdentityError::NotOfficer,
            refused,
            declared,
        );

        let merged = merge(REGISTRAR, &[first, second], 200);
        assert_ok!(merged);
        assert_eq!(merged.ok().and_then(|info| info.actual_weight), None);
    });
}

#[test]
fn a_registration_refused_by_its_checks_is_charged_the_refusal() {
    build_and_execute(|| {
        let refused = <() as WeightInfo>::register_parcel_refused(2);
        let declared = <() as WeightInfo>::register_parcel(2);

        assert_charged_refusal(
            register_as(REGISTRAR, &[(ALICE_ID, 50), (BOB_ID, 40)]),
            Error::<Test>::SharesNotWhole,
            refused,
            declared,
        );
        assert_charged_refusal(
            register_as(BANKER, &[(ALICE_ID, 50), (BOB_ID, 50)]),
            IdentityError::RoleNotHeld,
            refused,
            declared,
        );

        let registered = register_as(REGISTRAR, &[(ALICE_ID, 50), (BOB_ID, 50)]);
        assert_ok!(registered);
        assert_eq!(registered.ok().and_then(|info| info.actual_weight), None);
    });
}
