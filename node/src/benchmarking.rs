//! `govchain-node benchmark …`: measures the runtime's pallets, the database and this machine
//! to produce the weights the runtime charges. Built only with `--features runtime-benchmarks`.

use crate::{cli::Cli, service};
use codec::Encode;
use frame_benchmarking_cli::{
    BenchmarkCmd, ExtrinsicBuilder, ExtrinsicFactory, SUBSTRATE_REFERENCE_HARDWARE,
};
use govchain_runtime::{opaque::Block, BalancesCall, RuntimeCall};
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_inherents::{InherentData, InherentDataProvider};
use sp_keyring::Sr25519Keyring;
use sp_runtime::OpaqueExtrinsic;

/// The host functions the benchmark commands add to the standard and benchmarking ones: the
/// runtime counts ballots on the node (`govchain_ballot::host`).
type BallotHostFunctions = govchain_ballot::host::ballot_host::HostFunctions;

/// Runs one benchmark subcommand.
pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
    let runner = cli.create_runner(cmd)?;
    runner.sync_run(|config| match cmd {
        BenchmarkCmd::Pallet(cmd) => cmd
            .run_with_spec::<sp_runtime::traits::HashingFor<Block>, BallotHostFunctions>(Some(
                config.chain_spec,
            )),
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
        BenchmarkCmd::Overhead(cmd) => cmd
            .run_with_extrinsic_builder_and_spec::<Block, BallotHostFunctions>(
                Box::new(|_metadata, genesis, _version| {
                    Box::new(SignedCallBuilder::remark(genesis)) as Box<_>
                }),
                Some(config.chain_spec),
            ),
        BenchmarkCmd::Extrinsic(cmd) => {
            let PartialComponents { client, .. } = service::new_partial(&config)?;
            let genesis = client.info().genesis_hash;
            let builders = ExtrinsicFactory(vec![
                Box::new(SignedCallBuilder::remark(genesis)),
                Box::new(SignedCallBuilder::transfer_keep_alive(genesis)),
            ]);
            cmd.run(client, timestamp_now()?, Vec::new(), &builders)
        }
    })
}

/// What `benchmark overhead` and `benchmark extrinsic` fill blocks with: one call, signed by
/// Alice (funded in the development preset) with increasing nonces, immortal, for the chain
/// whose genesis block is `genesis`.
struct SignedCallBuilder {
    pallet: &'static str,
    extrinsic: &'static str,
    call: RuntimeCall,
    genesis: H256,
}

impl SignedCallBuilder {
    /// `system.remark` of nothing: the cost of any transaction, without its call.
    fn remark(genesis: H256) -> Self {
        Self {
            pallet: "system",
            extrinsic: "remark",
            call: frame_system::Call::remark { remark: Vec::new() }.into(),
            genesis,
        }
    }

    /// `balances.transfer_keep_alive` of the existential deposit to Bob.
    fn transfer_keep_alive(genesis: H256) -> Self {
        Self {
            pallet: "balances",
            extrinsic: "transfer_keep_alive",
            call: BalancesCall::transfer_keep_alive {
                dest: Sr25519Keyring::Bob.to_account_id().into(),
                value: govchain_runtime::EXISTENTIAL_DEPOSIT,
            }
            .into(),
            genesis,
        }
    }
}

impl ExtrinsicBuilder for SignedCallBuilder {
    fn pallet(&self) -> &str {
        self.pallet
    }

    fn extrinsic(&self) -> &str {
        self.extrinsic
    }

    fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
        let signed = govchain_runtime::signing::sign(
            &Sr25519Keyring::Alice.pair(),
            self.call.clone(),
            nonce,
            self.genesis,
        );
        OpaqueExtrinsic::try_from_encoded_extrinsic(&signed.encode())
            .map_err(|_| "a signed extrinsic decodes as an opaque one")
    }
}

/// The inherent data of a block authored now: the timestamp.
fn timestamp_now() -> sc_cli::Result<InherentData> {
    let mut data = InherentData::new();
    futures::executor::block_on(
        sp_timestamp::InherentDataProvider::from_system_time().provide_inherent_data(&mut data),
    )
    .map_err(|error| format!("the timestamp inherent: {error}"))?;
    Ok(data)
}
