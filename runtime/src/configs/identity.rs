//! Identity and roles: institutions, officers, citizens, and their fee-free quotas.

use super::{system::share_of_block, CouncilMajority};
use crate::{BlockNumber, Runtime, DAYS, HOURS};
use frame_support::{parameter_types, weights::Weight};
use sp_runtime::Perbill;

parameter_types! {
    /// Officers are re-appointed at least yearly.
    pub const MaxOfficerTerm: BlockNumber = 366 * DAYS;
    /// Enough for a national registry's regional offices; bounds what one admin key can create.
    pub const MaxOfficersPerInstitution: u32 = 1_000;
    /// Quotas count per hour.
    pub const QuotaPeriod: BlockNumber = HOURS;
    /// A citizen's fee-free transactions per hour: ample for a person, useless for a spammer.
    pub const CitizenTxQuota: u32 = 20;
    /// An officer's fee-free transactions per hour: a registrar's working day of records.
    pub const OfficerTxQuota: u32 = 600;
    /// No fee-free transaction may take more than a tenth of a block…
    pub MaxFeeFreeWeight: Weight = share_of_block(Perbill::from_percent(10));
    /// …or more than 64 KiB of it for a citizen…
    pub const MaxFeeFreeLength: u32 = 64 * 1024;
    /// …or 128 KiB for an officer: room for a university's batch of 1,000 diplomas with the
    /// longest serial numbers (about 81 KB).
    pub const MaxOfficerFeeFreeLength: u32 = 128 * 1024;
}

impl pallet_identity_registry::Config for Runtime {
    /// Accrediting, suspending and restoring public bodies takes a council majority: a rogue
    /// institution must be stoppable quickly.
    type InstitutionOrigin = CouncilMajority;
    type MaxOfficerTerm = MaxOfficerTerm;
    type MaxOfficersPerInstitution = MaxOfficersPerInstitution;
    type QuotaPeriod = QuotaPeriod;
    type CitizenTxQuota = CitizenTxQuota;
    type OfficerTxQuota = OfficerTxQuota;
    type MaxFeeFreeWeight = MaxFeeFreeWeight;
    type MaxFeeFreeLength = MaxFeeFreeLength;
    type MaxOfficerFeeFreeLength = MaxOfficerFeeFreeLength;
    type WeightInfo = pallet_identity_registry::weights::SubstrateWeight<Runtime>;
}
