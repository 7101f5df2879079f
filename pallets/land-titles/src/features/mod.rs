//! The pallet's capabilities, one file each; `lib.rs` checks origins and delegates here.

mod freezes;
mod history;
mod liens;
mod lineage;
mod offers;
mod officers;
mod owner_index;
mod registration;
mod settlement;
mod succession;
mod titles;
