//! govchain-office: the back-office client an institution runs against its node.
//!
//! It reads and writes the chain through the metadata the node serves (subxt's dynamic calls,
//! runtime API calls and storage reads, each checked against that metadata), so it keeps no
//! copy of the runtime's types and goes on working across runtime upgrades that leave the calls
//! it makes as they are; a call whose shape changed is refused with the metadata's reason before
//! anything is signed.
//!
//! - [`chain`]: connecting, the signer, the officer's institution, submitting signed batches and
//!   following them to finality, naming dispatch errors.
//! - [`diplomas`]: a university's diplomas from a CSV file, in batches, idempotent.

pub mod chain;
pub mod diplomas;
pub mod values;
