//! Elections and citizen polls.

use super::CouncilSuperMajority;
use crate::{BlockNumber, Identity, Runtime};
use frame_support::parameter_types;
use govchain_primitives::DAYS;

parameter_types! {
    /// Options on one ballot: a referendum has two, a crowded presidential race a few dozen.
    pub const MaxElectionOptions: u32 = 64;
    /// Regions one election may be limited to: every district of a large oblast.
    pub const MaxElectionRegions: u32 = 128;
    /// Elections that close in the same block; a commission picks another block when full.
    pub const MaxClosingPerBlock: u32 = 16;
    /// An election closes within a year of its creation.
    pub const MaxElectionSchedule: BlockNumber = 365 * DAYS;
}

impl pallet_e_voting::Config for Runtime {
    type Identity = Identity;
    /// Cancelling a running election overrides the commission: two thirds of the council.
    type CancelOrigin = CouncilSuperMajority;
    type MaxOptions = MaxElectionOptions;
    type MaxRegions = MaxElectionRegions;
    type MaxClosingPerBlock = MaxClosingPerBlock;
    type MaxScheduleLength = MaxElectionSchedule;
    type WeightInfo = pallet_e_voting::weights::SubstrateWeight<Runtime>;
}
