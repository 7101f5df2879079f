//! Creating and cancelling elections.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::{InstitutionId, RegionCode};
use sp_runtime::{traits::Saturating, DispatchError};

impl<T: Config> Pallet<T> {
    /// The election `commission` asks for with `spec`, and the block it closes at, if it may be
    /// created: every check of a new election, before it changes anything.
    pub(crate) fn checked_election(
        commission: InstitutionId,
        spec: ElectionSpec<T>,
    ) -> Result<CheckedElection<T>, DispatchError> {
        let options = Self::checked_options(spec.options)?;
        let eligibility = Self::checked_eligibility(spec.regions)?;
        let now = frame_system::Pallet::<T>::block_number();
        ensure!(spec.voting_starts >= now, Error::<T>::StartsInPast);
        ensure!(
            spec.voting_ends > spec.voting_starts,
            Error::<T>::EmptyVotingPeriod
        );
        let mut ceremony = None;
        match spec.mode {
            BallotMode::Public => {}
            // Its choices become public at the reveal; the elections created before its
            // retirement run to their end.
            BallotMode::Secret { .. } => return Err(Error::<T>::CommitRevealRetired.into()),
            BallotMode::Encrypted {
                threshold,
                tally_ends,
            } => {
                ensure!(
                    options.len() as u32 <= Self::max_encrypted_options(),
                    Error::<T>::TooManyOptionsToEncrypt
                );
                ensure!(tally_ends > spec.voting_ends, Error::<T>::EmptyTallyPeriod);
                ceremony = Some(Self::checked_ceremony(
                    threshold,
                    spec.trustees.clone(),
                    now,
                    spec.voting_starts,
                )?);
                ensure!(
                    Self::deadline_has_room(spec.voting_starts)
                        && Self::deadline_has_room(tally_ends),
                    Error::<T>::ClosingBlockFull
                );
            }
        }
        ensure!(
            ceremony.is_some() || spec.trustees.is_empty(),
            Error::<T>::TrusteesNotUsed
        );
        let election = Election::<T> {
            commission,
            question_hash: spec.question_hash,
            options,
            eligibility,
            voting_starts: spec.voting_starts,
            voting_ends: spec.voting_ends,
            mode: spec.mode,
            status: ElectionStatus::Running,
        };
        let closes_at = election.closes_at();
        ensure!(
            election.schedule_ends() <= now.saturating_add(T::MaxScheduleLength::get()),
            Error::<T>::ScheduleTooLong
        );
        ensure!(
            ClosingAt::<T>::decode_len(closes_at).unwrap_or(0)
                < T::MaxClosingPerBlock::get() as usize,
            Error::<T>::ClosingBlockFull
        );
        Ok(CheckedElection {
            election,
            closes_at,
            ceremony,
        })
    }

    /// Creates the election checked by [`Self::checked_election`].
    pub(crate) fn do_create_election(checked: CheckedElection<T>) -> DispatchResult {
        let CheckedElection {
            election,
            closes_at,
            ceremony,
        } = checked;
        let tally = Tally::<T> {
            votes: BoundedVec::try_from(alloc::vec![0u64; election.options.len()])
                .map_err(|_| Error::<T>::TooManyOptions)?,
            ballots: 0,
        };
        let id = NextElectionId::<T>::get();
        let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
        ClosingAt::<T>::try_mutate(closes_at, |closing| closing.try_push(id))
            .map_err(|_| Error::<T>::ClosingBlockFull)?;

        if let (Some(ceremony), BallotMode::Encrypted { tally_ends, .. }) =
            (ceremony, election.mode)
        {
            Self::schedule_deadlines(id, election.voting_starts, tally_ends)?;
            KeyCeremonies::<T>::insert(id, ceremony);
        }
        NextElectionId::<T>::put(next);
        Tallies::<T>::insert(id, tally);
        Self::deposit_event(Event::ElectionCreated {
            election: id,
            commission: election.commission,
            mode: election.mode,
            voting_starts: election.voting_starts,
            voting_ends: election.voting_ends,
        });
        Elections::<T>::insert(id, election);
        Ok(())
    }

    fn checked_options(
        options: BoundedVec<BallotOption, T::MaxOptions>,
    ) -> Result<BoundedVec<BallotOption, T::MaxOptions>, DispatchError> {
        ensure!(options.len() >= 2, Error::<T>::TooFewOptions);
        ensure!(
            options
                .iter()
                .all(|option| is_valid_option_code(&option.code)),
            Error::<T>::InvalidOptionCode
        );
        ensure!(
            codes_are_distinct(&options),
            Error::<T>::DuplicateOptionCode
        );
        Ok(options)
    }

    fn checked_eligibility(
        regions: Option<BoundedVec<RegionCode, T::MaxRegions>>,
    ) -> Result<Eligibility<T::MaxRegions>, DispatchError> {
        let Some(mut regions) = regions else {
            return Ok(Eligibility::AllCitizens);
        };
        ensure!(!regions.is_empty(), Error::<T>::NoRegions);
        regions.as_mut().sort_unstable();
        ensure!(
            !regions
                .windows(2)
                .any(|pair| matches!(pair, [a, b] if a == b)),
            Error::<T>::DuplicateRegion
        );
        Ok(Eligibility::Regions(regions))
    }

    pub(crate) fn do_cancel(election: ElectionId, by: Canceller) -> DispatchResult {
        let now = frame_system::Pallet::<T>::block_number();
        let closes_at = Elections::<T>::try_mutate(election, |record| {
            let record = record.as_mut().ok_or(Error::<T>::UnknownElection)?;
            match record.status {
                // The council may stop a tally too (a commission's cancel is refused below, as
                // voting started).
                ElectionStatus::Running | ElectionStatus::Tallying(_) => {}
                ElectionStatus::Cancelled { .. } => {
                    return Err(Error::<T>::ElectionCancelled.into())
                }
                ElectionStatus::Closed(_) => return Err(Error::<T>::ElectionClosed.into()),
                ElectionStatus::Failed { .. } => return Err(Error::<T>::ElectionFailed.into()),
            }
            if let Canceller::Commission(commission) = by {
                ensure!(
                    record.commission == commission,
                    Error::<T>::NotElectionCommission
                );
                ensure!(now < record.voting_starts, Error::<T>::VotingStarted);
            }
            Self::remove_deadline(election, record, Deadline::ElectionKey);
            Self::remove_deadline(election, record, Deadline::Tally);
            record.status = ElectionStatus::Cancelled { by, at: now };
            Ok::<_, DispatchError>(record.closes_at())
        })?;
        Self::unschedule_closing(election, closes_at);
        Self::deposit_event(Event::ElectionCancelled { election, by });
        Ok(())
    }

    /// Takes `election` off the list of elections closing at `closes_at`.
    pub(crate) fn unschedule_closing(election: ElectionId, closes_at: BlockNumberFor<T>) {
        ClosingAt::<T>::mutate_exists(closes_at, |closing| {
            if let Some(ids) = closing {
                ids.retain(|id| *id != election);
                if ids.is_empty() {
                    *closing = None;
                }
            }
        });
    }
}

/// An election ready to be created: its record, its closing block, and an encrypted election's
/// key ceremony.
pub(crate) struct CheckedElection<T: Config> {
    pub election: Election<T>,
    pub closes_at: BlockNumberFor<T>,
    pub ceremony: Option<KeyCeremony<T>>,
}
