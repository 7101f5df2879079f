//! The runtime API of the digital currency: what the node's `cbdc_*` RPC methods read.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
use govchain_primitives::identity::Party;
pub use pallet_cbdc_reserve::{BalanceInfo, ReserveSummary};

sp_api::decl_runtime_apis! {
    /// Reads holdings with their limits, and the reserve behind the currency.
    pub trait CbdcApi<Balance, BlockNumber> where Balance: Codec, BlockNumber: Codec {
        /// A holder's balance, what it may still receive and send today, and any freeze.
        fn balance(holder: Party) -> BalanceInfo<Balance, BlockNumber>;

        /// The reserve assets, their total value, the supply, the coverage and what may still
        /// be minted.
        fn reserve() -> ReserveSummary<Balance>;
    }
}
