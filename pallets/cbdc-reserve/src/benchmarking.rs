//! Benchmarks of `pallet-cbdc-reserve`, each at its worst case: a reserve with the most assets,
//! holders with limits, outflow counters and balances already stored.

use super::*;
use crate::Pallet as Cbdc;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_support::BoundedVec;
use frame_system::pallet_prelude::BlockNumberFor;
use frame_system::RawOrigin;
use govchain_primitives::{
    estate::Estate,
    identity::{IdentityProvider, InstitutionId, KycTier, Party, Role},
};
use sp_core::H256;
use sp_runtime::{traits::Saturating, PerThing};

fn officer<T: Config>(name: &'static str, role: Role) -> (T::AccountId, InstitutionId) {
    let who: T::AccountId = account(name, 0, 0);
    let institution = T::Identity::benchmark_officer(&who, role);
    (who, institution)
}

fn citizen<T: Config>(name: &'static str) -> (T::AccountId, Party) {
    let who: T::AccountId = account(name, 0, 0);
    let citizen = T::Identity::benchmark_citizen(&who);
    (who, Party::Citizen(citizen))
}

fn amount<T: Config>(units: u64) -> T::Balance {
    T::Balance::from(units)
}

fn attestation(number: u8) -> Attestation {
    Attestation {
        report_hash: H256::repeat_byte(number),
        date: 20_000,
    }
}

fn longest_code() -> AssetCode {
    AssetCode::truncate_from(b"XAU000000000".to_vec())
}

/// A reserve of `MaxReserveAssets - 1` assets worth `value` together, each attested by an
/// auditor, fully covering.
fn fill_reserve<T: Config>(value: u64) {
    MaxCoveragePercent::<T>::put(100);
    let (_, auditor) = officer::<T>("reserve-auditor", Role::Auditor);
    let assets = T::MaxReserveAssets::get().saturating_sub(1).max(1);
    let each = value.checked_div(u64::from(assets)).unwrap_or(value).max(1);
    for _ in 0..assets {
        let asset = NextAssetId::<T>::get();
        let _ = Cbdc::<T>::do_record_reserve_asset(
            AssetClass::Gold,
            longest_code(),
            1_000,
            amount::<T>(each),
            attestation(1),
        );
        let _ = Cbdc::<T>::do_attest_valuation(
            auditor,
            asset,
            1_000,
            amount::<T>(each),
            attestation(0xaa),
        );
    }
}

/// A bank with a quota of `quota` and `minted` minted to it.
fn funded_bank<T: Config>(quota: u64, minted: u64) -> (T::AccountId, InstitutionId) {
    let (banker, bank) = officer::<T>("banker", Role::CommercialBank);
    BankQuotas::<T>::insert(
        bank,
        BankQuota {
            limit: amount::<T>(quota),
            outstanding: Default::default(),
        },
    );
    if minted > 0 {
        let _ = Cbdc::<T>::do_mint(bank, amount::<T>(minted));
    }
    (banker, bank)
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn record_reserve_asset() {
        let (governor, _) = officer::<T>("governor", Role::CentralBank);
        fill_reserve::<T>(1_000_000);
        let count = ReserveAssetCount::<T>::get();

        #[extrinsic_call]
        _(
            RawOrigin::Signed(governor),
            AssetClass::ForeignCurrency,
            longest_code(),
            5_000,
            amount::<T>(1_000),
            attestation(2),
        );

        assert_eq!(ReserveAssetCount::<T>::get(), count.saturating_add(1));
    }

    /// Lowered, with currency in circulation, of an attested asset.
    #[benchmark]
    fn revalue_reserve_asset() {
        let (governor, _) = officer::<T>("governor", Role::CentralBank);
        fill_reserve::<T>(1_000_000);
        funded_bank::<T>(1_000, 1_000);
        let asset = 0;
        let valuation = amount::<T>(1_000);

        #[extrinsic_call]
        _(
            RawOrigin::Signed(governor),
            asset,
            2_000,
            valuation,
            attestation(3),
        );

        assert!(ReserveAssets::<T>::get(asset).is_some_and(|a| a.valuation == valuation));
    }

    /// A write-down with currency in circulation: the deficit is computed for the event.
    #[benchmark]
    fn attest_valuation() {
        let (auditor, _) = officer::<T>("auditor", Role::Auditor);
        fill_reserve::<T>(1_000_000);
        funded_bank::<T>(1_000, 1_000);
        let asset = 0;
        let valuation = amount::<T>(1);
        let _ = Cbdc::<T>::do_revalue_reserve_asset(asset, 2_000, valuation, attestation(3));

        #[extrinsic_call]
        _(
            RawOrigin::Signed(auditor),
            asset,
            2_000,
            valuation,
            attestation(0xab),
        );

        assert!(ReserveAssets::<T>::get(asset).is_some_and(|a| a.audit.is_some()));
    }

    #[benchmark]
    fn remove_reserve_asset() {
        let (governor, _) = officer::<T>("governor", Role::CentralBank);
        fill_reserve::<T>(1_000_000);
        funded_bank::<T>(1_000, 1_000);

        #[extrinsic_call]
        _(RawOrigin::Signed(governor), 0);

        assert!(ReserveAssets::<T>::get(0).is_none());
    }

    #[benchmark]
    fn set_bank_quota() {
        let (governor, _) = officer::<T>("governor", Role::CentralBank);
        let (_, bank) = funded_bank::<T>(1_000, 0);

        #[extrinsic_call]
        _(RawOrigin::Signed(governor), bank, amount::<T>(5_000));

        assert!(BankQuotas::<T>::get(bank).is_some_and(|q| q.limit == amount::<T>(5_000)));
    }

    #[benchmark]
    fn mint() {
        let (governor, _) = officer::<T>("governor", Role::CentralBank);
        fill_reserve::<T>(1_000_000);
        let (_, bank) = funded_bank::<T>(10_000, 1_000);

        #[extrinsic_call]
        _(RawOrigin::Signed(governor), bank, amount::<T>(1_000));

        assert_eq!(
            Cbdc::<T>::balance_of(&Party::Institution(bank)),
            amount::<T>(2_000)
        );
    }

    #[benchmark]
    fn redeem() {
        fill_reserve::<T>(1_000_000);
        let (banker, bank) = funded_bank::<T>(10_000, 2_000);

        #[extrinsic_call]
        _(RawOrigin::Signed(banker), amount::<T>(1_000));

        assert_eq!(
            Cbdc::<T>::balance_of(&Party::Institution(bank)),
            amount::<T>(1_000)
        );
    }

    /// Between two institutions that are not banks, both under the default limits, the sender
    /// with an outflow counter of the current period and the receiver with a balance: the most
    /// reads a transfer makes (roles, own and default limits of both).
    #[benchmark]
    fn transfer() {
        fill_reserve::<T>(1_000_000);
        let (_, bank) = funded_bank::<T>(10_000, 10_000);
        let bank = Party::Institution(bank);
        let (sender, from) = officer::<T>("treasurer", Role::LandRegistrar);
        let from = Party::Institution(from);
        let (_, to) = officer::<T>("receiver", Role::LandRegistrar);
        let to = Party::Institution(to);
        DefaultInstitutionLimits::<T>::put(Limits {
            balance_cap: amount::<T>(1_000_000),
            daily_outflow: amount::<T>(1_000_000),
        });
        // The officer's own limit and counter are read and written too.
        DefaultOfficerDailyOutflow::<T>::put(amount::<T>(1_000_000));
        let _ = Cbdc::<T>::do_transfer(&bank, &from, amount::<T>(2_000));
        let _ = Cbdc::<T>::do_transfer(&bank, &to, amount::<T>(1_000));
        let _ = Cbdc::<T>::do_transfer(&from, &to, amount::<T>(1));

        #[extrinsic_call]
        _(RawOrigin::Signed(sender), from, to, amount::<T>(500));

        assert_eq!(Cbdc::<T>::balance_of(&to), amount::<T>(1_501));
    }

    /// Between two citizens, the sender with an outflow counter of the current period and the
    /// receiver with a balance: a citizen's payment (what `transfer` charges paying from an
    /// institution is not charged for it). The benchmark's citizens share a tier; the call adds
    /// the read of the receiver's tier's limits ([`Pallet::citizen_transfer_weight`]).
    #[benchmark]
    fn transfer_citizen() {
        fill_reserve::<T>(1_000_000);
        let (_, bank) = funded_bank::<T>(10_000, 10_000);
        let bank = Party::Institution(bank);
        let (sender, from) = citizen::<T>("payer");
        let (_, to) = citizen::<T>("payee");
        TierLimits::<T>::insert(
            KycTier::Enhanced,
            Limits {
                balance_cap: amount::<T>(1_000_000),
                daily_outflow: amount::<T>(1_000_000),
            },
        );
        let _ = Cbdc::<T>::do_transfer(&bank, &from, amount::<T>(2_000));
        let _ = Cbdc::<T>::do_transfer(&bank, &to, amount::<T>(1_000));
        let _ = Cbdc::<T>::do_transfer(&from, &to, amount::<T>(1));

        #[extrinsic_call]
        transfer(RawOrigin::Signed(sender), from, to, amount::<T>(500));

        assert_eq!(Cbdc::<T>::balance_of(&to), amount::<T>(1_501));
    }

    /// `n` orders, each from a citizen holding money, signed with its key, to a citizen of its
    /// own holding money: every order is checked (signature, number, expiry, citizenship,
    /// quota) and paid, and every payer's and payee's record is read and written.
    #[benchmark]
    fn relay_payments(
        n: Linear<1, { T::MaxRelayedPayments::get() }>,
    ) -> Result<(), BenchmarkError> {
        use govchain_primitives::relay::{self, RelayBenchmarkHelper};
        use sp_runtime::traits::{IdentifyAccount, Zero};
        fill_reserve::<T>(1_000_000);
        let (banker, bank) = funded_bank::<T>(1_000_000, 500_000);
        let bank = Party::Institution(bank);
        TierLimits::<T>::insert(
            KycTier::Enhanced,
            Limits {
                balance_cap: amount::<T>(1_000_000),
                daily_outflow: amount::<T>(1_000_000),
            },
        );
        let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
        let valid_until = frame_system::Pallet::<T>::block_number().saturating_add(100u32.into());
        let each = amount::<T>(10);
        let mut orders = alloc::vec::Vec::new();
        for index in 0..n {
            let payer: T::AccountId = T::RelayHelper::signer(index).into_account();
            let from = Party::Citizen(T::Identity::benchmark_citizen(&payer));
            let _ = Cbdc::<T>::do_transfer(&bank, &from, amount::<T>(1_000));
            let payee: T::AccountId = account("payee", index, 0);
            let to = Party::Citizen(T::Identity::benchmark_citizen(&payee));
            let _ = Cbdc::<T>::do_transfer(&bank, &to, amount::<T>(1));
            let nonce = frame_system::Pallet::<T>::account_nonce(&payer);
            let body = relayed_payment_body(&to, &each, &valid_until);
            let payload = relay::signing_payload(relay::RELAYED_PAYMENT, &genesis, &nonce, &body);
            orders.push(RelayedPayment {
                payer,
                nonce,
                to,
                amount: each,
                valid_until,
                signature: T::RelayHelper::sign(&T::RelayHelper::signer(index), &payload),
            });
        }
        let orders = BoundedVec::try_from(orders).map_err(|_| BenchmarkError::Weightless)?;

        let last_payee = orders.last().map(|order| order.to);

        #[extrinsic_call]
        _(RawOrigin::Signed(banker), orders);

        let last_payee = last_payee.ok_or(BenchmarkError::Weightless)?;
        assert_eq!(Cbdc::<T>::balance_of(&last_payee), amount::<T>(11));
        Ok(())
    }

    #[benchmark]
    fn freeze() {
        let (judge, _) = officer::<T>("judge", Role::Court);
        let (_, holder) = citizen::<T>("holder");

        #[extrinsic_call]
        _(RawOrigin::Signed(judge), holder, H256::repeat_byte(9));

        assert!(Holders::<T>::get(holder).freeze.is_some());
    }

    #[benchmark]
    fn thaw() {
        let (judge, court) = officer::<T>("judge", Role::Court);
        let (_, holder) = citizen::<T>("holder");
        let _ = Cbdc::<T>::do_freeze(court, holder, H256::repeat_byte(9));

        #[extrinsic_call]
        _(RawOrigin::Signed(judge), holder);

        assert!(Holders::<T>::get(holder).freeze.is_none());
    }

    /// A deceased citizen's balance split among `h` heirs, each holding money already.
    #[benchmark]
    fn pass_estate(h: Linear<1, 16>) -> Result<(), BenchmarkError> {
        let (_, deceased) = citizen::<T>("deceased");
        let Party::Citizen(deceased_id) = deceased else {
            return Err(BenchmarkError::Weightless);
        };
        Cbdc::<T>::put_holder(
            &deceased,
            Holder {
                balance: amount::<T>(1_000_000),
                ..Default::default()
            },
        );
        TotalSupply::<T>::mutate(|supply| *supply = supply.saturating_add(amount::<T>(1_000_000)));
        let each = sp_runtime::Permill::ACCURACY
            .checked_div(h)
            .unwrap_or_default();
        let mut heirs = alloc::vec::Vec::new();
        for index in 0..h {
            let who: T::AccountId = account("heir", index, 0);
            let heir = T::Identity::benchmark_citizen(&who);
            Cbdc::<T>::put_holder(
                &Party::Citizen(heir),
                Holder {
                    balance: amount::<T>(1),
                    ..Default::default()
                },
            );
            TotalSupply::<T>::mutate(|supply| *supply = supply.saturating_add(amount::<T>(1)));
            let share = if index == 0 {
                sp_runtime::Permill::ACCURACY
                    .saturating_sub(each.saturating_mul(h.saturating_sub(1)))
            } else {
                each
            };
            heirs.push((heir, sp_runtime::Permill::from_parts(share)));
        }

        #[block]
        {
            <Cbdc<T> as Estate>::pass_estate(deceased_id, &heirs, H256::repeat_byte(0xca))
                .map_err(|_| BenchmarkError::Weightless)?;
        }

        assert!(!Holders::<T>::contains_key(deceased));
        Ok(())
    }

    /// The freeze of a court no longer registered.
    #[benchmark]
    fn thaw_orphaned() -> Result<(), BenchmarkError> {
        let origin =
            T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let (_, holder) = citizen::<T>("holder");
        let _ = Cbdc::<T>::do_freeze(InstitutionId::MAX, holder, H256::repeat_byte(1));

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, holder, H256::repeat_byte(2));

        assert!(Holders::<T>::get(holder).freeze.is_none());
        Ok(())
    }

    #[benchmark]
    fn set_tier_limits() -> Result<(), BenchmarkError> {
        let origin =
            T::LimitsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let limits = Limits {
            balance_cap: amount::<T>(5_000),
            daily_outflow: amount::<T>(500),
        };

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, KycTier::Basic, limits);

        assert_eq!(TierLimits::<T>::get(KycTier::Basic), limits);
        Ok(())
    }

    #[benchmark]
    fn set_officer_outflow_limit() -> Result<(), BenchmarkError> {
        let origin =
            T::LimitsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, Some(7), Some(amount::<T>(500)));

        assert_eq!(OfficerDailyOutflowOf::<T>::get(7), Some(amount::<T>(500)));
        Ok(())
    }

    #[benchmark]
    fn set_large_transfer_threshold() -> Result<(), BenchmarkError> {
        let origin =
            T::LimitsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, Some(amount::<T>(500)));

        assert_eq!(LargeTransferThreshold::<T>::get(), Some(amount::<T>(500)));
        Ok(())
    }

    #[benchmark]
    fn set_institution_limits() -> Result<(), BenchmarkError> {
        let origin =
            T::LimitsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let limits = Limits {
            balance_cap: amount::<T>(5_000),
            daily_outflow: amount::<T>(500),
        };

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, 7, Some(limits));

        assert_eq!(InstitutionLimits::<T>::get(7), Some(limits));
        Ok(())
    }

    #[benchmark]
    fn set_max_coverage() -> Result<(), BenchmarkError> {
        let origin =
            T::LimitsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        fill_reserve::<T>(1_000_000);
        funded_bank::<T>(1_000, 1_000);

        let ceiling = T::MaxCoverageCeiling::get();

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, ceiling);

        assert_eq!(MaxCoveragePercent::<T>::get(), ceiling);
        Ok(())
    }

    impl_benchmark_test_suite!(Cbdc, crate::mock::new_test_ext(), crate::mock::Test);
}
