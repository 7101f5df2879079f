//! Succession: a court orders how a deceased citizen's estate passes to its heirs; the civil
//! registry that registered the deceased executes the order, and every register holding what
//! the deceased owned ([`Config::Estates`]) passes it on in the same call.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use govchain_primitives::{
    estate::Estate,
    identity::{CitizenId, InstitutionId},
};
use sp_core::H256;
use sp_runtime::{PerThing, Permill};

impl<T: Config> Pallet<T> {
    /// Records `court`'s order that `deceased`'s estate passes to `heirs` in the given shares,
    /// replacing an earlier order of the same court.
    pub(crate) fn do_order_succession(
        court: InstitutionId,
        deceased: CitizenId,
        heirs: HeirsOf<T>,
        case: H256,
    ) -> DispatchResult {
        let record = Citizens::<T>::get(deceased).ok_or(Error::<T>::CitizenNotFound)?;
        ensure!(
            record.status == CitizenStatus::Deactivated(DeactivationReason::Deceased),
            Error::<T>::NotDeceased
        );
        if let Some(earlier) = SuccessionOrders::<T>::get(deceased) {
            ensure!(earlier.court == court, Error::<T>::SuccessionOrdered);
        }
        Self::ensure_heirs(deceased, &heirs)?;
        SuccessionOrders::<T>::insert(
            deceased,
            SuccessionOrder {
                court,
                case,
                heirs,
                ordered_at: frame_system::Pallet::<T>::block_number(),
            },
        );
        Self::deposit_event(Event::SuccessionOrdered {
            deceased,
            court,
            case,
        });
        Ok(())
    }

    /// Whether `heirs` may inherit from `deceased`: at least one, each an active citizen other
    /// than the deceased, listed once, with a share above zero, the shares summing to one whole.
    fn ensure_heirs(deceased: CitizenId, heirs: &HeirsOf<T>) -> DispatchResult {
        ensure!(!heirs.is_empty(), Error::<T>::NoHeirs);
        let mut total: u32 = 0;
        for (index, (heir, share)) in heirs.iter().enumerate() {
            ensure!(*heir != deceased, Error::<T>::HeirIsDeceased);
            ensure!(
                !heirs
                    .iter()
                    .skip(index.saturating_add(1))
                    .any(|(other, _)| other == heir),
                Error::<T>::DuplicateHeir
            );
            ensure!(!share.is_zero(), Error::<T>::ZeroShare);
            ensure!(Self::is_active_citizen(*heir), Error::<T>::HeirNotActive);
            total = total.saturating_add(share.deconstruct());
        }
        ensure!(total == Permill::ACCURACY, Error::<T>::SharesNotWhole);
        Ok(())
    }

    /// Whether `citizen` is registered and active.
    fn is_active_citizen(citizen: CitizenId) -> bool {
        Citizens::<T>::get(citizen).is_some_and(|record| record.status == CitizenStatus::Active)
    }

    /// Executes the court's order of succession of `deceased`: every register passes what the
    /// deceased held to the heirs, all or nothing.
    pub(crate) fn do_execute_succession(deceased: CitizenId) -> DispatchResult {
        let order = SuccessionOrders::<T>::get(deceased).ok_or(Error::<T>::NoSuccessionOrder)?;
        for (heir, _) in order.heirs.iter() {
            ensure!(Self::is_active_citizen(*heir), Error::<T>::HeirNotActive);
        }
        frame_support::storage::with_storage_layer(|| {
            T::Estates::pass_estate(deceased, &order.heirs, order.case)
        })?;
        SuccessionOrders::<T>::remove(deceased);
        Self::deposit_event(Event::SuccessionExecuted {
            deceased,
            court: order.court,
            case: order.case,
        });
        Ok(())
    }

    /// The most heirs an order may name.
    pub(crate) fn max_heirs() -> u32 {
        T::MaxHeirs::get()
    }
}
