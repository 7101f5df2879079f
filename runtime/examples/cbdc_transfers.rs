//! How fast do citizens pay each other in the digital currency, next to the plain token
//! transfer every Substrate chain has? Applies signed extrinsics (signature check, nonce, weight,
//! fee or fee-free quota included) natively against the real runtime, side by side in one run:
//! `--senders` (default 1,000) `balances.transfer_keep_alive` transactions, then as many CBDC
//! citizen-to-citizen `transfer`s, each batch in a block of its own. Prints transfers per
//! second for both and their ratio.
//!
//!     scripts/bench-cbdc-transfers.sh [senders] [rounds]
//!
//! Every sender is a verified citizen with tokens for fees and CBDC within its tier's limits,
//! and pays the next citizen. Token transfers pay fees; CBDC transfers go fee-free within the
//! citizen's quota (20 an hour: keep rounds ≤ 19). Rounds alternate which workload goes first;
//! the figure reported is the median round. Signing happens before the clock starts.

// A measuring tool, not runtime code: it may panic on a broken set-up.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::unwrap_used
)]

mod common;

use common::{apply_all, development_storage, median, next_block, sign};
use frame_support::{assert_ok, BoundedVec};
use govchain_primitives::identity::{IdentityProvider, KycTier, Party, Role};
use govchain_runtime::{
    configs::{cbdc::CBDC_UNIT, CouncilCollective},
    AccountId, Balances, Cbdc, Identity, RuntimeCall, RuntimeOrigin, System, UNIT,
};
use pallet_cbdc_reserve::{AssetClass, Attestation};
use sp_core::{sr25519, Pair, H256};
use std::time::Duration;

fn council() -> RuntimeOrigin {
    pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(1, 1).into()
}

/// A citizen: its key and its identity.
struct Citizen {
    pair: sr25519::Pair,
    account: AccountId,
    party: Party,
}

/// An officer of a fresh institution holding `roles`.
fn officer_of(number: u8, roles: Vec<Role>) -> RuntimeOrigin {
    let admin = AccountId::from([number + 1; 32]);
    let officer = AccountId::from([number + 101; 32]);
    assert_ok!(Identity::register_institution(
        council(),
        pallet_identity_registry::InstitutionKind::Agency,
        BoundedVec::truncate_from(vec![b'I', b'0' + number]),
        H256::repeat_byte(number),
        admin.clone(),
        BoundedVec::truncate_from(roles),
    ));
    let institution = u32::from(number);
    assert_ok!(Identity::appoint_officer(
        RuntimeOrigin::signed(admin),
        institution,
        officer.clone(),
        1_000_000
    ));
    RuntimeOrigin::signed(officer)
}

/// The central bank (also the civil registry, institution 0), a commercial bank
/// (institution 1), the audit chamber (institution 2), an attested reserve, and `count`
/// citizens with tokens and CBDC.
fn set_up(count: u32) -> Vec<Citizen> {
    System::set_block_number(1);
    let governor = officer_of(0, vec![Role::CentralBank, Role::CivilRegistry]);
    let banker = officer_of(1, vec![Role::CommercialBank]);
    let each = 10_000 * CBDC_UNIT;
    let total = each * u128::from(count);
    assert_ok!(Cbdc::record_reserve_asset(
        governor.clone(),
        AssetClass::Gold,
        BoundedVec::truncate_from(b"XAU".to_vec()),
        1,
        total,
        Attestation {
            report_hash: H256::repeat_byte(2),
            date: 20_000
        },
    ));
    let auditor = officer_of(2, vec![Role::Auditor]);
    assert_ok!(Cbdc::attest_valuation(
        auditor,
        0,
        1,
        total,
        Attestation {
            report_hash: H256::repeat_byte(3),
            date: 20_000
        },
    ));
    assert_ok!(Cbdc::set_bank_quota(governor.clone(), 1, total));
    assert_ok!(Cbdc::mint(governor.clone(), 1, total));
    (0..count)
        .map(|n| {
            let pair = sr25519::Pair::from_string(&format!("//citizen/{n}"), None)
                .expect("a valid derivation");
            let account = AccountId::from(pair.public());
            assert_ok!(Identity::register_citizen(
                governor.clone(),
                account.clone(),
                H256::from_low_u64_be(u64::from(n) + 1),
                None,
                KycTier::Standard,
            ));
            let party = Party::Citizen(Identity::citizen_of(&account).expect("registered"));
            assert_ok!(Cbdc::transfer(
                banker.clone(),
                Party::Institution(1),
                party,
                each
            ));
            assert_ok!(Balances::force_set_balance(
                RuntimeOrigin::root(),
                account.clone().into(),
                1_000 * UNIT
            ));
            Citizen {
                pair,
                account,
                party,
            }
        })
        .collect()
}

/// Every citizen pays the next one, with `call`, in one block.
fn pay_round(citizens: &[Citizen], call: impl Fn(&Citizen, &Citizen) -> RuntimeCall) -> Duration {
    next_block();
    let extrinsics = citizens
        .iter()
        .enumerate()
        .map(|(n, from)| {
            let to = &citizens[(n + 1) % citizens.len()];
            sign(
                &from.pair,
                call(from, to),
                System::account_nonce(&from.account),
            )
        })
        .collect();
    apply_all(extrinsics)
}

fn tokens(citizens: &[Citizen]) -> Duration {
    pay_round(citizens, |_, to| {
        RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
            dest: to.account.clone().into(),
            value: UNIT,
        })
    })
}

fn cbdc(citizens: &[Citizen]) -> Duration {
    pay_round(citizens, |from, to| {
        RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::transfer {
            from: from.party,
            to: to.party,
            amount: CBDC_UNIT,
        })
    })
}

fn main() {
    let mut args = std::env::args().skip(1);
    let senders: u32 = args
        .next()
        .map_or(1_000, |n| n.parse().expect("a sender count"));
    let rounds: usize = args
        .next()
        .map_or(11, |n| n.parse().expect("a round count"));
    assert!(
        rounds <= 19,
        "citizens have 20 fee-free transactions an hour"
    );

    let mut ext = sp_io::TestExternalities::new(development_storage());
    ext.execute_with(|| {
        let citizens = set_up(senders);
        let per_second = |duration: Duration| f64::from(senders) / duration.as_secs_f64();
        let (mut token_rates, mut cbdc_rates) = (Vec::new(), Vec::new());
        for index in 0..rounds {
            // Alternate which workload goes first, so neither always runs on a warmer machine.
            let (token, currency) = if index % 2 == 0 {
                let token = tokens(&citizens);
                (token, cbdc(&citizens))
            } else {
                let currency = cbdc(&citizens);
                (tokens(&citizens), currency)
            };
            token_rates.push(per_second(token));
            cbdc_rates.push(per_second(currency));
        }
        let (token, currency) = (median(token_rates), median(cbdc_rates));
        println!(
            "median of {rounds} rounds of {senders} transfers, native, signed extrinsics applied"
        );
        println!("balances.transfer_keep_alive: {token:>10.0} transfers/s");
        println!("cbdc.transfer (citizens):     {currency:>10.0} transfers/s");
        println!("ratio cbdc ÷ balances:        {:>10.2}", currency / token);
    });
}
