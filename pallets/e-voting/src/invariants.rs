//! What holds after every block and every test.

use crate::{pallet::*, types::*};
use alloc::{collections::BTreeMap, vec, vec::Vec};
use frame_support::{ensure, traits::Get};
use sp_runtime::{Permill, TryRuntimeError};

impl<T: Config> Pallet<T> {
    /// Checks the invariants of elections, ballots and tallies:
    /// - every election's id is below `NextElectionId` and it has a tally, and no tally or
    ///   ballot belongs to an election that does not exist;
    /// - an election has 2 to `MaxOptions` options with valid distinct codes, a sorted,
    ///   repeat-free, non-empty list of regions if limited to some, and a schedule that runs
    ///   forward;
    /// - its tally has one count per option; `ballots` is the number of citizens with a ballot
    ///   in it; the votes for each option are the counted ballots (public or revealed) for it;
    ///   a public poll holds only public ballots, a secret one only sealed or revealed ones,
    ///   and revealed ones only from the end of voting;
    /// - a running election has not reached its closing block and is listed under it in
    ///   `ClosingAt`, which lists nothing else; a closed one closed at its closing block, with
    ///   the ballots not counted as spoiled;
    /// - every voter's ballot is held (`BallotHeldUntil`) at least until its election closes.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        let now = frame_system::Pallet::<T>::block_number();
        let next_id = NextElectionId::<T>::get();
        let mut closing: BTreeMap<_, Vec<ElectionId>> = BTreeMap::new();
        for (id, election) in Elections::<T>::iter() {
            ensure!(id < next_id, "an election id is not below NextElectionId");
            Self::check_election(&election)?;
            let tally = Tallies::<T>::get(id).ok_or("an election has no tally")?;
            Self::check_tally(id, &election, &tally, now)?;
            match election.status {
                ElectionStatus::Running => {
                    ensure!(
                        election.closes_at() > now,
                        "a running election is past its closing block"
                    );
                    closing.entry(election.closes_at()).or_default().push(id);
                }
                ElectionStatus::Closed(closure) => {
                    ensure!(
                        closure.closed_at == election.closes_at(),
                        "an election closed at another block than its schedule's"
                    );
                    ensure!(
                        closure.spoiled == tally.ballots.saturating_sub(tally.counted()),
                        "spoiled ballots are not the ballots cast but not counted"
                    );
                    ensure!(closure.turnout <= Permill::one(), "turnout is above 100 %");
                }
                ElectionStatus::Cancelled { .. } => {}
            }
        }
        for id in Tallies::<T>::iter_keys() {
            ensure!(
                Elections::<T>::contains_key(id),
                "a tally belongs to no election"
            );
        }
        for (election, voter, _) in Ballots::<T>::iter() {
            let record = Elections::<T>::get(election).ok_or("a ballot belongs to no election")?;
            ensure!(
                BallotHeldUntil::<T>::get(voter).is_some_and(|until| until >= record.closes_at()),
                "a voter's ballot is held for less long than its election runs"
            );
        }
        let mut listed: BTreeMap<_, Vec<ElectionId>> = BTreeMap::new();
        for (block, ids) in ClosingAt::<T>::iter() {
            let mut ids = ids.into_inner();
            ensure!(!ids.is_empty(), "ClosingAt keeps an empty list");
            ids.sort_unstable();
            listed.insert(block, ids);
        }
        for ids in closing.values_mut() {
            ids.sort_unstable();
        }
        ensure!(
            listed == closing,
            "ClosingAt differs from the running elections' closing blocks"
        );
        Ok(())
    }

    fn check_election(election: &Election<T>) -> Result<(), TryRuntimeError> {
        ensure!(
            (2..=T::MaxOptions::get() as usize).contains(&election.options.len()),
            "an election has too few or too many options"
        );
        ensure!(
            election
                .options
                .iter()
                .all(|option| is_valid_option_code(&option.code)),
            "an option code is invalid"
        );
        ensure!(
            codes_are_distinct(&election.options),
            "two options share a code, ignoring case"
        );
        if let Eligibility::Regions(regions) = &election.eligibility {
            ensure!(!regions.is_empty(), "an election is limited to no region");
            ensure!(
                regions.windows(2).all(|pair| pair.first() < pair.get(1)),
                "an election's regions are not sorted or repeat"
            );
        }
        ensure!(
            election.voting_starts < election.voting_ends
                && election.voting_ends <= election.closes_at(),
            "an election's schedule does not run forward"
        );
        if let BallotMode::Secret { reveal_ends } = election.mode {
            ensure!(
                reveal_ends > election.voting_ends,
                "a secret ballot has no reveal phase"
            );
        }
        Ok(())
    }

    fn check_tally(
        id: ElectionId,
        election: &Election<T>,
        tally: &Tally<T>,
        now: frame_system::pallet_prelude::BlockNumberFor<T>,
    ) -> Result<(), TryRuntimeError> {
        ensure!(
            tally.votes.len() == election.options.len(),
            "a tally does not count each option once"
        );
        let secret = matches!(election.mode, BallotMode::Secret { .. });
        let mut ballots = 0u64;
        let mut votes = vec![0u64; election.options.len()];
        for ballot in Ballots::<T>::iter_prefix_values(id) {
            ballots = ballots.saturating_add(1);
            let counted = match ballot {
                Ballot::Public(option) => {
                    ensure!(!secret, "a secret ballot holds a public vote");
                    Some(option)
                }
                Ballot::Sealed(_) => {
                    ensure!(secret, "a public poll holds a sealed ballot");
                    None
                }
                Ballot::Revealed(option) => {
                    ensure!(secret, "a public poll holds a revealed ballot");
                    ensure!(
                        now >= election.voting_ends,
                        "a ballot was revealed while voting was open"
                    );
                    Some(option)
                }
            };
            if let Some(option) = counted {
                let count = votes
                    .get_mut(usize::from(option))
                    .ok_or("a ballot names an option beyond the ballot")?;
                *count = count.saturating_add(1);
            }
        }
        ensure!(
            tally.ballots == ballots,
            "ballots cast differ from the citizens with a ballot"
        );
        ensure!(
            tally.votes.as_slice() == votes.as_slice(),
            "the votes per option differ from the counted ballots"
        );
        Ok(())
    }
}
