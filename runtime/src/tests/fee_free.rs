//! The fee-free path in the real runtime, through the transaction pool's check
//! (`Executive::validate_transaction`) and block execution (`Executive::apply_extrinsic`): only
//! registry calls their signer may make go free, a call the signer may not make never enters a
//! block, an identity's quota binds in the pool as in the block, and a flood of the heaviest
//! fee-free transactions leaves room in every block for paid transactions and officers' work.

use super::{
    apply_signed, assert_invariants, attest_reserve_asset, audit_chamber, pass_council_motion,
    preset_externalities, register_institution,
};
use crate::{
    configs::{cbdc::CBDC_UNIT, CitizenTxQuota, MaxFeeFreeWeight},
    Balances, Cbdc, Executive, Header, Identity, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
    System, UncheckedExtrinsic, Voting,
};
use codec::Encode;
use frame_support::{
    assert_ok,
    dispatch::{DispatchClass, GetDispatchInfo},
    storage::{with_transaction, TransactionOutcome},
    weights::Weight,
    BoundedVec,
};
use govchain_primitives::{
    identity::{IdentityProvider, KycTier, Party, Role},
    invalid_transaction::{FEE_FREE_QUOTA_EXHAUSTED, NOT_A_FEE_FREE_CALL, SIGNER_NOT_PERMITTED},
    Nonce,
};
use pallet_cbdc_reserve::{AssetClass, Attestation};
use pallet_e_voting::{BallotMode, BallotOption, ElectionId, ElectionSpec};
use pallet_identity_registry::{FeeFreeIdentity, FeeFreeWeight};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring::Dave;
use sp_runtime::{
    generic::DigestItem,
    traits::Header as _,
    transaction_validity::{
        InvalidTransaction, TransactionSource, TransactionValidity, TransactionValidityError,
    },
    Digest, DispatchError,
};

/// A key nobody funded.
fn key(name: &str) -> sr25519::Pair {
    sr25519::Pair::from_string(&format!("//{name}"), None).expect("a valid derivation")
}

fn account_of(pair: &sr25519::Pair) -> crate::AccountId {
    pair.public().into()
}

/// The officers of a small government, the citizens it registered (none holding the fee
/// token; each credited with digital currency by the bank) and a poll open for voting.
struct Government {
    registrar: sr25519::Pair,
    citizens: Vec<sr25519::Pair>,
    poll: ElectionId,
}

/// The institutions registered by a council motion: their ids, in order.
const CIVIL_REGISTRY: u32 = 0;
const COMMISSION: u32 = 1;
const CENTRAL_BANK: u32 = 2;
const BANK: u32 = 3;

/// Sets up the government on the local testnet, through the calls themselves (dispatched
/// directly, so that no quota is spent): a civil registry, an election commission, the central
/// bank and a commercial bank with their officers, `citizens` citizens each holding 1,000 units
/// of digital currency, and a poll voting for the next 1,000 blocks.
fn government(citizens: usize) -> Government {
    let (registrar, commissioner, governor, banker) = (
        key("Registrar"),
        key("Commissioner"),
        key("Governor"),
        key("Banker"),
    );
    pass_council_motion(RuntimeCall::Utility(pallet_utility::Call::batch_all {
        calls: vec![
            register_institution("PSA", vec![Role::CivilRegistry]),
            register_institution("CEC", vec![Role::ElectionCommission]),
            register_institution("CB", vec![Role::CentralBank]),
            register_institution("BANK", vec![Role::CommercialBank]),
        ],
    }));
    let expires = System::block_number() + 30 * crate::DAYS;
    for (institution, officer) in [
        (CIVIL_REGISTRY, &registrar),
        (COMMISSION, &commissioner),
        (CENTRAL_BANK, &governor),
        (BANK, &banker),
    ] {
        assert_ok!(Identity::appoint_officer(
            RuntimeOrigin::signed(Dave.to_account_id()),
            institution,
            account_of(officer),
            expires
        ));
    }
    let signed = |pair: &sr25519::Pair| RuntimeOrigin::signed(account_of(pair));

    let citizens: Vec<sr25519::Pair> = (0..citizens).map(|n| key(&format!("Citizen{n}"))).collect();
    for (n, citizen) in citizens.iter().enumerate() {
        assert_ok!(Identity::register_citizen(
            signed(&registrar),
            account_of(citizen),
            H256::from_low_u64_be(n as u64 + 1),
            None,
            KycTier::Standard
        ));
    }

    // Money: a reserve, a mint to the bank, the bank credits every citizen.
    let unit = |units: u128| units * CBDC_UNIT;
    assert_ok!(Cbdc::record_reserve_asset(
        signed(&governor),
        AssetClass::Gold,
        BoundedVec::truncate_from(b"XAU".to_vec()),
        12_000_000,
        unit(10_000_000),
        Attestation {
            report_hash: H256::repeat_byte(0xa1),
            date: 20_600
        },
    ));
    attest_reserve_asset(&audit_chamber(), 0);
    assert_ok!(Cbdc::set_bank_quota(
        signed(&governor),
        BANK,
        unit(5_000_000)
    ));
    assert_ok!(Cbdc::mint(signed(&governor), BANK, unit(5_000_000)));
    for citizen in &citizens {
        let to = Party::Citizen(Identity::citizen_of(&account_of(citizen)).expect("a citizen"));
        assert_ok!(Cbdc::transfer(
            signed(&banker),
            Party::Institution(BANK),
            to,
            unit(1_000)
        ));
    }

    // A poll: voting from now on.
    let options: Vec<BallotOption> = ["YES", "NO"]
        .iter()
        .zip(1u8..)
        .map(|(code, n)| BallotOption {
            code: BoundedVec::truncate_from(code.as_bytes().to_vec()),
            text_hash: H256::repeat_byte(n),
        })
        .collect();
    let now = System::block_number();
    let poll = pallet_e_voting::NextElectionId::<Runtime>::get();
    assert_ok!(Voting::create_election(
        signed(&commissioner),
        ElectionSpec {
            question_hash: H256::repeat_byte(0xa1),
            options: options.try_into().expect("two options"),
            regions: None,
            voting_starts: now,
            voting_ends: now + 1_000,
            mode: BallotMode::Public,
            trustees: Default::default(),
        }
    ));
    Government {
        registrar,
        citizens,
        poll,
    }
}

fn vote(poll: ElectionId, option: u8) -> RuntimeCall {
    RuntimeCall::Voting(pallet_e_voting::Call::vote {
        election: poll,
        option,
    })
}

fn citizen_party(pair: &sr25519::Pair) -> Party {
    Party::Citizen(Identity::citizen_of(&account_of(pair)).expect("a citizen"))
}

fn pay(from: &sr25519::Pair, to: &sr25519::Pair) -> RuntimeCall {
    RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::transfer {
        from: citizen_party(from),
        to: citizen_party(to),
        amount: CBDC_UNIT,
    })
}

fn remark(bytes: usize) -> RuntimeCall {
    RuntimeCall::System(frame_system::Call::remark {
        remark: vec![7; bytes],
    })
}

/// An officer-only call with its largest arguments: a subdivision into the most children.
fn subdivide_into_most_children() -> RuntimeCall {
    let children = (0..<Runtime as pallet_land_titles::Config>::MaxLineage::get())
        .map(|n| pallet_land_titles::ParcelSpec {
            cadastral_number: BoundedVec::truncate_from(format!("01:02:0000{n:03}").into_bytes()),
            area: 100,
            land_use: 1,
            document_hash: H256::repeat_byte(n as u8),
        })
        .collect::<Vec<_>>();
    RuntimeCall::LandTitles(pallet_land_titles::Call::subdivide {
        parcel: 0,
        children: BoundedVec::truncate_from(children),
        carry: Default::default(),
    })
}

fn register_citizen(n: u8) -> RuntimeCall {
    RuntimeCall::Identity(pallet_identity_registry::Call::register_citizen {
        account: account_of(&key(&format!("Newborn{n}"))),
        national_id_hash: H256::repeat_byte(0xb0 + n),
        region: None,
        kyc_tier: KycTier::Basic,
    })
}

fn sign(signer: &sr25519::Pair, nonce: Nonce, call: RuntimeCall) -> UncheckedExtrinsic {
    crate::signing::sign(
        signer,
        call,
        nonce,
        frame_system::BlockHash::<Runtime>::get(0),
    )
}

/// What the transaction pool says of `extrinsic`, leaving the state as it was.
fn validate_in_pool(extrinsic: UncheckedExtrinsic) -> TransactionValidity {
    with_transaction(|| {
        let validity = Executive::validate_transaction(
            TransactionSource::External,
            extrinsic,
            System::parent_hash(),
        );
        TransactionOutcome::Rollback(Ok::<_, DispatchError>(validity))
    })
    .expect("validation is read-only")
}

fn refused(code: u8) -> TransactionValidityError {
    TransactionValidityError::Invalid(InvalidTransaction::Custom(code))
}

fn nonce_of(pair: &sr25519::Pair) -> Nonce {
    System::account_nonce(account_of(pair))
}

/// Fee-free transactions the citizen holding `pair`'s account made this hour.
fn quota_used_by(pair: &sr25519::Pair) -> u32 {
    let citizen = Identity::citizen_of(&account_of(pair)).expect("a citizen");
    Identity::quota_used(&FeeFreeIdentity::Citizen(citizen))
}

fn fees_paid() -> usize {
    System::events()
        .iter()
        .filter(|record| {
            matches!(
                record.event,
                RuntimeEvent::TransactionPayment(
                    pallet_transaction_payment::Event::TransactionFeePaid { .. }
                )
            )
        })
        .count()
}

#[test]
fn a_token_less_citizen_s_remark_is_refused_before_it_reaches_a_block() {
    preset_externalities("local_testnet").execute_with(|| {
        let government = government(1);
        let citizen = &government.citizens[0];
        assert_eq!(Balances::free_balance(account_of(citizen)), 0);
        for bytes in [0, 60 * 1024] {
            let remark = sign(citizen, 0, remark(bytes));
            assert_eq!(
                validate_in_pool(remark.clone()),
                Err(refused(NOT_A_FEE_FREE_CALL))
            );
            assert_eq!(
                Executive::apply_extrinsic(remark),
                Err(refused(NOT_A_FEE_FREE_CALL))
            );
        }
        // Nothing was included: the nonce did not move, no quota was spent.
        assert_eq!(nonce_of(citizen), 0);
        assert_eq!(quota_used_by(citizen), 0);
        assert_invariants();
    });
}

#[test]
fn an_officer_only_call_from_a_citizen_or_a_payer_never_enters_a_block() {
    preset_externalities("local_testnet").execute_with(|| {
        let government = government(1);
        let citizen = &government.citizens[0];
        let dave = sp_keyring::Sr25519Keyring::Dave.pair();
        let dave_before = Balances::free_balance(Dave.to_account_id());
        for (signer, call) in [
            (citizen, subdivide_into_most_children()),
            (citizen, register_citizen(1)),
            (&dave, subdivide_into_most_children()),
        ] {
            let extrinsic = sign(signer, nonce_of(signer), call);
            assert_eq!(
                validate_in_pool(extrinsic.clone()),
                Err(refused(SIGNER_NOT_PERMITTED))
            );
            assert_eq!(
                Executive::apply_extrinsic(extrinsic),
                Err(refused(SIGNER_NOT_PERMITTED))
            );
        }
        // Dave, who could pay, was charged nothing: the call never ran.
        assert_eq!(Balances::free_balance(Dave.to_account_id()), dave_before);
        assert_eq!(nonce_of(citizen), 0);
        assert_invariants();
    });
}

#[test]
fn a_citizen_s_vote_and_cbdc_transfer_still_go_free() {
    preset_externalities("local_testnet").execute_with(|| {
        let government = government(2);
        let (citizen, other) = (&government.citizens[0], &government.citizens[1]);
        let fees_before = fees_paid();
        assert_eq!(
            apply_signed(citizen, 0, vote(government.poll, 0)),
            Ok(Ok(()))
        );
        assert_eq!(apply_signed(citizen, 1, pay(citizen, other)), Ok(Ok(())));
        assert_eq!(Balances::free_balance(account_of(citizen)), 0);
        assert_eq!(fees_paid(), fees_before);
        assert_eq!(quota_used_by(citizen), 2);
        assert_invariants();
    });
}

#[test]
fn the_twenty_first_fee_free_transaction_in_the_hour_is_refused_in_the_pool_and_the_block() {
    preset_externalities("local_testnet").execute_with(|| {
        let government = government(1);
        let citizen = &government.citizens[0];
        let quota = CitizenTxQuota::get();
        // The pool takes the hour's twenty at once, and not one more.
        for nonce in 0..quota {
            let extrinsic = sign(citizen, nonce, vote(government.poll, (nonce % 2) as u8));
            assert!(validate_in_pool(extrinsic).is_ok(), "transaction {nonce}");
        }
        assert_eq!(
            validate_in_pool(sign(citizen, quota, vote(government.poll, 0))),
            Err(refused(FEE_FREE_QUOTA_EXHAUSTED))
        );
        // The block takes them too (re-voting: the last vote counts), and not one more.
        for nonce in 0..quota {
            assert_eq!(
                apply_signed(citizen, nonce, vote(government.poll, (nonce % 2) as u8)),
                Ok(Ok(()))
            );
        }
        assert_eq!(
            apply_signed(citizen, quota, vote(government.poll, 0)),
            Err(refused(FEE_FREE_QUOTA_EXHAUSTED))
        );
        assert_invariants();
    });
}

#[test]
fn a_batch_goes_free_only_when_every_call_in_it_is_a_registry_call_its_signer_may_make() {
    preset_externalities("local_testnet").execute_with(|| {
        let government = government(2);
        let (citizen, other) = (&government.citizens[0], &government.citizens[1]);
        let batch = |calls| RuntimeCall::Utility(pallet_utility::Call::batch_all { calls });
        let force_batch = |calls| RuntimeCall::Utility(pallet_utility::Call::force_batch { calls });

        assert_eq!(
            validate_in_pool(sign(
                citizen,
                0,
                force_batch(vec![vote(government.poll, 0), remark(10)])
            )),
            Err(refused(NOT_A_FEE_FREE_CALL))
        );
        assert_eq!(
            validate_in_pool(sign(
                citizen,
                0,
                batch(vec![vote(government.poll, 0), register_citizen(2)])
            )),
            Err(refused(SIGNER_NOT_PERMITTED))
        );
        // A batch inside a batch is not looked into: it pays.
        assert_eq!(
            validate_in_pool(sign(
                citizen,
                0,
                batch(vec![batch(vec![vote(government.poll, 0)])])
            )),
            Err(refused(NOT_A_FEE_FREE_CALL))
        );
        assert_eq!(
            apply_signed(
                citizen,
                0,
                batch(vec![vote(government.poll, 1), pay(citizen, other)])
            ),
            Ok(Ok(()))
        );
        assert_eq!(Balances::free_balance(account_of(citizen)), 0);
        assert_invariants();
    });
}

/// One block as an author builds it from `pool`, in the pool's priority order (or, the worst
/// case for late arrivals, in order of arrival): the timestamp, then every transaction that
/// fits; those that do not fit yet stay in the pool.
struct Block {
    /// The transactions included, by their place in the pool before the block.
    included: Vec<UncheckedExtrinsic>,
    /// Weight of the block's fee-free transactions.
    fee_free: Weight,
    /// Weight of the block's normal class.
    normal: Weight,
}

fn author_block(pool: &mut Vec<(u64, UncheckedExtrinsic)>, by_priority: bool) -> Block {
    let number = System::block_number() + 1;
    let slot = u64::from(pallet_aura::CurrentSlot::<Runtime>::get()) + 1;
    let digest = Digest {
        logs: vec![DigestItem::PreRuntime(
            AURA_ENGINE_ID,
            Slot::from(slot).encode(),
        )],
    };
    let header = Header::new(
        number,
        Default::default(),
        Default::default(),
        frame_system::BlockHash::<Runtime>::get(number - 1),
        digest,
    );
    Executive::initialize_block(&header);
    let timestamp =
        UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
            now: slot * crate::SLOT_DURATION,
        }));
    assert_eq!(Executive::apply_extrinsic(timestamp), Ok(Ok(())));

    if by_priority {
        // Stable: one sender's transactions keep their nonce order.
        pool.sort_by(|a, b| b.0.cmp(&a.0));
    }
    let mut included = Vec::new();
    pool.retain(
        |(_, extrinsic)| match crate::authoring::apply_or_roll_back(extrinsic.clone()) {
            Ok(_) => {
                included.push(extrinsic.clone());
                false
            }
            // No room left in this block, or a transaction of the same sender stayed behind.
            Err(TransactionValidityError::Invalid(
                InvalidTransaction::ExhaustsResources | InvalidTransaction::Future,
            )) => true,
            Err(error) => panic!("an invalid transaction in the pool: {error:?}"),
        },
    );
    let fee_free = FeeFreeWeight::<Runtime>::get();
    let normal = *frame_system::BlockWeight::<Runtime>::get().get(DispatchClass::Normal);
    let header = Executive::finalize_block();
    frame_system::BlockHash::<Runtime>::insert(number, header.hash());
    Block {
        included,
        fee_free,
        normal,
    }
}

/// Adds `extrinsic` to `pool` with the priority the pool gives it.
fn submit(pool: &mut Vec<(u64, UncheckedExtrinsic)>, extrinsic: UncheckedExtrinsic) {
    let valid = validate_in_pool(extrinsic.clone()).expect("the pool takes it");
    pool.push((valid.priority, extrinsic));
}

#[test]
fn a_flood_of_the_heaviest_fee_free_transactions_leaves_room_for_paid_and_officers_work() {
    preset_externalities("local_testnet").execute_with(|| {
        let flooders = 10;
        let government = government(flooders);
        let poll = government.poll;

        // The heaviest fee-free transaction a citizen can send: a batch of votes just under the
        // fee-free weight limit.
        let batch_of = |votes: usize| {
            RuntimeCall::Utility(pallet_utility::Call::batch {
                calls: (0..votes).map(|n| vote(poll, (n % 2) as u8)).collect(),
            })
        };
        let citizen = &government.citizens[0];
        let weight_of = |votes| sign(citizen, 0, batch_of(votes)).get_dispatch_info().total_weight();
        let mut votes = 1;
        while !weight_of(votes * 2).any_gt(MaxFeeFreeWeight::get()) {
            votes *= 2;
        }
        let mut step = votes / 2;
        while step > 0 {
            if !weight_of(votes + step).any_gt(MaxFeeFreeWeight::get()) {
                votes += step;
            }
            step /= 2;
        }
        let heaviest = weight_of(votes);

        // Every flooder fills its whole hourly quota with them.
        let mut pool = Vec::new();
        for flooder in &government.citizens {
            for nonce in 0..CitizenTxQuota::get() {
                submit(&mut pool, sign(flooder, nonce, batch_of(votes)));
            }
        }
        let flood = pool.len();

        let limit = Identity::fee_free_block_limit();
        let normal_limit = crate::configs::RuntimeBlockWeights::get()
            .get(DispatchClass::Normal)
            .max_total
            .expect("the normal class is limited");
        let dave = sp_keyring::Sr25519Keyring::Dave.pair();
        let mut dave_nonce = nonce_of(&dave);
        let mut registrar_nonce = nonce_of(&government.registrar);
        println!(
            "flood: {flooders} citizens x {} batches of {votes} votes = {flood} transactions of {:.1} ms each; \
             fee-free limit {:.1} ms of the normal class's {:.1} ms",
            CitizenTxQuota::get(),
            heaviest.ref_time() as f64 / 1e9,
            limit.ref_time() as f64 / 1e9,
            normal_limit.ref_time() as f64 / 1e9,
        );
        for block in 0..4u8 {
            // Each block, one paid transfer and one officer's registry call arrive after the
            // flood.
            let paid = sign(
                &dave,
                dave_nonce,
                RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
                    dest: account_of(&key("Shop")).into(),
                    value: crate::UNIT,
                }),
            );
            let officer = sign(&government.registrar, registrar_nonce, register_citizen(block));
            submit(&mut pool, paid.clone());
            submit(&mut pool, officer.clone());
            dave_nonce += 1;
            registrar_nonce += 1;

            let authored = author_block(&mut pool, true);
            let flood_included = authored
                .included
                .iter()
                .filter(|extrinsic| **extrinsic != paid && **extrinsic != officer)
                .count();
            println!(
                "block {}: {} flood transactions, fee-free {:.1} ms, normal class {:.1} ms; paid transfer included: {}, officer's call included: {}",
                System::block_number(),
                flood_included,
                authored.fee_free.ref_time() as f64 / 1e9,
                authored.normal.ref_time() as f64 / 1e9,
                authored.included.contains(&paid),
                authored.included.contains(&officer),
            );
            assert!(flood_included > 0, "the flood is served too");
            assert!(!authored.fee_free.any_gt(limit), "fee-free weight within its share");
            assert!(authored.included.contains(&paid), "the paid transfer is included");
            assert!(authored.included.contains(&officer), "the officer's call is included");
        }
        // Even an author taking transactions in order of arrival, the flood first, finds room
        // for a payment: the flood stops at its share.
        let paid = sign(
            &dave,
            dave_nonce,
            RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
                dest: account_of(&key("Shop")).into(),
                value: crate::UNIT,
            }),
        );
        pool.sort_by(|a, b| b.0.cmp(&a.0));
        submit(&mut pool, paid.clone());
        let authored = author_block(&mut pool, false);
        println!(
            "block {} in order of arrival: fee-free {:.1} ms, normal class {:.1} ms; paid transfer included: {}",
            System::block_number(),
            authored.fee_free.ref_time() as f64 / 1e9,
            authored.normal.ref_time() as f64 / 1e9,
            authored.included.contains(&paid),
        );
        assert!(authored.included.contains(&paid), "the paid transfer is included");
        assert!(!authored.fee_free.any_gt(limit), "fee-free weight within its share");
        assert!(!pool.is_empty(), "the flood outlasts the blocks: they were full of it");
        assert_invariants();
    });
}
