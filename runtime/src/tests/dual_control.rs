//! Dual control in the national preset: one central-bank officer alone cannot record the reserve,
//! set a bank's quota or mint; a second officer's approval completes each act. Nothing is minted
//! on a valuation the audit chamber has not attested. An institution's admin alone cannot
//! appoint officers either, nor one officer move a large sum of its institution's money. Two
//! civil-registry officers cannot move a citizen's account against the citizen's veto. A
//! succession two judges order and the civil registry executes moves the deceased's land and
//! money to the heirs.

use super::{
    account, assert_invariants, attest_reserve_asset, audit_chamber, pass_council_motion,
    preset_externalities, register_institution,
};
use crate::{configs::cbdc::CBDC_UNIT, Cbdc, Identity, RuntimeCall, RuntimeOrigin, System};
use frame_support::{assert_noop, assert_ok, weights::Weight, BoundedVec};
use govchain_primitives::identity::Role;
use pallet_cbdc_reserve::{
    AssetClass, Attestation, BankQuotas, ReserveAssets, ReserveValue, TotalSupply,
};
use pallet_identity_registry::{Event as IdentityEvent, Officers, PendingActions};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::Dave;
use sp_runtime::traits::Dispatchable;

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
        assert!(!ReserveAssets::<crate::Runtime>::contains_key(0));
        approve(&checker, action);
        assert!(ReserveAssets::<crate::Runtime>::contains_key(0));
        // It counts towards coverage only once the audit chamber attests it.
        assert_eq!(ReserveValue::<crate::Runtime>::get(), 0);
        let auditor = audit_chamber();

        // So is the bank's quota.
        let action = next_action();
        assert_ok!(Cbdc::set_bank_quota(signed(&maker), 1, unit(500_000)));
        assert!(!BankQuotas::<crate::Runtime>::contains_key(1));
        approve(&checker, action);

        // A mint on the unattested valuation is refused outright (checked at the proposal)…
        assert_noop!(
            Cbdc::mint(signed(&maker), 1, unit(200_000)),
            pallet_cbdc_reserve::Error::<crate::Runtime>::UnattestedValuation
        );
        attest_reserve_asset(&auditor, 0);
        assert_eq!(ReserveValue::<crate::Runtime>::get(), unit(1_000_000));

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
            crate::Cbdc::balance_of(&govchain_primitives::identity::Party::Institution(1)),
            unit(200_000)
        );
        assert_invariants();
    });
}

/// The central bank's two officers record a reserve worth `amount`, `auditor` attests it, and
/// they give `bank` a quota of `amount` and mint it there (each act proposed by `governor` and
/// approved by `deputy`).
fn mint_attested(
    governor: &crate::AccountId,
    deputy: &crate::AccountId,
    auditor: &crate::AccountId,
    bank: u32,
    amount: u128,
) {
    let asset = pallet_cbdc_reserve::NextAssetId::<crate::Runtime>::get();
    let calls = [
        pallet_cbdc_reserve::Call::record_reserve_asset {
            class: AssetClass::Gold,
            code: BoundedVec::truncate_from(b"XAU".to_vec()),
            quantity: 1_000,
            valuation: amount,
            attestation: Attestation {
                report_hash: H256::repeat_byte(0xa1),
                date: 20_600,
            },
        },
        pallet_cbdc_reserve::Call::set_bank_quota {
            bank,
            limit: amount,
        },
    ];
    for call in calls {
        let action = next_action();
        assert_ok!(RuntimeCall::Cbdc(call).dispatch(RuntimeOrigin::signed(governor.clone())));
        approve(deputy, action);
    }
    attest_reserve_asset(auditor, asset);
    let action = next_action();
    assert_ok!(Cbdc::mint(
        RuntimeOrigin::signed(governor.clone()),
        bank,
        amount
    ));
    approve(deputy, action);
}

#[test]
fn one_officer_alone_cannot_move_a_large_sum_of_its_institution_a_second_completes_it() {
    use govchain_primitives::identity::Party;

    preset_externalities("national_testnet").execute_with(|| {
        let signed = |who: &crate::AccountId| RuntimeOrigin::signed(who.clone());
        let unit = |units: u128| units * CBDC_UNIT;
        let (governor, deputy_governor, banker) = (
            account("Governor"),
            account("Deputy-governor"),
            account("Banker"),
        );
        let (treasurer, deputy_treasurer) = (account("Treasurer"), account("Deputy-treasurer"));
        pass_council_motion(RuntimeCall::Utility(pallet_utility::Call::batch_all {
            calls: vec![
                register_institution("CB", vec![Role::CentralBank]),
                register_institution("BANK", vec![Role::CommercialBank]),
                register_institution("MIN", vec![Role::LandRegistrar]),
                appoint(0, &governor),
                appoint(0, &deputy_governor),
                appoint(1, &banker),
                appoint(2, &treasurer),
                appoint(2, &deputy_treasurer),
            ],
        }));
        let auditor = audit_chamber();
        mint_attested(&governor, &deputy_governor, &auditor, 1, unit(5_000_000));
        // The bank's officer credits the ministry above the large-transfer amount (a million):
        // a second bank officer would be needed, so the bank pays in two steps of a million.
        for _ in 0..2 {
            assert_ok!(Cbdc::transfer(
                signed(&banker),
                Party::Institution(1),
                Party::Institution(2),
                unit(1_000_000)
            ));
        }

        // One treasurer's transfer of 1.5 million only waits for approval…
        let action = next_action();
        assert_ok!(Cbdc::transfer(
            signed(&treasurer),
            Party::Institution(2),
            Party::Institution(0),
            unit(1_500_000)
        ));
        let balance = |institution| crate::Cbdc::balance_of(&Party::Institution(institution));
        assert_eq!(balance(2), unit(2_000_000));
        assert!(Identity::approve_action(signed(&treasurer), action, Weight::MAX).is_err());
        // …the second treasurer completes it.
        approve(&deputy_treasurer, action);
        assert_eq!(balance(2), unit(500_000));
        assert_eq!(balance(0), unit(1_500_000));
        assert_invariants();
    });
}

#[test]
fn a_citizen_s_key_vetoes_a_move_two_registry_officers_approved_and_it_never_happens() {
    use frame_support::traits::OnInitialize;
    use govchain_primitives::identity::{IdentityProvider, KycTier};
    use pallet_identity_registry::{Event as IdentityEvent, PendingMoves};

    preset_externalities("national_testnet").execute_with(|| {
        let (maker, checker) = (account("Registrar"), account("Deputy-registrar"));
        let (citizen, thief) = (account("Citizen"), account("Thief"));
        let signed = |who: &crate::AccountId| RuntimeOrigin::signed(who.clone());
        pass_council_motion(RuntimeCall::Utility(pallet_utility::Call::batch_all {
            calls: vec![
                register_institution("PSA", vec![Role::CivilRegistry]),
                appoint(0, &maker),
                appoint(0, &checker),
            ],
        }));
        assert_ok!(Identity::register_citizen(
            signed(&maker),
            citizen.clone(),
            H256::repeat_byte(0xc1),
            None,
            KycTier::Standard
        ));
        let id = Identity::citizen_of(&citizen).expect("registered");

        // Two officers of the registry move the citizen to a key the citizen never consented to:
        // the move waits a week…
        let action = next_action();
        assert_ok!(Identity::move_citizen_account(
            signed(&maker),
            id,
            thief.clone()
        ));
        approve(&checker, action);
        let pending = PendingMoves::<crate::Runtime>::get(id).expect("scheduled");
        assert_eq!(
            pending.executes_at,
            System::block_number() + 7 * crate::DAYS
        );
        assert_eq!(Identity::citizen_of(&thief), None);

        // …and the citizen's current key vetoes it; a key that is not the citizen's may not.
        assert!(Identity::veto_account_move(signed(&thief), id).is_err());
        assert_ok!(Identity::veto_account_move(signed(&citizen), id));
        System::assert_has_event(
            IdentityEvent::AccountMoveVetoed {
                citizen: id,
                to: thief.clone(),
            }
            .into(),
        );
        System::set_block_number(pending.executes_at);
        <Identity as OnInitialize<u32>>::on_initialize(pending.executes_at);
        assert_eq!(Identity::citizen_of(&citizen), Some(id));
        assert_eq!(Identity::citizen_of(&thief), None);

        // With the citizen's consent the same two officers move it at once.
        let new_key = account("Citizen-new-key");
        assert_ok!(Identity::consent_to_account_move(
            signed(&citizen),
            new_key.clone()
        ));
        let action = next_action();
        assert_ok!(Identity::move_citizen_account(
            signed(&maker),
            id,
            new_key.clone()
        ));
        approve(&checker, action);
        assert_eq!(Identity::citizen_of(&new_key), Some(id));
        assert_invariants();
    });
}

#[test]
fn succession_ordered_by_two_judges_and_executed_by_the_registry_moves_land_and_money_to_the_heirs()
{
    use govchain_primitives::identity::{IdentityProvider, KycTier, Party};
    use pallet_identity_registry::DeactivationReason;
    use pallet_land_titles::{Holding, ParcelSpec, Parcels};
    use sp_runtime::Permill;

    preset_externalities("national_testnet").execute_with(|| {
        let signed = |who: &crate::AccountId| RuntimeOrigin::signed(who.clone());
        let unit = |units: u128| units * CBDC_UNIT;
        let (registrar, deputy) = (account("Registrar"), account("Deputy-registrar"));
        let (judge, second_judge) = (account("Judge"), account("Second-judge"));
        let (land_registrar, governor, deputy_governor, banker) = (
            account("Land-registrar"),
            account("Governor"),
            account("Deputy-governor"),
            account("Banker"),
        );
        pass_council_motion(RuntimeCall::Utility(pallet_utility::Call::batch_all {
            calls: vec![
                register_institution("PSA", vec![Role::CivilRegistry, Role::LandRegistrar]),
                register_institution("COURT", vec![Role::Court]),
                register_institution("CB", vec![Role::CentralBank]),
                register_institution("BANK", vec![Role::CommercialBank]),
                appoint(0, &registrar),
                appoint(0, &deputy),
                appoint(0, &land_registrar),
                appoint(1, &judge),
                appoint(1, &second_judge),
                appoint(2, &governor),
                appoint(2, &deputy_governor),
                appoint(3, &banker),
            ],
        }));
        let auditor = audit_chamber();

        // The deceased and two heirs.
        let people = [account("Deceased"), account("Heir-1"), account("Heir-2")];
        for (n, who) in people.iter().enumerate() {
            assert_ok!(Identity::register_citizen(
                signed(&registrar),
                who.clone(),
                H256::repeat_byte(0xe0 + n as u8),
                None,
                KycTier::Enhanced
            ));
        }
        let [deceased, heir_1, heir_2] =
            people.map(|who| Identity::citizen_of(&who).expect("registered"));

        // The deceased owns a parcel and holds money.
        assert_ok!(
            pallet_land_titles::Pallet::<crate::Runtime>::register_parcel(
                signed(&land_registrar),
                ParcelSpec {
                    cadastral_number: BoundedVec::truncate_from(b"41:01:0101:99".to_vec()),
                    area: 900,
                    land_use: 2,
                    document_hash: H256::repeat_byte(0xd1),
                },
                BoundedVec::truncate_from(vec![Holding {
                    owner: Party::Citizen(deceased),
                    share: Permill::one(),
                }]),
            )
        );
        mint_attested(&governor, &deputy_governor, &auditor, 3, unit(10_000));
        assert_ok!(Cbdc::transfer(
            signed(&banker),
            Party::Institution(3),
            Party::Citizen(deceased),
            unit(1_000)
        ));

        // The citizen dies: the registry (two officers) records it.
        let action = next_action();
        assert_ok!(Identity::deactivate_citizen(
            signed(&registrar),
            deceased,
            DeactivationReason::Deceased
        ));
        approve(&deputy, action);

        // Two judges order the succession: 70 % and 30 %; shares not summing to 100 % are
        // refused at once.
        let heirs = |shares: [u32; 2]| {
            BoundedVec::truncate_from(vec![
                (heir_1, Permill::from_percent(shares[0])),
                (heir_2, Permill::from_percent(shares[1])),
            ])
        };
        assert_noop!(
            Identity::order_succession(signed(&judge), deceased, heirs([70, 20]), H256::zero()),
            pallet_identity_registry::Error::<crate::Runtime>::SharesNotWhole
        );
        let case = H256::repeat_byte(0xca);
        let action = next_action();
        assert_ok!(Identity::order_succession(
            signed(&judge),
            deceased,
            heirs([70, 30]),
            case
        ));
        approve(&second_judge, action);

        // The registry executes it: land and money move in one call.
        assert_ok!(Identity::execute_succession(signed(&registrar), deceased));
        let title: Vec<_> = Parcels::<crate::Runtime>::get(0)
            .expect("the parcel")
            .title
            .iter()
            .map(|holding| (holding.owner, holding.share))
            .collect();
        assert_eq!(
            title,
            vec![
                (Party::Citizen(heir_1), Permill::from_percent(70)),
                (Party::Citizen(heir_2), Permill::from_percent(30)),
            ]
        );
        let balance = |citizen| crate::Cbdc::balance_of(&Party::Citizen(citizen));
        assert_eq!(
            (balance(deceased), balance(heir_1), balance(heir_2)),
            (0, unit(700), unit(300))
        );
        assert_invariants();
    });
}
