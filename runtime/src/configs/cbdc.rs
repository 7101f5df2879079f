//! The digital currency and its reserve: issuance, KYC limits, court freezes, payments.

use super::{CouncilMajority, CouncilSuperMajority};
use crate::{Balance, BlockNumber, Identity, Runtime, DAYS};
use frame_support::parameter_types;

/// One unit of the national currency in the digital currency's smallest unit (1/100).
pub const CBDC_UNIT: Balance = 100;

parameter_types! {
    /// Outflow limits count per day.
    pub const OutflowPeriod: BlockNumber = DAYS;
    /// Reserve positions on the books at once: per metal, currency and custodian.
    pub const MaxReserveAssets: u32 = 256;
    /// The currency stays fully backed: issuing beyond the reserve takes a runtime upgrade.
    pub const MaxCoverageCeiling: u32 = 100;
    /// Payment orders in one relayed batch: 256 orders (about 32 KB) within what an
    /// officer's fee-free transaction may take (a tenth of a block, 128 KiB).
    pub const MaxRelayedPayments: u32 = 256;
}

impl pallet_cbdc_reserve::Config for Runtime {
    type Identity = Identity;
    type DualControl = Identity;
    type Balance = Balance;
    /// KYC limits and the coverage ratio are monetary policy: a council majority.
    type LimitsOrigin = CouncilMajority;
    /// Freezes of abolished courts are thawed by two thirds of the council.
    type CouncilOrigin = CouncilSuperMajority;
    type MaxCoverageCeiling = MaxCoverageCeiling;
    type OutflowPeriod = OutflowPeriod;
    type MaxReserveAssets = MaxReserveAssets;
    /// Citizens sign payment orders as they sign transactions.
    type RelaySignature = crate::Signature;
    type RelaySigner = <crate::Signature as sp_runtime::traits::Verify>::Signer;
    type MaxRelayedPayments = MaxRelayedPayments;
    #[cfg(feature = "runtime-benchmarks")]
    type RelayHelper = super::RelaySigning;
    type WeightInfo = pallet_cbdc_reserve::weights::SubstrateWeight<Runtime>;
}

/// The monetary policy every govchain genesis starts with; the council changes it later.
pub mod policy {
    use super::CBDC_UNIT;
    use crate::Balance;

    /// (balance cap, daily outflow) of citizens verified remotely, in person, and in person
    /// with proof of address and source of funds.
    pub const TIER_LIMITS: [(Balance, Balance); 3] = [
        (100_000 * CBDC_UNIT, 20_000 * CBDC_UNIT),
        (1_000_000 * CBDC_UNIT, 200_000 * CBDC_UNIT),
        (10_000_000 * CBDC_UNIT, 2_000_000 * CBDC_UNIT),
    ];
    /// (balance cap, daily outflow) of institutions without limits of their own.
    pub const INSTITUTION_LIMITS: (Balance, Balance) =
        (1_000_000_000 * CBDC_UNIT, 100_000_000 * CBDC_UNIT);
    /// Fully backed: supply at most the reserve value.
    pub const MAX_COVERAGE_PERCENT: u32 = 100;
    /// In a national network each officer pays at most ten million units a day from its
    /// institution (a bank's teller crediting its customers) …
    pub const NATIONAL_OFFICER_DAILY_OUTFLOW: Balance = 10_000_000 * CBDC_UNIT;
    /// … and a single transfer from an institution above a million units needs two of its
    /// officers. Development networks set neither.
    pub const NATIONAL_LARGE_TRANSFER: Balance = 1_000_000 * CBDC_UNIT;
}
