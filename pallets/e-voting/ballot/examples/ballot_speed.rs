//! How long a ballot takes to encrypt and to verify natively, by number of options:
//! `cargo run --release -p govchain-ballot --example ballot_speed [ballots]`.
//! The figures the runtime sees in wasm come from the pallet's benchmarks.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing
)]

use govchain_ballot::{encrypt_ballot, generate_trustees, verify_ballot};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use std::time::Instant;

fn main() {
    let ballots: u32 = std::env::args()
        .nth(1)
        .map(|count| count.parse().expect("a number of ballots"))
        .unwrap_or(200);
    let mut rng = ChaCha20Rng::seed_from_u64(1);
    let key = generate_trustees(3, 2, &mut rng).unwrap()[0].election_key();
    println!("options  bytes  encrypt µs  verify µs  ({ballots} ballots each)");
    for options in [2, 4, 8, 16] {
        let start = Instant::now();
        let encrypted: Vec<_> = (0..ballots)
            .map(|voter| encrypt_ballot(&key, options, voter % options, &mut rng).unwrap())
            .collect();
        let encrypt = start.elapsed() / ballots;
        let start = Instant::now();
        for ballot in &encrypted {
            verify_ballot(&key, options, ballot).unwrap();
        }
        let verify = start.elapsed() / ballots;
        println!(
            "{options:>7}  {:>5}  {:>10.0}  {:>9.0}",
            encrypted[0].len(),
            encrypt.as_secs_f64() * 1e6,
            verify.as_secs_f64() * 1e6
        );
    }
}
