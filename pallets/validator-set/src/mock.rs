//! A runtime with just `frame_system` and this pallet; a rotation calls its session hooks as
//! `pallet_session` would, and the tests call them too.

use crate::{self as pallet_validator_set, HasSessionKeys, RotateSession};
use frame_support::{derive_impl, parameter_types};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        ValidatorSet: pallet_validator_set,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
}

parameter_types! {
    pub const MaxValidators: u32 = 5;
}

/// Accounts from 100 on have no session keys, unless a benchmark registered some.
pub const KEYLESS: u64 = 100;

std::thread_local! {
    static BENCHMARK_KEYS: core::cell::RefCell<std::collections::BTreeSet<u64>> =
        Default::default();
}

pub struct KeysBelowKeyless;
impl HasSessionKeys<u64> for KeysBelowKeyless {
    fn has_keys(who: &u64) -> bool {
        *who < KEYLESS || BENCHMARK_KEYS.with(|keys| keys.borrow().contains(who))
    }
    #[cfg(feature = "runtime-benchmarks")]
    fn register_keys_for_benchmark(who: &u64) {
        BENCHMARK_KEYS.with(|keys| keys.borrow_mut().insert(*who));
    }
}

std::thread_local! {
    static SESSION_INDEX: core::cell::Cell<u32> = const { core::cell::Cell::new(0) };
    static QUEUED: core::cell::RefCell<Vec<Option<Vec<u64>>>> = Default::default();
}

/// Rotates as `pallet_session::Pallet::rotate_session` does: ends the session, starts the next,
/// and asks for the set of the one after (recorded, for the tests: [`queued`]).
pub struct SessionPallet;
impl RotateSession for SessionPallet {
    fn rotate_session() {
        use pallet_session::SessionManager;
        let index = SESSION_INDEX.get();
        ValidatorSet::end_session(index);
        SESSION_INDEX.set(index + 1);
        ValidatorSet::start_session(index + 1);
        let next = ValidatorSet::new_session(index + 2);
        QUEUED.with(|queued| queued.borrow_mut().push(next));
    }
}

/// The session index the last rotation started.
pub fn session_index() -> u32 {
    SESSION_INDEX.get()
}

/// What each rotation so far got from `new_session`: the set it queued, if it changed.
pub fn queued() -> Vec<Option<Vec<u64>>> {
    QUEUED.with(|queued| queued.borrow().clone())
}

impl pallet_validator_set::Config for Test {
    type ValidatorOrigin = EnsureRoot<u64>;
    type MinValidatorsOrigin = EnsureRoot<u64>;
    type HasSessionKeys = KeysBelowKeyless;
    type RotateSession = SessionPallet;
    type MaxValidators = MaxValidators;
    type WeightInfo = ();
}

/// Genesis validators 1, 2 and 3, at least 2 of them; sessions of 10 blocks.
pub const GENESIS_VALIDATORS: [u64; 3] = [1, 2, 3];
pub const SESSION_LENGTH: u64 = 10;

pub fn new_test_ext() -> sp_io::TestExternalities {
    let storage = RuntimeGenesisConfig {
        system: Default::default(),
        validator_set: pallet_validator_set::GenesisConfig {
            validators: GENESIS_VALIDATORS.to_vec(),
            min_validators: 2,
            session_length: SESSION_LENGTH,
        },
    }
    .build_storage()
    .unwrap();
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// Runs `test` on a fresh chain, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        ValidatorSet::do_try_state().expect("validator-set invariants hold after the test");
    });
}
