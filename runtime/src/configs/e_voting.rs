//! Elections and citizen polls.

use super::CouncilSuperMajority;
use crate::{BlockNumber, Identity, Runtime, Signature};
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
    /// Ballots in one relayed batch: 64 four-option ballots (86 KB) declare 76 ms (every
    /// proof checked alone) and weigh 56 ms when their proofs hold together, within what an
    /// officer's fee-free transaction may take (a tenth of a block, 128 KiB).
    pub const MaxRelayedBallots: u32 = 64;
    /// Public votes in one relayed batch: 512 votes (about 55 KB) within what an officer's
    /// fee-free transaction may take (a tenth of a block, 128 KiB).
    pub const MaxRelayedVotes: u32 = 512;
}

impl pallet_e_voting::Config for Runtime {
    type Identity = Identity;
    /// Cancelling a running election overrides the commission: two thirds of the council.
    type CancelOrigin = CouncilSuperMajority;
    type MaxOptions = MaxElectionOptions;
    type MaxRegions = MaxElectionRegions;
    type MaxClosingPerBlock = MaxClosingPerBlock;
    type MaxScheduleLength = MaxElectionSchedule;
    /// Citizens sign relayed ballots as they sign transactions.
    type RelaySignature = Signature;
    type RelaySigner = <Signature as sp_runtime::traits::Verify>::Signer;
    type MaxRelayedBallots = MaxRelayedBallots;
    type MaxRelayedVotes = MaxRelayedVotes;
    #[cfg(feature = "runtime-benchmarks")]
    type RelayHelper = super::RelaySigning;
    type WeightInfo = pallet_e_voting::weights::SubstrateWeight<Runtime>;
}
