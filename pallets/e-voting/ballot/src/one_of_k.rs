//! A ballot as **one** ciphertext with a single 1-of-k proof: the second of the levers issue 22
//! names for ballot throughput, measured against the per-option format the chain stores today
//! (`scripts/bench-ballot-verify.sh`, `docs/performance.md`).
//!
//! Option `i` of an election with `k` options is the exponent `m_i = 2^(VOTE_BITS·i)`. A ballot
//! for option `j` is one exponential-ElGamal ciphertext `(R, C) = (rG, rK + m_j·G)` under the
//! election key `K`, and a disjunctive Chaum–Pedersen proof that `(R, C − m_i·G)` encrypts 0 for
//! *some* `i` — without saying which. Every branch `i` carries its commitments `A_i`, `B_i`, its
//! challenge `c_i` and its response `s_i`; the proof holds when
//!
//! - `s_i·G = A_i + c_i·R` and `s_i·K = B_i + c_i·(C − m_i·G)` for every branch, and
//! - `Σ c_i = H(context, K, k, R, C, A_0, B_0, …, A_(k−1), B_(k−1))` (merlin transcript).
//!
//! The prover knows the randomness `r` for its own branch only, so it can answer one challenge it
//! did not choose (the others it simulated first). The `context` binds the proof to the election
//! and the voter: a ballot copied into another citizen's transaction does not verify.
//!
//! **Why one ciphertext.** The sum of the counted ballots encrypts `Σ count_i · 2^(VOTE_BITS·i)`:
//! the trustees decrypt one point instead of `k`, and claimed counts are checked by one scalar
//! multiplication ([`check_counts`]), never by a discrete logarithm, as long as every count is
//! below `2^VOTE_BITS` (an electorate of at most 16,777,215 ballots). A ballot is `64 + 128·k`
//! bytes and its proof `2k` equations instead of the per-option format's `k` two-branch proofs
//! and a sum proof.
//!
//! **Why commitments on the wire.** Because the commitments are sent (not recomputed from the
//! challenges), every equation is linear in known points, so many ballots are checked at once
//! ([`verify_batch`]): all their equations, each weighted by a 128-bit scalar drawn from a hash
//! of every ballot in the batch, summed into **one** multi-scalar multiplication that must give
//! the identity. A batch with one bad ballot fails as a whole (with probability `1 − 2^−128`);
//! [`verify_batch`] then names it by checking the ballots one by one.
//!
//! Everything here is `no_std` and never panics on any input.

// Group and scalar-field operations are modular: they never overflow and never panic. Integer
// arithmetic in this module is checked.
#![allow(clippy::arithmetic_side_effects)]

use crate::{
    group::{check_choice, check_options, election_key, point, random_scalar, scalar, weight},
    BallotError, Ciphertext, ElectionKey,
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

/// Bits of the exponent each option's count occupies: counts up to `2^24 − 1` per option.
pub const VOTE_BITS: u32 = 24;

/// The most options such a ballot may have: `MAX_CHOICES · VOTE_BITS` (240) bits fit below the
/// group order (2^252).
pub const MAX_CHOICES: u32 = 10;

/// Bytes of the ciphertext, then of each branch (`A_i`, `B_i`, `c_i`, `s_i`).
const HEAD_LEN: usize = 64;
const BRANCH_LEN: usize = 128;

/// The encoded length of a ballot with `options` options.
pub fn ballot_len(options: u32) -> usize {
    HEAD_LEN.saturating_add(BRANCH_LEN.saturating_mul(options as usize))
}

/// A ballot's parts, decoded and decompressed.
struct Parsed {
    random: RistrettoPoint,
    blinded: RistrettoPoint,
    branches: Vec<Branch>,
    /// The challenge the transcript gives (`H(…)`), to compare with the branches' sum.
    challenge: Scalar,
    /// The ciphertext's bytes, as sent.
    ciphertext: Ciphertext,
}

struct Branch {
    commit_g: RistrettoPoint,
    commit_k: RistrettoPoint,
    challenge: Scalar,
    response: Scalar,
}

/// `2^(VOTE_BITS·option)` as a scalar (`option` below [`MAX_CHOICES`]).
fn option_exponent(option: u32) -> Result<Scalar, BallotError> {
    let bit = option
        .checked_mul(VOTE_BITS)
        .filter(|bit| *bit < 252)
        .ok_or(BallotError::WrongOptionCount)?;
    let mut bytes = [0u8; 32];
    let byte = bytes
        .get_mut((bit / 8) as usize)
        .ok_or(BallotError::WrongOptionCount)?;
    *byte = 1u8 << (bit % 8);
    Ok(Scalar::from_bytes_mod_order(bytes))
}

/// `m_i·G` for every option `i`: each the previous one doubled [`VOTE_BITS`] times.
fn option_points(options: u32) -> Vec<RistrettoPoint> {
    let mut points = Vec::with_capacity(options as usize);
    let mut current = RISTRETTO_BASEPOINT_POINT;
    for _ in 0..options {
        points.push(current);
        for _ in 0..VOTE_BITS {
            current = current + current;
        }
    }
    points
}

/// The transcript's challenge over everything but the branches' challenges and responses.
fn transcript_challenge(
    key: &ElectionKey,
    context: &[u8],
    options: u32,
    head: &[u8],
    commitments: impl Iterator<Item = ([u8; 32], [u8; 32])>,
) -> Scalar {
    let mut transcript = Transcript::new(b"govchain-ballot-one-of-k");
    transcript.append_message(b"context", context);
    transcript.append_message(b"key", &key.0);
    transcript.append_u64(b"options", u64::from(options));
    transcript.append_message(b"ciphertext", head);
    for (commit_g, commit_k) in commitments {
        transcript.append_message(b"A", &commit_g);
        transcript.append_message(b"B", &commit_k);
    }
    crate::group::challenge(&mut transcript)
}

fn parse(
    key: &ElectionKey,
    options: u32,
    context: &[u8],
    ballot: &[u8],
) -> Result<Parsed, BallotError> {
    check_options(options, MAX_CHOICES)?;
    if ballot.len() != ballot_len(options) {
        return Err(if ballot.len() < HEAD_LEN {
            BallotError::Malformed
        } else {
            BallotError::WrongOptionCount
        });
    }
    let (head, rest) = ballot
        .split_at_checked(HEAD_LEN)
        .ok_or(BallotError::Malformed)?;
    let (random, blinded) = head.split_at_checked(32).ok_or(BallotError::Malformed)?;
    let mut branches = Vec::with_capacity(options as usize);
    let mut commitments = Vec::with_capacity(options as usize);
    for chunk in rest.chunks_exact(BRANCH_LEN) {
        let (commit_g, chunk) = chunk.split_at_checked(32).ok_or(BallotError::Malformed)?;
        let (commit_k, chunk) = chunk.split_at_checked(32).ok_or(BallotError::Malformed)?;
        let (challenge, response) = chunk.split_at_checked(32).ok_or(BallotError::Malformed)?;
        commitments.push((crate::array(commit_g), crate::array(commit_k)));
        branches.push(Branch {
            commit_g: point(commit_g)?,
            commit_k: point(commit_k)?,
            challenge: scalar(challenge)?,
            response: scalar(response)?,
        });
    }
    Ok(Parsed {
        random: point(random)?,
        blinded: point(blinded)?,
        branches,
        challenge: transcript_challenge(key, context, options, head, commitments.into_iter()),
        ciphertext: Ciphertext(crate::array(head)),
    })
}

fn challenges_add_up(parsed: &Parsed) -> Result<(), BallotError> {
    let sum: Scalar = parsed.branches.iter().map(|branch| branch.challenge).sum();
    if sum == parsed.challenge {
        Ok(())
    } else {
        Err(BallotError::InvalidProof)
    }
}

/// Checks one ballot equation by equation (`2k` two-term multiplications) and returns its
/// ciphertext.
pub fn verify(
    key: &ElectionKey,
    options: u32,
    context: &[u8],
    ballot: &[u8],
) -> Result<Ciphertext, BallotError> {
    let election_key = election_key(key)?;
    let parsed = parse(key, options, context, ballot)?;
    challenges_add_up(&parsed)?;
    for (branch, option_point) in parsed.branches.iter().zip(option_points(options)) {
        // s·G − c·R = A
        let commit_g = RistrettoPoint::vartime_double_scalar_mul_basepoint(
            &-branch.challenge,
            &parsed.random,
            &branch.response,
        );
        // s·K − c·(C − m·G) = B
        let commit_k = RistrettoPoint::vartime_multiscalar_mul(
            [branch.response, -branch.challenge],
            [election_key, parsed.blinded - option_point],
        );
        if commit_g != branch.commit_g || commit_k != branch.commit_k {
            return Err(BallotError::InvalidProof);
        }
    }
    Ok(parsed.ciphertext)
}

/// Checks many ballots of one election at once (`ballots`: each voter's context and ballot) and
/// returns their ciphertexts in order. All their equations, weighted by 128-bit scalars drawn
/// from a transcript of every ballot in the batch, go into one multi-scalar multiplication. If
/// it fails, the ballots are checked one by one and the error names the first bad one by its
/// position: `Err((position, error))`.
pub fn verify_batch(
    key: &ElectionKey,
    options: u32,
    ballots: &[(&[u8], &[u8])],
) -> Result<Vec<Ciphertext>, (usize, BallotError)> {
    let election_key = election_key(key).map_err(|error| (0, error))?;
    let mut parsed = Vec::with_capacity(ballots.len());
    let mut weights = Transcript::new(b"govchain-ballot-batch");
    weights.append_message(b"key", &key.0);
    for (position, (context, ballot)) in ballots.iter().enumerate() {
        let ballot_parts =
            parse(key, options, context, ballot).map_err(|error| (position, error))?;
        challenges_add_up(&ballot_parts).map_err(|error| (position, error))?;
        weights.append_message(b"context", context);
        weights.append_message(b"ballot", ballot);
        parsed.push(ballot_parts);
    }
    let exponents = (0..options)
        .map(option_exponent)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|error| (0, error))?;
    let terms = parsed
        .len()
        .saturating_mul(2usize.saturating_mul(options as usize).saturating_add(2))
        .saturating_add(2);
    let mut scalars = Vec::with_capacity(terms);
    let mut points = Vec::with_capacity(terms);
    let mut generator = Scalar::ZERO;
    let mut key_scalar = Scalar::ZERO;
    for ballot in &parsed {
        let mut random = Scalar::ZERO;
        let mut blinded = Scalar::ZERO;
        for (branch, exponent) in ballot.branches.iter().zip(&exponents) {
            let z = weight(&mut weights);
            let w = weight(&mut weights);
            // z·(s·G − c·R − A) + w·(s·K − c·C + c·m·G − B) = 0
            generator += z * branch.response + w * branch.challenge * exponent;
            key_scalar += w * branch.response;
            random -= z * branch.challenge;
            blinded -= w * branch.challenge;
            scalars.push(-z);
            points.push(branch.commit_g);
            scalars.push(-w);
            points.push(branch.commit_k);
        }
        scalars.push(random);
        points.push(ballot.random);
        scalars.push(blinded);
        points.push(ballot.blinded);
    }
    scalars.push(generator);
    points.push(RISTRETTO_BASEPOINT_POINT);
    scalars.push(key_scalar);
    points.push(election_key);
    if RistrettoPoint::vartime_multiscalar_mul(scalars, points).is_identity() {
        return Ok(parsed.iter().map(|ballot| ballot.ciphertext).collect());
    }
    for (position, (context, ballot)) in ballots.iter().enumerate() {
        verify(key, options, context, ballot).map_err(|error| (position, error))?;
    }
    // Every ballot holds alone, so the combination cannot fail; refuse anyway.
    Err((0, BallotError::InvalidProof))
}

/// The point `(Σ count_i · 2^(VOTE_BITS·i))·G` the decrypted sum of the counted ballots must be
/// for `counts`; an error if a count does not fit [`VOTE_BITS`] or there are too many options.
pub fn expected_point(counts: &[u64]) -> Result<[u8; 32], BallotError> {
    let options = u32::try_from(counts.len()).map_err(|_| BallotError::WrongOptionCount)?;
    check_options(options, MAX_CHOICES)?;
    let mut total = Scalar::ZERO;
    for (option, count) in (0u32..).zip(counts) {
        if *count >= 1u64 << VOTE_BITS {
            return Err(BallotError::CountMismatch);
        }
        total += Scalar::from(*count) * option_exponent(option)?;
    }
    Ok(RistrettoPoint::mul_base(&total).compress().to_bytes())
}

/// Checks claimed `counts` against the decrypted sum (`decrypted = C − D` for the trustees'
/// combined decryption `D`): one scalar multiplication.
pub fn check_counts(decrypted: &[u8; 32], counts: &[u64]) -> Result<(), BallotError> {
    let decrypted = point(decrypted)?.compress().to_bytes();
    if expected_point(counts)? == decrypted {
        Ok(())
    } else {
        Err(BallotError::CountMismatch)
    }
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
    check_choice(options, MAX_CHOICES, choice)?;
    let election_key = election_key(key)?;
    let option_points = option_points(options);
    let chosen = option_points
        .get(choice as usize)
        .copied()
        .ok_or(BallotError::WrongOptionCount)?;
    let randomness = random_scalar(rng);
    let random = RistrettoPoint::mul_base(&randomness);
    let blinded = randomness * election_key + chosen;
    let nonce = random_scalar(rng);
    let mut branches: Vec<(RistrettoPoint, RistrettoPoint, Scalar, Scalar)> =
        Vec::with_capacity(options as usize);
    for (option, option_point) in (0u32..).zip(&option_points) {
        if option == choice {
            branches.push((
                RistrettoPoint::mul_base(&nonce),
                nonce * election_key,
                Scalar::ZERO,
                Scalar::ZERO,
            ));
        } else {
            let challenge = random_scalar(rng);
            let response = random_scalar(rng);
            branches.push((
                RistrettoPoint::mul_base(&response) - challenge * random,
                response * election_key - challenge * (blinded - option_point),
                challenge,
                response,
            ));
        }
    }
    let mut ballot = Vec::with_capacity(ballot_len(options));
    ballot.extend_from_slice(random.compress().as_bytes());
    ballot.extend_from_slice(blinded.compress().as_bytes());
    let compressed: Vec<([u8; 32], [u8; 32])> = branches
        .iter()
        .map(|(commit_g, commit_k, _, _)| {
            (
                commit_g.compress().to_bytes(),
                commit_k.compress().to_bytes(),
            )
        })
        .collect();
    let total = transcript_challenge(key, context, options, &ballot, compressed.iter().copied());
    let simulated: Scalar = branches.iter().map(|(_, _, challenge, _)| challenge).sum();
    if let Some(branch) = branches.get_mut(choice as usize) {
        branch.2 = total - simulated;
        branch.3 = nonce + branch.2 * randomness;
    }
    for ((_, _, challenge, response), (commit_g, commit_k)) in branches.iter().zip(&compressed) {
        ballot.extend_from_slice(commit_g);
        ballot.extend_from_slice(commit_k);
        ballot.extend_from_slice(challenge.as_bytes());
        ballot.extend_from_slice(response.as_bytes());
    }
    Ok(ballot)
}

/// The sum of ballots' ciphertexts (as the chain would keep it): the identity twice for none.
pub fn sum(ciphertexts: &[Ciphertext]) -> Result<Ciphertext, BallotError> {
    ciphertexts
        .iter()
        .try_fold(Ciphertext::ZERO, |total, ciphertext| total.add(ciphertext))
}

#[cfg(test)]
#[path = "one_of_k_tests.rs"]
mod tests;
