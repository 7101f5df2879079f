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
    }
}

/// Creates an election of `spec` for `commission` at block 1; returns its id.
fn create<T: Config>(
    commission: InstitutionId,
    spec: ElectionSpec<T>,
) -> Result<ElectionId, BenchmarkError> {
    frame_system::Pallet::<T>::set_block_number(block::<T>(1));
    let id = NextElectionId::<T>::get();
    let (election, closes_at) = Voting::<T>::checked_election(commission, spec)
        .map_err(|_| BenchmarkError::Stop("the election is refused"))?;
    Voting::<T>::do_create_election(election, closes_at)
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

/// A commissioner at block 1 and a secret ballot's spec with `o` options and `r` regions,
/// closing at block 20, where `crowded` elections close already.
fn creation<T: Config>(o: u32, r: u32, crowded: u32) -> (T::AccountId, ElectionSpec<T>) {
    let (officer, _) = commissioner::<T>();
    frame_system::Pallet::<T>::set_block_number(block::<T>(1));
    let mut spec = spec::<T>(true, r);
    spec.options = options::<T>(o);
    crowd_closing_block::<T>(block::<T>(20), crowded);
    (officer, spec)
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
