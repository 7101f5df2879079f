//! Fee-free quotas: how many transactions an officer or citizen may still make without fees in
//! the current period.

use crate::{pallet::*, types::*};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{CheckedDiv, Zero};

/// Whether an account may transact without fees now.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Allowance<AccountId> {
    /// Neither an active officer nor an active citizen: it pays fees.
    NotEligible,
    /// The identity has quota left in this period.
    Available(FeeFreeIdentity<AccountId>),
    /// The identity used its whole quota for this period.
    Exhausted,
}

impl<T: Config> Pallet<T> {
    /// The identity an account transacts as, and its quota: officers first (their quota is the
    /// institution's work), then citizens.
    pub fn fee_free_identity(who: &T::AccountId) -> Option<(FeeFreeIdentity<T::AccountId>, u32)> {
        if Self::active_officer(who).is_ok() {
            return Some((
                FeeFreeIdentity::Officer(who.clone()),
                T::OfficerTxQuota::get(),
            ));
        }
        Self::active_citizen(who)
            .map(|(citizen, _)| (FeeFreeIdentity::Citizen(citizen), T::CitizenTxQuota::get()))
    }

    /// The current quota period, numbered from genesis.
    pub fn current_quota_period() -> BlockNumberFor<T> {
        frame_system::Pallet::<T>::block_number()
            .checked_div(&T::QuotaPeriod::get())
            .unwrap_or_else(Zero::zero)
    }

    /// Fee-free transactions `identity` has made in the current period.
    pub fn quota_used(identity: &FeeFreeIdentity<T::AccountId>) -> u32 {
        let usage = FeeFreeUsage::<T>::get(identity);
        if usage.period == Self::current_quota_period() {
            usage.used
        } else {
            0
        }
    }

    /// Whether `who` may transact without fees now.
    pub fn fee_free_allowance(who: &T::AccountId) -> Allowance<T::AccountId> {
        match Self::fee_free_identity(who) {
            None => Allowance::NotEligible,
            Some((identity, quota)) if Self::quota_used(&identity) < quota => {
                Allowance::Available(identity)
            }
            Some(_) => Allowance::Exhausted,
        }
    }

    /// Counts one fee-free transaction of `identity` in the current period.
    pub(crate) fn use_quota(identity: &FeeFreeIdentity<T::AccountId>) {
        let used = Self::quota_used(identity).saturating_add(1);
        FeeFreeUsage::<T>::insert(
            identity,
            QuotaUsage {
                period: Self::current_quota_period(),
                used,
            },
        );
    }
}
