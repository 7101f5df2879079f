//! Closing elections at the start of their closing block: the tally is already counted, so
//! closing fixes it with the electorate, the spoiled ballots and the turnout. An encrypted
//! election's voting closes the same way, and its tally begins.

use crate::{pallet::*, types::*};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::IdentityProvider;
use sp_runtime::Permill;

impl<T: Config> Pallet<T> {
    /// Closes the elections due at `now`; returns how many.
    pub(crate) fn close_elections_due(now: BlockNumberFor<T>) -> u32 {
        let due = ClosingAt::<T>::get(now);
        if due.is_empty() {
            return 0;
        }
        ClosingAt::<T>::remove(now);
        for election in &due {
            Self::close(*election, now);
        }
        due.len() as u32
    }

    fn close(election: ElectionId, now: BlockNumberFor<T>) {
        let Some(mut record) = Elections::<T>::get(election) else {
            return;
        };
        if record.status != ElectionStatus::Running {
            return;
        }
        let tally = Tallies::<T>::get(election).unwrap_or_else(|| Tally::<T> {
            votes: Default::default(),
            ballots: 0,
        });
        let eligible = match &record.eligibility {
            Eligibility::AllCitizens => T::Identity::active_citizens(),
            Eligibility::Regions(regions) => regions.iter().fold(0u64, |sum, region| {
                sum.saturating_add(T::Identity::active_citizens_in(*region))
            }),
        };
        let encrypted = record.is_encrypted();
        let closure = Closure {
            closed_at: now,
            eligible,
            // Every encrypted ballot is counted: its proof showed it holds one vote.
            spoiled: if encrypted {
                0
            } else {
                tally.ballots.saturating_sub(tally.counted())
            },
            turnout: if eligible == 0 {
                Permill::zero()
            } else {
                Permill::from_rational(tally.ballots.min(eligible), eligible)
            },
        };
        if encrypted {
            record.status = ElectionStatus::Tallying(closure);
            Elections::<T>::insert(election, record);
            Self::deposit_event(Event::TallyOpened {
                election,
                ballots: tally.ballots,
                closure,
            });
            return;
        }
        record.status = ElectionStatus::Closed(closure);
        Elections::<T>::insert(election, record);
        Self::deposit_event(Event::ElectionClosed {
            election,
            votes: tally.votes,
            ballots: tally.ballots,
            closure,
        });
    }
}
