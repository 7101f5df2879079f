//! An institution's money: each officer pays from it within the council's daily limit per
//! officer (the institution's own figure, else the default), and a transfer above the council's
//! large-transfer amount waits for the institution's officers to approve it (dual control,
//! `LargeTransfer`); approved, it is the institution's act and counts against no officer.

use super::*;
use crate::{Call, LargeTransferThreshold, OfficerOutflows};
use govchain_primitives::{dual_control::ActionClass, identity::Role};

/// A second officer of the ministry.
const SECOND_CLERK: u64 = 8;

/// The ministry holds 5 000 and has a second officer.
fn funded_ministry() {
    fund_bank(5_000);
    credit(MINISTRY, 5_000);
    Identity::appoint(SECOND_CLERK, MINISTRY_ID, APPOINTMENTS_END);
}

/// `officer` pays `amount` from the ministry to Carol.
fn pay(officer: u64, amount: u64) -> DispatchResult {
    Cbdc::transfer(RuntimeOrigin::signed(officer), MINISTRY, CAROL_ID, amount)
}

fn set_officer_limit(institution: Option<u32>, limit: Option<u64>) {
    assert_ok!(Cbdc::set_officer_outflow_limit(
        council(),
        institution,
        limit
    ));
}

mod officer_limits {
    use super::*;

    #[test]
    fn each_officer_pays_within_the_default_limit() {
        build_and_execute(|| {
            funded_ministry();
            set_officer_limit(None, Some(300));

            assert_ok!(pay(CLERK, 200));
            assert_noop!(pay(CLERK, 101), Error::<Test>::OfficerDailyLimitExceeded);
            assert_ok!(pay(CLERK, 100));
            // Another officer has an allowance of its own.
            assert_ok!(pay(SECOND_CLERK, 300));
            assert_eq!(OfficerOutflows::<Test>::get(CLERK).sent, 300);
        });
    }

    #[test]
    fn the_limit_starts_afresh_each_period() {
        build_and_execute(|| {
            funded_ministry();
            set_officer_limit(None, Some(300));
            assert_ok!(pay(CLERK, 300));

            System::set_block_number(10);

            assert_ok!(pay(CLERK, 300));
        });
    }

    #[test]
    fn an_institution_s_own_figure_comes_before_the_default() {
        build_and_execute(|| {
            funded_ministry();
            set_officer_limit(None, Some(300));
            set_officer_limit(Some(MINISTRY_ID), Some(1_000));

            assert_ok!(pay(CLERK, 1_000));
            assert_noop!(pay(CLERK, 1), Error::<Test>::OfficerDailyLimitExceeded);
            System::assert_has_event(
                Event::OfficerOutflowLimitSet {
                    institution: Some(MINISTRY_ID),
                    limit: Some(1_000),
                }
                .into(),
            );
        });
    }

    #[test]
    fn without_a_limit_officers_pay_within_the_institution_s_limits_only() {
        build_and_execute(|| {
            funded_ministry();

            assert_ok!(pay(CLERK, 5_000));
            assert_eq!(OfficerOutflows::<Test>::get(CLERK).sent, 0);
        });
    }

    #[test]
    fn citizens_are_not_bound_by_officer_limits() {
        build_and_execute(|| {
            fund_bank(1_000);
            credit(BOB_ID, 1_000);
            set_officer_limit(None, Some(1));

            assert_ok!(Cbdc::transfer(
                RuntimeOrigin::signed(BOB),
                BOB_ID,
                CAROL_ID,
                500
            ));
        });
    }

    #[test]
    fn only_the_council_sets_limits() {
        build_and_execute(|| {
            assert_only_council(|origin| {
                Cbdc::set_officer_outflow_limit(origin, Some(MINISTRY_ID), Some(5))
            });
        });
    }
}

mod large_transfers {
    use super::*;

    /// Transfers above 1 000 need two of the ministry's officers (a role-less institution
    /// takes the strictest threshold of any role).
    fn dual_control_above_1_000() {
        assert_ok!(Cbdc::set_large_transfer_threshold(council(), Some(1_000)));
        Identity::set_threshold(Role::CivilRegistry, ActionClass::LargeTransfer, 2);
    }

    #[test]
    fn a_large_transfer_waits_for_a_second_officer_and_counts_against_neither() {
        build_and_execute(|| {
            funded_ministry();
            dual_control_above_1_000();
            set_officer_limit(None, Some(500));

            assert_ok!(pay(CLERK, 3_000));

            assert_eq!(balance(CAROL_ID), 0);
            let pending = Identity::pending(0).expect("the transfer is pending");
            assert_eq!(
                (pending.role, pending.class, pending.proposer),
                (None, ActionClass::LargeTransfer, CLERK)
            );
            assert_ok!(Identity::approve::<Call<Test>>(0));
            assert_eq!(balance(CAROL_ID), 3_000);
            assert_eq!(OfficerOutflows::<Test>::get(CLERK).sent, 0);
        });
    }

    #[test]
    fn a_transfer_at_the_threshold_is_one_officer_s() {
        build_and_execute(|| {
            funded_ministry();
            dual_control_above_1_000();

            assert_ok!(pay(CLERK, 1_000));

            assert_eq!(balance(CAROL_ID), 1_000);
            assert_eq!(Identity::pending_count(), 0);
        });
    }

    #[test]
    fn a_large_transfer_that_would_fail_is_refused_at_once() {
        build_and_execute(|| {
            funded_ministry();
            dual_control_above_1_000();

            assert_noop!(pay(CLERK, 6_000), Error::<Test>::InsufficientBalance);
            assert_eq!(Identity::pending_count(), 0);
        });
    }

    #[test]
    fn without_dual_control_a_large_transfer_is_still_bound_by_the_officer_limit() {
        build_and_execute(|| {
            funded_ministry();
            assert_ok!(Cbdc::set_large_transfer_threshold(council(), Some(1_000)));
            set_officer_limit(None, Some(500));

            assert_noop!(pay(CLERK, 3_000), Error::<Test>::OfficerDailyLimitExceeded);
        });
    }

    #[test]
    fn an_officer_of_another_institution_is_refused() {
        build_and_execute(|| {
            funded_ministry();
            dual_control_above_1_000();

            assert_noop!(pay(JUDGE, 3_000), Error::<Test>::NotHolder);
            assert_noop!(pay(JUDGE, 10), Error::<Test>::NotHolder);
            assert_noop!(pay(ALICE, 10), Error::<Test>::NotHolder);
        });
    }

    #[test]
    fn only_the_council_sets_the_amount() {
        build_and_execute(|| {
            assert_only_council(|origin| Cbdc::set_large_transfer_threshold(origin, Some(5)));
            assert_eq!(LargeTransferThreshold::<Test>::get(), Some(5));
        });
    }
}
