//! Runs the subcommand the command line names, or the node.

use crate::{
    chain_spec,
    cli::{Cli, Subcommand},
    service,
};
use govchain_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;

impl SubstrateCli for Cli {
    fn impl_name() -> String {
        "govchain node".into()
    }

    fn impl_version() -> String {
        env!("SUBSTRATE_CLI_IMPL_VERSION").into()
    }

    fn description() -> String {
        env!("CARGO_PKG_DESCRIPTION").into()
    }

    fn author() -> String {
        env!("CARGO_PKG_AUTHORS").into()
    }

    fn support_url() -> String {
        "the govchain operators' desk of your national IT agency".into()
    }

    fn copyright_start_year() -> i32 {
        2026
    }

    fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
        Ok(match id {
            "dev" => Box::new(chain_spec::development_chain_spec()?),
            "" | "local" => Box::new(chain_spec::local_chain_spec()?),
            "national-local" => Box::new(chain_spec::national_local_chain_spec()?),
            path => Box::new(chain_spec::ChainSpec::from_json_file(
                std::path::PathBuf::from(path),
            )?),
        })
    }
}

/// Parses the command line and runs what it asks for.
pub fn run() -> sc_cli::Result<()> {
    let cli = Cli::from_args();
    // `key inspect`, `key generate` and the logs show govchain addresses, not generic ones.
    sp_core::crypto::set_default_ss58_version(sp_core::crypto::Ss58AddressFormat::custom(
        govchain_runtime::token::SS58_PREFIX,
    ));

    match &cli.subcommand {
        Some(Subcommand::Key(cmd)) => cmd.run(&cli),
        #[allow(deprecated)]
        Some(Subcommand::BuildSpec(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
        }
        Some(Subcommand::ExportChainSpec(cmd)) => {
            let chain_spec = cli.load_spec(&cmd.chain)?;
            cmd.run(chain_spec)
        }
        Some(Subcommand::CheckBlock(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.async_run(|config| {
                let PartialComponents {
                    client,
                    task_manager,
                    import_queue,
                    ..
                } = service::new_partial(&config)?;
                Ok((cmd.run(client, import_queue), task_manager))
            })
        }
        Some(Subcommand::ExportBlocks(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.async_run(|config| {
                let PartialComponents {
                    client,
                    task_manager,
                    ..
                } = service::new_partial(&config)?;
                Ok((cmd.run(client, config.database), task_manager))
            })
        }
        Some(Subcommand::ExportState(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.async_run(|config| {
                let PartialComponents {
                    client,
                    task_manager,
                    ..
                } = service::new_partial(&config)?;
                Ok((cmd.run(client, config.chain_spec), task_manager))
            })
        }
        Some(Subcommand::ImportBlocks(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.async_run(|config| {
                let PartialComponents {
                    client,
                    task_manager,
                    import_queue,
                    ..
                } = service::new_partial(&config)?;
                Ok((cmd.run(client, import_queue), task_manager))
            })
        }
        Some(Subcommand::PurgeChain(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.sync_run(|config| cmd.run(config.database))
        }
        Some(Subcommand::Revert(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.async_run(|config| {
                let PartialComponents {
                    client,
                    task_manager,
                    backend,
                    ..
                } = service::new_partial(&config)?;
                let aux_revert = Box::new(|client, _, blocks| {
                    sc_consensus_grandpa::revert(client, blocks)?;
                    Ok(())
                });
                Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
            })
        }
        #[cfg(feature = "runtime-benchmarks")]
        Some(Subcommand::Benchmark(cmd)) => crate::benchmarking::run(&cli, cmd),
        Some(Subcommand::ChainInfo(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.sync_run(|config| cmd.run::<Block>(&config))
        }
        Some(Subcommand::VerifyTally(cmd)) => cmd.run(),
        Some(Subcommand::Trustee(cmd)) => cmd.run(),
        Some(Subcommand::ChainSpecBuilder(cmd)) => cmd.run().map_err(sc_cli::Error::Input),
        Some(Subcommand::SessionKeys(cmd)) => cmd.run(),
        None => {
            let runner = cli.create_runner(&cli.run)?;
            let storage_monitor = cli.storage_monitor.clone();
            runner.run_node_until_exit(|config| async move {
                let database = config.database.path().map(|path| path.to_path_buf());
                // Checked once before the database is opened, so that a node short of space
                // does not start at all (not even to sync a few blocks onto a full disk).
                // A new node's database directory does not exist yet: its nearest existing
                // parent (of the absolute path: a relative one ends in "") is on the same
                // filesystem.
                let existing = database
                    .as_deref()
                    .and_then(|path| std::path::absolute(path).ok())
                    .and_then(|path| path.ancestors().find(|dir| dir.exists()).map(Into::into));
                if let (Some(existing), true) = (existing, storage_monitor.threshold > 0) {
                    sc_storage_monitor::StorageMonitorService::try_spawn(
                        storage_monitor.clone(),
                        existing,
                        &CheckOnly,
                    )
                    .map_err(|error| sc_cli::Error::Application(error.into()))?;
                }
                let task_manager = match config.network.network_backend {
                    sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
                        sc_network::NetworkWorker<
                            Block,
                            <Block as sp_runtime::traits::Block>::Hash,
                        >,
                    >(config),
                    sc_network::config::NetworkBackendType::Litep2p => {
                        service::new_full::<sc_network::Litep2pNetworkBackend>(config)
                    }
                }
                .map_err(sc_cli::Error::Service)?;
                // An essential task: when free space drops below the threshold it ends, and the
                // node shuts down with its database consistent.
                if let Some(database) = database {
                    sc_storage_monitor::StorageMonitorService::try_spawn(
                        storage_monitor,
                        database,
                        &task_manager.spawn_essential_handle(),
                    )
                    .map_err(|error| sc_cli::Error::Application(error.into()))?;
                }
                Ok(task_manager)
            })
        }
    }
}

/// A spawner that runs nothing: `StorageMonitorService::try_spawn` with it only checks the free
/// space, before the node has opened its database.
#[derive(Clone)]
struct CheckOnly;

impl sp_core::traits::SpawnEssentialNamed for CheckOnly {
    fn spawn_essential_blocking(
        &self,
        _: &'static str,
        _: Option<&'static str>,
        _: futures::future::BoxFuture<'static, ()>,
    ) {
    }

    fn spawn_essential(
        &self,
        _: &'static str,
        _: Option<&'static str>,
        _: futures::future::BoxFuture<'static, ()>,
    ) {
    }
}
