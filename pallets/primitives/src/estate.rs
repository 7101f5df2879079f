//! Succession: what a deceased citizen held in a register passes to its heirs by court order.

use crate::identity::CitizenId;
use sp_core::H256;
use sp_runtime::{DispatchResult, Permill, Weight};

/// A register holding what citizens own (land shares, money), which passes a deceased citizen's
/// holdings to its heirs when the civil registry executes a court's order of succession.
///
/// The identity pallet calls it; the land and currency pallets implement it; a tuple passes the
/// estate through each register in turn (all or nothing: the call runs in one storage layer).
pub trait Estate {
    /// Passes everything `deceased` holds in this register to `heirs`, each getting its share
    /// (the shares sum to one whole; rounding leftovers go to the first heir), under the court's
    /// case reference `case`.
    fn pass_estate(
        deceased: CitizenId,
        heirs: &[(CitizenId, Permill)],
        case: H256,
    ) -> DispatchResult;

    /// The most `pass_estate` may weigh with `heirs` heirs.
    fn pass_estate_weight(heirs: u32) -> Weight;
}

impl Estate for () {
    fn pass_estate(_: CitizenId, _: &[(CitizenId, Permill)], _: H256) -> DispatchResult {
        Ok(())
    }

    fn pass_estate_weight(_: u32) -> Weight {
        Weight::zero()
    }
}

impl<A: Estate, B: Estate> Estate for (A, B) {
    fn pass_estate(
        deceased: CitizenId,
        heirs: &[(CitizenId, Permill)],
        case: H256,
    ) -> DispatchResult {
        A::pass_estate(deceased, heirs, case)?;
        B::pass_estate(deceased, heirs, case)
    }

    fn pass_estate_weight(heirs: u32) -> Weight {
        A::pass_estate_weight(heirs).saturating_add(B::pass_estate_weight(heirs))
    }
}

/// Splits `amount` among heirs by their shares, rounding each down; the first heir gets what
/// rounding left over, so the parts always add up to `amount`. Shares must sum to one whole.
pub fn split<Amount>(amount: Amount, heirs: &[(CitizenId, Permill)]) -> alloc::vec::Vec<Amount>
where
    Amount: Copy + sp_runtime::traits::AtLeast32BitUnsigned,
{
    let mut parts: alloc::vec::Vec<Amount> = heirs
        .iter()
        .map(|(_, share)| share.mul_floor(amount))
        .collect();
    let given = parts
        .iter()
        .fold(Amount::zero(), |sum, part| sum.saturating_add(*part));
    if let Some(first) = parts.first_mut() {
        *first = first.saturating_add(amount.saturating_sub(given));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_add_up_and_the_first_heir_takes_the_rounding() {
        let heirs = [
            (1, Permill::from_parts(333_333)),
            (2, Permill::from_parts(333_333)),
            (3, Permill::from_parts(333_334)),
        ];
        assert_eq!(split(100u64, &heirs), vec![34, 33, 33]);
        assert_eq!(split(0u64, &heirs), vec![0, 0, 0]);
        let halves = [
            (1, Permill::from_percent(50)),
            (2, Permill::from_percent(50)),
        ];
        assert_eq!(split(7u128, &halves), vec![4, 3]);
    }
}
