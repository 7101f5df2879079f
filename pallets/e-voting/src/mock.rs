//! A runtime with `frame_system` and this pallet, and a few-line identity provider: officers,
//! and citizens with regions, in a thread-local table.

use crate::{self as pallet_e_voting, *};
use core::cell::RefCell;
use frame_support::{assert_ok, derive_impl, ord_parameter_types, parameter_types, traits::Hooks};
use frame_system::EnsureSignedBy;
use govchain_primitives::identity::{
    CitizenId, IdentityProvider, InstitutionId, KycTier, RegionCode, Role,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Voting: pallet_e_voting,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
}

parameter_types! {
    pub const MaxOptions: u32 = 4;
    pub const MaxRegions: u32 = 3;
    pub const MaxClosingPerBlock: u32 = 2;
    pub const MaxScheduleLength: u64 = 1_000;
}

ord_parameter_types! {
    /// The council, for the tests: one account.
    pub const Council: u64 = 100;
}

impl pallet_e_voting::Config for Test {
    type Identity = MockIdentity;
    type CancelOrigin = EnsureSignedBy<Council, u64>;
    type MaxOptions = MaxOptions;
    type MaxRegions = MaxRegions;
    type MaxClosingPerBlock = MaxClosingPerBlock;
    type MaxScheduleLength = MaxScheduleLength;
    type WeightInfo = ();
}

/// An officer's institution, its roles and the block its appointment ends.
#[derive(Clone)]
struct Appointment {
    institution: InstitutionId,
    roles: Vec<Role>,
    expires_at: u64,
}

/// A citizen's identity as the mock civil registry keeps it.
#[derive(Clone, Copy)]
struct Person {
    id: CitizenId,
    region: Option<RegionCode>,
}

thread_local! {
    static OFFICERS: RefCell<BTreeMap<u64, Appointment>> = const { RefCell::new(BTreeMap::new()) };
    static CITIZENS: RefCell<BTreeMap<u64, Person>> = const { RefCell::new(BTreeMap::new()) };
}

/// The central election commission.
pub const COMMISSION_ID: InstitutionId = 0;
/// A regional election commission.
pub const OTHER_COMMISSION_ID: InstitutionId = 1;
/// A ministry without the `ElectionCommission` role.
pub const MINISTRY_ID: InstitutionId = 2;

/// An officer of [`COMMISSION_ID`].
pub const COMMISSIONER: u64 = 1;
/// An officer of [`OTHER_COMMISSION_ID`].
pub const OTHER_COMMISSIONER: u64 = 2;
/// An officer of [`MINISTRY_ID`].
pub const CLERK: u64 = 3;
/// Citizen 0, region 1.
pub const ALICE: u64 = 10;
/// Citizen 1, region 1.
pub const BOB: u64 = 11;
/// Citizen 2, region 2.
pub const CAROL: u64 = 12;
/// Citizen 3, no region recorded.
pub const DAVE: u64 = 13;
/// Neither officer nor citizen.
pub const NOBODY: u64 = 99;
/// The council's account.
pub const COUNCIL: u64 = 100;

pub const ALICE_ID: CitizenId = 0;
pub const BOB_ID: CitizenId = 1;
pub const CAROL_ID: CitizenId = 2;
pub const DAVE_ID: CitizenId = 3;

/// Officers' appointments end here unless a test expires them sooner.
pub const APPOINTMENTS_END: u64 = 10_000;

fn set_up_identities() {
    let officers = [
        (COMMISSIONER, COMMISSION_ID, vec![Role::ElectionCommission]),
        (
            OTHER_COMMISSIONER,
            OTHER_COMMISSION_ID,
            vec![Role::ElectionCommission],
        ),
        (CLERK, MINISTRY_ID, vec![Role::LandRegistrar]),
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
            (ALICE, ALICE_ID, Some(1)),
            (BOB, BOB_ID, Some(1)),
            (CAROL, CAROL_ID, Some(2)),
            (DAVE, DAVE_ID, None),
        ]
        .into_iter()
        .map(|(account, id, region)| (account, Person { id, region }))
        .collect()
    });
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

/// Moves the identity held by `from` to the account `to`, as the civil registry does when a
/// citizen loses their key.
pub fn move_citizen(from: u64, to: u64) {
    CITIZENS.with(|table| {
        let mut table = table.borrow_mut();
        let person = table.remove(&from).expect("`from` holds an identity");
        table.insert(to, person);
    });
}

/// Records `region` for the citizen held by `account`.
pub fn set_region(account: u64, region: Option<RegionCode>) {
    CITIZENS.with(|table| {
        if let Some(person) = table.borrow_mut().get_mut(&account) {
            person.region = region;
        }
    });
}

/// Registers a citizen with the next free id under `account`, in `region`; returns the id.
pub fn register_citizen(account: u64, region: Option<RegionCode>) -> CitizenId {
    CITIZENS.with(|table| {
        let mut table = table.borrow_mut();
        let id = table
            .values()
            .map(|person| person.id)
            .max()
            .map_or(0, |last| last + 1);
        table.insert(account, Person { id, region });
        id
    })
}

/// Deactivates the citizen held by `account` (death or emigration).
pub fn deactivate_citizen(account: u64) {
    CITIZENS.with(|table| table.borrow_mut().remove(&account));
}

fn person(citizen: CitizenId) -> Option<(u64, Person)> {
    CITIZENS.with(|table| {
        table
            .borrow()
            .iter()
            .find(|(_, person)| person.id == citizen)
            .map(|(account, person)| (*account, *person))
    })
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
        OFFICERS.with(|table| {
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
        Ok(appointment.institution)
    }

    fn institution_is_active(institution: InstitutionId) -> bool {
        OFFICERS.with(|table| {
            table
                .borrow()
                .values()
                .any(|appointment| appointment.institution == institution)
        })
    }

    fn citizen_of(who: &u64) -> Option<CitizenId> {
        CITIZENS.with(|table| table.borrow().get(who).map(|person| person.id))
    }

    fn account_of(citizen: CitizenId) -> Option<u64> {
        person(citizen).map(|(account, _)| account)
    }

    fn kyc_tier(citizen: CitizenId) -> Option<KycTier> {
        person(citizen).map(|_| KycTier::Standard)
    }

    fn region(citizen: CitizenId) -> Option<RegionCode> {
        person(citizen).and_then(|(_, person)| person.region)
    }

    fn active_citizens() -> u64 {
        CITIZENS.with(|table| table.borrow().len() as u64)
    }

    fn active_citizens_in(region: RegionCode) -> u64 {
        CITIZENS.with(|table| {
            table
                .borrow()
                .values()
                .filter(|person| person.region == Some(region))
                .count() as u64
        })
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
                .map(|person| person.id)
                .max()
                .map_or(0, |last| last + 1);
            table
                .entry(*who)
                .or_insert(Person {
                    id: next,
                    region: None,
                })
                .id
        })
    }
}

/// Option `code` with a text hash made of `number`.
pub fn option(code: &str, number: u8) -> BallotOption {
    BallotOption {
        code: OptionCode::truncate_from(code.as_bytes().to_vec()),
        text_hash: H256::repeat_byte(number),
    }
}

/// `items` as a bounded list, which they must fit.
pub fn bounded<Item, Bound: frame_support::traits::Get<u32>>(
    items: Vec<Item>,
) -> frame_support::BoundedVec<Item, Bound> {
    items.try_into().ok().expect("the list fits its bound")
}

/// A poll open to all citizens with the options `YES`, `NO` and `ABSTAIN`, voting from block
/// `starts` until block `ends`, in `mode`.
pub fn spec(starts: u64, ends: u64, mode: BallotMode<u64>) -> ElectionSpec<Test> {
    ElectionSpec {
        question_hash: H256::repeat_byte(0xaa),
        options: bounded(vec![
            option("YES", 1),
            option("NO", 2),
            option("ABSTAIN", 3),
        ]),
        regions: None,
        voting_starts: starts,
        voting_ends: ends,
        mode,
    }
}

/// A public poll voting in blocks 2 to 9, closing at block 10.
pub fn public_spec() -> ElectionSpec<Test> {
    spec(2, 10, BallotMode::Public)
}

/// A secret ballot voting in blocks 2 to 9 and revealing in blocks 10 to 14, closing at 15.
pub fn secret_spec() -> ElectionSpec<Test> {
    spec(2, 10, BallotMode::Secret { reveal_ends: 15 })
}

/// `COMMISSIONER` creates an election of `spec`; returns its id.
pub fn create(spec: ElectionSpec<Test>) -> ElectionId {
    let id = NextElectionId::<Test>::get();
    assert_ok!(Voting::create_election(
        RuntimeOrigin::signed(COMMISSIONER),
        spec
    ));
    id
}

/// The salt citizens use in the tests, different per option so mix-ups show.
pub fn salt(option: OptionIndex) -> H256 {
    H256::repeat_byte(0x50 + option)
}

/// The commitment `voter` seals for `option` with [`salt`].
pub fn sealed(election: ElectionId, option: OptionIndex, voter: CitizenId) -> H256 {
    Voting::commitment(election, option, salt(option), voter)
}

/// Advances to block `target`, running the pallet's `on_initialize` at each new block.
pub fn run_to_block(target: u64) {
    while System::block_number() < target {
        let next = System::block_number() + 1;
        System::set_block_number(next);
        Voting::on_initialize(next);
    }
}

/// The last event the pallet emitted.
pub fn last_event() -> Event<Test> {
    System::events()
        .into_iter()
        .rev()
        .find_map(|record| match record.event {
            RuntimeEvent::Voting(event) => Some(event),
            _ => None,
        })
        .expect("the pallet emitted an event")
}

/// A chain at block 1 with the identities set up.
pub fn new_test_ext() -> sp_io::TestExternalities {
    let storage = frame_system::GenesisConfig::<Test>::default()
        .build_storage()
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
        Voting::do_try_state().expect("e-voting invariants hold after the test");
    });
}
