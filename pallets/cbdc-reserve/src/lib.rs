//! # CBDC reserve
//!
//! The national digital currency and the reserve that backs it.
//!
//! - **Reserve ledger**: the `CentralBank` records reserve assets (gold, foreign currency,
//!   crypto, other) with their quantity, their valuation in the currency and its own report;
//!   revaluations and removals are events. A valuation counts towards coverage only once an
//!   independent `Auditor` (never the central bank) attests it, naming its report; an attested
//!   write-down counts even when it leaves supply under-covered, and the deficit is public.
//!   Attested reserve value, supply, coverage and deficit are public at every block.
//! - **Two-tier issuance**: the central bank mints to a `CommercialBank` within the bank's
//!   quota, never beyond `attested reserve value × MaxCoverage`, and never while any valuation
//!   waits for the auditor; banks redeem (burn) what they return.
//! - **Holdings by identity**: balances belong to a citizen or an institution
//!   ([`Party`](govchain_primitives::identity::Party)), never to a bare account, so nobody
//!   without a verified identity holds the currency and a citizen who moves to a new key keeps
//!   their money. Banks credit citizens and institutions; holders pay each other.
//! - **KYC limits**: per tier a balance cap and a daily outflow limit, and limits of their own
//!   for institutions; banks are bound by their quotas instead.
//! - **Court freezes**: a frozen holder neither sends nor receives; nothing is taken.
//! - **Settlement**: the pallet implements
//!   [`Payments`](govchain_primitives::payments::Payments), so registries (land titles) settle
//!   a deal and its price in one extrinsic.
//!
//! Roles and identities come through
//! [`IdentityProvider`](govchain_primitives::identity::IdentityProvider); the pallet depends on
//! no other pallet's crate.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::arithmetic_side_effects
    )
)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
mod invariants;
pub mod migrations;
pub mod queries;
mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

// FRAME's macro expansions call `expect` on values they know statically (pallet indices,
// storage prefixes); the lint stays on for this crate's own code.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
    use super::*;
    use frame_support::pallet_prelude::*;
    use frame_system::pallet_prelude::*;
    use govchain_primitives::{
        dual_control::{ActionClass, DualControl},
        identity::{CitizenId, IdentityProvider, InstitutionId, KycTier, Party, Role},
    };
    use sp_core::H256;
    use sp_runtime::traits::{
        AtLeast32BitUnsigned, IdentifyAccount, MaybeSerializeDeserialize, Verify,
    };

    /// The in-code storage version.
    const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

    #[pallet::pallet]
    #[pallet::storage_version(STORAGE_VERSION)]
    pub struct Pallet<T>(_);

    /// A holder's record as this runtime stores it.
    pub type HolderOf<T> = Holder<<T as Config>::Balance, BlockNumberFor<T>>;

    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// Who acts for which institution and citizen, with which roles and KYC tier.
        type Identity: IdentityProvider<Self::AccountId>;

        /// Dual control of the sensitive acts: reserve records, bank quotas, minting and court
        /// orders wait for as many officers of the institution as the council requires.
        type DualControl: DualControl<Self::AccountId, OriginFor<Self>, Call<Self>>;

        /// The signature on a payment order a citizen signs for its bank to relay: the chain's
        /// transaction signature.
        type RelaySignature: Verify<Signer = Self::RelaySigner> + Parameter;

        /// The key behind a relayed order's signature, which names the citizen's account.
        type RelaySigner: IdentifyAccount<AccountId = Self::AccountId>;

        /// The most payment orders one relayed batch holds.
        #[pallet::constant]
        type MaxRelayedPayments: Get<u32>;

        /// Makes signers and signatures of relayed orders for the benchmarks.
        #[cfg(feature = "runtime-benchmarks")]
        type RelayHelper: govchain_primitives::relay::RelayBenchmarkHelper<
            Self::RelaySigner,
            Self::RelaySignature,
        >;

        /// An amount of the currency, in its smallest unit.
        type Balance: Parameter
            + MaxEncodedLen
            + Copy
            + Default
            + AtLeast32BitUnsigned
            + MaybeSerializeDeserialize
            + From<u64>
            + Into<u128>;

        /// Who sets KYC limits and the coverage ratio: the council.
        type LimitsOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// Who thaws a holder whose freezing court no longer holds the `Court` role: the
        /// council (two thirds).
        type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// The highest coverage limit `LimitsOrigin` may set, in percent of the reserve value;
        /// issuing further beyond the reserve takes a runtime upgrade.
        #[pallet::constant]
        type MaxCoverageCeiling: Get<u32>;

        /// The length of an outflow period, in blocks: a day.
        #[pallet::constant]
        type OutflowPeriod: Get<BlockNumberFor<Self>>;

        /// The most reserve assets recorded at once.
        #[pallet::constant]
        type MaxReserveAssets: Get<u32>;

        /// Weights of this pallet's calls, from benchmarks.
        type WeightInfo: WeightInfo;
    }

    /// The reserve assets, by number.
    #[pallet::storage]
    pub type ReserveAssets<T: Config> =
        StorageMap<_, Twox64Concat, AssetId, ReserveAsset<T::Balance>>;

    /// The number the next reserve asset gets.
    #[pallet::storage]
    pub type NextAssetId<T> = StorageValue<_, AssetId, ValueQuery>;

    /// How many reserve assets are recorded.
    #[pallet::storage]
    pub type ReserveAssetCount<T> = StorageValue<_, u32, ValueQuery>;

    /// What counts towards coverage: the sum of the reserve assets' attested valuations
    /// (`ReserveAsset::counted`).
    #[pallet::storage]
    pub type ReserveValue<T: Config> = StorageValue<_, T::Balance, ValueQuery>;

    /// How many reserve assets' latest valuations no auditor has attested; minting waits for 0.
    #[pallet::storage]
    pub type UnattestedAssets<T> = StorageValue<_, u32, ValueQuery>;

    /// The currency in circulation: the sum of all balances.
    #[pallet::storage]
    pub type TotalSupply<T: Config> = StorageValue<_, T::Balance, ValueQuery>;

    /// The most supply may be, in percent of the reserve value (100: fully backed).
    #[pallet::storage]
    pub type MaxCoveragePercent<T> = StorageValue<_, u32, ValueQuery>;

    /// Holders: each one's balance, outflow of its latest period and freeze, in one record;
    /// a holder with none of these has no entry.
    #[pallet::storage]
    pub type Holders<T: Config> = StorageMap<_, Blake2_128Concat, Party, HolderOf<T>, ValueQuery>;

    /// Commercial banks' issuance quotas.
    #[pallet::storage]
    pub type BankQuotas<T: Config> =
        StorageMap<_, Twox64Concat, InstitutionId, BankQuota<T::Balance>>;

    /// Citizens' limits, by KYC tier.
    #[pallet::storage]
    pub type TierLimits<T: Config> =
        StorageMap<_, Twox64Concat, KycTier, Limits<T::Balance>, ValueQuery>;

    /// The limits of institutions without limits of their own.
    #[pallet::storage]
    pub type DefaultInstitutionLimits<T: Config> = StorageValue<_, Limits<T::Balance>, ValueQuery>;

    /// Institutions' own limits.
    #[pallet::storage]
    pub type InstitutionLimits<T: Config> =
        StorageMap<_, Twox64Concat, InstitutionId, Limits<T::Balance>>;

    /// How much each officer of an institution may pay from it per outflow period, unless the
    /// council set the institution its own figure ([`OfficerDailyOutflowOf`]); `None`: no
    /// limit.
    #[pallet::storage]
    pub type DefaultOfficerDailyOutflow<T: Config> = StorageValue<_, T::Balance>;

    /// Institutions' own per-officer daily outflow limits.
    #[pallet::storage]
    pub type OfficerDailyOutflowOf<T: Config> =
        StorageMap<_, Twox64Concat, InstitutionId, T::Balance>;

    /// What each officer paid from its institution in its latest outflow period.
    #[pallet::storage]
    pub type OfficerOutflows<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, Outflow<T::Balance>, ValueQuery>;

    /// A transfer from an institution above this amount needs its officers' approval (dual
    /// control, `LargeTransfer`); `None`: no transfer does.
    #[pallet::storage]
    pub type LargeTransferThreshold<T: Config> = StorageValue<_, T::Balance>;

    #[pallet::genesis_config]
    #[derive(frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// Balance cap and daily outflow of citizens of the `Basic`, `Standard` and `Enhanced`
        /// tiers.
        pub tier_limits: [(T::Balance, T::Balance); 3],
        /// Balance cap and daily outflow of institutions without limits of their own.
        pub institution_limits: (T::Balance, T::Balance),
        /// The most supply may be, in percent of the reserve value.
        pub max_coverage_percent: u32,
        /// How much each officer may pay from its institution per day (`None`: no limit).
        pub officer_daily_outflow: Option<T::Balance>,
        /// Transfers from an institution above this amount need dual control (`None`: none).
        pub large_transfer_threshold: Option<T::Balance>,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            let tiers = [KycTier::Basic, KycTier::Standard, KycTier::Enhanced];
            for (tier, (balance_cap, daily_outflow)) in tiers.into_iter().zip(self.tier_limits) {
                TierLimits::<T>::insert(
                    tier,
                    Limits {
                        balance_cap,
                        daily_outflow,
                    },
                );
            }
            let (balance_cap, daily_outflow) = self.institution_limits;
            DefaultInstitutionLimits::<T>::put(Limits {
                balance_cap,
                daily_outflow,
            });
            MaxCoveragePercent::<T>::put(self.max_coverage_percent);
            DefaultOfficerDailyOutflow::<T>::set(self.officer_daily_outflow);
            LargeTransferThreshold::<T>::set(self.large_transfer_threshold);
        }
    }

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// The central bank recorded a reserve asset.
        ReserveAssetRecorded {
            asset: AssetId,
            class: AssetClass,
            code: AssetCode,
            quantity: u128,
            valuation: T::Balance,
            attestation: Attestation,
        },
        /// The central bank revalued a reserve asset (or recorded a new quantity).
        ReserveAssetRevalued {
            asset: AssetId,
            quantity: u128,
            valuation: T::Balance,
            attestation: Attestation,
        },
        /// The central bank removed a reserve asset.
        ReserveAssetRemoved { asset: AssetId },
        /// An auditor attested a reserve asset's valuation, which now counts towards coverage;
        /// `coverage_deficit` is how far supply then exceeds the coverage limit (zero when
        /// covered).
        ValuationAttested {
            asset: AssetId,
            auditor: InstitutionId,
            valuation: T::Balance,
            report: Attestation,
            coverage_deficit: T::Balance,
        },
        /// The central bank set a commercial bank's issuance quota.
        BankQuotaSet {
            bank: InstitutionId,
            limit: T::Balance,
        },
        /// The central bank minted currency to a commercial bank.
        Minted {
            bank: InstitutionId,
            amount: T::Balance,
        },
        /// A commercial bank redeemed (burned) currency.
        Redeemed {
            bank: InstitutionId,
            amount: T::Balance,
        },
        /// Currency moved between holders.
        Transferred {
            from: Party,
            to: Party,
            amount: T::Balance,
        },
        /// A court froze a holder.
        HolderFrozen {
            holder: Party,
            court: InstitutionId,
            case: H256,
        },
        /// The court that froze a holder thawed it.
        HolderThawed { holder: Party, court: InstitutionId },
        /// `amount` of deceased citizen `from`'s money passed to `heir` by the court's order
        /// `case`.
        Inherited {
            from: CitizenId,
            heir: Party,
            amount: T::Balance,
            case: H256,
        },
        /// The council thawed a holder whose freezing court no longer holds the `Court` role,
        /// under its own case reference.
        HolderThawedByCouncil {
            holder: Party,
            court: InstitutionId,
            case: H256,
        },
        /// The council set a KYC tier's limits.
        TierLimitsSet {
            tier: KycTier,
            limits: Limits<T::Balance>,
        },
        /// The council set an institution's own limits, or (`None`) returned it to the default.
        InstitutionLimitsSet {
            institution: InstitutionId,
            limits: Option<Limits<T::Balance>>,
        },
        /// The council set the coverage limit.
        MaxCoverageSet { percent: u32 },
        /// The council set how much each officer of `institution` (`None`: of every institution
        /// without its own figure) may pay from it per day (`None`: no limit, or the default).
        OfficerOutflowLimitSet {
            institution: Option<InstitutionId>,
            limit: Option<T::Balance>,
        },
        /// Transfers from an institution above `threshold` now need dual control (`None`: none).
        LargeTransferThresholdSet { threshold: Option<T::Balance> },
        /// A relayed payment order was refused before it did anything: its position in the
        /// batch, the account that signed it, and why. Its number was not used: a corrected
        /// order may come with it.
        RelayedPaymentRefused {
            position: u32,
            payer: T::AccountId,
            error: DispatchError,
        },
        /// A relayed payment order was accepted (its number used, the citizen's quota counted,
        /// as for a transaction of its own) but the payment failed, changing nothing else: its
        /// position, its signer and why.
        RelayedPaymentFailed {
            position: u32,
            payer: T::AccountId,
            error: DispatchError,
        },
        /// A commercial bank relayed a batch of payment orders: `paid` were paid (each with its
        /// `Transferred`), `failed` failed and `refused` were refused.
        PaymentsRelayed {
            bank: InstitutionId,
            paid: u32,
            failed: u32,
            refused: u32,
        },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// An amount must be more than zero.
        ZeroAmount,
        /// An amount or a total does not fit its type.
        Overflow,
        /// An asset code is 1 to 12 capital ASCII letters and digits.
        InvalidAssetCode,
        /// No reserve asset has this number.
        UnknownAsset,
        /// `MaxReserveAssets` assets are recorded already.
        TooManyAssets,
        /// Supply would exceed the reserve value times the coverage limit.
        CoverageExceeded,
        /// A coverage limit may be at most `MaxCoverageCeiling` percent.
        CoverageAboveCeiling,
        /// The institution does not hold the `CommercialBank` role, or also holds
        /// `CentralBank`: the central bank never issues to itself.
        NotABank,
        /// The mint would take the bank's outstanding issuance above its quota.
        QuotaExceeded,
        /// The holder has less than the amount.
        InsufficientBalance,
        /// The caller does not act for the sender.
        NotHolder,
        /// Sender and receiver are the same.
        SelfTransfer,
        /// The sender is not an active citizen or institution.
        UnverifiedSender,
        /// The receiver is not an active citizen or institution: it may not hold the currency.
        UnverifiedReceiver,
        /// A court froze the sender.
        SenderFrozen,
        /// A court froze the receiver.
        ReceiverFrozen,
        /// The payment would take the receiver above its balance cap.
        BalanceCapExceeded,
        /// The payment would take the sender above its daily outflow limit.
        DailyLimitExceeded,
        /// A court froze the holder already.
        AlreadyFrozen,
        /// The holder is not frozen.
        NotFrozen,
        /// Another court froze the holder.
        NotFreezingCourt,
        /// A reserve valuation waits for an auditor's attestation: nothing is minted until then.
        UnattestedValuation,
        /// The asset's recorded quantity or valuation is not the one attested (the central bank
        /// revalued it meanwhile).
        ValuationMismatch,
        /// An auditor attested this valuation already.
        AlreadyAttested,
        /// The freezing court still holds the `Court` role: it thaws its own freeze.
        CourtStillServing,
        /// The payment would take the officer above its daily limit for paying from its
        /// institution (a larger one needs the institution's dual control).
        OfficerDailyLimitExceeded,
        /// A relayed batch holds no payment order.
        NothingToRelay,
        /// A relayed order's nonce is below its account's: it was paid already (replayed), or
        /// the account transacted since.
        StaleNonce,
        /// A relayed order's nonce is above its account's: one signed before it is missing.
        FutureNonce,
        /// A relayed order's signature is not its account's over this order for this chain.
        BadRelaySignature,
        /// A relayed order's last block has passed.
        OrderExpired,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        #[cfg(feature = "try-runtime")]
        fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }

        fn integrity_test() {
            assert!(
                !T::OutflowPeriod::get().is_zero(),
                "an outflow period lasts at least a block"
            );
            assert!(
                T::MaxCoverageCeiling::get() >= 1,
                "some issuance must be possible"
            );
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Records a reserve asset with its valuation and the central bank's report. It counts
        /// towards coverage once an auditor attests it (`attest_valuation`); minting waits.
        ///
        /// Origin: a `CentralBank` officer, or its institution's approved `ReserveRecord`
        /// action (under dual control the call is checked, then waits for approvals:
        /// `ActionProposed`). Emits `ReserveAssetRecorded`.
        /// Errors: the officer's (`RoleNotHeld`, `OfficerExpired`, ...), `ZeroAmount` (no
        /// valuation), `InvalidAssetCode`, `TooManyAssets`, `Overflow`.
        /// Weight: O(1).
        #[pallet::call_index(0)]
        #[pallet::weight(T::WeightInfo::record_reserve_asset().saturating_add(Pallet::<T>::proposal_weight()))]
        pub fn record_reserve_asset(
            origin: OriginFor<T>,
            class: AssetClass,
            code: AssetCode,
            quantity: u128,
            valuation: T::Balance,
            attestation: Attestation,
        ) -> DispatchResult {
            let call = Call::<T>::record_reserve_asset {
                class,
                code: code.clone(),
                quantity,
                valuation,
                attestation,
            };
            Self::act(
                origin,
                Role::CentralBank,
                ActionClass::ReserveRecord,
                call,
                |_| Self::do_record_reserve_asset(class, code, quantity, valuation, attestation),
            )
        }

        /// Records a reserve asset's new quantity and valuation (zero: written off) with the
        /// report they rest on. The asset's last attested valuation keeps counting towards
        /// coverage until an auditor attests the new one; minting waits for that.
        ///
        /// Origin: a `CentralBank` officer, or its institution's approved `ReserveRecord`
        /// action (under dual control the call is checked, then waits for approvals:
        /// `ActionProposed`). Emits `ReserveAssetRevalued`.
        /// Errors: the officer's, `UnknownAsset`.
        /// Weight: O(1).
        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::revalue_reserve_asset().saturating_add(Pallet::<T>::proposal_weight()))]
        pub fn revalue_reserve_asset(
            origin: OriginFor<T>,
            asset: AssetId,
            quantity: u128,
            valuation: T::Balance,
            attestation: Attestation,
        ) -> DispatchResult {
            let call = Call::<T>::revalue_reserve_asset {
                asset,
                quantity,
                valuation,
                attestation,
            };
            Self::act(
                origin,
                Role::CentralBank,
                ActionClass::ReserveRecord,
                call,
                |_| Self::do_revalue_reserve_asset(asset, quantity, valuation, attestation),
            )
        }

        /// Removes a reserve asset (sold, or written off and attested at zero); unless it counts
        /// nothing towards coverage, the rest must still cover supply.
        ///
        /// Origin: a `CentralBank` officer, or its institution's approved `ReserveRecord`
        /// action (under dual control the call is checked, then waits for approvals:
        /// `ActionProposed`). Emits `ReserveAssetRemoved`.
        /// Errors: the officer's, `UnknownAsset`, `CoverageExceeded`.
        /// Weight: O(1).
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::remove_reserve_asset().saturating_add(Pallet::<T>::proposal_weight()))]
        pub fn remove_reserve_asset(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
            let call = Call::<T>::remove_reserve_asset { asset };
            Self::act(
                origin,
                Role::CentralBank,
                ActionClass::ReserveRecord,
                call,
                |_| Self::do_remove_reserve_asset(asset),
            )
        }

        /// Sets a commercial bank's issuance quota; below its outstanding issuance it only
        /// stops further mints.
        ///
        /// Origin: a `CentralBank` officer, or its institution's approved `BankQuota`
        /// action (under dual control the call is checked, then waits for approvals:
        /// `ActionProposed`). Emits `BankQuotaSet`.
        /// Errors: the officer's, `NotABank`.
        /// Weight: O(1).
        #[pallet::call_index(3)]
        #[pallet::weight(T::WeightInfo::set_bank_quota().saturating_add(Pallet::<T>::proposal_weight()))]
        pub fn set_bank_quota(
            origin: OriginFor<T>,
            bank: InstitutionId,
            limit: T::Balance,
        ) -> DispatchResult {
            let call = Call::<T>::set_bank_quota { bank, limit };
            Self::act(
                origin,
                Role::CentralBank,
                ActionClass::BankQuota,
                call,
                |_| Self::do_set_bank_quota(bank, limit),
            )
        }

        /// Mints `amount` to a commercial bank, within its quota and the coverage limit.
        ///
        /// Origin: a `CentralBank` officer, or its institution's approved `Minting`
        /// action (under dual control the call is checked, then waits for approvals:
        /// `ActionProposed`). Emits `Minted`.
        /// Errors: the officer's, `ZeroAmount`, `UnattestedValuation`, `NotABank`,
        /// `ReceiverFrozen`, `QuotaExceeded`, `CoverageExceeded`, `Overflow`.
        /// Weight: O(1).
        #[pallet::call_index(4)]
        #[pallet::weight(T::WeightInfo::mint().saturating_add(Pallet::<T>::proposal_weight()))]
        pub fn mint(
            origin: OriginFor<T>,
            bank: InstitutionId,
            amount: T::Balance,
        ) -> DispatchResult {
            let call = Call::<T>::mint { bank, amount };
            Self::act(
                origin,
                Role::CentralBank,
                ActionClass::Minting,
                call,
                |_| Self::do_mint(bank, amount),
            )
        }

        /// Redeems (burns) `amount` of the caller's bank's holding.
        ///
        /// Origin: a `CommercialBank` officer. Emits `Redeemed`.
        /// Errors: the officer's, `ZeroAmount`, `SenderFrozen`, `InsufficientBalance`.
        /// Weight: O(1).
        #[pallet::call_index(5)]
        #[pallet::weight(T::WeightInfo::redeem())]
        pub fn redeem(origin: OriginFor<T>, amount: T::Balance) -> DispatchResult {
            let bank = Self::ensure_officer(origin, Role::CommercialBank)?;
            Self::do_redeem(bank, amount)
        }

        /// Pays `amount` from `from` to `to`: a bank crediting a citizen, a citizen paying a
        /// shop or another citizen, an institution paying anyone.
        ///
        /// From an institution, each officer pays within the council's daily limit per officer;
        /// an amount above the council's large-transfer amount needs dual control
        /// (`LargeTransfer`: checked, then kept for the institution's officers to approve,
        /// `ActionProposed`), and once approved is the institution's act.
        ///
        /// Origin: an account acting for `from` (the citizen's account, or an officer of the
        /// institution), or the institution's approved `LargeTransfer` action. Emits
        /// `Transferred`, or `ActionProposed`.
        /// Errors: `ZeroAmount`, `SelfTransfer`, `NotHolder`, `UnverifiedSender`,
        /// `UnverifiedReceiver`, `SenderFrozen`, `ReceiverFrozen`, `InsufficientBalance`,
        /// `BalanceCapExceeded`, `DailyLimitExceeded`, `OfficerDailyLimitExceeded`, `Overflow`,
        /// and for a large transfer the officer's (`NotOfficer`, ...).
        /// Weight: O(1).
        #[pallet::call_index(6)]
        #[pallet::weight(match from {
            Party::Institution(_) => T::WeightInfo::transfer()
                .saturating_add(Pallet::<T>::institution_transfer_weight()),
            Party::Citizen(_) => Pallet::<T>::citizen_transfer_weight(),
        })]
        pub fn transfer(
            origin: OriginFor<T>,
            from: Party,
            to: Party,
            amount: T::Balance,
        ) -> DispatchResult {
            match from {
                Party::Institution(institution) => {
                    Self::transfer_from_institution(origin, institution, to, amount)
                }
                Party::Citizen(_) => {
                    let who = ensure_signed(origin)?;
                    // The signer's account record says who it is and its tier, in one read.
                    let (citizen, tier) = T::Identity::citizen_profile(&who)
                        .filter(|(citizen, _)| Party::Citizen(*citizen) == from)
                        .ok_or(Error::<T>::NotHolder)?;
                    let limits = TierLimits::<T>::get(tier);
                    Self::transfer_verified(&Party::Citizen(citizen), Some(limits), &to, amount)
                }
            }
        }

        /// Freezes a holder under a case reference: it neither sends nor receives until the
        /// same court thaws it.
        ///
        /// Origin: a `Court` officer, or its court's approved `CourtOrder` action (under dual
        /// control the call is checked, then waits for approvals: `ActionProposed`). Emits `HolderFrozen`.
        /// Errors: the officer's, `AlreadyFrozen`.
        /// Weight: O(1).
        #[pallet::call_index(7)]
        #[pallet::weight(T::WeightInfo::freeze().saturating_add(Pallet::<T>::proposal_weight()))]
        pub fn freeze(origin: OriginFor<T>, holder: Party, case: H256) -> DispatchResult {
            let call = Call::<T>::freeze { holder, case };
            Self::act(
                origin,
                Role::Court,
                ActionClass::CourtOrder,
                call,
                |court| Self::do_freeze(court, holder, case),
            )
        }

        /// Thaws a holder the caller's court froze.
        ///
        /// Origin: a `Court` officer of the freezing court, or its approved `CourtOrder` action
        /// (under dual control the call is checked, then waits for approvals: `ActionProposed`). Emits `HolderThawed`.
        /// Errors: the officer's, `NotFrozen`, `NotFreezingCourt`.
        /// Weight: O(1).
        #[pallet::call_index(8)]
        #[pallet::weight(T::WeightInfo::thaw().saturating_add(Pallet::<T>::proposal_weight()))]
        pub fn thaw(origin: OriginFor<T>, holder: Party) -> DispatchResult {
            let call = Call::<T>::thaw { holder };
            Self::act(
                origin,
                Role::Court,
                ActionClass::CourtOrder,
                call,
                |court| Self::do_thaw(court, holder),
            )
        }

        /// Sets a KYC tier's balance cap and daily outflow limit. Holders above a lowered cap
        /// keep what they hold but receive nothing more.
        ///
        /// Origin: `LimitsOrigin` (the council). Emits `TierLimitsSet`.
        /// Errors: `BadOrigin`.
        /// Weight: O(1).
        #[pallet::call_index(9)]
        #[pallet::weight(T::WeightInfo::set_tier_limits())]
        pub fn set_tier_limits(
            origin: OriginFor<T>,
            tier: KycTier,
            limits: Limits<T::Balance>,
        ) -> DispatchResult {
            T::LimitsOrigin::ensure_origin(origin)?;
            TierLimits::<T>::insert(tier, limits);
            Self::deposit_event(Event::TierLimitsSet { tier, limits });
            Ok(())
        }

        /// Gives an institution limits of its own, or (`None`) returns it to the default.
        ///
        /// Origin: `LimitsOrigin` (the council). Emits `InstitutionLimitsSet`.
        /// Errors: `BadOrigin`.
        /// Weight: O(1).
        #[pallet::call_index(10)]
        #[pallet::weight(T::WeightInfo::set_institution_limits())]
        pub fn set_institution_limits(
            origin: OriginFor<T>,
            institution: InstitutionId,
            limits: Option<Limits<T::Balance>>,
        ) -> DispatchResult {
            T::LimitsOrigin::ensure_origin(origin)?;
            InstitutionLimits::<T>::set(institution, limits);
            Self::deposit_event(Event::InstitutionLimitsSet {
                institution,
                limits,
            });
            Ok(())
        }

        /// Sets the coverage limit: supply may be at most `percent` % of the reserve value. A
        /// limit the current supply exceeds is refused.
        ///
        /// Origin: `LimitsOrigin` (the council). Emits `MaxCoverageSet`.
        /// Errors: `BadOrigin`, `CoverageAboveCeiling`, `CoverageExceeded`.
        /// Weight: O(1).
        #[pallet::call_index(11)]
        #[pallet::weight(T::WeightInfo::set_max_coverage())]
        pub fn set_max_coverage(origin: OriginFor<T>, percent: u32) -> DispatchResult {
            T::LimitsOrigin::ensure_origin(origin)?;
            ensure!(
                percent <= T::MaxCoverageCeiling::get(),
                Error::<T>::CoverageAboveCeiling
            );
            Self::ensure_covered(TotalSupply::<T>::get(), ReserveValue::<T>::get(), percent)?;
            MaxCoveragePercent::<T>::put(percent);
            Self::deposit_event(Event::MaxCoverageSet { percent });
            Ok(())
        }

        /// Attests a reserve asset's recorded quantity and valuation under the auditor's
        /// report: the valuation counts towards coverage from now on. The auditor names the
        /// quantity and valuation it checked, so a revaluation made meanwhile is never attested
        /// unseen. A write-down is recorded even when it leaves supply above the coverage
        /// limit: minting stops and `coverage_deficit` (event and runtime API) shows the gap
        /// until redemptions or new reserve close it.
        ///
        /// Origin: an `Auditor` officer (an institution holding `Auditor` never holds
        /// `CentralBank`). Emits `ValuationAttested`.
        /// Errors: the officer's (`RoleNotHeld`, `OfficerExpired`, ...), `UnknownAsset`,
        /// `ValuationMismatch`, `AlreadyAttested`, `Overflow`.
        /// Weight: O(1).
        #[pallet::call_index(12)]
        #[pallet::weight(T::WeightInfo::attest_valuation())]
        pub fn attest_valuation(
            origin: OriginFor<T>,
            asset: AssetId,
            quantity: u128,
            valuation: T::Balance,
            report: Attestation,
        ) -> DispatchResult {
            let auditor = Self::ensure_officer(origin, Role::Auditor)?;
            Self::do_attest_valuation(auditor, asset, quantity, valuation, report)
        }

        /// Sets how much each officer of `institution` may pay from it per outflow period
        /// (`institution` `None`: the default for institutions without their own figure;
        /// `limit` `None`: no limit, or back to the default).
        ///
        /// Origin: `LimitsOrigin` (the council). Emits `OfficerOutflowLimitSet`.
        /// Errors: `BadOrigin`.
        /// Weight: O(1).
        #[pallet::call_index(14)]
        #[pallet::weight(T::WeightInfo::set_officer_outflow_limit())]
        pub fn set_officer_outflow_limit(
            origin: OriginFor<T>,
            institution: Option<InstitutionId>,
            limit: Option<T::Balance>,
        ) -> DispatchResult {
            T::LimitsOrigin::ensure_origin(origin)?;
            match institution {
                Some(institution) => OfficerDailyOutflowOf::<T>::set(institution, limit),
                None => DefaultOfficerDailyOutflow::<T>::set(limit),
            }
            Self::deposit_event(Event::OfficerOutflowLimitSet { institution, limit });
            Ok(())
        }

        /// Sets the amount above which a transfer from an institution needs dual control
        /// (`None`: no transfer does).
        ///
        /// Origin: `LimitsOrigin` (the council). Emits `LargeTransferThresholdSet`.
        /// Errors: `BadOrigin`.
        /// Weight: O(1).
        #[pallet::call_index(15)]
        #[pallet::weight(T::WeightInfo::set_large_transfer_threshold())]
        pub fn set_large_transfer_threshold(
            origin: OriginFor<T>,
            threshold: Option<T::Balance>,
        ) -> DispatchResult {
            T::LimitsOrigin::ensure_origin(origin)?;
            LargeTransferThreshold::<T>::set(threshold);
            Self::deposit_event(Event::LargeTransferThresholdSet { threshold });
            Ok(())
        }

        /// Thaws a holder whose freezing court no longer holds the `Court` role (abolished,
        /// merged, suspended): without this the money could never move again. `case` is the
        /// council's own decision.
        ///
        /// Origin: [`Config::CouncilOrigin`] (two thirds of the council).
        /// Emits `HolderThawedByCouncil`.
        /// Errors: `BadOrigin`, `NotFrozen`, `CourtStillServing`.
        /// Weight: O(1).
        #[pallet::call_index(13)]
        #[pallet::weight(T::WeightInfo::thaw_orphaned())]
        pub fn thaw_orphaned(origin: OriginFor<T>, holder: Party, case: H256) -> DispatchResult {
            T::CouncilOrigin::ensure_origin(origin)?;
            Self::do_thaw_orphaned(holder, case)
        }

        /// Pays a batch of payment orders citizens signed with their accounts and handed to
        /// their bank ([`RelayedPayment`]). Each is checked and paid on its own, as the
        /// citizen's own `transfer` would be: its signature and number (the account's nonce) for
        /// this chain, its last block, the payer's citizenship and fee-free quota, then the
        /// payment under every rule of `transfer`. An order refused before it is paid leaves no
        /// trace but `RelayedPaymentRefused`; an order accepted whose payment fails uses its
        /// number and quota, as a failed transaction of the citizen's own would
        /// (`RelayedPaymentFailed`). The others are paid.
        ///
        /// Origin: a `CommercialBank` officer. Emits `Transferred` for each order paid,
        /// `RelayedPaymentRefused` or `RelayedPaymentFailed` for each other, then
        /// `PaymentsRelayed`.
        /// Errors of the whole batch (which then changes nothing): the officer's (`NotOfficer`,
        /// `RoleNotHeld`, ...), `NothingToRelay`. An order's own refusal: `StaleNonce`,
        /// `FutureNonce`, `BadRelaySignature`, `OrderExpired`, `NotHolder` (the payer holds no
        /// active citizen's identity), the identity's `FeeFreeQuotaExhausted`; its failure:
        /// `transfer`'s (`ZeroAmount`, `SelfTransfer`, `UnverifiedReceiver`, `SenderFrozen`,
        /// `ReceiverFrozen`, `InsufficientBalance`, `BalanceCapExceeded`, `DailyLimitExceeded`,
        /// `Overflow`).
        /// Weight: O(orders): [`Pallet::relay_weight`].
        #[pallet::call_index(16)]
        #[pallet::weight(Pallet::<T>::relay_weight(payments.len() as u32))]
        pub fn relay_payments(
            origin: OriginFor<T>,
            payments: BoundedVec<RelayedPayment<T>, T::MaxRelayedPayments>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let bank = T::Identity::ensure_role(&who, Role::CommercialBank)?;
            Self::do_relay_payments(bank, payments)
        }
    }
}

impl<T: Config> govchain_primitives::identity::RegistryCall for Call<T> {
    fn signer(&self) -> govchain_primitives::identity::CallSigner {
        use govchain_primitives::identity::{CallSigner, Role};
        match self {
            Call::record_reserve_asset { .. }
            | Call::revalue_reserve_asset { .. }
            | Call::remove_reserve_asset { .. }
            | Call::set_bank_quota { .. }
            | Call::mint { .. } => CallSigner::Officer(Role::CentralBank),
            Call::redeem { .. } | Call::relay_payments { .. } => {
                CallSigner::Officer(Role::CommercialBank)
            }
            Call::transfer { .. } => CallSigner::Party,
            Call::freeze { .. } | Call::thaw { .. } => CallSigner::Officer(Role::Court),
            Call::attest_valuation { .. } => CallSigner::Officer(Role::Auditor),
            Call::set_tier_limits { .. }
            | Call::set_institution_limits { .. }
            | Call::set_max_coverage { .. }
            | Call::thaw_orphaned { .. }
            | Call::set_officer_outflow_limit { .. }
            | Call::set_large_transfer_threshold { .. }
            | Call::__Ignore(..) => CallSigner::Governance,
        }
    }
}
