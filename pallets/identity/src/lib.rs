//! # Identity and roles
//!
//! Answers the question every govchain registry asks: *may this account do this?*
//!
//! - **Institutions** are public bodies the council registers, gives roles
//!   ([`Role`](govchain_primitives::identity::Role)), suspends and restores.
//! - **Officers** are accounts acting for an institution, appointed by its admin (or the
//!   council) until an expiry block, revocable at once. An expired or revoked officer, or an
//!   officer of a suspended institution, is refused everywhere without any clean-up call, because
//!   every check reads the appointment, its expiry and the institution's status.
//! - **Citizens** are verified people, registered by civil-registry officers under a salted hash
//!   of their national ID (never the ID itself), one identity per hash. The civil registry moves
//!   an identity to a new account when a key is lost, and deactivates it on death or emigration;
//!   other registries refer to the [`CitizenId`](govchain_primitives::identity::CitizenId), so
//!   their records survive both.
//!
//! Other pallets ask through [`IdentityProvider`](govchain_primitives::identity::IdentityProvider),
//! implemented here, and never depend on this crate.
//!
//! The [`ChargeFeeOrQuota`] transaction extension lets active officers and citizens transact
//! without holding the fee token, up to a quota per identity and period.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::arithmetic_side_effects
    )
)]

extern crate alloc;

pub use fee_free::{CallSigners, ChargeFeeOrQuota, RegistryCalls};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
mod fee_free;
mod invariants;
pub mod migrations;
mod provider;
mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

// FRAME's macro expansions call `expect` on values they know statically (pallet indices,
// storage prefixes); the lint stays on for this crate's own code.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
    use super::*;
    use frame_support::pallet_prelude::*;
    use frame_system::pallet_prelude::*;
    use govchain_primitives::identity::{CitizenId, InstitutionId, KycTier, RegionCode, Role};
    use sp_core::H256;
    use sp_runtime::Perbill;

    /// The in-code storage version: 2 counts active citizens ([`migrations::v2`]).
    const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

    #[pallet::pallet]
    #[pallet::storage_version(STORAGE_VERSION)]
    pub struct Pallet<T>(_);

    /// A citizen record as this runtime stores it.
    pub type CitizenOf<T> = Citizen<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// Registers institutions, grants and revokes roles, suspends and restores, sets the
        /// block share of fee-free transactions, and may
        /// appoint or revoke any officer: the council.
        type InstitutionOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// The longest an officer may be appointed for; appointments are renewed, not endless.
        #[pallet::constant]
        type MaxOfficerTerm: Get<BlockNumberFor<Self>>;

        /// The most officers (expired ones included until revoked) an institution may have: each
        /// brings a fee-free quota, so one admin key must not be able to mint unlimited ones.
        #[pallet::constant]
        type MaxOfficersPerInstitution: Get<u32>;

        /// The length of a fee-free quota period, in blocks.
        #[pallet::constant]
        type QuotaPeriod: Get<BlockNumberFor<Self>>;

        /// Fee-free transactions an active citizen may make per quota period.
        #[pallet::constant]
        type CitizenTxQuota: Get<u32>;

        /// Fee-free transactions an active officer may make per quota period.
        #[pallet::constant]
        type OfficerTxQuota: Get<u32>;

        /// Fee-free transactions all officers of one institution may make together per quota
        /// period, however many officers it appoints.
        #[pallet::constant]
        type InstitutionTxQuota: Get<u32>;

        /// The share of the normal class of a block that fee-free transactions may take together
        /// until the council sets another ([`FeeFreeBlockShare`]).
        #[pallet::constant]
        type DefaultFeeFreeBlockShare: Get<Perbill>;

        /// Which of the runtime's calls are registry calls, and who may sign each: only those go
        /// fee-free, and a registry call its signer may not make is refused in the pool.
        type RegistryCalls: RegistryCalls<<Self as frame_system::Config>::RuntimeCall>;

        /// The heaviest transaction that may go fee-free; heavier ones pay the normal fee.
        #[pallet::constant]
        type MaxFeeFreeWeight: Get<Weight>;

        /// The longest transaction, in bytes, that a citizen may make fee-free; longer ones pay
        /// the normal fee, so free transactions cannot fill blocks with data.
        #[pallet::constant]
        type MaxFeeFreeLength: Get<u32>;

        /// The longest transaction, in bytes, that an officer may make fee-free: registries
        /// record in batches (a graduating class of diplomas), which citizens never need.
        #[pallet::constant]
        type MaxOfficerFeeFreeLength: Get<u32>;

        /// Weights of this pallet's calls and of its transaction extension, from benchmarks.
        type WeightInfo: WeightInfo;
    }

    /// The id the next registered institution gets.
    #[pallet::storage]
    pub type NextInstitutionId<T> = StorageValue<_, InstitutionId, ValueQuery>;

    /// Registered institutions.
    #[pallet::storage]
    pub type Institutions<T: Config> =
        StorageMap<_, Twox64Concat, InstitutionId, Institution<T::AccountId>>;

    /// Institutions by short code.
    #[pallet::storage]
    pub type InstitutionByCode<T> = StorageMap<_, Blake2_128Concat, ShortCode, InstitutionId>;

    /// Officers' appointments, by account. An account acts for one institution at a time.
    #[pallet::storage]
    pub type Officers<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, Officer<BlockNumberFor<T>>>;

    /// The id the next registered citizen gets.
    #[pallet::storage]
    pub type NextCitizenId<T> = StorageValue<_, CitizenId, ValueQuery>;

    /// Registered citizens, active or deactivated.
    #[pallet::storage]
    pub type Citizens<T: Config> = StorageMap<_, Twox64Concat, CitizenId, CitizenOf<T>>;

    /// The citizen whose identity an account holds.
    #[pallet::storage]
    pub type CitizenByAccount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, CitizenId>;

    /// The citizen registered under a national-ID hash.
    #[pallet::storage]
    pub type CitizenByNationalId<T> = StorageMap<_, Blake2_128Concat, H256, CitizenId>;

    /// How many citizens are active: electorates and statistics read it without counting.
    #[pallet::storage]
    pub type ActiveCitizens<T> = StorageValue<_, u64, ValueQuery>;

    /// How many active citizens each region has; regions without any have no entry.
    #[pallet::storage]
    pub type ActiveCitizensIn<T> = StorageMap<_, Twox64Concat, RegionCode, u64, ValueQuery>;

    /// Fee-free transactions per identity in its latest quota period.
    #[pallet::storage]
    pub type FeeFreeUsage<T: Config> = StorageMap<
        _,
        Blake2_128Concat,
        FeeFreeIdentity<T::AccountId>,
        QuotaUsage<BlockNumberFor<T>>,
        ValueQuery,
    >;

    /// Fee-free transactions of each institution's officers together in its latest quota period.
    #[pallet::storage]
    pub type InstitutionFeeFreeUsage<T: Config> =
        StorageMap<_, Twox64Concat, InstitutionId, QuotaUsage<BlockNumberFor<T>>, ValueQuery>;

    /// The share of the normal class of each block that fee-free transactions may take together.
    #[pallet::storage]
    pub type FeeFreeBlockShare<T: Config> =
        StorageValue<_, Perbill, ValueQuery, T::DefaultFeeFreeBlockShare>;

    /// The weight fee-free transactions took in the current block; cleared when it ends.
    #[pallet::storage]
    #[pallet::whitelist_storage]
    pub type FeeFreeWeight<T> = StorageValue<_, Weight, ValueQuery>;

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// The council registered an institution.
        InstitutionRegistered {
            institution: InstitutionId,
            kind: InstitutionKind,
            short_code: ShortCode,
            admin: T::AccountId,
            roles: RoleList,
        },
        /// An institution gained a role.
        RoleGranted {
            institution: InstitutionId,
            role: Role,
        },
        /// An institution lost a role.
        RoleRevoked {
            institution: InstitutionId,
            role: Role,
        },
        /// An institution's officers are refused until it is restored.
        InstitutionSuspended { institution: InstitutionId },
        /// A suspended institution's officers may act again.
        InstitutionRestored { institution: InstitutionId },
        /// An institution's officers are now appointed by `admin`.
        InstitutionAdminChanged {
            institution: InstitutionId,
            admin: T::AccountId,
        },
        /// `officer` acts for `institution` until block `expires_at` (exclusive).
        OfficerAppointed {
            institution: InstitutionId,
            officer: T::AccountId,
            expires_at: BlockNumberFor<T>,
        },
        /// `officer` no longer acts for `institution`.
        OfficerRevoked {
            institution: InstitutionId,
            officer: T::AccountId,
        },
        /// A civil-registry officer of `registered_by` registered a citizen.
        CitizenRegistered {
            citizen: CitizenId,
            account: T::AccountId,
            registered_by: InstitutionId,
        },
        /// A citizen's region or KYC tier changed.
        CitizenUpdated {
            citizen: CitizenId,
            region: Option<RegionCode>,
            kyc_tier: KycTier,
        },
        /// A citizen's identity moved to a new account.
        CitizenAccountMoved {
            citizen: CitizenId,
            from: T::AccountId,
            to: T::AccountId,
        },
        /// A citizen's identity no longer acts.
        CitizenDeactivated {
            citizen: CitizenId,
            reason: DeactivationReason,
        },
        /// A deactivated citizen's identity acts again.
        CitizenReactivated { citizen: CitizenId },
        /// Fee-free transactions may now take `share` of the normal class of each block.
        FeeFreeBlockShareSet { share: Perbill },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// A short code is 1 to 16 upper-case ASCII letters, digits or hyphens.
        InvalidShortCode,
        /// Another institution has this short code.
        ShortCodeTaken,
        /// A role is listed twice.
        DuplicateRole,
        /// No institution has this id.
        InstitutionNotFound,
        /// The institution holds this role already.
        RoleAlreadyHeld,
        /// The institution does not hold this role.
        RoleNotHeld,
        /// The institution is suspended.
        InstitutionSuspended,
        /// The institution is not suspended.
        InstitutionNotSuspended,
        /// The caller is neither the institution's admin nor the council.
        NotInstitutionAdmin,
        /// An appointment must end after the current block.
        ExpiryNotInFuture,
        /// An appointment may not last longer than `MaxOfficerTerm`.
        TermTooLong,
        /// The account is an officer of another institution.
        OfficerOfAnotherInstitution,
        /// The institution has `MaxOfficersPerInstitution` officers already.
        TooManyOfficers,
        /// The account is not an officer.
        NotOfficer,
        /// The officer's appointment has expired.
        OfficerExpired,
        /// A citizen is registered under this national-ID hash already.
        NationalIdTaken,
        /// The account holds a citizen's identity already.
        AccountIsCitizen,
        /// No citizen has this id.
        CitizenNotFound,
        /// The citizen is deactivated.
        CitizenNotActive,
        /// The citizen is active.
        CitizenAlreadyActive,
        /// Every id of this kind has been used.
        IdsExhausted,
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Registers a public body with its first roles; `admin` will appoint its officers.
        ///
        /// Origin: [`Config::InstitutionOrigin`] (the council).
        /// Emits `InstitutionRegistered`.
        /// Errors: `InvalidShortCode`, `ShortCodeTaken`, `DuplicateRole`, `IdsExhausted`.
        /// Weight: O(1) (at most 32 roles).
        #[pallet::call_index(0)]
        #[pallet::weight(T::WeightInfo::register_institution())]
        pub fn register_institution(
            origin: OriginFor<T>,
            kind: InstitutionKind,
            short_code: ShortCode,
            name_hash: H256,
            admin: T::AccountId,
            roles: RoleList,
        ) -> DispatchResult {
            T::InstitutionOrigin::ensure_origin(origin)?;
            Self::do_register_institution(kind, short_code, name_hash, admin, roles)
        }

        /// Gives an institution a role.
        ///
        /// Origin: [`Config::InstitutionOrigin`] (the council).
        /// Emits `RoleGranted`.
        /// Errors: `InstitutionNotFound`, `RoleAlreadyHeld`.
        /// Weight: O(1).
        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::grant_role())]
        pub fn grant_role(
            origin: OriginFor<T>,
            institution: InstitutionId,
            role: Role,
        ) -> DispatchResult {
            T::InstitutionOrigin::ensure_origin(origin)?;
            Self::do_grant_role(institution, role)
        }

        /// Takes a role from an institution; its officers lose that right at once.
        ///
        /// Origin: [`Config::InstitutionOrigin`] (the council).
        /// Emits `RoleRevoked`.
        /// Errors: `InstitutionNotFound`, `RoleNotHeld`.
        /// Weight: O(1).
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::revoke_role())]
        pub fn revoke_role(
            origin: OriginFor<T>,
            institution: InstitutionId,
            role: Role,
        ) -> DispatchResult {
            T::InstitutionOrigin::ensure_origin(origin)?;
            Self::do_revoke_role(institution, role)
        }

        /// Suspends an institution: all its officers are refused until it is restored.
        ///
        /// Origin: [`Config::InstitutionOrigin`] (the council).
        /// Emits `InstitutionSuspended`.
        /// Errors: `InstitutionNotFound`, `InstitutionSuspended` (already).
        /// Weight: O(1).
        #[pallet::call_index(3)]
        #[pallet::weight(T::WeightInfo::suspend_institution())]
        pub fn suspend_institution(
            origin: OriginFor<T>,
            institution: InstitutionId,
        ) -> DispatchResult {
            T::InstitutionOrigin::ensure_origin(origin)?;
            Self::do_set_status(institution, InstitutionStatus::Suspended)
        }

        /// Restores a suspended institution.
        ///
        /// Origin: [`Config::InstitutionOrigin`] (the council).
        /// Emits `InstitutionRestored`.
        /// Errors: `InstitutionNotFound`, `InstitutionNotSuspended`.
        /// Weight: O(1).
        #[pallet::call_index(4)]
        #[pallet::weight(T::WeightInfo::restore_institution())]
        pub fn restore_institution(
            origin: OriginFor<T>,
            institution: InstitutionId,
        ) -> DispatchResult {
            T::InstitutionOrigin::ensure_origin(origin)?;
            Self::do_set_status(institution, InstitutionStatus::Active)
        }

        /// Hands the appointing of an institution's officers to a new admin account.
        ///
        /// Origin: [`Config::InstitutionOrigin`] (the council).
        /// Emits `InstitutionAdminChanged`.
        /// Errors: `InstitutionNotFound`.
        /// Weight: O(1).
        #[pallet::call_index(5)]
        #[pallet::weight(T::WeightInfo::set_institution_admin())]
        pub fn set_institution_admin(
            origin: OriginFor<T>,
            institution: InstitutionId,
            admin: T::AccountId,
        ) -> DispatchResult {
            T::InstitutionOrigin::ensure_origin(origin)?;
            Self::do_set_admin(institution, admin)
        }

        /// Appoints `officer` to act for `institution` until block `expires_at` (exclusive), or
        /// renews its appointment with a new expiry. An account whose appointment elsewhere has
        /// expired may be appointed without that institution revoking it first.
        ///
        /// Origin: the institution's admin (signed) or [`Config::InstitutionOrigin`].
        /// Emits `OfficerAppointed`.
        /// Errors: `BadOrigin`, `InstitutionNotFound`, `NotInstitutionAdmin`,
        /// `InstitutionSuspended`, `ExpiryNotInFuture`, `TermTooLong`,
        /// `OfficerOfAnotherInstitution`, `TooManyOfficers`.
        /// Weight: O(1).
        #[pallet::call_index(6)]
        #[pallet::weight(T::WeightInfo::appoint_officer())]
        pub fn appoint_officer(
            origin: OriginFor<T>,
            institution: InstitutionId,
            officer: T::AccountId,
            expires_at: BlockNumberFor<T>,
        ) -> DispatchResult {
            let appointer = Self::council_or_signed(origin)?;
            let record = Self::ensure_may_manage(&appointer, institution)?;
            Self::do_appoint_officer(record, institution, officer, expires_at)
        }

        /// Ends `officer`'s appointment at once.
        ///
        /// Origin: the admin (signed) of the officer's institution or
        /// [`Config::InstitutionOrigin`].
        /// Emits `OfficerRevoked`.
        /// Errors: `BadOrigin`, `NotOfficer`, `NotInstitutionAdmin`.
        /// Weight: O(1).
        #[pallet::call_index(7)]
        #[pallet::weight(T::WeightInfo::revoke_officer())]
        pub fn revoke_officer(origin: OriginFor<T>, officer: T::AccountId) -> DispatchResult {
            let appointer = Self::council_or_signed(origin)?;
            let appointment = Officers::<T>::get(&officer).ok_or(Error::<T>::NotOfficer)?;
            Self::ensure_may_manage(&appointer, appointment.institution)?;
            Self::do_revoke_officer(officer, appointment.institution)
        }

        /// Registers a verified person, whose identity `account` will hold.
        ///
        /// Origin: a signed `CivilRegistry` officer.
        /// Emits `CitizenRegistered`.
        /// Errors: `NotOfficer`, `OfficerExpired`, `InstitutionSuspended`, `RoleNotHeld`,
        /// `NationalIdTaken`, `AccountIsCitizen`, `IdsExhausted`.
        /// Weight: O(1).
        #[pallet::call_index(8)]
        #[pallet::weight(T::WeightInfo::register_citizen())]
        pub fn register_citizen(
            origin: OriginFor<T>,
            account: T::AccountId,
            national_id_hash: H256,
            region: Option<RegionCode>,
            kyc_tier: KycTier,
        ) -> DispatchResult {
            let registrar = Self::ensure_civil_registry(origin)?;
            Self::do_register_citizen(registrar, account, national_id_hash, region, kyc_tier)
        }

        /// Records an active citizen's new region and KYC tier.
        ///
        /// Origin: a signed `CivilRegistry` officer.
        /// Emits `CitizenUpdated`.
        /// Errors: `NotOfficer`, `OfficerExpired`, `InstitutionSuspended`, `RoleNotHeld`,
        /// `CitizenNotFound`, `CitizenNotActive`.
        /// Weight: O(1).
        #[pallet::call_index(9)]
        #[pallet::weight(T::WeightInfo::update_citizen())]
        pub fn update_citizen(
            origin: OriginFor<T>,
            citizen: CitizenId,
            region: Option<RegionCode>,
            kyc_tier: KycTier,
        ) -> DispatchResult {
            Self::ensure_civil_registry(origin)?;
            Self::do_update_citizen(citizen, region, kyc_tier)
        }

        /// Moves an active citizen's identity to `new_account` (the old key was lost or
        /// compromised); the old account stops acting as the citizen at once.
        ///
        /// Origin: a signed `CivilRegistry` officer.
        /// Emits `CitizenAccountMoved`.
        /// Errors: `NotOfficer`, `OfficerExpired`, `InstitutionSuspended`, `RoleNotHeld`,
        /// `CitizenNotFound`, `CitizenNotActive`, `AccountIsCitizen`.
        /// Weight: O(1).
        #[pallet::call_index(10)]
        #[pallet::weight(T::WeightInfo::move_citizen_account())]
        pub fn move_citizen_account(
            origin: OriginFor<T>,
            citizen: CitizenId,
            new_account: T::AccountId,
        ) -> DispatchResult {
            Self::ensure_civil_registry(origin)?;
            Self::do_move_citizen_account(citizen, new_account)
        }

        /// Deactivates a citizen's identity (death, emigration, registration error); records
        /// elsewhere keep naming it. A registration in error also frees its national-ID hash.
        ///
        /// Origin: a signed `CivilRegistry` officer.
        /// Emits `CitizenDeactivated`.
        /// Errors: `NotOfficer`, `OfficerExpired`, `InstitutionSuspended`, `RoleNotHeld`,
        /// `CitizenNotFound`, `CitizenNotActive`.
        /// Weight: O(1).
        #[pallet::call_index(11)]
        #[pallet::weight(T::WeightInfo::deactivate_citizen())]
        pub fn deactivate_citizen(
            origin: OriginFor<T>,
            citizen: CitizenId,
            reason: DeactivationReason,
        ) -> DispatchResult {
            Self::ensure_civil_registry(origin)?;
            Self::do_deactivate_citizen(citizen, reason)
        }

        /// Reactivates a deactivated citizen's identity (a returning emigrant, a corrected
        /// record).
        ///
        /// Origin: a signed `CivilRegistry` officer.
        /// Emits `CitizenReactivated`.
        /// Errors: `NotOfficer`, `OfficerExpired`, `InstitutionSuspended`, `RoleNotHeld`,
        /// `CitizenNotFound`, `CitizenAlreadyActive`, `NationalIdTaken` (a registration in error
        /// whose hash was registered again since).
        /// Weight: O(1).
        #[pallet::call_index(12)]
        #[pallet::weight(T::WeightInfo::reactivate_citizen())]
        pub fn reactivate_citizen(origin: OriginFor<T>, citizen: CitizenId) -> DispatchResult {
            Self::ensure_civil_registry(origin)?;
            Self::do_reactivate_citizen(citizen)
        }

        /// Sets the share of the normal class of each block that fee-free transactions may take
        /// together; the rest stays for transactions that pay. Zero stops fee-free transactions.
        ///
        /// Origin: [`Config::InstitutionOrigin`] (the council).
        /// Emits `FeeFreeBlockShareSet`.
        /// Errors: `BadOrigin`.
        /// Weight: O(1).
        #[pallet::call_index(13)]
        #[pallet::weight(T::WeightInfo::set_fee_free_block_share())]
        pub fn set_fee_free_block_share(origin: OriginFor<T>, share: Perbill) -> DispatchResult {
            T::InstitutionOrigin::ensure_origin(origin)?;
            Self::do_set_fee_free_block_share(share);
            Ok(())
        }
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn integrity_test() {
            use sp_runtime::traits::Zero;
            assert!(
                !T::QuotaPeriod::get().is_zero(),
                "a zero QuotaPeriod would make quotas last forever"
            );
            assert!(
                !T::MaxOfficerTerm::get().is_zero(),
                "a zero MaxOfficerTerm would refuse every appointment"
            );
        }

        fn on_finalize(_n: BlockNumberFor<T>) {
            FeeFreeWeight::<T>::kill();
        }

        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }
    }
}

impl<T: Config> govchain_primitives::identity::RegistryCall for Call<T> {
    fn signer(&self) -> govchain_primitives::identity::CallSigner {
        use govchain_primitives::identity::{CallSigner, Role};
        match self {
            Call::register_institution { .. }
            | Call::grant_role { .. }
            | Call::revoke_role { .. }
            | Call::suspend_institution { .. }
            | Call::restore_institution { .. }
            | Call::set_institution_admin { .. }
            | Call::set_fee_free_block_share { .. } => CallSigner::Governance,
            Call::appoint_officer { institution, .. } => CallSigner::AdminOf(*institution),
            // The officer's institution is read here, once; an account that is no officer is
            // refused by the call itself.
            Call::revoke_officer { officer } => Officers::<T>::get(officer)
                .map_or(CallSigner::Anyone, |appointment| {
                    CallSigner::AdminOf(appointment.institution)
                }),
            Call::register_citizen { .. }
            | Call::update_citizen { .. }
            | Call::move_citizen_account { .. }
            | Call::deactivate_citizen { .. }
            | Call::reactivate_citizen { .. } => CallSigner::Officer(Role::CivilRegistry),
            Call::__Ignore(..) => CallSigner::Governance,
        }
    }
}
