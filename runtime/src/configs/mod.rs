//! Each pallet's configuration, one module per area.

pub mod cbdc;
mod consensus;
mod diplomas;
mod e_voting;
mod fees;
mod governance;
mod identity;
mod land_titles;
mod system;
mod utility;

pub use cbdc::policy as cbdc_policy;
pub use consensus::HasSessionKeys;
pub use governance::{
    CouncilCollective, CouncilMajority, CouncilSuperMajority, ImmediateRootCalls, MinUpgradeDelay,
    UpgradeDelay,
};
pub use identity::{
    national_policy, CitizenTxQuota, MaxFeeFreeWeight, OfficerTxQuota, QuotaPeriod,
};
pub use system::RuntimeBlockWeights;

/// The benchmarks' signers of relayed orders (ballots, payments): sr25519 keys the
/// benchmark's keystore makes.
#[cfg(feature = "runtime-benchmarks")]
pub struct RelaySigning;

#[cfg(feature = "runtime-benchmarks")]
impl govchain_primitives::relay::RelayBenchmarkHelper<sp_runtime::MultiSigner, crate::Signature>
    for RelaySigning
{
    fn signer(n: u32) -> sp_runtime::MultiSigner {
        use sp_runtime::app_crypto::RuntimePublic;
        let seed = alloc::format!("//relay-{n}").into_bytes();
        sp_runtime::MultiSigner::Sr25519(sp_core::sr25519::Public::generate_pair(
            RELAY_KEY_TYPE,
            Some(seed),
        ))
    }

    fn sign(signer: &sp_runtime::MultiSigner, message: &[u8]) -> crate::Signature {
        use sp_runtime::app_crypto::RuntimePublic;
        let signature = match signer {
            sp_runtime::MultiSigner::Sr25519(public) => public.sign(RELAY_KEY_TYPE, &message),
            _ => None,
        };
        // A signature nobody made, if the keystore could not sign: the benchmark then fails.
        crate::Signature::Sr25519(
            signature.unwrap_or(sp_core::sr25519::Signature::from_raw([0; 64])),
        )
    }
}

/// The keystore's key type for the benchmarks' relayed-order signers.
#[cfg(feature = "runtime-benchmarks")]
const RELAY_KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"rlay");
