//! Registries settle deals in the currency through [`Payments`]: a land title and its price
//! change hands in one extrinsic, under the same rules as any transfer.

#[cfg(feature = "runtime-benchmarks")]
use crate::types::*;
use crate::{pallet::*, WeightInfo};
use govchain_primitives::{identity::Party, payments::Payments};
use sp_runtime::{traits::Zero, DispatchResult, Weight};

impl<T: Config> Payments<T::Balance> for Pallet<T> {
    fn enabled() -> bool {
        true
    }

    /// The registry has established that the payment is due; every other rule of a transfer
    /// applies. A zero share of a price (a seller's part rounded down) moves nothing.
    fn pay(payer: &Party, payee: &Party, amount: T::Balance) -> DispatchResult {
        if amount.is_zero() {
            return Ok(());
        }
        // A registry may call this outside a dispatch's own storage layer.
        frame_support::storage::with_storage_layer(|| Self::do_transfer(payer, payee, amount))
    }

    fn pay_weight() -> Weight {
        T::WeightInfo::transfer()
    }

    /// Mints `amount` to `party` against a reserve recorded for it, and lifts every limit so
    /// that benchmarks measure the payment, not a refusal.
    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_fund(party: &Party, amount: T::Balance) {
        use sp_runtime::traits::{Bounded, Saturating};

        let unlimited = Limits {
            balance_cap: T::Balance::max_value(),
            daily_outflow: T::Balance::max_value(),
        };
        for tier in [
            govchain_primitives::identity::KycTier::Basic,
            govchain_primitives::identity::KycTier::Standard,
            govchain_primitives::identity::KycTier::Enhanced,
        ] {
            TierLimits::<T>::insert(tier, unlimited);
        }
        DefaultInstitutionLimits::<T>::put(unlimited);
        MaxCoveragePercent::<T>::mutate(|percent| *percent = (*percent).max(100));
        let backing = Self::do_record_reserve_asset(
            AssetClass::Other,
            AssetCode::truncate_from(b"BENCH".to_vec()),
            0,
            amount,
            Attestation {
                report_hash: Default::default(),
                date: 0,
            },
        );
        if backing.is_ok() && Self::credit(party, amount).is_ok() {
            TotalSupply::<T>::mutate(|supply| *supply = supply.saturating_add(amount));
        }
    }
}
