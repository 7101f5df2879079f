//! # Validator set
//!
//! The proof-of-authority validator set of govchain. Validators are nodes run by public
//! institutions; the council (any origin the runtime names as [`Config::ValidatorOrigin`]) adds and
//! removes them. A change is handed to `pallet-session` at the next session rotation, so it takes
//! effect one session later, when Aura and GRANDPA switch to the new set together.
//!
//! The set never shrinks below [`MinValidators`] (set in genesis, changeable only by
//! [`Config::MinValidatorsOrigin`]: in a national runtime a constitutional act, which the council
//! alone cannot pass), and a node can only be added once its
//! session keys are registered (`session.set_keys`): an account without keys would be silently
//! skipped by `pallet-session` and leave the chain with fewer validators than the council believes.
//!
//! The pallet also decides when sessions end: every [`SessionLength`] blocks, a value set in
//! genesis and changeable by the council. It rotates the session itself, in its `on_initialize`
//! ([`Config::RotateSession`]), and charges the rotation's measured weight: `pallet-session`,
//! left to rotate, charges the whole block for it, and no transaction then fits that block (on
//! the development chain's 10-block sessions, every tenth block of a flood was authored empty).

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

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod session;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// Which accounts have registered session keys (in `pallet-session`: `NextKeys`).
pub trait HasSessionKeys<AccountId> {
    /// Whether `who` has session keys registered.
    fn has_keys(who: &AccountId) -> bool;

    /// Registers some session keys for `who`, so that benchmarks can add it as a validator.
    #[cfg(feature = "runtime-benchmarks")]
    fn register_keys_for_benchmark(who: &AccountId);
}

/// Ends the current session and starts the next (in a runtime: `pallet_session`'s
/// `rotate_session`, which calls back this pallet's `SessionManager` hooks).
pub trait RotateSession {
    fn rotate_session();
}

// FRAME's macro expansions call `expect` on values they know statically (pallet indices,
// storage prefixes); the lint stays on for this crate's own code, where a grep keeps it honest.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
    use super::WeightInfo;
    use crate::HasSessionKeys as _;
    use alloc::vec::Vec;
    use frame_support::pallet_prelude::*;
    use frame_system::pallet_prelude::*;
    use sp_runtime::traits::Zero;

    /// The in-code storage version.
    const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

    #[pallet::pallet]
    #[pallet::storage_version(STORAGE_VERSION)]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// Who may add and remove validators and change the session length: the council.
        type ValidatorOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// Who may change the fewest validators the set may shrink to. The minimum protects the
        /// network from a council that would remove validators until a few nodes decide
        /// finality, so a national runtime makes it constitutional (Root, reached only through
        /// an approved referendum).
        type MinValidatorsOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// Tells which accounts have session keys registered, so that they can really validate.
        type HasSessionKeys: crate::HasSessionKeys<Self::AccountId>;

        /// Rotates the session when [`SessionLength`] blocks have passed: the session pallet,
        /// whose `ShouldEndSession` this pallet answers with "never", so that the rotation is
        /// charged its benchmarked weight here instead of a whole block there.
        type RotateSession: crate::RotateSession;

        /// The most validators the set may hold.
        #[pallet::constant]
        type MaxValidators: Get<u32>;

        /// Weights of this pallet's calls, from its benchmarks.
        type WeightInfo: WeightInfo;
    }

    /// The validator set the council has decided on, handed to the session pallet at the next
    /// rotation.
    #[pallet::storage]
    pub type Validators<T: Config> =
        StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

    /// Whether [`Validators`] changed since it was last handed to the session pallet.
    #[pallet::storage]
    pub type SetChanged<T> = StorageValue<_, bool, ValueQuery>;

    /// The fewest validators the chain may run with. GRANDPA needs more than two thirds of them
    /// online to finalize, so a network that must survive one failure needs at least four.
    #[pallet::storage]
    pub type MinValidators<T> = StorageValue<_, u32, ValueQuery>;

    /// Blocks per session.
    #[pallet::storage]
    pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

    /// The block at which the current session started.
    #[pallet::storage]
    pub type SessionStart<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

    #[pallet::genesis_config]
    #[derive(frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// The first validators; each needs session keys in the session pallet's genesis.
        pub validators: Vec<T::AccountId>,
        /// The fewest validators the chain may run with (at least one).
        pub min_validators: u32,
        /// Blocks per session.
        pub session_length: BlockNumberFor<T>,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        // Genesis is built once, natively, from a chain spec: a spec that breaks these rules must
        // not produce a chain.
        fn build(&self) {
            // The empty default only shows tooling the shape of this config; a chain that names
            // validators must follow every rule below.
            if self.validators.is_empty() {
                return;
            }
            let mut unique = self.validators.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(
                unique.len(),
                self.validators.len(),
                "genesis validators must be distinct"
            );
            assert!(
                self.min_validators >= 1,
                "genesis min_validators must be at least one"
            );
            assert!(
                self.validators.len() >= self.min_validators as usize,
                "genesis needs at least min_validators validators"
            );
            assert!(
                !self.session_length.is_zero(),
                "genesis session length must not be zero"
            );
            assert!(
                self.validators.len() <= T::MaxValidators::get() as usize,
                "genesis validators must not exceed MaxValidators"
            );
            Validators::<T>::put(BoundedVec::truncate_from(self.validators.clone()));
            MinValidators::<T>::put(self.min_validators);
            SessionLength::<T>::put(self.session_length);
        }
    }

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A validator joins the set from the next session on.
        ValidatorAdded { validator: T::AccountId },
        /// A validator leaves the set from the next session on.
        ValidatorRemoved { validator: T::AccountId },
        /// The changed set was handed to the session pallet; it is active from `session`.
        ValidatorSetQueued { session: u32, validators: u32 },
        /// Sessions last `length` blocks from the next rotation on.
        SessionLengthSet { length: BlockNumberFor<T> },
        /// The set may not shrink below `min_validators`.
        MinValidatorsSet { min_validators: u32 },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// The account is a validator already.
        AlreadyValidator,
        /// The account is not a validator.
        NotValidator,
        /// The set would exceed `MaxValidators`.
        TooManyValidators,
        /// The set would drop below `MinValidators`.
        TooFewValidators,
        /// The minimum must be at least one and no more than the validators there are.
        InvalidMinValidators,
        /// The account has no session keys registered (`session.set_keys`).
        NoSessionKeys,
        /// A session must last at least one block.
        ZeroSessionLength,
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Adds `validator` to the set from the next session rotation on.
        ///
        /// Origin: [`Config::ValidatorOrigin`] (the council).
        /// Emits `ValidatorAdded`.
        /// Errors: `AlreadyValidator`, `TooManyValidators`, `NoSessionKeys`.
        /// Weight: O(V) in the number of validators, bounded by `MaxValidators`.
        #[pallet::call_index(0)]
        #[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get()))]
        pub fn add_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
            T::ValidatorOrigin::ensure_origin(origin)?;
            Self::do_add_validator(validator)
        }

        /// Removes `validator` from the set from the next session rotation on.
        ///
        /// Origin: [`Config::ValidatorOrigin`] (the council).
        /// Emits `ValidatorRemoved`.
        /// Errors: `NotValidator`, `TooFewValidators`.
        /// Weight: O(V) in the number of validators, bounded by `MaxValidators`.
        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::remove_validator(T::MaxValidators::get()))]
        pub fn remove_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
            T::ValidatorOrigin::ensure_origin(origin)?;
            Self::do_remove_validator(validator)
        }

        /// Sets how many blocks a session lasts; the current session ends by the new length.
        ///
        /// Origin: [`Config::ValidatorOrigin`] (the council).
        /// Emits `SessionLengthSet`.
        /// Errors: `ZeroSessionLength`.
        /// Weight: O(1).
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::set_session_length())]
        pub fn set_session_length(
            origin: OriginFor<T>,
            length: BlockNumberFor<T>,
        ) -> DispatchResult {
            T::ValidatorOrigin::ensure_origin(origin)?;
            ensure!(!length.is_zero(), Error::<T>::ZeroSessionLength);
            SessionLength::<T>::put(length);
            Self::deposit_event(Event::SessionLengthSet { length });
            Ok(())
        }

        /// Sets the fewest validators the set may shrink to.
        ///
        /// Origin: [`Config::MinValidatorsOrigin`] (constitutional: an approved referendum).
        /// Emits `MinValidatorsSet`.
        /// Errors: `InvalidMinValidators` when zero or above the current set's size.
        /// Weight: O(1).
        #[pallet::call_index(3)]
        #[pallet::weight(T::WeightInfo::set_min_validators())]
        pub fn set_min_validators(origin: OriginFor<T>, min_validators: u32) -> DispatchResult {
            T::MinValidatorsOrigin::ensure_origin(origin)?;
            let current = Validators::<T>::decode_len().unwrap_or_default();
            ensure!(
                min_validators >= 1 && min_validators as usize <= current,
                Error::<T>::InvalidMinValidators
            );
            MinValidators::<T>::put(min_validators);
            Self::deposit_event(Event::MinValidatorsSet { min_validators });
            Ok(())
        }
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        /// Rotates the session when it is due ([`Pallet::session_due`]), at the rotation's
        /// weight for the most validators (the session handlers take the set queued a session
        /// ago, which may be larger than today's); otherwise reads the session clock.
        fn on_initialize(now: BlockNumberFor<T>) -> Weight {
            if Self::session_due(now) {
                <T::RotateSession as crate::RotateSession>::rotate_session();
                T::WeightInfo::rotate_session(T::MaxValidators::get())
            } else {
                T::DbWeight::get().reads(2)
            }
        }

        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }
    }

    impl<T: Config> Pallet<T> {
        pub(crate) fn do_add_validator(validator: T::AccountId) -> DispatchResult {
            ensure!(
                T::HasSessionKeys::has_keys(&validator),
                Error::<T>::NoSessionKeys
            );
            Validators::<T>::try_mutate(|validators| {
                ensure!(
                    !validators.contains(&validator),
                    Error::<T>::AlreadyValidator
                );
                validators
                    .try_push(validator.clone())
                    .map_err(|_| Error::<T>::TooManyValidators)?;
                Ok::<_, DispatchError>(())
            })?;
            SetChanged::<T>::put(true);
            Self::deposit_event(Event::ValidatorAdded { validator });
            Ok(())
        }

        pub(crate) fn do_remove_validator(validator: T::AccountId) -> DispatchResult {
            Validators::<T>::try_mutate(|validators| {
                let position = validators
                    .iter()
                    .position(|v| v == &validator)
                    .ok_or(Error::<T>::NotValidator)?;
                ensure!(
                    validators.len() > MinValidators::<T>::get() as usize,
                    Error::<T>::TooFewValidators
                );
                validators.remove(position);
                Ok::<_, DispatchError>(())
            })?;
            SetChanged::<T>::put(true);
            Self::deposit_event(Event::ValidatorRemoved { validator });
            Ok(())
        }

        /// The pallet's invariants: the set is duplicate-free and never below the minimum, and
        /// sessions have a length.
        pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
            let validators = Validators::<T>::get();
            let mut sorted: Vec<_> = validators.iter().collect();
            sorted.sort();
            sorted.dedup();
            ensure!(
                sorted.len() == validators.len(),
                "a validator is listed twice"
            );
            let min = MinValidators::<T>::get();
            ensure!(min >= 1, "MinValidators is zero");
            ensure!(
                validators.len() >= min as usize,
                "fewer validators than MinValidators"
            );
            ensure!(
                !SessionLength::<T>::get().is_zero(),
                "session length is zero"
            );
            Ok(())
        }
    }
}
