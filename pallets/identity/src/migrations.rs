//! Storage migrations of the identity register, one module per storage version.

/// Version 2 counts active citizens, in all and per region, for electorates.
pub mod v2 {
    use crate::{pallet::*, types::CitizenStatus};
    use alloc::collections::BTreeMap;
    use frame_support::{
        migrations::VersionedMigration,
        traits::{Get, UncheckedOnRuntimeUpgrade},
        weights::Weight,
    };
    use govchain_primitives::identity::RegionCode;

    /// Counts the active citizens registered before version 2 into `ActiveCitizens` and
    /// `ActiveCitizensIn`.
    ///
    /// It reads every citizen in one block: fine for the registers that exist at version 1
    /// (test networks of at most thousands of citizens); a register of millions would need a
    /// multi-block migration instead.
    pub struct CountActiveCitizensUnchecked<T>(core::marker::PhantomData<T>);

    impl<T: Config> UncheckedOnRuntimeUpgrade for CountActiveCitizensUnchecked<T> {
        fn on_runtime_upgrade() -> Weight {
            let mut read = 0u64;
            let mut active = 0u64;
            let mut active_in: BTreeMap<RegionCode, u64> = BTreeMap::new();
            for citizen in Citizens::<T>::iter_values() {
                read = read.saturating_add(1);
                if citizen.status != CitizenStatus::Active {
                    continue;
                }
                active = active.saturating_add(1);
                if let Some(region) = citizen.region {
                    let count = active_in.entry(region).or_default();
                    *count = count.saturating_add(1);
                }
            }
            let regions = active_in.len() as u64;
            ActiveCitizens::<T>::put(active);
            for (region, count) in active_in {
                ActiveCitizensIn::<T>::insert(region, count);
            }
            T::DbWeight::get().reads_writes(read, regions.saturating_add(1))
        }

        #[cfg(feature = "try-runtime")]
        fn post_upgrade(_state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
            Pallet::<T>::do_try_state()
        }
    }

    /// [`CountActiveCitizensUnchecked`], run once when the pallet's storage is at version 1.
    pub type CountActiveCitizens<T> = VersionedMigration<
        1,
        2,
        CountActiveCitizensUnchecked<T>,
        Pallet<T>,
        <T as frame_system::Config>::DbWeight,
    >;
}

/// Version 3 keeps with each citizen's account what the fee-free check and the registries ask
/// of it (status, KYC tier, whether it is an officer's, the identity's fee-free usage), so that a
/// citizen's transaction is checked in one read.
pub mod v3 {
    use crate::{pallet::*, types::*};
    use frame_support::{
        migrations::VersionedMigration,
        pallet_prelude::*,
        storage_alias,
        traits::{Get, UncheckedOnRuntimeUpgrade},
        weights::Weight,
    };
    use govchain_primitives::identity::CitizenId;

    /// `CitizenByAccount` as versions 1 and 2 stored it: the citizen's id alone.
    #[storage_alias]
    pub type OldCitizenByAccount<T: Config> =
        StorageMap<Pallet<T>, Blake2_128Concat, <T as frame_system::Config>::AccountId, CitizenId>;

    /// Rewrites every `CitizenByAccount` entry as a [`CitizenAccount`], from the citizen's record,
    /// the officers' appointments and the citizen's `FeeFreeUsage` entry (which it removes).
    ///
    /// It reads every citizen in one block, as [`super::v2`] does: fine for the registers that
    /// exist at version 2 (test networks of at most thousands of citizens); a register of
    /// millions would need a multi-block migration instead. An account whose citizen has no
    /// record (which `do_try_state` rules out) is dropped.
    pub struct CitizenAccountRecordsUnchecked<T>(core::marker::PhantomData<T>);

    impl<T: Config> UncheckedOnRuntimeUpgrade for CitizenAccountRecordsUnchecked<T> {
        fn on_runtime_upgrade() -> Weight {
            let mut reads = 0u64;
            let mut writes = 0u64;
            let old: alloc::vec::Vec<_> = OldCitizenByAccount::<T>::drain().collect();
            for (account, citizen) in old {
                // The old entry, the citizen, the appointment, the usage.
                reads = reads.saturating_add(4);
                writes = writes.saturating_add(2);
                let Some(record) = Citizens::<T>::get(citizen) else {
                    continue;
                };
                let fee_free = FeeFreeUsage::<T>::take(FeeFreeIdentity::Citizen(citizen));
                CitizenByAccount::<T>::insert(
                    &account,
                    CitizenAccount {
                        citizen,
                        active: record.status == CitizenStatus::Active,
                        kyc_tier: record.kyc_tier,
                        officer: Officers::<T>::contains_key(&account),
                        fee_free,
                    },
                );
            }
            T::DbWeight::get().reads_writes(reads, writes)
        }

        #[cfg(feature = "try-runtime")]
        fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
            use codec::Encode;
            Ok((OldCitizenByAccount::<T>::iter().count() as u64).encode())
        }

        #[cfg(feature = "try-runtime")]
        fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
            use codec::Decode;
            let before = u64::decode(&mut &state[..])
                .map_err(|_| sp_runtime::TryRuntimeError::Other("the pre-upgrade count"))?;
            ensure!(
                CitizenByAccount::<T>::iter().count() as u64 == before,
                "an account lost its citizen in the migration"
            );
            Pallet::<T>::do_try_state()
        }
    }

    /// [`CitizenAccountRecordsUnchecked`], run once when the pallet's storage is at version 2.
    pub type CitizenAccountRecords<T> = VersionedMigration<
        2,
        3,
        CitizenAccountRecordsUnchecked<T>,
        Pallet<T>,
        <T as frame_system::Config>::DbWeight,
    >;
}
