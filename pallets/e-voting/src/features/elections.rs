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
    ) -> Result<(Election<T>, BlockNumberFor<T>), DispatchError> {
        let options = Self::checked_options(spec.options)?;
        let eligibility = Self::checked_eligibility(spec.regions)?;
        let now = frame_system::Pallet::<T>::block_number();
        ensure!(spec.voting_starts >= now, Error::<T>::StartsInPast);
        ensure!(
            spec.voting_ends > spec.voting_starts,
            Error::<T>::EmptyVotingPeriod
        );
        if let BallotMode::Secret { reveal_ends } = spec.mode {
            ensure!(
                reveal_ends > spec.voting_ends,
                Error::<T>::EmptyRevealPeriod
            );
        }
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
            closes_at <= now.saturating_add(T::MaxScheduleLength::get()),
            Error::<T>::ScheduleTooLong
        );
        ensure!(
            ClosingAt::<T>::decode_len(closes_at).unwrap_or(0)
                < T::MaxClosingPerBlock::get() as usize,
            Error::<T>::ClosingBlockFull
        );
        Ok((election, closes_at))
    }

    /// Creates `election`, checked by [`Self::checked_election`], closing at `closes_at`.
    pub(crate) fn do_create_election(
        election: Election<T>,
        closes_at: BlockNumberFor<T>,
    ) -> DispatchResult {
        let tally = Tally::<T> {
            votes: BoundedVec::try_from(alloc::vec![0u64; election.options.len()])
                .map_err(|_| Error::<T>::TooManyOptions)?,
            ballots: 0,
        };
        let id = NextElectionId::<T>::get();
        let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
        ClosingAt::<T>::try_mutate(closes_at, |closing| closing.try_push(id))
            .map_err(|_| Error::<T>::ClosingBlockFull)?;

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
                ElectionStatus::Running => {}
                ElectionStatus::Cancelled { .. } => {
                    return Err(Error::<T>::ElectionCancelled.into())
                }
                ElectionStatus::Closed(_) => return Err(Error::<T>::ElectionClosed.into()),
            }
            if let Canceller::Commission(commission) = by {
                ensure!(
                    record.commission == commission,
                    Error::<T>::NotElectionCommission
                );
                ensure!(now < record.voting_starts, Error::<T>::VotingStarted);
            }
            record.status = ElectionStatus::Cancelled { by, at: now };
            Ok::<_, DispatchError>(record.closes_at())
        })?;
        ClosingAt::<T>::mutate_exists(closes_at, |closing| {
            if let Some(ids) = closing {
                ids.retain(|id| *id != election);
                if ids.is_empty() {
                    *closing = None;
                }
            }
        });
        Self::deposit_event(Event::ElectionCancelled { election, by });
        Ok(())
    }
}
