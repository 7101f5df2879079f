//! # E-voting
//!
//! Elections and citizen polls, decided by verified citizens, one ballot per person.
//!
//! - **Creation**: an `ElectionCommission` officer creates an election: the hash of its question,
//!   its options (short codes with hashes of their texts), who may vote (all active citizens, or
//!   those of some regions), when voting starts and ends, and the ballot mode.
//! - **Public polls** ("Active Citizen" kind): a vote is public as it is cast and counted at
//!   once; the running tally is public too.
//! - **Secret ballots** by commit and reveal: while voting is open a voter submits only
//!   [`Pallet::commitment`] of option, salt, election and voter; in the reveal phase that follows,
//!   the voter reveals option and salt and the ballot is counted. Nothing is counted, so no
//!   tally exists, before voting closes. A ballot never revealed is spoiled.
//! - **One citizen, one ballot**: ballots are keyed by the citizen identity, not the account, so
//!   a citizen whose account the civil registry moved cannot vote twice. Voting again before
//!   voting closes replaces the earlier ballot.
//! - **Closing**: the tally is kept as ballots are counted, so closing an election only reads
//!   its electorate (one count per region): at the start of its closing block the election's results, eligible electorate,
//!   spoiled ballots and turnout are fixed and emitted. At most `MaxClosingPerBlock` elections
//!   close in one block.
//! - **Cancellation**: the commission cancels its election before voting starts; the council
//!   cancels any election that has not closed, giving the hash of its reasons.
//!
//! Anyone recomputes a tally from the `Ballots` storage or from the `VoteCast` / `VoteRevealed`
//! events. Citizens vote within their identity's fee-free quota. Roles and identities come
//! through [`IdentityProvider`](govchain_primitives::identity::IdentityProvider); the pallet
//! depends on no other pallet's crate.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::arithmetic_side_effects
    )
)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
mod invariants;
pub mod queries;
mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

// FRAME's macro expansions call `expect` on values they know statically (pallet indices,
// storage prefixes); the lint stays on for this crate's own code.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
    use super::*;
    use frame_support::dispatch::WithPostDispatchInfo;
    use frame_support::pallet_prelude::*;
    use frame_system::pallet_prelude::*;
    use govchain_primitives::identity::{CitizenId, IdentityProvider, InstitutionId, Role};
    use sp_core::H256;

    /// The in-code storage version.
    const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

    #[pallet::pallet]
    #[pallet::storage_version(STORAGE_VERSION)]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// Who acts for which institution and citizen, and with which roles.
        type Identity: IdentityProvider<Self::AccountId>;

        /// Who cancels a running election with a reason: the council.
        type CancelOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// The most options on a ballot; at most 256, as votes name options by a `u8`.
        #[pallet::constant]
        type MaxOptions: Get<u32>;

        /// The most regions an election may be limited to.
        #[pallet::constant]
        type MaxRegions: Get<u32>;

        /// The most elections that close in one block.
        #[pallet::constant]
        type MaxClosingPerBlock: Get<u32>;

        /// How far ahead of its creation an election may close, in blocks.
        #[pallet::constant]
        type MaxScheduleLength: Get<BlockNumberFor<Self>>;

        /// Weights of this pallet's calls and closing, from benchmarks.
        type WeightInfo: WeightInfo;
    }

    /// The id the next election gets.
    #[pallet::storage]
    pub type NextElectionId<T> = StorageValue<_, ElectionId, ValueQuery>;

    /// Elections and polls, running, cancelled or closed.
    #[pallet::storage]
    pub type Elections<T: Config> = StorageMap<_, Twox64Concat, ElectionId, Election<T>>;

    /// Each election's counted votes and ballots cast, for every election ever created.
    #[pallet::storage]
    pub type Tallies<T: Config> = StorageMap<_, Twox64Concat, ElectionId, Tally<T>>;

    /// The ballot of each citizen who voted, by election.
    #[pallet::storage]
    pub type Ballots<T> =
        StorageDoubleMap<_, Twox64Concat, ElectionId, Twox64Concat, CitizenId, Ballot>;

    /// The block at whose start the last election a citizen cast a ballot in closes: until
    /// then the citizen holds an open ballot ([`BallotRegister`]). Never cleared: one entry per
    /// citizen who ever voted.
    ///
    /// [`BallotRegister`]: govchain_primitives::voting::BallotRegister
    #[pallet::storage]
    pub type BallotHeldUntil<T: Config> = StorageMap<_, Twox64Concat, CitizenId, BlockNumberFor<T>>;

    /// The running elections that close at the start of a block.
    #[pallet::storage]
    pub type ClosingAt<T: Config> = StorageMap<
        _,
        Twox64Concat,
        BlockNumberFor<T>,
        BoundedVec<ElectionId, T::MaxClosingPerBlock>,
        ValueQuery,
    >;

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A commission created an election.
        ElectionCreated {
            election: ElectionId,
            commission: InstitutionId,
            mode: BallotMode<BlockNumberFor<T>>,
            voting_starts: BlockNumberFor<T>,
            voting_ends: BlockNumberFor<T>,
        },
        /// A citizen voted in a public poll, for the first time or replacing a vote.
        VoteCast {
            election: ElectionId,
            voter: CitizenId,
            option: OptionIndex,
            replaced: Option<OptionIndex>,
        },
        /// A citizen sealed a secret ballot, for the first time or replacing one.
        BallotSealed {
            election: ElectionId,
            voter: CitizenId,
            replaced: bool,
        },
        /// A citizen revealed a secret ballot, which was counted.
        VoteRevealed {
            election: ElectionId,
            voter: CitizenId,
            option: OptionIndex,
        },
        /// An election was cancelled.
        ElectionCancelled { election: ElectionId, by: Canceller },
        /// An election closed; its results are final. `votes` are per option, in ballot order.
        ElectionClosed {
            election: ElectionId,
            votes: BoundedVec<u64, T::MaxOptions>,
            ballots: u64,
            closure: Closure<BlockNumberFor<T>>,
        },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// A ballot needs at least two options.
        TooFewOptions,
        /// A ballot has at most `MaxOptions` options (an election spec with more does not decode).
        TooManyOptions,
        /// An option code is empty or has characters other than ASCII letters, digits, `-`
        /// and `_`.
        InvalidOptionCode,
        /// Two options have the same code, ignoring case.
        DuplicateOptionCode,
        /// An election limited to regions needs at least one.
        NoRegions,
        /// An election is limited to at most `MaxRegions` regions. No longer returned: a spec with
        /// more does not decode; kept so that the errors after it keep their indices.
        TooManyRegions,
        /// A region is listed twice.
        DuplicateRegion,
        /// Voting cannot start before the current block.
        StartsInPast,
        /// Voting must end after it starts.
        EmptyVotingPeriod,
        /// The reveal phase must end after voting does.
        EmptyRevealPeriod,
        /// The election would close more than `MaxScheduleLength` blocks from now.
        ScheduleTooLong,
        /// `MaxClosingPerBlock` elections close at that block already: choose another.
        ClosingBlockFull,
        /// No election has this id.
        UnknownElection,
        /// The caller is not an active citizen.
        NotCitizen,
        /// The citizen is not among the election's voters.
        NotEligible,
        /// The election has not opened for voting yet.
        VotingNotStarted,
        /// Voting in the election is over.
        VotingClosed,
        /// The election was cancelled.
        ElectionCancelled,
        /// The election closed.
        ElectionClosed,
        /// The option number is beyond the ballot.
        UnknownOption,
        /// The election is secret: commit a ballot with `commit_vote`.
        SecretBallot,
        /// The election is a public poll: vote with `vote`.
        PublicBallot,
        /// Ballots are revealed only after voting ends and before the election closes.
        NotRevealPhase,
        /// The citizen sealed no ballot in this election.
        NoSealedBallot,
        /// The citizen's ballot was revealed already.
        AlreadyRevealed,
        /// Option and salt do not give the sealed commitment.
        CommitmentMismatch,
        /// Only an officer of the commission that created the election cancels it.
        NotElectionCommission,
        /// Voting has started: only the council cancels the election now.
        VotingStarted,
        /// A count does not fit its type.
        Overflow,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn on_initialize(now: BlockNumberFor<T>) -> Weight {
            let closed = Self::close_elections_due(now);
            T::WeightInfo::close_elections(closed)
        }

        #[cfg(feature = "try-runtime")]
        fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }

        fn integrity_test() {
            assert!(
                (2..=256).contains(&T::MaxOptions::get()),
                "a ballot needs two options, and options are numbered by a u8"
            );
            assert!(
                T::MaxRegions::get() >= 1,
                "an election limited to regions needs room for one"
            );
            assert!(
                T::MaxClosingPerBlock::get() >= 1,
                "elections must be able to close"
            );
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Creates an election or poll. Voting runs from `voting_starts` (not before the
        /// current block) until `voting_ends` (exclusive); a secret ballot's reveal phase
        /// follows until `reveal_ends`. The election closes at the start of `voting_ends` (a
        /// public poll) or `reveal_ends` (a secret ballot), at most `MaxScheduleLength` blocks
        /// from now.
        ///
        /// Origin: an `ElectionCommission` officer. Emits `ElectionCreated`.
        /// Errors: the officer's (`NotOfficer`, `RoleNotHeld`, `OfficerExpired`, ...),
        /// `TooFewOptions`, `InvalidOptionCode`, `DuplicateOptionCode`,
        /// `NoRegions`, `DuplicateRegion`, `StartsInPast`,
        /// `EmptyVotingPeriod`, `EmptyRevealPeriod`, `ScheduleTooLong`, `ClosingBlockFull`,
        /// `Overflow`.
        /// Weight: O(options + regions); refused by its checks (which change nothing),
        /// `create_election_refused(options, regions)`.
        #[pallet::call_index(0)]
        #[pallet::weight(T::WeightInfo::create_election(spec.options_len(), spec.regions_len()))]
        pub fn create_election(
            origin: OriginFor<T>,
            spec: ElectionSpec<T>,
        ) -> DispatchResultWithPostInfo {
            let refused =
                T::WeightInfo::create_election_refused(spec.options_len(), spec.regions_len());
            let refused = |error: DispatchError| error.with_weight(refused);
            let who = ensure_signed(origin).map_err(|error| refused(error.into()))?;
            let commission =
                T::Identity::ensure_role(&who, Role::ElectionCommission).map_err(refused)?;
            let (election, closes_at) =
                Self::checked_election(commission, spec).map_err(refused)?;
            Self::do_create_election(election, closes_at)?;
            Ok(().into())
        }

        /// Votes for `option` in a public poll, replacing the citizen's earlier vote.
        ///
        /// Origin: an active, eligible citizen. Emits `VoteCast`.
        /// Errors: `UnknownElection`, `SecretBallot`, `ElectionCancelled`, `ElectionClosed`,
        /// `VotingNotStarted`, `VotingClosed`, `NotCitizen`, `NotEligible`, `UnknownOption`,
        /// `Overflow`.
        /// Weight: O(1).
        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::vote())]
        pub fn vote(
            origin: OriginFor<T>,
            election: ElectionId,
            option: OptionIndex,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_vote(who, election, option)
        }

        /// Seals a secret ballot: `commitment` is [`Pallet::commitment`] of the election, the
        /// chosen option, a secret random salt and the citizen's id. A new commitment replaces
        /// the citizen's earlier one.
        ///
        /// Origin: an active, eligible citizen. Emits `BallotSealed`.
        /// Errors: `UnknownElection`, `PublicBallot`, `ElectionCancelled`, `ElectionClosed`,
        /// `VotingNotStarted`, `VotingClosed`, `NotCitizen`, `NotEligible`, `Overflow`.
        /// Weight: O(1).
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::commit_vote())]
        pub fn commit_vote(
            origin: OriginFor<T>,
            election: ElectionId,
            commitment: H256,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_commit_vote(who, election, commitment)
        }

        /// Reveals the citizen's secret ballot, which is then counted.
        ///
        /// Origin: the account now holding the identity of the citizen who sealed the ballot.
        /// Emits `VoteRevealed`.
        /// Errors: `UnknownElection`, `PublicBallot`, `ElectionCancelled`, `ElectionClosed`,
        /// `NotRevealPhase`, `NotCitizen`, `NoSealedBallot`, `AlreadyRevealed`,
        /// `UnknownOption`, `CommitmentMismatch`, `Overflow`.
        /// Weight: O(1).
        #[pallet::call_index(3)]
        #[pallet::weight(T::WeightInfo::reveal_vote())]
        pub fn reveal_vote(
            origin: OriginFor<T>,
            election: ElectionId,
            option: OptionIndex,
            salt: H256,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_reveal_vote(who, election, option, salt)
        }

        /// Cancels an election before its voting starts.
        ///
        /// Origin: an `ElectionCommission` officer of the commission that created it.
        /// Emits `ElectionCancelled`.
        /// Errors: the officer's, `UnknownElection`, `ElectionCancelled`, `ElectionClosed`,
        /// `NotElectionCommission`, `VotingStarted`.
        /// Weight: O(MaxClosingPerBlock).
        #[pallet::call_index(4)]
        #[pallet::weight(T::WeightInfo::cancel_election())]
        pub fn cancel_election(origin: OriginFor<T>, election: ElectionId) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let commission = T::Identity::ensure_role(&who, Role::ElectionCommission)?;
            Self::do_cancel(election, Canceller::Commission(commission))
        }

        /// Cancels an election that has not closed, at any phase, for the reasons published
        /// under `reason` (the hash of the council's decision). It takes no more ballots and
        /// never closes: no result of it becomes final.
        ///
        /// Origin: `CancelOrigin` (the council). Emits `ElectionCancelled`.
        /// Errors: `BadOrigin`, `UnknownElection`, `ElectionCancelled`, `ElectionClosed`.
        /// Weight: O(MaxClosingPerBlock).
        #[pallet::call_index(5)]
        #[pallet::weight(T::WeightInfo::cancel_by_council())]
        pub fn cancel_by_council(
            origin: OriginFor<T>,
            election: ElectionId,
            reason: H256,
        ) -> DispatchResult {
            T::CancelOrigin::ensure_origin(origin)?;
            Self::do_cancel(election, Canceller::Council { reason })
        }
    }
}

impl<T: Config> govchain_primitives::voting::BallotRegister for Pallet<T> {
    fn holds_open_ballot(citizen: govchain_primitives::identity::CitizenId) -> bool {
        BallotHeldUntil::<T>::get(citizen)
            .is_some_and(|until| frame_system::Pallet::<T>::block_number() < until)
    }
}

impl<T: Config> govchain_primitives::identity::RegistryCall for Call<T> {
    fn signer(&self) -> govchain_primitives::identity::CallSigner {
        use govchain_primitives::identity::{CallSigner, Role};
        match self {
            Call::create_election { .. } | Call::cancel_election { .. } => {
                CallSigner::Officer(Role::ElectionCommission)
            }
            Call::vote { .. } | Call::commit_vote { .. } | Call::reveal_vote { .. } => {
                CallSigner::Citizen
            }
            Call::cancel_by_council { .. } | Call::__Ignore(..) => CallSigner::Governance,
        }
    }
}
