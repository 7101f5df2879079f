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
        let mut deadlines: BTreeMap<_, Vec<(ElectionId, Deadline)>> = BTreeMap::new();
        for (id, election) in Elections::<T>::iter() {
            ensure!(id < next_id, "an election id is not below NextElectionId");
            Self::check_election(&election)?;
            let tally = Tallies::<T>::get(id).ok_or("an election has no tally")?;
            Self::check_tally(id, &election, &tally, now)?;
            if let BallotMode::Encrypted { tally_ends, .. } = election.mode {
                Self::check_encrypted(id, &election, &tally, now)?;
                let key_made = KeyCeremonies::<T>::get(id).is_some_and(|c| c.key.is_some());
                match election.status {
                    ElectionStatus::Running if !key_made => {
                        deadlines
                            .entry(election.voting_starts)
                            .or_default()
                            .push((id, Deadline::ElectionKey));
                        deadlines
                            .entry(tally_ends)
                            .or_default()
                            .push((id, Deadline::Tally));
                    }
                    ElectionStatus::Running | ElectionStatus::Tallying(_) => {
                        deadlines
                            .entry(tally_ends)
                            .or_default()
                            .push((id, Deadline::Tally));
                    }
                    _ => {}
                }
            } else {
                ensure!(
                    !KeyCeremonies::<T>::contains_key(id),
                    "an election that is not encrypted has a key ceremony"
                );
            }
            match election.status {
                ElectionStatus::Running => {
                    ensure!(
                        election.closes_at() > now,
                        "a running election is past its closing block"
                    );
                    closing.entry(election.closes_at()).or_default().push(id);
                }
                ElectionStatus::Closed(closure) | ElectionStatus::Tallying(closure) => {
                    ensure!(
                        closure.closed_at == election.closes_at(),
                        "an election closed at another block than its schedule's"
                    );
                    if !election.is_encrypted() {
                        ensure!(
                            closure.spoiled == tally.ballots.saturating_sub(tally.counted()),
                            "spoiled ballots are not the ballots cast but not counted"
                        );
                    }
                    ensure!(closure.turnout <= Permill::one(), "turnout is above 100 %");
                }
                ElectionStatus::Failed { .. } => {
                    ensure!(election.is_encrypted(), "only an encrypted election fails");
                }
                ElectionStatus::Cancelled { .. } => {}
            }
        }
        let mut listed: BTreeMap<_, Vec<(ElectionId, Deadline)>> = BTreeMap::new();
        for (block, due) in Deadlines::<T>::iter() {
            let mut due = due.into_inner();
            ensure!(!due.is_empty(), "Deadlines keeps an empty list");
            due.sort_unstable();
            listed.insert(block, due);
        }
        for due in deadlines.values_mut() {
            due.sort_unstable();
        }
        ensure!(
            listed == deadlines,
            "Deadlines differs from the encrypted elections' key and tally deadlines"
        );
        for id in KeyCeremonies::<T>::iter_keys() {
            ensure!(
                Elections::<T>::contains_key(id),
                "a key ceremony belongs to no election"
            );
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
        let encrypted = election.is_encrypted();
        let mut ballots = 0u64;
        let mut votes = vec![0u64; election.options.len()];
        for ballot in Ballots::<T>::iter_prefix_values(id) {
            ballots = ballots.saturating_add(1);
            let counted = match ballot {
                Ballot::Public(option) => {
                    ensure!(!secret && !encrypted, "a secret ballot holds a public vote");
                    Some(option)
                }
                Ballot::Sealed(_) => {
                    ensure!(secret, "a public poll holds a sealed ballot");
                    None
                }
                Ballot::Encrypted(_) => {
                    ensure!(
                        encrypted,
                        "an election not encrypted holds an encrypted ballot"
                    );
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
        if encrypted {
            // Checked with the published counts in `check_encrypted`.
            return Ok(());
        }
        ensure!(
            tally.votes.as_slice() == votes.as_slice(),
            "the votes per option differ from the counted ballots"
        );
        Ok(())
    }

    /// An encrypted election: its ceremony names 3 to 15 trustees of distinct institutions
    /// with a threshold between 2 and their number; every ballot it holds is stored with a
    /// matching receipt and no other is; its encrypted sums are the sum of its stored ballots;
    /// no count is known before it closes, and the counts of a closed one add up to its
    /// ballots (each encrypted exactly one vote); decryption shares come only while tallying
    /// or after, from trustees with a key share.
    fn check_encrypted(
        id: ElectionId,
        election: &Election<T>,
        tally: &Tally<T>,
        now: frame_system::pallet_prelude::BlockNumberFor<T>,
    ) -> Result<(), TryRuntimeError> {
        let ceremony =
            KeyCeremonies::<T>::get(id).ok_or("an encrypted election has no ceremony")?;
        let trustees = ceremony.trustees.len() as u32;
        ensure!(
            (govchain_ballot::MIN_TRUSTEES..=govchain_ballot::MAX_TRUSTEES).contains(&trustees),
            "an encrypted election has too few or too many trustees"
        );
        ensure!(
            (2..=trustees).contains(&u32::from(ceremony.threshold)),
            "an encrypted election's threshold is out of range"
        );
        let mut institutions: Vec<_> = ceremony
            .trustees
            .iter()
            .map(|trustee| trustee.institution)
            .collect();
        institutions.sort_unstable();
        ensure!(
            institutions
                .windows(2)
                .all(|pair| pair.first() != pair.get(1)),
            "two trustees serve the same institution"
        );
        ensure!(
            ceremony.key.is_none() || now >= election.voting_starts,
            "an election key was made before voting started"
        );
        let mut stored = 0u64;
        for (voter, bytes) in EncryptedBallots::<T>::iter_prefix(id) {
            stored = stored.saturating_add(1);
            let receipt = sp_core::H256(govchain_ballot::receipt(&bytes));
            ensure!(
                Ballots::<T>::get(id, voter) == Some(Ballot::Encrypted(receipt)),
                "a stored encrypted ballot is not the voter's counted ballot"
            );
            ensure!(
                Receipts::<T>::get(id, receipt) == Some(voter),
                "a stored encrypted ballot has no receipt"
            );
        }
        ensure!(
            stored == tally.ballots,
            "encrypted ballots stored differ from the ballots cast"
        );
        ensure!(
            Receipts::<T>::iter_prefix(id).count() as u64 == stored,
            "a receipt names no stored ballot"
        );
        match (EncryptedSums::<T>::get(id), ceremony.key) {
            (Some(sums), Some(_)) => {
                let recomputed = Self::recomputed_sums(id, election.options.len())
                    .ok_or("a stored encrypted ballot does not decode")?;
                ensure!(
                    sums.as_slice() == recomputed.as_slice(),
                    "the encrypted sums are not the sum of the stored ballots"
                );
            }
            (None, None) => {}
            _ => {
                return Err(
                    "an election has encrypted sums without a key, or a key without sums".into(),
                )
            }
        }
        let closed = matches!(election.status, ElectionStatus::Closed(_));
        if closed {
            ensure!(
                tally.counted() == tally.ballots,
                "an encrypted election's counts do not add up to its ballots"
            );
        } else {
            ensure!(
                tally.votes.iter().all(|votes| *votes == 0),
                "an encrypted election's counts are known before it closed"
            );
        }
        for (position, _) in DecryptionShares::<T>::iter_prefix(id) {
            ensure!(
                matches!(
                    election.status,
                    ElectionStatus::Tallying(_)
                        | ElectionStatus::Closed(_)
                        | ElectionStatus::Cancelled { .. }
                        | ElectionStatus::Failed {
                            reason: Failure::NoTally,
                            ..
                        }
                ),
                "decryption shares were posted before the tally"
            );
            ensure!(
                ceremony
                    .trustees
                    .get(usize::from(position))
                    .is_some_and(|trustee| trustee.key_share.is_some()),
                "decryption shares come from a trustee without a key share"
            );
        }
        Ok(())
    }
}
