//! How much faster does a university record a graduating class in batches than one diploma per
//! transaction? Applies signed extrinsics (signature check, nonce, weight and the fee-free
//! quota included) natively against the real runtime, side by side in one run: `--batch`
//! (default 1,000) single `issue` transactions, then one `issue_batch` transaction of as many
//! diplomas, each in a block of its own. Prints diplomas per second for both and their ratio.
//!
//!     scripts/bench-diplomas-batch.sh [batch] [rounds]
//!
//! Rounds alternate which mode goes first, so that machine noise hits both alike; the figure
//! reported is the median round. Signing happens before the clock starts.

// A measuring tool, not runtime code: it may panic on a broken set-up.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::unwrap_used
)]

mod common;

use common::{apply_all, development_storage, median, next_block};
use frame_support::{assert_ok, BoundedVec};
use govchain_primitives::identity::{CitizenId, IdentityProvider, KycTier, Role};
use govchain_runtime::{
    configs::CouncilCollective, AccountId, Diplomas, Identity, Runtime, RuntimeCall, RuntimeOrigin,
    System, UncheckedExtrinsic,
};
use pallet_diplomas::{DegreeLevel, DiplomaSpec, Period, Serial};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::Alice;
use std::time::Duration;

/// The day the benchmark issues on (2026-06-30).
const TODAY: u32 = 20_634;

fn council() -> RuntimeOrigin {
    pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(1, 1).into()
}

fn account(n: u64) -> AccountId {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&n.to_le_bytes());
    bytes[8] = 0xd1;
    AccountId::from(bytes)
}

/// A university that is also its own civil registry, with Alice (funded in the development
/// preset, so she can pay once her fee-free quota is spent) as its officer, accredited, and
/// `graduates` citizens.
fn set_up(graduates: u64) -> Vec<CitizenId> {
    System::set_block_number(1);
    pallet_timestamp::Now::<Runtime>::put(u64::from(TODAY) * 86_400_000 + 43_200_000);
    let admin = account(0);
    assert_ok!(Identity::register_institution(
        council(),
        pallet_identity_registry::InstitutionKind::Agency,
        BoundedVec::truncate_from(b"UNI".to_vec()),
        H256::repeat_byte(1),
        admin.clone(),
        BoundedVec::truncate_from(vec![
            Role::University,
            Role::EducationMinistry,
            Role::CivilRegistry
        ]),
    ));
    assert_ok!(Identity::appoint_officer(
        RuntimeOrigin::signed(admin),
        0,
        Alice.to_account_id(),
        1_000_000
    ));
    let dean = RuntimeOrigin::signed(Alice.to_account_id());
    assert_ok!(Diplomas::accredit(
        dean.clone(),
        0,
        Period {
            from: TODAY - 365,
            until: TODAY + 365
        }
    ));
    (0..graduates)
        .map(|n| {
            let who = account(100 + n);
            assert_ok!(Identity::register_citizen(
                dean.clone(),
                who.clone(),
                H256::from_low_u64_be(n + 1),
                None,
                KycTier::Basic,
            ));
            Identity::citizen_of(&who).expect("registered")
        })
        .collect()
}

fn diploma(number: u64, holder: CitizenId) -> DiplomaSpec {
    DiplomaSpec {
        serial: Serial::truncate_from(format!("MS-{number:010}").into_bytes()),
        holder,
        degree: DegreeLevel::Master,
        field: 613,
        issued_on: TODAY,
        document_hash: H256::from_low_u64_be(number),
    }
}

/// `call` signed by Alice with her next nonce plus `offset`.
fn sign(call: RuntimeCall, offset: u32) -> UncheckedExtrinsic {
    let nonce = System::account_nonce(Alice.to_account_id()) + offset;
    common::sign(&Alice.pair(), call, nonce)
}

/// `batch` single-issue transactions in one block.
fn singles(graduates: &[CitizenId], next: &mut u64) -> Duration {
    next_block();
    let extrinsics = (0..graduates.len())
        .map(|k| {
            let call = RuntimeCall::Diplomas(pallet_diplomas::Call::issue {
                diploma: diploma(*next + k as u64, graduates[k]),
            });
            sign(call, k as u32)
        })
        .collect();
    *next += graduates.len() as u64;
    apply_all(extrinsics)
}

/// One batch transaction of `batch` diplomas in one block.
fn batch(graduates: &[CitizenId], next: &mut u64) -> Duration {
    next_block();
    let call = RuntimeCall::Diplomas(pallet_diplomas::Call::issue_batch {
        diplomas: (0..graduates.len())
            .map(|k| diploma(*next + k as u64, graduates[k]))
            .collect::<Vec<_>>()
            .try_into()
            .expect("at most MaxBatchSize diplomas"),
    });
    *next += graduates.len() as u64;
    apply_all(vec![sign(call, 0)])
}

fn main() {
    let mut args = std::env::args().skip(1);
    let size: u64 = args
        .next()
        .map_or(1_000, |n| n.parse().expect("a batch size"));
    let rounds: usize = args
        .next()
        .map_or(11, |n| n.parse().expect("a round count"));

    let mut ext = sp_io::TestExternalities::new(development_storage());
    ext.execute_with(|| {
        let graduates = set_up(size);
        let mut next = 0;
        let per_second = |duration: Duration| size as f64 / duration.as_secs_f64();
        let (mut single_rates, mut batch_rates) = (Vec::new(), Vec::new());
        for index in 0..rounds {
            // Alternate which mode goes first, so neither always runs on a warmer machine.
            let (single, batched) = if index % 2 == 0 {
                let single = singles(&graduates, &mut next);
                (single, batch(&graduates, &mut next))
            } else {
                let batched = batch(&graduates, &mut next);
                (singles(&graduates, &mut next), batched)
            };
            single_rates.push(per_second(single));
            batch_rates.push(per_second(batched));
        }
        let recorded = pallet_diplomas::DiplomaCount::<Runtime>::get();
        assert_eq!(recorded, next, "every diploma was recorded");
        let (single, batched) = (median(single_rates), median(batch_rates));
        println!("median of {rounds} rounds of {size} diplomas, native, signed extrinsics applied");
        println!("single  {size} × issue(1):        {single:>10.0} diplomas/s");
        println!("batch   1 × issue_batch({size}): {batched:>10.0} diplomas/s");
        println!(
            "ratio   batch ÷ single:          {:>10.2}",
            batched / single
        );
    });
}
