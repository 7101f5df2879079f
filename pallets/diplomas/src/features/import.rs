//! The Education Ministry imports diplomas awarded before the register existed.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::ensure;
use govchain_primitives::identity::{IdentityProvider, InstitutionId, Role};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    pub(crate) fn do_import_legacy(
        ministry: InstitutionId,
        diplomas: Vec<LegacyDiploma>,
    ) -> DispatchResult {
        Self::ensure_batch_size(diplomas.len())?;
        let today = Self::today();
        let recorded = diplomas.len();
        for (index, diploma) in diplomas.into_iter().enumerate() {
            Self::import_one(ministry, diploma, today)
                .map_err(|error| Self::item_failed(index, error))?;
        }
        Self::count_recorded(recorded)
    }

    /// Records one historic diploma; a registered issuer must still be an active university and
    /// the diploma must predate its first accreditation on chain (if its record has no period
    /// left, after a backdated withdrawal, nothing does); a historic issuer is taken on the
    /// ministry's word.
    fn import_one(
        ministry: InstitutionId,
        LegacyDiploma { issuer, spec }: LegacyDiploma,
        today: Day,
    ) -> Result<(), ItemError> {
        if let Issuer::Institution(institution) = issuer {
            ensure!(
                T::Identity::institution_has_role(institution, Role::University),
                ItemError::UnknownIssuer
            );
            if let Some(accreditation) = Accreditations::<T>::get(institution) {
                let register_start = accreditation.periods.first().map_or(0, |first| first.from);
                ensure!(
                    spec.issued_on < register_start,
                    ItemError::DatedWithinRegister
                );
            }
        }
        Self::check_spec(&spec, today)?;
        let holder = spec.holder;
        let id = Self::record(issuer, spec, Provenance::Imported { ministry })?;
        Self::deposit_event(Event::DiplomaImported {
            id,
            issuer,
            holder,
            ministry,
        });
        Ok(())
    }
}
