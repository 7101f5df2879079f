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
    use frame_support::dispatch::{GetDispatchInfo, PostDispatchInfo};
    use frame_support::pallet_prelude::*;
    use frame_system::pallet_prelude::*;
    use govchain_primitives::{
        dual_control::{ActionClass, ActionId},
        identity::{CitizenId, InstitutionId, KycTier, RegionCode, Role},
    };
    use sp_core::H256;
    use sp_runtime::{traits::Dispatchable, Perbill};

    /// The in-code storage version: 2 counts active citizens ([`migrations::v2`]).
    const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

    #[pallet::pallet]
    #[pallet::storage_version(STORAGE_VERSION)]
    pub struct Pallet<T>(_);

    /// A citizen record as this runtime stores it.
    pub type CitizenOf<T> = Citizen<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

    /// An account's citizen identity as this runtime stores it.
    pub type CitizenAccountOf<T> = CitizenAccount<BlockNumberFor<T>>;

    /// The heirs of an order of succession with their shares.
    pub type HeirsOf<T> = BoundedVec<(CitizenId, sp_runtime::Permill), <T as Config>::MaxHeirs>;

    /// An order of succession as this runtime stores it.
    pub type SuccessionOrderOf<T> = SuccessionOrder<BlockNumberFor<T>, <T as Config>::MaxHeirs>;

    /// A pending action as this runtime stores it.
    pub type PendingActionOf<T> = PendingAction<
        <T as frame_system::Config>::AccountId,
        BlockNumberFor<T>,
        <T as Config>::MaxApprovals,
        <T as Config>::MaxActionCallLength,
    >;

    /// The origin an approved pending action's call is dispatched from.
    #[pallet::origin]
    pub type Origin<T> = ApprovedAction<<T as frame_system::Config>::AccountId>;

    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// Registers institutions, grants and revokes roles, suspends and restores, sets the
        /// block share of fee-free transactions, and may
        /// appoint or revoke any officer: the council.
        type InstitutionOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// Changes the rules that protect the public from a single official: how many officers
        /// must approve each sensitive act, and how many citizens a registry may register. A
        /// national runtime makes this a constitutional origin (Root, reached only through an
        /// approved referendum), so the council alone cannot loosen dual control.
        type RulesOrigin: EnsureOrigin<Self::RuntimeOrigin>;

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

        /// The length of a registration period, in blocks, over which [`RegistrationCaps`]
        /// count.
        #[pallet::constant]
        type RegistrationPeriod: Get<BlockNumberFor<Self>>;

        /// How many citizens an officer, and an institution, may register per period until the
        /// council sets other caps.
        #[pallet::constant]
        type DefaultRegistrationCaps: Get<RegistrationCaps>;

        /// The runtime's origin, which an approved pending action's call is dispatched from.
        type ActionOrigin: From<Origin<Self>>
            + IsType<<Self as frame_system::Config>::RuntimeOrigin>
            + Into<Result<Origin<Self>, Self::ActionOrigin>>;

        /// The runtime's call: a pending action keeps the sensitive call it was made with and
        /// dispatches it once approved.
        type ActionCall: Parameter
            + Dispatchable<RuntimeOrigin = Self::ActionOrigin, PostInfo = PostDispatchInfo>
            + GetDispatchInfo
            + From<Call<Self>>;

        /// The most approvals an act may need (the highest threshold the council may set).
        #[pallet::constant]
        type MaxApprovals: Get<u32>;

        /// The most actions an institution may have pending at once.
        #[pallet::constant]
        type MaxPendingActions: Get<u32>;

        /// The most pending actions one proposer may have at once, so that one officer cannot
        /// take all of its institution's.
        #[pallet::constant]
        type MaxPendingActionsPerProposer: Get<u32>;

        /// The most pending actions that may expire at the same block; a proposal finds room in
        /// one of the next 16 blocks when that one is full.
        #[pallet::constant]
        type MaxActionsExpiringPerBlock: Get<u32>;

        /// How long, in blocks, a pending action waits for approvals before it is removed.
        #[pallet::constant]
        type ActionLifetime: Get<BlockNumberFor<Self>>;

        /// The longest call, encoded, that a pending action may keep.
        #[pallet::constant]
        type MaxActionCallLength: Get<u32>;

        /// The ballot register: a registration in error keeps its national-ID hash while it holds
        /// a ballot in an open election.
        type Ballots: govchain_primitives::voting::BallotRegister;

        /// The registers that hold what citizens own (land, money): a court's order of
        /// succession passes a deceased citizen's holdings in each to the heirs.
        type Estates: govchain_primitives::estate::Estate;

        /// The most heirs an order of succession may name.
        #[pallet::constant]
        type MaxHeirs: Get<u32>;

        /// How long, in blocks, a civil registry's move of a citizen's account waits (for the
        /// citizen's veto) when the citizen's current key did not consent, unless the genesis
        /// sets another [`AccountMoveDelay`].
        #[pallet::constant]
        type DefaultAccountMoveDelay: Get<BlockNumberFor<Self>>;

        /// The most account moves that may fall due at the same block; a move finds room in one
        /// of the next 16 blocks when that one is full.
        #[pallet::constant]
        type MaxMovesPerBlock: Get<u32>;

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

    /// The citizen whose identity an account holds, with what the fee-free check and the
    /// registries ask of it in one read (status, tier, officer, fee-free usage); since storage
    /// version 3 (before: the citizen's id alone).
    #[pallet::storage]
    pub type CitizenByAccount<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, CitizenAccountOf<T>>;

    /// The citizen registered under a national-ID hash.
    #[pallet::storage]
    pub type CitizenByNationalId<T> = StorageMap<_, Blake2_128Concat, H256, CitizenId>;

    /// How many citizens are active: electorates and statistics read it without counting.
    #[pallet::storage]
    pub type ActiveCitizens<T> = StorageValue<_, u64, ValueQuery>;

    /// How many active citizens each region has; regions without any have no entry.
    #[pallet::storage]
    pub type ActiveCitizensIn<T> = StorageMap<_, Twox64Concat, RegionCode, u64, ValueQuery>;

    /// Fee-free transactions per officer in its latest quota period (citizens' are kept in
    /// [`CitizenByAccount`] since storage version 3).
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

    /// How many distinct active officers must approve an act of a class under a role; absent
    /// means 1 (an officer acts alone).
    #[pallet::storage]
    pub type ApprovalThresholds<T> = StorageDoubleMap<
        _,
        Twox64Concat,
        Role,
        Twox64Concat,
        ActionClass,
        u8,
        ValueQuery,
        frame_support::traits::ConstU8<1>,
    >;

    /// The id the next pending action gets.
    #[pallet::storage]
    pub type NextActionId<T> = StorageValue<_, ActionId, ValueQuery>;

    /// Sensitive calls waiting for approvals, each with its encoded call.
    #[pallet::storage]
    pub type PendingActions<T: Config> = StorageMap<_, Twox64Concat, ActionId, PendingActionOf<T>>;

    /// How many actions each proposer has pending; proposers without any have no entry.
    #[pallet::storage]
    pub type PendingActionsBy<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32>;

    /// How many actions each institution has pending; institutions without any have no entry.
    #[pallet::storage]
    pub type PendingActionCount<T> = StorageMap<_, Twox64Concat, InstitutionId, u32>;

    /// The pending actions that expire at each block (removed ones are skipped).
    #[pallet::storage]
    pub type ActionExpiries<T: Config> = StorageMap<
        _,
        Twox64Concat,
        BlockNumberFor<T>,
        BoundedVec<ActionId, T::MaxActionsExpiringPerBlock>,
        ValueQuery,
    >;

    /// How many citizens an officer, and an institution, may register per registration period.
    #[pallet::storage]
    pub type CitizenRegistrationCaps<T: Config> =
        StorageValue<_, RegistrationCaps, ValueQuery, T::DefaultRegistrationCaps>;

    /// Citizens each officer registered in its latest registration period.
    #[pallet::storage]
    pub type OfficerRegistrations<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, QuotaUsage<BlockNumberFor<T>>, ValueQuery>;

    /// Citizens each institution's officers registered together in its latest registration
    /// period.
    #[pallet::storage]
    pub type InstitutionRegistrations<T: Config> =
        StorageMap<_, Twox64Concat, InstitutionId, QuotaUsage<BlockNumberFor<T>>, ValueQuery>;

    /// How long, in blocks, a move of a citizen's account without the citizen's consent waits
    /// for the citizen's veto.
    #[pallet::storage]
    pub type AccountMoveDelay<T: Config> =
        StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultAccountMoveDelay>;

    /// Citizens' consents, given with their current key, to moving to a new account.
    #[pallet::storage]
    pub type MoveConsents<T: Config> =
        StorageMap<_, Twox64Concat, CitizenId, MoveConsent<T::AccountId, BlockNumberFor<T>>>;

    /// Moves of citizens' accounts waiting out their time lock; at most one per citizen.
    #[pallet::storage]
    pub type PendingMoves<T: Config> =
        StorageMap<_, Twox64Concat, CitizenId, PendingMove<T::AccountId, BlockNumberFor<T>>>;

    /// The citizens whose pending moves fall due at each block.
    #[pallet::storage]
    pub type MovesDue<T: Config> = StorageMap<
        _,
        Twox64Concat,
        BlockNumberFor<T>,
        BoundedVec<CitizenId, T::MaxMovesPerBlock>,
        ValueQuery,
    >;

    /// Courts' orders of succession waiting for the civil registry to execute them, by deceased
    /// citizen.
    #[pallet::storage]
    pub type SuccessionOrders<T: Config> =
        StorageMap<_, Twox64Concat, CitizenId, SuccessionOrderOf<T>>;

    /// The weight fee-free transactions took in the current block; cleared when it ends.
    #[pallet::storage]
    #[pallet::whitelist_storage]
    pub type FeeFreeWeight<T> = StorageValue<_, Weight, ValueQuery>;

    /// The most weight fee-free transactions may take in a block, from [`FeeFreeBlockShare`]:
    /// worked out when a block ends for the next (absent: at the first fee-free transaction),
    /// so that a transaction does not read the share.
    #[pallet::storage]
    #[pallet::whitelist_storage]
    pub type FeeFreeBlockLimit<T> = StorageValue<_, Weight>;

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
        /// `officer`, of the civil registry `registered_by`, registered a citizen.
        CitizenRegistered {
            citizen: CitizenId,
            account: T::AccountId,
            registered_by: InstitutionId,
            officer: T::AccountId,
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
        /// `court` ordered how `deceased`'s estate passes to its heirs, under `case`.
        SuccessionOrdered {
            deceased: CitizenId,
            court: InstitutionId,
            case: H256,
        },
        /// The civil registry executed the order: the deceased's holdings passed to its heirs.
        SuccessionExecuted {
            deceased: CitizenId,
            court: InstitutionId,
            case: H256,
        },
        /// A registration in error was deactivated while it holds a ballot in an open election:
        /// its national-ID hash stays taken until the election closes.
        NationalIdKept { citizen: CitizenId },
        /// Fee-free transactions may now take `share` of the normal class of each block.
        FeeFreeBlockShareSet { share: Perbill },
        /// Each officer may now register `per_officer` citizens per registration period, each
        /// institution `per_institution`.
        RegistrationCapsSet {
            per_officer: u32,
            per_institution: u32,
        },
        /// Acts of `class` under `role` now need `threshold` distinct officers.
        ApprovalThresholdSet {
            role: Role,
            class: ActionClass,
            threshold: u8,
        },
        /// `proposer` made a sensitive `call` that waits for its institution's approvals until
        /// block `expires_at`; `call_hash` is the blake2-256 hash of the encoded call.
        ActionProposed {
            action: ActionId,
            institution: InstitutionId,
            class: ActionClass,
            proposer: T::AccountId,
            call: <T as Config>::ActionCall,
            call_hash: H256,
            expires_at: BlockNumberFor<T>,
        },
        /// `approver` approved; `approvals` officers (the proposer included) have so far.
        ActionApproved {
            action: ActionId,
            approver: T::AccountId,
            approvals: u32,
        },
        /// The action had its approvals and its call ran, with this result.
        ActionExecuted {
            action: ActionId,
            result: DispatchResult,
        },
        /// An officer of the institution rejected (or its proposer withdrew) the action.
        ActionRejected { action: ActionId, by: T::AccountId },
        /// The action was not approved in time and is removed.
        ActionExpired { action: ActionId },
        /// The citizen's current key consented to its identity moving to `to`, until block
        /// `expires_at`.
        AccountMoveConsented {
            citizen: CitizenId,
            to: T::AccountId,
            expires_at: BlockNumberFor<T>,
        },
        /// The citizen's identity moves to `to` at block `executes_at` unless the citizen's
        /// current key vetoes it before.
        AccountMoveScheduled {
            citizen: CitizenId,
            to: T::AccountId,
            executes_at: BlockNumberFor<T>,
        },
        /// The citizen's current key vetoed the move to `to`; it will not happen.
        AccountMoveVetoed {
            citizen: CitizenId,
            to: T::AccountId,
        },
        /// A scheduled move could no longer happen when due (the citizen was deactivated, or
        /// `to` became another citizen's account), for this reason.
        AccountMoveFailed {
            citizen: CitizenId,
            to: T::AccountId,
            error: DispatchError,
        },
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
        /// Only the civil registry that registered the citizen (or the council) may change them.
        NotRegisteringRegistry,
        /// The officer registered its cap of citizens for this registration period.
        OfficerRegistrationCapReached,
        /// The institution's officers registered its cap of citizens for this registration
        /// period.
        InstitutionRegistrationCapReached,
        /// A threshold is at least 1 and at most `MaxApprovals`.
        InvalidThreshold,
        /// No action is pending under this id (it ran, was rejected or expired).
        ActionNotFound,
        /// The action's time for approvals has passed.
        ActionExpired,
        /// The officer acts for another institution than the action's.
        NotActionInstitution,
        /// This officer approved the action already (a proposer approves by proposing).
        AlreadyApproved,
        /// The weight allowed is below the action's call's weight.
        WeightBelowCall,
        /// The institution has `MaxPendingActions` pending.
        TooManyPendingActions,
        /// The proposer has `MaxPendingActionsPerProposer` pending.
        TooManyProposals,
        /// `MaxActionsExpiringPerBlock` actions expire at each of the next 16 blocks after the
        /// lifetime already.
        ExpiryQueueFull,
        /// The act is about this account (its appointment), which may not approve it.
        SubjectMayNotApprove,
        /// The call is longer than `MaxActionCallLength`.
        ActionCallTooLong,
        /// The action has `MaxApprovals` approvals already.
        TooManyApprovals,
        /// The action's call no longer decodes (a runtime upgrade changed it); it was removed.
        ActionCallUndecodable,
        /// The signer is not a citizen's current account.
        NotCitizen,
        /// The signer is not the citizen's current account.
        NotCitizenAccount,
        /// A move of this citizen's account is pending already: veto or wait for it first.
        AccountMovePending,
        /// No move of this citizen's account is pending.
        NoPendingMove,
        /// `MaxMovesPerBlock` moves fall due at each of the next 16 blocks after the time lock.
        MoveQueueFull,
        /// The citizen is not recorded as deceased.
        NotDeceased,
        /// Another court ordered this succession already.
        SuccessionOrdered,
        /// An order of succession names at least one heir.
        NoHeirs,
        /// The deceased cannot be its own heir.
        HeirIsDeceased,
        /// An heir is listed twice.
        DuplicateHeir,
        /// An heir's share is zero.
        ZeroShare,
        /// An heir is not an active citizen.
        HeirNotActive,
        /// The heirs' shares do not sum to exactly one whole (100 %).
        SharesNotWhole,
        /// No order of succession of this citizen waits.
        NoSuccessionOrder,
        /// One institution may not hold these two roles together (`Role::INCOMPATIBLE`: an
        /// auditor is never the central bank it audits).
        IncompatibleRoles,
        /// The citizen used the whole fee-free quota of this period (an order the citizen
        /// signed and an institution relays counts against it as the citizen's own
        /// transaction would).
        FeeFreeQuotaExhausted,
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Registers a public body with its first roles; `admin` will appoint its officers.
        ///
        /// Origin: [`Config::InstitutionOrigin`] (the council).
        /// Emits `InstitutionRegistered`.
        /// Errors: `InvalidShortCode`, `ShortCodeTaken`, `DuplicateRole`, `IncompatibleRoles`,
        /// `IdsExhausted`.
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
        /// Errors: `InstitutionNotFound`, `RoleAlreadyHeld`, `IncompatibleRoles`.
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
        /// Under dual control (the strictest `OfficerAppointment` threshold among the
        /// institution's roles is above 1) the admin's appointment is checked, then waits as a
        /// pending action for the institution's officers to approve (`approve_action`).
        ///
        /// Origin: the institution's admin (signed), [`Config::InstitutionOrigin`], or the
        /// institution's approved appointment ([`Origin`]).
        /// Emits `OfficerAppointed`, or `ActionProposed`.
        /// Errors: `BadOrigin`, `InstitutionNotFound`, `NotInstitutionAdmin`,
        /// `InstitutionSuspended`, `ExpiryNotInFuture`, `TermTooLong`,
        /// `OfficerOfAnotherInstitution`, `TooManyOfficers`, and when proposed
        /// `TooManyPendingActions`, `ActionCallTooLong`.
        /// Weight: O(1).
        #[pallet::call_index(6)]
        #[pallet::weight(T::WeightInfo::appoint_officer().saturating_add(T::WeightInfo::propose_action()))]
        pub fn appoint_officer(
            origin: OriginFor<T>,
            institution: InstitutionId,
            officer: T::AccountId,
            expires_at: BlockNumberFor<T>,
        ) -> DispatchResult {
            let appointer = Self::appointer(origin, institution)?;
            let record = Self::ensure_may_manage(&appointer, institution)?;
            let call = Call::<T>::appoint_officer {
                institution,
                officer: officer.clone(),
                expires_at,
            };
            Self::appoint_or_propose(appointer, record, institution, &officer, call, |record| {
                Self::do_appoint_officer(record, institution, officer.clone(), expires_at)
            })
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

        /// Registers a verified person, whose identity `account` will hold. Each officer, and
        /// each institution, registers at most its [`CitizenRegistrationCaps`] per registration
        /// period; the event names the officer (the audit trail).
        ///
        /// Origin: a signed `CivilRegistry` officer.
        /// Emits `CitizenRegistered`.
        /// Errors: `NotOfficer`, `OfficerExpired`, `InstitutionSuspended`, `RoleNotHeld`,
        /// `OfficerRegistrationCapReached`, `InstitutionRegistrationCapReached`,
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
            let officer = ensure_signed(origin)?;
            let registrar = Self::officer_with_role(&officer, Role::CivilRegistry)?;
            Self::count_registration(&officer, registrar)?;
            Self::do_register_citizen(
                registrar,
                officer,
                account,
                national_id_hash,
                region,
                kyc_tier,
            )
        }

        /// Records an active citizen's new region and KYC tier.
        ///
        /// Origin: a signed `CivilRegistry` officer of the registry that registered the citizen,
        /// or [`Config::InstitutionOrigin`].
        /// Emits `CitizenUpdated`.
        /// Errors: `NotOfficer`, `OfficerExpired`, `InstitutionSuspended`, `RoleNotHeld`,
        /// `CitizenNotFound`, `NotRegisteringRegistry`, `CitizenNotActive`.
        /// Weight: O(1).
        #[pallet::call_index(9)]
        #[pallet::weight(T::WeightInfo::update_citizen())]
        pub fn update_citizen(
            origin: OriginFor<T>,
            citizen: CitizenId,
            region: Option<RegionCode>,
            kyc_tier: KycTier,
        ) -> DispatchResult {
            Self::ensure_registry_of(origin, citizen)?;
            Self::do_update_citizen(citizen, region, kyc_tier)
        }

        /// Moves an active citizen's identity to `new_account` (the old key was lost or
        /// compromised); the old account then stops acting as the citizen.
        ///
        /// The citizen is protected from its registry: the move happens at once only when the
        /// citizen's current key consented to exactly `new_account` (`consent_to_account_move`,
        /// not expired) or the council makes it; otherwise it is scheduled after
        /// [`AccountMoveDelay`] (`AccountMoveScheduled`), during which the current key may veto
        /// it (`veto_account_move`). Under dual control (`CitizenMove`) the request is checked,
        /// then waits as a pending action for the civil registry's officers to approve.
        ///
        /// Origin: a signed `CivilRegistry` officer of the registry that registered the citizen,
        /// or that registry's approved `CitizenMove` ([`Origin`]), or
        /// [`Config::InstitutionOrigin`].
        /// Emits `CitizenAccountMoved`, `AccountMoveScheduled`, or `ActionProposed`.
        /// Errors: `NotOfficer`, `OfficerExpired`, `InstitutionSuspended`, `RoleNotHeld`,
        /// `CitizenNotFound`, `NotRegisteringRegistry`, `CitizenNotActive`, `AccountIsCitizen`,
        /// `AccountMovePending`, `MoveQueueFull`, and when proposed `TooManyPendingActions`,
        /// `ActionCallTooLong`.
        /// Weight: O(1).
        #[pallet::call_index(10)]
        #[pallet::weight(T::WeightInfo::move_citizen_account().saturating_add(T::WeightInfo::propose_action()))]
        pub fn move_citizen_account(
            origin: OriginFor<T>,
            citizen: CitizenId,
            new_account: T::AccountId,
        ) -> DispatchResult {
            let call = Call::<T>::move_citizen_account {
                citizen,
                new_account: new_account.clone(),
            };
            Self::act_on_citizen(origin, citizen, ActionClass::CitizenMove, call, |council| {
                Self::do_request_account_move(citizen, new_account, council)
            })
        }

        /// The citizen consents, with its current key, to its identity moving to `new_account`:
        /// its registry's move to exactly that account then happens at once, without the time
        /// lock. The consent replaces any earlier one and lasts [`Config::ActionLifetime`].
        ///
        /// Origin: the signed current account of an active citizen.
        /// Emits `AccountMoveConsented`.
        /// Errors: `NotCitizen`, `CitizenNotActive`, `AccountIsCitizen`.
        /// Weight: O(1).
        #[pallet::call_index(18)]
        #[pallet::weight(T::WeightInfo::consent_to_account_move())]
        pub fn consent_to_account_move(
            origin: OriginFor<T>,
            new_account: T::AccountId,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_consent_to_account_move(who, new_account)
        }

        /// Orders that the estate of a deceased citizen passes to `heirs`, each getting its
        /// share of every holding (land shares, money; rounding leftovers go to the first heir),
        /// under the court's case reference. The civil registry executes it
        /// (`execute_succession`). The same court may replace its order until then.
        ///
        /// Origin: a `Court` officer, or its court's approved `CourtOrder` action (under dual
        /// control the order is checked, then waits for approvals: `ActionProposed`).
        /// Emits `SuccessionOrdered`.
        /// Errors: the officer's (`NotOfficer`, `OfficerExpired`, `InstitutionSuspended`,
        /// `RoleNotHeld`), `CitizenNotFound`, `NotDeceased`, `SuccessionOrdered`, `NoHeirs`,
        /// `HeirIsDeceased`, `DuplicateHeir`, `ZeroShare`, `HeirNotActive`, `SharesNotWhole`.
        /// Weight: O(heirs²), at most `MaxHeirs`.
        #[pallet::call_index(20)]
        #[pallet::weight(T::WeightInfo::order_succession(heirs.len() as u32).saturating_add(T::WeightInfo::propose_action()))]
        pub fn order_succession(
            origin: OriginFor<T>,
            deceased: CitizenId,
            heirs: HeirsOf<T>,
            case: H256,
        ) -> DispatchResult {
            let call = Call::<T>::order_succession {
                deceased,
                heirs: heirs.clone(),
                case,
            };
            <Self as govchain_primitives::dual_control::DualControl<_, _, Call<T>>>::act_for(
                origin,
                Role::Court,
                ActionClass::CourtOrder,
                call,
                |court| Self::do_order_succession(court, deceased, heirs, case),
            )
        }

        /// Executes a court's order of succession: every register ([`Config::Estates`]: the
        /// land registry, the currency) passes what the deceased held to the heirs, with
        /// history entries, all in this call or nothing.
        ///
        /// Origin: a signed `CivilRegistry` officer of the registry that registered the
        /// deceased, or [`Config::InstitutionOrigin`].
        /// Emits `SuccessionExecuted` (and the registers' own events).
        /// Errors: `NotOfficer`, `OfficerExpired`, `InstitutionSuspended`, `RoleNotHeld`,
        /// `CitizenNotFound`, `NotRegisteringRegistry`, `NoSuccessionOrder`, `HeirNotActive`,
        /// and the registers' (an estate too large, a frozen parcel or holder, a full title).
        /// Weight: the registers' worst case for `MaxHeirs` heirs.
        #[pallet::call_index(21)]
        #[pallet::weight(T::WeightInfo::execute_succession().saturating_add(<T::Estates as govchain_primitives::estate::Estate>::pass_estate_weight(Pallet::<T>::max_heirs())))]
        pub fn execute_succession(origin: OriginFor<T>, deceased: CitizenId) -> DispatchResult {
            Self::ensure_registry_of(origin, deceased)?;
            Self::do_execute_succession(deceased)
        }

        /// The citizen vetoes, with its current key, the scheduled move of its identity: the
        /// move never happens.
        ///
        /// Origin: the signed current account of `citizen`.
        /// Emits `AccountMoveVetoed`.
        /// Errors: `CitizenNotFound`, `NotCitizenAccount`, `NoPendingMove`.
        /// Weight: O(1).
        #[pallet::call_index(19)]
        #[pallet::weight(T::WeightInfo::veto_account_move())]
        pub fn veto_account_move(origin: OriginFor<T>, citizen: CitizenId) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_veto_account_move(who, citizen)
        }

        /// Deactivates a citizen's identity (death, emigration, registration error); records
        /// elsewhere keep naming it. A registration in error also frees its national-ID hash,
        /// unless it holds a ballot in an open election (`NationalIdKept`): then the hash is free
        /// for a new registration only once that election has closed.
        ///
        /// Under dual control (`CitizenDeactivation`) the deactivation is checked, then waits
        /// as a pending action for the civil registry's officers to approve.
        ///
        /// Origin: a signed `CivilRegistry` officer of the registry that registered the citizen,
        /// or that registry's approved `CitizenDeactivation` ([`Origin`]), or
        /// [`Config::InstitutionOrigin`].
        /// Emits `CitizenDeactivated` (and `NationalIdKept`), or `ActionProposed`.
        /// Errors: `NotOfficer`, `OfficerExpired`, `InstitutionSuspended`, `RoleNotHeld`,
        /// `CitizenNotFound`, `NotRegisteringRegistry`, `CitizenNotActive`, and when proposed
        /// `TooManyPendingActions`,
        /// `ActionCallTooLong`.
        /// Weight: O(1).
        #[pallet::call_index(11)]
        #[pallet::weight(T::WeightInfo::deactivate_citizen().saturating_add(T::WeightInfo::propose_action()))]
        pub fn deactivate_citizen(
            origin: OriginFor<T>,
            citizen: CitizenId,
            reason: DeactivationReason,
        ) -> DispatchResult {
            let call = Call::<T>::deactivate_citizen { citizen, reason };
            Self::act_on_citizen(
                origin,
                citizen,
                ActionClass::CitizenDeactivation,
                call,
                |_| Self::do_deactivate_citizen(citizen, reason),
            )
        }

        /// Reactivates a deactivated citizen's identity (a returning emigrant, a corrected
        /// record).
        ///
        /// Origin: a signed `CivilRegistry` officer of the registry that registered the citizen,
        /// or [`Config::InstitutionOrigin`].
        /// Emits `CitizenReactivated`.
        /// Errors: `NotOfficer`, `OfficerExpired`, `InstitutionSuspended`, `RoleNotHeld`,
        /// `CitizenNotFound`, `NotRegisteringRegistry`, `CitizenAlreadyActive`, `NationalIdTaken`
        /// (a registration in error whose hash was registered again since).
        /// Weight: O(1).
        #[pallet::call_index(12)]
        #[pallet::weight(T::WeightInfo::reactivate_citizen())]
        pub fn reactivate_citizen(origin: OriginFor<T>, citizen: CitizenId) -> DispatchResult {
            Self::ensure_registry_of(origin, citizen)?;
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

        /// Sets how many distinct active officers of an institution holding `role` must approve
        /// an act of `class` (1: an officer acts alone). Actions already pending need the new
        /// number from their next approval on.
        ///
        /// Origin: [`Config::RulesOrigin`] (constitutional: an approved referendum).
        /// Emits `ApprovalThresholdSet`.
        /// Errors: `BadOrigin`, `InvalidThreshold`.
        /// Weight: O(1).
        #[pallet::call_index(14)]
        #[pallet::weight(T::WeightInfo::set_approval_threshold())]
        pub fn set_approval_threshold(
            origin: OriginFor<T>,
            role: Role,
            class: ActionClass,
            threshold: u8,
        ) -> DispatchResult {
            T::RulesOrigin::ensure_origin(origin)?;
            Self::do_set_approval_threshold(role, class, threshold)
        }

        /// Sets how many citizens each civil-registry officer, and each civil registry's officers
        /// together, may register per registration period.
        ///
        /// Origin: [`Config::RulesOrigin`] (constitutional: an approved referendum).
        /// Emits `RegistrationCapsSet`.
        /// Errors: `BadOrigin`.
        /// Weight: O(1).
        #[pallet::call_index(17)]
        #[pallet::weight(T::WeightInfo::set_registration_caps())]
        pub fn set_registration_caps(
            origin: OriginFor<T>,
            per_officer: u32,
            per_institution: u32,
        ) -> DispatchResult {
            T::RulesOrigin::ensure_origin(origin)?;
            CitizenRegistrationCaps::<T>::put(RegistrationCaps {
                per_officer,
                per_institution,
            });
            Self::deposit_event(Event::RegistrationCapsSet {
                per_officer,
                per_institution,
            });
            Ok(())
        }

        /// Approves a pending action. When this approval makes the threshold (counting the
        /// proposer and every approver who is still an active officer of the institution with
        /// the action's role), the action's call runs with its original arguments, charged to
        /// this transaction up to `max_weight`, and the action is removed.
        ///
        /// Origin: a signed active officer of the action's institution, holding the action's
        /// role (any officer of it, for an appointment), other than those who approved already.
        /// Emits `ActionApproved`, then `ActionExecuted` (with the call's result and events) when
        /// it runs.
        /// Errors: `ActionNotFound`, `ActionExpired`, `NotOfficer`, `OfficerExpired`,
        /// `InstitutionSuspended`, `RoleNotHeld`, `NotActionInstitution`, `AlreadyApproved`,
        /// `WeightBelowCall`, `TooManyApprovals`.
        /// Weight: O(approvals) plus the call's, at most `max_weight`.
        #[pallet::call_index(15)]
        #[pallet::weight(T::WeightInfo::approve_action_executed().max(T::WeightInfo::approve_action()).saturating_add(*max_weight))]
        pub fn approve_action(
            origin: OriginFor<T>,
            action: ActionId,
            max_weight: Weight,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            Self::do_approve_action(who, action, max_weight)
        }

        /// Rejects a pending action: it is removed and its call never runs. Its proposer may
        /// withdraw it the same way while an officer (an admin's appointment is withdrawn by
        /// the institution's officers rejecting it, or expires).
        ///
        /// Origin: a signed active officer: the action's proposer, or an officer of the action's
        /// institution holding the action's role (any officer of it, for an appointment).
        /// Emits `ActionRejected`.
        /// Errors: `ActionNotFound`, `NotOfficer`, `OfficerExpired`, `InstitutionSuspended`,
        /// `RoleNotHeld`, `NotActionInstitution`.
        /// Weight: O(1).
        #[pallet::call_index(16)]
        #[pallet::weight(T::WeightInfo::reject_action())]
        pub fn reject_action(origin: OriginFor<T>, action: ActionId) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_reject_action(who, action)
        }
    }

    /// The council's dual-control thresholds at genesis.
    #[pallet::genesis_config]
    #[derive(frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// How many distinct officers must approve acts of a class under a role (1 to
        /// `MaxApprovals`); classes not listed need 1.
        pub approval_thresholds: alloc::vec::Vec<(Role, ActionClass, u8)>,
        /// Citizens an officer, and an institution, may register per registration period;
        /// `None` leaves `DefaultRegistrationCaps`.
        pub registration_caps: Option<RegistrationCaps>,
        /// How long a move of a citizen's account without the citizen's consent waits for its
        /// veto; `None` leaves `DefaultAccountMoveDelay`.
        pub account_move_delay: Option<BlockNumberFor<T>>,
        #[serde(skip)]
        pub _config: core::marker::PhantomData<T>,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            for (role, class, threshold) in &self.approval_thresholds {
                assert!(
                    *threshold >= 1 && u32::from(*threshold) <= T::MaxApprovals::get(),
                    "an approval threshold is between 1 and MaxApprovals"
                );
                if *threshold > 1 {
                    ApprovalThresholds::<T>::insert(role, class, threshold);
                }
            }
            if let Some(caps) = self.registration_caps {
                CitizenRegistrationCaps::<T>::put(caps);
            }
            if let Some(delay) = self.account_move_delay {
                AccountMoveDelay::<T>::put(delay);
            }
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
                !T::RegistrationPeriod::get().is_zero(),
                "a zero RegistrationPeriod would make registration caps last forever"
            );
            assert!(
                !T::MaxOfficerTerm::get().is_zero(),
                "a zero MaxOfficerTerm would refuse every appointment"
            );
            assert!(
                (1..=u32::from(u8::MAX)).contains(&T::MaxApprovals::get()),
                "MaxApprovals is a threshold: 1 to 255"
            );
            assert!(
                !T::ActionLifetime::get().is_zero(),
                "a zero ActionLifetime would expire actions before anyone approves them"
            );
        }

        fn on_initialize(n: BlockNumberFor<T>) -> Weight {
            T::WeightInfo::expire_actions(Self::expire_actions(n))
                .saturating_add(T::WeightInfo::execute_account_moves(
                    Self::execute_account_moves(n),
                ))
                // `on_finalize`: the share read, the block's fee-free weight and limit written.
                .saturating_add(T::DbWeight::get().reads_writes(1, 2))
        }

        fn on_finalize(_n: BlockNumberFor<T>) {
            FeeFreeWeight::<T>::kill();
            FeeFreeBlockLimit::<T>::put(Self::fee_free_block_limit_from_share());
        }

        /// A new runtime may weigh blocks differently: the limit the old one worked out goes,
        /// and the first fee-free transaction works out the new one.
        fn on_runtime_upgrade() -> Weight {
            FeeFreeBlockLimit::<T>::kill();
            T::DbWeight::get().writes(1)
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
            // The call checks the action's institution and role.
            Call::approve_action { .. } | Call::reject_action { .. } => CallSigner::AnyOfficer,
            Call::set_approval_threshold { .. } | Call::set_registration_caps { .. } => {
                CallSigner::Governance
            }
            Call::register_citizen { .. }
            | Call::update_citizen { .. }
            | Call::move_citizen_account { .. }
            | Call::deactivate_citizen { .. }
            | Call::reactivate_citizen { .. } => CallSigner::Officer(Role::CivilRegistry),
            // The call checks whose account the signer is.
            Call::consent_to_account_move { .. } | Call::veto_account_move { .. } => {
                CallSigner::Citizen
            }
            Call::order_succession { .. } => CallSigner::Officer(Role::Court),
            Call::execute_succession { .. } => CallSigner::Officer(Role::CivilRegistry),
            Call::__Ignore(..) => CallSigner::Governance,
        }
    }
}
