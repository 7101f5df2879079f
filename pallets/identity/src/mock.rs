//! A runtime with `frame_system`, balances, transaction payment and this pallet; the council is
//! Root.

use crate::{
    self as pallet_identity_registry, CallSigners, InstitutionKind, RegistryCalls, RoleList,
    ShortCode,
};
use frame_support::{
    assert_ok, derive_impl, parameter_types,
    weights::{IdentityFee, Weight},
};
use frame_system::EnsureRoot;
use govchain_primitives::identity::{CallSigner, KycTier, RegistryCall, Role};
use pallet_transaction_payment::FungibleAdapter;
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Balances: pallet_balances,
        TransactionPayment: pallet_transaction_payment,
        Identity: pallet_identity_registry,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
    type AccountStore = System;
}

impl pallet_transaction_payment::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type OnChargeTransaction = FungibleAdapter<Balances, ()>;
    type OperationalFeeMultiplier = frame_support::traits::ConstU8<5>;
    type WeightToFee = IdentityFee<u64>;
    type LengthToFee = IdentityFee<u64>;
    type FeeMultiplierUpdate = ();
    type WeightInfo = ();
}

parameter_types! {
    pub const MaxOfficerTerm: u64 = 1_000;
    pub const MaxOfficersPerInstitution: u32 = 4;
    pub const MaxFeeFreeLength: u32 = 1_000;
    pub const MaxOfficerFeeFreeLength: u32 = 3_000;
    pub const QuotaPeriod: u64 = 10;
    pub const CitizenTxQuota: u32 = 3;
    pub const OfficerTxQuota: u32 = 5;
    pub const InstitutionTxQuota: u32 = 8;
    pub const DefaultFeeFreeBlockShare: Perbill = Perbill::from_percent(50);
    pub MaxFeeFreeWeight: Weight = Weight::from_parts(1_000_000_000, 1_000_000);
    pub const MaxApprovals: u32 = 3;
    pub const RegistrationPeriod: u64 = 10;
    pub const DefaultRegistrationCaps: crate::RegistrationCaps = crate::RegistrationCaps {
        per_officer: 50,
        per_institution: 80,
    };
    pub const MaxPendingActions: u32 = 3;
    pub const MaxPendingActionsPerProposer: u32 = 2;
    pub const MaxActionsExpiringPerBlock: u32 = 4;
    pub const ActionLifetime: u64 = 20;
    pub const MaxActionCallLength: u32 = 256;
    pub const DefaultAccountMoveDelay: u64 = 30;
    /// The citizens a test says hold a ballot in an open election.
    pub static OpenBallotHolders: Vec<u64> = Vec::new();
    /// The estates passed on, as (deceased, heirs, case).
    pub static PassedEstates: Vec<(u64, Vec<(u64, sp_runtime::Permill)>, H256)> = Vec::new();
    /// Whether the registers refuse to pass an estate.
    pub static EstatesRefuse: bool = false;
    pub const MaxHeirs: u32 = 3;
    pub const MaxMovesPerBlock: u32 = 2;
}

impl pallet_identity_registry::Config for Test {
    type InstitutionOrigin = EnsureRoot<u64>;
    type RulesOrigin = EnsureRoot<u64>;
    type MaxOfficerTerm = MaxOfficerTerm;
    type MaxOfficersPerInstitution = MaxOfficersPerInstitution;
    type QuotaPeriod = QuotaPeriod;
    type CitizenTxQuota = CitizenTxQuota;
    type OfficerTxQuota = OfficerTxQuota;
    type InstitutionTxQuota = InstitutionTxQuota;
    type DefaultFeeFreeBlockShare = DefaultFeeFreeBlockShare;
    type RegistryCalls = MockRegistryCalls;
    type MaxFeeFreeWeight = MaxFeeFreeWeight;
    type MaxFeeFreeLength = MaxFeeFreeLength;
    type MaxOfficerFeeFreeLength = MaxOfficerFeeFreeLength;
    type RegistrationPeriod = RegistrationPeriod;
    type DefaultRegistrationCaps = DefaultRegistrationCaps;
    type ActionOrigin = RuntimeOrigin;
    type ActionCall = RuntimeCall;
    type MaxApprovals = MaxApprovals;
    type MaxPendingActions = MaxPendingActions;
    type MaxPendingActionsPerProposer = MaxPendingActionsPerProposer;
    type MaxActionsExpiringPerBlock = MaxActionsExpiringPerBlock;
    type ActionLifetime = ActionLifetime;
    type MaxActionCallLength = MaxActionCallLength;
    type Ballots = MockBallots;
    type Estates = MockEstates;
    type MaxHeirs = MaxHeirs;
    type DefaultAccountMoveDelay = DefaultAccountMoveDelay;
    type MaxMovesPerBlock = MaxMovesPerBlock;
    type WeightInfo = ();
}

/// The registers of estates: record each estate passed in [`PassedEstates`], or refuse when
/// [`EstatesRefuse`] is set (after writing, to show the refusal undoes it).
pub struct MockEstates;

impl govchain_primitives::estate::Estate for MockEstates {
    fn pass_estate(
        deceased: u64,
        heirs: &[(u64, sp_runtime::Permill)],
        case: H256,
    ) -> sp_runtime::DispatchResult {
        frame_support::storage::unhashed::put(b":estate-written", &deceased);
        if EstatesRefuse::get() {
            return Err(sp_runtime::DispatchError::Other("the register refuses"));
        }
        PassedEstates::mutate(|passed| passed.push((deceased, heirs.to_vec(), case)));
        Ok(())
    }

    fn pass_estate_weight(heirs: u32) -> Weight {
        Weight::from_parts(1_000, 0).saturating_mul(heirs.into())
    }
}

/// The ballot register: the citizens in [`OpenBallotHolders`] hold an open ballot.
pub struct MockBallots;

impl govchain_primitives::voting::BallotRegister for MockBallots {
    fn holds_open_ballot(citizen: u64) -> bool {
        OpenBallotHolders::get().contains(&citizen)
    }
}

/// The registry calls of this runtime: the pallet's own, and two stand-ins, since the mock has
/// no other registry: `System::remark` for a registry call anyone may sign (identities go
/// fee-free) and `System::remark_with_event` for one only a citizen may sign.
pub struct MockRegistryCalls;

impl RegistryCalls<RuntimeCall> for MockRegistryCalls {
    fn signers(call: &RuntimeCall) -> CallSigners {
        match call {
            RuntimeCall::Identity(call) => CallSigners::one(call.signer()),
            RuntimeCall::System(frame_system::Call::remark { .. }) => {
                CallSigners::one(CallSigner::Anyone)
            }
            RuntimeCall::System(frame_system::Call::remark_with_event { .. }) => {
                CallSigners::one(CallSigner::Citizen)
            }
            _ => CallSigners::none(),
        }
    }
}

/// Administers the civil registry (institution 0).
pub const ADMIN: u64 = 1;
/// An officer of the civil registry until [`REGISTRAR_EXPIRES`].
pub const REGISTRAR: u64 = 2;
/// A citizen (id 0) the registrar registered, in region 7 at the standard KYC tier.
pub const CITIZEN: u64 = 10;
/// An account that is neither officer nor citizen, with funds.
pub const PAYER: u64 = 20;
/// An account that is nobody: no role, no identity, no funds.
pub const NOBODY: u64 = 99;

pub const CIVIL_REGISTRY: u32 = 0;
pub const CITIZEN_ID: u64 = 0;
pub const REGISTRAR_EXPIRES: u64 = 100;
pub const CITIZEN_REGION: u32 = 7;

pub fn national_id(n: u8) -> H256 {
    H256::repeat_byte(n)
}

pub fn code(text: &str) -> ShortCode {
    ShortCode::truncate_from(text.as_bytes().to_vec())
}

pub fn roles(list: &[Role]) -> RoleList {
    RoleList::truncate_from(list.to_vec())
}

/// Registers institution 1, administered by [`ADMIN`], holding `role` only.
pub fn register_second_institution(short_code: &str, role: Role) -> u32 {
    assert_ok!(Identity::register_institution(
        RuntimeOrigin::root(),
        InstitutionKind::Agency,
        code(short_code),
        H256::zero(),
        ADMIN,
        roles(&[role]),
    ));
    1
}

/// [`ADMIN`] appoints `officer` to `institution` until [`REGISTRAR_EXPIRES`].
pub fn appoint(institution: u32, officer: u64) {
    assert_ok!(Identity::appoint_officer(
        RuntimeOrigin::signed(ADMIN),
        institution,
        officer,
        REGISTRAR_EXPIRES,
    ));
}

/// An empty chain at block 1, [`PAYER`] funded.
pub fn new_test_ext() -> sp_io::TestExternalities {
    let storage = RuntimeGenesisConfig {
        balances: pallet_balances::GenesisConfig {
            balances: vec![(PAYER, 1_000_000_000_000)],
            ..Default::default()
        },
        ..Default::default()
    }
    .build_storage()
    .unwrap();
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// Registers the civil registry, its officer and one citizen, through the calls themselves.
fn set_up_registry() {
    assert_ok!(Identity::register_institution(
        RuntimeOrigin::root(),
        InstitutionKind::Agency,
        code("CRA"),
        H256::repeat_byte(0xc0),
        ADMIN,
        roles(&[Role::CivilRegistry]),
    ));
    assert_ok!(Identity::appoint_officer(
        RuntimeOrigin::signed(ADMIN),
        CIVIL_REGISTRY,
        REGISTRAR,
        REGISTRAR_EXPIRES,
    ));
    assert_ok!(Identity::register_citizen(
        RuntimeOrigin::signed(REGISTRAR),
        CITIZEN,
        national_id(1),
        Some(CITIZEN_REGION),
        KycTier::Standard,
    ));
}

/// Runs `test` on a chain with the civil registry set up, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        set_up_registry();
        test();
        Identity::do_try_state().expect("identity invariants hold after the test");
    });
}
