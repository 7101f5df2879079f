//! `govchain-node`: Aura block production, GRANDPA finality, ParityDb storage and JSON-RPC for
//! govchain.

// `sc_cli::Error` and `sc_service::Error` are the error types of the node framework's own APIs,
// large by design; boxing them at every call would only obscure the `?` chain.
#![allow(clippy::result_large_err)]

mod chain_client;
mod chain_spec;
mod cli;
mod command;
mod registry_metrics;
mod rpc;
mod service;
mod session_keys;
mod trustee;
mod verify_tally;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;

fn main() -> sc_cli::Result<()> {
    command::run()
}
