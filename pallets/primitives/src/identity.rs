//! Who may do what: the roles of institutions, the identities of citizens, and the trait through
//! which every registry asks about them without depending on the identity pallet's crate.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, DispatchResult};

/// A public body registered on chain, numbered in order of registration.
pub type InstitutionId = u32;

/// A verified person, numbered in order of registration. Records in other registries name the
/// person by this number, so they survive a move of the person to a new account.
pub type CitizenId = u64;

/// A region in the national territorial classifier (for example an oblast or district code).
pub type RegionCode = u32;

/// What an institution is allowed to do. Each registry names the role its calls need.
///
/// New roles are appended with the next free index; existing indices never change, because
/// institutions' stored role sets refer to them.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Debug,
    frame_support::Serialize,
    frame_support::Deserialize,
)]
#[serde(crate = "frame_support::__private::serde")]
pub enum Role {
    /// Registers citizens, moves them to new accounts, records deaths and emigration.
    #[codec(index = 0)]
    CivilRegistry,
    /// Registers land parcels and approves title transfers.
    #[codec(index = 1)]
    LandRegistrar,
    /// Freezes parcels and accounts by court order.
    #[codec(index = 2)]
    Court,
    /// Accredits universities.
    #[codec(index = 3)]
    EducationMinistry,
    /// Issues and revokes diplomas while accredited.
    #[codec(index = 4)]
    University,
    /// Records the reserve and mints the digital currency.
    #[codec(index = 5)]
    CentralBank,
    /// Distributes and redeems the digital currency; registers mortgages.
    #[codec(index = 6)]
    CommercialBank,
    /// Runs elections and polls.
    #[codec(index = 7)]
    ElectionCommission,
    /// Audits public accounts (the national audit chamber): attests the central bank's reserve
    /// valuations before they count towards coverage. Never held with `CentralBank`.
    #[codec(index = 8)]
    Auditor,
}

impl Role {
    /// Every role, in index order.
    pub const ALL: [Role; 9] = [
        Role::CivilRegistry,
        Role::LandRegistrar,
        Role::Court,
        Role::EducationMinistry,
        Role::University,
        Role::CentralBank,
        Role::CommercialBank,
        Role::ElectionCommission,
        Role::Auditor,
    ];

    /// Pairs of roles one institution may never hold together: an auditor never audits itself.
    pub const INCOMPATIBLE: [(Role, Role); 1] = [(Role::Auditor, Role::CentralBank)];

    /// The most roles one institution may hold: every role in index order but those
    /// incompatible with an earlier one (`Auditor`).
    pub fn all_compatible() -> alloc::vec::Vec<Role> {
        Self::ALL
            .into_iter()
            .fold(alloc::vec::Vec::new(), |mut held, role| {
                if role.compatible_with(held.iter().copied()) {
                    held.push(role);
                }
                held
            })
    }

    /// Whether an institution holding `held` may also hold `self`.
    pub fn compatible_with(self, held: impl IntoIterator<Item = Role>) -> bool {
        held.into_iter().all(|other| {
            !Self::INCOMPATIBLE
                .iter()
                .any(|&(a, b)| (a, b) == (self, other) || (b, a) == (self, other))
        })
    }
}

/// How thoroughly the civil registry verified a citizen; limits elsewhere (for example payment
/// caps) grow with the tier.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Debug,
)]
pub enum KycTier {
    /// Identity document checked remotely.
    #[codec(index = 0)]
    Basic,
    /// Identity document checked in person.
    #[codec(index = 1)]
    Standard,
    /// In person, with proof of address and source of funds.
    #[codec(index = 2)]
    Enhanced,
}

/// Whoever can hold rights in a registry (own land, hold money): a citizen or an institution.
///
/// Records name the identity, never an account, so they survive a citizen's move to a new account
/// and the turnover of an institution's officers.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum Party {
    /// A verified citizen.
    #[codec(index = 0)]
    Citizen(CitizenId),
    /// A public body, acting through any of its active officers.
    #[codec(index = 1)]
    Institution(InstitutionId),
}

/// Who may sign a registry call.
///
/// Each registry pallet says it of every call it has ([`RegistryCall`]). The fee-free transaction
/// path checks it in the transaction pool with the same cheap reads the call's own origin check
/// makes, so that a call its signer may not make never reaches a block; the call itself still
/// checks everything that depends on its arguments (which parcel, which party, which election).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CallSigner {
    /// An active citizen.
    Citizen,
    /// An active officer of an active institution holding this role.
    Officer(Role),
    /// An active officer of any active institution; the call checks which roles count.
    AnyOfficer,
    /// An account that may act for a [`Party`]: an active citizen or an active officer.
    Party,
    /// The admin account of this institution.
    AdminOf(InstitutionId),
    /// Any signed account (for example cancelling an expired offer).
    Anyone,
    /// No signed account: only a governance origin (the council) may make the call.
    Governance,
}

/// A registry pallet's call, which says who may sign it.
///
/// Implemented by the `Call` of every govchain registry pallet, with one arm per call, next to
/// the calls, so that a new call cannot be added without saying who may sign it.
pub trait RegistryCall {
    /// Who may sign this call.
    fn signer(&self) -> CallSigner;
}

/// What the registries ask about accounts, institutions and citizens.
///
/// The identity pallet implements it; other pallets take it as an associated type of their
/// `Config`, and their test mocks implement it in a few lines.
pub trait IdentityProvider<AccountId> {
    /// The institution `who` acts for, if `who` is an officer whose appointment has not expired
    /// or been revoked, of an active institution that holds `role`; otherwise the precise reason
    /// it does not.
    fn ensure_role(who: &AccountId, role: Role) -> Result<InstitutionId, DispatchError>;

    /// Whether `institution` is registered, active and holds `role`.
    fn institution_has_role(institution: InstitutionId, role: Role) -> bool;

    /// The institution `who` acts for, whatever its roles, if `who` is an officer whose
    /// appointment holds, of an active institution; otherwise the precise reason it is not.
    fn officer_institution(who: &AccountId) -> Result<InstitutionId, DispatchError>;

    /// Whether `institution` is registered and active.
    fn institution_is_active(institution: InstitutionId) -> bool;

    /// The active citizen whose identity `who` holds.
    fn citizen_of(who: &AccountId) -> Option<CitizenId>;

    /// The active citizen whose identity `who` holds, and its KYC tier: in the identity pallet
    /// one read, for the paths every citizen's payment takes.
    fn citizen_profile(who: &AccountId) -> Option<(CitizenId, KycTier)>;

    /// The account that currently holds an active citizen's identity.
    fn account_of(citizen: CitizenId) -> Option<AccountId>;

    /// An active citizen's KYC tier.
    fn kyc_tier(citizen: CitizenId) -> Option<KycTier>;

    /// An active citizen's region, if the civil registry recorded one.
    fn region(citizen: CitizenId) -> Option<RegionCode>;

    /// Counts one fee-free transaction against the quota for the current period of the active
    /// citizen whose identity `who` holds: an order the citizen signed and an institution
    /// relays costs the citizen what its own transaction would. `CitizenNotActive` when `who`
    /// holds no active citizen's identity, `FeeFreeQuotaExhausted` when none is left (nothing
    /// is counted then).
    fn use_citizen_quota(who: &AccountId) -> DispatchResult;

    /// How many citizens are active: the electorate of a vote open to all citizens.
    fn active_citizens() -> u64;

    /// How many active citizens the civil registry recorded in `region`.
    fn active_citizens_in(region: RegionCode) -> u64;

    /// Whether `who` may act for `party`: it holds the active citizen's identity, or it is an
    /// active officer of the active institution.
    fn acts_for(who: &AccountId, party: &Party) -> bool {
        match party {
            Party::Citizen(citizen) => Self::citizen_of(who) == Some(*citizen),
            Party::Institution(institution) => {
                Self::officer_institution(who).ok() == Some(*institution)
            }
        }
    }

    /// Whether `party` is an active citizen or an active institution.
    fn party_is_active(party: &Party) -> bool {
        match party {
            Party::Citizen(citizen) => Self::account_of(*citizen).is_some(),
            Party::Institution(institution) => Self::institution_is_active(*institution),
        }
    }

    /// Makes `who` an officer of a fresh active institution holding `role`, for other pallets'
    /// benchmarks.
    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_officer(who: &AccountId, role: Role) -> InstitutionId;

    /// Registers `who` as a fresh citizen with the highest KYC tier, for other pallets'
    /// benchmarks.
    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_citizen(who: &AccountId) -> CitizenId;
}
