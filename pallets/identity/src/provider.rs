//! The answers other pallets get through [`IdentityProvider`].

use crate::{pallet::*, types::*};
use frame_support::{ensure, traits::Get};
use govchain_primitives::identity::{
    CitizenId, IdentityProvider, InstitutionId, KycTier, RegionCode, Role,
};
use sp_runtime::{DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
    fn active_citizen_record(citizen: CitizenId) -> Option<CitizenOf<T>> {
        Citizens::<T>::get(citizen).filter(|record| record.status == CitizenStatus::Active)
    }
}

impl<T: Config> IdentityProvider<T::AccountId> for Pallet<T> {
    fn ensure_role(who: &T::AccountId, role: Role) -> Result<InstitutionId, DispatchError> {
        Self::officer_with_role(who, role)
    }

    fn institution_has_role(institution: InstitutionId, role: Role) -> bool {
        Institutions::<T>::get(institution).is_some_and(|record| {
            record.status == InstitutionStatus::Active && record.roles.contains(&role)
        })
    }

    fn officer_institution(who: &T::AccountId) -> Result<InstitutionId, DispatchError> {
        Self::active_officer(who).map(|(institution, _)| institution)
    }

    fn institution_is_active(institution: InstitutionId) -> bool {
        Institutions::<T>::get(institution)
            .is_some_and(|record| record.status == InstitutionStatus::Active)
    }

    fn citizen_of(who: &T::AccountId) -> Option<CitizenId> {
        Self::active_citizen_id(who)
    }

    fn citizen_profile(who: &T::AccountId) -> Option<(CitizenId, KycTier)> {
        CitizenByAccount::<T>::get(who)
            .filter(|record| record.active)
            .map(|record| (record.citizen, record.kyc_tier))
    }

    fn account_of(citizen: CitizenId) -> Option<T::AccountId> {
        Self::active_citizen_record(citizen).map(|record| record.account)
    }

    fn kyc_tier(citizen: CitizenId) -> Option<KycTier> {
        Self::active_citizen_record(citizen).map(|record| record.kyc_tier)
    }

    fn region(citizen: CitizenId) -> Option<RegionCode> {
        Self::active_citizen_record(citizen).and_then(|record| record.region)
    }

    fn use_citizen_quota(who: &T::AccountId) -> DispatchResult {
        let citizen = Self::active_citizen_id(who).ok_or(Error::<T>::CitizenNotActive)?;
        let slot = FeeFreeSlot::Citizen {
            account: who.clone(),
            citizen,
            officer_checked: false,
        };
        ensure!(
            Self::slot_used(&slot) < T::CitizenTxQuota::get(),
            Error::<T>::FeeFreeQuotaExhausted
        );
        Self::use_quota(&slot);
        Ok(())
    }

    fn active_citizens() -> u64 {
        ActiveCitizens::<T>::get()
    }

    fn active_citizens_in(region: RegionCode) -> u64 {
        ActiveCitizensIn::<T>::get(region)
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_officer(who: &T::AccountId, role: Role) -> InstitutionId {
        crate::benchmarking::helpers::officer::<T>(who, role)
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_citizen(who: &T::AccountId) -> CitizenId {
        crate::benchmarking::helpers::citizen::<T>(who)
    }
}
