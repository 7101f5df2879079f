//! Liens: a bank proposes, every owner consents, the bank releases.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::{IdentityProvider, InstitutionId, Role};
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash, Saturating};

impl<T: Config> Pallet<T> {
    pub(crate) fn do_propose_lien(
        bank: InstitutionId,
        parcel: ParcelId,
        reference: H256,
    ) -> DispatchResult {
        let record = Self::live_unfrozen_parcel(parcel)?;
        ensure!(
            (ParcelLiens::<T>::decode_len(parcel).unwrap_or(0) as u32)
                < T::MaxLiensPerParcel::get(),
            Error::<T>::TooManyLiens
        );
        let lien = NextLienId::<T>::get();
        NextLienId::<T>::put(lien.checked_add(1).ok_or(Error::<T>::Overflow)?);
        let now = frame_system::Pallet::<T>::block_number();
        let mut waiting = ParcelLienProposals::<T>::get(parcel);
        if waiting.is_full() {
            Self::prune_expired_lien_proposals(&mut waiting, now);
        }
        waiting
            .try_push(lien)
            .map_err(|_| Error::<T>::TooManyLienProposals)?;
        ParcelLienProposals::<T>::insert(parcel, waiting);
        LienProposals::<T>::insert(
            lien,
            LienProposal::<T> {
                parcel,
                bank,
                reference,
                title_hash: Self::title_hash(&record.title),
                consents: BoundedVec::default(),
                expires_at: now.saturating_add(T::LienProposalLifetime::get()),
            },
        );
        Self::deposit_event(Event::LienProposed {
            lien,
            parcel,
            bank,
            reference,
        });
        Ok(())
    }

    /// Removes the expired proposals among a parcel's waiting proposals `waiting`, from
    /// storage and from the list, announcing each; the caller stores the list. At most
    /// `MaxLienProposalsPerParcel` reads.
    fn prune_expired_lien_proposals(
        waiting: &mut BoundedVec<LienId, T::MaxLienProposalsPerParcel>,
        now: BlockNumberFor<T>,
    ) {
        waiting.retain(|lien| match LienProposals::<T>::get(lien) {
            Some(proposal) if now < proposal.expires_at => true,
            Some(_) => {
                LienProposals::<T>::remove(lien);
                Self::deposit_event(Event::LienProposalExpired { lien: *lien });
                false
            }
            // The index names only stored proposals; a dangling entry goes.
            None => false,
        });
    }

    /// Removes a lien proposal on `parcel` from storage and from the parcel's waiting
    /// proposals.
    fn remove_lien_proposal(lien: LienId, parcel: ParcelId) {
        LienProposals::<T>::remove(lien);
        ParcelLienProposals::<T>::mutate_exists(parcel, |waiting| {
            if let Some(list) = waiting {
                list.retain(|listed| *listed != lien);
                if list.is_empty() {
                    *waiting = None;
                }
            }
        });
    }

    pub(crate) fn do_consent_lien(who: T::AccountId, lien: LienId) -> DispatchResult {
        let mut proposal = LienProposals::<T>::get(lien).ok_or(Error::<T>::UnknownLien)?;
        ensure!(
            frame_system::Pallet::<T>::block_number() < proposal.expires_at,
            Error::<T>::LienProposalExpired
        );
        let record = Self::live_unfrozen_parcel(proposal.parcel)?;
        // Consents bind the owners who gave them: once the title changes, the owners consent
        // afresh, so a former owner's consent never counts again.
        let title_hash = Self::title_hash(&record.title);
        if proposal.title_hash != title_hash {
            proposal.title_hash = title_hash;
            proposal.consents = BoundedVec::default();
        }
        let mut owns = false;
        let mut consented = alloc::vec::Vec::new();
        for holding in &record.title {
            if Self::acts_for(&who, &holding.owner) {
                owns = true;
                if let Err(index) = proposal.consents.binary_search(&holding.owner) {
                    proposal
                        .consents
                        .try_insert(index, holding.owner)
                        .map_err(|_| Error::<T>::TooManyOwners)?;
                    consented.push(holding.owner);
                }
            }
        }
        ensure!(owns, Error::<T>::NotOwner);
        ensure!(!consented.is_empty(), Error::<T>::AlreadyConsented);
        let everyone_consented = record
            .title
            .iter()
            .all(|holding| proposal.consents.binary_search(&holding.owner).is_ok());
        if everyone_consented {
            ensure!(
                T::Identity::institution_has_role(proposal.bank, Role::CommercialBank),
                Error::<T>::BankNotActive
            );
            let mut liens = ParcelLiens::<T>::get(proposal.parcel);
            let registration = LienRegistrations::<T>::get();
            liens
                .try_push(Lien {
                    id: lien,
                    bank: proposal.bank,
                    reference: proposal.reference,
                    registered_at: frame_system::Pallet::<T>::block_number(),
                    registration,
                })
                .map_err(|_| Error::<T>::TooManyLiens)?;
            LienRegistrations::<T>::put(registration.checked_add(1).ok_or(Error::<T>::Overflow)?);
            let rank = liens.len() as u32;
            ParcelLiens::<T>::insert(proposal.parcel, liens);
            Self::remove_lien_proposal(lien, proposal.parcel);
            Self::announce_lien_consents(lien, consented);
            Self::record_change(
                proposal.parcel,
                TitleChange::LienRegistered {
                    lien,
                    bank: proposal.bank,
                },
            )?;
            Self::deposit_event(Event::LienRegistered {
                lien,
                parcel: proposal.parcel,
                bank: proposal.bank,
                rank,
            });
        } else {
            LienProposals::<T>::insert(lien, proposal);
            Self::announce_lien_consents(lien, consented);
        }
        Ok(())
    }

    /// What a consent to a lien is bound to: the title as the owners saw it.
    fn title_hash(title: &Title<T>) -> H256 {
        BlakeTwo256::hash_of(title)
    }

    fn announce_lien_consents(
        lien: LienId,
        owners: alloc::vec::Vec<govchain_primitives::identity::Party>,
    ) {
        for owner in owners {
            Self::deposit_event(Event::LienConsented { lien, owner });
        }
    }

    pub(crate) fn do_withdraw_lien_proposal(bank: InstitutionId, lien: LienId) -> DispatchResult {
        let proposal = LienProposals::<T>::get(lien).ok_or(Error::<T>::UnknownLien)?;
        ensure!(proposal.bank == bank, Error::<T>::NotLienHolder);
        Self::remove_lien_proposal(lien, proposal.parcel);
        Self::deposit_event(Event::LienProposalWithdrawn { lien });
        Ok(())
    }

    pub(crate) fn do_remove_expired_lien_proposal(lien: LienId) -> DispatchResult {
        let proposal = LienProposals::<T>::get(lien).ok_or(Error::<T>::UnknownLien)?;
        ensure!(
            frame_system::Pallet::<T>::block_number() >= proposal.expires_at,
            Error::<T>::LienProposalNotExpired
        );
        Self::remove_lien_proposal(lien, proposal.parcel);
        Self::deposit_event(Event::LienProposalExpired { lien });
        Ok(())
    }

    pub(crate) fn do_release_lien(
        bank: InstitutionId,
        parcel: ParcelId,
        lien: LienId,
    ) -> DispatchResult {
        let liens = ParcelLiens::<T>::get(parcel);
        let index = liens
            .iter()
            .position(|registered| registered.id == lien)
            .ok_or(Error::<T>::UnknownLien)?;
        ensure!(
            liens
                .get(index)
                .is_some_and(|registered| registered.bank == bank),
            Error::<T>::NotLienHolder
        );
        Self::remove_lien(parcel, liens, index);
        Self::record_change(parcel, TitleChange::LienReleased { lien, bank })?;
        Self::deposit_event(Event::LienReleased { lien, parcel, bank });
        Ok(())
    }

    pub(crate) fn do_release_orphaned_lien(
        parcel: ParcelId,
        lien: LienId,
        case: H256,
    ) -> DispatchResult {
        let liens = ParcelLiens::<T>::get(parcel);
        let (index, bank) = liens
            .iter()
            .enumerate()
            .find(|(_, registered)| registered.id == lien)
            .map(|(index, registered)| (index, registered.bank))
            .ok_or(Error::<T>::UnknownLien)?;
        ensure!(
            !T::Identity::institution_has_role(bank, Role::CommercialBank),
            Error::<T>::BankStillServing
        );
        Self::remove_lien(parcel, liens, index);
        Self::record_change(
            parcel,
            TitleChange::LienReleasedByCouncil { lien, bank, case },
        )?;
        Self::deposit_event(Event::LienReleasedByCouncil {
            lien,
            parcel,
            bank,
            case,
        });
        Ok(())
    }

    /// Takes the lien at `index` off the parcel's ranked liens; later ones move up a rank.
    fn remove_lien(parcel: ParcelId, mut liens: Liens<T>, index: usize) {
        liens.remove(index);
        if liens.is_empty() {
            ParcelLiens::<T>::remove(parcel);
        } else {
            ParcelLiens::<T>::insert(parcel, liens);
        }
    }
}
