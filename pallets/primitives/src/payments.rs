//! Money moving between parties on behalf of a registry, so that a registry can settle a deal
//! (a land title against its price) in the same extrinsic that changes its own records.

use crate::identity::Party;
use sp_runtime::{DispatchError, DispatchResult, Weight};

/// Payments in the national digital currency between citizens and institutions.
///
/// The CBDC pallet implements it; until a runtime has one, [`NoOnChainPayments`] says so and
/// registries accept only prices settled off chain.
pub trait Payments<Balance> {
    /// Whether on-chain payments exist in this runtime at all.
    fn enabled() -> bool;

    /// Moves `amount` from `payer` to `payee`, or fails and changes nothing. The registry calling
    /// it has established that the payment is due (its caller acts for the payer, or an
    /// officer approved the deal the payer agreed to).
    fn pay(payer: &Party, payee: &Party, amount: Balance) -> DispatchResult;

    /// The most one [`Payments::pay`] costs, which the caller adds to its own weight.
    fn pay_weight() -> Weight;

    /// Gives `party` `amount` to spend, for other pallets' benchmarks.
    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_fund(party: &Party, amount: Balance);
}

/// A runtime without on-chain money: every payment is refused.
pub struct NoOnChainPayments;

impl<Balance> Payments<Balance> for NoOnChainPayments {
    fn enabled() -> bool {
        false
    }

    fn pay(_payer: &Party, _payee: &Party, _amount: Balance) -> DispatchResult {
        Err(DispatchError::Unavailable)
    }

    fn pay_weight() -> Weight {
        Weight::zero()
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_fund(_party: &Party, _amount: Balance) {}
}
