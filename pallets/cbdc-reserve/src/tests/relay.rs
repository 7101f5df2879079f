//! Payment orders citizens sign and their bank relays in batches: each is checked and paid on
//! its own, as the citizen's own `transfer`; a refused order leaves no trace, a failed one uses
//! its number and quota, and the others are paid. (In the mock, orders are signed with test
//! signatures: the signer's account and the message.)

use super::*;
use crate::{relayed_payment_body, RelayedPayment};
use frame_support::BoundedVec;
use govchain_primitives::relay;
use sp_runtime::testing::TestSignature;

/// The last block the tests' orders may be paid at.
const VALID_UNTIL: u64 = 50;

/// `payer`'s order to pay `amount` to `to`, at `nonce`, signed for the chain whose genesis
/// hash is `genesis`.
fn order_for_chain(
    payer: u64,
    nonce: u32,
    to: Party,
    amount: u64,
    genesis: H256,
) -> RelayedPayment<Test> {
    let body = relayed_payment_body(&to, &amount, &VALID_UNTIL);
    let payload = relay::signing_payload(relay::RELAYED_PAYMENT, &genesis, &nonce, &body);
    RelayedPayment {
        payer,
        nonce,
        to,
        amount,
        valid_until: VALID_UNTIL,
        signature: TestSignature(payer, payload),
    }
}

/// `payer`'s order at its account's next nonce, signed for this chain.
fn order(payer: u64, to: Party, amount: u64) -> RelayedPayment<Test> {
    let nonce = System::account_nonce(payer);
    order_for_chain(payer, nonce, to, amount, System::block_hash(0))
}

fn relay_as(who: u64, orders: Vec<RelayedPayment<Test>>) -> DispatchResult {
    Cbdc::relay_payments(
        RuntimeOrigin::signed(who),
        BoundedVec::truncate_from(orders),
    )
}

fn relay(orders: Vec<RelayedPayment<Test>>) -> DispatchResult {
    relay_as(BANKER, orders)
}

/// Alice holds 500 and Bob 1 000, from the bank.
fn alice_and_bob_hold_money() {
    rich_bank();
    credit(ALICE_ID, 500);
    credit(BOB_ID, 1_000);
}

/// The relay events of the last batch, after the bank's credits.
fn relay_events() -> Vec<Event<Test>> {
    cbdc_events()
        .into_iter()
        .filter(|event| {
            matches!(
                event,
                Event::RelayedPaymentRefused { .. }
                    | Event::RelayedPaymentFailed { .. }
                    | Event::PaymentsRelayed { .. }
            )
        })
        .collect()
}

fn refused(position: u32, payer: u64, error: impl Into<DispatchError>) -> Event<Test> {
    Event::RelayedPaymentRefused {
        position,
        payer,
        error: error.into(),
    }
}

fn relayed(paid: u32, failed: u32, refused: u32) -> Event<Test> {
    Event::PaymentsRelayed {
        bank: BANK_ID,
        paid,
        failed,
        refused,
    }
}

/// Alice's citizen id (`ALICE_ID` is `Party::Citizen(0)`).
const ALICE_CITIZEN: govchain_primitives::identity::CitizenId = 0;

#[test]
fn a_bank_relays_its_customers_signed_orders() {
    build_and_execute(|| {
        alice_and_bob_hold_money();

        assert_ok!(relay(vec![
            order(ALICE, CAROL_ID, 100),
            order(BOB, ALICE_ID, 300),
        ]));

        assert_eq!(balance(ALICE_ID), 500 - 100 + 300);
        assert_eq!(balance(BOB_ID), 700);
        assert_eq!(balance(CAROL_ID), 100);
        assert_eq!(relay_events(), vec![relayed(2, 0, 0)]);
        assert!(cbdc_events().contains(&Event::Transferred {
            from: ALICE_ID,
            to: CAROL_ID,
            amount: 100
        }));
        // Each order used its number and the citizen's quota, as its own transaction would.
        assert_eq!(System::account_nonce(ALICE), 1);
        assert_eq!(Identity::citizen_quota_used(ALICE_CITIZEN), 1);
    });
}

#[test]
fn the_payer_s_limits_apply_as_to_its_own_transfer() {
    build_and_execute(|| {
        alice_and_bob_hold_money();

        // Alice's daily outflow is 200: the second order fails, its number used.
        assert_ok!(relay(vec![
            order_for_chain(ALICE, 0, BOB_ID, 150, System::block_hash(0)),
            order_for_chain(ALICE, 1, BOB_ID, 100, System::block_hash(0)),
        ]));

        assert_eq!(balance(ALICE_ID), 350);
        assert_eq!(
            relay_events(),
            vec![
                Event::RelayedPaymentFailed {
                    position: 1,
                    payer: ALICE,
                    error: Error::<Test>::DailyLimitExceeded.into(),
                },
                relayed(1, 1, 0),
            ]
        );
        assert_eq!(System::account_nonce(ALICE), 2);
        assert_eq!(Identity::citizen_quota_used(ALICE_CITIZEN), 2);
    });
}

#[test]
fn an_order_with_a_bad_signature_is_refused_alone() {
    build_and_execute(|| {
        alice_and_bob_hold_money();
        let mut forged = order(ALICE, CAROL_ID, 100);
        forged.amount = 400;

        assert_ok!(relay(vec![forged, order(BOB, CAROL_ID, 50)]));

        assert_eq!(balance(ALICE_ID), 500);
        assert_eq!(balance(CAROL_ID), 50);
        assert_eq!(
            relay_events(),
            vec![
                refused(0, ALICE, Error::<Test>::BadRelaySignature),
                relayed(1, 0, 1)
            ]
        );
        // Nothing of Alice's changed: her number is still free.
        assert_eq!(System::account_nonce(ALICE), 0);
        assert_eq!(Identity::citizen_quota_used(ALICE_CITIZEN), 0);
    });
}

#[test]
fn an_order_signed_by_someone_else_is_refused() {
    build_and_execute(|| {
        alice_and_bob_hold_money();
        let mut stolen = order(ALICE, BOB_ID, 100);
        stolen.signature = TestSignature(BOB, stolen.signature.1.clone());

        assert_ok!(relay(vec![stolen]));

        assert_eq!(
            relay_events(),
            vec![
                refused(0, ALICE, Error::<Test>::BadRelaySignature),
                relayed(0, 0, 1)
            ]
        );
    });
}

#[test]
fn an_order_signed_for_another_chain_is_refused() {
    build_and_execute(|| {
        alice_and_bob_hold_money();
        let elsewhere = order_for_chain(ALICE, 0, BOB_ID, 100, H256::repeat_byte(0x77));

        assert_ok!(relay(vec![elsewhere]));

        assert_eq!(balance(ALICE_ID), 500);
        assert_eq!(
            relay_events(),
            vec![
                refused(0, ALICE, Error::<Test>::BadRelaySignature),
                relayed(0, 0, 1)
            ]
        );
    });
}

#[test]
fn a_replayed_order_is_refused() {
    build_and_execute(|| {
        alice_and_bob_hold_money();
        let once = order(ALICE, BOB_ID, 100);
        assert_ok!(relay(vec![once.clone()]));

        // Again in a later batch, and twice in one batch.
        assert_ok!(relay(vec![once.clone(), once]));

        assert_eq!(balance(ALICE_ID), 400);
        let events = relay_events();
        assert_eq!(
            events[1..],
            [
                refused(0, ALICE, Error::<Test>::StaleNonce),
                refused(1, ALICE, Error::<Test>::StaleNonce),
                relayed(0, 0, 2)
            ]
        );
    });
}

#[test]
fn an_order_ahead_of_the_account_s_number_is_refused() {
    build_and_execute(|| {
        alice_and_bob_hold_money();
        let ahead = order_for_chain(ALICE, 1, BOB_ID, 100, System::block_hash(0));

        assert_ok!(relay(vec![ahead]));

        assert_eq!(
            relay_events(),
            vec![
                refused(0, ALICE, Error::<Test>::FutureNonce),
                relayed(0, 0, 1)
            ]
        );
    });
}

#[test]
fn an_order_after_its_last_block_is_refused() {
    build_and_execute(|| {
        alice_and_bob_hold_money();
        let late = order(ALICE, BOB_ID, 100);
        System::set_block_number(VALID_UNTIL + 1);

        assert_ok!(relay(vec![late]));

        assert_eq!(
            relay_events(),
            vec![
                refused(0, ALICE, Error::<Test>::OrderExpired),
                relayed(0, 0, 1)
            ]
        );
        assert_eq!(System::account_nonce(ALICE), 0);
    });
}

#[test]
fn an_order_of_someone_who_is_no_citizen_is_refused() {
    build_and_execute(|| {
        alice_and_bob_hold_money();

        assert_ok!(relay(vec![order(NOBODY, BOB_ID, 100)]));

        assert_eq!(
            relay_events(),
            vec![
                refused(0, NOBODY, Error::<Test>::NotHolder),
                relayed(0, 0, 1)
            ]
        );
    });
}

#[test]
fn an_order_of_a_citizen_over_its_quota_is_refused() {
    build_and_execute(|| {
        alice_and_bob_hold_money();
        Identity::exhaust_citizen_quota(ALICE_CITIZEN);

        assert_ok!(relay(vec![order(ALICE, BOB_ID, 100)]));

        assert_eq!(balance(ALICE_ID), 500);
        assert_eq!(
            relay_events(),
            vec![
                refused(0, ALICE, IdentityError::FeeFreeQuotaExhausted),
                relayed(0, 0, 1)
            ]
        );
        assert_eq!(System::account_nonce(ALICE), 0);
    });
}

#[test]
fn an_order_beyond_the_payer_s_balance_fails_and_uses_its_number() {
    build_and_execute(|| {
        alice_and_bob_hold_money();

        assert_ok!(relay(vec![
            order(ALICE, BOB_ID, 600),
            order(BOB, CAROL_ID, 10)
        ]));

        assert_eq!(balance(ALICE_ID), 500);
        assert_eq!(balance(CAROL_ID), 10);
        assert_eq!(
            relay_events(),
            vec![
                Event::RelayedPaymentFailed {
                    position: 0,
                    payer: ALICE,
                    error: Error::<Test>::InsufficientBalance.into(),
                },
                relayed(1, 1, 0)
            ]
        );
        // Like a failed transaction of Alice's own: the number is used, the order is dead.
        assert_eq!(System::account_nonce(ALICE), 1);
        assert_eq!(Identity::citizen_quota_used(ALICE_CITIZEN), 1);
    });
}

#[test]
fn an_empty_batch_is_refused() {
    build_and_execute(|| {
        assert_noop!(relay(vec![]), Error::<Test>::NothingToRelay);
    });
}

#[test]
fn only_a_commercial_bank_s_officer_relays() {
    build_and_execute(|| {
        alice_and_bob_hold_money();
        let batch = || vec![order(ALICE, BOB_ID, 100)];
        assert_noop!(relay_as(GOVERNOR, batch()), IdentityError::RoleNotHeld);
        assert_noop!(relay_as(ALICE, batch()), IdentityError::NotOfficer);
        assert_noop!(
            Cbdc::relay_payments(RuntimeOrigin::root(), BoundedVec::truncate_from(batch())),
            DispatchError::BadOrigin
        );
        System::set_block_number(APPOINTMENTS_END);
        assert_noop!(relay(batch()), IdentityError::OfficerExpired);
    });
}

#[test]
fn the_relay_call_is_charged_per_order() {
    build_and_execute(|| {
        use crate::WeightInfo;
        // Each order adds the same weight, and at least what the payment alone weighs.
        let per_order = Cbdc::relay_weight(2).saturating_sub(Cbdc::relay_weight(1));
        assert_eq!(
            Cbdc::relay_weight(4).saturating_sub(Cbdc::relay_weight(1)),
            per_order.saturating_mul(3)
        );
        let payment = <Test as crate::Config>::WeightInfo::transfer_citizen();
        assert!(
            per_order.ref_time() > payment.ref_time(),
            "{per_order:?} {payment:?}"
        );
    });
}

#[test]
fn a_batch_whose_orders_are_all_refused_changes_nothing_but_its_events() {
    build_and_execute(|| {
        alice_and_bob_hold_money();
        let mut forged = order(ALICE, BOB_ID, 100);
        forged.amount = 200;
        let early = order_for_chain(BOB, 5, ALICE_ID, 10, System::block_hash(0));
        System::reset_events();
        let root = sp_io::storage::root(sp_runtime::StateVersion::V1);

        assert_ok!(relay(vec![forged, early, order(NOBODY, BOB_ID, 1)]));

        assert_eq!(relay_events().last(), Some(&relayed(0, 0, 3)));
        System::reset_events();
        assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
    });
}
