//! What the diploma register stores: accreditations of universities, diplomas and their
//! revocation history.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
    pallet_prelude::ConstU32, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PalletError,
    PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::{CitizenId, InstitutionId};
use scale_info::TypeInfo;
use sp_core::H256;

/// A diploma's number on chain: `blake2_256` of the SCALE-encoded `(Issuer, Serial)`, so anyone
/// who knows the issuer and the university's own serial number can compute it.
pub type DiplomaId = H256;

/// A calendar day: the number of days since 1970-01-01 (UTC).
pub type Day = u32;

/// A field of study: an ISCED-F 2013 detailed field code, 0 to 9999 (`0613` is software and
/// applications development).
pub type FieldCode = u16;

/// The highest field code.
pub const MAX_FIELD_CODE: FieldCode = 9_999;

/// A body that issued diplomas before the register existed and is not (or no longer) registered
/// on chain, by its code in the national classifier of educational institutions.
pub type HistoricIssuerCode = u32;

/// The longest serial number, in bytes.
pub const MAX_SERIAL_LEN: u32 = 32;

/// A university's own number for a diploma: 1 to [`MAX_SERIAL_LEN`] ASCII letters, digits and
/// the separators `-`, `/` and `.`.
pub type Serial = BoundedVec<u8, ConstU32<MAX_SERIAL_LEN>>;

/// Whether `serial` is 1 or more ASCII letters, digits, `-`, `/` and `.` (its length is bounded
/// by its type).
pub fn is_valid_serial(serial: &[u8]) -> bool {
    !serial.is_empty()
        && serial
            .iter()
            .all(|byte| byte.is_ascii_alphanumeric() || b"-/.".contains(byte))
}

/// Who issued a diploma.
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
pub enum Issuer {
    /// An institution registered on chain.
    #[codec(index = 0)]
    Institution(InstitutionId),
    /// A body known only from the national classifier (closed, merged or never registered);
    /// only imported diplomas name one.
    #[codec(index = 1)]
    Historic(HistoricIssuerCode),
}

/// The level of a degree, after ISCED 2011.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum DegreeLevel {
    /// Short-cycle tertiary (ISCED 5).
    #[codec(index = 0)]
    ShortCycle,
    /// Bachelor's or equivalent (ISCED 6).
    #[codec(index = 1)]
    Bachelor,
    /// Specialist: a long first degree (ISCED 7).
    #[codec(index = 2)]
    Specialist,
    /// Master's or equivalent (ISCED 7).
    #[codec(index = 3)]
    Master,
    /// Doctoral or equivalent (ISCED 8).
    #[codec(index = 4)]
    Doctorate,
}

/// What a university records about a diploma it issues. The holder is a citizen identity,
/// never a name; the document itself stays off chain and only its hash is recorded.
#[derive(
    Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct DiplomaSpec {
    /// The university's own number for the diploma.
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::text"))]
    pub serial: Serial,
    /// The graduate.
    pub holder: CitizenId,
    /// The degree's level.
    pub degree: DegreeLevel,
    /// The field of study.
    pub field: FieldCode,
    /// The day the diploma was awarded; never after today.
    pub issued_on: Day,
    /// The hash of the diploma document (PDF or credential) held off chain.
    pub document_hash: H256,
}

/// A diploma awarded before the register existed, imported by the Education Ministry.
#[derive(
    Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct LegacyDiploma {
    /// The body that awarded it.
    pub issuer: Issuer,
    /// The diploma, with its original date.
    pub spec: DiplomaSpec,
}

/// How a diploma came into the register.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum Provenance {
    /// Issued on chain by an accredited university.
    #[codec(index = 0)]
    Issued,
    /// Imported from historic records by the Education Ministry, which vouches for it.
    #[codec(index = 1)]
    Imported { ministry: InstitutionId },
}

/// Why a diploma was revoked.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum RevocationReason {
    /// The record was wrong (wrong holder, degree, date or document).
    #[codec(index = 0)]
    IssuedInError,
    /// The degree was obtained by fraud.
    #[codec(index = 1)]
    Fraud,
    /// A court ordered it; only a court gives this reason.
    #[codec(index = 2)]
    CourtOrder,
}

/// Who revoked or reinstated a diploma, and in which capacity.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum Authority {
    /// The issuing university.
    #[codec(index = 0)]
    Issuer(InstitutionId),
    /// A court.
    #[codec(index = 1)]
    Court(InstitutionId),
    /// The Education Ministry, for diplomas it imported.
    #[codec(index = 2)]
    Ministry(InstitutionId),
}

impl Authority {
    /// The institution acting.
    pub fn institution(&self) -> InstitutionId {
        match self {
            Self::Issuer(id) | Self::Court(id) | Self::Ministry(id) => *id,
        }
    }
}

/// Whether a diploma stands.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum Status<BlockNumber> {
    /// Not revoked.
    #[codec(index = 0)]
    Valid,
    /// Revoked by `by` at block `at`, until the same authority reinstates it.
    #[codec(index = 1)]
    Revoked {
        reason: RevocationReason,
        by: Authority,
        at: BlockNumber,
    },
}

/// A diploma in the register.
#[derive(
    Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Diploma<T: Config> {
    /// Who awarded it.
    pub issuer: Issuer,
    /// The diploma as awarded.
    pub spec: DiplomaSpec,
    /// Issued on chain or imported.
    pub provenance: Provenance,
    /// The block that recorded it.
    pub recorded_at: BlockNumberFor<T>,
    /// Valid or revoked.
    pub status: Status<BlockNumberFor<T>>,
}

/// A revocation or reinstatement.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum StatusChange {
    /// The authority revoked the diploma.
    #[codec(index = 0)]
    Revoked {
        reason: RevocationReason,
        by: Authority,
    },
    /// The authority that revoked it reinstated it.
    #[codec(index = 1)]
    Reinstated { by: Authority },
}

/// A status change and the block it happened in.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct StatusEvent<BlockNumber> {
    /// What changed.
    pub change: StatusChange,
    /// When.
    pub at: BlockNumber,
}

/// A diploma's revocations and reinstatements, oldest first.
pub type StatusHistory<T> =
    BoundedVec<StatusEvent<BlockNumberFor<T>>, <T as Config>::MaxStatusChanges>;

/// Days during which a university was accredited, both ends included.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Period {
    /// The first day.
    pub from: Day,
    /// The last day.
    pub until: Day,
}

impl Period {
    /// Whether `day` falls in the period.
    pub fn contains(&self, day: Day) -> bool {
        self.from <= day && day <= self.until
    }
}

/// Where a university's accreditation stands now.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum Standing {
    /// Accredited for its last period (which may have lapsed).
    #[codec(index = 0)]
    Accredited,
    /// Suspended: its last period was cut short; lifting the suspension resumes it until
    /// `resume_until`.
    #[codec(index = 1)]
    Suspended { resume_until: Day },
    /// Withdrawn: its last period was cut short for good.
    #[codec(index = 2)]
    Withdrawn,
}

/// A university's accreditation history.
///
/// Periods are kept in order and never overlap; only the last may be current or still to
/// come, and only the first may have started before it was recorded. A suspension or
/// withdrawal cuts the last period at the day it happens, so a diploma dated within a period
/// stays so; only a backdated withdrawal (an annulled licence) takes days away.
#[derive(
    Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Accreditation<T: Config> {
    /// The days the university was (or will be) accredited.
    pub periods: BoundedVec<Period, T::MaxAccreditationPeriods>,
    /// Where it stands now.
    pub standing: Standing,
}

impl<T: Config> Accreditation<T> {
    /// Whether the university was accredited on `day`.
    pub fn covers(&self, day: Day) -> bool {
        self.periods.iter().any(|period| period.contains(day))
    }

    /// The last period, if it includes `today` or starts after it.
    pub fn current_or_upcoming(&self, today: Day) -> Option<&Period> {
        self.periods.last().filter(|period| period.until >= today)
    }
}

/// Why one diploma of a batch (or a single diploma) cannot be recorded.
#[derive(
    Encode, Decode, DecodeWithMemTracking, PalletError, TypeInfo, Clone, Copy, PartialEq, Eq, Debug,
)]
pub enum ItemError {
    /// The serial number is empty or has characters other than ASCII letters, digits, `-`,
    /// `/` and `.`.
    #[codec(index = 0)]
    InvalidSerial,
    /// The field code is above 9999.
    #[codec(index = 1)]
    InvalidFieldCode,
    /// The issuer already recorded a diploma with this serial number.
    #[codec(index = 2)]
    DuplicateSerial,
    /// The holder is not an active citizen.
    #[codec(index = 3)]
    UnknownHolder,
    /// The diploma is dated after today.
    #[codec(index = 4)]
    IssueDateInFuture,
    /// The university was not accredited on the diploma's date.
    #[codec(index = 5)]
    NotAccreditedOnIssueDate,
    /// The imported diploma's issuer is not an active registered university.
    #[codec(index = 6)]
    UnknownIssuer,
    /// The imported diploma is dated on or after its university's first accreditation on
    /// chain: from then on the university issues its diplomas itself.
    #[codec(index = 7)]
    DatedWithinRegister,
    /// The holder holds `MaxDiplomasPerHolder` diplomas already (counting those recorded
    /// earlier in the batch).
    #[codec(index = 8)]
    TooManyDiplomasForHolder,
}

/// What verifying a diploma id with a document hash finds.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum Verification<BlockNumber> {
    /// The diploma is registered, the document matches, it stands, and its issuer was
    /// accredited on its date (or the ministry imported it).
    #[codec(index = 0)]
    Valid,
    /// The diploma was revoked at block `at`.
    #[codec(index = 1)]
    Revoked {
        reason: RevocationReason,
        at: BlockNumber,
    },
    /// A diploma with this id exists, but the document is not the one registered.
    #[codec(index = 2)]
    HashMismatch,
    /// No diploma has this id.
    #[codec(index = 3)]
    Unknown,
    /// The issuer was not accredited on the diploma's date.
    #[codec(index = 4)]
    IssuerNotAccredited,
}

/// Everything known about a diploma, as the runtime API returns it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct DiplomaRecord<BlockNumber> {
    /// The diploma's id.
    pub id: DiplomaId,
    /// Who awarded it.
    pub issuer: Issuer,
    /// The diploma as awarded.
    pub spec: DiplomaSpec,
    /// Issued on chain or imported.
    pub provenance: Provenance,
    /// The block that recorded it.
    pub recorded_at: BlockNumber,
    /// Valid or revoked.
    pub status: Status<BlockNumber>,
    /// Whether the issuer was accredited on the diploma's date (imported ones always count).
    pub issuer_accredited_on_issue_date: bool,
    /// Its revocations and reinstatements, oldest first.
    pub history: alloc::vec::Vec<StatusEvent<BlockNumber>>,
}

/// A university's accreditation, as the runtime API returns it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AccreditationRecord {
    /// The days it was (or will be) accredited, in order.
    pub periods: alloc::vec::Vec<Period>,
    /// Where it stands now.
    pub standing: Standing,
    /// Whether it may issue diplomas today.
    pub may_issue_today: bool,
}
