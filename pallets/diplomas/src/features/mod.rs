//! The pallet's capabilities, one file each; `lib.rs` checks origins and delegates here.

mod accreditation;
mod calendar;
mod import;
mod issuance;
mod officers;
mod recording;
mod revocation;
