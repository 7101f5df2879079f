//! The pallet's invariants, checked by `try_state` and after every test.

use crate::{pallet::*, types::*};
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
    /// - Each institution's id is below `NextInstitutionId`, its short code indexes it and only
    ///   it, and its officer count matches the appointments naming it.
    /// - Every appointment names a registered institution.
    /// - Each citizen's id is below `NextCitizenId`, and its account and national-ID hash index
    ///   it and only it: one person, one identity, one account.
    /// - No identity has used more fee-free transactions than its quota in this period.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        let next_institution = NextInstitutionId::<T>::get();
        let mut institutions: u32 = 0;
        for (id, record) in Institutions::<T>::iter() {
            ensure!(
                id < next_institution,
                "an institution id is not below NextInstitutionId"
            );
            ensure!(
                InstitutionByCode::<T>::get(&record.short_code) == Some(id),
                "an institution's short code does not index it"
            );
            let appointed = Officers::<T>::iter_values()
                .filter(|officer| officer.institution == id)
                .count();
            ensure!(
                appointed == record.officers as usize,
                "an institution's officer count does not match its appointments"
            );
            institutions = institutions.saturating_add(1);
        }
        ensure!(
            InstitutionByCode::<T>::iter().count() == institutions as usize,
            "a short code indexes no institution"
        );
        for officer in Officers::<T>::iter_values() {
            ensure!(
                Institutions::<T>::contains_key(officer.institution),
                "an officer acts for an unregistered institution"
            );
        }

        let next_citizen = NextCitizenId::<T>::get();
        let mut citizens: usize = 0;
        for (id, record) in Citizens::<T>::iter() {
            ensure!(id < next_citizen, "a citizen id is not below NextCitizenId");
            ensure!(
                CitizenByAccount::<T>::get(&record.account) == Some(id),
                "a citizen's account does not index it"
            );
            ensure!(
                CitizenByNationalId::<T>::get(record.national_id_hash) == Some(id),
                "a citizen's national-ID hash does not index it"
            );
            citizens = citizens.saturating_add(1);
        }
        ensure!(
            CitizenByAccount::<T>::iter().count() == citizens,
            "an account indexes no citizen, or a stale one"
        );
        ensure!(
            CitizenByNationalId::<T>::iter().count() == citizens,
            "a national-ID hash indexes no citizen, or two hashes one citizen"
        );

        // Only the current period counts: a runtime upgrade may lower the quota mid-period.
        let period = Self::current_quota_period();
        for (identity, usage) in FeeFreeUsage::<T>::iter().filter(|(_, u)| u.period == period) {
            let quota = match identity {
                FeeFreeIdentity::Officer(_) => <T as Config>::OfficerTxQuota::get(),
                FeeFreeIdentity::Citizen(_) => <T as Config>::CitizenTxQuota::get(),
            };
            ensure!(
                usage.used <= quota,
                "an identity exceeded its fee-free quota"
            );
        }
        Ok(())
    }
}
