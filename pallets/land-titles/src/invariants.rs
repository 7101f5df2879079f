//! What holds after every block and every test.

use crate::{pallet::*, types::*};
use alloc::collections::{BTreeMap, BTreeSet};
use frame_support::{ensure, traits::Get};
use govchain_primitives::identity::Party;
use sp_runtime::{PerThing, Permill, TryRuntimeError};

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
    /// - offers and lien proposals are numbered below their counters.
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
        }
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
