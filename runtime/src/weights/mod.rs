//! Weights generated on this chain's reference machine by `scripts/benchmark-weights.sh`: the
//! polkadot-sdk pallets' (our pallets keep theirs in `pallets/*/src/weights.rs`), a block's and
//! a transaction's fixed cost (`benchmark overhead`) and a ParityDb read and write
//! (`benchmark storage`). Never edited by hand.

// Generated code: it multiplies constants, documents a `parameter_types!` block item by item and
// keeps the generator's layout.
#![allow(clippy::arithmetic_side_effects, clippy::all, unused_doc_comments)]

pub mod block_weights;
pub mod extrinsic_weights;
pub mod paritydb_weights;

pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_collective;
pub mod pallet_multisig;
pub mod pallet_preimage;
pub mod pallet_safe_mode;
pub mod pallet_scheduler;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
