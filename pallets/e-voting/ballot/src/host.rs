//! Counting ballots on the node: checking a batch of ballots and adding them to an election's
//! sums is group arithmetic that runs about 2.7 times faster natively than in the runtime's wasm
//! (`docs/performance.md`), so the runtime asks the node to do it through a **host function**,
//! [`ballot_host::count_ballots`], the first lever issue 22 names.
//!
//! What the runtime gives and gets back is plain data ([`Batch`] in, the new sums and one
//! outcome per ballot out); the node runs [`count`], the same code a native runtime (the tests,
//! the tally verifier) calls directly, so the wasm runtime and every node agree by construction.
//! The function is versioned and frozen: a new ballot format, or any change to what it decides,
//! is a new version the runtime switches to only after every validator runs a node that has it.
//!
//! What it costs: every node (validators, RPC nodes, archive nodes) and every tool that executes
//! blocks holding ballots (a block importer, `try-runtime`, `benchmark pallet`) must provide it
//! ([`ballot_host::HostFunctions`]); the node's executor and its benchmark commands do. A light
//! client (smoldot) compiles the runtime with unknown host functions left unresolved: it never
//! executes a block, and of the runtime calls it makes (storage proofs, runtime API queries)
//! none counts ballots, so it is unaffected; a call that did would fail there with an error, not
//! return a wrong answer.

use crate::{batchable, BallotError, Ciphertext, ElectionKey, Sums};
use alloc::vec::Vec;
use codec::{Decode, Encode};

/// A batch of ballots of one election, to check and count into its sums.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
pub struct Batch {
    /// The election's key.
    pub key: ElectionKey,
    /// The election's options.
    pub options: u32,
    /// The election's sums before the batch.
    pub sums: Vec<Ciphertext>,
    /// The ballots, no voter twice.
    pub ballots: Vec<BatchBallot>,
}

/// One ballot of a [`Batch`].
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
pub struct BatchBallot {
    /// What the ballot's proof is bound to ([`crate::ballot_context`]).
    pub context: Vec<u8>,
    /// The ballot, in the current format.
    pub ballot: Vec<u8>,
    /// The voter's ballot counted so far, in either format, subtracted when this one is
    /// counted.
    pub earlier: Option<Vec<u8>>,
}

/// What counting a [`Batch`] gave.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Counted {
    /// The election's sums after the batch.
    pub sums: Vec<Ciphertext>,
    /// Each ballot's outcome, in order: counted, or why not.
    pub outcomes: Vec<Result<(), BallotError>>,
}

/// Checks every ballot of `batch` (the proofs of each [`PART`] of it in one batch check, each
/// alone only if that fails) and counts each that holds: its voter's earlier ballot subtracted
/// from the sums, the ballot added, in the batch's order. A ballot refused changes nothing; the
/// whole batch fails only for a key or sums that are no points.
///
/// Natively the parts are checked on several threads at once ([`MAX_THREADS`]: a validator's
/// spare cores work on one block's ballots together); what is decided does not depend on how
/// many: the parts are fixed by the batch alone, a ballot's outcome is its own proof's, and only
/// the counting, in order, changes the sums. The runtime's weights are measured on one thread
/// (`GOVCHAIN_BALLOT_THREADS=1`, as `scripts/benchmark-weights.sh` runs), so the other threads
/// are headroom, never a cost the block's weight leaves out.
pub fn count(batch: &Batch) -> Result<Counted, BallotError> {
    crate::group::election_key(&batch.key)?;
    let mut sums = Sums::decode(&batch.sums)?;
    let parts: Vec<&[BatchBallot]> = batch.ballots.chunks(PART).collect();
    let prepared = prepare_parts(&batch.key, batch.options, &parts)?;
    let outcomes = prepared
        .into_iter()
        .map(|prepared| {
            let (checked, earlier) = prepared?;
            let mut updated = sums.clone();
            if let Some(earlier) = &earlier {
                updated.subtract_decoded(earlier)?;
            }
            updated.add(&checked)?;
            sums = updated;
            Ok(())
        })
        .collect();
    Ok(Counted {
        sums: sums.encode(),
        outcomes,
    })
}

/// Ballots of a [`Batch`] whose proofs are checked together: a batch's parts, each checked on
/// its own (on its own thread, natively). Larger parts check a little faster per ballot (one
/// multi-scalar multiplication over more points); 32 lets a full relayed batch (64) use two
/// cores.
pub const PART: usize = 32;

/// The most threads a node uses to check one batch's parts (never more than the batch has
/// parts, nor than the machine's cores; `GOVCHAIN_BALLOT_THREADS` sets fewer, e.g. 1 to measure
/// weights).
pub const MAX_THREADS: usize = 4;

/// A ballot whose proof holds, with its voter's earlier ballot decoded (to subtract), or why it
/// cannot be counted.
type Prepared = Result<(batchable::Checked, Option<Sums>), BallotError>;

/// Checks one part's proofs and decodes its earlier ballots.
fn prepare(
    key: &ElectionKey,
    options: u32,
    part: &[BatchBallot],
) -> Result<Vec<Prepared>, BallotError> {
    let ballots: Vec<(&[u8], &[u8])> = part
        .iter()
        .map(|item| (&item.context[..], &item.ballot[..]))
        .collect();
    let checks = batchable::verify_each(key, options, &ballots)?;
    Ok(part
        .iter()
        .zip(checks)
        .map(|(item, check)| {
            let checked = check?;
            let earlier = item
                .earlier
                .as_ref()
                .map(|earlier| Sums::of_stored_ballot(options, earlier))
                .transpose()?;
            Ok((checked, earlier))
        })
        .collect())
}

/// [`prepare`] for every part, in order: one after the other in the runtime, on up to
/// [`MAX_THREADS`] threads natively.
fn prepare_parts(
    key: &ElectionKey,
    options: u32,
    parts: &[&[BatchBallot]],
) -> Result<Vec<Prepared>, BallotError> {
    #[cfg(feature = "std")]
    {
        let threads = threads().min(parts.len());
        if threads > 1 {
            return prepare_in_parallel(key, options, parts, threads);
        }
    }
    let mut prepared = Vec::new();
    for part in parts {
        prepared.extend(prepare(key, options, part)?);
    }
    Ok(prepared)
}

/// How many threads this node checks a batch's parts on: `GOVCHAIN_BALLOT_THREADS` if set,
/// else its cores; at least 1, at most [`MAX_THREADS`].
#[cfg(feature = "std")]
fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| {
        std::env::var("GOVCHAIN_BALLOT_THREADS")
            .ok()
            .and_then(|threads| threads.parse::<usize>().ok())
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
            .clamp(1, MAX_THREADS)
    })
}

/// [`prepare`] for every part on `threads` threads (this one among them), each taking the next
/// part not yet taken; the results put back in the parts' order.
#[cfg(feature = "std")]
fn prepare_in_parallel(
    key: &ElectionKey,
    options: u32,
    parts: &[&[BatchBallot]],
    threads: usize,
) -> Result<Vec<Prepared>, BallotError> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(part) = parts.get(index) else {
                return done;
            };
            done.push((index, prepare(key, options, part)));
        }
    };
    let mut done = std::thread::scope(|scope| {
        // A helper the system cannot start leaves its parts to the threads that run: the
        // outcome is the same, only later.
        // Panics on a helper unwind (as they do on the calling thread within a runtime call),
        // rather than end the node's process.
        let helper = || {
            let _unwind = sp_panic_handler::AbortGuard::force_unwind();
            work()
        };
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, helper).ok())
            .collect();
        let mut done = work();
        for helper in helpers {
            match helper.join() {
                Ok(parts) => done.extend(parts),
                // A panic in a helper is the caller's, as if it had checked the part itself.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        done
    });
    if done.len() != parts.len() {
        return Err(BallotError::Malformed);
    }
    done.sort_by_key(|(index, _)| *index);
    let mut prepared = Vec::new();
    for (_, part) in done {
        prepared.extend(part?);
    }
    Ok(prepared)
}

/// The bytes [`ballot_host::count_ballots`] writes for a batch of `ballots` ballots of
/// `options` options: the sums, then one outcome byte per ballot.
fn output_len(options: u32, ballots: usize) -> usize {
    (options as usize)
        .saturating_mul(core::mem::size_of::<Ciphertext>())
        .saturating_add(ballots)
}

/// [`count`] written as [`ballot_host::count_ballots`] returns it; the status it returns.
fn count_into(batch: &Batch, out: &mut [u8]) -> u32 {
    if out.len() != output_len(batch.options, batch.ballots.len()) {
        return u32::from(BallotError::Malformed.code());
    }
    let counted = match count(batch) {
        Ok(counted) => counted,
        Err(error) => return u32::from(error.code()),
    };
    let (sums, outcomes) = out.split_at_mut(output_len(batch.options, 0));
    for (place, sum) in sums
        .chunks_exact_mut(core::mem::size_of::<Ciphertext>())
        .zip(&counted.sums)
    {
        place.copy_from_slice(&sum.0);
    }
    for (place, outcome) in outcomes.iter_mut().zip(&counted.outcomes) {
        *place = match outcome {
            Ok(()) => 0,
            Err(error) => error.code(),
        };
    }
    0
}

/// The node's side of ballot counting, for the runtime.
#[sp_runtime_interface::runtime_interface]
pub trait BallotHost {
    /// Counts `batch` ([`count`]) into `out`: the sums after the batch (64 bytes per option),
    /// then one byte per ballot (0: counted; otherwise [`BallotError::code`] of why not).
    /// Returns 0, or the code of why the whole batch failed (`out` then holds nothing).
    fn count_ballots(
        batch: sp_runtime_interface::pass_by::PassFatPointerAndDecode<Batch>,
        out: sp_runtime_interface::pass_by::PassFatPointerAndWrite<&mut [u8]>,
    ) -> u32 {
        count_into(&batch, out)
    }
}

/// [`count`], run by the node ([`ballot_host::count_ballots`]) when called from the wasm
/// runtime, directly when called natively.
pub fn count_on_host(batch: Batch) -> Result<Counted, BallotError> {
    let mut out = alloc::vec![0u8; output_len(batch.options, batch.ballots.len())];
    let (options, ballots) = (batch.options, batch.ballots.len());
    let status = ballot_host::count_ballots(batch, &mut out);
    if status != 0 {
        return Err(u8::try_from(status)
            .ok()
            .and_then(BallotError::from_code)
            .unwrap_or(BallotError::Malformed));
    }
    let (sums, outcomes) = out.split_at(output_len(options, 0));
    let sums = sums
        .chunks_exact(core::mem::size_of::<Ciphertext>())
        .map(|sum| Ciphertext(crate::array(sum)))
        .collect();
    let outcomes = outcomes
        .iter()
        .take(ballots)
        .map(|code| match code {
            0 => Ok(()),
            code => Err(BallotError::from_code(*code).unwrap_or(BallotError::Malformed)),
        })
        .collect();
    Ok(Counted { sums, outcomes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot_ciphertexts;
    use crate::group::test_support::{context, key_pair};
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    /// Voter `voter`'s ballot for `choice` of 3 options.
    fn ballot(key: &ElectionKey, voter: u32, choice: u32, rng: &mut ChaCha20Rng) -> Vec<u8> {
        batchable::encrypt(key, 3, choice, &context(voter), rng).unwrap()
    }

    fn item(voter: u32, ballot: Vec<u8>, earlier: Option<Vec<u8>>) -> BatchBallot {
        BatchBallot {
            context: context(voter),
            ballot,
            earlier,
        }
    }

    #[test]
    fn a_batch_counts_the_ballots_that_hold_replacing_earlier_ones() {
        let mut rng = ChaCha20Rng::seed_from_u64(5);
        let (_, key) = key_pair(&mut rng);
        let first = ballot(&key, 1, 0, &mut rng);
        let mut sums = vec![Ciphertext::ZERO; 3];
        crate::accumulate(&mut sums, &ballot_ciphertexts(3, &first).unwrap(), false).unwrap();
        let replacing = ballot(&key, 1, 2, &mut rng);
        let fresh = ballot(&key, 2, 1, &mut rng);
        let borrowed = ballot(&key, 3, 1, &mut rng);
        let batch = Batch {
            key,
            options: 3,
            sums: sums.clone(),
            ballots: vec![
                item(1, replacing.clone(), Some(first.clone())),
                item(4, borrowed, None),
                item(2, fresh.clone(), None),
                item(5, vec![1, 2, 3], None),
            ],
        };
        let counted = count_on_host(batch.clone()).unwrap();
        assert_eq!(counted, count(&batch).unwrap());
        assert_eq!(
            counted.outcomes,
            vec![
                Ok(()),
                Err(BallotError::InvalidProof),
                Ok(()),
                Err(BallotError::Malformed)
            ]
        );
        // What subtracting the first ballot and adding the two counted gives, one by one.
        let mut expected = sums;
        crate::accumulate(&mut expected, &ballot_ciphertexts(3, &first).unwrap(), true).unwrap();
        for counted in [&replacing, &fresh] {
            crate::accumulate(
                &mut expected,
                &ballot_ciphertexts(3, counted).unwrap(),
                false,
            )
            .unwrap();
        }
        assert_eq!(counted.sums, expected);
    }

    #[test]
    fn a_batch_of_several_parts_counts_as_its_ballots_one_by_one() {
        let mut rng = ChaCha20Rng::seed_from_u64(7);
        let (_, key) = key_pair(&mut rng);
        let voters = 5 * PART as u32 + 5;
        // Six parts: bad ballots (each bound to another voter) in the first, second, third and
        // last; the fourth and fifth all good. Every 4th voter replaces an earlier ballot.
        let part = PART as u32;
        let bad = [2, part, 3 * part - 1, voters - 1];
        let mut sums = vec![Ciphertext::ZERO; 3];
        let mut expected = sums.clone();
        let mut ballots = Vec::new();
        for voter in 0..voters {
            let earlier = (voter % 4 == 0).then(|| ballot(&key, voter, 1, &mut rng));
            if let Some(earlier) = &earlier {
                let earlier = ballot_ciphertexts(3, earlier).unwrap();
                crate::accumulate(&mut sums, &earlier, false).unwrap();
                crate::accumulate(&mut expected, &earlier, false).unwrap();
            }
            let signed_for = if bad.contains(&voter) {
                voter + 1
            } else {
                voter
            };
            let cast = ballot(&key, signed_for, voter % 3, &mut rng);
            if !bad.contains(&voter) {
                if let Some(earlier) = &earlier {
                    let earlier = ballot_ciphertexts(3, earlier).unwrap();
                    crate::accumulate(&mut expected, &earlier, true).unwrap();
                }
                let cast = ballot_ciphertexts(3, &cast).unwrap();
                crate::accumulate(&mut expected, &cast, false).unwrap();
            }
            ballots.push(item(voter, cast, earlier));
        }
        let batch = Batch {
            key,
            options: 3,
            sums,
            ballots,
        };
        let counted = count_on_host(batch.clone()).unwrap();
        assert_eq!(batch.ballots.chunks(PART).count(), 6);
        let refused: Vec<u32> = (0..voters)
            .filter(|voter| counted.outcomes[*voter as usize].is_err())
            .collect();
        assert_eq!(refused, bad);
        assert!(counted
            .outcomes
            .iter()
            .all(|outcome| matches!(outcome, Ok(()) | Err(BallotError::InvalidProof))));
        assert_eq!(counted.sums, expected);
        // Each ballot checked alone decides the same, and so do the parts checked on one
        // thread and on every number of threads, each thread taking several parts.
        let alone: Vec<Result<(), BallotError>> = batch
            .ballots
            .iter()
            .map(|item| {
                let checked = batchable::verify_each(&key, 3, &[(&item.context, &item.ballot)]);
                checked.unwrap().pop().unwrap().map(|_| ())
            })
            .collect();
        assert_eq!(counted.outcomes, alone);
        let parts: Vec<&[BatchBallot]> = batch.ballots.chunks(PART).collect();
        let decided = |prepared: Vec<Prepared>| -> Vec<Result<(), BallotError>> {
            prepared.into_iter().map(|p| p.map(|_| ())).collect()
        };
        let one_thread: Vec<Prepared> = parts
            .iter()
            .flat_map(|part| prepare(&key, 3, part).unwrap())
            .collect();
        assert_eq!(decided(one_thread), alone);
        for threads in 2..=MAX_THREADS {
            let prepared = prepare_in_parallel(&key, 3, &parts, threads).unwrap();
            assert_eq!(decided(prepared), alone, "{threads} threads");
        }
    }

    #[test]
    fn a_batch_fails_whole_only_for_a_key_or_sums_that_are_no_points() {
        let mut rng = ChaCha20Rng::seed_from_u64(6);
        let (_, key) = key_pair(&mut rng);
        let good = Batch {
            key,
            options: 3,
            sums: vec![Ciphertext::ZERO; 3],
            ballots: vec![item(1, ballot(&key, 1, 0, &mut rng), None)],
        };
        let bad_key = Batch {
            key: ElectionKey([0xff; 32]),
            ..good.clone()
        };
        assert_eq!(count_on_host(bad_key), Err(BallotError::InvalidPoint));
        let bad_sums = Batch {
            sums: vec![Ciphertext([0xff; 64]); 3],
            ..good.clone()
        };
        assert_eq!(count_on_host(bad_sums), Err(BallotError::InvalidPoint));
        // An earlier ballot that cannot be subtracted refuses its ballot alone.
        let bad_earlier = Batch {
            ballots: vec![item(1, good.ballots[0].ballot.clone(), Some(vec![0; 10]))],
            ..good.clone()
        };
        assert_eq!(
            count_on_host(bad_earlier).unwrap().outcomes,
            vec![Err(BallotError::Malformed)]
        );
        // The output must be exactly the sums and one byte per ballot.
        let mut short = vec![0u8; output_len(3, 1) - 1];
        assert_eq!(
            count_into(&good, &mut short),
            u32::from(BallotError::Malformed.code())
        );
        assert_eq!(count_on_host(good).unwrap().outcomes, vec![Ok(())]);
    }

    #[test]
    fn every_error_has_a_fixed_code_and_back() {
        let all = [
            BallotError::Malformed,
            BallotError::WrongOptionCount,
            BallotError::InvalidProof,
            BallotError::InvalidPoint,
            BallotError::InvalidTrustees,
            BallotError::InvalidShare,
            BallotError::NotEnoughShares,
            BallotError::CountMismatch,
            BallotError::CommitmentMismatch,
        ];
        for (number, error) in all.into_iter().enumerate() {
            assert_eq!(usize::from(error.code()), number + 1);
            assert_eq!(BallotError::from_code(error.code()), Some(error));
        }
        assert_eq!(BallotError::from_code(0), None);
        assert_eq!(BallotError::from_code(10), None);
    }
}
