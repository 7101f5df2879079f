//! What the runtime API answers: verification of a diploma against its document, a diploma's
//! whole record, a holder's diplomas and a university's accreditation.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::{CitizenId, InstitutionId};
use sp_core::H256;

/// The most diploma ids one [`Pallet::diplomas_of`] page returns.
pub const MAX_PAGE: u32 = 1_000;

impl<T: Config> Pallet<T> {
    /// What a verifier holding diploma `id` and a document with `document_hash` learns:
    /// unknown, hash mismatch, revoked, issuer not accredited on the diploma's date, or valid,
    /// in that order.
    pub fn verify(id: DiplomaId, document_hash: H256) -> Verification<BlockNumberFor<T>> {
        let Some(diploma) = Records::<T>::get(id) else {
            return Verification::Unknown;
        };
        if diploma.spec.document_hash != document_hash {
            return Verification::HashMismatch;
        }
        if let Status::Revoked { reason, at, .. } = diploma.status {
            return Verification::Revoked { reason, at };
        }
        if !Self::accredited_on_issue_date(&diploma) {
            return Verification::IssuerNotAccredited;
        }
        Verification::Valid
    }

    /// Whether the diploma's issuer was accredited on the diploma's date; the ministry vouches
    /// for imported diplomas instead.
    pub fn accredited_on_issue_date(diploma: &Diploma<T>) -> bool {
        match (diploma.provenance, diploma.issuer) {
            (Provenance::Imported { .. }, _) => true,
            (Provenance::Issued, Issuer::Institution(university)) => {
                Accreditations::<T>::get(university)
                    .is_some_and(|accreditation| accreditation.covers(diploma.spec.issued_on))
            }
            (Provenance::Issued, Issuer::Historic(_)) => false,
        }
    }

    /// Everything known about a diploma.
    pub fn diploma_record(id: DiplomaId) -> Option<DiplomaRecord<BlockNumberFor<T>>> {
        let diploma = Records::<T>::get(id)?;
        let issuer_accredited_on_issue_date = Self::accredited_on_issue_date(&diploma);
        Some(DiplomaRecord {
            id,
            issuer: diploma.issuer,
            spec: diploma.spec,
            provenance: diploma.provenance,
            recorded_at: diploma.recorded_at,
            status: diploma.status,
            issuer_accredited_on_issue_date,
            history: History::<T>::get(id)
                .map(|history| history.into_inner())
                .unwrap_or_default(),
        })
    }

    /// Up to `limit` (at most [`MAX_PAGE`]) of the diplomas `holder` holds, in storage order;
    /// pass the last one as `start_after` for the next page.
    pub fn diplomas_of(
        holder: CitizenId,
        start_after: Option<DiplomaId>,
        limit: u32,
    ) -> Vec<DiplomaId> {
        let limit = limit.min(MAX_PAGE) as usize;
        match start_after {
            Some(last) => HolderDiplomas::<T>::iter_key_prefix_from(
                holder,
                HolderDiplomas::<T>::hashed_key_for(holder, last),
            )
            .take(limit)
            .collect(),
            None => HolderDiplomas::<T>::iter_key_prefix(holder)
                .take(limit)
                .collect(),
        }
    }

    /// A university's accreditation history and whether it may issue diplomas today.
    pub fn accreditation_record(university: InstitutionId) -> Option<AccreditationRecord> {
        let accreditation = Accreditations::<T>::get(university)?;
        let may_issue_today = Self::issuing_accreditation(university, Self::today()).is_ok();
        Some(AccreditationRecord {
            periods: accreditation.periods.into_inner(),
            standing: accreditation.standing,
            may_issue_today,
        })
    }
}
