//! Storage migrations of the currency, one module per storage version.

/// Version 2 separates what the central bank records from what counts towards coverage.
///
/// Version 1 counted every recorded valuation, resting on a report hash nobody checked.
/// Version 2 counts a valuation only once an independent auditor attests it: each
/// `ReserveAsset` gains `audit` (none yet) and `counted` (zero), `ReserveValue` becomes the sum
/// of attested valuations (zero), and `UnattestedAssets` counts the assets waiting for an
/// auditor (all of them). Minting stops until an auditor attests every asset; the supply
/// already issued stays and its deficit is public.
pub mod v2 {
    use crate::{pallet::*, types::*};
    #[cfg(feature = "try-runtime")]
    use alloc::vec::Vec;
    #[cfg(feature = "try-runtime")]
    use codec::{Decode, Encode};
    #[cfg(feature = "try-runtime")]
    use frame_support::ensure;
    use frame_support::{
        migrations::VersionedMigration,
        traits::{Get, UncheckedOnRuntimeUpgrade},
        weights::Weight,
    };
    use sp_runtime::traits::Zero;
    #[cfg(feature = "try-runtime")]
    use sp_runtime::TryRuntimeError;

    /// The layout of storage version 1.
    pub mod v1 {
        use crate::{pallet::*, types::*};
        use codec::{Decode, Encode, MaxEncodedLen};
        use frame_support::{storage_alias, Twox64Concat};
        use scale_info::TypeInfo;

        /// A reserve asset as version 1 stored it: its valuation counted as recorded.
        #[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
        pub struct ReserveAsset<Balance> {
            pub class: AssetClass,
            pub code: AssetCode,
            pub quantity: u128,
            pub valuation: Balance,
            pub attestation: Attestation,
        }

        /// `ReserveAssets` in the version 1 layout.
        #[storage_alias]
        pub type ReserveAssets<T: Config> =
            StorageMap<Pallet<T>, Twox64Concat, AssetId, ReserveAsset<<T as Config>::Balance>>;
    }

    /// Rewrites every reserve asset in the version 2 layout, unattested and counting nothing.
    ///
    /// A central bank holds tens of reserve assets (`MaxReserveAssets`), so it runs in one
    /// block.
    pub struct AwaitAuditorUnchecked<T>(core::marker::PhantomData<T>);

    impl<T: Config> UncheckedOnRuntimeUpgrade for AwaitAuditorUnchecked<T> {
        fn on_runtime_upgrade() -> Weight {
            let mut assets = 0u32;
            ReserveAssets::<T>::translate::<v1::ReserveAsset<T::Balance>, _>(|_, old| {
                assets = assets.saturating_add(1);
                Some(ReserveAsset {
                    class: old.class,
                    code: old.code,
                    quantity: old.quantity,
                    valuation: old.valuation,
                    attestation: old.attestation,
                    audit: None,
                    counted: Zero::zero(),
                })
            });
            ReserveValue::<T>::put(T::Balance::zero());
            UnattestedAssets::<T>::put(assets);
            let touched = u64::from(assets).saturating_add(2);
            T::DbWeight::get().reads_writes(touched, touched)
        }

        /// The number of version 1 assets.
        #[cfg(feature = "try-runtime")]
        fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
            Ok((v1::ReserveAssets::<T>::iter_keys().count() as u32).encode())
        }

        /// As many assets as before, all decoding in the new layout and none attested; then
        /// the pallet's invariants.
        #[cfg(feature = "try-runtime")]
        fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
            let assets = u32::decode(&mut &state[..])
                .map_err(|_| "the pre-upgrade state does not decode")?;
            ensure!(
                ReserveAssets::<T>::iter_values().count() as u32 == assets,
                "ReserveAssets lost entries"
            );
            ensure!(
                UnattestedAssets::<T>::get() == assets,
                "UnattestedAssets differs from the number of assets"
            );
            Pallet::<T>::do_try_state()
        }
    }

    /// [`AwaitAuditorUnchecked`], run once when the pallet's storage is at version 1.
    pub type AwaitAuditor<T> = VersionedMigration<
        1,
        2,
        AwaitAuditorUnchecked<T>,
        Pallet<T>,
        <T as frame_system::Config>::DbWeight,
    >;
}

/// Version 3 keeps each holder in one record ([`Holder`](crate::types::Holder): balance,
/// outflow, freeze), so that a payment reads and writes each side once; version 2 kept three
/// maps (`Balances`, `Outflows`, `Frozen`).
pub mod v3 {
    use crate::pallet::*;
    use alloc::{collections::BTreeMap, vec::Vec};
    #[cfg(feature = "try-runtime")]
    use codec::{Decode, Encode};
    #[cfg(feature = "try-runtime")]
    use frame_support::ensure;
    use frame_support::{
        migrations::VersionedMigration,
        traits::{Get, UncheckedOnRuntimeUpgrade},
        weights::Weight,
    };
    use govchain_primitives::identity::Party;
    #[cfg(feature = "try-runtime")]
    use sp_runtime::TryRuntimeError;

    /// The layout of storage version 2.
    pub mod v2 {
        use crate::{pallet::*, types::*};
        use frame_support::{pallet_prelude::ValueQuery, storage_alias, Blake2_128Concat};
        use frame_system::pallet_prelude::BlockNumberFor;
        use govchain_primitives::identity::Party;

        /// Holdings; holders with nothing had no entry.
        #[storage_alias]
        pub type Balances<T: Config> =
            StorageMap<Pallet<T>, Blake2_128Concat, Party, <T as Config>::Balance>;

        /// What each holder sent in its latest outflow period.
        #[storage_alias]
        pub type Outflows<T: Config> = StorageMap<
            Pallet<T>,
            Blake2_128Concat,
            Party,
            Outflow<<T as Config>::Balance>,
            ValueQuery,
        >;

        /// Court freezes.
        #[storage_alias]
        pub type Frozen<T: Config> = StorageMap<
            Pallet<T>,
            Blake2_128Concat,
            Party,
            Freeze<<T as Config>::Balance, BlockNumberFor<T>>,
        >;
    }

    /// Moves every holder's balance, outflow and freeze into its [`Holders`] record, and removes
    /// the three old maps. A record that would hold nothing (an outflow of nothing) is not
    /// stored.
    ///
    /// It reads every holder in one block, as the identity register's migrations do: fine for
    /// the registers that exist at version 2 (test networks of at most thousands of holders); a
    /// register of millions would need a multi-block migration instead.
    pub struct MergeHoldersUnchecked<T>(core::marker::PhantomData<T>);

    impl<T: Config> UncheckedOnRuntimeUpgrade for MergeHoldersUnchecked<T> {
        fn on_runtime_upgrade() -> Weight {
            let mut holders: BTreeMap<Party, HolderOf<T>> = BTreeMap::new();
            let mut reads = 0u64;
            let balances: Vec<_> = v2::Balances::<T>::drain().collect();
            for (party, balance) in balances {
                reads = reads.saturating_add(1);
                holders.entry(party).or_default().balance = balance;
            }
            let outflows: Vec<_> = v2::Outflows::<T>::drain().collect();
            for (party, outflow) in outflows {
                reads = reads.saturating_add(1);
                holders.entry(party).or_default().outflow = outflow;
            }
            let frozen: Vec<_> = v2::Frozen::<T>::drain().collect();
            for (party, freeze) in frozen {
                reads = reads.saturating_add(1);
                holders.entry(party).or_default().freeze = Some(freeze);
            }
            let writes = holders.len() as u64;
            for (party, record) in holders {
                Pallet::<T>::put_holder(&party, record);
            }
            // Each old entry read and removed, each record written.
            T::DbWeight::get().reads_writes(reads, reads.saturating_add(writes))
        }

        /// The sum of the balances and the frozen holders, to compare after.
        #[cfg(feature = "try-runtime")]
        fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
            let sum: u128 = v2::Balances::<T>::iter_values()
                .map(|balance| balance.into())
                .sum();
            let frozen = v2::Frozen::<T>::iter_keys().count() as u64;
            Ok((sum, frozen).encode())
        }

        /// The same balances in all and the same frozen holders; then the pallet's invariants.
        #[cfg(feature = "try-runtime")]
        fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
            let (sum, frozen) = <(u128, u64)>::decode(&mut &state[..])
                .map_err(|_| "the pre-upgrade state does not decode")?;
            let now: u128 = Holders::<T>::iter_values()
                .map(|holder| holder.balance.into())
                .sum();
            ensure!(now == sum, "the balances changed in the migration");
            ensure!(
                Holders::<T>::iter_values()
                    .filter(|holder| holder.freeze.is_some())
                    .count() as u64
                    == frozen,
                "a freeze was lost in the migration"
            );
            Pallet::<T>::do_try_state()
        }
    }

    /// [`MergeHoldersUnchecked`], run once when the pallet's storage is at version 2.
    pub type MergeHolders<T> = VersionedMigration<
        2,
        3,
        MergeHoldersUnchecked<T>,
        Pallet<T>,
        <T as frame_system::Config>::DbWeight,
    >;
}
