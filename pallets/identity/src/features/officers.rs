//! Appointing and revoking officers, and checking what an officer may do.

use crate::{pallet::*, types::*};
use frame_support::{
    ensure,
    pallet_prelude::DispatchResult,
    traits::{EnsureOrigin, Get},
};
use frame_system::pallet_prelude::{BlockNumberFor, OriginFor};
use govchain_primitives::{
    dual_control::{check_without_effects, ActionClass},
    identity::{InstitutionId, Role},
};
use sp_runtime::{traits::Saturating, DispatchError};

/// Who is managing an institution's officers.
pub(crate) enum Appointer<AccountId> {
    /// The council, which may manage any institution's officers.
    Council,
    /// A signed account, which must be the institution's admin.
    Account(AccountId),
    /// The institution's officers, who approved an appointment its admin proposed.
    Approved,
}

impl<T: Config> Pallet<T> {
    /// The council, or else a signed account; anything else is `BadOrigin`.
    pub(crate) fn council_or_signed(
        origin: OriginFor<T>,
    ) -> Result<Appointer<T::AccountId>, DispatchError> {
        match T::InstitutionOrigin::try_origin(origin) {
            Ok(_) => Ok(Appointer::Council),
            Err(origin) => Ok(Appointer::Account(frame_system::ensure_signed(origin)?)),
        }
    }

    /// Who appoints an officer of `institution`: the council, a signed account, or the
    /// institution's approved appointment; anything else is `BadOrigin`.
    pub(crate) fn appointer(
        origin: OriginFor<T>,
        institution: InstitutionId,
    ) -> Result<Appointer<T::AccountId>, DispatchError> {
        match Self::approved_action(origin) {
            Ok(approved) => {
                ensure!(
                    approved.class == ActionClass::OfficerAppointment
                        && approved.role.is_none()
                        && approved.institution == institution,
                    DispatchError::BadOrigin
                );
                Ok(Appointer::Approved)
            }
            Err(origin) => Self::council_or_signed(origin),
        }
    }

    /// Appoints at once (`appoint`), unless the admin appoints under dual control: then the
    /// appointment is checked and kept as a pending action for the institution's officers.
    /// The appointee may not approve its own appointment.
    pub(crate) fn appoint_or_propose(
        appointer: Appointer<T::AccountId>,
        record: Institution<T::AccountId>,
        institution: InstitutionId,
        appointee: &T::AccountId,
        call: Call<T>,
        appoint: impl FnOnce(Institution<T::AccountId>) -> DispatchResult,
    ) -> DispatchResult {
        let class = ActionClass::OfficerAppointment;
        match appointer {
            Appointer::Account(admin) if Self::approval_threshold(institution, None, class) > 1 => {
                check_without_effects(|| appoint(record))?;
                let subject = Some(appointee.clone());
                Self::do_propose_action(institution, None, class, admin, subject, call.into())
                    .map(|_| ())
            }
            _ => appoint(record),
        }
    }

    /// The institution, if `appointer` may manage its officers.
    pub(crate) fn ensure_may_manage(
        appointer: &Appointer<T::AccountId>,
        institution: InstitutionId,
    ) -> Result<Institution<T::AccountId>, DispatchError> {
        let record = Institutions::<T>::get(institution).ok_or(Error::<T>::InstitutionNotFound)?;
        if let Appointer::Account(who) = appointer {
            ensure!(record.admin == *who, Error::<T>::NotInstitutionAdmin);
        }
        Ok(record)
    }

    pub(crate) fn do_appoint_officer(
        mut record: Institution<T::AccountId>,
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
        ensure!(
            record.status == InstitutionStatus::Active,
            Error::<T>::InstitutionSuspended
        );
        let previous = Officers::<T>::get(&officer);
        match &previous {
            // A renewal: the officer is counted already.
            Some(current) if current.institution == institution => {}
            // An appointment elsewhere that still holds keeps the account there.
            Some(current) if current.expires_at > now => {
                return Err(Error::<T>::OfficerOfAnotherInstitution.into())
            }
            // A first appointment, or a move from an expired one.
            _ => {
                ensure!(
                    record.officers < T::MaxOfficersPerInstitution::get(),
                    Error::<T>::TooManyOfficers
                );
                record.officers = record.officers.saturating_add(1);
                Institutions::<T>::insert(institution, record);
                match previous {
                    Some(expired) => Self::uncount_officer(expired.institution),
                    None => Self::hold_account(&officer),
                }
            }
        }
        Officers::<T>::insert(
            &officer,
            Officer {
                institution,
                expires_at,
            },
        );
        CitizenByAccount::<T>::mutate_extant(&officer, |citizen| citizen.officer = true);
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
        CitizenByAccount::<T>::mutate_extant(&officer, |citizen| citizen.officer = false);
        Self::uncount_officer(institution);
        // Usage of the current period stays, so that revoking and re-appointing does not refill
        // the quota.
        let identity = FeeFreeIdentity::Officer(officer.clone());
        if FeeFreeUsage::<T>::get(&identity).period != Self::current_quota_period() {
            FeeFreeUsage::<T>::remove(&identity);
        }
        // So do registrations of the current period, for the registration caps.
        if OfficerRegistrations::<T>::get(&officer).period != Self::current_registration_period() {
            OfficerRegistrations::<T>::remove(&officer);
        }
        Self::release_account(&officer);
        Self::deposit_event(Event::OfficerRevoked {
            institution,
            officer,
        });
        Ok(())
    }

    fn uncount_officer(institution: InstitutionId) {
        Institutions::<T>::mutate(institution, |record| {
            if let Some(record) = record {
                record.officers = record.officers.saturating_sub(1);
            }
        });
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
