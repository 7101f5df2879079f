//! How the pallet drives `pallet-session`: which validators the next session gets, and when a
//! session ends.

use crate::{Config, Event, Pallet, SessionLength, SessionStart, SetChanged, Validators};
use alloc::vec::Vec;
use frame_support::{
    pallet_prelude::Weight,
    traits::{EstimateNextSessionRotation, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_session::{SessionManager, ShouldEndSession};
use sp_runtime::{
    traits::{Saturating, Zero},
    Permill,
};
use sp_staking::SessionIndex;

impl<T: Config> SessionManager<T::AccountId> for Pallet<T> {
    /// Hands the set over only when it changed, so an unchanged set does not make GRANDPA
    /// schedule an authority change.
    fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
        if !SetChanged::<T>::take() {
            return None;
        }
        let validators = Validators::<T>::get().into_inner();
        Self::deposit_event(Event::ValidatorSetQueued {
            session: new_index,
            validators: validators.len() as u32,
        });
        Some(validators)
    }

    fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
        Some(Validators::<T>::get().into_inner())
    }

    fn end_session(_end_index: SessionIndex) {}

    fn start_session(_start_index: SessionIndex) {
        SessionStart::<T>::put(frame_system::Pallet::<T>::block_number());
    }
}

impl<T: Config> Pallet<T> {
    /// Whether the current session has lasted [`SessionLength`] blocks at block `now`: the
    /// pallet's `on_initialize` then rotates it.
    pub fn session_due(now: BlockNumberFor<T>) -> bool {
        let length = SessionLength::<T>::get();
        !length.is_zero() && now.saturating_sub(SessionStart::<T>::get()) >= length
    }
}

/// The session pallet never ends a session on its own: it would charge the whole block as
/// mandatory weight for it (`pallet_session`'s `on_initialize`), leaving no room for any
/// transaction in that block. This pallet rotates it instead ([`Config::RotateSession`]).
impl<T: Config> ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
    fn should_end_session(_now: BlockNumberFor<T>) -> bool {
        false
    }
}

impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
    fn average_session_length() -> BlockNumberFor<T> {
        SessionLength::<T>::get()
    }

    fn estimate_current_session_progress(now: BlockNumberFor<T>) -> (Option<Permill>, Weight) {
        let length = SessionLength::<T>::get();
        let elapsed = now.saturating_sub(SessionStart::<T>::get());
        let progress = if length.is_zero() {
            None
        } else {
            // One block short of the end is reported as (almost) done, never more than done.
            Some(Permill::from_rational(
                elapsed.saturating_add(1u32.into()).min(length),
                length,
            ))
        };
        (progress, T::DbWeight::get().reads(2))
    }

    fn estimate_next_session_rotation(
        _now: BlockNumberFor<T>,
    ) -> (Option<BlockNumberFor<T>>, Weight) {
        let next = SessionStart::<T>::get().saturating_add(SessionLength::<T>::get());
        (Some(next), T::DbWeight::get().reads(2))
    }
}
