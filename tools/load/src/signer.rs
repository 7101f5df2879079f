//! Keys and signed transactions: everything is signed before the clock starts.

use codec::Encode;
use govchain_runtime::{signing, AccountId, Nonce, RuntimeCall};
use sp_core::{bytes, sr25519, Pair, H256};
use sp_io::hashing::blake2_256;

/// A key the tool signs with and the account it controls.
pub struct Key {
    pub pair: sr25519::Pair,
    pub account: AccountId,
}

impl Key {
    /// The `n`th key of `role`: derived from a seed, so every run uses the same accounts.
    pub fn derive(role: &str, n: u32) -> Self {
        let seed = blake2_256(&(b"govchain-load", role, n).encode());
        let pair = sr25519::Pair::from_seed(&seed);
        let account = AccountId::from(pair.public());
        Self { pair, account }
    }

    /// A well-known development key, e.g. `//Alice`.
    pub fn development(seed: &str) -> Result<Self, crate::Error> {
        let pair =
            sr25519::Pair::from_string(seed, None).map_err(|error| format!("{seed}: {error:?}"))?;
        let account = AccountId::from(pair.public());
        Ok(Self { pair, account })
    }
}

/// A signed transaction ready to submit.
pub struct Signed {
    /// `0x`-prefixed hex of the encoded extrinsic, as `author_submitExtrinsic` takes it.
    pub hex: String,
    /// `blake2_256` of the encoded extrinsic: how it is found in a block.
    pub hash: [u8; 32],
}

/// `call` signed by `key` with `nonce` for the chain whose genesis block is `genesis`.
pub fn sign(key: &Key, call: RuntimeCall, nonce: Nonce, genesis: H256) -> Signed {
    encoded(signing::sign(&key.pair, call, nonce, genesis).encode())
}

/// `call` signed by `key` with `nonce` and `tip` (it pays the fee) for the chain whose genesis
/// block is `genesis`.
pub fn sign_with_tip(
    key: &Key,
    call: RuntimeCall,
    nonce: Nonce,
    tip: govchain_runtime::Balance,
    genesis: H256,
) -> Signed {
    encoded(signing::sign_with_tip(&key.pair, call, nonce, tip, genesis).encode())
}

fn encoded(encoded: Vec<u8>) -> Signed {
    Signed {
        hash: blake2_256(&encoded),
        hex: bytes::to_hex(&encoded, false),
    }
}
