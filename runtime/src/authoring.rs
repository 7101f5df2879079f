//! What a block author does with a transaction, natively: for the runtime's tests and the
//! fuzzer (`tools/fuzz`), which build blocks without a node. Native only.

use crate::{Executive, UncheckedExtrinsic};
use frame_support::storage::{with_transaction, TransactionOutcome};
use sp_runtime::{ApplyExtrinsicResult, DispatchError};

/// Applies `extrinsic` in the current block as an author does: a transaction found invalid
/// leaves no trace (a node's block builder applies each in a storage transaction of its own).
pub fn apply_or_roll_back(extrinsic: UncheckedExtrinsic) -> ApplyExtrinsicResult {
    with_transaction(|| {
        let outcome = Executive::apply_extrinsic(extrinsic);
        if outcome.is_ok() {
            TransactionOutcome::Commit(Ok::<_, DispatchError>(outcome))
        } else {
            TransactionOutcome::Rollback(Ok(outcome))
        }
    })
    // Only when storage transactions nest too deep, which one level here never does.
    .unwrap_or_else(|error| Ok(Err(error)))
}

/// Checks every pallet's invariants at block `block` (each pallet's `try_state`, the sdk's and
/// govchain's), naming each pallet whose invariants do not hold with its error.
#[cfg(feature = "try-runtime")]
pub fn check_invariants(block: crate::BlockNumber) -> Result<(), String> {
    use frame_support::traits::{PalletsInfoAccess, TryState, TryStateSelect};
    let broken: Vec<String> = <crate::AllPalletsWithSystem as PalletsInfoAccess>::infos()
        .into_iter()
        .filter_map(|pallet| {
            let only = TryStateSelect::Only(vec![pallet.name.as_bytes().to_vec()]);
            <crate::AllPalletsWithSystem as TryState<crate::BlockNumber>>::try_state(block, only)
                .err()
                .map(|error| format!("{}: {error:?}", pallet.name))
        })
        .collect();
    if broken.is_empty() {
        Ok(())
    } else {
        Err(broken.join("; "))
    }
}
