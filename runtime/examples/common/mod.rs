//! What the measuring examples share: a chain started from the development preset.

use govchain_runtime::{genesis_config_presets, RuntimeGenesisConfig};
use serde_json::Value;
use sp_runtime::BuildStorage;

/// Merges a preset's patch into a full genesis config, the way the node does.
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

/// The genesis storage of the development chain.
pub fn development_storage() -> sp_runtime::Storage {
    let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
    merge(&mut config, genesis_config_presets::development());
    let config: RuntimeGenesisConfig = serde_json::from_value(config).expect("a valid genesis");
    config.build_storage().expect("genesis builds")
}
