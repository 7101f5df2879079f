//! Anyone's check of an encrypted election from its public record: every stored ballot's proof,
//! no ballot counted twice, the encrypted sums equal to the sum of the stored ballots, every
//! trustee's decryption shares, and the published counts. What the tally verifier runs on the
//! data it reads from a node; the first inconsistency is named.

use crate::{
    accumulate, ballot_context, batchable, check_tally, receipt, verify_decryption_shares,
    verify_stored_ballot, BallotError, Ciphertext, DecryptionShare, ElectionKey, TrusteeKeys,
};
use alloc::{collections::BTreeMap, vec, vec::Vec};

/// How many current-format ballots are checked together (one multi-scalar multiplication).
const BATCH: usize = 256;

/// An encrypted election as its public record shows it.
pub struct ElectionRecord<'a> {
    /// The election's number: with each voter's, what a ballot's proof is bound to.
    pub election: u32,
    /// The joint election key.
    pub key: ElectionKey,
    /// How many options its ballots have.
    pub options: u32,
    /// The trustees' key shares and threshold.
    pub trustees: TrusteeKeys<'a>,
    /// The counted ballot of each voter (the last one cast), by citizen id.
    pub ballots: &'a [(u64, &'a [u8])],
    /// How many ballots the chain says it counted.
    pub counted: u64,
    /// The encrypted sums the chain kept, one per option.
    pub sums: &'a [Ciphertext],
    /// The trustees' decryption shares of the sums, by trustee position.
    pub shares: &'a [(u32, &'a [DecryptionShare])],
    /// The published counts, once the tally is fixed.
    pub counts: Option<&'a [u64]>,
}

/// The first thing in a record that does not hold.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Inconsistency {
    /// A stored ballot's proof (or encoding) does not hold.
    Ballot {
        /// The voter whose ballot it is.
        voter: u64,
        /// Why it does not hold.
        error: BallotError,
    },
    /// The same ballot is stored for two voters.
    CopiedBallot {
        /// The voter whose ballot came first in the record.
        first: u64,
        /// The voter with the same ballot.
        copy: u64,
    },
    /// The chain's encrypted sum of an option is not the sum of the stored ballots.
    Sum {
        /// The option, from 0.
        option: u32,
    },
    /// The record has another number of sums than options.
    SumCount,
    /// The chain counted another number of ballots than it stores.
    BallotCount {
        /// The ballots the chain says it counted.
        counted: u64,
        /// The ballots it stores.
        stored: u64,
    },
    /// A trustee's decryption shares do not hold.
    Share {
        /// The trustee's position.
        trustee: u32,
        /// Why they do not hold.
        error: BallotError,
    },
    /// The published counts are not what the sums decrypt to (or too few shares decrypt).
    Tally(BallotError),
}

impl core::fmt::Display for Inconsistency {
    fn fmt(&self, formatter: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::Ballot { voter, error } => {
                write!(
                    formatter,
                    "the ballot of citizen {voter} does not hold: {error}"
                )
            }
            Self::CopiedBallot { first, copy } => write!(
                formatter,
                "citizen {copy} holds the same ballot as citizen {first}"
            ),
            Self::Sum { option } => write!(
                formatter,
                "the encrypted sum of option {option} is not the sum of the stored ballots"
            ),
            Self::SumCount => {
                formatter.write_str("the record has another number of sums than options")
            }
            Self::BallotCount { counted, stored } => write!(
                formatter,
                "the chain counted {counted} ballots but stores {stored}"
            ),
            Self::Share { trustee, error } => write!(
                formatter,
                "the decryption shares of trustee {trustee} do not hold: {error}"
            ),
            Self::Tally(error) => write!(
                formatter,
                "the published counts are not what the sums decrypt to: {error}"
            ),
        }
    }
}

/// What a consistent record shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Verified {
    /// Ballots counted.
    pub ballots: u64,
    /// Whether published counts were checked (`false` before the tally).
    pub counts_checked: bool,
}

/// Checks `record` from end to end; the first inconsistency, or what was verified.
pub fn verify_election(record: &ElectionRecord<'_>) -> Result<Verified, Inconsistency> {
    let stored = u64::try_from(record.ballots.len()).unwrap_or(u64::MAX);
    if stored != record.counted {
        return Err(Inconsistency::BallotCount {
            counted: record.counted,
            stored,
        });
    }
    let options = usize::try_from(record.options).map_err(|_| Inconsistency::SumCount)?;
    if record.sums.len() != options {
        return Err(Inconsistency::SumCount);
    }
    let mut sums = vec![Ciphertext::ZERO; options];
    let mut receipts: BTreeMap<[u8; 32], u64> = BTreeMap::new();
    for ballots in record.ballots.chunks(BATCH) {
        for (voter, ciphertexts) in ballots.iter().zip(verified_ballots(record, ballots)?) {
            if let Some(first) = receipts.insert(receipt(voter.1), voter.0) {
                return Err(Inconsistency::CopiedBallot {
                    first,
                    copy: voter.0,
                });
            }
            accumulate(&mut sums, &ciphertexts, false).map_err(|error| Inconsistency::Ballot {
                voter: voter.0,
                error,
            })?;
        }
    }
    for (option, (kept, recomputed)) in record.sums.iter().zip(&sums).enumerate() {
        if kept != recomputed {
            return Err(Inconsistency::Sum {
                option: u32::try_from(option).unwrap_or(u32::MAX),
            });
        }
    }
    for (trustee, shares) in record.shares {
        verify_decryption_shares(&record.trustees, *trustee, record.sums, shares).map_err(
            |error| Inconsistency::Share {
                trustee: *trustee,
                error,
            },
        )?;
    }
    if let Some(counts) = record.counts {
        check_tally(&record.trustees, record.sums, record.shares, counts)
            .map_err(Inconsistency::Tally)?;
    }
    Ok(Verified {
        ballots: stored,
        counts_checked: record.counts.is_some(),
    })
}

/// The ciphertexts of `ballots` (a chunk of the record's), each proof checked: the ballots in
/// the current format together ([`batchable::verify_batch`]), any cast in the earlier format
/// one by one. The first ballot that does not hold is named.
fn verified_ballots(
    record: &ElectionRecord<'_>,
    ballots: &[(u64, &[u8])],
) -> Result<Vec<Vec<Ciphertext>>, Inconsistency> {
    let contexts: Vec<[u8; 12]> = ballots
        .iter()
        .map(|(voter, _)| ballot_context(record.election, *voter))
        .collect();
    let current: Vec<(&[u8], &[u8])> = contexts
        .iter()
        .zip(ballots)
        .map(|(context, (_, ballot))| (&context[..], *ballot))
        .collect();
    if let Ok(ciphertexts) = batchable::verify_batch(&record.key, record.options, &current) {
        return Ok(ciphertexts);
    }
    // Some ballot is in the earlier format, or does not hold: one by one, in order.
    ballots
        .iter()
        .zip(&contexts)
        .map(|((voter, ballot), context)| {
            verify_stored_ballot(&record.key, record.options, context, ballot).map_err(|error| {
                Inconsistency::Ballot {
                    voter: *voter,
                    error,
                }
            })
        })
        .collect()
}
