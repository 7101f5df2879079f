//! Dual control in the national preset: one central-bank officer alone cannot record the reserve,
//! set a bank's quota or mint; a second officer's approval completes each act. An institution's
//! admin alone cannot appoint officers either.

use super::{
    account, assert_invariants, pass_council_motion, preset_externalities, register_institution,
};
use crate::{configs::cbdc::CBDC_UNIT, Cbdc, Identity, RuntimeCall, RuntimeOrigin, System};
use frame_support::{assert_ok, weights::Weight, BoundedVec};
use govchain_primitives::identity::Role;
use pallet_cbdc_reserve::{AssetClass, Attestation, BankQuotas, ReserveValue, TotalSupply};
use pallet_identity_registry::{Event as IdentityEvent, Officers, PendingActions};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::Dave;

/// The council's call appointing `officer` to `institution` for 30 days.
fn appoint(institution: u32, officer: &crate::AccountId) -> RuntimeCall {
    RuntimeCall::Identity(pallet_identity_registry::Call::appoint_officer {
        institution,
        officer: officer.clone(),
        expires_at: System::block_number() + 30 * crate::DAYS,
    })
}

/// The id the next pending action gets.
fn next_action() -> u64 {
    pallet_identity_registry::NextActionId::<crate::Runtime>::get()
}

/// `officer` approves pending action `action`, allowing any weight.
fn approve(officer: &crate::AccountId, action: u64) {
    assert_ok!(Identity::approve_action(
        RuntimeOrigin::signed(officer.clone()),
        action,
        Weight::MAX
    ));
    System::assert_has_event(
        IdentityEvent::ActionExecuted {
            action,
            result: Ok(()),
        }
        .into(),
    );
}

#[test]
fn one_central_bank_officer_alone_cannot_mint_a_second_completes_it() {
    preset_externalities("national_testnet").execute_with(|| {
        let (maker, checker, banker) = (
            account("Governor"),
            account("Deputy-governor"),
            account("Banker"),
        );
        let signed = |who: &crate::AccountId| RuntimeOrigin::signed(who.clone());
        let unit = |units: u128| units * CBDC_UNIT;

        // The council registers the central bank and a commercial bank and appoints their first
        // officers: their admin alone cannot.
        pass_council_motion(RuntimeCall::Utility(pallet_utility::Call::batch_all {
            calls: vec![
                register_institution("CB", vec![Role::CentralBank]),
                register_institution("BANK", vec![Role::CommercialBank]),
                appoint(0, &maker),
                appoint(0, &checker),
                appoint(1, &banker),
            ],
        }));
        let newcomer = account("Newcomer");
        let proposed = next_action();
        assert_ok!(Identity::appoint_officer(
            signed(&Dave.to_account_id()),
            0,
            newcomer.clone(),
            System::block_number() + crate::DAYS
        ));
        assert!(!Officers::<crate::Runtime>::contains_key(&newcomer));
        assert!(PendingActions::<crate::Runtime>::contains_key(proposed));

        // The reserve is recorded by two officers.
        let action = next_action();
        assert_ok!(Cbdc::record_reserve_asset(
            signed(&maker),
            AssetClass::Gold,
            BoundedVec::truncate_from(b"XAU".to_vec()),
            12_000_000,
            unit(1_000_000),
            Attestation {
                report_hash: H256::repeat_byte(0xa1),
                date: 20_600
            },
        ));
        assert_eq!(ReserveValue::<crate::Runtime>::get(), 0);
        approve(&checker, action);
        assert_eq!(ReserveValue::<crate::Runtime>::get(), unit(1_000_000));

        // So is the bank's quota.
        let action = next_action();
        assert_ok!(Cbdc::set_bank_quota(signed(&maker), 1, unit(500_000)));
        assert!(!BankQuotas::<crate::Runtime>::contains_key(1));
        approve(&checker, action);

        // One officer's mint is only a pending action; nothing is issued…
        let action = next_action();
        assert_ok!(Cbdc::mint(signed(&maker), 1, unit(200_000)));
        assert_eq!(TotalSupply::<crate::Runtime>::get(), 0);
        // …the maker cannot approve its own act…
        assert!(Identity::approve_action(signed(&maker), action, Weight::MAX).is_err());
        // …the second officer completes it.
        approve(&checker, action);
        assert_eq!(TotalSupply::<crate::Runtime>::get(), unit(200_000));
        assert_eq!(
            pallet_cbdc_reserve::Balances::<crate::Runtime>::get(
                govchain_primitives::identity::Party::Institution(1)
            ),
            Some(unit(200_000))
        );
        assert_invariants();
    });
}
