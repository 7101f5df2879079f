//! Benchmarks of `pallet-e-voting`, each at its worst case: ballots with the most options,
//! elections limited to the most regions, closing blocks as full as they get.

use super::*;
use crate::Pallet as Voting;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
    traits::{EnsureOrigin, Get},
    BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use govchain_primitives::identity::{CitizenId, IdentityProvider, InstitutionId, RegionCode, Role};
use sp_core::H256;

fn commissioner<T: Config>() -> (T::AccountId, InstitutionId) {
    let who: T::AccountId = account("commissioner", 0, 0);
    let commission = T::Identity::benchmark_officer(&who, Role::ElectionCommission);
    (who, commission)
}

fn citizen<T: Config>(index: u32) -> (T::AccountId, CitizenId) {
    let who: T::AccountId = account("citizen", index, 0);
    let citizen = T::Identity::benchmark_citizen(&who);
    (who, citizen)
}

fn block<T: Config>(number: u32) -> BlockNumberFor<T> {
    BlockNumberFor::<T>::from(number)
}

/// `count` options with the longest codes, as a ballot holds them (at most `MaxOptions`).
fn options<T: Config>(count: u32) -> BoundedVec<BallotOption, T::MaxOptions> {
    option_list(count).try_into().unwrap_or_default()
}

/// `count` options with the longest codes.
fn option_list(count: u32) -> Vec<BallotOption> {
    (0..count)
        .map(|index| {
            // Two letters numbering up to 26 × 26 options: `OPTION-AA`, `OPTION-AB`, ...
            let letter = |place: u32| {
                let digit = place.checked_rem(26).unwrap_or_default() as u8;
                b'A'.saturating_add(digit)
            };
            let mut code = b"OPTION-".to_vec();
            code.push(letter(index.checked_div(26).unwrap_or_default()));
            code.push(letter(index));
            code.resize(MAX_OPTION_CODE_LEN as usize, b'X');
            BallotOption {
                code: OptionCode::truncate_from(code),
                text_hash: H256::repeat_byte(1),
            }
        })
        .collect()
}

/// `count` regions, or all citizens for none.
fn regions<T: Config>(count: u32) -> Option<BoundedVec<RegionCode, T::MaxRegions>> {
    regions_from::<T>(1, count)
}

/// `count` regions numbered from `first`, given in reverse order, or all citizens for none.
/// (at most `MaxRegions`).
fn regions_from<T: Config>(
    first: RegionCode,
    count: u32,
) -> Option<BoundedVec<RegionCode, T::MaxRegions>> {
    (count > 0).then(|| {
        (first..first.saturating_add(count))
            .rev()
            .collect::<Vec<_>>()
            .try_into()
            .unwrap_or_default()
    })
}

/// An election with the most options, voting from block 2 to 10, then revealing (if `secret`)
/// until block 20.
fn spec<T: Config>(secret: bool, regions_count: u32) -> ElectionSpec<T> {
    ElectionSpec {
        question_hash: H256::repeat_byte(7),
        options: options::<T>(T::MaxOptions::get()),
        regions: regions::<T>(regions_count),
        voting_starts: block::<T>(2),
        voting_ends: block::<T>(10),
        mode: if secret {
            BallotMode::Secret {
                reveal_ends: block::<T>(20),
            }
        } else {
            BallotMode::Public
        },
        trustees: BoundedVec::new(),
    }
}

/// Creates an election of `spec` for `commission` at block 1 (a commit–reveal one as before
/// its retirement); returns its id.
fn create<T: Config>(
    commission: InstitutionId,
    spec: ElectionSpec<T>,
) -> Result<ElectionId, BenchmarkError> {
    frame_system::Pallet::<T>::set_block_number(block::<T>(1));
    if matches!(spec.mode, BallotMode::Secret { .. }) {
        return crate::testing::legacy_secret_election::<T>(commission, spec)
            .map_err(|_| BenchmarkError::Stop("the legacy election is refused"));
    }
    let id = NextElectionId::<T>::get();
    let checked = Voting::<T>::checked_election(commission, spec)
        .map_err(|_| BenchmarkError::Stop("the election is refused"))?;
    Voting::<T>::do_create_election(checked)
        .map_err(|_| BenchmarkError::Stop("the election could not be created"))?;
    Ok(id)
}

/// Lists `count` other elections as closing at `at`, as if created before.
fn crowd_closing_block<T: Config>(at: BlockNumberFor<T>, count: u32) {
    ClosingAt::<T>::mutate(at, |closing| {
        for id in 0..count {
            let _ = closing.try_push(u32::MAX.saturating_sub(id));
        }
    });
}

/// A commissioner at block 1 and a poll's spec with `o` options and `r` regions, closing at
/// block 20, where `crowded` elections close already.
fn creation<T: Config>(o: u32, r: u32, crowded: u32) -> (T::AccountId, ElectionSpec<T>) {
    let (officer, _) = commissioner::<T>();
    frame_system::Pallet::<T>::set_block_number(block::<T>(1));
    let mut spec = spec::<T>(false, r);
    spec.options = options::<T>(o);
    spec.voting_ends = block::<T>(20);
    crowd_closing_block::<T>(block::<T>(20), crowded);
    (officer, spec)
}

/// `count` serving officers, each of an institution of its own.
fn trustee_accounts<T: Config>(count: u32) -> BoundedVec<T::AccountId, MaxTrustees> {
    let accounts: Vec<T::AccountId> = (0..count)
        .map(|index| {
            let who: T::AccountId = account("trustee", index, 0);
            T::Identity::benchmark_officer(&who, Role::Auditor);
            who
        })
        .collect();
    BoundedVec::truncate_from(accounts)
}

/// An encrypted election with `options` options and `trustees` trustees (`threshold` of whom
/// decrypt), created at block 1: its ceremony's rounds start at blocks 1, 3, 5 and 7, voting
/// runs from block 10 to 20, the tally until 30.
fn encrypted<T: Config>(
    options: u32,
    trustees: u32,
    threshold: u32,
) -> Result<ElectionId, BenchmarkError> {
    let (_, commission) = commissioner::<T>();
    let spec = ElectionSpec::<T> {
        options: options_of::<T>(options),
        voting_starts: block::<T>(10),
        voting_ends: block::<T>(20),
        mode: BallotMode::Encrypted {
            threshold: u8::try_from(threshold).unwrap_or(u8::MAX),
            tally_ends: block::<T>(30),
        },
        trustees: trustee_accounts::<T>(trustees),
        ..spec::<T>(false, 0)
    };
    create::<T>(commission, spec)
}

/// `count` options with the longest codes, within what any ballot holds.
fn options_of<T: Config>(count: u32) -> BoundedVec<BallotOption, T::MaxOptions> {
    options::<T>(count.min(T::MaxOptions::get()))
}

/// A stand-in for a trustee's published part, for steps that only count parts: what the
/// chain stores, with points nobody checks again.
fn stand_in_contribution(trustees: u32) -> KeyContribution {
    KeyContribution {
        constant: [1; 32],
        dealt: BoundedVec::truncate_from(vec![[1; 32]; trustees as usize]),
    }
}

/// Gives `election` the key of trustees a single dealer drew (`trustees`, `threshold`), as
/// if its ceremony had made it, and returns them; its sums start at zero.
fn dealt_key<T: Config>(
    election: ElectionId,
    trustees: u32,
    threshold: u32,
) -> Result<Vec<govchain_ballot::Trustee>, BenchmarkError> {
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
    let mut rng = ChaCha20Rng::seed_from_u64(u64::from(trustees));
    let holders = govchain_ballot::dealt_trustees(trustees, threshold, &mut rng)
        .map_err(|_| BenchmarkError::Stop("no dealt trustees"))?;
    let key = holders
        .first()
        .map(|holder| holder.election_key())
        .ok_or(BenchmarkError::Stop("no trustee"))?;
    KeyCeremonies::<T>::mutate(election, |ceremony| {
        if let Some(ceremony) = ceremony {
            for (record, holder) in ceremony.trustees.iter_mut().zip(&holders) {
                record.key_share = Some(holder.key_share());
            }
            ceremony.key = Some(key);
        }
    });
    let options = Elections::<T>::get(election)
        .map(|record| record.options.len())
        .unwrap_or_default();
    EncryptedSums::<T>::insert(
        election,
        BoundedVec::truncate_from(vec![govchain_ballot::Ciphertext::ZERO; options]),
    );
    Deadlines::<T>::mutate(block::<T>(10), |due| {
        due.retain(|(id, _)| *id != election);
    });
    Ok(holders)
}

/// Casts a ballot for option 0 of `election` by a fresh citizen `index`; returns the voter.
fn cast_one<T: Config>(
    election: ElectionId,
    index: u32,
) -> Result<(T::AccountId, CitizenId), BenchmarkError> {
    let (voter, citizen) = citizen::<T>(index);
    let ballot = crate::testing::encrypted_ballot::<T>(election, &voter, 0, u64::from(index));
    Voting::<T>::do_cast_encrypted_ballot(voter.clone(), election, ballot)
        .map_err(|_| BenchmarkError::Stop("the ballot was refused"))?;
    Ok((voter, citizen))
}

/// An election key of trustees a single dealer drew, and the random source that made it: for
/// the measurements of ballot formats, which need a key and ballots, not an election.
fn measurement_key(
) -> Result<(govchain_ballot::ElectionKey, rand_chacha::ChaCha20Rng), BenchmarkError> {
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
    let mut rng = ChaCha20Rng::seed_from_u64(3);
    let key = govchain_ballot::dealt_trustees(3, 2, &mut rng)
        .ok()
        .and_then(|holders| holders.first().map(|holder| holder.election_key()))
        .ok_or(BenchmarkError::Stop("no dealt trustees"))?;
    Ok((key, rng))
}

/// `n` ballots of `n` voters (each bound to its number's bytes) made by `encrypt` under the
/// measurement key: for the measurements of batch checks.
#[allow(clippy::type_complexity)]
fn measurement_ballots(
    n: u32,
    encrypt: impl Fn(
        &govchain_ballot::ElectionKey,
        &[u8],
        &mut rand_chacha::ChaCha20Rng,
    ) -> Result<Vec<u8>, govchain_ballot::BallotError>,
) -> Result<(govchain_ballot::ElectionKey, Vec<([u8; 4], Vec<u8>)>), BenchmarkError> {
    let (key, mut rng) = measurement_key()?;
    let ballots = (0..n)
        .map(|voter| {
            let context = voter.to_le_bytes();
            encrypt(&key, &context, &mut rng).map(|ballot| (context, ballot))
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| BenchmarkError::Stop("no ballot"))?;
    Ok((key, ballots))
}

/// An encrypted election of `o` options taking ballots (at block 10), its commissioner, and a
/// batch of `count` relayed re-votes: `count` citizens (the relay helper's signers) who cast a
/// ballot for option 0 each sign a ballot for the last option at their account's nonce; if
/// `bad`, the last ballot of every part the node checks together (`govchain_ballot::host::PART`)
/// is bound to another voter ([`spoiled_in_relay`]), so that its proof fails and every part's
/// check with it (every ballot is then checked alone: the worst case).
fn relayed_revotes<T: Config>(
    o: u32,
    count: u32,
    bad: bool,
) -> Result<
    (
        ElectionId,
        T::AccountId,
        BoundedVec<RelayedBallot<T>, T::MaxRelayedBallots>,
    ),
    BenchmarkError,
> {
    use sp_runtime::traits::{IdentifyAccount, Zero};
    let election = encrypted::<T>(o, 3, 2)?;
    dealt_key::<T>(election, 3, 2)?;
    let relayer: T::AccountId = account("commissioner", 0, 0);
    frame_system::Pallet::<T>::set_block_number(block::<T>(10));
    let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
    let mut ballots = Vec::new();
    for n in 0..count {
        let voter = T::RelayHelper::signer(n).into_account();
        T::Identity::benchmark_citizen(&voter);
        let seed = u64::from(n).saturating_mul(2);
        let earlier = crate::testing::encrypted_ballot::<T>(election, &voter, 0, seed);
        Voting::<T>::do_cast_encrypted_ballot(voter.clone(), election, earlier)
            .map_err(|_| BenchmarkError::Stop("the earlier ballot was refused"))?;
        let bound_to = if bad && spoiled_in_relay(n, count) {
            T::RelayHelper::signer(0).into_account()
        } else {
            voter.clone()
        };
        let ballot = crate::testing::encrypted_ballot::<T>(
            election,
            &bound_to,
            o.saturating_sub(1),
            seed.saturating_add(1),
        );
        let nonce = frame_system::Pallet::<T>::account_nonce(&voter);
        let payload = govchain_primitives::relay::signing_payload(
            govchain_primitives::relay::RELAYED_BALLOT,
            &genesis,
            &nonce,
            &relayed_ballot_body(election, &ballot),
        );
        let signature = T::RelayHelper::sign(&T::RelayHelper::signer(n), &payload);
        ballots.push(RelayedBallot {
            voter,
            nonce,
            ballot,
            signature,
        });
    }
    let ballots = BoundedVec::try_from(ballots).map_err(|_| BenchmarkError::Stop("too many"))?;
    Ok((election, relayer, ballots))
}

/// Whether [`relayed_revotes`] spoils ballot `n` of `count` (a bad batch): the last of every
/// part the node checks together, never the first ballot (whose voter the spoiled ones name).
fn spoiled_in_relay(n: u32, count: u32) -> bool {
    let part = govchain_ballot::host::PART as u32;
    let last_of_part = n.saturating_add(1) % part == 0 || n.saturating_add(1) == count;
    n > 0 && last_of_part
}

/// Ends voting at block 20: the encrypted election created by [`encrypted`] tallies.
fn end_voting<T: Config>() {
    let closing = block::<T>(20);
    frame_system::Pallet::<T>::set_block_number(closing);
    Voting::<T>::close_elections_due(closing);
}

#[benchmarks]
mod benchmarks {
    use super::*;

    /// With `o` options and `r` regions (none: all citizens), into a closing block that has
    /// room for one more.
    #[benchmark]
    fn create_election(
        o: Linear<2, { T::MaxOptions::get() }>,
        r: Linear<0, { T::MaxRegions::get() }>,
    ) -> Result<(), BenchmarkError> {
        let (officer, spec) = creation::<T>(o, r, T::MaxClosingPerBlock::get().saturating_sub(1));

        #[extrinsic_call]
        _(RawOrigin::Signed(officer), spec);

        assert!(Elections::<T>::contains_key(0));
        Ok(())
    }

    /// A creation refused by its last check, as large as `create_election`'s: the closing
    /// block is full.
    #[benchmark]
    fn create_election_refused(
        o: Linear<2, { T::MaxOptions::get() }>,
        r: Linear<0, { T::MaxRegions::get() }>,
    ) -> Result<(), BenchmarkError> {
        let (officer, spec) = creation::<T>(o, r, T::MaxClosingPerBlock::get());
        let refused;

        #[block]
        {
            refused = Voting::<T>::create_election(RawOrigin::Signed(officer).into(), spec);
        }

        assert_eq!(
            refused.map_err(|refusal| refusal.error),
            Err(Error::<T>::ClosingBlockFull.into())
        );
        Ok(())
    }

    /// A citizen replacing an earlier vote: the old option is uncounted, the new counted.
    #[benchmark]
    fn vote() -> Result<(), BenchmarkError> {
        let (_, commission) = commissioner::<T>();
        let election = create::<T>(commission, spec::<T>(false, 0))?;
        let (voter, citizen) = citizen::<T>(0);
        frame_system::Pallet::<T>::set_block_number(block::<T>(2));
        Voting::<T>::do_vote(voter.clone(), election, 0)
            .map_err(|_| BenchmarkError::Stop("the first vote failed"))?;
        let last = u8::try_from(T::MaxOptions::get().saturating_sub(1)).unwrap_or(u8::MAX);

        #[extrinsic_call]
        _(RawOrigin::Signed(voter), election, last);

        assert_eq!(
            Ballots::<T>::get(election, citizen),
            Some(Ballot::Public(last))
        );
        Ok(())
    }

    /// `n` citizens' first votes in a public poll open to all, each signed with the citizen's
    /// key and relayed by the commission: every vote is checked (signature, nonce,
    /// eligibility, option, quota) and counted.
    #[benchmark]
    fn relay_votes(n: Linear<1, { T::MaxRelayedVotes::get() }>) -> Result<(), BenchmarkError> {
        use govchain_primitives::relay::{self, RelayBenchmarkHelper};
        use sp_runtime::traits::{IdentifyAccount, Zero};
        let (officer, commission) = commissioner::<T>();
        let election = create::<T>(commission, spec::<T>(false, 0))?;
        frame_system::Pallet::<T>::set_block_number(block::<T>(2));
        let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
        let last = u8::try_from(T::MaxOptions::get().saturating_sub(1)).unwrap_or(u8::MAX);
        let mut votes = Vec::new();
        for index in 0..n {
            let voter: T::AccountId = T::RelayHelper::signer(index).into_account();
            T::Identity::benchmark_citizen(&voter);
            let nonce = frame_system::Pallet::<T>::account_nonce(&voter);
            let payload = relay::signing_payload(
                relay::RELAYED_VOTE,
                &genesis,
                &nonce,
                &relayed_vote_body(election, last),
            );
            votes.push(RelayedVote {
                voter,
                nonce,
                option: last,
                signature: T::RelayHelper::sign(&T::RelayHelper::signer(index), &payload),
            });
        }
        let votes = BoundedVec::try_from(votes).map_err(|_| BenchmarkError::Stop("too many"))?;

        #[extrinsic_call]
        _(RawOrigin::Signed(officer), election, votes);

        assert_eq!(
            Tallies::<T>::get(election).map(|tally| tally.ballots),
            Some(u64::from(n))
        );
        Ok(())
    }

    /// A citizen's first sealed ballot, which adds to the ballots cast.
    #[benchmark]
    fn commit_vote() -> Result<(), BenchmarkError> {
        let (_, commission) = commissioner::<T>();
        let election = create::<T>(commission, spec::<T>(true, 0))?;
        let (voter, citizen) = citizen::<T>(0);
        frame_system::Pallet::<T>::set_block_number(block::<T>(2));
        let commitment = Voting::<T>::commitment(election, 0, H256::repeat_byte(9), citizen);

        #[extrinsic_call]
        _(RawOrigin::Signed(voter), election, commitment);

        assert_eq!(
            Ballots::<T>::get(election, citizen),
            Some(Ballot::Sealed(commitment))
        );
        Ok(())
    }

    /// A citizen revealing a sealed ballot for the last option.
    #[benchmark]
    fn reveal_vote() -> Result<(), BenchmarkError> {
        let (_, commission) = commissioner::<T>();
        let election = create::<T>(commission, spec::<T>(true, 0))?;
        let (voter, citizen) = citizen::<T>(0);
        let last = u8::try_from(T::MaxOptions::get().saturating_sub(1)).unwrap_or(u8::MAX);
        let salt = H256::repeat_byte(9);
        frame_system::Pallet::<T>::set_block_number(block::<T>(2));
        Voting::<T>::do_commit_vote(
            voter.clone(),
            election,
            Voting::<T>::commitment(election, last, salt, citizen),
        )
        .map_err(|_| BenchmarkError::Stop("the ballot could not be sealed"))?;
        frame_system::Pallet::<T>::set_block_number(block::<T>(10));

        #[extrinsic_call]
        _(RawOrigin::Signed(voter), election, last, salt);

        assert_eq!(
            Ballots::<T>::get(election, citizen),
            Some(Ballot::Revealed(last))
        );
        Ok(())
    }

    /// The commission cancelling an election listed last in a full closing block.
    #[benchmark]
    fn cancel_election() -> Result<(), BenchmarkError> {
        let (officer, commission) = commissioner::<T>();
        crowd_closing_block::<T>(
            block::<T>(20),
            T::MaxClosingPerBlock::get().saturating_sub(1),
        );
        let election = create::<T>(commission, spec::<T>(true, T::MaxRegions::get()))?;

        #[extrinsic_call]
        _(RawOrigin::Signed(officer), election);

        assert!(!ClosingAt::<T>::get(block::<T>(20)).contains(&election));
        Ok(())
    }

    /// The council cancelling an election in its voting phase, listed last in a full closing
    /// block.
    #[benchmark]
    fn cancel_by_council() -> Result<(), BenchmarkError> {
        let origin =
            T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let (_, commission) = commissioner::<T>();
        crowd_closing_block::<T>(
            block::<T>(20),
            T::MaxClosingPerBlock::get().saturating_sub(1),
        );
        let election = create::<T>(commission, spec::<T>(true, T::MaxRegions::get()))?;
        frame_system::Pallet::<T>::set_block_number(block::<T>(5));

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, election, H256::repeat_byte(3));

        assert!(!ClosingAt::<T>::get(block::<T>(20)).contains(&election));
        Ok(())
    }

    /// Closing `n` secret ballots at the start of a block, each limited to the most regions (of
    /// its own), whose electorates are summed region by region.
    #[benchmark]
    fn close_elections(
        n: Linear<0, { T::MaxClosingPerBlock::get() }>,
    ) -> Result<(), BenchmarkError> {
        let (_, commission) = commissioner::<T>();
        let mut elections = vec![];
        let regions = T::MaxRegions::get();
        for index in 0..n {
            // Regions of their own, so no electorate count is read from the cache.
            let mut spec = spec::<T>(true, 0);
            spec.regions =
                regions_from::<T>(index.saturating_mul(regions).saturating_add(1), regions);
            elections.push(create::<T>(commission, spec)?);
        }
        let closing = block::<T>(20);
        frame_system::Pallet::<T>::set_block_number(closing);

        #[block]
        {
            Voting::<T>::close_elections_due(closing);
        }

        for election in elections {
            assert!(matches!(
                Elections::<T>::get(election).map(|record| record.status),
                Some(ElectionStatus::Closed(_))
            ));
        }
        Ok(())
    }

    /// Naming `t` trustees: each one's institution is read, the ceremony and two deadlines
    /// are written (what an encrypted election adds to `create_election`).
    #[benchmark]
    fn name_trustees(
        t: Linear<3, { govchain_ballot::MAX_TRUSTEES }>,
    ) -> Result<(), BenchmarkError> {
        let trustees = trustee_accounts::<T>(t);
        frame_system::Pallet::<T>::set_block_number(block::<T>(1));
        let election = 0;

        #[block]
        {
            let ceremony =
                Voting::<T>::checked_ceremony(2, trustees, block::<T>(1), block::<T>(10))
                    .map_err(|_| BenchmarkError::Stop("the trustees were refused"))?;
            Voting::<T>::schedule_deadlines(election, block::<T>(10), block::<T>(30))
                .map_err(|_| BenchmarkError::Stop("no room for the deadlines"))?;
            KeyCeremonies::<T>::insert(election, ceremony);
        }

        assert!(KeyCeremonies::<T>::contains_key(election));
        Ok(())
    }

    /// The last of 15 trustees commits.
    #[benchmark]
    fn commit_key_part() -> Result<(), BenchmarkError> {
        let election = encrypted::<T>(2, govchain_ballot::MAX_TRUSTEES, 2)?;
        let trustees = crate::testing::Trustees::<T>::of(election, 1);
        let last = govchain_ballot::MAX_TRUSTEES.saturating_sub(1) as TrusteePosition;
        let context = Voting::<T>::ceremony_context(election, last, None);
        let round = trustees
            .setups
            .get(usize::from(last))
            .and_then(|setup| setup.commit_round(&context).ok())
            .ok_or(BenchmarkError::Stop("no commitment"))?;

        #[extrinsic_call]
        _(
            RawOrigin::Signed(trustees.account(last)),
            election,
            round.commitment,
            round.transport_key,
        );

        assert!(KeyCeremonies::<T>::get(election)
            .and_then(|ceremony| ceremony.trustees.get(usize::from(last)).cloned())
            .is_some_and(|trustee| trustee.committed.is_some()));
        Ok(())
    }

    /// A trustee of `t` publishes a polynomial of `t` points (the threshold is `t`), checked
    /// and evaluated at every trustee.
    #[benchmark]
    fn publish_key_part(
        t: Linear<3, { govchain_ballot::MAX_TRUSTEES }>,
    ) -> Result<(), BenchmarkError> {
        let election = encrypted::<T>(2, t, t)?;
        let trustees = crate::testing::Trustees::<T>::of(election, 2);
        trustees
            .commit(0)
            .map_err(|_| BenchmarkError::Stop("no commitment"))?;
        trustees.go_to(CeremonyRound::Publish);
        let (polynomial, proof, opening) = trustees.publication(0);

        #[extrinsic_call]
        _(
            RawOrigin::Signed(trustees.account(0)),
            election,
            polynomial,
            proof,
            opening,
        );

        assert!(KeyCeremonies::<T>::get(election)
            .and_then(|ceremony| ceremony.trustees.first().cloned())
            .is_some_and(|trustee| trustee.contribution.is_some()));
        Ok(())
    }

    /// A trustee posts its `t - 1` shares for the others (all of whom published).
    #[benchmark]
    fn post_key_shares(
        t: Linear<3, { govchain_ballot::MAX_TRUSTEES }>,
    ) -> Result<(), BenchmarkError> {
        let election = encrypted::<T>(2, t, 2)?;
        let trustees = crate::testing::Trustees::<T>::of(election, 3);
        KeyCeremonies::<T>::mutate(election, |ceremony| {
            if let Some(ceremony) = ceremony {
                for trustee in ceremony.trustees.iter_mut() {
                    trustee.committed = Some(KeyCommitment {
                        commitment: [1; 32],
                        transport_key: [1; 32],
                    });
                    trustee.contribution = Some(stand_in_contribution(t));
                }
            }
        });
        trustees.go_to(CeremonyRound::Share);
        let share = govchain_ballot::dkg::EncryptedShare {
            ephemeral: [2; 32],
            masked: [3; 32],
        };
        let shares = BoundedVec::truncate_from(vec![share; t.saturating_sub(1) as usize]);

        #[extrinsic_call]
        _(RawOrigin::Signed(trustees.account(0)), election, shares);

        assert!(DealtShares::<T>::contains_key(election, 0));
        Ok(())
    }

    /// The last of 15 trustees complains, rightly, about the first one's share: the share is
    /// unmasked and checked, and the dealer disqualified.
    #[benchmark]
    fn complain() -> Result<(), BenchmarkError> {
        let count = govchain_ballot::MAX_TRUSTEES;
        let election = encrypted::<T>(2, count, 2)?;
        let mut trustees = crate::testing::Trustees::<T>::of(election, 4);
        let last = count.saturating_sub(1) as TrusteePosition;
        for position in 0..=last {
            trustees
                .commit(position)
                .map_err(|_| BenchmarkError::Stop("no commitment"))?;
        }
        trustees.go_to(CeremonyRound::Publish);
        for position in [0, last] {
            trustees
                .publish(position)
                .map_err(|_| BenchmarkError::Stop("no publication"))?;
        }
        KeyCeremonies::<T>::mutate(election, |ceremony| {
            if let Some(ceremony) = ceremony {
                for trustee in ceremony.trustees.iter_mut() {
                    if trustee.contribution.is_none() {
                        trustee.contribution = Some(stand_in_contribution(count));
                    }
                }
            }
        });
        trustees.go_to(CeremonyRound::Share);
        let mut shares = trustees.shares(0);
        if let Some(share) = shares.last_mut() {
            share.masked[0] ^= 1;
        }
        trustees
            .post_shares(0, shares.clone())
            .map_err(|_| BenchmarkError::Stop("the shares were refused"))?;
        trustees.go_to(CeremonyRound::Complain);
        let share = shares
            .last()
            .copied()
            .ok_or(BenchmarkError::Stop("no share"))?;
        let context = Voting::<T>::ceremony_context(election, 0, Some(last));
        let disclosure = {
            let setup = trustees
                .setups
                .get(usize::from(last))
                .ok_or(BenchmarkError::Stop("no trustee"))?;
            setup
                .disclose(&context, &share, &mut trustees.rng)
                .map_err(|_| BenchmarkError::Stop("no disclosure"))?
        };

        #[extrinsic_call]
        _(
            RawOrigin::Signed(trustees.account(last)),
            election,
            0,
            disclosure,
        );

        assert!(KeyCeremonies::<T>::get(election)
            .and_then(|ceremony| ceremony.trustees.first().cloned())
            .is_some_and(|trustee| trustee.disqualified.is_some()));
        Ok(())
    }

    /// A citizen replaces an earlier ballot with one of `o` options: the proof is checked,
    /// the earlier ballot subtracted and the new one added.
    #[benchmark]
    fn cast_encrypted_ballot(
        o: Linear<2, { Voting::<T>::max_encrypted_options() }>,
    ) -> Result<(), BenchmarkError> {
        let election = encrypted::<T>(o, 3, 2)?;
        dealt_key::<T>(election, 3, 2)?;
        frame_system::Pallet::<T>::set_block_number(block::<T>(10));
        let (voter, citizen) = cast_one::<T>(election, 0)?;
        let ballot =
            crate::testing::encrypted_ballot::<T>(election, &voter, o.saturating_sub(1), 99);

        #[extrinsic_call]
        _(RawOrigin::Signed(voter), election, ballot);

        assert!(matches!(
            Ballots::<T>::get(election, citizen),
            Some(Ballot::Encrypted(_))
        ));
        Ok(())
    }

    /// The commission relays one citizen's re-vote of `o` options.
    #[benchmark]
    fn relay_encrypted_ballot(
        o: Linear<2, { Voting::<T>::max_encrypted_options() }>,
    ) -> Result<(), BenchmarkError> {
        let (election, relayer, ballots) = relayed_revotes::<T>(o, 1, false)?;

        #[extrinsic_call]
        relay_encrypted_ballots(RawOrigin::Signed(relayer), election, ballots);

        assert_eq!(EncryptedBallots::<T>::iter_prefix(election).count(), 1);
        Ok(())
    }

    /// The commission relays a full batch of citizens' re-votes of `o` options, every proof
    /// holding in the batch check.
    #[benchmark]
    fn relay_encrypted_ballots(
        o: Linear<2, { Voting::<T>::max_encrypted_options() }>,
    ) -> Result<(), BenchmarkError> {
        let count = T::MaxRelayedBallots::get();
        let (election, relayer, ballots) = relayed_revotes::<T>(o, count, false)?;

        #[extrinsic_call]
        _(RawOrigin::Signed(relayer), election, ballots);

        frame_system::Pallet::<T>::assert_last_event(
            Event::<T>::BallotsRelayed {
                election,
                cast: count,
                refused: 0,
            }
            .into(),
        );
        Ok(())
    }

    /// The commission relays a full batch of citizens' re-votes of `o` options in which the last
    /// ballot of every part has a proof that fails: every part's check fails, and every ballot
    /// is checked alone.
    #[benchmark]
    fn relay_encrypted_ballots_checked_alone(
        o: Linear<2, { Voting::<T>::max_encrypted_options() }>,
    ) -> Result<(), BenchmarkError> {
        let count = T::MaxRelayedBallots::get();
        let (election, relayer, ballots) = relayed_revotes::<T>(o, count, true)?;
        let spoiled = (0..count).filter(|n| spoiled_in_relay(*n, count)).count() as u32;

        #[extrinsic_call]
        relay_encrypted_ballots(RawOrigin::Signed(relayer), election, ballots);

        frame_system::Pallet::<T>::assert_last_event(
            Event::<T>::BallotsRelayed {
                election,
                cast: count.saturating_sub(spoiled),
                refused: spoiled,
            }
            .into(),
        );
        Ok(())
    }

    /// The last of 15 trustees (15 of whom decrypt) posts its shares of `o` sums.
    #[benchmark]
    fn post_decryption_shares(
        o: Linear<2, { Voting::<T>::max_encrypted_options() }>,
    ) -> Result<(), BenchmarkError> {
        let count = govchain_ballot::MAX_TRUSTEES;
        let election = encrypted::<T>(o, count, count)?;
        let holders = dealt_key::<T>(election, count, count)?;
        frame_system::Pallet::<T>::set_block_number(block::<T>(10));
        cast_one::<T>(election, 0)?;
        end_voting::<T>();
        let last = holders.last().ok_or(BenchmarkError::Stop("no trustee"))?;
        let shares = crate::testing::decryption_shares::<T>(election, last, 5);
        let account = KeyCeremonies::<T>::get(election)
            .and_then(|ceremony| {
                ceremony
                    .trustees
                    .last()
                    .map(|trustee| trustee.account.clone())
            })
            .ok_or(BenchmarkError::Stop("no trustee"))?;

        #[extrinsic_call]
        _(RawOrigin::Signed(account), election, shares);

        assert!(DecryptionShares::<T>::contains_key(
            election,
            count.saturating_sub(1) as TrusteePosition
        ));
        Ok(())
    }

    /// Counts of `o` options checked against the shares of `k` trustees of 15.
    #[benchmark]
    fn publish_tally(
        o: Linear<2, { Voting::<T>::max_encrypted_options() }>,
        k: Linear<2, { govchain_ballot::MAX_TRUSTEES }>,
    ) -> Result<(), BenchmarkError> {
        let count = govchain_ballot::MAX_TRUSTEES;
        let election = encrypted::<T>(o, count, k)?;
        let holders = dealt_key::<T>(election, count, k)?;
        frame_system::Pallet::<T>::set_block_number(block::<T>(10));
        cast_one::<T>(election, 0)?;
        end_voting::<T>();
        for (position, holder) in holders.iter().enumerate().take(k as usize) {
            let shares = crate::testing::decryption_shares::<T>(election, holder, 6);
            DecryptionShares::<T>::insert(election, position as TrusteePosition, shares);
        }
        let mut counts = vec![0u64; o as usize];
        if let Some(first) = counts.first_mut() {
            *first = 1;
        }
        let caller: T::AccountId = whitelisted_caller();

        #[extrinsic_call]
        _(
            RawOrigin::Signed(caller),
            election,
            BoundedVec::truncate_from(counts),
        );

        assert!(matches!(
            Elections::<T>::get(election).map(|record| record.status),
            Some(ElectionStatus::Closed(_))
        ));
        Ok(())
    }

    /// The key made from the parts of `t` qualified trustees (all of whom decrypt).
    #[benchmark]
    fn make_election_key(
        t: Linear<3, { govchain_ballot::MAX_TRUSTEES }>,
    ) -> Result<(), BenchmarkError> {
        let election = encrypted::<T>(2, t, t)?;
        let trustees = crate::testing::Trustees::<T>::of(election, 7);
        trustees
            .commit_and_publish()
            .map_err(|_| BenchmarkError::Stop("no publication"))?;
        KeyCeremonies::<T>::mutate(election, |ceremony| {
            if let Some(ceremony) = ceremony {
                for trustee in ceremony.trustees.iter_mut() {
                    trustee.shares_posted = true;
                }
            }
        });
        let starts = block::<T>(10);
        frame_system::Pallet::<T>::set_block_number(starts);

        #[block]
        {
            Voting::<T>::make_election_key(election, starts);
        }

        assert!(KeyCeremonies::<T>::get(election).is_some_and(|ceremony| ceremony.key.is_some()));
        Ok(())
    }

    /// An election still tallying at the end of its tally period fails.
    #[benchmark]
    fn fail_election() -> Result<(), BenchmarkError> {
        let election = encrypted::<T>(2, 3, 2)?;
        dealt_key::<T>(election, 3, 2)?;
        end_voting::<T>();
        let ends = block::<T>(30);
        frame_system::Pallet::<T>::set_block_number(ends);

        #[block]
        {
            // As `meet_deadlines` does: the record is read, then the election fails.
            if let Some(record) = Elections::<T>::get(election) {
                Voting::<T>::fail(election, record, Failure::NoTally, ends);
            }
        }

        assert!(matches!(
            Elections::<T>::get(election).map(|record| record.status),
            Some(ElectionStatus::Failed { .. })
        ));
        Ok(())
    }

    /// Checking one ballot of `o` options in the earlier format (elastic-elgamal's: one ring
    /// proof of 0-or-1 per option and a proof of their sum), as the chain took them before the
    /// current format. A measurement for `docs/performance.md`
    /// (`scripts/bench-ballot-verify.sh`); no call charges it.
    #[benchmark]
    fn verify_earlier_format_ballot(
        o: Linear<2, { govchain_ballot::MAX_OPTIONS }>,
    ) -> Result<(), BenchmarkError> {
        let (key, mut rng) = measurement_key()?;
        let ballot = govchain_ballot::encrypt_earlier_format_ballot(&key, o, 0, &mut rng)
            .map_err(|_| BenchmarkError::Stop("no ballot"))?;
        let verified;

        #[block]
        {
            verified = govchain_ballot::verify_stored_ballot(&key, o, b"", &ballot);
        }

        assert!(verified.is_ok());
        Ok(())
    }

    /// Checking one ballot of `o` options in the current format (per option, proofs in
    /// commitment form: `govchain_ballot::batchable`), alone: what `cast_encrypted_ballot`
    /// spends on the proof. A measurement for `docs/performance.md`; no call charges it.
    #[benchmark]
    fn verify_batchable(
        o: Linear<2, { govchain_ballot::MAX_OPTIONS }>,
    ) -> Result<(), BenchmarkError> {
        let (key, mut rng) = measurement_key()?;
        let ballot = govchain_ballot::batchable::encrypt(&key, o, 0, b"voter", &mut rng)
            .map_err(|_| BenchmarkError::Stop("no ballot"))?;
        let verified;

        #[block]
        {
            verified = govchain_ballot::batchable::verify(&key, o, b"voter", &ballot);
        }

        assert!(verified.is_ok());
        Ok(())
    }

    /// Checking `n` 4-option ballots of `n` voters in the current format together, in one
    /// multi-scalar multiplication (as a relayed batch or the tally verifier would). A measurement for
    /// `docs/performance.md`; no call charges it.
    #[benchmark]
    fn verify_batchable_batch(n: Linear<1, 100>) -> Result<(), BenchmarkError> {
        let (key, ballots) = measurement_ballots(n, |key, context, rng| {
            govchain_ballot::batchable::encrypt(key, 4, 1, context, rng)
        })?;
        let batch: Vec<(&[u8], &[u8])> = ballots
            .iter()
            .map(|(context, ballot)| (&context[..], &ballot[..]))
            .collect();
        let verified;

        #[block]
        {
            verified = govchain_ballot::batchable::verify_batch(&key, 4, &batch);
        }

        assert_eq!(
            verified.map(|ciphertexts| ciphertexts.len()),
            Ok(n as usize)
        );
        Ok(())
    }

    /// Checking one ballot of `o` options as one ciphertext with a single 1-of-k proof
    /// (`govchain_ballot::one_of_k`), equation by equation. A measurement for
    /// `docs/performance.md`; no call charges it.
    #[benchmark]
    fn verify_one_of_k(
        o: Linear<2, { govchain_ballot::one_of_k::MAX_CHOICES }>,
    ) -> Result<(), BenchmarkError> {
        let (key, mut rng) = measurement_key()?;
        let ballot = govchain_ballot::one_of_k::encrypt(&key, o, 0, b"voter", &mut rng)
            .map_err(|_| BenchmarkError::Stop("no ballot"))?;
        let verified;

        #[block]
        {
            verified = govchain_ballot::one_of_k::verify(&key, o, b"voter", &ballot);
        }

        assert!(verified.is_ok());
        Ok(())
    }

    /// Checking `n` 4-option one-ciphertext ballots of `n` voters together, in one
    /// multi-scalar multiplication (`one_of_k::verify_batch`). A measurement for
    /// `docs/performance.md`; no call charges it.
    #[benchmark]
    fn verify_one_of_k_batch(n: Linear<1, 100>) -> Result<(), BenchmarkError> {
        let (key, ballots) = measurement_ballots(n, |key, context, rng| {
            govchain_ballot::one_of_k::encrypt(key, 4, 1, context, rng)
        })?;
        let batch: Vec<(&[u8], &[u8])> = ballots
            .iter()
            .map(|(context, ballot)| (&context[..], &ballot[..]))
            .collect();
        let verified;

        #[block]
        {
            verified = govchain_ballot::one_of_k::verify_batch(&key, 4, &batch);
        }

        assert_eq!(
            verified.map(|ciphertexts| ciphertexts.len()),
            Ok(n as usize)
        );
        Ok(())
    }

    /// A block without deadlines.
    #[benchmark]
    fn no_deadline() {
        let now = block::<T>(5);

        #[block]
        {
            Voting::<T>::meet_deadlines(now);
        }
    }

    impl_benchmark_test_suite!(Voting, crate::mock::new_test_ext(), crate::mock::Test);
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_most_options_a_ballot_can_hold_get_distinct_valid_codes() {
        let options = super::option_list(256);
        let mut codes: Vec<_> = options.iter().map(|option| option.code.clone()).collect();
        assert!(codes.iter().all(|code| crate::is_valid_option_code(code)));
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 256);
    }
}
