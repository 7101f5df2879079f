//! `govchain-office`: an institution's back-office commands against its node.
//!
//! Exit status: 0 when every row is on chain, 2 when some rows were refused (each named on
//! standard error and in the summary) or the run stopped early, 1 when nothing could be done
//! (no node, no file, a signer who is no officer).

use clap::{Parser, Subcommand};
use govchain_office::{
    chain::{self, Chain},
    diplomas::{self, Options, Progress, Status},
};
use indicatif::{ProgressBar, ProgressStyle};
use std::{path::PathBuf, process::ExitCode, time::Instant};

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
}

impl Bar {
    fn new() -> Bar {
        // Drawn on standard error when it is a terminal, hidden otherwise.
        let bar = ProgressBar::new(0);
        if let Ok(style) = ProgressStyle::with_template(
            "{elapsed_precise} [{wide_bar}] {pos}/{len} diplomas final {msg}",
        ) {
            bar.set_style(style);
        }
        Bar { bar }
    }

    fn say(&self, message: String) {
        if self.bar.is_hidden() {
            eprintln!("{message}");
        } else {
            self.bar.println(message);
        }
    }
}

impl Progress for Bar {
    fn start(&self, total: u64) {
        self.bar.set_length(total);
        self.say(format!("issuing {total} diplomas"));
    }

    fn issued(&self, rows: u64, block: u64) {
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

    fn refused(&self, line: u64, serial: &str, reason: &str) {
        // A row refused while issuing leaves the rows to issue.
        if self.bar.length().is_some_and(|length| length > 0) {
            self.bar.dec_length(1);
        }
        self.say(format!("line {line} ({serial}): refused: {reason}"));
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
    let Command::Diplomas {
        command:
            DiplomasCommand::Issue {
                csv,
                batch_size,
                in_flight,
                dry_run,
                results,
            },
    } = cli.command;
    let started = Instant::now();
    let rows = diplomas::read(&csv)?;
    let chain = Chain::connect(&cli.url).await?;
    let options = Options {
        batch_size,
        in_flight,
        dry_run,
    };
    let bar = Bar::new();
    let report = diplomas::issue(&chain, &signer, rows, &options, &bar).await?;

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
    if let Some(path) = &results {
        if let Err(error) = diplomas::write_results(&report, path) {
            eprintln!("govchain-office: {error}");
            return Ok(false);
        }
    }
    Ok(report.complete() || (dry_run && refused == 0))
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
