//! Batches and multi-signature accounts for institutions.

use crate::{Balance, Balances, OriginCaller, Runtime, RuntimeCall, RuntimeEvent, MILLI_UNIT};
use frame_support::{parameter_types, traits::ConstU32};

impl pallet_utility::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeCall = RuntimeCall;
    type PalletsOrigin = OriginCaller;
    type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
}

parameter_types! {
    /// Deposit for a pending multisig operation: its storage, 88 bytes plus a key.
    pub const MultisigDepositBase: Balance = 100 * MILLI_UNIT;
    /// Deposit per signatory.
    pub const MultisigDepositFactor: Balance = 10 * MILLI_UNIT;
}

impl pallet_multisig::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeCall = RuntimeCall;
    type Currency = Balances;
    type DepositBase = MultisigDepositBase;
    type DepositFactor = MultisigDepositFactor;
    type MaxSignatories = ConstU32<100>;
    type WeightInfo = crate::weights::pallet_multisig::WeightInfo<Runtime>;
    type BlockNumberProvider = frame_system::Pallet<Runtime>;
}
