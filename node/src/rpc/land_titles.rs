//! `landTitles_*`: the land registry's parcels, titles, liens, freezes, lineage and history,
//! and the parcels of an owner, as JSON an explorer can show without SCALE decoding.

use std::sync::Arc;

use super::{
    block_or_best,
    errors::{invalid_params, runtime_error},
};
use govchain_primitives::identity::{CitizenId, InstitutionId, Party};
use govchain_runtime::{opaque::Block, BlockNumber};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_land_titles::{
    CadastralNumber, HistoryEntry, ParcelId, ParcelRecord, TitleChange, MAX_CADASTRAL_NUMBER_LEN,
};
use pallet_land_titles_runtime_api::{LandTitlesApi as LandTitlesRuntimeApi, MAX_PAGE};
use serde::{Deserialize, Serialize};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::traits::Block as BlockT;

/// An owner or buyer: `{"citizen": 5}` or `{"institution": 2}`.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub enum PartyJson {
    /// A citizen, by citizen id.
    Citizen(CitizenId),
    /// An institution, by institution id.
    Institution(InstitutionId),
}

impl From<Party> for PartyJson {
    fn from(party: Party) -> Self {
        match party {
            Party::Citizen(id) => Self::Citizen(id),
            Party::Institution(id) => Self::Institution(id),
        }
    }
}

impl From<PartyJson> for Party {
    fn from(party: PartyJson) -> Self {
        match party {
            PartyJson::Citizen(id) => Self::Citizen(id),
            PartyJson::Institution(id) => Self::Institution(id),
        }
    }
}

/// An owner's share, in parts per million.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct HoldingJson {
    pub owner: PartyJson,
    pub share_ppm: u32,
}

/// A lien, with its rank (1 is the highest).
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct LienJson {
    pub id: u64,
    pub rank: u32,
    pub bank: InstitutionId,
    pub reference: H256,
    pub registered_at: BlockNumber,
}

/// A court freeze.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct FreezeJson {
    pub court: InstitutionId,
    pub case: H256,
    pub since: BlockNumber,
}

/// Everything known about a parcel.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ParcelJson {
    pub id: ParcelId,
    pub cadastral_number: String,
    pub area_square_metres: u64,
    pub land_use: u16,
    pub document_hash: H256,
    pub live: bool,
    pub registered_at: BlockNumber,
    pub retired_at: Option<BlockNumber>,
    pub title: Vec<HoldingJson>,
    pub parents: Vec<ParcelId>,
    pub children: Vec<ParcelId>,
    pub liens: Vec<LienJson>,
    pub freeze: Option<FreezeJson>,
}

impl From<ParcelRecord<BlockNumber>> for ParcelJson {
    fn from(record: ParcelRecord<BlockNumber>) -> Self {
        Self {
            id: record.id,
            // The pallet admits only ASCII letters, digits and separators.
            cadastral_number: String::from_utf8_lossy(&record.spec.cadastral_number).into_owned(),
            area_square_metres: record.spec.area,
            land_use: record.spec.land_use,
            document_hash: record.spec.document_hash,
            live: record.retired_at.is_none(),
            registered_at: record.registered_at,
            retired_at: record.retired_at,
            title: record
                .title
                .into_iter()
                .map(|holding| HoldingJson {
                    owner: holding.owner.into(),
                    share_ppm: holding.share.deconstruct(),
                })
                .collect(),
            parents: record.parents,
            children: record.children,
            liens: (1u32..)
                .zip(record.liens)
                .map(|(rank, lien)| LienJson {
                    id: lien.id,
                    rank,
                    bank: lien.bank,
                    reference: lien.reference,
                    registered_at: lien.registered_at,
                })
                .collect(),
            freeze: record.freeze.map(|freeze| FreezeJson {
                court: freeze.court,
                case: freeze.case,
                since: freeze.since,
            }),
        }
    }
}

/// A change to a parcel's record: `{"registered": {"registrar": 1}}`, `{"subdivided": {}}`…
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum TitleChangeJson {
    Registered {
        registrar: InstitutionId,
    },
    Transferred {
        offer: u64,
        buyer: PartyJson,
    },
    LienRegistered {
        lien: u64,
        bank: InstitutionId,
    },
    LienReleased {
        lien: u64,
        bank: InstitutionId,
    },
    Frozen {
        court: InstitutionId,
        case: H256,
    },
    FreezeLifted {
        court: InstitutionId,
    },
    LienCarried {
        lien: u64,
        bank: InstitutionId,
    },
    FreezeCarried {
        court: InstitutionId,
        case: H256,
    },
    Subdivided {},
    MergedInto {
        parcel: ParcelId,
    },
    FreezeLiftedByCouncil {
        court: InstitutionId,
        case: H256,
    },
    LienReleasedByCouncil {
        lien: u64,
        bank: InstitutionId,
        case: H256,
    },
    Inherited {
        from: u64,
        case: H256,
    },
}

impl From<TitleChange> for TitleChangeJson {
    fn from(change: TitleChange) -> Self {
        match change {
            TitleChange::Registered { registrar } => Self::Registered { registrar },
            TitleChange::Transferred { offer, buyer } => Self::Transferred {
                offer,
                buyer: buyer.into(),
            },
            TitleChange::LienRegistered { lien, bank } => Self::LienRegistered { lien, bank },
            TitleChange::LienReleased { lien, bank } => Self::LienReleased { lien, bank },
            TitleChange::Frozen { court, case } => Self::Frozen { court, case },
            TitleChange::FreezeLifted { court } => Self::FreezeLifted { court },
            TitleChange::LienCarried { lien, bank } => Self::LienCarried { lien, bank },
            TitleChange::FreezeCarried { court, case } => Self::FreezeCarried { court, case },
            TitleChange::Subdivided => Self::Subdivided {},
            TitleChange::MergedInto { parcel } => Self::MergedInto { parcel },
            TitleChange::FreezeLiftedByCouncil { court, case } => {
                Self::FreezeLiftedByCouncil { court, case }
            }
            TitleChange::LienReleasedByCouncil { lien, bank, case } => {
                Self::LienReleasedByCouncil { lien, bank, case }
            }
            TitleChange::Inherited { from, case } => Self::Inherited { from, case },
        }
    }
}

/// One entry of a parcel's history: its number, the block, the change.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntryJson {
    pub index: u32,
    pub at: BlockNumber,
    pub change: TitleChangeJson,
}

/// A page of a parcel's history, and how many entries it holds in all.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct HistoryJson {
    pub parcel: ParcelId,
    pub total: u32,
    pub entries: Vec<HistoryEntryJson>,
}

impl HistoryJson {
    fn new(
        parcel: ParcelId,
        from: u32,
        total: u32,
        entries: Vec<HistoryEntry<BlockNumber>>,
    ) -> Self {
        Self {
            parcel,
            total,
            entries: (from..)
                .zip(entries)
                .map(|(index, entry)| HistoryEntryJson {
                    index,
                    at: entry.at,
                    change: entry.change.into(),
                })
                .collect(),
        }
    }
}

/// The land registry's read methods; `at` is a block hash, the best block if omitted.
#[rpc(server)]
pub trait LandTitlesApi<BlockHash> {
    /// A parcel, live or retired, or `null` if no parcel has the number.
    #[method(name = "landTitles_parcel")]
    fn parcel(&self, parcel: ParcelId, at: Option<BlockHash>) -> RpcResult<Option<ParcelJson>>;

    /// The number of the parcel with a cadastral number, or `null`.
    #[method(name = "landTitles_parcelByCadastralNumber")]
    fn parcel_by_cadastral_number(
        &self,
        number: String,
        at: Option<BlockHash>,
    ) -> RpcResult<Option<ParcelId>>;

    /// Up to `limit` (default and maximum 1000) live parcels `owner` holds a share of, in
    /// storage order; pass the last one as `startAfter` for the next page.
    #[method(name = "landTitles_parcelsOf")]
    fn parcels_of(
        &self,
        owner: PartyJson,
        start_after: Option<ParcelId>,
        limit: Option<u32>,
        at: Option<BlockHash>,
    ) -> RpcResult<Vec<ParcelId>>;

    /// A parcel's changes, oldest first: up to `limit` (default and maximum 1000) from number
    /// `from` (default 0) on, with the total; `null` if no parcel has the number.
    #[method(name = "landTitles_history")]
    fn history(
        &self,
        parcel: ParcelId,
        from: Option<u32>,
        limit: Option<u32>,
        at: Option<BlockHash>,
    ) -> RpcResult<Option<HistoryJson>>;
}

/// Serves [`LandTitlesApiServer`] from the client's runtime API.
pub struct LandTitles<C> {
    client: Arc<C>,
}

impl<C> LandTitles<C> {
    pub fn new(client: Arc<C>) -> Self {
        Self { client }
    }
}

impl<C> LandTitlesApiServer<<Block as BlockT>::Hash> for LandTitles<C>
where
    C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
    C::Api: LandTitlesRuntimeApi<Block, BlockNumber>,
{
    fn parcel(
        &self,
        parcel: ParcelId,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Option<ParcelJson>> {
        let record = self
            .client
            .runtime_api()
            .parcel(block_or_best(&*self.client, at), parcel)
            .map_err(runtime_error)?;
        Ok(record.map(ParcelJson::from))
    }

    fn parcel_by_cadastral_number(
        &self,
        number: String,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Option<ParcelId>> {
        let number = CadastralNumber::try_from(number.into_bytes()).map_err(|_| {
            invalid_params(format!(
                "a cadastral number is at most {MAX_CADASTRAL_NUMBER_LEN} bytes"
            ))
        })?;
        self.client
            .runtime_api()
            .parcel_by_cadastral_number(block_or_best(&*self.client, at), number.into_inner())
            .map_err(runtime_error)
    }

    fn parcels_of(
        &self,
        owner: PartyJson,
        start_after: Option<ParcelId>,
        limit: Option<u32>,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Vec<ParcelId>> {
        let limit = page_limit(limit)?;
        self.client
            .runtime_api()
            .parcels_of(
                block_or_best(&*self.client, at),
                owner.into(),
                start_after,
                limit,
            )
            .map_err(runtime_error)
    }

    fn history(
        &self,
        parcel: ParcelId,
        from: Option<u32>,
        limit: Option<u32>,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Option<HistoryJson>> {
        let limit = page_limit(limit)?;
        let from = from.unwrap_or(0);
        let at = block_or_best(&*self.client, at);
        let api = self.client.runtime_api();
        let version = api
            .api_version::<dyn LandTitlesRuntimeApi<Block, BlockNumber>>(at)
            .map_err(runtime_error)?;
        if version.unwrap_or(0) < 2 {
            return Err(invalid_params(
                "the runtime at this block keeps no title history (LandTitlesApi before version 2)",
            ));
        }
        let history = api
            .title_history(at, parcel, from, limit)
            .map_err(runtime_error)?;
        Ok(history.map(|(total, entries)| HistoryJson::new(parcel, from, total, entries)))
    }
}

/// A page size between 1 and [`MAX_PAGE`], the maximum if none is given.
fn page_limit(limit: Option<u32>) -> RpcResult<u32> {
    let limit = limit.unwrap_or(MAX_PAGE);
    if limit == 0 || limit > MAX_PAGE {
        return Err(invalid_params(format!(
            "limit must be between 1 and {MAX_PAGE}"
        )));
    }
    Ok(limit)
}
