//! Payment orders citizens sign and their bank relays in batches: each checked on its own
//! (signature, number, expiry, citizenship, quota) and paid as the citizen's own `transfer`
//! would pay it.

use crate::{pallet::*, types::*, WeightInfo};
use frame_support::{ensure, storage::with_storage_layer, weights::Weight, BoundedVec};
use govchain_primitives::{
    identity::{IdentityProvider, InstitutionId, KycTier, Party},
    relay::{self, Refusal},
};
use sp_runtime::{DispatchError, DispatchResult};

impl<T: Config> From<Refusal> for Error<T> {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::StaleNonce => Error::<T>::StaleNonce,
            Refusal::FutureNonce => Error::<T>::FutureNonce,
            Refusal::BadSignature => Error::<T>::BadRelaySignature,
        }
    }
}

impl<T: Config> Pallet<T> {
    pub(crate) fn do_relay_payments(
        bank: InstitutionId,
        payments: BoundedVec<RelayedPayment<T>, T::MaxRelayedPayments>,
    ) -> DispatchResult {
        ensure!(!payments.is_empty(), Error::<T>::NothingToRelay);
        let now = frame_system::Pallet::<T>::block_number();
        let (mut paid, mut failed, mut refused) = (0u32, 0u32, 0u32);
        for (position, order) in payments.iter().enumerate() {
            let position = u32::try_from(position).unwrap_or(u32::MAX);
            let body = relayed_payment_body(&order.to, &order.amount, &order.valid_until);
            let accepted = relay::accept::<T, _, _, DispatchError>(
                &order.payer,
                order.nonce,
                relay::RELAYED_PAYMENT,
                &body,
                &order.signature,
                || Self::admit_order(order, now),
            )
            .map_err(|refusal| DispatchError::from(Error::<T>::from(refusal)))
            .and_then(|admitted| admitted);
            let (citizen, tier) = match accepted {
                Ok(payer) => payer,
                Err(error) => {
                    refused = refused.saturating_add(1);
                    Self::deposit_event(Event::RelayedPaymentRefused {
                        position,
                        payer: order.payer.clone(),
                        error,
                    });
                    continue;
                }
            };
            // The order's number and quota are used; the payment changes all or nothing.
            let limits = TierLimits::<T>::get(tier);
            let payment = with_storage_layer(|| {
                Self::transfer_verified(
                    &Party::Citizen(citizen),
                    Some(limits),
                    &order.to,
                    order.amount,
                )
            });
            match payment {
                Ok(()) => paid = paid.saturating_add(1),
                Err(error) => {
                    failed = failed.saturating_add(1);
                    Self::deposit_event(Event::RelayedPaymentFailed {
                        position,
                        payer: order.payer.clone(),
                        error,
                    });
                }
            }
        }
        Self::deposit_event(Event::PaymentsRelayed {
            bank,
            paid,
            failed,
            refused,
        });
        Ok(())
    }

    /// Whether an order whose signature and number hold may be paid now: not expired, signed
    /// by an active citizen with fee-free quota left (counted). Changes nothing when refused.
    fn admit_order(
        order: &RelayedPayment<T>,
        now: frame_system::pallet_prelude::BlockNumberFor<T>,
    ) -> Result<(govchain_primitives::identity::CitizenId, KycTier), DispatchError> {
        ensure!(now <= order.valid_until, Error::<T>::OrderExpired);
        let payer = T::Identity::citizen_profile(&order.payer).ok_or(Error::<T>::NotHolder)?;
        T::Identity::use_citizen_quota(&order.payer)?;
        Ok(payer)
    }

    /// The weight of relaying `n` orders: as measured for `n` orders paid between citizens,
    /// plus what each receiver may cost beyond them ([`Self::citizen_transfer_weight`]).
    pub fn relay_weight(n: u32) -> Weight {
        T::WeightInfo::relay_payments(n)
            .saturating_add(Self::receiver_beyond_measured().saturating_mul(u64::from(n)))
    }
}
