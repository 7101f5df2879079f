//! What other pallets learn through `IdentityProvider`.

use crate::{mock::*, Error};
use frame_support::assert_ok;
use govchain_primitives::identity::{IdentityProvider, KycTier, Party, Role};

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

#[test]
fn an_active_officer_acts_for_its_institution_whatever_its_roles() {
    build_and_execute(|| {
        let registry = Party::Institution(CIVIL_REGISTRY);
        assert_eq!(
            Identity::officer_institution(&REGISTRAR),
            Ok(CIVIL_REGISTRY)
        );
        assert!(Identity::acts_for(&REGISTRAR, &registry));
        assert!(!Identity::acts_for(&REGISTRAR, &Party::Institution(9)));
        assert_eq!(
            Identity::officer_institution(&CITIZEN),
            Err(Error::<Test>::NotOfficer.into())
        );
        System::set_block_number(REGISTRAR_EXPIRES);
        assert_eq!(
            Identity::officer_institution(&REGISTRAR),
            Err(Error::<Test>::OfficerExpired.into())
        );
        assert!(!Identity::acts_for(&REGISTRAR, &registry));
    });
}

#[test]
fn a_party_is_active_while_its_citizen_or_institution_is() {
    build_and_execute(|| {
        let registry = Party::Institution(CIVIL_REGISTRY);
        let citizen = Party::Citizen(CITIZEN_ID);
        assert!(Identity::party_is_active(&registry));
        assert!(Identity::party_is_active(&citizen));
        assert!(Identity::acts_for(&CITIZEN, &citizen));
        assert!(!Identity::acts_for(&NOBODY, &citizen));
        assert!(!Identity::party_is_active(&Party::Citizen(9)));
        assert!(!Identity::party_is_active(&Party::Institution(9)));
        assert_ok!(Identity::suspend_institution(
            RuntimeOrigin::root(),
            CIVIL_REGISTRY
        ));
        assert!(!Identity::institution_is_active(CIVIL_REGISTRY));
        assert!(!Identity::party_is_active(&registry));
        assert_eq!(
            Identity::officer_institution(&REGISTRAR),
            Err(Error::<Test>::InstitutionSuspended.into())
        );
    });
}

/// Other pallets' tests use the shared mock of this pallet (`govchain_primitives::mock`); its
/// refusals must be this pallet's errors, by index and name, so those tests expect what their
/// calls return in the runtime.
#[test]
fn the_shared_mock_refuses_with_this_pallets_errors() {
    use codec::Decode;
    use govchain_primitives::mock::IdentityError;
    use sp_runtime::DispatchError;

    for mock in IdentityError::ALL {
        let real = Error::<Test>::decode(&mut &[mock.index()][..])
            .unwrap_or_else(|_| panic!("{mock:?}'s index names an error of this pallet"));
        let (DispatchError::Module(real), DispatchError::Module(mocked)) =
            (DispatchError::from(real), DispatchError::from(mock))
        else {
            panic!("both are module errors");
        };
        assert_eq!(real.message, Some(mock.name()), "{mock:?}");
        assert_eq!(real.error, mocked.error, "{mock:?}");
        assert_eq!(mocked.message, Some(mock.name()), "{mock:?}");
    }
}
