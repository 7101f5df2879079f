//! Given the civil registry (institution 0, admin `ADMIN`), its officer `REGISTRAR` until block
//! 100, and citizen 0 held by `CITIZEN`…

mod account_moves;
mod citizens;
mod dual_control;
mod fee_free;
mod institutions;
mod migrations;
mod officers;
mod provider;
mod succession;
