//! Succession: a deceased citizen's money passes to its heirs by court order, executed by the
//! civil registry through the identity pallet.

use crate::{pallet::*, weights::WeightInfo};
use frame_support::{ensure, pallet_prelude::DispatchResult, weights::Weight};
use govchain_primitives::{
    estate::{split, Estate},
    identity::{CitizenId, Party},
};
use sp_core::H256;
use sp_runtime::{traits::Zero, Permill};

impl<T: Config> Estate for Pallet<T> {
    /// The deceased's whole balance passes to the heirs, split as ordered (an inheritance, not
    /// a payment: the heirs' balance caps and the outflow limits do not apply). Refused, with
    /// nothing changed, while a court freezes the deceased (`SenderFrozen`) or an heir
    /// (`ReceiverFrozen`).
    fn pass_estate(
        deceased: CitizenId,
        heirs: &[(CitizenId, Permill)],
        case: H256,
    ) -> DispatchResult {
        let from = Party::Citizen(deceased);
        let record = Holders::<T>::get(from);
        let balance = record.balance;
        if balance.is_zero() {
            return Ok(());
        }
        ensure!(record.freeze.is_none(), Error::<T>::SenderFrozen);
        for (heir, _) in heirs {
            ensure!(
                Holders::<T>::get(Party::Citizen(*heir)).freeze.is_none(),
                Error::<T>::ReceiverFrozen
            );
        }
        Self::debit(&from, balance)?;
        for ((heir, _), amount) in heirs.iter().zip(split(balance, heirs)) {
            if amount.is_zero() {
                continue;
            }
            let to = Party::Citizen(*heir);
            Self::credit(&to, amount)?;
            Self::deposit_event(Event::Inherited {
                from: deceased,
                heir: to,
                amount,
                case,
            });
        }
        Ok(())
    }

    fn pass_estate_weight(heirs: u32) -> Weight {
        T::WeightInfo::pass_estate(heirs)
    }
}
