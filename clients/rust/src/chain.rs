//! The node, the signer, and transactions followed to finality.

use crate::values;
use std::{str::FromStr, time::Duration};
use subxt::{
    config::{Hasher as _, RpcConfigFor, SubstrateExtrinsicParamsBuilder},
    dynamic::{At as _, Value},
    error::{DispatchError, TransactionEventsError},
    ext::futures::future::join_all,
    extrinsics::ExtrinsicEvents,
    rpcs::{LegacyRpcMethods, RpcClient},
    tx::Payload,
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

/// How long a run waits for a transaction to reach a finalized block (the diplomas' batches),
/// or for the chain to finalize anything at all (a payment's settling), before it gives up.
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
    let institution = values::number::<u32>(&officer, "institution")
        .ok_or_else(|| format!("an officer's record without an institution: {officer}"))?;
    let expires_at = values::number::<u64>(&officer, "expires_at")
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
                let index = inner.and_then(|inner| values::number::<usize>(inner, "index"));
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
    /// The transaction as submitted and as block bodies hold it.
    pub bytes: Vec<u8>,
    /// Its hash (BLAKE2-256 of those bytes), by which a block's body shows whether it holds it.
    pub hash: [u8; 32],
    /// The signer's nonce it uses.
    pub nonce: u64,
    /// The finalized block it was signed at: it can be included from the next block on.
    pub birth: u64,
    /// The first block that can no longer include it.
    pub death: u64,
}

/// Whether `mortality` is one the chain at `at` can check to its end: a power of two from 4 to
/// the blocks the runtime keeps hashes of (`System::BlockHashCount`, at most 4,096, so that the
/// window starts at the block signed at exactly).
pub fn check_mortality(at: &At, mortality: u64) -> Result<()> {
    let most = at
        .constants()
        .entry(subxt::dynamic::constant::<u32>("System", "BlockHashCount"))
        .map(u64::from)
        .map_err(|error| format!("cannot read System::BlockHashCount: {error}"))?
        .min(4096);
    if (4..=most).contains(&mortality) && mortality.is_power_of_two() {
        Ok(())
    } else {
        Err(format!(
            "a mortality of {mortality} blocks: it must be a power of two from 4 to {most}"
        ))
    }
}

/// Signs `call` at the finalized block `at` with `nonce`, valid for the `mortality` blocks
/// after `at` (a power of two from 4 to the runtime's `BlockHashCount`, so that the window
/// starts at `at` exactly and the chain can check it to its end).
pub async fn sign_mortal<Call: Payload>(
    at: &At,
    signer: &Keypair,
    call: &Call,
    nonce: u64,
    mortality: u64,
) -> Result<Signed> {
    check_mortality(at, mortality)?;
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
    let bytes = tx.into_encoded();
    Ok(Signed {
        hash: at.hasher().hash(&bytes).0,
        bytes,
        nonce,
        birth,
        death: birth.saturating_add(mortality),
    })
}

/// The node's answer to a submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Submitted {
    /// In the node's pool.
    Accepted,
    /// The node found the transaction invalid and did not take it (JSON-RPC errors 1010, 1011,
    /// 1014, 1016): submitted to this node only, it is in no pool.
    RefusedByNode(String),
    /// Anything else (a broken connection, a proxy's error, "already imported", "banned"): the
    /// transaction may be in a pool.
    Unknown(String),
}

/// Submits `signed` to the node, once, through `author_submitExtrinsic` (no other path, no
/// retries: a refusal then means the transaction is nowhere).
pub async fn submit(chain: &Chain, signed: &Signed) -> Submitted {
    match chain.rpc.author_submit_extrinsic(&signed.bytes).await {
        Ok(_) => Submitted::Accepted,
        Err(subxt::rpcs::Error::User(error)) if matches!(error.code, 1010 | 1011 | 1014 | 1016) => {
            Submitted::RefusedByNode(error.message)
        }
        Err(error) => Submitted::Unknown(error.to_string()),
    }
}

/// A transaction in a finalized block: the block and the transaction's events.
pub struct Landed {
    pub block: u64,
    pub events: ExtrinsicEvents<Config>,
    pub metadata: ArcMetadata,
}

/// What became of a transaction, as the finalized chain proves it.
pub enum Fate {
    /// In this finalized block.
    Landed(Landed),
    /// It can never be included: the finalized block `at` is past its window, or the signer's
    /// nonce at `at` has passed its own, and no finalized block of its window holds it.
    Expired { at: u64 },
}

/// A transaction to follow: its hash, nonce and window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub hash: [u8; 32],
    pub nonce: u64,
    pub birth: u64,
    pub death: u64,
}

/// How long to wait between looks at the finalized chain.
const FOLLOW_POLL: Duration = Duration::from_secs(2);

/// Follows `pending`, transactions of `signer`'s account, through the finalized chain until
/// each has a [`Fate`]: finalized blocks' bodies are read once each, from the earliest window's
/// start, and every transaction in them hashed (block bodies stay on a pruning node; the state,
/// needed only for the events of the block that holds one, for 256 blocks). `waiting` is told
/// once when the first look settles nothing. Errors if finality makes no progress for
/// [`FINALITY_PATIENCE`].
pub async fn follow(
    chain: &Chain,
    signer: [u8; 32],
    pending: &[Pending],
    waiting: impl FnOnce(),
) -> Result<Vec<Fate>> {
    let mut fates: Vec<Option<Fate>> = pending.iter().map(|_| None).collect();
    let Some(mut next) = pending.iter().map(|tx| tx.birth).min() else {
        return Ok(Vec::new());
    };
    let mut waiting = Some(waiting);
    let mut progress_at = std::time::Instant::now();
    loop {
        let finalized = chain.finalized().await?;
        let head = finalized.block_number();
        if head >= next {
            progress_at = std::time::Instant::now();
        }
        while next <= head {
            let (hash, body) = chain.block_body(next).await?;
            for bytes in &body {
                let tx = finalized.hasher().hash(bytes).0;
                for (index, wanted) in pending.iter().enumerate() {
                    let unsettled = fates.get(index).is_some_and(Option::is_none);
                    if unsettled && wanted.hash == tx {
                        let landed = chain.landed(next, hash, tx).await?;
                        if let Some(fate) = fates.get_mut(index) {
                            *fate = Some(Fate::Landed(landed));
                        }
                    }
                }
            }
            next = next.saturating_add(1);
        }
        let nonce = chain.nonce_at(&finalized, signer).await?;
        for (wanted, fate) in pending.iter().zip(fates.iter_mut()) {
            if fate.is_none() && (head >= wanted.death || nonce > wanted.nonce) {
                *fate = Some(Fate::Expired { at: head });
            }
        }
        if fates.iter().all(Option::is_some) {
            return Ok(fates.into_iter().flatten().collect());
        }
        if progress_at.elapsed() > FINALITY_PATIENCE {
            return Err(format!(
                "no block was finalized for {} s: is the node syncing and the network \
                 finalizing?",
                FINALITY_PATIENCE.as_secs()
            ));
        }
        if let Some(waiting) = waiting.take() {
            waiting();
        }
        tokio::time::sleep(FOLLOW_POLL).await;
    }
}

impl Chain {
    /// The hash and body (the transactions' bytes) of finalized block `number`.
    async fn block_body(&self, number: u64) -> Result<(subxt::utils::H256, Vec<Vec<u8>>)> {
        let hash = self
            .rpc
            .chain_get_block_hash(Some(number.into()))
            .await
            .map_err(|error| format!("cannot read block #{number}'s hash: {error}"))?
            .ok_or_else(|| format!("the node has no block #{number}"))?;
        let block = self
            .rpc
            .chain_get_block(Some(hash))
            .await
            .map_err(|error| format!("cannot read block #{number}: {error}"))?
            .ok_or_else(|| format!("the node has no body for block #{number}"))?;
        Ok((
            hash,
            block
                .block
                .extrinsics
                .into_iter()
                .map(|bytes| bytes.0)
                .collect(),
        ))
    }

    /// The events of transaction `tx` in block `number` (`hash`).
    async fn landed(&self, number: u64, hash: subxt::utils::H256, tx: [u8; 32]) -> Result<Landed> {
        let pruned = |error: String| {
            format!(
                "transaction {} is in finalized block #{number}, but its results cannot be read \
                 there ({error}): this node no longer keeps that block's state; settle against \
                 an archive node (--url)",
                values::hex(&tx)
            )
        };
        let at = self
            .api
            .at_block(hash)
            .await
            .map_err(|error| pruned(error.to_string()))?;
        let extrinsics = at
            .extrinsics()
            .fetch()
            .await
            .map_err(|error| pruned(error.to_string()))?;
        for extrinsic in extrinsics.iter() {
            let extrinsic = extrinsic
                .map_err(|error| format!("cannot decode block #{number}'s body: {error}"))?;
            if extrinsic.hash().0 == tx {
                let events = extrinsic
                    .events()
                    .await
                    .map_err(|error| pruned(error.to_string()))?;
                return Ok(Landed {
                    block: number,
                    metadata: at.metadata(),
                    events,
                });
            }
        }
        Err(format!(
            "block #{number} holds transaction {} by its bytes but not by its decoded body",
            values::hex(&tx)
        ))
    }

    /// The account's nonce at `at`: how many of its transactions the chain has included.
    async fn nonce_at(&self, at: &At, account: [u8; 32]) -> Result<u64> {
        at.tx()
            .account_nonce(&subxt::utils::AccountId32(account))
            .await
            .map_err(|error| format!("cannot read the signer's nonce: {error}"))
    }

    /// The chain's genesis hash.
    pub fn genesis(&self) -> [u8; 32] {
        self.api.genesis_hash().0
    }
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
                let action = values::number::<u64>(&fields, "action")
                    .ok_or_else(|| format!("ActionProposed without an action id: {fields}"))?;
                proposed = Some(action);
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
