//! The pallet's capabilities, one file each; the calls in `lib.rs` check origins and delegate
//! here.

mod account_moves;
mod accounts;
mod citizens;
mod dual_control;
mod institutions;
mod officers;
pub(crate) mod quota;
mod succession;
