//! Who the caller acts for.

use crate::pallet::*;
use frame_support::{pallet_prelude::DispatchResult, weights::Weight};
use frame_system::pallet_prelude::OriginFor;
use govchain_primitives::{
    dual_control::{ActionClass, DualControl},
    identity::{IdentityProvider, InstitutionId, Party, Role},
};
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
    /// The institution the signed caller acts for as an officer holding `role`.
    pub(crate) fn ensure_officer(
        origin: OriginFor<T>,
        role: Role,
    ) -> Result<InstitutionId, DispatchError> {
        let who = frame_system::ensure_signed(origin)?;
        T::Identity::ensure_role(&who, role)
    }

    /// Whether `who` may act for `party`.
    pub(crate) fn acts_for(who: &T::AccountId, party: &Party) -> bool {
        T::Identity::acts_for(who, party)
    }

    /// Makes a sensitive act of `class` under `role`: `body` runs for the officer's institution
    /// at once, or (under dual control) is checked and `call` waits for approvals.
    pub(crate) fn act(
        origin: OriginFor<T>,
        role: Role,
        class: ActionClass,
        call: Call<T>,
        body: impl FnOnce(InstitutionId) -> DispatchResult,
    ) -> DispatchResult {
        <T::DualControl as DualControl<_, _, Call<T>>>::act_for(origin, role, class, call, body)
    }

    /// What keeping a sensitive call for approval adds to its weight.
    pub(crate) fn proposal_weight() -> Weight {
        <T::DualControl as DualControl<_, _, Call<T>>>::proposal_weight()
    }
}
