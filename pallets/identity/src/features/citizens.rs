//! Registering citizens, and the civil registry's changes to them.

use crate::{pallet::*, types::*};
use frame_support::{
    ensure,
    pallet_prelude::DispatchResult,
    traits::{EnsureOrigin, Get},
};
use frame_system::pallet_prelude::{BlockNumberFor, OriginFor};
use govchain_primitives::{
    dual_control::{ActionClass, DualControl},
    identity::{CitizenId, InstitutionId, KycTier, RegionCode, Role},
    voting::BallotRegister,
};
use sp_core::H256;
use sp_runtime::{
    traits::{CheckedDiv, Zero},
    DispatchError,
};

/// Which way a count of active citizens moves.
enum Count {
    Up,
    Down,
}

impl<T: Config> Pallet<T> {
    /// The registration period the current block is in, numbered from genesis.
    pub(crate) fn current_registration_period() -> BlockNumberFor<T> {
        frame_system::Pallet::<T>::block_number()
            .checked_div(&T::RegistrationPeriod::get())
            .unwrap_or_else(Zero::zero)
    }

    /// Counts one registration by `officer` of `institution` against the council's caps for the
    /// current registration period, or refuses it when either cap is reached.
    pub(crate) fn count_registration(
        officer: &T::AccountId,
        institution: InstitutionId,
    ) -> DispatchResult {
        let caps = CitizenRegistrationCaps::<T>::get();
        let period = Self::current_registration_period();
        let used = |usage: QuotaUsage<BlockNumberFor<T>>| {
            if usage.period == period {
                usage.used
            } else {
                0
            }
        };
        let by_officer = used(OfficerRegistrations::<T>::get(officer));
        ensure!(
            by_officer < caps.per_officer,
            Error::<T>::OfficerRegistrationCapReached
        );
        let by_institution = used(InstitutionRegistrations::<T>::get(institution));
        ensure!(
            by_institution < caps.per_institution,
            Error::<T>::InstitutionRegistrationCapReached
        );
        OfficerRegistrations::<T>::insert(
            officer,
            QuotaUsage {
                period,
                used: by_officer.saturating_add(1),
            },
        );
        InstitutionRegistrations::<T>::insert(
            institution,
            QuotaUsage {
                period,
                used: by_institution.saturating_add(1),
            },
        );
        Ok(())
    }

    /// Whether `origin` may change `citizen`'s record: the council, or a signed active
    /// civil-registry officer of the institution that registered the citizen.
    pub(crate) fn ensure_registry_of(origin: OriginFor<T>, citizen: CitizenId) -> DispatchResult {
        match T::InstitutionOrigin::try_origin(origin) {
            Ok(_) => Ok(()),
            Err(origin) => {
                let registry = Self::ensure_civil_registry(origin)?;
                Self::ensure_registered_by(citizen, registry)
            }
        }
    }

    /// Whether `citizen` was registered by `registry`.
    pub(crate) fn ensure_registered_by(
        citizen: CitizenId,
        registry: InstitutionId,
    ) -> DispatchResult {
        let record = Citizens::<T>::get(citizen).ok_or(Error::<T>::CitizenNotFound)?;
        ensure!(
            record.registered_by == registry,
            Error::<T>::NotRegisteringRegistry
        );
        Ok(())
    }

    /// Makes a sensitive act of `class` on `citizen`: the council acts at once; a civil-registry
    /// officer of the registry that registered the citizen acts at once or, under dual control,
    /// proposes `call` for its colleagues' approval. `body` learns whether the council acts.
    pub(crate) fn act_on_citizen(
        origin: OriginFor<T>,
        citizen: CitizenId,
        class: ActionClass,
        call: Call<T>,
        body: impl FnOnce(bool) -> DispatchResult,
    ) -> DispatchResult {
        match T::InstitutionOrigin::try_origin(origin) {
            Ok(_) => body(true),
            Err(origin) => <Self as DualControl<_, _, Call<T>>>::act(
                origin,
                Role::CivilRegistry,
                class,
                || call,
                |actor| {
                    Self::ensure_registered_by(citizen, actor.institution)?;
                    body(false)
                },
            )
            .map(|_| ()),
        }
    }

    pub(crate) fn do_register_citizen(
        registered_by: InstitutionId,
        officer: T::AccountId,
        account: T::AccountId,
        national_id_hash: H256,
        region: Option<RegionCode>,
        kyc_tier: KycTier,
    ) -> DispatchResult {
        if let Some(holder) = CitizenByNationalId::<T>::get(national_id_hash) {
            ensure!(
                Self::national_id_releasable(holder),
                Error::<T>::NationalIdTaken
            );
        }
        ensure!(
            !CitizenByAccount::<T>::contains_key(&account),
            Error::<T>::AccountIsCitizen
        );
        let citizen = NextCitizenId::<T>::get();
        let next = citizen.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

        NextCitizenId::<T>::put(next);
        Self::count_active(region, Count::Up);
        CitizenByNationalId::<T>::insert(national_id_hash, citizen);
        CitizenByAccount::<T>::insert(
            &account,
            CitizenAccount {
                citizen,
                active: true,
                kyc_tier,
                officer: Officers::<T>::contains_key(&account),
                fee_free: QuotaUsage::default(),
            },
        );
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
            officer,
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
            CitizenByAccount::<T>::mutate_extant(&record.account, |account| {
                account.kyc_tier = kyc_tier
            });
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
        let mut record = Self::ensure_movable(citizen, &new_account)?;
        let old_account = core::mem::replace(&mut record.account, new_account.clone());
        Citizens::<T>::insert(citizen, record);
        // The identity's fee-free usage moves with it; whether the account is an officer's is
        // the new account's.
        if let Some(mut moved) = CitizenByAccount::<T>::take(&old_account) {
            moved.officer = Officers::<T>::contains_key(&new_account);
            CitizenByAccount::<T>::insert(&new_account, moved);
        }
        // A consent given with the old key does not outlive it.
        MoveConsents::<T>::remove(citizen);
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
            CitizenByAccount::<T>::mutate_extant(&record.account, |account| account.active = false);
            Self::count_active(record.region, Count::Down);
            Ok::<_, DispatchError>(record.national_id_hash)
        })?;
        // A registration in error frees its national-ID hash for the person it really belongs
        // to; death and emigration keep it, so the same person is reactivated, never re-registered.
        // While the erroneous identity holds a ballot in an open election, the hash stays taken
        // (a fresh registration would vote twice); it is released once the election closes.
        if reason == DeactivationReason::RegistrationError {
            if T::Ballots::holds_open_ballot(citizen) {
                Self::deposit_event(Event::NationalIdKept { citizen });
            } else {
                CitizenByNationalId::<T>::remove(national_id_hash);
            }
        }
        Self::deposit_event(Event::CitizenDeactivated { citizen, reason });
        Ok(())
    }

    /// Whether the national-ID hash `holder` keeps may go to a new registration: `holder` was
    /// deactivated as a registration in error and no longer holds a ballot in an open election.
    fn national_id_releasable(holder: CitizenId) -> bool {
        Citizens::<T>::get(holder).is_some_and(|record| {
            record.status == CitizenStatus::Deactivated(DeactivationReason::RegistrationError)
        }) && !T::Ballots::holds_open_ballot(holder)
    }

    pub(crate) fn do_reactivate_citizen(citizen: CitizenId) -> DispatchResult {
        Citizens::<T>::try_mutate(citizen, |record| {
            let record = record.as_mut().ok_or(Error::<T>::CitizenNotFound)?;
            match record.status {
                CitizenStatus::Active => return Err(Error::<T>::CitizenAlreadyActive.into()),
                CitizenStatus::Deactivated(DeactivationReason::RegistrationError) => {
                    // Free, or still kept by this registration (an open ballot held it).
                    ensure!(
                        CitizenByNationalId::<T>::get(record.national_id_hash)
                            .is_none_or(|holder| holder == citizen),
                        Error::<T>::NationalIdTaken
                    );
                    CitizenByNationalId::<T>::insert(record.national_id_hash, citizen);
                }
                CitizenStatus::Deactivated(_) => {}
            }
            record.status = CitizenStatus::Active;
            CitizenByAccount::<T>::mutate_extant(&record.account, |account| account.active = true);
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

    /// The active citizen whose identity `who` holds: one read ([`CitizenByAccount`]).
    pub(crate) fn active_citizen_id(who: &T::AccountId) -> Option<CitizenId> {
        CitizenByAccount::<T>::get(who)
            .filter(|record| record.active)
            .map(|record| record.citizen)
    }
}
