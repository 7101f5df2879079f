//! # Land titles
//!
//! The national land registry: who owns each parcel, and every change to it.
//!
//! - **Parcels** are registered by `LandRegistrar` officers with their first title: one or more
//!   owners (citizens or institutions, by identity, never by account) whose shares sum to exactly
//!   100 %. Cadastral numbers are unique forever.
//! - **Transfers**: owners offer the parcel or a share to a buyer, with a price and an expiry; the
//!   buyer accepts; where the runtime requires it a registrar approves. The title changes in the
//!   extrinsic that settles, together with the payment when the price is in the digital currency,
//!   or nothing changes.
//! - **Liens**: a `CommercialBank` officer proposes a lien, the owners consent, and it ranks
//!   behind the parcel's earlier liens until the bank releases it. A parcel with a lien is sold
//!   only by an offer that carries the lien, with the bank's consent.
//! - **Court freezes**: a `Court` officer freezes a parcel under a case reference; until the same
//!   court lifts it, transfers, new liens, subdivision and merging are refused.
//! - **Subdivision and merging** retire the old parcels and keep their lineage both ways.
//!
//! Every change is an event; [`Pallet::parcel_record`] and [`Pallet::parcels_of`] answer the
//! runtime API the node serves as `landTitles_*` RPC methods.
//!
//! Roles and identities come through
//! [`IdentityProvider`](govchain_primitives::identity::IdentityProvider), payments through
//! [`Payments`](govchain_primitives::payments::Payments); the pallet depends on no other
//! pallet's crate.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::arithmetic_side_effects
    )
)]

extern crate alloc;

pub use pallet::*;
pub use queries::MAX_PAGE;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::dispatch::{DispatchErrorWithPostInfo, WithPostDispatchInfo};
use sp_runtime::{DispatchError, Weight};

/// For `map_err`: a call refused by a check made before it changed anything is charged
/// `weight` (the benchmark of the refusal), not its declared worst case.
fn refused(weight: Weight) -> impl Fn(DispatchError) -> DispatchErrorWithPostInfo + Copy {
    move |error| error.with_weight(weight)
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
mod invariants;
pub mod migrations;
pub mod queries;
mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

// FRAME's macro expansions call `expect` on values they know statically (pallet indices,
// storage prefixes); the lint stays on for this crate's own code.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
    use super::*;
    use frame_support::pallet_prelude::*;
    use frame_system::pallet_prelude::*;
    use govchain_primitives::{
        dual_control::{ActionClass, DualControl},
        identity::{CitizenId, IdentityProvider, InstitutionId, Party, Role},
        payments::Payments,
    };
    use sp_core::H256;

    /// The in-code storage version.
    const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

    #[pallet::pallet]
    #[pallet::storage_version(STORAGE_VERSION)]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// Who acts for which institution and citizen, and with which roles.
        type Identity: IdentityProvider<Self::AccountId>;

        /// Dual control of court orders: a freeze or its lifting waits for as many officers of
        /// the court as the council requires.
        type DualControl: DualControl<Self::AccountId, OriginFor<Self>, Call<Self>>;

        /// Who lifts a freeze whose court, or releases a lien whose bank, no longer holds its
        /// role: the council (two thirds).
        type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// The amount of a price in the digital currency.
        type Balance: Parameter
            + MaxEncodedLen
            + Copy
            + sp_runtime::traits::AtLeast32BitUnsigned
            + From<u64>;

        /// Moves the price of a transfer from the buyer to the sellers.
        type Payments: Payments<Self::Balance>;

        /// Whether an accepted offer waits for a `LandRegistrar` officer's approval.
        type RegistrarApprovesTransfers: Get<bool>;

        /// The most owners a parcel may have.
        #[pallet::constant]
        type MaxOwners: Get<u32>;

        /// The most liens a parcel may carry.
        #[pallet::constant]
        type MaxLiensPerParcel: Get<u32>;

        /// The most parcels a subdivision makes or a merge joins.
        #[pallet::constant]
        type MaxLineage: Get<u32>;

        /// The most live parcels one owner may hold, which bounds the owner index.
        #[pallet::constant]
        type MaxParcelsPerOwner: Get<u32>;

        /// The most parcels a deceased citizen's estate may pass to its heirs in one succession
        /// (larger estates are refused with `EstateTooLarge`).
        #[pallet::constant]
        type MaxEstateParcels: Get<u32>;

        /// The longest an offer may stay open, in blocks.
        #[pallet::constant]
        type MaxOfferDuration: Get<BlockNumberFor<Self>>;

        /// The most offers open on one parcel at a time, which bounds [`ParcelOffers`].
        #[pallet::constant]
        type MaxOffersPerParcel: Get<u32>;

        /// The most lien proposals waiting on one parcel at a time, which bounds
        /// [`ParcelLienProposals`].
        #[pallet::constant]
        type MaxLienProposalsPerParcel: Get<u32>;

        /// How long a lien proposal waits for the owners' consent, in blocks; after that it can
        /// no longer register, and anyone may remove it.
        #[pallet::constant]
        type LienProposalLifetime: Get<BlockNumberFor<Self>>;

        /// Weights of this pallet's calls, from benchmarks.
        type WeightInfo: WeightInfo;
    }

    /// The number the next parcel gets.
    #[pallet::storage]
    pub type NextParcelId<T> = StorageValue<_, ParcelId, ValueQuery>;

    /// Parcels, live and retired.
    #[pallet::storage]
    pub type Parcels<T: Config> = StorageMap<_, Twox64Concat, ParcelId, Parcel<T>>;

    /// Parcels by cadastral number; a retired parcel keeps its number.
    #[pallet::storage]
    pub type ParcelByCadastralNumber<T> =
        StorageMap<_, Blake2_128Concat, CadastralNumber, ParcelId>;

    /// The live parcels each owner holds a share of.
    #[pallet::storage]
    pub type OwnerParcels<T> =
        StorageDoubleMap<_, Blake2_128Concat, Party, Twox64Concat, ParcelId, ()>;

    /// How many entries each owner has in [`OwnerParcels`].
    #[pallet::storage]
    pub type OwnerParcelCount<T> = StorageMap<_, Blake2_128Concat, Party, u32, ValueQuery>;

    /// The number the next offer gets.
    #[pallet::storage]
    pub type NextOfferId<T> = StorageValue<_, OfferId, ValueQuery>;

    /// Open and accepted offers; settled, cancelled, rejected and pruned ones are removed.
    #[pallet::storage]
    pub type Offers<T: Config> = StorageMap<_, Twox64Concat, OfferId, Offer<T>>;

    /// The offers in [`Offers`] on each parcel, oldest first; at most `MaxOffersPerParcel`.
    #[pallet::storage]
    pub type ParcelOffers<T: Config> = StorageMap<
        _,
        Twox64Concat,
        ParcelId,
        BoundedVec<OfferId, T::MaxOffersPerParcel>,
        ValueQuery,
    >;

    /// The number the next lien proposal gets.
    #[pallet::storage]
    pub type NextLienId<T> = StorageValue<_, LienId, ValueQuery>;

    /// How many liens have been registered, on any parcel.
    #[pallet::storage]
    pub type LienRegistrations<T> = StorageValue<_, u64, ValueQuery>;

    /// Liens proposed by banks and not yet consented to by every owner, until they expire and
    /// are removed.
    #[pallet::storage]
    pub type LienProposals<T: Config> = StorageMap<_, Twox64Concat, LienId, LienProposal<T>>;

    /// The proposals in [`LienProposals`] on each parcel, oldest first; at most
    /// `MaxLienProposalsPerParcel`.
    #[pallet::storage]
    pub type ParcelLienProposals<T: Config> = StorageMap<
        _,
        Twox64Concat,
        ParcelId,
        BoundedVec<LienId, T::MaxLienProposalsPerParcel>,
        ValueQuery,
    >;

    /// Each live parcel's registered liens, in rank order.
    #[pallet::storage]
    pub type ParcelLiens<T: Config> = StorageMap<_, Twox64Concat, ParcelId, Liens<T>, ValueQuery>;

    /// Court freezes of live parcels.
    #[pallet::storage]
    pub type Freezes<T: Config> = StorageMap<_, Twox64Concat, ParcelId, Freeze<BlockNumberFor<T>>>;

    /// Each parcel's changes, numbered from 0 in the order they happened.
    #[pallet::storage]
    pub type ParcelHistory<T: Config> = StorageDoubleMap<
        _,
        Twox64Concat,
        ParcelId,
        Twox64Concat,
        u32,
        HistoryEntry<BlockNumberFor<T>>,
    >;

    /// How many changes each parcel's history holds.
    #[pallet::storage]
    pub type ParcelHistoryLength<T> = StorageMap<_, Twox64Concat, ParcelId, u32, ValueQuery>;

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A parcel was registered, subdivided out or merged in, with its title.
        ParcelRegistered {
            parcel: ParcelId,
            spec: ParcelSpec,
            title: Title<T>,
            registrar: InstitutionId,
        },
        /// Owners offered shares of a parcel to a buyer.
        OfferCreated {
            offer: OfferId,
            parcel: ParcelId,
            sales: BoundedVec<Sale, T::MaxOwners>,
            buyer: Party,
            price: Price<T::Balance>,
            expires_at: BlockNumberFor<T>,
            carries_liens: bool,
        },
        /// A seller agreed to an offer.
        OfferConsented { offer: OfferId, seller: Party },
        /// A bank agreed that its lien stays on the parcel after the offered transfer.
        LienCarryConsented { offer: OfferId, bank: InstitutionId },
        /// The buyer accepted an offer, which now waits for a registrar's approval.
        OfferAccepted { offer: OfferId },
        /// An offer was withdrawn, or removed after it expired: by anyone with `cancel_offer`,
        /// or to make room for a new offer on its parcel.
        OfferCancelled { offer: OfferId },
        /// A registrar refused an accepted offer.
        TransferRejected {
            offer: OfferId,
            registrar: InstitutionId,
        },
        /// Shares of a parcel passed to the buyer, and the price was paid if it was on chain.
        TitleTransferred {
            parcel: ParcelId,
            offer: OfferId,
            buyer: Party,
            price: Price<T::Balance>,
            title: Title<T>,
        },
        /// A bank proposed a lien, which registers once every owner consents.
        LienProposed {
            lien: LienId,
            parcel: ParcelId,
            bank: InstitutionId,
            reference: H256,
        },
        /// An owner consented to a proposed lien.
        LienConsented { lien: LienId, owner: Party },
        /// A bank withdrew a lien proposal.
        LienProposalWithdrawn { lien: LienId },
        /// A lien proposal was removed after it expired: by anyone with
        /// `remove_expired_lien_proposal`, or to make room for a new proposal on its parcel.
        LienProposalExpired { lien: LienId },
        /// A lien was registered on a parcel at `rank` (1 is the highest).
        LienRegistered {
            lien: LienId,
            parcel: ParcelId,
            bank: InstitutionId,
            rank: u32,
        },
        /// A bank released its lien.
        LienReleased {
            lien: LienId,
            parcel: ParcelId,
            bank: InstitutionId,
        },
        /// A court froze a parcel.
        ParcelFrozen {
            parcel: ParcelId,
            court: InstitutionId,
            case: H256,
        },
        /// A court lifted its freeze of a parcel.
        FreezeLifted {
            parcel: ParcelId,
            court: InstitutionId,
        },
        /// The council lifted a freeze whose court no longer holds the `Court` role, under its own
        /// case reference.
        FreezeLiftedByCouncil {
            parcel: ParcelId,
            court: InstitutionId,
            case: H256,
        },
        /// The council released a lien whose bank no longer holds the `CommercialBank` role,
        /// under its own case reference.
        LienReleasedByCouncil {
            lien: LienId,
            parcel: ParcelId,
            bank: InstitutionId,
            case: H256,
        },
        /// `from`'s share of a parcel passed to its heirs by the court's order `case`; `title`
        /// is the parcel's title now.
        TitleInherited {
            parcel: ParcelId,
            from: CitizenId,
            case: H256,
            title: Title<T>,
        },
        /// A parcel was retired and split into `children`.
        ParcelSubdivided {
            parent: ParcelId,
            children: Lineage<T>,
        },
        /// Parcels were retired and joined into `merged`.
        ParcelsMerged {
            parents: Lineage<T>,
            merged: ParcelId,
        },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// No parcel has this number.
        UnknownParcel,
        /// The parcel was subdivided or merged and is no longer live.
        ParcelRetired,
        /// A cadastral number is 1 to 32 ASCII letters, digits, `-`, `:`, `/` or `.`.
        InvalidCadastralNumber,
        /// Another parcel has, or had, this cadastral number.
        CadastralNumberTaken,
        /// A parcel's area must be more than zero.
        ZeroArea,
        /// A title needs at least one owner.
        NoOwners,
        /// An owner or seller is listed twice.
        DuplicateOwner,
        /// Every share must be more than zero.
        ZeroShare,
        /// The shares of a title must sum to exactly 100 %.
        SharesNotWhole,
        /// An owner or buyer is not an active citizen or active institution.
        InactiveParty,
        /// The caller does not act for an owner of the parcel.
        NotOwner,
        /// A seller offers more than it holds.
        ShareExceedsHolding,
        /// The buyer is also a seller.
        BuyerIsSeller,
        /// An offer must expire after the current block.
        ExpiryNotInFuture,
        /// An offer may stay open at most `MaxOfferDuration` blocks.
        OfferTooLong,
        /// No open offer has this number.
        UnknownOffer,
        /// The offer has expired.
        OfferExpired,
        /// The caller does not act for a seller of the offer.
        NotSeller,
        /// The caller does not act for the buyer of the offer.
        NotBuyer,
        /// Every party the caller acts for has consented already.
        AlreadyConsented,
        /// Not every seller has consented yet.
        SellerConsentMissing,
        /// Not every bank holding a lien on the parcel has consented to the transfer.
        LienConsentMissing,
        /// The buyer accepted the offer already.
        AlreadyAccepted,
        /// The buyer has not accepted the offer.
        NotAccepted,
        /// Prices in the digital currency cannot be paid in this runtime yet.
        PaymentUnavailable,
        /// The parcel carries a lien, and the change does not carry it over.
        LienPresent,
        /// The offer does not carry the parcel's liens over.
        LiensNotCarried,
        /// The bank holds no lien on the parcel.
        NotLienHolder,
        /// No lien or lien proposal has this number.
        UnknownLien,
        /// The parcel carries `MaxLiensPerParcel` liens already.
        TooManyLiens,
        /// The title would have more than `MaxOwners` owners.
        TooManyOwners,
        /// An owner would hold more than `MaxParcelsPerOwner` live parcels.
        TooManyParcels,
        /// A court froze the parcel.
        Frozen,
        /// A court froze the parcel already.
        AlreadyFrozen,
        /// The parcel is not frozen.
        NotFrozen,
        /// Another court froze the parcel.
        NotFreezingCourt,
        /// A subdivision makes, and a merge joins, at least two parcels.
        TooFewParcels,
        /// A parcel is listed twice.
        DuplicateParcel,
        /// The areas of the new parcels differ from the areas of the retired ones.
        AreasDiffer,
        /// Merged parcels must have the same owners with the same shares.
        TitlesDiffer,
        /// Merged parcels are frozen under different cases.
        ConflictingFreezes,
        /// An area or a count does not fit its type.
        Overflow,
        /// The parcel has `MaxOffersPerParcel` open offers, none of them expired.
        TooManyOffers,
        /// The parcel has `MaxLienProposalsPerParcel` lien proposals waiting, none of them
        /// expired.
        TooManyLienProposals,
        /// The lien proposal has expired; the bank proposes afresh.
        LienProposalExpired,
        /// The lien proposal has not expired; only its bank may withdraw it.
        LienProposalNotExpired,
        /// The proposing bank no longer holds the `CommercialBank` role, or is not active.
        BankNotActive,
        /// The freezing court still holds the `Court` role: it lifts its own freeze.
        CourtStillServing,
        /// The lien's bank still holds the `CommercialBank` role: it releases its own lien.
        BankStillServing,
        /// The deceased holds shares of more than `MaxEstateParcels` parcels.
        EstateTooLarge,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        #[cfg(feature = "try-runtime")]
        fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }

        fn integrity_test() {
            use sp_runtime::traits::Zero;
            assert!(T::MaxOwners::get() >= 1, "a parcel needs room for an owner");
            assert!(
                T::MaxLineage::get() >= 2,
                "subdivision and merging need at least two parcels"
            );
            assert!(
                T::MaxParcelsPerOwner::get() >= T::MaxLineage::get(),
                "an owner's subdivided parcel must fit the owner index"
            );
            assert!(
                T::MaxOffersPerParcel::get() >= 1,
                "a parcel needs room for an offer"
            );
            assert!(
                T::MaxLienProposalsPerParcel::get() >= 1,
                "a parcel needs room for a lien proposal"
            );
            assert!(
                !T::LienProposalLifetime::get().is_zero(),
                "a lien proposal must live long enough to be consented to"
            );
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Registers a parcel with its first title.
        ///
        /// Origin: a `LandRegistrar` officer. Emits `ParcelRegistered`.
        /// Errors: the officer's (`RoleNotHeld`, `OfficerExpired`, ...),
        /// `InvalidCadastralNumber`, `CadastralNumberTaken`, `ZeroArea`, `NoOwners`,
        /// `DuplicateOwner`, `ZeroShare`, `SharesNotWhole`, `InactiveParty`, `TooManyParcels`,
        /// `Overflow`.
        /// Weight: O(owners); refused by its checks, `register_parcel_refused(owners)`.
        #[pallet::call_index(0)]
        #[pallet::weight(T::WeightInfo::register_parcel(owners.len() as u32))]
        pub fn register_parcel(
            origin: OriginFor<T>,
            spec: ParcelSpec,
            owners: Title<T>,
        ) -> DispatchResultWithPostInfo {
            let refused = refused(T::WeightInfo::register_parcel_refused(owners.len() as u32));
            let registrar = Self::ensure_officer(origin, Role::LandRegistrar).map_err(refused)?;
            Self::check_registration(&spec, &owners).map_err(refused)?;
            Self::do_register_parcel(registrar, spec, owners)?;
            Ok(().into())
        }

        /// Offers shares of a parcel to `buyer` until block `expires_at`. Each seller gives
        /// `share` of the whole parcel; the caller's consent counts at once, other sellers add
        /// theirs with `consent_offer`.
        ///
        /// A parcel holds at most `MaxOffersPerParcel` open offers: when it is full, its
        /// expired offers are removed first (`OfferCancelled` each), and the offer is refused if
        /// none had expired.
        ///
        /// Origin: an account acting for one of the sellers. Emits `OfferCreated`.
        /// Errors: `UnknownParcel`, `ParcelRetired`, `Frozen`, `NoOwners`, `DuplicateOwner`,
        /// `ZeroShare`, `NotOwner` (a listed seller owns nothing), `ShareExceedsHolding`,
        /// `NotSeller` (the caller acts for no seller), `BuyerIsSeller`, `InactiveParty`,
        /// `ExpiryNotInFuture`, `OfferTooLong`, `LienPresent`, `PaymentUnavailable`,
        /// `TooManyOffers`, `Overflow`.
        /// Weight: O(MaxOwners + MaxOffersPerParcel).
        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::create_offer())]
        pub fn create_offer(
            origin: OriginFor<T>,
            parcel: ParcelId,
            sales: BoundedVec<Holding, T::MaxOwners>,
            buyer: Party,
            price: Price<T::Balance>,
            expires_at: BlockNumberFor<T>,
            carries_liens: bool,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_create_offer(who, parcel, sales, buyer, price, expires_at, carries_liens)
        }

        /// Adds the caller's consent, for every seller it acts for, to an offer.
        ///
        /// Origin: an account acting for a seller. Emits `OfferConsented` per seller.
        /// Errors: `UnknownOffer`, `NotSeller`, `AlreadyConsented`, `AlreadyAccepted`.
        /// Weight: O(MaxOwners).
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::consent_offer())]
        pub fn consent_offer(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_consent_offer(who, offer)
        }

        /// Consents, for the caller's bank, to its liens now on the parcel staying there after
        /// the offered transfer. A lien registered later needs a consent of its own.
        ///
        /// Origin: a `CommercialBank` officer of a bank holding a lien on the parcel.
        /// Emits `LienCarryConsented`.
        /// Errors: the officer's, `UnknownOffer`, `OfferExpired`, `LiensNotCarried`,
        /// `NotLienHolder`, `AlreadyConsented`, `AlreadyAccepted`.
        /// Weight: O(MaxLiensPerParcel).
        #[pallet::call_index(3)]
        #[pallet::weight(T::WeightInfo::consent_lien_carry())]
        pub fn consent_lien_carry(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
            let bank = Self::ensure_officer(origin, Role::CommercialBank)?;
            Self::do_consent_lien_carry(bank, offer)
        }

        /// Withdraws an offer the buyer has not accepted; once it has expired, accepted or not,
        /// anyone may remove it.
        ///
        /// Origin: an account acting for a seller or the buyer; any signed account after
        /// expiry. Emits `OfferCancelled`.
        /// Errors: `UnknownOffer`, `AlreadyAccepted`, `NotSeller`.
        /// Weight: O(MaxOwners + MaxOffersPerParcel).
        #[pallet::call_index(4)]
        #[pallet::weight(T::WeightInfo::cancel_offer())]
        pub fn cancel_offer(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_cancel_offer(who, offer)
        }

        /// Accepts an offer. Without registrar approval this settles it: the price is paid (if
        /// in the digital currency) and the title changes, or neither.
        ///
        /// Origin: an account acting for the buyer. Emits `TitleTransferred`, or
        /// `OfferAccepted` where a registrar approves.
        /// Errors: `UnknownOffer`, `NotBuyer`, `OfferExpired`, `AlreadyAccepted`,
        /// `SellerConsentMissing`, `ParcelRetired`, `Frozen`, `LienPresent`,
        /// `LienConsentMissing`, `ShareExceedsHolding`, `InactiveParty`, `TooManyOwners`,
        /// `TooManyParcels`, and the payment's.
        /// Weight: O(MaxOwners), plus one payment per seller unless a registrar approves.
        #[pallet::call_index(5)]
        #[pallet::weight(Pallet::<T>::accept_weight())]
        pub fn accept_offer(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_accept_offer(who, offer)
        }

        /// Approves an accepted offer and settles it: the price is paid (if in the digital
        /// currency) and the title changes, or neither.
        ///
        /// Origin: a `LandRegistrar` officer. Emits `TitleTransferred`.
        /// Errors: the officer's, `UnknownOffer`, `OfferExpired`, `NotAccepted`, and those of
        /// settlement as for `accept_offer`.
        /// Weight: O(MaxOwners), plus one payment per seller.
        #[pallet::call_index(6)]
        #[pallet::weight(Pallet::<T>::settlement_weight(T::WeightInfo::approve_transfer()))]
        pub fn approve_transfer(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
            Self::ensure_officer(origin, Role::LandRegistrar)?;
            Self::do_approve_transfer(offer)
        }

        /// Refuses an accepted offer and removes it.
        ///
        /// Origin: a `LandRegistrar` officer. Emits `TransferRejected`.
        /// Errors: the officer's, `UnknownOffer`, `NotAccepted`.
        /// Weight: O(MaxOffersPerParcel).
        #[pallet::call_index(7)]
        #[pallet::weight(T::WeightInfo::reject_transfer())]
        pub fn reject_transfer(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
            let registrar = Self::ensure_officer(origin, Role::LandRegistrar)?;
            Self::do_reject_transfer(registrar, offer)
        }

        /// Proposes a lien on a parcel for the caller's bank; it registers once every owner
        /// consents with `consent_lien`, within `LienProposalLifetime` blocks. A parcel holds at
        /// most `MaxLienProposalsPerParcel` proposals: when it is full, its expired proposals
        /// are removed first (`LienProposalExpired` each), and the proposal is refused if none
        /// had expired.
        ///
        /// Origin: a `CommercialBank` officer. Emits `LienProposed`.
        /// Errors: the officer's, `UnknownParcel`, `ParcelRetired`, `Frozen`, `TooManyLiens`,
        /// `TooManyLienProposals`, `Overflow`.
        /// Weight: O(MaxLienProposalsPerParcel).
        #[pallet::call_index(8)]
        #[pallet::weight(T::WeightInfo::propose_lien())]
        pub fn propose_lien(
            origin: OriginFor<T>,
            parcel: ParcelId,
            reference: H256,
        ) -> DispatchResult {
            let bank = Self::ensure_officer(origin, Role::CommercialBank)?;
            Self::do_propose_lien(bank, parcel, reference)
        }

        /// Consents to a proposed lien for every owner the caller acts for; the last owner's
        /// consent registers it, ranked behind the parcel's earlier liens, if the proposing bank
        /// still holds the `CommercialBank` role. Consents bind the title they were given
        /// under: after a transfer the owners consent afresh. An expired proposal takes no
        /// consent.
        ///
        /// Origin: an account acting for an owner. Emits `LienConsented` per owner, and
        /// `LienRegistered` with the last.
        /// Errors: `UnknownLien`, `LienProposalExpired`, `UnknownParcel`, `ParcelRetired`,
        /// `Frozen`, `NotOwner`, `AlreadyConsented`, `BankNotActive`, `TooManyLiens`,
        /// `TooManyOwners`, `Overflow`.
        /// Weight: O(MaxOwners + MaxLiensPerParcel).
        #[pallet::call_index(9)]
        #[pallet::weight(T::WeightInfo::consent_lien())]
        pub fn consent_lien(origin: OriginFor<T>, lien: LienId) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_consent_lien(who, lien)
        }

        /// Withdraws the caller's bank's lien proposal.
        ///
        /// Origin: a `CommercialBank` officer of the proposing bank.
        /// Emits `LienProposalWithdrawn`. Errors: the officer's, `UnknownLien`, `NotLienHolder`.
        /// Weight: O(MaxLienProposalsPerParcel).
        #[pallet::call_index(10)]
        #[pallet::weight(T::WeightInfo::withdraw_lien_proposal())]
        pub fn withdraw_lien_proposal(origin: OriginFor<T>, lien: LienId) -> DispatchResult {
            let bank = Self::ensure_officer(origin, Role::CommercialBank)?;
            Self::do_withdraw_lien_proposal(bank, lien)
        }

        /// Releases the caller's bank's lien, on repayment; later liens move up a rank.
        ///
        /// Origin: a `CommercialBank` officer of the bank holding the lien.
        /// Emits `LienReleased`. Errors: the officer's, `UnknownLien`, `NotLienHolder`.
        /// Weight: O(MaxLiensPerParcel).
        #[pallet::call_index(11)]
        #[pallet::weight(T::WeightInfo::release_lien())]
        pub fn release_lien(
            origin: OriginFor<T>,
            parcel: ParcelId,
            lien: LienId,
        ) -> DispatchResult {
            let bank = Self::ensure_officer(origin, Role::CommercialBank)?;
            Self::do_release_lien(bank, parcel, lien)
        }

        /// Freezes a parcel under a case reference.
        ///
        /// Origin: a `Court` officer, or its court's approved `CourtOrder` action (under dual
        /// control the call is checked, then waits for approvals: `ActionProposed`).
        /// Emits `ParcelFrozen`.
        /// Errors: the officer's, `UnknownParcel`, `ParcelRetired`, `AlreadyFrozen`.
        /// Weight: O(1).
        #[pallet::call_index(12)]
        #[pallet::weight(T::WeightInfo::freeze_parcel().saturating_add(Pallet::<T>::proposal_weight()))]
        pub fn freeze_parcel(origin: OriginFor<T>, parcel: ParcelId, case: H256) -> DispatchResult {
            let call = Call::<T>::freeze_parcel { parcel, case };
            Self::act(
                origin,
                Role::Court,
                ActionClass::CourtOrder,
                call,
                |court| Self::do_freeze_parcel(court, parcel, case),
            )
        }

        /// Lifts the caller's court's freeze of a parcel.
        ///
        /// Origin: a `Court` officer of the court that froze it, or that court's approved
        /// `CourtOrder` action (under dual control the call is checked, then waits for
        /// approvals: `ActionProposed`). Emits `FreezeLifted`.
        /// Errors: the officer's, `NotFrozen`, `NotFreezingCourt`.
        /// Weight: O(1).
        #[pallet::call_index(13)]
        #[pallet::weight(T::WeightInfo::lift_freeze().saturating_add(Pallet::<T>::proposal_weight()))]
        pub fn lift_freeze(origin: OriginFor<T>, parcel: ParcelId) -> DispatchResult {
            let call = Call::<T>::lift_freeze { parcel };
            Self::act(
                origin,
                Role::Court,
                ActionClass::CourtOrder,
                call,
                |court| Self::do_lift_freeze(court, parcel),
            )
        }

        /// Splits a live parcel into `children`, whose areas sum to the parcel's. The children
        /// get the parcel's title; the parcel is retired with its lineage kept both ways.
        ///
        /// Origin: a `LandRegistrar` officer. Emits `ParcelRegistered` per child, then
        /// `ParcelSubdivided`.
        /// Errors: the officer's, `UnknownParcel`, `ParcelRetired`, `TooFewParcels`,
        /// `InvalidCadastralNumber`, `CadastralNumberTaken`, `ZeroArea`, `AreasDiffer`,
        /// `LienPresent`, `Frozen`, `TooManyParcels`, `Overflow`.
        /// Weight: O(children × MaxOwners); refused by its checks (which change nothing),
        /// `subdivide_refused(children)`.
        #[pallet::call_index(14)]
        #[pallet::weight(T::WeightInfo::subdivide(children.len() as u32))]
        pub fn subdivide(
            origin: OriginFor<T>,
            parcel: ParcelId,
            children: BoundedVec<ParcelSpec, T::MaxLineage>,
            carry: CarryOver,
        ) -> DispatchResultWithPostInfo {
            let refused = refused(T::WeightInfo::subdivide_refused(children.len() as u32));
            let registrar = Self::ensure_officer(origin, Role::LandRegistrar).map_err(refused)?;
            let record = Self::check_subdivision(parcel, &children, carry).map_err(refused)?;
            Self::do_subdivide(registrar, parcel, record, children)?;
            Ok(().into())
        }

        /// Joins live parcels with the same owners and shares into one, whose area is their
        /// sum; the parents are retired with their lineage kept both ways.
        ///
        /// Origin: a `LandRegistrar` officer, who attests that the parcels are adjacent.
        /// Emits `ParcelRegistered`, then `ParcelsMerged`.
        /// Errors: the officer's, `TooFewParcels`, `DuplicateParcel`, `UnknownParcel`,
        /// `ParcelRetired`, `TitlesDiffer`, `InvalidCadastralNumber`, `CadastralNumberTaken`,
        /// `ZeroArea`, `AreasDiffer`, `LienPresent`, `TooManyLiens`, `Frozen`,
        /// `ConflictingFreezes`, `Overflow`.
        /// Weight: O(parents × MaxOwners); refused by its checks (which change nothing),
        /// `merge_refused(parents)`.
        #[pallet::call_index(15)]
        #[pallet::weight(T::WeightInfo::merge(parents.len() as u32))]
        pub fn merge(
            origin: OriginFor<T>,
            parents: Lineage<T>,
            merged: ParcelSpec,
            carry: CarryOver,
        ) -> DispatchResultWithPostInfo {
            let refused = refused(T::WeightInfo::merge_refused(parents.len() as u32));
            let registrar = Self::ensure_officer(origin, Role::LandRegistrar).map_err(refused)?;
            let merger = Self::check_merger(&parents, &merged, carry).map_err(refused)?;
            Self::do_merge(registrar, parents, merged, merger)?;
            Ok(().into())
        }

        /// Removes a lien proposal that expired before every owner consented, as
        /// `cancel_offer` removes an expired offer.
        ///
        /// Origin: any signed account. Emits `LienProposalExpired`.
        /// Errors: `UnknownLien`, `LienProposalNotExpired`.
        /// Weight: O(MaxLienProposalsPerParcel).
        #[pallet::call_index(16)]
        #[pallet::weight(T::WeightInfo::remove_expired_lien_proposal())]
        pub fn remove_expired_lien_proposal(origin: OriginFor<T>, lien: LienId) -> DispatchResult {
            ensure_signed(origin)?;
            Self::do_remove_expired_lien_proposal(lien)
        }

        /// Lifts a freeze whose court no longer holds the `Court` role (abolished, merged,
        /// suspended): without this nobody could ever lift it. `case` is the council's own
        /// decision, recorded in the parcel's history.
        ///
        /// Origin: [`Config::CouncilOrigin`] (two thirds of the council).
        /// Emits `FreezeLiftedByCouncil`.
        /// Errors: `BadOrigin`, `NotFrozen`, `CourtStillServing`.
        /// Weight: O(1).
        #[pallet::call_index(17)]
        #[pallet::weight(T::WeightInfo::lift_orphaned_freeze())]
        pub fn lift_orphaned_freeze(
            origin: OriginFor<T>,
            parcel: ParcelId,
            case: H256,
        ) -> DispatchResult {
            T::CouncilOrigin::ensure_origin(origin)?;
            Self::do_lift_orphaned_freeze(parcel, case)
        }

        /// Releases a lien whose bank no longer holds the `CommercialBank` role (its licence
        /// withdrawn, merged away): without this the parcel could never be sold free of it.
        /// `case` is the council's own decision, recorded in the parcel's history.
        ///
        /// Origin: [`Config::CouncilOrigin`] (two thirds of the council).
        /// Emits `LienReleasedByCouncil`.
        /// Errors: `BadOrigin`, `UnknownLien`, `BankStillServing`.
        /// Weight: O(MaxLiensPerParcel).
        #[pallet::call_index(18)]
        #[pallet::weight(T::WeightInfo::release_orphaned_lien())]
        pub fn release_orphaned_lien(
            origin: OriginFor<T>,
            parcel: ParcelId,
            lien: LienId,
            case: H256,
        ) -> DispatchResult {
            T::CouncilOrigin::ensure_origin(origin)?;
            Self::do_release_orphaned_lien(parcel, lien, case)
        }
    }
}

impl<T: Config> govchain_primitives::identity::RegistryCall for Call<T> {
    fn signer(&self) -> govchain_primitives::identity::CallSigner {
        use govchain_primitives::identity::{CallSigner, Role};
        match self {
            Call::register_parcel { .. }
            | Call::approve_transfer { .. }
            | Call::reject_transfer { .. }
            | Call::subdivide { .. }
            | Call::merge { .. } => CallSigner::Officer(Role::LandRegistrar),
            Call::create_offer { .. }
            | Call::consent_offer { .. }
            | Call::accept_offer { .. }
            | Call::consent_lien { .. } => CallSigner::Party,
            Call::consent_lien_carry { .. }
            | Call::propose_lien { .. }
            | Call::withdraw_lien_proposal { .. }
            | Call::release_lien { .. } => CallSigner::Officer(Role::CommercialBank),
            // A party to the offer, or anyone once it has expired.
            Call::cancel_offer { .. } => CallSigner::Anyone,
            // Anyone, once the proposal has expired.
            Call::remove_expired_lien_proposal { .. } => CallSigner::Anyone,
            Call::freeze_parcel { .. } | Call::lift_freeze { .. } => {
                CallSigner::Officer(Role::Court)
            }
            Call::lift_orphaned_freeze { .. }
            | Call::release_orphaned_lien { .. }
            | Call::__Ignore(..) => CallSigner::Governance,
        }
    }
}
