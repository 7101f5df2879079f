//! Native cost of counting a batch of ballots (`host::count`, what the node runs for the
//! runtime), split into its parts, in µs per ballot: first votes and re-votes (the batch's parts
//! checked on this machine's cores, up to `host::MAX_THREADS`), the proofs' check on one thread,
//! reading replaced ballots, the batch's encoding across the host boundary, the receipts.
//! `scripts/bench-ballot-verify.sh` prints it.
//!
//!   cargo run --release -p govchain-ballot --example count_cost -- [options] [batch] [rounds]
#![allow(
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing
)] // A measuring tool.

use codec::{Decode, Encode};
use govchain_ballot::{
    ballot_context, batchable, generate_trustees, host, receipt, Ciphertext, Sums,
};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

mod common;
use common::measure;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut next = |default: usize| {
        args.next()
            .map_or(default, |a| a.parse().expect("a number"))
    };
    let options = next(4) as u32;
    let size = next(64);
    let rounds = next(7);
    let mut rng = ChaCha20Rng::seed_from_u64(1);
    let trustees = generate_trustees(3, 2, &mut rng).expect("3 trustees, threshold 2");
    let key = trustees[0].election_key();
    let encrypt = |voter: usize, rng: &mut ChaCha20Rng| {
        let context = ballot_context(1, voter as u64);
        batchable::encrypt(&key, options, voter as u32 % options, &context, rng).expect("valid")
    };
    let ballots: Vec<Vec<u8>> = (0..size).map(|v| encrypt(v, &mut rng)).collect();
    let earlier: Vec<Vec<u8>> = (0..size).map(|v| encrypt(v, &mut rng)).collect();
    let sums = vec![Ciphertext::ZERO; options as usize];
    let batch = |with_earlier: bool| host::Batch {
        key,
        options,
        sums: sums.clone(),
        ballots: ballots
            .iter()
            .zip(&earlier)
            .enumerate()
            .map(|(voter, (ballot, earlier))| host::BatchBallot {
                context: ballot_context(1, voter as u64).to_vec(),
                ballot: ballot.clone(),
                earlier: with_earlier.then(|| earlier.clone()),
            })
            .collect(),
    };
    let first = batch(false);
    let again = batch(true);

    println!(
        "{options}-option ballots, batches of {size}, native, median of {rounds} rounds (µs per ballot)"
    );
    let row = |what: &str, figure: f64| println!("| {what} | {figure:.1} |");
    row(
        "count, first votes",
        measure(rounds, size, || {
            host::count(&first).expect("counts");
        }),
    );
    row(
        "count, re-votes (each subtracts its voter's earlier ballot)",
        measure(rounds, size, || {
            host::count(&again).expect("counts");
        }),
    );
    let items: Vec<(&[u8], &[u8])> = first
        .ballots
        .iter()
        .map(|item| (&item.context[..], &item.ballot[..]))
        .collect();
    row(
        "the proofs' batch check alone, on one thread",
        measure(rounds, size, || {
            batchable::verify_each(&key, options, &items).expect("key");
        }),
    );
    row(
        "reading a replaced ballot's ciphertexts, on one thread",
        measure(rounds, size, || {
            for ballot in &earlier {
                Sums::of_stored_ballot(options, ballot).expect("valid");
            }
        }),
    );
    let encoded = again.encode();
    row(
        "the batch's encoding (runtime) and decoding (node)",
        measure(rounds, size, || {
            let encoded = again.encode();
            host::Batch::decode(&mut &encoded[..]).expect("decodes");
        }),
    );
    row(
        "the receipts (sha-256 of each ballot)",
        measure(rounds, size, || {
            for ballot in &ballots {
                std::hint::black_box(receipt(ballot));
            }
        }),
    );
    println!(
        "batch: {} bytes, {} a ballot",
        encoded.len(),
        ballots[0].len()
    );
}
