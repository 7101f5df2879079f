//! The issuer, a court or (for imported diplomas) the ministry revokes a diploma; only the same
//! authority reinstates it. A court's revocation supersedes another authority's. Every change
//! is kept in the diploma's history, which always keeps room for a court to act: a revocation
//! by anyone else leaves a change free, a reinstatement two.

use crate::{pallet::*, types::*};
use frame_support::{ensure, traits::Get};
use govchain_primitives::identity::{IdentityProvider, InstitutionId, Role};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    pub(crate) fn do_revoke(
        who: T::AccountId,
        id: DiplomaId,
        reason: RevocationReason,
    ) -> DispatchResult {
        let institution = T::Identity::officer_institution(&who)?;
        let mut diploma = Records::<T>::get(id).ok_or(Error::<T>::UnknownDiploma)?;
        let by = Self::revocation_authority(institution, &diploma)
            .ok_or(Error::<T>::NotRevocationAuthority)?;
        ensure!(
            reason != RevocationReason::CourtOrder || matches!(by, Authority::Court(_)),
            Error::<T>::CourtOrderNeedsCourt
        );
        let by_court = matches!(by, Authority::Court(_));
        match diploma.status {
            Status::Valid => {}
            // A court order takes over from the issuer's or the ministry's revocation, and the
            // court alone then decides on reinstatement.
            Status::Revoked {
                by: Authority::Issuer(_) | Authority::Ministry(_),
                ..
            } if by_court => {}
            Status::Revoked { .. } => return Err(Error::<T>::AlreadyRevoked.into()),
        }
        Self::ensure_history_room(id, if by_court { 1 } else { 2 })?;
        let at = frame_system::Pallet::<T>::block_number();
        Self::append_history(id, StatusChange::Revoked { reason, by }, at)?;
        diploma.status = Status::Revoked { reason, by, at };
        Records::<T>::insert(id, diploma);
        Self::deposit_event(Event::DiplomaRevoked { id, reason, by });
        Ok(())
    }

    pub(crate) fn do_reinstate(who: T::AccountId, id: DiplomaId) -> DispatchResult {
        let institution = T::Identity::officer_institution(&who)?;
        let mut diploma = Records::<T>::get(id).ok_or(Error::<T>::UnknownDiploma)?;
        let Status::Revoked { by, .. } = diploma.status else {
            return Err(Error::<T>::NotRevoked.into());
        };
        ensure!(
            by.institution() == institution
                && T::Identity::institution_has_role(institution, Self::role_of(&by)),
            Error::<T>::NotRevoker
        );
        Self::ensure_history_room(id, 3)?;
        let at = frame_system::Pallet::<T>::block_number();
        Self::append_history(id, StatusChange::Reinstated { by }, at)?;
        diploma.status = Status::Valid;
        Records::<T>::insert(id, diploma);
        Self::deposit_event(Event::DiplomaReinstated { id, by });
        Ok(())
    }

    /// In which capacity `institution` may revoke `diploma`, if any: as its issuer (still a
    /// university), as a court, or as the ministry for a diploma the ministry imported.
    fn revocation_authority(institution: InstitutionId, diploma: &Diploma<T>) -> Option<Authority> {
        let has_role = |role| T::Identity::institution_has_role(institution, role);
        if diploma.issuer == Issuer::Institution(institution) && has_role(Role::University) {
            Some(Authority::Issuer(institution))
        } else if has_role(Role::Court) {
            Some(Authority::Court(institution))
        } else if matches!(diploma.provenance, Provenance::Imported { .. })
            && has_role(Role::EducationMinistry)
        {
            Some(Authority::Ministry(institution))
        } else {
            None
        }
    }

    /// The role an authority acts in.
    fn role_of(authority: &Authority) -> Role {
        match authority {
            Authority::Issuer(_) => Role::University,
            Authority::Court(_) => Role::Court,
            Authority::Ministry(_) => Role::EducationMinistry,
        }
    }

    /// Refuses a change unless the history has room for `changes` more: the change itself and
    /// those it must leave room for.
    fn ensure_history_room(id: DiplomaId, changes: usize) -> DispatchResult {
        let after = History::<T>::decode_len(id)
            .unwrap_or_default()
            .saturating_add(changes);
        ensure!(
            after <= T::MaxStatusChanges::get() as usize,
            Error::<T>::HistoryFull
        );
        Ok(())
    }

    fn append_history(
        id: DiplomaId,
        change: StatusChange,
        at: frame_system::pallet_prelude::BlockNumberFor<T>,
    ) -> DispatchResult {
        History::<T>::try_mutate(id, |history| {
            history
                .get_or_insert_with(Default::default)
                .try_push(StatusEvent { change, at })
                .map_err(|_| Error::<T>::HistoryFull.into())
        })
    }
}
