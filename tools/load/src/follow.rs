//! Follows the chain as it grows: which submitted transactions each new block holds, when it
//! was seen and finalized, and the CPU the node and the tool had used by then.

use crate::{
    cpu,
    rpc::{header_number, Rpc},
    Error,
};
use codec::Decode;
use govchain_runtime::{RuntimeCall, UncheckedExtrinsic};
use sp_core::H256;
use sp_io::hashing::blake2_256;
use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};
use tokio::sync::broadcast;

/// Transactions submitted and not yet seen in a block, by hash, with when they were submitted.
#[derive(Default)]
pub struct Tracker {
    pending: Mutex<HashMap<[u8; 32], Instant>>,
    /// Submissions the node accepted into its pool.
    pub accepted: AtomicU64,
    /// Submissions the node refused, by reason.
    refusals: Mutex<HashMap<String, u64>>,
    /// Accepted submissions seen in a block.
    pub included: AtomicU64,
}

impl Tracker {
    /// Forgets everything: a new workload starts on an empty pool.
    pub fn reset(&self) {
        if let Ok(mut pending) = self.pending.lock() {
            pending.clear();
        }
        self.take_refusals();
        self.accepted.store(0, Ordering::Relaxed);
        self.included.store(0, Ordering::Relaxed);
    }

    pub fn submitted(&self, hash: [u8; 32], at: Instant) {
        if let Ok(mut pending) = self.pending.lock() {
            pending.insert(hash, at);
        }
    }

    pub fn accepted(&self) {
        self.accepted.fetch_add(1, Ordering::Relaxed);
    }

    /// The node refused `hash`: it will never land.
    pub fn refused(&self, hash: &[u8; 32], reason: String) {
        if let Ok(mut pending) = self.pending.lock() {
            pending.remove(hash);
        }
        if let Ok(mut refusals) = self.refusals.lock() {
            *refusals.entry(reason).or_default() += 1;
        }
    }

    /// Submissions refused so far.
    pub fn refused_count(&self) -> u64 {
        self.refusals
            .lock()
            .map(|refusals| refusals.values().sum())
            .unwrap_or_default()
    }

    /// Accepted and not yet in a block.
    pub fn in_pool(&self) -> u64 {
        self.accepted
            .load(Ordering::Relaxed)
            .saturating_sub(self.included.load(Ordering::Relaxed))
    }

    /// The refusals so far, most frequent first, and forgets them.
    pub fn take_refusals(&self) -> Vec<(String, u64)> {
        let mut refusals: Vec<(String, u64)> = self
            .refusals
            .lock()
            .map(|mut refusals| refusals.drain().collect())
            .unwrap_or_default();
        refusals.sort_by_key(|refusal| std::cmp::Reverse(refusal.1));
        refusals
    }

    /// When each of `hashes` that is pending was submitted; those are no longer pending.
    fn take(&self, hashes: &[[u8; 32]]) -> Vec<Instant> {
        let Ok(mut pending) = self.pending.lock() else {
            return Vec::new();
        };
        hashes
            .iter()
            .filter_map(|hash| pending.remove(hash))
            .collect()
    }
}

/// A block as the follower saw it.
pub struct Block {
    pub number: u32,
    pub hash: H256,
    pub seen: Instant,
    /// `timestamp.set` of the block, in milliseconds.
    pub timestamp_ms: u64,
    /// When each tracked transaction in it was submitted.
    pub submitted: Vec<Instant>,
    /// When the follower learnt it was finalized.
    pub finalized: Option<Instant>,
    /// CPU time (seconds) the node and the tool had used when the block was seen.
    pub node_cpu: Option<f64>,
    pub tool_cpu: Option<f64>,
}

/// Everything seen so far.
#[derive(Default)]
pub struct Seen {
    pub blocks: Mutex<Vec<Block>>,
}

impl Seen {
    /// `read` applied to the blocks seen so far, in order.
    pub fn with_blocks<R>(&self, read: impl FnOnce(&[Block]) -> R) -> R {
        match self.blocks.lock() {
            Ok(blocks) => read(&blocks),
            Err(_) => read(&[]),
        }
    }
}

/// The timestamp a block's `timestamp.set` inherent carries.
fn timestamp(extrinsics: &[Vec<u8>]) -> Option<u64> {
    extrinsics.iter().find_map(|bytes| {
        match UncheckedExtrinsic::decode(&mut bytes.as_slice())
            .ok()?
            .function
        {
            RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }) => Some(now),
            _ => None,
        }
    })
}

/// Follows best and finalized blocks until the process ends; announces each new block's hash.
pub async fn follow(
    rpc: Rpc,
    tracker: Arc<Tracker>,
    seen: Arc<Seen>,
    node_pid: Option<u32>,
    announce: broadcast::Sender<H256>,
) -> Result<(), Error> {
    let mut best = rpc.headers(false).await?;
    let mut finalized = rpc.headers(true).await?;
    let mut next = rpc.best_number().await?.saturating_add(1);
    loop {
        tokio::select! {
            header = best.next() => {
                let Some(Ok(header)) = header else { return Err("the best-block subscription ended".into()) };
                let number = header_number(&header)?;
                // Every block up to this one, also those the subscription skipped.
                while next <= number {
                    let hash = rpc.block_hash(next).await?;
                    let extrinsics = rpc.block_extrinsics(hash).await?;
                    let hashes: Vec<[u8; 32]> = extrinsics.iter().map(|bytes| blake2_256(bytes)).collect();
                    let submitted = tracker.take(&hashes);
                    tracker.included.fetch_add(submitted.len() as u64, Ordering::Relaxed);
                    let block = Block {
                        number: next,
                        hash,
                        seen: Instant::now(),
                        timestamp_ms: timestamp(&extrinsics).unwrap_or_default(),
                        submitted,
                        finalized: None,
                        node_cpu: node_pid.and_then(cpu::seconds_of),
                        tool_cpu: cpu::seconds_of(std::process::id()),
                    };
                    if let Ok(mut blocks) = seen.blocks.lock() {
                        blocks.push(block);
                    }
                    // Nobody listening is fine.
                    let _ = announce.send(hash);
                    next = next.saturating_add(1);
                }
            }
            header = finalized.next() => {
                let Some(Ok(header)) = header else { return Err("the finalized-block subscription ended".into()) };
                let number = header_number(&header)?;
                let now = Instant::now();
                if let Ok(mut blocks) = seen.blocks.lock() {
                    for block in blocks.iter_mut().filter(|block| block.number <= number && block.finalized.is_none()) {
                        block.finalized = Some(now);
                    }
                }
            }
        }
    }
}

/// Waits until `tracker` has nothing in the pool or `limit` passes.
pub async fn drained(tracker: &Tracker, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if tracker.in_pool() == 0 {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    tracker.in_pool() == 0
}
