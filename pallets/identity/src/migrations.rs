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
