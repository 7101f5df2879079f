//! The node, the signer, and transactions followed to finality.

use crate::values;
use std::{str::FromStr, time::Duration};
use subxt::{
    client::OnlineClientAtBlockImpl,
    config::{RpcConfigFor, SubstrateExtrinsicParamsBuilder},
    dynamic::{At as _, Value},
    error::{BackendError, DispatchError, ExtrinsicError, RpcError, TransactionEventsError},
    ext::futures::future::join_all,
    extrinsics::ExtrinsicEvents,
    rpcs::{LegacyRpcMethods, RpcClient},
    tx::{Payload, SubmittableTransaction, TransactionProgress},
    ArcMetadata, OnlineClient, OnlineClientAtBlock, SubstrateConfig,
};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// govchain's accounts, signatures and addresses are Substrate's defaults; its transaction
/// extensions are read from the metadata (the fee-or-quota extension describes itself as
/// `CheckNonce` and `ChargeTransactionPayment`).
pub type Config = SubstrateConfig;

/// The chain at one block.
pub type At = OnlineClientAtBlock<Config>;

/// What went wrong, said for the operator.
pub type Result<T> = std::result::Result<T, String>;

/// How long a transaction may take from submission to a finalized block before the run gives
/// up on it: beyond its mortality (32 blocks from the finalized block it was signed at), so a
/// transaction never included is dead by then.
const FINALITY_PATIENCE: Duration = Duration::from_secs(600);

/// A connection to a node.
pub struct Chain {
    api: OnlineClient<Config>,
    rpc: LegacyRpcMethods<RpcConfigFor<Config>>,
}

impl Chain {
    /// Connects to the node at `url` (`ws://` or `wss://`) and reads its metadata.
    pub async fn connect(url: &str) -> Result<Chain> {
        // An institution's node is often on its own network without TLS: plain `ws://` to any
        // host is allowed; use `wss://` across networks you do not control.
        let client = RpcClient::from_insecure_url(url)
            .await
            .map_err(|error| format!("cannot connect to {url}: {error}"))?;
        let api = OnlineClient::<Config>::from_rpc_client(client.clone())
            .await
            .map_err(|error| format!("cannot read the chain at {url}: {error}"))?;
        Ok(Chain {
            api,
            rpc: LegacyRpcMethods::new(client),
        })
    }

    /// The account's next nonce, counting its transactions waiting in the node's pool (a run
    /// started while an earlier one's transactions are still pending comes after them).
    pub async fn next_nonce(&self, account: [u8; 32]) -> Result<u64> {
        self.rpc
            .system_account_next_index(&subxt::utils::AccountId32(account))
            .await
            .map_err(|error| format!("cannot read the signer's nonce: {error}"))
    }

    /// The chain at its latest finalized block: what no fork can undo.
    pub async fn finalized(&self) -> Result<At> {
        self.api
            .at_current_block()
            .await
            .map_err(|error| format!("cannot read the finalized block: {error}"))
    }
}

/// A signer from a secret URI: a mnemonic with an optional derivation path, a `0x` seed, or a
/// development key such as `//Alice`.
pub fn signer(secret_uri: &str) -> Result<Keypair> {
    let uri = SecretUri::from_str(secret_uri.trim())
        .map_err(|error| format!("the signer's secret is not a secret URI: {error}"))?;
    Keypair::from_uri(&uri).map_err(|error| format!("the signer's secret is not usable: {error}"))
}

/// The signer's account id (32 bytes).
pub fn account(signer: &Keypair) -> [u8; 32] {
    signer.public_key().0
}

/// The institution the account is an officer of at `at`, if any, with the first block at which
/// the appointment no longer holds.
pub async fn officer_institution(at: &At, account: [u8; 32]) -> Result<Option<(u32, u64)>> {
    let officers = subxt::dynamic::storage::<(Value,), Value>("Identity", "Officers");
    let officer = at
        .storage()
        .try_fetch(officers, (values::hash32(account),))
        .await
        .map_err(|error| format!("cannot read the officers' register: {error}"))?;
    let Some(officer) = officer else {
        return Ok(None);
    };
    let officer: Value = officer
        .decode()
        .map_err(|error| format!("cannot decode an officer's record: {error}"))?;
    let institution = officer
        .at("institution")
        .and_then(|id| id.as_u128())
        .and_then(|id| u32::try_from(id).ok())
        .ok_or_else(|| format!("an officer's record without an institution: {officer}"))?;
    let expires_at = officer
        .at("expires_at")
        .and_then(|block| block.as_u128())
        .and_then(|block| u64::try_from(block).ok())
        .ok_or_else(|| format!("an officer's record without an expiry: {officer}"))?;
    Ok(Some((institution, expires_at)))
}

/// The institution `signer` acts for at `at`: refused if it is no officer, or its appointment
/// has ended.
pub async fn acting_institution(at: &At, signer: &Keypair) -> Result<u32> {
    let who = account(signer);
    let (institution, expires_at) = officer_institution(at, who).await?.ok_or_else(|| {
        format!(
            "the signer {} is no officer of any institution at the finalized block",
            values::hex(&who)
        )
    })?;
    if at.block_number() >= expires_at {
        return Err(format!(
            "the signer's appointment as an officer of institution {institution} ended at \
             block #{expires_at}"
        ));
    }
    Ok(institution)
}

/// Calls a runtime API at `at` and decodes its answer against the metadata.
pub async fn runtime_api(at: &At, api: &str, method: &str, args: Vec<Value>) -> Result<Value> {
    let call = subxt::dynamic::runtime_api_call::<_, Value>(api, method, args);
    at.runtime_apis()
        .call(call)
        .await
        .map_err(|error| format!("{api}::{method}: {error}"))
}

/// Why a finalized transaction failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A batch call refused one of its items (`BatchItemFailed { index, error }`): nothing of
    /// the batch was written.
    Item {
        /// The item's place in the batch.
        index: usize,
        /// The item's error (`UnknownHolder`, …).
        error: String,
    },
    /// Any other dispatch error, by name (`Diplomas::NotAccredited`, `BadOrigin`, …).
    Call(String),
}

/// What became of one transaction, once final.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The finalized block that holds it.
    pub block: u64,
    /// `None` if it succeeded.
    pub failure: Option<Failure>,
}

/// Signs `calls` with consecutive nonces, submits them, and waits until each is in a finalized
/// block: one result per call, in order. An error names why that transaction's fate is unknown
/// (the pool refused it, or an earlier one, so it was not sent; it was dropped; the connection
/// broke; no finality within [`FINALITY_PATIENCE`]): the caller stops, and a rerun finds on
/// chain whatever of it did land.
pub async fn submit_and_finalize<Call: Payload>(
    chain: &Chain,
    signer: &Keypair,
    calls: &[Call],
) -> Result<Vec<Result<Outcome>>> {
    let at = chain.finalized().await?;
    let mut transactions = at.tx();
    let mut nonce = chain.next_nonce(account(signer)).await?;
    let mut watched = Vec::with_capacity(calls.len());
    let mut refused = None;
    for call in calls {
        let params = SubstrateExtrinsicParamsBuilder::<Config>::new()
            .nonce(nonce)
            .build();
        match transactions
            .sign_and_submit_then_watch(call, signer, params)
            .await
        {
            Ok(progress) => watched.push(progress),
            Err(error) => {
                refused = Some(format!("the node refused the transaction: {error}"));
                break;
            }
        }
        nonce = nonce.saturating_add(1);
    }
    let mut outcomes = join_all(watched.into_iter().map(|progress| async move {
        let waited = tokio::time::timeout(FINALITY_PATIENCE, progress.wait_for_finalized()).await;
        let in_block = waited
            .map_err(|_| {
                format!(
                    "the transaction was not final after {} s",
                    FINALITY_PATIENCE.as_secs()
                )
            })?
            .map_err(|error| format!("the transaction did not reach a finalized block: {error}"))?;
        let block = in_block
            .at()
            .await
            .map_err(|error| format!("cannot read the transaction's block: {error}"))?
            .block_number();
        let failure = match in_block.wait_for_success().await {
            Ok(_) => None,
            Err(TransactionEventsError::ExtrinsicFailed(error)) => Some(describe(&error)),
            Err(error) => return Err(format!("cannot read the transaction's events: {error}")),
        };
        Ok(Outcome { block, failure })
    }))
    .await;
    if let Some(refused) = refused {
        outcomes.push(Err(refused));
    }
    outcomes.resize_with(calls.len(), || {
        Err("not sent: an earlier transaction was refused".to_owned())
    });
    Ok(outcomes)
}

/// Names a dispatch error; a batch item's error with its index.
pub fn describe(error: &DispatchError) -> Failure {
    if let DispatchError::Module(module) = error {
        if let Ok(root) = module.as_root_error::<Value>() {
            let inner = root.at(0);
            if inner.and_then(values::variant_name) == Some("BatchItemFailed") {
                let index = inner
                    .at("index")
                    .and_then(|index| index.as_u128())
                    .and_then(|index| usize::try_from(index).ok());
                let item_error = inner
                    .at("error")
                    .and_then(values::variant_name)
                    .map(str::to_owned);
                if let (Some(index), Some(error)) = (index, item_error) {
                    return Failure::Item { index, error };
                }
            }
        }
        return Failure::Call(module.details_string());
    }
    Failure::Call(error.to_string())
}

/// A transaction signed to be valid only for a bounded window of blocks, not yet submitted.
pub struct Signed {
    tx: SubmittableTransaction<Config, OnlineClientAtBlockImpl<Config>>,
    /// Its hash, by which a block's body shows whether it holds it.
    pub hash: [u8; 32],
    /// The signer's nonce it uses.
    pub nonce: u64,
    /// The first block that may include it (the finalized block it was signed at).
    pub birth: u64,
    /// The first block that may no longer include it.
    pub death: u64,
}

/// Signs `call` at the finalized block `at` with `nonce`, valid for the `mortality` blocks
/// from `at` (a power of two from 4 to 4,096, so the window starts at `at` exactly).
pub async fn sign_mortal<Call: Payload>(
    at: &At,
    signer: &Keypair,
    call: &Call,
    nonce: u64,
    mortality: u64,
) -> Result<Signed> {
    if !(4..=4096).contains(&mortality) || !mortality.is_power_of_two() {
        return Err(format!(
            "a mortality of {mortality} blocks: it must be a power of two from 4 to 4096"
        ));
    }
    let birth = at.block_number();
    let params = SubstrateExtrinsicParamsBuilder::<Config>::new()
        .nonce(nonce)
        .mortal_from_unchecked(mortality, birth, at.block_hash())
        .build();
    let tx = at
        .tx()
        .create_signed(call, signer, params)
        .await
        .map_err(|error| format!("cannot sign the transaction: {error}"))?;
    Ok(Signed {
        hash: tx.hash().0,
        nonce,
        birth,
        death: birth.saturating_add(mortality),
        tx,
    })
}

/// The answer to a submission.
pub enum Submitted {
    /// In the node's pool, followed.
    Watching(TransactionProgress<Config, OnlineClientAtBlockImpl<Config>>),
    /// The node answered with an error: it did not take the transaction (so it went nowhere).
    RefusedByNode(String),
    /// No answer (the connection broke): the transaction may or may not be in a pool.
    Unknown(String),
}

/// Submits a signed transaction to the node.
pub async fn submit(signed: &Signed) -> Submitted {
    match signed.tx.submit_and_watch().await {
        Ok(progress) => Submitted::Watching(progress),
        Err(ExtrinsicError::ErrorSubmittingTransaction(BackendError::Rpc(
            RpcError::ClientError(subxt::rpcs::Error::User(error)),
        ))) => Submitted::RefusedByNode(error.to_string()),
        Err(error) => Submitted::Unknown(error.to_string()),
    }
}

/// A transaction in a finalized block: the block and the transaction's events.
pub struct Landed {
    pub block: u64,
    pub events: ExtrinsicEvents<Config>,
    pub metadata: ArcMetadata,
}

/// Follows a submitted transaction to a finalized block. An error means its fate is unknown
/// from here (dropped from the pool, the connection broke, no finality within
/// [`FINALITY_PATIENCE`]): [`find`] settles it.
pub async fn follow(
    progress: TransactionProgress<Config, OnlineClientAtBlockImpl<Config>>,
) -> Result<Landed> {
    let in_block = tokio::time::timeout(FINALITY_PATIENCE, progress.wait_for_finalized())
        .await
        .map_err(|_| format!("not final after {} s", FINALITY_PATIENCE.as_secs()))?
        .map_err(|error| format!("not seen in a finalized block: {error}"))?;
    let at = in_block
        .at()
        .await
        .map_err(|error| format!("cannot read the transaction's block: {error}"))?;
    let events = in_block
        .fetch_events()
        .await
        .map_err(|error| format!("cannot read the transaction's events: {error}"))?;
    Ok(Landed {
        block: at.block_number(),
        metadata: at.metadata(),
        events,
    })
}

/// Where a signed transaction went, as the finalized chain shows it.
pub enum Fate {
    /// In this finalized block.
    Landed(Landed),
    /// Its window is over and no finalized block in it holds it: it never will be included.
    Expired,
    /// Not in a finalized block yet, and its window is still open.
    Open,
}

/// Looks for the transaction `hash`, valid from block `birth` to `death - 1`, in the finalized
/// blocks of that window.
pub async fn find(chain: &Chain, hash: [u8; 32], birth: u64, death: u64) -> Result<Fate> {
    let finalized = chain.finalized().await?.block_number();
    for number in birth..=finalized.min(death) {
        let at = chain
            .api
            .at_block(number)
            .await
            .map_err(|error| format!("cannot read block #{number}: {error}"))?;
        let extrinsics = at
            .extrinsics()
            .fetch()
            .await
            .map_err(|error| format!("cannot read block #{number}'s body: {error}"))?;
        for extrinsic in extrinsics.iter() {
            let extrinsic = extrinsic
                .map_err(|error| format!("cannot decode block #{number}'s body: {error}"))?;
            if extrinsic.hash().0 == hash {
                let events = extrinsic
                    .events()
                    .await
                    .map_err(|error| format!("cannot read block #{number}'s events: {error}"))?;
                return Ok(Fate::Landed(Landed {
                    block: number,
                    metadata: at.metadata(),
                    events,
                }));
            }
        }
    }
    Ok(if finalized >= death {
        Fate::Expired
    } else {
        Fate::Open
    })
}

/// What a `Utility::force_batch` did with one of its calls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// It succeeded; `proposed` is the dual-control action it opened instead of acting, if it
    /// did (`Identity::ActionProposed`).
    Done { proposed: Option<u64> },
    /// It failed with this error, and nothing of it was written.
    Failed(String),
}

/// Each call's result in a `force_batch` transaction, from its events (`ItemCompleted`,
/// `ItemFailed`, in order); or why the transaction as a whole failed.
pub fn force_batch_items(landed: &Landed) -> Result<std::result::Result<Vec<Item>, Failure>> {
    let mut items = Vec::new();
    let mut proposed = None;
    for event in landed.events.iter() {
        let event = event.map_err(|error| format!("cannot decode an event: {error}"))?;
        let dispatch_error = || {
            DispatchError::decode_from(event.field_bytes(), landed.metadata.clone())
                .map(|error| describe(&error))
                .map_err(|error| format!("cannot decode a dispatch error: {error}"))
        };
        match (event.pallet_name(), event.event_name()) {
            ("System", "ExtrinsicFailed") => return Ok(Err(dispatch_error()?)),
            ("Identity", "ActionProposed") => {
                let fields: Value = event
                    .decode_fields_unchecked_as()
                    .map_err(|error| format!("cannot decode ActionProposed: {error}"))?;
                proposed = fields
                    .at("action")
                    .and_then(|action| action.as_u128())
                    .and_then(|action| u64::try_from(action).ok());
            }
            ("Utility", "ItemCompleted") => items.push(Item::Done {
                proposed: proposed.take(),
            }),
            ("Utility", "ItemFailed") => {
                proposed = None;
                items.push(Item::Failed(match dispatch_error()? {
                    Failure::Call(error) | Failure::Item { error, .. } => error,
                }));
            }
            _ => {}
        }
    }
    Ok(Ok(items))
}
