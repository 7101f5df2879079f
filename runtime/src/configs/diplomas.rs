//! The diploma register: accreditation, issuing, revocation, verification, legacy import.

use crate::{Identity, Runtime, Timestamp};
use frame_support::parameter_types;

parameter_types! {
    /// A graduating class of a large faculty in one transaction.
    pub const MaxDiplomaBatch: u32 = 1_000;
    /// Accreditation periods kept per university: a century of five-year terms with a few
    /// suspensions.
    pub const MaxAccreditationPeriods: u32 = 32;
    /// Revocations and reinstatements kept per diploma; real diplomas see one or two.
    pub const MaxStatusChanges: u32 = 16;
    /// Diplomas one citizen holds, issued and imported. A lifetime of degrees (short-cycle,
    /// bachelor's, specialist, master's, doctorate, second degrees and re-issues) is a dozen at
    /// most; 64 leaves room for unusual careers while bounding each citizen's index, so that
    /// `diplomas_ofHolder` lists anyone's diplomas in one page.
    pub const MaxDiplomasPerHolder: u32 = 64;
}

impl pallet_diplomas::Config for Runtime {
    type Identity = Identity;
    /// Days are counted from the block timestamps Aura validates.
    type UnixTime = Timestamp;
    type MaxBatchSize = MaxDiplomaBatch;
    type MaxAccreditationPeriods = MaxAccreditationPeriods;
    type MaxStatusChanges = MaxStatusChanges;
    type MaxDiplomasPerHolder = MaxDiplomasPerHolder;
    type WeightInfo = pallet_diplomas::weights::SubstrateWeight<Runtime>;
    #[cfg(feature = "runtime-benchmarks")]
    type BenchmarkHelper = TimestampClock;
}

/// Moves pallet-timestamp's clock for the diploma benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct TimestampClock;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_diplomas::BenchmarkHelper for TimestampClock {
    fn set_today(day: pallet_diplomas::Day) {
        const MILLISECONDS_PER_DAY: u64 = 86_400_000;
        let noon = u64::from(day)
            .saturating_mul(MILLISECONDS_PER_DAY)
            .saturating_add(MILLISECONDS_PER_DAY / 2);
        pallet_timestamp::Now::<Runtime>::put(noon);
    }
}
