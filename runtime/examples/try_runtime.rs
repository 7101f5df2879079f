//! The upgrade check a council runs before it enacts a runtime: this build's migrations and
//! invariants against a snapshot of a real chain's state, as `try-runtime-cli on-runtime-upgrade`
//! does, from crates.io crates only (frame-executive with the runtime's `try-runtime` feature,
//! natively; the runtime's tests already build it so).
//!
//!     govchain-node export-state --chain <spec> --base-path <node> > snapshot.json
//!     cargo run --release --example try_runtime -- snapshot.json
//!
//! (`scripts/try-runtime.sh` makes a populated local chain's snapshot and runs this.) On the
//! snapshot it runs, and fails on the first that fails:
//!
//! 1. every migration's and pallet's `pre_upgrade`, `on_runtime_upgrade`, `post_upgrade`
//!    (`Executive::try_runtime_upgrade` with every check);
//! 2. that every storage item of every pallet decodes (`try_decode_entire_state`);
//! 3. every pallet's `try_state`, the sdk's and govchain's;
//! 4. the migrations' weight within one block's maximum;
//! 5. idempotency: the migrations run a second time change nothing (the state root is equal).

// A checking tool, not runtime code: it reports a broken snapshot by failing.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used
)]

use frame_support::traits::UpgradeCheckSelect;
use govchain_runtime::{Executive, Runtime, System, VERSION};
use sp_core::storage::Storage;
use std::collections::BTreeMap;

fn unhex(text: &str) -> Vec<u8> {
    let digits = text.strip_prefix("0x").unwrap_or(text);
    (0..digits.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&digits[at..at + 2], 16).expect("hex"))
        .collect()
}

/// The state in an exported chain spec (`genesis.raw`).
fn snapshot(path: &str) -> Storage {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let spec: serde_json::Value = serde_json::from_str(&text).expect("a chain spec (JSON)");
    let raw = &spec["genesis"]["raw"];
    let map = |value: &serde_json::Value| -> BTreeMap<Vec<u8>, Vec<u8>> {
        value
            .as_object()
            .map(|pairs| {
                pairs
                    .iter()
                    .map(|(key, value)| (unhex(key), unhex(value.as_str().expect("hex value"))))
                    .collect()
            })
            .unwrap_or_default()
    };
    let top = map(&raw["top"]);
    assert!(
        !top.is_empty(),
        "{path} holds no raw state: export it with `govchain-node export-state`"
    );
    let storage = Storage {
        top,
        children_default: Default::default(),
    };
    if let Some(children) = raw["childrenDefault"].as_object() {
        assert!(
            children.is_empty(),
            "child tries are not used by govchain's pallets; this snapshot has some"
        );
    }
    storage
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: try_runtime SNAPSHOT.json (from govchain-node export-state)");
    let mut ext = sp_io::TestExternalities::new(snapshot(&path));
    let keys = ext.execute_with(|| sp_io::storage::next_key(b"").map(|_| ()).is_some());
    assert!(keys, "empty state");

    let (number, on_chain_version) = ext.execute_with(|| {
        (
            System::block_number(),
            frame_system::LastRuntimeUpgrade::<Runtime>::get(),
        )
    });
    println!(
        "snapshot at block #{number}, last upgrade to {:?}; this build: {} {}",
        on_chain_version.map(|info| (info.spec_version, info.spec_name)),
        VERSION.spec_name,
        VERSION.spec_version
    );

    let weight = ext.execute_with(|| {
        Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
            .unwrap_or_else(|error| panic!("the upgrade check failed: {error:?}"))
    });
    let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
    println!(
        "migrations, pre/post checks, state decoding and every pallet's try_state: ok \
         (weight {} ps, {} B proof; a block holds {} ps)",
        weight.ref_time(),
        weight.proof_size(),
        max.ref_time()
    );
    assert!(
        weight.all_lte(max),
        "the migrations weigh more than a block: {weight:?} > {max:?}"
    );

    ext.commit_all().expect("the overlay commits");
    let root = *ext.backend.root();
    ext.execute_with(|| {
        Executive::try_runtime_upgrade(UpgradeCheckSelect::PreAndPost)
            .unwrap_or_else(|error| panic!("the second run failed: {error:?}"))
    });
    ext.commit_all().expect("the overlay commits");
    assert_eq!(
        root,
        *ext.backend.root(),
        "the migrations are not idempotent: a second run changed the state"
    );
    println!("idempotent: a second run left the state root at {root:?}");
    println!("try-runtime check passed");
}
