//! The central bank mints to commercial banks within their quotas and the coverage limit;
//! banks redeem (burn) what they return.

use crate::pallet::*;
use frame_support::ensure;
use govchain_primitives::identity::{IdentityProvider, InstitutionId, Party, Role};
use sp_runtime::{
    traits::{CheckedAdd, CheckedSub, Saturating, Zero},
    DispatchResult,
};

impl<T: Config> Pallet<T> {
    pub(crate) fn do_set_bank_quota(bank: InstitutionId, limit: T::Balance) -> DispatchResult {
        Self::ensure_commercial_bank(bank)?;
        BankQuotas::<T>::mutate(bank, |quota| {
            quota.get_or_insert_with(Default::default).limit = limit;
        });
        Self::deposit_event(Event::BankQuotaSet { bank, limit });
        Ok(())
    }

    pub(crate) fn do_mint(bank: InstitutionId, amount: T::Balance) -> DispatchResult {
        ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
        ensure!(
            UnattestedAssets::<T>::get() == 0,
            Error::<T>::UnattestedValuation
        );
        Self::ensure_commercial_bank(bank)?;
        let holder = Party::Institution(bank);
        ensure!(
            Holders::<T>::get(holder).freeze.is_none(),
            Error::<T>::ReceiverFrozen
        );
        let mut quota = BankQuotas::<T>::get(bank).unwrap_or_default();
        quota.outstanding = quota
            .outstanding
            .checked_add(&amount)
            .ok_or(Error::<T>::Overflow)?;
        ensure!(quota.outstanding <= quota.limit, Error::<T>::QuotaExceeded);
        let supply = TotalSupply::<T>::get()
            .checked_add(&amount)
            .ok_or(Error::<T>::Overflow)?;
        Self::ensure_covered(
            supply,
            ReserveValue::<T>::get(),
            MaxCoveragePercent::<T>::get(),
        )?;
        Self::credit(&holder, amount)?;
        BankQuotas::<T>::insert(bank, quota);
        TotalSupply::<T>::put(supply);
        Self::deposit_event(Event::Minted { bank, amount });
        Ok(())
    }

    pub(crate) fn do_redeem(bank: InstitutionId, amount: T::Balance) -> DispatchResult {
        ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
        let holder = Party::Institution(bank);
        ensure!(
            Holders::<T>::get(holder).freeze.is_none(),
            Error::<T>::SenderFrozen
        );
        Self::debit(&holder, amount)?;
        // A bank may redeem deposits it took in beyond what was minted to it.
        if let Some(mut quota) = BankQuotas::<T>::get(bank) {
            quota.outstanding = quota
                .outstanding
                .checked_sub(&amount)
                .unwrap_or_else(Zero::zero);
            BankQuotas::<T>::insert(bank, quota);
        }
        TotalSupply::<T>::mutate(|supply| *supply = supply.saturating_sub(amount));
        Self::deposit_event(Event::Redeemed { bank, amount });
        Ok(())
    }

    /// Refuses unless `bank` holds `CommercialBank` and not `CentralBank`: the central bank
    /// never issues to itself.
    fn ensure_commercial_bank(bank: InstitutionId) -> DispatchResult {
        ensure!(
            T::Identity::institution_has_role(bank, Role::CommercialBank)
                && !T::Identity::institution_has_role(bank, Role::CentralBank),
            Error::<T>::NotABank
        );
        Ok(())
    }

    /// Adds `amount` to a holding.
    pub(crate) fn credit(holder: &Party, amount: T::Balance) -> DispatchResult {
        let mut record = Holders::<T>::get(holder);
        record.balance = record
            .balance
            .checked_add(&amount)
            .ok_or(Error::<T>::Overflow)?;
        Self::put_holder(holder, record);
        Ok(())
    }

    /// Takes `amount` from a holding.
    pub(crate) fn debit(holder: &Party, amount: T::Balance) -> DispatchResult {
        let mut record = Holders::<T>::get(holder);
        record.balance = record
            .balance
            .checked_sub(&amount)
            .ok_or(Error::<T>::InsufficientBalance)?;
        Self::put_holder(holder, record);
        Ok(())
    }

    /// A holder's balance.
    pub fn balance_of(holder: &Party) -> T::Balance {
        Holders::<T>::get(holder).balance
    }

    /// Stores a holder's record, removing it when it holds nothing (an outflow of an earlier
    /// period counts for nothing, and is dropped).
    pub(crate) fn put_holder(holder: &Party, mut record: HolderOf<T>) {
        let now = Self::outflow_period(frame_system::Pallet::<T>::block_number());
        if record.outflow.period != now {
            record.outflow = Default::default();
        }
        if record.is_empty() {
            Holders::<T>::remove(holder);
        } else {
            Holders::<T>::insert(holder, record);
        }
    }
}
