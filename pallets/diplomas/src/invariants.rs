//! What holds after every block and every test.

use crate::{pallet::*, types::*};
use alloc::collections::BTreeMap;
use frame_support::{ensure, traits::Get};
use govchain_primitives::identity::CitizenId;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
    /// Checks the register's invariants:
    /// - every diploma is stored under the id of its issuer and serial, has a valid serial,
    ///   field code and holder index entry, and `DiplomaCount` counts them;
    /// - the holder index names only stored diplomas of that holder, and `HolderDiplomaCount`
    ///   counts each holder's entries (none stored for a holder without any), at most
    ///   `MaxDiplomasPerHolder`;
    /// - a diploma issued on chain names an institution, not a historic code, as its issuer;
    /// - histories belong to stored diplomas; a diploma's status is the last entry of its
    ///   history (valid without one); each reinstatement follows a revocation by the same
    ///   authority; a revocation follows another only as a court's over the issuer's or the
    ///   ministry's; issuers revoke only their own diplomas, the ministry only imported ones,
    ///   and only courts by court order; the history keeps room for a court to act;
    /// - accreditation periods are ordered, disjoint and well formed, and only a withdrawn
    ///   accreditation has none; a suspended one's last period ended by today, and would
    ///   resume no earlier than it ended.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        let mut diplomas = 0u64;
        for (id, diploma) in Records::<T>::iter() {
            diplomas = diplomas.saturating_add(1);
            ensure!(
                Self::diploma_id(&diploma.issuer, &diploma.spec.serial) == id,
                "a diploma is stored under another id than its issuer and serial give"
            );
            ensure!(
                Self::check_serial_and_field(&diploma.spec),
                "a diploma has an invalid serial or field code"
            );
            ensure!(
                HolderDiplomas::<T>::contains_key(diploma.spec.holder, id),
                "a diploma is missing from its holder's index"
            );
            if let Provenance::Issued = diploma.provenance {
                ensure!(
                    matches!(diploma.issuer, Issuer::Institution(_)),
                    "a diploma issued on chain names a historic issuer"
                );
            }
            Self::check_history(id, &diploma)?;
        }
        ensure!(
            DiplomaCount::<T>::get() == diplomas,
            "DiplomaCount differs from the number of diplomas"
        );
        for id in History::<T>::iter_keys() {
            ensure!(
                Records::<T>::contains_key(id),
                "a history is kept for a diploma that does not exist"
            );
        }
        let mut indexed = 0u64;
        let mut held: BTreeMap<CitizenId, u32> = BTreeMap::new();
        for (holder, id, ()) in HolderDiplomas::<T>::iter() {
            indexed = indexed.saturating_add(1);
            let count = held.entry(holder).or_default();
            *count = count.saturating_add(1);
            ensure!(
                Records::<T>::get(id).is_some_and(|diploma| diploma.spec.holder == holder),
                "the holder index names a diploma of someone else, or none"
            );
        }
        ensure!(
            indexed == diplomas,
            "the holder index and the register differ in size"
        );
        Self::check_holder_counts(&held)?;
        for (_, accreditation) in Accreditations::<T>::iter() {
            Self::check_accreditation(&accreditation)?;
        }
        Ok(())
    }

    /// `HolderDiplomaCount` is exactly `held` (each holder's entries in the holder index), and
    /// no holder holds more than `MaxDiplomasPerHolder`.
    fn check_holder_counts(held: &BTreeMap<CitizenId, u32>) -> Result<(), TryRuntimeError> {
        let mut counted = 0usize;
        for (holder, count) in HolderDiplomaCount::<T>::iter() {
            counted = counted.saturating_add(1);
            ensure!(
                held.get(&holder) == Some(&count),
                "a holder's diploma count differs from their entries in the holder index"
            );
        }
        ensure!(
            counted == held.len(),
            "a holder with diplomas has no diploma count"
        );
        ensure!(
            held.values()
                .all(|count| *count <= T::MaxDiplomasPerHolder::get()),
            "a holder holds more than MaxDiplomasPerHolder diplomas"
        );
        Ok(())
    }

    fn check_serial_and_field(spec: &DiplomaSpec) -> bool {
        is_valid_serial(&spec.serial) && spec.field <= MAX_FIELD_CODE
    }

    fn check_history(id: DiplomaId, diploma: &Diploma<T>) -> Result<(), TryRuntimeError> {
        let history = History::<T>::get(id).unwrap_or_default();
        ensure!(
            history.len() <= T::MaxStatusChanges::get() as usize,
            "a diploma's history is over MaxStatusChanges"
        );
        let mut revoked_by: Option<Authority> = None;
        for event in &history {
            match event.change {
                StatusChange::Revoked { by, reason } => {
                    let superseded = matches!(
                        revoked_by,
                        Some(Authority::Issuer(_) | Authority::Ministry(_))
                    );
                    ensure!(
                        revoked_by.is_none() || (superseded && matches!(by, Authority::Court(_))),
                        "a revoked diploma was revoked again, not by a court over another authority"
                    );
                    Self::check_authority(diploma, by, reason)?;
                    revoked_by = Some(by);
                }
                StatusChange::Reinstated { by } => {
                    ensure!(
                        revoked_by == Some(by),
                        "a diploma was reinstated by another authority than revoked it"
                    );
                    revoked_by = None;
                }
            }
        }
        match (diploma.status, history.last()) {
            (Status::Valid, None) => Ok(()),
            (Status::Valid, Some(last)) => {
                ensure!(
                    matches!(last.change, StatusChange::Reinstated { .. }),
                    "a valid diploma's last status change is a revocation"
                );
                ensure!(
                    history.len().saturating_add(2) <= T::MaxStatusChanges::get() as usize,
                    "a valid diploma's history leaves no room for a revocation and a court's"
                );
                Ok(())
            }
            (Status::Revoked { reason, by, at }, Some(last)) => {
                ensure!(
                    last.change == StatusChange::Revoked { reason, by } && last.at == at,
                    "a revoked diploma's status differs from its last status change"
                );
                ensure!(
                    matches!(by, Authority::Court(_))
                        || history.len() < T::MaxStatusChanges::get() as usize,
                    "a diploma revoked by its issuer or the ministry leaves no room for a court"
                );
                Ok(())
            }
            (Status::Revoked { .. }, None) => Err("a revoked diploma has no history".into()),
        }
    }

    /// Whether `by` may have revoked `diploma` for `reason`: an issuer only its own diplomas,
    /// the ministry only imported ones, and only a court by court order.
    fn check_authority(
        diploma: &Diploma<T>,
        by: Authority,
        reason: RevocationReason,
    ) -> Result<(), TryRuntimeError> {
        match by {
            Authority::Issuer(institution) => ensure!(
                diploma.issuer == Issuer::Institution(institution),
                "an institution revoked as issuer a diploma it did not issue"
            ),
            Authority::Ministry(_) => ensure!(
                matches!(diploma.provenance, Provenance::Imported { .. }),
                "the ministry revoked a diploma it did not import"
            ),
            Authority::Court(_) => {}
        }
        ensure!(
            reason != RevocationReason::CourtOrder || matches!(by, Authority::Court(_)),
            "a diploma was revoked by court order, but not by a court"
        );
        Ok(())
    }

    fn check_accreditation(accreditation: &Accreditation<T>) -> Result<(), TryRuntimeError> {
        let mut previous: Option<&Period> = None;
        for period in &accreditation.periods {
            ensure!(
                period.from <= period.until,
                "a period ends before it starts"
            );
            if let Some(previous) = previous {
                ensure!(
                    previous.until < period.from,
                    "accreditation periods overlap or are out of order"
                );
            }
            previous = Some(period);
        }
        ensure!(
            !accreditation.periods.is_empty() || accreditation.standing == Standing::Withdrawn,
            "an accreditation without periods is not withdrawn"
        );
        if let Standing::Suspended { resume_until } = accreditation.standing {
            let last = accreditation
                .periods
                .last()
                .ok_or("a suspended accreditation has no period")?;
            ensure!(
                resume_until >= last.until,
                "a suspension would resume a period shorter than it was cut to"
            );
            ensure!(
                last.until <= Self::today(),
                "a suspended accreditation's period runs on after today"
            );
        }
        Ok(())
    }
}
