//! Holders pay each other: both must be verified and not frozen, the receiver stays within its
//! cap and the sender within its daily outflow limit.

use crate::{pallet::*, types::*, WeightInfo};
use frame_support::{ensure, traits::Get, weights::Weight};
use govchain_primitives::identity::Party;
use sp_runtime::{
    traits::{CheckedAdd, CheckedSub, Zero},
    DispatchResult,
};

impl<T: Config> Pallet<T> {
    /// The weight of a citizen's payment: measured between citizens of one tier, plus what a
    /// receiver costs beyond a citizen of the sender's tier (at most two reads: a non-bank
    /// institution's own and default limits besides its record, or another tier's limits).
    pub(crate) fn citizen_transfer_weight() -> Weight {
        T::WeightInfo::transfer_citizen().saturating_add(Self::receiver_beyond_measured())
    }

    /// What paying a receiver costs beyond the measured citizen of the sender's tier.
    pub(crate) fn receiver_beyond_measured() -> Weight {
        T::DbWeight::get().reads(2)
    }

    /// Moves `amount` from `from` to `to` under every rule, or changes nothing.
    pub(crate) fn do_transfer(from: &Party, to: &Party, amount: T::Balance) -> DispatchResult {
        Self::ensure_payable(from, to, amount)?;
        let from_limits = Self::verified_limits(from).ok_or(Error::<T>::UnverifiedSender)?;
        Self::pay(from, from_limits, to, amount)
    }

    /// The checks that come before any holder's: a payment of something, to someone else.
    fn ensure_payable(from: &Party, to: &Party, amount: T::Balance) -> DispatchResult {
        ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
        ensure!(from != to, Error::<T>::SelfTransfer);
        Ok(())
    }

    /// [`Self::do_transfer`] from a sender the caller verified already, with its limits
    /// (`None`: none apply): a citizen paying from its own account, whose account record said
    /// both ([`IdentityProvider::citizen_profile`]). The receiver is verified here. Reads each
    /// side's record once and writes it once.
    ///
    /// [`IdentityProvider::citizen_profile`]: govchain_primitives::identity::IdentityProvider::citizen_profile
    pub(crate) fn transfer_verified(
        from: &Party,
        from_limits: Option<Limits<T::Balance>>,
        to: &Party,
        amount: T::Balance,
    ) -> DispatchResult {
        Self::ensure_payable(from, to, amount)?;
        Self::pay(from, from_limits, to, amount)
    }

    /// Pays once the amount and the sender are checked: verifies the receiver, then moves the
    /// money under both sides' limits and freezes.
    fn pay(
        from: &Party,
        from_limits: Option<Limits<T::Balance>>,
        to: &Party,
        amount: T::Balance,
    ) -> DispatchResult {
        let to_limits = Self::verified_limits(to).ok_or(Error::<T>::UnverifiedReceiver)?;
        let mut sender = Holders::<T>::get(from);
        let mut receiver = Holders::<T>::get(to);
        ensure!(sender.freeze.is_none(), Error::<T>::SenderFrozen);
        ensure!(receiver.freeze.is_none(), Error::<T>::ReceiverFrozen);

        // Everything is checked before anything is written: registries pay through here
        // without a storage layer of their own.
        sender.balance = sender
            .balance
            .checked_sub(&amount)
            .ok_or(Error::<T>::InsufficientBalance)?;
        receiver.balance = receiver
            .balance
            .checked_add(&amount)
            .ok_or(Error::<T>::Overflow)?;
        if let Some(limits) = to_limits {
            ensure!(
                receiver.balance <= limits.balance_cap,
                Error::<T>::BalanceCapExceeded
            );
        }
        if let Some(limits) = from_limits {
            let sent = Self::sent_today(&sender.outflow)
                .checked_add(&amount)
                .ok_or(Error::<T>::Overflow)?;
            ensure!(sent <= limits.daily_outflow, Error::<T>::DailyLimitExceeded);
            let period = Self::outflow_period(frame_system::Pallet::<T>::block_number());
            sender.outflow = Outflow { period, sent };
        }

        Self::put_holder(from, sender);
        Self::put_holder(to, receiver);
        Self::deposit_event(Event::Transferred {
            from: *from,
            to: *to,
            amount,
        });
        Ok(())
    }
}
