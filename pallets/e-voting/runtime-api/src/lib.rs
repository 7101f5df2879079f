//! The runtime API of e-voting: what the node's `voting_*` RPC methods read.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
use govchain_primitives::identity::CitizenId;
pub use pallet_e_voting::{ElectionId, ElectionInfo, TallyInfo, VoterStatus};

sp_api::decl_runtime_apis! {
    /// Reads elections, their counts and who voted.
    pub trait EVotingApi<BlockNumber> where BlockNumber: Codec {
        /// An election with its options, electorate, schedule, status and current phase.
        fn election(election: ElectionId) -> Option<ElectionInfo<BlockNumber>>;

        /// Ballots cast, votes per option once they may be known (a secret ballot's only after
        /// voting closed), and the final figures once closed.
        fn tally(election: ElectionId) -> Option<TallyInfo<BlockNumber>>;

        /// Whether a citizen voted in an election; never how.
        fn voter_status(election: ElectionId, citizen: CitizenId) -> Option<VoterStatus>;
    }
}
