//! # Diplomas
//!
//! The national diploma register: which universities may award degrees, every diploma they
//! award, and whether it still stands.
//!
//! - **Accreditation**: an `EducationMinistry` officer accredits a `University` institution for
//!   a period of days, and may extend, suspend (and lift the suspension of) or withdraw it. The
//!   history of periods is kept: a diploma's validity depends on accreditation on its date, not
//!   today.
//! - **Issuing**: an officer of a currently accredited university records diplomas, singly or
//!   up to `MaxBatchSize` in one call: holder (a citizen identity, never a name), degree, field,
//!   date and the hash of the document kept off chain. A diploma's id is computed from the
//!   issuer and the university's own serial number, which therefore is unique per issuer. A
//!   batch is recorded whole or not at all; a bad item is named by its index in the error. A
//!   citizen holds at most `MaxDiplomasPerHolder` diplomas.
//! - **Revocation** with a reason code, by the issuer or a court (or, for imported diplomas,
//!   the ministry); only the same authority reinstates. Every change is kept in the diploma's
//!   history.
//! - **Verification**: [`Pallet::verify`] answers, for a diploma id and a document hash,
//!   valid, revoked (why and when), hash mismatch, unknown, or issuer not accredited on the
//!   diploma's date. The node serves it as the `diplomas_verify` RPC method.
//! - **Legacy import**: the ministry imports historic diplomas with their original dates and
//!   issuers, including bodies that no longer exist; they are flagged as imported.
//!
//! Recording a diploma takes no deposit; officers transact within their identity's fee-free
//! quota. Roles and identities come through
//! [`IdentityProvider`](govchain_primitives::identity::IdentityProvider); the pallet depends on
//! no other pallet's crate.

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

pub use pallet::*;
pub use queries::MAX_PAGE;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
mod invariants;
pub mod migrations;
pub mod queries;
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
    use frame_support::{pallet_prelude::*, traits::UnixTime};
    use frame_system::pallet_prelude::*;
    use govchain_primitives::identity::{CitizenId, IdentityProvider, InstitutionId, Role};

    /// The in-code storage version: 2 hashes diploma ids in storage keys and counts each
    /// holder's diplomas ([`migrations::v2`]).
    const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

    #[pallet::pallet]
    #[pallet::storage_version(STORAGE_VERSION)]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// Who acts for which institution and citizen, and with which roles.
        type Identity: IdentityProvider<Self::AccountId>;

        /// The wall clock, for today's date.
        type UnixTime: UnixTime;

        /// The most diplomas one `issue_batch` or `import_legacy` call records.
        #[pallet::constant]
        type MaxBatchSize: Get<u32>;

        /// The most accreditation periods kept per university.
        #[pallet::constant]
        type MaxAccreditationPeriods: Get<u32>;

        /// The most revocations and reinstatements kept per diploma.
        #[pallet::constant]
        type MaxStatusChanges: Get<u32>;

        /// The most diplomas, issued and imported, one citizen holds.
        #[pallet::constant]
        type MaxDiplomasPerHolder: Get<u32>;

        /// Weights of this pallet's calls, from benchmarks.
        type WeightInfo: WeightInfo;

        /// Sets the clock for benchmarks, whose worst cases need accreditation history before
        /// today.
        #[cfg(feature = "runtime-benchmarks")]
        type BenchmarkHelper: BenchmarkHelper;
    }

    /// What benchmarks need from the runtime beyond the pallet's own storage.
    #[cfg(feature = "runtime-benchmarks")]
    pub trait BenchmarkHelper {
        /// Moves the wall clock to noon of `day`.
        fn set_today(day: Day);
    }

    /// Universities' accreditation histories.
    #[pallet::storage]
    pub type Accreditations<T: Config> =
        StorageMap<_, Twox64Concat, InstitutionId, Accreditation<T>>;

    /// Diplomas, issued and imported, by id. The id is a hash of the issuer and a serial the
    /// issuer chooses, so an issuer could grind serials for ids with a common prefix: the key is
    /// hashed again (`Blake2_128Concat`) to keep the trie balanced.
    #[pallet::storage]
    pub type Records<T: Config> = StorageMap<_, Blake2_128Concat, DiplomaId, Diploma<T>>;

    /// The diplomas each citizen holds; the diploma id is hashed as in [`Records`].
    #[pallet::storage]
    pub type HolderDiplomas<T> =
        StorageDoubleMap<_, Twox64Concat, CitizenId, Blake2_128Concat, DiplomaId, ()>;

    /// How many diplomas each citizen holds (the entries of [`HolderDiplomas`] under them), at
    /// most `MaxDiplomasPerHolder`; none is stored for a citizen without diplomas.
    #[pallet::storage]
    pub type HolderDiplomaCount<T> = StorageMap<_, Twox64Concat, CitizenId, u32, ValueQuery>;

    /// How many diplomas the register holds.
    #[pallet::storage]
    pub type DiplomaCount<T> = StorageValue<_, u64, ValueQuery>;

    /// The revocations and reinstatements of diplomas that had any; the diploma id is hashed as
    /// in [`Records`].
    #[pallet::storage]
    pub type History<T: Config> = StorageMap<_, Blake2_128Concat, DiplomaId, StatusHistory<T>>;

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// The ministry accredited a university for a period.
        Accredited {
            university: InstitutionId,
            period: Period,
            ministry: InstitutionId,
        },
        /// The ministry extended a university's current or upcoming period.
        AccreditationExtended {
            university: InstitutionId,
            until: Day,
            ministry: InstitutionId,
        },
        /// The ministry suspended a university's accreditation from `on` (inclusive, its last
        /// accredited day).
        AccreditationSuspended {
            university: InstitutionId,
            on: Day,
            ministry: InstitutionId,
        },
        /// The ministry lifted a suspension; the university is accredited again until
        /// `accredited_until`, or not at all if its period ended meanwhile.
        SuspensionLifted {
            university: InstitutionId,
            accredited_until: Option<Day>,
            ministry: InstitutionId,
        },
        /// The ministry withdrew a university's accreditation: no day after `last_day` (today,
        /// or earlier for a backdated withdrawal) counts as accredited.
        AccreditationWithdrawn {
            university: InstitutionId,
            last_day: Day,
            ministry: InstitutionId,
        },
        /// A university recorded a diploma.
        DiplomaIssued {
            id: DiplomaId,
            issuer: InstitutionId,
            holder: CitizenId,
        },
        /// The ministry imported a historic diploma.
        DiplomaImported {
            id: DiplomaId,
            issuer: Issuer,
            holder: CitizenId,
            ministry: InstitutionId,
        },
        /// A diploma was revoked.
        DiplomaRevoked {
            id: DiplomaId,
            reason: RevocationReason,
            by: Authority,
        },
        /// A revoked diploma was reinstated by the authority that revoked it.
        DiplomaReinstated { id: DiplomaId, by: Authority },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// The institution does not hold the `University` role.
        NotAUniversity,
        /// A period must not end before it starts.
        InvalidPeriod,
        /// A new period must not end before today.
        PeriodEnded,
        /// Only a university's first period may start before today: later ones would give
        /// back days a withdrawal or suspension took away.
        PeriodStartsInPast,
        /// The university is accredited now or for a period to come: extend that instead.
        AlreadyAccredited,
        /// A new period must start after the university's last period ended.
        PeriodOverlaps,
        /// The university has `MaxAccreditationPeriods` periods already.
        TooManyPeriods,
        /// The university has no current or upcoming accreditation.
        NotAccredited,
        /// The university's accreditation is suspended.
        AccreditationSuspended,
        /// The university's accreditation was withdrawn.
        AccreditationWithdrawn,
        /// The university's accreditation is not suspended.
        NotSuspended,
        /// A withdrawal cannot take effect after today.
        WithdrawalInFuture,
        /// An extension must end after the current period does.
        ExtensionNotLater,
        /// The serial number is empty or has characters other than ASCII letters, digits,
        /// `-`, `/` and `.`.
        InvalidSerial,
        /// The field code is above 9999.
        InvalidFieldCode,
        /// The issuer already recorded a diploma with this serial number.
        DuplicateSerial,
        /// The holder is not an active citizen.
        UnknownHolder,
        /// The holder holds `MaxDiplomasPerHolder` diplomas already.
        TooManyDiplomasForHolder,
        /// The diploma is dated after today.
        IssueDateInFuture,
        /// The university was not accredited on the diploma's date.
        NotAccreditedOnIssueDate,
        /// The imported diploma's issuer is not an active registered university.
        UnknownIssuer,
        /// The imported diploma is dated on or after its university's first accreditation on
        /// chain: from then on the university issues its diplomas itself.
        DatedWithinRegister,
        /// A batch needs at least one diploma.
        EmptyBatch,
        /// The diploma at `index` (counting from 0) of the batch cannot be recorded, for
        /// `error`; nothing of the batch was.
        BatchItemFailed { index: u16, error: ItemError },
        /// No diploma has this id.
        UnknownDiploma,
        /// The caller's institution is neither the diploma's issuer, nor a court, nor (for an
        /// imported diploma) the Education Ministry.
        NotRevocationAuthority,
        /// Only a court revokes with the reason `CourtOrder`.
        CourtOrderNeedsCourt,
        /// The diploma is revoked already (by a court, or the caller is not a court).
        AlreadyRevoked,
        /// The diploma is not revoked.
        NotRevoked,
        /// Only the authority that revoked a diploma reinstates it.
        NotRevoker,
        /// The diploma's history is full: a revocation by anyone but a court must leave room in
        /// `MaxStatusChanges` for a court's, a reinstatement for a revocation and a court's.
        HistoryFull,
        /// A count does not fit its type.
        Overflow,
    }

    impl<T> From<ItemError> for Error<T> {
        fn from(error: ItemError) -> Self {
            match error {
                ItemError::InvalidSerial => Self::InvalidSerial,
                ItemError::InvalidFieldCode => Self::InvalidFieldCode,
                ItemError::DuplicateSerial => Self::DuplicateSerial,
                ItemError::UnknownHolder => Self::UnknownHolder,
                ItemError::TooManyDiplomasForHolder => Self::TooManyDiplomasForHolder,
                ItemError::IssueDateInFuture => Self::IssueDateInFuture,
                ItemError::NotAccreditedOnIssueDate => Self::NotAccreditedOnIssueDate,
                ItemError::UnknownIssuer => Self::UnknownIssuer,
                ItemError::DatedWithinRegister => Self::DatedWithinRegister,
            }
        }
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        #[cfg(feature = "try-runtime")]
        fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }

        fn integrity_test() {
            assert!(
                T::MaxBatchSize::get() >= 1,
                "a batch needs room for a diploma"
            );
            assert!(
                T::MaxBatchSize::get() <= u32::from(u16::MAX),
                "a batch item's index must fit the error's u16"
            );
            assert!(
                T::MaxAccreditationPeriods::get() >= 1,
                "an accreditation needs room for a period"
            );
            assert!(
                T::MaxStatusChanges::get() >= 4,
                "a diploma needs room to be revoked, reinstated, revoked and overruled by a court"
            );
            assert!(
                T::MaxDiplomasPerHolder::get() >= 1,
                "a citizen needs room for a diploma"
            );
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Accredits a university for `period` (days, both ends included). A first period may
        /// start in the past (an accreditation granted before the register existed); later
        /// ones start today or later, after the last one ended. None may end before today.
        ///
        /// Origin: an `EducationMinistry` officer. Emits `Accredited`.
        /// Errors: the officer's (`RoleNotHeld`, `OfficerExpired`, ...), `NotAUniversity`,
        /// `InvalidPeriod`, `PeriodEnded`, `AccreditationSuspended`, `AlreadyAccredited`,
        /// `PeriodStartsInPast`,
        /// `PeriodOverlaps`, `TooManyPeriods`.
        /// Weight: O(MaxAccreditationPeriods).
        #[pallet::call_index(0)]
        #[pallet::weight(T::WeightInfo::accredit())]
        pub fn accredit(
            origin: OriginFor<T>,
            university: InstitutionId,
            period: Period,
        ) -> DispatchResult {
            let ministry = Self::ensure_officer(origin, Role::EducationMinistry)?;
            Self::do_accredit(ministry, university, period)
        }

        /// Moves the end of a university's current or upcoming period to `until`.
        ///
        /// Origin: an `EducationMinistry` officer. Emits `AccreditationExtended`.
        /// Errors: the officer's, `NotAccredited`, `AccreditationSuspended`,
        /// `AccreditationWithdrawn`, `ExtensionNotLater`.
        /// Weight: O(MaxAccreditationPeriods).
        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::extend_accreditation())]
        pub fn extend_accreditation(
            origin: OriginFor<T>,
            university: InstitutionId,
            until: Day,
        ) -> DispatchResult {
            let ministry = Self::ensure_officer(origin, Role::EducationMinistry)?;
            Self::do_extend_accreditation(ministry, university, until)
        }

        /// Suspends a university's current accreditation: today is its last accredited day
        /// until the suspension is lifted.
        ///
        /// Origin: an `EducationMinistry` officer. Emits `AccreditationSuspended`.
        /// Errors: the officer's, `NotAccredited`, `AccreditationSuspended`,
        /// `AccreditationWithdrawn`.
        /// Weight: O(MaxAccreditationPeriods).
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::suspend_accreditation())]
        pub fn suspend_accreditation(
            origin: OriginFor<T>,
            university: InstitutionId,
        ) -> DispatchResult {
            let ministry = Self::ensure_officer(origin, Role::EducationMinistry)?;
            Self::do_suspend_accreditation(ministry, university)
        }

        /// Lifts a suspension: the university is accredited again from today until its
        /// suspended period would have ended. The days of the suspension stay unaccredited.
        ///
        /// Origin: an `EducationMinistry` officer. Emits `SuspensionLifted`.
        /// Errors: the officer's, `NotSuspended`, `TooManyPeriods`.
        /// Weight: O(MaxAccreditationPeriods).
        #[pallet::call_index(3)]
        #[pallet::weight(T::WeightInfo::lift_suspension())]
        pub fn lift_suspension(origin: OriginFor<T>, university: InstitutionId) -> DispatchResult {
            let ministry = Self::ensure_officer(origin, Role::EducationMinistry)?;
            Self::do_lift_suspension(ministry, university)
        }

        /// Withdraws a university's accreditation for good, with `last_day` (today if `None`)
        /// as its last accredited day. A backdated withdrawal (a licence annulled by a court or
        /// found obtained by fraud) also takes away the days after `last_day`: diplomas dated
        /// after it then verify as `IssuerNotAccredited`. A new accreditation starts afresh.
        ///
        /// Origin: an `EducationMinistry` officer. Emits `AccreditationWithdrawn`.
        /// Errors: the officer's, `WithdrawalInFuture`, `NotAccredited` (never accredited),
        /// `AccreditationWithdrawn` (withdrawn already, and `last_day` takes nothing more away).
        /// Weight: O(MaxAccreditationPeriods).
        #[pallet::call_index(4)]
        #[pallet::weight(T::WeightInfo::withdraw_accreditation())]
        pub fn withdraw_accreditation(
            origin: OriginFor<T>,
            university: InstitutionId,
            last_day: Option<Day>,
        ) -> DispatchResult {
            let ministry = Self::ensure_officer(origin, Role::EducationMinistry)?;
            Self::do_withdraw_accreditation(ministry, university, last_day)
        }

        /// Records a diploma of the caller's university.
        ///
        /// Origin: a `University` officer of a currently accredited university.
        /// Emits `DiplomaIssued`.
        /// Errors: the officer's, `NotAccredited`, `AccreditationSuspended`,
        /// `AccreditationWithdrawn`, `InvalidSerial`, `InvalidFieldCode`, `DuplicateSerial`,
        /// `UnknownHolder`, `IssueDateInFuture`, `NotAccreditedOnIssueDate`,
        /// `TooManyDiplomasForHolder`, `Overflow`.
        /// Weight: O(MaxAccreditationPeriods).
        #[pallet::call_index(5)]
        #[pallet::weight(T::WeightInfo::issue())]
        pub fn issue(origin: OriginFor<T>, diploma: DiplomaSpec) -> DispatchResult {
            let university = Self::ensure_officer(origin, Role::University)?;
            Self::do_issue(university, diploma)
        }

        /// Records up to `MaxBatchSize` diplomas of the caller's university, all or none (a
        /// longer batch does not decode).
        ///
        /// Origin: a `University` officer of a currently accredited university.
        /// Emits `DiplomaIssued` per diploma.
        /// Errors: the officer's, `EmptyBatch`, `NotAccredited`, `AccreditationSuspended`,
        /// `AccreditationWithdrawn`, `BatchItemFailed { index, error }` for the first bad
        /// diploma (a holder at `MaxDiplomasPerHolder` included), `Overflow`.
        /// Weight: O(diplomas + MaxAccreditationPeriods).
        #[pallet::call_index(6)]
        #[pallet::weight(T::WeightInfo::issue_batch(diplomas.len() as u32))]
        pub fn issue_batch(
            origin: OriginFor<T>,
            diplomas: BoundedVec<DiplomaSpec, T::MaxBatchSize>,
        ) -> DispatchResultWithPostInfo {
            let university = Self::ensure_officer(origin, Role::University)?;
            Self::do_issue_batch(university, diplomas)
        }

        /// Revokes a diploma for `reason`. A court may also revoke a diploma the issuer or the
        /// ministry revoked; its order then supersedes theirs.
        ///
        /// Origin: an officer of the issuing university (holding `University`), of a `Court`,
        /// or, for an imported diploma, of the `EducationMinistry`. Emits `DiplomaRevoked`.
        /// Errors: the officer's (`NotOfficer`, `OfficerExpired`, ...), `UnknownDiploma`,
        /// `NotRevocationAuthority`, `CourtOrderNeedsCourt`, `AlreadyRevoked`, `HistoryFull`.
        /// Weight: O(MaxStatusChanges).
        #[pallet::call_index(7)]
        #[pallet::weight(T::WeightInfo::revoke())]
        pub fn revoke(
            origin: OriginFor<T>,
            id: DiplomaId,
            reason: RevocationReason,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_revoke(who, id, reason)
        }

        /// Reinstates a revoked diploma.
        ///
        /// Origin: an officer of the institution that revoked it, still holding the role it
        /// revoked in. Emits `DiplomaReinstated`.
        /// Errors: the officer's, `UnknownDiploma`, `NotRevoked`, `NotRevoker`, `HistoryFull`.
        /// Weight: O(MaxStatusChanges).
        #[pallet::call_index(8)]
        #[pallet::weight(T::WeightInfo::reinstate())]
        pub fn reinstate(origin: OriginFor<T>, id: DiplomaId) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_reinstate(who, id)
        }

        /// Imports up to `MaxBatchSize` historic diplomas with their original dates and
        /// issuers, all or none (a longer batch does not decode); they are flagged as imported
        /// and need no accreditation. A registered university's diplomas must predate its first
        /// accreditation on chain, so an import never stands in for accreditation the register
        /// knows about.
        ///
        /// Origin: an `EducationMinistry` officer. Emits `DiplomaImported` per diploma.
        /// Errors: the officer's, `EmptyBatch`, `BatchItemFailed { index, error }` for the
        /// first bad diploma (a holder at `MaxDiplomasPerHolder` included), `Overflow`.
        /// Weight: O(diplomas).
        #[pallet::call_index(9)]
        #[pallet::weight(T::WeightInfo::import_legacy(diplomas.len() as u32))]
        pub fn import_legacy(
            origin: OriginFor<T>,
            diplomas: BoundedVec<LegacyDiploma, T::MaxBatchSize>,
        ) -> DispatchResultWithPostInfo {
            let ministry = Self::ensure_officer(origin, Role::EducationMinistry)?;
            Self::do_import_legacy(ministry, diplomas)
        }
    }
}

impl<T: Config> govchain_primitives::identity::RegistryCall for Call<T> {
    fn signer(&self) -> govchain_primitives::identity::CallSigner {
        use govchain_primitives::identity::{CallSigner, Role};
        match self {
            Call::accredit { .. }
            | Call::extend_accreditation { .. }
            | Call::suspend_accreditation { .. }
            | Call::lift_suspension { .. }
            | Call::withdraw_accreditation { .. }
            | Call::import_legacy { .. } => CallSigner::Officer(Role::EducationMinistry),
            Call::issue { .. } | Call::issue_batch { .. } => CallSigner::Officer(Role::University),
            // The issuer, a court or the ministry: which of them depends on the diploma.
            Call::revoke { .. } | Call::reinstate { .. } => CallSigner::AnyOfficer,
            Call::__Ignore(..) => CallSigner::Governance,
        }
    }
}
