//! Supply never grows beyond the attested reserve value times the coverage limit; an attested
//! write-down may leave it above, and then the deficit is public and minting stops.

use crate::pallet::*;
use frame_support::ensure;
use sp_runtime::{
    traits::{UniqueSaturatedFrom, Zero},
    DispatchResult,
};

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

    /// The most supply may be: the attested reserve value times the coverage limit.
    fn coverage_limit() -> u128 {
        let reserve: u128 = ReserveValue::<T>::get().into();
        reserve
            .saturating_mul(u128::from(MaxCoveragePercent::<T>::get()))
            .checked_div(100)
            .unwrap_or_default()
    }

    /// What may still be minted before supply reaches the coverage limit; nothing while any
    /// reserve valuation waits for an auditor.
    pub fn mint_headroom() -> T::Balance {
        if UnattestedAssets::<T>::get() > 0 {
            return Zero::zero();
        }
        let supply: u128 = TotalSupply::<T>::get().into();
        T::Balance::unique_saturated_from(Self::coverage_limit().saturating_sub(supply))
    }

    /// How far supply exceeds the coverage limit (zero when covered).
    pub fn coverage_deficit() -> T::Balance {
        let supply: u128 = TotalSupply::<T>::get().into();
        T::Balance::unique_saturated_from(supply.saturating_sub(Self::coverage_limit()))
    }
}
