//! `cbdc_*`: a holder's balance with its limits and what it may still receive and send today,
//! and the reserve summary (assets, reserve value, supply, coverage), as JSON. Amounts are
//! decimal strings in the currency's smallest unit, since they may exceed what JSON numbers
//! hold exactly.

use std::sync::Arc;

use super::{block_or_best, errors::runtime_error, land_titles::PartyJson};
use govchain_runtime::{opaque::Block, Balance, BlockNumber};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_cbdc_reserve::{AssetClass, BalanceInfo, Limits, ReserveSummary};
use pallet_cbdc_reserve_runtime_api::CbdcApi as CbdcRuntimeApi;
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::traits::Block as BlockT;

/// A balance cap and a daily outflow limit.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct LimitsJson {
    pub balance_cap: String,
    pub daily_outflow: String,
}

impl From<Limits<Balance>> for LimitsJson {
    fn from(limits: Limits<Balance>) -> Self {
        Self {
            balance_cap: limits.balance_cap.to_string(),
            daily_outflow: limits.daily_outflow.to_string(),
        }
    }
}

/// A court freeze.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct FreezeJson {
    pub court: u32,
    pub case: H256,
    pub since: BlockNumber,
}

/// A holder's balance; `limits`, `receivable` and `sendableToday` are `null` for banks.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct BalanceJson {
    pub balance: String,
    pub limits: Option<LimitsJson>,
    pub receivable: Option<String>,
    pub sendable_today: Option<String>,
    pub verified: bool,
    pub freeze: Option<FreezeJson>,
}

impl From<BalanceInfo<Balance, BlockNumber>> for BalanceJson {
    fn from(info: BalanceInfo<Balance, BlockNumber>) -> Self {
        Self {
            balance: info.balance.to_string(),
            limits: info.limits.map(LimitsJson::from),
            receivable: info.receivable.map(|amount| amount.to_string()),
            sendable_today: info.sendable_today.map(|amount| amount.to_string()),
            verified: info.verified,
            freeze: info.freeze.map(|freeze| FreezeJson {
                court: freeze.court,
                case: freeze.case,
                since: freeze.since,
            }),
        }
    }
}

/// A reserve asset: `class` is `gold`, `foreignCurrency`, `crypto` or `other`; `reportHash`
/// and `reportDate` name the central bank's report, `audit` the auditor's attestation of this
/// quantity and valuation (`null` until attested), `counted` what counts towards coverage.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ReserveAssetJson {
    pub id: u32,
    pub class: String,
    pub code: String,
    pub quantity: String,
    pub valuation: String,
    pub report_hash: H256,
    pub report_date: u32,
    pub audit: Option<AuditJson>,
    pub counted: String,
}

/// An auditor's attestation: the auditor institution and its report.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct AuditJson {
    pub auditor: u32,
    pub report_hash: H256,
    pub report_date: u32,
}

/// The reserve and the currency issued against it. `reserveValue` is the sum of attested
/// valuations; `coveragePpm` is supply in parts per million of it (`null` without reserve);
/// `coverageDeficit` how far supply exceeds the coverage limit.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ReserveJson {
    pub assets: Vec<ReserveAssetJson>,
    pub reserve_value: String,
    pub unattested_assets: u32,
    pub coverage_deficit: String,
    pub total_supply: String,
    pub max_coverage_percent: u32,
    pub coverage_ppm: Option<String>,
    pub mint_headroom: String,
}

fn class_code(class: AssetClass) -> &'static str {
    match class {
        AssetClass::Gold => "gold",
        AssetClass::ForeignCurrency => "foreignCurrency",
        AssetClass::Crypto => "crypto",
        AssetClass::Other => "other",
    }
}

impl From<ReserveSummary<Balance>> for ReserveJson {
    fn from(summary: ReserveSummary<Balance>) -> Self {
        Self {
            assets: summary
                .assets
                .into_iter()
                .map(|(id, asset)| ReserveAssetJson {
                    id,
                    class: class_code(asset.class).into(),
                    // The pallet admits only capital ASCII letters and digits.
                    code: String::from_utf8_lossy(&asset.code).into_owned(),
                    quantity: asset.quantity.to_string(),
                    valuation: asset.valuation.to_string(),
                    report_hash: asset.attestation.report_hash,
                    report_date: asset.attestation.date,
                    audit: asset.audit.map(|audit| AuditJson {
                        auditor: audit.auditor,
                        report_hash: audit.report.report_hash,
                        report_date: audit.report.date,
                    }),
                    counted: asset.counted.to_string(),
                })
                .collect(),
            reserve_value: summary.reserve_value.to_string(),
            unattested_assets: summary.unattested_assets,
            coverage_deficit: summary.coverage_deficit.to_string(),
            total_supply: summary.total_supply.to_string(),
            max_coverage_percent: summary.max_coverage_percent,
            coverage_ppm: summary.coverage_ppm.map(|ppm| ppm.to_string()),
            mint_headroom: summary.mint_headroom.to_string(),
        }
    }
}

/// The currency's read methods; `at` is a block hash, the best block if omitted.
#[rpc(server)]
pub trait CbdcApi<BlockHash> {
    /// A holder's balance, limits, what it may still receive and send today, and any freeze.
    #[method(name = "cbdc_balance")]
    fn balance(&self, holder: PartyJson, at: Option<BlockHash>) -> RpcResult<BalanceJson>;

    /// The reserve assets, reserve value, supply, coverage and mint headroom.
    #[method(name = "cbdc_reserve")]
    fn reserve(&self, at: Option<BlockHash>) -> RpcResult<ReserveJson>;
}

/// Serves [`CbdcApiServer`] from the client's runtime API.
pub struct Cbdc<C> {
    client: Arc<C>,
}

impl<C> Cbdc<C> {
    pub fn new(client: Arc<C>) -> Self {
        Self { client }
    }
}

impl<C> CbdcApiServer<<Block as BlockT>::Hash> for Cbdc<C>
where
    C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
    C::Api: CbdcRuntimeApi<Block, Balance, BlockNumber>,
{
    fn balance(
        &self,
        holder: PartyJson,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<BalanceJson> {
        let at = block_or_best(&*self.client, at);
        let info = self
            .client
            .runtime_api()
            .balance(at, holder.into())
            .map_err(runtime_error)?;
        Ok(info.into())
    }

    fn reserve(&self, at: Option<<Block as BlockT>::Hash>) -> RpcResult<ReserveJson> {
        let at = block_or_best(&*self.client, at);
        let summary = self
            .client
            .runtime_api()
            .reserve(at)
            .map_err(runtime_error)?;
        Ok(summary.into())
    }
}
