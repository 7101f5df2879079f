//! govchain-office: the back-office client an institution runs against its node.
//!
//! It reads and writes the chain through the metadata the node serves (subxt's dynamic calls,
//! runtime API calls and storage reads, each checked against that metadata), so it keeps no
//! copy of the runtime's types and goes on working across runtime upgrades that leave the calls
//! it makes as they are; a call whose shape changed is refused with the metadata's reason before
//! anything is signed.
//!
//! - [`chain`]: connecting, the signer, the officer's institution, submitting signed
//!   transactions and following them to finality (or finding them in the finalized chain),
//!   naming dispatch errors.
//! - [`diplomas`]: a university's diplomas from a CSV file, in batches, idempotent through the
//!   register itself (a diploma's id comes from its serial).
//! - [`cbdc`]: a bank's credits to citizens from a CSV file, in batches, idempotent through a
//!   [`journal`] (a payment leaves no reference of the bank's on chain).
//! - [`table`]: the CSV files.

pub mod cbdc;
pub mod chain;
pub mod diplomas;
pub mod journal;
pub mod table;
pub mod values;

/// Told of a run's progress, row by row.
pub trait Progress {
    /// `total` rows are to be written to the chain.
    fn start(&self, total: u64);
    /// `rows` more are on chain, in finalized block `block`.
    fn done(&self, rows: u64, block: u64);
    /// A row was refused (`key`: its serial, reference, …).
    fn refused(&self, line: u64, key: &str, reason: &str);
    /// Something the operator should know (an earlier run's transaction being settled, …).
    fn say(&self, message: String);
    /// The run is over.
    fn finish(&self);
}
