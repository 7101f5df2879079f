//! Ballots citizens sign and the election commission relays in batches: each checked on its own
//! (signature, nonce, eligibility, quota, then proof) and counted as a ballot the citizen cast
//! directly. Counting, for relayed and directly cast ballots alike, is the node's
//! (`govchain_ballot::host`): every proof of a batch in one multi-scalar multiplication, the
//! sums decoded and encoded once.

use super::ballots::BallotKind;
use crate::{pallet::*, types::*, WeightInfo};
use alloc::vec::Vec;
use frame_support::{
    dispatch::DispatchResultWithPostInfo, ensure, pallet_prelude::DispatchResult, traits::Get,
    weights::Weight, BoundedVec,
};
use govchain_ballot::{batchable, host};
use govchain_primitives::{
    identity::{CitizenId, IdentityProvider},
    relay::{self, Refusal},
};
use sp_core::H256;
use sp_runtime::DispatchError;

impl<T: Config> From<Refusal> for Error<T> {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::StaleNonce => Error::<T>::StaleNonce,
            Refusal::FutureNonce => Error::<T>::FutureNonce,
            Refusal::BadSignature => Error::<T>::BadRelaySignature,
        }
    }
}

impl<T: Config> Pallet<T> {
    /// Counts a batch of relayed public votes (`relay_votes`): each accepted alone (signature,
    /// nonce, eligibility, option, quota) and counted as `vote` counts it; the tally is read
    /// once and written once.
    pub(crate) fn do_relay_votes(
        election: ElectionId,
        votes: BoundedVec<RelayedVote<T>, T::MaxRelayedVotes>,
    ) -> DispatchResult {
        ensure!(!votes.is_empty(), Error::<T>::NothingToRelay);
        let record = Self::election_taking_ballots(election, BallotKind::Public)?;
        let mut tally = Tallies::<T>::get(election).ok_or(Error::<T>::UnknownElection)?;
        let (mut cast, mut refused) = (0u32, 0u32);
        for (position, relayed) in votes.iter().enumerate() {
            let body = relayed_vote_body(election, relayed.option);
            let accepted = relay::accept::<T, _, _, DispatchError>(
                &relayed.voter,
                relayed.nonce,
                relay::RELAYED_VOTE,
                &body,
                &relayed.signature,
                || {
                    let voter = Self::eligible_voter(&relayed.voter, &record)?;
                    ensure!(
                        usize::from(relayed.option) < record.options.len(),
                        Error::<T>::UnknownOption
                    );
                    let replaced = match Ballots::<T>::get(election, voter) {
                        Some(Ballot::Public(earlier)) => Some(earlier),
                        _ => None,
                    };
                    // Counted on a copy: a vote refused leaves the tally as it was.
                    let mut counted = tally.clone();
                    match replaced {
                        Some(earlier) => Self::uncount(&mut counted, earlier)?,
                        None => Self::add_ballot(&mut counted)?,
                    }
                    Self::count(&mut counted, relayed.option)?;
                    T::Identity::use_citizen_quota(&relayed.voter)?;
                    Ok((voter, replaced, counted))
                },
            )
            .map_err(|refusal| DispatchError::from(Error::<T>::from(refusal)))
            .and_then(|admitted| admitted);
            match accepted {
                Ok((voter, replaced, counted)) => {
                    tally = counted;
                    if replaced.is_none() {
                        Self::hold_ballot(voter, &record);
                    }
                    Ballots::<T>::insert(election, voter, Ballot::Public(relayed.option));
                    Self::deposit_event(Event::VoteCast {
                        election,
                        voter,
                        option: relayed.option,
                        replaced,
                    });
                    cast = cast.saturating_add(1);
                }
                Err(error) => {
                    refused = refused.saturating_add(1);
                    Self::deposit_event(Event::RelayedBallotRefused {
                        election,
                        position: u32::try_from(position).unwrap_or(u32::MAX),
                        signer: relayed.voter.clone(),
                        error,
                    });
                }
            }
        }
        Tallies::<T>::insert(election, tally);
        Self::deposit_event(Event::BallotsRelayed {
            election,
            cast,
            refused,
        });
        Ok(())
    }

    /// The weight of relaying `n` public votes: as measured for `n` first votes in a poll
    /// open to all citizens, plus each voter's region, which a regional poll reads.
    pub fn relay_votes_weight(n: u32) -> Weight {
        T::WeightInfo::relay_votes(n).saturating_add(T::DbWeight::get().reads(u64::from(n)))
    }

    pub(crate) fn do_relay_encrypted_ballots(
        election: ElectionId,
        ballots: BoundedVec<RelayedBallot<T>, T::MaxRelayedBallots>,
    ) -> DispatchResultWithPostInfo {
        ensure!(!ballots.is_empty(), Error::<T>::NothingToRelay);
        let record = Self::election_taking_ballots(election, BallotKind::Encrypted)?;
        let options = record.options.len() as u32;
        Self::election_key(election)?;
        let mut refused = 0u32;
        let mut refuse = |position: usize, signer: &T::AccountId, error: DispatchError| {
            refused = refused.saturating_add(1);
            Self::deposit_event(Event::RelayedBallotRefused {
                election,
                position: position as u32,
                signer: signer.clone(),
                error,
            });
        };

        let mut admitted = Vec::with_capacity(ballots.len());
        for (position, relayed) in ballots.iter().enumerate() {
            let body = relayed_ballot_body(election, &relayed.ballot);
            let voter = relay::accept::<T, _, _, DispatchError>(
                &relayed.voter,
                relayed.nonce,
                relay::RELAYED_BALLOT,
                &body,
                &relayed.signature,
                || {
                    let voter = Self::eligible_voter(&relayed.voter, &record)?;
                    T::Identity::use_citizen_quota(&relayed.voter)?;
                    Ok(voter)
                },
            )
            .map_err(|refusal| DispatchError::from(Error::<T>::from(refusal)))
            .and_then(|admitted| admitted);
            match voter {
                Ok(voter) => admitted.push((position, voter, relayed)),
                Err(error) => refuse(position, &relayed.voter, error),
            }
        }

        let (positions, to_count): (Vec<_>, Vec<_>) = admitted
            .into_iter()
            .map(|(position, voter, relayed)| {
                (
                    (position, relayed),
                    ToCount {
                        voter,
                        ballot: relayed.ballot.clone(),
                    },
                )
            })
            .unzip();
        let (outcomes, checked_alone) =
            Self::count_encrypted_ballots(election, &record, options, to_count)?;
        let mut cast = 0u32;
        for ((position, relayed), outcome) in positions.into_iter().zip(outcomes) {
            match outcome {
                Ok(()) => cast = cast.saturating_add(1),
                Err(error) => refuse(position, &relayed.voter, error),
            }
        }
        Self::deposit_event(Event::BallotsRelayed {
            election,
            cast,
            refused,
        });
        Ok(Some(Self::relay_weight(
            ballots.len() as u32,
            options,
            checked_alone,
        ))
        .into())
    }

    /// The options a batch's weight is declared for: the most any of its ballots' lengths allows
    /// (a ballot shorter than its election's fails at its length check, before any proof).
    pub fn relayed_options(ballots: &[RelayedBallot<T>]) -> u32 {
        ballots
            .iter()
            .map(|relayed| batchable::options_for_len(relayed.ballot.len()))
            .max()
            .unwrap_or(2)
            .min(Self::max_encrypted_options())
    }

    /// The weight of relaying `n` ballots of `o` options: measured for one ballot and for a full
    /// batch (`MaxRelayedBallots`), linear in between (rounded up), with every proof checked in
    /// parts that each hold together or, `checked_alone`, each ballot's alone after its part's
    /// check failed (`govchain_ballot::host::count`).
    pub fn relay_weight(n: u32, o: u32, checked_alone: bool) -> Weight {
        let one = T::WeightInfo::relay_encrypted_ballot(o);
        let full = if checked_alone {
            T::WeightInfo::relay_encrypted_ballots_checked_alone(o)
        } else {
            T::WeightInfo::relay_encrypted_ballots(o)
        };
        let intervals = u64::from(T::MaxRelayedBallots::get().saturating_sub(1)).max(1);
        let extra = full.saturating_sub(one);
        let each = Weight::from_parts(
            extra.ref_time().div_ceil(intervals),
            extra.proof_size().div_ceil(intervals),
        );
        one.saturating_add(each.saturating_mul(u64::from(n.saturating_sub(1))))
    }

    /// Counts `ballots` of encrypted election `election` (`record`, of `options` options) in
    /// order, each as if its voter cast it then: the node checks their proofs (a segment's
    /// together, as `govchain_ballot::host::count` says) and updates the sums; a voter's second ballot in the list starts a new segment, so it
    /// replaces the first. Returns each ballot's outcome, and whether any proof was checked
    /// alone. A ballot refused changes nothing; the whole list fails, changing nothing, only for
    /// an election without key or sums, or a tally that would overflow.
    pub(crate) fn count_encrypted_ballots(
        election: ElectionId,
        record: &Election<T>,
        options: u32,
        ballots: Vec<ToCount>,
    ) -> Result<(Vec<Result<(), DispatchError>>, bool), DispatchError> {
        let key = Self::election_key(election)?;
        let mut sums = EncryptedSums::<T>::get(election)
            .ok_or(Error::<T>::NoElectionKey)?
            .into_inner();
        let mut outcomes = Vec::with_capacity(ballots.len());
        let mut checked_alone = false;
        let mut segment: Vec<ToCount> = Vec::new();
        for ballot in ballots {
            if segment.iter().any(|queued| queued.voter == ballot.voter) {
                let queued = core::mem::take(&mut segment);
                let (counted, alone) =
                    Self::count_segment(election, record, options, &key, &mut sums, queued)?;
                outcomes.extend(counted);
                checked_alone |= alone;
            }
            segment.push(ballot);
        }
        let (counted, alone) =
            Self::count_segment(election, record, options, &key, &mut sums, segment)?;
        outcomes.extend(counted);
        checked_alone |= alone;
        if outcomes.iter().any(Result::is_ok) {
            let sums: BoundedVec<_, T::MaxOptions> =
                sums.try_into().map_err(|_| Error::<T>::WrongOptionCount)?;
            EncryptedSums::<T>::insert(election, sums);
        }
        Ok((outcomes, checked_alone))
    }

    /// Counts ballots of distinct voters ([`Self::count_encrypted_ballots`]) into `sums`.
    fn count_segment(
        election: ElectionId,
        record: &Election<T>,
        options: u32,
        key: &govchain_ballot::ElectionKey,
        sums: &mut Vec<govchain_ballot::Ciphertext>,
        ballots: Vec<ToCount>,
    ) -> Result<(Vec<Result<(), DispatchError>>, bool), DispatchError> {
        // A ballot counted already, by anyone, is a copy: refused before the node checks it.
        let receipts: Vec<H256> = ballots
            .iter()
            .map(|item| H256(govchain_ballot::receipt(&item.ballot)))
            .collect();
        let copied: Vec<bool> = receipts
            .iter()
            .map(|receipt| Receipts::<T>::contains_key(election, receipt))
            .collect();
        let earlier: Vec<Option<EncryptedBallot>> = ballots
            .iter()
            .map(|item| EncryptedBallots::<T>::get(election, item.voter))
            .collect();
        let first_votes = earlier
            .iter()
            .zip(&copied)
            .filter(|(earlier, copied)| earlier.is_none() && !**copied)
            .count() as u64;
        let tally = Tallies::<T>::get(election).ok_or(Error::<T>::UnknownElection)?;
        ensure!(
            tally.ballots.checked_add(first_votes).is_some(),
            Error::<T>::Overflow
        );
        let batch = host::Batch {
            key: *key,
            options,
            sums: sums.clone(),
            ballots: ballots
                .iter()
                .zip(&earlier)
                .zip(&copied)
                .filter(|(_, copied)| !**copied)
                .map(|((item, earlier), _)| host::BatchBallot {
                    context: govchain_ballot::ballot_context(election, item.voter).to_vec(),
                    ballot: item.ballot.to_vec(),
                    earlier: earlier.as_ref().map(|earlier| earlier.to_vec()),
                })
                .collect(),
        };
        let counted = if batch.ballots.is_empty() {
            host::Counted {
                sums: batch.sums,
                outcomes: Vec::new(),
            }
        } else {
            host::count_on_host(batch).map_err(Self::ballot_error)?
        };
        let checked_alone = counted
            .outcomes
            .contains(&Err(govchain_ballot::BallotError::InvalidProof));
        let mut host_outcomes = counted.outcomes.into_iter();
        let mut outcomes = Vec::with_capacity(ballots.len());
        for (((item, receipt), earlier), copied) in
            ballots.into_iter().zip(receipts).zip(earlier).zip(copied)
        {
            if copied {
                outcomes.push(Err(Error::<T>::CopiedBallot.into()));
                continue;
            }
            let outcome = host_outcomes
                .next()
                .unwrap_or(Err(govchain_ballot::BallotError::Malformed));
            if let Err(error) = outcome {
                outcomes.push(Err(Self::ballot_error(error).into()));
                continue;
            }
            Self::record_encrypted_ballot(election, record, item, receipt, earlier.is_none());
            outcomes.push(Ok(()));
        }
        *sums = counted.sums;
        Ok((outcomes, checked_alone))
    }

    /// Records `item`, counted in the sums: its receipt, the ballot in place of the voter's
    /// earlier one (`first`: none), the tally's ballots.
    fn record_encrypted_ballot(
        election: ElectionId,
        record: &Election<T>,
        item: ToCount,
        receipt: H256,
        first: bool,
    ) {
        let ToCount { voter, ballot } = item;
        if first {
            Tallies::<T>::mutate(election, |tally| {
                if let Some(tally) = tally {
                    tally.ballots = tally.ballots.saturating_add(1);
                }
            });
            Self::hold_ballot(voter, record);
        }
        if let Some(Ballot::Encrypted(old)) = Ballots::<T>::get(election, voter) {
            Receipts::<T>::remove(election, old);
        }
        Receipts::<T>::insert(election, receipt, voter);
        Ballots::<T>::insert(election, voter, Ballot::Encrypted(receipt));
        EncryptedBallots::<T>::insert(election, voter, ballot);
        Self::deposit_event(Event::EncryptedBallotCast {
            election,
            voter,
            receipt,
            replaced: !first,
        });
    }

    /// The key of encrypted election `election`, once made.
    pub(crate) fn election_key(
        election: ElectionId,
    ) -> Result<govchain_ballot::ElectionKey, DispatchError> {
        KeyCeremonies::<T>::get(election)
            .and_then(|ceremony| ceremony.key)
            .ok_or(Error::<T>::NoElectionKey.into())
    }
}

/// A ballot to count: its voter and the ballot.
pub(crate) struct ToCount {
    pub(crate) voter: CitizenId,
    pub(crate) ballot: EncryptedBallot,
}
