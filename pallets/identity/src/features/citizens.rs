//! Registering citizens, and the civil registry's changes to them.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult};
use govchain_primitives::identity::{CitizenId, InstitutionId, KycTier, RegionCode};
use sp_core::H256;
use sp_runtime::DispatchError;

/// Which way a count of active citizens moves.
enum Count {
    Up,
    Down,
}

impl<T: Config> Pallet<T> {
    pub(crate) fn do_register_citizen(
        registered_by: InstitutionId,
        account: T::AccountId,
        national_id_hash: H256,
        region: Option<RegionCode>,
        kyc_tier: KycTier,
    ) -> DispatchResult {
        ensure!(
            !CitizenByNationalId::<T>::contains_key(national_id_hash),
            Error::<T>::NationalIdTaken
        );
        ensure!(
            !CitizenByAccount::<T>::contains_key(&account),
            Error::<T>::AccountIsCitizen
        );
        let citizen = NextCitizenId::<T>::get();
        let next = citizen.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

        NextCitizenId::<T>::put(next);
        Self::count_active(region, Count::Up);
        CitizenByNationalId::<T>::insert(national_id_hash, citizen);
        CitizenByAccount::<T>::insert(&account, citizen);
        Citizens::<T>::insert(
            citizen,
            Citizen {
                account: account.clone(),
                national_id_hash,
                region,
                kyc_tier,
                status: CitizenStatus::Active,
                registered_by,
                registered_at: frame_system::Pallet::<T>::block_number(),
            },
        );
        // The identity keeps its account in existence, so it can transact without the fee token.
        Self::hold_account(&account);
        Self::deposit_event(Event::CitizenRegistered {
            citizen,
            account,
            registered_by,
        });
        Ok(())
    }

    pub(crate) fn do_update_citizen(
        citizen: CitizenId,
        region: Option<RegionCode>,
        kyc_tier: KycTier,
    ) -> DispatchResult {
        Citizens::<T>::try_mutate(citizen, |record| {
            let record = record.as_mut().ok_or(Error::<T>::CitizenNotFound)?;
            ensure!(
                record.status == CitizenStatus::Active,
                Error::<T>::CitizenNotActive
            );
            if record.region != region {
                Self::count_active(record.region, Count::Down);
                Self::count_active(region, Count::Up);
            }
            record.region = region;
            record.kyc_tier = kyc_tier;
            Ok::<_, DispatchError>(())
        })?;
        Self::deposit_event(Event::CitizenUpdated {
            citizen,
            region,
            kyc_tier,
        });
        Ok(())
    }

    pub(crate) fn do_move_citizen_account(
        citizen: CitizenId,
        new_account: T::AccountId,
    ) -> DispatchResult {
        ensure!(
            !CitizenByAccount::<T>::contains_key(&new_account),
            Error::<T>::AccountIsCitizen
        );
        let old_account = Citizens::<T>::try_mutate(citizen, |record| {
            let record = record.as_mut().ok_or(Error::<T>::CitizenNotFound)?;
            ensure!(
                record.status == CitizenStatus::Active,
                Error::<T>::CitizenNotActive
            );
            Ok::<_, DispatchError>(core::mem::replace(&mut record.account, new_account.clone()))
        })?;
        CitizenByAccount::<T>::remove(&old_account);
        CitizenByAccount::<T>::insert(&new_account, citizen);
        Self::release_account(&old_account);
        Self::hold_account(&new_account);
        Self::deposit_event(Event::CitizenAccountMoved {
            citizen,
            from: old_account,
            to: new_account,
        });
        Ok(())
    }

    pub(crate) fn do_deactivate_citizen(
        citizen: CitizenId,
        reason: DeactivationReason,
    ) -> DispatchResult {
        let national_id_hash = Citizens::<T>::try_mutate(citizen, |record| {
            let record = record.as_mut().ok_or(Error::<T>::CitizenNotFound)?;
            ensure!(
                record.status == CitizenStatus::Active,
                Error::<T>::CitizenNotActive
            );
            record.status = CitizenStatus::Deactivated(reason);
            Self::count_active(record.region, Count::Down);
            Ok::<_, DispatchError>(record.national_id_hash)
        })?;
        // A registration in error frees its national-ID hash for the person it really belongs
        // to; death and emigration keep it, so the same person is reactivated, never re-registered.
        if reason == DeactivationReason::RegistrationError {
            CitizenByNationalId::<T>::remove(national_id_hash);
        }
        Self::deposit_event(Event::CitizenDeactivated { citizen, reason });
        Ok(())
    }

    pub(crate) fn do_reactivate_citizen(citizen: CitizenId) -> DispatchResult {
        Citizens::<T>::try_mutate(citizen, |record| {
            let record = record.as_mut().ok_or(Error::<T>::CitizenNotFound)?;
            match record.status {
                CitizenStatus::Active => return Err(Error::<T>::CitizenAlreadyActive.into()),
                CitizenStatus::Deactivated(DeactivationReason::RegistrationError) => {
                    ensure!(
                        !CitizenByNationalId::<T>::contains_key(record.national_id_hash),
                        Error::<T>::NationalIdTaken
                    );
                    CitizenByNationalId::<T>::insert(record.national_id_hash, citizen);
                }
                CitizenStatus::Deactivated(_) => {}
            }
            record.status = CitizenStatus::Active;
            Self::count_active(record.region, Count::Up);
            Ok::<_, DispatchError>(())
        })?;
        Self::deposit_event(Event::CitizenReactivated { citizen });
        Ok(())
    }

    /// Counts a citizen of `region` becoming active (`Up`) or ceasing to be (`Down`).
    ///
    /// The counts cannot overflow or underflow, as they count stored records; saturating keeps
    /// the runtime from panicking if they ever did, and `do_try_state` would report it.
    fn count_active(region: Option<RegionCode>, change: Count) {
        let apply = |count: u64| match change {
            Count::Up => count.saturating_add(1),
            Count::Down => count.saturating_sub(1),
        };
        ActiveCitizens::<T>::mutate(|count| *count = apply(*count));
        if let Some(region) = region {
            ActiveCitizensIn::<T>::mutate_exists(region, |count| {
                *count = Some(apply(count.unwrap_or_default())).filter(|count| *count > 0);
            });
        }
    }

    /// The active citizen whose identity `who` holds, with the record.
    pub(crate) fn active_citizen(who: &T::AccountId) -> Option<(CitizenId, CitizenOf<T>)> {
        let citizen = CitizenByAccount::<T>::get(who)?;
        let record = Citizens::<T>::get(citizen)?;
        (record.status == CitizenStatus::Active).then_some((citizen, record))
    }
}
