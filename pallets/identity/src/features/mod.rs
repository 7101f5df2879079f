//! The pallet's capabilities, one file each; the calls in `lib.rs` check origins and delegate
//! here.

mod accounts;
mod citizens;
mod institutions;
mod officers;
pub(crate) mod quota;
