//! The index of the live parcels each owner holds a share of.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use govchain_primitives::identity::Party;

impl<T: Config> Pallet<T> {
    /// Records that `owner` holds a share of `parcel`.
    pub(crate) fn index_parcel(owner: &Party, parcel: ParcelId) -> DispatchResult {
        if OwnerParcels::<T>::contains_key(owner, parcel) {
            return Ok(());
        }
        Self::index_unlisted_parcel(owner, parcel)
    }

    /// Records that `owner` holds a share of `parcel`, which the index does not list for it yet
    /// (a parcel created in this call): no read of the index, whose size would show in the cost.
    fn index_unlisted_parcel(owner: &Party, parcel: ParcelId) -> DispatchResult {
        OwnerParcelCount::<T>::try_mutate(owner, |count| {
            ensure!(
                *count < T::MaxParcelsPerOwner::get(),
                Error::<T>::TooManyParcels
            );
            *count = count.saturating_add(1);
            Ok::<_, Error<T>>(())
        })?;
        OwnerParcels::<T>::insert(owner, parcel, ());
        Ok(())
    }

    /// Records that `owner` no longer holds a share of `parcel`.
    pub(crate) fn unindex_parcel(owner: &Party, parcel: ParcelId) {
        if OwnerParcels::<T>::take(owner, parcel).is_none() {
            return;
        }
        let remaining = OwnerParcelCount::<T>::get(owner).saturating_sub(1);
        if remaining == 0 {
            OwnerParcelCount::<T>::remove(owner);
        } else {
            OwnerParcelCount::<T>::insert(owner, remaining);
        }
    }

    /// Indexes every owner of a parcel created in this call; a title lists each owner once.
    pub(crate) fn index_new_parcel(title: &Title<T>, parcel: ParcelId) -> DispatchResult {
        title
            .iter()
            .try_for_each(|holding| Self::index_unlisted_parcel(&holding.owner, parcel))
    }

    /// Removes every owner of a retired parcel from the index.
    pub(crate) fn unindex_title(title: &Title<T>, parcel: ParcelId) {
        title
            .iter()
            .for_each(|holding| Self::unindex_parcel(&holding.owner, parcel));
    }
}
