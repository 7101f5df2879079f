//! The built-in chain specifications, made from the runtime's genesis presets.

use govchain_runtime::WASM_BINARY;
use sc_service::ChainType;
use serde_json::json;

/// A govchain chain specification.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What wallets need to show amounts and addresses: the fee token's symbol and decimals, and
/// the address format.
pub fn token_properties() -> sc_chain_spec::Properties {
    let mut properties = sc_chain_spec::Properties::new();
    properties.insert("tokenSymbol".into(), json!("GOV"));
    properties.insert("tokenDecimals".into(), json!(12));
    properties.insert("ss58Format".into(), json!(42));
    properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
    WASM_BINARY.ok_or_else(|| "the runtime wasm was not built (was SKIP_WASM_BUILD set?)".into())
}

/// `--dev`: Alice validates alone and is the council.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
    Ok(ChainSpec::builder(wasm_binary()?, None)
        .with_name("govchain development")
        .with_id("govchain_dev")
        .with_chain_type(ChainType::Development)
        .with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
        .with_properties(token_properties())
        .build())
}

/// `--chain local`: Alice, Bob, Charlie and Dave validate; Alice, Bob and Charlie are the council.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
    Ok(ChainSpec::builder(wasm_binary()?, None)
        .with_name("govchain local testnet")
        .with_id("govchain_local")
        .with_chain_type(ChainType::Local)
        .with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
        .with_properties(token_properties())
        .build())
}
