//! Courts freeze holders under a case reference; only the freezing court thaws them. Nothing is
//! taken: the balance stays, and stays unchanged.

use crate::{pallet::*, types::*};
use frame_support::ensure;
use govchain_primitives::identity::{IdentityProvider, InstitutionId, Party, Role};
use sp_core::H256;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    pub(crate) fn do_freeze(court: InstitutionId, holder: Party, case: H256) -> DispatchResult {
        let mut record = Holders::<T>::get(holder);
        ensure!(record.freeze.is_none(), Error::<T>::AlreadyFrozen);
        record.freeze = Some(Freeze {
            court,
            case,
            since: frame_system::Pallet::<T>::block_number(),
            balance: record.balance,
        });
        Self::put_holder(&holder, record);
        Self::deposit_event(Event::HolderFrozen {
            holder,
            court,
            case,
        });
        Ok(())
    }

    pub(crate) fn do_thaw(court: InstitutionId, holder: Party) -> DispatchResult {
        let mut record = Holders::<T>::get(holder);
        let freeze = record.freeze.take().ok_or(Error::<T>::NotFrozen)?;
        ensure!(freeze.court == court, Error::<T>::NotFreezingCourt);
        Self::put_holder(&holder, record);
        Self::deposit_event(Event::HolderThawed { holder, court });
        Ok(())
    }

    pub(crate) fn do_thaw_orphaned(holder: Party, case: H256) -> DispatchResult {
        let mut record = Holders::<T>::get(holder);
        let freeze = record.freeze.take().ok_or(Error::<T>::NotFrozen)?;
        ensure!(
            !T::Identity::institution_has_role(freeze.court, Role::Court),
            Error::<T>::CourtStillServing
        );
        Self::put_holder(&holder, record);
        Self::deposit_event(Event::HolderThawedByCouncil {
            holder,
            court: freeze.court,
            case,
        });
        Ok(())
    }
}
