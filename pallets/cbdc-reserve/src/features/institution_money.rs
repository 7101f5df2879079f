//! An institution's money: each officer moves it within the council's daily outflow limit per
//! officer, and a transfer above the council's large-transfer amount needs dual control (the
//! institution's officers approve it; approved, it is the institution's act, not one officer's).

use crate::{pallet::*, types::*};
use frame_support::{ensure, weights::Weight};
use frame_system::pallet_prelude::OriginFor;
use govchain_primitives::{
    dual_control::{Acted, ActionClass, Actor, Approval, DualControl},
    identity::{IdentityProvider, InstitutionId, Party},
};
use sp_runtime::{traits::CheckedAdd, DispatchResult};

impl<T: Config> Pallet<T> {
    /// Pays `amount` from `institution` to `to` for the officer behind `origin`.
    pub(crate) fn transfer_from_institution(
        origin: OriginFor<T>,
        institution: InstitutionId,
        to: Party,
        amount: T::Balance,
    ) -> DispatchResult {
        let from = Party::Institution(institution);
        let call = || Call::<T>::transfer { from, to, amount };
        let body = |actor: &Actor<T::AccountId>| {
            ensure!(actor.institution == institution, Error::<T>::NotHolder);
            // One officer acting alone stays within its own daily limit; a transfer its
            // colleagues approve (or will, when it is checked for the proposal) is the
            // institution's act.
            let outflow = match actor.approval {
                Approval::Alone => {
                    Self::officer_outflow_after(&actor.officer, institution, amount)?
                }
                Approval::Approved(_) | Approval::Needed => None,
            };
            Self::do_transfer(&from, &to, amount)?;
            if let Some(outflow) = outflow {
                OfficerOutflows::<T>::insert(&actor.officer, outflow);
            }
            Ok(())
        };
        let acted = if Self::is_large_transfer(amount) {
            <T::DualControl as DualControl<_, _, Call<T>>>::act(
                origin,
                None,
                ActionClass::LargeTransfer,
                call,
                body,
            )
        } else {
            // Below the large-transfer amount any officer of the institution pays alone.
            let who = frame_system::ensure_signed(origin)?;
            let institution =
                T::Identity::officer_institution(&who).map_err(|_| Error::<T>::NotHolder)?;
            body(&Actor {
                institution,
                officer: who,
                approval: Approval::Alone,
            })
            .map(Acted::Done)
        };
        acted.map(|_| ())
    }

    /// Whether `amount` is above the council's large-transfer amount.
    pub(crate) fn is_large_transfer(amount: T::Balance) -> bool {
        LargeTransferThreshold::<T>::get().is_some_and(|threshold| amount > threshold)
    }

    /// The officer's outflow after sending `amount` more today, or `None` when no limit
    /// applies to `institution`'s officers; refused beyond the limit.
    fn officer_outflow_after(
        officer: &T::AccountId,
        institution: InstitutionId,
        amount: T::Balance,
    ) -> Result<Option<Outflow<T::Balance>>, sp_runtime::DispatchError> {
        let Some(limit) = OfficerDailyOutflowOf::<T>::get(institution)
            .or_else(DefaultOfficerDailyOutflow::<T>::get)
        else {
            return Ok(None);
        };
        let period = Self::outflow_period(frame_system::Pallet::<T>::block_number());
        let earlier = OfficerOutflows::<T>::get(officer);
        let sent_today = if earlier.period == period {
            earlier.sent
        } else {
            Default::default()
        };
        let sent = sent_today
            .checked_add(&amount)
            .ok_or(Error::<T>::Overflow)?;
        ensure!(sent <= limit, Error::<T>::OfficerDailyLimitExceeded);
        Ok(Some(Outflow { period, sent }))
    }

    /// What paying from an institution adds to `transfer`'s measured weight (whose benchmark
    /// pays from an institution under officer limits): keeping a large transfer for approval.
    pub(crate) fn institution_transfer_weight() -> Weight {
        Self::proposal_weight()
    }
}
