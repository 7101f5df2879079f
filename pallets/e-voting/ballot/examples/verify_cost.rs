//! Native cost of checking a ballot, per format and per batch size (µs per ballot): the figures
//! `scripts/bench-ballot-verify.sh` prints beside the wasm ones (the runtime's benchmarks). The
//! current format is `batchable` (per option, proofs in commitment form).
//!
//!   cargo run --release -p govchain-ballot --example verify_cost -- [options] [rounds]
#![allow(
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing
)] // A measuring tool.

use govchain_ballot::{
    batchable, encrypt_earlier_format_ballot, generate_trustees, one_of_k, verify_stored_ballot,
};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use std::time::Instant;

mod common;
use common::measure;

fn main() {
    let mut args = std::env::args().skip(1);
    let options: u32 = args
        .next()
        .map_or(4, |a| a.parse().expect("options: a number"));
    let rounds: usize = args
        .next()
        .map_or(5, |a| a.parse().expect("rounds: a number"));
    let mut rng = ChaCha20Rng::seed_from_u64(1);
    let trustees = generate_trustees(3, 2, &mut rng).expect("3 trustees, threshold 2");
    let key = trustees[0].election_key();
    let voters = 1000usize;
    let contexts: Vec<Vec<u8>> = (0..voters)
        .map(|v| (v as u64).to_le_bytes().to_vec())
        .collect();

    let start = Instant::now();
    let per_option: Vec<Vec<u8>> = (0..voters)
        .map(|v| {
            encrypt_earlier_format_ballot(&key, options, v as u32 % options, &mut rng)
                .expect("valid")
        })
        .collect();
    let encrypt_per_option = start.elapsed().as_secs_f64() * 1e6 / voters as f64;
    let start = Instant::now();
    let single: Vec<Vec<u8>> = (0..voters)
        .map(|v| {
            one_of_k::encrypt(&key, options, v as u32 % options, &contexts[v], &mut rng)
                .expect("valid")
        })
        .collect();
    let encrypt_single = start.elapsed().as_secs_f64() * 1e6 / voters as f64;
    let start = Instant::now();
    let batchable: Vec<Vec<u8>> = (0..voters)
        .map(|v| {
            batchable::encrypt(&key, options, v as u32 % options, &contexts[v], &mut rng)
                .expect("valid")
        })
        .collect();
    let encrypt_batchable = start.elapsed().as_secs_f64() * 1e6 / voters as f64;

    println!("{options}-option ballots, native, median of {rounds} rounds (µs per ballot)");
    println!("| format | bytes | encrypt | verify |");
    println!("|---|---|---|---|");
    let n = 200;
    let per_option_verify = measure(rounds, n, || {
        for ballot in &per_option[..n] {
            verify_stored_ballot(&key, options, b"", ballot).expect("valid");
        }
    });
    println!(
        "| per option, elastic-elgamal's {options} ring proofs + sum proof (the earlier format) | {} | {encrypt_per_option:.0} | {per_option_verify:.0} |",
        per_option[0].len()
    );
    let single_verify = measure(rounds, n, || {
        for (context, ballot) in contexts.iter().zip(&single).take(n) {
            one_of_k::verify(&key, options, context, ballot).expect("valid");
        }
    });
    println!(
        "| one ciphertext, 1-of-{options} proof, one by one | {} | {encrypt_single:.0} | {single_verify:.0} |",
        single[0].len()
    );
    let rows = [
        (
            "per option, proofs in commitment form",
            &batchable,
            encrypt_batchable,
            &(|items: &[(&[u8], &[u8])]| batchable::verify_batch(&key, options, items).is_ok())
                as &dyn Fn(&[(&[u8], &[u8])]) -> bool,
        ),
        (
            "one ciphertext, 1-of-k proof",
            &single,
            encrypt_single,
            &|items: &[(&[u8], &[u8])]| one_of_k::verify_batch(&key, options, items).is_ok(),
        ),
    ];
    for (format, ballots, encrypt, verify_batch) in rows {
        for batch in [1usize, 10, 100, 1000] {
            let items: Vec<(&[u8], &[u8])> = contexts
                .iter()
                .zip(ballots)
                .take(batch)
                .map(|(context, ballot)| (&context[..], &ballot[..]))
                .collect();
            let repeat = (1000 / batch).max(1);
            let figure = measure(rounds, repeat * batch, || {
                for _ in 0..repeat {
                    assert!(verify_batch(&items), "valid ballots");
                }
            });
            println!(
                "| {format}, batches of {batch} | {} | {encrypt:.0} | {figure:.0} |",
                ballots[0].len()
            );
        }
    }
}
