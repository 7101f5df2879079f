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
