//! The per-option ballot with its proofs in **commitment form**, so that any number of ballots
//! is checked in one multi-scalar multiplication: the third lever issue 22 names (batch
//! verification), for the ballot whose sums the trustees can decrypt at any scale.
//!
//! Like the format the chain stores today, a ballot for an election with `k` options is `k`
//! exponential-ElGamal ciphertexts `(R_j, C_j) = (r_j·G, r_j·K + v_j·G)` under the election key
//! `K`, with `v_j = 1` for the chosen option and 0 elsewhere, so the chain keeps one encrypted sum
//! per option and the trustees decrypt counts no larger than the electorate. Its proof shows,
//! without saying which option is chosen:
//!
//! - for every option, that `(R_j, C_j − b·G)` encrypts 0 for `b = 0` or for `b = 1` (a
//!   two-branch disjunctive Chaum–Pedersen proof: commitments `A_jb`, `B_jb`, challenges `c_jb`,
//!   responses `s_jb` with `s_jb·G = A_jb + c_jb·R_j` and `s_jb·K = B_jb + c_jb·(C_j − b·G)`);
//! - that the options add up to one: `s·G = A + e·ΣR_j` and `s·K = B + e·(ΣC_j − G)`;
//!
//! with one challenge `e = H(context, K, k, the ciphertexts, every commitment)` (merlin) that
//! every option's two challenges add up to (`c_j1 = e − c_j0`, so only `c_j0` is sent). The
//! `context` binds the ballot to its election and voter: a ballot copied into another citizen's
//! transaction does not verify.
//!
//! Wire format, `288·k + 96` bytes: the `k` ciphertexts (`R_j ‖ C_j`, 64 bytes each, the layout
//! of [`Ciphertext`]), then per option `A_j0 ‖ B_j0 ‖ A_j1 ‖ B_j1 ‖ c_j0 ‖ s_j0 ‖ s_j1` (224
//! bytes), then the sum's `A ‖ B ‖ s` (96 bytes).
//!
//! Because the commitments are sent, every equation is linear in points the verifier has:
//! [`verify_batch`] weights each equation of every ballot by a 128-bit scalar drawn from a
//! transcript of the whole batch and checks that their sum is the identity with one
//! multi-scalar multiplication. A batch holding a bad ballot fails (except with probability
//! `2^−128`), and the ballots are then checked one by one to name it.
//!
//! Everything here is `no_std` and never panics on any input.

// Group and scalar-field operations are modular: they never overflow and never panic. Integer
// arithmetic in this module is checked or saturating.
#![allow(clippy::arithmetic_side_effects)]

use crate::{
    group::{
        challenge, check_choice, check_options, election_key, point, random_scalar, scalar, take,
        weight,
    },
    BallotError, Ciphertext, ElectionKey, MAX_OPTIONS,
};
use alloc::vec::Vec;
use curve25519_dalek::{
    constants::RISTRETTO_BASEPOINT_POINT,
    ristretto::RistrettoPoint,
    scalar::Scalar,
    traits::{IsIdentity, VartimeMultiscalarMul},
};
use merlin::Transcript;
use rand_core::{CryptoRng, RngCore};

const CIPHERTEXT_LEN: usize = 64;
const OPTION_PROOF_LEN: usize = 224;
const SUM_PROOF_LEN: usize = 96;

/// The encoded length of a ballot with `options` options.
pub fn ballot_len(options: u32) -> usize {
    (CIPHERTEXT_LEN.saturating_add(OPTION_PROOF_LEN))
        .saturating_mul(options as usize)
        .saturating_add(SUM_PROOF_LEN)
}

/// The fewest options a ballot of `len` bytes may hold if it holds at least as many as any
/// ballot so long (rounded up, from 2 to [`MAX_OPTIONS`]): what a batch's weight is declared
/// for before its election is read, as a ballot of fewer options than its election's fails at
/// its length check.
pub fn options_for_len(len: usize) -> u32 {
    let per_option = CIPHERTEXT_LEN.saturating_add(OPTION_PROOF_LEN);
    let options = len.saturating_sub(SUM_PROOF_LEN).div_ceil(per_option);
    u32::try_from(options)
        .unwrap_or(MAX_OPTIONS)
        .clamp(2, MAX_OPTIONS)
}

/// The longest ballot, for [`MAX_OPTIONS`] options.
pub const MAX_BALLOT_LEN: u32 =
    (CIPHERTEXT_LEN + OPTION_PROOF_LEN) as u32 * MAX_OPTIONS + SUM_PROOF_LEN as u32;

/// Checks that `ballot` has the length of a ballot of `options` options: if it has that of a
/// ballot of another number of options, `WrongOptionCount`; if of none, `Malformed`.
fn check_length(options: u32, ballot: &[u8]) -> Result<(), BallotError> {
    check_options(options, MAX_OPTIONS)?;
    if ballot.len() == ballot_len(options) {
        return Ok(());
    }
    let per_option = CIPHERTEXT_LEN.saturating_add(OPTION_PROOF_LEN);
    let another = ballot
        .len()
        .checked_sub(SUM_PROOF_LEN)
        .filter(|options_len| options_len % per_option == 0)
        .and_then(|options_len| u32::try_from(options_len / per_option).ok())
        .is_some_and(|count| (2..=MAX_OPTIONS).contains(&count));
    Err(if another {
        BallotError::WrongOptionCount
    } else {
        BallotError::Malformed
    })
}

/// One branch of an option's proof: `s·G = A + c·R`, `s·K = B + c·(C − b·G)`.
struct Branch {
    commit_g: RistrettoPoint,
    commit_k: RistrettoPoint,
    challenge: Scalar,
    response: Scalar,
}

struct Parsed {
    /// Each option's `(R_j, C_j)`.
    ciphertexts: Vec<(RistrettoPoint, RistrettoPoint)>,
    /// Each option's branches for 0 and for 1.
    options: Vec<[Branch; 2]>,
    /// The sum proof's commitments and response.
    sum: (RistrettoPoint, RistrettoPoint, Scalar),
    /// The transcript's challenge.
    challenge: Scalar,
}

fn transcript(key: &ElectionKey, context: &[u8], options: u32) -> Transcript {
    let mut transcript = Transcript::new(b"govchain-ballot-per-option");
    transcript.append_message(b"context", context);
    transcript.append_message(b"key", &key.0);
    transcript.append_u64(b"options", u64::from(options));
    transcript
}

fn parse(
    key: &ElectionKey,
    options: u32,
    context: &[u8],
    ballot: &[u8],
) -> Result<Parsed, BallotError> {
    check_length(options, ballot)?;
    let mut transcript = transcript(key, context, options);
    let mut rest = ballot;
    let encrypted = take(&mut rest, CIPHERTEXT_LEN.saturating_mul(options as usize))?;
    transcript.append_message(b"ciphertexts", encrypted);
    let mut ciphertexts = Vec::with_capacity(options as usize);
    for ciphertext in encrypted.chunks_exact(CIPHERTEXT_LEN) {
        let (random, blinded) = ciphertext.split_at(32);
        ciphertexts.push((point(random)?, point(blinded)?));
    }
    let mut proofs = Vec::with_capacity(options as usize);
    let mut challenges_0 = Vec::with_capacity(options as usize);
    for _ in 0..options {
        let commitments = take(&mut rest, 128)?;
        transcript.append_message(b"option", commitments);
        let mut commitments = commitments;
        let a0 = point(take(&mut commitments, 32)?)?;
        let b0 = point(take(&mut commitments, 32)?)?;
        let a1 = point(take(&mut commitments, 32)?)?;
        let b1 = point(take(&mut commitments, 32)?)?;
        let c0 = scalar(take(&mut rest, 32)?)?;
        let s0 = scalar(take(&mut rest, 32)?)?;
        let s1 = scalar(take(&mut rest, 32)?)?;
        challenges_0.push(c0);
        proofs.push((a0, b0, a1, b1, s0, s1));
    }
    let sum_commitments = take(&mut rest, 64)?;
    transcript.append_message(b"sum", sum_commitments);
    let (sum_g, sum_k) = sum_commitments.split_at(32);
    let sum = (point(sum_g)?, point(sum_k)?, scalar(take(&mut rest, 32)?)?);
    let challenge = challenge(&mut transcript);
    let options = proofs
        .into_iter()
        .zip(challenges_0)
        .map(|((a0, b0, a1, b1, s0, s1), c0)| {
            [
                Branch {
                    commit_g: a0,
                    commit_k: b0,
                    challenge: c0,
                    response: s0,
                },
                Branch {
                    commit_g: a1,
                    commit_k: b1,
                    challenge: challenge - c0,
                    response: s1,
                },
            ]
        })
        .collect();
    Ok(Parsed {
        ciphertexts,
        options,
        sum,
        challenge,
    })
}

/// Adds one ballot's equations, weighted, to the multi-scalar multiplication (`scalars`,
/// `points`), with its `G` and `K` coefficients into `generator` and `key`.
struct Combination {
    scalars: Vec<Scalar>,
    points: Vec<RistrettoPoint>,
    generator: Scalar,
    key: Scalar,
}

impl Combination {
    fn new(capacity: usize) -> Self {
        Self {
            scalars: Vec::with_capacity(capacity),
            points: Vec::with_capacity(capacity),
            generator: Scalar::ZERO,
            key: Scalar::ZERO,
        }
    }

    fn add(&mut self, ballot: &Parsed, weights: &mut Transcript) {
        let (sum_g, sum_k, sum_response) = &ballot.sum;
        let z_sum = weight(weights);
        let w_sum = weight(weights);
        // z·(s·G − A − e·ΣR) + w·(s·K − B − e·ΣC + e·G) = 0
        self.generator += z_sum * sum_response + w_sum * ballot.challenge;
        self.key += w_sum * sum_response;
        self.scalars.push(-z_sum);
        self.points.push(*sum_g);
        self.scalars.push(-w_sum);
        self.points.push(*sum_k);
        for ((random, blinded), branches) in ballot.ciphertexts.iter().zip(&ballot.options) {
            let mut random_scalar = -z_sum * ballot.challenge;
            let mut blinded_scalar = -w_sum * ballot.challenge;
            for (bit, branch) in branches.iter().enumerate() {
                let z = weight(weights);
                let w = weight(weights);
                // z·(s·G − A − c·R) + w·(s·K − B − c·C + c·b·G) = 0
                self.generator += z * branch.response;
                if bit == 1 {
                    self.generator += w * branch.challenge;
                }
                self.key += w * branch.response;
                random_scalar -= z * branch.challenge;
                blinded_scalar -= w * branch.challenge;
                self.scalars.push(-z);
                self.points.push(branch.commit_g);
                self.scalars.push(-w);
                self.points.push(branch.commit_k);
            }
            self.scalars.push(random_scalar);
            self.points.push(*random);
            self.scalars.push(blinded_scalar);
            self.points.push(*blinded);
        }
    }

    fn holds(mut self, election_key: RistrettoPoint) -> bool {
        self.scalars.push(self.generator);
        self.points.push(RISTRETTO_BASEPOINT_POINT);
        self.scalars.push(self.key);
        self.points.push(election_key);
        RistrettoPoint::vartime_multiscalar_mul(self.scalars, self.points).is_identity()
    }
}

fn ciphertexts_of(ballot: &[u8], options: u32) -> Vec<Ciphertext> {
    ballot
        .chunks_exact(CIPHERTEXT_LEN)
        .take(options as usize)
        .map(|ciphertext| Ciphertext(crate::array(ciphertext)))
        .collect()
}

/// Checks one ballot of `options` options under `key`, bound to `context`, and returns its
/// ciphertexts, one per option (a batch of one: one multi-scalar multiplication).
pub fn verify(
    key: &ElectionKey,
    options: u32,
    context: &[u8],
    ballot: &[u8],
) -> Result<Vec<Ciphertext>, BallotError> {
    verify_batch(key, options, &[(context, ballot)])
        .map_err(|(_, error)| error)?
        .pop()
        .ok_or(BallotError::Malformed)
}

/// Checks many ballots of one election at once (`ballots`: each voter's context and ballot) and
/// returns their ciphertexts in order, or the position of the first bad ballot and why.
pub fn verify_batch(
    key: &ElectionKey,
    options: u32,
    ballots: &[(&[u8], &[u8])],
) -> Result<Vec<Vec<Ciphertext>>, (usize, BallotError)> {
    verify_each(key, options, ballots)
        .map_err(|error| (0, error))?
        .into_iter()
        .enumerate()
        .map(|(position, checked)| {
            checked
                .map(|checked| checked.ciphertexts)
                .map_err(|error| (position, error))
        })
        .collect()
}

/// A ballot whose proof holds: its ciphertexts, as bytes and as group elements (ready to add to
/// an election's [`Sums`](crate::Sums) without decoding them again).
pub struct Checked {
    /// The ciphertexts, one per option, as the chain stores them.
    pub ciphertexts: Vec<Ciphertext>,
    pub(crate) points: Vec<(RistrettoPoint, RistrettoPoint)>,
}

/// Checks many ballots of one election (`ballots`: each voter's context and ballot), each on its
/// own account: one multi-scalar multiplication for the whole batch, and only if it fails each
/// ballot alone, so that every bad ballot is named and every good one kept. Fails as a whole
/// only for a key that is no point.
pub fn verify_each(
    key: &ElectionKey,
    options: u32,
    ballots: &[(&[u8], &[u8])],
) -> Result<Vec<Result<Checked, BallotError>>, BallotError> {
    let election_key = election_key(key)?;
    let parsed: Vec<Result<Parsed, BallotError>> = ballots
        .iter()
        .map(|(context, ballot)| parse(key, options, context, ballot))
        .collect();
    let well_formed = ballots
        .iter()
        .zip(&parsed)
        .filter_map(|((context, ballot), parsed)| Some((*context, *ballot, parsed.as_ref().ok()?)));
    let alone = well_formed.clone().count() == 1;
    let all_hold = holds(key, election_key, options, well_formed);
    Ok(ballots
        .iter()
        .zip(parsed)
        .map(|((context, ballot), parsed)| {
            let parsed = parsed?;
            // A batch of one well-formed ballot that fails is that ballot's failure.
            if !all_hold
                && (alone
                    || !holds(
                        key,
                        election_key,
                        options,
                        core::iter::once((*context, *ballot, &parsed)),
                    ))
            {
                return Err(BallotError::InvalidProof);
            }
            Ok(Checked {
                ciphertexts: ciphertexts_of(ballot, options),
                points: parsed.ciphertexts,
            })
        })
        .collect())
}

/// Whether every equation of every ballot in `ballots` holds, by one multi-scalar
/// multiplication weighted from a transcript of them all.
fn holds<'a>(
    key: &ElectionKey,
    election_key: RistrettoPoint,
    options: u32,
    ballots: impl Iterator<Item = (&'a [u8], &'a [u8], &'a Parsed)> + Clone,
) -> bool {
    let mut weights = Transcript::new(b"govchain-ballot-batch");
    weights.append_message(b"key", &key.0);
    let per_ballot = (options as usize).saturating_mul(6).saturating_add(2);
    let count = ballots.clone().count();
    let mut combination = Combination::new(per_ballot.saturating_mul(count).saturating_add(2));
    for (context, ballot, parsed) in ballots {
        weights.append_message(b"context", context);
        weights.append_message(b"ballot", ballot);
        combination.add(parsed, &mut weights);
    }
    combination.holds(election_key)
}

/// The ciphertexts of a ballot already verified (as stored on chain), without checking its
/// proof again: what a replaced ballot subtracts from the sums.
pub fn ballot_ciphertexts(options: u32, ballot: &[u8]) -> Result<Vec<Ciphertext>, BallotError> {
    check_length(options, ballot)?;
    Ok(ciphertexts_of(ballot, options))
}

/// The wallet's side: encrypts a vote for option `choice` (from 0) of an election with `options`
/// options under `key`, bound to `context` (the election and the voter), with its proof.
pub fn encrypt<R: RngCore + CryptoRng>(
    key: &ElectionKey,
    options: u32,
    choice: u32,
    context: &[u8],
    rng: &mut R,
) -> Result<Vec<u8>, BallotError> {
    check_choice(options, MAX_OPTIONS, choice)?;
    let election_key = election_key(key)?;
    let generator = RISTRETTO_BASEPOINT_POINT;
    let mut ballot = Vec::with_capacity(ballot_len(options));
    let mut transcript = transcript(key, context, options);
    // The ciphertexts, with their randomness.
    let mut randomness = Vec::with_capacity(options as usize);
    let mut ciphertexts = Vec::with_capacity(options as usize);
    for option in 0..options {
        let r = random_scalar(rng);
        let random = RistrettoPoint::mul_base(&r);
        let mut blinded = r * election_key;
        if option == choice {
            blinded += generator;
        }
        ballot.extend_from_slice(random.compress().as_bytes());
        ballot.extend_from_slice(blinded.compress().as_bytes());
        randomness.push(r);
        ciphertexts.push((random, blinded));
    }
    transcript.append_message(b"ciphertexts", &ballot);
    // Each option's branches: the true bit's answered later, the other simulated now.
    struct OptionProof {
        commitments: [u8; 128],
        nonce: Scalar,
        bit: usize,
        simulated_challenge: Scalar,
        responses: [Scalar; 2],
    }
    let mut proofs = Vec::with_capacity(options as usize);
    for (option, (random, blinded)) in (0u32..).zip(&ciphertexts) {
        let bit = usize::from(option == choice);
        let nonce = random_scalar(rng);
        let simulated_challenge = random_scalar(rng);
        let simulated_response = random_scalar(rng);
        let other = usize::from(option != choice);
        let shifted = if other == 1 {
            blinded - generator
        } else {
            *blinded
        };
        let simulated = (
            RistrettoPoint::mul_base(&simulated_response) - simulated_challenge * random,
            simulated_response * election_key - simulated_challenge * shifted,
        );
        let real = (RistrettoPoint::mul_base(&nonce), nonce * election_key);
        let (zero, one) = if bit == 0 {
            (real, simulated)
        } else {
            (simulated, real)
        };
        let mut commitments = [0u8; 128];
        for (slot, point) in commitments
            .chunks_exact_mut(32)
            .zip([zero.0, zero.1, one.0, one.1])
        {
            slot.copy_from_slice(point.compress().as_bytes());
        }
        transcript.append_message(b"option", &commitments);
        let mut responses = [Scalar::ZERO; 2];
        if let Some(response) = responses.get_mut(other) {
            *response = simulated_response;
        }
        proofs.push(OptionProof {
            commitments,
            nonce,
            bit,
            simulated_challenge,
            responses,
        });
    }
    let sum_nonce = random_scalar(rng);
    let mut sum_commitments = [0u8; 64];
    let (sum_g, sum_k) = sum_commitments.split_at_mut(32);
    sum_g.copy_from_slice(RistrettoPoint::mul_base(&sum_nonce).compress().as_bytes());
    sum_k.copy_from_slice((sum_nonce * election_key).compress().as_bytes());
    transcript.append_message(b"sum", &sum_commitments);
    let challenge = challenge(&mut transcript);
    for (proof, r) in proofs.iter_mut().zip(&randomness) {
        let real_challenge = challenge - proof.simulated_challenge;
        if let Some(response) = proof.responses.get_mut(proof.bit) {
            *response = proof.nonce + real_challenge * r;
        }
        let challenge_0 = if proof.bit == 0 {
            real_challenge
        } else {
            proof.simulated_challenge
        };
        ballot.extend_from_slice(&proof.commitments);
        ballot.extend_from_slice(challenge_0.as_bytes());
        for response in &proof.responses {
            ballot.extend_from_slice(response.as_bytes());
        }
    }
    let total: Scalar = randomness.iter().sum();
    ballot.extend_from_slice(&sum_commitments);
    ballot.extend_from_slice((sum_nonce + challenge * total).as_bytes());
    Ok(ballot)
}

#[cfg(test)]
#[path = "batchable_tests.rs"]
mod tests;
