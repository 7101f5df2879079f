//! Elections as referendums' ballots: the governance pallet asks through
//! [`ReferendumBallots`] whether an election may decide a constitutional motion, and what it
//! decided.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult};
use govchain_primitives::{
    identity::{IdentityProvider, Role},
    voting::{ReferendumBallots, ReferendumOutcome},
};

impl<T: Config> ReferendumBallots<T::AccountId> for Pallet<T> {
    fn ensure_referendum_ballot(officer: &T::AccountId, election: u32) -> DispatchResult {
        let commission = T::Identity::ensure_role(officer, Role::ElectionCommission)?;
        let record = Elections::<T>::get(election).ok_or(Error::<T>::UnknownElection)?;
        ensure!(
            record.commission == commission,
            Error::<T>::NotElectionCommission
        );
        match record.status {
            ElectionStatus::Running => {}
            ElectionStatus::Cancelled { .. } => return Err(Error::<T>::ElectionCancelled.into()),
            ElectionStatus::Closed(_) | ElectionStatus::Tallying(_) => {
                return Err(Error::<T>::ElectionClosed.into())
            }
            ElectionStatus::Failed { .. } => return Err(Error::<T>::ElectionFailed.into()),
        }
        ensure!(
            frame_system::Pallet::<T>::block_number() < record.voting_starts,
            Error::<T>::VotingStarted
        );
        let asks_yes_then_no = matches!(
            record.options.as_slice(),
            [yes, no] if yes.code.as_slice() == b"YES" && no.code.as_slice() == b"NO"
        );
        ensure!(
            asks_yes_then_no
                && matches!(record.eligibility, Eligibility::AllCitizens)
                && !matches!(record.mode, BallotMode::Secret { .. }),
            Error::<T>::NotAReferendumBallot
        );
        Ok(())
    }

    fn outcome(election: u32) -> ReferendumOutcome {
        let Some(record) = Elections::<T>::get(election) else {
            return ReferendumOutcome::Void;
        };
        match record.status {
            ElectionStatus::Running | ElectionStatus::Tallying(_) => ReferendumOutcome::Pending,
            ElectionStatus::Cancelled { .. } | ElectionStatus::Failed { .. } => {
                ReferendumOutcome::Void
            }
            ElectionStatus::Closed(closure) => {
                let Some(tally) = Tallies::<T>::get(election) else {
                    return ReferendumOutcome::Void;
                };
                match tally.votes.as_slice() {
                    [yes, no] => ReferendumOutcome::Decided {
                        yes: *yes,
                        no: *no,
                        ballots: tally.ballots,
                        eligible: closure.eligible,
                    },
                    _ => ReferendumOutcome::Void,
                }
            }
        }
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_ballot(officer: &T::AccountId) -> u32 {
        let commission = T::Identity::benchmark_officer(officer, Role::ElectionCommission);
        let now = frame_system::Pallet::<T>::block_number();
        let option = |code: &[u8]| BallotOption {
            code: frame_support::BoundedVec::truncate_from(code.to_vec()),
            text_hash: sp_core::H256::repeat_byte(1),
        };
        let election = Election::<T> {
            commission,
            question_hash: sp_core::H256::repeat_byte(2),
            options: frame_support::BoundedVec::truncate_from(alloc::vec![
                option(b"YES"),
                option(b"NO")
            ]),
            eligibility: Eligibility::AllCitizens,
            // Well after now: the benchmark machinery moves a chain at block 0 to block 1
            // between the setup and the call, and the ballot must not have started by then.
            voting_starts: sp_runtime::Saturating::saturating_add(now, 10u32.into()),
            voting_ends: sp_runtime::Saturating::saturating_add(now, 11u32.into()),
            mode: BallotMode::Public,
            status: ElectionStatus::Running,
        };
        let id = NextElectionId::<T>::get();
        NextElectionId::<T>::put(id.saturating_add(1));
        Tallies::<T>::insert(
            id,
            Tally::<T> {
                votes: frame_support::BoundedVec::truncate_from(alloc::vec![0, 0]),
                ballots: 0,
            },
        );
        Elections::<T>::insert(id, election);
        id
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_approve(election: u32) {
        let now = frame_system::Pallet::<T>::block_number();
        Elections::<T>::mutate(election, |record| {
            if let Some(record) = record {
                record.status = ElectionStatus::Closed(Closure {
                    closed_at: now,
                    eligible: 4,
                    spoiled: 0,
                    turnout: sp_runtime::Permill::one(),
                });
            }
        });
        Tallies::<T>::insert(
            election,
            Tally::<T> {
                votes: frame_support::BoundedVec::truncate_from(alloc::vec![3, 1]),
                ballots: 4,
            },
        );
    }
}
