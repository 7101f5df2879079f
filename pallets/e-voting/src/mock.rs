//! A runtime with `frame_system` and this pallet, and the shared identity provider of
//! `govchain_primitives::mock` with officers, and citizens with regions.

use crate::{self as pallet_e_voting, *};
use frame_support::{assert_ok, derive_impl, ord_parameter_types, parameter_types, traits::Hooks};
use frame_system::EnsureSignedBy;
use govchain_primitives::identity::{CitizenId, InstitutionId, KycTier, RegionCode, Role};
pub use govchain_primitives::mock::{without_post_info, ExtBuilder, IdentityError, MockIdentity};
use sp_core::H256;

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
    pub const MaxRelayedBallots: u32 = 8;
    pub const MaxRelayedVotes: u32 = 8;
}

ord_parameter_types! {
    /// The council, for the tests: one account.
    pub const Council: u64 = 100;
}

impl pallet_e_voting::Config for Test {
    type Identity = MockIdentity<Test>;
    type CancelOrigin = EnsureSignedBy<Council, u64>;
    type MaxOptions = MaxOptions;
    type MaxRegions = MaxRegions;
    type MaxClosingPerBlock = MaxClosingPerBlock;
    type MaxScheduleLength = MaxScheduleLength;
    type RelaySignature = TestSignature;
    type RelaySigner = UintAuthorityId;
    type MaxRelayedBallots = MaxRelayedBallots;
    type MaxRelayedVotes = MaxRelayedVotes;
    #[cfg(feature = "runtime-benchmarks")]
    type RelayHelper = TestRelaySigner;
    type WeightInfo = ();
}

/// Relayed ballots in the tests are signed with test signatures: the signer's account and the
/// message signed.
pub use sp_runtime::testing::{TestSignature, UintAuthorityId};

#[cfg(feature = "runtime-benchmarks")]
pub use govchain_primitives::mock::TestRelaySigner;

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
/// A court.
pub const COURT_ID: InstitutionId = 3;
/// The audit chamber.
pub const AUDIT_ID: InstitutionId = 4;
/// An officer of [`COURT_ID`].
pub const JUDGE: u64 = 4;
/// An officer of [`AUDIT_ID`].
pub const AUDITOR: u64 = 5;
/// A second officer of [`COMMISSION_ID`].
pub const SECOND_COMMISSIONER: u64 = 6;
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
pub const DAVE_ID: CitizenId = 3;

/// Officers' appointments end here unless a test expires them sooner.
pub const APPOINTMENTS_END: u64 = 10_000;

/// The identity provider, on [`govchain_primitives::mock`]'s tables.
pub type Identity = MockIdentity<Test>;

/// The institutions, officers and citizens every test starts with.
pub fn identities() -> ExtBuilder {
    ExtBuilder::default()
        .appointments_end(APPOINTMENTS_END)
        .institution(COMMISSION_ID, &[Role::ElectionCommission])
        .institution(OTHER_COMMISSION_ID, &[Role::ElectionCommission])
        .institution(MINISTRY_ID, &[Role::LandRegistrar])
        .officer(COMMISSIONER, COMMISSION_ID)
        .officer(OTHER_COMMISSIONER, OTHER_COMMISSION_ID)
        .officer(CLERK, MINISTRY_ID)
        .institution(COURT_ID, &[Role::Court])
        .institution(AUDIT_ID, &[Role::Auditor])
        .officer(JUDGE, COURT_ID)
        .officer(AUDITOR, AUDIT_ID)
        .officer(SECOND_COMMISSIONER, COMMISSION_ID)
        .citizen_with(ALICE, KycTier::Standard, Some(1))
        .citizen_with(BOB, KycTier::Standard, Some(1))
        .citizen_with(CAROL, KycTier::Standard, Some(2))
        .citizen_with(DAVE, KycTier::Standard, None)
}

/// Registers a citizen with the next free number under `account`, in `region`; returns the
/// number.
pub fn register_citizen(account: u64, region: Option<RegionCode>) -> CitizenId {
    Identity::register_citizen(account, KycTier::Standard, region)
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
        trustees: Default::default(),
    }
}

/// An encrypted election open to all citizens with the options `YES`, `NO` and `ABSTAIN`: its
/// key ceremony runs from block 1 in four rounds of 2 blocks (the last one 3), voting in
/// blocks 10 to 19, the tally in blocks 20 to 29 (it fails at 30); trustees `COMMISSIONER`,
/// `JUDGE` and `AUDITOR`, two of whom decrypt.
pub fn encrypted_spec() -> ElectionSpec<Test> {
    ElectionSpec {
        trustees: bounded(vec![COMMISSIONER, JUDGE, AUDITOR]),
        ..spec(
            10,
            20,
            BallotMode::Encrypted {
                threshold: 2,
                tally_ends: 30,
            },
        )
    }
}

/// A public poll voting in blocks 2 to 9, closing at block 10.
pub fn public_spec() -> ElectionSpec<Test> {
    spec(2, 10, BallotMode::Public)
}

/// A commit–reveal ballot voting in blocks 2 to 9 and revealing in blocks 10 to 14, closing at
/// 15 (created only as a legacy election: [`create`]).
pub fn secret_spec() -> ElectionSpec<Test> {
    spec(2, 10, BallotMode::Secret { reveal_ends: 15 })
}

/// `COMMISSIONER` creates an election of `spec`; returns its id. A commit–reveal ballot is
/// created as before commit–reveal was retired ([`crate::testing::legacy_secret_election`]).
pub fn create(spec: ElectionSpec<Test>) -> ElectionId {
    if matches!(spec.mode, BallotMode::Secret { .. }) {
        return crate::testing::legacy_secret_election::<Test>(COMMISSION_ID, spec)
            .expect("a valid commit–reveal election");
    }
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
    identities().build::<Test>()
}

/// Runs `test` on a fresh chain, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        Voting::do_try_state().expect("e-voting invariants hold after the test");
    });
}
