//! What holds after every block and every test.

use crate::{pallet::*, types::*};
use alloc::collections::{BTreeMap, BTreeSet};
use frame_support::{ensure, traits::Get};
use govchain_primitives::identity::Party;
use sp_runtime::{traits::Saturating, PerThing, Permill, TryRuntimeError};

impl<T: Config> Pallet<T> {
    /// Checks the registry's invariants:
    /// - every parcel number is below `NextParcelId` and has its cadastral number indexed, and
    ///   the index names no other parcel;
    /// - a live parcel has one title: distinct owners in order, shares above zero summing to
    ///   100 %; it has no children;
    /// - the owner index lists exactly the owners of live parcels, and its counts match;
    /// - a retired parcel's children name it as a parent, and their areas add up: a subdivided
    ///   parcel's children sum to its area, a merged parcel's area to its parents';
    /// - liens and freezes sit only on live parcels, at most `MaxLiensPerParcel`, each lien once;
    /// - offers and lien proposals are numbered below their counters;
    /// - see [`Self::check_history`] and [`Self::check_open_indexes`].
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        let next_parcel = NextParcelId::<T>::get();
        let mut owners_of_live: BTreeMap<(Party, ParcelId), ()> = BTreeMap::new();
        let mut parcels = 0usize;
        for (id, parcel) in Parcels::<T>::iter() {
            parcels = parcels.saturating_add(1);
            ensure!(id < next_parcel, "a parcel is numbered beyond NextParcelId");
            ensure!(
                ParcelByCadastralNumber::<T>::get(&parcel.spec.cadastral_number) == Some(id),
                "a parcel's cadastral number is not indexed to it"
            );
            ensure!(parcel.spec.area > 0, "a parcel has no area");
            if parcel.is_live() {
                let sum = Self::checked_share_sum(&parcel.title)
                    .map_err(|_| "a live parcel's title is empty, unordered or has a zero share")?;
                ensure!(
                    sum == Permill::ACCURACY,
                    "a live parcel's shares do not sum to 100 %"
                );
                ensure!(parcel.children.is_empty(), "a live parcel has children");
                for holding in &parcel.title {
                    owners_of_live.insert((holding.owner, id), ());
                }
            } else {
                Self::check_retired_lineage(id, &parcel)?;
            }
        }
        ensure!(
            ParcelByCadastralNumber::<T>::iter().count() == parcels,
            "the cadastral index names a parcel that does not exist"
        );

        let mut counts: BTreeMap<Party, u32> = BTreeMap::new();
        for (owner, parcel, ()) in OwnerParcels::<T>::iter() {
            ensure!(
                owners_of_live.remove(&(owner, parcel)).is_some(),
                "the owner index lists a parcel its owner does not hold"
            );
            let count = counts.entry(owner).or_default();
            *count = count.saturating_add(1);
        }
        ensure!(
            owners_of_live.is_empty(),
            "an owner of a live parcel is missing from the owner index"
        );
        ensure!(
            OwnerParcelCount::<T>::iter().count() == counts.len(),
            "an owner count has no index entries"
        );
        for (owner, count) in counts {
            ensure!(
                OwnerParcelCount::<T>::get(owner) == count,
                "an owner count differs from the owner index"
            );
            ensure!(
                count <= T::MaxParcelsPerOwner::get(),
                "an owner holds more than MaxParcelsPerOwner parcels"
            );
        }

        for (parcel, liens) in ParcelLiens::<T>::iter() {
            ensure!(!liens.is_empty(), "an empty lien list is stored");
            ensure!(
                Parcels::<T>::get(parcel).is_some_and(|record| record.is_live()),
                "a lien sits on a parcel that is not live"
            );
            let ids: BTreeSet<_> = liens.iter().map(|lien| lien.id).collect();
            ensure!(
                ids.len() == liens.len(),
                "a lien is registered twice on a parcel"
            );
            ensure!(
                liens
                    .windows(2)
                    .all(|pair| matches!(pair, [first, second] if first.registration < second.registration)),
                "a parcel's liens are not ranked in order of registration"
            );
            ensure!(
                liens
                    .iter()
                    .all(|lien| lien.registration < LienRegistrations::<T>::get()),
                "a lien's registration is numbered beyond LienRegistrations"
            );
            ensure!(
                liens.iter().all(|lien| lien.id < NextLienId::<T>::get()),
                "a lien is numbered beyond NextLienId"
            );
        }
        for (parcel, _) in Freezes::<T>::iter() {
            ensure!(
                Parcels::<T>::get(parcel).is_some_and(|record| record.is_live()),
                "a freeze sits on a parcel that is not live"
            );
        }
        Self::check_history()?;
        for (offer, record) in Offers::<T>::iter() {
            ensure!(
                offer < NextOfferId::<T>::get(),
                "an offer is numbered beyond NextOfferId"
            );
            ensure!(
                Parcels::<T>::contains_key(record.parcel),
                "an offer names a parcel that does not exist"
            );
        }
        for (lien, proposal) in LienProposals::<T>::iter() {
            ensure!(
                lien < NextLienId::<T>::get(),
                "a lien proposal is numbered beyond NextLienId"
            );
            ensure!(
                Parcels::<T>::contains_key(proposal.parcel),
                "a lien proposal names a parcel that does not exist"
            );
            ensure!(
                proposal.expires_at
                    <= frame_system::Pallet::<T>::block_number()
                        .saturating_add(T::LienProposalLifetime::get()),
                "a lien proposal lives longer than LienProposalLifetime"
            );
        }
        Self::check_open_indexes()?;
        Ok(())
    }

    /// `ParcelOffers` lists exactly the offers in `Offers`, each under its parcel, once, and
    /// `ParcelLienProposals` exactly the proposals in `LienProposals`; no list is empty or
    /// longer than its cap.
    fn check_open_indexes() -> Result<(), TryRuntimeError> {
        let mut indexed_offers = BTreeSet::new();
        for (parcel, offers) in ParcelOffers::<T>::iter() {
            ensure!(!offers.is_empty(), "an empty offer list is stored");
            ensure!(
                offers.len() <= T::MaxOffersPerParcel::get() as usize,
                "a parcel has more than MaxOffersPerParcel offers"
            );
            for offer in offers {
                ensure!(
                    Offers::<T>::get(offer).is_some_and(|record| record.parcel == parcel),
                    "the offer index lists an offer that is not on its parcel"
                );
                ensure!(
                    indexed_offers.insert(offer),
                    "the offer index lists an offer twice"
                );
            }
        }
        ensure!(
            Offers::<T>::iter_keys().all(|offer| indexed_offers.contains(&offer)),
            "an offer is missing from the offer index"
        );
        let mut indexed_proposals = BTreeSet::new();
        for (parcel, proposals) in ParcelLienProposals::<T>::iter() {
            ensure!(
                !proposals.is_empty(),
                "an empty lien proposal list is stored"
            );
            ensure!(
                proposals.len() <= T::MaxLienProposalsPerParcel::get() as usize,
                "a parcel has more than MaxLienProposalsPerParcel lien proposals"
            );
            for lien in proposals {
                ensure!(
                    LienProposals::<T>::get(lien).is_some_and(|proposal| proposal.parcel == parcel),
                    "the lien proposal index lists a proposal that is not on its parcel"
                );
                ensure!(
                    indexed_proposals.insert(lien),
                    "the lien proposal index lists a proposal twice"
                );
            }
        }
        ensure!(
            LienProposals::<T>::iter_keys().all(|lien| indexed_proposals.contains(&lien)),
            "a lien proposal is missing from the lien proposal index"
        );
        Ok(())
    }

    /// Every parcel's history is numbered 0 to its length without gaps, in block order; it opens
    /// with the registration in the block the parcel was registered, and a parcel is retired
    /// exactly when its history ends with a subdivision or merge; replaying a live parcel's
    /// history gives its liens and freeze. No history without a parcel.
    fn check_history() -> Result<(), TryRuntimeError> {
        let mut entries: BTreeMap<ParcelId, u32> = BTreeMap::new();
        for (parcel, _, _) in ParcelHistory::<T>::iter() {
            let count = entries.entry(parcel).or_default();
            *count = count.saturating_add(1);
        }
        for (parcel, length) in ParcelHistoryLength::<T>::iter() {
            ensure!(
                entries.remove(&parcel) == Some(length),
                "a parcel's history length differs from its entries"
            );
            let record = Parcels::<T>::get(parcel).ok_or("a history names no parcel")?;
            let history: alloc::vec::Vec<_> = (0..length)
                .map(|index| ParcelHistory::<T>::get(parcel, index))
                .collect::<Option<_>>()
                .ok_or("a parcel's history has a gap")?;
            ensure!(
                matches!(history.first(), Some(first) if first.at == record.registered_at
                    && matches!(first.change, TitleChange::Registered { .. })),
                "a parcel's history does not open with its registration"
            );
            ensure!(
                history
                    .windows(2)
                    .all(|pair| matches!(pair, [earlier, later] if earlier.at <= later.at)),
                "a parcel's history is not in block order"
            );
            let retiring = |entry: &HistoryEntry<_>| {
                matches!(
                    entry.change,
                    TitleChange::Subdivided | TitleChange::MergedInto { .. }
                )
            };
            ensure!(
                history.last().is_some_and(retiring) == record.retired_at.is_some()
                    && history.iter().filter(|entry| retiring(entry)).count() <= 1,
                "a parcel's history and its retirement disagree"
            );
            if record.retired_at.is_none() {
                Self::check_history_replays(parcel, &history)?;
            }
        }
        ensure!(entries.is_empty(), "history entries without a length");
        ensure!(
            Parcels::<T>::iter_keys().all(ParcelHistoryLength::<T>::contains_key),
            "a parcel has no history"
        );
        Ok(())
    }

    /// Replaying a live parcel's history gives the liens and the freeze it has.
    fn check_history_replays(
        parcel: ParcelId,
        history: &[HistoryEntry<frame_system::pallet_prelude::BlockNumberFor<T>>],
    ) -> Result<(), TryRuntimeError> {
        let mut liens = BTreeSet::new();
        let mut freeze = None;
        for entry in history {
            match entry.change {
                TitleChange::LienRegistered { lien, bank }
                | TitleChange::LienCarried { lien, bank } => {
                    liens.insert((lien, bank));
                }
                TitleChange::LienReleased { lien, bank }
                | TitleChange::LienReleasedByCouncil { lien, bank, .. } => {
                    liens.remove(&(lien, bank));
                }
                TitleChange::Frozen { court, case }
                | TitleChange::FreezeCarried { court, case } => {
                    freeze = Some((court, case));
                }
                TitleChange::FreezeLifted { .. } | TitleChange::FreezeLiftedByCouncil { .. } => {
                    freeze = None
                }
                TitleChange::Registered { .. }
                | TitleChange::Transferred { .. }
                | TitleChange::Inherited { .. }
                | TitleChange::Subdivided
                | TitleChange::MergedInto { .. } => {}
            }
        }
        let held: BTreeSet<_> = ParcelLiens::<T>::get(parcel)
            .iter()
            .map(|lien| (lien.id, lien.bank))
            .collect();
        ensure!(
            liens == held,
            "replaying a parcel's history does not give its liens"
        );
        ensure!(
            freeze == Freezes::<T>::get(parcel).map(|freeze| (freeze.court, freeze.case)),
            "replaying a parcel's history does not give its freeze"
        );
        Ok(())
    }

    /// A retired parcel's children name it, and areas add up across the subdivision or merge.
    fn check_retired_lineage(id: ParcelId, parcel: &Parcel<T>) -> Result<(), TryRuntimeError> {
        ensure!(
            !parcel.children.is_empty(),
            "a retired parcel has no children"
        );
        let children = parcel
            .children
            .iter()
            .map(|child| Parcels::<T>::get(child).ok_or("a retired parcel's child does not exist"))
            .collect::<Result<alloc::vec::Vec<_>, _>>()?;
        ensure!(
            children.iter().all(|child| child.parents.contains(&id)),
            "a child does not name its retired parent"
        );
        match children.as_slice() {
            // A merge: the merged parcel's area is its parents'.
            [merged] if merged.parents.len() > 1 => {
                let parents = merged
                    .parents
                    .iter()
                    .map(|parent| {
                        Parcels::<T>::get(parent)
                            .map(|record| record.spec.area)
                            .ok_or("a merged parcel's parent does not exist")
                    })
                    .collect::<Result<alloc::vec::Vec<_>, _>>()?;
                ensure!(
                    total_area(parents.into_iter())? == merged.spec.area,
                    "a merged parcel's area differs from its parents'"
                );
            }
            // A subdivision: the children's areas sum to the parent's.
            _ => ensure!(
                total_area(children.iter().map(|child| child.spec.area))? == parcel.spec.area,
                "a subdivided parcel's children do not sum to its area"
            ),
        }
        Ok(())
    }
}

fn total_area(mut areas: impl Iterator<Item = Area>) -> Result<Area, TryRuntimeError> {
    areas.try_fold(0, |sum: Area, area| {
        sum.checked_add(area).ok_or("areas overflow".into())
    })
}
