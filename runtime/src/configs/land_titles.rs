//! The land registry: parcels, titles, transfers, liens, court freezes, subdivision.

use super::CouncilSuperMajority;
use crate::{Balance, BlockNumber, Cbdc, Identity, Runtime, DAYS};
use frame_support::parameter_types;

parameter_types! {
    /// Every accepted transfer waits for a registrar, as the national land code requires.
    pub const RegistrarApprovesTransfers: bool = true;
    /// Co-owners of one parcel: a family or a small cooperative. Bigger collectives own land
    /// through an institution.
    pub const MaxOwners: u32 = 16;
    /// Mortgages ranked on one parcel.
    pub const MaxLiensPerParcel: u32 = 8;
    /// Plots one subdivision makes (a farm cut into building plots), or parcels one merge joins.
    pub const MaxLineage: u32 = 100;
    /// Live parcels per owner: room for a municipality's or the state property fund's land.
    pub const MaxParcelsPerOwner: u32 = 100_000;
    /// One succession passes at most 100 parcels: a family's land, not a land bank (an
    /// institution's, which never dies).
    pub const MaxEstateParcels: u32 = 100;
    /// An offer stays open for at most a quarter.
    pub const MaxOfferDuration: BlockNumber = 90 * DAYS;
    /// Open offers on one parcel: a few buyers, or a few attempts with one, at a time. A full
    /// parcel makes room by dropping its expired offers; `create_offer` weighs all of them.
    pub const MaxOffersPerParcel: u32 = 16;
    /// Lien proposals waiting on one parcel: an owner asks a few banks at a time.
    pub const MaxLienProposalsPerParcel: u32 = 16;
    /// A lien proposal waits a month for the owners' consent; then the bank proposes afresh.
    pub const LienProposalLifetime: BlockNumber = 30 * DAYS;
}

impl pallet_land_titles::Config for Runtime {
    type Identity = Identity;
    type DualControl = Identity;
    /// Freezes of abolished courts and liens of closed banks are lifted by two thirds of the
    /// council.
    type CouncilOrigin = CouncilSuperMajority;
    type Balance = Balance;
    /// Prices in the digital currency are paid in the extrinsic that transfers the title.
    type Payments = Cbdc;
    type RegistrarApprovesTransfers = RegistrarApprovesTransfers;
    type MaxOwners = MaxOwners;
    type MaxLiensPerParcel = MaxLiensPerParcel;
    type MaxLineage = MaxLineage;
    type MaxParcelsPerOwner = MaxParcelsPerOwner;
    type MaxEstateParcels = MaxEstateParcels;
    type MaxOfferDuration = MaxOfferDuration;
    type MaxOffersPerParcel = MaxOffersPerParcel;
    type MaxLienProposalsPerParcel = MaxLienProposalsPerParcel;
    type LienProposalLifetime = LienProposalLifetime;
    type WeightInfo = pallet_land_titles::weights::SubstrateWeight<Runtime>;
}
