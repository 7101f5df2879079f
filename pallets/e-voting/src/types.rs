//! What an election is made of, and what the pallet keeps of it: options, eligibility, schedule,
//! ballots and the tally.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
    pallet_prelude::ConstU32, traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound,
    PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::identity::{CitizenId, InstitutionId, RegionCode};
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct BallotOption {
    /// The option's short code, unique within its election ignoring case.
    #[cfg_attr(feature = "std", serde(with = "govchain_primitives::json::text"))]
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
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
    /// A secret ballot by encryption: between the election's creation and the start of voting
    /// its trustees make the election key in a key ceremony on chain; each voter casts a ballot
    /// encrypted to it with a proof that it is valid, and the chain adds the ballots up
    /// encrypted. When voting ends, at least `threshold` trustees post decryption shares of the
    /// sums, and anyone publishes the counts they decrypt to, which the chain checks, until
    /// `tally_ends`. No choice is ever stored or shown in clear.
    #[codec(index = 2)]
    Encrypted {
        /// How many trustees decrypt together (at least 2, at most their number).
        threshold: u8,
        /// The first block after the tally period: an election without published counts then
        /// fails.
        tally_ends: BlockNumber,
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
    /// Public, secret by commit and reveal, or encrypted.
    pub mode: BallotMode<BlockNumberFor<T>>,
    /// An encrypted election's trustees: 3 to 15 accounts of serving officers, each of another
    /// institution (the commission, a court, the audit chamber, ...). Empty for other modes.
    pub trustees: BoundedVec<T::AccountId, MaxTrustees>,
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

    /// How many trustees it names: a component of its weight.
    pub fn trustees_len(&self) -> u32 {
        self.trustees.len() as u32
    }

    /// The weight of creating it, or of refusing it (`refused`) by a check.
    pub fn weight<W: crate::WeightInfo>(&self, refused: bool) -> frame_support::weights::Weight {
        let election = if refused {
            W::create_election_refused(self.options_len(), self.regions_len())
        } else {
            W::create_election(self.options_len(), self.regions_len())
        };
        if self.trustees.is_empty() {
            election
        } else {
            election.saturating_add(W::name_trustees(self.trustees_len()))
        }
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Closure<BlockNumber> {
    /// The block whose start closed the election.
    pub closed_at: BlockNumber,
    /// The eligible citizens at closing: all active citizens, or those of the election's
    /// regions.
    pub eligible: u64,
    /// Ballots cast but not counted: secret ballots never revealed (none for an encrypted
    /// election, whose ballots are all counted).
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
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
    /// An encrypted election whose voting ended (with these figures): its trustees post
    /// decryption shares, and it closes when counts they confirm are published.
    #[codec(index = 3)]
    Tallying(Closure<BlockNumber>),
    /// An encrypted election that failed: it has no result.
    #[codec(index = 4)]
    Failed {
        /// Why.
        reason: Failure,
        /// At the start of which block.
        at: BlockNumber,
    },
}

/// Why an encrypted election failed.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum Failure {
    /// Fewer trustees than its threshold completed the key ceremony by the start of voting: no
    /// key could be made that enough trustees hold, so no ballot is taken.
    #[codec(index = 0)]
    NoElectionKey,
    /// No counts confirmed by enough trustees' decryption shares were published before the end
    /// of the tally period.
    #[codec(index = 1)]
    NoTally,
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
    /// Public, secret or encrypted.
    pub mode: BallotMode<BlockNumberFor<T>>,
    /// Running, cancelled, tallying, closed or failed.
    pub status: ElectionStatus<BlockNumberFor<T>>,
}

impl<T: Config> Election<T> {
    /// The block at whose start the election closes (for an encrypted election: its voting
    /// closes and its tally begins): the end of voting for a public poll or an encrypted
    /// election, of the reveal phase for a secret ballot.
    pub fn closes_at(&self) -> BlockNumberFor<T> {
        match self.mode {
            BallotMode::Public | BallotMode::Encrypted { .. } => self.voting_ends,
            BallotMode::Secret { reveal_ends } => reveal_ends,
        }
    }

    /// The last block of its schedule: the end of the tally period for an encrypted election,
    /// its closing block otherwise.
    pub fn schedule_ends(&self) -> BlockNumberFor<T> {
        match self.mode {
            BallotMode::Encrypted { tally_ends, .. } => tally_ends,
            _ => self.closes_at(),
        }
    }

    /// Whether its ballots are encrypted.
    pub fn is_encrypted(&self) -> bool {
        matches!(self.mode, BallotMode::Encrypted { .. })
    }

    /// Where the election stands at block `now`.
    pub fn phase(&self, now: BlockNumberFor<T>) -> Phase {
        match self.status {
            ElectionStatus::Cancelled { .. } => Phase::Cancelled,
            ElectionStatus::Closed(_) => Phase::Closed,
            ElectionStatus::Tallying(_) => Phase::Tallying,
            ElectionStatus::Failed { .. } => Phase::Failed,
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum Phase {
    /// Created; voting has not begun (an encrypted election's trustees make its key).
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
    /// An encrypted election's voting is over; its trustees decrypt the sums.
    #[codec(index = 6)]
    Tallying,
    /// An encrypted election failed ([`Failure`]).
    #[codec(index = 7)]
    Failed,
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
    /// An encrypted ballot, counted in the encrypted sums, by its receipt
    /// (`govchain_ballot::receipt` of the ballot kept in `EncryptedBallots`).
    #[codec(index = 3)]
    Encrypted(H256),
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct TallyInfo<BlockNumber> {
    /// Ballots cast so far (or in all, once closed).
    pub ballots: u64,
    /// Counted ballots per option; `None` while nothing may be known: a secret ballot's
    /// voting, an encrypted election's until its counts are published.
    pub votes: Option<alloc::vec::Vec<u64>>,
    /// Set once the election closed: the results are final.
    pub closure: Option<Closure<BlockNumber>>,
}

/// An encrypted election's public record, once its key is made: everything but the ballots
/// (read page by page) that anyone needs to check its tally off chain
/// ([`EncryptedRecord::verify`]).
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct EncryptedRecord {
    /// How many options its ballots have.
    pub options: u32,
    /// How many trustees' decryption shares decrypt the sums.
    pub threshold: u8,
    /// The joint election key the ballots are encrypted to.
    pub key: govchain_ballot::ElectionKey,
    /// Each trustee's public key share, by position.
    pub key_shares: alloc::vec::Vec<[u8; 32]>,
    /// The encrypted sums of the counted ballots, one per option.
    pub sums: alloc::vec::Vec<govchain_ballot::Ciphertext>,
    /// The decryption shares the trustees posted, by position, one per option.
    pub decryption_shares: alloc::vec::Vec<(
        TrusteePosition,
        alloc::vec::Vec<govchain_ballot::DecryptionShare>,
    )>,
    /// The ballots counted: one per voter.
    pub counted: u64,
    /// The published counts, once the tally is fixed.
    pub counts: Option<alloc::vec::Vec<u64>>,
}

impl EncryptedRecord {
    /// Checks the record of `election` with its counted `ballots` (by citizen) from end to
    /// end: every ballot's proof (bound to the election and its voter), no ballot twice, as
    /// many ballots as counted, the sums, every posted decryption share and the published
    /// counts; the first inconsistency, or what holds.
    pub fn verify(
        &self,
        election: ElectionId,
        ballots: &[(CitizenId, alloc::vec::Vec<u8>)],
    ) -> Result<govchain_ballot::verify::Verified, govchain_ballot::verify::Inconsistency> {
        let ballots: alloc::vec::Vec<(CitizenId, &[u8])> = ballots
            .iter()
            .map(|(voter, ballot)| (*voter, ballot.as_slice()))
            .collect();
        let shares: alloc::vec::Vec<(u32, &[govchain_ballot::DecryptionShare])> = self
            .decryption_shares
            .iter()
            .map(|(position, shares)| (u32::from(*position), shares.as_slice()))
            .collect();
        govchain_ballot::verify::verify_election(&govchain_ballot::verify::ElectionRecord {
            election,
            key: self.key,
            options: self.options,
            trustees: govchain_ballot::TrusteeKeys {
                threshold: u32::from(self.threshold),
                keys: &self.key_shares,
            },
            ballots: &ballots,
            counted: self.counted,
            sums: &self.sums,
            shares: &shares,
            counts: self.counts.as_deref(),
        })
    }

    /// The counts the posted decryption shares decrypt the sums to (the first `threshold`
    /// trustees' shares, each checked), each at most the ballots counted: what anyone may
    /// publish once enough trustees posted (the chain checks it, never decrypts).
    pub fn decrypt_counts(&self) -> Result<alloc::vec::Vec<u64>, govchain_ballot::BallotError> {
        let shares: alloc::vec::Vec<(u32, &[govchain_ballot::DecryptionShare])> = self
            .decryption_shares
            .iter()
            .map(|(position, shares)| (u32::from(*position), shares.as_slice()))
            .collect();
        govchain_ballot::decrypt_counts(
            &govchain_ballot::TrusteeKeys {
                threshold: u32::from(self.threshold),
                keys: &self.key_shares,
            },
            &self.sums,
            &shares,
            self.counted,
        )
    }
}

/// Whether a citizen voted in an election, never how.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "std",
    serde(rename_all = "camelCase", rename_all_fields = "camelCase")
)]
pub enum VoterStatus {
    /// No ballot.
    #[codec(index = 0)]
    NotVoted,
    /// Voted: a public vote, a secret ballot counted after its reveal, or an encrypted ballot.
    #[codec(index = 1)]
    Voted,
    /// A secret ballot committed and not (yet) revealed.
    #[codec(index = 2)]
    Sealed,
}

/// The most trustees an encrypted election names.
pub type MaxTrustees = ConstU32<{ govchain_ballot::MAX_TRUSTEES }>;

/// A trustee's position in its election's list, from 0.
pub type TrusteePosition = u8;

/// An encrypted ballot as a wallet casts it (`govchain_ballot::encrypt_ballot`).
pub type EncryptedBallot = BoundedVec<u8, ConstU32<{ govchain_ballot::MAX_BALLOT_LEN }>>;

/// A citizen's encrypted ballot that the election commission relays in a batch
/// (`relay_encrypted_ballots`), signed by the citizen's account: the signature is over
/// `govchain_primitives::relay::signing_payload(RELAYED_BALLOT, genesis hash, nonce,
/// relayed_ballot_body(election, ballot))`, and `nonce` is the account's nonce (the counter of
/// its own transactions), so the ballot is counted at most once and never after a later one.
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
pub struct RelayedBallot<T: Config> {
    /// The citizen's account, which signed.
    pub voter: T::AccountId,
    /// The account's nonce the ballot is signed at.
    pub nonce: T::Nonce,
    /// The ballot, as `cast_encrypted_ballot` takes it.
    pub ballot: EncryptedBallot,
    /// The account's signature.
    pub signature: T::RelaySignature,
}

/// What a relayed ballot's signature covers besides the chain and the nonce: the SCALE
/// encoding of `(election, ballot)`.
pub fn relayed_ballot_body(election: ElectionId, ballot: &[u8]) -> alloc::vec::Vec<u8> {
    (election, ballot).encode()
}

/// A trustee's proof that it knows its secret polynomial, as `govchain_ballot` encodes it.
pub type PossessionProof =
    BoundedVec<u8, ConstU32<{ govchain_ballot::dkg::MAX_POSSESSION_PROOF_LEN }>>;

/// The four rounds of an encrypted election's key ceremony, of equal length, from its creation to
/// the start of voting (the last round also takes the blocks the division leaves over).
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
    PartialOrd,
    Ord,
    Debug,
)]
pub enum CeremonyRound {
    /// Each trustee commits to its part of the key and gives its transport key.
    #[codec(index = 0)]
    Commit,
    /// Each trustee that committed publishes its polynomial, proof and opening.
    #[codec(index = 1)]
    Publish,
    /// Each trustee that published posts the shares for the others, encrypted.
    #[codec(index = 2)]
    Share,
    /// A trustee given a wrong share complains, disclosing it.
    #[codec(index = 3)]
    Complain,
}

/// What a trustee committed to in the ceremony's first round.
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
pub struct KeyCommitment {
    /// `govchain_ballot::dkg::commitment` of its polynomial's constant term.
    pub commitment: [u8; 32],
    /// The key the other trustees encrypt its shares to.
    pub transport_key: [u8; 32],
}

/// A trustee's published part of the key, as the chain checked it.
#[derive(
    Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct KeyContribution {
    /// Its polynomial's constant term: its part of the election key.
    pub constant: [u8; 32],
    /// What each trustee's share from it must be (`share·G`), in trustee order.
    pub dealt: BoundedVec<[u8; 32], MaxTrustees>,
}

/// Why a trustee's part was left out of the key.
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
pub enum Disqualification {
    /// The share it sent the trustee at this position was wrong, as that trustee's complaint
    /// showed.
    #[codec(index = 0)]
    WrongShare(TrusteePosition),
}

/// One trustee of an encrypted election, and how far it got in the key ceremony.
#[derive(
    Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct TrusteeRecord<AccountId> {
    /// The officer's account, which signs its ceremony and decryption calls.
    pub account: AccountId,
    /// The institution it serves, distinct from every other trustee's.
    pub institution: InstitutionId,
    /// Its commitment, once made.
    pub committed: Option<KeyCommitment>,
    /// Its published part, once checked.
    pub contribution: Option<KeyContribution>,
    /// Whether it posted the shares for the others.
    pub shares_posted: bool,
    /// The dealers it complained about, by position.
    pub complaints: BoundedVec<TrusteePosition, MaxTrustees>,
    /// Set if its part was left out of the key after a complaint.
    pub disqualified: Option<Disqualification>,
    /// The public key of its share of the election key, once the key is made.
    pub key_share: Option<[u8; 32]>,
}

impl<AccountId> TrusteeRecord<AccountId> {
    /// Whether its part counts in the election key: it committed, published, posted its shares
    /// and was not disqualified.
    pub fn qualified(&self) -> bool {
        self.contribution.is_some() && self.shares_posted && self.disqualified.is_none()
    }
}

/// An encrypted election's trustees and key.
#[derive(
    Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct KeyCeremony<T: Config> {
    /// The block the ceremony's first round began: the election's creation.
    pub starts: BlockNumberFor<T>,
    /// The length of each round.
    pub round_length: BlockNumberFor<T>,
    /// How many trustees decrypt together.
    pub threshold: u8,
    /// The trustees, in the order the election named them.
    pub trustees: BoundedVec<TrusteeRecord<T::AccountId>, MaxTrustees>,
    /// The election key, once made at the start of voting.
    pub key: Option<govchain_ballot::ElectionKey>,
}

impl<T: Config> KeyCeremony<T> {
    /// The round at block `now`, for an election whose voting starts at `voting_starts`;
    /// `None` before the ceremony and from the start of voting.
    pub fn round(
        &self,
        now: BlockNumberFor<T>,
        voting_starts: BlockNumberFor<T>,
    ) -> Option<CeremonyRound> {
        use sp_runtime::traits::{CheckedDiv, Saturating, Zero};
        if now < self.starts || now >= voting_starts || self.round_length.is_zero() {
            return None;
        }
        let elapsed = now.saturating_sub(self.starts);
        let round = elapsed.checked_div(&self.round_length)?;
        let round: u32 = round.try_into().unwrap_or(u32::MAX);
        Some(match round {
            0 => CeremonyRound::Commit,
            1 => CeremonyRound::Publish,
            2 => CeremonyRound::Share,
            _ => CeremonyRound::Complain,
        })
    }

    /// The position of the trustee whose account is `who`.
    pub fn position_of(&self, who: &T::AccountId) -> Option<TrusteePosition> {
        self.trustees
            .iter()
            .position(|trustee| trustee.account == *who)
            .and_then(|position| TrusteePosition::try_from(position).ok())
    }

    /// The position of `who` among the trustees, if it is one and still serves the institution
    /// it was named for (`institution`, the one it serves now).
    pub fn serving_trustee(
        &self,
        who: &T::AccountId,
        institution: InstitutionId,
    ) -> Option<TrusteePosition> {
        let position = self.position_of(who)?;
        let trustee = self.trustees.get(usize::from(position))?;
        (trustee.institution == institution).then_some(position)
    }

    /// The share `dealer` posted for `recipient` among its `shares`: a dealer's shares go to
    /// the other trustees that published their part, in position order.
    pub fn dealt_share(
        &self,
        shares: &[govchain_ballot::dkg::EncryptedShare],
        dealer: TrusteePosition,
        recipient: TrusteePosition,
    ) -> Option<govchain_ballot::dkg::EncryptedShare> {
        let index = self
            .published()
            .into_iter()
            .filter(|position| *position != dealer)
            .position(|position| position == recipient)?;
        shares.get(index).copied()
    }

    /// What the share `dealer` dealt to `recipient` must open to, by `dealer`'s published
    /// polynomial.
    pub fn expected_share(
        &self,
        dealer: TrusteePosition,
        recipient: TrusteePosition,
    ) -> Option<[u8; 32]> {
        self.trustees
            .get(usize::from(dealer))
            .and_then(|dealer| dealer.contribution.as_ref())
            .and_then(|contribution| contribution.dealt.get(usize::from(recipient)))
            .copied()
    }

    /// The positions of the trustees that published their part, in order: those that deal
    /// and receive shares.
    pub fn published(&self) -> alloc::vec::Vec<TrusteePosition> {
        self.trustees
            .iter()
            .enumerate()
            .filter(|(_, trustee)| trustee.contribution.is_some())
            .filter_map(|(position, _)| TrusteePosition::try_from(position).ok())
            .collect()
    }
}

/// A deadline an encrypted election meets at the start of a block.
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
    PartialOrd,
    Ord,
    Debug,
)]
pub enum Deadline {
    /// Voting starts: the key is made from the qualified trustees' parts, or the election fails.
    #[codec(index = 0)]
    ElectionKey,
    /// The tally period ends: an election still tallying fails.
    #[codec(index = 1)]
    Tally,
}

/// A citizen's vote in a public poll that the election commission relays in a batch
/// (`relay_votes`), signed by the citizen's account: the signature is over
/// `govchain_primitives::relay::signing_payload(RELAYED_VOTE, genesis hash, nonce,
/// relayed_vote_body(election, option))`, and `nonce` is the account's nonce, so the vote is
/// counted at most once and never after a later one.
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
pub struct RelayedVote<T: Config> {
    /// The citizen's account, which signed.
    pub voter: T::AccountId,
    /// The account's nonce the vote is signed at.
    pub nonce: T::Nonce,
    /// The option voted for, as `vote` takes it.
    pub option: OptionIndex,
    /// The account's signature.
    pub signature: T::RelaySignature,
}

/// What a relayed vote's signature covers besides the chain and the nonce: the SCALE encoding
/// of `(election, option)`.
pub fn relayed_vote_body(election: ElectionId, option: OptionIndex) -> alloc::vec::Vec<u8> {
    (election, option).encode()
}
