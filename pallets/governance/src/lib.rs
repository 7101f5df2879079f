//! # Governance
//!
//! The council's only way to Root. govchain has no sudo key: every privileged act is a council
//! motion, and this pallet turns an approved motion into a Root dispatch.
//!
//! - **Runtime upgrades** are public before they happen. A motion calls [`Pallet::schedule_upgrade`]
//!   with the code hash and the [`LegalReference`] of the instrument that orders the upgrade (the
//!   hash of the signed act and its official identifier, a decree number or gazette entry). The
//!   pallet records both in
//!   [`PendingUpgrade`] and the `UpgradeScheduled` event, and asks the scheduler to authorise the
//!   code after [`UpgradeDelay`] blocks. Until then the council may cancel it. Once
//!   authorised, anyone may submit the code with `system.apply_authorized_upgrade`.
//! - **Other root acts** (parameters, storage repairs, forced balance moves) go through
//!   [`Pallet::dispatch_as_root`]. Calls that [`Config::ImmediateRootCalls`] refuses, the upgrade
//!   calls among them, cannot take that shortcut past the public delay.
//! - **Constitutional acts** ([`Config::ConstitutionalCalls`]: the upgrade delay, and what the
//!   runtime lists) are not the council's alone. A council motion calls
//!   [`Pallet::propose_constitutional`]; the election commission offers an election asking
//!   `YES`/`NO` as its referendum ([`Pallet::attach_ballot`], public or encrypted, of the
//!   commission's choosing); once it closed, anyone calls [`Pallet::conclude_referendum`]: the
//!   act is dispatched (as Root) only if the citizens approved it by more than
//!   [`Config::ReferendumMajority`] of the votes with a turnout of at least
//!   [`Config::ReferendumQuorum`]; otherwise it lapses with an event, as it does without a ballot
//!   by [`Config::BallotPeriod`] or when its election is cancelled or fails.
//!   [`Pallet::dispatch_as_root`] refuses constitutional calls.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

mod referendum;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

// FRAME's macro expansions call `expect` on values they know statically (pallet indices,
// storage prefixes); the lint stays on for this crate's own code, where a grep keeps it honest.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
    use super::WeightInfo;
    use alloc::boxed::Box;
    use frame_support::{
        dispatch::{GetDispatchInfo, PostDispatchInfo},
        pallet_prelude::*,
        traits::{
            schedule::{v3::Named as ScheduleNamed, DispatchTime, HIGHEST_PRIORITY},
            Contains, QueryPreimage, StorePreimage, UnfilteredDispatchable,
        },
        CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
    };
    use frame_system::pallet_prelude::*;
    use govchain_primitives::voting::ReferendumBallots;
    use sp_runtime::{
        traits::{Dispatchable, One, Saturating},
        Perbill,
    };

    /// The in-code storage version: 2 structures the legal reference ([`crate::migrations::v2`]).
    const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

    /// The scheduler's name for the pending upgrade's authorisation task.
    pub const UPGRADE_TASK: [u8; 32] = *b"govchain/governance/upgrade-task";

    /// The scheduler's name for the pending change of the upgrade delay.
    pub const DELAY_TASK: [u8; 32] = *b"govchain/governance/delay-change";

    #[pallet::pallet]
    #[pallet::storage_version(STORAGE_VERSION)]
    pub struct Pallet<T>(_);

    /// The legal instrument that orders an act: the hash of the signed instrument as published,
    /// and its official identifier.
    #[derive(
        CloneNoBound,
        PartialEqNoBound,
        EqNoBound,
        DebugNoBound,
        Encode,
        Decode,
        DecodeWithMemTracking,
        MaxEncodedLen,
        TypeInfo,
    )]
    #[scale_info(skip_type_params(MaxIdentifier))]
    pub struct LegalReference<MaxIdentifier: Get<u32>> {
        /// The blake2-256 hash of the signed instrument (for example the published PDF), so that
        /// anyone holding the document can check it is the one cited. Never zero for a new act
        /// (zero marks a reference recorded as text before storage version 2).
        pub instrument_hash: [u8; 32],
        /// Its official identifier, such as `Decree 2026/117 of the Council of Ministers`:
        /// printable ASCII, 1 to `MaxIdentifier` bytes.
        pub identifier: BoundedVec<u8, MaxIdentifier>,
    }

    impl<MaxIdentifier: Get<u32>> LegalReference<MaxIdentifier> {
        /// Refuses an identifier that is empty or not printable ASCII, and a zero instrument
        /// hash.
        pub fn validate<T: Config>(&self) -> DispatchResult {
            ensure!(!self.identifier.is_empty(), Error::<T>::EmptyLegalReference);
            ensure!(
                self.identifier
                    .iter()
                    .all(|byte| (b' '..=b'~').contains(byte)),
                Error::<T>::InvalidLegalIdentifier
            );
            ensure!(
                self.instrument_hash != [0; 32],
                Error::<T>::MissingInstrumentHash
            );
            Ok(())
        }
    }

    /// A legal reference as this runtime bounds it.
    pub type LegalReferenceOf<T> = LegalReference<<T as Config>::MaxLegalReferenceLen>;

    /// A runtime upgrade the council has scheduled.
    #[derive(
        CloneNoBound,
        PartialEqNoBound,
        EqNoBound,
        DebugNoBound,
        Encode,
        Decode,
        DecodeWithMemTracking,
        MaxEncodedLen,
        TypeInfo,
    )]
    #[scale_info(skip_type_params(MaxReference))]
    pub struct ScheduledUpgrade<Hash, BlockNumber, MaxReference>
    where
        Hash: Clone + PartialEq + Eq + core::fmt::Debug,
        BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
        MaxReference: Get<u32>,
    {
        /// The blake2-256 hash of the new runtime code.
        pub code_hash: Hash,
        /// The legal instrument that orders the upgrade.
        pub legal_reference: LegalReference<MaxReference>,
        /// When the code becomes applicable.
        pub enact_at: BlockNumber,
    }

    /// A constitutional motion's number.
    pub type MotionId = u32;

    /// Where a constitutional motion's referendum stands.
    #[derive(
        Clone,
        Copy,
        PartialEq,
        Eq,
        Debug,
        Encode,
        Decode,
        DecodeWithMemTracking,
        MaxEncodedLen,
        TypeInfo,
    )]
    pub enum ReferendumBallot<BlockNumber> {
        /// The commission has until this block to offer an election as its ballot.
        #[codec(index = 0)]
        Awaited { until: BlockNumber },
        /// This election decides it.
        #[codec(index = 1)]
        Election(u32),
    }

    /// A constitutional act the council proposed, waiting for the citizens.
    #[derive(
        CloneNoBound,
        PartialEqNoBound,
        EqNoBound,
        DebugNoBound,
        Encode,
        Decode,
        MaxEncodedLen,
        TypeInfo,
    )]
    #[scale_info(skip_type_params(T))]
    pub struct ConstitutionalMotion<T: Config> {
        /// The act, dispatched as Root if approved (inline: at most 128 bytes encoded).
        pub call: BoundedCallOf<T>,
        /// The act's declared weight, which concluding an approved referendum charges.
        pub call_weight: Weight,
        /// The legal instrument that proposes it.
        pub legal_reference: LegalReferenceOf<T>,
        /// Its referendum.
        pub ballot: ReferendumBallot<BlockNumberFor<T>>,
    }

    /// A call as the preimage pallet bounds it.
    pub type BoundedCallOf<T> = frame_support::traits::Bounded<
        <T as Config>::RuntimeCall,
        <T as frame_system::Config>::Hashing,
    >;

    /// Why a constitutional motion lapsed.
    #[derive(
        Clone,
        Copy,
        PartialEq,
        Eq,
        Debug,
        Encode,
        Decode,
        DecodeWithMemTracking,
        MaxEncodedLen,
        TypeInfo,
    )]
    pub enum Lapse {
        /// The citizens voted it down: not more than the majority of the votes said `YES`.
        #[codec(index = 0)]
        Rejected { yes: u64, no: u64 },
        /// Too few citizens voted.
        #[codec(index = 1)]
        NoQuorum { ballots: u64, eligible: u64 },
        /// No election was offered as its ballot in time.
        #[codec(index = 2)]
        NoBallot,
        /// Its election was cancelled or failed.
        #[codec(index = 3)]
        BallotVoid,
        /// Approved, but its act no longer decodes (a runtime upgrade changed the call).
        #[codec(index = 4)]
        ActUnavailable,
    }

    /// The pending upgrade, as this runtime stores it.
    pub type ScheduledUpgradeOf<T> = ScheduledUpgrade<
        <T as frame_system::Config>::Hash,
        BlockNumberFor<T>,
        <T as Config>::MaxLegalReferenceLen,
    >;

    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// The runtime's call type, which this pallet dispatches and schedules.
        type RuntimeCall: Parameter
            + Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
            + UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
            + GetDispatchInfo
            + From<Call<Self>>
            + From<frame_system::Call<Self>>
            + IsType<<Self as frame_system::Config>::RuntimeCall>;

        /// The runtime's origin type without its filter, as the scheduler stores it.
        type PalletsOrigin: From<frame_system::RawOrigin<Self::AccountId>>;

        /// A council majority: who may schedule, cancel and dispatch as root.
        type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// The scheduler that enacts upgrades after the delay.
        type Scheduler: ScheduleNamed<
            BlockNumberFor<Self>,
            <Self as Config>::RuntimeCall,
            Self::PalletsOrigin,
            Hasher = Self::Hashing,
        >;

        /// Where scheduled calls too large to inline are noted.
        type Preimages: QueryPreimage<H = Self::Hashing> + StorePreimage;

        /// The calls the council may dispatch as root at once. Runtime upgrades must not be
        /// among them: they go through [`Pallet::schedule_upgrade`] and its delay.
        type ImmediateRootCalls: Contains<<Self as Config>::RuntimeCall>;

        /// The longest identifier of a legal instrument, in bytes.
        #[pallet::constant]
        type MaxLegalReferenceLen: Get<u32>;

        /// The shortest upgrade delay a council motion may set: the public's guaranteed notice
        /// of a new runtime. (A genesis may start below it; no motion can go below it.)
        #[pallet::constant]
        type MinUpgradeDelay: Get<BlockNumberFor<Self>>;

        /// The calls only a referendum enacts ([`Pallet::propose_constitutional`]), which
        /// [`Pallet::dispatch_as_root`] refuses.
        type ConstitutionalCalls: Contains<<Self as Config>::RuntimeCall>;

        /// Who sets the upgrade delay: Root in the runtime, which the council reaches for it only
        /// through an approved referendum.
        type ConstitutionalOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// The elections that decide referendums: the ballot register.
        type ReferendumBallots: ReferendumBallots<Self::AccountId>;

        /// The share of the `YES` and `NO` votes that `YES` must exceed.
        #[pallet::constant]
        type ReferendumMajority: Get<Perbill>;

        /// The share of the eligible citizens who must have cast a ballot.
        #[pallet::constant]
        type ReferendumQuorum: Get<Perbill>;

        /// Blocks the commission has to offer a motion's ballot before it lapses.
        #[pallet::constant]
        type BallotPeriod: Get<BlockNumberFor<Self>>;

        /// The most constitutional motions waiting at once.
        #[pallet::constant]
        type MaxConstitutionalMotions: Get<u32>;

        /// Weights of this pallet's calls, from its benchmarks.
        type WeightInfo: WeightInfo;
    }

    /// The runtime upgrade that is scheduled and not yet authorised, with its legal reference.
    #[pallet::storage]
    pub type PendingUpgrade<T: Config> = StorageValue<_, ScheduledUpgradeOf<T>, OptionQuery>;

    /// Blocks between scheduling an upgrade and its authorisation: the time the public has to
    /// see an upgrade coming, and the council to cancel it.
    #[pallet::storage]
    pub type UpgradeDelay<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

    /// A new upgrade delay the council set, and the block it takes effect at: a change of the
    /// delay waits out the current delay, like an upgrade.
    #[pallet::storage]
    pub type PendingUpgradeDelay<T: Config> =
        StorageValue<_, (BlockNumberFor<T>, BlockNumberFor<T>), OptionQuery>;

    /// The number the next constitutional motion gets.
    #[pallet::storage]
    pub type NextMotionId<T> = StorageValue<_, MotionId, ValueQuery>;

    /// Constitutional motions waiting for their referendum, at most
    /// [`Config::MaxConstitutionalMotions`]; removed when enacted or lapsed.
    #[pallet::storage]
    pub type ConstitutionalMotions<T: Config> =
        CountedStorageMap<_, Twox64Concat, MotionId, ConstitutionalMotion<T>>;

    #[pallet::genesis_config]
    #[derive(frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// Blocks between scheduling an upgrade and its authorisation.
        pub upgrade_delay: BlockNumberFor<T>,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            UpgradeDelay::<T>::put(self.upgrade_delay);
        }
    }

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A runtime upgrade will be authorised at `enact_at`, by order of `legal_reference`.
        UpgradeScheduled {
            code_hash: T::Hash,
            legal_reference: LegalReferenceOf<T>,
            enact_at: BlockNumberFor<T>,
        },
        /// The council cancelled the pending upgrade before it was authorised.
        UpgradeCancelled { code_hash: T::Hash },
        /// The delay passed: anyone may now apply the code with `system.apply_authorized_upgrade`.
        UpgradeEnacted { code_hash: T::Hash },
        /// The upgrade delay becomes `delay` at block `enact_at` (replacing any change pending).
        UpgradeDelayScheduled {
            delay: BlockNumberFor<T>,
            enact_at: BlockNumberFor<T>,
        },
        /// Upgrades scheduled from now on wait `delay` blocks.
        UpgradeDelaySet { delay: BlockNumberFor<T> },
        /// The council dispatched a call as root; `result` is the call's own outcome.
        DispatchedAsRoot { result: DispatchResult },
        /// The council proposed a constitutional act by order of `legal_reference`; the
        /// commission offers its ballot by `ballot_due`.
        ConstitutionalMotionProposed {
            motion: MotionId,
            legal_reference: LegalReferenceOf<T>,
            ballot_due: BlockNumberFor<T>,
        },
        /// `election` is the motion's referendum.
        ReferendumOpened { motion: MotionId, election: u32 },
        /// The citizens approved the motion and its act was dispatched; `result` is the act's
        /// own outcome.
        ConstitutionalMotionEnacted {
            motion: MotionId,
            yes: u64,
            no: u64,
            ballots: u64,
            eligible: u64,
            result: DispatchResult,
        },
        /// The motion lapsed, its act not dispatched.
        ConstitutionalMotionLapsed { motion: MotionId, reason: Lapse },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// An upgrade is pending already; cancel it first.
        UpgradePending,
        /// No upgrade is pending.
        NoUpgradePending,
        /// The code hash is not the one pending.
        UpgradeMismatch,
        /// The legal reference's identifier is empty; every upgrade must name its instrument.
        EmptyLegalReference,
        /// The call may not be dispatched as root at once (e.g. a runtime upgrade, which must be
        /// scheduled).
        CallNotImmediate,
        /// The upgrade delay may not be set below `MinUpgradeDelay`.
        DelayBelowFloor,
        /// No change of the upgrade delay is pending, or another one is.
        DelayChangeMismatch,
        /// A legal identifier is printable ASCII only.
        InvalidLegalIdentifier,
        /// The legal reference has no instrument hash (all zero).
        MissingInstrumentHash,
        /// The call is constitutional: only a referendum enacts it (`propose_constitutional`).
        ConstitutionalCall,
        /// The call is not constitutional: the council dispatches it itself.
        NotConstitutional,
        /// As many constitutional motions wait as may.
        TooManyMotions,
        /// No constitutional motion has this number (or it was concluded).
        UnknownMotion,
        /// The motion has its ballot already.
        BallotAttached,
        /// The time to offer the motion's ballot is over.
        BallotOverdue,
        /// The election decides another motion already.
        ElectionInUse,
        /// The referendum has not decided yet.
        ReferendumNotOver,
        /// The weight given does not cover the act's.
        WeightBoundTooLow,
        /// A constitutional act is at most 128 bytes encoded (kept in the motion itself).
        CallTooLarge,
        /// Motion numbers ran out.
        Overflow,
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Schedules the authorisation of the runtime code with `code_hash` after
        /// [`UpgradeDelay`] blocks (at least one), recording the `legal_reference` that orders it:
        /// the instrument's hash and its official identifier.
        ///
        /// Origin: [`Config::CouncilOrigin`].
        /// Emits `UpgradeScheduled`.
        /// Errors: `EmptyLegalReference`, `InvalidLegalIdentifier`, `MissingInstrumentHash`,
        /// `UpgradePending`, and the scheduler's own.
        /// Weight: O(1).
        #[pallet::call_index(0)]
        #[pallet::weight(T::WeightInfo::schedule_upgrade())]
        pub fn schedule_upgrade(
            origin: OriginFor<T>,
            code_hash: T::Hash,
            legal_reference: LegalReferenceOf<T>,
        ) -> DispatchResult {
            T::CouncilOrigin::ensure_origin(origin)?;
            legal_reference.validate::<T>()?;
            ensure!(!PendingUpgrade::<T>::exists(), Error::<T>::UpgradePending);

            let enact_at =
                Self::schedule_after_delay(UPGRADE_TASK, Call::<T>::enact_upgrade { code_hash })?;

            PendingUpgrade::<T>::put(ScheduledUpgrade {
                code_hash,
                legal_reference: legal_reference.clone(),
                enact_at,
            });
            Self::deposit_event(Event::UpgradeScheduled {
                code_hash,
                legal_reference,
                enact_at,
            });
            Ok(())
        }

        /// Cancels the pending upgrade before it is authorised.
        ///
        /// Origin: [`Config::CouncilOrigin`].
        /// Emits `UpgradeCancelled`.
        /// Errors: `NoUpgradePending`.
        /// Weight: O(1).
        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::cancel_upgrade())]
        pub fn cancel_upgrade(origin: OriginFor<T>) -> DispatchResult {
            T::CouncilOrigin::ensure_origin(origin)?;
            let pending = PendingUpgrade::<T>::take().ok_or(Error::<T>::NoUpgradePending)?;
            T::Scheduler::cancel_named(UPGRADE_TASK)?;
            Self::deposit_event(Event::UpgradeCancelled {
                code_hash: pending.code_hash,
            });
            Ok(())
        }

        /// Authorises the pending upgrade's code. The scheduler calls it when the delay is over.
        ///
        /// Origin: Root (the scheduler task that [`Pallet::schedule_upgrade`] created).
        /// Emits `UpgradeEnacted` and `system.UpgradeAuthorized`.
        /// Errors: `NoUpgradePending`, `UpgradeMismatch`.
        /// Weight: O(1).
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::enact_upgrade())]
        pub fn enact_upgrade(origin: OriginFor<T>, code_hash: T::Hash) -> DispatchResult {
            ensure_root(origin)?;
            let pending = PendingUpgrade::<T>::get().ok_or(Error::<T>::NoUpgradePending)?;
            ensure!(pending.code_hash == code_hash, Error::<T>::UpgradeMismatch);
            PendingUpgrade::<T>::kill();
            frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
            Self::deposit_event(Event::UpgradeEnacted { code_hash });
            Ok(())
        }

        /// Dispatches `call` as root, for a council motion.
        ///
        /// Origin: [`Config::CouncilOrigin`].
        /// Emits `DispatchedAsRoot` with the call's own result.
        /// Errors: `ConstitutionalCall` for [`Config::ConstitutionalCalls`] (a referendum's),
        /// `CallNotImmediate` for calls [`Config::ImmediateRootCalls`] refuses.
        /// Weight: the call's own plus O(1).
        #[pallet::call_index(3)]
        #[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::dispatch_as_root().saturating_add(info.call_weight), info.class)
		})]
        pub fn dispatch_as_root(
            origin: OriginFor<T>,
            call: Box<<T as Config>::RuntimeCall>,
        ) -> DispatchResultWithPostInfo {
            T::CouncilOrigin::ensure_origin(origin)?;
            ensure!(
                !T::ConstitutionalCalls::contains(&call),
                Error::<T>::ConstitutionalCall
            );
            ensure!(
                T::ImmediateRootCalls::contains(&call),
                Error::<T>::CallNotImmediate
            );
            let result = call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into());
            Self::deposit_event(Event::DispatchedAsRoot {
                result: result.map(|_| ()).map_err(|e| e.error),
            });
            Ok(Pays::No.into())
        }

        /// Sets how many blocks upgrades scheduled from then on wait before authorisation. The
        /// change itself waits out the current delay (so a council cannot shorten the notice
        /// and upgrade at once); a change already pending is replaced. An upgrade already
        /// pending keeps its enactment block.
        ///
        /// Origin: [`Config::ConstitutionalOrigin`] (an approved referendum in the runtime).
        /// Emits `UpgradeDelayScheduled`, then `UpgradeDelaySet` when it takes effect.
        /// Errors: `DelayBelowFloor` (below `MinUpgradeDelay`), and the scheduler's own.
        /// Weight: O(1).
        #[pallet::call_index(4)]
        #[pallet::weight(T::WeightInfo::set_upgrade_delay())]
        pub fn set_upgrade_delay(origin: OriginFor<T>, delay: BlockNumberFor<T>) -> DispatchResult {
            T::ConstitutionalOrigin::ensure_origin(origin)?;
            ensure!(
                delay >= T::MinUpgradeDelay::get(),
                Error::<T>::DelayBelowFloor
            );
            if PendingUpgradeDelay::<T>::take().is_some() {
                T::Scheduler::cancel_named(DELAY_TASK)?;
            }
            let enact_at =
                Self::schedule_after_delay(DELAY_TASK, Call::<T>::enact_upgrade_delay { delay })?;
            PendingUpgradeDelay::<T>::put((delay, enact_at));
            Self::deposit_event(Event::UpgradeDelayScheduled { delay, enact_at });
            Ok(())
        }

        /// Makes the pending change of the upgrade delay take effect. The scheduler calls it
        /// when the current delay is over.
        ///
        /// Origin: Root (the scheduler task that [`Pallet::set_upgrade_delay`] created).
        /// Emits `UpgradeDelaySet`.
        /// Errors: `DelayChangeMismatch`.
        /// Weight: O(1).
        #[pallet::call_index(5)]
        #[pallet::weight(T::WeightInfo::enact_upgrade_delay())]
        pub fn enact_upgrade_delay(
            origin: OriginFor<T>,
            delay: BlockNumberFor<T>,
        ) -> DispatchResult {
            ensure_root(origin)?;
            let (pending, _) =
                PendingUpgradeDelay::<T>::get().ok_or(Error::<T>::DelayChangeMismatch)?;
            ensure!(pending == delay, Error::<T>::DelayChangeMismatch);
            PendingUpgradeDelay::<T>::kill();
            UpgradeDelay::<T>::put(delay);
            Self::deposit_event(Event::UpgradeDelaySet { delay });
            Ok(())
        }

        /// Proposes the constitutional act `call` ([`Config::ConstitutionalCalls`]) by order of
        /// `legal_reference`, for a referendum: the election commission has
        /// [`Config::BallotPeriod`] blocks to offer its ballot ([`Pallet::attach_ballot`]).
        ///
        /// Origin: [`Config::CouncilOrigin`].
        /// Emits `ConstitutionalMotionProposed`.
        /// Errors: `EmptyLegalReference`, `InvalidLegalIdentifier`, `MissingInstrumentHash`,
        /// `NotConstitutional`, `CallTooLarge` (over 128 bytes), `TooManyMotions`, `Overflow`.
        /// Weight: O(1).
        #[pallet::call_index(6)]
        #[pallet::weight(T::WeightInfo::propose_constitutional())]
        pub fn propose_constitutional(
            origin: OriginFor<T>,
            call: Box<<T as Config>::RuntimeCall>,
            legal_reference: LegalReferenceOf<T>,
        ) -> DispatchResult {
            T::CouncilOrigin::ensure_origin(origin)?;
            Self::do_propose_constitutional(*call, legal_reference)
        }

        /// Offers `election` as the referendum of constitutional `motion`: an election of the
        /// caller's commission asking `YES` then `NO`, open to all citizens, before its voting
        /// starts, and no other motion's.
        ///
        /// Origin: an election commission's officer (signed).
        /// Emits `ReferendumOpened`.
        /// Errors: `UnknownMotion`, `BallotAttached`, `BallotOverdue`, `ElectionInUse`, and the
        /// ballot register's (`UnknownElection`, `NotElectionCommission`, `VotingStarted`,
        /// `NotAReferendumBallot`, the officer's).
        /// Weight: O(`MaxConstitutionalMotions`).
        #[pallet::call_index(7)]
        #[pallet::weight(T::WeightInfo::attach_ballot(T::MaxConstitutionalMotions::get()))]
        pub fn attach_ballot(
            origin: OriginFor<T>,
            motion: MotionId,
            election: u32,
        ) -> DispatchResult {
            let officer = ensure_signed(origin)?;
            Self::do_attach_ballot(&officer, motion, election)
        }

        /// Concludes constitutional `motion` once its referendum decided (or its ballot is
        /// overdue): dispatches its act as Root if more than [`Config::ReferendumMajority`] of
        /// the `YES`/`NO` votes approved it with a turnout of at least
        /// [`Config::ReferendumQuorum`]; otherwise it lapses. Either way the motion is removed.
        /// `max_weight` must cover the act's declared weight.
        ///
        /// Origin: anyone (signed).
        /// Emits `ConstitutionalMotionEnacted` (with the act's own result) or
        /// `ConstitutionalMotionLapsed`.
        /// Errors: `UnknownMotion`, `ReferendumNotOver`, `WeightBoundTooLow`.
        /// Weight: `conclude_referendum` plus `max_weight`; charged: plus the act's actual weight
        /// if enacted.
        #[pallet::call_index(8)]
        #[pallet::weight(T::WeightInfo::conclude_referendum().saturating_add(*max_weight))]
        pub fn conclude_referendum(
            origin: OriginFor<T>,
            motion: MotionId,
            max_weight: Weight,
        ) -> DispatchResultWithPostInfo {
            ensure_signed(origin)?;
            Self::do_conclude_referendum(motion, max_weight)
        }
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }
    }

    impl<T: Config> Pallet<T> {
        /// Schedules `call` as Root under the scheduler name `task`, after the current upgrade
        /// delay (at least one block: the scheduler runs tasks from the next block on); returns
        /// the block it runs at.
        fn schedule_after_delay(
            task: [u8; 32],
            call: Call<T>,
        ) -> Result<BlockNumberFor<T>, DispatchError> {
            let delay = UpgradeDelay::<T>::get().max(One::one());
            let at = frame_system::Pallet::<T>::block_number().saturating_add(delay);
            let call: <T as Config>::RuntimeCall = call.into();
            T::Scheduler::schedule_named(
                task,
                DispatchTime::At(at),
                None,
                HIGHEST_PRIORITY,
                frame_system::RawOrigin::Root.into(),
                T::Preimages::bound(call)?,
            )?;
            Ok(at)
        }

        /// The pallet's invariants: a pending upgrade names its instrument and has its
        /// authorisation scheduled, and nothing is scheduled without a pending upgrade; the
        /// constitutional motions' (see `referendum_invariants`).
        pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
            let scheduled_at = T::Scheduler::next_dispatch_time(UPGRADE_TASK).ok();
            match PendingUpgrade::<T>::get() {
                Some(pending) => {
                    ensure!(
                        !pending.legal_reference.identifier.is_empty(),
                        "pending upgrade without reference"
                    );
                    ensure!(
                        scheduled_at == Some(pending.enact_at),
                        "pending upgrade is not scheduled for its enactment block"
                    );
                }
                None => ensure!(
                    scheduled_at.is_none(),
                    "upgrade task scheduled with none pending"
                ),
            }
            let delay_change_at = T::Scheduler::next_dispatch_time(DELAY_TASK).ok();
            ensure!(
                delay_change_at == PendingUpgradeDelay::<T>::get().map(|(_, at)| at),
                "a pending change of the upgrade delay is not scheduled for its block"
            );
            ensure!(
                PendingUpgradeDelay::<T>::get()
                    .is_none_or(|(delay, _)| delay >= T::MinUpgradeDelay::get()),
                "a pending upgrade delay is below the floor"
            );
            Self::referendum_invariants()
        }
    }
}

impl<T: Config> govchain_primitives::identity::RegistryCall for Call<T> {
    fn signer(&self) -> govchain_primitives::identity::CallSigner {
        use govchain_primitives::identity::{CallSigner, Role};
        match self {
            Call::attach_ballot { .. } => CallSigner::Officer(Role::ElectionCommission),
            Call::conclude_referendum { .. } => CallSigner::Anyone,
            Call::schedule_upgrade { .. }
            | Call::cancel_upgrade { .. }
            | Call::enact_upgrade { .. }
            | Call::dispatch_as_root { .. }
            | Call::set_upgrade_delay { .. }
            | Call::enact_upgrade_delay { .. }
            | Call::propose_constitutional { .. }
            | Call::__Ignore(..) => CallSigner::Governance,
        }
    }
}
