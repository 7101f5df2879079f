//! Who the caller acts for.

use crate::pallet::*;
use frame_system::pallet_prelude::OriginFor;
use govchain_primitives::identity::{IdentityProvider, InstitutionId, Role};
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
}
