//! How wallets show the chain's amounts and addresses. The build script includes this file to
//! put the same figures into the runtime's metadata hash, so it holds constants only.

/// The fee token's ticker.
pub const TOKEN_SYMBOL: &str = "GOV";

/// Decimal places of the fee token: one unit is 10^12 of its smallest parts.
pub const TOKEN_DECIMALS: u8 = 12;

/// The SS58 address prefix of govchain accounts. Not taken in the SS58 registry (1.51.0); a
/// prefix above 63 gives addresses of their own look, so they are not mistaken for another
/// chain's. Register it before the chain goes live.
pub const SS58_PREFIX: u16 = 4242;
