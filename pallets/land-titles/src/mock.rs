//! A runtime with `frame_system` and this pallet, with the shared identity provider and payments
//! of `govchain_primitives::mock` (kept in the test's storage, so that a failed settlement rolls
//! them back like any other state).

use crate::{self as pallet_land_titles, *};
use frame_support::{
    assert_ok, derive_impl, parameter_types, weights::RuntimeDbWeight, BoundedVec,
};
use govchain_primitives::identity::{InstitutionId, Party, Role};
pub use govchain_primitives::mock::{
    without_post_info, ExtBuilder, IdentityError, MockIdentity, MockPayments,
};
use sp_core::H256;
use sp_runtime::Permill;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        LandTitles: pallet_land_titles,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type DbWeight = DbWeight;
}

parameter_types! {
    /// Reads and writes priced apart, so a migration's weight shows how many of each it made.
    pub const DbWeight: RuntimeDbWeight = RuntimeDbWeight { read: 1, write: 1_000 };
    pub storage RegistrarApproves: bool = false;
    pub const MaxOwners: u32 = 4;
    pub const MaxLiensPerParcel: u32 = 3;
    pub const MaxLineage: u32 = 4;
    pub const MaxParcelsPerOwner: u32 = 6;
    pub const MaxEstateParcels: u32 = 3;
    pub const MaxOfferDuration: u64 = 100;
    pub const MaxOffersPerParcel: u32 = 3;
    pub const MaxLienProposalsPerParcel: u32 = 4;
    pub const LienProposalLifetime: u64 = 20;
}

impl pallet_land_titles::Config for Test {
    type Identity = MockIdentity<Test>;
    type DualControl = MockIdentity<Test>;
    type CouncilOrigin = frame_system::EnsureRoot<u64>;
    type Balance = u64;
    type Payments = MockPayments;
    type RegistrarApprovesTransfers = RegistrarApproves;
    type MaxOwners = MaxOwners;
    type MaxLiensPerParcel = MaxLiensPerParcel;
    type MaxLineage = MaxLineage;
    type MaxParcelsPerOwner = MaxParcelsPerOwner;
    type MaxEstateParcels = MaxEstateParcels;
    type MaxOfferDuration = MaxOfferDuration;
    type MaxOffersPerParcel = MaxOffersPerParcel;
    type MaxLienProposalsPerParcel = MaxLienProposalsPerParcel;
    type LienProposalLifetime = LienProposalLifetime;
    type WeightInfo = ();
}

/// The land registry.
pub const LAND_REGISTRY: InstitutionId = 0;
/// A commercial bank.
pub const BANK_ID: InstitutionId = 1;
/// Another commercial bank.
pub const OTHER_BANK_ID: InstitutionId = 2;
/// A court.
pub const COURT_ID: InstitutionId = 3;
/// Another court.
pub const OTHER_COURT_ID: InstitutionId = 4;
/// The state property fund: an institution without roles that owns land.
pub const STATE_FUND: InstitutionId = 5;

/// An officer of the land registry.
pub const REGISTRAR: u64 = 1;
/// An officer of [`BANK_ID`].
pub const BANKER: u64 = 2;
/// An officer of [`OTHER_BANK_ID`].
pub const OTHER_BANKER: u64 = 3;
/// An officer of [`COURT_ID`].
pub const JUDGE: u64 = 4;
/// An officer of [`OTHER_COURT_ID`].
pub const OTHER_JUDGE: u64 = 5;
/// An officer of [`STATE_FUND`].
pub const FUND_OFFICER: u64 = 6;
/// Citizen 0.
pub const ALICE: u64 = 10;
/// Citizen 1.
pub const BOB: u64 = 11;
/// Citizen 2.
pub const CAROL: u64 = 12;
/// Neither officer nor citizen.
pub const NOBODY: u64 = 99;

pub const ALICE_ID: Party = Party::Citizen(0);
pub const BOB_ID: Party = Party::Citizen(1);
pub const CAROL_ID: Party = Party::Citizen(2);
pub const FUND: Party = Party::Institution(STATE_FUND);

/// Officers' appointments end here unless a test expires them sooner.
pub const APPOINTMENTS_END: u64 = 1_000;

/// The land registry's identity provider, on [`govchain_primitives::mock`]'s tables.
pub type Identity = MockIdentity<Test>;

/// The institutions, officers and citizens every test starts with.
pub fn identities() -> ExtBuilder {
    ExtBuilder::default()
        .appointments_end(APPOINTMENTS_END)
        .institution(LAND_REGISTRY, &[Role::LandRegistrar])
        .institution(BANK_ID, &[Role::CommercialBank])
        .institution(OTHER_BANK_ID, &[Role::CommercialBank])
        .institution(COURT_ID, &[Role::Court])
        .institution(OTHER_COURT_ID, &[Role::Court])
        .institution(STATE_FUND, &[])
        .officer(REGISTRAR, LAND_REGISTRY)
        .officer(BANKER, BANK_ID)
        .officer(OTHER_BANKER, OTHER_BANK_ID)
        .officer(JUDGE, COURT_ID)
        .officer(OTHER_JUDGE, OTHER_COURT_ID)
        .officer(FUND_OFFICER, STATE_FUND)
        .citizen(ALICE)
        .citizen(BOB)
        .citizen(CAROL)
}

/// A parcel spec with `number` and `area`.
pub fn spec(number: &str, area: Area) -> ParcelSpec {
    ParcelSpec {
        cadastral_number: CadastralNumber::truncate_from(number.as_bytes().to_vec()),
        area,
        land_use: 1,
        document_hash: H256::repeat_byte(0xd0),
    }
}

/// Holdings from (owner, percent) pairs.
pub fn holdings(owners: &[(Party, u32)]) -> BoundedVec<Holding, MaxOwners> {
    BoundedVec::truncate_from(
        owners
            .iter()
            .map(|(owner, percent)| Holding {
                owner: *owner,
                share: Permill::from_percent(*percent),
            })
            .collect(),
    )
}

/// Registers a parcel owned as `owners` (percentages), returning its number.
pub fn register(number: &str, area: Area, owners: &[(Party, u32)]) -> ParcelId {
    let parcel = NextParcelId::<Test>::get();
    assert_ok!(LandTitles::register_parcel(
        RuntimeOrigin::signed(REGISTRAR),
        spec(number, area),
        holdings(owners),
    ));
    parcel
}

/// An off-chain price.
pub fn off_chain() -> Price<u64> {
    Price::OffChain(H256::repeat_byte(0xaa))
}

/// `seller` offers its whole holding of `parcel` to `buyer` for an off-chain price, expiring at
/// block 50; returns the offer.
pub fn offer_all(seller: u64, parcel: ParcelId, owner: Party, buyer: Party) -> OfferId {
    offer(seller, parcel, &[(owner, 100)], buyer, off_chain(), false)
}

/// `seller` offers `sales` (percentages of the parcel) to `buyer`, expiring at block 50.
pub fn offer(
    seller: u64,
    parcel: ParcelId,
    sales: &[(Party, u32)],
    buyer: Party,
    price: Price<u64>,
    carries_liens: bool,
) -> OfferId {
    let offer = NextOfferId::<Test>::get();
    assert_ok!(LandTitles::create_offer(
        RuntimeOrigin::signed(seller),
        parcel,
        holdings(sales),
        buyer,
        price,
        50,
        carries_liens,
    ));
    offer
}

/// Registers a lien of `banker`'s bank on a parcel owned by Alice alone; returns the lien.
pub fn register_lien(parcel: ParcelId, banker: u64) -> LienId {
    let lien = NextLienId::<Test>::get();
    assert_ok!(LandTitles::propose_lien(
        RuntimeOrigin::signed(banker),
        parcel,
        H256::repeat_byte(7)
    ));
    assert_ok!(LandTitles::consent_lien(RuntimeOrigin::signed(ALICE), lien));
    lien
}

/// A parcel's title as (owner, percent) pairs.
pub fn title_of(parcel: ParcelId) -> Vec<(Party, u32)> {
    Parcels::<Test>::get(parcel)
        .unwrap()
        .title
        .iter()
        .map(|holding| (holding.owner, holding.share.deconstruct() / 10_000))
        .collect()
}

/// The live parcels an owner's index lists, sorted.
pub fn parcels_of(owner: Party) -> Vec<ParcelId> {
    let mut parcels: Vec<_> = OwnerParcels::<Test>::iter_key_prefix(owner).collect();
    parcels.sort();
    parcels
}

/// The last event the pallet emitted.
pub fn last_event() -> Event<Test> {
    System::events()
        .into_iter()
        .rev()
        .find_map(|record| match record.event {
            RuntimeEvent::LandTitles(event) => Some(event),
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
        LandTitles::do_try_state().expect("land-title invariants hold after the test");
    });
}
