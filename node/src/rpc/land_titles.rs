//! `landTitles_*`: the land registry's runtime API (`LandTitlesApi`) as JSON methods for curl
//! users: parcels with their titles, liens, freezes and lineage, a parcel's history, the parcels
//! of an owner. Each method calls the runtime API at the block asked for (the best block if
//! omitted) and answers with the runtime-API types as they serialize themselves
//! (`govchain_primitives::json`). Metadata-driven clients and light clients call the runtime
//! API directly.

use std::sync::Arc;

use super::{
    block_or_best,
    errors::{invalid_params, page_limit, runtime_error},
};
use govchain_primitives::identity::Party;
use govchain_runtime::{opaque::Block, BlockNumber};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_land_titles::{
    CadastralNumber, HistoryEntry, ParcelId, ParcelRecord, MAX_CADASTRAL_NUMBER_LEN,
};
use pallet_land_titles_runtime_api::{LandTitlesApi as LandTitlesRuntimeApi, MAX_PAGE};
use serde::Serialize;
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// A page of a parcel's history: `LandTitlesApi::title_history`'s answer with its two parts
/// named.
#[derive(Serialize, Clone, Debug)]
pub struct HistoryPage {
    /// How many entries the parcel's history holds in all.
    pub total: u32,
    /// The entries asked for, oldest first: the first is entry number `from`.
    pub entries: Vec<HistoryEntry<BlockNumber>>,
}

/// The land registry's read methods; `at` is a block hash, the best block if omitted.
#[rpc(server)]
pub trait LandTitlesApi<BlockHash> {
    /// A parcel, live or retired, or `null` if no parcel has the number.
    #[method(name = "landTitles_parcel")]
    fn parcel(
        &self,
        parcel: ParcelId,
        at: Option<BlockHash>,
    ) -> RpcResult<Option<ParcelRecord<BlockNumber>>>;

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
        owner: Party,
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
    ) -> RpcResult<Option<HistoryPage>>;
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
    ) -> RpcResult<Option<ParcelRecord<BlockNumber>>> {
        self.client
            .runtime_api()
            .parcel(block_or_best(&*self.client, at), parcel)
            .map_err(runtime_error)
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
        owner: Party,
        start_after: Option<ParcelId>,
        limit: Option<u32>,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Vec<ParcelId>> {
        let limit = page_limit(limit, MAX_PAGE)?;
        self.client
            .runtime_api()
            .parcels_of(block_or_best(&*self.client, at), owner, start_after, limit)
            .map_err(runtime_error)
    }

    fn history(
        &self,
        parcel: ParcelId,
        from: Option<u32>,
        limit: Option<u32>,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Option<HistoryPage>> {
        let limit = page_limit(limit, MAX_PAGE)?;
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
        Ok(history.map(|(total, entries)| HistoryPage { total, entries }))
    }
}
