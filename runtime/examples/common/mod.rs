//! What the measuring examples share: a chain started from the development preset, signing,
//! applying extrinsics block by block, and the median of rounds.

// Each example uses the part it needs.
#![allow(dead_code)]

use govchain_runtime::{
    genesis_config_presets, Executive, Runtime, RuntimeCall, System, UncheckedExtrinsic,
};
use sp_core::{sr25519, H256};
use std::time::{Duration, Instant};

/// The genesis storage of the development chain.
pub fn development_storage() -> sp_runtime::Storage {
    genesis_config_presets::storage("development").expect("the development genesis builds")
}

/// `call` signed by `signer` with `nonce`, immortal, without a tip.
pub fn sign(signer: &sr25519::Pair, call: RuntimeCall, nonce: u32) -> UncheckedExtrinsic {
    govchain_runtime::signing::sign(
        signer,
        call,
        nonce,
        frame_system::BlockHash::<Runtime>::get(0),
    )
}

/// Starts the next block, as far as the extrinsics' checks are concerned.
pub fn next_block() {
    let number = System::block_number() + 1;
    System::reset_events();
    // A new block starts with none of its weight used, fee-free or not (as block
    // finalisation and initialisation would leave it).
    frame_system::BlockWeight::<govchain_runtime::Runtime>::kill();
    pallet_identity_registry::FeeFreeWeight::<govchain_runtime::Runtime>::kill();
    System::initialize(&number, &H256::repeat_byte(7), &Default::default());
}

/// Applies `extrinsics` in order, each of which must succeed; returns the time it took.
pub fn apply_all(extrinsics: Vec<UncheckedExtrinsic>) -> Duration {
    let started = Instant::now();
    for extrinsic in extrinsics {
        let outcome = Executive::apply_extrinsic(extrinsic).expect("the extrinsic is valid");
        assert!(outcome.is_ok(), "the extrinsic dispatches: {outcome:?}");
    }
    started.elapsed()
}

/// The median of `values`.
pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
