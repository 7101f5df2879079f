//! Every preset builds a genesis whose consensus and governance are consistent.

use super::{assert_invariants, preset_externalities};
use crate::{genesis_config_presets::preset_names, Runtime};
use sp_keyring::Sr25519Keyring;

#[test]
fn every_preset_builds_a_consistent_genesis() {
    let names = preset_names();
    assert_eq!(names.len(), 3);
    for name in names {
        preset_externalities(&name).execute_with(|| {
            let validators = pallet_validator_set::Validators::<Runtime>::get();
            let aura = pallet_aura::Authorities::<Runtime>::get();
            let grandpa = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities();
            let session = pallet_session::Validators::<Runtime>::get();
            assert!(!validators.is_empty(), "{name}: no validators");
            assert_eq!(aura.len(), validators.len(), "{name}: Aura authorities");
            assert_eq!(
                grandpa.len(),
                validators.len(),
                "{name}: GRANDPA authorities"
            );
            assert_eq!(
                session,
                validators.clone().into_inner(),
                "{name}: session validators"
            );
            let council =
                pallet_collective::Members::<Runtime, crate::configs::CouncilCollective>::get();
            assert!(!council.is_empty(), "{name}: no council");
            assert_invariants();
        });
    }
}

#[test]
fn development_has_alice_as_sole_validator_and_council() {
    preset_externalities("development").execute_with(|| {
        let alice = Sr25519Keyring::Alice.to_account_id();
        assert_eq!(
            pallet_validator_set::Validators::<Runtime>::get().into_inner(),
            vec![alice.clone()]
        );
        assert_eq!(
            pallet_collective::Members::<Runtime, crate::configs::CouncilCollective>::get(),
            vec![alice]
        );
    });
}

#[test]
fn local_testnet_has_four_validators_and_a_council_of_three() {
    preset_externalities("local_testnet").execute_with(|| {
        assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 4);
        assert_eq!(pallet_validator_set::MinValidators::<Runtime>::get(), 3);
        assert_eq!(
            pallet_collective::Members::<Runtime, crate::configs::CouncilCollective>::get().len(),
            3
        );
    });
}

#[test]
fn national_testnet_puts_the_sensitive_acts_under_dual_control() {
    use govchain_primitives::{dual_control::ActionClass, identity::Role};
    use pallet_identity_registry::ApprovalThresholds;
    preset_externalities("national_testnet").execute_with(|| {
        for (role, class) in [
            (Role::CentralBank, ActionClass::Minting),
            (Role::CentralBank, ActionClass::BankQuota),
            (Role::CentralBank, ActionClass::ReserveRecord),
            (Role::Court, ActionClass::CourtOrder),
            (Role::CivilRegistry, ActionClass::CitizenMove),
            (Role::CivilRegistry, ActionClass::CitizenDeactivation),
        ] {
            assert_eq!(
                ApprovalThresholds::<Runtime>::get(role, class),
                2,
                "{role:?} {class:?}"
            );
        }
        for role in Role::ALL {
            assert_eq!(
                ApprovalThresholds::<Runtime>::get(role, ActionClass::OfficerAppointment),
                2
            );
        }
        assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 4);
        assert_eq!(
            pallet_identity_registry::CitizenRegistrationCaps::<Runtime>::get(),
            crate::configs::national_policy::REGISTRATION_CAPS
        );
    });
    for preset in ["development", "local_testnet"] {
        preset_externalities(preset).execute_with(|| {
            assert_eq!(ApprovalThresholds::<Runtime>::iter().count(), 0, "{preset}");
        });
    }
}

#[test]
fn an_unknown_preset_is_none() {
    assert!(crate::genesis_config_presets::get_preset(&"mainnet".into()).is_none());
}
