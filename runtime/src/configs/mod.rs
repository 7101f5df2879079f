//! Each pallet's configuration, one module per area.

mod consensus;
mod fees;
mod governance;
mod system;
mod utility;

pub use consensus::HasSessionKeys;
pub use governance::{CouncilCollective, CouncilSuperMajority, ImmediateRootCalls, UpgradeDelay};
pub use system::RuntimeBlockWeights;
