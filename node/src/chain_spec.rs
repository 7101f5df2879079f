//! The built-in chain specifications, made from the runtime's genesis presets.

use govchain_runtime::{token, WASM_BINARY};
use sc_service::ChainType;
use serde_json::json;

/// A govchain chain specification.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What wallets need to show amounts and addresses: the fee token's symbol and decimals, and
/// the address format.
pub fn token_properties() -> sc_chain_spec::Properties {
    let mut properties = sc_chain_spec::Properties::new();
    properties.insert("tokenSymbol".into(), json!(token::TOKEN_SYMBOL));
    properties.insert("tokenDecimals".into(), json!(token::TOKEN_DECIMALS));
    properties.insert("ss58Format".into(), json!(token::SS58_PREFIX));
    properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
    WASM_BINARY.ok_or_else(|| "the runtime wasm was not built (was SKIP_WASM_BUILD set?)".into())
}

/// A chain spec running the runtime's genesis preset `preset`.
fn from_preset(
    name: &str,
    id: &str,
    chain_type: ChainType,
    preset: &str,
) -> Result<ChainSpec, String> {
    Ok(ChainSpec::builder(wasm_binary()?, None)
        .with_name(name)
        .with_id(id)
        .with_chain_type(chain_type)
        .with_genesis_config_preset_name(preset)
        .with_properties(token_properties())
        .build())
}

/// `--dev`: Alice validates alone and is the council.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
    from_preset(
        "govchain development",
        "govchain_dev",
        ChainType::Development,
        sp_genesis_builder::DEV_RUNTIME_PRESET,
    )
}

/// `--chain local`: Alice, Bob, Charlie and Dave validate; Alice, Bob and Charlie are the council.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
    from_preset(
        "govchain local testnet",
        "govchain_local",
        ChainType::Local,
        sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
    )
}

/// `--chain national-local`: the local network under a national network's dual control; the
/// base of the specs `scripts/national-spec.sh` makes.
pub fn national_local_chain_spec() -> Result<ChainSpec, String> {
    from_preset(
        "govchain national testnet",
        "govchain_national_local",
        ChainType::Local,
        govchain_runtime::genesis_config_presets::NATIONAL_TESTNET_PRESET,
    )
}
