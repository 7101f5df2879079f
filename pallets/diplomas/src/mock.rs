//! A runtime with `frame_system` and this pallet, the shared identity provider of
//! `govchain_primitives::mock`, and a wall clock the tests set by the day.

use crate::{self as pallet_diplomas, *};
use frame_support::{
    assert_ok, derive_impl, parameter_types, traits::UnixTime, weights::RuntimeDbWeight,
};
use govchain_primitives::identity::{CitizenId, InstitutionId, Role};
pub use govchain_primitives::mock::{without_post_info, ExtBuilder, IdentityError, MockIdentity};
use sp_core::H256;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Diplomas: pallet_diplomas,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type DbWeight = DbWeight;
}

parameter_types! {
    /// Database weights that tell reads from writes in a migration's weight: a read costs 1,
    /// a write 1,000.
    pub const DbWeight: RuntimeDbWeight = RuntimeDbWeight { read: 1, write: 1_000 };
    /// Today, in days since 1970-01-01.
    pub storage Today: Day = TODAY;
    pub const MaxBatchSize: u32 = 5;
    pub const MaxAccreditationPeriods: u32 = 3;
    /// A diploma's history holds 4 changes; a test lowers it to 3 to fill the history with a
    /// reinstatement.
    pub storage MaxStatusChanges: u32 = 4;
    /// A citizen holds 5 diplomas: a full batch for one holder fits, one more does not; a
    /// test raises it to fill more than a page of `diplomas_of`.
    pub storage MaxDiplomasPerHolder: u32 = 5;
}

/// The day the tests start on (2024-10-05).
pub const TODAY: Day = 20_001;

/// A clock at noon of [`Today`].
pub struct MockClock;

impl UnixTime for MockClock {
    fn now() -> core::time::Duration {
        core::time::Duration::from_secs(u64::from(Today::get()) * 86_400 + 43_200)
    }
}

/// Moves the clock `days` days on.
pub fn advance_days(days: Day) {
    Today::set(&(Today::get() + days));
}

impl pallet_diplomas::Config for Test {
    type Identity = MockIdentity<Test>;
    type UnixTime = MockClock;
    type MaxBatchSize = MaxBatchSize;
    type MaxAccreditationPeriods = MaxAccreditationPeriods;
    type MaxStatusChanges = MaxStatusChanges;
    type MaxDiplomasPerHolder = MaxDiplomasPerHolder;
    type WeightInfo = ();
    #[cfg(feature = "runtime-benchmarks")]
    type BenchmarkHelper = MockClock;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for MockClock {
    fn set_today(day: Day) {
        Today::set(&day);
    }
}

/// The Education Ministry.
pub const MINISTRY_ID: InstitutionId = 0;
/// A university.
pub const UNIVERSITY_ID: InstitutionId = 1;
/// Another university.
pub const OTHER_UNIVERSITY_ID: InstitutionId = 2;
/// A court.
pub const COURT_ID: InstitutionId = 3;
/// Another court.
pub const OTHER_COURT_ID: InstitutionId = 4;
/// A land registry: an institution without any education or court role.
pub const REGISTRY_ID: InstitutionId = 5;

/// An officer of the ministry.
pub const MINISTER: u64 = 1;
/// An officer of [`UNIVERSITY_ID`].
pub const DEAN: u64 = 2;
/// An officer of [`OTHER_UNIVERSITY_ID`].
pub const OTHER_DEAN: u64 = 3;
/// An officer of [`COURT_ID`].
pub const JUDGE: u64 = 4;
/// An officer of [`OTHER_COURT_ID`].
pub const OTHER_JUDGE: u64 = 5;
/// An officer of [`REGISTRY_ID`].
pub const REGISTRAR: u64 = 6;
/// Citizen 0.
pub const ALICE: u64 = 10;
/// Citizen 1.
pub const BOB: u64 = 11;
/// Neither officer nor citizen.
pub const NOBODY: u64 = 99;

pub const ALICE_ID: CitizenId = 0;
pub const BOB_ID: CitizenId = 1;
/// No citizen has this number.
pub const UNKNOWN_CITIZEN: CitizenId = 77;

/// Officers' appointments end here unless a test expires them sooner.
pub const APPOINTMENTS_END: u64 = 1_000;

/// The identity provider, on [`govchain_primitives::mock`]'s tables.
pub type Identity = MockIdentity<Test>;

/// The institutions, officers and citizens every test starts with.
pub fn identities() -> ExtBuilder {
    ExtBuilder::default()
        .appointments_end(APPOINTMENTS_END)
        .institution(MINISTRY_ID, &[Role::EducationMinistry])
        .institution(UNIVERSITY_ID, &[Role::University])
        .institution(OTHER_UNIVERSITY_ID, &[Role::University])
        .institution(COURT_ID, &[Role::Court])
        .institution(OTHER_COURT_ID, &[Role::Court])
        .institution(REGISTRY_ID, &[Role::LandRegistrar])
        .officer(MINISTER, MINISTRY_ID)
        .officer(DEAN, UNIVERSITY_ID)
        .officer(OTHER_DEAN, OTHER_UNIVERSITY_ID)
        .officer(JUDGE, COURT_ID)
        .officer(OTHER_JUDGE, OTHER_COURT_ID)
        .officer(REGISTRAR, REGISTRY_ID)
        .citizen(ALICE)
        .citizen(BOB)
}

/// A serial number as stored.
pub fn serial(number: &str) -> Serial {
    Serial::truncate_from(number.as_bytes().to_vec())
}

/// The hash of a diploma document.
pub fn document(number: u8) -> H256 {
    H256::repeat_byte(number)
}

/// A bachelor's diploma in software development numbered `number`, held by `holder`, dated
/// `issued_on`, with document hash `document(1)`.
pub fn spec(number: &str, holder: CitizenId, issued_on: Day) -> DiplomaSpec {
    DiplomaSpec {
        serial: serial(number),
        holder,
        degree: DegreeLevel::Bachelor,
        field: 613,
        issued_on,
        document_hash: document(1),
    }
}

/// The id of `university`'s diploma `number`.
pub fn id_of(university: InstitutionId, number: &str) -> DiplomaId {
    Diplomas::diploma_id(&Issuer::Institution(university), &serial(number))
}

/// Accredits `university` from `from` to `until`.
pub fn accredit(university: InstitutionId, from: Day, until: Day) {
    assert_ok!(Diplomas::accredit(
        RuntimeOrigin::signed(MINISTER),
        university,
        Period { from, until }
    ));
}

/// Accredits [`UNIVERSITY_ID`] from 100 days ago for a year.
pub fn accredit_university() {
    accredit(UNIVERSITY_ID, TODAY - 100, TODAY + 265);
}

/// Suspends [`UNIVERSITY_ID`]'s accreditation today.
pub fn suspend_university() {
    assert_ok!(Diplomas::suspend_accreditation(
        RuntimeOrigin::signed(MINISTER),
        UNIVERSITY_ID
    ));
}

/// Lifts the suspension of [`UNIVERSITY_ID`]'s accreditation.
pub fn lift_university_suspension() {
    assert_ok!(Diplomas::lift_suspension(
        RuntimeOrigin::signed(MINISTER),
        UNIVERSITY_ID
    ));
}

/// Withdraws [`UNIVERSITY_ID`]'s accreditation, `last_day` (today if `None`) being its last
/// accredited day.
pub fn withdraw_university(last_day: Option<Day>) {
    assert_ok!(Diplomas::withdraw_accreditation(
        RuntimeOrigin::signed(MINISTER),
        UNIVERSITY_ID,
        last_day
    ));
}

/// `DEAN` issues diploma `number` to Alice, dated today; returns its id.
pub fn issue(number: &str) -> DiplomaId {
    assert_ok!(Diplomas::issue(
        RuntimeOrigin::signed(DEAN),
        spec(number, ALICE_ID, Today::get())
    ));
    id_of(UNIVERSITY_ID, number)
}

/// A university's accreditation periods as (from, until) pairs.
pub fn periods_of(university: InstitutionId) -> Vec<(Day, Day)> {
    Accreditations::<Test>::get(university)
        .map(|accreditation| {
            accreditation
                .periods
                .iter()
                .map(|period| (period.from, period.until))
                .collect()
        })
        .unwrap_or_default()
}

/// The last event the pallet emitted.
pub fn last_event() -> Event<Test> {
    System::events()
        .into_iter()
        .rev()
        .find_map(|record| match record.event {
            RuntimeEvent::Diplomas(event) => Some(event),
            _ => None,
        })
        .expect("the pallet emitted an event")
}

/// A chain at block 1 with the identities set up and the clock at [`TODAY`].
pub fn new_test_ext() -> sp_io::TestExternalities {
    identities().build::<Test>()
}

/// Runs `test` on a fresh chain, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        Diplomas::do_try_state().expect("diploma invariants hold after the test");
    });
}
