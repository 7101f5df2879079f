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

/// What a referendum's ballot decided, as the governance pallet reads it from the ballot
/// register.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ReferendumOutcome {
    /// The election has not closed yet (or its counts are not published yet).
    Pending,
    /// Closed with these final figures.
    Decided {
        /// Ballots for `YES`.
        yes: u64,
        /// Ballots for `NO`.
        no: u64,
        /// Ballots cast (counted or spoiled).
        ballots: u64,
        /// Citizens who could vote when it closed.
        eligible: u64,
    },
    /// It will never decide: cancelled, or an encrypted election that failed.
    Void,
}

/// The ballot register as the governance pallet uses it for referendums: an election of the
/// commission's choosing (public or encrypted) asks the citizens whether a constitutional motion
/// passes. The e-voting pallet implements it.
pub trait ReferendumBallots<AccountId> {
    /// Checks that `officer` may offer `election` as a referendum's ballot: an officer of the
    /// commission that created it, with exactly the options `YES` and `NO` in that order, open
    /// to all citizens, before its voting starts.
    fn ensure_referendum_ballot(officer: &AccountId, election: u32) -> sp_runtime::DispatchResult;

    /// What `election` decided, once it did.
    fn outcome(election: u32) -> ReferendumOutcome;

    /// Makes `election` a valid referendum ballot offered by `officer`, for benchmarks: creates
    /// what it needs (the commission, its officer, the election).
    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_ballot(officer: &AccountId) -> u32;

    /// Closes `election` (made by [`Self::benchmark_ballot`]) with a result that approves, for
    /// benchmarks.
    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_approve(election: u32);
}
