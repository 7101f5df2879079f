//! The ministry accredits universities for periods of days, extends their current or upcoming
//! period, suspends (and lifts the suspension of) and withdraws accreditations; earlier periods
//! are kept.

use super::*;
use crate::{Accreditations, Period, Standing};
use frame_support::assert_ok;
use govchain_primitives::identity::InstitutionId;

fn try_accredit(university: InstitutionId, from: Day, until: Day) -> DispatchResult {
    Diplomas::accredit(
        RuntimeOrigin::signed(MINISTER),
        university,
        Period { from, until },
    )
}

fn extend(university: InstitutionId, until: Day) -> DispatchResult {
    Diplomas::extend_accreditation(RuntimeOrigin::signed(MINISTER), university, until)
}

fn suspend(university: InstitutionId) -> DispatchResult {
    Diplomas::suspend_accreditation(RuntimeOrigin::signed(MINISTER), university)
}

fn lift(university: InstitutionId) -> DispatchResult {
    Diplomas::lift_suspension(RuntimeOrigin::signed(MINISTER), university)
}

fn withdraw(university: InstitutionId, last_day: Option<Day>) -> DispatchResult {
    Diplomas::withdraw_accreditation(RuntimeOrigin::signed(MINISTER), university, last_day)
}

fn standing_of(university: InstitutionId) -> Option<Standing> {
    Accreditations::<Test>::get(university).map(|accreditation| accreditation.standing)
}

/// Whether `university` may issue diplomas today.
fn may_issue(university: InstitutionId) -> bool {
    Diplomas::accreditation_record(university).is_some_and(|record| record.may_issue_today)
}

/// Checks `UNIVERSITY_ID`'s periods as (from, until) pairs, its standing and whether it may
/// issue diplomas today.
#[track_caller]
fn assert_accreditation(periods: &[(Day, Day)], standing: Standing, may_issue_today: bool) {
    assert_eq!(periods_of(UNIVERSITY_ID), periods);
    assert_eq!(standing_of(UNIVERSITY_ID), Some(standing));
    assert_eq!(may_issue(UNIVERSITY_ID), may_issue_today);
}

/// Checks that `UNIVERSITY_ID`'s accreditation is withdrawn, leaving it `periods`.
#[track_caller]
fn assert_withdrawn(periods: &[(Day, Day)]) {
    assert_accreditation(periods, Standing::Withdrawn, false);
}

/// The event of the ministry lifting `UNIVERSITY_ID`'s suspension.
fn suspension_lifted(accredited_until: Option<Day>) -> Event<Test> {
    Event::SuspensionLifted {
        university: UNIVERSITY_ID,
        accredited_until,
        ministry: MINISTRY_ID,
    }
}

/// The event of the ministry withdrawing `UNIVERSITY_ID`'s accreditation.
fn accreditation_withdrawn(last_day: Day) -> Event<Test> {
    Event::AccreditationWithdrawn {
        university: UNIVERSITY_ID,
        last_day,
        ministry: MINISTRY_ID,
    }
}

/// Accredits `UNIVERSITY_ID` from `TODAY - 10` to `TODAY + 5`, suspends it today and moves the
/// clock `days` on.
fn suspend_short_period_for(days: Day) {
    accredit(UNIVERSITY_ID, TODAY - 10, TODAY + 5);
    suspend_university();
    advance_days(days);
}

/// Fills `UNIVERSITY_ID`'s 3 periods: two one-day periods that lapsed and a current one
/// running until 8 days after the day it returns (today).
fn fill_periods() -> Day {
    accredit(UNIVERSITY_ID, TODAY, TODAY);
    advance_days(1);
    accredit(UNIVERSITY_ID, TODAY + 1, TODAY + 1);
    advance_days(1);
    accredit(UNIVERSITY_ID, TODAY + 2, TODAY + 10);
    TODAY + 2
}

mod accredit {
    use super::*;

    #[test]
    fn the_ministry_accredits_a_university_for_a_period() {
        build_and_execute(|| {
            assert_ok!(try_accredit(UNIVERSITY_ID, TODAY - 100, TODAY + 265));

            assert_accreditation(&[(TODAY - 100, TODAY + 265)], Standing::Accredited, true);
            assert_eq!(
                last_event(),
                Event::Accredited {
                    university: UNIVERSITY_ID,
                    period: Period {
                        from: TODAY - 100,
                        until: TODAY + 265
                    },
                    ministry: MINISTRY_ID
                }
            );
        });
    }

    #[test]
    fn a_period_to_come_is_accredited_but_allows_no_issuing_yet() {
        build_and_execute(|| {
            assert_ok!(try_accredit(UNIVERSITY_ID, TODAY + 10, TODAY + 20));

            assert_accreditation(&[(TODAY + 10, TODAY + 20)], Standing::Accredited, false);
        });
    }

    #[test]
    fn a_period_of_one_day_ending_today_is_accepted() {
        build_and_execute(|| {
            assert_ok!(try_accredit(UNIVERSITY_ID, TODAY, TODAY));

            assert_accreditation(&[(TODAY, TODAY)], Standing::Accredited, true);
        });
    }

    #[test]
    fn a_university_whose_period_lapsed_is_accredited_for_a_new_period() {
        build_and_execute(|| {
            lapsed_period();

            assert_ok!(try_accredit(UNIVERSITY_ID, TODAY + 10, TODAY + 50));

            assert_eq!(
                periods_of(UNIVERSITY_ID),
                vec![(TODAY - 10, TODAY + 5), (TODAY + 10, TODAY + 50)]
            );
        });
    }

    #[test]
    fn an_institution_without_the_university_role_is_not_accredited() {
        build_and_execute(|| {
            for institution in [COURT_ID, REGISTRY_ID, MINISTRY_ID] {
                assert_noop!(
                    try_accredit(institution, TODAY, TODAY + 10),
                    Error::<Test>::NotAUniversity
                );
            }
        });
    }

    #[test]
    fn an_inactive_university_is_not_accredited() {
        build_and_execute(|| {
            Identity::suspend_institution(UNIVERSITY_ID);

            assert_noop!(
                try_accredit(UNIVERSITY_ID, TODAY, TODAY + 10),
                Error::<Test>::NotAUniversity
            );
        });
    }

    #[test]
    fn a_period_ending_before_it_starts_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                try_accredit(UNIVERSITY_ID, TODAY + 10, TODAY + 9),
                Error::<Test>::InvalidPeriod
            );
        });
    }

    #[test]
    fn a_period_that_ended_yesterday_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                try_accredit(UNIVERSITY_ID, TODAY - 10, TODAY - 1),
                Error::<Test>::PeriodEnded
            );
        });
    }

    #[test]
    fn a_university_accredited_now_is_extended_not_accredited_again() {
        build_and_execute(|| {
            accredit_university();

            assert_noop!(
                try_accredit(UNIVERSITY_ID, TODAY + 300, TODAY + 400),
                Error::<Test>::AlreadyAccredited
            );
        });
    }

    #[test]
    fn a_university_with_a_period_to_come_is_not_accredited_again() {
        build_and_execute(|| {
            accredit(UNIVERSITY_ID, TODAY + 10, TODAY + 20);

            assert_noop!(
                try_accredit(UNIVERSITY_ID, TODAY + 30, TODAY + 40),
                Error::<Test>::AlreadyAccredited
            );
        });
    }

    #[test]
    fn a_suspended_university_is_not_accredited() {
        build_and_execute(|| {
            accredit_university();
            suspend_university();
            advance_days(1);

            assert_noop!(
                try_accredit(UNIVERSITY_ID, TODAY + 1, TODAY + 100),
                Error::<Test>::AccreditationSuspended
            );
        });
    }

    #[test]
    fn a_new_period_starting_on_or_before_the_last_day_of_the_previous_is_refused() {
        build_and_execute(|| {
            lapsed_period();

            assert_noop!(
                try_accredit(UNIVERSITY_ID, TODAY + 5, TODAY + 50),
                Error::<Test>::PeriodOverlaps
            );
            assert_noop!(
                try_accredit(UNIVERSITY_ID, TODAY - 20, TODAY + 50),
                Error::<Test>::PeriodOverlaps
            );
        });
    }

    #[test]
    fn a_later_period_starting_before_today_is_refused() {
        build_and_execute(|| {
            lapsed_period();

            assert_noop!(
                try_accredit(UNIVERSITY_ID, TODAY + 9, TODAY + 50),
                Error::<Test>::PeriodStartsInPast
            );
        });
    }

    #[test]
    fn a_withdrawal_that_took_every_period_away_is_not_undone_by_a_backdated_period() {
        build_and_execute(|| {
            accredit_university();
            assert_ok!(withdraw(UNIVERSITY_ID, Some(TODAY - 101)));

            assert_noop!(
                try_accredit(UNIVERSITY_ID, TODAY - 50, TODAY + 10),
                Error::<Test>::PeriodStartsInPast
            );
            assert_ok!(try_accredit(UNIVERSITY_ID, TODAY, TODAY + 10));
            assert_eq!(periods_of(UNIVERSITY_ID), vec![(TODAY, TODAY + 10)]);
        });
    }

    #[test]
    fn a_university_with_all_its_periods_used_is_not_accredited_again() {
        build_and_execute(|| {
            fill_periods();
            advance_days(20);

            assert_noop!(
                try_accredit(UNIVERSITY_ID, TODAY + 22, TODAY + 30),
                Error::<Test>::TooManyPeriods
            );
        });
    }

    #[test]
    fn only_a_serving_minister_accredits() {
        build_and_execute(|| {
            assert_only_serving_officers(MINISTER, &[DEAN], |origin| {
                let period = Period {
                    from: TODAY,
                    until: TODAY + 10,
                };
                Diplomas::accredit(origin, UNIVERSITY_ID, period)
            });
        });
    }
}

mod extend_accreditation {
    use super::*;

    #[test]
    fn the_ministry_extends_the_current_period() {
        build_and_execute(|| {
            accredit_university();

            assert_ok!(extend(UNIVERSITY_ID, TODAY + 400));

            assert_eq!(periods_of(UNIVERSITY_ID), vec![(TODAY - 100, TODAY + 400)]);
            assert_eq!(
                last_event(),
                Event::AccreditationExtended {
                    university: UNIVERSITY_ID,
                    until: TODAY + 400,
                    ministry: MINISTRY_ID
                }
            );
        });
    }

    #[test]
    fn the_ministry_extends_a_period_to_come() {
        build_and_execute(|| {
            accredit(UNIVERSITY_ID, TODAY + 10, TODAY + 20);

            assert_ok!(extend(UNIVERSITY_ID, TODAY + 30));

            assert_eq!(periods_of(UNIVERSITY_ID), vec![(TODAY + 10, TODAY + 30)]);
        });
    }

    #[test]
    fn a_period_ending_today_is_still_extended() {
        build_and_execute(|| {
            accredit(UNIVERSITY_ID, TODAY - 10, TODAY);

            assert_ok!(extend(UNIVERSITY_ID, TODAY + 1));

            assert_eq!(periods_of(UNIVERSITY_ID), vec![(TODAY - 10, TODAY + 1)]);
        });
    }

    #[test]
    fn only_the_last_period_is_extended() {
        build_and_execute(|| {
            lapsed_period();
            accredit(UNIVERSITY_ID, TODAY + 10, TODAY + 20);

            assert_ok!(extend(UNIVERSITY_ID, TODAY + 40));

            assert_eq!(
                periods_of(UNIVERSITY_ID),
                vec![(TODAY - 10, TODAY + 5), (TODAY + 10, TODAY + 40)]
            );
        });
    }

    #[test]
    fn an_extension_ending_on_or_before_the_current_end_is_refused() {
        build_and_execute(|| {
            accredit_university();

            assert_noop!(
                extend(UNIVERSITY_ID, TODAY + 265),
                Error::<Test>::ExtensionNotLater
            );
            assert_noop!(
                extend(UNIVERSITY_ID, TODAY + 100),
                Error::<Test>::ExtensionNotLater
            );
        });
    }

    #[test]
    fn a_university_never_accredited_is_not_extended() {
        build_and_execute(|| {
            assert_noop!(
                extend(UNIVERSITY_ID, TODAY + 10),
                Error::<Test>::NotAccredited
            );
        });
    }

    #[test]
    fn a_lapsed_period_is_not_extended() {
        build_and_execute(|| {
            accredit(UNIVERSITY_ID, TODAY, TODAY + 5);
            advance_days(6);

            assert_noop!(
                extend(UNIVERSITY_ID, TODAY + 100),
                Error::<Test>::NotAccredited
            );
        });
    }

    #[test]
    fn a_suspended_accreditation_is_not_extended() {
        build_and_execute(|| {
            accredit_university();
            suspend_university();

            assert_noop!(
                extend(UNIVERSITY_ID, TODAY + 400),
                Error::<Test>::AccreditationSuspended
            );
        });
    }

    #[test]
    fn a_withdrawn_accreditation_is_not_extended() {
        build_and_execute(|| {
            accredit_university();
            withdraw_university(None);

            assert_noop!(
                extend(UNIVERSITY_ID, TODAY + 400),
                Error::<Test>::AccreditationWithdrawn
            );
        });
    }

    #[test]
    fn only_a_serving_minister_extends() {
        build_and_execute(|| {
            accredit_university();

            assert_only_serving_officers(MINISTER, &[DEAN], |origin| {
                Diplomas::extend_accreditation(origin, UNIVERSITY_ID, TODAY + 400)
            });
        });
    }
}

mod suspend_accreditation {
    use super::*;

    #[test]
    fn a_suspension_makes_today_the_last_accredited_day() {
        build_and_execute(|| {
            accredit_university();
            advance_days(5);

            assert_ok!(suspend(UNIVERSITY_ID));

            let standing = Standing::Suspended {
                resume_until: TODAY + 265,
            };
            assert_accreditation(&[(TODAY - 100, TODAY + 5)], standing, false);
            assert_eq!(
                last_event(),
                Event::AccreditationSuspended {
                    university: UNIVERSITY_ID,
                    on: TODAY + 5,
                    ministry: MINISTRY_ID
                }
            );
        });
    }

    #[test]
    fn a_suspension_keeps_the_earlier_periods() {
        build_and_execute(|| {
            lapsed_period();
            accredit(UNIVERSITY_ID, TODAY + 10, TODAY + 20);

            assert_ok!(suspend(UNIVERSITY_ID));

            assert_eq!(
                periods_of(UNIVERSITY_ID),
                vec![(TODAY - 10, TODAY + 5), (TODAY + 10, TODAY + 10)]
            );
        });
    }

    #[test]
    fn a_university_never_accredited_is_not_suspended() {
        build_and_execute(|| {
            assert_noop!(suspend(UNIVERSITY_ID), Error::<Test>::NotAccredited);
        });
    }

    #[test]
    fn a_period_to_come_is_not_suspended() {
        build_and_execute(|| {
            accredit(UNIVERSITY_ID, TODAY + 1, TODAY + 20);

            assert_noop!(suspend(UNIVERSITY_ID), Error::<Test>::NotAccredited);
        });
    }

    #[test]
    fn a_lapsed_period_is_not_suspended() {
        build_and_execute(|| {
            accredit(UNIVERSITY_ID, TODAY, TODAY + 5);
            advance_days(6);

            assert_noop!(suspend(UNIVERSITY_ID), Error::<Test>::NotAccredited);
        });
    }

    #[test]
    fn a_suspended_accreditation_is_not_suspended_again() {
        build_and_execute(|| {
            accredit_university();
            suspend_university();

            assert_noop!(
                suspend(UNIVERSITY_ID),
                Error::<Test>::AccreditationSuspended
            );
        });
    }

    #[test]
    fn a_withdrawn_accreditation_is_not_suspended() {
        build_and_execute(|| {
            accredit_university();
            withdraw_university(None);

            assert_noop!(
                suspend(UNIVERSITY_ID),
                Error::<Test>::AccreditationWithdrawn
            );
        });
    }

    #[test]
    fn only_a_serving_minister_suspends() {
        build_and_execute(|| {
            accredit_university();

            assert_only_serving_officers(MINISTER, &[JUDGE], |origin| {
                Diplomas::suspend_accreditation(origin, UNIVERSITY_ID)
            });
        });
    }
}

mod lift_suspension {
    use super::*;

    #[test]
    fn lifted_the_same_day_the_period_simply_goes_on() {
        build_and_execute(|| {
            accredit_university();
            suspend_university();

            assert_ok!(lift(UNIVERSITY_ID));

            assert_accreditation(&[(TODAY - 100, TODAY + 265)], Standing::Accredited, true);
            assert_eq!(last_event(), suspension_lifted(Some(TODAY + 265)));
        });
    }

    #[test]
    fn lifted_on_a_later_day_a_new_period_starts_and_the_suspension_stays_unaccredited() {
        build_and_execute(|| {
            accredit_university();
            suspend_university();
            advance_days(10);

            assert_ok!(lift(UNIVERSITY_ID));

            assert_accreditation(
                &[(TODAY - 100, TODAY), (TODAY + 10, TODAY + 265)],
                Standing::Accredited,
                true,
            );
            let accreditation = Accreditations::<Test>::get(UNIVERSITY_ID).unwrap();
            assert!(!accreditation.covers(TODAY + 1));
            assert!(!accreditation.covers(TODAY + 9));
            assert_eq!(last_event(), suspension_lifted(Some(TODAY + 265)));
        });
    }

    #[test]
    fn lifted_on_the_last_day_of_the_suspended_period_it_resumes_for_that_day() {
        build_and_execute(|| {
            suspend_short_period_for(5);

            assert_ok!(lift(UNIVERSITY_ID));

            assert_accreditation(
                &[(TODAY - 10, TODAY), (TODAY + 5, TODAY + 5)],
                Standing::Accredited,
                true,
            );
            assert_eq!(last_event(), suspension_lifted(Some(TODAY + 5)));
        });
    }

    #[test]
    fn lifted_after_the_period_lapsed_no_period_resumes() {
        build_and_execute(|| {
            suspend_short_period_for(6);

            assert_ok!(lift(UNIVERSITY_ID));

            assert_accreditation(&[(TODAY - 10, TODAY)], Standing::Accredited, false);
            assert_eq!(last_event(), suspension_lifted(None));
        });
    }

    #[test]
    fn a_university_whose_suspension_was_lifted_after_its_period_lapsed_is_accredited_afresh() {
        build_and_execute(|| {
            suspend_short_period_for(6);
            lift_university_suspension();

            assert_ok!(try_accredit(UNIVERSITY_ID, TODAY + 6, TODAY + 100));

            assert_eq!(
                periods_of(UNIVERSITY_ID),
                vec![(TODAY - 10, TODAY), (TODAY + 6, TODAY + 100)]
            );
            assert!(may_issue(UNIVERSITY_ID));
        });
    }

    #[test]
    fn lifted_the_same_day_it_needs_no_new_period_even_with_all_periods_used() {
        build_and_execute(|| {
            let today = fill_periods();
            suspend_university();

            assert_ok!(lift(UNIVERSITY_ID));

            assert_eq!(periods_of(UNIVERSITY_ID).last(), Some(&(today, TODAY + 10)));
        });
    }

    #[test]
    fn lifting_on_a_later_day_with_all_periods_used_is_refused() {
        build_and_execute(|| {
            fill_periods();
            suspend_university();
            advance_days(1);

            assert_noop!(lift(UNIVERSITY_ID), Error::<Test>::TooManyPeriods);
        });
    }

    #[test]
    fn an_accreditation_that_is_not_suspended_is_not_lifted() {
        build_and_execute(|| {
            accredit_university();

            assert_noop!(lift(UNIVERSITY_ID), Error::<Test>::NotSuspended);
        });
    }

    #[test]
    fn a_university_never_accredited_has_no_suspension_to_lift() {
        build_and_execute(|| {
            assert_noop!(lift(UNIVERSITY_ID), Error::<Test>::NotSuspended);
        });
    }

    #[test]
    fn a_suspension_that_was_lifted_is_not_lifted_again() {
        build_and_execute(|| {
            accredit_university();
            suspend_university();
            lift_university_suspension();

            assert_noop!(lift(UNIVERSITY_ID), Error::<Test>::NotSuspended);
        });
    }

    #[test]
    fn only_a_serving_minister_lifts_a_suspension() {
        build_and_execute(|| {
            accredit_university();
            suspend_university();

            assert_only_serving_officers(MINISTER, &[DEAN], |origin| {
                Diplomas::lift_suspension(origin, UNIVERSITY_ID)
            });
        });
    }
}

mod withdraw_accreditation {
    use super::*;

    /// Accredits `UNIVERSITY_ID` from `TODAY` to `TODAY + 5` and, 10 days on, from `TODAY + 10`
    /// to `TODAY + 100`.
    fn periods_with_a_gap() {
        accredit(UNIVERSITY_ID, TODAY, TODAY + 5);
        advance_days(10);
        accredit(UNIVERSITY_ID, TODAY + 10, TODAY + 100);
    }

    #[test]
    fn a_withdrawal_without_a_day_makes_today_the_last_accredited_day() {
        build_and_execute(|| {
            accredit_university();
            advance_days(5);

            assert_ok!(withdraw(UNIVERSITY_ID, None));

            assert_withdrawn(&[(TODAY - 100, TODAY + 5)]);
            assert_eq!(last_event(), accreditation_withdrawn(TODAY + 5));
        });
    }

    #[test]
    fn a_withdrawal_naming_today_is_the_same_as_none() {
        build_and_execute(|| {
            accredit_university();

            assert_ok!(withdraw(UNIVERSITY_ID, Some(TODAY)));

            assert_withdrawn(&[(TODAY - 100, TODAY)]);
        });
    }

    #[test]
    fn a_backdated_withdrawal_cuts_the_current_period_at_its_last_day() {
        build_and_execute(|| {
            accredit_university();

            assert_ok!(withdraw(UNIVERSITY_ID, Some(TODAY - 50)));

            assert_withdrawn(&[(TODAY - 100, TODAY - 50)]);
            assert_eq!(last_event(), accreditation_withdrawn(TODAY - 50));
        });
    }

    #[test]
    fn a_backdated_withdrawal_removes_the_periods_after_its_last_day() {
        build_and_execute(|| {
            periods_with_a_gap();

            assert_ok!(withdraw(UNIVERSITY_ID, Some(TODAY + 3)));

            assert_withdrawn(&[(TODAY, TODAY + 3)]);
        });
    }

    #[test]
    fn a_withdrawal_backdated_to_a_gap_keeps_the_earlier_period_whole() {
        build_and_execute(|| {
            periods_with_a_gap();

            assert_ok!(withdraw(UNIVERSITY_ID, Some(TODAY + 7)));

            assert_withdrawn(&[(TODAY, TODAY + 5)]);
        });
    }

    #[test]
    fn a_withdrawal_backdated_before_every_period_removes_them_all() {
        build_and_execute(|| {
            accredit_university();

            assert_ok!(withdraw(UNIVERSITY_ID, Some(TODAY - 101)));

            assert_withdrawn(&[]);
        });
    }

    #[test]
    fn a_withdrawal_backdated_to_the_first_day_of_a_period_keeps_that_day() {
        build_and_execute(|| {
            accredit_university();

            assert_ok!(withdraw(UNIVERSITY_ID, Some(TODAY - 100)));

            assert_withdrawn(&[(TODAY - 100, TODAY - 100)]);
        });
    }

    #[test]
    fn a_withdrawal_drops_a_period_to_come() {
        build_and_execute(|| {
            lapsed_period();
            accredit(UNIVERSITY_ID, TODAY + 20, TODAY + 30);

            assert_ok!(withdraw(UNIVERSITY_ID, None));

            assert_withdrawn(&[(TODAY - 10, TODAY + 5)]);
        });
    }

    #[test]
    fn a_lapsed_accreditation_is_withdrawn_without_changing_its_periods() {
        build_and_execute(|| {
            lapsed_period();

            assert_ok!(withdraw(UNIVERSITY_ID, None));

            assert_withdrawn(&[(TODAY - 10, TODAY + 5)]);
        });
    }

    #[test]
    fn a_suspended_accreditation_is_withdrawn_and_can_no_longer_be_lifted() {
        build_and_execute(|| {
            accredit_university();
            suspend_university();
            advance_days(5);

            assert_ok!(withdraw(UNIVERSITY_ID, None));

            assert_withdrawn(&[(TODAY - 100, TODAY)]);
            assert_noop!(lift(UNIVERSITY_ID), Error::<Test>::NotSuspended);
        });
    }

    #[test]
    fn a_withdrawn_university_is_accredited_afresh_from_the_day_after() {
        build_and_execute(|| {
            accredit_university();
            withdraw_university(None);

            assert_ok!(try_accredit(UNIVERSITY_ID, TODAY + 1, TODAY + 100));

            assert_accreditation(
                &[(TODAY - 100, TODAY), (TODAY + 1, TODAY + 100)],
                Standing::Accredited,
                false,
            );
            advance_days(1);
            assert!(may_issue(UNIVERSITY_ID));
        });
    }

    #[test]
    fn a_withdrawn_university_is_not_accredited_again_on_its_last_day() {
        build_and_execute(|| {
            accredit_university();
            withdraw_university(None);

            assert_noop!(
                try_accredit(UNIVERSITY_ID, TODAY, TODAY + 100),
                Error::<Test>::PeriodOverlaps
            );
        });
    }

    #[test]
    fn a_withdrawn_accreditation_is_withdrawn_again_from_an_earlier_day() {
        build_and_execute(|| {
            accredit_university();
            withdraw_university(None);

            assert_ok!(withdraw(UNIVERSITY_ID, Some(TODAY - 50)));

            assert_withdrawn(&[(TODAY - 100, TODAY - 50)]);
            assert_eq!(last_event(), accreditation_withdrawn(TODAY - 50));
        });
    }

    #[test]
    fn withdrawing_again_without_taking_anything_away_is_refused() {
        build_and_execute(|| {
            accredit_university();
            assert_ok!(withdraw(UNIVERSITY_ID, Some(TODAY - 50)));

            assert_noop!(
                withdraw(UNIVERSITY_ID, Some(TODAY - 50)),
                Error::<Test>::AccreditationWithdrawn
            );
            assert_noop!(
                withdraw(UNIVERSITY_ID, None),
                Error::<Test>::AccreditationWithdrawn
            );
            advance_days(10);
            assert_noop!(
                withdraw(UNIVERSITY_ID, None),
                Error::<Test>::AccreditationWithdrawn
            );
        });
    }

    #[test]
    fn withdrawing_again_when_every_period_is_gone_is_refused() {
        build_and_execute(|| {
            accredit(UNIVERSITY_ID, TODAY + 10, TODAY + 20);
            assert_ok!(withdraw(UNIVERSITY_ID, None));
            assert_eq!(periods_of(UNIVERSITY_ID), vec![]);

            assert_noop!(
                withdraw(UNIVERSITY_ID, Some(TODAY - 1_000)),
                Error::<Test>::AccreditationWithdrawn
            );
        });
    }

    #[test]
    fn a_withdrawal_after_today_is_refused() {
        build_and_execute(|| {
            accredit_university();

            assert_noop!(
                withdraw(UNIVERSITY_ID, Some(TODAY + 1)),
                Error::<Test>::WithdrawalInFuture
            );
        });
    }

    #[test]
    fn a_university_never_accredited_is_not_withdrawn() {
        build_and_execute(|| {
            assert_noop!(withdraw(UNIVERSITY_ID, None), Error::<Test>::NotAccredited);
        });
    }

    #[test]
    fn only_a_serving_minister_withdraws() {
        build_and_execute(|| {
            accredit_university();

            assert_only_serving_officers(MINISTER, &[REGISTRAR], |origin| {
                Diplomas::withdraw_accreditation(origin, UNIVERSITY_ID, None)
            });
        });
    }
}
