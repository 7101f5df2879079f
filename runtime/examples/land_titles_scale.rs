//! Does the land registry slow down as it fills? Registers and transfers parcels natively against
//! the real runtime, on two states side by side: one holding 1,000 parcels and one holding
//! `--parcels` (default 1,000,000), both committed to a storage trie so that every read and write
//! walks a trie of that size. Prints the cost per call in each state and their ratio.
//!
//!     scripts/bench-land-titles-scale.sh [parcels] [rounds]
//!
//! Rounds alternate between the two states so that machine noise hits both alike; the figure
//! reported is the median round.

// A measuring tool, not runtime code: it may panic on a broken set-up.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::unwrap_used
)]

mod common;

use common::development_storage;
use frame_support::{assert_ok, BoundedVec};
use govchain_primitives::identity::{IdentityProvider, KycTier, Party, Role};
use govchain_runtime::{
    configs::CouncilCollective, AccountId, Identity, LandTitles, Runtime, RuntimeOrigin, System,
};
use pallet_land_titles::{Holding, ParcelId, ParcelSpec, Price};
use sp_core::H256;
use sp_runtime::Permill;
use std::time::{Duration, Instant};

/// Parcels one owner holds at most in this benchmark, well under `MaxParcelsPerOwner`.
const PARCELS_PER_OWNER: u64 = 50_000;
/// Calls per state per round.
const CALLS_PER_ROUND: u64 = 200;

fn account(n: u64) -> AccountId {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&n.to_le_bytes());
    bytes[8] = 0x1a;
    AccountId::from(bytes)
}

fn council() -> RuntimeOrigin {
    pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(1, 1).into()
}

/// The land-and-civil registry's officer, and the citizens that own the parcels.
struct Actors {
    registrar: AccountId,
    owners: Vec<(AccountId, Party)>,
}

fn set_up_actors(owner_count: u64) -> Actors {
    let admin = account(0);
    let registrar = account(1);
    assert_ok!(Identity::register_institution(
        council(),
        pallet_identity_registry::InstitutionKind::Agency,
        BoundedVec::truncate_from(b"LAND".to_vec()),
        H256::repeat_byte(1),
        admin.clone(),
        BoundedVec::truncate_from(vec![Role::LandRegistrar, Role::CivilRegistry]),
    ));
    assert_ok!(Identity::appoint_officer(
        RuntimeOrigin::signed(admin),
        0,
        registrar.clone(),
        1_000_000
    ));
    let owners = (0..owner_count)
        .map(|n| {
            let who = account(100 + n);
            assert_ok!(Identity::register_citizen(
                RuntimeOrigin::signed(registrar.clone()),
                who.clone(),
                H256::from_low_u64_be(n + 1),
                None,
                KycTier::Standard,
            ));
            let citizen = Identity::citizen_of(&who).expect("registered");
            (who, Party::Citizen(citizen))
        })
        .collect();
    Actors { registrar, owners }
}

fn spec(n: u64) -> ParcelSpec {
    ParcelSpec {
        cadastral_number: BoundedVec::truncate_from(format!("77:{n:012}").into_bytes()),
        area: 1_000,
        land_use: 1,
        document_hash: H256::from_low_u64_be(n),
    }
}

fn register(actors: &Actors, n: u64) {
    let (_, owner) = &actors.owners[(n / PARCELS_PER_OWNER) as usize % actors.owners.len()];
    assert_ok!(LandTitles::register_parcel(
        RuntimeOrigin::signed(actors.registrar.clone()),
        spec(n),
        BoundedVec::truncate_from(vec![Holding {
            owner: *owner,
            share: Permill::one(),
        }]),
    ));
}

/// Offer, acceptance and the registrar's approval: one transfer from the parcel's owner to the
/// next owner.
fn transfer(actors: &Actors, parcel: ParcelId, from: usize) {
    let (seller, seller_party) = &actors.owners[from];
    let (buyer, buyer_party) = &actors.owners[(from + 1) % actors.owners.len()];
    let offer = pallet_land_titles::NextOfferId::<Runtime>::get();
    assert_ok!(LandTitles::create_offer(
        RuntimeOrigin::signed(seller.clone()),
        parcel,
        BoundedVec::truncate_from(vec![Holding {
            owner: *seller_party,
            share: Permill::one(),
        }]),
        *buyer_party,
        Price::OffChain(H256::repeat_byte(0xaa)),
        System::block_number() + 100,
        false,
    ));
    assert_ok!(LandTitles::accept_offer(
        RuntimeOrigin::signed(buyer.clone()),
        offer
    ));
    assert_ok!(LandTitles::approve_transfer(
        RuntimeOrigin::signed(actors.registrar.clone()),
        offer
    ));
}

/// A chain holding `parcels` parcels, committed to its trie.
fn filled_state(parcels: u64) -> (sp_io::TestExternalities, Actors) {
    let started = Instant::now();
    let mut ext = sp_io::TestExternalities::new(development_storage());
    let owner_count = parcels.div_ceil(PARCELS_PER_OWNER).max(2);
    let actors = ext.execute_with(|| {
        System::set_block_number(1);
        let actors = set_up_actors(owner_count);
        for n in 0..parcels {
            register(&actors, n);
            if n % 10_000 == 0 {
                System::reset_events();
            }
        }
        System::reset_events();
        actors
    });
    ext.commit_all().expect("the state commits");
    eprintln!(
        "{parcels} parcels registered and committed in {:.0?}",
        started.elapsed()
    );
    (ext, actors)
}

/// Times `CALLS_PER_ROUND` registrations, then as many transfers, in `ext`.
fn round(
    ext: &mut sp_io::TestExternalities,
    actors: &Actors,
    next: &mut u64,
) -> (Duration, Duration) {
    ext.execute_with(|| {
        let first = *next;
        let started = Instant::now();
        for n in first..first + CALLS_PER_ROUND {
            register(actors, n);
        }
        let registering = started.elapsed();
        let parcels: Vec<ParcelId> = (0..CALLS_PER_ROUND)
            .map(|k| pallet_land_titles::NextParcelId::<Runtime>::get() - CALLS_PER_ROUND + k)
            .collect();
        let owner = ((first / PARCELS_PER_OWNER) as usize) % actors.owners.len();
        let started = Instant::now();
        for parcel in parcels {
            transfer(actors, parcel, owner);
        }
        let transferring = started.elapsed();
        *next += CALLS_PER_ROUND;
        System::reset_events();
        (registering, transferring)
    })
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let large: u64 = args
        .next()
        .map_or(1_000_000, |n| n.parse().expect("a parcel count"));
    let rounds: usize = args
        .next()
        .map_or(15, |n| n.parse().expect("a round count"));
    let small: u64 = 1_000;

    let (mut small_ext, small_actors) = filled_state(small);
    let (mut large_ext, large_actors) = filled_state(large);
    let (mut small_next, mut large_next) = (small, large);

    let per_call = |duration: Duration| duration.as_secs_f64() * 1e6 / CALLS_PER_ROUND as f64;
    let (mut small_register, mut large_register) = (Vec::new(), Vec::new());
    let (mut small_transfer, mut large_transfer) = (Vec::new(), Vec::new());
    for index in 0..rounds {
        // Alternate which state goes first, so neither always runs on a warmer machine.
        let (small_times, large_times) = if index % 2 == 0 {
            let s = round(&mut small_ext, &small_actors, &mut small_next);
            (s, round(&mut large_ext, &large_actors, &mut large_next))
        } else {
            let l = round(&mut large_ext, &large_actors, &mut large_next);
            (round(&mut small_ext, &small_actors, &mut small_next), l)
        };
        small_register.push(per_call(small_times.0));
        large_register.push(per_call(large_times.0));
        small_transfer.push(per_call(small_times.1));
        large_transfer.push(per_call(large_times.1));
    }

    let report = |name: &str, small_times: Vec<f64>, large_times: Vec<f64>| {
        let (s, l) = (median(small_times), median(large_times));
        println!(
            "{name:<10} {small} parcels: {s:>8.1} µs/call   {large} parcels: {l:>8.1} µs/call   ratio {:.3}",
            l / s
        );
    };
    println!("median of {rounds} rounds of {CALLS_PER_ROUND} calls, native, trie-backed state");
    report("register", small_register, large_register);
    report("transfer", small_transfer, large_transfer);
}
