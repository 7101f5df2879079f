//! Owners offer shares of a parcel to a buyer, the other sellers consent, the buyer accepts, and
//! where the runtime requires it a registrar approves or rejects; offers can be withdrawn.

use super::*;
use crate::{Error, Event, NextOfferId, Offer, Offers, Price, Sale};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, Permill};

/// A sale of `percent` of the parcel by `seller`, consented or not.
fn sale(seller: Party, percent: u32, consented: bool) -> Sale {
    Sale {
        seller,
        share: Permill::from_percent(percent),
        consented,
    }
}

fn sales(list: &[Sale]) -> frame_support::BoundedVec<Sale, MaxOwners> {
    frame_support::BoundedVec::try_from(list.to_vec()).unwrap()
}

/// Alice's parcel 0 and her offer 0 of all of it to Bob, accepted by Bob and waiting for a
/// registrar's approval.
fn accepted_offer() -> (ParcelId, u64) {
    RegistrarApproves::set(&true);
    let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
    let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);
    assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer));
    (parcel, offer)
}

mod create_offer {
    use super::*;

    #[test]
    fn an_owner_offers_the_whole_parcel_to_a_buyer() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_ok!(LandTitles::create_offer(
                RuntimeOrigin::signed(ALICE),
                parcel,
                holdings(&[(ALICE_ID, 100)]),
                BOB_ID,
                off_chain(),
                50,
                false,
            ));

            assert_eq!(
                Offers::<Test>::get(0),
                Some(Offer::<Test> {
                    parcel,
                    sales: sales(&[sale(ALICE_ID, 100, true)]),
                    buyer: BOB_ID,
                    price: off_chain(),
                    expires_at: 50,
                    carries_liens: false,
                    carried_liens: Default::default(),
                    accepted: false,
                })
            );
            assert_eq!(NextOfferId::<Test>::get(), 1);
            assert_eq!(title_of(parcel), vec![(ALICE_ID, 100)]);
            assert_eq!(
                last_event(),
                Event::OfferCreated {
                    offer: 0,
                    parcel,
                    sales: sales(&[sale(ALICE_ID, 100, true)]),
                    buyer: BOB_ID,
                    price: off_chain(),
                    expires_at: 50,
                    carries_liens: false,
                }
            );
        });
    }

    #[test]
    fn only_the_callers_consent_counts_among_several_sellers() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);

            let offer = offer(
                BOB,
                parcel,
                &[(ALICE_ID, 20), (BOB_ID, 30)],
                CAROL_ID,
                off_chain(),
                false,
            );

            assert_eq!(
                Offers::<Test>::get(offer).unwrap().sales,
                sales(&[sale(ALICE_ID, 20, false), sale(BOB_ID, 30, true)])
            );
        });
    }

    #[test]
    fn an_offer_may_ask_a_price_in_the_digital_currency() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            let offer = offer(
                ALICE,
                parcel,
                &[(ALICE_ID, 100)],
                BOB_ID,
                Price::Cbdc(1_000),
                false,
            );

            assert_eq!(
                Offers::<Test>::get(offer).unwrap().price,
                Price::Cbdc(1_000)
            );
        });
    }

    #[test]
    fn an_offer_may_stay_open_for_the_longest_duration() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_ok!(try_offer(
                ALICE,
                parcel,
                &[(ALICE_ID, 100)],
                BOB_ID,
                1 + 100
            ));

            assert_eq!(Offers::<Test>::get(0).unwrap().expires_at, 101);
        });
    }

    #[test]
    fn an_offer_of_an_unknown_parcel_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                try_offer(ALICE, 7, &[(ALICE_ID, 100)], BOB_ID, 50),
                Error::<Test>::UnknownParcel
            );
        });
    }

    #[test]
    fn an_offer_of_a_retired_parcel_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            assert_ok!(halve(parcel, "A-1", 100, CARRY_NOTHING));

            assert_noop!(
                try_offer(ALICE, parcel, &[(ALICE_ID, 100)], BOB_ID, 50),
                Error::<Test>::ParcelRetired
            );
        });
    }

    #[test]
    fn an_offer_without_sellers_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(
                try_offer(ALICE, parcel, &[], BOB_ID, 50),
                Error::<Test>::NoOwners
            );
        });
    }

    #[test]
    fn a_seller_listed_twice_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(
                try_offer(ALICE, parcel, &[(ALICE_ID, 50), (ALICE_ID, 50)], BOB_ID, 50),
                Error::<Test>::DuplicateOwner
            );
        });
    }

    #[test]
    fn a_sale_of_a_zero_share_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);

            assert_noop!(
                try_offer(ALICE, parcel, &[(ALICE_ID, 50), (BOB_ID, 0)], CAROL_ID, 50),
                Error::<Test>::ZeroShare
            );
        });
    }

    #[test]
    fn a_sale_by_someone_who_is_not_an_owner_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(
                try_offer(CAROL, parcel, &[(CAROL_ID, 100)], BOB_ID, 50),
                Error::<Test>::NotOwner
            );
        });
    }

    #[test]
    fn a_sale_of_more_than_the_seller_holds_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 60), (BOB_ID, 40)]);

            assert_noop!(
                try_offer(BOB, parcel, &[(BOB_ID, 41)], CAROL_ID, 50),
                Error::<Test>::ShareExceedsHolding
            );
        });
    }

    #[test]
    fn a_caller_acting_for_no_seller_cannot_offer() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(
                try_offer(BOB, parcel, &[(ALICE_ID, 100)], BOB_ID, 50),
                Error::<Test>::NotSeller
            );
        });
    }

    #[test]
    fn a_seller_cannot_be_the_buyer() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);

            assert_noop!(
                try_offer(ALICE, parcel, &[(ALICE_ID, 20), (BOB_ID, 20)], BOB_ID, 50),
                Error::<Test>::BuyerIsSeller
            );
        });
    }

    #[test]
    fn an_unknown_buyer_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(
                try_offer(ALICE, parcel, &[(ALICE_ID, 100)], Party::Citizen(9), 50),
                Error::<Test>::InactiveParty
            );
        });
    }

    #[test]
    fn a_deactivated_buyer_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            Identity::deactivate_citizen(BOB);

            assert_noop!(
                try_offer(ALICE, parcel, &[(ALICE_ID, 100)], BOB_ID, 50),
                Error::<Test>::InactiveParty
            );
        });
    }

    #[test]
    fn an_offer_expiring_now_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            System::set_block_number(10);

            assert_noop!(
                try_offer(ALICE, parcel, &[(ALICE_ID, 100)], BOB_ID, 10),
                Error::<Test>::ExpiryNotInFuture
            );
        });
    }

    #[test]
    fn an_offer_open_longer_than_the_longest_duration_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(
                try_offer(ALICE, parcel, &[(ALICE_ID, 100)], BOB_ID, 1 + 100 + 1),
                Error::<Test>::OfferTooLong
            );
        });
    }

    #[test]
    fn an_unsigned_offer_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(
                LandTitles::create_offer(
                    RuntimeOrigin::none(),
                    parcel,
                    holdings(&[(ALICE_ID, 100)]),
                    BOB_ID,
                    off_chain(),
                    50,
                    false,
                ),
                DispatchError::BadOrigin
            );
        });
    }
}

mod consent_offer {
    use super::*;

    /// Alice and Bob's parcel 0, and Alice's offer 0 of 20 % of hers and 30 % of Bob's to Carol.
    fn offer_of_two_sellers() -> u64 {
        let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);
        offer(
            ALICE,
            parcel,
            &[(ALICE_ID, 20), (BOB_ID, 30)],
            CAROL_ID,
            off_chain(),
            false,
        )
    }

    #[test]
    fn another_seller_consents() {
        build_and_execute(|| {
            let offer = offer_of_two_sellers();

            assert_ok!(LandTitles::consent_offer(RuntimeOrigin::signed(BOB), offer));

            assert_eq!(
                Offers::<Test>::get(offer).unwrap().sales,
                sales(&[sale(ALICE_ID, 20, true), sale(BOB_ID, 30, true)])
            );
            assert_eq!(
                last_event(),
                Event::OfferConsented {
                    offer,
                    seller: BOB_ID
                }
            );
        });
    }

    #[test]
    fn consenting_to_an_unknown_offer_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                LandTitles::consent_offer(RuntimeOrigin::signed(BOB), 3),
                Error::<Test>::UnknownOffer
            );
        });
    }

    #[test]
    fn consenting_to_an_expired_offer_is_refused() {
        build_and_execute(|| {
            let offer = offer_of_two_sellers();
            System::set_block_number(50);

            assert_noop!(
                LandTitles::consent_offer(RuntimeOrigin::signed(BOB), offer),
                Error::<Test>::OfferExpired
            );
        });
    }

    #[test]
    fn consenting_to_an_accepted_offer_is_refused() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();

            assert_noop!(
                LandTitles::consent_offer(RuntimeOrigin::signed(ALICE), offer),
                Error::<Test>::AlreadyAccepted
            );
        });
    }

    #[test]
    fn only_a_seller_may_consent() {
        build_and_execute(|| {
            let offer = offer_of_two_sellers();

            assert_noop!(
                LandTitles::consent_offer(RuntimeOrigin::signed(CAROL), offer),
                Error::<Test>::NotSeller
            );
        });
    }

    #[test]
    fn a_seller_cannot_consent_twice() {
        build_and_execute(|| {
            let offer = offer_of_two_sellers();

            assert_noop!(
                LandTitles::consent_offer(RuntimeOrigin::signed(ALICE), offer),
                Error::<Test>::AlreadyConsented
            );
        });
    }

    #[test]
    fn an_unsigned_consent_is_refused() {
        build_and_execute(|| {
            let offer = offer_of_two_sellers();

            assert_noop!(
                LandTitles::consent_offer(RuntimeOrigin::none(), offer),
                DispatchError::BadOrigin
            );
        });
    }
}

mod cancel_offer {
    use super::*;

    /// Alice's parcel 0 and her offer 0 of all of it to Bob, expiring at block 50.
    fn open_offer() -> u64 {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        offer_all(ALICE, parcel, ALICE_ID, BOB_ID)
    }

    #[test]
    fn a_seller_withdraws_an_offer() {
        build_and_execute(|| {
            let offer = open_offer();

            assert_ok!(LandTitles::cancel_offer(
                RuntimeOrigin::signed(ALICE),
                offer
            ));

            assert!(!Offers::<Test>::contains_key(offer));
            assert_eq!(last_event(), Event::OfferCancelled { offer });
        });
    }

    #[test]
    fn the_buyer_withdraws_an_offer() {
        build_and_execute(|| {
            let offer = open_offer();

            assert_ok!(LandTitles::cancel_offer(RuntimeOrigin::signed(BOB), offer));

            assert!(!Offers::<Test>::contains_key(offer));
            assert_eq!(last_event(), Event::OfferCancelled { offer });
        });
    }

    #[test]
    fn anyone_removes_an_expired_offer() {
        build_and_execute(|| {
            let offer = open_offer();
            System::set_block_number(50);

            assert_ok!(LandTitles::cancel_offer(
                RuntimeOrigin::signed(NOBODY),
                offer
            ));

            assert!(!Offers::<Test>::contains_key(offer));
            assert_eq!(last_event(), Event::OfferCancelled { offer });
        });
    }

    #[test]
    fn a_stranger_cannot_withdraw_an_open_offer() {
        build_and_execute(|| {
            let offer = open_offer();
            System::set_block_number(49);

            assert_noop!(
                LandTitles::cancel_offer(RuntimeOrigin::signed(NOBODY), offer),
                Error::<Test>::NotSeller
            );
        });
    }

    #[test]
    fn withdrawing_an_unknown_offer_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                LandTitles::cancel_offer(RuntimeOrigin::signed(ALICE), 0),
                Error::<Test>::UnknownOffer
            );
        });
    }

    #[test]
    fn an_accepted_offer_cannot_be_withdrawn() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();

            assert_noop!(
                LandTitles::cancel_offer(RuntimeOrigin::signed(ALICE), offer),
                Error::<Test>::AlreadyAccepted
            );
        });
    }

    #[test]
    fn an_unsigned_withdrawal_is_refused() {
        build_and_execute(|| {
            let offer = open_offer();
            System::set_block_number(50);

            assert_noop!(
                LandTitles::cancel_offer(RuntimeOrigin::none(), offer),
                DispatchError::BadOrigin
            );
        });
    }
}

mod accept_offer {
    use super::*;

    #[test]
    fn without_registrar_approval_acceptance_transfers_the_title() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);

            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer));

            assert_eq!(title_of(parcel), vec![(BOB_ID, 100)]);
            assert!(!Offers::<Test>::contains_key(offer));
            assert_eq!(parcels_of(ALICE_ID), Vec::<ParcelId>::new());
            assert_eq!(parcels_of(BOB_ID), vec![parcel]);
            assert_eq!(
                last_event(),
                Event::TitleTransferred {
                    parcel,
                    offer,
                    buyer: BOB_ID,
                    price: off_chain(),
                    title: holdings(&[(BOB_ID, 100)]),
                }
            );
        });
    }

    #[test]
    fn with_registrar_approval_acceptance_waits_and_keeps_the_title() {
        build_and_execute(|| {
            RegistrarApproves::set(&true);
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);

            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer));

            assert!(Offers::<Test>::get(offer).unwrap().accepted);
            assert_eq!(title_of(parcel), vec![(ALICE_ID, 100)]);
            assert_eq!(parcels_of(BOB_ID), Vec::<ParcelId>::new());
            assert_eq!(last_event(), Event::OfferAccepted { offer });
        });
    }

    #[test]
    fn an_offer_is_accepted_in_its_last_block() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);
            System::set_block_number(49);

            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer));

            assert_eq!(title_of(parcel), vec![(BOB_ID, 100)]);
        });
    }

    #[test]
    fn an_expired_offer_cannot_be_accepted() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);
            System::set_block_number(50);

            assert_noop!(
                LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer),
                Error::<Test>::OfferExpired
            );
        });
    }

    #[test]
    fn accepting_an_unknown_offer_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                LandTitles::accept_offer(RuntimeOrigin::signed(BOB), 0),
                Error::<Test>::UnknownOffer
            );
        });
    }

    #[test]
    fn only_the_buyer_may_accept() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);

            assert_noop!(
                LandTitles::accept_offer(RuntimeOrigin::signed(CAROL), offer),
                Error::<Test>::NotBuyer
            );
        });
    }

    #[test]
    fn an_offer_cannot_be_accepted_twice() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();

            assert_noop!(
                LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer),
                Error::<Test>::AlreadyAccepted
            );
        });
    }

    #[test]
    fn an_offer_missing_a_sellers_consent_cannot_be_accepted() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);
            let offer = offer(
                ALICE,
                parcel,
                &[(ALICE_ID, 50), (BOB_ID, 50)],
                CAROL_ID,
                off_chain(),
                false,
            );

            assert_noop!(
                LandTitles::accept_offer(RuntimeOrigin::signed(CAROL), offer),
                Error::<Test>::SellerConsentMissing
            );
        });
    }

    #[test]
    fn an_offer_consented_by_every_seller_is_accepted() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);
            let offer = offer(
                ALICE,
                parcel,
                &[(ALICE_ID, 50), (BOB_ID, 50)],
                CAROL_ID,
                off_chain(),
                false,
            );
            assert_ok!(LandTitles::consent_offer(RuntimeOrigin::signed(BOB), offer));

            assert_ok!(LandTitles::accept_offer(
                RuntimeOrigin::signed(CAROL),
                offer
            ));

            assert_eq!(title_of(parcel), vec![(CAROL_ID, 100)]);
        });
    }

    #[test]
    fn an_unsigned_acceptance_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);

            assert_noop!(
                LandTitles::accept_offer(RuntimeOrigin::none(), offer),
                DispatchError::BadOrigin
            );
        });
    }
}

mod approve_transfer {
    use super::*;

    #[test]
    fn a_registrar_approves_an_accepted_offer_and_the_title_moves() {
        build_and_execute(|| {
            let (parcel, offer) = accepted_offer();

            assert_ok!(LandTitles::approve_transfer(
                RuntimeOrigin::signed(REGISTRAR),
                offer
            ));

            assert_eq!(title_of(parcel), vec![(BOB_ID, 100)]);
            assert!(!Offers::<Test>::contains_key(offer));
            assert_eq!(parcels_of(ALICE_ID), Vec::<ParcelId>::new());
            assert_eq!(parcels_of(BOB_ID), vec![parcel]);
            assert_eq!(
                last_event(),
                Event::TitleTransferred {
                    parcel,
                    offer,
                    buyer: BOB_ID,
                    price: off_chain(),
                    title: holdings(&[(BOB_ID, 100)]),
                }
            );
        });
    }

    #[test]
    fn approval_after_the_offer_expired_is_refused() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();
            System::set_block_number(50);

            assert_noop!(
                LandTitles::approve_transfer(RuntimeOrigin::signed(REGISTRAR), offer),
                Error::<Test>::OfferExpired
            );
        });
    }

    #[test]
    fn anyone_removes_an_accepted_offer_that_expired_unapproved() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();
            System::set_block_number(50);

            assert_ok!(LandTitles::cancel_offer(
                RuntimeOrigin::signed(NOBODY),
                offer
            ));

            assert!(!Offers::<Test>::contains_key(offer));
        });
    }

    #[test]
    fn approving_an_unknown_offer_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                LandTitles::approve_transfer(RuntimeOrigin::signed(REGISTRAR), 0),
                Error::<Test>::UnknownOffer
            );
        });
    }

    #[test]
    fn an_offer_the_buyer_has_not_accepted_cannot_be_approved() {
        build_and_execute(|| {
            RegistrarApproves::set(&true);
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);

            assert_noop!(
                LandTitles::approve_transfer(RuntimeOrigin::signed(REGISTRAR), offer),
                Error::<Test>::NotAccepted
            );
        });
    }

    #[test]
    fn approval_refuses_a_buyer_deactivated_since_acceptance() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();
            Identity::deactivate_citizen(BOB);

            assert_noop!(
                LandTitles::approve_transfer(RuntimeOrigin::signed(REGISTRAR), offer),
                Error::<Test>::InactiveParty
            );
        });
    }

    #[test]
    fn an_officer_without_the_registrar_role_cannot_approve() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();

            assert_noop!(
                LandTitles::approve_transfer(RuntimeOrigin::signed(JUDGE), offer),
                IdentityError::RoleNotHeld
            );
        });
    }

    #[test]
    fn a_registrar_whose_appointment_ended_cannot_approve() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();
            Identity::expire_officer(REGISTRAR);

            assert_noop!(
                LandTitles::approve_transfer(RuntimeOrigin::signed(REGISTRAR), offer),
                IdentityError::OfficerExpired
            );
        });
    }

    #[test]
    fn the_buyer_cannot_approve_its_own_purchase() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();

            assert_noop!(
                LandTitles::approve_transfer(RuntimeOrigin::signed(BOB), offer),
                IdentityError::NotOfficer
            );
        });
    }

    #[test]
    fn an_unsigned_approval_is_refused() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();

            assert_noop!(
                LandTitles::approve_transfer(RuntimeOrigin::none(), offer),
                DispatchError::BadOrigin
            );
        });
    }
}

mod reject_transfer {
    use super::*;

    #[test]
    fn a_registrar_rejects_an_accepted_offer_and_the_title_stays() {
        build_and_execute(|| {
            let (parcel, offer) = accepted_offer();

            assert_ok!(LandTitles::reject_transfer(
                RuntimeOrigin::signed(REGISTRAR),
                offer
            ));

            assert!(!Offers::<Test>::contains_key(offer));
            assert_eq!(title_of(parcel), vec![(ALICE_ID, 100)]);
            assert_eq!(parcels_of(BOB_ID), Vec::<ParcelId>::new());
            assert_eq!(
                last_event(),
                Event::TransferRejected {
                    offer,
                    registrar: LAND_REGISTRY
                }
            );
        });
    }

    #[test]
    fn rejecting_an_unknown_offer_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                LandTitles::reject_transfer(RuntimeOrigin::signed(REGISTRAR), 0),
                Error::<Test>::UnknownOffer
            );
        });
    }

    #[test]
    fn an_offer_the_buyer_has_not_accepted_cannot_be_rejected() {
        build_and_execute(|| {
            RegistrarApproves::set(&true);
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);

            assert_noop!(
                LandTitles::reject_transfer(RuntimeOrigin::signed(REGISTRAR), offer),
                Error::<Test>::NotAccepted
            );
        });
    }

    #[test]
    fn an_officer_without_the_registrar_role_cannot_reject() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();

            assert_noop!(
                LandTitles::reject_transfer(RuntimeOrigin::signed(BANKER), offer),
                IdentityError::RoleNotHeld
            );
        });
    }

    #[test]
    fn a_registrar_whose_appointment_ended_cannot_reject() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();
            Identity::expire_officer(REGISTRAR);

            assert_noop!(
                LandTitles::reject_transfer(RuntimeOrigin::signed(REGISTRAR), offer),
                IdentityError::OfficerExpired
            );
        });
    }

    #[test]
    fn a_seller_cannot_reject() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();

            assert_noop!(
                LandTitles::reject_transfer(RuntimeOrigin::signed(ALICE), offer),
                IdentityError::NotOfficer
            );
        });
    }

    #[test]
    fn an_unsigned_rejection_is_refused() {
        build_and_execute(|| {
            let (_, offer) = accepted_offer();

            assert_noop!(
                LandTitles::reject_transfer(RuntimeOrigin::none(), offer),
                DispatchError::BadOrigin
            );
        });
    }
}

mod offers_per_parcel {
    use super::*;
    use crate::ParcelOffers;

    /// The offers a parcel's index lists, oldest first.
    fn open(parcel: ParcelId) -> Vec<u64> {
        ParcelOffers::<Test>::get(parcel).into_inner()
    }

    /// Alice offers her whole parcel to Bob until `expires_at`; returns the offer.
    fn offer_to_bob(parcel: ParcelId, expires_at: u64) -> u64 {
        let offer = NextOfferId::<Test>::get();
        assert_ok!(try_offer(
            ALICE,
            parcel,
            &[(ALICE_ID, 100)],
            BOB_ID,
            expires_at
        ));
        offer
    }

    /// Alice's parcel 0, full of her offers to Bob expiring at block 50.
    fn full_parcel() -> ParcelId {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        for _ in 0..MaxOffersPerParcel::get() {
            offer_to_bob(parcel, 50);
        }
        parcel
    }

    #[test]
    fn a_parcel_lists_its_open_offers_oldest_first() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let other = register("C-1", 100, &[(CAROL_ID, 100)]);

            offer_to_bob(parcel, 50);
            assert_ok!(try_offer(CAROL, other, &[(CAROL_ID, 100)], BOB_ID, 50));
            offer_to_bob(parcel, 40);

            assert_eq!(open(parcel), vec![0, 2]);
            assert_eq!(open(other), vec![1]);
        });
    }

    #[test]
    fn a_parcel_full_of_open_offers_takes_no_more() {
        build_and_execute(|| {
            let parcel = full_parcel();

            assert_noop!(
                try_offer(ALICE, parcel, &[(ALICE_ID, 100)], CAROL_ID, 50),
                Error::<Test>::TooManyOffers
            );
        });
    }

    #[test]
    fn a_full_parcel_still_refuses_in_the_last_block_of_its_oldest_offer() {
        build_and_execute(|| {
            let parcel = full_parcel();
            System::set_block_number(49);

            assert_noop!(
                try_offer(ALICE, parcel, &[(ALICE_ID, 100)], CAROL_ID, 60),
                Error::<Test>::TooManyOffers
            );
        });
    }

    #[test]
    fn a_full_parcel_drops_its_expired_offers_to_make_room() {
        build_and_execute(|| {
            RegistrarApproves::set(&true);
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let cap = u64::from(MaxOffersPerParcel::get());
            // Offers 0 and 1 expire at block 10, and the buyer accepted offer 1; the others
            // stay open until block 50.
            offer_to_bob(parcel, 10);
            offer_to_bob(parcel, 10);
            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(BOB), 1));
            for _ in 2..cap {
                offer_to_bob(parcel, 50);
            }
            System::set_block_number(10);

            assert_ok!(try_offer(ALICE, parcel, &[(ALICE_ID, 100)], CAROL_ID, 60));

            assert!(!Offers::<Test>::contains_key(0));
            assert!(!Offers::<Test>::contains_key(1));
            assert_eq!(open(parcel), (2..=cap).collect::<Vec<_>>());
            System::assert_has_event(Event::OfferCancelled { offer: 0 }.into());
            System::assert_has_event(Event::OfferCancelled { offer: 1 }.into());
            assert!(matches!(
                last_event(),
                Event::OfferCreated { offer, buyer: CAROL_ID, .. } if offer == cap
            ));
        });
    }

    #[test]
    fn a_parcel_with_room_keeps_its_expired_offers() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            offer_to_bob(parcel, 10);
            System::set_block_number(10);

            offer_to_bob(parcel, 50);

            assert!(Offers::<Test>::contains_key(0));
            assert_eq!(open(parcel), vec![0, 1]);
        });
    }

    #[test]
    fn a_withdrawn_offer_makes_room() {
        build_and_execute(|| {
            let parcel = full_parcel();
            assert_ok!(LandTitles::cancel_offer(RuntimeOrigin::signed(ALICE), 1));

            assert_ok!(try_offer(ALICE, parcel, &[(ALICE_ID, 100)], CAROL_ID, 50));

            let cap = u64::from(MaxOffersPerParcel::get());
            let expected: Vec<u64> = (0..=cap).filter(|offer| *offer != 1).collect();
            assert_eq!(open(parcel), expected);
        });
    }

    #[test]
    fn a_settled_offer_leaves_the_parcels_open_offers() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let sold = offer_to_bob(parcel, 50);
            let other = offer_all(ALICE, parcel, ALICE_ID, CAROL_ID);

            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(BOB), sold));

            assert_eq!(open(parcel), vec![other]);
        });
    }

    #[test]
    fn an_approved_offer_leaves_the_parcels_open_offers() {
        build_and_execute(|| {
            let (parcel, offer) = accepted_offer();

            assert_ok!(LandTitles::approve_transfer(
                RuntimeOrigin::signed(REGISTRAR),
                offer
            ));

            assert!(!ParcelOffers::<Test>::contains_key(parcel));
        });
    }

    #[test]
    fn a_rejected_offer_leaves_the_parcels_open_offers() {
        build_and_execute(|| {
            let (parcel, offer) = accepted_offer();

            assert_ok!(LandTitles::reject_transfer(
                RuntimeOrigin::signed(REGISTRAR),
                offer
            ));

            assert!(!ParcelOffers::<Test>::contains_key(parcel));
        });
    }

    #[test]
    fn offers_on_a_retired_parcel_stay_listed_until_removed() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_to_bob(parcel, 50);
            assert_ok!(halve(parcel, "A-1", 100, CARRY_NOTHING));
            assert_eq!(open(parcel), vec![offer]);
            System::set_block_number(50);

            assert_ok!(LandTitles::cancel_offer(
                RuntimeOrigin::signed(NOBODY),
                offer
            ));

            assert!(!ParcelOffers::<Test>::contains_key(parcel));
        });
    }
}
