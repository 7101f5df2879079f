//! Casting, sealing and revealing ballots, and counting them as they come.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult};
use govchain_primitives::identity::{CitizenId, IdentityProvider};
use sp_core::H256;
use sp_runtime::{
    traits::{BlakeTwo256, Hash},
    DispatchError,
};

/// The kind of ballot a call casts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum BallotKind {
    /// A public vote.
    Public,
    /// A sealed commitment.
    Sealed,
    /// An encrypted ballot.
    Encrypted,
}

impl<T: Config> Pallet<T> {
    /// The commitment that seals a secret ballot for `option` in `election` by `voter`:
    /// `blake2_256` of the SCALE encoding of `(election, option, salt, voter)`, i.e. the
    /// election as 4 bytes little-endian, the option as 1 byte, the 32-byte salt and the
    /// citizen id as 8 bytes little-endian.
    ///
    /// The salt must be secret and random: with few options, anyone could otherwise try them
    /// all. The voter's id binds the commitment to its voter, so nobody can copy another's
    /// sealed ballot and reveal it as their own.
    pub fn commitment(
        election: ElectionId,
        option: OptionIndex,
        salt: H256,
        voter: CitizenId,
    ) -> H256 {
        BlakeTwo256::hash_of(&(election, option, salt, voter))
    }

    pub(crate) fn do_vote(
        who: T::AccountId,
        election: ElectionId,
        option: OptionIndex,
    ) -> DispatchResult {
        let record = Self::election_taking_ballots(election, BallotKind::Public)?;
        let voter = Self::eligible_voter(&who, &record)?;
        ensure!(
            usize::from(option) < record.options.len(),
            Error::<T>::UnknownOption
        );
        let replaced = match Ballots::<T>::get(election, voter) {
            Some(Ballot::Public(earlier)) => Some(earlier),
            _ => None,
        };
        Tallies::<T>::try_mutate(election, |tally| {
            let tally = tally.as_mut().ok_or(Error::<T>::UnknownElection)?;
            match replaced {
                Some(earlier) => Self::uncount(tally, earlier)?,
                None => Self::add_ballot(tally)?,
            }
            Self::count(tally, option)
        })?;
        if replaced.is_none() {
            Self::hold_ballot(voter, &record);
        }
        Ballots::<T>::insert(election, voter, Ballot::Public(option));
        Self::deposit_event(Event::VoteCast {
            election,
            voter,
            option,
            replaced,
        });
        Ok(())
    }

    pub(crate) fn do_commit_vote(
        who: T::AccountId,
        election: ElectionId,
        commitment: H256,
    ) -> DispatchResult {
        let record = Self::election_taking_ballots(election, BallotKind::Sealed)?;
        let voter = Self::eligible_voter(&who, &record)?;
        let replaced = Ballots::<T>::contains_key(election, voter);
        if !replaced {
            Tallies::<T>::try_mutate(election, |tally| {
                let tally = tally.as_mut().ok_or(Error::<T>::UnknownElection)?;
                Self::add_ballot(tally)
            })?;
            Self::hold_ballot(voter, &record);
        }
        Ballots::<T>::insert(election, voter, Ballot::Sealed(commitment));
        Self::deposit_event(Event::BallotSealed {
            election,
            voter,
            replaced,
        });
        Ok(())
    }

    pub(crate) fn do_reveal_vote(
        who: T::AccountId,
        election: ElectionId,
        option: OptionIndex,
        salt: H256,
    ) -> DispatchResult {
        let record = Self::running_election(election)?;
        match record.mode {
            BallotMode::Secret { .. } => {}
            BallotMode::Public => return Err(Error::<T>::PublicBallot.into()),
            BallotMode::Encrypted { .. } => return Err(Error::<T>::EncryptedElection.into()),
        }
        ensure!(
            record.phase(frame_system::Pallet::<T>::block_number()) == Phase::Revealing,
            Error::<T>::NotRevealPhase
        );
        // The ballot was eligible when sealed; whoever holds the identity now reveals it.
        let voter = T::Identity::citizen_of(&who).ok_or(Error::<T>::NotCitizen)?;
        let commitment = match Ballots::<T>::get(election, voter) {
            None => return Err(Error::<T>::NoSealedBallot.into()),
            Some(Ballot::Sealed(commitment)) => commitment,
            Some(Ballot::Revealed(_) | Ballot::Public(_) | Ballot::Encrypted(_)) => {
                return Err(Error::<T>::AlreadyRevealed.into())
            }
        };
        ensure!(
            usize::from(option) < record.options.len(),
            Error::<T>::UnknownOption
        );
        ensure!(
            Self::commitment(election, option, salt, voter) == commitment,
            Error::<T>::CommitmentMismatch
        );
        Tallies::<T>::try_mutate(election, |tally| {
            let tally = tally.as_mut().ok_or(Error::<T>::UnknownElection)?;
            Self::count(tally, option)
        })?;
        Ballots::<T>::insert(election, voter, Ballot::Revealed(option));
        Self::deposit_event(Event::VoteRevealed {
            election,
            voter,
            option,
        });
        Ok(())
    }

    /// The election, if it exists and is running (not cancelled, tallying, closed or failed).
    pub(crate) fn running_election(election: ElectionId) -> Result<Election<T>, DispatchError> {
        let record = Elections::<T>::get(election).ok_or(Error::<T>::UnknownElection)?;
        Self::ensure_running(&record)?;
        Ok(record)
    }

    /// Whether `record` is running; otherwise why not.
    pub(crate) fn ensure_running(record: &Election<T>) -> Result<(), DispatchError> {
        match record.status {
            ElectionStatus::Running => Ok(()),
            ElectionStatus::Cancelled { .. } => Err(Error::<T>::ElectionCancelled.into()),
            ElectionStatus::Closed(_) => Err(Error::<T>::ElectionClosed.into()),
            ElectionStatus::Tallying(_) => Err(Error::<T>::VotingClosed.into()),
            ElectionStatus::Failed { .. } => Err(Error::<T>::ElectionFailed.into()),
        }
    }

    /// The election, if it takes ballots of `kind` now.
    pub(crate) fn election_taking_ballots(
        election: ElectionId,
        kind: BallotKind,
    ) -> Result<Election<T>, DispatchError> {
        let record = Self::running_election(election)?;
        match (record.mode, kind) {
            (BallotMode::Public, BallotKind::Public)
            | (BallotMode::Secret { .. }, BallotKind::Sealed)
            | (BallotMode::Encrypted { .. }, BallotKind::Encrypted) => {}
            (_, BallotKind::Encrypted) => return Err(Error::<T>::NotEncrypted.into()),
            (BallotMode::Encrypted { .. }, _) => return Err(Error::<T>::EncryptedElection.into()),
            (BallotMode::Public, _) => return Err(Error::<T>::PublicBallot.into()),
            (BallotMode::Secret { .. }, _) => return Err(Error::<T>::SecretBallot.into()),
        }
        match record.phase(frame_system::Pallet::<T>::block_number()) {
            Phase::Scheduled => Err(Error::<T>::VotingNotStarted.into()),
            Phase::Voting => Ok(record),
            _ => Err(Error::<T>::VotingClosed.into()),
        }
    }

    /// The citizen whose identity `who` holds, if among the election's voters.
    pub(crate) fn eligible_voter(
        who: &T::AccountId,
        record: &Election<T>,
    ) -> Result<CitizenId, DispatchError> {
        let voter = T::Identity::citizen_of(who).ok_or(Error::<T>::NotCitizen)?;
        ensure!(
            record.eligibility.admits(T::Identity::region(voter)),
            Error::<T>::NotEligible
        );
        Ok(voter)
    }

    /// Records that `voter` holds a ballot until `record` closes.
    pub(crate) fn hold_ballot(voter: CitizenId, record: &Election<T>) {
        BallotHeldUntil::<T>::mutate(voter, |until| {
            let closes_at = record.closes_at();
            *until = Some(until.map_or(closes_at, |until| until.max(closes_at)));
        });
    }

    pub(crate) fn add_ballot(tally: &mut Tally<T>) -> DispatchResult {
        tally.ballots = tally.ballots.checked_add(1).ok_or(Error::<T>::Overflow)?;
        Ok(())
    }

    pub(crate) fn count(tally: &mut Tally<T>, option: OptionIndex) -> DispatchResult {
        let votes = tally
            .votes
            .get_mut(usize::from(option))
            .ok_or(Error::<T>::UnknownOption)?;
        *votes = votes.checked_add(1).ok_or(Error::<T>::Overflow)?;
        Ok(())
    }

    pub(crate) fn uncount(tally: &mut Tally<T>, option: OptionIndex) -> DispatchResult {
        let votes = tally
            .votes
            .get_mut(usize::from(option))
            .ok_or(Error::<T>::UnknownOption)?;
        *votes = votes.checked_sub(1).ok_or(Error::<T>::Overflow)?;
        Ok(())
    }
}
