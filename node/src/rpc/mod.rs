//! The node's own RPC methods, beside the standard ones `sc-service` serves.

mod cbdc;
mod diplomas;
mod errors;
mod land_titles;
mod voting;

use std::sync::Arc;

use govchain_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// The block a registry method answers at: the one asked for, or the best block.
fn block_or_best<C: HeaderBackend<Block>>(
    client: &C,
    at: Option<<Block as sp_runtime::traits::Block>::Hash>,
) -> <Block as sp_runtime::traits::Block>::Hash {
    at.unwrap_or_else(|| client.info().best_hash)
}

/// What the RPC methods read from.
pub struct FullDeps<C, P> {
    /// The client: chain data and runtime calls.
    pub client: Arc<C>,
    /// The transaction pool.
    pub pool: Arc<P>,
}

/// All the node's own RPC methods: `system_accountNextIndex`, `payment_*`, `landTitles_*`,
/// `diplomas_*`, `cbdc_*` and `voting_*`.
pub fn create_full<C, P>(
    deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
    C: ProvideRuntimeApi<Block>
        + HeaderBackend<Block>
        + HeaderMetadata<Block, Error = BlockChainError>
        + Send
        + Sync
        + 'static,
    C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
    C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
    C::Api: pallet_land_titles_runtime_api::LandTitlesApi<Block, BlockNumber>,
    C::Api: pallet_diplomas_runtime_api::DiplomasApi<Block, BlockNumber>,
    C::Api: pallet_cbdc_reserve_runtime_api::CbdcApi<Block, Balance, BlockNumber>,
    C::Api: pallet_e_voting_runtime_api::EVotingApi<Block, BlockNumber>,
    C::Api: BlockBuilder<Block>,
    P: TransactionPool + 'static,
{
    use cbdc::{Cbdc, CbdcApiServer};
    use diplomas::{Diplomas, DiplomasApiServer};
    use land_titles::{LandTitles, LandTitlesApiServer};
    use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
    use substrate_frame_rpc_system::{System, SystemApiServer};
    use voting::{Voting, VotingApiServer};

    let mut module = RpcModule::new(());
    let FullDeps { client, pool } = deps;

    module.merge(System::new(client.clone(), pool).into_rpc())?;
    module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
    module.merge(LandTitles::new(client.clone()).into_rpc())?;
    module.merge(Diplomas::new(client.clone()).into_rpc())?;
    module.merge(Cbdc::new(client.clone()).into_rpc())?;
    module.merge(Voting::new(client).into_rpc())?;

    Ok(module)
}
