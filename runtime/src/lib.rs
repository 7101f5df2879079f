//! # govchain runtime
//!
//! Proof-of-authority consensus (Aura + GRANDPA over a council-managed validator set), council
//! governance with no sudo key, and, as they land, the national registries.
//!
//! Layout: [`configs`] holds each pallet's configuration by area, [`apis`] the runtime APIs the
//! node and clients call, [`genesis_config_presets`] the named genesis configurations.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` needs a deep recursion limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

/// The same runtime with `spec_version + 1`, for tests that upgrade a chain.
#[cfg(feature = "std")]
pub mod spec_version_incremented {
    include!(concat!(
        env!("OUT_DIR"),
        "/wasm_binary_spec_version_incremented.rs"
    ));
}

extern crate alloc;

// The runtime macros expect `Vec` in scope.
use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "std")]
pub mod authoring;
pub mod configs;
pub mod genesis_config_presets;
#[cfg(feature = "std")]
pub mod signing;
pub mod token;
pub mod weights;

#[cfg(test)]
mod tests;

use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256};
use sp_version::RuntimeVersion;

/// Balance transfers, for clients that build them natively.
pub use pallet_balances::Call as BalancesCall;

pub use govchain_primitives::{
    AccountId, Balance, BlockNumber, Hash, Nonce, Signature, DAYS, HOURS, MICRO_UNIT,
    MILLI_SECS_PER_BLOCK, MILLI_UNIT, MINUTES, UNIT,
};

/// Types the node needs without knowing the runtime's extrinsic format.
pub mod opaque {
    use super::*;

    pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

    /// A block header.
    pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
    /// A block whose extrinsics are opaque bytes.
    pub type Block = generic::Block<Header, UncheckedExtrinsic>;
}

impl_opaque_keys! {
    /// The keys a validator registers with `session.set_keys`.
    pub struct SessionKeys {
        /// sr25519, for authoring blocks.
        pub aura: Aura,
        /// ed25519, for finality votes.
        pub grandpa: Grandpa,
    }
}

/// Declares [`VERSION`] with the given `spec_version` literal (the version macro reads
/// literals only).
macro_rules! runtime_version {
    ($spec_version:tt) => {
        /// This runtime's version: nodes and clients compare it to decide what they can run.
        #[sp_version::runtime_version]
        pub const VERSION: RuntimeVersion = RuntimeVersion {
            spec_name: alloc::borrow::Cow::Borrowed("govchain"),
            impl_name: alloc::borrow::Cow::Borrowed("govchain-node"),
            authoring_version: 1,
            spec_version: $spec_version,
            impl_version: 1,
            apis: apis::RUNTIME_API_VERSIONS,
            // 2: `CheckMetadataHash` joined the transaction extensions.
            transaction_version: 2,
            system_version: 1,
        };
    };
}

#[cfg(not(feature = "increment-spec-version"))]
runtime_version!(100);
#[cfg(feature = "increment-spec-version")]
runtime_version!(101);

/// Aura slot length: one block per slot at most.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// The smallest balance an account may hold; below it the account is reaped.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// The most validators the chain supports (Aura, GRANDPA and the validator set agree on it).
pub const MAX_VALIDATORS: u32 = 32;

#[frame_support::runtime]
mod runtime {
    #[runtime::runtime]
    #[runtime::derive(
        RuntimeCall,
        RuntimeEvent,
        RuntimeError,
        RuntimeOrigin,
        RuntimeFreezeReason,
        RuntimeHoldReason,
        RuntimeSlashReason,
        RuntimeLockId,
        RuntimeTask,
        RuntimeViewFunction
    )]
    pub struct Runtime;

    // Core.
    #[runtime::pallet_index(0)]
    pub type System = frame_system;
    #[runtime::pallet_index(1)]
    pub type Timestamp = pallet_timestamp;

    // Consensus. The validator set builds its genesis before the session pallet, which reads it
    // and hands the keys to Aura and GRANDPA.
    #[runtime::pallet_index(2)]
    pub type ValidatorSet = pallet_validator_set;
    #[runtime::pallet_index(3)]
    pub type Session = pallet_session;
    #[runtime::pallet_index(4)]
    pub type Aura = pallet_aura;
    #[runtime::pallet_index(5)]
    pub type Grandpa = pallet_grandpa;

    // Fees.
    #[runtime::pallet_index(10)]
    pub type Balances = pallet_balances;
    #[runtime::pallet_index(11)]
    pub type TransactionPayment = pallet_transaction_payment;

    // Governance.
    #[runtime::pallet_index(20)]
    pub type Council = pallet_collective<Instance1>;
    #[runtime::pallet_index(21)]
    pub type Governance = pallet_governance;
    #[runtime::pallet_index(22)]
    pub type Scheduler = pallet_scheduler;
    #[runtime::pallet_index(23)]
    pub type Preimage = pallet_preimage;
    #[runtime::pallet_index(24)]
    pub type SafeMode = pallet_safe_mode;

    // Utilities.
    #[runtime::pallet_index(30)]
    pub type Utility = pallet_utility;
    #[runtime::pallet_index(31)]
    pub type Multisig = pallet_multisig;

    // Registries.
    #[runtime::pallet_index(40)]
    pub type Identity = pallet_identity_registry;

    #[runtime::pallet_index(41)]
    pub type LandTitles = pallet_land_titles;

    #[runtime::pallet_index(42)]
    pub type Diplomas = pallet_diplomas;

    #[runtime::pallet_index(43)]
    pub type Cbdc = pallet_cbdc_reserve;

    #[runtime::pallet_index(44)]
    pub type Voting = pallet_e_voting;
}

/// How a transaction names an account.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;
/// A block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The checks every signed transaction passes, in order.
pub type TxExtension = (
    frame_system::CheckNonZeroSender<Runtime>,
    frame_system::CheckSpecVersion<Runtime>,
    frame_system::CheckTxVersion<Runtime>,
    frame_system::CheckGenesis<Runtime>,
    frame_system::CheckEra<Runtime>,
    frame_system::CheckWeight<Runtime>,
    // `CheckNonce` and `ChargeTransactionPayment` in one (it counts fee-free quota per nonce):
    // the normal fee, or an officer's or citizen's fee-free quota for registry calls. It encodes
    // and describes itself as those two, and `CheckWeight` before them carries no data, so
    // transactions are the same bytes as with the usual order.
    pallet_identity_registry::ChargeFeeOrQuota<Runtime>,
    // Lets offline signers (hardware wallets) prove the metadata they decoded the call with.
    frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
    frame_system::WeightReclaim<Runtime>,
);

/// A transaction as it arrives in a block.
pub type UncheckedExtrinsic =
    generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// What a transaction's signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations to run at the next runtime upgrade, beyond the pallets' own.
type Migrations = (
    pallet_identity_registry::migrations::v2::CountActiveCitizens<Runtime>,
    pallet_identity_registry::migrations::v3::CitizenAccountRecords<Runtime>,
    pallet_diplomas::migrations::v2::RehashDiplomaKeys<Runtime>,
    pallet_land_titles::migrations::v2::BoundOffersAndLienProposals<Runtime>,
    pallet_cbdc_reserve::migrations::v2::AwaitAuditor<Runtime>,
    pallet_cbdc_reserve::migrations::v3::MergeHolders<Runtime>,
    pallet_governance::migrations::v2::StructureLegalReference<Runtime>,
);

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
    Runtime,
    Block,
    frame_system::ChainContext<Runtime>,
    Runtime,
    AllPalletsWithSystem,
    Migrations,
>;

#[cfg(feature = "runtime-benchmarks")]
mod benches {
    frame_benchmarking::define_benchmarks!(
        [frame_benchmarking, BaselineBench::<Runtime>]
        [frame_system, SystemBench::<Runtime>]
        [frame_system_extensions, SystemExtensionsBench::<Runtime>]
        [pallet_balances, Balances]
        [pallet_timestamp, Timestamp]
        [pallet_transaction_payment, TransactionPayment]
        [pallet_collective, Council]
        [pallet_scheduler, Scheduler]
        [pallet_preimage, Preimage]
        [pallet_safe_mode, SafeMode]
        [pallet_utility, Utility]
        [pallet_multisig, Multisig]
        [pallet_governance, Governance]
        [pallet_validator_set, ValidatorSet]
        [pallet_identity_registry, Identity]
        [pallet_land_titles, LandTitles]
        [pallet_diplomas, Diplomas]
        [pallet_cbdc_reserve, Cbdc]
        [pallet_e_voting, Voting]
    );
}
