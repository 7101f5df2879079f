//! Storage migrations of the diploma register, one module per storage version.

/// Version 2 hashes diploma ids again in storage keys and counts each holder's diplomas.
///
/// A diploma id is `blake2_256` of its issuer and a serial the issuer chooses, so an issuer can
/// grind serials for ids sharing a prefix; used unhashed (`Identity`) as a key, such ids would
/// deepen one branch of the trie. Version 2 keys `Records`, `History` and the second key of
/// `HolderDiplomas` with `Blake2_128Concat`, and adds `HolderDiplomaCount`, which bounds each
/// holder's diplomas by `MaxDiplomasPerHolder`.
pub mod v2 {
    use crate::{pallet::*, types::*};
    use alloc::{collections::BTreeMap, vec::Vec};
    #[cfg(feature = "try-runtime")]
    use codec::{Decode, Encode};
    #[cfg(feature = "try-runtime")]
    use frame_support::{ensure, storage::StoragePrefixedMap};
    use frame_support::{
        migrations::VersionedMigration,
        traits::{Get, UncheckedOnRuntimeUpgrade},
        weights::Weight,
    };
    use govchain_primitives::identity::CitizenId;
    #[cfg(feature = "try-runtime")]
    use sp_runtime::TryRuntimeError;

    /// The keys of storage version 1, where diploma ids were used unhashed.
    pub mod v1 {
        use crate::{pallet::*, types::*};
        use frame_support::{storage_alias, Identity, Twox64Concat};
        use govchain_primitives::identity::CitizenId;

        /// `Records` keyed by the bare diploma id.
        #[storage_alias]
        pub type Records<T: Config> = StorageMap<Pallet<T>, Identity, DiplomaId, Diploma<T>>;

        /// `History` keyed by the bare diploma id.
        #[storage_alias]
        pub type History<T: Config> = StorageMap<Pallet<T>, Identity, DiplomaId, StatusHistory<T>>;

        /// `HolderDiplomas` with the bare diploma id as its second key.
        #[storage_alias]
        pub type HolderDiplomas<T: Config> =
            StorageDoubleMap<Pallet<T>, Twox64Concat, CitizenId, Identity, DiplomaId, ()>;
    }

    /// Moves every entry of `Records`, `History` and `HolderDiplomas` from its version 1 key to
    /// its `Blake2_128Concat` key, and counts each holder's diplomas into `HolderDiplomaCount`.
    ///
    /// Old and new keys share each map's prefix, so the old keys are all read before anything
    /// is written: 32 bytes of memory per diploma (and per holder entry 40). It runs in one
    /// block: fine for the registers that exist at version 1 (test networks, at most hundreds
    /// of thousands of diplomas); a register of millions would need a multi-block migration.
    ///
    /// A holder over `MaxDiplomasPerHolder` keeps every diploma and is counted in full (then
    /// receives no more); `pre_upgrade` refuses such a register, so that the limit is raised
    /// first.
    pub struct RehashDiplomaKeysUnchecked<T>(core::marker::PhantomData<T>);

    impl<T: Config> UncheckedOnRuntimeUpgrade for RehashDiplomaKeysUnchecked<T> {
        fn on_runtime_upgrade() -> Weight {
            // Each key an iteration visits is a read; `take` reads, then removes what it found.
            let mut reads = 0u64;
            let mut writes = 0u64;

            let ids: Vec<DiplomaId> = v1::Records::<T>::iter_keys().collect();
            for id in ids {
                reads = reads.saturating_add(2);
                if let Some(diploma) = v1::Records::<T>::take(id) {
                    writes = writes.saturating_add(2);
                    Records::<T>::insert(id, diploma);
                }
            }

            let ids: Vec<DiplomaId> = v1::History::<T>::iter_keys().collect();
            for id in ids {
                reads = reads.saturating_add(2);
                if let Some(history) = v1::History::<T>::take(id) {
                    writes = writes.saturating_add(2);
                    History::<T>::insert(id, history);
                }
            }

            // Draining reads and removes each entry.
            let held: Vec<(CitizenId, DiplomaId)> = v1::HolderDiplomas::<T>::drain()
                .map(|(holder, id, ())| (holder, id))
                .collect();
            let mut counts: BTreeMap<CitizenId, u32> = BTreeMap::new();
            for (holder, id) in held {
                reads = reads.saturating_add(1);
                writes = writes.saturating_add(2);
                HolderDiplomas::<T>::insert(holder, id, ());
                let count = counts.entry(holder).or_default();
                *count = count.saturating_add(1);
            }
            for (holder, count) in counts {
                writes = writes.saturating_add(1);
                HolderDiplomaCount::<T>::insert(holder, count);
            }

            T::DbWeight::get().reads_writes(reads, writes)
        }

        /// Counts the version 1 entries of each map, and refuses a holder over
        /// `MaxDiplomasPerHolder`.
        #[cfg(feature = "try-runtime")]
        fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
            let records = v1::Records::<T>::iter_keys().count() as u64;
            let histories = v1::History::<T>::iter_keys().count() as u64;
            let mut counts: BTreeMap<CitizenId, u32> = BTreeMap::new();
            for (holder, _) in v1::HolderDiplomas::<T>::iter_keys() {
                let count = counts.entry(holder).or_default();
                *count = count.saturating_add(1);
            }
            ensure!(
                counts
                    .values()
                    .all(|count| *count <= T::MaxDiplomasPerHolder::get()),
                "a holder holds more than MaxDiplomasPerHolder diplomas: raise it first"
            );
            let held = counts
                .values()
                .fold(0u64, |sum, count| sum.saturating_add(u64::from(*count)));
            Ok((records, histories, held).encode())
        }

        /// Every entry counted before is under its new key, and only there: each map holds as
        /// many keys as before, all of which decode in the new layout; the holder counts add up
        /// to the holder index; then the pallet's invariants.
        #[cfg(feature = "try-runtime")]
        fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
            let (records, histories, held) = <(u64, u64, u64)>::decode(&mut &state[..])
                .map_err(|_| "the pre-upgrade state does not decode")?;
            ensure!(
                raw_keys(Records::<T>::final_prefix()) == records
                    && Records::<T>::iter_keys().count() as u64 == records,
                "Records lost entries or kept version 1 keys"
            );
            ensure!(
                raw_keys(History::<T>::final_prefix()) == histories
                    && History::<T>::iter_keys().count() as u64 == histories,
                "History lost entries or kept version 1 keys"
            );
            ensure!(
                raw_keys(HolderDiplomas::<T>::final_prefix()) == held
                    && HolderDiplomas::<T>::iter_keys().count() as u64 == held,
                "HolderDiplomas lost entries or kept version 1 keys"
            );
            let counted = HolderDiplomaCount::<T>::iter_values()
                .fold(0u64, |sum, count| sum.saturating_add(u64::from(count)));
            ensure!(
                counted == held,
                "HolderDiplomaCount does not add up to the holder index"
            );
            Pallet::<T>::do_try_state()
        }
    }

    /// How many storage keys start with `prefix`, whatever their layout.
    #[cfg(feature = "try-runtime")]
    fn raw_keys(prefix: [u8; 32]) -> u64 {
        frame_support::storage::KeyPrefixIterator::new(prefix.to_vec(), prefix.to_vec(), |_| Ok(()))
            .count() as u64
    }

    /// [`RehashDiplomaKeysUnchecked`], run once when the pallet's storage is at version 1.
    pub type RehashDiplomaKeys<T> = VersionedMigration<
        1,
        2,
        RehashDiplomaKeysUnchecked<T>,
        Pallet<T>,
        <T as frame_system::Config>::DbWeight,
    >;
}
