//! Settling an offer: the price and the title move together, or nothing does.

use crate::{pallet::*, types::*, WeightInfo};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get, weights::Weight};
use govchain_primitives::{identity::IdentityProvider, payments::Payments};
use sp_runtime::{
    traits::{Saturating, Zero},
    DispatchError, PerThing, Perquintill,
};

impl<T: Config> Pallet<T> {
    /// A settling call's weight: its own, plus one payment per possible seller.
    pub(crate) fn settlement_weight(own: Weight) -> Weight {
        own.saturating_add(T::Payments::pay_weight().saturating_mul(T::MaxOwners::get().into()))
    }

    /// `accept_offer`'s weight: where a registrar approves transfers, accepting only checks and
    /// records the acceptance and never pays; otherwise it settles.
    pub(crate) fn accept_weight() -> Weight {
        let own = T::WeightInfo::accept_offer();
        if T::RegistrarApprovesTransfers::get() {
            own
        } else {
            Self::settlement_weight(own)
        }
    }

    /// The parcel's title after the offer, if everything but the payment allows the transfer.
    pub(crate) fn transferred_title(offer: &Offer<T>) -> Result<Title<T>, DispatchError> {
        let record = Self::live_unfrozen_parcel(offer.parcel)?;
        let liens = ParcelLiens::<T>::get(offer.parcel);
        if !liens.is_empty() {
            ensure!(offer.carries_liens, Error::<T>::LienPresent);
            ensure!(
                liens
                    .iter()
                    .all(|lien| offer.carried_liens.contains(&lien.id)),
                Error::<T>::LienConsentMissing
            );
        }
        ensure!(
            T::Identity::party_is_active(&offer.buyer),
            Error::<T>::InactiveParty
        );
        let mut title = record.title;
        let mut sold: u32 = 0;
        for sale in &offer.sales {
            Self::take_share(&mut title, &sale.seller, sale.share)?;
            sold = sold
                .checked_add(sale.share.deconstruct())
                .ok_or(Error::<T>::Overflow)?;
        }
        Self::give_share(&mut title, offer.buyer, PerThing::from_parts(sold))?;
        ensure!(
            OwnerParcels::<T>::contains_key(offer.buyer, offer.parcel)
                || OwnerParcelCount::<T>::get(offer.buyer) < T::MaxParcelsPerOwner::get(),
            Error::<T>::TooManyParcels
        );
        Ok(title)
    }

    /// Pays the sellers in proportion to their parts; the first seller gets what rounding
    /// leaves, so the sellers receive exactly the price.
    fn pay_sellers(offer: &Offer<T>, amount: T::Balance) -> DispatchResult {
        let sold: u64 = offer
            .sales
            .iter()
            .map(|sale| u64::from(sale.share.deconstruct()))
            .sum();
        let mut remainder = amount;
        let mut parts = alloc::vec::Vec::with_capacity(offer.sales.len());
        for sale in &offer.sales {
            let part = Perquintill::from_rational(u64::from(sale.share.deconstruct()), sold)
                .mul_floor(amount);
            remainder = remainder.saturating_sub(part);
            parts.push((sale.seller, part));
        }
        if let Some((_, first)) = parts.first_mut() {
            *first = first.saturating_add(remainder);
        }
        for (seller, part) in parts {
            if !part.is_zero() {
                T::Payments::pay(&offer.buyer, &seller, part)?;
            }
        }
        Ok(())
    }

    /// Transfers the title and pays the price, then removes the offer.
    pub(crate) fn settle(offer: OfferId, record: Offer<T>) -> DispatchResult {
        let title = Self::transferred_title(&record)?;
        if let Price::Cbdc(amount) = record.price {
            // One seller's refused payment undoes the others', wherever settlement is called.
            frame_support::storage::with_storage_layer(|| Self::pay_sellers(&record, amount))?;
        }
        for sale in &record.sales {
            if Self::holding_of(&title, &sale.seller).is_none() {
                Self::unindex_parcel(&sale.seller, record.parcel);
            }
        }
        Self::index_parcel(&record.buyer, record.parcel)?;
        Parcels::<T>::mutate(record.parcel, |parcel| {
            if let Some(parcel) = parcel {
                parcel.title = title.clone();
            }
        });
        Self::remove_offer(offer, record.parcel);
        Self::record_change(
            record.parcel,
            TitleChange::Transferred {
                offer,
                buyer: record.buyer,
            },
        )?;
        Self::deposit_event(Event::TitleTransferred {
            parcel: record.parcel,
            offer,
            buyer: record.buyer,
            price: record.price,
            title,
        });
        Ok(())
    }
}
