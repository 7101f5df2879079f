//! `govchain-office`: an institution's back-office commands against its node.
//!
//! Exit status: 0 when every row is done (a diploma on chain; a payment paid, or waiting for
//! its approval), 2 when some rows were refused (each named on standard error and in the
//! summary), a payment's proposal closed, or the run stopped early, 1 when nothing could be done
//! (no node, no file, a journal in use, damaged or of another chain, a signer who is no
//! officer, funds short of the file).

use clap::{Parser, Subcommand};
use govchain_office::{
    cbdc,
    chain::{self, Chain},
    diplomas,
    journal::Journal,
    Progress,
};
use indicatif::{ProgressBar, ProgressStyle};
use std::{
    path::{Path, PathBuf},
    process::ExitCode,
    time::Instant,
};
use subxt_signer::sr25519::Keypair;

#[derive(Parser)]
#[command(name = "govchain-office", version, about)]
struct Cli {
    /// The node's WebSocket RPC address.
    #[arg(long, global = true, default_value = "ws://127.0.0.1:9944")]
    url: String,
    /// A file holding the signer's secret URI (mnemonic, `0x` seed, or `//Alice` on a
    /// development chain); `GOVCHAIN_SURI` holds it instead, for automation.
    #[arg(long, global = true)]
    suri_file: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// A university's diplomas.
    Diplomas {
        #[command(subcommand)]
        command: DiplomasCommand,
    },
    /// An institution's digital currency.
    Cbdc {
        #[command(subcommand)]
        command: CbdcCommand,
    },
}

#[derive(Subcommand)]
enum CbdcCommand {
    /// Pays the citizens of a CSV file (columns reference, citizen, amount in the currency's
    /// smallest unit) from the signer's institution, in batches, each followed to a finalized
    /// block. Every transaction is journaled before it is sent, so a rerun of the same file
    /// pays exactly the rows not paid yet, whatever interrupted the first.
    Credit {
        /// The CSV file.
        csv: PathBuf,
        /// The journal (default: the CSV file's path with `.journal` added). Keep it with the
        /// file: it is what tells a rerun which rows are paid.
        #[arg(long)]
        journal: Option<PathBuf>,
        /// The most payments per transaction (at most the runtime's
        /// `Utility::batched_calls_limit`).
        #[arg(long, default_value_t = 100)]
        batch_size: u32,
        /// How many transactions are in flight at once.
        #[arg(long, default_value_t = 4)]
        in_flight: usize,
        /// How many blocks after the one it is signed at a transaction may be included in (a
        /// power of two, 4 to the runtime's `System::BlockHashCount`, 256): the longest a run
        /// waits to prove that a transaction it lost sight of will never be included.
        #[arg(long, default_value_t = 64)]
        mortality: u64,
        /// Check every row against the chain and print what would be done; sign nothing.
        #[arg(long)]
        dry_run: bool,
        /// Also write each row's result (line, reference, amount, status, block, detail) here.
        #[arg(long)]
        results: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum DiplomasCommand {
    /// Issues the diplomas of a CSV file (columns serial, holder, degree, field, issued_on,
    /// document) in batches, each followed to a finalized block. Rows already on chain are
    /// skipped, so a rerun of the same file finishes an interrupted one.
    Issue {
        /// The CSV file.
        csv: PathBuf,
        /// The most diplomas per batch (at most the runtime's `Diplomas::MaxBatchSize`).
        #[arg(long)]
        batch_size: Option<u32>,
        /// How many batches are in flight at once.
        #[arg(long, default_value_t = 4)]
        in_flight: usize,
        /// Check every row against the chain and print what would be done; sign nothing.
        #[arg(long)]
        dry_run: bool,
        /// Also write each row's result (line, serial, status, diploma id, block, reason) here.
        #[arg(long)]
        results: Option<PathBuf>,
    },
}

/// The progress bar on a terminal, a line per batch otherwise.
struct Bar {
    bar: ProgressBar,
    /// What the rows are ("diplomas", "payments").
    rows: &'static str,
}

impl Bar {
    fn new(rows: &'static str) -> Bar {
        // Drawn on standard error when it is a terminal, hidden otherwise.
        let bar = ProgressBar::new(0);
        if let Ok(style) = ProgressStyle::with_template(&format!(
            "{{elapsed_precise}} [{{wide_bar}}] {{pos}}/{{len}} {rows} final {{msg}}"
        )) {
            bar.set_style(style);
        }
        Bar { bar, rows }
    }
}

impl Progress for Bar {
    fn start(&self, total: u64) {
        self.bar.set_length(total);
        self.say(format!("sending {total} {}", self.rows));
    }

    fn done(&self, rows: u64, block: u64) {
        self.bar.inc(rows);
        self.bar.set_message(format!("(block #{block})"));
        if self.bar.is_hidden() {
            eprintln!(
                "{} of {} final (block #{block})",
                self.bar.position(),
                self.bar.length().unwrap_or(0)
            );
        }
    }

    fn refused(&self, line: u64, key: &str, reason: &str) {
        // A row refused while sending leaves the rows to send.
        if self.bar.length().is_some_and(|length| length > 0) {
            self.bar.dec_length(1);
        }
        self.say(format!("line {line} ({key}): refused: {reason}"));
    }

    fn say(&self, message: String) {
        if self.bar.is_hidden() {
            eprintln!("{message}");
        } else {
            self.bar.println(message);
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn secret(cli: &Cli) -> chain::Result<String> {
    match &cli.suri_file {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read {}: {error}", path.display())),
        None => std::env::var("GOVCHAIN_SURI")
            .map_err(|_| "no signer: pass --suri-file FILE or set GOVCHAIN_SURI".to_owned()),
    }
}

async fn run(cli: Cli) -> chain::Result<bool> {
    let signer = chain::signer(&secret(&cli)?)?;
    match cli.command {
        Command::Diplomas {
            command:
                DiplomasCommand::Issue {
                    csv,
                    batch_size,
                    in_flight,
                    dry_run,
                    results,
                },
        } => {
            let options = diplomas::Options {
                batch_size,
                in_flight,
                dry_run,
            };
            issue_diplomas(&cli.url, &signer, &csv, &options, results.as_deref()).await
        }
        Command::Cbdc {
            command:
                CbdcCommand::Credit {
                    csv,
                    journal,
                    batch_size,
                    in_flight,
                    mortality,
                    dry_run,
                    results,
                },
        } => {
            let options = cbdc::Options {
                batch_size,
                in_flight,
                mortality,
                dry_run,
            };
            let journal = journal.unwrap_or_else(|| {
                let mut path = csv.clone().into_os_string();
                path.push(".journal");
                PathBuf::from(path)
            });
            credit(
                &cli.url,
                &signer,
                &csv,
                &journal,
                &options,
                results.as_deref(),
            )
            .await
        }
    }
}

async fn issue_diplomas(
    url: &str,
    signer: &Keypair,
    csv: &Path,
    options: &diplomas::Options,
    results: Option<&Path>,
) -> chain::Result<bool> {
    use diplomas::Status;
    let dry_run = options.dry_run;
    let started = Instant::now();
    let rows = diplomas::read(csv)?;
    let chain = Chain::connect(url).await?;
    let bar = Bar::new("diplomas");
    let report = diplomas::issue(&chain, signer, rows, options, &bar).await?;

    let (issued, on_chain, refused, waiting) = report.counts();
    let blocks: Vec<u64> = report
        .rows
        .iter()
        .filter_map(|row| match row.status {
            Status::Issued { block, .. } => Some(block),
            _ => None,
        })
        .collect();
    println!(
        "{}: {} rows for institution {} ({:.1} s{})",
        csv.display(),
        report.rows.len(),
        report.institution,
        started.elapsed().as_secs_f64(),
        if dry_run {
            ", dry run: nothing signed"
        } else {
            ""
        }
    );
    match (blocks.iter().min(), blocks.iter().max()) {
        (Some(first), Some(last)) => {
            println!("  issued now:        {issued} (finalized in blocks #{first} to #{last})")
        }
        _ => println!("  issued now:        {issued}"),
    }
    println!("  already on chain:  {on_chain}");
    println!("  refused:           {refused}");
    if waiting > 0 {
        println!(
            "  {}: {waiting}",
            if dry_run { "to issue" } else { "not attempted" }
        );
    }
    for row in &report.rows {
        if let Status::Refused(reason) = &row.status {
            println!("    line {} ({}): {reason}", row.line, row.serial);
        }
    }
    if let Some(reason) = &report.stopped {
        println!("  stopped: {reason}");
        println!("  run the same file again to issue the rest; rows on chain are skipped");
    }
    if let Some(path) = results {
        if let Err(error) = diplomas::write_results(&report, path) {
            eprintln!("govchain-office: {error}");
            return Ok(false);
        }
    }
    Ok(report.complete() || (dry_run && refused == 0))
}

async fn credit(
    url: &str,
    signer: &Keypair,
    csv: &Path,
    journal: &Path,
    options: &cbdc::Options,
    results: Option<&Path>,
) -> chain::Result<bool> {
    use cbdc::Status;
    let started = Instant::now();
    let rows = cbdc::read(csv)?;
    let mut journal = Journal::open(journal)?;
    let chain = Chain::connect(url).await?;
    let bar = Bar::new("payments");
    let report = cbdc::credit(&chain, signer, rows, &mut journal, options, &bar).await?;

    let counts = report.counts();
    let blocks: Vec<u64> = report
        .rows
        .iter()
        .filter_map(|row| match row.status {
            Status::Credited {
                block,
                earlier: false,
            } => Some(block),
            _ => None,
        })
        .collect();
    println!(
        "{}: {} rows, paid by institution {} ({:.1} s{})",
        csv.display(),
        report.rows.len(),
        report.institution,
        started.elapsed().as_secs_f64(),
        if options.dry_run {
            ", dry run: nothing signed"
        } else {
            ""
        }
    );
    match (blocks.iter().min(), blocks.iter().max()) {
        (Some(first), Some(last)) => println!(
            "  credited now:      {} ({} in the smallest unit; finalized in blocks #{first} to #{last})",
            counts.credited_now, counts.credited_now_amount
        ),
        _ => println!("  credited now:      {}", counts.credited_now),
    }
    println!("  credited earlier:  {}", counts.credited_earlier);
    if counts.proposed > 0 {
        println!("  awaiting approval: {}", counts.proposed);
    }
    if counts.closed > 0 {
        println!("  proposals closed:  {}", counts.closed);
    }
    println!("  refused:           {}", counts.refused);
    if counts.not_attempted > 0 {
        println!(
            "  {}: {}",
            if options.dry_run {
                "to pay"
            } else {
                "not attempted"
            },
            counts.not_attempted
        );
    }
    for row in &report.rows {
        match &row.status {
            Status::Refused(reason) => {
                println!("    line {} ({}): {reason}", row.line, row.reference)
            }
            Status::Proposed { action, .. } => println!(
                "    line {} ({}): above the large-transfer amount, kept as action {action} for \
                 the institution's other officers to approve",
                row.line, row.reference
            ),
            Status::Closed { action, .. } => println!(
                "    line {} ({}): action {action} is no longer pending: approved (paid), \
                 rejected or expired; its events (Identity::ActionExecuted, ActionRejected, \
                 ActionExpired) say which",
                row.line, row.reference
            ),
            _ => {}
        }
    }
    if let Some(reason) = &report.stopped {
        println!("  stopped: {reason}");
        println!("  run the same file again to pay the rest; paid rows are skipped");
    }
    if let Some(path) = results {
        if let Err(error) = cbdc::write_results(&report, path) {
            eprintln!("govchain-office: {error}");
            return Ok(false);
        }
    }
    Ok(report.complete() || (options.dry_run && counts.refused == 0))
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(Cli::parse()).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(2),
        Err(error) => {
            eprintln!("govchain-office: {error}");
            ExitCode::FAILURE
        }
    }
}
