//! `cbdc_*`: the digital currency's runtime API (`CbdcApi`) as JSON methods for curl users: a
//! holder's balance with its limits, what it may still receive and send today and any freeze,
//! and the reserve summary (assets, reserve value, supply, coverage). Each method calls the
//! runtime API at the block asked for (the best block if omitted) and answers with the
//! runtime-API types as they serialize themselves (`govchain_primitives::json`: amounts as
//! decimal strings in the currency's smallest unit, since they may exceed what JSON numbers hold
//! exactly). Metadata-driven clients and light clients call the runtime API directly.

use std::sync::Arc;

use super::{block_or_best, errors::runtime_error};
use govchain_primitives::identity::Party;
use govchain_runtime::{opaque::Block, Balance, BlockNumber};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_cbdc_reserve::{BalanceInfo, ReserveSummary};
use pallet_cbdc_reserve_runtime_api::CbdcApi as CbdcRuntimeApi;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// The currency's read methods; `at` is a block hash, the best block if omitted.
#[rpc(server)]
pub trait CbdcApi<BlockHash> {
    /// A holder's balance, limits, what it may still receive and send today, and any freeze:
    /// `CbdcApi::balance`.
    #[method(name = "cbdc_balance")]
    fn balance(
        &self,
        holder: Party,
        at: Option<BlockHash>,
    ) -> RpcResult<BalanceInfo<Balance, BlockNumber>>;

    /// The reserve assets, reserve value, supply, coverage and mint headroom:
    /// `CbdcApi::reserve`.
    #[method(name = "cbdc_reserve")]
    fn reserve(&self, at: Option<BlockHash>) -> RpcResult<ReserveSummary<Balance>>;
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
        holder: Party,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<BalanceInfo<Balance, BlockNumber>> {
        self.client
            .runtime_api()
            .balance(block_or_best(&*self.client, at), holder)
            .map_err(runtime_error)
    }

    fn reserve(&self, at: Option<<Block as BlockT>::Hash>) -> RpcResult<ReserveSummary<Balance>> {
        self.client
            .runtime_api()
            .reserve(block_or_best(&*self.client, at))
            .map_err(runtime_error)
    }
}
