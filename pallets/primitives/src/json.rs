//! How the registries' runtime-API types read as JSON (the node's `landTitles_*`, `diplomas_*`,
//! `cbdc_*` and `voting_*` methods serialize them with their own serde derives; there are no
//! mirror types in the node). Fields and variants are camelCase, enums externally tagged
//! (`"valid"`, `{"revoked": {"reason": "fraud", "at": 7}}`), hashes `0x`-hex, days numbers
//! (days since 1970-01-01), shares and turnouts (`Permill`) parts per million, pairs arrays
//! (`[id, asset]`), and two field kinds need a rule of their own, kept here:
//!
//! - [`text`]: byte strings the registers admit only as ASCII (serial and cadastral numbers)
//!   read as JSON strings, not arrays of numbers;
//! - [`amount`] and [`option_amount`]: amounts of the currency (`u128`) read as decimal
//!   strings, since JSON numbers hold integers exactly only up to 2^53.

use alloc::{string::String, vec::Vec};
use core::{fmt::Display, str::FromStr};
use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

/// `#[serde(with = "govchain_primitives::json::text")]` on a byte string the register admits
/// only as ASCII text.
pub mod text {
    use super::*;

    /// The bytes as a string (never anything but ASCII on chain; lossy otherwise).
    pub fn serialize<S: Serializer, B: AsRef<[u8]>>(
        bytes: &B,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&String::from_utf8_lossy(bytes.as_ref()))
    }

    /// A string's bytes, refused if longer than the field holds.
    pub fn deserialize<'de, D: Deserializer<'de>, B: TryFrom<Vec<u8>>>(
        deserializer: D,
    ) -> Result<B, D::Error> {
        let text = String::deserialize(deserializer)?;
        B::try_from(text.into_bytes()).map_err(|_| D::Error::custom("text too long for the field"))
    }
}

/// `#[serde(with = "govchain_primitives::json::amount")]` on an amount of the currency.
pub mod amount {
    use super::*;

    /// The amount as a decimal string: `"30000"`.
    pub fn serialize<S: Serializer, A: Display>(
        amount: &A,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_str(amount)
    }

    /// An amount from a decimal string.
    pub fn deserialize<'de, D: Deserializer<'de>, A: FromStr>(
        deserializer: D,
    ) -> Result<A, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map_err(|_| D::Error::custom("an amount is a decimal string of digits"))
    }
}

/// `#[serde(with = "govchain_primitives::json::option_amount")]` on an optional amount.
pub mod option_amount {
    use super::*;

    /// `null` or the amount as a decimal string.
    pub fn serialize<S: Serializer, A: Display>(
        amount: &Option<A>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match amount {
            Some(amount) => serializer.collect_str(amount),
            None => serializer.serialize_none(),
        }
    }

    /// `null` or an amount from a decimal string.
    pub fn deserialize<'de, D: Deserializer<'de>, A: FromStr>(
        deserializer: D,
    ) -> Result<Option<A>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| {
                text.parse()
                    .map_err(|_| D::Error::custom("an amount is a decimal string of digits"))
            })
            .transpose()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    #[serde(rename_all = "camelCase")]
    struct Example {
        #[serde(with = "text")]
        serial_number: frame_support::BoundedVec<u8, frame_support::traits::ConstU32<8>>,
        #[serde(with = "amount")]
        balance: u128,
        #[serde(with = "option_amount")]
        limit: Option<u128>,
    }

    fn example() -> Example {
        Example {
            serial_number: frame_support::BoundedVec::truncate_from(b"BSC-1".to_vec()),
            balance: u128::MAX,
            limit: None,
        }
    }

    #[test]
    fn text_and_amounts_read_as_strings_and_back() {
        let json = serde_json::to_string(&example()).unwrap();
        assert_eq!(
            json,
            r#"{"serialNumber":"BSC-1","balance":"340282366920938463463374607431768211455","limit":null}"#
        );
        assert_eq!(serde_json::from_str::<Example>(&json).unwrap(), example());
        let limited = r#"{"serialNumber":"","balance":"0","limit":"30000"}"#;
        assert_eq!(
            serde_json::from_str::<Example>(limited).unwrap().limit,
            Some(30_000)
        );
    }

    #[test]
    fn text_too_long_and_amounts_not_digits_are_refused() {
        let too_long = r#"{"serialNumber":"123456789","balance":"0","limit":null}"#;
        let error = serde_json::from_str::<Example>(too_long)
            .unwrap_err()
            .to_string();
        assert!(error.contains("text too long for the field"), "{error}");
        let not_digits = r#"{"serialNumber":"","balance":"1e3","limit":null}"#;
        let error = serde_json::from_str::<Example>(not_digits)
            .unwrap_err()
            .to_string();
        assert!(error.contains("decimal string of digits"), "{error}");
        let number = r#"{"serialNumber":"","balance":12,"limit":null}"#;
        assert!(serde_json::from_str::<Example>(number).is_err());
    }
}
