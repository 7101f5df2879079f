//! Appointing and revoking officers, and checking what an officer may do.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use frame_system::pallet_prelude::{BlockNumberFor, OriginFor};
use govchain_primitives::identity::{InstitutionId, Role};
use sp_runtime::{traits::Saturating, DispatchError};

impl<T: Config> Pallet<T> {
    pub(crate) fn do_appoint_officer(
        institution: InstitutionId,
        officer: T::AccountId,
        expires_at: BlockNumberFor<T>,
    ) -> DispatchResult {
        let now = frame_system::Pallet::<T>::block_number();
        ensure!(expires_at > now, Error::<T>::ExpiryNotInFuture);
        ensure!(
            expires_at <= now.saturating_add(T::MaxOfficerTerm::get()),
            Error::<T>::TermTooLong
        );
        let mut record =
            Institutions::<T>::get(institution).ok_or(Error::<T>::InstitutionNotFound)?;
        ensure!(
            record.status == InstitutionStatus::Active,
            Error::<T>::InstitutionSuspended
        );
        let renewal = match Officers::<T>::get(&officer) {
            Some(current) if current.institution == institution => true,
            Some(_) => return Err(Error::<T>::OfficerOfAnotherInstitution.into()),
            None => false,
        };

        if !renewal {
            record.officers = record
                .officers
                .checked_add(1)
                .ok_or(Error::<T>::TooManyOfficers)?;
            Institutions::<T>::insert(institution, record);
            // Appointment makes the account exist, so it can transact without the fee token.
            frame_system::Pallet::<T>::inc_sufficients(&officer);
        }
        Officers::<T>::insert(
            &officer,
            Officer {
                institution,
                expires_at,
            },
        );
        Self::deposit_event(Event::OfficerAppointed {
            institution,
            officer,
            expires_at,
        });
        Ok(())
    }

    pub(crate) fn do_revoke_officer(
        officer: T::AccountId,
        institution: InstitutionId,
    ) -> DispatchResult {
        Officers::<T>::remove(&officer);
        Institutions::<T>::mutate(institution, |record| {
            if let Some(record) = record {
                record.officers = record.officers.saturating_sub(1);
            }
        });
        FeeFreeUsage::<T>::remove(FeeFreeIdentity::Officer(officer.clone()));
        frame_system::Pallet::<T>::dec_sufficients(&officer);
        Self::deposit_event(Event::OfficerRevoked {
            institution,
            officer,
        });
        Ok(())
    }

    /// The institution `who` acts for, if `who` is an officer whose appointment holds, of an
    /// active institution.
    pub(crate) fn active_officer(
        who: &T::AccountId,
    ) -> Result<(InstitutionId, Institution<T::AccountId>), DispatchError> {
        let appointment = Officers::<T>::get(who).ok_or(Error::<T>::NotOfficer)?;
        ensure!(
            frame_system::Pallet::<T>::block_number() < appointment.expires_at,
            Error::<T>::OfficerExpired
        );
        let record = Institutions::<T>::get(appointment.institution)
            .ok_or(Error::<T>::InstitutionNotFound)?;
        ensure!(
            record.status == InstitutionStatus::Active,
            Error::<T>::InstitutionSuspended
        );
        Ok((appointment.institution, record))
    }

    /// The institution `who` acts for, if `who` is an active officer of an institution holding
    /// `role`.
    pub(crate) fn officer_with_role(
        who: &T::AccountId,
        role: Role,
    ) -> Result<InstitutionId, DispatchError> {
        let (institution, record) = Self::active_officer(who)?;
        ensure!(record.roles.contains(&role), Error::<T>::RoleNotHeld);
        Ok(institution)
    }

    /// The civil-registry institution the signed caller acts for.
    pub(crate) fn ensure_civil_registry(
        origin: OriginFor<T>,
    ) -> Result<InstitutionId, DispatchError> {
        let who = frame_system::ensure_signed(origin)?;
        Self::officer_with_role(&who, Role::CivilRegistry)
    }
}
