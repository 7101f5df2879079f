//! Signs transactions off chain, the way a wallet does, for the node's `benchmark overhead` and
//! `benchmark extrinsic` and for the load tool. Native only: the runtime never signs.

use crate::{Hash, Nonce, RuntimeCall, SignedPayload, TxExtension, UncheckedExtrinsic, VERSION};
use codec::Encode;
use sp_core::{sr25519, Pair};
use sp_runtime::{generic::Era, AccountId32, MultiSignature};

/// The transaction extensions of an immortal transaction with `nonce`, without a tip and without
/// the metadata hash check.
pub fn extension(nonce: Nonce) -> TxExtension {
    extension_with_tip(nonce, 0)
}

/// The transaction extensions of an immortal transaction with `nonce` and `tip` (a tip always
/// pays the fee: the transaction then never counts in the block's fee-free share), without the
/// metadata hash check.
pub fn extension_with_tip(nonce: Nonce, tip: crate::Balance) -> TxExtension {
    (
        frame_system::CheckNonZeroSender::new(),
        frame_system::CheckSpecVersion::new(),
        frame_system::CheckTxVersion::new(),
        frame_system::CheckGenesis::new(),
        frame_system::CheckEra::from(Era::Immortal),
        frame_system::CheckWeight::new(),
        pallet_identity_registry::ChargeFeeOrQuota::new(nonce, tip),
        frame_metadata_hash_extension::CheckMetadataHash::new(false),
        frame_system::WeightReclaim::new(),
    )
}

/// `call` signed by `signer` with `nonce` for the chain whose genesis block is `genesis`, valid
/// for the runtime version this crate is.
pub fn sign(
    signer: &sr25519::Pair,
    call: RuntimeCall,
    nonce: Nonce,
    genesis: Hash,
) -> UncheckedExtrinsic {
    sign_for_version(
        signer,
        call,
        nonce,
        genesis,
        VERSION.spec_version,
        VERSION.transaction_version,
    )
}

/// `call` signed by `signer` with `nonce` for the chain whose genesis block is `genesis`, valid
/// while the chain runs `spec_version` and `transaction_version` (a node's, after an upgrade).
pub fn sign_for_version(
    signer: &sr25519::Pair,
    call: RuntimeCall,
    nonce: Nonce,
    genesis: Hash,
    spec_version: u32,
    transaction_version: u32,
) -> UncheckedExtrinsic {
    sign_with_extension(
        signer,
        call,
        extension(nonce),
        genesis,
        spec_version,
        transaction_version,
    )
}

/// `call` signed by `signer` with `nonce` and `tip` (so it pays) for the chain whose genesis
/// block is `genesis`, valid for the runtime version this crate is.
pub fn sign_with_tip(
    signer: &sr25519::Pair,
    call: RuntimeCall,
    nonce: Nonce,
    tip: crate::Balance,
    genesis: Hash,
) -> UncheckedExtrinsic {
    sign_with_extension(
        signer,
        call,
        extension_with_tip(nonce, tip),
        genesis,
        VERSION.spec_version,
        VERSION.transaction_version,
    )
}

fn sign_with_extension(
    signer: &sr25519::Pair,
    call: RuntimeCall,
    extension: TxExtension,
    genesis: Hash,
    spec_version: u32,
    transaction_version: u32,
) -> UncheckedExtrinsic {
    let implicit = (
        (),
        spec_version,
        transaction_version,
        genesis,
        // Immortal: the era's block is the genesis block.
        genesis,
        (),
        (),
        // No metadata hash is signed, as the check is not asked for.
        None,
        (),
    );
    let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
    let signature = payload.using_encoded(|bytes| signer.sign(bytes));
    UncheckedExtrinsic::new_signed(
        call,
        AccountId32::from(signer.public()).into(),
        MultiSignature::Sr25519(signature),
        extension,
    )
}
