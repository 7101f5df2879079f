//! What the node's client commands (`trustee`, `session-keys`, `verify-tally`) share: their RPC
//! runtime and connection, the signer's key, and reading, signing and submitting through a node.

use codec::{Decode, Encode};
use govchain_runtime::RuntimeCall;
use jsonrpsee::{
    core::client::ClientT,
    rpc_params,
    ws_client::{WsClient, WsClientBuilder},
};
use sp_core::{sr25519, Bytes, Pair, H256};

/// A single-threaded runtime for one command's RPC client.
pub fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| format!("cannot start the RPC client: {error}"))
}

/// The signer's key: the secret URI given on the command line or, better (the process list is
/// public), in the environment variable `variable`; `whose` names it in errors.
pub fn signer(suri: Option<&str>, variable: &str, whose: &str) -> Result<sr25519::Pair, String> {
    let suri = match suri {
        Some(suri) => suri.to_owned(),
        None => std::env::var(variable)
            .map_err(|_| format!("give --suri or set {variable} ({whose})"))?,
    };
    sr25519::Pair::from_string(&suri, None).map_err(|error| format!("{whose}: {error:?}"))
}

/// A WebSocket client of the node at `url`, and the chain's genesis hash.
pub async fn connect(url: &str, max_response_size: u32) -> Result<(WsClient, H256), String> {
    let client = WsClientBuilder::default()
        .max_response_size(max_response_size)
        .build(url)
        .await
        .map_err(|error| format!("cannot reach {url}: {error}"))?;
    let genesis: H256 = client
        .request("chain_getBlockHash", rpc_params![0])
        .await
        .map_err(|error| format!("chain_getBlockHash: {error}"))?;
    Ok((client, genesis))
}

/// The node's best block: hash and number.
pub async fn best_block(client: &WsClient) -> Result<(H256, u32), String> {
    let header: govchain_runtime::Header = client
        .request("chain_getHeader", rpc_params![])
        .await
        .map_err(|error| format!("chain_getHeader: {error}"))?;
    Ok((header.hash(), header.number))
}

/// The node's finalized head: hash and number.
pub async fn finalized_block(client: &WsClient) -> Result<(H256, u32), String> {
    let hash: H256 = client
        .request("chain_getFinalizedHead", rpc_params![])
        .await
        .map_err(|error| format!("chain_getFinalizedHead: {error}"))?;
    let header: govchain_runtime::Header = client
        .request("chain_getHeader", rpc_params![hash])
        .await
        .map_err(|error| format!("chain_getHeader: {error}"))?;
    Ok((hash, header.number))
}

/// The value at storage `key` at block `at`, decoded.
pub async fn storage<V: Decode>(
    client: &WsClient,
    at: H256,
    key: Vec<u8>,
) -> Result<Option<V>, String> {
    let value: Option<Bytes> = client
        .request("state_getStorage", rpc_params![Bytes(key), at])
        .await
        .map_err(|error| format!("state_getStorage: {error}"))?;
    value
        .map(|bytes| V::decode(&mut &bytes[..]))
        .transpose()
        .map_err(|error| format!("undecodable storage: {error}"))
}

/// Calls runtime API `method` with SCALE-encoded `args` at block `at` (`state_call`, a safe RPC
/// method) and decodes its answer.
pub async fn runtime_call<R: Decode>(
    client: &WsClient,
    at: H256,
    method: &str,
    args: Vec<u8>,
) -> Result<R, String> {
    let answer: Bytes = client
        .request("state_call", rpc_params![method, Bytes(args), at])
        .await
        .map_err(|error| format!("{method}: {error}"))?;
    R::decode(&mut &answer[..]).map_err(|error| format!("{method}: undecodable answer: {error}"))
}

/// Signs `call` with `pair` at its account's next nonce and hands it to the node's pool.
pub async fn submit(
    client: &WsClient,
    pair: &sr25519::Pair,
    genesis: H256,
    call: RuntimeCall,
) -> Result<(), String> {
    let account: govchain_runtime::AccountId = pair.public().into();
    let nonce: govchain_runtime::Nonce = client
        .request("system_accountNextIndex", rpc_params![account.to_string()])
        .await
        .map_err(|error| format!("system_accountNextIndex: {error}"))?;
    let version: sp_version::RuntimeVersion = client
        .request("state_getRuntimeVersion", rpc_params![])
        .await
        .map_err(|error| format!("state_getRuntimeVersion: {error}"))?;
    let extrinsic = govchain_runtime::signing::sign_for_version(
        pair,
        call,
        nonce,
        genesis,
        version.spec_version,
        version.transaction_version,
    );
    let _hash: H256 = client
        .request(
            "author_submitExtrinsic",
            rpc_params![Bytes(extrinsic.encode())],
        )
        .await
        .map_err(|error| format!("the node refused the transaction: {error}"))?;
    Ok(())
}
