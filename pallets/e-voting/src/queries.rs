//! What the runtime API answers: an election with its phase, its count as far as it may be
//! known, and whether a citizen voted.

use crate::{pallet::*, types::*};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::CitizenId;

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
        if !Elections::<T>::contains_key(election) {
            return None;
        }
        Some(match Ballots::<T>::get(election, citizen) {
            None => VoterStatus::NotVoted,
            Some(Ballot::Sealed(_)) => VoterStatus::Sealed,
            Some(Ballot::Public(_) | Ballot::Revealed(_) | Ballot::Encrypted(_)) => {
                VoterStatus::Voted
            }
        })
    }
}
