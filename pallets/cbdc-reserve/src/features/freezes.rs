//! Courts freeze holders under a case reference; only the freezing court thaws them. Nothing is
//! taken: the balance stays, and stays unchanged.

use crate::{pallet::*, types::*};
use frame_support::ensure;
use govchain_primitives::identity::{IdentityProvider, InstitutionId, Party, Role};
use sp_core::H256;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    pub(crate) fn do_freeze(court: InstitutionId, holder: Party, case: H256) -> DispatchResult {
        ensure!(
            !Frozen::<T>::contains_key(holder),
            Error::<T>::AlreadyFrozen
        );
        Frozen::<T>::insert(
            holder,
            Freeze {
                court,
                case,
                since: frame_system::Pallet::<T>::block_number(),
                balance: Balances::<T>::get(holder).unwrap_or_default(),
            },
        );
        Self::deposit_event(Event::HolderFrozen {
            holder,
            court,
            case,
        });
        Ok(())
    }

    pub(crate) fn do_thaw(court: InstitutionId, holder: Party) -> DispatchResult {
        let freeze = Frozen::<T>::get(holder).ok_or(Error::<T>::NotFrozen)?;
        ensure!(freeze.court == court, Error::<T>::NotFreezingCourt);
        Frozen::<T>::remove(holder);
        Self::deposit_event(Event::HolderThawed { holder, court });
        Ok(())
    }

    pub(crate) fn do_thaw_orphaned(holder: Party, case: H256) -> DispatchResult {
        let freeze = Frozen::<T>::get(holder).ok_or(Error::<T>::NotFrozen)?;
        ensure!(
            !T::Identity::institution_has_role(freeze.court, Role::Court),
            Error::<T>::CourtStillServing
        );
        Frozen::<T>::remove(holder);
        Self::deposit_event(Event::HolderThawedByCouncil {
            holder,
            court: freeze.court,
            case,
        });
        Ok(())
    }
}
