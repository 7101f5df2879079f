//! `govchain-node`: Aura block production, GRANDPA finality, ParityDb storage and JSON-RPC for
//! govchain.

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;

fn main() -> sc_cli::Result<()> {
    command::run()
}
