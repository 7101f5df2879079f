//! Storage migrations of the governance pallet, one module per storage version.

/// Version 2 structures the legal reference of a pending upgrade.
///
/// Version 1 kept it as free text. Version 2 keeps a [`LegalReference`](crate::LegalReference):
/// the instrument's hash and its identifier. A pending upgrade from version 1 keeps its text as
/// the identifier, with an all-zero instrument hash, which marks a reference recorded before the
/// hash was required (a new upgrade must give one).
pub mod v2 {
    use crate::pallet::*;
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
    #[cfg(feature = "try-runtime")]
    use sp_runtime::TryRuntimeError;

    /// The layout of storage version 1.
    pub mod v1 {
        use crate::pallet::*;
        use codec::{Decode, Encode, MaxEncodedLen};
        use frame_support::{storage_alias, BoundedVec};
        use frame_system::pallet_prelude::BlockNumberFor;
        use scale_info::TypeInfo;

        /// A scheduled upgrade as version 1 stored it, its legal reference free text.
        #[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
        #[scale_info(skip_type_params(MaxReference))]
        pub struct ScheduledUpgrade<
            Hash,
            BlockNumber,
            MaxReference: frame_support::traits::Get<u32>,
        > {
            pub code_hash: Hash,
            pub legal_reference: BoundedVec<u8, MaxReference>,
            pub enact_at: BlockNumber,
        }

        /// `PendingUpgrade` in the version 1 layout.
        #[storage_alias]
        pub type PendingUpgrade<T: Config> = StorageValue<
            Pallet<T>,
            ScheduledUpgrade<
                <T as frame_system::Config>::Hash,
                BlockNumberFor<T>,
                <T as Config>::MaxLegalReferenceLen,
            >,
        >;
    }

    /// Rewrites the pending upgrade, if any, with its text as the reference's identifier.
    pub struct StructureLegalReferenceUnchecked<T>(core::marker::PhantomData<T>);

    impl<T: Config> UncheckedOnRuntimeUpgrade for StructureLegalReferenceUnchecked<T> {
        fn on_runtime_upgrade() -> Weight {
            let Some(old) = v1::PendingUpgrade::<T>::take() else {
                return T::DbWeight::get().reads(1);
            };
            PendingUpgrade::<T>::put(ScheduledUpgrade {
                code_hash: old.code_hash,
                legal_reference: LegalReference {
                    instrument_hash: [0; 32],
                    identifier: old.legal_reference,
                },
                enact_at: old.enact_at,
            });
            T::DbWeight::get().reads_writes(1, 1)
        }

        /// The version 1 pending upgrade, if any.
        #[cfg(feature = "try-runtime")]
        fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
            Ok(v1::PendingUpgrade::<T>::get()
                .map(|old| {
                    (
                        old.code_hash,
                        old.legal_reference.into_inner(),
                        old.enact_at,
                    )
                })
                .encode())
        }

        /// The same upgrade is pending, with the same text as its identifier; then the
        /// pallet's invariants.
        #[cfg(feature = "try-runtime")]
        fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
            type Old<T> = Option<(
                <T as frame_system::Config>::Hash,
                Vec<u8>,
                frame_system::pallet_prelude::BlockNumberFor<T>,
            )>;
            let old = Old::<T>::decode(&mut &state[..])
                .map_err(|_| "the pre-upgrade state does not decode")?;
            let new = PendingUpgrade::<T>::get().map(|pending| {
                (
                    pending.code_hash,
                    pending.legal_reference.identifier.into_inner(),
                    pending.enact_at,
                )
            });
            ensure!(old == new, "the pending upgrade changed");
            Pallet::<T>::do_try_state()
        }
    }

    /// [`StructureLegalReferenceUnchecked`], run once when the pallet's storage is at version 1.
    pub type StructureLegalReference<T> = VersionedMigration<
        1,
        2,
        StructureLegalReferenceUnchecked<T>,
        Pallet<T>,
        <T as frame_system::Config>::DbWeight,
    >;
}
