//! Benchmarks of `pallet-governance`.

use super::*;
use crate::Pallet as Governance;
use alloc::{boxed::Box, vec};
use frame_benchmarking::v2::*;
use frame_support::{
    traits::{EnsureOrigin, Get},
    weights::Weight,
    BoundedVec,
};
use frame_system::RawOrigin;
use govchain_primitives::voting::ReferendumBallots;
use sp_runtime::traits::{One, Saturating};

/// The longest legal reference the runtime accepts.
fn longest_reference<T: Config>() -> LegalReferenceOf<T> {
    LegalReference {
        instrument_hash: [0x5e; 32],
        identifier: BoundedVec::truncate_from(vec![b'r'; T::MaxLegalReferenceLen::get() as usize]),
    }
}

/// A constitutional act: setting the upgrade delay to its floor.
fn delay_act<T: Config>() -> <T as Config>::RuntimeCall {
    Call::<T>::set_upgrade_delay {
        delay: T::MinUpgradeDelay::get(),
    }
    .into()
}

/// A council motion for [`delay_act`], awaiting its ballot; returns its number.
fn awaiting_motion<T: Config>() -> Result<MotionId, BenchmarkError> {
    let origin =
        T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
    let motion = NextMotionId::<T>::get();
    Governance::<T>::propose_constitutional(
        origin,
        Box::new(delay_act::<T>()),
        longest_reference::<T>(),
    )
    .map_err(|_| BenchmarkError::Stop("the motion is refused"))?;
    Ok(motion)
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
        let origin = T::ConstitutionalOrigin::try_successful_origin()
            .map_err(|_| BenchmarkError::Weightless)?;
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
        let origin = T::ConstitutionalOrigin::try_successful_origin()
            .map_err(|_| BenchmarkError::Weightless)?;
        let delay = T::MinUpgradeDelay::get();
        Governance::<T>::set_upgrade_delay(origin, delay)
            .map_err(|_| BenchmarkError::Stop("the floor is a valid delay"))?;

        #[extrinsic_call]
        _(RawOrigin::Root, delay);

        assert_eq!(UpgradeDelay::<T>::get(), delay);
        Ok(())
    }

    /// A motion to change the upgrade delay (a constitutional act), with the longest legal
    /// reference.
    #[benchmark]
    fn propose_constitutional() -> Result<(), BenchmarkError> {
        let origin =
            T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

        #[extrinsic_call]
        _(
            origin as T::RuntimeOrigin,
            Box::new(delay_act::<T>()),
            longest_reference::<T>(),
        );

        assert_eq!(ConstitutionalMotions::<T>::count(), 1);
        Ok(())
    }

    /// Offering a ballot while `m - 1` other motions have theirs (each checked for the same
    /// election).
    #[benchmark]
    fn attach_ballot(
        m: Linear<1, { T::MaxConstitutionalMotions::get() }>,
    ) -> Result<(), BenchmarkError> {
        for other in 1..m {
            let motion = awaiting_motion::<T>()?;
            ConstitutionalMotions::<T>::mutate(motion, |record| {
                if let Some(record) = record {
                    record.ballot = ReferendumBallot::Election(u32::MAX.saturating_sub(other));
                }
            });
        }
        let motion = awaiting_motion::<T>()?;
        let officer: T::AccountId = account("officer", 0, 0);
        let election = T::ReferendumBallots::benchmark_ballot(&officer);

        #[extrinsic_call]
        _(RawOrigin::Signed(officer), motion, election);

        assert_eq!(
            ConstitutionalMotions::<T>::get(motion).map(|record| record.ballot),
            Some(ReferendumBallot::Election(election))
        );
        Ok(())
    }

    /// An approved referendum: the act is decoded and dispatched (its own weight is charged on
    /// top, so this measures it too and errs on the safe side).
    #[benchmark]
    fn conclude_referendum() -> Result<(), BenchmarkError> {
        let officer: T::AccountId = account("officer", 0, 0);
        let election = T::ReferendumBallots::benchmark_ballot(&officer);
        let motion = awaiting_motion::<T>()?;
        Governance::<T>::attach_ballot(RawOrigin::Signed(officer).into(), motion, election)?;
        T::ReferendumBallots::benchmark_approve(election);
        let caller: T::AccountId = whitelisted_caller();

        #[extrinsic_call]
        _(RawOrigin::Signed(caller), motion, Weight::MAX);

        assert_eq!(ConstitutionalMotions::<T>::count(), 0);
        Ok(())
    }

    impl_benchmark_test_suite!(Governance, crate::mock::new_test_ext(), crate::mock::Test);
}
