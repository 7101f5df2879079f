//! The reference this pallet holds on officers' and citizens' accounts, so that an account with
//! no tokens exists and can send transactions.

use crate::pallet::*;

impl<T: Config> Pallet<T> {
    /// Makes `who` exist for as long as this pallet needs it to.
    pub(crate) fn hold_account(who: &T::AccountId) {
        frame_system::Pallet::<T>::inc_sufficients(who);
    }

    /// Gives up the reference from [`Self::hold_account`], unless it is the last thing keeping
    /// alive an account that has sent transactions: a deleted account's nonce restarts at zero,
    /// and anyone could replay its old transactions once it exists again (for example when the
    /// officer is re-appointed). Such an account keeps the reference for good.
    pub(crate) fn release_account(who: &T::AccountId) {
        let system = frame_system::Pallet::<T>::account(who);
        let last_reference = system.providers == 0 && system.sufficients <= 1;
        if last_reference && system.nonce != Default::default() {
            return;
        }
        frame_system::Pallet::<T>::dec_sufficients(who);
    }
}
