//! `govchain-node benchmark …`: measures the runtime's pallets, the database and this machine
//! to produce the weights the runtime charges. Built only with `--features runtime-benchmarks`.

use crate::{cli::Cli, service};
use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
use govchain_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;

/// Runs one benchmark subcommand.
pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
    let runner = cli.create_runner(cmd)?;
    runner.sync_run(|config| match cmd {
        BenchmarkCmd::Pallet(cmd) => {
            cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(config.chain_spec))
        }
        BenchmarkCmd::Block(cmd) => {
            let PartialComponents { client, .. } = service::new_partial(&config)?;
            cmd.run(client)
        }
        BenchmarkCmd::Storage(cmd) => {
            let PartialComponents {
                client, backend, ..
            } = service::new_partial(&config)?;
            let db = backend.expose_db();
            let storage = backend.expose_storage();
            let shared_cache = backend.expose_shared_trie_cache();
            cmd.run(config, client, db, storage, shared_cache)
        }
        BenchmarkCmd::Machine(cmd) => cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()),
        BenchmarkCmd::Overhead(_) | BenchmarkCmd::Extrinsic(_) => Err(
            "`benchmark overhead` and `benchmark extrinsic` need signed extrinsic builders, which \
			 govchain-node does not provide yet; use `benchmark pallet`, `storage` or `machine`."
                .into(),
        ),
    })
}
