//! Officers and citizens transact without fees up to their quota per period (3 for citizens, 5
//! for officers, 8 for an institution's officers together, periods of 10 blocks), with registry
//! calls only; everyone else pays. In the mock, `System::remark` stands for a registry call
//! anyone may sign, `System::remark_with_event` for one only citizens may sign.

use crate::{
    mock::*, ChargeFeeOrQuota, CitizenByAccount, DeactivationReason, Event, FeeFreeBlockLimit,
    FeeFreeBlockShare, FeeFreeIdentity, FeeFreeWeight,
};
use frame_support::{
    assert_noop, assert_ok,
    dispatch::{DispatchInfo, Pays},
    traits::{Get, Hooks},
    weights::Weight,
};
use govchain_primitives::{
    identity::KycTier,
    invalid_transaction::{
        FEE_FREE_QUOTA_EXHAUSTED, NOT_A_FEE_FREE_CALL, SIGNER_NOT_PERMITTED, TOO_LARGE_FOR_FEE_FREE,
    },
};
use sp_core::H256;
use sp_runtime::{
    traits::DispatchTransaction,
    transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
    DispatchError, Perbill,
};

const LIGHT: Weight = Weight::from_parts(1_000, 0);
const LENGTH: usize = 100;

/// A registry call anyone may sign (fee-free for officers and citizens).
fn registry_call() -> RuntimeCall {
    RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
}

/// A registry call only a citizen may sign.
fn citizen_call() -> RuntimeCall {
    RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![] })
}

/// A registry call only a civil-registry officer may sign.
fn officer_call() -> RuntimeCall {
    RuntimeCall::Identity(crate::Call::register_citizen {
        account: 77,
        national_id_hash: H256::repeat_byte(77),
        region: None,
        kyc_tier: KycTier::Basic,
    })
}

/// A call that is no registry call.
fn transfer_call() -> RuntimeCall {
    RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
        dest: PAYER,
        value: 1,
    })
}

/// Runs `call` from `who`, with its next nonce, through the extension, as block execution
/// would (the dispatch itself is skipped).
fn run_call(
    who: u64,
    call: &RuntimeCall,
    tip: u64,
    info: DispatchInfo,
    len: usize,
) -> Result<(), TransactionValidityError> {
    ChargeFeeOrQuota::<Test>::new(System::account_nonce(who), tip)
        .test_run(RuntimeOrigin::signed(who), call, &info, len, 0, |_| {
            Ok(().into())
        })
        .map(|result| assert!(result.is_ok(), "the call dispatches"))
}

/// Runs a registry call anyone may sign from `who` through the extension.
fn run(who: u64, tip: u64, info: DispatchInfo, len: usize) -> Result<(), TransactionValidityError> {
    run_call(who, &registry_call(), tip, info, len)
}

/// Validates `call` from `who` with nonce `nonce` as the transaction pool does.
fn validate_in_pool(
    who: u64,
    call: &RuntimeCall,
    nonce: u32,
) -> Result<(), TransactionValidityError> {
    ChargeFeeOrQuota::<Test>::new(nonce, 0)
        .validate_only(
            RuntimeOrigin::signed(who),
            call,
            &DispatchInfo::default(),
            LENGTH,
            TransactionSource::External,
            0,
        )
        .map(|_| ())
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

/// A relayed order the citizen signed (a ballot the commission relays) uses the same quota as
/// the citizen's own transactions, and is refused once it is used up.
#[test]
fn relayed_orders_share_the_citizen_s_quota() {
    use govchain_primitives::identity::IdentityProvider;
    build_and_execute(|| {
        assert_ok!(transact(CITIZEN));
        assert_ok!(Identity::use_citizen_quota(&CITIZEN));
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 2);
        assert_ok!(transact(CITIZEN));
        assert_eq!(
            Identity::use_citizen_quota(&CITIZEN),
            Err(crate::Error::<Test>::FeeFreeQuotaExhausted.into())
        );
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 3);
        assert_eq!(transact(CITIZEN), refused(FEE_FREE_QUOTA_EXHAUSTED));
        System::set_block_number(10);
        assert_ok!(Identity::use_citizen_quota(&CITIZEN));
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
        assert_ok!(Identity::consent_to_account_move(
            RuntimeOrigin::signed(CITIZEN),
            51
        ));
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

#[test]
fn a_call_that_is_no_registry_call_never_goes_free() {
    build_and_execute(|| {
        let info = DispatchInfo::default();
        assert_eq!(
            run_call(CITIZEN, &transfer_call(), 0, info.clone(), LENGTH),
            refused(NOT_A_FEE_FREE_CALL)
        );
        assert_eq!(
            run_call(REGISTRAR, &transfer_call(), 0, info.clone(), LENGTH),
            refused(NOT_A_FEE_FREE_CALL)
        );
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 0);
        // Anyone else simply pays, or cannot.
        let before = Balances::free_balance(PAYER);
        assert_ok!(run_call(PAYER, &transfer_call(), 0, info.clone(), LENGTH));
        assert!(Balances::free_balance(PAYER) < before);
        assert_eq!(
            run_call(NOBODY, &transfer_call(), 0, info, LENGTH),
            Err(InvalidTransaction::Payment.into())
        );
    });
}

#[test]
fn a_citizen_with_funds_pays_for_a_call_that_is_no_registry_call() {
    build_and_execute(|| {
        assert_ok!(Balances::force_set_balance(
            RuntimeOrigin::root(),
            CITIZEN,
            1_000_000_000_000
        ));
        assert_ok!(run_call(
            CITIZEN,
            &transfer_call(),
            0,
            DispatchInfo::default(),
            LENGTH
        ));
        assert!(Balances::free_balance(CITIZEN) < 1_000_000_000_000);
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 0);
    });
}

#[test]
fn a_registry_call_the_signer_may_not_make_is_refused_in_the_pool_whoever_pays() {
    build_and_execute(|| {
        // Neither a citizen nor an account with funds may register citizens.
        for who in [CITIZEN, PAYER] {
            assert_eq!(
                validate_in_pool(who, &officer_call(), System::account_nonce(who)),
                refused(SIGNER_NOT_PERMITTED)
            );
        }
        // An officer may not make a citizen's call, nor anyone a council call.
        assert_eq!(
            validate_in_pool(REGISTRAR, &citizen_call(), 0),
            refused(SIGNER_NOT_PERMITTED)
        );
        let council_call = RuntimeCall::Identity(crate::Call::suspend_institution {
            institution: CIVIL_REGISTRY,
        });
        assert_eq!(
            validate_in_pool(PAYER, &council_call, 0),
            refused(SIGNER_NOT_PERMITTED)
        );
        // Nothing was charged or counted.
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 0);
        assert_eq!(Balances::free_balance(PAYER), 1_000_000_000_000);
    });
}

#[test]
fn registry_calls_their_signers_may_make_go_free() {
    build_and_execute(|| {
        assert_ok!(run_call(
            REGISTRAR,
            &officer_call(),
            0,
            DispatchInfo::default(),
            LENGTH
        ));
        assert_ok!(run_call(
            CITIZEN,
            &citizen_call(),
            0,
            DispatchInfo::default(),
            LENGTH
        ));
        assert_eq!(used(FeeFreeIdentity::Officer(REGISTRAR)), 1);
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 1);
    });
}

#[test]
fn the_officer_of_another_role_is_refused_a_civil_registry_call() {
    build_and_execute(|| {
        let land =
            register_second_institution("LAND", govchain_primitives::identity::Role::LandRegistrar);
        assert_ok!(Identity::appoint_officer(
            RuntimeOrigin::signed(ADMIN),
            land,
            30,
            50
        ));
        assert_eq!(
            validate_in_pool(30, &officer_call(), 0),
            refused(SIGNER_NOT_PERMITTED)
        );
        assert_ok!(validate_in_pool(30, &registry_call(), 0));
    });
}

#[test]
fn an_identity_never_has_more_fee_free_transactions_in_the_pool_than_quota_left() {
    build_and_execute(|| {
        assert_ok!(run(CITIZEN, 0, DispatchInfo::default(), LENGTH));
        // Two of the three left may wait in the pool, whatever their order of arrival.
        let next = System::account_nonce(CITIZEN);
        assert_ok!(validate_in_pool(CITIZEN, &registry_call(), next + 1));
        assert_ok!(validate_in_pool(CITIZEN, &registry_call(), next));
        assert_eq!(
            validate_in_pool(CITIZEN, &registry_call(), next + 2),
            refused(FEE_FREE_QUOTA_EXHAUSTED)
        );
        assert_eq!(
            validate_in_pool(CITIZEN, &registry_call(), next + 100),
            refused(FEE_FREE_QUOTA_EXHAUSTED)
        );
    });
}

#[test]
fn an_institution_s_officers_share_its_quota() {
    build_and_execute(|| {
        let second = 3;
        assert_ok!(Identity::appoint_officer(
            RuntimeOrigin::signed(ADMIN),
            CIVIL_REGISTRY,
            second,
            REGISTRAR_EXPIRES
        ));
        for _ in 0..OfficerTxQuota::get() {
            assert_ok!(transact(REGISTRAR));
        }
        // 8 for the institution: 3 more for the second officer, though its own quota is 5.
        for _ in 0..3 {
            assert_ok!(transact(second));
        }
        assert_eq!(transact(second), refused(FEE_FREE_QUOTA_EXHAUSTED));
        assert_eq!(Identity::institution_quota_used(CIVIL_REGISTRY), 8);
    });
}

#[test]
fn appointing_fresh_officers_does_not_mint_fresh_quota() {
    build_and_execute(|| {
        for _ in 0..OfficerTxQuota::get() {
            assert_ok!(transact(REGISTRAR));
        }
        // The admin revokes and appoints new accounts: the institution's quota still binds.
        let mut spent = 0;
        for fresh in 40..44u64 {
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                CIVIL_REGISTRY,
                fresh,
                REGISTRAR_EXPIRES
            ));
            while transact(fresh).is_ok() {
                spent += 1;
            }
            assert_ok!(Identity::revoke_officer(
                RuntimeOrigin::signed(ADMIN),
                fresh
            ));
        }
        assert_eq!(spent, InstitutionTxQuota::get() - OfficerTxQuota::get());
    });
}

#[test]
fn fee_free_transactions_take_at_most_their_share_of_the_block() {
    build_and_execute(|| {
        let info = DispatchInfo {
            call_weight: Weight::from_parts(100_000_000, 0),
            ..Default::default()
        };
        let each = Identity::block_weight_of(&info);
        // Room for two and a half such transactions.
        let normal = <<Test as frame_system::Config>::BlockWeights as Get<
            frame_system::limits::BlockWeights,
        >>::get()
        .get(frame_support::dispatch::DispatchClass::Normal)
        .max_total
        .unwrap();
        let share = Perbill::from_rational(each.ref_time() * 5 / 2, normal.ref_time());
        assert_ok!(Identity::set_fee_free_block_share(
            RuntimeOrigin::root(),
            share
        ));
        assert_ok!(run(CITIZEN, 0, info.clone(), LENGTH));
        assert_ok!(run(REGISTRAR, 0, info.clone(), LENGTH));
        assert_eq!(FeeFreeWeight::<Test>::get(), each * 2);
        assert_eq!(
            run(REGISTRAR, 0, info.clone(), LENGTH),
            Err(InvalidTransaction::ExhaustsResources.into())
        );
        // The refused one spent no quota; a paying transaction still goes in.
        assert_eq!(used(FeeFreeIdentity::Officer(REGISTRAR)), 1);
        assert_ok!(run(PAYER, 0, info.clone(), LENGTH));
        // The next block has room again.
        Identity::on_finalize(1);
        assert_eq!(FeeFreeWeight::<Test>::get(), Weight::zero());
        assert_ok!(run(REGISTRAR, 0, info, LENGTH));
    });
}

#[test]
fn a_transaction_heavier_than_the_block_share_pays() {
    build_and_execute(|| {
        assert_ok!(Identity::set_fee_free_block_share(
            RuntimeOrigin::root(),
            Perbill::zero()
        ));
        assert_eq!(transact(CITIZEN), refused(TOO_LARGE_FOR_FEE_FREE));
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 0);
    });
}

#[test]
fn unused_weight_goes_back_to_the_block_s_fee_free_share() {
    build_and_execute(|| {
        let info = DispatchInfo {
            call_weight: Weight::from_parts(100_000_000, 0),
            ..Default::default()
        };
        let used_weight = Weight::from_parts(10_000_000, 0);
        ChargeFeeOrQuota::<Test>::new(System::account_nonce(CITIZEN), 0)
            .test_run(
                RuntimeOrigin::signed(CITIZEN),
                &registry_call(),
                &info,
                LENGTH,
                0,
                |_| {
                    Ok(frame_support::dispatch::PostDispatchInfo {
                        actual_weight: Some(used_weight),
                        pays_fee: Pays::Yes,
                    })
                },
            )
            .unwrap()
            .unwrap();
        let reserved = Identity::block_weight_of(&info);
        assert_eq!(
            FeeFreeWeight::<Test>::get(),
            reserved - (info.call_weight - used_weight)
        );
    });
}

#[test]
fn only_the_council_sets_the_fee_free_block_share() {
    build_and_execute(|| {
        let share = Perbill::from_percent(20);
        assert_noop!(
            Identity::set_fee_free_block_share(RuntimeOrigin::signed(ADMIN), share),
            DispatchError::BadOrigin
        );
        assert_eq!(
            FeeFreeBlockShare::<Test>::get(),
            DefaultFeeFreeBlockShare::get()
        );
        assert_ok!(Identity::set_fee_free_block_share(
            RuntimeOrigin::root(),
            share
        ));
        assert_eq!(FeeFreeBlockShare::<Test>::get(), share);
        System::assert_last_event(Event::FeeFreeBlockShareSet { share }.into());
    });
}

/// An account that is both a citizen's and an officer's spends the officer's quota while the
/// appointment holds, and the citizen's once it is revoked; its account record says which.
#[test]
fn an_officer_s_account_that_holds_a_citizen_spends_the_officer_quota_first() {
    build_and_execute(|| {
        assert_ok!(Identity::register_citizen(
            RuntimeOrigin::signed(REGISTRAR),
            REGISTRAR,
            national_id(40),
            None,
            KycTier::Basic,
        ));
        let citizen = CitizenByAccount::<Test>::get(REGISTRAR)
            .map(|record| record.citizen)
            .unwrap();
        assert_eq!(
            CitizenByAccount::<Test>::get(REGISTRAR).map(|record| record.officer),
            Some(true)
        );
        assert_ok!(transact(REGISTRAR));
        assert_eq!(used(FeeFreeIdentity::Officer(REGISTRAR)), 1);
        assert_eq!(used(FeeFreeIdentity::Citizen(citizen)), 0);

        assert_ok!(Identity::revoke_officer(RuntimeOrigin::root(), REGISTRAR));
        assert_eq!(
            CitizenByAccount::<Test>::get(REGISTRAR).map(|record| record.officer),
            Some(false)
        );
        assert_ok!(transact(REGISTRAR));
        assert_eq!(used(FeeFreeIdentity::Officer(REGISTRAR)), 1);
        assert_eq!(used(FeeFreeIdentity::Citizen(citizen)), 1);
    });
}

/// A citizen appointed as an officer later is flagged as one from the appointment on.
#[test]
fn appointing_a_citizen_s_account_flags_its_record() {
    build_and_execute(|| {
        appoint(CIVIL_REGISTRY, CITIZEN);
        assert_eq!(
            CitizenByAccount::<Test>::get(CITIZEN).map(|record| record.officer),
            Some(true)
        );
        assert_ok!(transact(CITIZEN));
        assert_eq!(used(FeeFreeIdentity::Officer(CITIZEN)), 1);
        assert_eq!(used(FeeFreeIdentity::Citizen(CITIZEN_ID)), 0);
    });
}

/// The block's fee-free limit is worked out when a block ends, and follows a new share at once.
#[test]
fn the_block_limit_follows_the_share() {
    build_and_execute(|| {
        let limit = Identity::fee_free_block_limit();
        Identity::on_finalize(1);
        assert_eq!(FeeFreeBlockLimit::<Test>::get(), Some(limit));
        assert_ok!(Identity::set_fee_free_block_share(
            RuntimeOrigin::root(),
            Perbill::zero()
        ));
        assert_eq!(FeeFreeBlockLimit::<Test>::get(), None);
        assert_eq!(Identity::fee_free_block_limit(), Weight::zero());
        assert_eq!(transact(CITIZEN), refused(TOO_LARGE_FOR_FEE_FREE));
    });
}

/// A runtime upgrade drops the limit the old runtime worked out; the next fee-free transaction
/// works it out anew.
#[test]
fn the_block_limit_is_worked_out_anew_after_an_upgrade() {
    build_and_execute(|| {
        Identity::on_finalize(1);
        assert!(FeeFreeBlockLimit::<Test>::get().is_some());
        Identity::on_runtime_upgrade();
        assert_eq!(FeeFreeBlockLimit::<Test>::get(), None);
        assert_ok!(transact(CITIZEN));
    });
}
