//! The central bank's reserve ledger: assets with attested valuations, whose sum always
//! covers the supply.

use crate::{pallet::*, types::*};
use frame_support::{ensure, traits::Get};
use sp_runtime::{
    traits::{CheckedAdd, CheckedSub, Zero},
    DispatchResult,
};

impl<T: Config> Pallet<T> {
    pub(crate) fn do_record_reserve_asset(
        class: AssetClass,
        code: AssetCode,
        quantity: u128,
        valuation: T::Balance,
        attestation: Attestation,
    ) -> DispatchResult {
        ensure!(!valuation.is_zero(), Error::<T>::ZeroAmount);
        ensure!(is_valid_asset_code(&code), Error::<T>::InvalidAssetCode);
        let count = ReserveAssetCount::<T>::get();
        ensure!(
            count < T::MaxReserveAssets::get(),
            Error::<T>::TooManyAssets
        );
        let reserve = ReserveValue::<T>::get()
            .checked_add(&valuation)
            .ok_or(Error::<T>::Overflow)?;
        let asset = NextAssetId::<T>::get();
        let next = asset.checked_add(1).ok_or(Error::<T>::Overflow)?;
        ReserveAssets::<T>::insert(
            asset,
            ReserveAsset {
                class,
                code: code.clone(),
                quantity,
                valuation,
                attestation,
            },
        );
        NextAssetId::<T>::put(next);
        ReserveAssetCount::<T>::put(count.saturating_add(1));
        ReserveValue::<T>::put(reserve);
        Self::deposit_event(Event::ReserveAssetRecorded {
            asset,
            class,
            code,
            quantity,
            valuation,
            attestation,
        });
        Ok(())
    }

    pub(crate) fn do_revalue_reserve_asset(
        asset: AssetId,
        quantity: u128,
        valuation: T::Balance,
        attestation: Attestation,
    ) -> DispatchResult {
        let mut record = ReserveAssets::<T>::get(asset).ok_or(Error::<T>::UnknownAsset)?;
        let reserve = ReserveValue::<T>::get()
            .checked_sub(&record.valuation)
            .and_then(|rest| rest.checked_add(&valuation))
            .ok_or(Error::<T>::Overflow)?;
        Self::ensure_covered(
            TotalSupply::<T>::get(),
            reserve,
            MaxCoveragePercent::<T>::get(),
        )?;
        record.quantity = quantity;
        record.valuation = valuation;
        record.attestation = attestation;
        ReserveAssets::<T>::insert(asset, record);
        ReserveValue::<T>::put(reserve);
        Self::deposit_event(Event::ReserveAssetRevalued {
            asset,
            quantity,
            valuation,
            attestation,
        });
        Ok(())
    }

    pub(crate) fn do_remove_reserve_asset(asset: AssetId) -> DispatchResult {
        let record = ReserveAssets::<T>::get(asset).ok_or(Error::<T>::UnknownAsset)?;
        let reserve = ReserveValue::<T>::get()
            .checked_sub(&record.valuation)
            .ok_or(Error::<T>::Overflow)?;
        Self::ensure_covered(
            TotalSupply::<T>::get(),
            reserve,
            MaxCoveragePercent::<T>::get(),
        )?;
        ReserveAssets::<T>::remove(asset);
        ReserveAssetCount::<T>::mutate(|count| *count = count.saturating_sub(1));
        ReserveValue::<T>::put(reserve);
        Self::deposit_event(Event::ReserveAssetRemoved { asset });
        Ok(())
    }
}
