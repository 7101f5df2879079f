//! What other registries ask the ballot register, without depending on its crate.

use crate::identity::CitizenId;

/// Whether a citizen holds a ballot in an election that is still open.
///
/// The identity pallet asks it before it frees a national-ID hash (a registration in error): a
/// person whose erroneous identity voted must not vote again, under a fresh registration, in the
/// same election. The e-voting pallet implements it; `()` says no citizen ever holds one.
pub trait BallotRegister {
    /// Whether `citizen` cast a ballot in an election that has not closed yet.
    fn holds_open_ballot(citizen: CitizenId) -> bool;
}

impl BallotRegister for () {
    fn holds_open_ballot(_: CitizenId) -> bool {
        false
    }
}
