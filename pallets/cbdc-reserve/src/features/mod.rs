//! The pallet's capabilities, one file each; `lib.rs` checks origins and delegates here.

mod coverage;
mod freezes;
mod institution_money;
mod issuance;
mod limits;
mod officers;
mod payments;
mod relay;
mod reserve;
mod succession;
mod transfers;
