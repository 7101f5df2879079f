//! How long a ballot takes to encrypt and to verify natively, by number of options:
//! `cargo run --release -p govchain-ballot --example ballot_speed [ballots]`.
//! The figures the runtime sees in wasm come from the pallet's benchmarks.

#![allow(clippy::arithmetic_side_effects)]

use govchain_ballot::{encrypt_ballot, generate_trustees, verify_ballot};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use std::{error::Error, time::Instant};

fn main() -> Result<(), Box<dyn Error>> {
    let ballots: u32 = match std::env::args().nth(1) {
        Some(count) => count.parse()?,
        None => 200,
    };
    let mut rng = ChaCha20Rng::seed_from_u64(1);
    let key = generate_trustees(3, 2, &mut rng)?
        .first()
        .ok_or("no trustee")?
        .election_key();
    println!("options  bytes  encrypt µs  verify µs  ({ballots} ballots each)");
    for options in [2, 4, 8, 16] {
        let start = Instant::now();
        let encrypted = (0..ballots)
            .map(|voter| encrypt_ballot(&key, options, voter % options, &mut rng))
            .collect::<Result<Vec<_>, _>>()?;
        let encrypt = start.elapsed() / ballots.max(1);
        let start = Instant::now();
        for ballot in &encrypted {
            verify_ballot(&key, options, ballot)?;
        }
        let verify = start.elapsed() / ballots.max(1);
        println!(
            "{options:>7}  {:>5}  {:>10.0}  {:>9.0}",
            encrypted.first().map_or(0, Vec::len),
            encrypt.as_secs_f64() * 1e6,
            verify.as_secs_f64() * 1e6
        );
    }
    Ok(())
}
