//! govchain's encrypted ballots (the Helios / ElectionGuard model) over Ristretto.
//!
//! A ballot for an election with `n` options is `n` exponential-ElGamal ciphertexts, one per
//! option, each encrypting 0 or 1 under the election's joint key, with a zero-knowledge proof
//! that every option is 0 or 1 and that exactly one is 1, bound to the election and the voter
//! ([`ballot_context`]): nobody learns the choice from it, anyone checks the proof, and a ballot
//! copied into another voter's transaction does not verify. The proofs are in commitment form
//! ([`batchable`]), so any number of ballots is checked with one multi-scalar multiplication.
//!
//! The chain adds the ciphertexts of the counted ballots option by option (ElGamal is additively
//! homomorphic in the exponent), so the sum of option `i` encrypts its number of votes. After the
//! close, each trustee holding a share of the election key posts a decryption share of every
//! sum with a Chaum–Pedersen proof that it used its share; `k` valid shares combine into the
//! decryption of `count·G`, and a claimed count is checked by one scalar multiplication
//! ([`check_tally`]): no discrete logarithm on chain. The key sharing, decryption shares and
//! key generation are elastic-elgamal's.
//!
//! What the runtime uses is `no_std` and never panics on any input: every byte string is
//! parsed, every point decompressed and every index bounded before it reaches the library. The
//! wallet's side ([`encrypt_ballot`]) and the trustees' ([`Trustee`], [`dkg::TrusteeSetup`]) are
//! here too, for any random source: clients use the system's, the pallet's benchmarks a seeded
//! one inside the runtime.
//!
//! # Wire format
//!
//! - A point (key, decryption share): its 32-byte compressed Ristretto encoding.
//! - A [`Ciphertext`]: the random element `R = rG` then the blinded element `B = mG + rK`,
//!   64 bytes; the sum of no ballot is 64 zero bytes (the identity twice).
//! - A ballot: [`batchable`]'s format, `288·n + 96` bytes (the `n` ciphertexts first). Ballots
//!   cast before it (elastic-elgamal 0.3.1's `EncryptedChoice<Ristretto, SingleChoice>` in
//!   `postcard`, about `140·n + 100` bytes, not bound to a voter) are still read and checked
//!   where they are stored ([`verify_stored_ballot`], [`ballot_ciphertexts`]); new ballots must
//!   be in the current format.
//! - A [`DecryptionShare`]: the element `D = sR` (32 bytes) and the proof's challenge and
//!   response scalars (64 bytes).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use curve25519_dalek::{ristretto::RistrettoPoint, traits::Identity};
use elastic_elgamal::{
    app::{ChoiceParams, EncryptedChoice, SingleChoice},
    group::{Group, Ristretto},
    sharing::{Params, PublicKeySet},
    CandidateDecryption, LogEqualityProof, PublicKey, VerifiableDecryption,
};
use scale_info::TypeInfo;

/// The most options an encrypted ballot may have: its proof grows with them, and so does the
/// time to verify it.
pub const MAX_OPTIONS: u32 = 16;

/// The most trustees an election may name.
pub const MAX_TRUSTEES: u32 = 15;

/// The fewest trustees an election may name.
pub const MIN_TRUSTEES: u32 = 3;

/// The longest encoded ballot, in bytes, for [`MAX_OPTIONS`] options.
pub const MAX_BALLOT_LEN: u32 = batchable::MAX_BALLOT_LEN;

/// Size of a compressed Ristretto point or of a scalar.
const POINT_LEN: usize = 32;

/// Why a ballot, a key, a share or a tally is refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BallotError {
    /// The bytes are not a ballot (or not a proof, a share) in the wire format.
    Malformed,
    /// The ballot has another number of options than the election.
    WrongOptionCount,
    /// The ballot's zero-knowledge proof does not hold for the election's key: it encrypts
    /// something other than exactly one chosen option, or under another key.
    InvalidProof,
    /// The bytes are not a point of the group (or are the identity where a key is expected).
    InvalidPoint,
    /// The trustees' parameters are out of range: 3 to 15 trustees, a threshold from 1 to
    /// their number, one key per trustee, keys that are shares of one joint key.
    InvalidTrustees,
    /// A decryption share's proof does not hold for the trustee's key share and the sum.
    InvalidShare,
    /// Fewer valid decryption shares than the threshold.
    NotEnoughShares,
    /// A claimed count does not match the decrypted sum of its option.
    CountMismatch,
    /// A trustee's published polynomial does not open its commitment.
    CommitmentMismatch,
}

impl core::fmt::Display for BallotError {
    fn fmt(&self, formatter: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        formatter.write_str(match self {
            Self::Malformed => "not a ballot, proof or share in the wire format",
            Self::WrongOptionCount => "another number of options than the election's",
            Self::InvalidProof => "the zero-knowledge proof does not hold",
            Self::InvalidPoint => "not a point of the group",
            Self::InvalidTrustees => "trustees' parameters or keys out of range or inconsistent",
            Self::InvalidShare => "the decryption share's proof does not hold",
            Self::NotEnoughShares => "fewer valid decryption shares than the threshold",
            Self::CountMismatch => "a count does not match the decrypted sum",
            Self::CommitmentMismatch => "the polynomial does not open the trustee's commitment",
        })
    }
}

impl BallotError {
    /// The error's number in the node's ballot host function ([`host`]): fixed forever.
    pub fn code(self) -> u8 {
        match self {
            Self::Malformed => 1,
            Self::WrongOptionCount => 2,
            Self::InvalidProof => 3,
            Self::InvalidPoint => 4,
            Self::InvalidTrustees => 5,
            Self::InvalidShare => 6,
            Self::NotEnoughShares => 7,
            Self::CountMismatch => 8,
            Self::CommitmentMismatch => 9,
        }
    }

    /// The error numbered `code` ([`BallotError::code`]).
    pub fn from_code(code: u8) -> Option<Self> {
        Some(match code {
            1 => Self::Malformed,
            2 => Self::WrongOptionCount,
            3 => Self::InvalidProof,
            4 => Self::InvalidPoint,
            5 => Self::InvalidTrustees,
            6 => Self::InvalidShare,
            7 => Self::NotEnoughShares,
            8 => Self::CountMismatch,
            9 => Self::CommitmentMismatch,
            _ => return None,
        })
    }
}

#[cfg(feature = "std")]
impl std::error::Error for BallotError {}

/// The election's joint public key (a compressed Ristretto point): ballots are encrypted to it,
/// and no single trustee holds its secret.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
pub struct ElectionKey(pub [u8; 32]);

impl ElectionKey {
    fn public_key(&self) -> Result<PublicKey<Ristretto>, BallotError> {
        PublicKey::from_bytes(&self.0).map_err(|_| BallotError::InvalidPoint)
    }
}

/// An exponential-ElGamal ciphertext `(R, B)`, 64 bytes: one option of a ballot, or the sum of
/// an option over the counted ballots.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
pub struct Ciphertext(pub [u8; 64]);

impl Ciphertext {
    /// The sum of no ballot: the identity twice (an encryption of 0 with no randomness).
    pub const ZERO: Self = Self([0; 64]);

    /// The elastic-elgamal ciphertext these bytes encode.
    fn decode(&self) -> Result<elastic_elgamal::Ciphertext<Ristretto>, BallotError> {
        // elastic-elgamal builds ciphertexts from bytes only through serde; postcard writes a
        // byte string as its length (one byte for 32) and the bytes.
        let (random, blinded) = self
            .0
            .split_first_chunk::<POINT_LEN>()
            .ok_or(BallotError::Malformed)?;
        let mut encoded = Vec::with_capacity(2 * POINT_LEN + 2);
        encoded.push(POINT_LEN as u8);
        encoded.extend_from_slice(random);
        encoded.push(POINT_LEN as u8);
        encoded.extend_from_slice(blinded);
        postcard::from_bytes(&encoded).map_err(|_| BallotError::InvalidPoint)
    }

    fn encode_from(ciphertext: elastic_elgamal::Ciphertext<Ristretto>) -> Self {
        Self(array(&ciphertext.to_bytes()))
    }

    /// The sum of two ciphertexts: it encrypts the sum of their values.
    #[allow(clippy::arithmetic_side_effects)] // A group's operation: no overflow, no panic.
    pub fn add(&self, other: &Self) -> Result<Self, BallotError> {
        Ok(Self::encode_from(self.decode()? + other.decode()?))
    }

    /// The difference of two ciphertexts: it encrypts the difference of their values (a ballot
    /// replaced is subtracted from the sums).
    #[allow(clippy::arithmetic_side_effects)] // A group's operation: no overflow, no panic.
    pub fn sub(&self, other: &Self) -> Result<Self, BallotError> {
        Ok(Self::encode_from(self.decode()? - other.decode()?))
    }
}

/// Adds `ballot` to `sums` option by option (or subtracts it, when `subtract`); `sums` is left
/// as it was unless every option could be added.
pub fn accumulate(
    sums: &mut [Ciphertext],
    ballot: &[Ciphertext],
    subtract: bool,
) -> Result<(), BallotError> {
    if sums.len() != ballot.len() {
        return Err(BallotError::WrongOptionCount);
    }
    let updated = sums
        .iter()
        .zip(ballot)
        .map(|(sum, option)| {
            if subtract {
                sum.sub(option)
            } else {
                sum.add(option)
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    for (sum, new) in sums.iter_mut().zip(updated) {
        *sum = new;
    }
    Ok(())
}

/// An election's encrypted sums held as group elements while a batch of ballots is added and
/// replaced ballots subtracted: each sum is decoded once and encoded once, however many ballots
/// change it ([`accumulate`] decodes and encodes them for every ballot).
#[derive(Clone)]
pub struct Sums {
    points: Vec<(RistrettoPoint, RistrettoPoint)>,
}

impl Sums {
    /// The sums these ciphertexts encode.
    pub fn decode(sums: &[Ciphertext]) -> Result<Self, BallotError> {
        Ok(Self {
            points: sums
                .iter()
                .map(ciphertext_points)
                .collect::<Result<_, _>>()?,
        })
    }

    /// The sums of no ballot: `options` encryptions of zero.
    pub fn zero(options: usize) -> Self {
        Self {
            points: alloc::vec![(RistrettoPoint::identity(), RistrettoPoint::identity()); options],
        }
    }

    /// A stored ballot's ciphertexts (in either format, its proof checked when it was cast:
    /// [`ballot_ciphertexts`]), decoded, to add or subtract.
    pub fn of_stored_ballot(options: u32, ballot: &[u8]) -> Result<Self, BallotError> {
        Self::decode(&ballot_ciphertexts(options, ballot)?)
    }

    /// Adds a checked ballot, option by option.
    pub fn add(&mut self, ballot: &batchable::Checked) -> Result<(), BallotError> {
        self.combine(&ballot.points, false)
    }

    /// Adds ciphertexts decoded already ([`Sums::decode`]: a stored ballot's, whose proof was
    /// checked when it was cast), option by option.
    pub fn add_decoded(&mut self, ballot: &Sums) -> Result<(), BallotError> {
        self.combine(&ballot.points, false)
    }

    /// Subtracts a stored ballot's ciphertexts (a replaced ballot, in either format:
    /// [`ballot_ciphertexts`]).
    pub fn subtract(&mut self, ballot: &[Ciphertext]) -> Result<(), BallotError> {
        self.subtract_decoded(&Self::decode(ballot)?)
    }

    /// Subtracts ciphertexts decoded already ([`Sums::decode`]), option by option.
    pub fn subtract_decoded(&mut self, ballot: &Sums) -> Result<(), BallotError> {
        self.combine(&ballot.points, true)
    }

    /// Adds (or, `subtract`, subtracts) `points` option by option; the sums are left as they
    /// were unless the options match.
    #[allow(clippy::arithmetic_side_effects)] // A group's operation: no overflow, no panic.
    fn combine(
        &mut self,
        points: &[(RistrettoPoint, RistrettoPoint)],
        subtract: bool,
    ) -> Result<(), BallotError> {
        if points.len() != self.points.len() {
            return Err(BallotError::WrongOptionCount);
        }
        for ((random, blinded), (other_random, other_blinded)) in self.points.iter_mut().zip(points)
        {
            if subtract {
                *random -= other_random;
                *blinded -= other_blinded;
            } else {
                *random += other_random;
                *blinded += other_blinded;
            }
        }
        Ok(())
    }

    /// The sums as the chain stores them.
    pub fn encode(&self) -> Vec<Ciphertext> {
        self.points
            .iter()
            .map(|(random, blinded)| {
                let mut bytes = [0u8; 64];
                let (random_bytes, blinded_bytes) = bytes.split_at_mut(POINT_LEN);
                random_bytes.copy_from_slice(random.compress().as_bytes());
                blinded_bytes.copy_from_slice(blinded.compress().as_bytes());
                Ciphertext(bytes)
            })
            .collect()
    }
}

/// A ciphertext's two points.
fn ciphertext_points(
    ciphertext: &Ciphertext,
) -> Result<(RistrettoPoint, RistrettoPoint), BallotError> {
    let (random, blinded) = ciphertext.0.split_at(POINT_LEN);
    Ok((group::point(random)?, group::point(blinded)?))
}

/// The threshold scheme's parameters, if `trustees` and `threshold` are in range: 3 to 15
/// trustees, a threshold from 1 to their number (checked here, as elastic-elgamal asserts).
pub(crate) fn trustee_params(trustees: u32, threshold: u32) -> Result<Params, BallotError> {
    if !(MIN_TRUSTEES..=MAX_TRUSTEES).contains(&trustees) || !(1..=trustees).contains(&threshold) {
        return Err(BallotError::InvalidTrustees);
    }
    Ok(Params::new(trustees as usize, threshold as usize))
}

/// The first `N` bytes of `bytes` as an array (zero-padded if shorter): for the library's
/// fixed-size encodings (points, proofs, ciphertexts), which it returns as vectors.
pub(crate) fn array<const N: usize>(bytes: &[u8]) -> [u8; N] {
    let mut array = [0; N];
    for (byte, encoded) in array.iter_mut().zip(bytes) {
        *byte = *encoded;
    }
    array
}

fn choice_params(
    key: &ElectionKey,
    options: u32,
) -> Result<ChoiceParams<Ristretto, SingleChoice>, BallotError> {
    if !(2..=MAX_OPTIONS).contains(&options) {
        return Err(BallotError::WrongOptionCount);
    }
    Ok(ChoiceParams::single(key.public_key()?, options as usize))
}

/// What a ballot's proof is bound to: its election and its voter (the citizen's number), as
/// `election ‖ citizen` in little-endian bytes (their SCALE encoding).
pub fn ballot_context(election: u32, citizen: u64) -> [u8; 12] {
    let mut context = [0u8; 12];
    let (election_bytes, citizen_bytes) = context.split_at_mut(4);
    election_bytes.copy_from_slice(&election.to_le_bytes());
    citizen_bytes.copy_from_slice(&citizen.to_le_bytes());
    context
}

/// Checks that `ballot` encrypts exactly one of `options` options under `key`, with a valid
/// proof bound to `context` ([`ballot_context`]), and returns its ciphertexts, one per option.
/// Only the current format ([`batchable`]) is accepted.
pub fn verify_ballot(
    key: &ElectionKey,
    options: u32,
    context: &[u8],
    ballot: &[u8],
) -> Result<Vec<Ciphertext>, BallotError> {
    batchable::verify(key, options, context, ballot)
}

/// Whether `ballot` is in the format of ballots cast before [`batchable`]'s (told apart by
/// length: an earlier ballot of `options` options is shorter than any current one).
fn is_earlier_format(options: u32, ballot: &[u8]) -> bool {
    ballot.len() != batchable::ballot_len(options)
}

/// A ballot of the earlier format decoded (its proof not checked), if it has `options` options.
fn earlier_format_choice(
    options: u32,
    ballot: &[u8],
) -> Result<EncryptedChoice<Ristretto, SingleChoice>, BallotError> {
    let choice: EncryptedChoice<Ristretto, SingleChoice> =
        postcard::from_bytes(ballot).map_err(|_| BallotError::Malformed)?;
    if choice.len() != options as usize {
        return Err(BallotError::WrongOptionCount);
    }
    Ok(choice)
}

/// Checks a ballot the chain stored, in whichever format it was cast: the current one bound to
/// `context`, or the earlier one (elastic-elgamal's, cast before the format changed).
pub fn verify_stored_ballot(
    key: &ElectionKey,
    options: u32,
    context: &[u8],
    ballot: &[u8],
) -> Result<Vec<Ciphertext>, BallotError> {
    if !is_earlier_format(options, ballot) {
        return verify_ballot(key, options, context, ballot);
    }
    let params = choice_params(key, options)?;
    let choice = earlier_format_choice(options, ballot)?;
    let ciphertexts = choice
        .verify(&params)
        .map_err(|_| BallotError::InvalidProof)?;
    Ok(ciphertexts
        .iter()
        .map(|ciphertext| Ciphertext::encode_from(*ciphertext))
        .collect())
}

/// The ciphertexts of a ballot already verified (as stored on chain, in either format),
/// without checking its proof again: what a replaced ballot subtracts from the sums.
pub fn ballot_ciphertexts(options: u32, ballot: &[u8]) -> Result<Vec<Ciphertext>, BallotError> {
    if !is_earlier_format(options, ballot) {
        return batchable::ballot_ciphertexts(options, ballot);
    }
    Ok(earlier_format_choice(options, ballot)?
        .choices_unchecked()
        .iter()
        .map(|ciphertext| Ciphertext::encode_from(*ciphertext))
        .collect())
}

/// A ballot's receipt: `sha256("govchain-ballot-receipt" ‖ ballot)`. The voter's wallet keeps
/// it; the chain answers whether the ballot counted under it is the one the voter cast.
pub fn receipt(ballot: &[u8]) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(b"govchain-ballot-receipt");
    hasher.update(ballot);
    hasher.finalize().into()
}

/// The trustees' public side of the election key: how many must take part in decrypting
/// (`threshold`), and the public key of each one's share (`keys`, in trustee order), from which
/// the joint key follows.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TrusteeKeys<'a> {
    /// How many trustees' shares decrypt.
    pub threshold: u32,
    /// Each trustee's public key share, in trustee order.
    pub keys: &'a [[u8; 32]],
}

impl TrusteeKeys<'_> {
    fn key_set(&self) -> Result<PublicKeySet<Ristretto>, BallotError> {
        let shares = u32::try_from(self.keys.len()).map_err(|_| BallotError::InvalidTrustees)?;
        let params = trustee_params(shares, self.threshold)?;
        let keys = self
            .keys
            .iter()
            .map(|key| PublicKey::from_bytes(key).map_err(|_| BallotError::InvalidPoint))
            .collect::<Result<Vec<_>, _>>()?;
        PublicKeySet::from_participants(params, keys).map_err(|_| BallotError::InvalidTrustees)
    }

    /// The joint election key the trustees' key shares belong to; an error if they are not
    /// shares of one key.
    pub fn election_key(&self) -> Result<ElectionKey, BallotError> {
        Ok(ElectionKey(array(self.key_set()?.shared_key().as_bytes())))
    }
}

/// A trustee's decryption share of one ciphertext: `D = sR` for its secret share `s` and the
/// ciphertext's random element `R`, with a Chaum–Pedersen proof that `log_G(S) = log_R(D)` for
/// its public key share `S = sG`.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
pub struct DecryptionShare {
    /// The element `D = sR`.
    pub element: [u8; 32],
    /// The proof: its challenge and response scalars.
    pub proof: [u8; 64],
}

impl DecryptionShare {
    fn candidate(&self) -> Result<CandidateDecryption<Ristretto>, BallotError> {
        CandidateDecryption::from_bytes(&self.element).ok_or(BallotError::InvalidPoint)
    }

    fn proof(&self) -> Result<LogEqualityProof<Ristretto>, BallotError> {
        LogEqualityProof::from_bytes(&self.proof).ok_or(BallotError::Malformed)
    }
}

fn verified_share(
    set: &PublicKeySet<Ristretto>,
    trustee: u32,
    sum: &Ciphertext,
    share: &DecryptionShare,
) -> Result<VerifiableDecryption<Ristretto>, BallotError> {
    if trustee as usize >= set.participant_keys().len() {
        return Err(BallotError::InvalidTrustees);
    }
    set.verify_share(
        share.candidate()?,
        sum.decode()?,
        trustee as usize,
        &share.proof()?,
    )
    .map_err(|_| BallotError::InvalidShare)
}

/// Checks trustee `trustee`'s (its position, from 0) decryption shares of the election's sums,
/// one per option.
pub fn verify_decryption_shares(
    trustees: &TrusteeKeys<'_>,
    trustee: u32,
    sums: &[Ciphertext],
    shares: &[DecryptionShare],
) -> Result<(), BallotError> {
    if sums.len() != shares.len() {
        return Err(BallotError::WrongOptionCount);
    }
    let set = trustees.key_set()?;
    for (sum, share) in sums.iter().zip(shares) {
        verified_share(&set, trustee, sum, share)?;
    }
    Ok(())
}

/// Checks that `counts` are the decrypted `sums`, from the decryption shares of at least
/// `threshold` distinct trustees (`(position, shares per option)`, each already verified or
/// verified here): the shares of the first `threshold` trustees are combined into `D` for each
/// option, and `B - D` must equal `count·G` (one scalar multiplication per option).
pub fn check_tally(
    trustees: &TrusteeKeys<'_>,
    sums: &[Ciphertext],
    shares: &[(u32, &[DecryptionShare])],
    counts: &[u64],
) -> Result<(), BallotError> {
    if sums.len() != counts.len() {
        return Err(BallotError::WrongOptionCount);
    }
    let set = trustees.key_set()?;
    let threshold = set.params().threshold;
    let mut taking_part: Vec<u32> = Vec::with_capacity(threshold);
    for (trustee, _) in shares {
        if !taking_part.contains(trustee) && taking_part.len() < threshold {
            taking_part.push(*trustee);
        }
    }
    if taking_part.len() < threshold {
        return Err(BallotError::NotEnoughShares);
    }
    for (option, (sum, count)) in sums.iter().zip(counts).enumerate() {
        let mut decryptions = Vec::with_capacity(threshold);
        for trustee in &taking_part {
            let share = shares
                .iter()
                .find(|(position, _)| position == trustee)
                .and_then(|(_, shares)| shares.get(option))
                .ok_or(BallotError::WrongOptionCount)?;
            decryptions.push((
                *trustee as usize,
                verified_share(&set, *trustee, sum, share)?,
            ));
        }
        let combined = set
            .params()
            .combine_shares(decryptions)
            .ok_or(BallotError::NotEnoughShares)?;
        let decrypted = combined.decrypt_to_element(sum.decode()?);
        let expected = Ristretto::mul_generator(&(*count).into());
        if decrypted != expected {
            return Err(BallotError::CountMismatch);
        }
    }
    Ok(())
}

pub mod batchable;
pub mod dkg;
mod group;
pub mod host;
pub mod one_of_k;
pub mod verify;
mod wallet;
pub use wallet::*;

#[cfg(test)]
mod tests;
