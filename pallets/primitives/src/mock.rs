//! Test scaffolding for the registry pallets: one identity provider and one payment system that
//! keep the traits' full contracts, and an [`ExtBuilder`] that sets them up.
//!
//! [`MockIdentity`] behaves as the identity pallet does behind [`IdentityProvider`]: roles belong
//! to institutions, an institution may be suspended, an officer's appointment ends at a block,
//! a citizen may be deactivated or move to a new account, and the refusals are the identity
//! pallet's own errors ([`IdentityError`]). Its tables live in the test's storage, so every
//! externalities starts from what its builder put there, and a call that fails rolls back with the
//! rest of the state.
//!
//! Accounts are `u64`, as in every pallet's mock runtime. Only for tests: the feature `mock`
//! pulls in `frame-system` and `sp-io` with `std`.

use crate::{
    dual_control::{ActionClass, ActionId, Actor, Approval, DualControl},
    identity::{CitizenId, IdentityProvider, InstitutionId, KycTier, Party, RegionCode, Role},
    payments::Payments,
};
use codec::{Decode, Encode};
use core::marker::PhantomData;
use frame_support::{
    dispatch::DispatchResultWithPostInfo, storage::unhashed, traits::UnfilteredDispatchable,
};
use sp_runtime::{
    traits::UniqueSaturatedInto, BuildStorage, DispatchError, DispatchResult, ModuleError, Storage,
    TokenError, Weight,
};
use std::collections::BTreeMap;

/// The pallet index [`IdentityError`]s carry: a mock runtime has no identity pallet, so no other
/// pallet's error can be mistaken for one.
pub const IDENTITY_PALLET_INDEX: u8 = 250;

/// Where the mock keeps its tables in the test's storage.
const REGISTRY_KEY: &[u8] = b":govchain:mock:identity";
/// Where the mock keeps whether on-chain payments exist.
const PAYMENTS_ENABLED_KEY: &[u8] = b":govchain:mock:payments-enabled";
/// The prefix of the mock's balances.
const BALANCE_PREFIX: &[u8] = b":govchain:mock:balance";

/// The identity pallet's refusals, which [`IdentityProvider`] passes on to the registries.
///
/// Each variant has the index and name of the identity pallet's `Error` variant of the same name
/// (the identity pallet's tests check it), so a registry's test expects exactly the error its call
/// returns in the runtime, under the mock's [`IDENTITY_PALLET_INDEX`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IdentityError {
    /// No institution has this id.
    InstitutionNotFound,
    /// The institution does not hold this role.
    RoleNotHeld,
    /// The institution is suspended.
    InstitutionSuspended,
    /// The account is not an officer.
    NotOfficer,
    /// The officer's appointment has expired.
    OfficerExpired,
    /// The account holds no active citizen's identity.
    CitizenNotActive,
    /// The citizen used the whole fee-free quota of this period.
    FeeFreeQuotaExhausted,
}

impl IdentityError {
    /// Every variant.
    pub const ALL: [IdentityError; 7] = [
        IdentityError::InstitutionNotFound,
        IdentityError::RoleNotHeld,
        IdentityError::InstitutionSuspended,
        IdentityError::NotOfficer,
        IdentityError::OfficerExpired,
        IdentityError::CitizenNotActive,
        IdentityError::FeeFreeQuotaExhausted,
    ];

    /// The index of the identity pallet's `Error` variant of this name.
    pub fn index(self) -> u8 {
        match self {
            IdentityError::InstitutionNotFound => 3,
            IdentityError::RoleNotHeld => 5,
            IdentityError::InstitutionSuspended => 6,
            IdentityError::NotOfficer => 13,
            IdentityError::OfficerExpired => 14,
            IdentityError::CitizenNotActive => 18,
            IdentityError::FeeFreeQuotaExhausted => 52,
        }
    }

    /// The variant's name, as the identity pallet's metadata gives it.
    pub fn name(self) -> &'static str {
        match self {
            IdentityError::InstitutionNotFound => "InstitutionNotFound",
            IdentityError::RoleNotHeld => "RoleNotHeld",
            IdentityError::InstitutionSuspended => "InstitutionSuspended",
            IdentityError::NotOfficer => "NotOfficer",
            IdentityError::OfficerExpired => "OfficerExpired",
            IdentityError::CitizenNotActive => "CitizenNotActive",
            IdentityError::FeeFreeQuotaExhausted => "FeeFreeQuotaExhausted",
        }
    }
}

impl From<IdentityError> for DispatchError {
    fn from(error: IdentityError) -> Self {
        DispatchError::Module(ModuleError {
            index: IDENTITY_PALLET_INDEX,
            error: [error.index(), 0, 0, 0],
            message: Some(error.name()),
        })
    }
}

/// A registered institution: its roles and whether it is suspended.
#[derive(Encode, Decode, Clone, Default)]
struct Institution {
    roles: Vec<Role>,
    suspended: bool,
}

/// An officer's appointment: the institution and the block it ends at.
#[derive(Encode, Decode, Clone, Copy)]
struct Appointment {
    institution: InstitutionId,
    expires_at: u64,
}

/// A citizen as the civil registry keeps them.
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug)]
pub struct Citizen {
    /// The citizen's number.
    pub id: CitizenId,
    /// How thoroughly the civil registry verified them.
    pub tier: KycTier,
    /// Where they live, if recorded.
    pub region: Option<RegionCode>,
}

/// A sensitive call waiting for approval, as the mock keeps it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
pub struct MockAction {
    /// The proposer's institution.
    pub institution: InstitutionId,
    /// The role it was made under (`None`: an act of the institution as a whole).
    pub role: Option<Role>,
    /// What kind of act it is.
    pub class: ActionClass,
    /// The officer who made the call.
    pub proposer: u64,
    /// The registry pallet's call, encoded.
    pub call: Vec<u8>,
}

/// The mock's tables.
#[derive(Encode, Decode, Clone, Default)]
struct Registry {
    institutions: BTreeMap<InstitutionId, Institution>,
    officers: BTreeMap<u64, Appointment>,
    /// Active citizens, by the account that holds their identity.
    citizens: BTreeMap<u64, Citizen>,
    /// Every citizen number ever given, so a new citizen never reuses one.
    next_citizen: CitizenId,
    /// Dual-control thresholds above 1.
    thresholds: BTreeMap<(Role, ActionClass), u8>,
    /// Pending actions by id.
    pending: BTreeMap<ActionId, MockAction>,
    /// The id the next pending action gets.
    next_action: ActionId,
    /// The pending action being executed by [`MockIdentity::approve`], if any.
    executing: Option<(ActionId, MockAction)>,
    /// Fee-free transactions each citizen made (the mock has one quota period).
    quota_used: BTreeMap<CitizenId, u32>,
}

impl Registry {
    fn get() -> Self {
        unhashed::get(REGISTRY_KEY).unwrap_or_default()
    }

    fn mutate<R>(change: impl FnOnce(&mut Self) -> R) -> R {
        let mut registry = Self::get();
        let result = change(&mut registry);
        unhashed::put(REGISTRY_KEY, &registry);
        result
    }

    fn citizen(&self, id: CitizenId) -> Option<(u64, Citizen)> {
        self.citizens
            .iter()
            .find(|(_, citizen)| citizen.id == id)
            .map(|(account, citizen)| (*account, *citizen))
    }

    fn add_citizen(
        &mut self,
        account: u64,
        tier: KycTier,
        region: Option<RegionCode>,
    ) -> CitizenId {
        let id = self.next_citizen;
        self.next_citizen = id.saturating_add(1);
        self.citizens.insert(account, Citizen { id, tier, region });
        id
    }
}

/// The identity pallet's contract on tables in the test's storage; `T` is the mock runtime,
/// whose block number ends appointments.
pub struct MockIdentity<T>(PhantomData<T>);

impl<T: frame_system::Config> MockIdentity<T> {
    fn now() -> u64 {
        frame_system::Pallet::<T>::block_number().unique_saturated_into()
    }

    /// Registers (or re-registers) an active institution holding `roles`.
    pub fn register_institution(institution: InstitutionId, roles: &[Role]) {
        Registry::mutate(|registry| {
            registry.institutions.insert(
                institution,
                Institution {
                    roles: roles.to_vec(),
                    suspended: false,
                },
            )
        });
    }

    /// Gives `institution` one more role.
    pub fn grant_role(institution: InstitutionId, role: Role) {
        Registry::mutate(|registry| {
            if let Some(record) = registry.institutions.get_mut(&institution) {
                if !record.roles.contains(&role) {
                    record.roles.push(role);
                }
            }
        });
    }

    /// Takes `role` from `institution`.
    pub fn revoke_role(institution: InstitutionId, role: Role) {
        Registry::mutate(|registry| {
            if let Some(record) = registry.institutions.get_mut(&institution) {
                record.roles.retain(|held| *held != role);
            }
        });
    }

    /// Suspends `institution`: its officers no longer act, it holds no role.
    pub fn suspend_institution(institution: InstitutionId) {
        Registry::mutate(|registry| {
            if let Some(record) = registry.institutions.get_mut(&institution) {
                record.suspended = true;
            }
        });
    }

    /// Appoints `officer` to `institution` until block `expires_at`.
    pub fn appoint(officer: u64, institution: InstitutionId, expires_at: u64) {
        Registry::mutate(|registry| {
            registry.officers.insert(
                officer,
                Appointment {
                    institution,
                    expires_at,
                },
            )
        });
    }

    /// Ends `officer`'s appointment at the current block.
    pub fn expire_officer(officer: u64) {
        let now = Self::now();
        Registry::mutate(|registry| {
            if let Some(appointment) = registry.officers.get_mut(&officer) {
                appointment.expires_at = now;
            }
        });
    }

    /// Registers a citizen under `account` with the next free number; returns the number.
    pub fn register_citizen(account: u64, tier: KycTier, region: Option<RegionCode>) -> CitizenId {
        Registry::mutate(|registry| registry.add_citizen(account, tier, region))
    }

    /// Records `region` for the citizen held by `account`.
    pub fn set_region(account: u64, region: Option<RegionCode>) {
        Registry::mutate(|registry| {
            if let Some(citizen) = registry.citizens.get_mut(&account) {
                citizen.region = region;
            }
        });
    }

    /// Moves the identity held by `from` to the account `to`, as the civil registry does when a
    /// citizen loses their key.
    pub fn move_citizen(from: u64, to: u64) {
        Registry::mutate(|registry| {
            if let Some(citizen) = registry.citizens.remove(&from) {
                registry.citizens.insert(to, citizen);
            }
        });
    }

    /// Deactivates the citizen held by `account` (death or emigration).
    pub fn deactivate_citizen(account: u64) {
        Registry::mutate(|registry| registry.citizens.remove(&account));
    }

    /// The fee-free transactions `citizen` made ([`IdentityProvider::use_citizen_quota`]).
    pub fn citizen_quota_used(citizen: CitizenId) -> u32 {
        Registry::get()
            .quota_used
            .get(&citizen)
            .copied()
            .unwrap_or_default()
    }

    /// Uses up `citizen`'s fee-free quota.
    pub fn exhaust_citizen_quota(citizen: CitizenId) {
        Registry::mutate(|registry| registry.quota_used.insert(citizen, MOCK_CITIZEN_QUOTA));
    }

    /// The institution and record of an officer whose appointment holds, of an active
    /// institution; or the identity pallet's reason it is not one.
    fn active_officer(who: &u64) -> Result<(InstitutionId, Institution), DispatchError> {
        let registry = Registry::get();
        let appointment = registry
            .officers
            .get(who)
            .ok_or(IdentityError::NotOfficer)?;
        if Self::now() >= appointment.expires_at {
            return Err(IdentityError::OfficerExpired.into());
        }
        let record = registry
            .institutions
            .get(&appointment.institution)
            .ok_or(IdentityError::InstitutionNotFound)?;
        if record.suspended {
            return Err(IdentityError::InstitutionSuspended.into());
        }
        Ok((appointment.institution, record.clone()))
    }
}

impl<T: frame_system::Config> MockIdentity<T> {
    /// Acts of `class` under `role` need `threshold` officers from now on.
    pub fn set_threshold(role: Role, class: ActionClass, threshold: u8) {
        Registry::mutate(|registry| registry.thresholds.insert((role, class), threshold));
    }

    /// The pending action `action`, if it is pending.
    pub fn pending(action: ActionId) -> Option<MockAction> {
        Registry::get().pending.get(&action).cloned()
    }

    /// How many actions are pending.
    pub fn pending_count() -> usize {
        Registry::get().pending.len()
    }

    /// Runs pending action `action` as the identity pallet does once its institution's officers
    /// approved it: its call, with its original arguments, from the approval (here: the
    /// proposer's signed origin, which [`DualControl::ensure_officer`] takes for the approval
    /// while it runs). `C` is the registry pallet's call.
    #[allow(
        clippy::panic,
        reason = "test scaffolding: approving what is not pending is a broken test"
    )]
    pub fn approve<C>(action: ActionId) -> DispatchResultWithPostInfo
    where
        C: Decode + UnfilteredDispatchable<RuntimeOrigin = T::RuntimeOrigin>,
        T::RuntimeOrigin: From<frame_system::RawOrigin<u64>>,
    {
        let Some(pending) = Registry::mutate(|registry| {
            let pending = registry.pending.remove(&action);
            registry.executing = pending.clone().map(|pending| (action, pending));
            pending
        }) else {
            panic!("action {action} is not pending");
        };
        let Ok(call) = C::decode(&mut &pending.call[..]) else {
            panic!("action {action} holds a call of another pallet");
        };
        let result =
            call.dispatch_bypass_filter(frame_system::RawOrigin::Signed(pending.proposer).into());
        Registry::mutate(|registry| registry.executing = None);
        result
    }
}

impl<T: frame_system::Config<AccountId = u64>, C: Encode> DualControl<u64, T::RuntimeOrigin, C>
    for MockIdentity<T>
{
    fn ensure_officer(
        origin: T::RuntimeOrigin,
        role: Option<Role>,
        class: ActionClass,
    ) -> Result<Actor<u64>, DispatchError> {
        let who = frame_system::ensure_signed(origin)?;
        let registry = Registry::get();
        if let Some((action, pending)) = registry.executing {
            // As the identity pallet checks an approval: for its own role and class, of an
            // institution that is active and still holds the role.
            Registry::mutate(|registry| registry.executing = None);
            if pending.role != role || pending.class != class || pending.proposer != who {
                return Err(DispatchError::BadOrigin);
            }
            let record = registry
                .institutions
                .get(&pending.institution)
                .ok_or(IdentityError::InstitutionNotFound)?;
            if record.suspended {
                return Err(IdentityError::InstitutionSuspended.into());
            }
            if role.is_some_and(|role| !record.roles.contains(&role)) {
                return Err(IdentityError::RoleNotHeld.into());
            }
            return Ok(Actor {
                institution: pending.institution,
                officer: who,
                approval: Approval::Approved(action),
            });
        }
        let institution = match role {
            Some(role) => Self::ensure_role(&who, role)?,
            None => Self::active_officer(&who)?.0,
        };
        // An act of the institution as a whole takes the strictest threshold among its roles
        // (among all roles if it holds none), as the identity pallet does.
        let threshold_of = |role: Role| {
            registry
                .thresholds
                .get(&(role, class))
                .copied()
                .unwrap_or(1)
        };
        let threshold = match role {
            Some(role) => threshold_of(role),
            None => {
                let held = registry
                    .institutions
                    .get(&institution)
                    .map(|record| record.roles.clone())
                    .unwrap_or_default();
                let roles = if held.is_empty() {
                    Role::ALL.to_vec()
                } else {
                    held
                };
                roles.into_iter().map(threshold_of).max().unwrap_or(1)
            }
        };
        let approval = if threshold > 1 {
            Approval::Needed
        } else {
            Approval::Alone
        };
        Ok(Actor {
            institution,
            officer: who,
            approval,
        })
    }

    fn propose(
        actor: &Actor<u64>,
        role: Option<Role>,
        class: ActionClass,
        call: C,
    ) -> Result<ActionId, DispatchError> {
        Ok(Registry::mutate(|registry| {
            let id = registry.next_action;
            registry.next_action = id.saturating_add(1);
            registry.pending.insert(
                id,
                MockAction {
                    institution: actor.institution,
                    role,
                    class,
                    proposer: actor.officer,
                    call: call.encode(),
                },
            );
            id
        }))
    }

    fn proposal_weight() -> Weight {
        MOCK_PROPOSAL_WEIGHT
    }
}

/// A citizen's fee-free transactions in the mock's one quota period (the runtime's hourly quota).
pub const MOCK_CITIZEN_QUOTA: u32 = 20;

/// What the mock's [`DualControl::propose`] says a proposal costs.
pub const MOCK_PROPOSAL_WEIGHT: Weight = Weight::from_parts(10_000_000, 1_000);

impl<T: frame_system::Config<AccountId = u64>> IdentityProvider<u64> for MockIdentity<T> {
    fn ensure_role(who: &u64, role: Role) -> Result<InstitutionId, DispatchError> {
        let (institution, record) = Self::active_officer(who)?;
        if !record.roles.contains(&role) {
            return Err(IdentityError::RoleNotHeld.into());
        }
        Ok(institution)
    }

    fn institution_has_role(institution: InstitutionId, role: Role) -> bool {
        Registry::get()
            .institutions
            .get(&institution)
            .is_some_and(|record| !record.suspended && record.roles.contains(&role))
    }

    fn officer_institution(who: &u64) -> Result<InstitutionId, DispatchError> {
        Self::active_officer(who).map(|(institution, _)| institution)
    }

    fn institution_is_active(institution: InstitutionId) -> bool {
        Registry::get()
            .institutions
            .get(&institution)
            .is_some_and(|record| !record.suspended)
    }

    fn citizen_of(who: &u64) -> Option<CitizenId> {
        Registry::get().citizens.get(who).map(|citizen| citizen.id)
    }

    fn citizen_profile(who: &u64) -> Option<(CitizenId, KycTier)> {
        Registry::get()
            .citizens
            .get(who)
            .map(|citizen| (citizen.id, citizen.tier))
    }

    fn account_of(citizen: CitizenId) -> Option<u64> {
        Registry::get().citizen(citizen).map(|(account, _)| account)
    }

    fn kyc_tier(citizen: CitizenId) -> Option<KycTier> {
        Registry::get()
            .citizen(citizen)
            .map(|(_, record)| record.tier)
    }

    fn region(citizen: CitizenId) -> Option<RegionCode> {
        Registry::get()
            .citizen(citizen)
            .and_then(|(_, record)| record.region)
    }

    fn use_citizen_quota(who: &u64) -> DispatchResult {
        let citizen = Self::citizen_of(who).ok_or(IdentityError::CitizenNotActive)?;
        Registry::mutate(|registry| {
            let used = registry.quota_used.entry(citizen).or_default();
            if *used >= MOCK_CITIZEN_QUOTA {
                return Err(IdentityError::FeeFreeQuotaExhausted.into());
            }
            *used = used.saturating_add(1);
            Ok(())
        })
    }

    fn active_citizens() -> u64 {
        Registry::get().citizens.len() as u64
    }

    fn active_citizens_in(region: RegionCode) -> u64 {
        Registry::get()
            .citizens
            .values()
            .filter(|citizen| citizen.region == Some(region))
            .count() as u64
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_officer(who: &u64, role: Role) -> InstitutionId {
        Registry::mutate(|registry| {
            let institution = registry
                .institutions
                .keys()
                .next_back()
                .map_or(0, |last| last.saturating_add(1));
            registry.institutions.insert(
                institution,
                Institution {
                    roles: vec![role],
                    suspended: false,
                },
            );
            registry.officers.insert(
                *who,
                Appointment {
                    institution,
                    expires_at: u64::MAX,
                },
            );
            institution
        })
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_citizen(who: &u64) -> CitizenId {
        Registry::mutate(|registry| match registry.citizens.get(who) {
            Some(citizen) => citizen.id,
            None => registry.add_citizen(*who, KycTier::Enhanced, None),
        })
    }
}

/// Payments between parties from balances in the test's storage, so a failed settlement rolls
/// them back like any other state. On unless a test turns them off.
pub struct MockPayments;

impl MockPayments {
    fn balance_key(party: &Party) -> Vec<u8> {
        (BALANCE_PREFIX, party).encode()
    }

    /// A party's balance.
    pub fn balance(party: &Party) -> u64 {
        unhashed::get(&Self::balance_key(party)).unwrap_or_default()
    }

    /// Gives a party `amount`.
    pub fn fund(party: &Party, amount: u64) {
        unhashed::put(
            &Self::balance_key(party),
            &Self::balance(party).saturating_add(amount),
        );
    }

    /// Turns on-chain payments on or off.
    pub fn set_enabled(enabled: bool) {
        unhashed::put(PAYMENTS_ENABLED_KEY, &enabled);
    }
}

impl Payments<u64> for MockPayments {
    fn enabled() -> bool {
        unhashed::get(PAYMENTS_ENABLED_KEY).unwrap_or(true)
    }

    fn pay(payer: &Party, payee: &Party, amount: u64) -> DispatchResult {
        let left = Self::balance(payer)
            .checked_sub(amount)
            .ok_or(TokenError::FundsUnavailable)?;
        unhashed::put(&Self::balance_key(payer), &left);
        Self::fund(payee, amount);
        Ok(())
    }

    fn pay_weight() -> Weight {
        Weight::from_parts(1_000, 0)
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_fund(party: &Party, amount: u64) {
        Self::fund(party, amount);
    }
}

/// Builds a test chain at block 1 with institutions, officers and citizens in [`MockIdentity`].
///
/// ```ignore
/// ExtBuilder::default()
///     .institution(LAND_REGISTRY, &[Role::LandRegistrar])
///     .officer(REGISTRAR, LAND_REGISTRY)
///     .citizen(ALICE)
///     .build::<Test>()
/// ```
pub struct ExtBuilder {
    registry: Registry,
    appointments_end: u64,
    officers: Vec<(u64, InstitutionId)>,
}

impl Default for ExtBuilder {
    fn default() -> Self {
        ExtBuilder {
            registry: Registry::default(),
            appointments_end: 1_000,
            officers: Vec::new(),
        }
    }
}

impl ExtBuilder {
    /// An active institution holding `roles`.
    pub fn institution(mut self, institution: InstitutionId, roles: &[Role]) -> Self {
        self.registry.institutions.insert(
            institution,
            Institution {
                roles: roles.to_vec(),
                suspended: false,
            },
        );
        self
    }

    /// `account` an officer of `institution` until the appointments end.
    pub fn officer(mut self, account: u64, institution: InstitutionId) -> Self {
        self.officers.push((account, institution));
        self
    }

    /// The block officers' appointments end at (1,000 unless set).
    pub fn appointments_end(mut self, block: u64) -> Self {
        self.appointments_end = block;
        self
    }

    /// `account` a citizen with the next number, `Standard` tier, no region.
    pub fn citizen(self, account: u64) -> Self {
        self.citizen_with(account, KycTier::Standard, None)
    }

    /// `account` a citizen with the next number, of `tier`, living in `region`.
    pub fn citizen_with(mut self, account: u64, tier: KycTier, region: Option<RegionCode>) -> Self {
        self.registry.add_citizen(account, tier, region);
        self
    }

    /// Acts of `class` under `role` need `threshold` officers.
    pub fn threshold(mut self, role: Role, class: ActionClass, threshold: u8) -> Self {
        self.registry.thresholds.insert((role, class), threshold);
        self
    }

    /// The chain, with only `frame_system`'s genesis besides the identities.
    pub fn build<T: frame_system::Config>(self) -> sp_io::TestExternalities {
        self.build_with::<T>(Storage::default())
    }

    /// The chain, with `genesis` (other pallets' genesis configs) added to `frame_system`'s.
    ///
    /// A genesis config that does not build is a broken test, which stops here.
    #[allow(
        clippy::panic,
        reason = "test scaffolding: a broken genesis config stops the test"
    )]
    pub fn build_with<T: frame_system::Config>(
        self,
        genesis: impl BuildStorage,
    ) -> sp_io::TestExternalities {
        let mut storage = frame_system::GenesisConfig::<T>::default()
            .build_storage()
            .unwrap_or_default();
        if let Err(error) = genesis.assimilate_storage(&mut storage) {
            panic!("the test's genesis config builds: {error}");
        }
        let ExtBuilder {
            mut registry,
            appointments_end,
            officers,
        } = self;
        for (account, institution) in officers {
            registry.officers.insert(
                account,
                Appointment {
                    institution,
                    expires_at: appointments_end,
                },
            );
        }
        let mut ext = sp_io::TestExternalities::new(storage);
        ext.execute_with(|| {
            unhashed::put(REGISTRY_KEY, &registry);
            frame_system::Pallet::<T>::set_block_number(1u32.into());
        });
        ext
    }
}

/// A call's result without its post-dispatch info, for tests of what a call does (and refuses),
/// not of what it is charged.
pub fn without_post_info(result: DispatchResultWithPostInfo) -> DispatchResult {
    result.map(|_| ()).map_err(|error| error.error)
}

/// The benchmarks' signers of relayed orders in a mock: accounts from 1,000 on, signing with
/// test signatures (the signer's account and the message).
#[cfg(feature = "runtime-benchmarks")]
pub struct TestRelaySigner;

#[cfg(feature = "runtime-benchmarks")]
impl
    crate::relay::RelayBenchmarkHelper<
        sp_runtime::testing::UintAuthorityId,
        sp_runtime::testing::TestSignature,
    > for TestRelaySigner
{
    fn signer(n: u32) -> sp_runtime::testing::UintAuthorityId {
        sp_runtime::testing::UintAuthorityId(1_000 + u64::from(n))
    }

    fn sign(
        signer: &sp_runtime::testing::UintAuthorityId,
        message: &[u8],
    ) -> sp_runtime::testing::TestSignature {
        sp_runtime::testing::TestSignature(signer.0, message.to_vec())
    }
}
