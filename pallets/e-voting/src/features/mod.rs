//! The pallet's capabilities, one file each; `lib.rs` checks origins and delegates here.

mod ballots;
mod closing;
mod elections;
mod encrypted;
mod key_ceremony;
mod referendum;
mod relay;
