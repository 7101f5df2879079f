//! `diplomas_*`: the diploma register's runtime API (`DiplomasApi`) as JSON methods for curl
//! users. Each method calls the runtime API at the block asked for (the best block if omitted)
//! and answers with the runtime-API types as they serialize themselves
//! (`govchain_primitives::json`): no types, codes or calendars are kept here. Metadata-driven
//! clients and light clients call the runtime API directly.

use std::sync::Arc;

use super::{
    block_or_best,
    errors::{invalid_params, page_limit, runtime_error},
};
use govchain_primitives::identity::{CitizenId, InstitutionId};
use govchain_runtime::{opaque::Block, BlockNumber};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_diplomas::{
    is_valid_serial, AccreditationRecord, DiplomaId, DiplomaRecord, Issuer, Serial, Verification,
    MAX_SERIAL_LEN,
};
use pallet_diplomas_runtime_api::{DiplomasApi as DiplomasRuntimeApi, MAX_PAGE};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::traits::Block as BlockT;

/// The diploma register's read methods; `at` is a block hash, the best block if omitted.
#[rpc(server)]
pub trait DiplomasApi<BlockHash> {
    /// Verifies a diploma id against the hash of the document a verifier holds:
    /// `DiplomasApi::verify`.
    #[method(name = "diplomas_verify")]
    fn verify(
        &self,
        #[argument(rename = "diplomaId")] diploma_id: DiplomaId,
        #[argument(rename = "documentHash")] document_hash: H256,
        at: Option<BlockHash>,
    ) -> RpcResult<Verification<BlockNumber>>;

    /// A diploma with its history, or `null` if no diploma has the id.
    #[method(name = "diplomas_diploma")]
    fn diploma(
        &self,
        #[argument(rename = "diplomaId")] diploma_id: DiplomaId,
        at: Option<BlockHash>,
    ) -> RpcResult<Option<DiplomaRecord<BlockNumber>>>;

    /// The id of the diploma `issuer` numbered `serial`, whether or not it is registered.
    #[method(name = "diplomas_id")]
    fn diploma_id(
        &self,
        issuer: Issuer,
        serial: String,
        at: Option<BlockHash>,
    ) -> RpcResult<DiplomaId>;

    /// Up to `limit` (default and maximum 1000) ids of the diplomas a citizen holds, in
    /// storage order; pass the last one as `startAfter` for the next page.
    #[method(name = "diplomas_ofHolder")]
    fn diplomas_of(
        &self,
        holder: CitizenId,
        #[argument(rename = "startAfter")] start_after: Option<DiplomaId>,
        limit: Option<u32>,
        at: Option<BlockHash>,
    ) -> RpcResult<Vec<DiplomaId>>;

    /// A university's accreditation periods and standing, or `null` if never accredited.
    #[method(name = "diplomas_accreditation")]
    fn accreditation(
        &self,
        university: InstitutionId,
        at: Option<BlockHash>,
    ) -> RpcResult<Option<AccreditationRecord>>;
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
        diploma_id: DiplomaId,
        document_hash: H256,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Verification<BlockNumber>> {
        self.client
            .runtime_api()
            .verify(block_or_best(&*self.client, at), diploma_id, document_hash)
            .map_err(runtime_error)
    }

    fn diploma(
        &self,
        diploma_id: DiplomaId,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Option<DiplomaRecord<BlockNumber>>> {
        self.client
            .runtime_api()
            .diploma(block_or_best(&*self.client, at), diploma_id)
            .map_err(runtime_error)
    }

    fn diploma_id(
        &self,
        issuer: Issuer,
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
                issuer,
                serial.into_inner(),
            )
            .map_err(runtime_error)?
            .ok_or_else(|| invalid_params("the runtime refused the serial number"))
    }

    fn diplomas_of(
        &self,
        holder: CitizenId,
        start_after: Option<DiplomaId>,
        limit: Option<u32>,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Vec<DiplomaId>> {
        let limit = page_limit(limit, MAX_PAGE)?;
        self.client
            .runtime_api()
            .diplomas_of(block_or_best(&*self.client, at), holder, start_after, limit)
            .map_err(runtime_error)
    }

    fn accreditation(
        &self,
        university: InstitutionId,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Option<AccreditationRecord>> {
        self.client
            .runtime_api()
            .accreditation(block_or_best(&*self.client, at), university)
            .map_err(runtime_error)
    }
}
