//! Supply never exceeds the reserve value times the coverage limit.

use crate::pallet::*;
use frame_support::ensure;
use sp_runtime::{traits::UniqueSaturatedFrom, DispatchResult};

impl<T: Config> Pallet<T> {
    /// Refuses unless `supply ≤ reserve × percent / 100`.
    pub(crate) fn ensure_covered(
        supply: T::Balance,
        reserve: T::Balance,
        percent: u32,
    ) -> DispatchResult {
        ensure!(
            Self::is_covered(supply, reserve, percent),
            Error::<T>::CoverageExceeded
        );
        Ok(())
    }

    /// Whether `supply ≤ reserve × percent / 100`, compared as `supply × 100 ≤ reserve ×
    /// percent` in 128 bits; a product too large for them stands for a reserve no supply
    /// reaches.
    pub(crate) fn is_covered(supply: T::Balance, reserve: T::Balance, percent: u32) -> bool {
        let limit = reserve.into().checked_mul(u128::from(percent));
        match (supply.into().checked_mul(100), limit) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(scaled_supply), Some(limit)) => scaled_supply <= limit,
        }
    }

    /// What may still be minted before supply reaches the coverage limit.
    pub fn mint_headroom() -> T::Balance {
        let reserve: u128 = ReserveValue::<T>::get().into();
        let limit = reserve
            .saturating_mul(u128::from(MaxCoveragePercent::<T>::get()))
            .checked_div(100)
            .unwrap_or_default();
        let supply: u128 = TotalSupply::<T>::get().into();
        T::Balance::unique_saturated_from(limit.saturating_sub(supply))
    }
}
