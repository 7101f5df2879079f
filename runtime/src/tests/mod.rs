//! Runtime-level tests: the presets, council governance, the runtime upgrade flow, the identity
//! lifecycle with fee-free quotas, the land registry, the diploma register, the digital currency
//! and e-voting, run natively against the real runtime configuration.

mod access_control;
mod cbdc;
mod diplomas;
mod dual_control;
mod e_voting;
mod fee_free;
mod genesis_presets;
mod governance;
mod identity;
mod land_titles;
mod referendum;
mod sessions;
mod upgrade;

use crate::{genesis_config_presets, Runtime, System};
use frame_support::traits::OnInitialize;

/// A chain for a test. Whatever the test does inside [`TestChain::execute_with`], every
/// pallet's invariants, the sdk's and govchain's (`AllPalletsWithSystem::try_state`), are checked
/// when it returns: no runtime test can leave the state inconsistent unnoticed.
pub(crate) struct TestChain(sp_io::TestExternalities);

impl TestChain {
    /// Runs `test` against the chain, then checks every pallet's invariants.
    pub(crate) fn execute_with<R>(&mut self, test: impl FnOnce() -> R) -> R {
        self.0.execute_with(|| {
            let result = test();
            assert_invariants();
            result
        })
    }
}

impl core::ops::Deref for TestChain {
    type Target = sp_io::TestExternalities;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl core::ops::DerefMut for TestChain {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

/// A chain started from the named preset.
fn preset_externalities(preset: &str) -> TestChain {
    let storage = genesis_config_presets::storage(preset).expect("the preset builds");
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    TestChain(ext)
}

/// Moves to the next block and runs the scheduler, the identity pallet's expiries and account
/// moves, and the closing of elections there, as block initialisation would. (Events of earlier
/// blocks are kept, so a test can read the whole story.)
fn next_block() {
    let next = System::block_number() + 1;
    System::set_block_number(next);
    <crate::Scheduler as OnInitialize<u32>>::on_initialize(next);
    <crate::Identity as OnInitialize<u32>>::on_initialize(next);
    <crate::Voting as OnInitialize<u32>>::on_initialize(next);
}

/// Signs `call` as `signer` with the runtime's real extensions (no tip, so an officer or citizen
/// with quota left pays no fee) and applies it, as a block would.
fn apply_signed(
    signer: &sp_core::sr25519::Pair,
    nonce: govchain_primitives::Nonce,
    call: crate::RuntimeCall,
) -> sp_runtime::ApplyExtrinsicResult {
    crate::Executive::apply_extrinsic(crate::signing::sign(
        signer,
        call,
        nonce,
        frame_system::BlockHash::<Runtime>::get(0),
    ))
}

/// Checks every pallet's invariants: the sdk's (balances, session, collective, scheduler, …)
/// and govchain's, each pallet's `try_state` (the runtime's tests build it with `try-runtime`).
fn assert_invariants() {
    if let Err(broken) = crate::authoring::check_invariants(System::block_number()) {
        panic!("invariants do not hold: {broken}");
    }
}

/// The account of the well-known development seed `//name`.
fn account(name: &str) -> crate::AccountId {
    use sp_core::Pair;
    sp_core::sr25519::Pair::from_string(&format!("//{name}"), None)
        .expect("a valid derivation")
        .public()
        .into()
}

/// The council's call registering an agency named `code` with `roles`, administered by Dave.
fn register_institution(
    code: &str,
    roles: Vec<govchain_primitives::identity::Role>,
) -> crate::RuntimeCall {
    crate::RuntimeCall::Identity(pallet_identity_registry::Call::register_institution {
        kind: pallet_identity_registry::InstitutionKind::Agency,
        short_code: frame_support::BoundedVec::truncate_from(code.as_bytes().to_vec()),
        name_hash: sp_core::H256::repeat_byte(0x1a),
        admin: dave(),
        roles: frame_support::BoundedVec::truncate_from(roles),
    })
}

/// The audit chamber: the council registers an institution holding `Auditor` and appoints its
/// officer for 30 days (in any preset: the council appoints without dual control). Returns the
/// officer.
fn audit_chamber() -> crate::AccountId {
    let institution = pallet_identity_registry::NextInstitutionId::<Runtime>::get();
    let auditor = account("Auditor");
    let appoint = crate::RuntimeCall::Identity(pallet_identity_registry::Call::appoint_officer {
        institution,
        officer: auditor.clone(),
        expires_at: System::block_number() + 30 * crate::DAYS,
    });
    pass_council_motion(crate::RuntimeCall::Utility(
        pallet_utility::Call::batch_all {
            calls: vec![
                register_institution("AUDIT", vec![govchain_primitives::identity::Role::Auditor]),
                appoint,
            ],
        },
    ));
    auditor
}

/// `auditor` attests reserve asset `asset` as the central bank recorded it.
fn attest_reserve_asset(auditor: &crate::AccountId, asset: pallet_cbdc_reserve::AssetId) {
    let record =
        pallet_cbdc_reserve::ReserveAssets::<Runtime>::get(asset).expect("a recorded asset");
    frame_support::assert_ok!(crate::Cbdc::attest_valuation(
        crate::RuntimeOrigin::signed(auditor.clone()),
        asset,
        record.quantity,
        record.valuation,
        pallet_cbdc_reserve::Attestation {
            report_hash: sp_core::H256::repeat_byte(0xad),
            date: 20_600,
        },
    ));
}

/// Dave: a funded account outside the local testnet's council.
fn dave() -> crate::AccountId {
    sp_keyring::Sr25519Keyring::Dave.to_account_id()
}

/// On the local testnet: Alice proposes `call`, Alice and Bob (two of three) vote aye, and
/// Charlie closes the vote; the motion must execute successfully.
fn pass_council_motion(call: crate::RuntimeCall) {
    use codec::Encode;
    use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie};
    use sp_runtime::traits::Hash as _;
    let length = call.encoded_size() as u32;
    let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
    let index =
        pallet_collective::ProposalCount::<Runtime, crate::configs::CouncilCollective>::get();
    frame_support::assert_ok!(crate::Council::propose(
        crate::RuntimeOrigin::signed(Alice.to_account_id()),
        2,
        Box::new(call),
        length
    ));
    for member in [Alice, Bob] {
        frame_support::assert_ok!(crate::Council::vote(
            crate::RuntimeOrigin::signed(member.to_account_id()),
            hash,
            index,
            true
        ));
    }
    frame_support::assert_ok!(crate::Council::close(
        crate::RuntimeOrigin::signed(Charlie.to_account_id()),
        hash,
        index,
        frame_support::weights::Weight::MAX,
        length
    ));
    System::assert_has_event(crate::RuntimeEvent::Council(
        pallet_collective::Event::Executed {
            proposal_hash: hash,
            result: Ok(()),
        },
    ));
}
