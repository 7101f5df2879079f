//! The council registers institutions, gives and takes roles, suspends and restores them.

use crate::{
    mock::*, Error, Event, Institution, InstitutionByCode, InstitutionKind, InstitutionStatus,
    Institutions, NextInstitutionId,
};
use frame_support::{assert_noop, assert_ok};
use govchain_primitives::identity::{IdentityProvider, Role};
use sp_core::H256;
use sp_runtime::DispatchError;

fn register(short_code: &str, role_list: &[Role]) -> sp_runtime::DispatchResult {
    Identity::register_institution(
        RuntimeOrigin::root(),
        InstitutionKind::Ministry,
        code(short_code),
        H256::repeat_byte(0x1a),
        ADMIN,
        roles(role_list),
    )
}

mod register_institution {
    use super::*;

    #[test]
    fn council_registers_an_active_institution_with_its_roles() {
        build_and_execute(|| {
            assert_ok!(register("LAND-1", &[Role::LandRegistrar, Role::Court]));

            let record = Institutions::<Test>::get(1).unwrap();
            assert_eq!(record.status, InstitutionStatus::Active);
            assert_eq!(record.admin, ADMIN);
            assert_eq!(record.officers, 0);
            assert!(record.roles.contains(&Role::LandRegistrar));
            assert!(record.roles.contains(&Role::Court));
            assert_eq!(InstitutionByCode::<Test>::get(code("LAND-1")), Some(1));
            System::assert_last_event(
                Event::InstitutionRegistered {
                    institution: 1,
                    kind: InstitutionKind::Ministry,
                    short_code: code("LAND-1"),
                    admin: ADMIN,
                    roles: roles(&[Role::LandRegistrar, Role::Court]),
                }
                .into(),
            );
        });
    }

    #[test]
    fn an_institution_may_start_without_roles() {
        build_and_execute(|| {
            assert_ok!(register("ARCHIVE", &[]));
            assert!(Institutions::<Test>::get(1).unwrap().roles.is_empty());
        });
    }

    #[test]
    fn a_signed_account_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::register_institution(
                    RuntimeOrigin::signed(ADMIN),
                    InstitutionKind::Ministry,
                    code("LAND"),
                    H256::zero(),
                    ADMIN,
                    roles(&[]),
                ),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn an_empty_or_malformed_short_code_is_refused() {
        build_and_execute(|| {
            for bad in ["", "land", "LAND REG", "LAND_REG", "ÄMT"] {
                assert_noop!(register(bad, &[]), Error::<Test>::InvalidShortCode);
            }
        });
    }

    #[test]
    fn a_taken_short_code_is_refused() {
        build_and_execute(|| {
            assert_noop!(register("CRA", &[]), Error::<Test>::ShortCodeTaken);
        });
    }

    #[test]
    fn a_repeated_role_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                register(
                    "LAND",
                    &[Role::LandRegistrar, Role::Court, Role::LandRegistrar]
                ),
                Error::<Test>::DuplicateRole
            );
        });
    }

    #[test]
    fn an_auditor_that_is_also_the_central_bank_is_refused() {
        build_and_execute(|| {
            for roles in [
                [Role::Auditor, Role::CentralBank],
                [Role::CentralBank, Role::Auditor],
            ] {
                assert_noop!(register("AUDIT", &roles), Error::<Test>::IncompatibleRoles);
            }
            assert_ok!(register("AUDIT", &[Role::Auditor, Role::Court]));
        });
    }

    #[test]
    fn registration_stops_when_ids_run_out() {
        build_and_execute(|| {
            NextInstitutionId::<Test>::put(u32::MAX);
            assert_noop!(register("LAND", &[]), Error::<Test>::IdsExhausted);
        });
    }
}

mod roles {
    use super::*;

    #[test]
    fn council_grants_a_role_and_officers_gain_it_at_once() {
        build_and_execute(|| {
            assert!(Identity::ensure_role(&REGISTRAR, Role::Court).is_err());
            assert_ok!(Identity::grant_role(
                RuntimeOrigin::root(),
                CIVIL_REGISTRY,
                Role::Court
            ));
            assert_eq!(
                Identity::ensure_role(&REGISTRAR, Role::Court),
                Ok(CIVIL_REGISTRY)
            );
            System::assert_last_event(
                Event::RoleGranted {
                    institution: CIVIL_REGISTRY,
                    role: Role::Court,
                }
                .into(),
            );
        });
    }

    #[test]
    fn council_revokes_a_role_and_officers_lose_it_at_once() {
        build_and_execute(|| {
            assert_ok!(Identity::revoke_role(
                RuntimeOrigin::root(),
                CIVIL_REGISTRY,
                Role::CivilRegistry
            ));
            assert_eq!(
                Identity::ensure_role(&REGISTRAR, Role::CivilRegistry),
                Err(Error::<Test>::RoleNotHeld.into())
            );
            System::assert_last_event(
                Event::RoleRevoked {
                    institution: CIVIL_REGISTRY,
                    role: Role::CivilRegistry,
                }
                .into(),
            );
        });
    }

    #[test]
    fn role_changes_need_the_council() {
        build_and_execute(|| {
            assert_noop!(
                Identity::grant_role(RuntimeOrigin::signed(ADMIN), CIVIL_REGISTRY, Role::Court),
                DispatchError::BadOrigin
            );
            assert_noop!(
                Identity::revoke_role(
                    RuntimeOrigin::signed(ADMIN),
                    CIVIL_REGISTRY,
                    Role::CivilRegistry
                ),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn roles_of_an_unknown_institution_are_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::grant_role(RuntimeOrigin::root(), 9, Role::Court),
                Error::<Test>::InstitutionNotFound
            );
            assert_noop!(
                Identity::revoke_role(RuntimeOrigin::root(), 9, Role::Court),
                Error::<Test>::InstitutionNotFound
            );
        });
    }

    #[test]
    fn granting_a_held_role_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::grant_role(RuntimeOrigin::root(), CIVIL_REGISTRY, Role::CivilRegistry),
                Error::<Test>::RoleAlreadyHeld
            );
        });
    }

    #[test]
    fn granting_the_central_bank_the_auditor_role_is_refused_and_the_reverse() {
        build_and_execute(|| {
            assert_ok!(register("BANK", &[Role::CentralBank]));
            assert_ok!(register("AUDIT", &[Role::Auditor]));
            let (bank, audit) = (
                InstitutionByCode::<Test>::get(code("BANK")).unwrap(),
                InstitutionByCode::<Test>::get(code("AUDIT")).unwrap(),
            );

            assert_noop!(
                Identity::grant_role(RuntimeOrigin::root(), bank, Role::Auditor),
                Error::<Test>::IncompatibleRoles
            );
            assert_noop!(
                Identity::grant_role(RuntimeOrigin::root(), audit, Role::CentralBank),
                Error::<Test>::IncompatibleRoles
            );
        });
    }

    #[test]
    fn revoking_a_role_not_held_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::revoke_role(RuntimeOrigin::root(), CIVIL_REGISTRY, Role::Court),
                Error::<Test>::RoleNotHeld
            );
        });
    }
}

mod status {
    use super::*;

    #[test]
    fn a_suspended_institution_s_officers_are_refused_until_it_is_restored() {
        build_and_execute(|| {
            assert_ok!(Identity::suspend_institution(
                RuntimeOrigin::root(),
                CIVIL_REGISTRY
            ));
            System::assert_last_event(
                Event::InstitutionSuspended {
                    institution: CIVIL_REGISTRY,
                }
                .into(),
            );
            assert_eq!(
                Identity::ensure_role(&REGISTRAR, Role::CivilRegistry),
                Err(Error::<Test>::InstitutionSuspended.into())
            );
            assert_noop!(
                Identity::register_citizen(
                    RuntimeOrigin::signed(REGISTRAR),
                    50,
                    national_id(50),
                    None,
                    govchain_primitives::identity::KycTier::Basic
                ),
                Error::<Test>::InstitutionSuspended
            );

            assert_ok!(Identity::restore_institution(
                RuntimeOrigin::root(),
                CIVIL_REGISTRY
            ));
            System::assert_last_event(
                Event::InstitutionRestored {
                    institution: CIVIL_REGISTRY,
                }
                .into(),
            );
            assert_eq!(
                Identity::ensure_role(&REGISTRAR, Role::CivilRegistry),
                Ok(CIVIL_REGISTRY)
            );
        });
    }

    #[test]
    fn status_changes_need_the_council() {
        build_and_execute(|| {
            assert_noop!(
                Identity::suspend_institution(RuntimeOrigin::signed(ADMIN), CIVIL_REGISTRY),
                DispatchError::BadOrigin
            );
            assert_noop!(
                Identity::restore_institution(RuntimeOrigin::signed(ADMIN), CIVIL_REGISTRY),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn status_of_an_unknown_institution_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::suspend_institution(RuntimeOrigin::root(), 9),
                Error::<Test>::InstitutionNotFound
            );
            assert_noop!(
                Identity::restore_institution(RuntimeOrigin::root(), 9),
                Error::<Test>::InstitutionNotFound
            );
        });
    }

    #[test]
    fn suspending_twice_is_refused() {
        build_and_execute(|| {
            assert_ok!(Identity::suspend_institution(
                RuntimeOrigin::root(),
                CIVIL_REGISTRY
            ));
            assert_noop!(
                Identity::suspend_institution(RuntimeOrigin::root(), CIVIL_REGISTRY),
                Error::<Test>::InstitutionSuspended
            );
        });
    }

    #[test]
    fn restoring_an_active_institution_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::restore_institution(RuntimeOrigin::root(), CIVIL_REGISTRY),
                Error::<Test>::InstitutionNotSuspended
            );
        });
    }
}

mod admin {
    use super::*;

    #[test]
    fn council_hands_the_institution_to_a_new_admin() {
        build_and_execute(|| {
            assert_ok!(Identity::set_institution_admin(
                RuntimeOrigin::root(),
                CIVIL_REGISTRY,
                30
            ));
            assert_eq!(Institutions::<Test>::get(CIVIL_REGISTRY).unwrap().admin, 30);
            System::assert_last_event(
                Event::InstitutionAdminChanged {
                    institution: CIVIL_REGISTRY,
                    admin: 30,
                }
                .into(),
            );
            // The old admin can no longer appoint; the new one can.
            assert_noop!(
                Identity::appoint_officer(RuntimeOrigin::signed(ADMIN), CIVIL_REGISTRY, 31, 50),
                Error::<Test>::NotInstitutionAdmin
            );
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(30),
                CIVIL_REGISTRY,
                31,
                50
            ));
        });
    }

    #[test]
    fn the_admin_cannot_replace_itself() {
        build_and_execute(|| {
            assert_noop!(
                Identity::set_institution_admin(RuntimeOrigin::signed(ADMIN), CIVIL_REGISTRY, 30),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn an_unknown_institution_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::set_institution_admin(RuntimeOrigin::root(), 9, 30),
                Error::<Test>::InstitutionNotFound
            );
        });
    }
}

#[test]
fn records_are_bounded() {
    use codec::MaxEncodedLen;
    // Every stored record has a fixed worst-case size.
    assert!(Institution::<u64>::max_encoded_len() < 1_024);
    assert!(crate::Citizen::<u64, u64>::max_encoded_len() < 1_024);
}
