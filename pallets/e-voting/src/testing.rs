//! Driving an encrypted election's trustees through their key ceremony and tally, for the
//! pallet's tests and benchmarks (and the runtime's tests): each trustee's private side is a
//! `govchain_ballot::dkg::TrusteeSetup` with a seeded random source, and every step goes
//! through the pallet's calls, signed by the trustee's account.
//!
//! A helper for tests and benchmarks only (feature `testing`, never in a production build): a
//! step the pallet refuses fails the test, with the call's error.
#![allow(clippy::expect_used, clippy::panic)]

use crate::{pallet::*, types::*};
use alloc::{vec, vec::Vec};
use frame_support::{
    dispatch::DispatchResult, pallet_prelude::DispatchResultWithPostInfo, traits::Hooks, BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use govchain_ballot::dkg::{EncryptedShare, TrusteeSetup};
use govchain_primitives::identity::IdentityProvider;
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use sp_runtime::traits::Saturating;

/// An encrypted election's trustees, as their own tools would act for them.
pub struct Trustees<T: Config> {
    /// The election.
    pub election: ElectionId,
    /// Each trustee's account, in position order.
    pub accounts: Vec<T::AccountId>,
    /// Each trustee's private state.
    pub setups: Vec<TrusteeSetup>,
    /// The random source of every secret they draw.
    pub rng: ChaCha20Rng,
}

impl<T: Config> Trustees<T> {
    /// The trustees of `election`, as named on chain, with secrets drawn from `seed`.
    pub fn of(election: ElectionId, seed: u64) -> Self {
        let ceremony = KeyCeremonies::<T>::get(election).expect("an encrypted election");
        let mut rng = ChaCha20Rng::seed_from_u64(seed);
        let count = ceremony.trustees.len() as u32;
        let setups = (0..count)
            .map(|position| {
                TrusteeSetup::new(position, count, u32::from(ceremony.threshold), &mut rng)
                    .expect("valid parameters")
            })
            .collect();
        Self {
            election,
            accounts: ceremony
                .trustees
                .iter()
                .map(|trustee| trustee.account.clone())
                .collect(),
            setups,
            rng,
        }
    }

    fn ceremony(&self) -> KeyCeremony<T> {
        KeyCeremonies::<T>::get(self.election).expect("an encrypted election")
    }

    fn origin(&self, position: TrusteePosition) -> T::RuntimeOrigin {
        RawOrigin::Signed(self.account(position)).into()
    }

    /// Trustee `position`'s account.
    pub fn account(&self, position: TrusteePosition) -> T::AccountId {
        self.accounts
            .get(usize::from(position))
            .expect("a trustee")
            .clone()
    }

    fn setup(&self, position: TrusteePosition) -> &TrusteeSetup {
        self.setups.get(usize::from(position)).expect("a trustee")
    }

    /// The first block of `round`.
    pub fn round_starts(&self, round: CeremonyRound) -> BlockNumberFor<T> {
        let ceremony = self.ceremony();
        let index: u32 = match round {
            CeremonyRound::Commit => 0,
            CeremonyRound::Publish => 1,
            CeremonyRound::Share => 2,
            CeremonyRound::Complain => 3,
        };
        ceremony
            .starts
            .saturating_add(ceremony.round_length.saturating_mul(index.into()))
    }

    /// Moves the chain to the first block of `round` (without running hooks: nothing else is
    /// due in a ceremony's rounds).
    pub fn go_to(&self, round: CeremonyRound) {
        frame_system::Pallet::<T>::set_block_number(self.round_starts(round));
    }

    /// Trustee `position`'s commitment call.
    pub fn commit(&self, position: TrusteePosition) -> DispatchResult {
        let context = Pallet::<T>::ceremony_context(self.election, position, None);
        let round = self
            .setup(position)
            .commit_round(&context)
            .expect("a commitment");
        Pallet::<T>::commit_key_part(
            self.origin(position),
            self.election,
            round.commitment,
            round.transport_key,
        )
    }

    /// What trustee `position` publishes: polynomial, proof, opening.
    pub fn publication(
        &self,
        position: TrusteePosition,
    ) -> (BoundedVec<[u8; 32], MaxTrustees>, PossessionProof, [u8; 32]) {
        let round = self.setup(position).publish_round().expect("a publication");
        (
            BoundedVec::truncate_from(round.polynomial),
            BoundedVec::truncate_from(round.proof),
            round.opening,
        )
    }

    /// Trustee `position`'s publication call.
    pub fn publish(&self, position: TrusteePosition) -> DispatchResultWithPostInfo {
        let (polynomial, proof, opening) = self.publication(position);
        Pallet::<T>::publish_key_part(
            self.origin(position),
            self.election,
            polynomial,
            proof,
            opening,
        )
    }

    /// The shares trustee `position` deals to the others that published, encrypted.
    pub fn shares(&mut self, position: TrusteePosition) -> BoundedVec<EncryptedShare, MaxTrustees> {
        let ceremony = self.ceremony();
        let setup = self.setups.get(usize::from(position)).expect("a trustee");
        BoundedVec::truncate_from(
            crate::trustee::deal_shares(self.election, &ceremony, position, setup, &mut self.rng)
                .expect("shares"),
        )
    }

    /// Trustee `position`'s call posting `shares`.
    pub fn post_shares(
        &self,
        position: TrusteePosition,
        shares: BoundedVec<EncryptedShare, MaxTrustees>,
    ) -> DispatchResult {
        Pallet::<T>::post_key_shares(self.origin(position), self.election, shares)
    }

    /// Trustee `complainant`'s complaint about the share `dealer` posted for it.
    pub fn complain(
        &mut self,
        complainant: TrusteePosition,
        dealer: TrusteePosition,
    ) -> DispatchResult {
        let ceremony = self.ceremony();
        let dealt = self.dealt(&ceremony);
        let setup = self
            .setups
            .get(usize::from(complainant))
            .expect("a trustee");
        let disclosure = crate::trustee::disclosure(
            self.election,
            &ceremony,
            complainant,
            setup,
            dealer,
            &dealt,
            &mut self.rng,
        )
        .expect("a disclosure");
        Pallet::<T>::complain(self.origin(complainant), self.election, dealer, disclosure)
    }

    /// The shares every dealer posted.
    fn dealt(&self, ceremony: &KeyCeremony<T>) -> crate::trustee::Dealt {
        ceremony
            .published()
            .into_iter()
            .filter_map(|dealer| {
                DealtShares::<T>::get(self.election, dealer)
                    .map(|shares| (dealer, shares.into_inner()))
            })
            .collect()
    }

    /// Every trustee commits and publishes its part, each in its round; the chain is left in
    /// the publish round.
    pub fn commit_and_publish(&self) -> DispatchResult {
        let count = self.setups.len() as TrusteePosition;
        self.go_to(CeremonyRound::Commit);
        for position in 0..count {
            self.commit(position)?;
        }
        self.go_to(CeremonyRound::Publish);
        for position in 0..count {
            self.publish(position).map_err(|error| error.error)?;
        }
        Ok(())
    }

    /// Every trustee commits, publishes and posts its shares, each in its round: a ceremony
    /// without a fault.
    pub fn run_ceremony(&mut self) {
        let count = self.setups.len() as TrusteePosition;
        self.commit_and_publish().expect("commits and publishes");
        self.go_to(CeremonyRound::Share);
        for position in 0..count {
            let shares = self.shares(position);
            self.post_shares(position, shares)
                .expect("posts its shares");
        }
    }

    /// Moves the chain to the start of voting and runs the pallet's block initialisation,
    /// which makes the key.
    pub fn start_voting(&self) {
        let starts = Elections::<T>::get(self.election)
            .expect("the election")
            .voting_starts;
        frame_system::Pallet::<T>::set_block_number(starts);
        Pallet::<T>::on_initialize(starts);
    }

    /// The election key.
    pub fn key(&self) -> govchain_ballot::ElectionKey {
        self.ceremony().key.expect("the key was made")
    }

    /// The trustees' secret shares of the key, of those that received a share from every
    /// qualified dealer, by position.
    pub fn key_holders(self) -> Vec<(TrusteePosition, govchain_ballot::Trustee)> {
        let ceremony = self.ceremony();
        let dealt = self.dealt(&ceremony);
        let published = ceremony.published();
        let election = self.election;
        let mut holders = Vec::new();
        for (position, setup) in self.setups.into_iter().enumerate() {
            let position = position as TrusteePosition;
            if !published.contains(&position) {
                continue;
            }
            match crate::trustee::key_holder(election, &ceremony, position, setup, &dealt) {
                Ok(holder) => holders.push((position, holder)),
                Err(_) => panic!("trustee {position} got a wrong share"),
            }
        }
        holders
    }
}

/// `voter`'s ballot for option `choice` of `election`, encrypted to its key and bound to the
/// election and the voter's citizen number, with secrets drawn from `seed`.
pub fn encrypted_ballot<T: Config>(
    election: ElectionId,
    voter: &T::AccountId,
    choice: u32,
    seed: u64,
) -> EncryptedBallot {
    let key = KeyCeremonies::<T>::get(election)
        .and_then(|ceremony| ceremony.key)
        .expect("the key was made");
    let options = Elections::<T>::get(election)
        .expect("the election")
        .options
        .len() as u32;
    let citizen = T::Identity::citizen_of(voter).expect("the voter is a citizen");
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    BoundedVec::truncate_from(
        govchain_ballot::encrypt_ballot(
            &key,
            options,
            choice,
            &govchain_ballot::ballot_context(election, citizen),
            &mut rng,
        )
        .expect("a ballot"),
    )
}

/// `holder`'s decryption shares of `election`'s sums.
pub fn decryption_shares<T: Config>(
    election: ElectionId,
    holder: &govchain_ballot::Trustee,
    seed: u64,
) -> BoundedVec<govchain_ballot::DecryptionShare, T::MaxOptions> {
    let sums = EncryptedSums::<T>::get(election).expect("the sums");
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    BoundedVec::truncate_from(
        holder
            .decryption_shares(&sums, &mut rng)
            .expect("decryption shares"),
    )
}

/// The counts `election`'s posted decryption shares decrypt its sums to, each at most
/// `max_count`.
pub fn decrypted_counts<T: Config>(election: ElectionId, max_count: u64) -> Vec<u64> {
    let ceremony = KeyCeremonies::<T>::get(election).expect("an encrypted election");
    let keys: Vec<[u8; 32]> = ceremony
        .trustees
        .iter()
        .map(|trustee| trustee.key_share.expect("the key was made"))
        .collect();
    let sums = EncryptedSums::<T>::get(election).expect("the sums");
    let mut posted: Vec<(u32, Vec<govchain_ballot::DecryptionShare>)> =
        DecryptionShares::<T>::iter_prefix(election)
            .map(|(position, shares)| (u32::from(position), shares.into_inner()))
            .collect();
    posted.sort_by_key(|(position, _)| *position);
    let shares: Vec<(u32, &[govchain_ballot::DecryptionShare])> = posted
        .iter()
        .map(|(position, shares)| (*position, shares.as_slice()))
        .collect();
    govchain_ballot::decrypt_counts(
        &govchain_ballot::TrusteeKeys {
            threshold: u32::from(ceremony.threshold),
            keys: &keys,
        },
        &sums,
        &shares,
        max_count,
    )
    .unwrap_or_else(|_| vec![])
}

/// Creates a commit–reveal election of `commission` as such elections were created before
/// commit–reveal was retired (`Error::CommitRevealRetired`): checked as then, written to the
/// same stores with the same event. For the tests of the elections still running under the old
/// mode.
pub fn legacy_secret_election<T: Config>(
    commission: govchain_primitives::identity::InstitutionId,
    spec: ElectionSpec<T>,
) -> Result<ElectionId, sp_runtime::DispatchError> {
    use frame_support::ensure;
    let BallotMode::Secret { reveal_ends } = spec.mode else {
        panic!("a legacy election is a commit–reveal one");
    };
    ensure!(
        spec.voting_ends > spec.voting_starts,
        Error::<T>::EmptyVotingPeriod
    );
    ensure!(
        reveal_ends > spec.voting_ends,
        Error::<T>::EmptyRevealPeriod
    );
    // Checked as a poll voting until the end of the reveal, which closes when it would.
    let mut checked = Pallet::<T>::checked_election(
        commission,
        ElectionSpec {
            mode: BallotMode::Public,
            voting_ends: reveal_ends,
            ..spec.clone()
        },
    )?;
    checked.election.voting_ends = spec.voting_ends;
    checked.election.mode = spec.mode;
    let id = NextElectionId::<T>::get();
    Pallet::<T>::do_create_election(checked)?;
    Ok(id)
}
