//! What holds after every block and every test.

use crate::{pallet::*, types::*};
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
    /// Checks the register's invariants:
    /// - every diploma is stored under the id of its issuer and serial, has a valid serial,
    ///   field code and holder index entry, and `DiplomaCount` counts them;
    /// - the holder index names only stored diplomas of that holder;
    /// - a diploma issued on chain names an institution, not a historic code, as its issuer;
    /// - a diploma's status is the last entry of its history (valid without one), each
    ///   reinstatement follows a revocation by the same authority, and a valid diploma's
    ///   history leaves room for a revocation;
    /// - accreditation periods are ordered, disjoint and well formed; a suspended
    ///   accreditation would resume no earlier than its last period ended.
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
        let mut indexed = 0u64;
        for (holder, id, ()) in HolderDiplomas::<T>::iter() {
            indexed = indexed.saturating_add(1);
            ensure!(
                Records::<T>::get(id).is_some_and(|diploma| diploma.spec.holder == holder),
                "the holder index names a diploma of someone else, or none"
            );
        }
        ensure!(
            indexed == diplomas,
            "the holder index and the register differ in size"
        );
        for (_, accreditation) in Accreditations::<T>::iter() {
            Self::check_accreditation(&accreditation)?;
        }
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
                StatusChange::Revoked { by, .. } => {
                    ensure!(revoked_by.is_none(), "a revoked diploma was revoked again");
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
                    history.len() < T::MaxStatusChanges::get() as usize,
                    "a valid diploma's history leaves no room for a revocation"
                );
                Ok(())
            }
            (Status::Revoked { reason, by, at }, Some(last)) => {
                ensure!(
                    last.change == StatusChange::Revoked { reason, by } && last.at == at,
                    "a revoked diploma's status differs from its last status change"
                );
                Ok(())
            }
            (Status::Revoked { .. }, None) => Err("a revoked diploma has no history".into()),
        }
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
        if let Standing::Suspended { resume_until } = accreditation.standing {
            let last = accreditation
                .periods
                .last()
                .ok_or("a suspended accreditation has no period")?;
            ensure!(
                resume_until >= last.until,
                "a suspension would resume a period shorter than it was cut to"
            );
        }
        Ok(())
    }
}
