//! The identity lifecycle end to end: a council motion registers an institution, its admin
//! appoints an officer, the officer registers a citizen, and the citizen transacts without the
//! fee token until its quota for the hour is used.

use super::{
    apply_signed as submit, assert_invariants, next_block, pass_council_motion,
    preset_externalities,
};
use crate::{
    configs::{CitizenTxQuota, QuotaPeriod},
    Balances, Identity, RuntimeCall, RuntimeEvent, RuntimeOrigin, System,
};
use frame_support::{assert_ok, BoundedVec};
use govchain_primitives::{
    identity::{IdentityProvider, KycTier, Role},
    invalid_transaction::FEE_FREE_QUOTA_EXHAUSTED,
    AccountId,
};
use pallet_identity_registry::InstitutionKind;
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring::{Bob, Dave};
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};

/// A key nobody funded.
fn fresh_key(name: &str) -> sr25519::Pair {
    sr25519::Pair::from_string(&format!("//{name}"), None).expect("a valid derivation")
}

fn account(pair: &sr25519::Pair) -> AccountId {
    pair.public().into()
}

fn remark(n: u32) -> RuntimeCall {
    RuntimeCall::System(frame_system::Call::remark {
        remark: n.to_le_bytes().to_vec(),
    })
}

/// A citizen's vote in poll 0: a registry call, and one that may be repeated (the last vote
/// counts).
fn vote(n: u32) -> RuntimeCall {
    RuntimeCall::Voting(pallet_e_voting::Call::vote {
        election: 0,
        option: (n % 2) as u8,
    })
}

#[test]
fn a_citizen_registered_through_the_chain_of_authority_transacts_free_within_its_quota() {
    preset_externalities("local_testnet").execute_with(|| {
        let admin = Dave.to_account_id();
        let officer = fresh_key("CivilRegistryOfficer");
        let citizen = fresh_key("Citizen");

        // A council motion registers the civil registry (which also runs polls here),
        // administered by Dave.
        pass_council_motion(RuntimeCall::Identity(
            pallet_identity_registry::Call::register_institution {
                kind: InstitutionKind::Agency,
                short_code: BoundedVec::truncate_from(b"CRA".to_vec()),
                name_hash: H256::repeat_byte(0xc0),
                admin: admin.clone(),
                roles: BoundedVec::truncate_from(vec![
                    Role::CivilRegistry,
                    Role::ElectionCommission,
                ]),
            },
        ));
        let registry = 0;
        assert!(Identity::institution_has_role(
            registry,
            Role::CivilRegistry
        ));

        // Its admin appoints an officer for thirty days.
        assert_ok!(Identity::appoint_officer(
            RuntimeOrigin::signed(admin),
            registry,
            account(&officer),
            System::block_number() + 30 * crate::DAYS,
        ));

        // The officer, who holds no tokens, registers a citizen in a fee-free transaction.
        assert_eq!(Balances::free_balance(account(&officer)), 0);
        assert_eq!(
            submit(
                &officer,
                0,
                RuntimeCall::Identity(pallet_identity_registry::Call::register_citizen {
                    account: account(&citizen),
                    national_id_hash: H256::repeat_byte(0x42),
                    region: Some(41_711),
                    kyc_tier: KycTier::Standard,
                }),
            ),
            Ok(Ok(()))
        );
        let citizen_id = Identity::citizen_of(&account(&citizen)).expect("registered");
        // It opens a poll, fee-free too.
        let now = System::block_number();
        assert_eq!(
            submit(
                &officer,
                1,
                RuntimeCall::Voting(pallet_e_voting::Call::create_election {
                    spec: pallet_e_voting::ElectionSpec {
                        question_hash: H256::repeat_byte(0x51),
                        options: BoundedVec::truncate_from(
                            ["YES", "NO"]
                                .iter()
                                .map(|code| pallet_e_voting::BallotOption {
                                    code: BoundedVec::truncate_from(code.as_bytes().to_vec()),
                                    text_hash: H256::repeat_byte(0x52),
                                })
                                .collect(),
                        ),
                        regions: None,
                        voting_starts: now,
                        voting_ends: now + 2 * QuotaPeriod::get(),
                        mode: pallet_e_voting::BallotMode::Public,
                        trustees: Default::default(),
                    },
                }),
            ),
            Ok(Ok(()))
        );

        // The citizen, who holds no tokens either, votes free up to the hourly quota…
        let quota = CitizenTxQuota::get();
        for nonce in 0..quota {
            assert_eq!(submit(&citizen, nonce, vote(nonce)), Ok(Ok(())));
        }
        assert_eq!(Balances::free_balance(account(&citizen)), 0);
        assert!(!System::events().iter().any(|record| matches!(
            record.event,
            RuntimeEvent::TransactionPayment(
                pallet_transaction_payment::Event::TransactionFeePaid { .. }
            )
        )));

        // …and the first transaction beyond it is refused with the precise reason.
        assert_eq!(
            submit(&citizen, quota, vote(quota)),
            Err(TransactionValidityError::Invalid(
                InvalidTransaction::Custom(FEE_FREE_QUOTA_EXHAUSTED)
            ))
        );
        assert_eq!(
            Identity::quota_used(&pallet_identity_registry::FeeFreeIdentity::Citizen(
                citizen_id
            )),
            quota
        );

        // In the next hour the quota is fresh.
        let next_period = (System::block_number() / QuotaPeriod::get() + 1) * QuotaPeriod::get();
        while System::block_number() < next_period {
            next_block();
        }
        assert_eq!(submit(&citizen, quota, vote(quota)), Ok(Ok(())));
        assert_invariants();
    });
}

#[test]
fn an_account_that_is_neither_officer_nor_citizen_must_pay() {
    preset_externalities("local_testnet").execute_with(|| {
        let stranger = fresh_key("Stranger");
        assert_eq!(
            submit(&stranger, 0, remark(0)),
            Err(TransactionValidityError::Invalid(
                InvalidTransaction::Payment
            ))
        );

        // A funded account pays the normal fee.
        let before = Balances::free_balance(Bob.to_account_id());
        let bob = sr25519::Pair::from_string("//Bob", None).expect("Bob's key");
        assert_eq!(submit(&bob, 0, remark(0)), Ok(Ok(())));
        assert!(Balances::free_balance(Bob.to_account_id()) < before);
        assert_invariants();
    });
}
