//! A runtime with `frame_system` and this pallet, and the shared identity provider of
//! `govchain_primitives::mock` with officers and citizens of each KYC tier.

use crate::{self as pallet_cbdc_reserve, *};
use frame_support::{assert_ok, derive_impl, ord_parameter_types, parameter_types};
use frame_system::EnsureSignedBy;
use govchain_primitives::identity::{InstitutionId, KycTier, Party, Role};
pub use govchain_primitives::mock::{ExtBuilder, IdentityError, MockIdentity};
use sp_core::H256;
use sp_runtime::DispatchResult;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Cbdc: pallet_cbdc_reserve,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
}

parameter_types! {
    pub const OutflowPeriod: u64 = 10;
    pub const MaxReserveAssets: u32 = 3;
    pub const MaxCoverageCeiling: u32 = 300;
    pub const MaxRelayedPayments: u32 = 4;
}

ord_parameter_types! {
    /// The council, for the tests: one account.
    pub const Council: u64 = 100;
}

impl pallet_cbdc_reserve::Config for Test {
    type Identity = MockIdentity<Test>;
    type DualControl = MockIdentity<Test>;
    type Balance = u64;
    type LimitsOrigin = EnsureSignedBy<Council, u64>;
    type CouncilOrigin = EnsureSignedBy<Council, u64>;
    type MaxCoverageCeiling = MaxCoverageCeiling;
    type OutflowPeriod = OutflowPeriod;
    type MaxReserveAssets = MaxReserveAssets;
    /// Relayed orders are signed with test signatures: the signer's account and the message.
    type RelaySignature = sp_runtime::testing::TestSignature;
    type RelaySigner = sp_runtime::testing::UintAuthorityId;
    type MaxRelayedPayments = MaxRelayedPayments;
    #[cfg(feature = "runtime-benchmarks")]
    type RelayHelper = govchain_primitives::mock::TestRelaySigner;
    type WeightInfo = ();
}

/// The central bank.
pub const CENTRAL_BANK_ID: InstitutionId = 0;
/// A commercial bank.
pub const BANK_ID: InstitutionId = 1;
/// Another commercial bank.
pub const OTHER_BANK_ID: InstitutionId = 2;
/// A court.
pub const COURT_ID: InstitutionId = 3;
/// Another court.
pub const OTHER_COURT_ID: InstitutionId = 4;
/// A ministry: an institution that holds money under institution limits.
pub const MINISTRY_ID: InstitutionId = 5;
/// The audit chamber: the independent auditor of the reserve.
pub const AUDIT_ID: InstitutionId = 6;

/// An officer of the central bank.
pub const GOVERNOR: u64 = 1;
/// An officer of [`BANK_ID`].
pub const BANKER: u64 = 2;
/// An officer of [`OTHER_BANK_ID`].
pub const OTHER_BANKER: u64 = 3;
/// An officer of [`COURT_ID`].
pub const JUDGE: u64 = 4;
/// An officer of [`OTHER_COURT_ID`].
pub const OTHER_JUDGE: u64 = 5;
/// An officer of [`MINISTRY_ID`].
pub const CLERK: u64 = 6;
/// Citizen 0, tier `Basic`.
pub const ALICE: u64 = 10;
/// Citizen 1, tier `Standard`.
pub const BOB: u64 = 11;
/// Citizen 2, tier `Enhanced`.
pub const CAROL: u64 = 12;
/// An officer of [`AUDIT_ID`].
pub const AUDITOR: u64 = 7;
/// Neither officer nor citizen.
pub const NOBODY: u64 = 99;

pub const ALICE_ID: Party = Party::Citizen(0);
pub const BOB_ID: Party = Party::Citizen(1);
pub const CAROL_ID: Party = Party::Citizen(2);
pub const CENTRAL_BANK: Party = Party::Institution(CENTRAL_BANK_ID);
pub const BANK: Party = Party::Institution(BANK_ID);
pub const OTHER_BANK: Party = Party::Institution(OTHER_BANK_ID);
pub const MINISTRY: Party = Party::Institution(MINISTRY_ID);

/// Officers' appointments end here unless a test expires them sooner.
pub const APPOINTMENTS_END: u64 = 1_000;

/// Genesis limits (cap, daily outflow): Basic, Standard, Enhanced, and institutions.
pub const BASIC: (u64, u64) = (1_000, 200);
pub const STANDARD: (u64, u64) = (10_000, 2_000);
pub const ENHANCED: (u64, u64) = (100_000, 20_000);
pub const INSTITUTIONS: (u64, u64) = (1_000_000, 500_000);

/// The identity provider, on [`govchain_primitives::mock`]'s tables.
pub type Identity = MockIdentity<Test>;

/// The institutions, officers and citizens every test starts with.
pub fn identities() -> ExtBuilder {
    ExtBuilder::default()
        .appointments_end(APPOINTMENTS_END)
        .institution(CENTRAL_BANK_ID, &[Role::CentralBank])
        .institution(BANK_ID, &[Role::CommercialBank])
        .institution(OTHER_BANK_ID, &[Role::CommercialBank])
        .institution(COURT_ID, &[Role::Court])
        .institution(OTHER_COURT_ID, &[Role::Court])
        .institution(MINISTRY_ID, &[])
        .institution(AUDIT_ID, &[Role::Auditor])
        .officer(GOVERNOR, CENTRAL_BANK_ID)
        .officer(BANKER, BANK_ID)
        .officer(OTHER_BANKER, OTHER_BANK_ID)
        .officer(JUDGE, COURT_ID)
        .officer(OTHER_JUDGE, OTHER_COURT_ID)
        .officer(CLERK, MINISTRY_ID)
        .officer(AUDITOR, AUDIT_ID)
        .citizen_with(ALICE, KycTier::Basic, None)
        .citizen_with(BOB, KycTier::Standard, None)
        .citizen_with(CAROL, KycTier::Enhanced, None)
}

/// An attestation with report `number`.
pub fn attestation(number: u8) -> Attestation {
    Attestation {
        report_hash: H256::repeat_byte(number),
        date: 20_000,
    }
}

/// An asset code as stored.
pub fn code(text: &str) -> AssetCode {
    AssetCode::truncate_from(text.as_bytes().to_vec())
}

/// Records `valuation` of gold in the reserve, which the auditor attests; returns the asset.
pub fn record_gold(valuation: u64) -> AssetId {
    let asset = NextAssetId::<Test>::get();
    assert_ok!(Cbdc::record_reserve_asset(
        RuntimeOrigin::signed(GOVERNOR),
        AssetClass::Gold,
        code("XAU"),
        1_000,
        valuation,
        attestation(1)
    ));
    attest(asset);
    asset
}

/// The auditor's report in every attestation of the tests.
pub fn audit_report() -> Attestation {
    attestation(0xaa)
}

/// `AUDITOR` attests `asset`'s recorded quantity and valuation.
pub fn attest_by(origin: RuntimeOrigin, asset: AssetId) -> DispatchResult {
    let (quantity, valuation) = ReserveAssets::<Test>::get(asset)
        .map(|record| (record.quantity, record.valuation))
        .unwrap_or_default();
    Cbdc::attest_valuation(origin, asset, quantity, valuation, audit_report())
}

/// `AUDITOR` attests `asset`'s recorded quantity and valuation.
pub fn attest(asset: AssetId) {
    assert_ok!(attest_by(RuntimeOrigin::signed(AUDITOR), asset));
}

/// Gives the bank a quota and mints `amount` to it.
pub fn mint_to_bank(amount: u64) {
    assert_ok!(Cbdc::set_bank_quota(
        RuntimeOrigin::signed(GOVERNOR),
        BANK_ID,
        amount
    ));
    assert_ok!(Cbdc::mint(RuntimeOrigin::signed(GOVERNOR), BANK_ID, amount));
}

/// The bank credits `amount` to `to`.
pub fn credit(to: Party, amount: u64) {
    assert_ok!(Cbdc::transfer(
        RuntimeOrigin::signed(BANKER),
        BANK,
        to,
        amount
    ));
}

/// A holder's balance.
pub fn balance(holder: Party) -> u64 {
    Cbdc::balance_of(&holder)
}

/// The last event the pallet emitted.
pub fn last_event() -> Event<Test> {
    System::events()
        .into_iter()
        .rev()
        .find_map(|record| match record.event {
            RuntimeEvent::Cbdc(event) => Some(event),
            _ => None,
        })
        .expect("the pallet emitted an event")
}

/// A chain at block 1 with the identities set up and the genesis limits, coverage 100 %.
pub fn new_test_ext() -> sp_io::TestExternalities {
    identities().build_with::<Test>(pallet_cbdc_reserve::GenesisConfig::<Test> {
        tier_limits: [BASIC, STANDARD, ENHANCED],
        institution_limits: INSTITUTIONS,
        max_coverage_percent: 100,
        officer_daily_outflow: None,
        large_transfer_threshold: None,
    })
}

/// Runs `test` on a fresh chain, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        Cbdc::do_try_state().expect("CBDC invariants hold after the test");
    });
}
