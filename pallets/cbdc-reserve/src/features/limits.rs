//! What each holder may hold and send: citizens by KYC tier, institutions by their own or the
//! default limits; banks and the central bank by their quotas instead.

use crate::{pallet::*, types::*};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::{IdentityProvider, Party, Role};
use sp_runtime::traits::{CheckedDiv, Saturating, UniqueSaturatedInto};

impl<T: Config> Pallet<T> {
    /// A holder's limits; `None` for banks and the central bank.
    pub fn limits_of(holder: &Party) -> Option<Limits<T::Balance>> {
        match holder {
            Party::Citizen(citizen) => {
                // An inactive citizen holds nothing new; its tier no longer counts.
                let tier = T::Identity::kyc_tier(*citizen)?;
                Some(TierLimits::<T>::get(tier))
            }
            Party::Institution(institution) => {
                let issuing_tier = [Role::CommercialBank, Role::CentralBank]
                    .into_iter()
                    .any(|role| T::Identity::institution_has_role(*institution, role));
                if issuing_tier {
                    return None;
                }
                Some(
                    InstitutionLimits::<T>::get(institution)
                        .unwrap_or_else(DefaultInstitutionLimits::<T>::get),
                )
            }
        }
    }

    /// The outflow period of block `now`.
    pub(crate) fn outflow_period(now: BlockNumberFor<T>) -> u32 {
        let period = T::OutflowPeriod::get();
        let index: u64 = now
            .checked_div(&period)
            .unwrap_or_default()
            .unique_saturated_into();
        u32::try_from(index).unwrap_or(u32::MAX)
    }

    /// What a holder whose latest outflow is `outflow` sent in the current outflow period.
    pub(crate) fn sent_today(outflow: &Outflow<T::Balance>) -> T::Balance {
        let now = Self::outflow_period(frame_system::Pallet::<T>::block_number());
        if outflow.period == now {
            outflow.sent
        } else {
            Default::default()
        }
    }

    /// The limits of `holder` if it is an active citizen or an active institution (`None`
    /// inside: no limit applies); `None` if it is neither.
    pub(crate) fn verified_limits(holder: &Party) -> Option<Option<Limits<T::Balance>>> {
        match holder {
            // An active citizen's tier: one read of the citizen, one of its tier's limits.
            Party::Citizen(citizen) => {
                T::Identity::kyc_tier(*citizen).map(|tier| Some(TierLimits::<T>::get(tier)))
            }
            Party::Institution(institution) => {
                T::Identity::institution_is_active(*institution).then(|| Self::limits_of(holder))
            }
        }
    }

    /// What a holder may still send in the current outflow period, and receive before its
    /// cap; `None` where no limit applies.
    pub(crate) fn headroom(
        holder: &Party,
        limits: &Option<Limits<T::Balance>>,
    ) -> (Option<T::Balance>, Option<T::Balance>) {
        let Some(limits) = limits else {
            return (None, None);
        };
        let record = Holders::<T>::get(holder);
        (
            Some(limits.balance_cap.saturating_sub(record.balance)),
            Some(
                limits
                    .daily_outflow
                    .saturating_sub(Self::sent_today(&record.outflow)),
            ),
        )
    }
}
