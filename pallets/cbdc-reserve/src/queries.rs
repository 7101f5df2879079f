//! What the runtime API answers: a holder's balance with its limits, and the reserve summary.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::{IdentityProvider, Party};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
    /// A holder's balance, what it may still receive and send today, and any freeze.
    pub fn balance_info(holder: Party) -> BalanceInfo<T::Balance, BlockNumberFor<T>> {
        let limits = Self::limits_of(&holder);
        let record = Holders::<T>::get(holder);
        let balance = record.balance;
        let verified = T::Identity::party_is_active(&holder);
        let freeze = record.freeze;
        let (receivable, sendable_today) = if verified && freeze.is_none() {
            let (receivable, sendable) = Self::headroom(&holder, &limits);
            (receivable, sendable.map(|sendable| sendable.min(balance)))
        } else {
            // Neither a holder without identity nor a frozen one moves money.
            (Some(Zero::zero()), Some(Zero::zero()))
        };
        BalanceInfo {
            balance,
            limits,
            receivable,
            sendable_today,
            verified,
            freeze,
        }
    }

    /// The reserve assets, their total value, the supply and the coverage.
    pub fn reserve_summary() -> ReserveSummary<T::Balance> {
        let reserve_value = ReserveValue::<T>::get();
        let total_supply = TotalSupply::<T>::get();
        let reserve: u128 = reserve_value.into();
        let supply: u128 = total_supply.into();
        ReserveSummary {
            assets: ReserveAssets::<T>::iter().collect::<Vec<_>>(),
            reserve_value,
            unattested_assets: UnattestedAssets::<T>::get(),
            coverage_deficit: Self::coverage_deficit(),
            total_supply,
            max_coverage_percent: MaxCoveragePercent::<T>::get(),
            coverage_ppm: supply
                .checked_mul(1_000_000)
                .and_then(|scaled| scaled.checked_div(reserve)),
            mint_headroom: Self::mint_headroom(),
        }
    }
}
