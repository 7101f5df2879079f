//! The runtime API of e-voting: what the node's `voting_*` RPC methods and the tally verifier
//! (`govchain-node verify-tally`) read.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use govchain_primitives::identity::CitizenId;
pub use pallet_e_voting::{
    queries::MAX_BALLOT_PAGE, ElectionId, ElectionInfo, EncryptedRecord, TallyInfo, VoterStatus,
};
use sp_core::H256;

sp_api::decl_runtime_apis! {
    /// Reads elections, their counts and who voted; an encrypted election's public record.
    #[api_version(2)]
    pub trait EVotingApi<BlockNumber> where BlockNumber: Codec {
        /// An election with its options, electorate, schedule, status and current phase.
        fn election(election: ElectionId) -> Option<ElectionInfo<BlockNumber>>;

        /// Ballots cast, votes per option once they may be known (a secret ballot's only after
        /// voting closed), and the final figures once closed.
        fn tally(election: ElectionId) -> Option<TallyInfo<BlockNumber>>;

        /// Whether a citizen voted in an election; never how.
        fn voter_status(election: ElectionId, citizen: CitizenId) -> Option<VoterStatus>;

        /// An encrypted election's key, trustees' key shares, encrypted sums, decryption shares
        /// and counts; `None` for another election or before its key is made.
        #[api_version(2)]
        fn encrypted_record(election: ElectionId) -> Option<EncryptedRecord>;

        /// Up to `limit` (at most `MAX_BALLOT_PAGE`) of an encrypted election's counted
        /// ballots by citizen, starting after `after`'s.
        #[api_version(2)]
        fn encrypted_ballots(
            election: ElectionId,
            after: Option<CitizenId>,
            limit: u32,
        ) -> Vec<(CitizenId, Vec<u8>)>;

        /// The receipt of a citizen's counted encrypted ballot, which the voter's wallet
        /// compares with the one it kept.
        #[api_version(2)]
        fn ballot_receipt(election: ElectionId, citizen: CitizenId) -> Option<H256>;
    }
}

/// The tally verifier's check, for any way of reading the runtime API (a node's RPC, a
/// light client, a test's runtime).
#[cfg(feature = "std")]
pub mod verifier {
    use super::*;
    pub use govchain_ballot::verify::{Inconsistency, Verified};

    /// What checking an election's public record found.
    #[derive(Clone, PartialEq, Eq, Debug)]
    pub enum Outcome {
        /// No encrypted record: not an encrypted election, or its key was never made.
        NoRecord,
        /// Every ballot, sum, decryption share and (once published) count holds.
        Verified(Verified),
        /// The first thing that does not hold.
        Inconsistent(Inconsistency),
    }

    impl core::fmt::Display for Outcome {
        fn fmt(&self, formatter: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            match self {
                Self::NoRecord => formatter.write_str(
                    "no encrypted record: not an encrypted election, or its key was never made",
                ),
                Self::Verified(Verified {
                    ballots,
                    counts_checked: true,
                }) => write!(
                    formatter,
                    "tally verified: {ballots} ballots, counts checked"
                ),
                Self::Verified(Verified { ballots, .. }) => write!(
                    formatter,
                    "ballots and sums verified: {ballots} ballots, no counts published yet"
                ),
                Self::Inconsistent(inconsistency) => {
                    write!(formatter, "inconsistency: {inconsistency}")
                }
            }
        }
    }

    /// Checks `record` (the runtime API's `encrypted_record` of `election`) with every ballot
    /// read through `page` (the runtime API's `encrypted_ballots` with the last citizen read,
    /// `None` first), until a page comes back empty.
    pub fn verify_tally<E>(
        election: ElectionId,
        record: Option<EncryptedRecord>,
        mut page: impl FnMut(Option<CitizenId>) -> Result<Vec<(CitizenId, Vec<u8>)>, E>,
    ) -> Result<Outcome, E> {
        let Some(record) = record else {
            return Ok(Outcome::NoRecord);
        };
        let mut ballots: Vec<(CitizenId, Vec<u8>)> = Vec::new();
        loop {
            let after = ballots.last().map(|(citizen, _)| *citizen);
            let next = page(after)?;
            if next.is_empty() {
                break;
            }
            ballots.extend(next);
        }
        Ok(match record.verify(election, &ballots) {
            Ok(verified) => Outcome::Verified(verified),
            Err(inconsistency) => Outcome::Inconsistent(inconsistency),
        })
    }
}
