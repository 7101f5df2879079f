//! Types shared by govchain's runtime, node and pallets, and (as the registries land) the traits
//! through which pallets ask each other questions without depending on each other's crates.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod dual_control;
pub mod estate;
pub mod identity;
#[cfg(feature = "std")]
pub mod json;
#[cfg(feature = "mock")]
pub mod mock;
pub mod payments;
pub mod relay;
pub mod voting;

use sp_runtime::{
    traits::{IdentifyAccount, Verify},
    MultiSignature,
};

/// A block number: at 6 s a block, `u32` lasts over 800 years.
pub type BlockNumber = u32;

/// The signature scheme of transactions: sr25519, ed25519 or ecdsa, chosen by the signer.
pub type Signature = MultiSignature;

/// An account: the public key behind a [`Signature`].
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// An amount of the fee token.
pub type Balance = u128;

/// A transaction counter of an account.
pub type Nonce = u32;

/// A block or storage hash.
pub type Hash = sp_core::H256;

/// Milliseconds between blocks. Aura gives each slot to one validator in turn.
pub const MILLI_SECS_PER_BLOCK: u64 = 6_000;

/// Blocks per minute, hour and day at [`MILLI_SECS_PER_BLOCK`].
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// See [`MINUTES`].
pub const HOURS: BlockNumber = MINUTES * 60;
/// See [`MINUTES`].
pub const DAYS: BlockNumber = HOURS * 24;

/// The fee token has 12 decimals: one `UNIT` is `10^12` of its smallest part.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a [`UNIT`].
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// A millionth of a [`UNIT`].
pub const MICRO_UNIT: Balance = UNIT / 1_000_000;

/// The codes of `InvalidTransaction::Custom` that govchain's transaction checks return, in one
/// place so that they never collide and clients can explain them.
pub mod invalid_transaction {
    /// An officer or citizen who cannot pay the fee used up its fee-free quota for this period.
    pub const FEE_FREE_QUOTA_EXHAUSTED: u8 = 1;
    /// An officer or citizen who cannot pay the fee sent a transaction heavier or longer than may
    /// go fee-free.
    pub const TOO_LARGE_FOR_FEE_FREE: u8 = 2;
    /// The signer may not make this registry call (it is not an officer of the role the call
    /// needs, not an active citizen, or the call is the council's): refused before it reaches a
    /// block, whoever pays.
    pub const SIGNER_NOT_PERMITTED: u8 = 3;
    /// An officer or citizen who cannot pay the fee sent a call that never goes fee-free (it is
    /// not a registry call, or a batch holding one that is not).
    pub const NOT_A_FEE_FREE_CALL: u8 = 4;
}
