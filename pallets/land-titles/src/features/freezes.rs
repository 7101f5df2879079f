//! Court freezes.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult};
use govchain_primitives::identity::{IdentityProvider, InstitutionId, Role};
use sp_core::H256;

impl<T: Config> Pallet<T> {
    pub(crate) fn do_freeze_parcel(
        court: InstitutionId,
        parcel: ParcelId,
        case: H256,
    ) -> DispatchResult {
        Self::live_parcel(parcel)?;
        ensure!(
            !Freezes::<T>::contains_key(parcel),
            Error::<T>::AlreadyFrozen
        );
        Freezes::<T>::insert(
            parcel,
            Freeze {
                court,
                case,
                since: frame_system::Pallet::<T>::block_number(),
            },
        );
        Self::record_change(parcel, TitleChange::Frozen { court, case })?;
        Self::deposit_event(Event::ParcelFrozen {
            parcel,
            court,
            case,
        });
        Ok(())
    }

    pub(crate) fn do_lift_freeze(court: InstitutionId, parcel: ParcelId) -> DispatchResult {
        let freeze = Freezes::<T>::get(parcel).ok_or(Error::<T>::NotFrozen)?;
        ensure!(freeze.court == court, Error::<T>::NotFreezingCourt);
        Freezes::<T>::remove(parcel);
        Self::record_change(parcel, TitleChange::FreezeLifted { court })?;
        Self::deposit_event(Event::FreezeLifted { parcel, court });
        Ok(())
    }

    pub(crate) fn do_lift_orphaned_freeze(parcel: ParcelId, case: H256) -> DispatchResult {
        let freeze = Freezes::<T>::get(parcel).ok_or(Error::<T>::NotFrozen)?;
        ensure!(
            !T::Identity::institution_has_role(freeze.court, Role::Court),
            Error::<T>::CourtStillServing
        );
        Freezes::<T>::remove(parcel);
        let court = freeze.court;
        Self::record_change(parcel, TitleChange::FreezeLiftedByCouncil { court, case })?;
        Self::deposit_event(Event::FreezeLiftedByCouncil {
            parcel,
            court,
            case,
        });
        Ok(())
    }
}
