//! What the runtime API answers: a parcel's whole record and history, and the parcels of an
//! owner.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::Party;

/// The most parcel numbers one [`Pallet::parcels_of`] page, or history entries one
/// [`Pallet::title_history`] page, returns.
pub const MAX_PAGE: u32 = 1_000;

impl<T: Config> Pallet<T> {
    /// A parcel's spec, title, lineage, liens and freeze.
    pub fn parcel_record(parcel: ParcelId) -> Option<ParcelRecord<BlockNumberFor<T>>> {
        let record = Parcels::<T>::get(parcel)?;
        Some(ParcelRecord {
            id: parcel,
            spec: record.spec,
            title: record.title.into_inner(),
            registered_at: record.registered_at,
            retired_at: record.retired_at,
            parents: record.parents.into_inner(),
            children: record.children.into_inner(),
            liens: ParcelLiens::<T>::get(parcel).into_inner(),
            freeze: Freezes::<T>::get(parcel),
        })
    }

    /// The parcel with a cadastral number, live or retired.
    pub fn parcel_by_cadastral_number(number: Vec<u8>) -> Option<ParcelId> {
        let number = CadastralNumber::try_from(number).ok()?;
        ParcelByCadastralNumber::<T>::get(number)
    }

    /// Up to `limit` (at most [`MAX_PAGE`]) of the live parcels `owner` holds a share of, in
    /// storage order; pass the last one as `start_after` for the next page.
    pub fn parcels_of(owner: Party, start_after: Option<ParcelId>, limit: u32) -> Vec<ParcelId> {
        let limit = limit.min(MAX_PAGE) as usize;
        match start_after {
            Some(last) => OwnerParcels::<T>::iter_key_prefix_from(
                owner,
                OwnerParcels::<T>::hashed_key_for(owner, last),
            )
            .take(limit)
            .collect(),
            None => OwnerParcels::<T>::iter_key_prefix(owner)
                .take(limit)
                .collect(),
        }
    }

    /// How many changes `parcel`'s history holds, and up to `limit` (at most [`MAX_PAGE`]) of
    /// them from number `from` on, oldest first; `None` for an unknown parcel.
    pub fn title_history(
        parcel: ParcelId,
        from: u32,
        limit: u32,
    ) -> Option<(u32, Vec<HistoryEntry<BlockNumberFor<T>>>)> {
        // Read, not `contains_key`: a node proves `contains_key` of a large value with its hash
        // alone, and a light client re-running this call from the proof needs the value.
        Parcels::<T>::get(parcel)?;
        let total = ParcelHistoryLength::<T>::get(parcel);
        let end = from.saturating_add(limit.min(MAX_PAGE)).min(total);
        let entries = (from..end)
            // Entries are numbered without gaps; stopping at a missing one keeps numbers right.
            .map_while(|index| ParcelHistory::<T>::get(parcel, index))
            .collect();
        Some((total, entries))
    }
}
