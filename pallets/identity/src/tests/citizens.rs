//! Civil-registry officers register citizens, update, move and deactivate them.

use crate::{
    mock::*, Citizen, CitizenByAccount, CitizenByNationalId, CitizenStatus, Citizens,
    DeactivationReason, Error, Event, NextCitizenId,
};
use frame_support::{assert_noop, assert_ok};
use govchain_primitives::identity::{IdentityProvider, KycTier, Role};
use sp_runtime::DispatchError;

const PERSON: u64 = 50;

fn register(account: u64, national: u8) -> sp_runtime::DispatchResult {
    Identity::register_citizen(
        RuntimeOrigin::signed(REGISTRAR),
        account,
        national_id(national),
        None,
        KycTier::Basic,
    )
}

fn deactivate(citizen: u64, reason: DeactivationReason) -> sp_runtime::DispatchResult {
    Identity::deactivate_citizen(RuntimeOrigin::signed(REGISTRAR), citizen, reason)
}

mod register_citizen {
    use super::*;

    #[test]
    fn a_civil_registry_officer_registers_a_citizen() {
        build_and_execute(|| {
            System::set_block_number(5);
            assert_ok!(Identity::register_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                PERSON,
                national_id(2),
                Some(3),
                KycTier::Enhanced
            ));
            assert_eq!(
                Citizens::<Test>::get(1),
                Some(Citizen {
                    account: PERSON,
                    national_id_hash: national_id(2),
                    region: Some(3),
                    kyc_tier: KycTier::Enhanced,
                    status: CitizenStatus::Active,
                    registered_by: CIVIL_REGISTRY,
                    registered_at: 5,
                })
            );
            assert_eq!(CitizenByAccount::<Test>::get(PERSON), Some(1));
            assert_eq!(CitizenByNationalId::<Test>::get(national_id(2)), Some(1));
            assert_eq!(System::sufficients(&PERSON), 1);
            System::assert_last_event(
                Event::CitizenRegistered {
                    citizen: 1,
                    account: PERSON,
                    registered_by: CIVIL_REGISTRY,
                }
                .into(),
            );
        });
    }

    #[test]
    fn the_same_national_id_hash_cannot_be_registered_twice() {
        build_and_execute(|| {
            assert_noop!(register(PERSON, 1), Error::<Test>::NationalIdTaken);
        });
    }

    #[test]
    fn a_deactivated_person_s_hash_stays_taken() {
        build_and_execute(|| {
            assert_ok!(deactivate(CITIZEN_ID, DeactivationReason::Emigrated));
            assert_noop!(register(PERSON, 1), Error::<Test>::NationalIdTaken);
        });
    }

    #[test]
    fn an_account_holds_one_identity_only() {
        build_and_execute(|| {
            assert_noop!(register(CITIZEN, 2), Error::<Test>::AccountIsCitizen);
        });
    }

    #[test]
    fn an_officer_without_the_civil_registry_role_is_refused() {
        build_and_execute(|| {
            register_second_institution("LAND", Role::LandRegistrar);
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                1,
                3,
                60
            ));
            assert_noop!(
                Identity::register_citizen(
                    RuntimeOrigin::signed(3),
                    PERSON,
                    national_id(2),
                    None,
                    KycTier::Basic
                ),
                Error::<Test>::RoleNotHeld
            );
        });
    }

    #[test]
    fn registration_stops_when_ids_run_out() {
        build_and_execute(|| {
            NextCitizenId::<Test>::put(u64::MAX);
            assert_noop!(register(PERSON, 2), Error::<Test>::IdsExhausted);
        });
    }
}

/// Every civil-registry call refuses the same callers in the same precise words.
#[test]
fn every_civil_registry_call_refuses_all_but_active_civil_registry_officers() {
    build_and_execute(|| {
        // Officer 3 acts for a land registry, which lacks the civil-registry role.
        register_second_institution("LAND", Role::LandRegistrar);
        assert_ok!(Identity::appoint_officer(
            RuntimeOrigin::signed(ADMIN),
            1,
            3,
            60
        ));
        // Officer 4 of the civil registry expires at block 2.
        assert_ok!(Identity::appoint_officer(
            RuntimeOrigin::signed(ADMIN),
            CIVIL_REGISTRY,
            4,
            2
        ));
        let calls: [Box<dyn Fn(RuntimeOrigin) -> sp_runtime::DispatchResult>; 5] = [
            Box::new(|o| {
                Identity::register_citizen(o, PERSON, national_id(2), None, KycTier::Basic)
            }),
            Box::new(|o| Identity::update_citizen(o, CITIZEN_ID, None, KycTier::Basic)),
            Box::new(|o| Identity::move_citizen_account(o, CITIZEN_ID, PERSON)),
            Box::new(|o| Identity::deactivate_citizen(o, CITIZEN_ID, DeactivationReason::Deceased)),
            Box::new(|o| Identity::reactivate_citizen(o, CITIZEN_ID)),
        ];
        System::set_block_number(2);
        for call in &calls {
            assert_noop!(call(RuntimeOrigin::root()), DispatchError::BadOrigin);
            assert_noop!(
                call(RuntimeOrigin::signed(NOBODY)),
                Error::<Test>::NotOfficer
            );
            assert_noop!(
                call(RuntimeOrigin::signed(ADMIN)),
                Error::<Test>::NotOfficer
            );
            assert_noop!(call(RuntimeOrigin::signed(3)), Error::<Test>::RoleNotHeld);
            assert_noop!(
                call(RuntimeOrigin::signed(4)),
                Error::<Test>::OfficerExpired
            );
        }
        assert_ok!(Identity::suspend_institution(
            RuntimeOrigin::root(),
            CIVIL_REGISTRY
        ));
        for call in &calls {
            assert_noop!(
                call(RuntimeOrigin::signed(REGISTRAR)),
                Error::<Test>::InstitutionSuspended
            );
        }
    });
}

mod update_citizen {
    use super::*;

    #[test]
    fn the_registry_updates_region_and_tier() {
        build_and_execute(|| {
            assert_ok!(Identity::update_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                CITIZEN_ID,
                None,
                KycTier::Enhanced
            ));
            let record = Citizens::<Test>::get(CITIZEN_ID).unwrap();
            assert_eq!((record.region, record.kyc_tier), (None, KycTier::Enhanced));
            System::assert_last_event(
                Event::CitizenUpdated {
                    citizen: CITIZEN_ID,
                    region: None,
                    kyc_tier: KycTier::Enhanced,
                }
                .into(),
            );
        });
    }

    #[test]
    fn an_unknown_citizen_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::update_citizen(RuntimeOrigin::signed(REGISTRAR), 9, None, KycTier::Basic),
                Error::<Test>::CitizenNotFound
            );
        });
    }

    #[test]
    fn a_deactivated_citizen_is_refused() {
        build_and_execute(|| {
            assert_ok!(deactivate(CITIZEN_ID, DeactivationReason::Deceased));
            assert_noop!(
                Identity::update_citizen(
                    RuntimeOrigin::signed(REGISTRAR),
                    CITIZEN_ID,
                    None,
                    KycTier::Basic
                ),
                Error::<Test>::CitizenNotActive
            );
        });
    }
}

mod move_citizen_account {
    use super::*;

    #[test]
    fn a_lost_key_is_replaced_and_the_identity_keeps_its_id() {
        build_and_execute(|| {
            assert_ok!(Identity::move_citizen_account(
                RuntimeOrigin::signed(REGISTRAR),
                CITIZEN_ID,
                PERSON
            ));
            assert_eq!(Citizens::<Test>::get(CITIZEN_ID).unwrap().account, PERSON);
            assert_eq!(Identity::citizen_of(&PERSON), Some(CITIZEN_ID));
            assert_eq!(Identity::citizen_of(&CITIZEN), None);
            assert_eq!(Identity::account_of(CITIZEN_ID), Some(PERSON));
            assert_eq!(System::sufficients(&CITIZEN), 0);
            assert_eq!(System::sufficients(&PERSON), 1);
            System::assert_last_event(
                Event::CitizenAccountMoved {
                    citizen: CITIZEN_ID,
                    from: CITIZEN,
                    to: PERSON,
                }
                .into(),
            );
        });
    }

    #[test]
    fn an_unknown_citizen_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::move_citizen_account(RuntimeOrigin::signed(REGISTRAR), 9, PERSON),
                Error::<Test>::CitizenNotFound
            );
        });
    }

    #[test]
    fn a_deactivated_citizen_is_refused() {
        build_and_execute(|| {
            assert_ok!(deactivate(CITIZEN_ID, DeactivationReason::Deceased));
            assert_noop!(
                Identity::move_citizen_account(
                    RuntimeOrigin::signed(REGISTRAR),
                    CITIZEN_ID,
                    PERSON
                ),
                Error::<Test>::CitizenNotActive
            );
        });
    }

    #[test]
    fn the_account_of_a_deactivated_citizen_is_refused() {
        build_and_execute(|| {
            assert_ok!(register(PERSON, 2));
            assert_ok!(deactivate(1, DeactivationReason::Deceased));
            assert_noop!(
                Identity::move_citizen_account(
                    RuntimeOrigin::signed(REGISTRAR),
                    CITIZEN_ID,
                    PERSON
                ),
                Error::<Test>::AccountIsCitizen
            );
        });
    }

    #[test]
    fn an_account_of_another_citizen_is_refused() {
        build_and_execute(|| {
            assert_ok!(register(PERSON, 2));
            assert_noop!(
                Identity::move_citizen_account(
                    RuntimeOrigin::signed(REGISTRAR),
                    CITIZEN_ID,
                    PERSON
                ),
                Error::<Test>::AccountIsCitizen
            );
        });
    }
}

mod deactivation {
    use super::*;

    #[test]
    fn a_deactivated_identity_no_longer_acts_but_keeps_its_record() {
        build_and_execute(|| {
            assert_ok!(deactivate(CITIZEN_ID, DeactivationReason::Deceased));
            let record = Citizens::<Test>::get(CITIZEN_ID).unwrap();
            assert_eq!(
                record.status,
                CitizenStatus::Deactivated(DeactivationReason::Deceased)
            );
            assert_eq!(Identity::citizen_of(&CITIZEN), None);
            assert_eq!(Identity::kyc_tier(CITIZEN_ID), None);
            // The account stays in existence, so its nonce never restarts.
            assert_eq!(System::sufficients(&CITIZEN), 1);
            System::assert_last_event(
                Event::CitizenDeactivated {
                    citizen: CITIZEN_ID,
                    reason: DeactivationReason::Deceased,
                }
                .into(),
            );
        });
    }

    #[test]
    fn a_returning_emigrant_is_reactivated() {
        build_and_execute(|| {
            assert_ok!(deactivate(CITIZEN_ID, DeactivationReason::Emigrated));
            assert_ok!(Identity::reactivate_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                CITIZEN_ID
            ));
            assert_eq!(Identity::citizen_of(&CITIZEN), Some(CITIZEN_ID));
            assert_eq!(System::sufficients(&CITIZEN), 1);
            System::assert_last_event(
                Event::CitizenReactivated {
                    citizen: CITIZEN_ID,
                }
                .into(),
            );
        });
    }

    #[test]
    fn a_registration_in_error_frees_the_national_id_hash() {
        build_and_execute(|| {
            assert_ok!(deactivate(
                CITIZEN_ID,
                DeactivationReason::RegistrationError
            ));
            assert_eq!(CitizenByNationalId::<Test>::get(national_id(1)), None);
            // The person the hash really belongs to is registered…
            assert_ok!(register(PERSON, 1));
            assert_eq!(CitizenByNationalId::<Test>::get(national_id(1)), Some(1));
            // …and the erroneous identity cannot take the hash back.
            assert_noop!(
                Identity::reactivate_citizen(RuntimeOrigin::signed(REGISTRAR), CITIZEN_ID),
                Error::<Test>::NationalIdTaken
            );
        });
    }

    #[test]
    fn a_registration_in_error_reactivated_takes_its_hash_back() {
        build_and_execute(|| {
            assert_ok!(deactivate(
                CITIZEN_ID,
                DeactivationReason::RegistrationError
            ));
            assert_ok!(Identity::reactivate_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                CITIZEN_ID
            ));
            assert_eq!(
                CitizenByNationalId::<Test>::get(national_id(1)),
                Some(CITIZEN_ID)
            );
        });
    }

    #[test]
    fn unknown_citizens_are_refused() {
        build_and_execute(|| {
            assert_noop!(
                deactivate(9, DeactivationReason::Deceased),
                Error::<Test>::CitizenNotFound
            );
            assert_noop!(
                Identity::reactivate_citizen(RuntimeOrigin::signed(REGISTRAR), 9),
                Error::<Test>::CitizenNotFound
            );
        });
    }

    #[test]
    fn deactivating_twice_is_refused() {
        build_and_execute(|| {
            assert_ok!(deactivate(CITIZEN_ID, DeactivationReason::Deceased));
            assert_noop!(
                deactivate(CITIZEN_ID, DeactivationReason::Deceased),
                Error::<Test>::CitizenNotActive
            );
        });
    }

    #[test]
    fn reactivating_an_active_citizen_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::reactivate_citizen(RuntimeOrigin::signed(REGISTRAR), CITIZEN_ID),
                Error::<Test>::CitizenAlreadyActive
            );
        });
    }
}
