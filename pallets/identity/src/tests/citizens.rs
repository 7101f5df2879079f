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
            assert_eq!(
                CitizenByAccount::<Test>::get(PERSON),
                Some(crate::CitizenAccount {
                    citizen: 1,
                    active: true,
                    kyc_tier: KycTier::Enhanced,
                    officer: false,
                    fee_free: Default::default(),
                })
            );
            assert_eq!(CitizenByNationalId::<Test>::get(national_id(2)), Some(1));
            assert_eq!(System::sufficients(&PERSON), 1);
            System::assert_last_event(
                Event::CitizenRegistered {
                    citizen: 1,
                    account: PERSON,
                    registered_by: CIVIL_REGISTRY,
                    officer: REGISTRAR,
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
            // Root is the council here, which may change any citizen (see
            // `registering_registry`); an unsigned origin is nobody.
            assert_noop!(call(RuntimeOrigin::none()), DispatchError::BadOrigin);
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
    fn a_key_replaced_with_the_citizen_s_consent_keeps_the_identity_s_id() {
        build_and_execute(|| {
            assert_ok!(Identity::consent_to_account_move(
                RuntimeOrigin::signed(CITIZEN),
                PERSON
            ));
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
    fn a_registration_in_error_holding_an_open_ballot_keeps_its_hash_until_the_election_closes() {
        build_and_execute(|| {
            OpenBallotHolders::set(vec![CITIZEN_ID]);

            assert_ok!(deactivate(
                CITIZEN_ID,
                DeactivationReason::RegistrationError
            ));

            System::assert_has_event(
                Event::NationalIdKept {
                    citizen: CITIZEN_ID,
                }
                .into(),
            );
            assert_eq!(Identity::citizen_of(&CITIZEN), None);
            assert_eq!(
                CitizenByNationalId::<Test>::get(national_id(1)),
                Some(CITIZEN_ID)
            );
            // Nobody registers under the hash while the ballot is open…
            assert_noop!(register(PERSON, 1), Error::<Test>::NationalIdTaken);
            // …once the election has closed, the person it belongs to is registered.
            OpenBallotHolders::set(Vec::new());
            assert_ok!(register(PERSON, 1));
            assert_eq!(CitizenByNationalId::<Test>::get(national_id(1)), Some(1));
        });
    }

    #[test]
    fn a_registration_in_error_whose_hash_was_kept_is_reactivated() {
        build_and_execute(|| {
            OpenBallotHolders::set(vec![CITIZEN_ID]);
            assert_ok!(deactivate(
                CITIZEN_ID,
                DeactivationReason::RegistrationError
            ));

            assert_ok!(Identity::reactivate_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                CITIZEN_ID
            ));

            assert_eq!(Identity::citizen_of(&CITIZEN), Some(CITIZEN_ID));
            assert_eq!(
                CitizenByNationalId::<Test>::get(national_id(1)),
                Some(CITIZEN_ID)
            );
        });
    }

    #[test]
    fn a_deceased_citizen_s_hash_is_never_taken_by_a_new_registration() {
        build_and_execute(|| {
            assert_ok!(deactivate(CITIZEN_ID, DeactivationReason::Deceased));

            assert_noop!(register(PERSON, 1), Error::<Test>::NationalIdTaken);
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

/// `ActiveCitizens` and `ActiveCitizensIn` follow registration, region changes, deactivation
/// and reactivation; a region without active citizens has no entry.
mod active_counts {
    use super::*;
    use crate::{ActiveCitizens, ActiveCitizensIn};
    use govchain_primitives::identity::RegionCode;

    /// Registers the person of `national` under `account`, in `region`.
    fn register_in(account: u64, national: u8, region: Option<RegionCode>) {
        assert_ok!(Identity::register_citizen(
            RuntimeOrigin::signed(REGISTRAR),
            account,
            national_id(national),
            region,
            KycTier::Basic,
        ));
    }

    /// Moves `citizen` to `region`.
    fn update_region(citizen: u64, region: Option<RegionCode>) {
        assert_ok!(Identity::update_citizen(
            RuntimeOrigin::signed(REGISTRAR),
            citizen,
            region,
            KycTier::Standard
        ));
    }

    /// Checks the active citizens in all, and the stored entries per region, and that the
    /// provider answers the same.
    #[track_caller]
    fn assert_counts(all: u64, per_region: &[(RegionCode, u64)]) {
        assert_eq!(ActiveCitizens::<Test>::get(), all);
        assert_eq!(Identity::active_citizens(), all);
        let mut stored: Vec<_> = ActiveCitizensIn::<Test>::iter().collect();
        stored.sort_unstable();
        assert_eq!(stored, per_region);
        for (region, count) in per_region {
            assert_eq!(Identity::active_citizens_in(*region), *count);
        }
    }

    #[test]
    fn the_registry_s_first_citizen_is_counted() {
        build_and_execute(|| {
            assert_counts(1, &[(CITIZEN_REGION, 1)]);
            assert_eq!(Identity::active_citizens_in(3), 0);
        });
    }

    #[test]
    fn a_registered_citizen_counts_in_all_and_in_its_region() {
        build_and_execute(|| {
            register_in(PERSON, 2, Some(3));
            assert_counts(2, &[(3, 1), (CITIZEN_REGION, 1)]);

            register_in(51, 3, Some(CITIZEN_REGION));
            assert_counts(3, &[(3, 1), (CITIZEN_REGION, 2)]);
        });
    }

    #[test]
    fn a_citizen_without_a_region_counts_in_all_only() {
        build_and_execute(|| {
            assert_ok!(register(PERSON, 2));

            assert_counts(2, &[(CITIZEN_REGION, 1)]);
        });
    }

    #[test]
    fn a_refused_registration_counts_nobody() {
        build_and_execute(|| {
            assert_noop!(
                Identity::register_citizen(
                    RuntimeOrigin::signed(REGISTRAR),
                    PERSON,
                    national_id(1),
                    Some(3),
                    KycTier::Basic
                ),
                Error::<Test>::NationalIdTaken
            );

            assert_counts(1, &[(CITIZEN_REGION, 1)]);
        });
    }

    #[test]
    fn a_change_of_region_moves_the_citizen_s_count() {
        build_and_execute(|| {
            register_in(PERSON, 2, Some(CITIZEN_REGION));

            update_region(CITIZEN_ID, Some(3));
            assert_counts(2, &[(3, 1), (CITIZEN_REGION, 1)]);

            update_region(1, Some(3));
            assert_counts(2, &[(3, 2)]);
            assert!(!ActiveCitizensIn::<Test>::contains_key(CITIZEN_REGION));
        });
    }

    #[test]
    fn losing_or_gaining_a_region_changes_only_the_region_s_count() {
        build_and_execute(|| {
            update_region(CITIZEN_ID, None);
            assert_counts(1, &[]);

            update_region(CITIZEN_ID, Some(5));
            assert_counts(1, &[(5, 1)]);
        });
    }

    #[test]
    fn an_update_keeping_the_region_changes_no_count() {
        build_and_execute(|| {
            register_in(PERSON, 2, None);

            assert_ok!(Identity::update_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                CITIZEN_ID,
                Some(CITIZEN_REGION),
                KycTier::Enhanced
            ));
            update_region(1, None);

            assert_counts(2, &[(CITIZEN_REGION, 1)]);
        });
    }

    #[test]
    fn a_moved_account_changes_no_count() {
        build_and_execute(|| {
            assert_ok!(Identity::move_citizen_account(
                RuntimeOrigin::signed(REGISTRAR),
                CITIZEN_ID,
                PERSON
            ));

            assert_counts(1, &[(CITIZEN_REGION, 1)]);
        });
    }

    #[test]
    fn a_deactivated_citizen_is_no_longer_counted_for_any_reason() {
        for reason in [
            DeactivationReason::Deceased,
            DeactivationReason::Emigrated,
            DeactivationReason::RegistrationError,
        ] {
            build_and_execute(|| {
                register_in(PERSON, 2, None);

                assert_ok!(deactivate(CITIZEN_ID, reason));
                assert_counts(1, &[]);
                assert!(!ActiveCitizensIn::<Test>::contains_key(CITIZEN_REGION));
                assert_eq!(Identity::active_citizens_in(CITIZEN_REGION), 0);

                assert_ok!(deactivate(1, reason));
                assert_counts(0, &[]);
            });
        }
    }

    #[test]
    fn a_region_keeps_its_entry_while_it_has_an_active_citizen() {
        build_and_execute(|| {
            register_in(PERSON, 2, Some(CITIZEN_REGION));

            assert_ok!(deactivate(CITIZEN_ID, DeactivationReason::Emigrated));
            assert_counts(1, &[(CITIZEN_REGION, 1)]);

            assert_ok!(deactivate(1, DeactivationReason::Deceased));
            assert_counts(0, &[]);
        });
    }

    #[test]
    fn a_refused_deactivation_changes_no_count() {
        build_and_execute(|| {
            assert_ok!(deactivate(CITIZEN_ID, DeactivationReason::Deceased));

            assert_noop!(
                deactivate(CITIZEN_ID, DeactivationReason::Deceased),
                Error::<Test>::CitizenNotActive
            );
            assert_counts(0, &[]);
        });
    }

    #[test]
    fn a_reactivated_citizen_is_counted_again_in_its_region() {
        build_and_execute(|| {
            assert_ok!(deactivate(CITIZEN_ID, DeactivationReason::Emigrated));

            assert_ok!(Identity::reactivate_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                CITIZEN_ID
            ));

            assert_counts(1, &[(CITIZEN_REGION, 1)]);
        });
    }

    #[test]
    fn a_refused_reactivation_changes_no_count() {
        build_and_execute(|| {
            assert_ok!(deactivate(
                CITIZEN_ID,
                DeactivationReason::RegistrationError
            ));
            register_in(PERSON, 1, Some(3));

            assert_noop!(
                Identity::reactivate_citizen(RuntimeOrigin::signed(REGISTRAR), CITIZEN_ID),
                Error::<Test>::NationalIdTaken
            );
            assert_counts(1, &[(3, 1)]);
        });
    }
}

mod registering_registry {
    use super::*;

    /// Another civil registry (institution 1) and its officer.
    const OTHER_REGISTRAR: u64 = 30;

    fn other_registry() {
        register_second_institution("CRB", Role::CivilRegistry);
        appoint(1, OTHER_REGISTRAR);
    }

    #[test]
    fn another_registry_may_not_change_a_citizen() {
        build_and_execute(|| {
            other_registry();
            let by_other = || RuntimeOrigin::signed(OTHER_REGISTRAR);
            assert_noop!(
                Identity::update_citizen(by_other(), CITIZEN_ID, None, KycTier::Basic),
                Error::<Test>::NotRegisteringRegistry
            );
            assert_noop!(
                Identity::move_citizen_account(by_other(), CITIZEN_ID, PERSON),
                Error::<Test>::NotRegisteringRegistry
            );
            assert_noop!(
                Identity::deactivate_citizen(by_other(), CITIZEN_ID, DeactivationReason::Deceased),
                Error::<Test>::NotRegisteringRegistry
            );
            assert_ok!(deactivate(CITIZEN_ID, DeactivationReason::Emigrated));
            assert_noop!(
                Identity::reactivate_citizen(by_other(), CITIZEN_ID),
                Error::<Test>::NotRegisteringRegistry
            );
        });
    }

    #[test]
    fn the_council_may_change_any_citizen() {
        build_and_execute(|| {
            assert_ok!(Identity::update_citizen(
                RuntimeOrigin::root(),
                CITIZEN_ID,
                None,
                KycTier::Enhanced
            ));
            assert_ok!(Identity::move_citizen_account(
                RuntimeOrigin::root(),
                CITIZEN_ID,
                PERSON
            ));
            assert_ok!(Identity::deactivate_citizen(
                RuntimeOrigin::root(),
                CITIZEN_ID,
                DeactivationReason::Deceased
            ));
            assert_ok!(Identity::reactivate_citizen(
                RuntimeOrigin::root(),
                CITIZEN_ID
            ));
        });
    }

    #[test]
    fn an_unknown_citizen_is_refused_before_the_registry_check() {
        build_and_execute(|| {
            assert_noop!(
                Identity::update_citizen(RuntimeOrigin::signed(REGISTRAR), 9, None, KycTier::Basic),
                Error::<Test>::CitizenNotFound
            );
        });
    }
}

mod registration_caps {
    use super::*;
    use crate::{CitizenRegistrationCaps, RegistrationCaps};

    const SECOND_REGISTRAR: u64 = 3;

    fn caps(per_officer: u32, per_institution: u32) {
        assert_ok!(Identity::set_registration_caps(
            RuntimeOrigin::root(),
            per_officer,
            per_institution
        ));
    }

    #[test]
    fn the_council_sets_the_caps() {
        build_and_execute(|| {
            caps(2, 3);
            assert_eq!(
                CitizenRegistrationCaps::<Test>::get(),
                RegistrationCaps {
                    per_officer: 2,
                    per_institution: 3
                }
            );
            System::assert_last_event(
                Event::RegistrationCapsSet {
                    per_officer: 2,
                    per_institution: 3,
                }
                .into(),
            );
            assert_noop!(
                Identity::set_registration_caps(RuntimeOrigin::signed(ADMIN), 1, 1),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn an_officer_registers_at_most_its_cap_per_period() {
        build_and_execute(|| {
            // The registrar registered the set-up's citizen in this period already.
            caps(2, 10);
            assert_ok!(register(PERSON, 2));
            assert_noop!(
                register(PERSON + 1, 3),
                Error::<Test>::OfficerRegistrationCapReached
            );
            // The next period (blocks 10 to 19) starts afresh.
            System::set_block_number(10);
            assert_ok!(register(PERSON + 1, 3));
        });
    }

    #[test]
    fn an_institutions_officers_together_register_at_most_its_cap() {
        build_and_execute(|| {
            appoint(CIVIL_REGISTRY, SECOND_REGISTRAR);
            caps(10, 2);
            assert_ok!(register(PERSON, 2));
            assert_noop!(
                Identity::register_citizen(
                    RuntimeOrigin::signed(SECOND_REGISTRAR),
                    PERSON + 1,
                    national_id(3),
                    None,
                    KycTier::Basic,
                ),
                Error::<Test>::InstitutionRegistrationCapReached
            );
        });
    }

    #[test]
    fn revoking_and_reappointing_does_not_reset_an_officers_count() {
        build_and_execute(|| {
            caps(1, 10);
            assert_ok!(Identity::revoke_officer(
                RuntimeOrigin::signed(ADMIN),
                REGISTRAR
            ));
            appoint(CIVIL_REGISTRY, REGISTRAR);
            assert_noop!(
                register(PERSON, 2),
                Error::<Test>::OfficerRegistrationCapReached
            );
        });
    }
}
