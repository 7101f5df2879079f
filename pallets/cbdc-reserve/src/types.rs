//! What the currency stores: reserve assets with their attested valuations, holdings by
//! identity, banks' issuance quotas, KYC limits, outflow counters and court freezes.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use govchain_primitives::identity::InstitutionId;
use scale_info::TypeInfo;
use sp_core::H256;

/// A reserve asset, numbered in order of recording.
pub type AssetId = u32;

/// A calendar day: the number of days since 1970-01-01 (UTC).
pub type Day = u32;

/// The longest asset code, in bytes.
pub const MAX_ASSET_CODE_LEN: u32 = 12;

/// What a reserve asset is, in capital letters and digits: an ISO 4217 currency (`USD`), a
/// metal (`XAU`), a crypto-asset ticker (`BTC`), or the central bank's own code for anything
/// else.
pub type AssetCode = BoundedVec<u8, ConstU32<MAX_ASSET_CODE_LEN>>;

/// Whether `code` is 1 or more capital ASCII letters and digits.
pub fn is_valid_asset_code(code: &[u8]) -> bool {
    !code.is_empty()
        && code
            .iter()
            .all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit())
}

/// The kind of a reserve asset.
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
pub enum AssetClass {
    /// Monetary gold.
    #[codec(index = 0)]
    Gold,
    /// Foreign currency deposits and securities.
    #[codec(index = 1)]
    ForeignCurrency,
    /// Crypto-assets.
    #[codec(index = 2)]
    Crypto,
    /// Anything else the central bank holds in reserve.
    #[codec(index = 3)]
    Other,
}

/// A report backing a valuation: the central bank's own, or the auditor's attesting it.
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
pub struct Attestation {
    /// The hash of the report, kept off chain.
    pub report_hash: H256,
    /// The day of the report.
    pub date: Day,
}

/// An independent auditor's attestation of a reserve asset's current quantity and valuation.
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
pub struct Audit {
    /// The institution holding the `Auditor` role that attested it.
    pub auditor: InstitutionId,
    /// The auditor's report.
    pub report: Attestation,
}

/// A reserve asset as recorded by the central bank, with what of it counts towards coverage.
#[derive(
    Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "std",
    serde(bound(
        serialize = "Balance: core::fmt::Display",
        deserialize = "Balance: core::str::FromStr"
    ))
)]
pub struct ReserveAsset<Balance> {
    /// Its kind.
    pub class: AssetClass,
    /// Its code.
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::text"))]
    pub code: AssetCode,
    /// How much of it is held, in the asset's own smallest unit (grams, cents, satoshis), as
    /// the central bank last recorded it.
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::amount"))]
    pub quantity: u128,
    /// What it is worth, in the smallest unit of the digital currency, as the central bank
    /// last recorded it.
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::amount"))]
    pub valuation: Balance,
    /// The central bank's report the valuation rests on.
    pub attestation: Attestation,
    /// The auditor's attestation of this quantity and valuation; `None` until an auditor
    /// attests them (a new record or a revaluation clears it).
    pub audit: Option<Audit>,
    /// What counts towards coverage: the latest valuation an auditor attested (zero before
    /// the first). Equal to `valuation` whenever `audit` is set.
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::amount"))]
    pub counted: Balance,
}

/// What a holder may hold and send.
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
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "std",
    serde(bound(
        serialize = "Balance: core::fmt::Display",
        deserialize = "Balance: core::str::FromStr"
    ))
)]
pub struct Limits<Balance> {
    /// The most it may hold; a payment that would take it above is refused.
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::amount"))]
    pub balance_cap: Balance,
    /// The most it may send per outflow period (a day).
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::amount"))]
    pub daily_outflow: Balance,
}

/// How much a holder sent in the current outflow period.
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
)]
pub struct Outflow<Balance> {
    /// The period counted: the block number divided by the period's length.
    pub period: u32,
    /// What it sent in it.
    pub sent: Balance,
}

/// What the register keeps of one holder, in one record: its balance, what it sent in its
/// latest outflow period, and a court's freeze. A payment reads and writes each side's record
/// once (since storage version 3; before, three maps: `Balances`, `Outflows`, `Frozen`).
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug, Default)]
pub struct Holder<Balance, BlockNumber> {
    /// The holding.
    pub balance: Balance,
    /// What it sent in its latest outflow period (counted against its daily limit).
    pub outflow: Outflow<Balance>,
    /// A court's freeze: it neither sends nor receives while it lasts.
    pub freeze: Option<Freeze<Balance, BlockNumber>>,
}

impl<Balance: sp_runtime::traits::Zero, BlockNumber> Holder<Balance, BlockNumber> {
    /// Whether the record holds nothing worth keeping: no balance, no outflow, no freeze.
    pub fn is_empty(&self) -> bool {
        self.balance.is_zero() && self.outflow.sent.is_zero() && self.freeze.is_none()
    }
}

/// A commercial bank's issuance quota.
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
)]
pub struct BankQuota<Balance> {
    /// The most the central bank may have minted to the bank and not had back.
    pub limit: Balance,
    /// What it has minted to the bank, less what the bank redeemed.
    pub outstanding: Balance,
}

/// A court's freeze of a holder. Funds stay where they are: the balance at the freeze is kept
/// to show (and to check) that it never changes while frozen.
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
#[cfg_attr(
    feature = "std",
    serde(bound(
        serialize = "Balance: core::fmt::Display, BlockNumber: serde::Serialize",
        deserialize = "Balance: core::str::FromStr, BlockNumber: serde::Deserialize<'de>"
    ))
)]
pub struct Freeze<Balance, BlockNumber> {
    /// The court that froze it; only it thaws it.
    pub court: InstitutionId,
    /// The hash of the case reference.
    pub case: H256,
    /// The block of the freeze.
    pub since: BlockNumber,
    /// The balance when frozen.
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::amount"))]
    pub balance: Balance,
}

/// A holder's balance with what it may still receive and send, as the runtime API returns it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "std",
    serde(bound(
        serialize = "Balance: core::fmt::Display, BlockNumber: serde::Serialize",
        deserialize = "Balance: core::str::FromStr, BlockNumber: serde::Deserialize<'de>"
    ))
)]
pub struct BalanceInfo<Balance, BlockNumber> {
    /// What it holds.
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::amount"))]
    pub balance: Balance,
    /// Its limits; `None` for banks, which issuance quotas bound instead.
    pub limits: Option<Limits<Balance>>,
    /// What it may still receive before reaching its cap (`None`: no cap; zero when frozen or
    /// without identity).
    #[cfg_attr(
        feature = "std",
        serde(with = "govchain_primitives::json::option_amount")
    )]
    pub receivable: Option<Balance>,
    /// What it may still send in the current outflow period, at most its balance (`None`: no
    /// limit; zero when frozen or without identity).
    #[cfg_attr(
        feature = "std",
        serde(with = "govchain_primitives::json::option_amount")
    )]
    pub sendable_today: Option<Balance>,
    /// Whether it is a verified, active citizen or an active institution.
    pub verified: bool,
    /// The court freeze, if any.
    pub freeze: Option<Freeze<Balance, BlockNumber>>,
}

/// The reserve and the currency issued against it, as the runtime API returns it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
    feature = "std",
    serde(bound(
        serialize = "Balance: core::fmt::Display",
        deserialize = "Balance: core::str::FromStr"
    ))
)]
pub struct ReserveSummary<Balance> {
    /// Every reserve asset.
    pub assets: alloc::vec::Vec<(AssetId, ReserveAsset<Balance>)>,
    /// The total that counts towards coverage: the sum of the auditor-attested valuations.
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::amount"))]
    pub reserve_value: Balance,
    /// How many assets' latest valuations no auditor has attested yet; minting waits for 0.
    pub unattested_assets: u32,
    /// How far supply exceeds the coverage limit (zero when covered): after an attested
    /// write-down, what must be redeemed or added to the reserve before minting resumes.
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::amount"))]
    pub coverage_deficit: Balance,
    /// The currency in circulation.
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::amount"))]
    pub total_supply: Balance,
    /// The most supply may be, in percent of the reserve value.
    pub max_coverage_percent: u32,
    /// Supply in parts per million of the reserve value (`None` without reserve).
    #[cfg_attr(
        feature = "std",
        serde(with = "govchain_primitives::json::option_amount")
    )]
    pub coverage_ppm: Option<u128>,
    /// What may still be minted before supply reaches the coverage limit (zero while any
    /// valuation is unattested).
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::amount"))]
    pub mint_headroom: Balance,
}

/// A payment order a citizen signed with its account's key and handed to its bank, which relays
/// it with others in one transaction (`relay_payments`). The citizen signs
/// `govchain_primitives::relay::signing_payload(RELAYED_PAYMENT, genesis, nonce, body)` with
/// `body` the SCALE encoding of `(to, amount, valid_until)` ([`relayed_payment_body`]).
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    TypeInfo,
    frame_support::CloneNoBound,
    frame_support::PartialEqNoBound,
    frame_support::EqNoBound,
    frame_support::DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct RelayedPayment<T: crate::Config> {
    /// The payer's account, which holds the citizen's identity and signed the order.
    pub payer: T::AccountId,
    /// The account's nonce the order is signed at: accepting the order moves it on, so the
    /// order is never paid twice.
    pub nonce: T::Nonce,
    /// Whom to pay.
    pub to: govchain_primitives::identity::Party,
    /// How much.
    pub amount: T::Balance,
    /// The last block at which the order may be paid: a bank cannot hold it back for later.
    pub valid_until: frame_system::pallet_prelude::BlockNumberFor<T>,
    /// The account's signature.
    pub signature: T::RelaySignature,
}

/// What a relayed payment order's signature covers besides the chain and the nonce: the SCALE
/// encoding of `(to, amount, valid_until)`.
pub fn relayed_payment_body<Balance: Encode, BlockNumber: Encode>(
    to: &govchain_primitives::identity::Party,
    amount: &Balance,
    valid_until: &BlockNumber,
) -> alloc::vec::Vec<u8> {
    (to, amount, valid_until).encode()
}
