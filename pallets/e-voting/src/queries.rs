//! What the runtime API answers: an election with its phase, its count as far as it may be
//! known, whether a citizen voted, and an encrypted election's public record (its key, sums,
//! decryption shares and counts; its ballots page by page; a voter's ballot receipt).

use crate::{pallet::*, types::*};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::CitizenId;
use sp_core::H256;

impl<T: Config> Pallet<T> {
    /// An election as anyone may see it, with its phase at the current block.
    pub fn election_info(election: ElectionId) -> Option<ElectionInfo<BlockNumberFor<T>>> {
        let record = Elections::<T>::get(election)?;
        let phase = record.phase(frame_system::Pallet::<T>::block_number());
        Some(ElectionInfo {
            commission: record.commission,
            question_hash: record.question_hash,
            options: record.options.into_inner(),
            regions: match record.eligibility {
                Eligibility::AllCitizens => None,
                Eligibility::Regions(regions) => Some(regions.into_inner()),
            },
            voting_starts: record.voting_starts,
            voting_ends: record.voting_ends,
            mode: record.mode,
            status: record.status,
            phase,
        })
    }

    /// An election's count: ballots cast, votes per option once any may be known (at once for
    /// a public poll, after voting for a secret ballot, once the counts are published for an
    /// encrypted election), and the closing figures once final.
    pub fn tally_info(election: ElectionId) -> Option<TallyInfo<BlockNumberFor<T>>> {
        let record = Elections::<T>::get(election)?;
        let tally = Tallies::<T>::get(election)?;
        let phase = record.phase(frame_system::Pallet::<T>::block_number());
        let sealed = match record.mode {
            BallotMode::Public => false,
            BallotMode::Secret { .. } => matches!(phase, Phase::Scheduled | Phase::Voting),
            BallotMode::Encrypted { .. } => phase != Phase::Closed,
        };
        Some(TallyInfo {
            ballots: tally.ballots,
            votes: (!sealed).then(|| tally.votes.into_inner()),
            closure: match record.status {
                ElectionStatus::Closed(closure) => Some(closure),
                _ => None,
            },
        })
    }

    /// Whether `citizen` voted in `election` (never how); `None` if there is no such election.
    pub fn voter_status(election: ElectionId, citizen: CitizenId) -> Option<VoterStatus> {
        // Read, not `contains_key`: a node proves `contains_key` of a large value with its hash
        // alone, and a light client re-running this call from the proof needs the value.
        Elections::<T>::get(election)?;
        Some(match Ballots::<T>::get(election, citizen) {
            None => VoterStatus::NotVoted,
            Some(Ballot::Sealed(_)) => VoterStatus::Sealed,
            Some(Ballot::Public(_) | Ballot::Revealed(_) | Ballot::Encrypted(_)) => {
                VoterStatus::Voted
            }
        })
    }

    /// An encrypted election's public record once its key is made; `None` for another election
    /// or before (or without) a key.
    pub fn encrypted_record(election: ElectionId) -> Option<EncryptedRecord> {
        let record = Elections::<T>::get(election)?;
        let ceremony = KeyCeremonies::<T>::get(election)?;
        let key = ceremony.key?;
        let mut decryption_shares: alloc::vec::Vec<_> =
            DecryptionShares::<T>::iter_prefix(election)
                .map(|(position, shares)| (position, shares.into_inner()))
                .collect();
        decryption_shares.sort_by_key(|(position, _)| *position);
        let tally = Tallies::<T>::get(election)?;
        Some(EncryptedRecord {
            options: record.options.len() as u32,
            threshold: ceremony.threshold,
            key,
            key_shares: ceremony
                .trustees
                .iter()
                .map(|trustee| trustee.key_share)
                .collect::<Option<_>>()?,
            sums: EncryptedSums::<T>::get(election)?.into_inner(),
            decryption_shares,
            counted: tally.ballots,
            counts: matches!(record.status, ElectionStatus::Closed(_))
                .then(|| tally.votes.into_inner()),
        })
    }

    /// Up to `limit` (at most [`MAX_BALLOT_PAGE`]) of an encrypted election's counted ballots,
    /// by citizen, in storage order, starting after `after`'s (from the first if `None`): a
    /// verifier reads them all page by page, passing the last citizen of one page to the next.
    pub fn encrypted_ballots(
        election: ElectionId,
        after: Option<CitizenId>,
        limit: u32,
    ) -> alloc::vec::Vec<(CitizenId, alloc::vec::Vec<u8>)> {
        let limit = limit.min(MAX_BALLOT_PAGE) as usize;
        let page = match after {
            None => EncryptedBallots::<T>::iter_prefix(election),
            Some(citizen) => EncryptedBallots::<T>::iter_prefix_from(
                election,
                EncryptedBallots::<T>::hashed_key_for(election, citizen),
            ),
        };
        page.take(limit)
            .map(|(citizen, ballot)| (citizen, ballot.into_inner()))
            .collect()
    }

    /// The receipt of `citizen`'s counted ballot in an encrypted election
    /// (`govchain_ballot::receipt` of the ballot): the voter's wallet compares it with the one it
    /// kept when casting. `None` if the citizen cast no encrypted ballot there.
    pub fn ballot_receipt(election: ElectionId, citizen: CitizenId) -> Option<H256> {
        match Ballots::<T>::get(election, citizen)? {
            Ballot::Encrypted(receipt) => Some(receipt),
            _ => None,
        }
    }
}

/// The most ballots [`Pallet::encrypted_ballots`] returns at once (under 1 MB of a 4-option
/// election's ballots).
pub const MAX_BALLOT_PAGE: u32 = 1_000;
