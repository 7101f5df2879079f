//! Accredited universities record their diplomas, singly or in batches.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::ensure;
use govchain_primitives::identity::InstitutionId;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    pub(crate) fn do_issue(university: InstitutionId, diploma: DiplomaSpec) -> DispatchResult {
        let today = Self::today();
        let accreditation = Self::issuing_accreditation(university, today)?;
        Self::issue_one(university, &accreditation, diploma, today).map_err(Error::<T>::from)?;
        Self::count_recorded(1)
    }

    pub(crate) fn do_issue_batch(
        university: InstitutionId,
        diplomas: Vec<DiplomaSpec>,
    ) -> DispatchResult {
        Self::ensure_batch_size(diplomas.len())?;
        let today = Self::today();
        let accreditation = Self::issuing_accreditation(university, today)?;
        let recorded = diplomas.len();
        for (index, diploma) in diplomas.into_iter().enumerate() {
            Self::issue_one(university, &accreditation, diploma, today)
                .map_err(|error| Self::item_failed(index, error))?;
        }
        Self::count_recorded(recorded)
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
