//! Benchmarks of `pallet-governance`.

use super::*;
use crate::Pallet as Governance;
use alloc::{boxed::Box, vec};
use frame_benchmarking::v2::*;
use frame_support::{
    traits::{EnsureOrigin, Get},
    BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{One, Saturating};

/// The longest legal reference the runtime accepts.
fn longest_reference<T: Config>() -> LegalReferenceOf<T> {
    LegalReference {
        instrument_hash: [0x5e; 32],
        identifier: BoundedVec::truncate_from(vec![b'r'; T::MaxLegalReferenceLen::get() as usize]),
    }
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn schedule_upgrade() -> Result<(), BenchmarkError> {
        let origin =
            T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let code_hash = T::Hash::default();

        #[extrinsic_call]
        _(
            origin as T::RuntimeOrigin,
            code_hash,
            longest_reference::<T>(),
        );

        assert!(PendingUpgrade::<T>::exists());
        Ok(())
    }

    #[benchmark]
    fn cancel_upgrade() -> Result<(), BenchmarkError> {
        let origin =
            T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        Governance::<T>::schedule_upgrade(
            origin.clone(),
            T::Hash::default(),
            longest_reference::<T>(),
        )?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin);

        assert!(!PendingUpgrade::<T>::exists());
        Ok(())
    }

    #[benchmark]
    fn enact_upgrade() -> Result<(), BenchmarkError> {
        let origin =
            T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let code_hash = T::Hash::default();
        Governance::<T>::schedule_upgrade(origin, code_hash, longest_reference::<T>())?;

        #[extrinsic_call]
        _(RawOrigin::Root, code_hash);

        assert!(!PendingUpgrade::<T>::exists());
        Ok(())
    }

    /// The dispatch overhead around a call that does nothing but succeed.
    #[benchmark]
    fn dispatch_as_root() -> Result<(), BenchmarkError> {
        let origin =
            T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let call: <T as Config>::RuntimeCall =
            frame_system::Call::<T>::remark { remark: vec![] }.into();

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, Box::new(call));

        Ok(())
    }

    /// Replacing a pending change: the earlier task is cancelled, a new one scheduled.
    #[benchmark]
    fn set_upgrade_delay() -> Result<(), BenchmarkError> {
        let origin =
            T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let floor = T::MinUpgradeDelay::get();
        Governance::<T>::set_upgrade_delay(origin.clone(), floor)
            .map_err(|_| BenchmarkError::Stop("the floor is a valid delay"))?;
        let delay = floor.saturating_add(One::one());

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, delay);

        assert_eq!(
            PendingUpgradeDelay::<T>::get().map(|(new, _)| new),
            Some(delay)
        );
        Ok(())
    }

    #[benchmark]
    fn enact_upgrade_delay() -> Result<(), BenchmarkError> {
        let origin =
            T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let delay = T::MinUpgradeDelay::get();
        Governance::<T>::set_upgrade_delay(origin, delay)
            .map_err(|_| BenchmarkError::Stop("the floor is a valid delay"))?;

        #[extrinsic_call]
        _(RawOrigin::Root, delay);

        assert_eq!(UpgradeDelay::<T>::get(), delay);
        Ok(())
    }

    impl_benchmark_test_suite!(Governance, crate::mock::new_test_ext(), crate::mock::Test);
}
