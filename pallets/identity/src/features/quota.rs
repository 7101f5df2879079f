//! Fee-free quotas: how many transactions an officer, its institution or a citizen may still
//! make without fees in the current period, and who may sign which registry call.

use crate::{pallet::*, types::*};
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::{CallSigner, InstitutionId};
use sp_runtime::{
    traits::{CheckedDiv, Zero},
    DispatchError,
};

/// Whether an account may transact without fees now.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Allowance<AccountId> {
    /// Neither an active officer nor an active citizen: it pays fees.
    NotEligible,
    /// The identity (and its institution) has quota left for the transaction.
    Available(FeeFreeSlot<AccountId>),
    /// The identity or its institution used its whole quota for this period.
    Exhausted,
}

impl<T: Config> Pallet<T> {
    /// The identity an account transacts as, and its quota: officers first (their quota is the
    /// institution's work), then citizens. A citizen's account that is no officer's takes one
    /// read ([`CitizenByAccount`]).
    pub fn fee_free_identity(who: &T::AccountId) -> Option<(FeeFreeSlot<T::AccountId>, u32)> {
        Self::fee_free_identity_and_usage(who).map(|(slot, quota, _)| (slot, quota))
    }

    /// [`Self::fee_free_identity`], with the transactions the identity made this period: a
    /// citizen's from the account record the identity was read from, not read again.
    fn fee_free_identity_and_usage(
        who: &T::AccountId,
    ) -> Option<(FeeFreeSlot<T::AccountId>, u32, u32)> {
        let citizen = CitizenByAccount::<T>::get(who);
        if citizen.as_ref().is_none_or(|record| record.officer) {
            if let Ok((institution, _)) = Self::active_officer(who) {
                let slot = FeeFreeSlot::Officer {
                    officer: who.clone(),
                    institution,
                };
                let used = Self::slot_used(&slot);
                return Some((slot, T::OfficerTxQuota::get(), used));
            }
        }
        citizen.filter(|record| record.active).map(|record| {
            let slot = FeeFreeSlot::Citizen {
                account: who.clone(),
                citizen: record.citizen,
                officer_checked: record.officer,
            };
            (
                slot,
                T::CitizenTxQuota::get(),
                Self::used_now(record.fee_free),
            )
        })
    }

    /// The current quota period, numbered from genesis.
    pub fn current_quota_period() -> BlockNumberFor<T> {
        frame_system::Pallet::<T>::block_number()
            .checked_div(&T::QuotaPeriod::get())
            .unwrap_or_else(Zero::zero)
    }

    /// Usage recorded in `usage` counts only in its own period.
    fn used_now(usage: QuotaUsage<BlockNumberFor<T>>) -> u32 {
        if usage.period == Self::current_quota_period() {
            usage.used
        } else {
            0
        }
    }

    /// Fee-free transactions `identity` has made in the current period.
    pub fn quota_used(identity: &FeeFreeIdentity<T::AccountId>) -> u32 {
        match identity {
            FeeFreeIdentity::Officer(_) => Self::used_now(FeeFreeUsage::<T>::get(identity)),
            FeeFreeIdentity::Citizen(citizen) => Citizens::<T>::get(citizen)
                .and_then(|record| CitizenByAccount::<T>::get(record.account))
                .map_or(0, |account| Self::used_now(account.fee_free)),
        }
    }

    /// Fee-free transactions `slot`'s identity has made in the current period.
    pub(crate) fn slot_used(slot: &FeeFreeSlot<T::AccountId>) -> u32 {
        match slot {
            FeeFreeSlot::Officer { .. } => Self::quota_used(&slot.identity()),
            FeeFreeSlot::Citizen { account, .. } => CitizenByAccount::<T>::get(account)
                .map_or(0, |record| Self::used_now(record.fee_free)),
        }
    }

    /// Fee-free transactions `institution`'s officers have made together in the current period.
    pub fn institution_quota_used(institution: InstitutionId) -> u32 {
        Self::used_now(InstitutionFeeFreeUsage::<T>::get(institution))
    }

    /// Whether `who` may make one more fee-free transaction now, with `ahead` of its
    /// transactions (fee-free ones, at most) before it in the pool.
    pub fn fee_free_allowance(who: &T::AccountId, ahead: u32) -> Allowance<T::AccountId> {
        let Some((slot, quota, used)) = Self::fee_free_identity_and_usage(who) else {
            return Allowance::NotEligible;
        };
        let fits = |used: u32, quota: u32| used.saturating_add(ahead) < quota;
        let available = fits(used, quota)
            && slot.institution().is_none_or(|institution| {
                fits(
                    Self::institution_quota_used(institution),
                    T::InstitutionTxQuota::get(),
                )
            });
        if available {
            Allowance::Available(slot)
        } else {
            Allowance::Exhausted
        }
    }

    /// Counts one fee-free transaction of `slot`'s identity, and of its institution, in the
    /// current period.
    pub(crate) fn use_quota(slot: &FeeFreeSlot<T::AccountId>) {
        let period = Self::current_quota_period();
        let used = Self::slot_used(slot).saturating_add(1);
        let usage = QuotaUsage { period, used };
        match slot {
            FeeFreeSlot::Officer {
                officer,
                institution,
            } => {
                FeeFreeUsage::<T>::insert(FeeFreeIdentity::Officer(officer.clone()), usage);
                let used = Self::institution_quota_used(*institution).saturating_add(1);
                InstitutionFeeFreeUsage::<T>::insert(institution, QuotaUsage { period, used });
            }
            FeeFreeSlot::Citizen { account, .. } => {
                CitizenByAccount::<T>::mutate_extant(account, |record| record.fee_free = usage);
            }
        }
    }

    pub(crate) fn do_set_fee_free_block_share(share: sp_runtime::Perbill) {
        FeeFreeBlockShare::<T>::put(share);
        // The block's limit follows the new share from the next fee-free transaction on.
        FeeFreeBlockLimit::<T>::kill();
        Self::deposit_event(Event::FeeFreeBlockShareSet { share });
    }

    /// Whether `who` may sign a call that `signer` names, by the same rule the call's own origin
    /// check applies; otherwise the precise reason it may not.
    pub fn ensure_may_sign(who: &T::AccountId, signer: CallSigner) -> Result<(), DispatchError> {
        match signer {
            CallSigner::Citizen => {
                ensure!(
                    Self::active_citizen_id(who).is_some(),
                    Error::<T>::CitizenNotActive
                );
            }
            CallSigner::Officer(role) => {
                Self::officer_with_role(who, role)?;
            }
            CallSigner::AnyOfficer => {
                Self::active_officer(who)?;
            }
            CallSigner::Party => {
                if Self::active_citizen_id(who).is_none() {
                    Self::active_officer(who)?;
                }
            }
            CallSigner::AdminOf(institution) => {
                let record =
                    Institutions::<T>::get(institution).ok_or(Error::<T>::InstitutionNotFound)?;
                ensure!(record.admin == *who, Error::<T>::NotInstitutionAdmin);
            }
            CallSigner::Anyone => {}
            CallSigner::Governance => return Err(DispatchError::BadOrigin),
        }
        Ok(())
    }
}
