//! The off-chain side: a wallet encrypts a ballot, a trustee decrypts its share of the sums,
//! anyone turns combined decryptions into counts.

use crate::{
    array, choice_params, BallotError, Ciphertext, DecryptionShare, ElectionKey, TrusteeKeys,
};
use alloc::{collections::BTreeMap, vec::Vec};
use elastic_elgamal::{
    app::EncryptedChoice,
    group::{ElementOps, Group, Ristretto},
    sharing::ActiveParticipant,
};
use rand_core::{CryptoRng, RngCore};

/// Encrypts a vote for option `choice` (from 0) of an election with `options` options under
/// `key`, bound to `context` ([`crate::ballot_context`] of the election and the voter), with its
/// proof, in the wire format [`crate::verify_ballot`] reads.
pub fn encrypt_ballot<R: RngCore + CryptoRng>(
    key: &ElectionKey,
    options: u32,
    choice: u32,
    context: &[u8],
    rng: &mut R,
) -> Result<Vec<u8>, BallotError> {
    crate::batchable::encrypt(key, options, choice, context, rng)
}

/// A ballot in the format cast before the current one (elastic-elgamal's, bound to no voter):
/// for tests of ballots a chain stored before the format changed.
pub fn encrypt_earlier_format_ballot<R: RngCore + CryptoRng>(
    key: &ElectionKey,
    options: u32,
    choice: u32,
    rng: &mut R,
) -> Result<Vec<u8>, BallotError> {
    let params = choice_params(key, options)?;
    if choice >= options {
        return Err(BallotError::WrongOptionCount);
    }
    let ballot = EncryptedChoice::single(&params, choice as usize, rng);
    postcard::to_allocvec(&ballot).map_err(|_| BallotError::Malformed)
}

/// A trustee's secret share of an election key, as the key generation left it.
pub struct Trustee(pub(crate) ActiveParticipant<Ristretto>);

impl Trustee {
    /// The trustee's position among the election's trustees, from 0.
    pub fn position(&self) -> u32 {
        u32::try_from(self.0.index()).unwrap_or(u32::MAX)
    }

    /// The public key of the trustee's share.
    pub fn key_share(&self) -> [u8; 32] {
        array(self.0.public_key_share().as_bytes())
    }

    /// The joint election key.
    pub fn election_key(&self) -> ElectionKey {
        ElectionKey(array(self.0.key_set().shared_key().as_bytes()))
    }

    /// The trustee's decryption shares of `sums`, one per option, with their proofs.
    pub fn decryption_shares<R: RngCore + CryptoRng>(
        &self,
        sums: &[Ciphertext],
        rng: &mut R,
    ) -> Result<Vec<DecryptionShare>, BallotError> {
        sums.iter()
            .map(|sum| {
                let (decryption, proof) = self.0.decrypt_share(sum.decode()?, rng);
                Ok(DecryptionShare {
                    element: array(&decryption.to_bytes()),
                    proof: array(&proof.to_bytes()),
                })
            })
            .collect()
    }
}

/// Trustees whose shares one dealer drew (a single party knows the whole key): only for tests
/// and benchmarks that need key holders quickly. An election's trustees make their key with
/// [`crate::dkg`], which no single party controls.
pub fn dealt_trustees<R: RngCore + CryptoRng>(
    trustees: u32,
    threshold: u32,
    rng: &mut R,
) -> Result<Vec<Trustee>, BallotError> {
    use elastic_elgamal::sharing::{Dealer, PublicKeySet};
    let params = crate::trustee_params(trustees, threshold)?;
    let dealer = Dealer::<Ristretto>::new(params, rng);
    let (polynomial, proof) = dealer.public_info();
    let set =
        PublicKeySet::new(params, polynomial, proof).map_err(|_| BallotError::InvalidTrustees)?;
    (0..trustees as usize)
        .map(|index| {
            ActiveParticipant::new(
                set.clone(),
                index,
                dealer.secret_share_for_participant(index),
            )
            .map(Trustee)
            .map_err(|_| BallotError::InvalidTrustees)
        })
        .collect()
}

/// Runs the key generation of [`crate::dkg`] among `trustees` parties with `threshold`, all in
/// this process and all honest (tests, tools and demonstrations; on chain each trustee runs
/// its own part through the pallet).
pub fn generate_trustees<R: RngCore + CryptoRng>(
    trustees: u32,
    threshold: u32,
    rng: &mut R,
) -> Result<Vec<Trustee>, BallotError> {
    use crate::dkg::{combine_contributions, verify_contribution, TrusteeSetup};
    const CONTEXT: &[u8] = b"generate_trustees";
    let setups = (0..trustees)
        .map(|position| TrusteeSetup::new(position, trustees, threshold, rng))
        .collect::<Result<Vec<_>, _>>()?;
    let commits = setups
        .iter()
        .map(|setup| setup.commit_round(CONTEXT))
        .collect::<Result<Vec<_>, _>>()?;
    let mut constants = Vec::new();
    let mut dealt = Vec::new();
    for (setup, commit) in setups.iter().zip(&commits) {
        let published = setup.publish_round()?;
        dealt.push(verify_contribution(
            CONTEXT,
            trustees,
            threshold,
            &commit.commitment,
            &published.polynomial,
            &published.proof,
            &published.opening,
        )?);
        constants.push(
            *published
                .polynomial
                .first()
                .ok_or(BallotError::InvalidTrustees)?,
        );
    }
    let (_, key_shares) = combine_contributions(threshold, &constants, &dealt)?;
    let mut received: Vec<Vec<_>> = setups.iter().map(|_| Vec::new()).collect();
    for (from, setup) in setups.iter().enumerate() {
        for (to, (commit, inbox)) in commits.iter().zip(received.iter_mut()).enumerate() {
            let share = if from == to {
                setup.own_share()
            } else {
                let encrypted = setup.encrypted_share(
                    CONTEXT,
                    u32::try_from(to).map_err(|_| BallotError::InvalidTrustees)?,
                    &commit.transport_key,
                    rng,
                )?;
                let expected = dealt
                    .get(from)
                    .and_then(|shares| shares.get(to))
                    .ok_or(BallotError::InvalidTrustees)?;
                setups
                    .get(to)
                    .ok_or(BallotError::InvalidTrustees)?
                    .open_share(CONTEXT, &encrypted, expected)?
                    .ok_or(BallotError::InvalidShare)?
            };
            inbox.push(share);
        }
    }
    setups
        .into_iter()
        .zip(received)
        .map(|(setup, shares)| setup.finish(&shares, &key_shares))
        .collect()
}

/// The counts `sums` decrypt to, from the shares of at least `threshold` trustees (as
/// [`crate::check_tally`] takes them), each at most `max_count` (the electorate): the discrete
/// logarithm by baby steps and giant steps, `O(√max_count)` time and memory. The chain never
/// does this; it checks the counts it is given.
pub fn decrypt_counts(
    trustees: &TrusteeKeys<'_>,
    sums: &[Ciphertext],
    shares: &[(u32, &[DecryptionShare])],
    max_count: u64,
) -> Result<Vec<u64>, BallotError> {
    let set = trustees.key_set()?;
    let threshold = set.params().threshold;
    let mut counts = Vec::with_capacity(sums.len());
    let logs = DiscreteLog::new(max_count);
    for (option, sum) in sums.iter().enumerate() {
        let decryptions = shares
            .iter()
            .take(threshold)
            .map(|(trustee, shares)| {
                let share = shares.get(option).ok_or(BallotError::WrongOptionCount)?;
                Ok((
                    *trustee as usize,
                    crate::verified_share(&set, *trustee, sum, share)?,
                ))
            })
            .collect::<Result<Vec<_>, BallotError>>()?;
        let combined = set
            .params()
            .combine_shares(decryptions)
            .ok_or(BallotError::NotEnoughShares)?;
        let element = combined.decrypt_to_element(sum.decode()?);
        counts.push(logs.find(element).ok_or(BallotError::CountMismatch)?);
    }
    Ok(counts)
}

type Point = <Ristretto as ElementOps>::Element;

/// Baby-step giant-step discrete logarithms of `count·G` for counts up to a bound.
struct DiscreteLog {
    step: u64,
    max: u64,
    baby: BTreeMap<[u8; 32], u64>,
}

// Adding and subtracting points is a group's operation: no overflow, no panic.
#[allow(clippy::arithmetic_side_effects)]
impl DiscreteLog {
    fn new(max: u64) -> Self {
        let step = max.isqrt().saturating_add(1);
        let mut baby = BTreeMap::new();
        let mut point = Ristretto::identity();
        for j in 0..step {
            baby.insert(point.compress().to_bytes(), j);
            point += Ristretto::generator();
        }
        Self { step, max, baby }
    }

    fn find(&self, target: Point) -> Option<u64> {
        let giant = Ristretto::mul_generator(&self.step.into());
        let mut point = target;
        let mut i = 0_u64;
        while i.saturating_mul(self.step) <= self.max {
            if let Some(j) = self.baby.get(&point.compress().to_bytes()) {
                let count = i.saturating_mul(self.step).saturating_add(*j);
                return (count <= self.max).then_some(count);
            }
            point -= giant;
            i = i.saturating_add(1);
        }
        None
    }
}
