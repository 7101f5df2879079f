//! What other pallets learn through `IdentityProvider`.

use crate::{mock::*, Error};
use frame_support::assert_ok;
use govchain_primitives::identity::{IdentityProvider, KycTier, Role};

#[test]
fn an_active_officer_gets_its_institution_for_a_role_it_holds() {
    build_and_execute(|| {
        assert_eq!(
            Identity::ensure_role(&REGISTRAR, Role::CivilRegistry),
            Ok(CIVIL_REGISTRY)
        );
        assert_eq!(
            Identity::ensure_role(&REGISTRAR, Role::LandRegistrar),
            Err(Error::<Test>::RoleNotHeld.into())
        );
        assert_eq!(
            Identity::ensure_role(&CITIZEN, Role::CivilRegistry),
            Err(Error::<Test>::NotOfficer.into())
        );
    });
}

#[test]
fn institution_roles_count_only_while_active() {
    build_and_execute(|| {
        assert!(Identity::institution_has_role(
            CIVIL_REGISTRY,
            Role::CivilRegistry
        ));
        assert!(!Identity::institution_has_role(CIVIL_REGISTRY, Role::Court));
        assert!(!Identity::institution_has_role(9, Role::CivilRegistry));
        assert_ok!(Identity::suspend_institution(
            RuntimeOrigin::root(),
            CIVIL_REGISTRY
        ));
        assert!(!Identity::institution_has_role(
            CIVIL_REGISTRY,
            Role::CivilRegistry
        ));
    });
}

#[test]
fn a_citizen_s_account_tier_and_region_are_known() {
    build_and_execute(|| {
        assert_eq!(Identity::citizen_of(&CITIZEN), Some(CITIZEN_ID));
        assert_eq!(Identity::citizen_of(&NOBODY), None);
        assert_eq!(Identity::account_of(CITIZEN_ID), Some(CITIZEN));
        assert_eq!(Identity::account_of(9), None);
        assert_eq!(Identity::kyc_tier(CITIZEN_ID), Some(KycTier::Standard));
        assert_eq!(Identity::region(CITIZEN_ID), Some(CITIZEN_REGION));
        assert_eq!(Identity::region(9), None);
    });
}
