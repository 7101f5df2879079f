//! Encrypted ballots: casting (checked, added to the encrypted sums, replacing the voter's
//! earlier ballot), the tally after voting (trustees' decryption shares, then counts anyone
//! publishes and the chain checks), and the deadlines that make the key or fail the election.

use super::ballots::BallotKind;
use crate::{pallet::*, types::*, WeightInfo};
use alloc::vec::Vec;
use frame_support::{
    dispatch::{DispatchResultWithPostInfo, WithPostDispatchInfo},
    ensure,
    weights::Weight,
    BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_ballot::{BallotError, Ciphertext, TrusteeKeys};
use govchain_primitives::identity::IdentityProvider;
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
    /// The error a ballot the library refuses gets.
    pub(crate) fn ballot_error(error: BallotError) -> Error<T> {
        match error {
            BallotError::WrongOptionCount => Error::<T>::WrongOptionCount,
            BallotError::InvalidProof => Error::<T>::InvalidBallotProof,
            _ => Error::<T>::MalformedBallot,
        }
    }

    pub(crate) fn do_cast_encrypted_ballot(
        who: T::AccountId,
        election: ElectionId,
        ballot: EncryptedBallot,
    ) -> DispatchResultWithPostInfo {
        let record = Self::election_taking_ballots(election, BallotKind::Encrypted)?;
        let voter = Self::eligible_voter(&who, &record)?;
        let options = record.options.len() as u32;
        let actual = T::WeightInfo::cast_encrypted_ballot(options);
        let (outcomes, _) = Self::count_encrypted_ballots(
            election,
            &record,
            options,
            alloc::vec![super::relay::ToCount { voter, ballot }],
        )?;
        outcomes
            .into_iter()
            .next()
            .unwrap_or(Err(Error::<T>::MalformedBallot.into()))
            .map_err(|error| error.with_weight(actual))?;
        Ok(Some(actual).into())
    }

    /// The tallying encrypted election `election`, with its key ceremony.
    fn tallying(election: ElectionId) -> Result<(Election<T>, KeyCeremony<T>), DispatchError> {
        let record = Elections::<T>::get(election).ok_or(Error::<T>::UnknownElection)?;
        ensure!(record.is_encrypted(), Error::<T>::NotEncrypted);
        ensure!(
            matches!(record.status, ElectionStatus::Tallying(_)),
            Error::<T>::NotTallying
        );
        let ceremony = KeyCeremonies::<T>::get(election).ok_or(Error::<T>::NoElectionKey)?;
        Ok((record, ceremony))
    }

    /// The trustees' public key shares, in position order, once the key is made.
    fn key_shares(ceremony: &KeyCeremony<T>) -> Result<Vec<[u8; 32]>, DispatchError> {
        ceremony
            .trustees
            .iter()
            .map(|trustee| trustee.key_share.ok_or(Error::<T>::NoKeyShare.into()))
            .collect()
    }

    pub(crate) fn do_post_decryption_shares(
        who: T::AccountId,
        election: ElectionId,
        shares: BoundedVec<govchain_ballot::DecryptionShare, T::MaxOptions>,
    ) -> DispatchResultWithPostInfo {
        let institution = T::Identity::officer_institution(&who)?;
        let (record, ceremony) = Self::tallying(election)?;
        let actual = T::WeightInfo::post_decryption_shares(record.options.len() as u32);
        let position = ceremony
            .serving_trustee(&who, institution)
            .ok_or(Error::<T>::NotTrustee)?;
        let keys = Self::key_shares(&ceremony)?;
        ensure!(
            !DecryptionShares::<T>::contains_key(election, position),
            Error::<T>::DecryptionSharesAlreadyPosted
        );
        let sums = EncryptedSums::<T>::get(election).ok_or(Error::<T>::NoElectionKey)?;
        govchain_ballot::verify_decryption_shares(
            &TrusteeKeys {
                threshold: u32::from(ceremony.threshold),
                keys: &keys,
            },
            u32::from(position),
            &sums,
            &shares,
        )
        .map_err(|_| DispatchError::from(Error::<T>::InvalidDecryptionShare).with_weight(actual))?;
        DecryptionShares::<T>::insert(election, position, shares);
        Self::deposit_event(Event::DecryptionSharesPosted {
            election,
            trustee: position,
        });
        Ok(Some(actual).into())
    }

    pub(crate) fn do_publish_tally(
        election: ElectionId,
        counts: BoundedVec<u64, T::MaxOptions>,
    ) -> DispatchResultWithPostInfo {
        let (mut record, ceremony) = Self::tallying(election)?;
        let ElectionStatus::Tallying(closure) = record.status else {
            return Err(Error::<T>::NotTallying.into());
        };
        let options = record.options.len() as u32;
        let actual = T::WeightInfo::publish_tally(options, u32::from(ceremony.threshold));
        ensure!(
            counts.len() == record.options.len(),
            Error::<T>::WrongOptionCount
        );
        let posted: Vec<(
            u32,
            BoundedVec<govchain_ballot::DecryptionShare, T::MaxOptions>,
        )> = DecryptionShares::<T>::iter_prefix(election)
            .map(|(position, shares)| (u32::from(position), shares))
            .collect();
        ensure!(
            posted.len() >= usize::from(ceremony.threshold),
            Error::<T>::NotEnoughDecryptionShares
        );
        let mut posted = posted;
        posted.sort_by_key(|(position, _)| *position);
        let shares: Vec<(u32, &[govchain_ballot::DecryptionShare])> = posted
            .iter()
            .map(|(position, shares)| (*position, shares.as_slice()))
            .collect();
        let keys = Self::key_shares(&ceremony)?;
        let sums = EncryptedSums::<T>::get(election).ok_or(Error::<T>::NoElectionKey)?;
        govchain_ballot::check_tally(
            &TrusteeKeys {
                threshold: u32::from(ceremony.threshold),
                keys: &keys,
            },
            &sums,
            &shares,
            &counts,
        )
        .map_err(|error| {
            let error = match error {
                BallotError::NotEnoughShares => Error::<T>::NotEnoughDecryptionShares,
                _ => Error::<T>::TallyMismatch,
            };
            DispatchError::from(error).with_weight(actual)
        })?;
        let ballots = Tallies::<T>::try_mutate(election, |tally| {
            let tally = tally.as_mut().ok_or(Error::<T>::UnknownElection)?;
            tally.votes = counts.clone();
            Ok::<_, DispatchError>(tally.ballots)
        })?;
        Self::remove_deadline(election, &record, Deadline::Tally);
        record.status = ElectionStatus::Closed(closure);
        Elections::<T>::insert(election, record);
        Self::deposit_event(Event::ElectionClosed {
            election,
            votes: counts,
            ballots,
            closure,
        });
        Ok(Some(actual).into())
    }

    /// Meets the encrypted elections' deadlines at `now`: makes the keys of those whose voting
    /// starts, fails those whose tally period ended without counts. Returns the weight used.
    pub(crate) fn meet_deadlines(now: BlockNumberFor<T>) -> Weight {
        let due = Deadlines::<T>::get(now);
        if due.is_empty() {
            return T::WeightInfo::no_deadline();
        }
        Deadlines::<T>::remove(now);
        due.iter().fold(
            T::WeightInfo::no_deadline(),
            |weight, (election, deadline)| {
                weight.saturating_add(match deadline {
                    Deadline::ElectionKey => Self::make_election_key(*election, now),
                    Deadline::Tally => {
                        if let Some(record) = Elections::<T>::get(election)
                            .filter(|record| matches!(record.status, ElectionStatus::Tallying(_)))
                        {
                            Self::fail(*election, record, Failure::NoTally, now);
                        }
                        T::WeightInfo::fail_election()
                    }
                })
            },
        )
    }

    /// Fails `election` (whose record is `record`) for `reason` at `now`: it takes no more
    /// ballots, never closes and meets no further deadline.
    pub(crate) fn fail(
        election: ElectionId,
        mut record: Election<T>,
        reason: Failure,
        now: BlockNumberFor<T>,
    ) {
        if reason == Failure::NoElectionKey {
            Self::unschedule_closing(election, record.closes_at());
        }
        Self::remove_deadline(election, &record, Deadline::Tally);
        record.status = ElectionStatus::Failed { reason, at: now };
        Elections::<T>::insert(election, record);
        Self::deposit_event(Event::ElectionFailed { election, reason });
    }

    /// Schedules `election`'s deadlines: its key at `voting_starts`, the end of its tally at
    /// `tally_ends`. Checked for room by [`Self::checked_election`].
    pub(crate) fn schedule_deadlines(
        election: ElectionId,
        voting_starts: BlockNumberFor<T>,
        tally_ends: BlockNumberFor<T>,
    ) -> Result<(), DispatchError> {
        for (block, deadline) in [
            (voting_starts, Deadline::ElectionKey),
            (tally_ends, Deadline::Tally),
        ] {
            Deadlines::<T>::try_mutate(block, |due| due.try_push((election, deadline)))
                .map_err(|_| Error::<T>::ClosingBlockFull)?;
        }
        Ok(())
    }

    /// Removes `election`'s `deadline` from the block its record (`record`) schedules it at.
    pub(crate) fn remove_deadline(election: ElectionId, record: &Election<T>, deadline: Deadline) {
        let block = match (deadline, record.mode) {
            (Deadline::ElectionKey, _) => record.voting_starts,
            (Deadline::Tally, BallotMode::Encrypted { tally_ends, .. }) => tally_ends,
            (Deadline::Tally, _) => return,
        };
        Deadlines::<T>::mutate_exists(block, |due| {
            if let Some(list) = due {
                list.retain(|entry| *entry != (election, deadline));
                if list.is_empty() {
                    *due = None;
                }
            }
        });
    }

    /// Whether a block has room for another deadline.
    pub(crate) fn deadline_has_room(block: BlockNumberFor<T>) -> bool {
        use frame_support::traits::Get;
        Deadlines::<T>::decode_len(block).unwrap_or(0) < T::MaxClosingPerBlock::get() as usize
    }

    /// The sums of `election`'s stored ballots, recomputed from them: what its encrypted sums
    /// must be.
    pub fn recomputed_sums(election: ElectionId, options: usize) -> Option<Vec<Ciphertext>> {
        let mut sums = govchain_ballot::Sums::zero(options);
        for ballot in EncryptedBallots::<T>::iter_prefix_values(election) {
            let ballot = govchain_ballot::Sums::of_stored_ballot(options as u32, &ballot).ok()?;
            sums.add_decoded(&ballot).ok()?;
        }
        Some(sums.encode())
    }
}
