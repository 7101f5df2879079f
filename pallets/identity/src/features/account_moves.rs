//! Moving a citizen's identity to a new account, protected from the registry itself: the move
//! happens at once when the citizen's current key consented to that account, and otherwise only
//! after a time lock during which the current key may veto it.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::CitizenId;
use sp_runtime::{
    traits::{One, Saturating, Zero},
    DispatchError,
};

/// How many blocks after its time lock a move may execute at when the blocks before are full.
const MOVE_SPILL_BLOCKS: u32 = 16;

impl<T: Config> Pallet<T> {
    /// The one rule of every account move: `citizen` is registered and active, and `to` is not
    /// already some citizen's account. Returns the citizen's record.
    pub(crate) fn ensure_movable(
        citizen: CitizenId,
        to: &T::AccountId,
    ) -> Result<CitizenOf<T>, DispatchError> {
        let record = Citizens::<T>::get(citizen).ok_or(Error::<T>::CitizenNotFound)?;
        ensure!(
            record.status == CitizenStatus::Active,
            Error::<T>::CitizenNotActive
        );
        ensure!(
            !CitizenByAccount::<T>::contains_key(to),
            Error::<T>::AccountIsCitizen
        );
        Ok(record)
    }

    /// The citizen's current key consents to its identity moving to `to`, until the consent
    /// expires after [`Config::ActionLifetime`].
    pub(crate) fn do_consent_to_account_move(
        who: T::AccountId,
        to: T::AccountId,
    ) -> DispatchResult {
        let citizen = CitizenByAccount::<T>::get(&who)
            .map(|account| account.citizen)
            .ok_or(Error::<T>::NotCitizen)?;
        Self::ensure_movable(citizen, &to)?;
        let expires_at =
            frame_system::Pallet::<T>::block_number().saturating_add(T::ActionLifetime::get());
        MoveConsents::<T>::insert(
            citizen,
            MoveConsent {
                to: to.clone(),
                expires_at,
            },
        );
        Self::deposit_event(Event::AccountMoveConsented {
            citizen,
            to,
            expires_at,
        });
        Ok(())
    }

    /// A registry's (or the council's) move of `citizen` to `to`: at once when `immediate` (the
    /// council) or when the citizen's current key consented to exactly that account; otherwise
    /// scheduled after [`AccountMoveDelay`], open to the citizen's veto.
    pub(crate) fn do_request_account_move(
        citizen: CitizenId,
        to: T::AccountId,
        immediate: bool,
    ) -> DispatchResult {
        Self::ensure_movable(citizen, &to)?;
        ensure!(
            !PendingMoves::<T>::contains_key(citizen),
            Error::<T>::AccountMovePending
        );
        let now = frame_system::Pallet::<T>::block_number();
        let consented = MoveConsents::<T>::get(citizen)
            .is_some_and(|consent| consent.to == to && now < consent.expires_at);
        let delay = AccountMoveDelay::<T>::get();
        if immediate || consented || delay.is_zero() {
            MoveConsents::<T>::remove(citizen);
            return Self::do_move_citizen_account(citizen, to);
        }
        let executes_at = Self::queue_move(citizen, now.saturating_add(delay))?;
        PendingMoves::<T>::insert(
            citizen,
            PendingMove {
                to: to.clone(),
                executes_at,
            },
        );
        Self::deposit_event(Event::AccountMoveScheduled {
            citizen,
            to,
            executes_at,
        });
        Ok(())
    }

    /// Puts `citizen`'s move in the first of the blocks from `block` on with room for it.
    fn queue_move(
        citizen: CitizenId,
        mut block: BlockNumberFor<T>,
    ) -> Result<BlockNumberFor<T>, DispatchError> {
        for _ in 0..MOVE_SPILL_BLOCKS {
            if MovesDue::<T>::mutate(block, |due| due.try_push(citizen).is_ok()) {
                return Ok(block);
            }
            block = block.saturating_add(One::one());
        }
        Err(Error::<T>::MoveQueueFull.into())
    }

    /// The citizen's current key vetoes the pending move of its identity.
    pub(crate) fn do_veto_account_move(who: T::AccountId, citizen: CitizenId) -> DispatchResult {
        let record = Citizens::<T>::get(citizen).ok_or(Error::<T>::CitizenNotFound)?;
        ensure!(record.account == who, Error::<T>::NotCitizenAccount);
        let pending = PendingMoves::<T>::take(citizen).ok_or(Error::<T>::NoPendingMove)?;
        MovesDue::<T>::mutate_exists(pending.executes_at, |due| {
            if let Some(queue) = due {
                queue.retain(|queued| *queued != citizen);
                if queue.is_empty() {
                    *due = None;
                }
            }
        });
        Self::deposit_event(Event::AccountMoveVetoed {
            citizen,
            to: pending.to,
        });
        Ok(())
    }

    /// Carries out the moves whose time lock ends at `now`; a move that can no longer happen
    /// (the citizen deactivated, the account registered meanwhile) is dropped with
    /// `AccountMoveFailed`. Returns how many were due.
    pub(crate) fn execute_account_moves(now: BlockNumberFor<T>) -> u32 {
        let due = MovesDue::<T>::take(now);
        for citizen in &due {
            let Some(pending) = PendingMoves::<T>::take(citizen) else {
                continue;
            };
            let to = pending.to.clone();
            if let Err(error) = Self::do_move_citizen_account(*citizen, pending.to) {
                Self::deposit_event(Event::AccountMoveFailed {
                    citizen: *citizen,
                    to,
                    error,
                });
            }
        }
        u32::try_from(due.len()).unwrap_or(u32::MAX)
    }
}
