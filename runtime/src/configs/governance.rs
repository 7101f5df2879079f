//! The council, its gateway to Root, the scheduler and preimages it relies on, and the
//! emergency brake (safe mode).
//!
//! There is no sudo key. A council motion is the only way to Root: two thirds of the council
//! for anything that changes the chain's rules, a simple majority to pull the emergency brake.

use crate::{
    AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, Runtime, RuntimeCall,
    RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, DAYS, MICRO_UNIT, UNIT,
};
use frame_support::{
    parameter_types,
    traits::{
        fungible::HoldConsideration, ConstU32, Contains, EitherOfDiverse, EqualPrivilegeOnly,
        LinearStoragePrice,
    },
    weights::Weight,
};
use frame_system::{EnsureRoot, EnsureWithSuccess};
use sp_runtime::Perbill;

use super::system::share_of_block;

/// The council's instance of `pallet-collective`.
pub type CouncilCollective = pallet_collective::Instance1;

/// Two thirds of the council (or Root, which only the council reaches).
pub type CouncilSuperMajority = EitherOfDiverse<
    EnsureRoot<AccountId>,
    pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
>;

/// More than half of the council (or Root): enough to pull the emergency brake.
pub type CouncilMajority = EitherOfDiverse<
    EnsureRoot<AccountId>,
    pallet_collective::EnsureProportionMoreThan<AccountId, CouncilCollective, 1, 2>,
>;

parameter_types! {
    /// A motion not decided within three days lapses.
    pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
    /// A motion may take up to half a block.
    pub MaxCouncilProposalWeight: Weight =
        share_of_block(Perbill::from_percent(50));
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
    type RuntimeOrigin = RuntimeOrigin;
    type Proposal = RuntimeCall;
    type RuntimeEvent = RuntimeEvent;
    type MotionDuration = CouncilMotionDuration;
    type MaxProposals = ConstU32<100>;
    type MaxMembers = ConstU32<100>;
    /// Members who do not vote follow the prime member, if there is one.
    type DefaultVote = pallet_collective::PrimeDefaultVote;
    type WeightInfo = crate::weights::pallet_collective::WeightInfo<Runtime>;
    /// The council changes its own members by a motion through `governance.dispatch_as_root`.
    type SetMembersOrigin = EnsureRoot<AccountId>;
    type MaxProposalWeight = MaxCouncilProposalWeight;
    type DisapproveOrigin = EnsureRoot<AccountId>;
    type KillOrigin = EnsureRoot<AccountId>;
    /// Members are heads of public institutions: proposing costs no deposit.
    type Consideration = ();
}

/// What a council motion may run as Root at once. Everything but the ways around the public
/// upgrade delay: the upgrade calls themselves, raw storage writes (which could replace the
/// code), and the calls that would dispatch others as Root (batches, the scheduler, this gateway).
pub struct ImmediateRootCalls;
impl Contains<RuntimeCall> for ImmediateRootCalls {
    fn contains(call: &RuntimeCall) -> bool {
        match call {
            RuntimeCall::System(call) => matches!(
                call,
                frame_system::Call::remark { .. } | frame_system::Call::remark_with_event { .. }
            ),
            RuntimeCall::Utility(_) | RuntimeCall::Scheduler(_) | RuntimeCall::Governance(_) => {
                false
            }
            _ => true,
        }
    }
}

frame_support::parameter_types! {
    /// A week, the shortest upgrade delay a council motion may set.
    pub const MinUpgradeDelay: BlockNumber = 7 * DAYS;
    /// A constitutional act passes with more than half of the `YES`/`NO` votes...
    pub const ReferendumMajority: Perbill = Perbill::from_percent(50);
    /// ... and at least half of the eligible citizens voting.
    pub const ReferendumQuorum: Perbill = Perbill::from_percent(50);
    /// The election commission offers a constitutional motion's ballot within 30 days.
    pub const BallotPeriod: BlockNumber = 30 * DAYS;
}

/// The acts only a referendum enacts: they change the rules that protect the public, so the
/// council alone (even as Root through `dispatch_as_root`, which refuses them) cannot. Each has
/// Root as its origin, which the council reaches for it only through an approved referendum:
/// - the governance rules: the public upgrade delay (`governance.set_upgrade_delay`) and who sits
///   on the council (`council.set_members`);
/// - the validator-set minimum (`validatorSet.set_min_validators`);
/// - the identity pallet's rules against a single official: dual-control thresholds
///   (`identity.set_approval_threshold`) and registration caps (`identity.set_registration_caps`).
pub struct ConstitutionalCalls;
impl Contains<RuntimeCall> for ConstitutionalCalls {
    fn contains(call: &RuntimeCall) -> bool {
        matches!(
            call,
            RuntimeCall::Governance(pallet_governance::Call::set_upgrade_delay { .. })
                | RuntimeCall::Council(pallet_collective::Call::set_members { .. })
                | RuntimeCall::ValidatorSet(pallet_validator_set::Call::set_min_validators { .. })
                | RuntimeCall::Identity(
                    pallet_identity_registry::Call::set_approval_threshold { .. }
                        | pallet_identity_registry::Call::set_registration_caps { .. }
                )
        )
    }
}

impl pallet_governance::Config for Runtime {
    type RuntimeCall = RuntimeCall;
    type PalletsOrigin = OriginCaller;
    type CouncilOrigin = CouncilSuperMajority;
    type Scheduler = Scheduler;
    type Preimages = Preimage;
    type ImmediateRootCalls = ImmediateRootCalls;
    type MaxLegalReferenceLen = ConstU32<256>;
    /// No motion may give the public less than a week's notice of a new runtime (a national
    /// genesis starts there too; the development presets start below it, at a few blocks).
    type MinUpgradeDelay = MinUpgradeDelay;
    type ConstitutionalCalls = ConstitutionalCalls;
    /// Root: from an approved referendum (or a scheduler task of this pallet).
    type ConstitutionalOrigin = EnsureRoot<AccountId>;
    type ReferendumBallots = crate::Voting;
    type ReferendumMajority = ReferendumMajority;
    type ReferendumQuorum = ReferendumQuorum;
    type BallotPeriod = BallotPeriod;
    type MaxConstitutionalMotions = ConstU32<8>;
    type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
}

/// Blocks an upgrade waits, as the governance pallet stores it.
pub type UpgradeDelay = pallet_governance::UpgradeDelay<Runtime>;

parameter_types! {
    /// Scheduled calls may take up to 80 % of a block.
    pub MaximumSchedulerWeight: Weight =
        share_of_block(Perbill::from_percent(80));
}

impl pallet_scheduler::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeOrigin = RuntimeOrigin;
    type PalletsOrigin = OriginCaller;
    type RuntimeCall = RuntimeCall;
    type MaximumWeight = MaximumSchedulerWeight;
    /// Only Root schedules directly; the governance pallet schedules through the trait.
    type ScheduleOrigin = EnsureRoot<AccountId>;
    type OriginPrivilegeCmp = EqualPrivilegeOnly;
    type MaxScheduledPerBlock = ConstU32<50>;
    type WeightInfo = crate::weights::pallet_scheduler::WeightInfo<Runtime>;
    type Preimages = Preimage;
    type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

parameter_types! {
    pub const PreimageHoldReason: RuntimeHoldReason =
        RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
    pub const PreimageBaseDeposit: Balance = UNIT;
    pub const PreimageByteDeposit: Balance = MICRO_UNIT;
}

impl pallet_preimage::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type WeightInfo = crate::weights::pallet_preimage::WeightInfo<Runtime>;
    type Currency = Balances;
    type ManagerOrigin = EnsureRoot<AccountId>;
    /// Noting a preimage holds a deposit by its size, so preimages cannot be used to bloat state.
    type Consideration = HoldConsideration<
        AccountId,
        Balances,
        PreimageHoldReason,
        LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
    >;
}

/// The calls that still work in safe mode: consensus, governance, the brake itself, and the
/// calls that keep a running election from being spoiled by a pause: citizens cast and reveal
/// their ballots (directly, or signed and relayed by the commission's intake), trustees make the
/// key and decrypt, anyone publishes the checked counts (an
/// election's schedule does not stop with the chain's brake; the council may still cancel it).
/// Opening or cancelling elections waits, like every other registry act.
pub struct SafeModeWhitelistedCalls;
impl Contains<RuntimeCall> for SafeModeWhitelistedCalls {
    fn contains(call: &RuntimeCall) -> bool {
        use govchain_primitives::identity::{CallSigner, RegistryCall};
        if let RuntimeCall::Voting(call) = call {
            // The commission's intake relays ballots citizens signed: theirs, not its acts.
            return matches!(call, pallet_e_voting::Call::relay_encrypted_ballots { .. })
                || matches!(
                    call.signer(),
                    CallSigner::Citizen
                        | CallSigner::AnyOfficer
                        | CallSigner::Anyone
                        | CallSigner::Governance
                );
        }
        matches!(
            call,
            RuntimeCall::System(_)
                | RuntimeCall::Timestamp(_)
                | RuntimeCall::ValidatorSet(_)
                | RuntimeCall::Session(_)
                | RuntimeCall::Grandpa(_)
                | RuntimeCall::Council(_)
                | RuntimeCall::Governance(_)
                | RuntimeCall::Scheduler(_)
                | RuntimeCall::Preimage(_)
                | RuntimeCall::SafeMode(_)
        )
    }
}

parameter_types! {
    /// Safe mode lasts a day unless the council extends or ends it.
    pub const SafeModeDuration: BlockNumber = DAYS;
}

impl pallet_safe_mode::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type Currency = Balances;
    type RuntimeHoldReason = RuntimeHoldReason;
    type WhitelistedCalls = SafeModeWhitelistedCalls;
    type EnterDuration = SafeModeDuration;
    type ExtendDuration = SafeModeDuration;
    /// Nobody but the council can enter or extend safe mode: no deposit buys it.
    type EnterDepositAmount = ();
    type ExtendDepositAmount = ();
    type ForceEnterOrigin = EnsureWithSuccess<CouncilMajority, AccountId, SafeModeDuration>;
    type ForceExtendOrigin = EnsureWithSuccess<CouncilMajority, AccountId, SafeModeDuration>;
    type ForceExitOrigin = CouncilMajority;
    type ForceDepositOrigin = CouncilSuperMajority;
    type Notify = ();
    type ReleaseDelay = ();
    type WeightInfo = crate::weights::pallet_safe_mode::WeightInfo<Runtime>;
}
