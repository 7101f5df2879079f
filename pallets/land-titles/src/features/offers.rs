//! Offers: made by the sellers, accepted by the buyer, approved by a registrar where required.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::{
    identity::{IdentityProvider, InstitutionId, Party},
    payments::Payments,
};
use sp_runtime::{traits::Saturating, DispatchError};

impl<T: Config> Pallet<T> {
    pub(crate) fn do_create_offer(
        who: T::AccountId,
        parcel: ParcelId,
        sales: BoundedVec<Holding, T::MaxOwners>,
        buyer: Party,
        price: Price<T::Balance>,
        expires_at: BlockNumberFor<T>,
        carries_liens: bool,
    ) -> DispatchResult {
        let record = Self::live_unfrozen_parcel(parcel)?;
        Self::checked_share_sum(&sales)?;
        for sale in &sales {
            let held = Self::holding_of(&record.title, &sale.owner).ok_or(Error::<T>::NotOwner)?;
            ensure!(sale.share <= held, Error::<T>::ShareExceedsHolding);
        }
        ensure!(
            sales.iter().any(|sale| Self::acts_for(&who, &sale.owner)),
            Error::<T>::NotSeller
        );
        ensure!(
            sales.iter().all(|sale| sale.owner != buyer),
            Error::<T>::BuyerIsSeller
        );
        ensure!(
            T::Identity::party_is_active(&buyer),
            Error::<T>::InactiveParty
        );
        let now = frame_system::Pallet::<T>::block_number();
        ensure!(expires_at > now, Error::<T>::ExpiryNotInFuture);
        ensure!(
            expires_at <= now.saturating_add(T::MaxOfferDuration::get()),
            Error::<T>::OfferTooLong
        );
        ensure!(
            carries_liens || ParcelLiens::<T>::get(parcel).is_empty(),
            Error::<T>::LienPresent
        );
        ensure!(
            matches!(price, Price::OffChain(_)) || T::Payments::enabled(),
            Error::<T>::PaymentUnavailable
        );

        let sales: BoundedVec<Sale, T::MaxOwners> = sales
            .iter()
            .map(|holding| Sale {
                seller: holding.owner,
                share: holding.share,
                consented: Self::acts_for(&who, &holding.owner),
            })
            .collect::<alloc::vec::Vec<_>>()
            .try_into()
            .map_err(|_| Error::<T>::TooManyOwners)?;
        let offer = NextOfferId::<T>::get();
        NextOfferId::<T>::put(offer.checked_add(1).ok_or(Error::<T>::Overflow)?);
        let mut open = ParcelOffers::<T>::get(parcel);
        if open.is_full() {
            Self::prune_expired_offers(&mut open, now);
        }
        open.try_push(offer)
            .map_err(|_| Error::<T>::TooManyOffers)?;
        ParcelOffers::<T>::insert(parcel, open);
        Offers::<T>::insert(
            offer,
            Offer::<T> {
                parcel,
                sales: sales.clone(),
                buyer,
                price,
                expires_at,
                carries_liens,
                carried_liens: BoundedVec::default(),
                accepted: false,
            },
        );
        Self::deposit_event(Event::OfferCreated {
            offer,
            parcel,
            sales,
            buyer,
            price,
            expires_at,
            carries_liens,
        });
        Ok(())
    }

    /// Removes the expired offers among a parcel's open offers `open`, from storage and from
    /// the list, announcing each; the caller stores the list. At most `MaxOffersPerParcel`
    /// reads.
    fn prune_expired_offers(
        open: &mut BoundedVec<OfferId, T::MaxOffersPerParcel>,
        now: BlockNumberFor<T>,
    ) {
        open.retain(|offer| match Offers::<T>::get(offer) {
            Some(record) if now < record.expires_at => true,
            Some(_) => {
                Offers::<T>::remove(offer);
                Self::deposit_event(Event::OfferCancelled { offer: *offer });
                false
            }
            // The index names only stored offers; a dangling entry goes.
            None => false,
        });
    }

    /// Removes an offer on `parcel` from storage and from the parcel's open offers.
    pub(crate) fn remove_offer(offer: OfferId, parcel: ParcelId) {
        Offers::<T>::remove(offer);
        ParcelOffers::<T>::mutate_exists(parcel, |open| {
            if let Some(list) = open {
                list.retain(|listed| *listed != offer);
                if list.is_empty() {
                    *open = None;
                }
            }
        });
    }

    /// An offer that exists and has not expired.
    fn unexpired_offer(offer: OfferId) -> Result<Offer<T>, DispatchError> {
        let record = Offers::<T>::get(offer).ok_or(Error::<T>::UnknownOffer)?;
        ensure!(
            frame_system::Pallet::<T>::block_number() < record.expires_at,
            Error::<T>::OfferExpired
        );
        Ok(record)
    }

    pub(crate) fn do_consent_offer(who: T::AccountId, offer: OfferId) -> DispatchResult {
        let mut record = Self::unexpired_offer(offer)?;
        ensure!(!record.accepted, Error::<T>::AlreadyAccepted);
        let mut sells = false;
        let mut consented = alloc::vec::Vec::new();
        for sale in record.sales.iter_mut() {
            if Self::acts_for(&who, &sale.seller) {
                sells = true;
                if !sale.consented {
                    sale.consented = true;
                    consented.push(sale.seller);
                }
            }
        }
        ensure!(sells, Error::<T>::NotSeller);
        ensure!(!consented.is_empty(), Error::<T>::AlreadyConsented);
        Offers::<T>::insert(offer, record);
        for seller in consented {
            Self::deposit_event(Event::OfferConsented { offer, seller });
        }
        Ok(())
    }

    pub(crate) fn do_consent_lien_carry(bank: InstitutionId, offer: OfferId) -> DispatchResult {
        let mut record = Self::unexpired_offer(offer)?;
        ensure!(!record.accepted, Error::<T>::AlreadyAccepted);
        ensure!(record.carries_liens, Error::<T>::LiensNotCarried);
        let liens = ParcelLiens::<T>::get(record.parcel);
        ensure!(
            liens.iter().any(|lien| lien.bank == bank),
            Error::<T>::NotLienHolder
        );
        // Consents to liens released since are dropped, so the list stays within the bound.
        let mut carried: alloc::vec::Vec<LienId> = liens
            .iter()
            .map(|lien| lien.id)
            .filter(|id| record.carried_liens.contains(id))
            .collect();
        let before = carried.len();
        carried.extend(
            liens
                .iter()
                .filter(|lien| lien.bank == bank && !carried.contains(&lien.id))
                .map(|lien| lien.id)
                .collect::<alloc::vec::Vec<_>>(),
        );
        ensure!(carried.len() > before, Error::<T>::AlreadyConsented);
        record.carried_liens = carried.try_into().map_err(|_| Error::<T>::TooManyLiens)?;
        Offers::<T>::insert(offer, record);
        Self::deposit_event(Event::LienCarryConsented { offer, bank });
        Ok(())
    }

    pub(crate) fn do_cancel_offer(who: T::AccountId, offer: OfferId) -> DispatchResult {
        let record = Offers::<T>::get(offer).ok_or(Error::<T>::UnknownOffer)?;
        let expired = frame_system::Pallet::<T>::block_number() >= record.expires_at;
        ensure!(expired || !record.accepted, Error::<T>::AlreadyAccepted);
        ensure!(
            expired
                || Self::acts_for(&who, &record.buyer)
                || record
                    .sales
                    .iter()
                    .any(|sale| Self::acts_for(&who, &sale.seller)),
            Error::<T>::NotSeller
        );
        Self::remove_offer(offer, record.parcel);
        Self::deposit_event(Event::OfferCancelled { offer });
        Ok(())
    }

    pub(crate) fn do_accept_offer(who: T::AccountId, offer: OfferId) -> DispatchResult {
        let mut record = Self::unexpired_offer(offer)?;
        ensure!(Self::acts_for(&who, &record.buyer), Error::<T>::NotBuyer);
        ensure!(!record.accepted, Error::<T>::AlreadyAccepted);
        ensure!(
            record.sales.iter().all(|sale| sale.consented),
            Error::<T>::SellerConsentMissing
        );
        if T::RegistrarApprovesTransfers::get() {
            // Everything but the payment is checked now, so the buyer learns at once what
            // would stop the transfer; approval checks it all again.
            Self::transferred_title(&record)?;
            record.accepted = true;
            Offers::<T>::insert(offer, record);
            Self::deposit_event(Event::OfferAccepted { offer });
            Ok(())
        } else {
            Self::settle(offer, record)
        }
    }

    pub(crate) fn do_approve_transfer(offer: OfferId) -> DispatchResult {
        let record = Self::unexpired_offer(offer)?;
        ensure!(record.accepted, Error::<T>::NotAccepted);
        Self::settle(offer, record)
    }

    pub(crate) fn do_reject_transfer(registrar: InstitutionId, offer: OfferId) -> DispatchResult {
        let record = Offers::<T>::get(offer).ok_or(Error::<T>::UnknownOffer)?;
        ensure!(record.accepted, Error::<T>::NotAccepted);
        Self::remove_offer(offer, record.parcel);
        Self::deposit_event(Event::TransferRejected { offer, registrar });
        Ok(())
    }
}
