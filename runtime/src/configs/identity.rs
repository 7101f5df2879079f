//! Identity and roles: institutions, officers, citizens, and their fee-free quotas.

use super::{system::share_of_block, CouncilMajority};
use crate::{BlockNumber, Runtime, RuntimeCall, RuntimeOrigin, DAYS, HOURS};
use frame_support::{parameter_types, weights::Weight};
use govchain_primitives::identity::RegistryCall;
use pallet_identity_registry::{CallSigners, RegistrationCaps};
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
    /// All officers of one institution together, per hour: twenty officers at full pace (a
    /// regional office's day of records); appointing more officers does not raise it.
    pub const InstitutionTxQuota: u32 = 12_000;
    /// Fee-free transactions together may fill half of what ordinary transactions may take of a
    /// block; the other half stays for those who pay, until the council sets another share.
    pub const DefaultFeeFreeBlockShare: Perbill = Perbill::from_percent(50);
    /// No fee-free transaction may take more than a tenth of a block…
    pub MaxFeeFreeWeight: Weight = share_of_block(Perbill::from_percent(10));
    /// …or more than 64 KiB of it for a citizen…
    pub const MaxFeeFreeLength: u32 = 64 * 1024;
    /// …or 128 KiB for an officer: room for a university's batch of 1,000 diplomas with the
    /// longest serial numbers (about 81 KB).
    pub const MaxOfficerFeeFreeLength: u32 = 128 * 1024;
    /// No act needs more than five officers' approval.
    pub const MaxApprovals: u32 = 5;
    /// An institution's officers may have 64 acts waiting for approval at once.
    pub const MaxPendingActions: u32 = 64;
    /// One officer may have 8 of them, so a rogue officer cannot take all of them.
    pub const MaxPendingActionsPerProposer: u32 = 8;
    /// At most 256 pending acts expire at one block (proposals beyond that expire a block or a
    /// few later).
    pub const MaxActionsExpiringPerBlock: u32 = 256;
    /// A pending act waits three days for its approvals: a weekend and a working day.
    pub const ActionLifetime: BlockNumber = 3 * DAYS;
    /// The sensitive calls are small (a reserve record is under 100 bytes).
    pub const MaxActionCallLength: u32 = 512;
    /// A registry's move of a citizen's account without the citizen's consent waits a week for
    /// the citizen's veto (the national default; development presets set a minute).
    pub const DefaultAccountMoveDelay: BlockNumber = 7 * DAYS;
    /// At most 64 moves fall due at one block (more wait a block or a few longer).
    pub const MaxMovesPerBlock: u32 = 64;
    /// An order of succession names at most 16 heirs (as a parcel has at most 16 owners).
    pub const MaxHeirs: u32 = 16;
    /// Registration caps count per day.
    pub const RegistrationPeriod: BlockNumber = DAYS;
    /// Development networks register in bulk (the load benchmarks register tens of thousands of
    /// citizens through one officer); a national genesis sets
    /// [`national_policy::REGISTRATION_CAPS`].
    pub const DefaultRegistrationCaps: RegistrationCaps = RegistrationCaps {
        per_officer: 1_000_000,
        per_institution: 1_000_000,
    };
}

impl pallet_identity_registry::Config for Runtime {
    /// Accrediting, suspending and restoring public bodies takes a council majority: a rogue
    /// institution must be stoppable quickly.
    type InstitutionOrigin = CouncilMajority;
    /// Dual-control thresholds and registration caps are constitutional: Root, which the council
    /// reaches for them only through an approved referendum (`ConstitutionalCalls`).
    type RulesOrigin = frame_system::EnsureRoot<crate::AccountId>;
    type MaxOfficerTerm = MaxOfficerTerm;
    type MaxOfficersPerInstitution = MaxOfficersPerInstitution;
    type QuotaPeriod = QuotaPeriod;
    type CitizenTxQuota = CitizenTxQuota;
    type OfficerTxQuota = OfficerTxQuota;
    type InstitutionTxQuota = InstitutionTxQuota;
    type DefaultFeeFreeBlockShare = DefaultFeeFreeBlockShare;
    type RegistryCalls = RegistryCalls;
    type MaxFeeFreeWeight = MaxFeeFreeWeight;
    type MaxFeeFreeLength = MaxFeeFreeLength;
    type MaxOfficerFeeFreeLength = MaxOfficerFeeFreeLength;
    type RegistrationPeriod = RegistrationPeriod;
    type DefaultRegistrationCaps = DefaultRegistrationCaps;
    type ActionOrigin = RuntimeOrigin;
    type ActionCall = RuntimeCall;
    type MaxApprovals = MaxApprovals;
    type MaxPendingActions = MaxPendingActions;
    type MaxPendingActionsPerProposer = MaxPendingActionsPerProposer;
    type MaxActionsExpiringPerBlock = MaxActionsExpiringPerBlock;
    type ActionLifetime = ActionLifetime;
    type MaxActionCallLength = MaxActionCallLength;
    type Ballots = crate::Voting;
    /// A deceased citizen's land shares, then money, pass to the heirs.
    type Estates = (crate::LandTitles, crate::Cbdc);
    type MaxHeirs = MaxHeirs;
    type DefaultAccountMoveDelay = DefaultAccountMoveDelay;
    type MaxMovesPerBlock = MaxMovesPerBlock;
    type WeightInfo = pallet_identity_registry::weights::SubstrateWeight<Runtime>;
}

/// The runtime's registry calls: every call of the identity, land-titles, diplomas, CBDC and
/// e-voting pallets, and `utility` batches made only of them (one level deep). Every other call
/// (balances, remarks, governance, multisig, nested batches) pays the normal fee.
pub struct RegistryCalls;

impl RegistryCalls {
    /// Adds the signers of `call`'s registry calls to `found`; marks it as not only registry
    /// calls when it holds anything else.
    fn collect(call: &RuntimeCall, in_batch: bool, found: &mut CallSigners) {
        let signer = match call {
            RuntimeCall::Identity(call) => call.signer(),
            RuntimeCall::LandTitles(call) => call.signer(),
            RuntimeCall::Diplomas(call) => call.signer(),
            RuntimeCall::Cbdc(call) => call.signer(),
            RuntimeCall::Voting(call) => call.signer(),
            RuntimeCall::Utility(
                pallet_utility::Call::batch { calls }
                | pallet_utility::Call::batch_all { calls }
                | pallet_utility::Call::force_batch { calls },
            ) if !in_batch => {
                found.batch = true;
                for call in calls {
                    Self::collect(call, true, found);
                }
                return;
            }
            _ => {
                found.only_registry = false;
                return;
            }
        };
        found.signers.push(signer);
    }
}

impl pallet_identity_registry::RegistryCalls<RuntimeCall> for RegistryCalls {
    fn signers(call: &RuntimeCall) -> CallSigners {
        let mut found = CallSigners {
            signers: alloc::vec::Vec::new(),
            only_registry: true,
            batch: false,
        };
        Self::collect(call, false, &mut found);
        found.only_registry &= !found.signers.is_empty();
        found
    }
}

/// What a national network's genesis sets beyond the development presets.
pub mod national_policy {
    use alloc::vec::Vec;
    use govchain_primitives::{dual_control::ActionClass, identity::Role};
    use pallet_identity_registry::RegistrationCaps;

    /// A civil-registry officer registers at most 500 citizens a day (a busy office's day), and
    /// one registry's officers together 20,000: a rogue registrar cannot create an electorate.
    pub const REGISTRATION_CAPS: RegistrationCaps = RegistrationCaps {
        per_officer: 500,
        per_institution: 20_000,
    };

    /// The dual-control thresholds, as (role, class, threshold): minting, bank quotas, reserve
    /// records, court orders, moving or deactivating a citizen, appointing any institution's
    /// officers and large transfers of any institution's money each need two officers of the
    /// institution. Development networks need one (an officer acts alone).
    pub fn approval_thresholds() -> Vec<(Role, ActionClass, u8)> {
        let role_bound = [
            (Role::CentralBank, ActionClass::Minting),
            (Role::CentralBank, ActionClass::BankQuota),
            (Role::CentralBank, ActionClass::ReserveRecord),
            (Role::Court, ActionClass::CourtOrder),
            (Role::CivilRegistry, ActionClass::CitizenMove),
            (Role::CivilRegistry, ActionClass::CitizenDeactivation),
        ];
        let institution_wide = Role::ALL.into_iter().flat_map(|role| {
            [
                (role, ActionClass::OfficerAppointment),
                (role, ActionClass::LargeTransfer),
            ]
        });
        role_bound
            .into_iter()
            .chain(institution_wide)
            .map(|(role, class)| (role, class, 2))
            .collect()
    }
}
