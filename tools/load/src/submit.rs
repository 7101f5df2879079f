//! Submits transactions at full speed over every connection, many in flight on each, while
//! the node's pool holds no more than a cap of them, until a deadline.

use crate::{follow::Tracker, rpc::Rpc, signer::Signed};
use std::{
    sync::Arc,
    time::{Duration, Instant},
};
use tokio::sync::{mpsc, Mutex};

/// How a refusal is counted: the node's message, without the transaction-specific details.
fn reason(error: &str) -> String {
    let message = error
        .split("message: \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or(error);
    message.chars().take(80).collect()
}

/// Submits what `source` yields until `deadline`, with `in_flight` requests on each connection
/// (at most `pool_cap` in all) and at most `pool_cap` accepted transactions not yet in a block.
pub async fn submit_until(
    rpc: Rpc,
    tracker: Arc<Tracker>,
    source: mpsc::Receiver<Signed>,
    deadline: Instant,
    in_flight: usize,
    pool_cap: u64,
) {
    let source = Arc::new(Mutex::new(source));
    let mut workers = Vec::new();
    // Requests in flight are not in the pool yet: with more of them than the cap, a workload
    // of large transactions (diploma batches) would fill the pool far beyond it.
    let concurrency = (rpc.width() * in_flight.max(1))
        .min(usize::try_from(pool_cap.max(1)).unwrap_or(usize::MAX));
    for worker in 0..concurrency {
        let (rpc, tracker, source) = (rpc.clone(), tracker.clone(), source.clone());
        workers.push(tokio::spawn(async move {
            let connection = worker % rpc.width();
            loop {
                while tracker.in_pool() >= pool_cap && Instant::now() < deadline {
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
                // A queue that is never empty would otherwise outlive the deadline.
                if Instant::now() >= deadline {
                    break;
                }
                let next = {
                    let mut source = source.lock().await;
                    tokio::time::timeout_at(deadline.into(), source.recv()).await
                };
                let Ok(Some(transaction)) = next else { break };
                tracker.submitted(transaction.hash, Instant::now());
                match rpc.submit(connection, &transaction.hex).await {
                    Ok(()) => tracker.accepted(),
                    Err(error) => tracker.refused(&transaction.hash, reason(&error)),
                }
            }
        }));
    }
    for worker in workers {
        // A worker that panicked has nothing left to submit.
        let _ = worker.await;
    }
}
