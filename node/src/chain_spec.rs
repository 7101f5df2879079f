//! The built-in chain specifications, made from the runtime's genesis presets.

use govchain_runtime::{token, WASM_BINARY};
use sc_network::config::MultiaddrWithPeerId;
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

/// The bootnodes of the local testnet: Alice's node as `scripts/local-network.sh` starts it
/// (node key `0x…01`), on its TCP port for nodes and its WebSocket port for browsers' light
/// clients.
pub const LOCAL_BOOTNODES: [&str; 2] = [
    "/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp",
    "/ip4/127.0.0.1/tcp/30433/ws/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp",
];

/// `--chain local`: Alice, Bob, Charlie and Dave validate; Alice, Bob and Charlie are the council.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
    let boot_nodes = LOCAL_BOOTNODES
        .iter()
        .map(|address| {
            address
                .parse::<MultiaddrWithPeerId>()
                .map_err(|error| format!("bootnode {address}: {error}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ChainSpec::builder(wasm_binary()?, None)
        .with_name("govchain local testnet")
        .with_id("govchain_local")
        .with_chain_type(ChainType::Local)
        .with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
        .with_properties(token_properties())
        .with_boot_nodes(boot_nodes)
        .build())
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
