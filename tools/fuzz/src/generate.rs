//! Calls built from the runtime's own type information, for the seeded stream.
//!
//! Random bytes seldom decode into a call a pallet accepts: an account is 32 bytes that must
//! name one of the government's, a bounded vector's length must fit, an enum's index must
//! exist. The coverage-guided fuzzer learns such shapes; the seeded stream (CI's form, no
//! coverage feedback) cannot. So it writes calls the way the runtime's metadata describes
//! them: [`Generator`] walks `RuntimeCall`'s `scale-info` type (every pallet's `Call` enum, each
//! call's fields, down to primitives) and encodes a value of each type, choosing accounts among
//! the government's, numbers mostly small (ids, indices and counts that name things that exist)
//! or at their bounds, byte strings short and printable, nested calls at most
//! [`NESTED_CALLS`] deep. What it writes is an ordinary input: the harness decodes it as any
//! other, so a generated input is replayed and minimized like a libFuzzer one.

use crate::Stream;
use codec::{Compact, Encode};
use govchain_runtime::{AccountId, RuntimeCall};
use scale_info::{meta_type, PortableRegistry, Registry, TypeDef, TypeDefPrimitive};

/// How deep generated calls nest (a batch holding a motion holding a call: 3).
pub const NESTED_CALLS: u32 = 3;

/// Beyond this depth of types a value is cut short (it then fails to decode and is skipped):
/// no type of the runtime but `RuntimeCall` nests this deep.
const DEEPEST_TYPE: u32 = 40;

/// One call of the runtime: its pallet's index in `RuntimeCall`, its index in the pallet's
/// `Call` enum, and the types of its fields.
struct CallShape {
    pallet: u8,
    call: u8,
    fields: Vec<u32>,
    /// `pallet::call`, for reports.
    name: String,
}

/// Writes random calls of every pallet from the runtime's type information.
pub struct Generator {
    registry: PortableRegistry,
    calls: Vec<CallShape>,
    /// `System::remark` with an empty remark: what a nested call becomes past [`NESTED_CALLS`].
    leaf: Vec<u8>,
    accounts: Vec<[u8; 32]>,
}

impl Generator {
    /// A generator whose accounts are `accounts` (the government's signers).
    pub fn new(accounts: &[AccountId]) -> Generator {
        let mut registry = Registry::new();
        let root = registry.register_type(&meta_type::<RuntimeCall>()).id;
        let registry = PortableRegistry::from(registry);
        let mut calls = Vec::new();
        if let Some(TypeDef::Variant(pallets)) = registry.resolve(root).map(|ty| &ty.type_def) {
            for pallet in &pallets.variants {
                let Some(call_type) = pallet.fields.first().map(|field| field.ty.id) else {
                    continue;
                };
                let Some(TypeDef::Variant(pallet_calls)) =
                    registry.resolve(call_type).map(|ty| &ty.type_def)
                else {
                    continue;
                };
                for call in &pallet_calls.variants {
                    calls.push(CallShape {
                        pallet: pallet.index,
                        call: call.index,
                        fields: call.fields.iter().map(|field| field.ty.id).collect(),
                        name: format!("{}::{}", pallet.name, call.name),
                    });
                }
            }
        }
        let leaf = RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() }).encode();
        Generator {
            registry,
            calls,
            leaf,
            accounts: accounts.iter().map(|account| *account.as_ref()).collect(),
        }
    }

    /// How many calls the runtime has.
    pub fn len(&self) -> usize {
        self.calls.len()
    }

    /// Whether the runtime has no calls (it has).
    pub fn is_empty(&self) -> bool {
        self.calls.is_empty()
    }

    /// The name (`Pallet::call`) of the call with these indices.
    pub fn name(&self, index: [u8; 2]) -> Option<&str> {
        self.calls
            .iter()
            .find(|shape| [shape.pallet, shape.call] == index)
            .map(|shape| shape.name.as_str())
    }

    /// libFuzzer's dictionary for the coverage-guided form (`fuzz/runtime.dict`, passed as
    /// `-dict`): every call's two index bytes (pallet, call) but the idle ones, every account of the government,
    /// and the block-advance step. Mutations insert these whole, so mutated inputs name calls
    /// and accounts that exist far more often than random bytes would.
    pub fn dictionary(&self) -> String {
        fn entry(out: &mut String, name: &str, bytes: &[u8]) {
            out.push_str(name);
            out.push_str("=\"");
            for byte in bytes {
                out.push_str(&format!("\\x{byte:02x}"));
            }
            out.push_str("\"\n");
        }
        let mut out = String::from(
            "# libFuzzer's dictionary of the runtime fuzzer: written by `Generator::dictionary`\n\
             # from the runtime's metadata and the government's accounts; checked by\n\
             # tools/fuzz/tests/stream.rs (GOVCHAIN_FUZZ_BLESS=1 rewrites it).\n",
        );
        for shape in self
            .calls
            .iter()
            .filter(|shape| !crate::is_idle([shape.pallet, shape.call]))
        {
            entry(
                &mut out,
                &format!("# {}\ncall", shape.name),
                &[shape.pallet, shape.call],
            );
        }
        for account in &self.accounts {
            entry(&mut out, "account", account);
        }
        entry(&mut out, "advance", &[crate::ADVANCE, 1]);
        entry(&mut out, "advance_a_day", &[crate::ADVANCE, 0xff]);
        out
    }

    /// Appends one random call of any pallet, nested at most [`NESTED_CALLS`] deep.
    pub fn call(&self, stream: &mut Stream, out: &mut Vec<u8>) {
        self.nested_call(stream, out, 0);
    }

    fn nested_call(&self, stream: &mut Stream, out: &mut Vec<u8>, calls_deep: u32) {
        if calls_deep >= NESTED_CALLS || self.calls.is_empty() {
            out.extend_from_slice(&self.leaf);
            return;
        }
        // At the top level, a call the harness makes: not an idle one (`crate::is_idle`).
        let shape = loop {
            let shape = &self.calls[stream.below(self.calls.len() as u64) as usize];
            if calls_deep > 0 || !crate::is_idle([shape.pallet, shape.call]) {
                break shape;
            }
        };
        out.push(shape.pallet);
        out.push(shape.call);
        for &field in &shape.fields {
            self.value(field, stream, out, calls_deep + 1, 0);
        }
    }

    /// Appends a value of type `ty`.
    fn value(&self, ty: u32, stream: &mut Stream, out: &mut Vec<u8>, calls_deep: u32, depth: u32) {
        let Some(resolved) = self.registry.resolve(ty) else {
            return;
        };
        if depth > DEEPEST_TYPE {
            return;
        }
        let last = resolved.path.segments.last().map(String::as_str);
        match last {
            Some("AccountId32") => return self.account(stream, out),
            Some("RuntimeCall") => return self.nested_call(stream, out, calls_deep),
            _ => {}
        }
        match &resolved.type_def {
            TypeDef::Composite(composite) => {
                for field in &composite.fields {
                    self.value(field.ty.id, stream, out, calls_deep, depth + 1);
                }
            }
            TypeDef::Variant(variants) => {
                if variants.variants.is_empty() {
                    return;
                }
                // An address is an account id nine times in ten (`MultiAddress::Id`).
                let chosen = variants
                    .variants
                    .iter()
                    .find(|variant| variant.name == "Id" && stream.below(10) < 9)
                    .unwrap_or_else(|| {
                        &variants.variants[stream.below(variants.variants.len() as u64) as usize]
                    });
                out.push(chosen.index);
                for field in &chosen.fields {
                    self.value(field.ty.id, stream, out, calls_deep, depth + 1);
                }
            }
            TypeDef::Sequence(sequence) => {
                let element = sequence.type_param.id;
                if self.is_u8(element) {
                    self.bytes(stream, out);
                } else {
                    let len = stream.below(4);
                    Compact(len as u32).encode_to(out);
                    for _ in 0..len {
                        self.value(element, stream, out, calls_deep, depth + 1);
                    }
                }
            }
            TypeDef::Array(array) => {
                let element = array.type_param.id;
                if self.is_u8(element) && array.len == 32 {
                    match stream.below(10) {
                        0..=2 => self.account(stream, out),
                        3 => out.extend_from_slice(&[0; 32]),
                        _ => (0..32).for_each(|_| out.push(stream.word() as u8)),
                    }
                } else {
                    for _ in 0..array.len {
                        self.value(element, stream, out, calls_deep, depth + 1);
                    }
                }
            }
            TypeDef::Tuple(tuple) => {
                for field in &tuple.fields {
                    self.value(field.id, stream, out, calls_deep, depth + 1);
                }
            }
            TypeDef::Primitive(primitive) => primitive_value(primitive, stream, out),
            TypeDef::Compact(compact) => {
                let bits = match self
                    .registry
                    .resolve(compact.type_param.id)
                    .map(|t| &t.type_def)
                {
                    Some(TypeDef::Primitive(TypeDefPrimitive::U8)) => 8,
                    Some(TypeDef::Primitive(TypeDefPrimitive::U16)) => 16,
                    Some(TypeDef::Primitive(TypeDefPrimitive::U32)) => 32,
                    Some(TypeDef::Primitive(TypeDefPrimitive::U64)) => 64,
                    _ => 128,
                };
                Compact(stream.number(bits)).encode_to(out);
            }
            TypeDef::BitSequence(_) => Compact(0u32).encode_to(out),
        }
    }

    fn is_u8(&self, ty: u32) -> bool {
        matches!(
            self.registry.resolve(ty).map(|ty| &ty.type_def),
            Some(TypeDef::Primitive(TypeDefPrimitive::U8))
        )
    }

    /// One of the government's accounts, or (one time in ten) any 32 bytes.
    fn account(&self, stream: &mut Stream, out: &mut Vec<u8>) {
        if self.accounts.is_empty() || stream.below(10) == 0 {
            (0..32).for_each(|_| out.push(stream.word() as u8));
        } else {
            let account = &self.accounts[stream.below(self.accounts.len() as u64) as usize];
            out.extend_from_slice(account);
        }
    }

    /// A byte string with its compact length: mostly short and printable (codes, numbers,
    /// references), sometimes empty or long.
    fn bytes(&self, stream: &mut Stream, out: &mut Vec<u8>) {
        const PRINTABLE: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/";
        let len = match stream.below(8) {
            0 => 0,
            1 => stream.below(300),
            _ => 1 + stream.below(16),
        };
        Compact(len as u32).encode_to(out);
        for _ in 0..len {
            let random = stream.word();
            out.push(if random.is_multiple_of(4) {
                (random >> 8) as u8
            } else {
                PRINTABLE[((random >> 8) % PRINTABLE.len() as u64) as usize]
            });
        }
    }
}

/// A value of a primitive type: numbers from [`Stream::number`].
fn primitive_value(primitive: &TypeDefPrimitive, stream: &mut Stream, out: &mut Vec<u8>) {
    match primitive {
        TypeDefPrimitive::Bool => out.push((stream.word() % 2) as u8),
        TypeDefPrimitive::Char => u32::from('A').encode_to(out),
        TypeDefPrimitive::Str => "A-1".encode_to(out),
        TypeDefPrimitive::U8 | TypeDefPrimitive::I8 => out.push(stream.number(8) as u8),
        TypeDefPrimitive::U16 | TypeDefPrimitive::I16 => (stream.number(16) as u16).encode_to(out),
        TypeDefPrimitive::U32 | TypeDefPrimitive::I32 => (stream.number(32) as u32).encode_to(out),
        TypeDefPrimitive::U64 | TypeDefPrimitive::I64 => (stream.number(64) as u64).encode_to(out),
        TypeDefPrimitive::U128 | TypeDefPrimitive::I128 => stream.number(128).encode_to(out),
        TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => {
            (0..32).for_each(|_| out.push(stream.word() as u8))
        }
    }
}
