//! The fee token (`pallet_balances`) and transaction fees.
//!
//! Accounts that are neither officers nor verified citizens pay fees in this token; the
//! identity pallet's quota (later) lets the state and its citizens transact without it.

use crate::{
    Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
    EXISTENTIAL_DEPOSIT,
};
use frame_support::{
    parameter_types,
    traits::{ConstU128, ConstU32, ConstU8, VariantCountOf},
    weights::IdentityFee,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::traits::One;

impl pallet_balances::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeHoldReason = RuntimeHoldReason;
    type RuntimeFreezeReason = RuntimeFreezeReason;
    type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
    type Balance = Balance;
    /// Dust below the existential deposit is burned.
    type DustRemoval = ();
    type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
    type AccountStore = frame_system::Pallet<Runtime>;
    type ReserveIdentifier = [u8; 8];
    type FreezeIdentifier = RuntimeFreezeReason;
    type MaxLocks = ConstU32<50>;
    type MaxReserves = ConstU32<50>;
    type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
    type DoneSlashHandler = ();
}

parameter_types! {
    /// Fees do not rise with congestion: a public service costs the same every hour.
    pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    /// Fees are burned: no validator profits from the traffic it includes.
    type OnChargeTransaction = FungibleAdapter<Balances, ()>;
    /// One unit of the smallest denomination per picosecond of weight and per byte.
    type WeightToFee = IdentityFee<Balance>;
    type LengthToFee = IdentityFee<Balance>;
    type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
    type OperationalFeeMultiplier = ConstU8<5>;
    type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}
