//! The node's JSON-RPC, over several WebSocket connections: one connection holds only so many
//! requests in flight (a generic tool stalled at ~1,050 and lost the rest), so submissions are
//! spread over all of them and every request's outcome is looked at.

use crate::Error;
use codec::Decode;
use jsonrpsee::{
    core::client::{ClientT, Subscription, SubscriptionClientT},
    rpc_params,
    ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;
use sp_core::{bytes, H256};
use std::{sync::Arc, time::Duration};

/// Connections to one node.
#[derive(Clone)]
pub struct Rpc {
    connections: Arc<Vec<WsClient>>,
}

impl Rpc {
    /// Opens `count` connections to `url`, each allowed `in_flight` concurrent requests.
    pub async fn connect(url: &str, count: usize, in_flight: usize) -> Result<Self, Error> {
        let mut connections = Vec::with_capacity(count);
        for _ in 0..count.max(1) {
            let client = WsClientBuilder::default()
                .max_concurrent_requests(in_flight.max(1))
                .max_buffer_capacity_per_subscription(65_536)
                // As much as the benchmark's node answers (`--rpc-max-response-size 256`): a
                // pool of diploma batches is listed in one response.
                .max_response_size(256 * 1024 * 1024)
                .request_timeout(Duration::from_secs(120))
                .build(url)
                .await
                .map_err(|error| format!("connecting to {url}: {error}"))?;
            connections.push(client);
        }
        Ok(Self {
            connections: Arc::new(connections),
        })
    }

    /// How many connections there are.
    pub fn width(&self) -> usize {
        self.connections.len()
    }

    /// Connection `n` (modulo the count).
    fn connection(&self, n: usize) -> &WsClient {
        let index = n % self.connections.len();
        // `connect` opens at least one connection.
        &self.connections[index]
    }

    /// Submits an encoded extrinsic (`0x…`) over connection `n`; the node's refusal as text.
    pub async fn submit(&self, n: usize, extrinsic_hex: &str) -> Result<(), String> {
        self.connection(n)
            .request::<String, _>("author_submitExtrinsic", rpc_params![extrinsic_hex])
            .await
            .map(|_| ())
            .map_err(|error| error.to_string())
    }

    /// Any JSON-RPC method over the first connection.
    pub async fn call<R: serde::de::DeserializeOwned>(
        &self,
        method: &str,
        params: jsonrpsee::core::params::ArrayParams,
    ) -> Result<R, Error> {
        self.connection(0)
            .request(method, params)
            .await
            .map_err(|error| format!("{method}: {error}").into())
    }

    /// Subscribes to best (`finalized` false) or finalized block headers.
    pub async fn headers(&self, finalized: bool) -> Result<Subscription<Value>, Error> {
        let (subscribe, unsubscribe) = if finalized {
            (
                "chain_subscribeFinalizedHeads",
                "chain_unsubscribeFinalizedHeads",
            )
        } else {
            ("chain_subscribeNewHeads", "chain_unsubscribeNewHeads")
        };
        self.connection(0)
            .subscribe(subscribe, rpc_params![], unsubscribe)
            .await
            .map_err(|error| format!("{subscribe}: {error}").into())
    }

    /// The hash of block `number`.
    pub async fn block_hash(&self, number: u32) -> Result<H256, Error> {
        let hash: Option<H256> = self.call("chain_getBlockHash", rpc_params![number]).await?;
        hash.ok_or_else(|| format!("no block {number}").into())
    }

    /// The encoded extrinsics of block `hash`.
    pub async fn block_extrinsics(&self, hash: H256) -> Result<Vec<Vec<u8>>, Error> {
        let block: Value = self.call("chain_getBlock", rpc_params![hash]).await?;
        let extrinsics = block
            .pointer("/block/extrinsics")
            .and_then(Value::as_array)
            .ok_or("a block without extrinsics")?;
        extrinsics
            .iter()
            .map(|extrinsic| {
                let text = extrinsic.as_str().ok_or("an extrinsic that is not hex")?;
                bytes::from_hex(text).map_err(|error| format!("extrinsic hex: {error:?}").into())
            })
            .collect()
    }

    /// The value at storage `key` in block `at` (the best block if `None`), decoded.
    pub async fn storage<T: Decode>(
        &self,
        key: &[u8],
        at: Option<H256>,
    ) -> Result<Option<T>, Error> {
        let value: Option<String> = self
            .call(
                "state_getStorage",
                rpc_params![bytes::to_hex(key, false), at],
            )
            .await?;
        value
            .map(|text| {
                let raw =
                    bytes::from_hex(&text).map_err(|error| format!("storage hex: {error:?}"))?;
                T::decode(&mut raw.as_slice())
                    .map_err(|error| format!("storage value: {error}").into())
            })
            .transpose()
    }

    /// The best block's number.
    pub async fn best_number(&self) -> Result<u32, Error> {
        let header: Value = self.call("chain_getHeader", rpc_params![]).await?;
        header_number(&header)
    }
}

/// The number in a header as JSON.
pub fn header_number(header: &Value) -> Result<u32, Error> {
    let text = header
        .get("number")
        .and_then(Value::as_str)
        .ok_or("a header without a number")?;
    u32::from_str_radix(text.trim_start_matches("0x"), 16)
        .map_err(|error| format!("header number {text}: {error}").into())
}
