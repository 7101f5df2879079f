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

#[cfg(feature = "runtime-benchmarks")]
pub use govchain_primitives::relay::RelayBenchmarkHelper;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
mod invariants;
pub mod queries;
#[cfg(any(test, feature = "testing", feature = "runtime-benchmarks"))]
pub mod testing;
pub mod trustee;
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
    use sp_runtime::traits::{IdentifyAccount, Verify};

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

        /// The signature on a citizen's ballot the election commission relays: the chain's
        /// transaction signature.
        type RelaySignature: Verify<Signer = Self::RelaySigner> + Parameter;

        /// The key behind a relayed ballot's signature, which names the citizen's account.
        type RelaySigner: IdentifyAccount<AccountId = Self::AccountId>;

        /// The most ballots one relayed batch holds.
        #[pallet::constant]
        type MaxRelayedBallots: Get<u32>;

        /// The most public votes one relayed batch holds.
        #[pallet::constant]
        type MaxRelayedVotes: Get<u32>;

        /// Makes signers and signatures of relayed ballots for the benchmarks.
        #[cfg(feature = "runtime-benchmarks")]
        type RelayHelper: RelayBenchmarkHelper<Self::RelaySigner, Self::RelaySignature>;

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

    /// The encrypted elections' deadlines at the start of a block: their key is made when voting
    /// starts, and their tally period ends.
    #[pallet::storage]
    pub type Deadlines<T: Config> = StorageMap<
        _,
        Twox64Concat,
        BlockNumberFor<T>,
        BoundedVec<(ElectionId, Deadline), T::MaxClosingPerBlock>,
        ValueQuery,
    >;

    /// An encrypted election's trustees, their key ceremony and the election key.
    #[pallet::storage]
    pub type KeyCeremonies<T: Config> = StorageMap<_, Twox64Concat, ElectionId, KeyCeremony<T>>;

    /// The shares a trustee dealt in the key ceremony's third round, by election and dealer:
    /// one for each other trustee that published its part, in position order, encrypted to its
    /// transport key.
    #[pallet::storage]
    pub type DealtShares<T: Config> = StorageDoubleMap<
        _,
        Twox64Concat,
        ElectionId,
        Twox64Concat,
        TrusteePosition,
        BoundedVec<govchain_ballot::dkg::EncryptedShare, MaxTrustees>,
    >;

    /// An encrypted election's running sums, one ciphertext per option: the sum of the counted
    /// ballots, encrypted. Set when its key is made.
    #[pallet::storage]
    pub type EncryptedSums<T: Config> = StorageMap<
        _,
        Twox64Concat,
        ElectionId,
        BoundedVec<govchain_ballot::Ciphertext, T::MaxOptions>,
    >;

    /// Each voter's counted encrypted ballot (the last one cast), by election and citizen: its
    /// ciphertexts and proof, never the choice.
    #[pallet::storage]
    pub type EncryptedBallots<T> =
        StorageDoubleMap<_, Twox64Concat, ElectionId, Twox64Concat, CitizenId, EncryptedBallot>;

    /// Whose counted ballot has this receipt, by election: a ballot copied from another voter
    /// is refused, and a voter checks that the ballot counted is the one the wallet cast.
    #[pallet::storage]
    pub type Receipts<T> =
        StorageDoubleMap<_, Twox64Concat, ElectionId, Blake2_128Concat, H256, CitizenId>;

    /// The trustees' decryption shares of an encrypted election's sums, by election and
    /// trustee position: one per option, each with its proof.
    #[pallet::storage]
    pub type DecryptionShares<T: Config> = StorageDoubleMap<
        _,
        Twox64Concat,
        ElectionId,
        Twox64Concat,
        TrusteePosition,
        BoundedVec<govchain_ballot::DecryptionShare, T::MaxOptions>,
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
        /// A trustee committed to its part of an encrypted election's key.
        KeyPartCommitted {
            election: ElectionId,
            trustee: TrusteePosition,
        },
        /// A trustee published its part of the key, which the chain checked.
        KeyPartPublished {
            election: ElectionId,
            trustee: TrusteePosition,
        },
        /// A trustee posted its encrypted shares for the other trustees.
        KeySharesPosted {
            election: ElectionId,
            trustee: TrusteePosition,
        },
        /// A trustee's complaint about a dealer's share was upheld: the dealer's part is left
        /// out of the key.
        TrusteeDisqualified {
            election: ElectionId,
            dealer: TrusteePosition,
            complainant: TrusteePosition,
        },
        /// A complaint about a share that was right was dismissed.
        ComplaintDismissed {
            election: ElectionId,
            dealer: TrusteePosition,
            complainant: TrusteePosition,
        },
        /// An encrypted election's key was made from the parts of `qualified` trustees; ballots
        /// are encrypted to `key`.
        ElectionKeyMade {
            election: ElectionId,
            key: govchain_ballot::ElectionKey,
            qualified: u8,
        },
        /// A citizen cast an encrypted ballot, for the first time or replacing one; `receipt`
        /// names it, never its choice.
        EncryptedBallotCast {
            election: ElectionId,
            voter: CitizenId,
            receipt: H256,
            replaced: bool,
        },
        /// The election commission relayed a batch of citizens' encrypted ballots: `cast` were
        /// counted (each with its `EncryptedBallotCast`), `refused` were not (each with its
        /// `RelayedBallotRefused`).
        BallotsRelayed {
            election: ElectionId,
            cast: u32,
            refused: u32,
        },
        /// A relayed ballot was refused, alone: its position in the batch, the account that
        /// signed it, and why. Refused for the ballot itself (its format, its proof, a copy), it
        /// used the account's nonce and quota, as the citizen's own transaction would; refused
        /// for its signature, its nonce, its signer's eligibility or quota, it changed nothing.
        RelayedBallotRefused {
            election: ElectionId,
            position: u32,
            signer: T::AccountId,
            error: DispatchError,
        },
        /// An encrypted election's voting ended with these figures: its trustees now decrypt.
        TallyOpened {
            election: ElectionId,
            ballots: u64,
            closure: Closure<BlockNumberFor<T>>,
        },
        /// A trustee posted its decryption shares of an encrypted election's sums.
        DecryptionSharesPosted {
            election: ElectionId,
            trustee: TrusteePosition,
        },
        /// An encrypted election failed; it has no result.
        ElectionFailed {
            election: ElectionId,
            reason: Failure,
        },
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
        /// The reveal phase must end after voting does (no longer returned: commit–reveal
        /// ballots are retired, `CommitRevealRetired`).
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
        /// Only an encrypted election names trustees.
        TrusteesNotUsed,
        /// An encrypted election names 3 to 15 trustees.
        WrongTrusteeCount,
        /// The threshold is at least 2 and at most the number of trustees.
        InvalidThreshold,
        /// A trustee is not a serving officer of an active institution.
        TrusteeNotServing,
        /// Two trustees serve the same institution (or are the same account).
        TrusteesShareInstitution,
        /// An encrypted ballot has at most 16 options.
        TooManyOptionsToEncrypt,
        /// The tally period must end after voting does.
        EmptyTallyPeriod,
        /// The key ceremony needs at least one block for each of its four rounds before voting
        /// starts.
        KeyCeremonyTooShort,
        /// The election is encrypted: cast an encrypted ballot.
        EncryptedElection,
        /// The election's ballots are not encrypted.
        NotEncrypted,
        /// The caller is not one of the election's trustees.
        NotTrustee,
        /// The key ceremony is not in the round this step belongs to.
        WrongCeremonyRound,
        /// The trustee committed already.
        AlreadyCommitted,
        /// The trustee did not commit in the first round, so it takes no further part.
        NotCommitted,
        /// The trustee published its part already.
        AlreadyPublished,
        /// The published constant term and opening do not give the trustee's commitment.
        KeyCommitmentMismatch,
        /// The polynomial does not have `threshold` valid points.
        InvalidPolynomial,
        /// The proof that the trustee knows its polynomial does not hold (or does not decode).
        InvalidPossessionProof,
        /// The trustee did not publish its part, so it deals and receives no shares.
        NotPublished,
        /// The trustee posted its shares already.
        SharesAlreadyPosted,
        /// One share for each other trustee that published its part is needed, in position
        /// order.
        WrongShareCount,
        /// The dealer posted no shares (it is left out of the key anyway), or is the complainant.
        NoShareToComplainAbout,
        /// The trustee complained about this dealer already.
        AlreadyComplained,
        /// The disclosure's proof does not hold, or one of its points is invalid.
        InvalidDisclosure,
        /// The election has no key: its ballots are not taken.
        NoElectionKey,
        /// The ballot's bytes do not decode as an encrypted ballot, or hold an invalid point.
        MalformedBallot,
        /// The ballot has another number of options than the election.
        WrongOptionCount,
        /// The ballot's proof does not hold: it may encrypt something other than one vote, or
        /// be bound to another election or voter (a copied ballot).
        InvalidBallotProof,
        /// A ballot with this receipt is counted already: the same ballot cast again, by its
        /// voter or by anyone (checked before its proof).
        CopiedBallot,
        /// The election is not tallying: decryption shares and counts come after voting ends.
        NotTallying,
        /// The trustee has no share of the election key.
        NoKeyShare,
        /// The trustee posted its decryption shares already.
        DecryptionSharesAlreadyPosted,
        /// A decryption share's proof does not hold, or there is not one per option.
        InvalidDecryptionShare,
        /// Fewer trustees than the threshold posted decryption shares.
        NotEnoughDecryptionShares,
        /// The counts are not what the sums decrypt to.
        TallyMismatch,
        /// The election failed.
        ElectionFailed,
        /// Commit–reveal ballots are retired: their choices become public at the reveal. Secret
        /// elections are encrypted; elections created before the retirement run to their end.
        CommitRevealRetired,
        /// A referendum's ballot asks `YES` then `NO` of all citizens, publicly or encrypted.
        NotAReferendumBallot,
        /// A relayed batch holds no ballot.
        NothingToRelay,
        /// A relayed ballot's nonce is below its account's: it was counted already (replayed),
        /// or the account transacted since it was signed.
        StaleNonce,
        /// A relayed ballot's nonce is above its account's: one signed before it is missing.
        FutureNonce,
        /// A relayed ballot's signature is not its account's over this ballot for this
        /// election on this chain.
        BadRelaySignature,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn on_initialize(now: BlockNumberFor<T>) -> Weight {
            let deadlines = Self::meet_deadlines(now);
            let closed = Self::close_elections_due(now);
            deadlines.saturating_add(T::WeightInfo::close_elections(closed))
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
            assert!(
                T::MaxOptions::get() >= 2,
                "an encrypted ballot needs two options"
            );
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Creates a public poll or an encrypted election. Voting runs from `voting_starts` (not
        /// before the current block) until `voting_ends` (exclusive); an encrypted election's
        /// tally period follows until `tally_ends`. The election closes at the start of
        /// `voting_ends` (a public poll; an encrypted election then starts its tally); its
        /// schedule ends at most `MaxScheduleLength` blocks from now. An encrypted election's
        /// trustees make its key between now and `voting_starts`, in four rounds of equal length.
        /// Commit–reveal ballots (`BallotMode::Secret`) are retired and refused.
        ///
        /// Origin: an `ElectionCommission` officer. Emits `ElectionCreated`.
        /// Errors: the officer's (`NotOfficer`, `RoleNotHeld`, `OfficerExpired`, ...),
        /// `TooFewOptions`, `InvalidOptionCode`, `DuplicateOptionCode`,
        /// `NoRegions`, `DuplicateRegion`, `StartsInPast`, `CommitRevealRetired`,
        /// `EmptyVotingPeriod`, `ScheduleTooLong`, `ClosingBlockFull`,
        /// `Overflow`; for an encrypted election `TooManyOptionsToEncrypt`, `EmptyTallyPeriod`,
        /// `KeyCeremonyTooShort`, `WrongTrusteeCount`, `InvalidThreshold`,
        /// `TrusteeNotServing`, `TrusteesShareInstitution`; for another, `TrusteesNotUsed`.
        /// Weight: O(options + regions + trustees): `create_election(options, regions)` and
        /// for trustees `name_trustees(trustees)`; refused by its checks (which change
        /// nothing), `create_election_refused(options, regions)` and the same for trustees.
        #[pallet::call_index(0)]
        #[pallet::weight(spec.weight::<T::WeightInfo>(false))]
        pub fn create_election(
            origin: OriginFor<T>,
            spec: ElectionSpec<T>,
        ) -> DispatchResultWithPostInfo {
            let refused = spec.weight::<T::WeightInfo>(true);
            let refused = |error: DispatchError| error.with_weight(refused);
            let who = ensure_signed(origin).map_err(|error| refused(error.into()))?;
            let commission =
                T::Identity::ensure_role(&who, Role::ElectionCommission).map_err(refused)?;
            let checked = Self::checked_election(commission, spec).map_err(refused)?;
            Self::do_create_election(checked)?;
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

        /// Commits a trustee to its part of an encrypted election's key, in the ceremony's first
        /// round: `commitment` is `govchain_ballot::dkg::commitment` of its polynomial's constant
        /// term under [`Pallet::ceremony_context`] of the election and its position, and
        /// `transport_key` the key its shares are encrypted to.
        ///
        /// Origin: the trustee's account, a serving officer. Emits `KeyPartCommitted`.
        /// Errors: the officer's, `UnknownElection`, `ElectionCancelled`, `NotEncrypted`,
        /// `NotTrustee`, `WrongCeremonyRound`, `AlreadyCommitted`.
        /// Weight: O(1).
        #[pallet::call_index(6)]
        #[pallet::weight(T::WeightInfo::commit_key_part())]
        pub fn commit_key_part(
            origin: OriginFor<T>,
            election: ElectionId,
            commitment: [u8; 32],
            transport_key: [u8; 32],
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_commit_key_part(
                who,
                election,
                KeyCommitment {
                    commitment,
                    transport_key,
                },
            )
        }

        /// Publishes a trustee's part of the key in the ceremony's second round: its public
        /// polynomial (`threshold` points), the proof that it knows the secret one, and the
        /// opening of its commitment. The chain checks all three and records what every
        /// trustee's share from it must be.
        ///
        /// Origin: the trustee's account, a serving officer. Emits `KeyPartPublished`.
        /// Errors: the officer's, `UnknownElection`, `ElectionCancelled`, `NotEncrypted`,
        /// `NotTrustee`, `WrongCeremonyRound`, `NotCommitted`, `AlreadyPublished`,
        /// `InvalidPolynomial`, `KeyCommitmentMismatch`, `InvalidPossessionProof`.
        /// Weight: O(trustees), from the election's trustees (the declared weight is for 15).
        #[pallet::call_index(7)]
        #[pallet::weight(T::WeightInfo::publish_key_part(govchain_ballot::MAX_TRUSTEES))]
        pub fn publish_key_part(
            origin: OriginFor<T>,
            election: ElectionId,
            polynomial: BoundedVec<[u8; 32], MaxTrustees>,
            proof: PossessionProof,
            opening: [u8; 32],
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            Self::do_publish_key_part(who, election, polynomial, proof, opening)
        }

        /// Posts a trustee's shares in the ceremony's third round: one for each other trustee
        /// that published its part, in position order, encrypted to its transport key
        /// (`govchain_ballot::dkg::TrusteeSetup::encrypted_share` under
        /// [`Pallet::ceremony_context`] of dealer and recipient). A trustee that posts none is
        /// left out of the key.
        ///
        /// Origin: the trustee's account, a serving officer. Emits `KeySharesPosted`.
        /// Errors: the officer's, `UnknownElection`, `ElectionCancelled`, `NotEncrypted`,
        /// `NotTrustee`, `WrongCeremonyRound`, `NotPublished`, `SharesAlreadyPosted`,
        /// `WrongShareCount`.
        /// Weight: O(trustees).
        #[pallet::call_index(8)]
        #[pallet::weight(T::WeightInfo::post_key_shares(shares.len() as u32))]
        pub fn post_key_shares(
            origin: OriginFor<T>,
            election: ElectionId,
            shares: BoundedVec<govchain_ballot::dkg::EncryptedShare, MaxTrustees>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_post_key_shares(who, election, shares)
        }

        /// Complains, in the ceremony's last round, that the share `dealer` sent the caller is
        /// wrong, disclosing the key that unmasks it with its proof. The chain rules: if the
        /// share does not match the dealer's polynomial the dealer is disqualified (its part is
        /// left out of the key), otherwise the complaint is dismissed.
        ///
        /// Origin: the trustee's account, a serving officer. Emits `TrusteeDisqualified` or
        /// `ComplaintDismissed`.
        /// Errors: the officer's, `UnknownElection`, `ElectionCancelled`, `NotEncrypted`,
        /// `NotTrustee`, `WrongCeremonyRound`, `NotPublished`, `NoShareToComplainAbout`,
        /// `AlreadyComplained`, `InvalidDisclosure`.
        /// Weight: O(1).
        #[pallet::call_index(9)]
        #[pallet::weight(T::WeightInfo::complain())]
        pub fn complain(
            origin: OriginFor<T>,
            election: ElectionId,
            dealer: TrusteePosition,
            disclosure: govchain_ballot::dkg::Disclosure,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_complain(who, election, dealer, disclosure)
        }

        /// Casts an encrypted ballot (`govchain_ballot::encrypt_ballot` under the election's
        /// key, bound to the election and the citizen by `govchain_ballot::ballot_context`),
        /// replacing the citizen's earlier one: the chain checks its proof, subtracts the
        /// earlier ballot from the encrypted sums and adds this one. The last ballot cast before
        /// voting ends is counted.
        ///
        /// Origin: an active, eligible citizen. Emits `EncryptedBallotCast`.
        /// Errors: `UnknownElection`, `NotEncrypted`,
        /// `ElectionCancelled`, `ElectionClosed`, `VotingNotStarted`, `VotingClosed`,
        /// `NotCitizen`, `NotEligible`, `NoElectionKey`, `MalformedBallot`, `WrongOptionCount`,
        /// `InvalidBallotProof`, `CopiedBallot`, `Overflow`.
        /// Weight: O(options), from the election's options (the declared weight is for the
        /// most an encrypted ballot has).
        #[pallet::call_index(10)]
        #[pallet::weight(T::WeightInfo::cast_encrypted_ballot(Pallet::<T>::max_encrypted_options()))]
        pub fn cast_encrypted_ballot(
            origin: OriginFor<T>,
            election: ElectionId,
            ballot: EncryptedBallot,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            Self::do_cast_encrypted_ballot(who, election, ballot)
        }

        /// Posts a trustee's decryption shares of a tallying election's sums, one per option
        /// (`govchain_ballot::Trustee::decryption_shares`); the chain checks each proof against
        /// the trustee's key share.
        ///
        /// Origin: the trustee's account, a serving officer. Emits `DecryptionSharesPosted`.
        /// Errors: the officer's, `UnknownElection`, `NotEncrypted`, `NotTallying`,
        /// `NotTrustee`, `NoKeyShare`, `DecryptionSharesAlreadyPosted`,
        /// `InvalidDecryptionShare`.
        /// Weight: O(options), from the election's options.
        #[pallet::call_index(11)]
        #[pallet::weight(T::WeightInfo::post_decryption_shares(shares.len() as u32))]
        pub fn post_decryption_shares(
            origin: OriginFor<T>,
            election: ElectionId,
            shares: BoundedVec<govchain_ballot::DecryptionShare, T::MaxOptions>,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            Self::do_post_decryption_shares(who, election, shares)
        }

        /// Publishes a tallying election's counts, one per option (what the trustees'
        /// decryption shares decrypt the sums to, e.g. by `govchain_ballot::decrypt_counts`).
        /// The chain checks them against the shares of the first `threshold` trustees that
        /// posted, and closes the election with them.
        ///
        /// Origin: any signed account. Emits `ElectionClosed`.
        /// Errors: `UnknownElection`, `NotEncrypted`, `NotTallying`, `WrongOptionCount`,
        /// `NotEnoughDecryptionShares`, `TallyMismatch`.
        /// Weight: O(options × threshold), from the election's.
        #[pallet::call_index(12)]
        #[pallet::weight(T::WeightInfo::publish_tally(counts.len() as u32, govchain_ballot::MAX_TRUSTEES))]
        pub fn publish_tally(
            origin: OriginFor<T>,
            election: ElectionId,
            counts: BoundedVec<u64, T::MaxOptions>,
        ) -> DispatchResultWithPostInfo {
            ensure_signed(origin)?;
            Self::do_publish_tally(election, counts)
        }

        /// Casts a batch of citizens' encrypted ballots that the election commission relays:
        /// ballots citizens signed with their accounts ([`RelayedBallot`]) and handed to the
        /// commission's intake. Each is checked and counted as `cast_encrypted_ballot` would
        /// count it, on its own: its signature and nonce, the citizen's eligibility and fee-free
        /// quota, then its proof (checked with others in parts: `govchain_ballot::host::count`).
        /// A ballot refused is named by `RelayedBallotRefused`, and the others are counted.
        ///
        /// Origin: an `ElectionCommission` officer. Emits `EncryptedBallotCast` for each ballot
        /// counted, `RelayedBallotRefused` for each refused, then `BallotsRelayed`.
        /// Errors of the whole batch (which then changes nothing): the officer's
        /// (`NotOfficer`, `RoleNotHeld`, ...), `NothingToRelay`, `UnknownElection`,
        /// `NotEncrypted`, `ElectionCancelled`, `ElectionClosed`, `VotingNotStarted`,
        /// `VotingClosed`, `NoElectionKey`, `Overflow`. A ballot's own refusal: `StaleNonce`,
        /// `FutureNonce`, `BadRelaySignature`, `NotCitizen`, `NotEligible`, the identity's
        /// `FeeFreeQuotaExhausted`, `MalformedBallot`, `WrongOptionCount`, `InvalidBallotProof`,
        /// `CopiedBallot`.
        /// Weight: O(ballots × options): [`Pallet::relay_weight`], from the measurements of one
        /// ballot and of a full batch, with every proof checked in the batch check or (declared)
        /// each alone after it failed, for the options the longest ballot's length allows
        /// ([`Pallet::relayed_options`]).
        #[pallet::call_index(13)]
        #[pallet::weight(Pallet::<T>::relay_weight(
            ballots.len() as u32,
            Pallet::<T>::relayed_options(ballots),
            true,
        ))]
        pub fn relay_encrypted_ballots(
            origin: OriginFor<T>,
            election: ElectionId,
            ballots: BoundedVec<RelayedBallot<T>, T::MaxRelayedBallots>,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            T::Identity::ensure_role(&who, Role::ElectionCommission)?;
            Self::do_relay_encrypted_ballots(election, ballots)
        }

        /// Counts a batch of citizens' votes in a public poll that the election commission
        /// relays: votes citizens signed with their accounts ([`RelayedVote`]) and handed to
        /// the commission's intake. Each is checked and counted as `vote` would count it, on
        /// its own: its signature and nonce, the citizen's eligibility and fee-free quota, its
        /// option. A vote refused changes nothing and is named by `RelayedBallotRefused`; the
        /// others are counted, the poll's tally read and written once for the batch.
        ///
        /// Origin: an `ElectionCommission` officer. Emits `VoteCast` for each vote counted,
        /// `RelayedBallotRefused` for each refused, then `BallotsRelayed`.
        /// Errors of the whole batch (which then changes nothing): the officer's
        /// (`NotOfficer`, `RoleNotHeld`, ...), `NothingToRelay`, `UnknownElection`,
        /// `SecretBallot`, `EncryptedElection`, `ElectionCancelled`, `ElectionFailed`,
        /// `ElectionClosed`, `VotingNotStarted`, `VotingClosed`. A vote's own refusal:
        /// `StaleNonce`, `FutureNonce`, `BadRelaySignature`, `NotCitizen`, `NotEligible`,
        /// `UnknownOption`, `Overflow`, the identity's `FeeFreeQuotaExhausted`.
        /// Weight: O(votes): [`Pallet::relay_votes_weight`].
        #[pallet::call_index(14)]
        #[pallet::weight(Pallet::<T>::relay_votes_weight(votes.len() as u32))]
        pub fn relay_votes(
            origin: OriginFor<T>,
            election: ElectionId,
            votes: BoundedVec<RelayedVote<T>, T::MaxRelayedVotes>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            T::Identity::ensure_role(&who, Role::ElectionCommission)?;
            Self::do_relay_votes(election, votes)
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
            Call::create_election { .. }
            | Call::cancel_election { .. }
            | Call::relay_encrypted_ballots { .. }
            | Call::relay_votes { .. } => CallSigner::Officer(Role::ElectionCommission),
            Call::vote { .. }
            | Call::commit_vote { .. }
            | Call::reveal_vote { .. }
            | Call::cast_encrypted_ballot { .. } => CallSigner::Citizen,
            Call::commit_key_part { .. }
            | Call::publish_key_part { .. }
            | Call::post_key_shares { .. }
            | Call::complain { .. }
            | Call::post_decryption_shares { .. } => CallSigner::AnyOfficer,
            Call::publish_tally { .. } => CallSigner::Anyone,
            Call::cancel_by_council { .. } | Call::__Ignore(..) => CallSigner::Governance,
        }
    }
}
