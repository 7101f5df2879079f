//! Succession: a deceased citizen's shares of land pass to its heirs by court order, executed by
//! the civil registry through the identity pallet.

use crate::{pallet::*, types::*, weights::WeightInfo};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get, weights::Weight};
use govchain_primitives::{
    estate::{split, Estate},
    identity::{CitizenId, Party},
};
use sp_core::H256;
use sp_runtime::Permill;

impl<T: Config> Estate for Pallet<T> {
    /// Each live parcel the deceased holds a share of passes that share to the heirs, split as
    /// ordered, with a `Inherited` history entry. Refused, with nothing changed, when the
    /// deceased holds more than `MaxEstateParcels` parcels (`EstateTooLarge`), a parcel is
    /// frozen (`Frozen`), or a title or an heir's index would overflow (`TooManyOwners`,
    /// `TooManyParcels`).
    fn pass_estate(
        deceased: CitizenId,
        heirs: &[(CitizenId, Permill)],
        case: H256,
    ) -> DispatchResult {
        let from = Party::Citizen(deceased);
        ensure!(
            OwnerParcelCount::<T>::get(from) <= T::MaxEstateParcels::get(),
            Error::<T>::EstateTooLarge
        );
        let parcels: alloc::vec::Vec<ParcelId> = OwnerParcels::<T>::iter_key_prefix(from)
            .take(T::MaxEstateParcels::get() as usize)
            .collect();
        for parcel in parcels {
            let mut record = Self::live_unfrozen_parcel(parcel)?;
            let Some(share) = Self::holding_of(&record.title, &from) else {
                continue;
            };
            Self::take_share(&mut record.title, &from, share)?;
            let parts = split(share.deconstruct(), heirs);
            for ((heir, _), part) in heirs.iter().zip(parts) {
                if part == 0 {
                    continue;
                }
                let heir = Party::Citizen(*heir);
                Self::give_share(&mut record.title, heir, Permill::from_parts(part))?;
                Self::index_parcel(&heir, parcel)?;
            }
            Self::unindex_parcel(&from, parcel);
            let title = record.title.clone();
            Parcels::<T>::insert(parcel, record);
            Self::record_change(
                parcel,
                TitleChange::Inherited {
                    from: deceased,
                    case,
                },
            )?;
            Self::deposit_event(Event::TitleInherited {
                parcel,
                from: deceased,
                case,
                title,
            });
        }
        Ok(())
    }

    fn pass_estate_weight(heirs: u32) -> Weight {
        T::WeightInfo::pass_estate(T::MaxEstateParcels::get(), heirs)
    }
}
