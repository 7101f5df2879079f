//! Accredited universities record their diplomas, singly or in batches.

use crate::weights::WeightInfo;
use crate::{pallet::*, types::*};
use frame_support::{
    dispatch::{DispatchResultWithPostInfo, WithPostDispatchInfo},
    ensure, BoundedVec,
};
use govchain_primitives::identity::InstitutionId;
use sp_runtime::{DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
    pub(crate) fn do_issue(university: InstitutionId, diploma: DiplomaSpec) -> DispatchResult {
        let today = Self::today();
        let accreditation = Self::issuing_accreditation(university, today)?;
        Self::issue_one(university, &accreditation, diploma, today).map_err(Error::<T>::from)?;
        Self::count_recorded(1)
    }

    /// Records `diplomas` of `university`, all or none. A batch refused at its `k`-th diploma
    /// is charged the weight of a batch of `k` (one refused before its first, of none), not of
    /// the whole batch.
    pub(crate) fn do_issue_batch(
        university: InstitutionId,
        diplomas: BoundedVec<DiplomaSpec, T::MaxBatchSize>,
    ) -> DispatchResultWithPostInfo {
        let charged =
            |items: usize| T::WeightInfo::issue_batch(u32::try_from(items).unwrap_or(u32::MAX));
        let before_any = |error: DispatchError| error.with_weight(charged(0));
        Self::ensure_not_empty(&diplomas).map_err(before_any)?;
        let today = Self::today();
        let accreditation = Self::issuing_accreditation(university, today).map_err(before_any)?;
        let recorded = diplomas.len();
        for (index, diploma) in diplomas.into_iter().enumerate() {
            Self::issue_one(university, &accreditation, diploma, today).map_err(|error| {
                DispatchError::from(Self::item_failed(index, error))
                    .with_weight(charged(index.saturating_add(1)))
            })?;
        }
        Self::count_recorded(recorded)?;
        Ok(().into())
    }

    /// Records one diploma dated within the university's accreditation.
    fn issue_one(
        university: InstitutionId,
        accreditation: &Accreditation<T>,
        diploma: DiplomaSpec,
        today: Day,
    ) -> Result<(), ItemError> {
        Self::check_spec(&diploma, today)?;
        ensure!(
            accreditation.covers(diploma.issued_on),
            ItemError::NotAccreditedOnIssueDate
        );
        let holder = diploma.holder;
        let id = Self::record(Issuer::Institution(university), diploma, Provenance::Issued)?;
        Self::deposit_event(Event::DiplomaIssued {
            id,
            issuer: university,
            holder,
        });
        Ok(())
    }
}
