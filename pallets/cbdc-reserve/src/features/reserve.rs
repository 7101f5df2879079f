//! The central bank's reserve ledger: assets with valuations the central bank records and an
//! independent auditor attests; only attested valuations count towards coverage.

use crate::{pallet::*, types::*};
use frame_support::{ensure, traits::Get};
use govchain_primitives::identity::InstitutionId;
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
        let asset = NextAssetId::<T>::get();
        let next = asset.checked_add(1).ok_or(Error::<T>::Overflow)?;
        // Nothing of it counts until an auditor attests it.
        ReserveAssets::<T>::insert(
            asset,
            ReserveAsset {
                class,
                code: code.clone(),
                quantity,
                valuation,
                attestation,
                audit: None,
                counted: Zero::zero(),
            },
        );
        NextAssetId::<T>::put(next);
        ReserveAssetCount::<T>::put(count.saturating_add(1));
        UnattestedAssets::<T>::mutate(|unattested| *unattested = unattested.saturating_add(1));
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
        // The attested valuation keeps counting until an auditor attests the new one; minting
        // waits for that.
        if record.audit.take().is_some() {
            UnattestedAssets::<T>::mutate(|unattested| *unattested = unattested.saturating_add(1));
        }
        record.quantity = quantity;
        record.valuation = valuation;
        record.attestation = attestation;
        ReserveAssets::<T>::insert(asset, record);
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
            .checked_sub(&record.counted)
            .ok_or(Error::<T>::Overflow)?;
        // An asset that counts nothing (unattested, or attested at zero) changes no coverage.
        if !record.counted.is_zero() {
            Self::ensure_covered(
                TotalSupply::<T>::get(),
                reserve,
                MaxCoveragePercent::<T>::get(),
            )?;
        }
        ReserveAssets::<T>::remove(asset);
        ReserveAssetCount::<T>::mutate(|count| *count = count.saturating_sub(1));
        if record.audit.is_none() {
            UnattestedAssets::<T>::mutate(|unattested| *unattested = unattested.saturating_sub(1));
        }
        ReserveValue::<T>::put(reserve);
        Self::deposit_event(Event::ReserveAssetRemoved { asset });
        Ok(())
    }

    /// An auditor attests the asset's recorded quantity and valuation (named again, so that a
    /// revaluation made meanwhile is not attested unseen): the valuation now counts towards
    /// coverage, even when it is a write-down leaving supply above the coverage limit (then
    /// minting stops and the deficit is public until redemptions or new reserve restore it).
    pub(crate) fn do_attest_valuation(
        auditor: InstitutionId,
        asset: AssetId,
        quantity: u128,
        valuation: T::Balance,
        report: Attestation,
    ) -> DispatchResult {
        let mut record = ReserveAssets::<T>::get(asset).ok_or(Error::<T>::UnknownAsset)?;
        ensure!(
            record.quantity == quantity && record.valuation == valuation,
            Error::<T>::ValuationMismatch
        );
        ensure!(record.audit.is_none(), Error::<T>::AlreadyAttested);
        let reserve = ReserveValue::<T>::get()
            .checked_sub(&record.counted)
            .and_then(|rest| rest.checked_add(&valuation))
            .ok_or(Error::<T>::Overflow)?;
        record.audit = Some(Audit { auditor, report });
        record.counted = valuation;
        ReserveAssets::<T>::insert(asset, record);
        ReserveValue::<T>::put(reserve);
        UnattestedAssets::<T>::mutate(|unattested| *unattested = unattested.saturating_sub(1));
        Self::deposit_event(Event::ValuationAttested {
            asset,
            auditor,
            valuation,
            report,
            coverage_deficit: Self::coverage_deficit(),
        });
        Ok(())
    }
}
