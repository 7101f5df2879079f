//! A runtime with `frame_system`, the scheduler, the preimage pallet and this pallet. Root stands
//! in for the council; `remark` is the only call the council may dispatch as root at once;
//! `remark_with_event` and `set_upgrade_delay` are constitutional. Referendum ballots come from
//! [`MockBallots`], which tests fill.

use crate as pallet_governance;
use frame_support::{
    derive_impl, parameter_types,
    traits::{ConstU32, Contains, EqualPrivilegeOnly},
    weights::Weight,
};
use frame_system::EnsureRoot;
use govchain_primitives::voting::{ReferendumBallots, ReferendumOutcome};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, Perbill};
use std::{cell::RefCell, collections::BTreeMap};

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

/// `remark_with_event` (whose event shows it ran) and the upgrade delay need a referendum.
pub struct Constitutional;
impl Contains<RuntimeCall> for Constitutional {
    fn contains(call: &RuntimeCall) -> bool {
        matches!(
            call,
            RuntimeCall::System(frame_system::Call::remark_with_event { .. })
                | RuntimeCall::Governance(pallet_governance::Call::set_upgrade_delay { .. })
        )
    }
}

/// The error of offering an election that is not a referendum ballot of the officer's
/// commission.
pub const NOT_A_BALLOT: &str = "not a referendum ballot of the officer's commission";

thread_local! {
    static BALLOTS: RefCell<BTreeMap<u32, (u64, ReferendumOutcome)>> = RefCell::new(BTreeMap::new());
}

/// The ballot register: elections a commission officer may offer, and their outcomes.
pub struct MockBallots;

impl MockBallots {
    /// `election` is a valid referendum ballot of `officer`'s commission, not decided yet.
    pub fn create(election: u32, officer: u64) {
        BALLOTS.with(|ballots| {
            ballots
                .borrow_mut()
                .insert(election, (officer, ReferendumOutcome::Pending))
        });
    }

    /// `election` decided `outcome`.
    pub fn decide(election: u32, outcome: ReferendumOutcome) {
        BALLOTS.with(|ballots| {
            if let Some(entry) = ballots.borrow_mut().get_mut(&election) {
                entry.1 = outcome;
            }
        });
    }
}

impl ReferendumBallots<u64> for MockBallots {
    fn ensure_referendum_ballot(officer: &u64, election: u32) -> DispatchResult {
        match BALLOTS.with(|ballots| ballots.borrow().get(&election).copied()) {
            Some((by, ReferendumOutcome::Pending)) if by == *officer => Ok(()),
            _ => Err(DispatchError::Other(NOT_A_BALLOT)),
        }
    }

    fn outcome(election: u32) -> ReferendumOutcome {
        BALLOTS.with(|ballots| {
            ballots
                .borrow()
                .get(&election)
                .map_or(ReferendumOutcome::Void, |(_, outcome)| *outcome)
        })
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_ballot(officer: &u64) -> u32 {
        Self::create(0, *officer);
        0
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_approve(election: u32) {
        Self::decide(
            election,
            ReferendumOutcome::Decided {
                yes: 3,
                no: 1,
                ballots: 4,
                eligible: 4,
            },
        );
    }
}

parameter_types! {
    /// `YES` must win more than half of the votes...
    pub const ReferendumMajority: Perbill = Perbill::from_percent(50);
    /// ... with at least 40 % of the citizens voting.
    pub const ReferendumQuorum: Perbill = Perbill::from_percent(40);
}

/// Blocks the commission has to offer a motion's ballot.
pub const BALLOT_PERIOD: u64 = 10;

impl pallet_governance::Config for Test {
    type RuntimeCall = RuntimeCall;
    type PalletsOrigin = OriginCaller;
    type CouncilOrigin = EnsureRoot<u64>;
    type Scheduler = Scheduler;
    type Preimages = Preimage;
    type ImmediateRootCalls = OnlyRemark;
    type MaxLegalReferenceLen = ConstU32<64>;
    type MinUpgradeDelay = MinUpgradeDelay;
    type ConstitutionalCalls = Constitutional;
    type ConstitutionalOrigin = EnsureRoot<u64>;
    type ReferendumBallots = MockBallots;
    type ReferendumMajority = ReferendumMajority;
    type ReferendumQuorum = ReferendumQuorum;
    type BallotPeriod = frame_support::traits::ConstU64<BALLOT_PERIOD>;
    type MaxConstitutionalMotions = ConstU32<2>;
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
