//! Given a chain with validators 1, 2, 3 (minimum 2, maximum 5, sessions of 10 blocks)…

use crate::{
    mock::*, Error, Event, MinValidators, SessionLength, SessionStart, SetChanged, Validators,
};
use frame_support::{assert_noop, assert_ok, traits::EstimateNextSessionRotation};
use pallet_session::{SessionManager, ShouldEndSession};
use sp_runtime::{DispatchError, Permill};

fn validators() -> Vec<u64> {
    Validators::<Test>::get().into_inner()
}

mod add_validator {
    use super::*;

    #[test]
    fn council_adds_a_validator_with_keys() {
        build_and_execute(|| {
            assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
            assert_eq!(validators(), vec![1, 2, 3, 4]);
            assert!(SetChanged::<Test>::get());
            System::assert_last_event(Event::ValidatorAdded { validator: 4 }.into());
        });
    }

    #[test]
    fn a_signed_account_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                ValidatorSet::add_validator(RuntimeOrigin::signed(1), 4),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn an_existing_validator_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                ValidatorSet::add_validator(RuntimeOrigin::root(), 2),
                Error::<Test>::AlreadyValidator
            );
        });
    }

    #[test]
    fn an_account_without_session_keys_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                ValidatorSet::add_validator(RuntimeOrigin::root(), KEYLESS),
                Error::<Test>::NoSessionKeys
            );
        });
    }

    #[test]
    fn the_set_cannot_exceed_its_maximum() {
        build_and_execute(|| {
            assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
            assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
            assert_noop!(
                ValidatorSet::add_validator(RuntimeOrigin::root(), 6),
                Error::<Test>::TooManyValidators
            );
        });
    }
}

mod remove_validator {
    use super::*;

    #[test]
    fn council_removes_a_validator() {
        build_and_execute(|| {
            assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
            assert_eq!(validators(), vec![1, 3]);
            assert!(SetChanged::<Test>::get());
            System::assert_last_event(Event::ValidatorRemoved { validator: 2 }.into());
        });
    }

    #[test]
    fn a_signed_account_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 2),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn an_unknown_validator_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                ValidatorSet::remove_validator(RuntimeOrigin::root(), 9),
                Error::<Test>::NotValidator
            );
        });
    }

    #[test]
    fn the_set_never_drops_below_its_minimum() {
        build_and_execute(|| {
            assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
            assert_noop!(
                ValidatorSet::remove_validator(RuntimeOrigin::root(), 2),
                Error::<Test>::TooFewValidators
            );
        });
    }
}

mod session_length {
    use super::*;

    #[test]
    fn council_sets_the_session_length() {
        build_and_execute(|| {
            assert_ok!(ValidatorSet::set_session_length(RuntimeOrigin::root(), 600));
            assert_eq!(SessionLength::<Test>::get(), 600);
            System::assert_last_event(Event::SessionLengthSet { length: 600 }.into());
        });
    }

    #[test]
    fn a_zero_length_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                ValidatorSet::set_session_length(RuntimeOrigin::root(), 0),
                Error::<Test>::ZeroSessionLength
            );
        });
    }

    #[test]
    fn a_signed_account_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                ValidatorSet::set_session_length(RuntimeOrigin::signed(1), 600),
                DispatchError::BadOrigin
            );
        });
    }
}

mod min_validators {
    use super::*;

    #[test]
    fn council_raises_the_minimum() {
        build_and_execute(|| {
            assert_ok!(ValidatorSet::set_min_validators(RuntimeOrigin::root(), 3));
            assert_eq!(MinValidators::<Test>::get(), 3);
            System::assert_last_event(Event::MinValidatorsSet { min_validators: 3 }.into());
            assert_noop!(
                ValidatorSet::remove_validator(RuntimeOrigin::root(), 1),
                Error::<Test>::TooFewValidators
            );
        });
    }

    #[test]
    fn a_minimum_above_the_current_set_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                ValidatorSet::set_min_validators(RuntimeOrigin::root(), 4),
                Error::<Test>::InvalidMinValidators
            );
        });
    }

    #[test]
    fn a_zero_minimum_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                ValidatorSet::set_min_validators(RuntimeOrigin::root(), 0),
                Error::<Test>::InvalidMinValidators
            );
        });
    }

    #[test]
    fn a_signed_account_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                ValidatorSet::set_min_validators(RuntimeOrigin::signed(1), 2),
                DispatchError::BadOrigin
            );
        });
    }
}

mod session_hooks {
    use super::*;

    #[test]
    fn an_unchanged_set_is_not_handed_over_again() {
        build_and_execute(|| {
            assert_eq!(ValidatorSet::new_session(2), None);
        });
    }

    #[test]
    fn a_changed_set_is_handed_over_once() {
        build_and_execute(|| {
            assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));

            assert_eq!(ValidatorSet::new_session(2), Some(vec![1, 2, 3, 4]));
            System::assert_last_event(
                Event::ValidatorSetQueued {
                    session: 2,
                    validators: 4,
                }
                .into(),
            );
            assert_eq!(ValidatorSet::new_session(3), None);
        });
    }

    #[test]
    fn genesis_sessions_get_the_genesis_set() {
        build_and_execute(|| {
            assert_eq!(
                ValidatorSet::new_session_genesis(0),
                Some(GENESIS_VALIDATORS.to_vec())
            );
        });
    }

    #[test]
    fn a_session_ends_after_its_length() {
        build_and_execute(|| {
            System::set_block_number(20);
            ValidatorSet::start_session(1);
            assert_eq!(SessionStart::<Test>::get(), 20);

            assert!(!ValidatorSet::session_due(20 + SESSION_LENGTH - 1));
            assert!(ValidatorSet::session_due(20 + SESSION_LENGTH));
        });
    }

    #[test]
    fn the_session_pallet_never_ends_a_session_itself() {
        build_and_execute(|| {
            System::set_block_number(20);
            ValidatorSet::start_session(1);
            for now in [20, 20 + SESSION_LENGTH, 20 + 100 * SESSION_LENGTH] {
                assert!(!ValidatorSet::should_end_session(now));
            }
        });
    }

    #[test]
    fn a_shorter_length_ends_the_current_session_sooner() {
        build_and_execute(|| {
            System::set_block_number(20);
            ValidatorSet::start_session(1);
            assert_ok!(ValidatorSet::set_session_length(RuntimeOrigin::root(), 3));

            assert!(ValidatorSet::session_due(23));
        });
    }

    #[test]
    fn the_next_rotation_is_estimated_from_the_session_start() {
        build_and_execute(|| {
            System::set_block_number(20);
            ValidatorSet::start_session(1);

            assert_eq!(ValidatorSet::average_session_length(), SESSION_LENGTH);
            assert_eq!(ValidatorSet::estimate_next_session_rotation(24).0, Some(30));
            assert_eq!(
                ValidatorSet::estimate_current_session_progress(24).0,
                Some(Permill::from_percent(50))
            );
        });
    }
}

mod rotation {
    use super::*;
    use crate::weights::WeightInfo;
    use frame_support::{
        traits::{Get, Hooks},
        weights::{RuntimeDbWeight, Weight},
    };
    use frame_system::limits::BlockWeights;

    /// Runs the pallet's `on_initialize` at block `now`, as a block would.
    fn initialize(now: u64) -> Weight {
        System::set_block_number(now);
        ValidatorSet::on_initialize(now)
    }

    /// What a block that rotates nothing costs the pallet: reading the session clock.
    fn clock_reads() -> Weight {
        let db: RuntimeDbWeight = <Test as frame_system::Config>::DbWeight::get();
        db.reads(2)
    }

    #[test]
    fn a_block_within_the_session_only_reads_the_clock() {
        build_and_execute(|| {
            ValidatorSet::start_session(0);
            let weight = initialize(SESSION_LENGTH);

            assert_eq!(session_index(), 0);
            assert_eq!(weight, clock_reads());
        });
    }

    #[test]
    fn the_session_rotates_at_its_length_for_the_rotation_weight() {
        build_and_execute(|| {
            System::set_block_number(1);
            ValidatorSet::start_session(0);
            assert_eq!(initialize(SESSION_LENGTH), clock_reads());

            let weight = initialize(1 + SESSION_LENGTH);

            assert_eq!(session_index(), 1);
            assert_eq!(SessionStart::<Test>::get(), 1 + SESSION_LENGTH);
            assert_eq!(
                weight,
                <() as WeightInfo>::rotate_session(MaxValidators::get())
            );
            // Far below the whole block `pallet_session` would have charged.
            let block: BlockWeights = <Test as frame_system::Config>::BlockWeights::get();
            assert!(weight.all_lt(block.max_block));
            // The next session ends a length later, not at once.
            assert_eq!(initialize(2 + SESSION_LENGTH), clock_reads());
            assert_eq!(session_index(), 1);
            initialize(1 + 2 * SESSION_LENGTH);
            assert_eq!(session_index(), 2);
        });
    }

    #[test]
    fn a_changed_set_is_queued_at_the_next_rotation() {
        build_and_execute(|| {
            System::set_block_number(1);
            ValidatorSet::start_session(0);
            assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));

            let weight = initialize(1 + SESSION_LENGTH);

            assert_eq!(queued(), vec![Some(vec![1, 2, 3, 4])]);
            assert_eq!(
                weight,
                <() as WeightInfo>::rotate_session(MaxValidators::get())
            );
            assert!(!SetChanged::<Test>::get());
            initialize(1 + 2 * SESSION_LENGTH);
            assert_eq!(queued(), vec![Some(vec![1, 2, 3, 4]), None]);
        });
    }
}

mod genesis {
    use super::*;

    #[test]
    fn the_empty_default_builds_nothing() {
        let storage = GenesisConfig::<Test>::default().build_storage().unwrap();
        sp_io::TestExternalities::new(storage).execute_with(|| {
            assert!(Validators::<Test>::get().is_empty());
            assert_eq!(SessionLength::<Test>::get(), 0);
        });
    }
    use crate::GenesisConfig;
    use sp_runtime::BuildStorage;

    #[test]
    #[should_panic(expected = "genesis validators must be distinct")]
    fn duplicate_validators_are_refused() {
        let _ = GenesisConfig::<Test> {
            validators: vec![1, 1, 2],
            min_validators: 1,
            session_length: 10,
        }
        .build_storage();
    }

    #[test]
    #[should_panic(expected = "at least min_validators")]
    fn too_few_validators_are_refused() {
        let _ = GenesisConfig::<Test> {
            validators: vec![1],
            min_validators: 2,
            session_length: 10,
        }
        .build_storage();
    }

    #[test]
    #[should_panic(expected = "min_validators must be at least one")]
    fn a_zero_minimum_is_refused() {
        let _ = GenesisConfig::<Test> {
            validators: vec![1],
            min_validators: 0,
            session_length: 10,
        }
        .build_storage();
    }

    #[test]
    #[should_panic(expected = "session length must not be zero")]
    fn a_zero_session_length_is_refused() {
        let _ = GenesisConfig::<Test> {
            validators: vec![1, 2],
            min_validators: 1,
            session_length: 0,
        }
        .build_storage();
    }
}
