//! `Payments`, through which registries settle a price: the same rules and errors as a
//! transfer, without the caller check (the registry made it), nothing changed on an error, and
//! a zero amount accepted as a payment of nothing.

use super::*;
use crate::{Holders, WeightInfo};
use frame_support::assert_storage_noop;
use govchain_primitives::payments::Payments;

/// `amount` paid from `payer` to `payee` through `Payments`.
fn pay(payer: Party, payee: Party, amount: u64) -> DispatchResult {
    <Cbdc as Payments<u64>>::pay(&payer, &payee, amount)
}

/// Checks that paying `amount` from `payer` to `payee` fails with `error` and changes nothing.
#[track_caller]
fn assert_refused(payer: Party, payee: Party, amount: u64, error: Error<Test>) {
    assert_noop!(pay(payer, payee, amount), error);
}

#[test]
fn payments_are_enabled() {
    build_and_execute(|| {
        assert!(<Cbdc as Payments<u64>>::enabled());
    });
}

#[test]
fn a_payment_weighs_what_a_transfer_does() {
    build_and_execute(|| {
        assert_eq!(
            <Cbdc as Payments<u64>>::pay_weight(),
            <() as WeightInfo>::transfer()
        );
    });
}

#[test]
fn a_payment_moves_money_and_counts_towards_the_daily_outflow() {
    build_and_execute(|| {
        bob_holds_1_000();

        assert_ok!(pay(BOB_ID, MINISTRY, 400));

        assert_eq!((balance(BOB_ID), balance(MINISTRY)), (600, 400));
        assert_eq!(Holders::<Test>::get(BOB_ID).outflow.sent, 400);
        assert_eq!(
            last_event(),
            Event::Transferred {
                from: BOB_ID,
                to: MINISTRY,
                amount: 400
            }
        );
    });
}

#[test]
fn a_zero_payment_is_accepted_and_moves_nothing() {
    build_and_execute(|| {
        bob_holds_1_000();

        assert_storage_noop!(assert_ok!(pay(BOB_ID, ALICE_ID, 0)));
    });
}

#[test]
fn a_payment_to_oneself_is_refused() {
    build_and_execute(|| {
        bob_holds_1_000();

        assert_refused(BOB_ID, BOB_ID, 100, Error::<Test>::SelfTransfer);
    });
}

#[test]
fn a_deactivated_citizen_pays_nothing() {
    build_and_execute(|| {
        bob_holds_1_000();
        Identity::deactivate_citizen(BOB);

        assert_refused(BOB_ID, ALICE_ID, 100, Error::<Test>::UnverifiedSender);
    });
}

#[test]
fn a_deactivated_institution_is_paid_nothing() {
    build_and_execute(|| {
        bob_holds_1_000();
        Identity::suspend_institution(MINISTRY_ID);

        assert_refused(BOB_ID, MINISTRY, 100, Error::<Test>::UnverifiedReceiver);
    });
}

#[test]
fn a_frozen_payer_pays_nothing() {
    build_and_execute(|| {
        bob_holds_1_000();
        freeze(BOB_ID);

        assert_refused(BOB_ID, ALICE_ID, 100, Error::<Test>::SenderFrozen);
    });
}

#[test]
fn a_frozen_payee_is_paid_nothing() {
    build_and_execute(|| {
        bob_holds_1_000();
        freeze(ALICE_ID);

        assert_refused(BOB_ID, ALICE_ID, 100, Error::<Test>::ReceiverFrozen);
    });
}

#[test]
fn a_payment_beyond_the_daily_outflow_is_refused() {
    build_and_execute(|| {
        rich_bank();
        credit(ALICE_ID, 1_000);

        assert_refused(
            ALICE_ID,
            BOB_ID,
            BASIC.1 + 1,
            Error::<Test>::DailyLimitExceeded,
        );
    });
}

#[test]
fn a_daily_outflow_beyond_the_balance_type_is_refused() {
    build_and_execute(|| {
        ministry_without_limits_sent_one();

        assert_refused(MINISTRY, BOB_ID, 100, Error::<Test>::Overflow);
    });
}

#[test]
fn a_bank_paying_more_than_it_holds_is_refused() {
    build_and_execute(|| {
        fund_bank(1_000);

        assert_refused(BANK, BOB_ID, 1_001, Error::<Test>::InsufficientBalance);
    });
}

#[test]
fn a_citizen_paying_more_than_it_holds_is_refused_changing_nothing() {
    build_and_execute(|| {
        bob_holds_1_000();

        assert_refused(BOB_ID, ALICE_ID, 1_001, Error::<Test>::InsufficientBalance);
    });
}

#[test]
fn a_payment_above_the_payee_s_cap_is_refused_changing_nothing() {
    build_and_execute(|| {
        rich_bank();
        credit(ALICE_ID, BASIC.0);

        assert_refused(BANK, ALICE_ID, 1, Error::<Test>::BalanceCapExceeded);
    });
}

mod succession {
    //! A deceased citizen's money passes to its heirs by court order (`Estate::pass_estate`,
    //! called by the identity pallet): split as ordered, the first heir taking what rounding
    //! leaves, beyond the heirs' caps; refused while the deceased or an heir is frozen.
    use super::*;
    use govchain_primitives::estate::Estate;
    use sp_runtime::Permill;

    fn pass(heirs: &[(u64, Permill)]) -> DispatchResult {
        <Cbdc as Estate>::pass_estate(0, heirs, case(7))
    }

    #[test]
    fn the_balance_passes_to_the_heirs_as_ordered() {
        build_and_execute(|| {
            fund_bank(1_001);
            credit(ALICE_ID, 1_000);
            credit(BOB_ID, 1);

            assert_ok!(pass(&[
                (1, Permill::from_parts(333_334)),
                (2, Permill::from_parts(666_666))
            ]));

            assert_eq!(balance(ALICE_ID), 0);
            assert_eq!(balance(BOB_ID), 1 + 334);
            assert_eq!(balance(CAROL_ID), 666);
            assert_eq!(
                last_event(),
                Event::Inherited {
                    from: 0,
                    heir: CAROL_ID,
                    amount: 666,
                    case: case(7)
                }
            );
        });
    }

    #[test]
    fn an_inheritance_goes_beyond_the_heir_s_balance_cap() {
        build_and_execute(|| {
            fund_bank(20_000);
            credit(CAROL_ID, 20_000);
            // Alice (tier Basic, cap 1 000) inherits from Carol: the cap does not apply.
            assert_ok!(<Cbdc as Estate>::pass_estate(
                2,
                &[(0, Permill::one())],
                case(7)
            ));
            assert_eq!(balance(ALICE_ID), 20_000);
        });
    }

    #[test]
    fn a_frozen_estate_or_heir_is_refused() {
        build_and_execute(|| {
            fund_bank(1_000);
            credit(ALICE_ID, 1_000);
            freeze(BOB_ID);
            assert_noop!(pass(&[(1, Permill::one())]), Error::<Test>::ReceiverFrozen);
            freeze(ALICE_ID);
            assert_noop!(pass(&[(2, Permill::one())]), Error::<Test>::SenderFrozen);
        });
    }

    #[test]
    fn an_empty_estate_passes_nothing() {
        build_and_execute(|| {
            assert_ok!(pass(&[(1, Permill::one())]));
            assert_eq!(balance(BOB_ID), 0);
        });
    }
}
