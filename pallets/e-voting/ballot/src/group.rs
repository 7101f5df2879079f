//! The Ristretto group's parsing and randomness, shared by the ballot formats with proofs in
//! commitment form ([`crate::one_of_k`], [`crate::batchable`]).

// Group and scalar-field operations are modular: they never overflow and never panic.
#![allow(clippy::arithmetic_side_effects)]

use crate::{BallotError, ElectionKey};
use curve25519_dalek::{
    ristretto::{CompressedRistretto, RistrettoPoint},
    scalar::Scalar,
    traits::IsIdentity,
};
use merlin::Transcript;
use rand_core::{CryptoRng, RngCore};

/// Checks that a ballot format holding at most `most` options can have `options` (at least 2).
pub(crate) fn check_options(options: u32, most: u32) -> Result<(), BallotError> {
    if (2..=most).contains(&options) {
        Ok(())
    } else {
        Err(BallotError::WrongOptionCount)
    }
}

/// Checks that `choice` (from 0) is one of `options` options, themselves in range.
pub(crate) fn check_choice(options: u32, most: u32, choice: u32) -> Result<(), BallotError> {
    check_options(options, most)?;
    if choice < options {
        Ok(())
    } else {
        Err(BallotError::WrongOptionCount)
    }
}

/// The point these 32 bytes encode (the identity is 32 zero bytes).
pub(crate) fn point(bytes: &[u8]) -> Result<RistrettoPoint, BallotError> {
    CompressedRistretto::from_slice(bytes)
        .map_err(|_| BallotError::Malformed)?
        .decompress()
        .ok_or(BallotError::InvalidPoint)
}

/// The scalar these 32 bytes encode, if canonical (below the group order).
pub(crate) fn scalar(bytes: &[u8]) -> Result<Scalar, BallotError> {
    let bytes: [u8; 32] = bytes.try_into().map_err(|_| BallotError::Malformed)?;
    Option::from(Scalar::from_canonical_bytes(bytes)).ok_or(BallotError::Malformed)
}

/// The election key as a point: never the identity.
pub(crate) fn election_key(key: &ElectionKey) -> Result<RistrettoPoint, BallotError> {
    let key = point(&key.0)?;
    if key.is_identity() {
        return Err(BallotError::InvalidPoint);
    }
    Ok(key)
}

/// A uniformly random scalar.
pub(crate) fn random_scalar<R: RngCore + CryptoRng>(rng: &mut R) -> Scalar {
    let mut bytes = [0u8; 64];
    rng.fill_bytes(&mut bytes);
    Scalar::from_bytes_mod_order_wide(&bytes)
}

/// A transcript's 64 challenge bytes as a scalar.
pub(crate) fn challenge(transcript: &mut Transcript) -> Scalar {
    let mut bytes = [0u8; 64];
    transcript.challenge_bytes(b"challenge", &mut bytes);
    Scalar::from_bytes_mod_order_wide(&bytes)
}

/// A 128-bit weight for batch verification, drawn from a transcript of the whole batch.
pub(crate) fn weight(transcript: &mut Transcript) -> Scalar {
    let mut bytes = [0u8; 32];
    if let Some(low) = bytes.first_chunk_mut::<16>() {
        transcript.challenge_bytes(b"weight", low);
    }
    Scalar::from_bytes_mod_order(bytes)
}

/// Splits `len` bytes off the front of `bytes`.
pub(crate) fn take<'a>(bytes: &mut &'a [u8], len: usize) -> Result<&'a [u8], BallotError> {
    let (head, rest) = bytes.split_at_checked(len).ok_or(BallotError::Malformed)?;
    *bytes = rest;
    Ok(head)
}

/// What the formats' tests share: a single holder's key (the tests decrypt sums with it) and
/// the context a voter's ballot is bound to.
#[cfg(test)]
pub(crate) mod test_support {
    use super::random_scalar;
    use crate::ElectionKey;
    use curve25519_dalek::{ristretto::RistrettoPoint, scalar::Scalar};
    use rand_chacha::ChaCha20Rng;

    /// A single holder's secret and its key.
    pub(crate) fn key_pair(rng: &mut ChaCha20Rng) -> (Scalar, ElectionKey) {
        let secret = random_scalar(rng);
        (
            secret,
            ElectionKey(RistrettoPoint::mul_base(&secret).compress().to_bytes()),
        )
    }

    /// Voter `voter`'s context in the tests' election.
    pub(crate) fn context(voter: u32) -> Vec<u8> {
        let mut context = b"election 7, voter ".to_vec();
        context.extend_from_slice(&voter.to_le_bytes());
        context
    }
}
