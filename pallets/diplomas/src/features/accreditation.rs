//! The ministry accredits universities for periods of days, and extends, suspends, resumes and
//! withdraws accreditations. Past periods are never changed, except that a suspension or
//! withdrawal cuts the current one at today.

use crate::{pallet::*, types::*};
use frame_support::{ensure, BoundedVec};
use govchain_primitives::identity::{IdentityProvider, InstitutionId, Role};
use sp_runtime::{DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
    pub(crate) fn do_accredit(
        ministry: InstitutionId,
        university: InstitutionId,
        period: Period,
    ) -> DispatchResult {
        ensure!(
            T::Identity::institution_has_role(university, Role::University),
            Error::<T>::NotAUniversity
        );
        ensure!(period.from <= period.until, Error::<T>::InvalidPeriod);
        let today = Self::today();
        ensure!(period.until >= today, Error::<T>::PeriodEnded);
        let mut accreditation = match Accreditations::<T>::get(university) {
            None => Accreditation {
                periods: BoundedVec::new(),
                standing: Standing::Accredited,
            },
            Some(accreditation) => {
                match accreditation.standing {
                    Standing::Suspended { .. } => {
                        return Err(Error::<T>::AccreditationSuspended.into())
                    }
                    Standing::Accredited => ensure!(
                        accreditation.current_or_upcoming(today).is_none(),
                        Error::<T>::AlreadyAccredited
                    ),
                    Standing::Withdrawn => {}
                }
                if let Some(last) = accreditation.periods.last() {
                    ensure!(period.from > last.until, Error::<T>::PeriodOverlaps);
                }
                // Even when a backdated withdrawal left no period, its days stay taken away.
                ensure!(period.from >= today, Error::<T>::PeriodStartsInPast);
                accreditation
            }
        };
        accreditation
            .periods
            .try_push(period)
            .map_err(|_| Error::<T>::TooManyPeriods)?;
        accreditation.standing = Standing::Accredited;
        Accreditations::<T>::insert(university, accreditation);
        Self::deposit_event(Event::Accredited {
            university,
            period,
            ministry,
        });
        Ok(())
    }

    pub(crate) fn do_extend_accreditation(
        ministry: InstitutionId,
        university: InstitutionId,
        until: Day,
    ) -> DispatchResult {
        let today = Self::today();
        let mut accreditation = Self::standing_accreditation(university)?;
        let last = accreditation
            .periods
            .last_mut()
            .filter(|period| period.until >= today)
            .ok_or(Error::<T>::NotAccredited)?;
        ensure!(until > last.until, Error::<T>::ExtensionNotLater);
        last.until = until;
        Accreditations::<T>::insert(university, accreditation);
        Self::deposit_event(Event::AccreditationExtended {
            university,
            until,
            ministry,
        });
        Ok(())
    }

    pub(crate) fn do_suspend_accreditation(
        ministry: InstitutionId,
        university: InstitutionId,
    ) -> DispatchResult {
        let today = Self::today();
        let mut accreditation = Self::standing_accreditation(university)?;
        let current = accreditation
            .periods
            .last_mut()
            .filter(|period| period.contains(today))
            .ok_or(Error::<T>::NotAccredited)?;
        let resume_until = current.until;
        current.until = today;
        accreditation.standing = Standing::Suspended { resume_until };
        Accreditations::<T>::insert(university, accreditation);
        Self::deposit_event(Event::AccreditationSuspended {
            university,
            on: today,
            ministry,
        });
        Ok(())
    }

    pub(crate) fn do_lift_suspension(
        ministry: InstitutionId,
        university: InstitutionId,
    ) -> DispatchResult {
        let today = Self::today();
        let mut accreditation =
            Accreditations::<T>::get(university).ok_or(Error::<T>::NotSuspended)?;
        let Standing::Suspended { resume_until } = accreditation.standing else {
            return Err(Error::<T>::NotSuspended.into());
        };
        let accredited_until = (resume_until >= today).then_some(resume_until);
        match accreditation.periods.last_mut() {
            // Lifted on the day it was suspended: the period simply goes on.
            Some(last) if last.until == today => last.until = resume_until,
            _ if accredited_until.is_some() => accreditation
                .periods
                .try_push(Period {
                    from: today,
                    until: resume_until,
                })
                .map_err(|_| Error::<T>::TooManyPeriods)?,
            _ => {}
        }
        accreditation.standing = Standing::Accredited;
        Accreditations::<T>::insert(university, accreditation);
        Self::deposit_event(Event::SuspensionLifted {
            university,
            accredited_until,
            ministry,
        });
        Ok(())
    }

    pub(crate) fn do_withdraw_accreditation(
        ministry: InstitutionId,
        university: InstitutionId,
        last_day: Option<Day>,
    ) -> DispatchResult {
        let today = Self::today();
        let last_day = last_day.unwrap_or(today);
        ensure!(last_day <= today, Error::<T>::WithdrawalInFuture);
        let mut accreditation =
            Accreditations::<T>::get(university).ok_or(Error::<T>::NotAccredited)?;
        let periods_before = accreditation.periods.clone();
        // Periods are ordered and disjoint: only the last one left can reach past `last_day`.
        accreditation
            .periods
            .retain(|period| period.from <= last_day);
        if let Some(last) = accreditation.periods.last_mut() {
            last.until = last.until.min(last_day);
        }
        ensure!(
            accreditation.standing != Standing::Withdrawn
                || accreditation.periods != periods_before,
            Error::<T>::AccreditationWithdrawn
        );
        accreditation.standing = Standing::Withdrawn;
        Accreditations::<T>::insert(university, accreditation);
        Self::deposit_event(Event::AccreditationWithdrawn {
            university,
            last_day,
            ministry,
        });
        Ok(())
    }

    /// A university's accreditation, if it is neither suspended nor withdrawn.
    fn standing_accreditation(
        university: InstitutionId,
    ) -> Result<Accreditation<T>, DispatchError> {
        let accreditation =
            Accreditations::<T>::get(university).ok_or(Error::<T>::NotAccredited)?;
        match accreditation.standing {
            Standing::Accredited => Ok(accreditation),
            Standing::Suspended { .. } => Err(Error::<T>::AccreditationSuspended.into()),
            Standing::Withdrawn => Err(Error::<T>::AccreditationWithdrawn.into()),
        }
    }

    /// The accreditation of a university that may issue diplomas today: neither suspended nor
    /// withdrawn, and accredited today.
    pub(crate) fn issuing_accreditation(
        university: InstitutionId,
        today: Day,
    ) -> Result<Accreditation<T>, DispatchError> {
        let accreditation = Self::standing_accreditation(university)?;
        ensure!(
            accreditation
                .periods
                .last()
                .is_some_and(|period| period.contains(today)),
            Error::<T>::NotAccredited
        );
        Ok(accreditation)
    }
}
