//! The Education Ministry imports diplomas awarded before the register existed.

use crate::weights::WeightInfo;
use crate::{pallet::*, types::*};
use frame_support::{
    dispatch::{DispatchResultWithPostInfo, WithPostDispatchInfo},
    ensure, BoundedVec,
};
use govchain_primitives::identity::{IdentityProvider, InstitutionId, Role};
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
    /// Imports `diplomas`, all or none. An import refused at its `k`-th diploma is charged the
    /// weight of an import of `k` (one refused before its first, of none), not of the whole.
    pub(crate) fn do_import_legacy(
        ministry: InstitutionId,
        diplomas: BoundedVec<LegacyDiploma, T::MaxBatchSize>,
    ) -> DispatchResultWithPostInfo {
        let charged =
            |items: usize| T::WeightInfo::import_legacy(u32::try_from(items).unwrap_or(u32::MAX));
        Self::ensure_not_empty(&diplomas).map_err(|error| error.with_weight(charged(0)))?;
        let today = Self::today();
        let recorded = diplomas.len();
        for (index, diploma) in diplomas.into_iter().enumerate() {
            Self::import_one(ministry, diploma, today).map_err(|error| {
                DispatchError::from(Self::item_failed(index, error))
                    .with_weight(charged(index.saturating_add(1)))
            })?;
        }
        Self::count_recorded(recorded)?;
        Ok(().into())
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
