//! The council sets the KYC tiers' limits, institutions' own limits and the coverage limit.
//! Lowering a cap takes nothing from anyone; a coverage limit the supply exceeds is refused.

use super::*;
use crate::{InstitutionLimits, MaxCoveragePercent, TierLimits};
use govchain_primitives::identity::KycTier;

/// The council sets `tier`'s limits to cap `cap` and daily outflow `daily`.
fn set_tier(tier: KycTier, cap: u64, daily: u64) -> DispatchResult {
    Cbdc::set_tier_limits(council(), tier, limits(cap, daily))
}

/// The council sets the coverage limit to `percent`.
fn set_coverage(percent: u32) -> DispatchResult {
    Cbdc::set_max_coverage(council(), percent)
}

/// `GOVERNOR` gives `BANK_ID` a quota of 5 000.
fn quota_of_5_000() {
    let origin = RuntimeOrigin::signed(GOVERNOR);
    assert_ok!(Cbdc::set_bank_quota(origin, BANK_ID, 5_000));
}

/// Alice holds 1 000, her cap.
fn alice_at_her_cap() {
    rich_bank();
    credit(ALICE_ID, BASIC.0);
}

mod set_tier_limits {
    use super::*;

    #[test]
    fn the_council_sets_a_tier_s_limits() {
        build_and_execute(|| {
            assert_ok!(set_tier(KycTier::Basic, 2_000, 500));

            assert_eq!(TierLimits::<Test>::get(KycTier::Basic), limits(2_000, 500));
            assert_eq!(
                TierLimits::<Test>::get(KycTier::Standard),
                limits(STANDARD.0, STANDARD.1)
            );
            assert_eq!(
                last_event(),
                Event::TierLimitsSet {
                    tier: KycTier::Basic,
                    limits: limits(2_000, 500)
                }
            );
        });
    }

    #[test]
    fn a_raised_cap_lets_a_citizen_hold_more() {
        build_and_execute(|| {
            alice_at_her_cap();

            assert_ok!(set_tier(KycTier::Basic, 2_000, BASIC.1));

            credit(ALICE_ID, 1_000);
            assert_eq!(balance(ALICE_ID), 2_000);
        });
    }

    #[test]
    fn a_lowered_cap_takes_nothing_and_stops_receipts() {
        build_and_execute(|| {
            alice_at_her_cap();

            assert_ok!(set_tier(KycTier::Basic, 500, BASIC.1));

            assert_eq!(balance(ALICE_ID), 1_000);
            assert_noop!(
                transfer(BANKER, BANK, ALICE_ID, 1),
                Error::<Test>::BalanceCapExceeded
            );
            assert_ok!(transfer(ALICE, ALICE_ID, BOB_ID, 100));
        });
    }

    #[test]
    fn a_lowered_outflow_limit_counts_what_was_sent_today() {
        build_and_execute(|| {
            alice_at_her_cap();
            assert_ok!(transfer(ALICE, ALICE_ID, BOB_ID, 150));

            assert_ok!(set_tier(KycTier::Basic, BASIC.0, 100));

            assert_noop!(
                transfer(ALICE, ALICE_ID, BOB_ID, 1),
                Error::<Test>::DailyLimitExceeded
            );
        });
    }

    #[test]
    fn only_the_council_sets_tier_limits() {
        build_and_execute(|| {
            assert_only_council(|origin| {
                Cbdc::set_tier_limits(origin, KycTier::Standard, limits(1, 1))
            });
        });
    }
}

mod set_institution_limits {
    use super::*;

    #[test]
    fn the_council_gives_an_institution_limits_of_its_own() {
        build_and_execute(|| {
            ministry_limits(5_000, 1_000);

            assert_eq!(
                InstitutionLimits::<Test>::get(MINISTRY_ID),
                Some(limits(5_000, 1_000))
            );
            assert_eq!(Cbdc::limits_of(&MINISTRY), Some(limits(5_000, 1_000)));
            assert_eq!(
                last_event(),
                Event::InstitutionLimitsSet {
                    institution: MINISTRY_ID,
                    limits: Some(limits(5_000, 1_000))
                }
            );
        });
    }

    #[test]
    fn other_institutions_keep_the_default() {
        build_and_execute(|| {
            ministry_limits(5_000, 1_000);

            let court = Party::Institution(COURT_ID);
            assert_eq!(
                Cbdc::limits_of(&court),
                Some(limits(INSTITUTIONS.0, INSTITUTIONS.1))
            );
        });
    }

    #[test]
    fn none_returns_an_institution_to_the_default() {
        build_and_execute(|| {
            ministry_limits(5_000, 1_000);
            rich_bank();
            credit(MINISTRY, 5_000);

            assert_ok!(Cbdc::set_institution_limits(council(), MINISTRY_ID, None));

            assert_eq!(InstitutionLimits::<Test>::get(MINISTRY_ID), None);
            assert_eq!(
                last_event(),
                Event::InstitutionLimitsSet {
                    institution: MINISTRY_ID,
                    limits: None
                }
            );
            credit(MINISTRY, 5_000);
            assert_eq!(balance(MINISTRY), 10_000);
        });
    }

    #[test]
    fn limits_given_to_a_bank_do_not_bind_it() {
        build_and_execute(|| {
            let tiny = Some(limits(1, 1));
            assert_ok!(Cbdc::set_institution_limits(council(), BANK_ID, tiny));
            rich_bank();

            assert_eq!(Cbdc::limits_of(&BANK), None);
            credit(BOB_ID, 100);
        });
    }

    #[test]
    fn only_the_council_sets_institution_limits() {
        build_and_execute(|| {
            assert_only_council(|origin| {
                Cbdc::set_institution_limits(origin, MINISTRY_ID, Some(limits(1, 1)))
            });
        });
    }
}

mod set_max_coverage {
    use super::*;

    #[test]
    fn a_limit_above_the_ceiling_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                set_coverage(MaxCoverageCeiling::get() + 1),
                Error::<Test>::CoverageAboveCeiling
            );
            assert_ok!(set_coverage(MaxCoverageCeiling::get()));
        });
    }

    #[test]
    fn the_council_raises_the_coverage_limit_and_more_may_be_minted() {
        build_and_execute(|| {
            fund_bank(1_000);
            quota_of_5_000();

            assert_ok!(set_coverage(150));

            assert_eq!(MaxCoveragePercent::<Test>::get(), 150);
            assert_eq!(last_event(), Event::MaxCoverageSet { percent: 150 });
            assert_mints_at_most(BANK_ID, 500, Error::<Test>::CoverageExceeded);
        });
    }

    #[test]
    fn a_limit_the_supply_exceeds_is_refused() {
        build_and_execute(|| {
            fund_bank(1_000);

            assert_noop!(set_coverage(99), Error::<Test>::CoverageExceeded);
            assert_ok!(set_coverage(100));
        });
    }

    #[test]
    fn a_zero_limit_without_supply_stops_every_mint() {
        build_and_execute(|| {
            record_gold(1_000);
            quota_of_5_000();

            assert_ok!(set_coverage(0));

            assert_noop!(mint(BANK_ID, 1), Error::<Test>::CoverageExceeded);
        });
    }

    #[test]
    fn only_the_council_sets_the_coverage_limit() {
        build_and_execute(|| {
            assert_only_council(|origin| Cbdc::set_max_coverage(origin, 80));
        });
    }
}
