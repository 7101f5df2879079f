//! Holders pay each other: both must be verified and not frozen, the receiver stays within its
//! cap and the sender within its daily outflow limit.

use crate::{pallet::*, types::*};
use frame_support::ensure;
use govchain_primitives::identity::{IdentityProvider, Party};
use sp_runtime::{
    traits::{CheckedAdd, CheckedSub, Zero},
    DispatchResult,
};

impl<T: Config> Pallet<T> {
    /// Moves `amount` from `from` to `to` under every rule, or changes nothing.
    pub(crate) fn do_transfer(from: &Party, to: &Party, amount: T::Balance) -> DispatchResult {
        ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
        ensure!(from != to, Error::<T>::SelfTransfer);
        ensure!(
            T::Identity::party_is_active(from),
            Error::<T>::UnverifiedSender
        );
        ensure!(
            T::Identity::party_is_active(to),
            Error::<T>::UnverifiedReceiver
        );
        ensure!(!Frozen::<T>::contains_key(from), Error::<T>::SenderFrozen);
        ensure!(!Frozen::<T>::contains_key(to), Error::<T>::ReceiverFrozen);

        // Everything is checked before anything is written: registries pay through here
        // without a storage layer of their own.
        let sender_balance = Balances::<T>::get(from)
            .unwrap_or_default()
            .checked_sub(&amount)
            .ok_or(Error::<T>::InsufficientBalance)?;
        let receiver_balance = Balances::<T>::get(to)
            .unwrap_or_default()
            .checked_add(&amount)
            .ok_or(Error::<T>::Overflow)?;
        if let Some(limits) = Self::limits_of(to) {
            ensure!(
                receiver_balance <= limits.balance_cap,
                Error::<T>::BalanceCapExceeded
            );
        }
        let outflow = match Self::limits_of(from) {
            Some(limits) => {
                let sent = Self::sent_today(from)
                    .checked_add(&amount)
                    .ok_or(Error::<T>::Overflow)?;
                ensure!(sent <= limits.daily_outflow, Error::<T>::DailyLimitExceeded);
                let period = Self::outflow_period(frame_system::Pallet::<T>::block_number());
                Some(Outflow { period, sent })
            }
            None => None,
        };

        if let Some(outflow) = outflow {
            Outflows::<T>::insert(from, outflow);
        }
        Self::set_balance(from, sender_balance);
        Balances::<T>::insert(to, receiver_balance);
        Self::deposit_event(Event::Transferred {
            from: *from,
            to: *to,
            amount,
        });
        Ok(())
    }
}
