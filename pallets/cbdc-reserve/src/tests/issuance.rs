//! The central bank sets commercial banks' quotas and mints to them within their quota and the
//! coverage limit; a bank redeems (burns) from its own holding, which lowers its outstanding
//! issuance, never below zero.

use super::*;
use crate::{BankQuota, BankQuotas, Holders, ReserveValue, TotalSupply};

/// `GOVERNOR` sets `bank`'s quota to `limit`.
fn set_quota(bank: InstitutionId, limit: u64) -> DispatchResult {
    Cbdc::set_bank_quota(RuntimeOrigin::signed(GOVERNOR), bank, limit)
}

/// `officer` redeems `amount` of their bank's holding.
fn redeem(officer: u64, amount: u64) -> DispatchResult {
    Cbdc::redeem(RuntimeOrigin::signed(officer), amount)
}

/// `bank`'s quota: its limit and its outstanding issuance.
fn quota_of(bank: InstitutionId) -> Option<(u64, u64)> {
    BankQuotas::<Test>::get(bank).map(|quota| (quota.limit, quota.outstanding))
}

/// Checks `BANK`'s holding and the supply.
#[track_caller]
fn assert_bank_and_supply(held: u64, supply: u64) {
    assert_eq!(balance(BANK), held);
    assert_eq!(TotalSupply::<Test>::get(), supply);
}

/// Gold worth all a `u64` holds, all of it minted to `BANK_ID`.
fn everything_minted() {
    record_gold(u64::MAX);
    mint_to_bank(u64::MAX);
}

mod set_bank_quota {
    use super::*;

    #[test]
    fn the_central_bank_sets_a_quota() {
        build_and_execute(|| {
            assert_ok!(set_quota(BANK_ID, 5_000));

            assert_eq!(
                BankQuotas::<Test>::get(BANK_ID),
                Some(BankQuota {
                    limit: 5_000,
                    outstanding: 0
                })
            );
            assert_eq!(
                last_event(),
                Event::BankQuotaSet {
                    bank: BANK_ID,
                    limit: 5_000
                }
            );
        });
    }

    #[test]
    fn a_new_quota_keeps_the_outstanding_issuance() {
        build_and_execute(|| {
            fund_bank(600);

            assert_ok!(set_quota(BANK_ID, 2_000));

            assert_eq!(quota_of(BANK_ID), Some((2_000, 600)));
        });
    }

    #[test]
    fn a_quota_below_the_outstanding_issuance_takes_nothing_and_stops_mints() {
        build_and_execute(|| {
            record_gold(1_000);
            fund_bank(1_000);

            assert_ok!(set_quota(BANK_ID, 500));

            assert_eq!(quota_of(BANK_ID), Some((500, 1_000)));
            assert_bank_and_supply(1_000, 1_000);
            assert_noop!(mint(BANK_ID, 1), Error::<Test>::QuotaExceeded);
        });
    }

    #[test]
    fn an_institution_without_the_bank_role_is_refused() {
        build_and_execute(|| {
            for institution in [CENTRAL_BANK_ID, COURT_ID, MINISTRY_ID, 42] {
                assert_noop!(set_quota(institution, 5_000), Error::<Test>::NotABank);
            }
        });
    }

    #[test]
    fn the_central_bank_never_issues_to_itself_even_if_it_holds_the_bank_role() {
        build_and_execute(|| {
            Identity::grant_role(
                CENTRAL_BANK_ID,
                govchain_primitives::identity::Role::CommercialBank,
            );
            record_gold(10_000);

            assert_noop!(set_quota(CENTRAL_BANK_ID, 5_000), Error::<Test>::NotABank);
            assert_noop!(
                Cbdc::mint(RuntimeOrigin::signed(GOVERNOR), CENTRAL_BANK_ID, 100),
                Error::<Test>::NotABank
            );
        });
    }

    #[test]
    fn an_inactive_bank_is_refused() {
        build_and_execute(|| {
            Identity::suspend_institution(BANK_ID);

            assert_noop!(set_quota(BANK_ID, 5_000), Error::<Test>::NotABank);
        });
    }

    #[test]
    fn only_a_serving_central_bank_officer_sets_quotas() {
        build_and_execute(|| {
            assert_only_serving_officers(GOVERNOR, &[BANKER, JUDGE], |origin| {
                Cbdc::set_bank_quota(origin, BANK_ID, 10)
            });
        });
    }
}

mod mint {
    use super::*;

    /// Gold worth 10 000 and a quota of 5 000 for `BANK_ID`.
    fn quota_and_reserve() {
        record_gold(10_000);
        assert_ok!(set_quota(BANK_ID, 5_000));
    }

    #[test]
    fn the_central_bank_mints_to_a_bank() {
        build_and_execute(|| {
            quota_and_reserve();

            assert_ok!(mint(BANK_ID, 3_000));

            assert_bank_and_supply(3_000, 3_000);
            assert_eq!(quota_of(BANK_ID), Some((5_000, 3_000)));
            assert_eq!(ReserveValue::<Test>::get(), 10_000);
            assert_eq!(
                last_event(),
                Event::Minted {
                    bank: BANK_ID,
                    amount: 3_000
                }
            );
        });
    }

    #[test]
    fn a_mint_beyond_the_quota_is_refused() {
        build_and_execute(|| {
            quota_and_reserve();
            assert_ok!(mint(BANK_ID, 3_000));

            assert_mints_at_most(BANK_ID, 2_000, Error::<Test>::QuotaExceeded);
            assert_eq!(quota_of(BANK_ID), Some((5_000, 5_000)));
        });
    }

    #[test]
    fn a_bank_without_a_quota_gets_nothing() {
        build_and_execute(|| {
            record_gold(10_000);

            assert_noop!(mint(BANK_ID, 1), Error::<Test>::QuotaExceeded);
        });
    }

    #[test]
    fn each_bank_has_its_own_quota() {
        build_and_execute(|| {
            quota_and_reserve();
            assert_ok!(mint(BANK_ID, 5_000));
            assert_ok!(set_quota(OTHER_BANK_ID, 1_000));

            assert_ok!(mint(OTHER_BANK_ID, 1_000));

            assert_eq!(quota_of(OTHER_BANK_ID), Some((1_000, 1_000)));
            assert_eq!(balance(OTHER_BANK), 1_000);
            assert_bank_and_supply(5_000, 6_000);
        });
    }

    #[test]
    fn a_mint_beyond_the_coverage_limit_is_refused() {
        build_and_execute(|| {
            record_gold(1_000);
            assert_ok!(set_quota(BANK_ID, 5_000));

            assert_mints_at_most(BANK_ID, 1_000, Error::<Test>::CoverageExceeded);
        });
    }

    #[test]
    fn the_coverage_limit_counts_every_bank_s_issuance() {
        build_and_execute(|| {
            fund_bank(600);
            record_gold(400);
            assert_ok!(set_quota(OTHER_BANK_ID, 5_000));

            assert_mints_at_most(OTHER_BANK_ID, 400, Error::<Test>::CoverageExceeded);
        });
    }

    #[test]
    fn nothing_is_minted_while_a_valuation_waits_for_the_auditor() {
        build_and_execute(|| {
            quota_and_reserve();
            assert_ok!(Cbdc::record_reserve_asset(
                RuntimeOrigin::signed(GOVERNOR),
                crate::AssetClass::ForeignCurrency,
                code("USD"),
                1,
                1_000_000,
                attestation(2)
            ));

            assert_noop!(mint(BANK_ID, 1), Error::<Test>::UnattestedValuation);
            attest(1);
            assert_ok!(mint(BANK_ID, 1));
        });
    }

    #[test]
    fn nothing_is_minted_without_a_reserve() {
        build_and_execute(|| {
            assert_ok!(set_quota(BANK_ID, 5_000));

            assert_noop!(mint(BANK_ID, 1), Error::<Test>::CoverageExceeded);
        });
    }

    #[test]
    fn a_zero_amount_is_refused() {
        build_and_execute(|| {
            quota_and_reserve();

            assert_noop!(mint(BANK_ID, 0), Error::<Test>::ZeroAmount);
        });
    }

    #[test]
    fn an_institution_without_the_bank_role_gets_nothing() {
        build_and_execute(|| {
            record_gold(10_000);

            for institution in [CENTRAL_BANK_ID, MINISTRY_ID, 42] {
                assert_noop!(mint(institution, 100), Error::<Test>::NotABank);
            }
        });
    }

    #[test]
    fn an_inactive_bank_gets_nothing() {
        build_and_execute(|| {
            quota_and_reserve();
            Identity::suspend_institution(BANK_ID);

            assert_noop!(mint(BANK_ID, 100), Error::<Test>::NotABank);
        });
    }

    #[test]
    fn a_frozen_bank_gets_nothing() {
        build_and_execute(|| {
            quota_and_reserve();
            freeze(BANK);

            assert_noop!(mint(BANK_ID, 100), Error::<Test>::ReceiverFrozen);
        });
    }

    #[test]
    fn an_outstanding_issuance_beyond_the_balance_type_is_refused() {
        build_and_execute(|| {
            everything_minted();

            assert_noop!(mint(BANK_ID, 1), Error::<Test>::Overflow);
        });
    }

    #[test]
    fn a_supply_beyond_the_balance_type_is_refused() {
        build_and_execute(|| {
            everything_minted();
            assert_ok!(set_quota(OTHER_BANK_ID, 1));

            assert_noop!(mint(OTHER_BANK_ID, 1), Error::<Test>::Overflow);
        });
    }

    #[test]
    fn only_a_serving_central_bank_officer_mints() {
        build_and_execute(|| {
            quota_and_reserve();

            assert_only_serving_officers(GOVERNOR, &[BANKER, JUDGE], |origin| {
                Cbdc::mint(origin, BANK_ID, 100)
            });
        });
    }
}

mod redeem {
    use super::*;

    #[test]
    fn a_bank_redeems_part_of_its_holding() {
        build_and_execute(|| {
            fund_bank(1_000);

            assert_ok!(redeem(BANKER, 400));

            assert_bank_and_supply(600, 600);
            assert_eq!(quota_of(BANK_ID), Some((1_000, 600)));
            assert_eq!(ReserveValue::<Test>::get(), 1_000);
            assert_eq!(
                last_event(),
                Event::Redeemed {
                    bank: BANK_ID,
                    amount: 400
                }
            );
        });
    }

    #[test]
    fn a_bank_that_redeems_everything_holds_no_entry() {
        build_and_execute(|| {
            fund_bank(1_000);

            assert_ok!(redeem(BANKER, 1_000));

            assert!(!Holders::<Test>::contains_key(BANK));
            assert_bank_and_supply(0, 0);
        });
    }

    #[test]
    fn a_redemption_frees_quota_for_new_mints() {
        build_and_execute(|| {
            fund_bank(1_000);
            assert_ok!(redeem(BANKER, 400));

            assert_ok!(mint(BANK_ID, 400));

            assert_eq!(quota_of(BANK_ID), Some((1_000, 1_000)));
        });
    }

    #[test]
    fn the_outstanding_issuance_never_goes_below_zero() {
        build_and_execute(|| {
            fund_bank(500);
            record_gold(1_000);
            assert_ok!(set_quota(OTHER_BANK_ID, 1_000));
            assert_ok!(mint(OTHER_BANK_ID, 1_000));
            assert_ok!(transfer(OTHER_BANKER, OTHER_BANK, BANK, 800));

            assert_ok!(redeem(BANKER, 1_000));

            assert_eq!(quota_of(BANK_ID), Some((500, 0)));
            assert_bank_and_supply(300, 500);
        });
    }

    #[test]
    fn a_bank_without_a_quota_redeems_deposits_and_gets_no_quota() {
        build_and_execute(|| {
            fund_bank(1_000);
            assert_ok!(transfer(BANKER, BANK, OTHER_BANK, 300));

            assert_ok!(redeem(OTHER_BANKER, 300));

            assert_eq!(quota_of(OTHER_BANK_ID), None);
            assert_eq!(balance(OTHER_BANK), 0);
            assert_bank_and_supply(700, 700);
        });
    }

    #[test]
    fn a_zero_amount_is_refused() {
        build_and_execute(|| {
            fund_bank(1_000);

            assert_noop!(redeem(BANKER, 0), Error::<Test>::ZeroAmount);
        });
    }

    #[test]
    fn more_than_the_bank_holds_is_refused() {
        build_and_execute(|| {
            fund_bank(1_000);

            assert_noop!(redeem(BANKER, 1_001), Error::<Test>::InsufficientBalance);
            assert_noop!(redeem(OTHER_BANKER, 1), Error::<Test>::InsufficientBalance);
        });
    }

    #[test]
    fn a_frozen_bank_redeems_nothing() {
        build_and_execute(|| {
            fund_bank(1_000);
            freeze(BANK);

            assert_noop!(redeem(BANKER, 100), Error::<Test>::SenderFrozen);
        });
    }

    #[test]
    fn an_officer_of_an_inactive_bank_redeems_nothing() {
        build_and_execute(|| {
            fund_bank(1_000);
            Identity::suspend_institution(BANK_ID);

            assert_noop!(redeem(BANKER, 100), IdentityError::InstitutionSuspended);
        });
    }

    #[test]
    fn only_a_serving_commercial_bank_officer_redeems() {
        build_and_execute(|| {
            fund_bank(1_000);

            assert_only_serving_officers(BANKER, &[GOVERNOR, JUDGE], |origin| {
                Cbdc::redeem(origin, 100)
            });
        });
    }
}
