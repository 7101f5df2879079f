//! One workload's run: submit for the set time, let the pool drain, then measure from the
//! blocks: units of work in their events, their weight, their timestamps.

use crate::{
    chain::Chain,
    follow::{drained, Block, Seen, Tracker},
    government::Government,
    report::Outcome,
    signer::Signed,
    submit::submit_until,
    workloads::{Plan, Workload},
    Error,
};
use frame_support::dispatch::{DispatchClass, PerDispatchClass};
use govchain_runtime::{Runtime, SLOT_DURATION};
use jsonrpsee::rpc_params;
use serde_json::Value;
use sp_core::{bytes, H256};
use sp_io::hashing::blake2_256;
use sp_runtime::Weight;
use std::{
    sync::{atomic::Ordering, Arc},
    time::{Duration, Instant},
};
use tokio::sync::{broadcast, mpsc};

/// How to submit.
pub struct Settings {
    pub seconds: u64,
    pub in_flight: usize,
    /// Submit at this fraction of the rate the block limits admit, evenly, instead of at full
    /// speed (the latency of a chain that is not saturated).
    pub pace: Option<f64>,
}

/// Submissions queued ahead of the workers.
const QUEUE: usize = 1_024;
/// How long the pool may take to drain after a run.
const DRAIN_LIMIT: Duration = Duration::from_secs(90);

/// Runs `workload` with its pre-signed `plan` and measures it.
#[allow(clippy::too_many_arguments)]
pub async fn run(
    workload: Workload,
    plan: Plan,
    chain: Arc<Chain>,
    government: Arc<Government>,
    tracker: Arc<Tracker>,
    seen: Arc<Seen>,
    announce: &broadcast::Sender<H256>,
    settings: &Settings,
) -> Result<Option<Outcome>, Error> {
    tracker.reset();
    let Plan {
        transactions,
        units_per_block_by_limits,
        transactions_per_block_by_limits,
        acceptor,
    } = plan;
    let signed = transactions.len();
    let (queue, source) = mpsc::channel::<Signed>(QUEUE);
    // The pool holds up to three blocks' worth (at the runtime's limits) beyond what is included.
    let per_transaction = units_per_block_by_limits / transactions_per_block_by_limits.max(1.0);
    let pool_cap = (3.0 * transactions_per_block_by_limits).ceil().max(3.0) as u64;
    let started = Instant::now();
    let deadline = started + Duration::from_secs(settings.seconds);

    // Paced, transaction `k` is released at `started + k × interval`.
    let interval = settings.pace.map(|fraction| {
        let per_second =
            transactions_per_block_by_limits * fraction.max(0.001) * 1_000.0 / SLOT_DURATION as f64;
        Duration::from_secs_f64(1.0 / per_second.max(0.001))
    });
    if let Some(interval) = interval {
        eprintln!(
            "{}: paced at {:.0} transactions/s ({:.0} % of what the block limits admit)",
            workload.label(),
            1.0 / interval.as_secs_f64(),
            settings.pace.unwrap_or(1.0) * 100.0
        );
    }
    let producer = {
        let queue = queue.clone();
        tokio::spawn(async move {
            for (k, transaction) in transactions.into_iter().enumerate() {
                if let Some(interval) = interval {
                    let due = started + interval * u32::try_from(k).unwrap_or(u32::MAX);
                    tokio::time::sleep_until(due.into()).await;
                }
                if queue.send(transaction).await.is_err() {
                    break;
                }
            }
        })
    };
    let acceptor = acceptor.map(|mut acceptor| {
        let (chain, government, queue) = (chain.clone(), government.clone(), queue.clone());
        let mut blocks = announce.subscribe();
        tokio::spawn(async move {
            while let Ok(hash) = blocks.recv().await {
                let Ok(events) = chain.events(hash).await else {
                    continue;
                };
                for accept in acceptor.accepts(&government, &chain, &events) {
                    if queue.send(accept).await.is_err() {
                        return;
                    }
                }
            }
        })
    });
    drop(queue);
    let progress = {
        let (tracker, seen, label) = (tracker.clone(), seen.clone(), workload.label());
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(5)).await;
                let best = seen.with_blocks(|blocks| {
                    blocks
                        .last()
                        .map(|block| (block.number, block.submitted.len()))
                });
                let (number, last) = best.unwrap_or_default();
                eprintln!(
                    "{label}: {:>4}s accepted {} refused {} in pool {} included {} | best #{number} held {last} of ours",
                    started.elapsed().as_secs(),
                    tracker.accepted.load(Ordering::Relaxed),
                    tracker.refused_count(),
                    tracker.in_pool(),
                    tracker.included.load(Ordering::Relaxed),
                );
            }
        })
    };
    submit_until(
        chain.rpc.clone(),
        tracker.clone(),
        source,
        deadline,
        settings.in_flight,
        pool_cap,
    )
    .await;
    producer.abort();
    if let Some(acceptor) = &acceptor {
        acceptor.abort();
    }
    let left_in_pool = if drained(&tracker, DRAIN_LIMIT).await {
        0
    } else {
        tracker.in_pool()
    };
    progress.abort();
    clear_pool(&chain).await?;
    // Let finality catch up with the last block measured.
    tokio::time::sleep(Duration::from_millis(3 * SLOT_DURATION)).await;

    let window = seen.with_blocks(|blocks| window(blocks, started, deadline));
    let Some((first, blocks)) = window else {
        eprintln!(
            "{}: no block before the deadline held the workload's transactions: not measured",
            workload.label()
        );
        return Ok(None);
    };
    measure(
        workload,
        &chain,
        first,
        blocks,
        settings,
        signed,
        &tracker,
        units_per_block_by_limits,
        per_transaction,
        left_in_pool,
    )
    .await
    .map(Some)
}

/// What of a block is needed after the run.
pub struct Measured {
    number: u32,
    hash: H256,
    seen: Instant,
    timestamp_ms: u64,
    in_block: Vec<f64>,
    finalized: Vec<f64>,
    node_cpu: Option<f64>,
    tool_cpu: Option<f64>,
}

fn measured(block: &Block) -> Measured {
    let since =
        |from: &Instant, to: Instant| to.saturating_duration_since(*from).as_secs_f64() * 1_000.0;
    Measured {
        number: block.number,
        hash: block.hash,
        seen: block.seen,
        timestamp_ms: block.timestamp_ms,
        in_block: block
            .submitted
            .iter()
            .map(|at| since(at, block.seen))
            .collect(),
        finalized: block
            .finalized
            .map(|done| block.submitted.iter().map(|at| since(at, done)).collect())
            .unwrap_or_default(),
        node_cpu: block.node_cpu,
        tool_cpu: block.tool_cpu,
    }
}

/// The first block holding the workload's transactions (the start of the clock) and the
/// blocks after it seen before the deadline: those are measured.
fn window(
    blocks: &[Block],
    started: Instant,
    deadline: Instant,
) -> Option<(Measured, Vec<Measured>)> {
    let first = blocks
        .iter()
        .position(|block| block.seen >= started && !block.submitted.is_empty())?;
    let measured_blocks: Vec<Measured> = blocks
        .get(first.checked_add(1)?..)?
        .iter()
        .take_while(|block| block.seen <= deadline)
        .map(measured)
        .collect();
    if measured_blocks.is_empty() {
        return None;
    }
    Some((measured(blocks.get(first)?), measured_blocks))
}

/// Removes what is left in the node's pool (transactions whose predecessors were refused), so
/// the next workload starts on an empty pool.
async fn clear_pool(chain: &Chain) -> Result<(), Error> {
    let pending: Vec<String> = chain
        .rpc
        .call("author_pendingExtrinsics", rpc_params![])
        .await?;
    if pending.is_empty() {
        return Ok(());
    }
    // By hash: a pool of diploma batches would make a request of hundreds of megabytes.
    let which = pending
        .iter()
        .map(|extrinsic| {
            let bytes = bytes::from_hex(extrinsic)
                .map_err(|error| format!("the pool returned {extrinsic:.20}…: {error}"))?;
            Ok(serde_json::json!({ "hash": H256(blake2_256(&bytes)) }))
        })
        .collect::<Result<Vec<Value>, Error>>()?;
    let removed: Vec<Value> = chain
        .rpc
        .call("author_removeExtrinsic", rpc_params![which])
        .await?;
    eprintln!("removed {} transactions left in the pool", removed.len());
    Ok(())
}

/// The value at quantile `q` (0..=1) of `values`, sorted in place.
fn quantile(values: &mut [f64], q: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let index = ((values.len() - 1) as f64 * q).round() as usize;
    values.get(index).copied()
}

#[allow(clippy::too_many_arguments)]
async fn measure(
    workload: Workload,
    chain: &Chain,
    first: Measured,
    blocks: Vec<Measured>,
    settings: &Settings,
    signed: usize,
    tracker: &Tracker,
    units_per_block_by_limits: f64,
    units_per_transaction: f64,
    left_in_pool: u64,
) -> Result<Outcome, Error> {
    let limits = <Runtime as frame_system::Config>::BlockWeights::get();
    let normal_max = limits
        .get(DispatchClass::Normal)
        .max_total
        .unwrap_or(limits.max_block)
        .ref_time() as f64;
    let (mut units, mut failed, mut fullness) = (0u64, 0u64, Vec::new());
    let mut item_refusals = std::collections::BTreeMap::<String, u64>::new();
    let (mut in_block, mut finalized) = (Vec::new(), Vec::new());
    for block in &blocks {
        let events = chain.events(block.hash).await?;
        units += workload.units(&events);
        for reason in crate::workloads::item_refusals(&events) {
            *item_refusals.entry(reason).or_default() += 1;
        }
        failed += events
            .iter()
            .filter(|record| {
                matches!(
                    record.event,
                    govchain_runtime::RuntimeEvent::System(
                        frame_system::Event::ExtrinsicFailed { .. }
                    )
                )
            })
            .count() as u64;
        let consumed: Option<PerDispatchClass<Weight>> = chain
            .rpc
            .storage(
                &frame_system::BlockWeight::<Runtime>::hashed_key(),
                Some(block.hash),
            )
            .await?;
        let normal = consumed
            .map(|weight| weight.get(DispatchClass::Normal).ref_time())
            .unwrap_or_default();
        fullness.push(normal as f64 / normal_max * 100.0);
        in_block.extend(&block.in_block);
        finalized.extend(&block.finalized);
    }
    let (last_number, last_timestamp, last_seen) = blocks
        .last()
        .map(|block| (block.number, block.timestamp_ms, block.seen))
        .unwrap_or((first.number, first.timestamp_ms, first.seen));
    let seconds = last_timestamp.saturating_sub(first.timestamp_ms) as f64 / 1_000.0;
    let wall = last_seen
        .saturating_duration_since(first.seen)
        .as_secs_f64();
    let cpu_percent = |start: Option<f64>, end: Option<f64>| match (start, end) {
        (Some(start), Some(end)) if wall > 0.0 => Some((end - start) / wall * 100.0),
        _ => None,
    };
    let tps = if seconds > 0.0 {
        units as f64 / seconds
    } else {
        0.0
    };
    // What full blocks would hold at the weight these transactions actually used (refunds
    // included), per slot; the pre-dispatch estimate only sizes the pool.
    let fullness_sum: f64 = fullness.iter().sum();
    let used = fullness_sum / 100.0;
    let units_per_full_block = if used > 0.0 {
        units as f64 / used
    } else {
        units_per_block_by_limits
    };
    let weight_limited_tps = units_per_full_block / (SLOT_DURATION as f64 / 1_000.0);
    Ok(Outcome {
        workload,
        blocks: (first.number + 1, last_number),
        seconds,
        units,
        tps,
        failed_extrinsics: failed,
        fullness_percent: fullness_sum / fullness.len().max(1) as f64,
        in_block_ms: (quantile(&mut in_block, 0.5), quantile(&mut in_block, 0.99)),
        finalized_ms: (
            quantile(&mut finalized, 0.5),
            quantile(&mut finalized, 0.99),
        ),
        node_cpu_percent: cpu_percent(
            first.node_cpu,
            blocks.last().and_then(|block| block.node_cpu),
        ),
        tool_cpu_percent: cpu_percent(
            first.tool_cpu,
            blocks.last().and_then(|block| block.tool_cpu),
        ),
        weight_limited_tps,
        units_per_transaction,
        signed,
        accepted: tracker.accepted.load(Ordering::Relaxed),
        refusals: tracker
            .take_refusals()
            .into_iter()
            .chain(item_refusals)
            .collect(),
        left_in_pool,
        seconds_requested: settings.seconds,
    })
}
