//! `frame_system` and `pallet_timestamp`.

use crate::weights::{
    block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight,
    paritydb_weights::constants::ParityDbWeight,
};
use crate::{
    AccountId, Balance, Block, Hash, Nonce, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
    RuntimeOrigin, RuntimeTask, SafeMode, VERSION,
};
use frame_support::{
    derive_impl,
    dispatch::DispatchClass,
    parameter_types,
    weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

/// Up to 75 % of a block's weight and length may go to ordinary transactions; the rest is kept
/// for operational ones (governance, emergency calls).
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Two seconds of compute in a six-second block: a block authored in its slot is imported by
/// every validator well before the next.
const MAXIMUM_BLOCK_WEIGHT: Weight =
    Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2), u64::MAX);

/// The share of a block's weight `on_initialize` is expected to take on average.
const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(10);

/// The largest block, in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
    pub const Version: RuntimeVersion = VERSION;
    /// Two seconds of compute in a six-second block, with the measured fixed costs.
    pub RuntimeBlockWeights: BlockWeights = block_weights();
    /// 5 MiB blocks, of which ordinary transactions may fill the normal ratio.
    pub RuntimeBlockLength: BlockLength = BlockLength::builder()
        .max_length(MAX_BLOCK_LENGTH)
        .modify_max_length_for_class(DispatchClass::Normal, |max| {
            *max = NORMAL_DISPATCH_RATIO.mul_floor(*max)
        })
        .build();
    pub const SS58Prefix: u16 = crate::token::SS58_PREFIX;
}

/// The block's and each transaction's fixed cost as measured on this chain's reference machine
/// (`benchmark overhead`); operational transactions keep what normal ones may not use.
fn block_weights() -> BlockWeights {
    let normal = Weight::from_parts(
        NORMAL_DISPATCH_RATIO.mul_floor(MAXIMUM_BLOCK_WEIGHT.ref_time()),
        NORMAL_DISPATCH_RATIO.mul_floor(MAXIMUM_BLOCK_WEIGHT.proof_size()),
    );
    BlockWeights::builder()
        .base_block(BlockExecutionWeight::get())
        .for_class(DispatchClass::all(), |weights| {
            weights.base_extrinsic = ExtrinsicBaseWeight::get();
        })
        .for_class(DispatchClass::Normal, |weights| {
            weights.max_total = Some(normal);
        })
        .for_class(DispatchClass::Operational, |weights| {
            weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
            weights.reserved = Some(MAXIMUM_BLOCK_WEIGHT.saturating_sub(normal));
        })
        .avg_block_initialization(AVERAGE_ON_INITIALIZE_RATIO)
        .build_or_panic()
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
    /// The node stores state in ParityDb: a read and a write as measured by `benchmark storage`.
    type DbWeight = ParityDbWeight;
    type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
    type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
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
    type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}
