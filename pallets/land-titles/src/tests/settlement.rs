//! Settlement: the price in the digital currency and the title move in one call, or nothing
//! does; shares pass from the sellers to the buyer and the owner index follows.

use super::*;
use crate::{Error, Event, Offers, OwnerParcelCount, Price, WeightInfo};
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use govchain_primitives::payments::Payments;
use sp_runtime::TokenError;

fn accept(buyer: u64, offer: u64) -> DispatchResult {
    LandTitles::accept_offer(RuntimeOrigin::signed(buyer), offer)
}

/// Alice's parcel "A-1", offered whole to Bob for 1,000 in the digital currency.
fn alice_sells_to_bob_for_1000() -> (ParcelId, u64) {
    let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
    let offer = offer(
        ALICE,
        parcel,
        &[(ALICE_ID, 100)],
        BOB_ID,
        Price::Cbdc(1_000),
        false,
    );
    (parcel, offer)
}

#[test]
fn a_cbdc_price_pays_the_seller_and_moves_the_title_in_one_call() {
    build_and_execute(|| {
        let (parcel, offer) = alice_sells_to_bob_for_1000();
        MockPayments::fund(&BOB_ID, 1_500);

        assert_ok!(accept(BOB, offer));

        assert_eq!(MockPayments::balance(&BOB_ID), 500);
        assert_eq!(MockPayments::balance(&ALICE_ID), 1_000);
        assert_eq!(title_of(parcel), vec![(BOB_ID, 100)]);
        assert!(!Offers::<Test>::contains_key(offer));
        assert_eq!(
            last_event(),
            Event::TitleTransferred {
                parcel,
                offer,
                buyer: BOB_ID,
                price: Price::Cbdc(1_000),
                title: holdings(&[(BOB_ID, 100)]),
            }
        );
    });
}

#[test]
fn a_buyer_without_the_funds_changes_nothing() {
    build_and_execute(|| {
        let (parcel, offer) = alice_sells_to_bob_for_1000();
        MockPayments::fund(&BOB_ID, 999);

        assert_noop!(accept(BOB, offer), TokenError::FundsUnavailable);

        assert_eq!(title_of(parcel), vec![(ALICE_ID, 100)]);
        assert_eq!(MockPayments::balance(&BOB_ID), 999);
        assert_eq!(MockPayments::balance(&ALICE_ID), 0);
        assert!(Offers::<Test>::contains_key(offer));
    });
}

#[test]
fn a_failed_payment_to_a_later_seller_undoes_the_earlier_payments() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);
        let offer = offer(
            ALICE,
            parcel,
            &[(ALICE_ID, 50), (BOB_ID, 50)],
            CAROL_ID,
            Price::Cbdc(1_000),
            false,
        );
        assert_ok!(LandTitles::consent_offer(RuntimeOrigin::signed(BOB), offer));
        // Enough for Alice's half, not for Bob's.
        MockPayments::fund(&CAROL_ID, 600);

        assert_noop!(accept(CAROL, offer), TokenError::FundsUnavailable);

        assert_eq!(MockPayments::balance(&ALICE_ID), 0);
        assert_eq!(MockPayments::balance(&CAROL_ID), 600);
    });
}

#[test]
fn the_price_is_shared_among_the_sellers_in_proportion_to_their_parts() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);
        let offer = offer(
            ALICE,
            parcel,
            &[(ALICE_ID, 20), (BOB_ID, 30)],
            CAROL_ID,
            Price::Cbdc(1_000),
            false,
        );
        assert_ok!(LandTitles::consent_offer(RuntimeOrigin::signed(BOB), offer));
        MockPayments::fund(&CAROL_ID, 1_000);

        assert_ok!(accept(CAROL, offer));

        assert_eq!(MockPayments::balance(&ALICE_ID), 400);
        assert_eq!(MockPayments::balance(&BOB_ID), 600);
        assert_eq!(MockPayments::balance(&CAROL_ID), 0);
        assert_eq!(
            title_of(parcel),
            vec![(ALICE_ID, 30), (BOB_ID, 20), (CAROL_ID, 50)]
        );
    });
}

#[test]
fn the_rounding_remainder_goes_to_the_first_seller() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 30), (BOB_ID, 70)]);
        let offer = offer(
            BOB,
            parcel,
            &[(ALICE_ID, 30), (BOB_ID, 70)],
            CAROL_ID,
            Price::Cbdc(11),
            false,
        );
        assert_ok!(LandTitles::consent_offer(
            RuntimeOrigin::signed(ALICE),
            offer
        ));
        MockPayments::fund(&CAROL_ID, 11);

        assert_ok!(accept(CAROL, offer));

        // 30 % of 11 is 3.3 and 70 % is 7.7; both round down and the 1 left goes to Alice, who
        // is listed first.
        assert_eq!(MockPayments::balance(&ALICE_ID), 4);
        assert_eq!(MockPayments::balance(&BOB_ID), 7);
        assert_eq!(MockPayments::balance(&CAROL_ID), 0);
    });
}

#[test]
fn an_off_chain_price_moves_no_money() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);
        MockPayments::fund(&BOB_ID, 1_000);

        assert_ok!(accept(BOB, offer));

        assert_eq!(MockPayments::balance(&BOB_ID), 1_000);
        assert_eq!(MockPayments::balance(&ALICE_ID), 0);
        assert_eq!(title_of(parcel), vec![(BOB_ID, 100)]);
    });
}

#[test]
fn a_cbdc_price_is_refused_where_payments_are_unavailable() {
    build_and_execute(|| {
        MockPayments::set_enabled(false);
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

        assert_noop!(
            LandTitles::create_offer(
                RuntimeOrigin::signed(ALICE),
                parcel,
                holdings(&[(ALICE_ID, 100)]),
                BOB_ID,
                Price::Cbdc(1_000),
                50,
                false,
            ),
            Error::<Test>::PaymentUnavailable
        );
    });
}

#[test]
fn an_off_chain_price_is_accepted_where_payments_are_unavailable() {
    build_and_execute(|| {
        MockPayments::set_enabled(false);
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

        assert_ok!(try_offer(ALICE, parcel, &[(ALICE_ID, 100)], BOB_ID, 50));

        assert_eq!(Offers::<Test>::get(0).unwrap().price, off_chain());
    });
}

#[test]
fn acceptance_awaiting_approval_takes_no_money() {
    build_and_execute(|| {
        RegistrarApproves::set(&true);
        let (_, offer) = alice_sells_to_bob_for_1000();
        MockPayments::fund(&BOB_ID, 1_000);

        assert_ok!(accept(BOB, offer));

        assert_eq!(MockPayments::balance(&BOB_ID), 1_000);
        assert_eq!(MockPayments::balance(&ALICE_ID), 0);
    });
}

#[test]
fn approval_pays_the_price_and_moves_the_title() {
    build_and_execute(|| {
        RegistrarApproves::set(&true);
        let (parcel, offer) = alice_sells_to_bob_for_1000();
        MockPayments::fund(&BOB_ID, 1_000);
        assert_ok!(accept(BOB, offer));

        assert_ok!(LandTitles::approve_transfer(
            RuntimeOrigin::signed(REGISTRAR),
            offer
        ));

        assert_eq!(MockPayments::balance(&BOB_ID), 0);
        assert_eq!(MockPayments::balance(&ALICE_ID), 1_000);
        assert_eq!(title_of(parcel), vec![(BOB_ID, 100)]);
        assert_eq!(
            last_event(),
            Event::TitleTransferred {
                parcel,
                offer,
                buyer: BOB_ID,
                price: Price::Cbdc(1_000),
                title: holdings(&[(BOB_ID, 100)]),
            }
        );
    });
}

#[test]
fn approval_for_a_buyer_who_spent_the_funds_changes_nothing() {
    build_and_execute(|| {
        RegistrarApproves::set(&true);
        let (parcel, offer) = alice_sells_to_bob_for_1000();
        assert_ok!(accept(BOB, offer));

        assert_noop!(
            LandTitles::approve_transfer(RuntimeOrigin::signed(REGISTRAR), offer),
            TokenError::FundsUnavailable
        );

        assert_eq!(title_of(parcel), vec![(ALICE_ID, 100)]);
        assert!(Offers::<Test>::get(offer).unwrap().accepted);
    });
}

#[test]
fn a_sale_of_part_of_a_holding_leaves_the_seller_the_rest() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        let offer = offer(ALICE, parcel, &[(ALICE_ID, 40)], BOB_ID, off_chain(), false);

        assert_ok!(accept(BOB, offer));

        assert_eq!(title_of(parcel), vec![(ALICE_ID, 60), (BOB_ID, 40)]);
        assert_eq!(parcels_of(ALICE_ID), vec![parcel]);
        assert_eq!(parcels_of(BOB_ID), vec![parcel]);
    });
}

#[test]
fn a_buyer_who_is_already_an_owner_gets_one_larger_holding() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 60), (BOB_ID, 40)]);
        let offer = offer(ALICE, parcel, &[(ALICE_ID, 20)], BOB_ID, off_chain(), false);

        assert_ok!(accept(BOB, offer));

        assert_eq!(title_of(parcel), vec![(ALICE_ID, 40), (BOB_ID, 60)]);
        assert_eq!(parcels_of(BOB_ID), vec![parcel]);
        assert_eq!(OwnerParcelCount::<Test>::get(BOB_ID), 1);
    });
}

#[test]
fn a_seller_who_sells_everything_leaves_the_owner_index() {
    build_and_execute(|| {
        let kept = register("A-1", 100, &[(ALICE_ID, 100)]);
        let sold = register("A-2", 100, &[(ALICE_ID, 100)]);
        let offer = offer_all(ALICE, sold, ALICE_ID, BOB_ID);

        assert_ok!(accept(BOB, offer));

        assert_eq!(parcels_of(ALICE_ID), vec![kept]);
        assert_eq!(OwnerParcelCount::<Test>::get(ALICE_ID), 1);
        assert_eq!(parcels_of(BOB_ID), vec![sold]);
        assert_eq!(OwnerParcelCount::<Test>::get(BOB_ID), 1);
    });
}

#[test]
fn an_owner_who_sells_its_only_parcel_has_no_count_left() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);

        assert_ok!(accept(BOB, offer));

        assert!(!OwnerParcelCount::<Test>::contains_key(ALICE_ID));
        assert_eq!(parcels_of(ALICE_ID), Vec::<ParcelId>::new());
    });
}

#[test]
fn a_share_sold_since_the_offer_was_made_cannot_be_sold_again() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        let to_bob = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);
        let to_carol = offer_all(ALICE, parcel, ALICE_ID, CAROL_ID);
        assert_ok!(accept(BOB, to_bob));

        assert_noop!(accept(CAROL, to_carol), Error::<Test>::ShareExceedsHolding);
    });
}

#[test]
fn a_parcel_subdivided_since_the_offer_was_made_cannot_be_transferred() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);
        assert_ok!(halve(parcel, "A-1", 100, CARRY_NOTHING));

        assert_noop!(accept(BOB, offer), Error::<Test>::ParcelRetired);
    });
}

#[test]
fn a_transfer_that_would_give_the_parcel_too_many_owners_is_refused() {
    build_and_execute(|| {
        let parcel = register(
            "A-1",
            100,
            &[(ALICE_ID, 25), (BOB_ID, 25), (CAROL_ID, 25), (FUND, 25)],
        );
        let bank = Party::Institution(BANK_ID);
        let offer = offer(ALICE, parcel, &[(ALICE_ID, 10)], bank, off_chain(), false);

        assert_noop!(accept(BANKER, offer), Error::<Test>::TooManyOwners);
    });
}

#[test]
fn a_buyer_holding_the_most_parcels_cannot_buy_another() {
    build_and_execute(|| {
        for number in 0..MaxParcelsPerOwner::get() {
            register(&format!("B-{number}"), 100, &[(BOB_ID, 100)]);
        }
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);

        assert_noop!(accept(BOB, offer), Error::<Test>::TooManyParcels);
    });
}

#[test]
fn acceptance_awaiting_approval_is_refused_to_a_buyer_holding_the_most_parcels() {
    build_and_execute(|| {
        RegistrarApproves::set(&true);
        for number in 0..MaxParcelsPerOwner::get() {
            register(&format!("B-{number}"), 100, &[(BOB_ID, 100)]);
        }
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);

        assert_noop!(accept(BOB, offer), Error::<Test>::TooManyParcels);
    });
}

#[test]
fn an_institution_buys_through_its_officer() {
    build_and_execute(|| {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        let offer = offer(
            ALICE,
            parcel,
            &[(ALICE_ID, 100)],
            FUND,
            Price::Cbdc(300),
            false,
        );
        MockPayments::fund(&FUND, 300);

        assert_ok!(accept(FUND_OFFICER, offer));

        assert_eq!(title_of(parcel), vec![(FUND, 100)]);
        assert_eq!(MockPayments::balance(&ALICE_ID), 300);
        assert_eq!(parcels_of(FUND), vec![parcel]);
    });
}

#[test]
fn accepting_is_weighed_for_payments_only_where_it_settles() {
    build_and_execute(|| {
        let accept_weight = || {
            crate::Call::<Test>::accept_offer { offer: 0 }
                .get_dispatch_info()
                .call_weight
        };
        let own = <Test as crate::Config>::WeightInfo::accept_offer();
        let payments = MockPayments::pay_weight().saturating_mul(MaxOwners::get().into());

        assert_eq!(accept_weight(), own.saturating_add(payments));

        RegistrarApproves::set(&true);
        assert_eq!(accept_weight(), own);
    });
}
