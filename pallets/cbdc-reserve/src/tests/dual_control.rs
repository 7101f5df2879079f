//! Under dual control, reserve records, bank quotas, minting and court orders made by one
//! officer wait as pending actions; they take effect only when approved.

use super::*;
use crate::{AssetClass, BankQuotas, Call, Holders, NextAssetId, ReserveAssets, TotalSupply};
use govchain_primitives::{dual_control::ActionClass, identity::Role, mock::without_post_info};

/// Every act of `class` under `role` needs two officers.
fn two_needed(role: Role, class: ActionClass) {
    Identity::set_threshold(role, class, 2);
}

/// Checks that `act` by `officer` under dual control changes nothing but leaves one pending
/// action of `class`, and that approving it makes `done` true.
#[track_caller]
fn assert_waits_for_approval(
    officer: u64,
    role: Role,
    class: ActionClass,
    act: impl FnOnce(RuntimeOrigin) -> DispatchResult,
    done: impl Fn() -> bool,
) {
    two_needed(role, class);
    let events_before = cbdc_events().len();
    assert_ok!(act(RuntimeOrigin::signed(officer)));
    assert!(!done(), "the act took effect before it was approved");
    assert_eq!(
        cbdc_events().len(),
        events_before,
        "a pending act emitted an event"
    );
    let pending = Identity::pending(0).expect("the act is pending");
    assert_eq!(
        (pending.role, pending.class, pending.proposer),
        (Some(role), class, officer)
    );
    assert_ok!(Identity::approve::<Call<Test>>(0));
    assert!(done(), "the approved act did not take effect");
}

#[test]
fn recording_a_reserve_asset_waits_for_a_second_officer() {
    build_and_execute(|| {
        assert_waits_for_approval(
            GOVERNOR,
            Role::CentralBank,
            ActionClass::ReserveRecord,
            |origin| {
                Cbdc::record_reserve_asset(
                    origin,
                    AssetClass::Gold,
                    code("XAU"),
                    1_000,
                    5_000,
                    attestation(1),
                )
            },
            || NextAssetId::<Test>::get() == 1,
        );
    });
}

#[test]
fn revaluing_and_removing_an_asset_wait_for_a_second_officer() {
    build_and_execute(|| {
        let gold = record_gold(5_000);
        assert_waits_for_approval(
            GOVERNOR,
            Role::CentralBank,
            ActionClass::ReserveRecord,
            |origin| Cbdc::revalue_reserve_asset(origin, gold, 1_000, 7_000, attestation(2)),
            || ReserveAssets::<Test>::get(gold).is_some_and(|asset| asset.valuation == 7_000),
        );
        assert_ok!(Cbdc::remove_reserve_asset(
            RuntimeOrigin::signed(GOVERNOR),
            gold
        ));
        assert!(ReserveAssets::<Test>::contains_key(gold));
        assert_ok!(Identity::approve::<Call<Test>>(1));
        assert!(!ReserveAssets::<Test>::contains_key(gold));
    });
}

#[test]
fn a_bank_quota_waits_for_a_second_officer() {
    build_and_execute(|| {
        assert_waits_for_approval(
            GOVERNOR,
            Role::CentralBank,
            ActionClass::BankQuota,
            |origin| Cbdc::set_bank_quota(origin, BANK_ID, 900),
            || BankQuotas::<Test>::get(BANK_ID).is_some_and(|quota| quota.limit == 900),
        );
    });
}

#[test]
fn minting_waits_for_a_second_officer() {
    build_and_execute(|| {
        record_gold(5_000);
        assert_ok!(Cbdc::set_bank_quota(
            RuntimeOrigin::signed(GOVERNOR),
            BANK_ID,
            5_000
        ));
        assert_waits_for_approval(
            GOVERNOR,
            Role::CentralBank,
            ActionClass::Minting,
            |origin| Cbdc::mint(origin, BANK_ID, 3_000),
            || TotalSupply::<Test>::get() == 3_000 && balance(BANK) == 3_000,
        );
    });
}

#[test]
fn a_mint_that_would_fail_is_refused_when_proposed() {
    build_and_execute(|| {
        record_gold(5_000);
        two_needed(Role::CentralBank, ActionClass::Minting);
        assert_noop!(
            Cbdc::mint(RuntimeOrigin::signed(GOVERNOR), BANK_ID, 3_000),
            Error::<Test>::QuotaExceeded
        );
        assert_eq!(Identity::pending_count(), 0);
    });
}

#[test]
fn a_mint_approved_after_the_quota_was_used_fails_then() {
    build_and_execute(|| {
        record_gold(5_000);
        assert_ok!(Cbdc::set_bank_quota(
            RuntimeOrigin::signed(GOVERNOR),
            BANK_ID,
            3_000
        ));
        two_needed(Role::CentralBank, ActionClass::Minting);
        assert_ok!(Cbdc::mint(RuntimeOrigin::signed(GOVERNOR), BANK_ID, 3_000));
        assert_ok!(Cbdc::mint(RuntimeOrigin::signed(GOVERNOR), BANK_ID, 3_000));
        assert_ok!(Identity::approve::<Call<Test>>(0));
        assert_eq!(
            without_post_info(Identity::approve::<Call<Test>>(1)),
            Err(Error::<Test>::QuotaExceeded.into())
        );
        assert_eq!(TotalSupply::<Test>::get(), 3_000);
    });
}

#[test]
fn a_court_order_waits_for_a_second_judge() {
    build_and_execute(|| {
        assert_waits_for_approval(
            JUDGE,
            Role::Court,
            ActionClass::CourtOrder,
            |origin| Cbdc::freeze(origin, BOB_ID, H256::repeat_byte(3)),
            || Holders::<Test>::get(BOB_ID).freeze.is_some(),
        );
        assert_ok!(Cbdc::thaw(RuntimeOrigin::signed(JUDGE), BOB_ID));
        assert!(Holders::<Test>::get(BOB_ID).freeze.is_some());
        assert_ok!(Identity::approve::<Call<Test>>(1));
        assert!(Holders::<Test>::get(BOB_ID).freeze.is_none());
    });
}

#[test]
fn a_threshold_for_one_class_leaves_the_others_alone() {
    build_and_execute(|| {
        two_needed(Role::CentralBank, ActionClass::Minting);
        record_gold(5_000);
        assert_eq!(Identity::pending_count(), 0);
        assert_eq!(NextAssetId::<Test>::get(), 1);
    });
}

#[test]
fn an_approved_act_still_needs_its_institution_to_hold_the_role() {
    build_and_execute(|| {
        two_needed(Role::Court, ActionClass::CourtOrder);
        assert_ok!(Cbdc::freeze(
            RuntimeOrigin::signed(JUDGE),
            BOB_ID,
            H256::repeat_byte(3)
        ));
        Identity::revoke_role(COURT_ID, Role::Court);
        assert_eq!(
            without_post_info(Identity::approve::<Call<Test>>(0)),
            Err(IdentityError::RoleNotHeld.into())
        );
        assert!(Holders::<Test>::get(BOB_ID).freeze.is_none());
    });
}
