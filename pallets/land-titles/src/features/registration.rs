//! Registering parcels, and the checks every new parcel passes.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult};
use govchain_primitives::identity::InstitutionId;
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
    /// Checks a new parcel's cadastral number and area.
    pub(crate) fn ensure_valid_spec(spec: &ParcelSpec) -> DispatchResult {
        let number = &spec.cadastral_number;
        ensure!(
            !number.is_empty()
                && number
                    .iter()
                    .all(|byte| byte.is_ascii_alphanumeric() || b"-:/.".contains(byte)),
            Error::<T>::InvalidCadastralNumber
        );
        ensure!(
            !ParcelByCadastralNumber::<T>::contains_key(number),
            Error::<T>::CadastralNumberTaken
        );
        ensure!(spec.area > 0, Error::<T>::ZeroArea);
        Ok(())
    }

    /// Every check of a new parcel's registration, before it changes anything.
    pub(crate) fn check_registration(spec: &ParcelSpec, owners: &Title<T>) -> DispatchResult {
        Self::ensure_valid_spec(spec)?;
        Self::ensure_valid_title(owners)
    }

    /// Registers a parcel, checked by [`Self::check_registration`].
    pub(crate) fn do_register_parcel(
        registrar: InstitutionId,
        spec: ParcelSpec,
        owners: Title<T>,
    ) -> DispatchResult {
        Self::create_parcel(registrar, spec, owners, Lineage::<T>::default())?;
        Ok(())
    }

    /// Stores a new live parcel with its title and parents, indexes its owners and announces
    /// it. The spec and title are checked already.
    pub(crate) fn create_parcel(
        registrar: InstitutionId,
        spec: ParcelSpec,
        title: Title<T>,
        parents: Lineage<T>,
    ) -> Result<ParcelId, DispatchError> {
        let parcel = NextParcelId::<T>::get();
        NextParcelId::<T>::put(parcel.checked_add(1).ok_or(Error::<T>::Overflow)?);
        Self::index_new_parcel(&title, parcel)?;
        ParcelByCadastralNumber::<T>::insert(&spec.cadastral_number, parcel);
        Parcels::<T>::insert(
            parcel,
            Parcel::<T> {
                spec: spec.clone(),
                title: title.clone(),
                registered_at: frame_system::Pallet::<T>::block_number(),
                retired_at: None,
                parents,
                children: Lineage::<T>::default(),
            },
        );
        Self::record_change(parcel, TitleChange::Registered { registrar })?;
        Self::deposit_event(Event::ParcelRegistered {
            parcel,
            spec,
            title,
            registrar,
        });
        Ok(parcel)
    }

    /// A parcel that is live.
    pub(crate) fn live_parcel(parcel: ParcelId) -> Result<Parcel<T>, DispatchError> {
        let record = Parcels::<T>::get(parcel).ok_or(Error::<T>::UnknownParcel)?;
        ensure!(record.is_live(), Error::<T>::ParcelRetired);
        Ok(record)
    }

    /// A parcel that is live and not frozen.
    pub(crate) fn live_unfrozen_parcel(parcel: ParcelId) -> Result<Parcel<T>, DispatchError> {
        let record = Self::live_parcel(parcel)?;
        ensure!(!Freezes::<T>::contains_key(parcel), Error::<T>::Frozen);
        Ok(record)
    }
}
