//! Admins (or the council) appoint officers until an expiry block and revoke them at once.

use crate::{
    mock::*, Error, Event, FeeFreeIdentity, FeeFreeUsage, Institutions, Officer, Officers,
};
use frame_support::{assert_noop, assert_ok};
use govchain_primitives::identity::{IdentityProvider, KycTier, Role};
use sp_runtime::DispatchError;

const NEW_OFFICER: u64 = 3;

fn officers_of_registry() -> u32 {
    Institutions::<Test>::get(CIVIL_REGISTRY).unwrap().officers
}

mod appoint_officer {
    use super::*;

    #[test]
    fn the_admin_appoints_an_officer_who_may_act_at_once() {
        build_and_execute(|| {
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                CIVIL_REGISTRY,
                NEW_OFFICER,
                60
            ));
            assert_eq!(
                Officers::<Test>::get(NEW_OFFICER),
                Some(Officer {
                    institution: CIVIL_REGISTRY,
                    expires_at: 60
                })
            );
            assert_eq!(officers_of_registry(), 2);
            assert_eq!(
                Identity::ensure_role(&NEW_OFFICER, Role::CivilRegistry),
                Ok(CIVIL_REGISTRY)
            );
            // The appointment makes the account exist without any funds.
            assert_eq!(System::sufficients(&NEW_OFFICER), 1);
            System::assert_last_event(
                Event::OfficerAppointed {
                    institution: CIVIL_REGISTRY,
                    officer: NEW_OFFICER,
                    expires_at: 60,
                }
                .into(),
            );
        });
    }

    #[test]
    fn the_council_appoints_without_being_admin() {
        build_and_execute(|| {
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::root(),
                CIVIL_REGISTRY,
                NEW_OFFICER,
                60
            ));
            assert!(Officers::<Test>::contains_key(NEW_OFFICER));
        });
    }

    #[test]
    fn re_appointing_renews_the_term_without_counting_twice() {
        build_and_execute(|| {
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                CIVIL_REGISTRY,
                REGISTRAR,
                500
            ));
            assert_eq!(Officers::<Test>::get(REGISTRAR).unwrap().expires_at, 500);
            assert_eq!(officers_of_registry(), 1);
            assert_eq!(System::sufficients(&REGISTRAR), 1);
        });
    }

    #[test]
    fn an_account_that_is_not_admin_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::appoint_officer(
                    RuntimeOrigin::signed(REGISTRAR),
                    CIVIL_REGISTRY,
                    NEW_OFFICER,
                    60
                ),
                Error::<Test>::NotInstitutionAdmin
            );
        });
    }

    #[test]
    fn an_unsigned_origin_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::appoint_officer(RuntimeOrigin::none(), CIVIL_REGISTRY, NEW_OFFICER, 60),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn an_unknown_institution_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::appoint_officer(RuntimeOrigin::signed(ADMIN), 9, NEW_OFFICER, 60),
                Error::<Test>::InstitutionNotFound
            );
            assert_noop!(
                Identity::appoint_officer(RuntimeOrigin::root(), 9, NEW_OFFICER, 60),
                Error::<Test>::InstitutionNotFound
            );
        });
    }

    #[test]
    fn a_suspended_institution_cannot_appoint() {
        build_and_execute(|| {
            assert_ok!(Identity::suspend_institution(
                RuntimeOrigin::root(),
                CIVIL_REGISTRY
            ));
            assert_noop!(
                Identity::appoint_officer(
                    RuntimeOrigin::signed(ADMIN),
                    CIVIL_REGISTRY,
                    NEW_OFFICER,
                    60
                ),
                Error::<Test>::InstitutionSuspended
            );
        });
    }

    #[test]
    fn an_expiry_not_after_the_current_block_is_refused() {
        build_and_execute(|| {
            System::set_block_number(20);
            for expires_at in [0, 19, 20] {
                assert_noop!(
                    Identity::appoint_officer(
                        RuntimeOrigin::signed(ADMIN),
                        CIVIL_REGISTRY,
                        NEW_OFFICER,
                        expires_at
                    ),
                    Error::<Test>::ExpiryNotInFuture
                );
            }
        });
    }

    #[test]
    fn a_term_beyond_the_maximum_is_refused() {
        build_and_execute(|| {
            // Block 1 plus the 1 000-block maximum term is the latest expiry.
            assert_noop!(
                Identity::appoint_officer(
                    RuntimeOrigin::signed(ADMIN),
                    CIVIL_REGISTRY,
                    NEW_OFFICER,
                    1_002
                ),
                Error::<Test>::TermTooLong
            );
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                CIVIL_REGISTRY,
                NEW_OFFICER,
                1_001
            ));
        });
    }

    #[test]
    fn an_institution_cannot_exceed_its_officer_limit() {
        build_and_execute(|| {
            // The registrar is the first of at most four.
            for officer in [3, 4, 5] {
                assert_ok!(Identity::appoint_officer(
                    RuntimeOrigin::signed(ADMIN),
                    CIVIL_REGISTRY,
                    officer,
                    60
                ));
            }
            assert_noop!(
                Identity::appoint_officer(RuntimeOrigin::root(), CIVIL_REGISTRY, 6, 60),
                Error::<Test>::TooManyOfficers
            );
            // Renewing one of the four is no new officer.
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                CIVIL_REGISTRY,
                3,
                70
            ));
        });
    }

    #[test]
    fn an_officer_whose_appointment_expired_elsewhere_may_be_appointed() {
        build_and_execute(|| {
            register_second_institution("COURT", Role::Court);
            System::set_block_number(REGISTRAR_EXPIRES);
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                1,
                REGISTRAR,
                REGISTRAR_EXPIRES + 10
            ));
            assert_eq!(Identity::ensure_role(&REGISTRAR, Role::Court), Ok(1));
            assert_eq!(officers_of_registry(), 0);
            assert_eq!(Institutions::<Test>::get(1).unwrap().officers, 1);
            assert_eq!(System::sufficients(&REGISTRAR), 1);
        });
    }

    #[test]
    fn an_officer_of_another_institution_is_refused() {
        build_and_execute(|| {
            register_second_institution("COURT", Role::Court);
            assert_noop!(
                Identity::appoint_officer(RuntimeOrigin::signed(ADMIN), 1, REGISTRAR, 60),
                Error::<Test>::OfficerOfAnotherInstitution
            );
        });
    }
}

mod revoke_officer {
    use super::*;

    #[test]
    fn the_admin_revokes_and_the_officer_is_refused_at_once() {
        build_and_execute(|| {
            assert_ok!(Identity::revoke_officer(
                RuntimeOrigin::signed(ADMIN),
                REGISTRAR
            ));
            assert!(!Officers::<Test>::contains_key(REGISTRAR));
            assert_eq!(officers_of_registry(), 0);
            assert_eq!(System::sufficients(&REGISTRAR), 0);
            System::assert_last_event(
                Event::OfficerRevoked {
                    institution: CIVIL_REGISTRY,
                    officer: REGISTRAR,
                }
                .into(),
            );
            assert_noop!(
                Identity::register_citizen(
                    RuntimeOrigin::signed(REGISTRAR),
                    50,
                    national_id(50),
                    None,
                    KycTier::Basic
                ),
                Error::<Test>::NotOfficer
            );
        });
    }

    #[test]
    fn the_council_revokes_any_officer() {
        build_and_execute(|| {
            assert_ok!(Identity::revoke_officer(RuntimeOrigin::root(), REGISTRAR));
            assert!(!Officers::<Test>::contains_key(REGISTRAR));
        });
    }

    #[test]
    fn revoking_and_re_appointing_does_not_refill_the_quota() {
        build_and_execute(|| {
            Identity::use_quota(&crate::FeeFreeSlot::Officer {
                officer: REGISTRAR,
                institution: CIVIL_REGISTRY,
            });
            assert_ok!(Identity::revoke_officer(
                RuntimeOrigin::signed(ADMIN),
                REGISTRAR
            ));
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                CIVIL_REGISTRY,
                REGISTRAR,
                60
            ));
            assert_eq!(
                Identity::quota_used(&FeeFreeIdentity::Officer(REGISTRAR)),
                1
            );
        });
    }

    #[test]
    fn revocation_clears_usage_of_past_periods() {
        build_and_execute(|| {
            Identity::use_quota(&crate::FeeFreeSlot::Officer {
                officer: REGISTRAR,
                institution: CIVIL_REGISTRY,
            });
            System::set_block_number(QuotaPeriod::get() + 1);
            assert_ok!(Identity::revoke_officer(
                RuntimeOrigin::signed(ADMIN),
                REGISTRAR
            ));
            assert!(!FeeFreeUsage::<Test>::contains_key(
                FeeFreeIdentity::Officer(REGISTRAR)
            ));
        });
    }

    #[test]
    fn a_revoked_officer_that_transacted_keeps_its_nonce() {
        build_and_execute(|| {
            System::inc_account_nonce(REGISTRAR);
            assert_ok!(Identity::revoke_officer(
                RuntimeOrigin::signed(ADMIN),
                REGISTRAR
            ));
            // Deleting the account would restart its nonce at zero and let its old transactions
            // be replayed after a re-appointment.
            assert!(System::account_exists(&REGISTRAR));
            assert_eq!(System::account_nonce(REGISTRAR), 1);
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                CIVIL_REGISTRY,
                REGISTRAR,
                60
            ));
            assert_eq!(System::account_nonce(REGISTRAR), 1);
        });
    }

    #[test]
    fn an_account_that_is_not_an_officer_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::revoke_officer(RuntimeOrigin::signed(ADMIN), NEW_OFFICER),
                Error::<Test>::NotOfficer
            );
        });
    }

    #[test]
    fn only_the_officer_s_admin_may_revoke() {
        build_and_execute(|| {
            assert_noop!(
                Identity::revoke_officer(RuntimeOrigin::signed(REGISTRAR), REGISTRAR),
                Error::<Test>::NotInstitutionAdmin
            );
            assert_noop!(
                Identity::revoke_officer(RuntimeOrigin::none(), REGISTRAR),
                DispatchError::BadOrigin
            );
            assert_noop!(
                Identity::revoke_officer(RuntimeOrigin::none(), NEW_OFFICER),
                DispatchError::BadOrigin
            );
        });
    }
}

mod expiry {
    use super::*;

    #[test]
    fn an_expired_officer_is_refused_without_any_clean_up_call() {
        build_and_execute(|| {
            System::set_block_number(REGISTRAR_EXPIRES - 1);
            assert_eq!(
                Identity::ensure_role(&REGISTRAR, Role::CivilRegistry),
                Ok(CIVIL_REGISTRY)
            );

            System::set_block_number(REGISTRAR_EXPIRES);
            assert_eq!(
                Identity::ensure_role(&REGISTRAR, Role::CivilRegistry),
                Err(Error::<Test>::OfficerExpired.into())
            );
            assert_noop!(
                Identity::register_citizen(
                    RuntimeOrigin::signed(REGISTRAR),
                    50,
                    national_id(50),
                    None,
                    KycTier::Basic
                ),
                Error::<Test>::OfficerExpired
            );
        });
    }

    #[test]
    fn renewing_an_expired_officer_lets_it_act_again() {
        build_and_execute(|| {
            System::set_block_number(REGISTRAR_EXPIRES + 5);
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                CIVIL_REGISTRY,
                REGISTRAR,
                REGISTRAR_EXPIRES + 50
            ));
            assert_eq!(
                Identity::ensure_role(&REGISTRAR, Role::CivilRegistry),
                Ok(CIVIL_REGISTRY)
            );
        });
    }
}
