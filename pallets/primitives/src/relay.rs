//! Orders a citizen signs and an institution relays: a bank's batch of its customers' payment
//! orders, the election commission's batch of citizens' ballots.
//!
//! The relaying institution pays for and signs the transaction; each order in it carries its
//! own signer, a number and a signature, checked here before the order does anything:
//!
//! - the signature is over [`signing_payload`]: a domain naming the kind of order, the chain's
//!   genesis hash (an order signed for another govchain network is refused), the number, and
//!   the hash of the order's body;
//! - the number is the signer's **account nonce**, the counter that numbers the signer's own
//!   transactions: an order is accepted only at the nonce the account is at, and accepting it
//!   moves the nonce on. One counter for both paths, so an order relayed twice, an order whose
//!   signer transacted directly since, and a direct transaction signed before a relayed order
//!   with the same number are all refused; an order is never applied twice.
//!
//! A relayed order is refused alone (the batch goes on with the others): [`Refusal`] says why.

use codec::Encode;
use frame_support::sp_runtime::traits::{BlakeTwo256, Hash, IdentifyAccount, Verify, Zero};

/// The domain of a citizen's encrypted ballot relayed by the election commission.
pub const RELAYED_BALLOT: &[u8; 16] = b"govchain/ballot\0";

/// The domain of a citizen's vote in a public poll relayed by the election commission.
pub const RELAYED_VOTE: &[u8; 16] = b"govchain/vote\0\0\0";

/// The domain of a citizen's payment order relayed by its bank.
pub const RELAYED_PAYMENT: &[u8; 16] = b"govchain/payment";

/// Makes signers and signatures of relayed orders for the benchmarks (a runtime signs with its
/// keystore, a mock with test signatures).
#[cfg(feature = "runtime-benchmarks")]
pub trait RelayBenchmarkHelper<Signer, Signature> {
    /// The `n`th signer.
    fn signer(n: u32) -> Signer;
    /// `signer`'s signature of `message`.
    fn sign(signer: &Signer, message: &[u8]) -> Signature;
}

/// Why a relayed order was refused before it did anything.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Refusal {
    /// Its number is below the signer's account nonce: it was applied already (replayed), or
    /// the signer's transactions moved past it.
    StaleNonce,
    /// Its number is above the signer's account nonce: an order before it is missing.
    FutureNonce,
    /// The signature is not the signer's over this order on this chain.
    BadSignature,
}

/// What the signer of a relayed order signs: the SCALE encoding of
/// `(domain, genesis_hash, nonce, blake2_256(body))`: 16 bytes, 32, the nonce (4 on govchain), 32.
pub fn signing_payload<Hash: Encode, Nonce: Encode>(
    domain: &[u8; 16],
    genesis: &Hash,
    nonce: &Nonce,
    body: &[u8],
) -> alloc::vec::Vec<u8> {
    (domain, genesis, nonce, BlakeTwo256::hash(body)).encode()
}

/// Accepts an order `body` of kind `domain` signed by `signer` with `signature` at `nonce`:
/// the nonce must be the signer's account nonce and the signature valid on this chain
/// (otherwise the order's [`Refusal`]), and `admit` (the relaying pallet's own checks of the
/// signer: eligibility, quota) must pass (otherwise, inside, its error); the nonce then moves
/// on, so the order is never accepted again. When it is refused or not admitted, nothing
/// changes (`admit` changes nothing when it fails).
pub fn accept<T, S, R, E>(
    signer: &T::AccountId,
    nonce: T::Nonce,
    domain: &[u8; 16],
    body: &[u8],
    signature: &S,
    admit: impl FnOnce() -> Result<R, E>,
) -> Result<Result<R, E>, Refusal>
where
    T: frame_system::Config,
    S: Verify,
    S::Signer: IdentifyAccount<AccountId = T::AccountId>,
{
    let current = frame_system::Pallet::<T>::account_nonce(signer);
    if nonce < current {
        return Err(Refusal::StaleNonce);
    }
    if nonce > current {
        return Err(Refusal::FutureNonce);
    }
    let genesis = frame_system::Pallet::<T>::block_hash(
        frame_system::pallet_prelude::BlockNumberFor::<T>::zero(),
    );
    let payload = signing_payload(domain, &genesis, &nonce, body);
    if !signature.verify(&payload[..], signer) {
        return Err(Refusal::BadSignature);
    }
    let admitted = admit();
    if admitted.is_ok() {
        frame_system::Pallet::<T>::inc_account_nonce(signer);
    }
    Ok(admitted)
}
