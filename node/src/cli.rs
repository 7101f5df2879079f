//! Command-line arguments.

/// `govchain-node [SUBCOMMAND] [OPTIONS]`: without a subcommand it runs a node.
#[derive(Debug, clap::Parser)]
pub struct Cli {
    #[command(subcommand)]
    pub subcommand: Option<Subcommand>,

    #[clap(flatten)]
    pub run: sc_cli::RunCmd,

    /// `--db-storage-threshold MiB` (default 1024; 0 disables) and
    /// `--db-storage-polling-period SECONDS`: the node shuts down cleanly once the database's
    /// filesystem has less free space than the threshold, and will not start below it.
    #[clap(flatten)]
    pub storage_monitor: sc_storage_monitor::StorageMonitorParams,
}

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
    /// Key management: generate, inspect, insert keys; node keys.
    #[command(subcommand)]
    Key(sc_cli::KeySubcommand),

    /// Build a chain specification (`export-chain-spec` is the newer name).
    BuildSpec(sc_cli::BuildSpecCmd),

    /// Export a chain specification.
    ExportChainSpec(sc_cli::ExportChainSpecCmd),

    /// Build a chain specification from a runtime wasm (polkadot-sdk's chain-spec-builder):
    /// `create`, `convert-to-raw`, `list-presets`, `display-preset`, `update-code`, `verify`.
    ChainSpecBuilder(staging_chain_spec_builder::ChainSpecBuilder),

    /// Validate blocks.
    CheckBlock(sc_cli::CheckBlockCmd),

    /// Export blocks.
    ExportBlocks(sc_cli::ExportBlocksCmd),

    /// Export the state of a given block into a chain spec.
    ExportState(sc_cli::ExportStateCmd),

    /// Import blocks.
    ImportBlocks(sc_cli::ImportBlocksCmd),

    /// Remove the whole chain.
    PurgeChain(sc_cli::PurgeChainCmd),

    /// Revert the chain to a previous state.
    Revert(sc_cli::RevertCmd),

    /// Runtime and node benchmarks (built with `--features runtime-benchmarks`).
    #[cfg(feature = "runtime-benchmarks")]
    #[command(subcommand)]
    Benchmark(frame_benchmarking_cli::BenchmarkCmd),

    /// Database metadata.
    ChainInfo(sc_cli::ChainInfoCmd),

    /// Check an encrypted election's public record from a node: every ballot's proof, the
    /// encrypted sums, the trustees' decryption shares and the published counts.
    VerifyTally(crate::verify_tally::VerifyTallyCmd),

    /// A validator's session keys: `rotate` makes new ones in the running node's keystore and
    /// registers them on chain (`session.set_keys`).
    #[command(subcommand)]
    SessionKeys(crate::session_keys::SessionKeysCmd),

    /// Act as one trustee of an encrypted election, through a node: the key ceremony, the
    /// decryption shares after voting, and the counts once enough trustees posted theirs.
    Trustee(crate::trustee::TrusteeCmd),
}
