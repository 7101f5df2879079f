//! `frame_system` and `pallet_timestamp`.

use crate::{
    AccountId, Balance, Block, Hash, Nonce, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
    RuntimeOrigin, RuntimeTask, SafeMode, VERSION,
};
use frame_support::{
    derive_impl,
    dispatch::DispatchClass,
    parameter_types,
    weights::{
        constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
        Weight,
    },
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

/// Up to 75 % of a block's weight and length may go to ordinary transactions; the rest is kept
/// for operational ones (governance, emergency calls).
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// The largest block, in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
    pub const Version: RuntimeVersion = VERSION;
    /// Two seconds of compute in a six-second block.
    pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
        Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
        NORMAL_DISPATCH_RATIO,
    );
    /// 5 MiB blocks, of which ordinary transactions may fill the normal ratio.
    pub RuntimeBlockLength: BlockLength = BlockLength::builder()
        .max_length(MAX_BLOCK_LENGTH)
        .modify_max_length_for_class(DispatchClass::Normal, |max| {
            *max = NORMAL_DISPATCH_RATIO.mul_floor(*max)
        })
        .build();
    pub const SS58Prefix: u16 = crate::token::SS58_PREFIX;
}

/// `share` of a block's maximum weight, rounded down.
pub(crate) fn share_of_block(share: Perbill) -> Weight {
    let max = RuntimeBlockWeights::get().max_block;
    Weight::from_parts(
        share.mul_floor(max.ref_time()),
        share.mul_floor(max.proof_size()),
    )
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
    /// Calls are filtered by the emergency brake: in safe mode only governance gets through.
    type BaseCallFilter = SafeMode;
    type Block = Block;
    type BlockWeights = RuntimeBlockWeights;
    type BlockLength = RuntimeBlockLength;
    type AccountId = AccountId;
    type Nonce = Nonce;
    type Hash = Hash;
    /// The node stores state in ParityDb.
    type DbWeight = ParityDbWeight;
    type Version = Version;
    type AccountData = pallet_balances::AccountData<Balance>;
    type SS58Prefix = SS58Prefix;
    type MaxConsumers = frame_support::traits::ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
    /// Milliseconds since the Unix epoch.
    type Moment = u64;
    /// Aura checks each block's timestamp against its slot.
    type OnTimestampSet = crate::Aura;
    /// Half a slot: Aura's slot is twice this.
    type MinimumPeriod = frame_support::traits::ConstU64<{ crate::SLOT_DURATION / 2 }>;
    type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}
