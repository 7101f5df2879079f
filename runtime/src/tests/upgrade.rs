//! The runtime upgrade flow: a council motion schedules the code hash with its legal reference,
//! the delay passes, anyone applies the code, and the chain runs `spec_version + 1`.

use super::{assert_invariants, next_block, preset_externalities};
use crate::{Council, Governance, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System};
use codec::{Decode, Encode};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use sc_executor::WasmExecutor;
use sp_core::traits::{ReadRuntimeVersion, ReadRuntimeVersionExt};
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_version::RuntimeVersion;

const DECREE: &[u8] = b"Decree 2026/118: runtime 101 (registry fee rules)";

/// The decree's legal reference: its identifier and the hash of its signed text.
fn decree() -> pallet_governance::LegalReferenceOf<crate::Runtime> {
    pallet_governance::LegalReference {
        instrument_hash: sp_io::hashing::blake2_256(b"signed decree 2026/118"),
        identifier: BoundedVec::truncate_from(DECREE.to_vec()),
    }
}

/// An executor with the node's host functions.
fn executor() -> WasmExecutor<(
    sp_io::SubstrateHostFunctions,
    govchain_ballot::host::ballot_host::HostFunctions,
)> {
    WasmExecutor::builder().build()
}

/// The runtime version a wasm blob declares.
fn version_of(code: &[u8]) -> RuntimeVersion {
    let mut ext = sp_io::TestExternalities::default();
    let encoded = executor()
        .read_runtime_version(code, &mut ext.ext())
        .expect("the blob declares a version");
    RuntimeVersion::decode(&mut &encoded[..]).expect("a runtime version")
}

fn upgraded_code() -> Vec<u8> {
    crate::spec_version_incremented::WASM_BINARY
        .expect("built with the runtime (SKIP_WASM_BUILD unset)")
        .to_vec()
}

/// A development chain that can read runtime versions, and the upgraded code with its hash.
fn development_chain_and_upgraded_code() -> (Vec<u8>, sp_core::H256, super::TestChain) {
    let code = upgraded_code();
    let code_hash = sp_core::H256(sp_io::hashing::blake2_256(&code));
    let mut ext = preset_externalities("development");
    ext.register_extension(ReadRuntimeVersionExt::new(executor()));
    (code, code_hash, ext)
}

#[test]
fn the_test_blobs_differ_only_in_spec_version() {
    let current = version_of(crate::WASM_BINARY.expect("the runtime wasm is built"));
    let upgraded = version_of(&upgraded_code());
    assert_eq!(current.spec_version, crate::VERSION.spec_version);
    assert_eq!(upgraded.spec_version, crate::VERSION.spec_version + 1);
    assert_eq!(upgraded.spec_name, current.spec_name);
    assert_eq!(upgraded.transaction_version, current.transaction_version);
}

#[test]
fn the_node_s_wasm_carries_no_try_runtime_api() {
    use sp_api::RuntimeApiInfo;
    let try_runtime = <dyn frame_try_runtime::TryRuntime<crate::Block>>::ID;
    let core = <dyn sp_api::Core<crate::Block>>::ID;
    let has = |version: &RuntimeVersion, id: [u8; 8]| {
        version.apis.iter().any(|(declared, _)| *declared == id)
    };
    let wasm = version_of(crate::WASM_BINARY.expect("the runtime wasm is built"));
    // These tests' native runtime checks every pallet's `try_state`, so it declares the API...
    assert!(has(&crate::VERSION, try_runtime));
    // ... and the wasm a node runs, built beside it, does not (its API would let any RPC caller
    // re-execute blocks), while declaring the others.
    assert!(!has(&wasm, try_runtime));
    assert!(has(&wasm, core));
}

#[test]
fn council_motion_schedules_then_anyone_applies_the_upgrade() {
    let (code, code_hash, mut ext) = development_chain_and_upgraded_code();
    ext.execute_with(|| {
        // Given: the development council (Alice alone) passes a motion naming its decree.
        let legal_reference = decree();
        let motion = RuntimeCall::Governance(pallet_governance::Call::schedule_upgrade {
            code_hash,
            legal_reference: legal_reference.clone(),
        });
        let length = motion.encoded_size() as u32;
        assert_ok!(Council::propose(
            RuntimeOrigin::signed(Alice.to_account_id()),
            1,
            Box::new(motion),
            length
        ));
        let pending = pallet_governance::PendingUpgrade::<Runtime>::get().expect("scheduled");
        assert_eq!(pending.legal_reference, legal_reference);
        System::assert_has_event(RuntimeEvent::Governance(
            pallet_governance::Event::UpgradeScheduled {
                code_hash,
                legal_reference,
                enact_at: pending.enact_at,
            },
        ));

        // While the delay runs, nobody can apply the code.
        assert_noop!(
            System::apply_authorized_upgrade(
                RuntimeOrigin::signed(Bob.to_account_id()),
                code.clone()
            ),
            frame_system::Error::<Runtime>::NothingAuthorized
        );

        // When the delay is over, the scheduler authorises it…
        while System::block_number() < pending.enact_at {
            next_block();
        }
        System::assert_has_event(RuntimeEvent::System(
            frame_system::Event::UpgradeAuthorized {
                code_hash,
                check_version: true,
            },
        ));

        // …and anyone may apply it.
        assert_ok!(System::apply_authorized_upgrade(
            RuntimeOrigin::signed(Bob.to_account_id()),
            code.clone()
        ));

        // Then: the chain's code is the new runtime, one spec version up.
        let stored = sp_io::storage::get(sp_core::storage::well_known_keys::CODE)
            .expect("the chain has code");
        assert_eq!(stored.as_ref(), code.as_slice());
        assert_eq!(
            version_of(&stored).spec_version,
            crate::VERSION.spec_version + 1
        );
        assert!(pallet_governance::PendingUpgrade::<Runtime>::get().is_none());
        assert_invariants();
    });
}

#[test]
fn a_cancelled_upgrade_cannot_be_applied() {
    let (code, code_hash, mut ext) = development_chain_and_upgraded_code();
    ext.execute_with(|| {
        let council = RuntimeOrigin::from(pallet_collective::RawOrigin::<
            _,
            crate::configs::CouncilCollective,
        >::Members(1, 1));
        assert_ok!(Governance::schedule_upgrade(
            council.clone(),
            code_hash,
            decree()
        ));
        assert_ok!(Governance::cancel_upgrade(council));
        for _ in 0..10 {
            next_block();
        }
        assert_noop!(
            System::apply_authorized_upgrade(RuntimeOrigin::signed(Bob.to_account_id()), code),
            frame_system::Error::<Runtime>::NothingAuthorized
        );
        assert_invariants();
    });
}
