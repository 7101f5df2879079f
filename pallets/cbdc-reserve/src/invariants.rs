//! What holds after every block and every test.

use crate::{pallet::*, types::*};
use frame_support::{ensure, traits::Get};
use sp_runtime::{
    traits::{CheckedAdd, Zero},
    TryRuntimeError,
};

impl<T: Config> Pallet<T> {
    /// Checks the currency's invariants:
    /// - supply is the sum of all balances, and no balance is stored empty;
    /// - the reserve value is the sum of the assets' valuations, their count is kept, all are
    ///   numbered below `NextAssetId`, at most `MaxReserveAssets`, with valid codes;
    /// - supply is at most the reserve value times the coverage limit;
    /// - a frozen holder's balance is what it was when frozen.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        let mut supply = T::Balance::zero();
        for (_, balance) in Balances::<T>::iter() {
            ensure!(!balance.is_zero(), "an empty balance is stored");
            supply = supply
                .checked_add(&balance)
                .ok_or("the balances overflow")?;
        }
        ensure!(
            supply == TotalSupply::<T>::get(),
            "TotalSupply differs from the sum of balances"
        );

        let mut reserve = T::Balance::zero();
        let mut assets = 0u32;
        let next = NextAssetId::<T>::get();
        for (id, asset) in ReserveAssets::<T>::iter() {
            ensure!(id < next, "a reserve asset is numbered beyond NextAssetId");
            ensure!(
                is_valid_asset_code(&asset.code),
                "a reserve asset has an invalid code"
            );
            reserve = reserve
                .checked_add(&asset.valuation)
                .ok_or("the valuations overflow")?;
            assets = assets.saturating_add(1);
        }
        ensure!(
            reserve == ReserveValue::<T>::get(),
            "ReserveValue differs from the sum of valuations"
        );
        ensure!(
            assets == ReserveAssetCount::<T>::get(),
            "ReserveAssetCount differs from the number of assets"
        );
        ensure!(
            assets <= T::MaxReserveAssets::get(),
            "more reserve assets than MaxReserveAssets"
        );
        ensure!(
            Self::is_covered(supply, reserve, MaxCoveragePercent::<T>::get()),
            "supply exceeds the reserve value times the coverage limit"
        );

        for (holder, freeze) in Frozen::<T>::iter() {
            ensure!(
                Balances::<T>::get(holder).unwrap_or_default() == freeze.balance,
                "a frozen holder's balance changed"
            );
        }
        Ok(())
    }
}
