//! `govchain-node session-keys rotate [--url ws://127.0.0.1:9944] [--suri …]`: rotates a
//! running validator's session keys, through its own loopback RPC.
//!
//! 1. `author_rotateKeysWithOwner`: the node makes new Aura and GRANDPA keys in its keystore and
//!    signs, with each, the validator's account (the proof `session.set_keys` checks, so nobody
//!    can register keys whose secrets they do not hold);
//! 2. `author_hasSessionKeys`: the keystore holds their secrets;
//! 3. `session.set_keys(keys, proof)`, signed with the validator's account key;
//! 4. waits until the chain's `Session::NextKeys` holds the new keys at a finalized block. They
//!    sign from the session after the next one; the old keys stay in the keystore until then.
//!
//! The validator's account key is read from `--suri` or, better (the process list is public),
//! the `GOVCHAIN_VALIDATOR_SURI` environment variable. The node needs unsafe RPC methods on its
//! loopback interface (the packaged validator unit's default); nothing else of the node is
//! touched.

use codec::{Decode, Encode};
use govchain_runtime::{AccountId, Runtime, RuntimeCall, SessionKeys};
use jsonrpsee::{core::client::ClientT, rpc_params};
use sp_core::{Bytes, Pair};
use std::time::{Duration, Instant};

use crate::chain_client::{self, finalized_block, storage, submit};

/// `session-keys`'s subcommands.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum SessionKeysCmd {
    /// Make new session keys in the node's keystore and register them on chain.
    Rotate(RotateCmd),
}

/// `session-keys rotate`'s arguments.
#[derive(Debug, Clone, clap::Parser)]
pub struct RotateCmd {
    /// The validator's own node: its loopback WebSocket RPC address (unsafe methods allowed).
    #[arg(long, default_value = "ws://127.0.0.1:9944")]
    pub url: String,

    /// The validator's account key (a secret URI). Better not: the process list is public;
    /// without it, the `GOVCHAIN_VALIDATOR_SURI` environment variable.
    #[arg(long)]
    pub suri: Option<String>,

    /// How long to wait for the chain to show the new keys, in seconds.
    #[arg(long, default_value_t = 120)]
    pub timeout: u64,
}

/// What `author_rotateKeysWithOwner` answers.
#[derive(serde::Deserialize)]
struct GeneratedKeys {
    keys: Bytes,
    proof: Option<Bytes>,
}

impl SessionKeysCmd {
    pub fn run(&self) -> sc_cli::Result<()> {
        let runtime = chain_client::runtime()?;
        match self {
            Self::Rotate(cmd) => runtime.block_on(cmd.rotate()).map_err(Into::into),
        }
    }
}

impl RotateCmd {
    async fn rotate(&self) -> Result<(), String> {
        let pair = chain_client::signer(
            self.suri.as_deref(),
            "GOVCHAIN_VALIDATOR_SURI",
            "the validator's account key",
        )?;
        let account: AccountId = pair.public().into();
        let (client, genesis) = chain_client::connect(&self.url, 10 * 1024 * 1024).await?;

        let generated: GeneratedKeys = client
            .request(
                "author_rotateKeysWithOwner",
                rpc_params![Bytes(account.encode())],
            )
            .await
            .map_err(|error| {
                format!(
                    "author_rotateKeysWithOwner: {error} (the node must allow unsafe RPC methods \
                     on its loopback interface: --rpc-methods unsafe, without --rpc-external)"
                )
            })?;
        let proof = generated
            .proof
            .ok_or("the runtime made no ownership proof for the new keys")?;
        let keys = SessionKeys::decode(&mut &generated.keys[..])
            .map_err(|error| format!("the node's new keys do not decode: {error}"))?;
        println!(
            "new session keys: aura {}, grandpa {}",
            keys.aura, keys.grandpa
        );

        let held: bool = client
            .request("author_hasSessionKeys", rpc_params![generated.keys.clone()])
            .await
            .map_err(|error| format!("author_hasSessionKeys: {error}"))?;
        if !held {
            return Err("the node's keystore does not hold the keys it just made".into());
        }

        let call = RuntimeCall::Session(pallet_session::Call::set_keys {
            keys: keys.clone(),
            proof: proof.0,
        });
        submit(&client, &pair, genesis, call).await?;
        println!("session.set_keys submitted, signed by {account}");

        let key = pallet_session::NextKeys::<Runtime>::hashed_key_for(&account);
        let started = Instant::now();
        loop {
            let (at, number) = finalized_block(&client).await?;
            let registered: Option<SessionKeys> = storage(&client, at, key.clone()).await?;
            if registered.as_ref() == Some(&keys) {
                println!(
                    "finalized block #{number}: the chain holds the new keys for {account}; they \
                     sign from the session after next (keep the old ones in the keystore until \
                     then)"
                );
                return Ok(());
            }
            if started.elapsed() >= Duration::from_secs(self.timeout) {
                return Err(format!(
                    "after {} s the chain still does not hold the new keys for {account}: is it \
                     a validator account with funds for the fee?",
                    self.timeout
                ));
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    }
}
