//! What an election is made of, and what the pallet keeps of it: options, eligibility, schedule,
//! ballots and the tally.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
    pallet_prelude::ConstU32, traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound,
    PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::{InstitutionId, RegionCode};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Permill;

/// An election's or poll's number, in order of creation.
pub type ElectionId = u32;

/// An option's position in its election's list, from 0.
pub type OptionIndex = u8;

/// The longest option code, in bytes.
pub const MAX_OPTION_CODE_LEN: u32 = 16;

/// An option's short code, shown on ballots and in results: 1 to [`MAX_OPTION_CODE_LEN`]
/// ASCII letters, digits, `-` and `_` (`YES`, `CAND-07`).
pub type OptionCode = BoundedVec<u8, ConstU32<MAX_OPTION_CODE_LEN>>;

/// Whether `code` is 1 or more ASCII letters, digits, `-` and `_` (its length is bounded by its
/// type).
pub fn is_valid_option_code(code: &[u8]) -> bool {
    !code.is_empty()
        && code
            .iter()
            .all(|byte| byte.is_ascii_alphanumeric() || b"-_".contains(byte))
}

/// Whether no two of `options` share a code, ignoring case: `YES` and `yes` would be the same
/// option to a voter.
pub fn codes_are_distinct(options: &[BallotOption]) -> bool {
    let mut codes: alloc::vec::Vec<alloc::vec::Vec<u8>> = options
        .iter()
        .map(|option| option.code.to_ascii_uppercase())
        .collect();
    codes.sort_unstable();
    codes.windows(2).all(|pair| pair.first() != pair.get(1))
}

/// One of the choices on a ballot: its code, and the hash of its full text (a candidate's
/// registration, a proposal) published off chain.
#[derive(
    Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct BallotOption {
    /// The option's short code, unique within its election ignoring case.
    pub code: OptionCode,
    /// `blake2_256` of the option's full text.
    pub text_hash: H256,
}

/// Who may vote, besides being an active verified citizen. The identity register carries
/// regions but no age, so age limits are applied by the civil registry when it verifies
/// citizens, not per election.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    CloneNoBound,
    PartialEqNoBound,
    EqNoBound,
    DebugNoBound,
)]
#[scale_info(skip_type_params(MaxRegions))]
pub enum Eligibility<MaxRegions: Get<u32>> {
    /// Every active citizen.
    #[codec(index = 0)]
    AllCitizens,
    /// Active citizens whose recorded region is one of these (sorted, without repeats).
    #[codec(index = 1)]
    Regions(BoundedVec<RegionCode, MaxRegions>),
}

impl<MaxRegions: Get<u32>> Eligibility<MaxRegions> {
    /// Whether a citizen recorded in `region` (or in none) may vote.
    pub fn admits(&self, region: Option<RegionCode>) -> bool {
        match self {
            Self::AllCitizens => true,
            Self::Regions(regions) => {
                region.is_some_and(|region| regions.binary_search(&region).is_ok())
            }
        }
    }
}

/// How ballots are cast, and so when they become known.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
pub enum BallotMode<BlockNumber> {
    /// A poll: each vote is public as it is cast, and so is the running tally.
    #[codec(index = 0)]
    Public,
    /// A secret ballot by commit and reveal: while voting is open a voter submits only a
    /// commitment ([`crate::Pallet::commitment`]); from the end of voting until `reveal_ends`
    /// (exclusive) the voter reveals option and salt, and only then is the ballot counted. A
    /// ballot never revealed is spoiled.
    #[codec(index = 1)]
    Secret {
        /// The first block after the reveal phase; the election closes at it.
        reveal_ends: BlockNumber,
    },
}

/// An election as the commission creates it. Its lists are bounded, so a longer one is refused
/// when the call is decoded.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    TypeInfo,
    CloneNoBound,
    PartialEqNoBound,
    EqNoBound,
    DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct ElectionSpec<T: Config> {
    /// `blake2_256` of the question's full text, published off chain.
    pub question_hash: H256,
    /// The choices, at least two, with codes distinct ignoring case; votes name them by position.
    pub options: BoundedVec<BallotOption, T::MaxOptions>,
    /// `None`: all active citizens; otherwise the regions whose citizens may vote.
    pub regions: Option<BoundedVec<RegionCode, T::MaxRegions>>,
    /// The first block in which votes are taken.
    pub voting_starts: BlockNumberFor<T>,
    /// The first block in which votes are no longer taken.
    pub voting_ends: BlockNumberFor<T>,
    /// Public or secret, with the end of the reveal phase.
    pub mode: BallotMode<BlockNumberFor<T>>,
}

impl<T: Config> ElectionSpec<T> {
    /// How many options it lists: a component of its weight.
    pub fn options_len(&self) -> u32 {
        self.options.len() as u32
    }

    /// How many regions it lists (none for all citizens): a component of its weight.
    pub fn regions_len(&self) -> u32 {
        self.regions
            .as_ref()
            .map_or(0, |regions| regions.len() as u32)
    }
}

/// Who cancelled an election.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
pub enum Canceller {
    /// The commission that created it, before voting began.
    #[codec(index = 0)]
    Commission(InstitutionId),
    /// The council, with the hash of its published reason.
    #[codec(index = 1)]
    Council {
        /// `blake2_256` of the council's reasoned decision.
        reason: H256,
    },
}

/// The figures fixed when an election closes, besides the votes per option.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
pub struct Closure<BlockNumber> {
    /// The block whose start closed the election.
    pub closed_at: BlockNumber,
    /// The eligible citizens at closing: all active citizens, or those of the election's
    /// regions.
    pub eligible: u64,
    /// Ballots cast but not counted: secret ballots never revealed.
    pub spoiled: u64,
    /// Ballots cast (counted or spoiled) per eligible citizen; at most 100 %, as a citizen who
    /// voted may have died or moved away before closing.
    pub turnout: Permill,
}

/// Where an election stands, apart from the phase its schedule gives it.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
pub enum ElectionStatus<BlockNumber> {
    /// Scheduled, in voting or in reveal, as the block number says.
    #[codec(index = 0)]
    Running,
    /// Cancelled: no more ballots are taken, and it never closes.
    #[codec(index = 1)]
    Cancelled {
        /// Who cancelled it.
        by: Canceller,
        /// When.
        at: BlockNumber,
    },
    /// Closed, with its results final.
    #[codec(index = 2)]
    Closed(Closure<BlockNumber>),
}

/// An election or poll.
#[derive(
    Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Election<T: Config> {
    /// The election commission that created it.
    pub commission: InstitutionId,
    /// `blake2_256` of the question's full text.
    pub question_hash: H256,
    /// The choices, in ballot order.
    pub options: BoundedVec<BallotOption, T::MaxOptions>,
    /// Who may vote.
    pub eligibility: Eligibility<T::MaxRegions>,
    /// The first block in which votes are taken.
    pub voting_starts: BlockNumberFor<T>,
    /// The first block in which votes are no longer taken.
    pub voting_ends: BlockNumberFor<T>,
    /// Public or secret.
    pub mode: BallotMode<BlockNumberFor<T>>,
    /// Running, cancelled or closed.
    pub status: ElectionStatus<BlockNumberFor<T>>,
}

impl<T: Config> Election<T> {
    /// The block at whose start the election closes: the end of voting for a public poll, of
    /// the reveal phase for a secret ballot.
    pub fn closes_at(&self) -> BlockNumberFor<T> {
        match self.mode {
            BallotMode::Public => self.voting_ends,
            BallotMode::Secret { reveal_ends } => reveal_ends,
        }
    }

    /// Where the election stands at block `now`.
    pub fn phase(&self, now: BlockNumberFor<T>) -> Phase {
        match self.status {
            ElectionStatus::Cancelled { .. } => Phase::Cancelled,
            ElectionStatus::Closed(_) => Phase::Closed,
            ElectionStatus::Running if now < self.voting_starts => Phase::Scheduled,
            ElectionStatus::Running if now < self.voting_ends => Phase::Voting,
            ElectionStatus::Running if now < self.closes_at() => Phase::Revealing,
            // Closing happens at the start of `closes_at`, so no extrinsic sees this.
            ElectionStatus::Running => Phase::Closing,
        }
    }
}

/// Where an election stands.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
pub enum Phase {
    /// Created; voting has not begun.
    #[codec(index = 0)]
    Scheduled,
    /// Ballots are taken.
    #[codec(index = 1)]
    Voting,
    /// A secret ballot's voters reveal what they committed to.
    #[codec(index = 2)]
    Revealing,
    /// Its schedule is over but it has not been closed yet (only within the closing block's
    /// initialisation).
    #[codec(index = 3)]
    Closing,
    /// Closed; the results are final.
    #[codec(index = 4)]
    Closed,
    /// Cancelled.
    #[codec(index = 5)]
    Cancelled,
}

/// A citizen's ballot in one election.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
pub enum Ballot {
    /// A public vote for an option, counted as cast.
    #[codec(index = 0)]
    Public(OptionIndex),
    /// A secret ballot's commitment, not yet revealed.
    #[codec(index = 1)]
    Sealed(H256),
    /// A secret ballot, revealed and counted.
    #[codec(index = 2)]
    Revealed(OptionIndex),
}

/// The running count of an election.
#[derive(
    Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Tally<T: Config> {
    /// Counted ballots per option, in the election's option order.
    pub votes: BoundedVec<u64, T::MaxOptions>,
    /// Ballots cast: one per citizen who voted, counted or not.
    pub ballots: u64,
}

impl<T: Config> Tally<T> {
    /// The ballots counted: all of a public poll's, a secret ballot's revealed ones.
    pub fn counted(&self) -> u64 {
        self.votes
            .iter()
            .fold(0u64, |sum, votes| sum.saturating_add(*votes))
    }
}

/// What anyone learns about an election.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ElectionInfo<BlockNumber> {
    /// The election commission that created it.
    pub commission: InstitutionId,
    /// `blake2_256` of the question's full text.
    pub question_hash: H256,
    /// The choices, in ballot order.
    pub options: alloc::vec::Vec<BallotOption>,
    /// `None`: all active citizens; otherwise the regions whose citizens may vote.
    pub regions: Option<alloc::vec::Vec<RegionCode>>,
    /// The first block in which votes are taken.
    pub voting_starts: BlockNumber,
    /// The first block in which votes are no longer taken.
    pub voting_ends: BlockNumber,
    /// Public or secret.
    pub mode: BallotMode<BlockNumber>,
    /// Running, cancelled or closed.
    pub status: ElectionStatus<BlockNumber>,
    /// Where it stands at the block asked about.
    pub phase: Phase,
}

/// An election's count as anyone may see it at a block.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct TallyInfo<BlockNumber> {
    /// Ballots cast so far (or in all, once closed).
    pub ballots: u64,
    /// Counted ballots per option; `None` while a secret ballot's voting is open, when nothing
    /// is counted yet.
    pub votes: Option<alloc::vec::Vec<u64>>,
    /// Set once the election closed: the results are final.
    pub closure: Option<Closure<BlockNumber>>,
}

/// Whether a citizen voted in an election, never how.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum VoterStatus {
    /// No ballot.
    #[codec(index = 0)]
    NotVoted,
    /// Voted: a public vote, or a secret ballot counted after its reveal.
    #[codec(index = 1)]
    Voted,
    /// A secret ballot committed and not (yet) revealed.
    #[codec(index = 2)]
    Sealed,
}
