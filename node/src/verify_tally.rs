//! `govchain-node verify-tally --election N [--url ws://…] [--at 0x…]`: checks an encrypted
//! election's public record as a node serves it, without trusting the node's arithmetic: the
//! record and every ballot are read through the e-voting runtime API (`state_call`), and every
//! ballot's proof, the encrypted sums, the trustees' decryption shares and the published counts
//! are checked here ([`pallet_e_voting_runtime_api::verifier`]). Prints `tally verified: …` and
//! exits 0, or prints the first inconsistency (naming the ballot's citizen, the option or the
//! trustee) and exits 1.
//!
//! It trusts the node for *which* data the chain holds (read your own node's, or compare
//! several); the checks need no trust.

use crate::chain_client::runtime_call;
use codec::Encode;
use govchain_primitives::identity::CitizenId;
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClientBuilder};
use pallet_e_voting_runtime_api::{
    verifier::{verify_tally, Outcome},
    ElectionId, EncryptedRecord, MAX_BALLOT_PAGE,
};
use sp_core::H256;
use std::str::FromStr;

/// `verify-tally`'s arguments.
#[derive(Debug, Clone, clap::Parser)]
pub struct VerifyTallyCmd {
    /// The encrypted election to check.
    #[arg(long)]
    pub election: ElectionId,

    /// The node to read from: its WebSocket RPC address.
    #[arg(long, default_value = "ws://127.0.0.1:9944")]
    pub url: String,

    /// The block to read at (its hash, 0x…); the node's finalized head if not given.
    #[arg(long)]
    pub at: Option<String>,
}

impl VerifyTallyCmd {
    /// Reads and checks the record; `Err` if the node cannot be read or the record does not
    /// verify.
    pub fn run(&self) -> sc_cli::Result<()> {
        let runtime = crate::chain_client::runtime()?;
        let (at, outcome) = runtime.block_on(self.check())?;
        println!("election {} at block {at:?}: {outcome}", self.election);
        match outcome {
            Outcome::Verified(_) => Ok(()),
            Outcome::NoRecord | Outcome::Inconsistent(_) => Err(sc_cli::Error::Input(
                "the election's record does not verify".into(),
            )),
        }
    }

    async fn check(&self) -> Result<(H256, Outcome), String> {
        let client = WsClientBuilder::default()
            .max_response_size(64 * 1024 * 1024)
            .build(&self.url)
            .await
            .map_err(|error| format!("cannot reach {}: {error}", self.url))?;
        let at = match &self.at {
            Some(hash) => H256::from_str(hash).map_err(|error| format!("--at {hash}: {error}"))?,
            None => client
                .request("chain_getFinalizedHead", rpc_params![])
                .await
                .map_err(|error| format!("chain_getFinalizedHead: {error}"))?,
        };
        let record: Option<EncryptedRecord> = runtime_call(
            &client,
            at,
            "EVotingApi_encrypted_record",
            self.election.encode(),
        )
        .await?;
        let mut pages = Vec::new();
        // The pages are read first (the check runs synchronously over them), no more than the
        // record says were counted and one page beyond: a node that kept answering (or repeated a
        // page) cannot keep the command reading, and the extra ballots still show as a
        // `BallotCount` inconsistency.
        if let Some(record) = &record {
            let mut after: Option<CitizenId> = None;
            let mut read: u64 = 0;
            while read <= record.counted {
                let page: Vec<(CitizenId, Vec<u8>)> = runtime_call(
                    &client,
                    at,
                    "EVotingApi_encrypted_ballots",
                    (self.election, after, MAX_BALLOT_PAGE).encode(),
                )
                .await?;
                let Some((last, _)) = page.last() else {
                    break;
                };
                after = Some(*last);
                read = read.saturating_add(page.len() as u64);
                pages.push(page);
            }
        }
        let mut pages = pages.into_iter();
        let outcome = verify_tally(self.election, record, |_| {
            Ok::<_, String>(pages.next().unwrap_or_default())
        })?;
        Ok((at, outcome))
    }
}
