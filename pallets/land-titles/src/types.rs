//! What the land registry stores: parcels with their titles and lineage, offers, liens and
//! freezes.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
    pallet_prelude::ConstU32, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::{CitizenId, InstitutionId, Party};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Permill;

/// A parcel, numbered in order of registration (subdivided and merged parcels included).
pub type ParcelId = u64;

/// A transfer offer, numbered in order of creation.
pub type OfferId = u64;

/// A lien, numbered when the bank proposes it; the number stays when the owners consent.
pub type LienId = u64;

/// A code of the national land-use classifier (farmland, residential, industrial, ...).
pub type LandUseCode = u16;

/// An area in square metres.
pub type Area = u64;

/// The longest cadastral number, in bytes.
pub const MAX_CADASTRAL_NUMBER_LEN: u32 = 32;

/// A cadastral number: 1 to [`MAX_CADASTRAL_NUMBER_LEN`] ASCII letters, digits and the
/// separators `-`, `:`, `/` and `.`, unique among all parcels ever registered.
pub type CadastralNumber = BoundedVec<u8, ConstU32<MAX_CADASTRAL_NUMBER_LEN>>;

/// An owner's share of a parcel.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Holding {
    /// The citizen or institution holding the share.
    pub owner: Party,
    /// The part of the parcel held.
    pub share: Permill,
}

/// Who owns a parcel: holdings sorted by owner, one per owner, summing to exactly 100 %.
pub type Title<T> = BoundedVec<Holding, <T as Config>::MaxOwners>;

/// The parcels a subdivision makes or a merge joins.
pub type Lineage<T> = BoundedVec<ParcelId, <T as Config>::MaxLineage>;

/// What a registrar records about a new parcel.
#[derive(
    Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ParcelSpec {
    /// The parcel's cadastral number.
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::text"))]
    pub cadastral_number: CadastralNumber,
    /// Its area in square metres; never zero.
    pub area: Area,
    /// Its land-use code.
    pub land_use: LandUseCode,
    /// The hash of its geometry and survey documents, kept off chain.
    pub document_hash: H256,
}

/// A parcel, live or retired.
#[derive(
    Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Parcel<T: Config> {
    /// Cadastral number, area, land use and document hash.
    pub spec: ParcelSpec,
    /// Its owners; for a retired parcel, its owners when it was retired.
    pub title: Title<T>,
    /// When it was registered, subdivided out or merged in.
    pub registered_at: BlockNumberFor<T>,
    /// When a subdivision or merge retired it; `None` while it is live.
    pub retired_at: Option<BlockNumberFor<T>>,
    /// The parcels it was subdivided or merged from.
    pub parents: Lineage<T>,
    /// The parcels it was subdivided or merged into.
    pub children: Lineage<T>,
}

impl<T: Config> Parcel<T> {
    /// Whether the parcel is live: not retired by a subdivision or merge.
    pub fn is_live(&self) -> bool {
        self.retired_at.is_none()
    }
}

/// What a buyer pays.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
pub enum Price<Balance> {
    /// Paid outside the chain; the hash names the payment (a contract or bank transfer).
    #[codec(index = 0)]
    OffChain(H256),
    /// Paid in the digital currency, in the same extrinsic that transfers the title.
    #[codec(index = 1)]
    Cbdc(Balance),
}

/// What a subdivision or merge takes over from the parcels it retires.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
    Default,
)]
pub struct CarryOver {
    /// The liens move to every new parcel; without it a lien refuses the change.
    pub liens: bool,
    /// The court freeze moves to every new parcel; without it a freeze refuses the change.
    pub freeze: bool,
}

/// One seller's part of an offer.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
pub struct Sale {
    /// The seller.
    pub seller: Party,
    /// The part of the parcel the seller gives, at most what the seller holds.
    pub share: Permill,
    /// Whether the seller has agreed.
    pub consented: bool,
}

/// An offer to transfer shares of a parcel to a buyer.
#[derive(
    Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Offer<T: Config> {
    /// The parcel offered.
    pub parcel: ParcelId,
    /// The sellers, sorted, each with the part it gives and whether it agreed.
    pub sales: BoundedVec<Sale, T::MaxOwners>,
    /// Who receives the shares.
    pub buyer: Party,
    /// What the buyer pays, shared among the sellers in proportion to their parts.
    pub price: Price<T::Balance>,
    /// The first block in which the offer can no longer be accepted.
    pub expires_at: BlockNumberFor<T>,
    /// Whether the parcel's liens stay on it after the transfer, with their banks' consent.
    pub carries_liens: bool,
    /// The liens whose banks consented to their staying on the parcel; a lien registered
    /// later needs its own consent.
    pub carried_liens: BoundedVec<LienId, T::MaxLiensPerParcel>,
    /// Whether the buyer accepted and the offer waits for a registrar's approval.
    pub accepted: bool,
}

/// A registered mortgage or other lien; its rank is its place in the parcel's list.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Lien<BlockNumber> {
    /// The lien's number.
    pub id: LienId,
    /// The bank holding it.
    pub bank: InstitutionId,
    /// The hash of the loan contract, kept off chain.
    pub reference: H256,
    /// When the owners' consent registered it.
    pub registered_at: BlockNumber,
    /// Its place in the order of all lien registrations, which ranks liens brought together
    /// by a merge.
    pub registration: u64,
}

/// A parcel's liens, ranked in order of registration.
pub type Liens<T> = BoundedVec<Lien<BlockNumberFor<T>>, <T as Config>::MaxLiensPerParcel>;

/// A lien a bank proposed, waiting for every owner's consent.
#[derive(
    Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct LienProposal<T: Config> {
    /// The parcel to encumber.
    pub parcel: ParcelId,
    /// The proposing bank.
    pub bank: InstitutionId,
    /// The hash of the loan contract, kept off chain.
    pub reference: H256,
    /// The hash of the title the consents were given under; a transfer since voids them.
    pub title_hash: H256,
    /// The owners that consented so far under that title, sorted.
    pub consents: BoundedVec<Party, T::MaxOwners>,
    /// The first block in which the proposal can no longer register; from then on anyone may
    /// remove it.
    pub expires_at: BlockNumberFor<T>,
}

/// A court's freeze of a parcel.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Freeze<BlockNumber> {
    /// The court that froze it, the only one that may lift it.
    pub court: InstitutionId,
    /// The hash of the case reference.
    pub case: H256,
    /// When it was frozen.
    pub since: BlockNumber,
}

/// Everything known about a parcel, as the runtime API returns it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ParcelRecord<BlockNumber> {
    /// The parcel's number.
    pub id: ParcelId,
    /// Cadastral number, area, land use and document hash.
    pub spec: ParcelSpec,
    /// Its owners; for a retired parcel, its owners when it was retired.
    pub title: alloc::vec::Vec<Holding>,
    /// When it was registered, subdivided out or merged in.
    pub registered_at: BlockNumber,
    /// When it was retired, if it was.
    pub retired_at: Option<BlockNumber>,
    /// The parcels it came from.
    pub parents: alloc::vec::Vec<ParcelId>,
    /// The parcels it became.
    pub children: alloc::vec::Vec<ParcelId>,
    /// Its liens, highest rank first.
    pub liens: alloc::vec::Vec<Lien<BlockNumber>>,
    /// The court freeze on it, if any.
    pub freeze: Option<Freeze<BlockNumber>>,
}

/// A change to a parcel's record, as the parcel's history keeps it. Every change is also an
/// event; the history lets anyone list a parcel's changes from state alone.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum TitleChange {
    /// The registrar registered it, subdivided it out or merged it in (see its parents).
    Registered { registrar: InstitutionId },
    /// Shares passed to `buyer` under `offer`.
    Transferred { offer: OfferId, buyer: Party },
    /// A bank's lien was registered.
    LienRegistered { lien: LienId, bank: InstitutionId },
    /// A bank released its lien.
    LienReleased { lien: LienId, bank: InstitutionId },
    /// A court froze it.
    Frozen { court: InstitutionId, case: H256 },
    /// The court lifted its freeze.
    FreezeLifted { court: InstitutionId },
    /// A lien of the parcel it was subdivided out of or merged from came over with it.
    LienCarried { lien: LienId, bank: InstitutionId },
    /// The freeze of the parcel it was subdivided out of or merged from came over with it.
    FreezeCarried { court: InstitutionId, case: H256 },
    /// It was retired and split into its children.
    Subdivided,
    /// It was retired and merged into `parcel`.
    MergedInto { parcel: ParcelId },
    /// The council lifted the freeze of `court`, which no longer held the role, by its
    /// decision `case`.
    FreezeLiftedByCouncil { court: InstitutionId, case: H256 },
    /// The council released the lien of `bank`, which no longer held the role, by its decision
    /// `case`.
    LienReleasedByCouncil {
        lien: LienId,
        bank: InstitutionId,
        case: H256,
    },
    /// The deceased citizen `from`'s share passed to its heirs by the court's order `case`.
    Inherited { from: CitizenId, case: H256 },
}

/// One entry of a parcel's history.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct HistoryEntry<BlockNumber> {
    /// The block the change happened in.
    pub at: BlockNumber,
    /// What changed.
    pub change: TitleChange,
}
