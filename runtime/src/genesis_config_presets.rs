//! Named genesis configurations.
//!
//! - `development`: Alice validates alone and is the whole council, so a developer's motion
//!   passes in one step; sessions of 10 blocks, upgrades wait 5 blocks.
//! - `local_testnet`: Alice, Bob, Charlie and Dave validate (at least 3 must remain); Alice, Bob
//!   and Charlie form the council; sessions of 10 blocks, upgrades wait 10 blocks.
//! - `national_testnet`: as `local_testnet`, with a national network's upgrade delay (a week, the
//!   floor a council motion may set) and dual control: minting,
//!   bank quotas, reserve records, court orders, moving or deactivating a citizen and appointing
//!   officers each need two officers of the institution
//!   ([`national_policy`](crate::configs::national_policy)), and a civil-registry officer
//!   registers at most 500 citizens a day. In the two development presets an officer acts alone
//!   and registrations are not capped in practice.
//!
//! A national network's genesis is not a preset: `scripts/national-spec.sh` builds it from a JSON
//! file with the real validators' keys and council (see `chain-specs/README.md`), over
//! `national_testnet`'s policy.

use crate::{
    configs::{cbdc_policy, national_policy},
    AccountId, Balance, BalancesConfig, CbdcConfig, CouncilConfig, GovernanceConfig,
    IdentityConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys, ValidatorSetConfig, UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use govchain_primitives::{dual_control::ActionClass, identity::Role};
use pallet_identity_registry::RegistrationCaps;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What every govchain genesis is made of.
pub struct GenesisParameters {
    /// Validators, each with its Aura and GRANDPA keys.
    pub validators: Vec<(AccountId, AuraId, GrandpaId)>,
    /// The fewest validators the set may shrink to.
    pub min_validators: u32,
    /// Blocks per session.
    pub session_length: u32,
    /// Council members.
    pub council: Vec<AccountId>,
    /// Blocks between scheduling a runtime upgrade and its authorisation.
    pub upgrade_delay: u32,
    /// Accounts holding fee tokens from the start.
    pub endowed: Vec<(AccountId, u128)>,
    /// How many officers must approve acts of a class under a role (unlisted: 1).
    pub approval_thresholds: Vec<(Role, ActionClass, u8)>,
    /// Citizens an officer, and an institution, may register per day (`None`: the runtime's
    /// default).
    pub registration_caps: Option<RegistrationCaps>,
    /// Blocks a move of a citizen's account without its consent waits for the citizen's veto
    /// (`None`: the runtime's default, a week).
    pub account_move_delay: Option<u32>,
    /// How much each officer may pay from its institution per day (`None`: no limit).
    pub officer_daily_outflow: Option<Balance>,
    /// Transfers from an institution above this amount need two officers (`None`: none).
    pub large_transfer_threshold: Option<Balance>,
}

/// Builds the genesis JSON from its parameters.
pub fn genesis(parameters: GenesisParameters) -> Value {
    let GenesisParameters {
        validators,
        min_validators,
        session_length,
        council,
        upgrade_delay,
        endowed,
        approval_thresholds,
        registration_caps,
        account_move_delay,
        officer_daily_outflow,
        large_transfer_threshold,
    } = parameters;
    build_struct_json_patch!(RuntimeGenesisConfig {
        balances: BalancesConfig { balances: endowed },
        validator_set: ValidatorSetConfig {
            validators: validators
                .iter()
                .map(|(account, _, _)| account.clone())
                .collect::<Vec<_>>(),
            min_validators,
            session_length,
        },
        session: SessionConfig {
            keys: validators
                .into_iter()
                .map(|(account, aura, grandpa)| {
                    (account.clone(), account, SessionKeys { aura, grandpa })
                })
                .collect::<Vec<_>>(),
        },
        council: CouncilConfig { members: council },
        governance: GovernanceConfig { upgrade_delay },
        identity: IdentityConfig {
            approval_thresholds,
            registration_caps,
            account_move_delay
        },
        cbdc: CbdcConfig {
            tier_limits: cbdc_policy::TIER_LIMITS,
            institution_limits: cbdc_policy::INSTITUTION_LIMITS,
            max_coverage_percent: cbdc_policy::MAX_COVERAGE_PERCENT,
            officer_daily_outflow,
            large_transfer_threshold,
        },
    })
}

/// A development validator: its account and keys derive from the well-known seed `//Name`.
fn dev_validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AccountId, AuraId, GrandpaId) {
    (sr.to_account_id(), sr.public().into(), ed.public().into())
}

/// Every well-known development account, with a thousand units each.
fn dev_endowment() -> Vec<(AccountId, u128)> {
    Sr25519Keyring::iter()
        .map(|k| (k.to_account_id(), 1_000 * UNIT))
        .collect()
}

/// The `development` preset.
pub fn development() -> Value {
    genesis(GenesisParameters {
        validators: vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
        min_validators: 1,
        session_length: 10,
        council: vec![Sr25519Keyring::Alice.to_account_id()],
        upgrade_delay: 5,
        endowed: dev_endowment(),
        approval_thresholds: Vec::new(),
        registration_caps: None,
        account_move_delay: Some(DEV_ACCOUNT_MOVE_DELAY),
        officer_daily_outflow: None,
        large_transfer_threshold: None,
    })
}

/// Development and local networks move a citizen's account a minute after the registry asks
/// (without the citizen's consent), so that the time lock can be tried by hand.
const DEV_ACCOUNT_MOVE_DELAY: u32 = 10;

/// The `local_testnet` preset.
pub fn local_testnet() -> Value {
    genesis(local_parameters())
}

/// The `national_testnet` preset: the local network under a national network's dual control.
pub fn national_testnet() -> Value {
    genesis(GenesisParameters {
        approval_thresholds: national_policy::approval_thresholds(),
        registration_caps: Some(national_policy::REGISTRATION_CAPS),
        account_move_delay: None,
        officer_daily_outflow: Some(cbdc_policy::NATIONAL_OFFICER_DAILY_OUTFLOW),
        large_transfer_threshold: Some(cbdc_policy::NATIONAL_LARGE_TRANSFER),
        upgrade_delay: crate::configs::MinUpgradeDelay::get(),
        ..local_parameters()
    })
}

/// The name of the [`national_testnet`] preset.
pub const NATIONAL_TESTNET_PRESET: &str = "national_testnet";

/// Alice, Bob, Charlie and Dave validate; Alice, Bob and Charlie are the council.
fn local_parameters() -> GenesisParameters {
    GenesisParameters {
        validators: vec![
            dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
            dev_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
            dev_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
            dev_validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
        ],
        min_validators: 3,
        session_length: 10,
        council: vec![
            Sr25519Keyring::Alice.to_account_id(),
            Sr25519Keyring::Bob.to_account_id(),
            Sr25519Keyring::Charlie.to_account_id(),
        ],
        upgrade_delay: 10,
        endowed: dev_endowment(),
        approval_thresholds: Vec::new(),
        registration_caps: None,
        account_move_delay: Some(DEV_ACCOUNT_MOVE_DELAY),
        officer_daily_outflow: None,
        large_transfer_threshold: None,
    }
}

/// The genesis JSON of a named preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
    let patch = match id.as_str() {
        sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
        sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
        NATIONAL_TESTNET_PRESET => national_testnet(),
        _ => return None,
    };
    Some(serde_json::to_string(&patch).ok()?.into_bytes())
}

/// The presets this runtime knows.
pub fn preset_names() -> Vec<PresetId> {
    vec![
        PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
        PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
        PresetId::from(NATIONAL_TESTNET_PRESET),
    ]
}

/// The storage of a chain started from the named preset, as the node builds it: the preset's
/// patch merged into the default genesis config. Native only, for the runtime's tests and the
/// fuzzer (`tools/fuzz`).
#[cfg(feature = "std")]
pub fn storage(preset: &str) -> Result<sp_core::storage::Storage, String> {
    fn merge(base: &mut Value, patch: Value) {
        match (base, patch) {
            (Value::Object(base), Value::Object(patch)) => {
                for (key, value) in patch {
                    merge(base.entry(key).or_insert(Value::Null), value);
                }
            }
            (base, patch) => *base = patch,
        }
    }
    let patch = get_preset(&preset.into()).ok_or_else(|| format!("no preset `{preset}`"))?;
    let patch: Value = serde_json::from_slice(&patch).map_err(|error| error.to_string())?;
    let mut config =
        serde_json::to_value(RuntimeGenesisConfig::default()).map_err(|error| error.to_string())?;
    merge(&mut config, patch);
    let config: RuntimeGenesisConfig =
        serde_json::from_value(config).map_err(|error| error.to_string())?;
    sp_runtime::BuildStorage::build_storage(&config)
}
