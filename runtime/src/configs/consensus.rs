//! Proof of authority: the validator set, sessions, Aura and GRANDPA.

use crate::{
    AccountId, Balances, Runtime, RuntimeEvent, SessionKeys, ValidatorSet, MAX_VALIDATORS,
};
use frame_support::{
    parameter_types,
    traits::{ConstBool, ConstU128, ConstU32, ConstU64},
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::OpaqueKeys;

parameter_types! {
    pub const MaxValidators: u32 = MAX_VALIDATORS;
}

/// Accounts with session keys in `pallet-session`.
pub struct HasSessionKeys;
impl pallet_validator_set::HasSessionKeys<AccountId> for HasSessionKeys {
    fn has_keys(who: &AccountId) -> bool {
        pallet_session::NextKeys::<Runtime>::contains_key(who)
    }

    #[cfg(feature = "runtime-benchmarks")]
    fn register_keys_for_benchmark(who: &AccountId) {
        use codec::Decode;
        if let Ok(keys) = SessionKeys::decode(&mut sp_runtime::traits::TrailingZeroInput::zeroes())
        {
            pallet_session::NextKeys::<Runtime>::insert(who, keys);
        }
    }
}

/// The session pallet's rotation, driven by the validator-set pallet at its measured weight.
pub struct SessionRotation;
impl pallet_validator_set::RotateSession for SessionRotation {
    fn rotate_session() {
        pallet_session::Pallet::<Runtime>::rotate_session();
    }
}

impl pallet_validator_set::Config for Runtime {
    /// A two-thirds council motion.
    type ValidatorOrigin = crate::configs::CouncilSuperMajority;
    /// The validator-set minimum is constitutional: Root, which the council reaches for it only
    /// through an approved referendum (`ConstitutionalCalls`).
    type MinValidatorsOrigin = frame_system::EnsureRoot<AccountId>;
    type HasSessionKeys = HasSessionKeys;
    type RotateSession = SessionRotation;
    type MaxValidators = MaxValidators;
    type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

impl pallet_session::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    /// Validators are plain accounts.
    type ValidatorId = AccountId;
    type ValidatorIdOf = sp_runtime::traits::ConvertInto;
    /// The validator set pallet keeps the session clock and the set, and rotates the session
    /// itself (`SessionRotation`): here, a session never ends on its own.
    type ShouldEndSession = ValidatorSet;
    type NextSessionRotation = ValidatorSet;
    type SessionManager = ValidatorSet;
    /// Aura and GRANDPA receive the new keys.
    type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
    type Keys = SessionKeys;
    /// No slashing or disabling: misbehaving institutions are removed by the council.
    type DisablingStrategy = ();
    type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
    type Currency = Balances;
    /// Validators are public institutions; registering keys costs no deposit.
    type KeyDeposit = ConstU128<0>;
}

impl pallet_aura::Config for Runtime {
    type AuthorityId = AuraId;
    type DisabledValidators = ();
    type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
    /// One block per slot: a validator that authors twice in a slot is misbehaving.
    type AllowMultipleBlocksPerSlot = ConstBool<false>;
    type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type WeightInfo = ();
    type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
    type MaxNominators = ConstU32<0>;
    /// Equivocation reports are not processed on chain; the council acts on them.
    type MaxSetIdSessionEntries = ConstU64<0>;
    type KeyOwnerProof = sp_core::Void;
    type EquivocationReportSystem = ();
}
