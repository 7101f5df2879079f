//! Holders pay each other: an account acting for the sender pays a verified receiver; neither
//! may be frozen, the receiver stays within its balance cap and the sender within its outflow
//! per period of 10 blocks. Banks and the central bank have no limits.

use super::*;
use crate::{Holders, TotalSupply};

/// What `holder` sent in the period it last sent in, and that period.
fn outflow(holder: Party) -> (u32, u64) {
    let outflow = Holders::<Test>::get(holder).outflow;
    (outflow.period, outflow.sent)
}

/// Checks that `amount` moved from `from` to `to`, now holding `left` and `held`, and that this
/// was the last event.
#[track_caller]
fn assert_moved(from: Party, to: Party, amount: u64, (left, held): (u64, u64)) {
    assert_eq!((balance(from), balance(to)), (left, held));
    assert_eq!(last_event(), Event::Transferred { from, to, amount });
}

/// Checks that `holder`, credited up to `cap`, receives nothing more.
#[track_caller]
fn assert_capped_at(holder: Party, cap: u64) {
    rich_bank();
    credit(holder, cap);

    assert_noop!(
        transfer(BANKER, BANK, holder, 1),
        Error::<Test>::BalanceCapExceeded
    );
    assert_eq!(balance(holder), cap);
}

/// Checks that `who`, acting for `holder`, sends `daily` in a period and nothing more, though
/// `holder` has more.
#[track_caller]
fn assert_daily_limit(who: u64, holder: Party, daily: u64) {
    rich_bank();
    credit(holder, daily + 1);
    assert_ok!(transfer(who, holder, BANK, daily));

    assert_noop!(
        transfer(who, holder, BANK, 1),
        Error::<Test>::DailyLimitExceeded
    );
    assert_eq!(outflow(holder), (0, daily));
}

/// Checks that Bob may not pay `amount` to `to`, which `error` refuses.
#[track_caller]
fn assert_bob_refused(to: Party, amount: u64, error: Error<Test>) {
    assert_noop!(transfer(BOB, BOB_ID, to, amount), error);
}

/// The ministry holds 1 000 from the bank.
fn ministry_holds_1_000() {
    rich_bank();
    credit(MINISTRY, 1_000);
}

/// Checks that `CLERK` may no longer pay for the ministry.
#[track_caller]
fn assert_clerk_may_not_pay() {
    assert_noop!(
        transfer(CLERK, MINISTRY, BOB_ID, 100),
        Error::<Test>::NotHolder
    );
}

mod payments {
    use super::*;

    #[test]
    fn a_bank_credits_a_citizen() {
        build_and_execute(|| {
            rich_bank();

            assert_ok!(transfer(BANKER, BANK, BOB_ID, 1_000));

            assert_moved(BANK, BOB_ID, 1_000, (1_999_000, 1_000));
            assert_eq!(TotalSupply::<Test>::get(), 2_000_000);
        });
    }

    #[test]
    fn a_citizen_pays_another() {
        build_and_execute(|| {
            bob_holds_1_000();

            assert_ok!(transfer(BOB, BOB_ID, ALICE_ID, 150));

            assert_moved(BOB_ID, ALICE_ID, 150, (850, 150));
            assert_eq!(outflow(BOB_ID), (0, 150));
        });
    }

    #[test]
    fn a_citizen_pays_an_institution() {
        build_and_execute(|| {
            bob_holds_1_000();

            assert_ok!(transfer(BOB, BOB_ID, MINISTRY, 400));

            assert_moved(BOB_ID, MINISTRY, 400, (600, 400));
        });
    }

    #[test]
    fn an_officer_pays_for_their_institution() {
        build_and_execute(|| {
            rich_bank();
            credit(MINISTRY, 5_000);

            assert_ok!(transfer(CLERK, MINISTRY, CAROL_ID, 2_000));

            assert_moved(MINISTRY, CAROL_ID, 2_000, (3_000, 2_000));
            assert_eq!(outflow(MINISTRY), (0, 2_000));
        });
    }

    #[test]
    fn a_holder_that_pays_everything_keeps_only_its_outflow() {
        build_and_execute(|| {
            bob_holds_1_000();

            assert_ok!(transfer(BOB, BOB_ID, BANK, 1_000));

            let record = Holders::<Test>::get(BOB_ID);
            assert_eq!((record.balance, record.outflow.sent), (0, 1_000));
        });
    }

    #[test]
    fn a_holder_without_limits_that_pays_everything_holds_no_entry() {
        build_and_execute(|| {
            rich_bank();
            let held = balance(BANK);
            assert!(held > 0);

            assert_ok!(transfer(BANKER, BANK, OTHER_BANK, held));

            assert!(!Holders::<Test>::contains_key(BANK));
        });
    }
}

mod refusals {
    use super::*;

    #[test]
    fn an_unsigned_origin_is_refused() {
        build_and_execute(|| {
            rich_bank();

            for origin in unsigned_origins() {
                assert_noop!(
                    Cbdc::transfer(origin, BANK, BOB_ID, 100),
                    DispatchError::BadOrigin
                );
            }
        });
    }

    #[test]
    fn only_an_account_acting_for_the_sender_pays() {
        build_and_execute(|| {
            bob_holds_1_000();
            credit(MINISTRY, 1_000);
            let strangers = [
                (NOBODY, BOB_ID),
                (ALICE, BOB_ID),
                (BANKER, MINISTRY),
                (CLERK, BANK),
                (GOVERNOR, BANK),
                (OTHER_BANKER, BANK),
            ];

            for (who, from) in strangers {
                assert_noop!(transfer(who, from, CAROL_ID, 100), Error::<Test>::NotHolder);
            }
        });
    }

    #[test]
    fn an_expired_officer_no_longer_pays_for_their_institution() {
        build_and_execute(|| {
            ministry_holds_1_000();
            Identity::expire_officer(CLERK);

            assert_clerk_may_not_pay();
        });
    }

    /// `UnverifiedSender` cannot be reached through `transfer`: nobody acts for an inactive
    /// holder. `Payments::pay` reaches it (see `payments.rs`).
    #[test]
    fn a_deactivated_citizen_s_account_no_longer_pays() {
        build_and_execute(|| {
            bob_holds_1_000();
            Identity::deactivate_citizen(BOB);

            assert_bob_refused(ALICE_ID, 100, Error::<Test>::NotHolder);
            assert_eq!(balance(BOB_ID), 1_000);
        });
    }

    #[test]
    fn an_officer_of_a_deactivated_institution_no_longer_pays() {
        build_and_execute(|| {
            ministry_holds_1_000();
            Identity::suspend_institution(MINISTRY_ID);

            assert_clerk_may_not_pay();
        });
    }

    #[test]
    fn a_payment_to_oneself_is_refused() {
        build_and_execute(|| {
            bob_holds_1_000();

            assert_bob_refused(BOB_ID, 100, Error::<Test>::SelfTransfer);
        });
    }

    #[test]
    fn a_zero_amount_is_refused() {
        build_and_execute(|| {
            bob_holds_1_000();

            assert_bob_refused(ALICE_ID, 0, Error::<Test>::ZeroAmount);
        });
    }

    #[test]
    fn a_deactivated_citizen_receives_nothing() {
        build_and_execute(|| {
            bob_holds_1_000();
            Identity::deactivate_citizen(ALICE);

            assert_bob_refused(ALICE_ID, 100, Error::<Test>::UnverifiedReceiver);
        });
    }

    #[test]
    fn a_deactivated_institution_receives_nothing() {
        build_and_execute(|| {
            bob_holds_1_000();
            Identity::suspend_institution(MINISTRY_ID);

            assert_bob_refused(MINISTRY, 100, Error::<Test>::UnverifiedReceiver);
        });
    }

    #[test]
    fn an_unknown_citizen_or_institution_receives_nothing() {
        build_and_execute(|| {
            rich_bank();

            for to in [Party::Citizen(7), Party::Institution(42)] {
                assert_noop!(
                    transfer(BANKER, BANK, to, 100),
                    Error::<Test>::UnverifiedReceiver
                );
            }
        });
    }

    #[test]
    fn a_frozen_sender_pays_nothing() {
        build_and_execute(|| {
            bob_holds_1_000();
            freeze(BOB_ID);

            assert_bob_refused(ALICE_ID, 100, Error::<Test>::SenderFrozen);
        });
    }

    #[test]
    fn a_frozen_receiver_gets_nothing() {
        build_and_execute(|| {
            bob_holds_1_000();
            freeze(ALICE_ID);

            assert_bob_refused(ALICE_ID, 100, Error::<Test>::ReceiverFrozen);
        });
    }

    #[test]
    fn more_than_the_sender_holds_is_refused() {
        build_and_execute(|| {
            bob_holds_1_000();

            assert_bob_refused(ALICE_ID, 1_001, Error::<Test>::InsufficientBalance);
            assert_noop!(
                transfer(CAROL, CAROL_ID, ALICE_ID, 1),
                Error::<Test>::InsufficientBalance
            );
        });
    }

    #[test]
    fn a_daily_outflow_beyond_the_balance_type_is_refused() {
        build_and_execute(|| {
            ministry_without_limits_sent_one();

            assert_noop!(
                transfer(CLERK, MINISTRY, BOB_ID, 100),
                Error::<Test>::Overflow
            );
        });
    }
}

mod balance_caps {
    use super::*;

    #[test]
    fn a_basic_citizen_holds_at_most_its_tier_s_cap() {
        build_and_execute(|| assert_capped_at(ALICE_ID, BASIC.0));
    }

    #[test]
    fn a_standard_citizen_holds_at_most_its_tier_s_cap() {
        build_and_execute(|| assert_capped_at(BOB_ID, STANDARD.0));
    }

    #[test]
    fn an_enhanced_citizen_holds_at_most_its_tier_s_cap() {
        build_and_execute(|| assert_capped_at(CAROL_ID, ENHANCED.0));
    }

    #[test]
    fn an_institution_holds_at_most_the_default_cap() {
        build_and_execute(|| assert_capped_at(MINISTRY, INSTITUTIONS.0));
    }

    #[test]
    fn an_institution_with_limits_of_its_own_holds_at_most_its_cap() {
        build_and_execute(|| {
            ministry_limits(5_000, 1_000);

            assert_capped_at(MINISTRY, 5_000);
        });
    }

    #[test]
    fn a_citizen_s_payment_respects_the_receiver_s_cap() {
        build_and_execute(|| {
            rich_bank();
            credit(ALICE_ID, 900);
            credit(CAROL_ID, 5_000);

            assert_noop!(
                transfer(CAROL, CAROL_ID, ALICE_ID, 101),
                Error::<Test>::BalanceCapExceeded
            );
            assert_ok!(transfer(CAROL, CAROL_ID, ALICE_ID, 100));
        });
    }
}

mod daily_outflow {
    use super::*;

    #[test]
    fn a_basic_citizen_sends_at_most_its_tier_s_limit() {
        build_and_execute(|| assert_daily_limit(ALICE, ALICE_ID, BASIC.1));
    }

    #[test]
    fn a_standard_citizen_sends_at_most_its_tier_s_limit() {
        build_and_execute(|| assert_daily_limit(BOB, BOB_ID, STANDARD.1));
    }

    #[test]
    fn an_enhanced_citizen_sends_at_most_its_tier_s_limit() {
        build_and_execute(|| assert_daily_limit(CAROL, CAROL_ID, ENHANCED.1));
    }

    #[test]
    fn an_institution_sends_at_most_the_default_limit() {
        build_and_execute(|| assert_daily_limit(CLERK, MINISTRY, INSTITUTIONS.1));
    }

    #[test]
    fn an_institution_with_limits_of_its_own_sends_at_most_its_limit() {
        build_and_execute(|| {
            ministry_limits(5_000, 1_000);

            assert_daily_limit(CLERK, MINISTRY, 1_000);
        });
    }

    #[test]
    fn payments_in_one_period_add_up() {
        build_and_execute(|| {
            rich_bank();
            credit(ALICE_ID, 300);
            assert_ok!(transfer(ALICE, ALICE_ID, BOB_ID, 150));
            System::set_block_number(9);
            assert_ok!(transfer(ALICE, ALICE_ID, BOB_ID, 50));

            assert_noop!(
                transfer(ALICE, ALICE_ID, BOB_ID, 1),
                Error::<Test>::DailyLimitExceeded
            );
            assert_eq!(outflow(ALICE_ID), (0, 200));
        });
    }

    #[test]
    fn the_limit_starts_afresh_in_the_next_period() {
        build_and_execute(|| {
            rich_bank();
            credit(ALICE_ID, 400);
            assert_ok!(transfer(ALICE, ALICE_ID, BOB_ID, 200));
            System::set_block_number(10);

            assert_ok!(transfer(ALICE, ALICE_ID, BOB_ID, 200));

            assert_eq!(outflow(ALICE_ID), (1, 200));
            assert_eq!(balance(BOB_ID), 400);
        });
    }

    #[test]
    fn the_limit_counts_only_the_sender_s_payments() {
        build_and_execute(|| {
            rich_bank();
            credit(ALICE_ID, 400);
            assert_ok!(transfer(ALICE, ALICE_ID, BOB_ID, 200));
            assert_ok!(transfer(BOB, BOB_ID, ALICE_ID, 200));

            assert_eq!(outflow(ALICE_ID), (0, 200));
            assert_eq!(outflow(BOB_ID), (0, 200));
        });
    }
}

mod banks {
    use super::*;

    #[test]
    fn banks_and_the_central_bank_have_no_cap_or_outflow_limit() {
        build_and_execute(|| {
            rich_bank();
            let beyond_any_limit = INSTITUTIONS.0 + 1;

            assert_ok!(transfer(BANKER, BANK, OTHER_BANK, beyond_any_limit));
            assert_ok!(transfer(
                OTHER_BANKER,
                OTHER_BANK,
                CENTRAL_BANK,
                beyond_any_limit
            ));

            assert_eq!(balance(CENTRAL_BANK), beyond_any_limit);
            let transfers = [(BANK, OTHER_BANK), (OTHER_BANK, CENTRAL_BANK)];
            let expected = transfers.map(|(from, to)| Event::Transferred {
                from,
                to,
                amount: beyond_any_limit,
            });
            assert!(cbdc_events().ends_with(&expected));
            for bank in [BANK, OTHER_BANK] {
                assert_eq!(Holders::<Test>::get(bank).outflow, Default::default());
            }
        });
    }
}

mod records {
    use super::*;

    #[test]
    fn a_record_left_with_an_earlier_day_s_outflow_only_goes_when_next_written() {
        build_and_execute(|| {
            bob_holds_1_000();
            assert_ok!(transfer(BOB, BOB_ID, ALICE_ID, 1_000));
            // Today's outflow keeps the emptied record: it still limits Bob today.
            assert_eq!(outflow(BOB_ID), (0, 1_000));
            assert_eq!(balance(BOB_ID), 0);

            // The next day a court freezes and thaws Bob: yesterday's outflow counts for
            // nothing, and the record holding nothing else goes.
            System::set_block_number(OutflowPeriod::get() + 1);
            freeze(BOB_ID);
            assert_eq!(Holders::<Test>::get(BOB_ID).outflow, Default::default());
            assert_ok!(Cbdc::thaw(RuntimeOrigin::signed(JUDGE), BOB_ID));

            assert!(!Holders::<Test>::contains_key(BOB_ID));
        });
    }
}
