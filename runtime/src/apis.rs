//! The runtime APIs that the node, wallets and explorers call.

use alloc::vec::Vec;
use frame_support::{
    genesis_builder_helper::{build_state, get_preset},
    weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
    traits::{Block as BlockT, NumberFor},
    transaction_validity::{TransactionSource, TransactionValidity},
    ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use crate::{
    genesis_config_presets, AccountId, Aura, Balance, Block, BlockNumber, Cbdc, Diplomas,
    Executive, Grandpa, InherentDataExt, LandTitles, Nonce, Runtime, RuntimeCall,
    RuntimeGenesisConfig, SessionKeys, System, TransactionPayment, Voting, VERSION,
};

/// Makes (de)serialised accounts use the govchain SS58 prefix. The serde form of an account
/// admits only registered prefixes and the process's default one, and the genesis config is read
/// in the runtime, whose default is the generic prefix.
fn use_govchain_addresses() {
    sp_core::crypto::set_default_ss58_version(sp_core::crypto::Ss58AddressFormat::custom(
        crate::token::SS58_PREFIX,
    ));
}

impl_runtime_apis! {
    impl sp_api::Core<Block> for Runtime {
        fn version() -> RuntimeVersion {
            VERSION
        }

        fn execute_block(block: <Block as BlockT>::LazyBlock) {
            Executive::execute_block(block);
        }

        fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
            Executive::initialize_block(header)
        }
    }

    impl sp_api::Metadata<Block> for Runtime {
        fn metadata() -> OpaqueMetadata {
            OpaqueMetadata::new(Runtime::metadata().into())
        }

        fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
            Runtime::metadata_at_version(version)
        }

        fn metadata_versions() -> Vec<u32> {
            Runtime::metadata_versions()
        }
    }

    impl sp_block_builder::BlockBuilder<Block> for Runtime {
        fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
            Executive::apply_extrinsic(extrinsic)
        }

        fn finalize_block() -> <Block as BlockT>::Header {
            Executive::finalize_block()
        }

        fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
            data.create_extrinsics()
        }

        fn check_inherents(
            block: <Block as BlockT>::LazyBlock,
            data: sp_inherents::InherentData,
        ) -> sp_inherents::CheckInherentsResult {
            data.check_extrinsics(&block)
        }
    }

    impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
        fn validate_transaction(
            source: TransactionSource,
            tx: <Block as BlockT>::Extrinsic,
            block_hash: <Block as BlockT>::Hash,
        ) -> TransactionValidity {
            Executive::validate_transaction(source, tx, block_hash)
        }
    }

    impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
        fn offchain_worker(header: &<Block as BlockT>::Header) {
            Executive::offchain_worker(header)
        }
    }

    impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
        fn slot_duration() -> sp_consensus_aura::SlotDuration {
            sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
        }

        fn authorities() -> Vec<AuraId> {
            pallet_aura::Authorities::<Runtime>::get().into_inner()
        }
    }

    impl sp_session::SessionKeys<Block> for Runtime {
        fn generate_session_keys(
            owner: Vec<u8>,
            seed: Option<Vec<u8>>,
        ) -> sp_session::OpaqueGeneratedSessionKeys {
            SessionKeys::generate(&owner, seed).into()
        }

        fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
            SessionKeys::decode_into_raw_public_keys(&encoded)
        }
    }

    impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
        fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
            Grandpa::grandpa_authorities()
        }

        fn current_set_id() -> sp_consensus_grandpa::SetId {
            Grandpa::current_set_id()
        }

        fn submit_report_equivocation_unsigned_extrinsic(
            _equivocation_proof: sp_consensus_grandpa::EquivocationProof<
                <Block as BlockT>::Hash,
                NumberFor<Block>,
            >,
            _key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
        ) -> Option<()> {
            // Equivocations are not reported on chain (`KeyOwnerProof` is `Void`).
            None
        }

        fn generate_key_ownership_proof(
            _set_id: sp_consensus_grandpa::SetId,
            _authority_id: GrandpaId,
        ) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
            None
        }
    }

    impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
        fn account_nonce(account: AccountId) -> Nonce {
            System::account_nonce(account)
        }
    }

    impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
        fn query_info(
            uxt: <Block as BlockT>::Extrinsic,
            len: u32,
        ) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
            TransactionPayment::query_info(uxt, len)
        }
        fn query_fee_details(
            uxt: <Block as BlockT>::Extrinsic,
            len: u32,
        ) -> pallet_transaction_payment::FeeDetails<Balance> {
            TransactionPayment::query_fee_details(uxt, len)
        }
        fn query_weight_to_fee(weight: Weight) -> Balance {
            TransactionPayment::weight_to_fee(weight)
        }
        fn query_length_to_fee(length: u32) -> Balance {
            TransactionPayment::length_to_fee(length)
        }
    }

    impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
        for Runtime
    {
        fn query_call_info(
            call: RuntimeCall,
            len: u32,
        ) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
            TransactionPayment::query_call_info(call, len)
        }
        fn query_call_fee_details(
            call: RuntimeCall,
            len: u32,
        ) -> pallet_transaction_payment::FeeDetails<Balance> {
            TransactionPayment::query_call_fee_details(call, len)
        }
        fn query_weight_to_fee(weight: Weight) -> Balance {
            TransactionPayment::weight_to_fee(weight)
        }
        fn query_length_to_fee(length: u32) -> Balance {
            TransactionPayment::length_to_fee(length)
        }
    }

    #[api_version(2)]
    impl pallet_land_titles_runtime_api::LandTitlesApi<Block, BlockNumber> for Runtime {
        fn parcel(
            parcel: pallet_land_titles::ParcelId,
        ) -> Option<pallet_land_titles::ParcelRecord<BlockNumber>> {
            LandTitles::parcel_record(parcel)
        }
        fn parcel_by_cadastral_number(number: Vec<u8>) -> Option<pallet_land_titles::ParcelId> {
            LandTitles::parcel_by_cadastral_number(number)
        }
        fn parcels_of(
            owner: govchain_primitives::identity::Party,
            start_after: Option<pallet_land_titles::ParcelId>,
            limit: u32,
        ) -> Vec<pallet_land_titles::ParcelId> {
            LandTitles::parcels_of(owner, start_after, limit)
        }
        fn title_history(
            parcel: pallet_land_titles::ParcelId,
            from: u32,
            limit: u32,
        ) -> Option<(u32, Vec<pallet_land_titles::HistoryEntry<BlockNumber>>)> {
            LandTitles::title_history(parcel, from, limit)
        }
    }

    impl pallet_cbdc_reserve_runtime_api::CbdcApi<Block, Balance, BlockNumber> for Runtime {
        fn balance(
            holder: govchain_primitives::identity::Party,
        ) -> pallet_cbdc_reserve::BalanceInfo<Balance, BlockNumber> {
            Cbdc::balance_info(holder)
        }
        fn reserve() -> pallet_cbdc_reserve::ReserveSummary<Balance> {
            Cbdc::reserve_summary()
        }
    }

    impl pallet_e_voting_runtime_api::EVotingApi<Block, BlockNumber> for Runtime {
        fn election(
            election: pallet_e_voting::ElectionId,
        ) -> Option<pallet_e_voting::ElectionInfo<BlockNumber>> {
            Voting::election_info(election)
        }

        fn tally(
            election: pallet_e_voting::ElectionId,
        ) -> Option<pallet_e_voting::TallyInfo<BlockNumber>> {
            Voting::tally_info(election)
        }

        fn voter_status(
            election: pallet_e_voting::ElectionId,
            citizen: govchain_primitives::identity::CitizenId,
        ) -> Option<pallet_e_voting::VoterStatus> {
            Voting::voter_status(election, citizen)
        }

        fn encrypted_record(
            election: pallet_e_voting::ElectionId,
        ) -> Option<pallet_e_voting::EncryptedRecord> {
            Voting::encrypted_record(election)
        }

        fn encrypted_ballots(
            election: pallet_e_voting::ElectionId,
            after: Option<govchain_primitives::identity::CitizenId>,
            limit: u32,
        ) -> Vec<(govchain_primitives::identity::CitizenId, Vec<u8>)> {
            Voting::encrypted_ballots(election, after, limit)
        }

        fn ballot_receipt(
            election: pallet_e_voting::ElectionId,
            citizen: govchain_primitives::identity::CitizenId,
        ) -> Option<sp_core::H256> {
            Voting::ballot_receipt(election, citizen)
        }
    }

    impl pallet_diplomas_runtime_api::DiplomasApi<Block, BlockNumber> for Runtime {
        fn verify(
            id: pallet_diplomas::DiplomaId,
            document_hash: sp_core::H256,
        ) -> pallet_diplomas::Verification<BlockNumber> {
            Diplomas::verify(id, document_hash)
        }
        fn diploma(
            id: pallet_diplomas::DiplomaId,
        ) -> Option<pallet_diplomas::DiplomaRecord<BlockNumber>> {
            Diplomas::diploma_record(id)
        }
        fn diploma_id(
            issuer: pallet_diplomas::Issuer,
            serial: Vec<u8>,
        ) -> Option<pallet_diplomas::DiplomaId> {
            let serial = pallet_diplomas::Serial::try_from(serial).ok()?;
            Some(Diplomas::diploma_id(&issuer, &serial))
        }
        fn diplomas_of(
            holder: govchain_primitives::identity::CitizenId,
            start_after: Option<pallet_diplomas::DiplomaId>,
            limit: u32,
        ) -> Vec<pallet_diplomas::DiplomaId> {
            Diplomas::diplomas_of(holder, start_after, limit)
        }
        fn accreditation(
            university: govchain_primitives::identity::InstitutionId,
        ) -> Option<pallet_diplomas::AccreditationRecord> {
            Diplomas::accreditation_record(university)
        }
    }

    #[cfg(feature = "runtime-benchmarks")]
    impl frame_benchmarking::Benchmark<Block> for Runtime {
        fn benchmark_metadata(extra: bool) -> (
            Vec<frame_benchmarking::BenchmarkList>,
            Vec<frame_support::traits::StorageInfo>,
        ) {
            use frame_benchmarking::{baseline, BenchmarkList};
            use frame_support::traits::StorageInfoTrait;
            use frame_system_benchmarking::Pallet as SystemBench;
            use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
            use baseline::Pallet as BaselineBench;
            use crate::*;

            let mut list = Vec::<BenchmarkList>::new();
            list_benchmarks!(list, extra);

            let storage_info = AllPalletsWithSystem::storage_info();
            (list, storage_info)
        }

        #[allow(non_local_definitions)]
        fn dispatch_benchmark(
            config: frame_benchmarking::BenchmarkConfig
        ) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
            use frame_benchmarking::{baseline, BenchmarkBatch};
            use frame_support::traits::TrackedStorageKey;
            use frame_system_benchmarking::Pallet as SystemBench;
            use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
            use baseline::Pallet as BaselineBench;
            use crate::*;

            impl frame_system_benchmarking::Config for Runtime {}
            impl baseline::Config for Runtime {}
            impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

            use frame_support::traits::WhitelistedStorageKeys;
            let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();

            let mut batches = Vec::<BenchmarkBatch>::new();
            let params = (&config, &whitelist);
            add_benchmarks!(params, batches);

            Ok(batches)
        }
    }

    #[cfg(feature = "try-runtime")]
    impl frame_try_runtime::TryRuntime<Block> for Runtime {
        fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
            // try-runtime runs offline: a failed check must stop it with a backtrace.
            #[allow(clippy::unwrap_used)]
            let weight = Executive::try_runtime_upgrade(checks).unwrap();
            (weight, crate::configs::RuntimeBlockWeights::get().max_block)
        }

        fn execute_block(
            block: <Block as BlockT>::LazyBlock,
            state_root_check: bool,
            signature_check: bool,
            select: frame_try_runtime::TryStateSelect,
        ) -> Weight {
            #[allow(clippy::expect_used)]
            Executive::try_execute_block(block, state_root_check, signature_check, select)
                .expect("execute-block failed")
        }
    }

    impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
        fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
            // A genesis config may name accounts by govchain addresses; other formats stay valid.
            use_govchain_addresses();
            build_state::<RuntimeGenesisConfig>(config)
        }

        fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
            use_govchain_addresses();
            get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
        }

        fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
            genesis_config_presets::preset_names()
        }
    }
}
