//! Checking titles and moving shares between owners.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult};
use govchain_primitives::identity::{IdentityProvider, Party};
use sp_runtime::{DispatchError, PerThing, Permill};

impl<T: Config> Pallet<T> {
    /// Checks that holdings name distinct owners, in order, each with a share above zero, and
    /// returns the sum of their shares in parts per million.
    pub(crate) fn checked_share_sum(holdings: &[Holding]) -> Result<u32, DispatchError> {
        ensure!(!holdings.is_empty(), Error::<T>::NoOwners);
        let mut previous: Option<&Party> = None;
        let mut sum: u32 = 0;
        for holding in holdings {
            ensure!(
                previous.is_none_or(|previous| *previous < holding.owner),
                Error::<T>::DuplicateOwner
            );
            ensure!(!holding.share.is_zero(), Error::<T>::ZeroShare);
            sum = sum
                .checked_add(holding.share.deconstruct())
                .ok_or(Error::<T>::SharesNotWhole)?;
            previous = Some(&holding.owner);
        }
        Ok(sum)
    }

    /// Checks a first title: distinct owners in order, shares above zero summing to exactly
    /// 100 %, every owner an active citizen or institution.
    pub(crate) fn ensure_valid_title(title: &Title<T>) -> DispatchResult {
        let sum = Self::checked_share_sum(title)?;
        ensure!(sum == Permill::ACCURACY, Error::<T>::SharesNotWhole);
        ensure!(
            title
                .iter()
                .all(|holding| T::Identity::party_is_active(&holding.owner)),
            Error::<T>::InactiveParty
        );
        Ok(())
    }

    /// The share `owner` holds of a title.
    pub(crate) fn holding_of(title: &Title<T>, owner: &Party) -> Option<Permill> {
        title
            .binary_search_by(|holding| holding.owner.cmp(owner))
            .ok()
            .and_then(|index| title.get(index))
            .map(|holding| holding.share)
    }

    /// Takes `share` from `owner`, removing the holding when nothing is left.
    pub(crate) fn take_share(
        title: &mut Title<T>,
        owner: &Party,
        share: Permill,
    ) -> DispatchResult {
        let index = title
            .binary_search_by(|holding| holding.owner.cmp(owner))
            .map_err(|_| Error::<T>::ShareExceedsHolding)?;
        let holding = title
            .get_mut(index)
            .ok_or(Error::<T>::ShareExceedsHolding)?;
        let left = holding
            .share
            .deconstruct()
            .checked_sub(share.deconstruct())
            .ok_or(Error::<T>::ShareExceedsHolding)?;
        if left == 0 {
            title.remove(index);
        } else {
            holding.share = Permill::from_parts(left);
        }
        Ok(())
    }

    /// Gives `share` to `owner`, adding to its holding or creating one in order.
    pub(crate) fn give_share(title: &mut Title<T>, owner: Party, share: Permill) -> DispatchResult {
        match title.binary_search_by(|holding| holding.owner.cmp(&owner)) {
            Ok(index) => {
                let holding = title.get_mut(index).ok_or(Error::<T>::Overflow)?;
                let sum = holding
                    .share
                    .deconstruct()
                    .checked_add(share.deconstruct())
                    .filter(|sum| *sum <= Permill::ACCURACY)
                    .ok_or(Error::<T>::Overflow)?;
                holding.share = Permill::from_parts(sum);
            }
            Err(index) => title
                .try_insert(index, Holding { owner, share })
                .map_err(|_| Error::<T>::TooManyOwners)?,
        }
        Ok(())
    }
}
