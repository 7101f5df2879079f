//! `voting_*`: an election with its phase, its results as far as they may be known, and whether
//! a citizen voted (never how), as JSON an explorer or a voter's app can show without SCALE
//! decoding. Block numbers are numbers; option codes are strings.

use std::sync::Arc;

use super::{block_or_best, errors::runtime_error};
use govchain_primitives::identity::{CitizenId, InstitutionId, RegionCode};
use govchain_runtime::{opaque::Block, BlockNumber};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_e_voting::{
    BallotMode, Canceller, Closure, ElectionId, ElectionInfo, ElectionStatus, Failure, Phase,
    VoterStatus,
};
use pallet_e_voting_runtime_api::EVotingApi as EVotingRuntimeApi;
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::traits::Block as BlockT;

/// An option on the ballot: its code and the hash of its full text.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct OptionJson {
    pub code: String,
    pub text_hash: H256,
}

/// Who cancelled: `{"commission": 0}` or `{"council": {"reason": "0x…"}}`.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub enum CancellerJson {
    Commission(InstitutionId),
    Council { reason: H256 },
}

/// A cancellation: who and at which block.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct CancellationJson {
    pub by: CancellerJson,
    pub at: BlockNumber,
}

/// The figures fixed at closing. `turnoutPpm` is ballots cast per eligible citizen, in parts
/// per million.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ClosureJson {
    pub closed_at: BlockNumber,
    pub eligible: u64,
    pub spoiled: u64,
    pub turnout_ppm: u32,
}

impl From<Closure<BlockNumber>> for ClosureJson {
    fn from(closure: Closure<BlockNumber>) -> Self {
        Self {
            closed_at: closure.closed_at,
            eligible: closure.eligible,
            spoiled: closure.spoiled,
            turnout_ppm: closure.turnout.deconstruct(),
        }
    }
}

/// An election. `mode` is `public`, `secret` (with `revealEnds`) or `encrypted` (with
/// `threshold` and `tallyEnds`); `regions` is `null` when all citizens may vote; `phase` is
/// `scheduled`, `voting`, `revealing`, `closing`, `tallying`, `closed`, `failed` or `cancelled`;
/// `closure` holds the voting figures from the end of voting (a tallying encrypted election's
/// too), `failure` a failed encrypted election's reason.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ElectionJson {
    pub id: ElectionId,
    pub commission: InstitutionId,
    pub question_hash: H256,
    pub options: Vec<OptionJson>,
    pub regions: Option<Vec<RegionCode>>,
    pub voting_starts: BlockNumber,
    pub voting_ends: BlockNumber,
    pub mode: String,
    pub reveal_ends: Option<BlockNumber>,
    /// An encrypted election's: how many trustees decrypt together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<u8>,
    /// An encrypted election's: the first block after its tally period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tally_ends: Option<BlockNumber>,
    pub phase: String,
    pub cancellation: Option<CancellationJson>,
    pub closure: Option<ClosureJson>,
    /// A failed encrypted election's reason (`noElectionKey`, `noTally`) and block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<FailureJson>,
}

/// Why and when an encrypted election failed.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct FailureJson {
    pub reason: String,
    pub at: BlockNumber,
}

fn phase_code(phase: Phase) -> &'static str {
    match phase {
        Phase::Scheduled => "scheduled",
        Phase::Voting => "voting",
        Phase::Revealing => "revealing",
        Phase::Closing => "closing",
        Phase::Closed => "closed",
        Phase::Cancelled => "cancelled",
        Phase::Tallying => "tallying",
        Phase::Failed => "failed",
    }
}

impl ElectionJson {
    fn new(id: ElectionId, info: ElectionInfo<BlockNumber>) -> Self {
        let (mode, reveal_ends, threshold, tally_ends) = match info.mode {
            BallotMode::Public => ("public", None, None, None),
            BallotMode::Secret { reveal_ends } => ("secret", Some(reveal_ends), None, None),
            BallotMode::Encrypted {
                threshold,
                tally_ends,
            } => ("encrypted", None, Some(threshold), Some(tally_ends)),
        };
        let failure = match info.status {
            ElectionStatus::Failed { reason, at } => Some(FailureJson {
                reason: match reason {
                    Failure::NoElectionKey => "noElectionKey",
                    Failure::NoTally => "noTally",
                }
                .into(),
                at,
            }),
            _ => None,
        };
        let (cancellation, closure) = match info.status {
            ElectionStatus::Running | ElectionStatus::Failed { .. } => (None, None),
            ElectionStatus::Tallying(closure) => (None, Some(closure.into())),
            ElectionStatus::Cancelled { by, at } => (
                Some(CancellationJson {
                    by: match by {
                        Canceller::Commission(commission) => CancellerJson::Commission(commission),
                        Canceller::Council { reason } => CancellerJson::Council { reason },
                    },
                    at,
                }),
                None,
            ),
            ElectionStatus::Closed(closure) => (None, Some(closure.into())),
        };
        Self {
            id,
            commission: info.commission,
            question_hash: info.question_hash,
            options: info
                .options
                .into_iter()
                .map(|option| OptionJson {
                    // The pallet admits only ASCII letters, digits, `-` and `_`.
                    code: String::from_utf8_lossy(&option.code).into_owned(),
                    text_hash: option.text_hash,
                })
                .collect(),
            regions: info.regions,
            voting_starts: info.voting_starts,
            voting_ends: info.voting_ends,
            mode: mode.into(),
            reveal_ends,
            threshold,
            tally_ends,
            phase: phase_code(info.phase).into(),
            cancellation,
            closure,
            failure,
        }
    }
}

/// The votes for one option.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct OptionVotesJson {
    pub option: u8,
    pub code: String,
    pub votes: u64,
}

/// An election's count. `votes` is `null` while a secret ballot's voting is open (nothing is
/// counted before the reveal); `final` is true once the election closed.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ResultsJson {
    pub election: ElectionId,
    pub phase: String,
    pub ballots: u64,
    pub votes: Option<Vec<OptionVotesJson>>,
    #[serde(rename = "final")]
    pub is_final: bool,
    pub closure: Option<ClosureJson>,
}

/// E-voting's read methods; `at` is a block hash, the best block if omitted. An unknown
/// election gives `null`.
#[rpc(server)]
pub trait VotingApi<BlockHash> {
    /// An election: options, electorate, schedule, mode, phase, and cancellation or closure.
    #[method(name = "voting_election")]
    fn election(
        &self,
        election: ElectionId,
        at: Option<BlockHash>,
    ) -> RpcResult<Option<ElectionJson>>;

    /// The results: ballots cast, votes per option once they may be known, closing figures.
    #[method(name = "voting_results")]
    fn results(
        &self,
        election: ElectionId,
        at: Option<BlockHash>,
    ) -> RpcResult<Option<ResultsJson>>;

    /// Whether a citizen voted: `notVoted`, `voted` (a public vote, or a secret ballot
    /// revealed and counted) or `sealed` (a secret ballot not revealed); never how.
    #[method(name = "voting_voterStatus")]
    fn voter_status(
        &self,
        election: ElectionId,
        citizen: CitizenId,
        at: Option<BlockHash>,
    ) -> RpcResult<Option<String>>;
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
    ) -> RpcResult<Option<ElectionJson>> {
        let at = block_or_best(&*self.client, at);
        let info = self
            .client
            .runtime_api()
            .election(at, election)
            .map_err(runtime_error)?;
        Ok(info.map(|info| ElectionJson::new(election, info)))
    }

    fn results(
        &self,
        election: ElectionId,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Option<ResultsJson>> {
        let at = block_or_best(&*self.client, at);
        let api = self.client.runtime_api();
        let Some(info) = api.election(at, election).map_err(runtime_error)? else {
            return Ok(None);
        };
        let Some(tally) = api.tally(at, election).map_err(runtime_error)? else {
            return Ok(None);
        };
        let votes = tally.votes.map(|votes| {
            info.options
                .iter()
                .zip(votes)
                .enumerate()
                .map(|(index, (option, votes))| OptionVotesJson {
                    // Options are numbered by a `u8` on chain, so the index fits.
                    option: u8::try_from(index).unwrap_or(u8::MAX),
                    code: String::from_utf8_lossy(&option.code).into_owned(),
                    votes,
                })
                .collect()
        });
        Ok(Some(ResultsJson {
            election,
            phase: phase_code(info.phase).into(),
            ballots: tally.ballots,
            votes,
            is_final: tally.closure.is_some(),
            closure: tally.closure.map(ClosureJson::from),
        }))
    }

    fn voter_status(
        &self,
        election: ElectionId,
        citizen: CitizenId,
        at: Option<<Block as BlockT>::Hash>,
    ) -> RpcResult<Option<String>> {
        let at = block_or_best(&*self.client, at);
        let status = self
            .client
            .runtime_api()
            .voter_status(at, election, citizen)
            .map_err(runtime_error)?;
        Ok(status.map(|status| {
            match status {
                VoterStatus::NotVoted => "notVoted",
                VoterStatus::Voted => "voted",
                VoterStatus::Sealed => "sealed",
            }
            .into()
        }))
    }
}
