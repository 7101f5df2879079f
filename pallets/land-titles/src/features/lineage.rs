//! Subdividing and merging parcels: the old parcels retire, the new ones remember them.

use crate::{pallet::*, types::*};
use alloc::{collections::BTreeSet, vec::Vec};
use frame_support::{ensure, pallet_prelude::DispatchResult, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::InstitutionId;
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
    /// The sum of areas, or `Overflow`.
    fn total_area(mut areas: impl Iterator<Item = Area>) -> Result<Area, DispatchError> {
        areas.try_fold(0, |sum: Area, area| {
            sum.checked_add(area).ok_or(Error::<T>::Overflow.into())
        })
    }

    /// Checks new parcels' specs, including that no two share a cadastral number.
    fn ensure_valid_specs<'a>(specs: impl Iterator<Item = &'a ParcelSpec>) -> DispatchResult {
        let mut numbers = BTreeSet::new();
        for spec in specs {
            Self::ensure_valid_spec(spec)?;
            ensure!(
                numbers.insert(&spec.cadastral_number),
                Error::<T>::CadastralNumberTaken
            );
        }
        Ok(())
    }

    /// Marks a parcel retired into `children`, removes it from the owner index and returns
    /// its liens and freeze, which no longer apply to it.
    fn retire(
        parcel: ParcelId,
        mut record: Parcel<T>,
        children: Lineage<T>,
    ) -> (Liens<T>, Option<Freeze<BlockNumberFor<T>>>) {
        Self::unindex_title(&record.title, parcel);
        record.retired_at = Some(frame_system::Pallet::<T>::block_number());
        record.children = children;
        Parcels::<T>::insert(parcel, record);
        (ParcelLiens::<T>::take(parcel), Freezes::<T>::take(parcel))
    }

    /// Puts carried-over liens and freeze on a new parcel, and into its history.
    fn carry_onto(
        parcel: ParcelId,
        liens: &Liens<T>,
        freeze: &Option<Freeze<BlockNumberFor<T>>>,
    ) -> DispatchResult {
        for lien in liens {
            Self::record_change(
                parcel,
                TitleChange::LienCarried {
                    lien: lien.id,
                    bank: lien.bank,
                },
            )?;
        }
        if !liens.is_empty() {
            ParcelLiens::<T>::insert(parcel, liens.clone());
        }
        if let Some(freeze) = freeze {
            Self::record_change(
                parcel,
                TitleChange::FreezeCarried {
                    court: freeze.court,
                    case: freeze.case,
                },
            )?;
            Freezes::<T>::insert(parcel, freeze);
        }
        Ok(())
    }

    /// The live parcel `parcel`, if it may be subdivided into `children` carrying `carry`:
    /// every check of a subdivision, before it changes anything.
    pub(crate) fn check_subdivision(
        parcel: ParcelId,
        children: &[ParcelSpec],
        carry: CarryOver,
    ) -> Result<Parcel<T>, DispatchError> {
        let record = Self::live_parcel(parcel)?;
        ensure!(children.len() >= 2, Error::<T>::TooFewParcels);
        ensure!(
            carry.freeze || !Freezes::<T>::contains_key(parcel),
            Error::<T>::Frozen
        );
        ensure!(
            carry.liens || ParcelLiens::<T>::get(parcel).is_empty(),
            Error::<T>::LienPresent
        );
        Self::ensure_valid_specs(children.iter())?;
        ensure!(
            Self::total_area(children.iter().map(|child| child.area))? == record.spec.area,
            Error::<T>::AreasDiffer
        );
        Ok(record)
    }

    /// Subdivides `parcel` (its `record`, checked by [`Self::check_subdivision`]) into
    /// `children`.
    pub(crate) fn do_subdivide(
        registrar: InstitutionId,
        parcel: ParcelId,
        record: Parcel<T>,
        children: BoundedVec<ParcelSpec, T::MaxLineage>,
    ) -> DispatchResult {
        let title = record.title.clone();
        // Retiring first frees the parent's place in each owner's index for a child.
        let first_child = NextParcelId::<T>::get();
        let child_ids: Vec<ParcelId> = (0..children.len() as u64)
            .map(|offset| first_child.checked_add(offset).ok_or(Error::<T>::Overflow))
            .collect::<Result<_, _>>()?;
        let child_ids: Lineage<T> = child_ids.try_into().map_err(|_| Error::<T>::Overflow)?;
        let (liens, freeze) = Self::retire(parcel, record, child_ids.clone());
        Self::record_change(parcel, TitleChange::Subdivided)?;
        let parents: Lineage<T> = BoundedVec::truncate_from(alloc::vec![parcel]);
        for spec in children {
            let child = Self::create_parcel(registrar, spec, title.clone(), parents.clone())?;
            Self::carry_onto(child, &liens, &freeze)?;
        }
        Self::deposit_event(Event::ParcelSubdivided {
            parent: parcel,
            children: child_ids,
        });
        Ok(())
    }

    /// What merging `parents` into `merged` carrying `carry` retires and carries over, if it
    /// may: every check of a merger, before it changes anything.
    pub(crate) fn check_merger(
        parents: &Lineage<T>,
        merged: &ParcelSpec,
        carry: CarryOver,
    ) -> Result<Merger<T>, DispatchError> {
        ensure!(parents.len() >= 2, Error::<T>::TooFewParcels);
        ensure!(
            parents.iter().collect::<BTreeSet<_>>().len() == parents.len(),
            Error::<T>::DuplicateParcel
        );
        let records = parents
            .iter()
            .map(|parent| Self::live_parcel(*parent))
            .collect::<Result<Vec<_>, _>>()?;
        let title = records
            .first()
            .map(|record| record.title.clone())
            .ok_or(Error::<T>::TooFewParcels)?;
        ensure!(
            records.iter().all(|record| record.title == title),
            Error::<T>::TitlesDiffer
        );
        Self::ensure_valid_spec(merged)?;
        ensure!(
            Self::total_area(records.iter().map(|record| record.spec.area))? == merged.area,
            Error::<T>::AreasDiffer
        );

        let mut freezes = parents.iter().filter_map(Freezes::<T>::get);
        let freeze = freezes.next();
        ensure!(carry.freeze || freeze.is_none(), Error::<T>::Frozen);
        ensure!(
            freezes.all(|other| freeze
                .is_some_and(|first| { (first.court, first.case) == (other.court, other.case) })),
            Error::<T>::ConflictingFreezes
        );
        let mut liens: Vec<_> = parents
            .iter()
            .flat_map(|parent| ParcelLiens::<T>::get(parent).into_inner())
            .collect();
        ensure!(carry.liens || liens.is_empty(), Error::<T>::LienPresent);
        // Liens keep the order in which they were registered, and a lien a subdivision carried
        // into sibling parcels comes back once.
        liens.sort_by_key(|lien| lien.registration);
        liens.dedup_by_key(|lien| lien.registration);
        let liens: Liens<T> = liens.try_into().map_err(|_| Error::<T>::TooManyLiens)?;
        Ok(Merger {
            records,
            title,
            freeze,
            liens,
        })
    }

    /// Merges `parents` into `merged`, as [`Self::check_merger`] found they may.
    pub(crate) fn do_merge(
        registrar: InstitutionId,
        parents: Lineage<T>,
        merged: ParcelSpec,
        merger: Merger<T>,
    ) -> DispatchResult {
        let Merger {
            records,
            title,
            freeze,
            liens,
        } = merger;
        let merged_id = NextParcelId::<T>::get();
        let children: Lineage<T> = BoundedVec::truncate_from(alloc::vec![merged_id]);
        for (parent, record) in parents.iter().zip(records) {
            Self::retire(*parent, record, children.clone());
            Self::record_change(*parent, TitleChange::MergedInto { parcel: merged_id })?;
        }
        let merged_id = Self::create_parcel(registrar, merged, title, parents.clone())?;
        Self::carry_onto(merged_id, &liens, &freeze)?;
        Self::deposit_event(Event::ParcelsMerged {
            parents,
            merged: merged_id,
        });
        Ok(())
    }
}

/// What a merger retires and carries over, found by [`Pallet::check_merger`].
pub(crate) struct Merger<T: Config> {
    /// The parents' records, in the order of the parents.
    records: Vec<Parcel<T>>,
    /// The parents' common title.
    title: Title<T>,
    /// The parents' common freeze.
    freeze: Option<Freeze<BlockNumberFor<T>>>,
    /// The parents' liens, each once, in order of registration.
    liens: Liens<T>,
}
