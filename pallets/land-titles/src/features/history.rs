//! Each parcel's history: the changes to its record, numbered from 0, so anyone can list them
//! from state without replaying events.

use crate::{pallet::*, types::*};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    /// Appends `change`, made in the current block, to `parcel`'s history.
    pub(crate) fn record_change(parcel: ParcelId, change: TitleChange) -> DispatchResult {
        let index = ParcelHistoryLength::<T>::get(parcel);
        let length = index.checked_add(1).ok_or(Error::<T>::Overflow)?;
        ParcelHistory::<T>::insert(
            parcel,
            index,
            HistoryEntry {
                at: frame_system::Pallet::<T>::block_number(),
                change,
            },
        );
        ParcelHistoryLength::<T>::insert(parcel, length);
        Ok(())
    }
}
