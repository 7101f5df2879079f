//! Registrars subdivide a parcel into children and merge parcels into one; the old parcels retire
//! and the lineage is kept both ways; liens and freezes move over only when the registrar says so.

use super::*;
use crate::{Error, Event, Freeze, Freezes, OwnerParcelCount, Parcel, ParcelLiens, Parcels};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn subdivide(parcel: ParcelId, parts: &[(&str, Area)], carry: CarryOver) -> DispatchResult {
    without_post_info(LandTitles::subdivide(
        RuntimeOrigin::signed(REGISTRAR),
        parcel,
        children(parts),
        carry,
    ))
}

fn freeze(judge: u64, parcel: ParcelId, case_number: u8) {
    assert_ok!(LandTitles::freeze_parcel(
        RuntimeOrigin::signed(judge),
        parcel,
        case(case_number)
    ));
}

/// The ids of a parcel's liens, highest rank first.
fn ranks(parcel: ParcelId) -> Vec<u64> {
    ParcelLiens::<Test>::get(parcel)
        .iter()
        .map(|lien| lien.id)
        .collect()
}

mod subdivide {
    use super::*;

    #[test]
    fn a_registrar_subdivides_a_parcel_and_the_children_get_its_title() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 60), (BOB_ID, 40)]);
            System::set_block_number(5);

            assert_ok!(subdivide(
                parent,
                &[("P-1/1", 600), ("P-1/2", 400)],
                CARRY_NOTHING
            ));

            let title = holdings(&[(ALICE_ID, 60), (BOB_ID, 40)]);
            for (child, number, area) in [(1, "P-1/1", 600), (2, "P-1/2", 400)] {
                assert_eq!(
                    Parcels::<Test>::get(child),
                    Some(Parcel::<Test> {
                        spec: spec(number, area),
                        title: title.clone(),
                        registered_at: 5,
                        retired_at: None,
                        parents: lineage(&[parent]),
                        children: lineage(&[]),
                    })
                );
                System::assert_has_event(
                    Event::ParcelRegistered {
                        parcel: child,
                        spec: spec(number, area),
                        title: title.clone(),
                        registrar: LAND_REGISTRY,
                    }
                    .into(),
                );
            }
            assert_eq!(
                last_event(),
                Event::ParcelSubdivided {
                    parent,
                    children: lineage(&[1, 2])
                }
            );
        });
    }

    #[test]
    fn the_subdivided_parcel_retires_and_names_its_children() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 60), (BOB_ID, 40)]);
            System::set_block_number(5);

            assert_ok!(subdivide(
                parent,
                &[("P-1/1", 600), ("P-1/2", 400)],
                CARRY_NOTHING
            ));

            let retired = Parcels::<Test>::get(parent).unwrap();
            assert_eq!(retired.retired_at, Some(5));
            assert_eq!(retired.children, lineage(&[1, 2]));
            assert_eq!(retired.title, holdings(&[(ALICE_ID, 60), (BOB_ID, 40)]));
            assert_eq!(retired.spec, spec("P-1", 1_000));
        });
    }

    #[test]
    fn the_owner_index_lists_the_children_instead_of_the_parent() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 60), (BOB_ID, 40)]);

            assert_ok!(subdivide(
                parent,
                &[("P-1/1", 500), ("P-1/2", 300), ("P-1/3", 200)],
                CARRY_NOTHING
            ));

            assert_eq!(parcels_of(ALICE_ID), vec![1, 2, 3]);
            assert_eq!(parcels_of(BOB_ID), vec![1, 2, 3]);
            assert_eq!(OwnerParcelCount::<Test>::get(ALICE_ID), 3);
            assert_eq!(OwnerParcelCount::<Test>::get(BOB_ID), 3);
        });
    }

    #[test]
    fn carried_liens_are_copied_to_every_child() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
            register_lien(parent, BANKER);
            register_lien(parent, OTHER_BANKER);
            let liens = ParcelLiens::<Test>::get(parent);

            assert_ok!(subdivide(
                parent,
                &[("P-1/1", 600), ("P-1/2", 400)],
                CARRY_LIENS
            ));

            assert_eq!(ParcelLiens::<Test>::get(1), liens);
            assert_eq!(ParcelLiens::<Test>::get(2), liens);
            assert!(!ParcelLiens::<Test>::contains_key(parent));
        });
    }

    #[test]
    fn a_carried_freeze_is_copied_to_every_child() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
            freeze(JUDGE, parent, 1);
            let frozen = Freeze {
                court: COURT_ID,
                case: case(1),
                since: 1,
            };

            assert_ok!(subdivide(
                parent,
                &[("P-1/1", 600), ("P-1/2", 400)],
                CARRY_FREEZE
            ));

            assert_eq!(Freezes::<Test>::get(1), Some(frozen));
            assert_eq!(Freezes::<Test>::get(2), Some(frozen));
            assert!(!Freezes::<Test>::contains_key(parent));
        });
    }

    #[test]
    fn children_whose_areas_differ_from_the_parents_are_refused() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);

            assert_noop!(
                subdivide(parent, &[("P-1/1", 600), ("P-1/2", 399)], CARRY_NOTHING),
                Error::<Test>::AreasDiffer
            );
        });
    }

    #[test]
    fn children_whose_areas_overflow_are_refused() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);

            assert_noop!(
                subdivide(parent, &[("P-1/1", Area::MAX), ("P-1/2", 1)], CARRY_NOTHING),
                Error::<Test>::Overflow
            );
        });
    }

    #[test]
    fn a_subdivision_into_one_parcel_is_refused() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);

            assert_noop!(
                subdivide(parent, &[("P-1/1", 1_000)], CARRY_NOTHING),
                Error::<Test>::TooFewParcels
            );
        });
    }

    #[test]
    fn children_sharing_a_cadastral_number_are_refused() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);

            assert_noop!(
                subdivide(parent, &[("P-1/1", 600), ("P-1/1", 400)], CARRY_NOTHING),
                Error::<Test>::CadastralNumberTaken
            );
        });
    }

    #[test]
    fn a_child_cannot_take_another_parcels_cadastral_number() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
            register("Q-1", 100, &[(BOB_ID, 100)]);

            assert_noop!(
                subdivide(parent, &[("P-1/1", 600), ("Q-1", 400)], CARRY_NOTHING),
                Error::<Test>::CadastralNumberTaken
            );
        });
    }

    #[test]
    fn a_child_cannot_keep_the_parents_cadastral_number() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);

            assert_noop!(
                subdivide(parent, &[("P-1", 600), ("P-1/2", 400)], CARRY_NOTHING),
                Error::<Test>::CadastralNumberTaken
            );
        });
    }

    #[test]
    fn a_child_with_a_malformed_cadastral_number_is_refused() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);

            assert_noop!(
                subdivide(parent, &[("P-1/1", 600), ("P 1 2", 400)], CARRY_NOTHING),
                Error::<Test>::InvalidCadastralNumber
            );
        });
    }

    #[test]
    fn a_child_without_area_is_refused() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);

            assert_noop!(
                subdivide(parent, &[("P-1/1", 1_000), ("P-1/2", 0)], CARRY_NOTHING),
                Error::<Test>::ZeroArea
            );
        });
    }

    #[test]
    fn subdividing_an_unknown_parcel_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                subdivide(3, &[("P-1/1", 600), ("P-1/2", 400)], CARRY_NOTHING),
                Error::<Test>::UnknownParcel
            );
        });
    }

    #[test]
    fn subdividing_a_retired_parcel_is_refused() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
            assert_ok!(subdivide(
                parent,
                &[("P-1/1", 600), ("P-1/2", 400)],
                CARRY_NOTHING
            ));

            assert_noop!(
                subdivide(parent, &[("P-1/3", 600), ("P-1/4", 400)], CARRY_NOTHING),
                Error::<Test>::ParcelRetired
            );
        });
    }

    #[test]
    fn a_lien_stops_a_subdivision_that_does_not_carry_it() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
            register_lien(parent, BANKER);

            assert_noop!(
                subdivide(parent, &[("P-1/1", 600), ("P-1/2", 400)], CARRY_FREEZE),
                Error::<Test>::LienPresent
            );
        });
    }

    #[test]
    fn a_freeze_stops_a_subdivision_that_does_not_carry_it() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
            freeze(JUDGE, parent, 1);

            assert_noop!(
                subdivide(parent, &[("P-1/1", 600), ("P-1/2", 400)], CARRY_LIENS),
                Error::<Test>::Frozen
            );
        });
    }

    #[test]
    fn an_owner_without_room_for_the_children_stops_the_subdivision() {
        build_and_execute(|| {
            for number in 0..MaxParcelsPerOwner::get() {
                register(&format!("P-{number}"), 1_000, &[(ALICE_ID, 100)]);
            }

            assert_noop!(
                subdivide(0, &[("P-0/1", 600), ("P-0/2", 400)], CARRY_NOTHING),
                Error::<Test>::TooManyParcels
            );
        });
    }

    #[test]
    fn an_officer_without_the_registrar_role_cannot_subdivide() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);

            assert_noop!(
                without_post_info(LandTitles::subdivide(
                    RuntimeOrigin::signed(JUDGE),
                    parent,
                    children(&[("P-1/1", 600), ("P-1/2", 400)]),
                    CARRY_NOTHING,
                )),
                IdentityError::RoleNotHeld
            );
        });
    }

    #[test]
    fn a_registrar_whose_appointment_ended_cannot_subdivide() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
            Identity::expire_officer(REGISTRAR);

            assert_noop!(
                subdivide(parent, &[("P-1/1", 600), ("P-1/2", 400)], CARRY_NOTHING),
                IdentityError::OfficerExpired
            );
        });
    }

    #[test]
    fn the_owner_cannot_subdivide() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);

            assert_noop!(
                without_post_info(LandTitles::subdivide(
                    RuntimeOrigin::signed(ALICE),
                    parent,
                    children(&[("P-1/1", 600), ("P-1/2", 400)]),
                    CARRY_NOTHING,
                )),
                IdentityError::NotOfficer
            );
        });
    }

    #[test]
    fn an_unsigned_subdivision_is_refused() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);

            assert_noop!(
                without_post_info(LandTitles::subdivide(
                    RuntimeOrigin::none(),
                    parent,
                    children(&[("P-1/1", 600), ("P-1/2", 400)]),
                    CARRY_NOTHING,
                )),
                DispatchError::BadOrigin
            );
        });
    }
}

mod merge {
    use super::*;

    /// Parcels 0 and 1 of 300 and 200 m², both owned 60 : 40 by Alice and Bob.
    fn two_parcels() -> (ParcelId, ParcelId) {
        let first = register("A-1", 300, &[(ALICE_ID, 60), (BOB_ID, 40)]);
        let second = register("A-2", 200, &[(ALICE_ID, 60), (BOB_ID, 40)]);
        (first, second)
    }

    /// Parcels 0 and 1 of 300 and 200 m², both Alice's alone.
    fn two_parcels_of_alice() -> (ParcelId, ParcelId) {
        let first = register("A-1", 300, &[(ALICE_ID, 100)]);
        let second = register("A-2", 200, &[(ALICE_ID, 100)]);
        (first, second)
    }

    #[test]
    fn a_registrar_merges_parcels_with_the_same_title() {
        build_and_execute(|| {
            let (first, second) = two_parcels();
            System::set_block_number(7);

            assert_ok!(merge(&[first, second], "A-3", 500, CARRY_NOTHING));

            let title = holdings(&[(ALICE_ID, 60), (BOB_ID, 40)]);
            assert_eq!(
                Parcels::<Test>::get(2),
                Some(Parcel::<Test> {
                    spec: spec("A-3", 500),
                    title: title.clone(),
                    registered_at: 7,
                    retired_at: None,
                    parents: lineage(&[first, second]),
                    children: lineage(&[]),
                })
            );
            System::assert_has_event(
                Event::ParcelRegistered {
                    parcel: 2,
                    spec: spec("A-3", 500),
                    title,
                    registrar: LAND_REGISTRY,
                }
                .into(),
            );
            assert_eq!(
                last_event(),
                Event::ParcelsMerged {
                    parents: lineage(&[first, second]),
                    merged: 2
                }
            );
        });
    }

    #[test]
    fn the_merged_parcels_retire_and_name_the_new_one() {
        build_and_execute(|| {
            let (first, second) = two_parcels();
            System::set_block_number(7);

            assert_ok!(merge(&[first, second], "A-3", 500, CARRY_NOTHING));

            for parent in [first, second] {
                let retired = Parcels::<Test>::get(parent).unwrap();
                assert_eq!(retired.retired_at, Some(7));
                assert_eq!(retired.children, lineage(&[2]));
            }
        });
    }

    #[test]
    fn the_owner_index_lists_the_merged_parcel_instead_of_its_parents() {
        build_and_execute(|| {
            let (first, second) = two_parcels();
            let kept = register("B-1", 100, &[(ALICE_ID, 100)]);

            assert_ok!(merge(&[first, second], "A-3", 500, CARRY_NOTHING));

            assert_eq!(parcels_of(ALICE_ID), vec![kept, 3]);
            assert_eq!(parcels_of(BOB_ID), vec![3]);
            assert_eq!(OwnerParcelCount::<Test>::get(ALICE_ID), 2);
            assert_eq!(OwnerParcelCount::<Test>::get(BOB_ID), 1);
        });
    }

    #[test]
    fn siblings_merge_back_with_their_common_lien_once() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
            let lien = register_lien(parent, BANKER);
            assert_ok!(halve(parent, "P-1", 1_000, CARRY_LIENS));

            assert_ok!(merge(&[1, 2], "P-2", 1_000, CARRY_LIENS));

            assert_eq!(ranks(3), vec![lien]);
            assert!(!ParcelLiens::<Test>::contains_key(1));
            assert!(!ParcelLiens::<Test>::contains_key(2));
        });
    }

    #[test]
    fn carried_liens_keep_the_order_in_which_they_were_registered() {
        build_and_execute(|| {
            let (first, second) = two_parcels_of_alice();
            System::set_block_number(2);
            let older = register_lien(second, BANKER);
            System::set_block_number(3);
            let newer = register_lien(first, OTHER_BANKER);

            assert_ok!(merge(&[first, second], "A-3", 500, CARRY_LIENS));

            assert_eq!(ranks(2), vec![older, newer]);
        });
    }

    #[test]
    fn a_lien_carried_to_siblings_ranks_before_a_later_lien_on_one_of_them() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
            let shared = register_lien(parent, BANKER);
            assert_ok!(halve(parent, "P-1", 1_000, CARRY_LIENS));
            System::set_block_number(3);
            let later = register_lien(2, OTHER_BANKER);

            assert_ok!(merge(&[2, 1], "P-2", 1_000, CARRY_LIENS));

            assert_eq!(ranks(3), vec![shared, later]);
        });
    }

    #[test]
    fn liens_registered_in_one_block_keep_their_ranks() {
        build_and_execute(|| {
            let (first, second) = two_parcels_of_alice();
            assert_ok!(LandTitles::propose_lien(
                RuntimeOrigin::signed(BANKER),
                first,
                LOAN
            ));
            assert_ok!(LandTitles::propose_lien(
                RuntimeOrigin::signed(OTHER_BANKER),
                first,
                LOAN
            ));
            // Alice registers the later proposal first, in the same block: it ranks first.
            assert_ok!(LandTitles::consent_lien(RuntimeOrigin::signed(ALICE), 1));
            assert_ok!(LandTitles::consent_lien(RuntimeOrigin::signed(ALICE), 0));
            assert_eq!(ranks(first), vec![1, 0]);

            assert_ok!(merge(&[first, second], "A-3", 500, CARRY_LIENS));

            assert_eq!(ranks(2), vec![1, 0]);
        });
    }

    #[test]
    fn a_carried_freeze_moves_to_the_merged_parcel() {
        build_and_execute(|| {
            let (first, second) = two_parcels();
            freeze(JUDGE, second, 1);

            assert_ok!(merge(&[first, second], "A-3", 500, CARRY_FREEZE));

            assert_eq!(
                Freezes::<Test>::get(2),
                Some(Freeze {
                    court: COURT_ID,
                    case: case(1),
                    since: 1
                })
            );
            assert!(!Freezes::<Test>::contains_key(second));
        });
    }

    #[test]
    fn siblings_frozen_under_the_same_case_merge_frozen() {
        build_and_execute(|| {
            let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
            freeze(JUDGE, parent, 1);
            assert_ok!(halve(parent, "P-1", 1_000, CARRY_FREEZE));

            assert_ok!(merge(&[1, 2], "P-2", 1_000, CARRY_FREEZE));

            assert_eq!(
                Freezes::<Test>::get(3),
                Some(Freeze {
                    court: COURT_ID,
                    case: case(1),
                    since: 1
                })
            );
        });
    }

    #[test]
    fn parcels_frozen_by_different_courts_cannot_be_merged() {
        build_and_execute(|| {
            let (first, second) = two_parcels();
            freeze(JUDGE, first, 1);
            freeze(OTHER_JUDGE, second, 1);

            assert_noop!(
                merge(&[first, second], "A-3", 500, CARRY_FREEZE),
                Error::<Test>::ConflictingFreezes
            );
        });
    }

    #[test]
    fn parcels_frozen_under_different_cases_cannot_be_merged() {
        build_and_execute(|| {
            let (first, second) = two_parcels();
            freeze(JUDGE, first, 1);
            freeze(JUDGE, second, 2);

            assert_noop!(
                merge(&[first, second], "A-3", 500, CARRY_FREEZE),
                Error::<Test>::ConflictingFreezes
            );
        });
    }

    #[test]
    fn a_freeze_stops_a_merge_that_does_not_carry_it() {
        build_and_execute(|| {
            let (first, second) = two_parcels();
            freeze(JUDGE, second, 1);

            assert_noop!(
                merge(&[first, second], "A-3", 500, CARRY_LIENS),
                Error::<Test>::Frozen
            );
        });
    }

    #[test]
    fn a_lien_stops_a_merge_that_does_not_carry_it() {
        build_and_execute(|| {
            let (first, second) = two_parcels_of_alice();
            register_lien(second, BANKER);

            assert_noop!(
                merge(&[first, second], "A-3", 500, CARRY_FREEZE),
                Error::<Test>::LienPresent
            );
        });
    }

    #[test]
    fn a_merge_gathering_more_liens_than_a_parcel_carries_is_refused() {
        build_and_execute(|| {
            let (first, second) = two_parcels_of_alice();
            register_lien(first, BANKER);
            register_lien(first, BANKER);
            register_lien(second, OTHER_BANKER);
            register_lien(second, OTHER_BANKER);

            assert_noop!(
                merge(&[first, second], "A-3", 500, CARRY_LIENS),
                Error::<Test>::TooManyLiens
            );
        });
    }

    #[test]
    fn parcels_with_different_owners_cannot_be_merged() {
        build_and_execute(|| {
            let first = register("A-1", 300, &[(ALICE_ID, 100)]);
            let second = register("A-2", 200, &[(BOB_ID, 100)]);

            assert_noop!(
                merge(&[first, second], "A-3", 500, CARRY_NOTHING),
                Error::<Test>::TitlesDiffer
            );
        });
    }

    #[test]
    fn parcels_with_different_shares_cannot_be_merged() {
        build_and_execute(|| {
            let first = register("A-1", 300, &[(ALICE_ID, 60), (BOB_ID, 40)]);
            let second = register("A-2", 200, &[(ALICE_ID, 50), (BOB_ID, 50)]);

            assert_noop!(
                merge(&[first, second], "A-3", 500, CARRY_NOTHING),
                Error::<Test>::TitlesDiffer
            );
        });
    }

    #[test]
    fn a_parcel_listed_twice_is_refused() {
        build_and_execute(|| {
            let (first, second) = two_parcels();

            assert_noop!(
                merge(&[first, second, first], "A-3", 800, CARRY_NOTHING),
                Error::<Test>::DuplicateParcel
            );
        });
    }

    #[test]
    fn a_merge_of_one_parcel_is_refused() {
        build_and_execute(|| {
            let (first, _) = two_parcels();

            assert_noop!(
                merge(&[first], "A-3", 300, CARRY_NOTHING),
                Error::<Test>::TooFewParcels
            );
        });
    }

    #[test]
    fn merging_an_unknown_parcel_is_refused() {
        build_and_execute(|| {
            let (first, _) = two_parcels();

            assert_noop!(
                merge(&[first, 9], "A-3", 500, CARRY_NOTHING),
                Error::<Test>::UnknownParcel
            );
        });
    }

    #[test]
    fn merging_a_retired_parcel_is_refused() {
        build_and_execute(|| {
            let (first, second) = two_parcels();
            assert_ok!(halve(first, "A-1", 300, CARRY_NOTHING));

            assert_noop!(
                merge(&[first, second], "A-3", 500, CARRY_NOTHING),
                Error::<Test>::ParcelRetired
            );
        });
    }

    #[test]
    fn a_merged_area_that_differs_from_the_parents_is_refused() {
        build_and_execute(|| {
            let (first, second) = two_parcels();

            assert_noop!(
                merge(&[first, second], "A-3", 501, CARRY_NOTHING),
                Error::<Test>::AreasDiffer
            );
        });
    }

    #[test]
    fn parents_whose_areas_overflow_cannot_be_merged() {
        build_and_execute(|| {
            let first = register("A-1", Area::MAX, &[(ALICE_ID, 100)]);
            let second = register("A-2", 1, &[(ALICE_ID, 100)]);

            assert_noop!(
                merge(&[first, second], "A-3", Area::MAX, CARRY_NOTHING),
                Error::<Test>::Overflow
            );
        });
    }

    #[test]
    fn a_merged_parcel_without_area_is_refused() {
        build_and_execute(|| {
            let (first, second) = two_parcels();

            assert_noop!(
                merge(&[first, second], "A-3", 0, CARRY_NOTHING),
                Error::<Test>::ZeroArea
            );
        });
    }

    #[test]
    fn the_merged_parcel_cannot_take_a_parents_cadastral_number() {
        build_and_execute(|| {
            let (first, second) = two_parcels();

            assert_noop!(
                merge(&[first, second], "A-1", 500, CARRY_NOTHING),
                Error::<Test>::CadastralNumberTaken
            );
        });
    }

    #[test]
    fn a_merged_parcel_with_a_malformed_cadastral_number_is_refused() {
        build_and_execute(|| {
            let (first, second) = two_parcels();

            assert_noop!(
                merge(&[first, second], "A 3", 500, CARRY_NOTHING),
                Error::<Test>::InvalidCadastralNumber
            );
        });
    }

    #[test]
    fn an_officer_without_the_registrar_role_cannot_merge() {
        build_and_execute(|| {
            let (first, second) = two_parcels();

            assert_noop!(
                without_post_info(LandTitles::merge(
                    RuntimeOrigin::signed(BANKER),
                    lineage(&[first, second]),
                    spec("A-3", 500),
                    CARRY_NOTHING,
                )),
                IdentityError::RoleNotHeld
            );
        });
    }

    #[test]
    fn a_registrar_whose_appointment_ended_cannot_merge() {
        build_and_execute(|| {
            let (first, second) = two_parcels();
            Identity::expire_officer(REGISTRAR);

            assert_noop!(
                merge(&[first, second], "A-3", 500, CARRY_NOTHING),
                IdentityError::OfficerExpired
            );
        });
    }

    #[test]
    fn the_owner_cannot_merge() {
        build_and_execute(|| {
            let (first, second) = two_parcels();

            assert_noop!(
                without_post_info(LandTitles::merge(
                    RuntimeOrigin::signed(BOB),
                    lineage(&[first, second]),
                    spec("A-3", 500),
                    CARRY_NOTHING,
                )),
                IdentityError::NotOfficer
            );
        });
    }

    #[test]
    fn an_unsigned_merge_is_refused() {
        build_and_execute(|| {
            let (first, second) = two_parcels();

            assert_noop!(
                without_post_info(LandTitles::merge(
                    RuntimeOrigin::none(),
                    lineage(&[first, second]),
                    spec("A-3", 500),
                    CARRY_NOTHING,
                )),
                DispatchError::BadOrigin
            );
        });
    }
}

#[test]
fn a_subdivided_parcel_can_be_merged_back_with_lineage_kept_both_ways() {
    build_and_execute(|| {
        let parent = register("P-1", 1_000, &[(ALICE_ID, 100)]);
        assert_ok!(halve(parent, "P-1", 1_000, CARRY_NOTHING));

        assert_ok!(merge(&[1, 2], "P-2", 1_000, CARRY_NOTHING));

        assert_eq!(
            Parcels::<Test>::get(parent).unwrap().children,
            lineage(&[1, 2])
        );
        assert_eq!(Parcels::<Test>::get(1).unwrap().children, lineage(&[3]));
        assert_eq!(Parcels::<Test>::get(2).unwrap().parents, lineage(&[parent]));
        assert_eq!(Parcels::<Test>::get(3).unwrap().parents, lineage(&[1, 2]));
        assert_eq!(parcels_of(ALICE_ID), vec![3]);
    });
}
