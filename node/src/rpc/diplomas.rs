//! `diplomas_*`: verification of a diploma against its document, diplomas with their history,
//! a holder's diplomas and universities' accreditation, as JSON a verification page or an
//! employer's system can use without SCALE decoding. Dates are `YYYY-MM-DD`.

use std::sync::Arc;

use super::{
    block_or_best,
    dates::iso_date,
    errors::{invalid_params, runtime_error},
};
use govchain_primitives::identity::{CitizenId, InstitutionId};
use govchain_runtime::{opaque::Block, BlockNumber};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_diplomas::{
    is_valid_serial, Authority, DegreeLevel, DiplomaId, DiplomaRecord, HistoricIssuerCode, Issuer,
    Period, Provenance, RevocationReason, Serial, Standing, Status, StatusChange, Verification,
    MAX_SERIAL_LEN,
};
use pallet_diplomas_runtime_api::{DiplomasApi as DiplomasRuntimeApi, MAX_PAGE};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::traits::Block as BlockT;

/// An issuer: `{"institution": 1}` or, for a body known only from the national classifier,
/// `{"historic": 4711}`.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub enum IssuerJson {
    Institution(InstitutionId),
    Historic(HistoricIssuerCode),
}

impl From<Issuer> for IssuerJson {
    fn from(issuer: Issuer) -> Self {
        match issuer {
            Issuer::Institution(id) => Self::Institution(id),
            Issuer::Historic(code) => Self::Historic(code),
        }
    }
}

impl From<IssuerJson> for Issuer {
    fn from(issuer: IssuerJson) -> Self {
        match issuer {
            IssuerJson::Institution(id) => Self::Institution(id),
            IssuerJson::Historic(code) => Self::Historic(code),
        }
    }
}

/// Who revoked or reinstated: `{"issuer": 1}`, `{"court": 3}` or `{"ministry": 0}`.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub enum AuthorityJson {
    Issuer(InstitutionId),
    Court(InstitutionId),
    Ministry(InstitutionId),
}

impl From<Authority> for AuthorityJson {
    fn from(authority: Authority) -> Self {
        match authority {
            Authority::Issuer(id) => Self::Issuer(id),
            Authority::Court(id) => Self::Court(id),
            Authority::Ministry(id) => Self::Ministry(id),
        }
    }
}

/// The reason code of a revocation.
fn reason_code(reason: RevocationReason) -> &'static str {
    match reason {
        RevocationReason::IssuedInError => "issuedInError",
        RevocationReason::Fraud => "fraud",
        RevocationReason::CourtOrder => "courtOrder",
    }
}

fn degree_code(degree: DegreeLevel) -> &'static str {
    match degree {
        DegreeLevel::ShortCycle => "shortCycle",
        DegreeLevel::Bachelor => "bachelor",
        DegreeLevel::Specialist => "specialist",
        DegreeLevel::Master => "master",
        DegreeLevel::Doctorate => "doctorate",
    }
}

/// What verification found. `status` is `valid`, `revoked`, `hashMismatch`, `unknown` or
/// `issuerNotAccredited`; a revoked diploma also has `reason` and `revokedAt` (a block number).
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct VerificationJson {
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<BlockNumber>,
}

impl From<Verification<BlockNumber>> for VerificationJson {
    fn from(verification: Verification<BlockNumber>) -> Self {
        let status = |status: &str| Self {
            status: status.into(),
            reason: None,
            revoked_at: None,
        };
        match verification {
            Verification::Valid => status("valid"),
            Verification::Revoked { reason, at } => Self {
                status: "revoked".into(),
                reason: Some(reason_code(reason).into()),
                revoked_at: Some(at),
            },
            Verification::HashMismatch => status("hashMismatch"),
            Verification::Unknown => status("unknown"),
            Verification::IssuerNotAccredited => status("issuerNotAccredited"),
        }
    }
}

/// A revocation or reinstatement: `change` is `revoked` (with `reason`) or `reinstated`.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct StatusChangeJson {
    pub change: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub by: AuthorityJson,
    pub at: BlockNumber,
}

/// Everything known about a diploma. `status` is `valid` or `revoked`.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct DiplomaJson {
    pub id: DiplomaId,
    pub issuer: IssuerJson,
    pub serial: String,
    pub holder: CitizenId,
    pub degree: String,
    pub field_code: u16,
    pub issued_on: String,
    pub document_hash: H256,
    pub imported: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_by: Option<InstitutionId>,
    pub recorded_at: BlockNumber,
    pub status: String,
    pub issuer_accredited_on_issue_date: bool,
    pub history: Vec<StatusChangeJson>,
}

impl From<DiplomaRecord<BlockNumber>> for DiplomaJson {
    fn from(record: DiplomaRecord<BlockNumber>) -> Self {
        let imported_by = match record.provenance {
            Provenance::Issued => None,
            Provenance::Imported { ministry } => Some(ministry),
        };
        Self {
            id: record.id,
            issuer: record.issuer.into(),
            // The pallet admits only ASCII letters, digits and separators.
            serial: String::from_utf8_lossy(&record.spec.serial).into_owned(),
            holder: record.spec.holder,
            degree: degree_code(record.spec.degree).into(),
            field_code: record.spec.field,
            issued_on: iso_date(record.spec.issued_on),
            document_hash: record.spec.document_hash,
            imported: imported_by.is_some(),
            imported_by,
            recorded_at: record.recorded_at,
            status: match record.status {
                Status::Valid => "valid",
                Status::Revoked { .. } => "revoked",
            }
            .into(),
            issuer_accredited_on_issue_date: record.issuer_accredited_on_issue_date,
            history: record
                .history
                .into_iter()
                .map(|event| match event.change {
                    StatusChange::Revoked { reason, by } => StatusChangeJson {
                        change: "revoked".into(),
                        reason: Some(reason_code(reason).into()),
                        by: by.into(),
                        at: event.at,
                    },
                    StatusChange::Reinstated { by } => StatusChangeJson {
                        change: "reinstated".into(),
                        reason: None,
                        by: by.into(),
                        at: event.at,
                    },
                })
                .collect(),
        }
    }
}

/// Days a university was accredited, both ends included.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct PeriodJson {
    pub from: String,
    pub until: String,
}

impl From<Period> for PeriodJson {
    fn from(period: Period) -> Self {
        Self {
            from: iso_date(period.from),
            until: iso_date(period.until),
        }
    }
}

/// A university's accreditation. `standing` is `accredited`, `suspended` (with `resumeUntil`)
/// or `withdrawn`.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct AccreditationJson {
    pub periods: Vec<PeriodJson>,
    pub standing: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resume_until: Option<String>,
    pub may_issue_today: bool,
}

/// Parses a 32-byte hash given as `0x` and 64 hex digits.
fn hash_param(name: &str, text: &str) -> RpcResult<H256> {
    let malformed = || invalid_params(format!("{name} must be 0x and 64 hex digits, got {text:?}"));
    let digits = text.strip_prefix("0x").ok_or_else(malformed)?.as_bytes();
    if digits.len() != 64 {
        return Err(malformed());
    }
    let nibble = |digit: u8| {
        char::from(digit)
            .to_digit(16)
            .and_then(|value| u8::try_from(value).ok())
            .ok_or_else(|| invalid_params(format!("{name} has a character that is not hex")))
    };
    let mut bytes = [0u8; 32];
    for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
        if let [high, low] = pair {
            *byte = (nibble(*high)? << 4) | nibble(*low)?;
        }
    }
    Ok(H256(bytes))
}

/// The diploma register's read methods; `at` is a block hash, the best block if omitted.
#[rpc(server)]
pub trait DiplomasApi<BlockHash> {
    /// Verifies a diploma id against the hash of the document a verifier holds:
    /// `{"status": "valid" | "revoked" | "hashMismatch" | "unknown" | "issuerNotAccredited"}`,
    /// a revoked one with `reason` and `revokedAt`.
    #[method(name = "diplomas_verify")]
    fn verify(
        &self,
        #[argument(rename = "diplomaId")] diploma_id: String,
        #[argument(rename = "documentHash")] document_hash: String,
        at: Option<BlockHash>,
    ) -> RpcResult<VerificationJson>;

    /// A diploma with its history, or `null` if no diploma has the id.
    #[method(name = "diplomas_diploma")]
    fn diploma(
        &self,
        #[argument(rename = "diplomaId")] diploma_id: String,
        at: Option<BlockHash>,
    ) -> RpcResult<Option<DiplomaJson>>;

    /// The id of the diploma `issuer` numbered `serial`, whether or not it is registered.
    #[method(name = "diplomas_id")]
    fn diploma_id(
        &self,
        issuer: IssuerJson,
        serial: String,
        at: Option<BlockHash>,
    ) -> RpcResult<DiplomaId>;

    /// Up to `limit` (default and maximum 1000) ids of the diplomas a citizen holds, in
    /// storage order; pass the last one as `startAfter` for the next page.
    #[method(name = "diplomas_ofHolder")]
    fn diplomas_of(
        &self,
        holder: CitizenId,
        #[argument(rename = "startAfter")] start_after: Option<String>,
        limit: Option<u32>,
        at: Option<BlockHash>,
    ) -> RpcResult<Vec<DiplomaId>>;

    /// A university's accreditation periods and standing, or `null` if never accredited.
    #[method(name = "diplomas_accreditation")]
    fn accreditation(
        &self,
        university: InstitutionId,
        at: Option<BlockHash>,
    ) -> RpcResult<Option<AccreditationJson>>;
}

/// Serves [`DiplomasApiServer`] from the client's runtime API.
pub struct Diplomas<C> {
    client: Arc<C>,
}

impl<C> Diplomas<C> {
    pub fn new(client: Arc<C>) -> Self {
        Self { client }
    }
}

impl<C> DiplomasApiServer<<Block as BlockT>::Hash> for Diplomas<C>
where
    C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
    C::Api: DiplomasRuntimeApi<Block, BlockNumber>,
{
    fn verify(
        &self,
        diploma_id: String,
        document_hash: String,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<VerificationJson> {
        let id = hash_param("diplomaId", &diploma_id)?;
        let document_hash = hash_param("documentHash", &document_hash)?;
        let verification = self
            .client
            .runtime_api()
            .verify(block_or_best(&*self.client, at), id, document_hash)
            .map_err(runtime_error)?;
        Ok(verification.into())
    }

    fn diploma(
        &self,
        diploma_id: String,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Option<DiplomaJson>> {
        let id = hash_param("diplomaId", &diploma_id)?;
        let record = self
            .client
            .runtime_api()
            .diploma(block_or_best(&*self.client, at), id)
            .map_err(runtime_error)?;
        Ok(record.map(DiplomaJson::from))
    }

    fn diploma_id(
        &self,
        issuer: IssuerJson,
        serial: String,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<DiplomaId> {
        let serial = Serial::try_from(serial.into_bytes())
            .ok()
            .filter(|serial| is_valid_serial(serial))
            .ok_or_else(|| {
                invalid_params(format!(
                    "a serial number is 1 to {MAX_SERIAL_LEN} ASCII letters, digits, '-', '/' \
                     or '.'"
                ))
            })?;
        self.client
            .runtime_api()
            .diploma_id(
                block_or_best(&*self.client, at),
                issuer.into(),
                serial.into_inner(),
            )
            .map_err(runtime_error)?
            .ok_or_else(|| invalid_params("the runtime refused the serial number"))
    }

    fn diplomas_of(
        &self,
        holder: CitizenId,
        start_after: Option<String>,
        limit: Option<u32>,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Vec<DiplomaId>> {
        let limit = limit.unwrap_or(MAX_PAGE);
        if limit == 0 || limit > MAX_PAGE {
            return Err(invalid_params(format!(
                "limit must be between 1 and {MAX_PAGE}"
            )));
        }
        let start_after = start_after
            .map(|id| hash_param("startAfter", &id))
            .transpose()?;
        self.client
            .runtime_api()
            .diplomas_of(block_or_best(&*self.client, at), holder, start_after, limit)
            .map_err(runtime_error)
    }

    fn accreditation(
        &self,
        university: InstitutionId,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Option<AccreditationJson>> {
        let record = self
            .client
            .runtime_api()
            .accreditation(block_or_best(&*self.client, at), university)
            .map_err(runtime_error)?;
        Ok(record.map(|record| {
            let (standing, resume_until) = match record.standing {
                Standing::Accredited => ("accredited", None),
                Standing::Suspended { resume_until } => ("suspended", Some(iso_date(resume_until))),
                Standing::Withdrawn => ("withdrawn", None),
            };
            AccreditationJson {
                periods: record.periods.into_iter().map(PeriodJson::from).collect(),
                standing: standing.into(),
                resume_until,
                may_issue_today: record.may_issue_today,
            }
        }))
    }
}
