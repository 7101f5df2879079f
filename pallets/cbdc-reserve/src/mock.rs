//! A runtime with `frame_system` and this pallet, and a few-line identity provider: officers
//! and citizens (with their KYC tiers) in a thread-local table.

use crate::{self as pallet_cbdc_reserve, *};
use core::cell::RefCell;
use frame_support::{assert_ok, derive_impl, ord_parameter_types, parameter_types};
use frame_system::EnsureSignedBy;
use govchain_primitives::identity::{
    CitizenId, IdentityProvider, InstitutionId, KycTier, Party, RegionCode, Role,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError};
use std::collections::BTreeMap;

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
}

ord_parameter_types! {
    /// The council, for the tests: one account.
    pub const Council: u64 = 100;
}

impl pallet_cbdc_reserve::Config for Test {
    type Identity = MockIdentity;
    type Balance = u64;
    type LimitsOrigin = EnsureSignedBy<Council, u64>;
    type MaxCoverageCeiling = MaxCoverageCeiling;
    type OutflowPeriod = OutflowPeriod;
    type MaxReserveAssets = MaxReserveAssets;
    type WeightInfo = ();
}

/// An officer's institution, its roles and the block its appointment ends.
#[derive(Clone)]
struct Appointment {
    institution: InstitutionId,
    roles: Vec<Role>,
    expires_at: u64,
}

thread_local! {
    static OFFICERS: RefCell<BTreeMap<u64, Appointment>> = const { RefCell::new(BTreeMap::new()) };
    static CITIZENS: RefCell<BTreeMap<u64, (CitizenId, KycTier)>> = const { RefCell::new(BTreeMap::new()) };
    static INACTIVE: RefCell<Vec<InstitutionId>> = const { RefCell::new(Vec::new()) };
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
/// The highest institution number that exists.
const LAST_INSTITUTION: InstitutionId = 5;

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

fn set_up_identities() {
    let officers = [
        (GOVERNOR, CENTRAL_BANK_ID, vec![Role::CentralBank]),
        (BANKER, BANK_ID, vec![Role::CommercialBank]),
        (OTHER_BANKER, OTHER_BANK_ID, vec![Role::CommercialBank]),
        (JUDGE, COURT_ID, vec![Role::Court]),
        (OTHER_JUDGE, OTHER_COURT_ID, vec![Role::Court]),
        (CLERK, MINISTRY_ID, vec![]),
    ];
    OFFICERS.with(|table| {
        *table.borrow_mut() = officers
            .into_iter()
            .map(|(account, institution, roles)| {
                let expires_at = APPOINTMENTS_END;
                (
                    account,
                    Appointment {
                        institution,
                        roles,
                        expires_at,
                    },
                )
            })
            .collect()
    });
    CITIZENS.with(|table| {
        *table.borrow_mut() = [
            (ALICE, (0, KycTier::Basic)),
            (BOB, (1, KycTier::Standard)),
            (CAROL, (2, KycTier::Enhanced)),
        ]
        .into()
    });
    INACTIVE.with(|table| table.borrow_mut().clear());
}

/// Ends `officer`'s appointment at the current block.
pub fn expire_officer(officer: u64) {
    let now = System::block_number();
    OFFICERS.with(|table| {
        if let Some(appointment) = table.borrow_mut().get_mut(&officer) {
            appointment.expires_at = now;
        }
    });
}

/// Gives `institution` (through its officers) one more role.
pub fn grant_role(institution: InstitutionId, role: Role) {
    OFFICERS.with(|table| {
        for appointment in table.borrow_mut().values_mut() {
            if appointment.institution == institution {
                appointment.roles.push(role);
            }
        }
    });
}

/// Deactivates an institution.
pub fn deactivate_institution(institution: InstitutionId) {
    INACTIVE.with(|table| table.borrow_mut().push(institution));
}

/// Deactivates a citizen (death or emigration).
pub fn deactivate_citizen(account: u64) {
    CITIZENS.with(|table| table.borrow_mut().remove(&account));
}

pub struct MockIdentity;

impl IdentityProvider<u64> for MockIdentity {
    fn ensure_role(who: &u64, role: Role) -> Result<InstitutionId, DispatchError> {
        let institution = Self::officer_institution(who)?;
        let holds = OFFICERS.with(|table| {
            table
                .borrow()
                .get(who)
                .is_some_and(|appointment| appointment.roles.contains(&role))
        });
        holds
            .then_some(institution)
            .ok_or(DispatchError::Other("RoleNotHeld"))
    }

    fn institution_has_role(institution: InstitutionId, role: Role) -> bool {
        Self::institution_is_active(institution)
            && OFFICERS.with(|table| {
                table.borrow().values().any(|appointment| {
                    appointment.institution == institution && appointment.roles.contains(&role)
                })
            })
    }

    fn officer_institution(who: &u64) -> Result<InstitutionId, DispatchError> {
        let appointment = OFFICERS
            .with(|table| table.borrow().get(who).cloned())
            .ok_or(DispatchError::Other("NotOfficer"))?;
        if System::block_number() >= appointment.expires_at {
            return Err(DispatchError::Other("OfficerExpired"));
        }
        if !Self::institution_is_active(appointment.institution) {
            return Err(DispatchError::Other("InstitutionInactive"));
        }
        Ok(appointment.institution)
    }

    fn institution_is_active(institution: InstitutionId) -> bool {
        let registered = institution <= LAST_INSTITUTION
            || OFFICERS.with(|table| {
                table
                    .borrow()
                    .values()
                    .any(|appointment| appointment.institution == institution)
            });
        registered && !INACTIVE.with(|table| table.borrow().contains(&institution))
    }

    fn citizen_of(who: &u64) -> Option<CitizenId> {
        CITIZENS.with(|table| table.borrow().get(who).map(|(id, _)| *id))
    }

    fn account_of(citizen: CitizenId) -> Option<u64> {
        CITIZENS.with(|table| {
            table
                .borrow()
                .iter()
                .find(|(_, (id, _))| *id == citizen)
                .map(|(account, _)| *account)
        })
    }

    fn kyc_tier(citizen: CitizenId) -> Option<KycTier> {
        CITIZENS.with(|table| {
            table
                .borrow()
                .values()
                .find(|(id, _)| *id == citizen)
                .map(|(_, tier)| *tier)
        })
    }

    fn region(_citizen: CitizenId) -> Option<RegionCode> {
        None
    }

    fn active_citizens() -> u64 {
        CITIZENS.with(|table| table.borrow().len() as u64)
    }

    fn active_citizens_in(_region: RegionCode) -> u64 {
        0
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_officer(who: &u64, role: Role) -> InstitutionId {
        OFFICERS.with(|table| {
            let mut table = table.borrow_mut();
            let institution = table
                .values()
                .map(|appointment| appointment.institution)
                .max()
                .map_or(0, |last| last + 1);
            let roles = vec![role];
            let expires_at = u64::MAX;
            table.insert(
                *who,
                Appointment {
                    institution,
                    roles,
                    expires_at,
                },
            );
            institution
        })
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_citizen(who: &u64) -> CitizenId {
        CITIZENS.with(|table| {
            let mut table = table.borrow_mut();
            let next = table
                .values()
                .map(|(id, _)| *id)
                .max()
                .map_or(0, |last| last + 1);
            table.entry(*who).or_insert((next, KycTier::Enhanced)).0
        })
    }
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

/// Records `valuation` of gold in the reserve; returns the asset.
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
    asset
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
    Balances::<Test>::get(holder).unwrap_or_default()
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
    let mut storage = frame_system::GenesisConfig::<Test>::default()
        .build_storage()
        .unwrap();
    pallet_cbdc_reserve::GenesisConfig::<Test> {
        tier_limits: [BASIC, STANDARD, ENHANCED],
        institution_limits: INSTITUTIONS,
        max_coverage_percent: 100,
    }
    .assimilate_storage(&mut storage)
    .unwrap();
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| {
        set_up_identities();
        System::set_block_number(1);
    });
    ext
}

/// Runs `test` on a fresh chain, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        Cbdc::do_try_state().expect("CBDC invariants hold after the test");
    });
}
