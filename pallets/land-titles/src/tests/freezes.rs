//! Courts freeze parcels under a case reference; until the same court lifts the freeze, the
//! parcel cannot be offered, transferred, encumbered, subdivided or merged.

use super::*;
use crate::{Error, Event, Freeze, Freezes, Offers};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

/// Alice's parcel 0, frozen by `JUDGE`'s court.
fn frozen_parcel() -> ParcelId {
    let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
    assert_ok!(freeze(JUDGE, parcel));
    parcel
}

mod freeze_parcel {
    use super::*;

    #[test]
    fn a_court_freezes_a_parcel() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            System::set_block_number(6);

            assert_ok!(freeze(JUDGE, parcel));

            assert_eq!(
                Freezes::<Test>::get(parcel),
                Some(Freeze {
                    court: COURT_ID,
                    case: case(1),
                    since: 6
                })
            );
            assert_eq!(
                last_event(),
                Event::ParcelFrozen {
                    parcel,
                    court: COURT_ID,
                    case: case(1)
                }
            );
        });
    }

    #[test]
    fn a_frozen_parcel_cannot_be_frozen_again_by_the_same_court() {
        build_and_execute(|| {
            let parcel = frozen_parcel();

            assert_noop!(freeze(JUDGE, parcel), Error::<Test>::AlreadyFrozen);
        });
    }

    #[test]
    fn a_frozen_parcel_cannot_be_frozen_again_by_another_court() {
        build_and_execute(|| {
            let parcel = frozen_parcel();

            assert_noop!(freeze(OTHER_JUDGE, parcel), Error::<Test>::AlreadyFrozen);
        });
    }

    #[test]
    fn freezing_an_unknown_parcel_is_refused() {
        build_and_execute(|| {
            assert_noop!(freeze(JUDGE, 5), Error::<Test>::UnknownParcel);
        });
    }

    #[test]
    fn freezing_a_retired_parcel_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            assert_ok!(halve(parcel, "A-1", 100, CARRY_NOTHING));

            assert_noop!(freeze(JUDGE, parcel), Error::<Test>::ParcelRetired);
        });
    }

    #[test]
    fn an_officer_without_the_court_role_cannot_freeze() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(freeze(REGISTRAR, parcel), IdentityError::RoleNotHeld);
        });
    }

    #[test]
    fn a_judge_whose_appointment_ended_cannot_freeze() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            Identity::expire_officer(JUDGE);

            assert_noop!(freeze(JUDGE, parcel), IdentityError::OfficerExpired);
        });
    }

    #[test]
    fn a_citizen_cannot_freeze() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(freeze(BOB, parcel), IdentityError::NotOfficer);
        });
    }

    #[test]
    fn an_unsigned_freeze_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(
                LandTitles::freeze_parcel(RuntimeOrigin::none(), parcel, case(1)),
                DispatchError::BadOrigin
            );
        });
    }
}

mod lift_freeze {
    use super::*;

    #[test]
    fn the_freezing_court_lifts_its_freeze() {
        build_and_execute(|| {
            let parcel = frozen_parcel();

            assert_ok!(lift(JUDGE, parcel));

            assert!(!Freezes::<Test>::contains_key(parcel));
            assert_eq!(
                last_event(),
                Event::FreezeLifted {
                    parcel,
                    court: COURT_ID
                }
            );
        });
    }

    #[test]
    fn a_parcel_whose_freeze_was_lifted_can_be_offered_again() {
        build_and_execute(|| {
            let parcel = frozen_parcel();
            assert_ok!(lift(JUDGE, parcel));

            assert_ok!(try_offer(ALICE, parcel, &[(ALICE_ID, 100)], BOB_ID, 50));

            assert!(Offers::<Test>::contains_key(0));
        });
    }

    #[test]
    fn another_court_cannot_lift_the_freeze() {
        build_and_execute(|| {
            let parcel = frozen_parcel();

            assert_noop!(lift(OTHER_JUDGE, parcel), Error::<Test>::NotFreezingCourt);
        });
    }

    #[test]
    fn lifting_the_freeze_of_an_unfrozen_parcel_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(lift(JUDGE, parcel), Error::<Test>::NotFrozen);
        });
    }

    #[test]
    fn an_officer_without_the_court_role_cannot_lift() {
        build_and_execute(|| {
            let parcel = frozen_parcel();

            assert_noop!(lift(BANKER, parcel), IdentityError::RoleNotHeld);
        });
    }

    #[test]
    fn a_judge_whose_appointment_ended_cannot_lift() {
        build_and_execute(|| {
            let parcel = frozen_parcel();
            Identity::expire_officer(JUDGE);

            assert_noop!(lift(JUDGE, parcel), IdentityError::OfficerExpired);
        });
    }

    #[test]
    fn the_owner_cannot_lift_the_freeze() {
        build_and_execute(|| {
            let parcel = frozen_parcel();

            assert_noop!(lift(ALICE, parcel), IdentityError::NotOfficer);
        });
    }

    #[test]
    fn an_unsigned_lift_is_refused() {
        build_and_execute(|| {
            let parcel = frozen_parcel();

            assert_noop!(
                LandTitles::lift_freeze(RuntimeOrigin::none(), parcel),
                DispatchError::BadOrigin
            );
        });
    }
}

mod a_freeze_blocks {
    use super::*;

    #[test]
    fn offering_a_frozen_parcel() {
        build_and_execute(|| {
            let parcel = frozen_parcel();

            assert_noop!(
                try_offer(ALICE, parcel, &[(ALICE_ID, 100)], BOB_ID, 50),
                Error::<Test>::Frozen
            );
        });
    }

    #[test]
    fn accepting_an_offer_of_a_parcel_frozen_since() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);
            assert_ok!(freeze(JUDGE, parcel));

            assert_noop!(
                LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer),
                Error::<Test>::Frozen
            );
        });
    }

    #[test]
    fn approving_a_transfer_of_a_parcel_frozen_since_acceptance() {
        build_and_execute(|| {
            RegistrarApproves::set(&true);
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);
            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer));
            assert_ok!(freeze(JUDGE, parcel));

            assert_noop!(
                LandTitles::approve_transfer(RuntimeOrigin::signed(REGISTRAR), offer),
                Error::<Test>::Frozen
            );
        });
    }

    #[test]
    fn proposing_a_lien_on_a_frozen_parcel() {
        build_and_execute(|| {
            let parcel = frozen_parcel();

            assert_noop!(
                LandTitles::propose_lien(RuntimeOrigin::signed(BANKER), parcel, LOAN),
                Error::<Test>::Frozen
            );
        });
    }

    #[test]
    fn consenting_to_a_lien_on_a_parcel_frozen_since_the_proposal() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            assert_ok!(LandTitles::propose_lien(
                RuntimeOrigin::signed(BANKER),
                parcel,
                LOAN
            ));
            assert_ok!(freeze(JUDGE, parcel));

            assert_noop!(
                LandTitles::consent_lien(RuntimeOrigin::signed(ALICE), 0),
                Error::<Test>::Frozen
            );
        });
    }

    #[test]
    fn subdividing_a_frozen_parcel_without_carrying_the_freeze() {
        build_and_execute(|| {
            let parcel = frozen_parcel();

            assert_noop!(
                halve(parcel, "A-1", 100, CARRY_NOTHING),
                Error::<Test>::Frozen
            );
        });
    }

    #[test]
    fn merging_a_frozen_parcel_without_carrying_the_freeze() {
        build_and_execute(|| {
            let frozen = frozen_parcel();
            let other = register("A-2", 100, &[(ALICE_ID, 100)]);

            assert_noop!(
                without_post_info(LandTitles::merge(
                    RuntimeOrigin::signed(REGISTRAR),
                    lineage(&[other, frozen]),
                    spec("A-3", 200),
                    CARRY_NOTHING,
                )),
                Error::<Test>::Frozen
            );
        });
    }
}

mod dual_control {
    use super::*;
    use crate::Call;
    use govchain_primitives::{dual_control::ActionClass, identity::Role};

    fn court_orders_need_two() {
        Identity::set_threshold(Role::Court, ActionClass::CourtOrder, 2);
    }

    #[test]
    fn one_judge_alone_only_proposes_a_freeze_a_second_completes_it() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            court_orders_need_two();

            assert_ok!(freeze(JUDGE, parcel));
            assert!(!Freezes::<Test>::contains_key(parcel));
            let pending = Identity::pending(0).expect("the freeze is pending");
            assert_eq!(
                (pending.institution, pending.class, pending.proposer),
                (COURT_ID, ActionClass::CourtOrder, JUDGE)
            );

            assert_ok!(Identity::approve::<Call<Test>>(0));
            assert_eq!(
                Freezes::<Test>::get(parcel).map(|freeze| freeze.court),
                Some(COURT_ID)
            );
        });
    }

    #[test]
    fn lifting_a_freeze_waits_for_a_second_judge() {
        build_and_execute(|| {
            let parcel = frozen_parcel();
            court_orders_need_two();

            assert_ok!(lift(JUDGE, parcel));
            assert!(Freezes::<Test>::contains_key(parcel));

            assert_ok!(Identity::approve::<Call<Test>>(0));
            assert!(!Freezes::<Test>::contains_key(parcel));
        });
    }

    #[test]
    fn a_court_order_that_would_fail_is_refused_when_proposed() {
        build_and_execute(|| {
            let parcel = frozen_parcel();
            court_orders_need_two();

            assert_noop!(lift(OTHER_JUDGE, parcel), Error::<Test>::NotFreezingCourt);
            assert_noop!(freeze(JUDGE, parcel), Error::<Test>::AlreadyFrozen);
            assert_eq!(Identity::pending_count(), 0);
        });
    }
}
