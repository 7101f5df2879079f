//! The election key, made by the trustees on chain so that no single party ever holds it: a
//! Pedersen distributed key generation in which every trustee deals a Feldman-verifiable
//! sharing of a random secret (elastic-elgamal's `sharing::Dealer`), and the election's secret
//! is the sum of the qualified trustees' secrets.
//!
//! 1. **Commit**: each trustee publishes the hash of its polynomial's constant term (with a
//!    random opening), and a *transport key* to which the others encrypt its shares.
//!    Committing first stops a late trustee from choosing its part to bias the joint key.
//! 2. **Publish**: each trustee publishes its public polynomial (`threshold` points), a proof
//!    that it knows the secret polynomial, and the opening; the chain checks both
//!    ([`verify_contribution`]) and derives from it what each trustee's share must be.
//! 3. **Share**: each trustee posts, for every other trustee, its share encrypted to the
//!    recipient's transport key ([`EncryptedShare`]).
//! 4. **Complain**: a trustee whose share does not match the dealer's polynomial discloses the
//!    share's key with a proof ([`Disclosure`]); the chain decrypts the share and rules
//!    ([`judge_complaint`]): the dealer is disqualified if the share is wrong, the complaint
//!    dismissed if it is right. A dealer who posted no share to someone is disqualified too.
//! 5. **Key**: the qualified dealers' polynomials add up ([`combine_contributions`]) to the
//!    election key and every trustee's public key share; each trustee adds up the shares it
//!    received from them into its secret share.
//!
//! Every hash and proof is bound to a `context` the chain gives (the election and the trustees'
//! positions), so nothing carries over from one election, or one pair of trustees, to another.

use crate::{BallotError, ElectionKey, POINT_LEN};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use elastic_elgamal::{
    group::{ElementOps, Group, Ristretto},
    sharing::PublicKeySet,
    LogEqualityProof, ProofOfPossession, PublicKey, SecretKey,
};
use merlin::Transcript;
use scale_info::TypeInfo;
use sha2::{Digest, Sha256};

/// A secret share of a trustee's polynomial, as one dealer dealt it to one trustee (opened).
pub type DealtSecret = SecretKey<Ristretto>;

/// The longest encoded proof of possession of a polynomial, for [`crate::MAX_TRUSTEES`]
/// coefficients: a challenge and one response per coefficient, a length byte before each.
pub const MAX_POSSESSION_PROOF_LEN: u32 = 34 * (crate::MAX_TRUSTEES + 1) + 2;

/// A trustee's commitment to its part of the key: `sha256(context ‖ C₀ ‖ opening)`.
pub fn commitment(context: &[u8], constant: &[u8; 32], opening: &[u8; 32]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(b"govchain-dkg-commitment");
    hasher.update(context);
    hasher.update(constant);
    hasher.update(opening);
    hasher.finalize().into()
}

fn point(bytes: &[u8; 32]) -> Result<PublicKey<Ristretto>, BallotError> {
    PublicKey::from_bytes(bytes).map_err(|_| BallotError::InvalidPoint)
}

fn encode_point(element: &<Ristretto as ElementOps>::Element) -> [u8; 32] {
    let mut bytes = [0; POINT_LEN];
    Ristretto::serialize_element(element, &mut bytes);
    bytes
}

/// Checks a trustee's published polynomial: `threshold` points, the proof that the trustee
/// knows its secret polynomial, and the opening of its `commitment`. Returns what each trustee's
/// share from it must be, `shareᵢ·G = P(i + 1)`, in trustee order.
pub fn verify_contribution(
    context: &[u8],
    trustees: u32,
    threshold: u32,
    commitment: &[u8; 32],
    polynomial: &[[u8; 32]],
    proof: &[u8],
    opening: &[u8; 32],
) -> Result<Vec<[u8; 32]>, BallotError> {
    let params = crate::trustee_params(trustees, threshold)?;
    let constant = polynomial.first().ok_or(BallotError::InvalidTrustees)?;
    if polynomial.len() != threshold as usize {
        return Err(BallotError::InvalidTrustees);
    }
    if self::commitment(context, constant, opening) != *commitment {
        return Err(BallotError::CommitmentMismatch);
    }
    let elements = polynomial
        .iter()
        .map(|coefficient| point(coefficient).map(|key| key.as_element()))
        .collect::<Result<Vec<_>, _>>()?;
    let proof: ProofOfPossession<Ristretto> =
        postcard::from_bytes(proof).map_err(|_| BallotError::Malformed)?;
    let set = PublicKeySet::new(params, elements, &proof).map_err(|_| BallotError::InvalidProof)?;
    Ok(set
        .participant_keys()
        .iter()
        .map(|key| encode_point(&key.as_element()))
        .collect())
}

/// A share of one trustee's secret for another, encrypted to the recipient's transport key
/// `T`: an ephemeral `E = eG` and the share's 32 bytes masked with `sha256(context ‖ eT)`.
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
pub struct EncryptedShare {
    /// The ephemeral point `E`.
    pub ephemeral: [u8; 32],
    /// The share, masked.
    pub masked: [u8; 32],
}

/// What a complaining trustee discloses of a share sent to it: the mask's key `K = tE` for its
/// transport secret `t`, with a proof that `log_G(T) = log_E(K)`: anyone can then unmask the
/// share, and nothing else the trustee holds is revealed.
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
pub struct Disclosure {
    /// The mask's key `K = tE`.
    pub key: [u8; 32],
    /// The proof: challenge and response.
    pub proof: [u8; 64],
}

fn mask(context: &[u8], key: &[u8; 32]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(b"govchain-dkg-share");
    hasher.update(context);
    hasher.update(key);
    hasher.finalize().into()
}

fn xor(left: &[u8; 32], right: &[u8; 32]) -> [u8; 32] {
    let mut out = [0; 32];
    for ((out, left), right) in out.iter_mut().zip(left).zip(right) {
        *out = left ^ right;
    }
    out
}

fn disclosure_transcript(context: &[u8]) -> Transcript {
    let mut transcript = Transcript::new(b"govchain-dkg-disclosure");
    transcript.append_message(b"context", context);
    transcript
}

/// How a complaint about a share is decided.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verdict {
    /// The share is wrong (or unreadable): its dealer is disqualified.
    DealerAtFault,
    /// The share matches the dealer's polynomial: the complaint is dismissed.
    ShareValid,
}

/// Decides a complaint by the trustee with transport key `transport_key` about `share`, which
/// must satisfy `share·G = expected` (from [`verify_contribution`]). The disclosure must be
/// proven; an unproven one is refused (`InvalidProof`) and decides nothing.
pub fn judge_complaint(
    context: &[u8],
    transport_key: &[u8; 32],
    share: &EncryptedShare,
    disclosure: &Disclosure,
    expected: &[u8; 32],
) -> Result<Verdict, BallotError> {
    let transport = point(transport_key)?;
    let ephemeral = point(&share.ephemeral)?;
    let key = point(&disclosure.key)?;
    let proof = LogEqualityProof::<Ristretto>::from_bytes(&disclosure.proof)
        .ok_or(BallotError::Malformed)?;
    proof
        .verify(
            &ephemeral,
            (transport.as_element(), key.as_element()),
            &mut disclosure_transcript(context),
        )
        .map_err(|_| BallotError::InvalidProof)?;
    let unmasked = xor(&share.masked, &mask(context, &disclosure.key));
    let Some(secret) = SecretKey::<Ristretto>::from_bytes(&unmasked) else {
        return Ok(Verdict::DealerAtFault);
    };
    let expected = point(expected)?;
    if Ristretto::mul_generator(secret.expose_scalar()) == expected.as_element() {
        Ok(Verdict::ShareValid)
    } else {
        Ok(Verdict::DealerAtFault)
    }
}

/// The election key and every trustee's public key share, from the qualified dealers'
/// contributions (each given as [`verify_contribution`]'s answer: its constant term's share
/// values for every trustee) and their polynomials' constant terms. Checks the result is one
/// consistent key set for `threshold`.
#[allow(clippy::arithmetic_side_effects)] // Adding points is a group's operation: no overflow.
pub fn combine_contributions(
    threshold: u32,
    constants: &[[u8; 32]],
    shares: &[Vec<[u8; 32]>],
) -> Result<(ElectionKey, Vec<[u8; 32]>), BallotError> {
    let trustees = shares
        .first()
        .map(Vec::len)
        .ok_or(BallotError::InvalidTrustees)?;
    if constants.len() != shares.len() || shares.iter().any(|dealt| dealt.len() != trustees) {
        return Err(BallotError::InvalidTrustees);
    }
    let mut key = Ristretto::identity();
    for constant in constants {
        key += point(constant)?.as_element();
    }
    let mut key_shares = Vec::with_capacity(trustees);
    for position in 0..trustees {
        let mut sum = Ristretto::identity();
        for dealt in shares {
            let share = dealt.get(position).ok_or(BallotError::InvalidTrustees)?;
            sum += point(share)?.as_element();
        }
        key_shares.push(encode_point(&sum));
    }
    let key = ElectionKey(encode_point(&key));
    let derived = crate::TrusteeKeys {
        threshold,
        keys: &key_shares,
    }
    .election_key()?;
    if derived != key {
        return Err(BallotError::InvalidTrustees);
    }
    Ok((key, key_shares))
}

pub use setup::*;

#[allow(clippy::arithmetic_side_effects)] // Group and field operations: no overflow, no panic.
mod setup {
    use super::*;
    use crate::Trustee;
    use elastic_elgamal::{
        group::ScalarOps,
        sharing::{ActiveParticipant, Dealer},
    };
    use rand_core::{CryptoRng, RngCore};

    /// A trustee's private state through the key generation: its dealer (secret polynomial),
    /// commitment opening and transport secret.
    pub struct TrusteeSetup {
        position: u32,
        trustees: u32,
        threshold: u32,
        dealer: Dealer<Ristretto>,
        opening: [u8; 32],
        transport: SecretKey<Ristretto>,
    }

    /// What a trustee publishes in the commit round.
    pub struct CommitRound {
        /// [`commitment`] of its polynomial's constant term.
        pub commitment: [u8; 32],
        /// The key the others encrypt its shares to.
        pub transport_key: [u8; 32],
    }

    /// What a trustee publishes in the publish round.
    pub struct PublishRound {
        /// Its public polynomial, `threshold` points.
        pub polynomial: Vec<[u8; 32]>,
        /// Proof that it knows the secret polynomial (postcard-encoded).
        pub proof: Vec<u8>,
        /// The opening of its commitment.
        pub opening: [u8; 32],
    }

    impl TrusteeSetup {
        /// A new trustee at `position` (from 0) of `trustees`, `threshold` of whom decrypt.
        pub fn new<R: RngCore + CryptoRng>(
            position: u32,
            trustees: u32,
            threshold: u32,
            rng: &mut R,
        ) -> Result<Self, BallotError> {
            let params = crate::trustee_params(trustees, threshold)?;
            if position >= trustees {
                return Err(BallotError::InvalidTrustees);
            }
            let mut opening = [0; 32];
            rng.fill_bytes(&mut opening);
            Ok(Self {
                position,
                trustees,
                threshold,
                dealer: Dealer::new(params, rng),
                opening,
                transport: SecretKey::generate(rng),
            })
        }

        fn constant(&self) -> Result<[u8; 32], BallotError> {
            let (polynomial, _) = self.dealer.public_info();
            polynomial
                .first()
                .map(encode_point)
                .ok_or(BallotError::InvalidTrustees)
        }

        /// The commit round's message.
        pub fn commit_round(&self, context: &[u8]) -> Result<CommitRound, BallotError> {
            Ok(CommitRound {
                commitment: commitment(context, &self.constant()?, &self.opening),
                transport_key: encode_point(&Ristretto::mul_generator(
                    self.transport.expose_scalar(),
                )),
            })
        }

        /// The publish round's message.
        pub fn publish_round(&self) -> Result<PublishRound, BallotError> {
            let (polynomial, proof) = self.dealer.public_info();
            Ok(PublishRound {
                polynomial: polynomial.iter().map(encode_point).collect(),
                proof: postcard::to_allocvec(proof).map_err(|_| BallotError::Malformed)?,
                opening: self.opening,
            })
        }

        /// The share for trustee `to`, encrypted to its transport key.
        pub fn encrypted_share<R: RngCore + CryptoRng>(
            &self,
            context: &[u8],
            to: u32,
            transport_key: &[u8; 32],
            rng: &mut R,
        ) -> Result<EncryptedShare, BallotError> {
            if to >= self.trustees {
                return Err(BallotError::InvalidTrustees);
            }
            let share = self.dealer.secret_share_for_participant(to as usize);
            let ephemeral = SecretKey::<Ristretto>::generate(rng);
            let key =
                encode_point(&(point(transport_key)?.as_element() * ephemeral.expose_scalar()));
            let mut plain = [0; 32];
            Ristretto::serialize_scalar(share.expose_scalar(), &mut plain);
            Ok(EncryptedShare {
                ephemeral: encode_point(&Ristretto::mul_generator(ephemeral.expose_scalar())),
                masked: xor(&plain, &mask(context, &key)),
            })
        }

        fn mask_key(&self, share: &EncryptedShare) -> Result<[u8; 32], BallotError> {
            Ok(encode_point(
                &(point(&share.ephemeral)?.as_element() * self.transport.expose_scalar()),
            ))
        }

        /// Opens a share sent to this trustee and checks it against `expected` (the dealer's
        /// polynomial at this trustee, from [`verify_contribution`]): the share, or `None` when
        /// it is wrong and the trustee should complain.
        pub fn open_share(
            &self,
            context: &[u8],
            share: &EncryptedShare,
            expected: &[u8; 32],
        ) -> Result<Option<SecretKey<Ristretto>>, BallotError> {
            let unmasked = xor(&share.masked, &mask(context, &self.mask_key(share)?));
            let Some(secret) = SecretKey::<Ristretto>::from_bytes(&unmasked) else {
                return Ok(None);
            };
            let valid =
                Ristretto::mul_generator(secret.expose_scalar()) == point(expected)?.as_element();
            Ok(valid.then_some(secret))
        }

        /// The disclosure of a share's key for a complaint about it.
        pub fn disclose<R: RngCore + CryptoRng>(
            &self,
            context: &[u8],
            share: &EncryptedShare,
            rng: &mut R,
        ) -> Result<Disclosure, BallotError> {
            let key = self.mask_key(share)?;
            let proof = LogEqualityProof::new(
                &point(&share.ephemeral)?,
                &self.transport,
                (
                    Ristretto::mul_generator(self.transport.expose_scalar()),
                    point(&key)?.as_element(),
                ),
                &mut disclosure_transcript(context),
                rng,
            );
            Ok(Disclosure {
                key,
                proof: crate::array(&proof.to_bytes()),
            })
        }

        /// The share this trustee deals to itself.
        pub fn own_share(&self) -> SecretKey<Ristretto> {
            self.dealer
                .secret_share_for_participant(self.position as usize)
        }

        /// Becomes a trustee of the election: `shares` are the shares from every qualified
        /// dealer (its own included), `key_shares` every trustee's public key share as the
        /// chain combined them.
        pub fn finish(
            self,
            shares: &[SecretKey<Ristretto>],
            key_shares: &[[u8; 32]],
        ) -> Result<Trustee, BallotError> {
            let keys = key_shares
                .iter()
                .map(point)
                .collect::<Result<Vec<_>, _>>()?;
            let params = crate::trustee_params(self.trustees, self.threshold)?;
            let set = PublicKeySet::from_participants(params, keys)
                .map_err(|_| BallotError::InvalidTrustees)?;
            let secret = shares
                .iter()
                .cloned()
                .reduce(|sum, share| sum + share)
                .ok_or(BallotError::InvalidTrustees)?;
            ActiveParticipant::new(set, self.position as usize, secret)
                .map(Trustee)
                .map_err(|_| BallotError::InvalidTrustees)
        }
    }
}
