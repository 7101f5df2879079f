//! Signs transactions off chain, the way a wallet does, for the node's `benchmark overhead` and
//! `benchmark extrinsic` and for the load tool. Native only: the runtime never signs.

use crate::{Hash, Nonce, RuntimeCall, SignedPayload, TxExtension, UncheckedExtrinsic, VERSION};
use codec::Encode;
use sp_core::{sr25519, Pair};
use sp_runtime::{generic::Era, AccountId32, MultiSignature};

/// The transaction extensions of an immortal transaction with `nonce`, without a tip and without
/// the metadata hash check.
pub fn extension(nonce: Nonce) -> TxExtension {
    (
        frame_system::CheckNonZeroSender::new(),
        frame_system::CheckSpecVersion::new(),
        frame_system::CheckTxVersion::new(),
        frame_system::CheckGenesis::new(),
        frame_system::CheckEra::from(Era::Immortal),
        frame_system::CheckWeight::new(),
        pallet_identity_registry::ChargeFeeOrQuota::new(nonce, 0),
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
    let extension = extension(nonce);
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
