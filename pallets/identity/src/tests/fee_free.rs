//! Officers and citizens transact without fees up to their quota per period (3 for citizens, 5
//! for officers, periods of 10 blocks); everyone else pays.

use crate::{mock::*, ChargeFeeOrQuota, DeactivationReason, FeeFreeIdentity};
use frame_support::{
    assert_ok,
    dispatch::{DispatchInfo, Pays},
    weights::Weight,
};
use govchain_primitives::invalid_transaction::{FEE_FREE_QUOTA_EXHAUSTED, TOO_LARGE_FOR_FEE_FREE};
use sp_runtime::{
    traits::DispatchTransaction,
    transaction_validity::{InvalidTransaction, TransactionValidityError},
};

const LIGHT: Weight = Weight::from_parts(1_000, 0);
const LENGTH: usize = 100;

/// Runs a remark from `who` through the extension, as block execution would.
fn run(who: u64, tip: u64, info: DispatchInfo, len: usize) -> Result<(), TransactionValidityError> {
    let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
    ChargeFeeOrQuota::<Test>::from(tip)
        .test_run(RuntimeOrigin::signed(who), &call, &info, len, 0, |_| {
            Ok(().into())
        })
        .map(|result| assert!(result.is_ok(), "the remark dispatches"))
}

fn transact_with(who: u64, tip: u64, weight: Weight) -> Result<(), TransactionValidityError> {
    let info = DispatchInfo {
        call_weight: weight,
        ..Default::default()
    };
    run(who, tip, info, LENGTH)
}

fn transact(who: u64) -> Result<(), TransactionValidityError> {
    transact_with(who, 0, LIGHT)
}

fn refused(code: u8) -> Result<(), TransactionValidityError> {
    Err(InvalidTransaction::Custom(code).into())
}

fn used(identity: FeeFreeIdentity<u64>) -> u32 {
    Identity::quota_used(&identity)
}

#[test]
fn a_citizen_without_funds_transacts_free_up_to_its_quota() {
    build_and_execute(|| {
        assert_eq!(Balances::free_balance(CITIZEN), 0);
        for _ in 0..CitizenTxQuota::get() {
            assert_ok!(transact(CITIZEN));
        }
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 3);
        assert_eq!(transact(CITIZEN), refused(FEE_FREE_QUOTA_EXHAUSTED));
    });
}

#[test]
fn spam_from_one_citizen_never_exceeds_its_quota() {
    build_and_execute(|| {
        let accepted = (0..100).filter(|_| transact(CITIZEN).is_ok()).count();
        assert_eq!(accepted, CitizenTxQuota::get() as usize);
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 3);
    });
}

#[test]
fn the_quota_resets_in_the_next_period() {
    build_and_execute(|| {
        // Block 1 lies in period 0 (blocks 0 to 9).
        for _ in 0..3 {
            assert_ok!(transact(CITIZEN));
        }
        System::set_block_number(9);
        assert_eq!(transact(CITIZEN), refused(FEE_FREE_QUOTA_EXHAUSTED));

        System::set_block_number(10);
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 0);
        for _ in 0..3 {
            assert_ok!(transact(CITIZEN));
        }
        assert_eq!(transact(CITIZEN), refused(FEE_FREE_QUOTA_EXHAUSTED));
    });
}

#[test]
fn an_officer_has_its_own_larger_quota() {
    build_and_execute(|| {
        for _ in 0..OfficerTxQuota::get() {
            assert_ok!(transact(REGISTRAR));
        }
        assert_eq!(transact(REGISTRAR), refused(FEE_FREE_QUOTA_EXHAUSTED));
        assert_eq!(used(FeeFreeIdentity::Officer(REGISTRAR)), 5);
        // The citizens' quota is untouched.
        assert_ok!(transact(CITIZEN));
    });
}

#[test]
fn an_expired_officer_pays_like_anyone() {
    build_and_execute(|| {
        System::set_block_number(REGISTRAR_EXPIRES);
        assert_eq!(transact(REGISTRAR), Err(InvalidTransaction::Payment.into()));
    });
}

#[test]
fn a_deactivated_citizen_pays_like_anyone() {
    build_and_execute(|| {
        assert_ok!(Identity::deactivate_citizen(
            RuntimeOrigin::signed(REGISTRAR),
            CITIZEN_ID,
            DeactivationReason::Deceased
        ));
        assert_eq!(transact(CITIZEN), Err(InvalidTransaction::Payment.into()));
    });
}

#[test]
fn moving_to_a_new_account_does_not_reset_the_quota() {
    build_and_execute(|| {
        for _ in 0..3 {
            assert_ok!(transact(CITIZEN));
        }
        assert_ok!(Identity::move_citizen_account(
            RuntimeOrigin::signed(REGISTRAR),
            CITIZEN_ID,
            51
        ));
        assert_eq!(transact(51), refused(FEE_FREE_QUOTA_EXHAUSTED));
    });
}

#[test]
fn an_account_that_is_neither_pays_the_normal_fee() {
    build_and_execute(|| {
        let before = Balances::free_balance(PAYER);
        assert_ok!(transact(PAYER));
        assert!(Balances::free_balance(PAYER) < before);
        assert_eq!(transact(NOBODY), Err(InvalidTransaction::Payment.into()));
    });
}

#[test]
fn a_citizen_with_funds_pays_once_its_quota_is_used() {
    build_and_execute(|| {
        assert_ok!(Balances::force_set_balance(
            RuntimeOrigin::root(),
            CITIZEN,
            1_000_000_000_000
        ));
        for _ in 0..3 {
            assert_ok!(transact(CITIZEN));
        }
        assert_eq!(Balances::free_balance(CITIZEN), 1_000_000_000_000);
        assert_ok!(transact(CITIZEN));
        assert!(Balances::free_balance(CITIZEN) < 1_000_000_000_000);
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 3);
    });
}

#[test]
fn a_tip_buys_priority_with_a_paid_transaction() {
    build_and_execute(|| {
        assert_eq!(
            transact_with(CITIZEN, 1, LIGHT),
            Err(InvalidTransaction::Payment.into())
        );
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 0);
    });
}

#[test]
fn a_transaction_too_heavy_to_go_free_must_pay() {
    build_and_execute(|| {
        let heavy = MaxFeeFreeWeight::get().saturating_add(Weight::from_parts(1, 0));
        assert_eq!(
            transact_with(CITIZEN, 0, heavy),
            refused(TOO_LARGE_FOR_FEE_FREE)
        );
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 0);
    });
}

#[test]
fn a_transaction_too_long_to_go_free_must_pay() {
    build_and_execute(|| {
        let long = MaxFeeFreeLength::get() as usize + 1;
        assert_eq!(
            run(CITIZEN, 0, DispatchInfo::default(), long),
            refused(TOO_LARGE_FOR_FEE_FREE)
        );
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 0);
    });
}

#[test]
fn an_officer_s_batch_longer_than_a_citizen_may_send_goes_free_up_to_the_officer_limit() {
    build_and_execute(|| {
        let batch = MaxFeeFreeLength::get() as usize + 1;
        assert_ok!(run(REGISTRAR, 0, DispatchInfo::default(), batch));
        assert_eq!(used(FeeFreeIdentity::Officer(REGISTRAR)), 1);

        let too_long = MaxOfficerFeeFreeLength::get() as usize + 1;
        assert_eq!(
            run(REGISTRAR, 0, DispatchInfo::default(), too_long),
            refused(TOO_LARGE_FOR_FEE_FREE)
        );
        assert_eq!(used(FeeFreeIdentity::Officer(REGISTRAR)), 1);
    });
}

#[test]
fn a_call_that_pays_no_fee_spends_no_quota() {
    build_and_execute(|| {
        let free_call = DispatchInfo {
            pays_fee: Pays::No,
            ..Default::default()
        };
        assert_ok!(run(CITIZEN, 0, free_call, LENGTH));
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 0);
    });
}

#[test]
fn officers_of_a_suspended_institution_and_revoked_officers_pay() {
    build_and_execute(|| {
        assert_ok!(Identity::suspend_institution(
            RuntimeOrigin::root(),
            CIVIL_REGISTRY
        ));
        assert_eq!(transact(REGISTRAR), Err(InvalidTransaction::Payment.into()));
        assert_ok!(Identity::restore_institution(
            RuntimeOrigin::root(),
            CIVIL_REGISTRY
        ));
        assert_ok!(transact(REGISTRAR));
        assert_ok!(Identity::revoke_officer(RuntimeOrigin::root(), REGISTRAR));
        assert_eq!(transact(REGISTRAR), Err(InvalidTransaction::Payment.into()));
    });
}
