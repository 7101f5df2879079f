//! The results: a table on standard output and the same figures as JSON.

use crate::workloads::Workload;
use serde_json::{json, Value};

/// One workload's measured figures.
pub struct Outcome {
    pub workload: Workload,
    /// The blocks measured (first and last number).
    pub blocks: (u32, u32),
    /// Chain time the measured blocks span (their timestamps).
    pub seconds: f64,
    /// Units of work that succeeded in the measured blocks.
    pub units: u64,
    /// Units per second of chain time.
    pub tps: f64,
    pub failed_extrinsics: u64,
    /// Mean share of the normal class's block weight used.
    pub fullness_percent: f64,
    /// Submission to in-block and to finalized, p50 and p99, in milliseconds.
    pub in_block_ms: (Option<f64>, Option<f64>),
    pub finalized_ms: (Option<f64>, Option<f64>),
    /// CPU of the node and of this tool over the measured blocks (100 % = one core).
    pub node_cpu_percent: Option<f64>,
    pub tool_cpu_percent: Option<f64>,
    /// What full blocks would admit per second, at the weight the measured blocks' transactions
    /// used.
    pub weight_limited_tps: f64,
    pub units_per_transaction: f64,
    pub signed: usize,
    pub accepted: u64,
    pub refusals: Vec<(String, u64)>,
    pub left_in_pool: u64,
    pub seconds_requested: u64,
}

impl Outcome {
    /// Measured ÷ what the weights admit.
    pub fn r1(&self) -> f64 {
        if self.weight_limited_tps > 0.0 {
            self.tps / self.weight_limited_tps
        } else {
            0.0
        }
    }
}

fn cell(value: Option<f64>) -> String {
    value.map_or_else(|| "-".into(), |value| format!("{value:.0}"))
}

/// The baseline (a) of the same run, if it was run.
fn baseline(outcomes: &[Outcome]) -> Option<f64> {
    outcomes
        .iter()
        .find(|outcome| outcome.workload == Workload::Transfers)
        .map(|outcome| outcome.tps)
        .filter(|tps| *tps > 0.0)
}

/// Prints the table.
pub fn print_table(outcomes: &[Outcome], verify_per_second: Option<f64>) {
    let base = baseline(outcomes);
    println!();
    println!(
        "{:<36} {:>9} {:>14} {:>7} {:>6} {:>9} {:>9} {:>9} {:>9} {:>6} {:>6} {:>10} {:>5}",
        "workload",
        "TPS",
        "unit",
        "÷(a)",
        "full%",
        "inblk50",
        "inblk99",
        "final50",
        "final99",
        "node%",
        "tool%",
        "by-weight",
        "R1"
    );
    for outcome in outcomes {
        println!(
            "{:<36} {:>9.0} {:>14} {:>7} {:>6.1} {:>9} {:>9} {:>9} {:>9} {:>6} {:>6} {:>10.0} {:>5.2}",
            outcome.workload.label(),
            outcome.tps,
            outcome.workload.unit(),
            base.map_or_else(|| "-".into(), |base| format!("{:.2}", outcome.tps / base)),
            outcome.fullness_percent,
            cell(outcome.in_block_ms.0),
            cell(outcome.in_block_ms.1),
            cell(outcome.finalized_ms.0),
            cell(outcome.finalized_ms.1),
            cell(outcome.node_cpu_percent),
            cell(outcome.tool_cpu_percent),
            outcome.weight_limited_tps,
            outcome.r1(),
        );
    }
    println!("(latencies in ms; CPU: 100 = one core of this machine; by-weight: units/s full blocks would hold at the weight these used; R1 = TPS ÷ by-weight)");
    for outcome in outcomes {
        if outcome.failed_extrinsics > 0 || !outcome.refusals.is_empty() || outcome.left_in_pool > 0
        {
            println!(
                "{}: {} failed extrinsics in the measured blocks, {} left in the pool, refusals: {:?}",
                outcome.workload.label(),
                outcome.failed_extrinsics,
                outcome.left_in_pool,
                outcome.refusals
            );
        }
    }
    if let Some(verify) = verify_per_second {
        println!("sr25519 verifications per second on one core (benchmark machine): {verify:.0}");
    }
}

/// The JSON report.
pub fn to_json(outcomes: &[Outcome], verify_per_second: Option<f64>, settings: Value) -> Value {
    let base = baseline(outcomes);
    json!({
        "settings": settings,
        "sr25519_verify_per_second": verify_per_second,
        "workloads": outcomes.iter().map(|outcome| json!({
            "workload": format!("{:?}", outcome.workload).to_lowercase(),
            "label": outcome.workload.label(),
            "unit": outcome.workload.unit(),
            "tps": outcome.tps,
            "tps_over_transfers": base.map(|base| outcome.tps / base),
            "units": outcome.units,
            "seconds": outcome.seconds,
            "seconds_requested": outcome.seconds_requested,
            "blocks": [outcome.blocks.0, outcome.blocks.1],
            "block_fullness_percent": outcome.fullness_percent,
            "submit_to_in_block_ms": { "p50": outcome.in_block_ms.0, "p99": outcome.in_block_ms.1 },
            "submit_to_finalized_ms": { "p50": outcome.finalized_ms.0, "p99": outcome.finalized_ms.1 },
            "node_cpu_percent": outcome.node_cpu_percent,
            "tool_cpu_percent": outcome.tool_cpu_percent,
            "weight_limited_tps": outcome.weight_limited_tps,
            "r1": outcome.r1(),
            "units_per_transaction": outcome.units_per_transaction,
            "signed": outcome.signed,
            "accepted": outcome.accepted,
            "failed_extrinsics": outcome.failed_extrinsics,
            "left_in_pool": outcome.left_in_pool,
            "refusals": outcome.refusals.iter().map(|(reason, count)| json!({ "reason": reason, "count": count })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
