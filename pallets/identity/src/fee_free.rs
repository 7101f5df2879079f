//! Fee-free transactions for the state and its citizens, bounded by quotas.
//!
//! [`ChargeFeeOrQuota`] takes the place of `pallet_transaction_payment`'s
//! `ChargeTransactionPayment` in the runtime's transaction extensions. A signed transaction from
//! an active officer or an active citizen, without a tip, no heavier than
//! [`Config::MaxFeeFreeWeight`] and no longer than [`Config::MaxFeeFreeLength`] (for officers
//! [`Config::MaxOfficerFeeFreeLength`]), costs no fee and counts against the identity's quota for the
//! period instead. Everything else pays the normal fee. When an identity's quota is used up (or its
//! transaction is too large) it pays like anyone else; if it cannot, the transaction is refused
//! with a precise `InvalidTransaction::Custom` code from
//! [`govchain_primitives::invalid_transaction`], not a bare "cannot pay".

use crate::{features::quota::Allowance, Config, Pallet, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
    dispatch::{DispatchInfo, Pays, PostDispatchInfo},
    traits::Get,
    weights::Weight,
};
use govchain_primitives::invalid_transaction::{FEE_FREE_QUOTA_EXHAUSTED, TOO_LARGE_FOR_FEE_FREE};
use pallet_transaction_payment::{ChargeTransactionPayment, OnChargeTransaction};
use scale_info::TypeInfo;
use sp_runtime::{
    traits::{
        AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, Dispatchable, Implication,
        PostDispatchInfoOf, TransactionExtension, ValidateResult, Zero,
    },
    transaction_validity::{
        InvalidTransaction, TransactionSource, TransactionValidityError, ValidTransaction,
    },
    DispatchResult,
};

use crate::types::FeeFreeIdentity;

/// The fee token's balance type (private in `pallet_transaction_payment`).
type BalanceOf<T> = <<T as pallet_transaction_payment::Config>::OnChargeTransaction as OnChargeTransaction<T>>::Balance;

/// Charges the normal transaction fee, or lets an officer or citizen with quota left transact
/// without one.
///
/// It encodes exactly as `ChargeTransactionPayment` (a compact tip) and keeps its identifier, so
/// wallets that know that extension sign govchain transactions unchanged.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct ChargeFeeOrQuota<T: Config + pallet_transaction_payment::Config>(
    ChargeTransactionPayment<T>,
);

impl<T: Config + pallet_transaction_payment::Config> ChargeFeeOrQuota<T>
where
    T::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
    BalanceOf<T>: Send + Sync,
{
    /// The extension with `tip`; a transaction with a tip always pays, to buy priority.
    pub fn from(tip: BalanceOf<T>) -> Self {
        Self(ChargeTransactionPayment::from(tip))
    }
}

impl<T: Config + pallet_transaction_payment::Config> core::fmt::Debug for ChargeFeeOrQuota<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        write!(f, "ChargeFeeOrQuota({:?})", self.0)
    }
}

/// What `validate` decided, for `prepare`.
pub enum Val<T: Config + pallet_transaction_payment::Config> {
    /// Transact without a fee, counting against this identity's quota.
    FeeFree(FeeFreeIdentity<T::AccountId>),
    /// Pay the fee.
    Charge(pallet_transaction_payment::Val<T>),
}

/// What `prepare` did, for `post_dispatch`.
pub enum Pre<T: Config + pallet_transaction_payment::Config> {
    /// No fee was charged; the fee-charging weight was not spent.
    FeeFree { unspent: Weight },
    /// The fee was charged; it is corrected after dispatch.
    Charge(pallet_transaction_payment::Pre<T>),
}

impl<T: Config + pallet_transaction_payment::Config> TransactionExtension<T::RuntimeCall>
    for ChargeFeeOrQuota<T>
where
    T::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
    BalanceOf<T>: Send + Sync,
    DispatchOriginOf<T::RuntimeCall>: AsSystemOriginSigner<T::AccountId> + Clone,
{
    const IDENTIFIER: &'static str = "ChargeTransactionPayment";
    type Implicit = ();
    type Val = Val<T>;
    type Pre = Pre<T>;

    fn weight(&self, call: &T::RuntimeCall) -> Weight {
        self.0
            .weight(call)
            .saturating_add(<T as Config>::WeightInfo::fee_free_quota())
    }

    fn validate(
        &self,
        origin: DispatchOriginOf<T::RuntimeCall>,
        call: &T::RuntimeCall,
        info: &DispatchInfoOf<T::RuntimeCall>,
        len: usize,
        self_implicit: (),
        inherited_implication: &impl Implication,
        source: TransactionSource,
    ) -> ValidateResult<Self::Val, T::RuntimeCall> {
        // A call that pays no fee anyway (`Pays::No`) spends no quota.
        let allowance = match origin.as_system_origin_signer() {
            Some(who) if self.0.tip().is_zero() && info.pays_fee == Pays::Yes => {
                Pallet::<T>::fee_free_allowance(who)
            }
            _ => Allowance::NotEligible,
        };
        let length = u32::try_from(len).unwrap_or(u32::MAX);
        let max_length = match &allowance {
            Allowance::Available(FeeFreeIdentity::Officer(_)) => T::MaxOfficerFeeFreeLength::get(),
            _ => T::MaxFeeFreeLength::get(),
        };
        let too_large =
            info.total_weight().any_gt(T::MaxFeeFreeWeight::get()) || length > max_length;
        let refusal = match allowance {
            Allowance::Available(identity) if !too_large => {
                let priority = ChargeTransactionPayment::<T>::get_priority(
                    info,
                    len,
                    Zero::zero(),
                    pallet_transaction_payment::Pallet::<T>::compute_fee(
                        length,
                        info,
                        Zero::zero(),
                    ),
                );
                let valid = ValidTransaction {
                    priority,
                    ..Default::default()
                };
                return Ok((valid, Val::FeeFree(identity), origin));
            }
            Allowance::Available(_) => Some(TOO_LARGE_FOR_FEE_FREE),
            Allowance::Exhausted => Some(FEE_FREE_QUOTA_EXHAUSTED),
            Allowance::NotEligible => None,
        };
        match self.0.validate(
            origin,
            call,
            info,
            len,
            self_implicit,
            inherited_implication,
            source,
        ) {
            Ok((valid, val, origin)) => Ok((valid, Val::Charge(val), origin)),
            Err(TransactionValidityError::Invalid(InvalidTransaction::Payment)) => Err(refusal
                .map_or(InvalidTransaction::Payment, InvalidTransaction::Custom)
                .into()),
            Err(error) => Err(error),
        }
    }

    fn prepare(
        self,
        val: Self::Val,
        origin: &DispatchOriginOf<T::RuntimeCall>,
        call: &T::RuntimeCall,
        info: &DispatchInfoOf<T::RuntimeCall>,
        len: usize,
    ) -> Result<Self::Pre, TransactionValidityError> {
        match val {
            Val::FeeFree(identity) => {
                Pallet::<T>::use_quota(&identity);
                Ok(Pre::FeeFree {
                    unspent: self.0.weight(call),
                })
            }
            Val::Charge(val) => self
                .0
                .prepare(val, origin, call, info, len)
                .map(Pre::Charge),
        }
    }

    fn post_dispatch_details(
        pre: Self::Pre,
        info: &DispatchInfoOf<T::RuntimeCall>,
        post_info: &PostDispatchInfoOf<T::RuntimeCall>,
        len: usize,
        result: &DispatchResult,
    ) -> Result<Weight, TransactionValidityError> {
        match pre {
            Pre::FeeFree { unspent } => Ok(unspent),
            Pre::Charge(pre) => ChargeTransactionPayment::<T>::post_dispatch_details(
                pre, info, post_info, len, result,
            ),
        }
    }
}
