//! Constitutional motions and their referendums: proposing, offering the ballot, concluding.

use crate::pallet::*;
use frame_support::{
    dispatch::{DispatchResultWithPostInfo, GetDispatchInfo, PostDispatchInfo},
    ensure,
    pallet_prelude::*,
    traits::{Contains, QueryPreimage, StorePreimage, UnfilteredDispatchable},
    weights::Weight,
};
use govchain_primitives::voting::{ReferendumBallots, ReferendumOutcome};
use sp_runtime::{traits::Saturating, Perbill};

use crate::WeightInfo;

impl<T: Config> Pallet<T> {
    pub(crate) fn do_propose_constitutional(
        call: <T as Config>::RuntimeCall,
        legal_reference: LegalReferenceOf<T>,
    ) -> DispatchResult {
        legal_reference.validate::<T>()?;
        ensure!(
            T::ConstitutionalCalls::contains(&call),
            Error::<T>::NotConstitutional
        );
        ensure!(
            ConstitutionalMotions::<T>::count() < T::MaxConstitutionalMotions::get(),
            Error::<T>::TooManyMotions
        );
        let motion = NextMotionId::<T>::get();
        let next = motion.checked_add(1).ok_or(Error::<T>::Overflow)?;
        let call_weight = call.get_dispatch_info().call_weight;
        let call = T::Preimages::bound(call)?;
        // Kept in the motion itself: no preimage to lose while the citizens vote.
        ensure!(!call.lookup_needed(), Error::<T>::CallTooLarge);
        let ballot_due =
            frame_system::Pallet::<T>::block_number().saturating_add(T::BallotPeriod::get());
        NextMotionId::<T>::put(next);
        ConstitutionalMotions::<T>::insert(
            motion,
            ConstitutionalMotion {
                call,
                call_weight,
                legal_reference: legal_reference.clone(),
                ballot: ReferendumBallot::Awaited { until: ballot_due },
            },
        );
        Self::deposit_event(Event::ConstitutionalMotionProposed {
            motion,
            legal_reference,
            ballot_due,
        });
        Ok(())
    }

    pub(crate) fn do_attach_ballot(
        officer: &T::AccountId,
        motion: MotionId,
        election: u32,
    ) -> DispatchResult {
        // The officer first: whoever is not a commission's officer learns nothing more.
        T::ReferendumBallots::ensure_referendum_ballot(officer, election)?;
        let mut record =
            ConstitutionalMotions::<T>::get(motion).ok_or(Error::<T>::UnknownMotion)?;
        let ReferendumBallot::Awaited { until } = record.ballot else {
            return Err(Error::<T>::BallotAttached.into());
        };
        ensure!(
            frame_system::Pallet::<T>::block_number() < until,
            Error::<T>::BallotOverdue
        );
        ensure!(
            !ConstitutionalMotions::<T>::iter_values()
                .any(|other| other.ballot == ReferendumBallot::Election(election)),
            Error::<T>::ElectionInUse
        );
        record.ballot = ReferendumBallot::Election(election);
        ConstitutionalMotions::<T>::insert(motion, record);
        Self::deposit_event(Event::ReferendumOpened { motion, election });
        Ok(())
    }

    pub(crate) fn do_conclude_referendum(
        motion: MotionId,
        max_weight: Weight,
    ) -> DispatchResultWithPostInfo {
        let record = ConstitutionalMotions::<T>::get(motion).ok_or(Error::<T>::UnknownMotion)?;
        let lapsed = |reason: Lapse| -> DispatchResultWithPostInfo {
            Self::forget(motion);
            Self::deposit_event(Event::ConstitutionalMotionLapsed { motion, reason });
            Ok(Some(T::WeightInfo::conclude_referendum()).into())
        };
        let election = match record.ballot {
            ReferendumBallot::Awaited { until } => {
                ensure!(
                    frame_system::Pallet::<T>::block_number() >= until,
                    Error::<T>::ReferendumNotOver
                );
                return lapsed(Lapse::NoBallot);
            }
            ReferendumBallot::Election(election) => election,
        };
        let (yes, no, ballots, eligible) = match T::ReferendumBallots::outcome(election) {
            ReferendumOutcome::Pending => return Err(Error::<T>::ReferendumNotOver.into()),
            ReferendumOutcome::Void => return lapsed(Lapse::BallotVoid),
            ReferendumOutcome::Decided {
                yes,
                no,
                ballots,
                eligible,
            } => (yes, no, ballots, eligible),
        };
        if !approves(T::ReferendumMajority::get(), yes, no) {
            return lapsed(Lapse::Rejected { yes, no });
        }
        if !reaches(T::ReferendumQuorum::get(), ballots, eligible) {
            return lapsed(Lapse::NoQuorum { ballots, eligible });
        }
        ensure!(
            record.call_weight.all_lte(max_weight),
            Error::<T>::WeightBoundTooLow
        );
        // An act that no longer decodes (a runtime upgrade changed its call) lapses.
        let Ok((call, _)) = T::Preimages::peek(&record.call) else {
            return lapsed(Lapse::ActUnavailable);
        };
        Self::forget(motion);
        let outcome = call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into());
        let actual = outcome
            .map(|info: PostDispatchInfo| info.actual_weight)
            .unwrap_or_else(|error| error.post_info.actual_weight)
            .unwrap_or(record.call_weight);
        Self::deposit_event(Event::ConstitutionalMotionEnacted {
            motion,
            yes,
            no,
            ballots,
            eligible,
            result: outcome.map(|_| ()).map_err(|error| error.error),
        });
        Ok(Some(T::WeightInfo::conclude_referendum().saturating_add(actual)).into())
    }

    /// Removes `motion` (its act is kept inline: no preimage to release).
    fn forget(motion: MotionId) {
        ConstitutionalMotions::<T>::remove(motion);
    }

    /// The constitutional motions' invariants: at most `MaxConstitutionalMotions`, numbered
    /// below `NextMotionId`, each election deciding one motion at most.
    pub(crate) fn referendum_invariants() -> Result<(), sp_runtime::TryRuntimeError> {
        let motions: alloc::vec::Vec<(MotionId, ConstitutionalMotion<T>)> =
            ConstitutionalMotions::<T>::iter().collect();
        ensure!(
            motions.len() as u32 == ConstitutionalMotions::<T>::count()
                && ConstitutionalMotions::<T>::count() <= T::MaxConstitutionalMotions::get(),
            "constitutional motions miscounted or too many"
        );
        let next = NextMotionId::<T>::get();
        ensure!(
            motions.iter().all(|(motion, _)| *motion < next),
            "a constitutional motion numbered beyond the next number"
        );
        let mut elections: alloc::vec::Vec<u32> = motions
            .iter()
            .filter_map(|(_, record)| match record.ballot {
                ReferendumBallot::Election(election) => Some(election),
                ReferendumBallot::Awaited { .. } => None,
            })
            .collect();
        let attached = elections.len();
        elections.sort_unstable();
        elections.dedup();
        ensure!(
            elections.len() == attached,
            "one election decides two constitutional motions"
        );
        Ok(())
    }
}

/// Whether `yes` is more than `majority` of the `yes` and `no` votes.
pub(crate) fn approves(majority: Perbill, yes: u64, no: u64) -> bool {
    let votes = yes.saturating_add(no);
    votes > 0 && yes > majority.mul_floor(votes)
}

/// Whether `ballots` is at least `quorum` of `eligible`.
pub(crate) fn reaches(quorum: Perbill, ballots: u64, eligible: u64) -> bool {
    ballots >= quorum.mul_ceil(eligible)
}
