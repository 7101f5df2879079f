//! The digital currency in the real runtime: the central bank, a commercial bank, a court and
//! the civil registry from the identity pallet; a reserve, a mint, a bank crediting citizens,
//! citizens paying each other within their tier's limits, a court freeze, the council changing a
//! limit, and the runtime API that the node's `cbdc_*` RPC methods serve.

use super::{
    account, assert_invariants, attest_reserve_asset, audit_chamber, pass_council_motion,
    preset_externalities, register_institution,
};
use crate::{
    configs::cbdc::CBDC_UNIT, Cbdc, Identity, Runtime, RuntimeCall, RuntimeOrigin, System,
};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use govchain_primitives::identity::{IdentityProvider, KycTier, Party, Role};
use pallet_cbdc_reserve::{AssetClass, Attestation, Error, Limits};
use pallet_cbdc_reserve_runtime_api::runtime_decl_for_cbdc_api::CbdcApiV1;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::Dave;

#[test]
fn money_is_issued_against_the_reserve_and_moves_between_citizens_within_their_limits() {
    preset_externalities("local_testnet").execute_with(|| {
        let (governor, banker, registrar, judge) = (
            account("Governor"),
            account("Banker"),
            account("Registrar"),
            account("Judge"),
        );
        let signed = |who: &crate::AccountId| RuntimeOrigin::signed(who.clone());
        let unit = |units: u128| units * CBDC_UNIT;

        // Given the central bank, a commercial bank, the civil registry and a court…
        pass_council_motion(RuntimeCall::Utility(pallet_utility::Call::batch_all {
            calls: vec![
                register_institution("CB", vec![Role::CentralBank]),
                register_institution("BANK", vec![Role::CommercialBank]),
                register_institution("PSA", vec![Role::CivilRegistry]),
                register_institution("COURT", vec![Role::Court]),
            ],
        }));
        let expires = System::block_number() + 30 * crate::DAYS;
        for (institution, officer) in [(0, &governor), (1, &banker), (2, &registrar), (3, &judge)] {
            assert_ok!(Identity::appoint_officer(
                signed(&Dave.to_account_id()),
                institution,
                officer.clone(),
                expires
            ));
        }
        // …a citizen verified remotely (tier Basic) and one in person (Standard).
        let (alice, bob) = (account("Alice-citizen"), account("Bob-citizen"));
        for (n, who, tier) in [(1u8, &alice, KycTier::Basic), (2, &bob, KycTier::Standard)] {
            assert_ok!(Identity::register_citizen(
                signed(&registrar),
                who.clone(),
                H256::repeat_byte(n),
                None,
                tier
            ));
        }
        let alice_id = Party::Citizen(Identity::citizen_of(&alice).expect("a citizen"));
        let bob_id = Party::Citizen(Identity::citizen_of(&bob).expect("a citizen"));
        let bank = Party::Institution(1);

        // Nothing is minted without reserve.
        assert_ok!(Cbdc::set_bank_quota(signed(&governor), 1, unit(5_000_000)));
        assert_noop!(
            Cbdc::mint(signed(&governor), 1, unit(1)),
            Error::<Runtime>::CoverageExceeded
        );
        assert_ok!(Cbdc::record_reserve_asset(
            signed(&governor),
            AssetClass::Gold,
            BoundedVec::truncate_from(b"XAU".to_vec()),
            12_000_000,
            unit(1_000_000),
            Attestation {
                report_hash: H256::repeat_byte(0xa1),
                date: 20_600
            },
        ));
        // …nor before the audit chamber attests the valuation.
        assert_noop!(
            Cbdc::mint(signed(&governor), 1, unit(1)),
            Error::<Runtime>::UnattestedValuation
        );
        attest_reserve_asset(&audit_chamber(), 0);
        assert_ok!(Cbdc::mint(signed(&governor), 1, unit(1_000_000)));
        assert_noop!(
            Cbdc::mint(signed(&governor), 1, unit(1)),
            Error::<Runtime>::CoverageExceeded
        );

        // The bank credits both; the Basic citizen's cap (100,000) stops a larger credit.
        assert_noop!(
            Cbdc::transfer(signed(&banker), bank, alice_id, unit(100_001)),
            Error::<Runtime>::BalanceCapExceeded
        );
        assert_ok!(Cbdc::transfer(
            signed(&banker),
            bank,
            alice_id,
            unit(50_000)
        ));
        assert_ok!(Cbdc::transfer(signed(&banker), bank, bob_id, unit(300_000)));
        // Bob pays Alice within his daily outflow (200,000), not beyond it.
        assert_ok!(Cbdc::transfer(signed(&bob), bob_id, alice_id, unit(40_000)));
        assert_noop!(
            Cbdc::transfer(signed(&bob), bob_id, bank, unit(160_001)),
            Error::<Runtime>::DailyLimitExceeded
        );
        // Only Alice's own account sends her money.
        assert_noop!(
            Cbdc::transfer(signed(&bob), alice_id, bob_id, unit(1)),
            Error::<Runtime>::NotHolder
        );

        // A court freezes Alice: she neither sends nor receives, and keeps what she has.
        assert_ok!(Cbdc::freeze(
            signed(&judge),
            alice_id,
            H256::repeat_byte(0xc5)
        ));
        assert_noop!(
            Cbdc::transfer(signed(&bob), bob_id, alice_id, unit(1)),
            Error::<Runtime>::ReceiverFrozen
        );
        assert_eq!(Runtime::balance(alice_id).balance, unit(90_000));
        assert_ok!(Cbdc::thaw(signed(&judge), alice_id));

        // The council raises the Basic tier's cap by a motion.
        let raised = Limits {
            balance_cap: unit(200_000),
            daily_outflow: unit(20_000),
        };
        pass_council_motion(RuntimeCall::Cbdc(
            pallet_cbdc_reserve::Call::set_tier_limits {
                tier: KycTier::Basic,
                limits: raised,
            },
        ));
        let info = Runtime::balance(alice_id);
        assert_eq!(info.limits, Some(raised));
        assert_eq!(info.receivable, Some(unit(110_000)));
        assert_eq!(info.sendable_today, Some(unit(20_000)));
        assert!(info.verified);
        assert_eq!(Runtime::balance(bank).limits, None);

        // The bank redeems; supply, reserve and coverage are public.
        assert_ok!(Cbdc::redeem(signed(&banker), unit(10_000)));
        let reserve = Runtime::reserve();
        assert_eq!(reserve.reserve_value, unit(1_000_000));
        assert_eq!(reserve.total_supply, unit(990_000));
        assert_eq!(reserve.coverage_ppm, Some(990_000));
        assert_eq!(reserve.mint_headroom, unit(10_000));
        assert_eq!(reserve.assets.len(), 1);
        assert_invariants();
    });
}
