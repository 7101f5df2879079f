//! Reading and building the dynamic values subxt encodes and decodes against the metadata.

use subxt::dynamic::{At, Value};
use subxt::ext::scale_value::{Composite, ValueDef};

/// A unit enum variant (`None`, `Bachelor`, `Agency`, …).
pub fn unit(name: &str) -> Value {
    Value::variant(name, Composite::Unnamed(Vec::new()))
}

/// `Some(value)`.
pub fn some(value: Value) -> Value {
    Value::unnamed_variant("Some", [value])
}

/// The name of an enum value's variant.
pub fn variant_name(value: &Value) -> Option<&str> {
    match &value.value {
        ValueDef::Variant(variant) => Some(variant.name.as_str()),
        _ => None,
    }
}

/// The content of `Some(_)`; `None` for `None` or for a value that is no option.
pub fn option(value: &Value) -> Option<&Value> {
    match variant_name(value) {
        Some("Some") => value.at(0),
        _ => None,
    }
}

/// The number in field `field` of a composite value, if it is one that fits `T`.
pub fn number<T: TryFrom<u128>>(value: &Value, field: &str) -> Option<T> {
    value
        .at(field)
        .and_then(|number| number.as_u128())
        .and_then(|number| T::try_from(number).ok())
}

/// The bytes of a byte string or fixed byte array (a hash, an account), through newtype
/// wrappers such as `H256`.
pub fn bytes(value: &Value) -> Option<Vec<u8>> {
    let ValueDef::Composite(composite) = &value.value else {
        return None;
    };
    let items: Vec<&Value> = composite.values().collect();
    let as_bytes: Option<Vec<u8>> = items
        .iter()
        .map(|item| item.as_u128().and_then(|n| u8::try_from(n).ok()))
        .collect();
    match (as_bytes, items.as_slice()) {
        (Some(bytes), _) => Some(bytes),
        (None, [inner]) => bytes(inner),
        (None, _) => None,
    }
}

/// A 32-byte hash or account as a value.
pub fn hash32(bytes: [u8; 32]) -> Value {
    Value::from_bytes(bytes)
}

/// `0x` and lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    format!("0x{}", ::hex::encode(bytes))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn bytes_read_through_newtypes_and_refuse_other_values() {
        let hash = Value::unnamed_composite([Value::from_bytes([7u8; 32])]);
        assert_eq!(bytes(&hash).unwrap(), vec![7u8; 32]);
        assert_eq!(
            bytes(&Value::from_bytes(b"NUT-1")).unwrap(),
            b"NUT-1".to_vec()
        );
        assert_eq!(bytes(&Value::u128(300)), None);
        let not_bytes = Value::unnamed_composite([Value::u128(1), Value::u128(256)]);
        assert_eq!(bytes(&not_bytes), None);
    }

    #[test]
    fn options_and_variants() {
        let value = some(Value::u128(4));
        assert_eq!(variant_name(&value), Some("Some"));
        assert_eq!(option(&value).unwrap().as_u128(), Some(4));
        assert!(option(&unit("None")).is_none());
        assert!(option(&Value::u128(4)).is_none());
        assert_eq!(hex(&[0xab, 0x01]), "0xab01");
    }
}
