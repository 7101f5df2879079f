//! A runtime with `frame_system` and this pallet, a few-line identity provider (officers and
//! citizens in a thread-local table) and payments kept in storage, so that a failed settlement
//! rolls them back like any other state.

use crate::{self as pallet_land_titles, *};
use codec::Encode;
use core::cell::RefCell;
use frame_support::{
    assert_ok, derive_impl, parameter_types, storage::unhashed, weights::RuntimeDbWeight,
    BoundedVec,
};
use govchain_primitives::{
    identity::{CitizenId, IdentityProvider, InstitutionId, KycTier, Party, RegionCode, Role},
    payments::Payments,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, Permill, TokenError, Weight};
use std::collections::BTreeMap;

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
    pub storage PaymentsEnabled: bool = true;
    pub const MaxOwners: u32 = 4;
    pub const MaxLiensPerParcel: u32 = 3;
    pub const MaxLineage: u32 = 4;
    pub const MaxParcelsPerOwner: u32 = 6;
    pub const MaxOfferDuration: u64 = 100;
    pub const MaxOffersPerParcel: u32 = 3;
    pub const MaxLienProposalsPerParcel: u32 = 4;
    pub const LienProposalLifetime: u64 = 20;
}

impl pallet_land_titles::Config for Test {
    type Identity = MockIdentity;
    type Balance = u64;
    type Payments = MockPayments;
    type RegistrarApprovesTransfers = RegistrarApproves;
    type MaxOwners = MaxOwners;
    type MaxLiensPerParcel = MaxLiensPerParcel;
    type MaxLineage = MaxLineage;
    type MaxParcelsPerOwner = MaxParcelsPerOwner;
    type MaxOfferDuration = MaxOfferDuration;
    type MaxOffersPerParcel = MaxOffersPerParcel;
    type MaxLienProposalsPerParcel = MaxLienProposalsPerParcel;
    type LienProposalLifetime = LienProposalLifetime;
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
    static CITIZENS: RefCell<BTreeMap<u64, CitizenId>> = const { RefCell::new(BTreeMap::new()) };
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
/// The highest institution number that exists.
const LAST_INSTITUTION: InstitutionId = 5;

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

fn set_up_identities() {
    let officers = [
        (REGISTRAR, LAND_REGISTRY, vec![Role::LandRegistrar]),
        (BANKER, BANK_ID, vec![Role::CommercialBank]),
        (OTHER_BANKER, OTHER_BANK_ID, vec![Role::CommercialBank]),
        (JUDGE, COURT_ID, vec![Role::Court]),
        (OTHER_JUDGE, OTHER_COURT_ID, vec![Role::Court]),
        (FUND_OFFICER, STATE_FUND, vec![]),
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
    CITIZENS.with(|table| *table.borrow_mut() = [(ALICE, 0), (BOB, 1), (CAROL, 2)].into());
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

/// Takes `role` from every officer of `institution`, so the institution no longer holds it.
pub fn withdraw_role(institution: InstitutionId, role: Role) {
    OFFICERS.with(|table| {
        table
            .borrow_mut()
            .values_mut()
            .filter(|appointment| appointment.institution == institution)
            .for_each(|appointment| appointment.roles.retain(|held| *held != role));
    });
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
        institution <= LAST_INSTITUTION
    }

    fn citizen_of(who: &u64) -> Option<CitizenId> {
        CITIZENS.with(|table| table.borrow().get(who).copied())
    }

    fn account_of(citizen: CitizenId) -> Option<u64> {
        CITIZENS.with(|table| {
            table
                .borrow()
                .iter()
                .find(|(_, id)| **id == citizen)
                .map(|(account, _)| *account)
        })
    }

    fn kyc_tier(citizen: CitizenId) -> Option<KycTier> {
        Self::account_of(citizen).map(|_| KycTier::Standard)
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
        let institution = LAST_INSTITUTION;
        OFFICERS.with(|table| {
            let roles = vec![role];
            let expires_at = u64::MAX;
            table.borrow_mut().insert(
                *who,
                Appointment {
                    institution,
                    roles,
                    expires_at,
                },
            )
        });
        institution
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_citizen(who: &u64) -> CitizenId {
        CITIZENS.with(|table| {
            let mut table = table.borrow_mut();
            let next = table.values().max().map_or(0, |last| last + 1);
            *table.entry(*who).or_insert(next)
        })
    }
}

fn balance_key(party: &Party) -> Vec<u8> {
    (b"mock-balance", party).encode()
}

/// A party's balance of the digital currency.
pub fn balance(party: &Party) -> u64 {
    unhashed::get(&balance_key(party)).unwrap_or_default()
}

/// Gives a party `amount` of the digital currency.
pub fn fund(party: &Party, amount: u64) {
    unhashed::put(&balance_key(party), &balance(party).saturating_add(amount));
}

pub struct MockPayments;

impl Payments<u64> for MockPayments {
    fn enabled() -> bool {
        PaymentsEnabled::get()
    }

    fn pay(payer: &Party, payee: &Party, amount: u64) -> DispatchResult {
        let left = balance(payer)
            .checked_sub(amount)
            .ok_or(TokenError::FundsUnavailable)?;
        unhashed::put(&balance_key(payer), &left);
        fund(payee, amount);
        Ok(())
    }

    fn pay_weight() -> Weight {
        Weight::from_parts(1_000, 0)
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_fund(party: &Party, amount: u64) {
        fund(party, amount);
    }
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
        LandTitles::do_try_state().expect("land-title invariants hold after the test");
    });
}
