//! What holds after every block and every test.

use crate::{pallet::*, types::*};
use frame_support::{ensure, traits::Get};
use sp_runtime::{
    traits::{CheckedAdd, Zero},
    TryRuntimeError,
};

impl<T: Config> Pallet<T> {
    /// Checks the currency's invariants:
    /// - supply is the sum of all balances, and no holder's record is stored empty or with an
    ///   outflow of a future period;
    /// - the reserve value is the sum of what the assets count (their attested valuations), an
    ///   attested asset counts its current valuation, the unattested ones are counted in
    ///   `UnattestedAssets`; their count is kept, all are numbered below `NextAssetId`, at most
    ///   `MaxReserveAssets`, with valid codes;
    /// - the public coverage deficit is non-zero exactly when supply exceeds the reserve value
    ///   times the coverage limit (possible only after an attested write-down);
    /// - a frozen holder's balance is what it was when frozen.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        let mut supply = T::Balance::zero();
        let period = Self::outflow_period(frame_system::Pallet::<T>::block_number());
        for (_, holder) in Holders::<T>::iter() {
            ensure!(!holder.is_empty(), "an empty holder record is stored");
            ensure!(
                holder.outflow.period <= period,
                "an outflow is recorded for a future period"
            );
            if let Some(freeze) = &holder.freeze {
                ensure!(
                    holder.balance == freeze.balance,
                    "a frozen holder's balance changed"
                );
            }
            supply = supply
                .checked_add(&holder.balance)
                .ok_or("the balances overflow")?;
        }
        ensure!(
            supply == TotalSupply::<T>::get(),
            "TotalSupply differs from the sum of balances"
        );

        let mut reserve = T::Balance::zero();
        let mut assets = 0u32;
        let mut unattested = 0u32;
        let next = NextAssetId::<T>::get();
        for (id, asset) in ReserveAssets::<T>::iter() {
            ensure!(id < next, "a reserve asset is numbered beyond NextAssetId");
            ensure!(
                is_valid_asset_code(&asset.code),
                "a reserve asset has an invalid code"
            );
            match asset.audit {
                Some(_) => ensure!(
                    asset.counted == asset.valuation,
                    "an attested asset counts other than its valuation"
                ),
                None => unattested = unattested.saturating_add(1),
            }
            reserve = reserve
                .checked_add(&asset.counted)
                .ok_or("the valuations overflow")?;
            assets = assets.saturating_add(1);
        }
        ensure!(
            reserve == ReserveValue::<T>::get(),
            "ReserveValue differs from the sum of attested valuations"
        );
        ensure!(
            unattested == UnattestedAssets::<T>::get(),
            "UnattestedAssets differs from the number of unattested assets"
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
            Self::is_covered(supply, reserve, MaxCoveragePercent::<T>::get())
                == Self::coverage_deficit().is_zero(),
            "the public coverage deficit disagrees with supply and reserve"
        );
        Ok(())
    }
}
