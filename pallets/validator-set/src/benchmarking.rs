//! Benchmarks of `pallet-validator-set`, each at its worst case.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{
    traits::{EnsureOrigin, Get, Hooks},
    BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

/// Fills the set with `count` benchmark accounts.
fn fill_set<T: Config>(count: u32) {
    let validators: alloc::vec::Vec<T::AccountId> =
        (0..count).map(|i| account("validator", i, 0)).collect();
    Validators::<T>::put(BoundedVec::truncate_from(validators));
}

#[benchmarks]
mod benchmarks {
    use super::*;

    /// The new validator goes after `v` others: the duplicate check reads them all.
    #[benchmark]
    fn add_validator(
        v: Linear<1, { T::MaxValidators::get().saturating_sub(1) }>,
    ) -> Result<(), BenchmarkError> {
        fill_set::<T>(v);
        let origin =
            T::ValidatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let candidate: T::AccountId = account("candidate", 0, 0);
        T::HasSessionKeys::register_keys_for_benchmark(&candidate);

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, candidate.clone());

        assert!(Validators::<T>::get().contains(&candidate));
        Ok(())
    }

    /// The removed validator is the last of `v`: the search reads them all.
    #[benchmark]
    fn remove_validator(v: Linear<2, { T::MaxValidators::get() }>) -> Result<(), BenchmarkError> {
        fill_set::<T>(v);
        MinValidators::<T>::put(1);
        let origin =
            T::ValidatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let leaving: T::AccountId = account("validator", v.saturating_sub(1), 0);

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, leaving.clone());

        assert!(!Validators::<T>::get().contains(&leaving));
        Ok(())
    }

    #[benchmark]
    fn set_session_length() -> Result<(), BenchmarkError> {
        let origin =
            T::ValidatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let length: BlockNumberFor<T> = 600u32.into();

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, length);

        assert_eq!(SessionLength::<T>::get(), length);
        Ok(())
    }

    #[benchmark]
    fn set_min_validators() -> Result<(), BenchmarkError> {
        fill_set::<T>(T::MaxValidators::get());
        let origin = T::MinValidatorsOrigin::try_successful_origin()
            .map_err(|_| BenchmarkError::Weightless)?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, 2);

        assert_eq!(MinValidators::<T>::get(), 2);
        Ok(())
    }

    /// The session ends with a changed set of `v` validators, all with keys: the session
    /// pallet reads each one's keys to queue them, and the session handlers (Aura, GRANDPA)
    /// take the new set.
    #[benchmark]
    fn rotate_session(v: Linear<1, { T::MaxValidators::get() }>) -> Result<(), BenchmarkError> {
        fill_set::<T>(v);
        for validator in Validators::<T>::get() {
            T::HasSessionKeys::register_keys_for_benchmark(&validator);
        }
        SetChanged::<T>::put(true);
        let now = SessionStart::<T>::get().saturating_add(SessionLength::<T>::get());
        frame_system::Pallet::<T>::set_block_number(now);

        #[block]
        {
            Pallet::<T>::on_initialize(now);
        }

        assert!(!SetChanged::<T>::get());
        assert_eq!(SessionStart::<T>::get(), now);
        Ok(())
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
