//! What every diploma, issued or imported, must satisfy, and how it is stored.

use crate::{pallet::*, types::*};
use frame_support::{ensure, traits::Get, BoundedVec};
use govchain_primitives::identity::IdentityProvider;
use sp_runtime::{
    traits::{BlakeTwo256, Hash},
    DispatchResult,
};

impl<T: Config> Pallet<T> {
    /// The id of the diploma `issuer` numbered `serial`.
    pub fn diploma_id(issuer: &Issuer, serial: &Serial) -> DiplomaId {
        BlakeTwo256::hash_of(&(issuer, serial))
    }

    /// Checks a diploma's own fields, cheapest first, then that its holder is an active
    /// citizen.
    pub(crate) fn check_spec(spec: &DiplomaSpec, today: Day) -> Result<(), ItemError> {
        ensure!(is_valid_serial(&spec.serial), ItemError::InvalidSerial);
        ensure!(spec.field <= MAX_FIELD_CODE, ItemError::InvalidFieldCode);
        ensure!(spec.issued_on <= today, ItemError::IssueDateInFuture);
        ensure!(
            T::Identity::account_of(spec.holder).is_some(),
            ItemError::UnknownHolder
        );
        Ok(())
    }

    /// Stores a checked diploma and indexes and counts it under its holder, unless its issuer
    /// already used the serial number or the holder holds `MaxDiplomasPerHolder` diplomas.
    pub(crate) fn record(
        issuer: Issuer,
        spec: DiplomaSpec,
        provenance: Provenance,
    ) -> Result<DiplomaId, ItemError> {
        let id = Self::diploma_id(&issuer, &spec.serial);
        ensure!(!Records::<T>::contains_key(id), ItemError::DuplicateSerial);
        HolderDiplomaCount::<T>::try_mutate(spec.holder, |count| {
            *count = count
                .checked_add(1)
                .filter(|held| *held <= T::MaxDiplomasPerHolder::get())
                .ok_or(ItemError::TooManyDiplomasForHolder)?;
            Ok::<_, ItemError>(())
        })?;
        HolderDiplomas::<T>::insert(spec.holder, id, ());
        Records::<T>::insert(
            id,
            Diploma {
                issuer,
                spec,
                provenance,
                recorded_at: frame_system::Pallet::<T>::block_number(),
                status: Status::Valid,
            },
        );
        Ok(id)
    }

    /// Counts `recorded` more diplomas in the register.
    pub(crate) fn count_recorded(recorded: usize) -> DispatchResult {
        let recorded = u64::try_from(recorded).map_err(|_| Error::<T>::Overflow)?;
        DiplomaCount::<T>::try_mutate(|count| {
            *count = count.checked_add(recorded).ok_or(Error::<T>::Overflow)?;
            Ok(())
        })
    }

    /// Refuses an empty batch (its type bounds it by `MaxBatchSize`).
    pub(crate) fn ensure_not_empty<Item>(
        batch: &BoundedVec<Item, T::MaxBatchSize>,
    ) -> DispatchResult {
        ensure!(!batch.is_empty(), Error::<T>::EmptyBatch);
        Ok(())
    }

    /// The error for the batch item at `index`.
    pub(crate) fn item_failed(index: usize, error: ItemError) -> Error<T> {
        // `integrity_test` keeps `MaxBatchSize` within `u16`.
        let index = u16::try_from(index).unwrap_or(u16::MAX);
        Error::<T>::BatchItemFailed { index, error }
    }
}
