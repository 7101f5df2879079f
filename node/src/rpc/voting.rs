//! `voting_*`: e-voting's runtime API (`EVotingApi`) as JSON methods for curl users: an election
//! with its phase, its count as far as it may be known, and whether a citizen voted (never how).
//! Each method calls the runtime API at the block asked for (the best block if omitted) and
//! answers with the runtime-API types as they serialize themselves (`govchain_primitives::json`).
//! Metadata-driven clients and light clients call the runtime API directly.

use std::sync::Arc;

use super::{block_or_best, errors::runtime_error};
use govchain_primitives::identity::CitizenId;
use govchain_runtime::{opaque::Block, BlockNumber};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_e_voting::{ElectionId, ElectionInfo, TallyInfo, VoterStatus};
use pallet_e_voting_runtime_api::EVotingApi as EVotingRuntimeApi;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// E-voting's read methods; `at` is a block hash, the best block if omitted. An unknown
/// election gives `null`.
#[rpc(server)]
pub trait VotingApi<BlockHash> {
    /// An election: options, electorate, schedule, mode, status and phase:
    /// `EVotingApi::election`.
    #[method(name = "voting_election")]
    fn election(
        &self,
        election: ElectionId,
        at: Option<BlockHash>,
    ) -> RpcResult<Option<ElectionInfo<BlockNumber>>>;

    /// The count: ballots cast, votes per option (in ballot order) once they may be known, and
    /// the closing figures once final: `EVotingApi::tally`.
    #[method(name = "voting_results")]
    fn results(
        &self,
        election: ElectionId,
        at: Option<BlockHash>,
    ) -> RpcResult<Option<TallyInfo<BlockNumber>>>;

    /// Whether a citizen voted: `notVoted`, `voted` (a public vote, a secret ballot revealed
    /// and counted, or an encrypted ballot) or `sealed` (a secret ballot not revealed); never
    /// how: `EVotingApi::voter_status`.
    #[method(name = "voting_voterStatus")]
    fn voter_status(
        &self,
        election: ElectionId,
        citizen: CitizenId,
        at: Option<BlockHash>,
    ) -> RpcResult<Option<VoterStatus>>;
}

/// Serves [`VotingApiServer`] from the client's runtime API.
pub struct Voting<C> {
    client: Arc<C>,
}

impl<C> Voting<C> {
    pub fn new(client: Arc<C>) -> Self {
        Self { client }
    }
}

impl<C> VotingApiServer<<Block as BlockT>::Hash> for Voting<C>
where
    C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
    C::Api: EVotingRuntimeApi<Block, BlockNumber>,
{
    fn election(
        &self,
        election: ElectionId,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Option<ElectionInfo<BlockNumber>>> {
        self.client
            .runtime_api()
            .election(block_or_best(&*self.client, at), election)
            .map_err(runtime_error)
    }

    fn results(
        &self,
        election: ElectionId,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Option<TallyInfo<BlockNumber>>> {
        self.client
            .runtime_api()
            .tally(block_or_best(&*self.client, at), election)
            .map_err(runtime_error)
    }

    fn voter_status(
        &self,
        election: ElectionId,
        citizen: CitizenId,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Option<VoterStatus>> {
        self.client
            .runtime_api()
            .voter_status(block_or_best(&*self.client, at), election, citizen)
            .map_err(runtime_error)
    }
}
