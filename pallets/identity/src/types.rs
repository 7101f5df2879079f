//! The records the pallet stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedBTreeSet, BoundedVec};
use govchain_primitives::{
    dual_control::{ActionClass, ActionId},
    identity::{CitizenId, InstitutionId, KycTier, RegionCode, Role},
};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Weight;

/// More roles than will ever be defined; bounds an institution's role set.
pub const MAX_ROLES: u32 = 32;

/// The roles an institution holds.
pub type RoleSet = BoundedBTreeSet<Role, ConstU32<MAX_ROLES>>;

/// Roles given with a registration, in the order the council listed them.
pub type RoleList = BoundedVec<Role, ConstU32<MAX_ROLES>>;

/// The longest institution short code.
pub const MAX_SHORT_CODE_LEN: u32 = 16;

/// An institution's public short code, such as `CRA` or `MOJ-LAND`: 1 to 16 upper-case ASCII
/// letters, digits and hyphens.
pub type ShortCode = BoundedVec<u8, ConstU32<MAX_SHORT_CODE_LEN>>;

/// What sort of public body an institution is; informative, rights come from its roles.
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
    Debug,
)]
pub enum InstitutionKind {
    /// A ministry.
    Ministry,
    /// A state agency or service.
    Agency,
    /// A court.
    Court,
    /// A university or other higher-education body.
    University,
    /// The central bank or a commercial bank.
    Bank,
    /// A regional or municipal government.
    LocalGovernment,
    /// Any other public body.
    Other,
}

/// Whether an institution's officers may act.
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
    Debug,
)]
pub enum InstitutionStatus {
    /// Its officers act with its roles.
    Active,
    /// The council suspended it: its officers are refused everywhere until it is restored.
    Suspended,
}

/// A public body registered by the council.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Institution<AccountId> {
    /// What sort of body it is.
    pub kind: InstitutionKind,
    /// Its unique public short code.
    pub short_code: ShortCode,
    /// Hash of its full legal name and founding document.
    pub name_hash: H256,
    /// The account that appoints and revokes its officers.
    pub admin: AccountId,
    /// What its officers may do.
    pub roles: RoleSet,
    /// Whether its officers may act.
    pub status: InstitutionStatus,
    /// How many accounts are appointed as its officers (expired ones included until revoked).
    pub officers: u32,
}

/// An account's appointment as an officer.
#[derive(
    Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Officer<BlockNumber> {
    /// The institution the officer acts for.
    pub institution: InstitutionId,
    /// The first block at which the appointment no longer holds.
    pub expires_at: BlockNumber,
}

/// Why the civil registry deactivated a citizen.
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
    Debug,
)]
pub enum DeactivationReason {
    /// The person died.
    Deceased,
    /// The person left the country's registry.
    Emigrated,
    /// The registration was found to be in error.
    RegistrationError,
}

/// Whether a citizen's identity may be used.
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
    Debug,
)]
pub enum CitizenStatus {
    /// The identity acts as the citizen.
    Active,
    /// The identity no longer acts; records elsewhere still name it.
    Deactivated(DeactivationReason),
}

/// A verified person. No personal data: the national ID appears only as a salted hash.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Citizen<AccountId, BlockNumber> {
    /// The account that holds the identity now.
    pub account: AccountId,
    /// Salted hash of the national ID number; unique among citizens.
    pub national_id_hash: H256,
    /// Region in the national territorial classifier, if recorded.
    pub region: Option<RegionCode>,
    /// How thoroughly the person was verified.
    pub kyc_tier: KycTier,
    /// Whether the identity may be used.
    pub status: CitizenStatus,
    /// The civil-registry institution that registered the person.
    pub registered_by: InstitutionId,
    /// When the person was registered.
    pub registered_at: BlockNumber,
}

/// An identity that may transact without fees, up to its quota.
#[derive(
    Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum FeeFreeIdentity<AccountId> {
    /// An active officer, counted per account.
    Officer(AccountId),
    /// An active citizen, counted per identity, so a move to a new account does not reset it.
    Citizen(CitizenId),
}

/// Whom a fee-free transaction counts against: an officer, counted per account and with the
/// institution, whose officers share a quota too (so that appointing fresh officers does not
/// mint fresh quota); or a citizen, counted on the account record of its identity.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum FeeFreeSlot<AccountId> {
    /// An active officer of `institution`.
    Officer {
        officer: AccountId,
        institution: InstitutionId,
    },
    /// The active citizen whose identity `account` holds; `officer_checked` when the account
    /// is flagged an officer's too, so the check also read its appointment.
    Citizen {
        account: AccountId,
        citizen: CitizenId,
        officer_checked: bool,
    },
}

impl<AccountId: Clone> FeeFreeSlot<AccountId> {
    /// The officer's institution; `None` for a citizen.
    pub fn institution(&self) -> Option<InstitutionId> {
        match self {
            FeeFreeSlot::Officer { institution, .. } => Some(*institution),
            FeeFreeSlot::Citizen { .. } => None,
        }
    }

    /// The identity the quota counts against.
    pub fn identity(&self) -> FeeFreeIdentity<AccountId> {
        match self {
            FeeFreeSlot::Officer { officer, .. } => FeeFreeIdentity::Officer(officer.clone()),
            FeeFreeSlot::Citizen { citizen, .. } => FeeFreeIdentity::Citizen(*citizen),
        }
    }
}

/// An account's citizen identity as the transaction pool and the registries read it, in one
/// read: whether the account holds an active citizen's identity and with what KYC tier, whether
/// the account is also an officer's, and the identity's fee-free transactions this quota period.
/// The pallet keeps it in step with the [`Citizen`] record and the officers' appointments
/// (`do_try_state` checks that it is).
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct CitizenAccount<BlockNumber> {
    /// The citizen whose identity the account holds.
    pub citizen: CitizenId,
    /// Whether the citizen's status is `Active`.
    pub active: bool,
    /// The citizen's KYC tier.
    pub kyc_tier: KycTier,
    /// Whether the account is also appointed as an officer (the appointment may have expired
    /// since): the fee-free check then asks the appointment first, as officers' quota comes
    /// before citizens'.
    pub officer: bool,
    /// The identity's fee-free transactions in its latest quota period. It moves with the
    /// identity to a new account, so a move does not refill the quota.
    pub fee_free: QuotaUsage<BlockNumber>,
}

/// Fee-free transactions an identity made in one quota period.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug, Default)]
pub struct QuotaUsage<BlockNumber> {
    /// The period, numbered from genesis in units of the quota period.
    pub period: BlockNumber,
    /// Fee-free transactions in that period.
    pub used: u32,
}

/// The origin an approved pending action executes from: the registries' sensitive calls accept
/// it (through [`DualControl`](govchain_primitives::dual_control::DualControl)) for exactly the
/// action's role and class.
#[derive(
    Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct ApprovedAction<AccountId> {
    /// The pending action that was approved.
    pub action: ActionId,
    /// The institution whose officers approved it.
    pub institution: InstitutionId,
    /// The role it was made under; `None` for an act of the institution as a whole (appointing
    /// its officers).
    pub role: Option<Role>,
    /// What kind of act it is.
    pub class: ActionClass,
    /// Who proposed it.
    pub proposer: AccountId,
}

/// A sensitive call waiting for its institution's approvals.
#[derive(
    Encode,
    Decode,
    MaxEncodedLen,
    TypeInfo,
    frame_support::CloneNoBound,
    frame_support::PartialEqNoBound,
    frame_support::EqNoBound,
    frame_support::DebugNoBound,
)]
#[scale_info(skip_type_params(MaxApprovals, MaxCallLength))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct PendingAction<
    AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
    BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
    MaxApprovals: frame_support::traits::Get<u32>,
    MaxCallLength: frame_support::traits::Get<u32>,
> {
    /// The institution whose officers approve it.
    pub institution: InstitutionId,
    /// The role it is made under; `None` for an act of the institution as a whole.
    pub role: Option<Role>,
    /// What kind of act it is.
    pub class: ActionClass,
    /// Who proposed it: an officer, or the institution's admin for an appointment.
    pub proposer: AccountId,
    /// The account the act is about, which may not approve it (the officer an appointment
    /// appoints).
    pub subject: Option<AccountId>,
    /// The call, encoded, with its original arguments, dispatched once approved.
    pub call: BoundedVec<u8, MaxCallLength>,
    /// The call's declared weight, which the completing approver must allow for.
    pub call_weight: Weight,
    /// Who approved it so far, the proposer first; distinct accounts.
    pub approvals: BoundedVec<AccountId, MaxApprovals>,
    /// The block from which it can no longer be approved; it is removed then.
    pub expires_at: BlockNumber,
}

/// How many citizens the civil registry may register per registration period (a day in the
/// runtime): each officer, and each institution's officers together.
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
    Debug,
    Default,
    frame_support::Serialize,
    frame_support::Deserialize,
)]
#[serde(crate = "frame_support::__private::serde", rename_all = "camelCase")]
pub struct RegistrationCaps {
    /// Registrations one officer may make per period.
    pub per_officer: u32,
    /// Registrations all officers of one institution may make together per period.
    pub per_institution: u32,
}

/// A citizen's consent, given with its current key, to its identity moving to `to`.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct MoveConsent<AccountId, BlockNumber> {
    /// The account the identity may move to.
    pub to: AccountId,
    /// The block from which the consent no longer counts.
    pub expires_at: BlockNumber,
}

/// A move of a citizen's identity waiting out its time lock, during which the citizen's current
/// key may veto it.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct PendingMove<AccountId, BlockNumber> {
    /// The account the identity moves to.
    pub to: AccountId,
    /// The block at whose start the move happens.
    pub executes_at: BlockNumber,
}

/// A court's order of succession: who inherits a deceased citizen's estate, in which shares.
#[derive(
    Encode,
    Decode,
    MaxEncodedLen,
    TypeInfo,
    frame_support::CloneNoBound,
    frame_support::PartialEqNoBound,
    frame_support::EqNoBound,
    frame_support::DebugNoBound,
)]
#[scale_info(skip_type_params(MaxHeirs))]
pub struct SuccessionOrder<BlockNumber, MaxHeirs>
where
    BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
    MaxHeirs: frame_support::traits::Get<u32>,
{
    /// The court that ordered it.
    pub court: InstitutionId,
    /// The hash of the court's case reference.
    pub case: H256,
    /// The heirs and their shares of every holding, summing to one whole.
    pub heirs: frame_support::BoundedVec<(CitizenId, sp_runtime::Permill), MaxHeirs>,
    /// The block of the order.
    pub ordered_at: BlockNumber,
}
