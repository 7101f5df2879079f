//! Storage migrations of the land registry, one module per storage version.

/// Version 2 bounds offers and lien proposals: a lien proposal expires `LienProposalLifetime`
/// blocks after it is made, and each parcel's open offers and waiting lien proposals are
/// indexed in [`ParcelOffers`](crate::ParcelOffers) and
/// [`ParcelLienProposals`](crate::ParcelLienProposals), at most `MaxOffersPerParcel` and
/// `MaxLienProposalsPerParcel` of them.
pub mod v2 {
    use crate::{pallet::*, types::*};
    use alloc::{collections::BTreeMap, vec::Vec};
    use codec::{Decode, Encode};
    use frame_support::{
        migrations::VersionedMigration,
        storage_alias,
        traits::{Get, UncheckedOnRuntimeUpgrade},
        weights::Weight,
        BoundedVec, Twox64Concat,
    };
    use govchain_primitives::identity::{InstitutionId, Party};
    use sp_core::H256;
    use sp_runtime::traits::Saturating;

    /// The layout of storage version 1.
    pub mod v1 {
        use super::*;

        /// A lien proposal as version 1 stored it: without an expiry.
        #[derive(Encode, Decode)]
        pub struct LienProposal<T: Config> {
            /// The parcel to encumber.
            pub parcel: ParcelId,
            /// The proposing bank.
            pub bank: InstitutionId,
            /// The hash of the loan contract.
            pub reference: H256,
            /// The hash of the title the consents were given under.
            pub title_hash: H256,
            /// The owners that consented so far under that title, sorted.
            pub consents: BoundedVec<Party, T::MaxOwners>,
        }

        /// Version 1's lien proposals, read through the old layout.
        #[storage_alias]
        pub type LienProposals<T: Config> =
            StorageMap<Pallet<T>, Twox64Concat, LienId, LienProposal<T>>;
    }

    /// Gives every lien proposal of version 1 an expiry `LienProposalLifetime` blocks after the
    /// block the chain is at when it runs, and builds the per-parcel indexes of offers and lien
    /// proposals.
    ///
    /// A parcel with more records than its cap keeps the cap's worth, by the rules the calls
    /// follow from now on: its expired offers are removed first (`OfferCancelled`), then the
    /// offers the buyer accepted (they wait only for the registrar) are kept before the others,
    /// and older offers before newer ones; of lien proposals (none expired, all having just got
    /// their expiry) the oldest are kept. Each record removed is announced (`OfferCancelled`,
    /// `LienProposalExpired`), so the parties see it and may make it again once there is room.
    ///
    /// It reads every offer and lien proposal in one block: both are few on the chains at
    /// version 1 (test networks), and a parcel's offers and proposals were never many.
    pub struct BoundOffersAndLienProposalsUnchecked<T>(core::marker::PhantomData<T>);

    /// What `pre_upgrade` hands `post_upgrade`: each parcel's count of offers and of lien
    /// proposals before the migration.
    #[cfg(any(feature = "try-runtime", test))]
    #[derive(Encode, Decode, Default)]
    struct Counts {
        offers: BTreeMap<ParcelId, u32>,
        proposals: BTreeMap<ParcelId, u32>,
    }

    impl<T: Config> BoundOffersAndLienProposalsUnchecked<T> {
        /// Each parcel's offers and lien proposals, counted in the old layout.
        #[cfg(any(feature = "try-runtime", test))]
        pub(crate) fn pre_upgrade_state() -> Vec<u8> {
            let mut counts = Counts::default();
            for offer in Offers::<T>::iter_values() {
                let count = counts.offers.entry(offer.parcel).or_default();
                *count = count.saturating_add(1);
            }
            for proposal in v1::LienProposals::<T>::iter_values() {
                let count = counts.proposals.entry(proposal.parcel).or_default();
                *count = count.saturating_add(1);
            }
            counts.encode()
        }

        /// A parcel within its cap kept every offer and proposal; one beyond it kept at most
        /// the cap's worth of offers and exactly the cap's worth of proposals; the registry's
        /// invariants hold, the new indexes included.
        #[cfg(any(feature = "try-runtime", test))]
        pub(crate) fn check_post_upgrade(
            state: Vec<u8>,
        ) -> Result<(), sp_runtime::TryRuntimeError> {
            let counts = Counts::decode(&mut state.as_slice())
                .map_err(|_| "the pre-upgrade counts do not decode")?;
            for (parcel, before) in counts.offers {
                let after = ParcelOffers::<T>::decode_len(parcel).unwrap_or(0) as u32;
                let cap = T::MaxOffersPerParcel::get();
                frame_support::ensure!(
                    if before <= cap {
                        after == before
                    } else {
                        after <= cap
                    },
                    "a parcel lost offers it had room for"
                );
            }
            for (parcel, before) in counts.proposals {
                let after = ParcelLienProposals::<T>::decode_len(parcel).unwrap_or(0) as u32;
                frame_support::ensure!(
                    after == before.min(T::MaxLienProposalsPerParcel::get()),
                    "a parcel lost lien proposals it had room for"
                );
            }
            Pallet::<T>::do_try_state()
        }
    }

    impl<T: Config> UncheckedOnRuntimeUpgrade for BoundOffersAndLienProposalsUnchecked<T> {
        fn on_runtime_upgrade() -> Weight {
            let now = frame_system::Pallet::<T>::block_number();
            let mut reads = 0u64;
            let mut writes = 0u64;

            let expires_at = now.saturating_add(T::LienProposalLifetime::get());
            let mut proposals: BTreeMap<ParcelId, Vec<LienId>> = BTreeMap::new();
            LienProposals::<T>::translate::<v1::LienProposal<T>, _>(|lien, old| {
                reads = reads.saturating_add(1);
                writes = writes.saturating_add(1);
                proposals.entry(old.parcel).or_default().push(lien);
                Some(LienProposal::<T> {
                    parcel: old.parcel,
                    bank: old.bank,
                    reference: old.reference,
                    title_hash: old.title_hash,
                    consents: old.consents,
                    expires_at,
                })
            });
            for (parcel, mut liens) in proposals {
                liens.sort_unstable();
                let cap = T::MaxLienProposalsPerParcel::get() as usize;
                for lien in liens.split_off(cap.min(liens.len())) {
                    LienProposals::<T>::remove(lien);
                    Pallet::<T>::deposit_event(Event::LienProposalExpired { lien });
                    writes = writes.saturating_add(2);
                }
                ParcelLienProposals::<T>::insert(parcel, BoundedVec::truncate_from(liens));
                writes = writes.saturating_add(1);
            }

            // Each parcel's offers, with their expiry and whether the buyer accepted.
            let mut offers = BTreeMap::<ParcelId, Vec<_>>::new();
            for (offer, record) in Offers::<T>::iter() {
                reads = reads.saturating_add(1);
                offers.entry(record.parcel).or_default().push((
                    offer,
                    record.expires_at,
                    record.accepted,
                ));
            }
            for (parcel, mut open) in offers {
                let cap = T::MaxOffersPerParcel::get() as usize;
                let mut removed = Vec::new();
                if open.len() > cap {
                    open.retain(|(offer, expires_at, _)| {
                        let expired = now >= *expires_at;
                        if expired {
                            removed.push(*offer);
                        }
                        !expired
                    });
                }
                // Accepted offers first, then the oldest.
                open.sort_unstable_by_key(|(offer, _, accepted)| (!*accepted, *offer));
                removed.extend(
                    open.split_off(cap.min(open.len()))
                        .into_iter()
                        .map(|(offer, _, _)| offer),
                );
                for offer in removed {
                    Offers::<T>::remove(offer);
                    Pallet::<T>::deposit_event(Event::OfferCancelled { offer });
                    writes = writes.saturating_add(2);
                }
                let mut kept: Vec<OfferId> = open.into_iter().map(|(offer, _, _)| offer).collect();
                kept.sort_unstable();
                if !kept.is_empty() {
                    ParcelOffers::<T>::insert(parcel, BoundedVec::truncate_from(kept));
                    writes = writes.saturating_add(1);
                }
            }

            T::DbWeight::get().reads_writes(reads, writes)
        }

        #[cfg(feature = "try-runtime")]
        fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
            Ok(Self::pre_upgrade_state())
        }

        #[cfg(feature = "try-runtime")]
        fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::check_post_upgrade(state)
        }
    }

    /// [`BoundOffersAndLienProposalsUnchecked`], run once when the pallet's storage is at
    /// version 1.
    pub type BoundOffersAndLienProposals<T> = VersionedMigration<
        1,
        2,
        BoundOffersAndLienProposalsUnchecked<T>,
        Pallet<T>,
        <T as frame_system::Config>::DbWeight,
    >;
}
