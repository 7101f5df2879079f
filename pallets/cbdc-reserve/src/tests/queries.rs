//! What the runtime API answers: a holder's balance with its limits, what it may still receive
//! and send in the current period, whether it is verified and any freeze; and the reserve with
//! its value, the supply, the coverage in parts per million and what may still be minted.

use super::*;
use crate::{BalanceInfo, Freeze, ReserveSummary};
use govchain_primitives::identity::KycTier;

mod balance_info {
    use super::*;

    /// What a verified, unfrozen holder with `limits` and `balance` reads, having sent `sent`
    /// in this period.
    fn limited(balance: u64, (cap, daily): (u64, u64), sent: u64) -> BalanceInfo<u64, u64> {
        BalanceInfo {
            balance,
            limits: Some(limits(cap, daily)),
            receivable: Some(cap - balance),
            // What it may still send is capped by what it holds.
            sendable_today: Some((daily - sent).min(balance)),
            verified: true,
            freeze: None,
        }
    }

    /// Alice holds 300 from the bank.
    fn alice_holds_300() {
        rich_bank();
        credit(ALICE_ID, 300);
    }

    /// Alice, given 300, sent Bob 150.
    fn alice_sent_150() {
        alice_holds_300();
        assert_ok!(transfer(ALICE, ALICE_ID, BOB_ID, 150));
    }

    #[test]
    fn a_citizen_reads_its_balance_and_its_tier_s_limits() {
        build_and_execute(|| {
            alice_holds_300();

            assert_eq!(Cbdc::balance_info(ALICE_ID), limited(300, BASIC, 0));
        });
    }

    #[test]
    fn what_a_citizen_sent_lowers_what_it_may_still_send() {
        build_and_execute(|| {
            alice_sent_150();

            assert_eq!(Cbdc::balance_info(ALICE_ID), limited(150, BASIC, 150));
            assert_eq!(Cbdc::balance_info(BOB_ID), limited(150, STANDARD, 0));
        });
    }

    #[test]
    fn the_next_period_restores_what_may_be_sent() {
        build_and_execute(|| {
            alice_sent_150();
            System::set_block_number(10);

            assert_eq!(Cbdc::balance_info(ALICE_ID), limited(150, BASIC, 0));
        });
    }

    #[test]
    fn a_holder_above_a_lowered_cap_may_receive_nothing() {
        build_and_execute(|| {
            alice_holds_300();
            let lower = limits(100, BASIC.1);
            assert_ok!(Cbdc::set_tier_limits(council(), KycTier::Basic, lower));

            assert_eq!(Cbdc::balance_info(ALICE_ID).receivable, Some(0));
        });
    }

    #[test]
    fn an_institution_reads_the_default_or_its_own_limits() {
        build_and_execute(|| {
            rich_bank();
            credit(MINISTRY, 4_000);
            assert_eq!(
                Cbdc::balance_info(MINISTRY),
                limited(4_000, INSTITUTIONS, 0)
            );

            ministry_limits(5_000, 1_000);

            assert_eq!(
                Cbdc::balance_info(MINISTRY),
                limited(4_000, (5_000, 1_000), 0)
            );
        });
    }

    #[test]
    fn a_bank_has_no_limits() {
        build_and_execute(|| {
            rich_bank();

            assert_eq!(
                Cbdc::balance_info(BANK),
                BalanceInfo {
                    balance: 2_000_000,
                    limits: None,
                    receivable: None,
                    sendable_today: None,
                    verified: true,
                    freeze: None,
                }
            );
        });
    }

    #[test]
    fn a_frozen_holder_reads_its_freeze() {
        build_and_execute(|| {
            alice_holds_300();
            System::set_block_number(4);
            freeze(ALICE_ID);

            let freeze = Freeze {
                court: COURT_ID,
                case: case(1),
                since: 4,
                balance: 300,
            };
            assert_eq!(Cbdc::balance_info(ALICE_ID).freeze, Some(freeze));
        });
    }

    #[test]
    fn a_deactivated_citizen_is_unverified_and_keeps_its_balance() {
        build_and_execute(|| {
            alice_holds_300();
            Identity::deactivate_citizen(ALICE);

            let info = Cbdc::balance_info(ALICE_ID);

            assert_eq!((info.balance, info.verified), (300, false));
        });
    }

    #[test]
    fn a_deactivated_citizen_may_receive_and_send_nothing() {
        build_and_execute(|| {
            alice_holds_300();
            Identity::deactivate_citizen(ALICE);

            let info = Cbdc::balance_info(ALICE_ID);

            assert_eq!((info.receivable, info.sendable_today), (Some(0), Some(0)));
        });
    }

    #[test]
    fn an_unknown_holder_is_unverified_and_holds_nothing() {
        build_and_execute(|| {
            let info = Cbdc::balance_info(Party::Institution(42));

            assert_eq!((info.balance, info.verified), (0, false));
        });
    }
}

mod reserve_summary {
    use super::*;

    /// Checks the summary's coverage in parts per million and its mint headroom.
    #[track_caller]
    fn assert_coverage(ppm: Option<u128>, headroom: u64) {
        let summary = Cbdc::reserve_summary();
        assert_eq!(
            (summary.coverage_ppm, summary.mint_headroom),
            (ppm, headroom)
        );
    }

    #[test]
    fn without_a_reserve_there_is_no_coverage_and_nothing_to_mint() {
        build_and_execute(|| {
            assert_eq!(
                Cbdc::reserve_summary(),
                ReserveSummary {
                    assets: vec![],
                    reserve_value: 0,
                    unattested_assets: 0,
                    coverage_deficit: 0,
                    total_supply: 0,
                    max_coverage_percent: 100,
                    coverage_ppm: None,
                    mint_headroom: 0,
                }
            );
        });
    }

    #[test]
    fn the_summary_lists_the_assets_with_value_supply_and_coverage() {
        build_and_execute(|| {
            fund_bank(1_000);
            record_gold(3_000);

            let summary = Cbdc::reserve_summary();

            let mut valuations: Vec<_> = summary
                .assets
                .iter()
                .map(|(id, asset)| (*id, asset.valuation))
                .collect();
            valuations.sort();
            assert_eq!(valuations, vec![(0, 1_000), (1, 3_000)]);
            assert_eq!(
                (summary.reserve_value, summary.total_supply),
                (4_000, 1_000)
            );
            assert_eq!(
                (summary.unattested_assets, summary.coverage_deficit),
                (0, 0)
            );
            assert_eq!(summary.max_coverage_percent, 100);
            assert_coverage(Some(250_000), 3_000);
        });
    }

    #[test]
    fn a_reserve_without_supply_is_covered_zero_ppm() {
        build_and_execute(|| {
            record_gold(1_000);

            assert_coverage(Some(0), 1_000);
        });
    }

    #[test]
    fn a_fully_used_reserve_has_no_headroom() {
        build_and_execute(|| {
            fund_bank(1_000);

            assert_coverage(Some(1_000_000), 0);
        });
    }

    #[test]
    fn the_coverage_in_ppm_rounds_down() {
        build_and_execute(|| {
            record_gold(3);
            mint_to_bank(1);

            assert_coverage(Some(333_333), 2);
        });
    }

    #[test]
    fn the_headroom_follows_the_coverage_limit() {
        build_and_execute(|| {
            fund_bank(999);
            assert_ok!(Cbdc::set_max_coverage(council(), 150));

            assert_coverage(Some(1_000_000), 499);
            assert_eq!(Cbdc::reserve_summary().max_coverage_percent, 150);
        });
    }

    #[test]
    fn a_redemption_restores_the_headroom() {
        build_and_execute(|| {
            fund_bank(1_000);
            assert_ok!(Cbdc::redeem(RuntimeOrigin::signed(BANKER), 400));

            assert_coverage(Some(600_000), 400);
        });
    }
}
