//! A runtime with `frame_system`, the scheduler, the preimage pallet and this pallet. Root stands
//! in for the council; `remark` is the only call the council may dispatch as root at once.

use crate as pallet_governance;
use frame_support::{
    derive_impl, parameter_types,
    traits::{ConstU32, Contains, EqualPrivilegeOnly},
    weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Preimage: pallet_preimage,
        Scheduler: pallet_scheduler,
        Governance: pallet_governance,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
}

impl pallet_preimage::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type WeightInfo = ();
    type Currency = ();
    type ManagerOrigin = EnsureRoot<u64>;
    type Consideration = ();
}

parameter_types! {
    /// Below the genesis delay, so tests can both lower and raise it.
    pub const MinUpgradeDelay: u64 = 3;
    pub MaximumSchedulerWeight: Weight = Weight::from_parts(1_000_000_000_000, u64::MAX);
}

impl pallet_scheduler::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeOrigin = RuntimeOrigin;
    type PalletsOrigin = OriginCaller;
    type RuntimeCall = RuntimeCall;
    type MaximumWeight = MaximumSchedulerWeight;
    type ScheduleOrigin = EnsureRoot<u64>;
    type OriginPrivilegeCmp = EqualPrivilegeOnly;
    type MaxScheduledPerBlock = ConstU32<10>;
    type WeightInfo = ();
    type Preimages = Preimage;
    type BlockNumberProvider = System;
}

/// Only `system.remark` may be dispatched as root at once.
pub struct OnlyRemark;
impl Contains<RuntimeCall> for OnlyRemark {
    fn contains(call: &RuntimeCall) -> bool {
        matches!(call, RuntimeCall::System(frame_system::Call::remark { .. }))
    }
}

/// Blocks between scheduling an upgrade and its authorisation.
pub const UPGRADE_DELAY: u64 = 5;

impl pallet_governance::Config for Test {
    type RuntimeCall = RuntimeCall;
    type PalletsOrigin = OriginCaller;
    type CouncilOrigin = EnsureRoot<u64>;
    type Scheduler = Scheduler;
    type Preimages = Preimage;
    type ImmediateRootCalls = OnlyRemark;
    type MaxLegalReferenceLen = ConstU32<64>;
    type MinUpgradeDelay = MinUpgradeDelay;
    type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
    let storage = RuntimeGenesisConfig {
        governance: pallet_governance::GenesisConfig {
            upgrade_delay: UPGRADE_DELAY,
        },
        ..Default::default()
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
        Governance::do_try_state().expect("governance invariants hold after the test");
    });
}

/// Runs blocks up to and including `n`, with the scheduler's hooks.
pub fn run_to_block(n: u64) {
    System::run_to_block::<AllPalletsWithSystem>(n);
}
