//! Fee-free transactions for the state and its citizens, bounded by quotas.
//!
//! [`ChargeFeeOrQuota`] takes the place of `frame_system`'s `CheckNonce` and
//! `pallet_transaction_payment`'s `ChargeTransactionPayment` in the runtime's transaction
//! extensions (it checks the nonce the same way, and needs it to count quota per transaction).
//!
//! A signed transaction goes fee-free only when all of this holds:
//! - every call in it is a registry call ([`RegistryCalls`]; a `utility` batch counts when every
//!   call inside it is one), and the signer may make each: the signer's role or citizenship is
//!   checked here, in the pool, with the reads the call's own origin check makes, so that a
//!   registry call its signer may not make is refused before it reaches a block, whoever pays
//!   (a batch, whose earlier calls may give the signer the right a later one needs, is not
//!   refused for it: it pays instead);
//! - the signer is an active officer or an active citizen with quota left for this transaction:
//!   the quota counts per identity and period, and for officers also per institution, and a
//!   transaction `k` nonces ahead of the account's next one needs `k + 1` slots left, so one
//!   identity never has more fee-free transactions in the pool than its remaining quota;
//! - it carries no tip, is no heavier than [`Config::MaxFeeFreeWeight`] and no longer than
//!   [`Config::MaxFeeFreeLength`] (for officers [`Config::MaxOfficerFeeFreeLength`]);
//! - fee-free transactions in the block so far leave room for it within the block share the
//!   council set ([`FeeFreeBlockShare`]); a transaction that does not fit waits for a later block,
//!   so paid and operational transactions always find room.
//!
//! Everything else pays the normal fee. When an identity cannot go fee-free and cannot pay, the
//! transaction is refused with a precise `InvalidTransaction::Custom` code from
//! [`govchain_primitives::invalid_transaction`], not a bare "cannot pay".

use crate::{
    features::quota::Allowance, Config, FeeFreeBlockLimit, FeeFreeBlockShare, FeeFreeWeight, Pallet,
};
use crate::{types::FeeFreeSlot, WeightInfo};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
    dispatch::{DispatchClass, DispatchInfo, Pays, PostDispatchInfo},
    traits::Get,
    weights::Weight,
};
use frame_system::{CheckNonce, ValidNonceInfo};
use govchain_primitives::{
    identity::CallSigner,
    invalid_transaction::{
        FEE_FREE_QUOTA_EXHAUSTED, NOT_A_FEE_FREE_CALL, SIGNER_NOT_PERMITTED, TOO_LARGE_FOR_FEE_FREE,
    },
};
use pallet_transaction_payment::{ChargeTransactionPayment, OnChargeTransaction};
use scale_info::TypeInfo;
use sp_runtime::{
    traits::{
        AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, Dispatchable, Implication,
        PostDispatchInfoOf, Saturating, TransactionExtension, UniqueSaturatedInto, ValidateResult,
        Zero,
    },
    transaction_validity::{
        InvalidTransaction, TransactionLongevity, TransactionPriority, TransactionSource,
        TransactionValidityError, ValidTransaction,
    },
    DispatchResult,
};

/// The fee token's balance type (private in `pallet_transaction_payment`).
type BalanceOf<T> = <<T as pallet_transaction_payment::Config>::OnChargeTransaction as OnChargeTransaction<T>>::Balance;

/// Added to the pool priority of an officer's fee-free transaction, above any untipped one's
/// (at most the number of transactions that fit a block): the state's own records do not wait
/// behind a flood of citizens' transactions. Both stay within the block's fee-free share.
pub const OFFICER_PRIORITY: TransactionPriority = 1 << 32;

/// The registry calls a transaction's call holds, and who must sign each.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CallSigners {
    /// Who must sign each registry call found, in order.
    pub signers: Vec<CallSigner>,
    /// Whether the call holds registry calls only (and at least one): only then may it go
    /// fee-free.
    pub only_registry: bool,
    /// Whether the calls come from a batch, whose earlier calls may change what the signer may
    /// do by the time a later one runs (a council motion registering the institution the signer
    /// then acts for): such a batch is not refused for a call its signer may not make yet; it
    /// pays instead of going fee-free.
    pub batch: bool,
}

impl CallSigners {
    /// No registry call: the transaction pays.
    pub fn none() -> Self {
        Self {
            signers: Vec::new(),
            only_registry: false,
            batch: false,
        }
    }

    /// One registry call that `signer` may sign.
    pub fn one(signer: CallSigner) -> Self {
        Self {
            signers: alloc::vec![signer],
            only_registry: true,
            batch: false,
        }
    }
}

/// Which of a runtime's calls are registry calls, and who may sign each: the runtime knows its
/// pallets (and its batch calls), each registry pallet says who signs its calls
/// ([`govchain_primitives::identity::RegistryCall`]).
pub trait RegistryCalls<Call> {
    /// The registry calls in `call` and their signers.
    fn signers(call: &Call) -> CallSigners;
}

/// Checks the nonce, then charges the normal transaction fee or lets an officer or citizen with
/// quota left transact without one.
///
/// It encodes exactly as `CheckNonce` followed by `ChargeTransactionPayment` (a compact nonce, a
/// compact tip) and describes itself in the metadata as those two extensions, so wallets that
/// know them sign govchain transactions unchanged.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct ChargeFeeOrQuota<T: Config + pallet_transaction_payment::Config> {
    nonce: CheckNonce<T>,
    fee: ChargeTransactionPayment<T>,
}

impl<T: Config + pallet_transaction_payment::Config> ChargeFeeOrQuota<T>
where
    T::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
    BalanceOf<T>: Send + Sync,
{
    /// The extension of the transaction with `nonce` and `tip`; a transaction with a tip always
    /// pays, to buy priority.
    pub fn new(nonce: T::Nonce, tip: BalanceOf<T>) -> Self {
        Self {
            nonce: CheckNonce::from(nonce),
            fee: ChargeTransactionPayment::from(tip),
        }
    }
}

impl<T: Config + pallet_transaction_payment::Config> core::fmt::Debug for ChargeFeeOrQuota<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        write!(f, "ChargeFeeOrQuota({:?}, {:?})", self.nonce, self.fee)
    }
}

/// What `validate` decided, for `prepare`.
pub enum Val<T: Config + pallet_transaction_payment::Config> {
    /// Transact without a fee, counting against this identity's quota, with this weight in the
    /// block's fee-free share.
    FeeFree {
        slot: FeeFreeSlot<T::AccountId>,
        weight: Weight,
    },
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

impl<T: Config + pallet_transaction_payment::Config> ChargeFeeOrQuota<T>
where
    T::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
    BalanceOf<T>: Send + Sync,
    DispatchOriginOf<T::RuntimeCall>: AsSystemOriginSigner<T::AccountId> + Clone,
{
    /// The fee half of `validate`, once the nonce is known to be valid.
    #[allow(clippy::too_many_arguments)]
    fn validate_fee(
        &self,
        origin: DispatchOriginOf<T::RuntimeCall>,
        call: &T::RuntimeCall,
        info: &DispatchInfoOf<T::RuntimeCall>,
        len: usize,
        inherited_implication: &impl Implication,
        source: TransactionSource,
    ) -> ValidateResult<Val<T>, T::RuntimeCall> {
        let Some(who) = origin.as_system_origin_signer().cloned() else {
            return self
                .fee
                .validate(origin, call, info, len, (), inherited_implication, source)
                .map(|(valid, val, origin)| (valid, Val::Charge(val), origin));
        };
        let calls = T::RegistryCalls::signers(call);
        let permitted = calls
            .signers
            .iter()
            .all(|signer| Pallet::<T>::ensure_may_sign(&who, *signer).is_ok());
        if !permitted && !calls.batch {
            return Err(InvalidTransaction::Custom(SIGNER_NOT_PERMITTED).into());
        }
        let length = u32::try_from(len).unwrap_or(u32::MAX);
        let weight = Pallet::<T>::block_weight_of(info);
        let refusal = if !permitted {
            Some(SIGNER_NOT_PERMITTED)
        } else if !calls.only_registry {
            Pallet::<T>::fee_free_identity(&who).map(|_| NOT_A_FEE_FREE_CALL)
        } else if !self.fee.tip().is_zero() || info.pays_fee == Pays::No {
            // A tip buys priority with a fee; a call that pays nothing anyway spends no quota.
            None
        } else {
            // How many of the account's transactions come before this one in the pool.
            let account_nonce = frame_system::Pallet::<T>::account_nonce(&who);
            let ahead: u32 = self
                .nonce
                .0
                .saturating_sub(account_nonce)
                .unique_saturated_into();
            match Pallet::<T>::fee_free_allowance(&who, ahead) {
                Allowance::Available(slot) => {
                    let max_length = match slot.institution() {
                        Some(_) => T::MaxOfficerFeeFreeLength::get(),
                        None => T::MaxFeeFreeLength::get(),
                    };
                    let fits = !info.total_weight().any_gt(T::MaxFeeFreeWeight::get())
                        && !weight.any_gt(Pallet::<T>::fee_free_block_limit())
                        && length <= max_length;
                    if fits {
                        let officer_first = match slot.institution() {
                            Some(_) => OFFICER_PRIORITY,
                            None => 0,
                        };
                        let priority = ChargeTransactionPayment::<T>::get_priority(
                            info,
                            len,
                            Zero::zero(),
                            pallet_transaction_payment::Pallet::<T>::compute_fee(
                                length,
                                info,
                                Zero::zero(),
                            ),
                        )
                        .saturating_add(officer_first);
                        let valid = ValidTransaction {
                            priority,
                            ..Default::default()
                        };
                        return Ok((valid, Val::FeeFree { slot, weight }, origin));
                    }
                    Some(TOO_LARGE_FOR_FEE_FREE)
                }
                Allowance::Exhausted => Some(FEE_FREE_QUOTA_EXHAUSTED),
                Allowance::NotEligible => None,
            }
        };
        match self
            .fee
            .validate(origin, call, info, len, (), inherited_implication, source)
        {
            Ok((valid, val, origin)) => Ok((valid, Val::Charge(val), origin)),
            Err(TransactionValidityError::Invalid(InvalidTransaction::Payment)) => Err(refusal
                .map_or(InvalidTransaction::Payment, InvalidTransaction::Custom)
                .into()),
            Err(error) => Err(error),
        }
    }
}

impl<T: Config + pallet_transaction_payment::Config> TransactionExtension<T::RuntimeCall>
    for ChargeFeeOrQuota<T>
where
    T::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
    BalanceOf<T>: Send + Sync,
    DispatchOriginOf<T::RuntimeCall>: AsSystemOriginSigner<T::AccountId> + Clone,
{
    // `metadata` names the two extensions this one stands for; the identifier is not used.
    const IDENTIFIER: &'static str = "ChargeFeeOrQuota";
    type Implicit = ();
    /// The signer whose nonce is checked (none for an unsigned origin), and the fee decision.
    type Val = (Option<T::AccountId>, Val<T>);
    /// The nonce check's weight to refund (an unsigned origin's), and the fee.
    type Pre = (Weight, Pre<T>);

    fn metadata() -> Vec<sp_runtime::traits::TransactionExtensionMetadata> {
        let mut metadata = <CheckNonce<T> as TransactionExtension<T::RuntimeCall>>::metadata();
        metadata.extend(<ChargeTransactionPayment<T> as TransactionExtension<
            T::RuntimeCall,
        >>::metadata());
        metadata
    }

    fn weight(&self, call: &T::RuntimeCall) -> Weight {
        self.nonce
            .weight(call)
            .saturating_add(self.fee.weight(call))
            .saturating_add(<T as Config>::WeightInfo::fee_free_quota())
    }

    fn validate(
        &self,
        origin: DispatchOriginOf<T::RuntimeCall>,
        call: &T::RuntimeCall,
        info: &DispatchInfoOf<T::RuntimeCall>,
        len: usize,
        _self_implicit: (),
        inherited_implication: &impl Implication,
        source: TransactionSource,
    ) -> ValidateResult<Self::Val, T::RuntimeCall> {
        // The nonce as `CheckNonce` checks it.
        let signer = origin.as_system_origin_signer().cloned();
        let nonce_valid = match &signer {
            Some(who) => {
                let ValidNonceInfo { provides, requires } =
                    CheckNonce::<T>::validate_nonce_for_account(who, self.nonce.0)?;
                ValidTransaction {
                    priority: 0,
                    requires,
                    provides,
                    longevity: TransactionLongevity::MAX,
                    propagate: true,
                }
            }
            None => ValidTransaction::default(),
        };
        let (fee_valid, fee_val, origin) =
            self.validate_fee(origin, call, info, len, inherited_implication, source)?;
        Ok((
            nonce_valid.combine_with(fee_valid),
            (signer, fee_val),
            origin,
        ))
    }

    fn prepare(
        self,
        val: Self::Val,
        origin: &DispatchOriginOf<T::RuntimeCall>,
        call: &T::RuntimeCall,
        info: &DispatchInfoOf<T::RuntimeCall>,
        len: usize,
    ) -> Result<Self::Pre, TransactionValidityError> {
        let (signer, fee_val) = val;
        let nonce_refund = match signer {
            Some(who) => {
                CheckNonce::<T>::prepare_nonce_for_account(&who, self.nonce.0)?;
                Weight::zero()
            }
            None => self.nonce.weight(call),
        };
        let fee_pre = match fee_val {
            Val::FeeFree { slot, weight } => {
                // A transaction that does not fit the block's fee-free share waits for the next.
                Pallet::<T>::take_fee_free_weight(weight)?;
                Pallet::<T>::use_quota(&slot);
                // A citizen's check costs less than the officer's `weight` charged, unless its
                // account is flagged an officer's too (then the appointment was read as well).
                let cheaper = match slot {
                    FeeFreeSlot::Citizen {
                        officer_checked: false,
                        ..
                    } => <T as Config>::WeightInfo::fee_free_quota()
                        .saturating_sub(<T as Config>::WeightInfo::fee_free_quota_citizen()),
                    FeeFreeSlot::Citizen { .. } | FeeFreeSlot::Officer { .. } => Weight::zero(),
                };
                Pre::FeeFree {
                    unspent: self.fee.weight(call).saturating_add(cheaper),
                }
            }
            Val::Charge(val) => Pre::Charge(self.fee.prepare(val, origin, call, info, len)?),
        };
        Ok((nonce_refund, fee_pre))
    }

    fn post_dispatch_details(
        pre: Self::Pre,
        info: &DispatchInfoOf<T::RuntimeCall>,
        post_info: &PostDispatchInfoOf<T::RuntimeCall>,
        len: usize,
        result: &DispatchResult,
    ) -> Result<Weight, TransactionValidityError> {
        let (nonce_unspent, fee_pre) = pre;
        let fee_unspent = match fee_pre {
            Pre::FeeFree { unspent } => {
                // The block's fee-free share is charged with what the call really used.
                Pallet::<T>::return_fee_free_weight(post_info.calc_unspent(info));
                unspent
            }
            Pre::Charge(pre) => ChargeTransactionPayment::<T>::post_dispatch_details(
                pre, info, post_info, len, result,
            )?,
        };
        Ok(nonce_unspent.saturating_add(fee_unspent))
    }
}

impl<T: Config> Pallet<T> {
    /// The weight `info` takes in a block: the transaction's own and the base of its class.
    pub(crate) fn block_weight_of(info: &DispatchInfo) -> Weight {
        let base = T::BlockWeights::get().get(info.class).base_extrinsic;
        info.total_weight().saturating_add(base)
    }

    /// The most weight fee-free transactions may take in one block: the council's share of what
    /// the normal class may take ([`FeeFreeBlockLimit`], worked out when the block before ended,
    /// or now).
    pub fn fee_free_block_limit() -> Weight {
        FeeFreeBlockLimit::<T>::get().unwrap_or_else(Self::fee_free_block_limit_from_share)
    }

    /// [`Self::fee_free_block_limit`], from [`FeeFreeBlockShare`].
    pub(crate) fn fee_free_block_limit_from_share() -> Weight {
        let weights = T::BlockWeights::get();
        let normal = weights
            .get(DispatchClass::Normal)
            .max_total
            .unwrap_or(weights.max_block);
        let share = FeeFreeBlockShare::<T>::get();
        Weight::from_parts(
            share.mul_floor(normal.ref_time()),
            share.mul_floor(normal.proof_size()),
        )
    }

    /// Counts `weight` into the block's fee-free weight, or refuses (for now: a later block will
    /// have room) when it would exceed the block's fee-free limit.
    pub(crate) fn take_fee_free_weight(weight: Weight) -> Result<(), TransactionValidityError> {
        let total = FeeFreeWeight::<T>::get().saturating_add(weight);
        if total.any_gt(Self::fee_free_block_limit()) {
            return Err(InvalidTransaction::ExhaustsResources.into());
        }
        FeeFreeWeight::<T>::put(total);
        Ok(())
    }

    /// Gives back fee-free weight a transaction reserved but did not use.
    fn return_fee_free_weight(unused: Weight) {
        if !unused.is_zero() {
            FeeFreeWeight::<T>::mutate(|total| *total = total.saturating_sub(unused));
        }
    }
}
