//! `govchain-load`: puts load on a running govchain node and measures what lands in its blocks.
//!
//! Sets up a government with ≥ 10,000 verified citizens through ordinary extrinsics, then for
//! each workload signs every transaction first, submits them at full speed over several
//! WebSocket connections for the set time and counts, from the blocks' events, the units of
//! work that succeeded. Run it through `scripts/bench-load.sh`, which starts the node.

// A measuring tool, not runtime code: indexes are within the vectors it built, and its figures
// are floating-point.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

mod ceremony;
mod chain;
mod cpu;
mod follow;
mod government;
mod reads;
mod report;
mod rpc;
mod run;
mod signer;
mod submit;
mod workloads;

use clap::Parser;
use std::{path::PathBuf, sync::Arc};
use workloads::Workload;

/// What the tool's functions fail with: a message for the operator.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

#[derive(Parser)]
#[command(
    about = "Load benchmark of a govchain node (see scripts/bench-load.sh); `reads`: its read \
             path (see scripts/bench-reads.sh)",
    args_conflicts_with_subcommands = true
)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// The node's WebSocket RPC endpoint (unsafe methods enabled: the pool is cleared between
    /// workloads).
    #[arg(long, default_value = "ws://127.0.0.1:9944")]
    url: String,
    /// Verified citizens to set up, each with tokens and CBDC.
    #[arg(long, default_value_t = 10_000)]
    citizens: u32,
    /// Parcels to set up (owned by the first half of the citizens).
    #[arg(long, default_value_t = 10_000)]
    parcels: u32,
    /// Seconds each workload submits for.
    #[arg(long, default_value_t = 120)]
    seconds: u64,
    /// The most units per second any workload is signed for (an upper bound on what to
    /// measure: raise it if a run reports it used up what it signed).
    #[arg(long, default_value_t = 6_000)]
    max_rate: u64,
    /// The most diplomas per second workload (d) is signed for.
    #[arg(long, default_value_t = 20_000)]
    max_diploma_rate: u64,
    /// The most encrypted ballots per second workload (g) is signed for (each is encrypted,
    /// with its proof, before the clock starts: about 1.5 ms apiece).
    #[arg(long, default_value_t = 400)]
    max_ballot_rate: u64,
    /// The most relayed encrypted ballots per second workload (h) is signed for.
    #[arg(long, default_value_t = 800)]
    max_relayed_ballot_rate: u64,
    /// The tip on the relayed batches (h, i, j): 0 sends them fee-free when they qualify (within
    /// the block's fee-free share and no heavier than a fee-free transaction may be); any tip
    /// makes the relaying institution pay, so they may take the whole of a block's normal
    /// class.
    #[arg(long, default_value_t = 0)]
    relay_tip: u128,
    /// Submit each workload at this fraction of the rate its block limits admit, evenly
    /// (e.g. 0.5: submission to finality of a chain at half load), instead of at full speed.
    /// Latency still counts from each submission: transactions the pool cap held back go out
    /// late, in a burst (the progress line shows the pool).
    #[arg(long)]
    pace: Option<f64>,
    /// WebSocket connections to submit over.
    #[arg(long, default_value_t = 8)]
    connections: usize,
    /// Requests in flight on each connection.
    #[arg(long, default_value_t = 64)]
    in_flight: usize,
    /// Workloads to run, in order: transfers (a), cbdc (b), votes (c), diplomas (d), land (e),
    /// mix (f), encrypted ballots (g), relayed encrypted ballots (h), relayed payment orders
    /// (i), relayed public votes (j).
    #[arg(long, value_delimiter = ',', default_value = "a,b,c,d,e,f,g")]
    workloads: Vec<Workload>,
    /// The node's process id, to report its CPU use.
    #[arg(long)]
    node_pid: Option<u32>,
    /// sr25519 verifications per second of this machine (from `benchmark machine`), printed
    /// next to the results.
    #[arg(long)]
    verify_per_second: Option<f64>,
    /// Only set up the government, then stop (a state to benchmark the database on).
    #[arg(long)]
    setup_only: bool,
    /// Where to write the JSON report.
    #[arg(long)]
    json: Option<PathBuf>,
}

#[derive(clap::Subcommand)]
enum Command {
    /// The read path: many WebSocket clients asking the registries' verification queries at
    /// the finalized block (see reads.rs).
    Reads(reads::ReadArgs),
}

#[tokio::main]
async fn main() {
    let mut args = Args::parse();
    let outcome = match args.command.take() {
        Some(Command::Reads(reads)) => reads::run(reads).await,
        None => run_all(args).await,
    };
    if let Err(error) = outcome {
        eprintln!("govchain-load: {error}");
        std::process::exit(1);
    }
}

async fn run_all(args: Args) -> Result<(), Error> {
    if args.citizens < 4 {
        return Err("at least 4 citizens are needed".into());
    }
    let rpc = rpc::Rpc::connect(&args.url, args.connections, args.in_flight).await?;
    let chain = Arc::new(chain::Chain::new(rpc).await?);
    let tracker = Arc::new(follow::Tracker::default());
    let seen = Arc::new(follow::Seen::default());
    let (announce, _) = tokio::sync::broadcast::channel(1_024);
    // The follower has a connection of its own: block fetches never queue behind submissions.
    let follower_rpc = rpc::Rpc::connect(&args.url, 1, 16).await?;
    let follower = tokio::spawn(follow::follow(
        follower_rpc,
        tracker.clone(),
        seen.clone(),
        args.node_pid,
        announce.clone(),
    ));

    // Each citizen votes once per poll: enough polls for votes and the mix at the top rate.
    let rounds = (args.seconds * args.max_rate).div_ceil(u64::from(args.citizens)) as u32 + 1;
    let polls = rounds
        * args
            .workloads
            .iter()
            .filter(|workload| workload.uses_polls())
            .count()
            .max(1) as u32;
    eprintln!(
        "setting up {} citizens, {} parcels and {polls} polls…",
        args.citizens, args.parcels
    );
    let started = std::time::Instant::now();
    let encrypted = args.workloads.contains(&Workload::EncryptedBallots)
        || args.workloads.contains(&Workload::RelayedBallots);
    let government =
        Arc::new(government::set_up(&chain, args.citizens, args.parcels, polls, encrypted).await?);
    eprintln!("set up in {:.0} s", started.elapsed().as_secs_f64());
    if args.setup_only {
        follower.abort();
        return Ok(());
    }

    let settings = run::Settings {
        seconds: args.seconds,
        in_flight: args.in_flight,
        pace: args.pace,
    };
    let (mut serial, mut first_poll) = (0u64, 0usize);
    let mut outcomes = Vec::new();
    for workload in &args.workloads {
        let max_rate = match workload {
            Workload::Diplomas => args.max_diploma_rate,
            Workload::EncryptedBallots => args.max_ballot_rate,
            Workload::RelayedBallots => args.max_relayed_ballot_rate,
            _ => args.max_rate,
        };
        let signing = std::time::Instant::now();
        let plan = workloads::plan(
            *workload,
            &chain,
            &government,
            args.seconds,
            max_rate,
            &mut serial,
            &mut first_poll,
            args.relay_tip,
        )
        .await?;
        eprintln!(
            "{}: signed {} transactions in {:.1} s; the block limits admit {:.0} {} per block",
            workload.label(),
            plan.transactions.len(),
            signing.elapsed().as_secs_f64(),
            plan.units_per_block_by_limits,
            workload.unit()
        );
        let Some(outcome) = run::run(
            *workload,
            plan,
            chain.clone(),
            government.clone(),
            tracker.clone(),
            seen.clone(),
            &announce,
            &settings,
        )
        .await?
        else {
            continue;
        };
        eprintln!(
            "{}: {:.0} {}/s over blocks #{}..#{} ({:.0} s), {:.1} % full",
            workload.label(),
            outcome.tps,
            workload.unit(),
            outcome.blocks.0,
            outcome.blocks.1,
            outcome.seconds,
            outcome.fullness_percent
        );
        if follower.is_finished() {
            return Err("the block follower stopped".into());
        }
        outcomes.push(outcome);
    }
    follower.abort();

    report::print_table(&outcomes, args.verify_per_second);
    if let Some(path) = &args.json {
        let settings = serde_json::json!({
            "citizens": args.citizens,
            "parcels": args.parcels,
            "seconds": args.seconds,
            "connections": args.connections,
            "in_flight": args.in_flight,
            "max_rate": args.max_rate,
            "max_diploma_rate": args.max_diploma_rate,
            "pace": args.pace,
        });
        let report = report::to_json(&outcomes, args.verify_per_second, settings);
        std::fs::write(path, serde_json::to_string_pretty(&report)?)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}
