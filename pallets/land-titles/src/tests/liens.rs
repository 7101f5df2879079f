//! Banks propose liens, every owner consents, liens rank in order of registration and banks
//! release them; a parcel with a lien is sold only by an offer that carries the lien, with the
//! bank's consent.

use super::*;
use crate::{
    Error, Event, Lien, LienProposal, LienProposals, NextLienId, Offers, ParcelLienProposals,
    ParcelLiens,
};
use frame_support::{assert_noop, assert_ok};
use govchain_primitives::identity::Role;
use sp_runtime::{
    traits::{BlakeTwo256, Hash},
    DispatchError,
};

fn propose(banker: u64, parcel: ParcelId) -> DispatchResult {
    LandTitles::propose_lien(RuntimeOrigin::signed(banker), parcel, LOAN)
}

fn consent(owner: u64, lien: u64) -> DispatchResult {
    LandTitles::consent_lien(RuntimeOrigin::signed(owner), lien)
}

/// The ids of a parcel's liens, highest rank first.
fn ranks(parcel: ParcelId) -> Vec<u64> {
    ParcelLiens::<Test>::get(parcel)
        .iter()
        .map(|lien| lien.id)
        .collect()
}

/// The lien proposals a parcel's index lists, oldest first.
fn waiting(parcel: ParcelId) -> Vec<u64> {
    ParcelLienProposals::<Test>::get(parcel).into_inner()
}

/// The first block in which a proposal made in block `block` has expired.
fn expiry_of_proposal_made_in(block: u64) -> u64 {
    block + LienProposalLifetime::get()
}

/// Alice's parcel 0 and lien proposal 0 of `BANKER`'s bank on it.
fn proposed_lien() -> (ParcelId, u64) {
    let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
    assert_ok!(propose(BANKER, parcel));
    (parcel, 0)
}

mod propose_lien {
    use super::*;

    #[test]
    fn a_bank_proposes_a_lien() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_ok!(propose(BANKER, parcel));

            assert_eq!(
                LienProposals::<Test>::get(0),
                Some(LienProposal::<Test> {
                    parcel,
                    bank: BANK_ID,
                    reference: LOAN,
                    title_hash: BlakeTwo256::hash_of(&holdings(&[(ALICE_ID, 100)])),
                    consents: Default::default(),
                    expires_at: 1 + LienProposalLifetime::get(),
                })
            );
            assert_eq!(NextLienId::<Test>::get(), 1);
            assert!(ParcelLiens::<Test>::get(parcel).is_empty());
            assert_eq!(
                last_event(),
                Event::LienProposed {
                    lien: 0,
                    parcel,
                    bank: BANK_ID,
                    reference: LOAN
                }
            );
        });
    }

    #[test]
    fn a_lien_on_an_unknown_parcel_is_refused() {
        build_and_execute(|| {
            assert_noop!(propose(BANKER, 4), Error::<Test>::UnknownParcel);
        });
    }

    #[test]
    fn a_lien_on_a_retired_parcel_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            assert_ok!(halve(parcel, "A-1", 100, CARRY_NOTHING));

            assert_noop!(propose(BANKER, parcel), Error::<Test>::ParcelRetired);
        });
    }

    #[test]
    fn a_parcel_with_the_most_liens_takes_no_proposal() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            for _ in 0..MaxLiensPerParcel::get() {
                register_lien(parcel, BANKER);
            }

            assert_noop!(propose(OTHER_BANKER, parcel), Error::<Test>::TooManyLiens);
        });
    }

    #[test]
    fn an_officer_without_the_bank_role_cannot_propose() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(propose(REGISTRAR, parcel), IdentityError::RoleNotHeld);
        });
    }

    #[test]
    fn a_banker_whose_appointment_ended_cannot_propose() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            Identity::expire_officer(BANKER);

            assert_noop!(propose(BANKER, parcel), IdentityError::OfficerExpired);
        });
    }

    #[test]
    fn a_citizen_cannot_propose() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(propose(ALICE, parcel), IdentityError::NotOfficer);
        });
    }

    #[test]
    fn an_unsigned_proposal_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(
                LandTitles::propose_lien(RuntimeOrigin::none(), parcel, LOAN),
                DispatchError::BadOrigin
            );
        });
    }
}

mod consent_lien {
    use super::*;

    #[test]
    fn the_sole_owners_consent_registers_the_lien() {
        build_and_execute(|| {
            let (parcel, lien) = proposed_lien();
            System::set_block_number(4);

            assert_ok!(consent(ALICE, lien));

            assert_eq!(
                ParcelLiens::<Test>::get(parcel).into_inner(),
                vec![Lien {
                    id: lien,
                    bank: BANK_ID,
                    reference: LOAN,
                    registered_at: 4,
                    registration: 0,
                }]
            );
            assert!(!LienProposals::<Test>::contains_key(lien));
            System::assert_has_event(
                Event::LienConsented {
                    lien,
                    owner: ALICE_ID,
                }
                .into(),
            );
            assert_eq!(
                last_event(),
                Event::LienRegistered {
                    lien,
                    parcel,
                    bank: BANK_ID,
                    rank: 1
                }
            );
        });
    }

    #[test]
    fn a_lien_waits_for_every_co_owner() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);
            assert_ok!(propose(BANKER, parcel));

            assert_ok!(consent(BOB, 0));

            assert_eq!(
                LienProposals::<Test>::get(0).unwrap().consents.into_inner(),
                vec![BOB_ID]
            );
            assert!(ParcelLiens::<Test>::get(parcel).is_empty());
            assert_eq!(
                last_event(),
                Event::LienConsented {
                    lien: 0,
                    owner: BOB_ID
                }
            );
        });
    }

    #[test]
    fn the_last_co_owners_consent_registers_the_lien() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);
            assert_ok!(propose(BANKER, parcel));
            assert_ok!(consent(BOB, 0));

            assert_ok!(consent(ALICE, 0));

            assert_eq!(ranks(parcel), vec![0]);
            assert!(!LienProposals::<Test>::contains_key(0));
            System::assert_has_event(
                Event::LienConsented {
                    lien: 0,
                    owner: ALICE_ID,
                }
                .into(),
            );
            assert_eq!(
                last_event(),
                Event::LienRegistered {
                    lien: 0,
                    parcel,
                    bank: BANK_ID,
                    rank: 1
                }
            );
        });
    }

    #[test]
    fn liens_rank_in_order_of_registration_not_of_proposal() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            assert_ok!(propose(BANKER, parcel));
            assert_ok!(propose(OTHER_BANKER, parcel));
            assert_ok!(consent(ALICE, 1));

            assert_ok!(consent(ALICE, 0));

            assert_eq!(ranks(parcel), vec![1, 0]);
            assert_eq!(
                last_event(),
                Event::LienRegistered {
                    lien: 0,
                    parcel,
                    bank: BANK_ID,
                    rank: 2
                }
            );
        });
    }

    #[test]
    fn a_former_owner_s_consent_does_not_count_after_buying_back_in() {
        build_and_execute(|| {
            // Alice consents, then sells her half to Carol and buys a quarter back from Bob.
            let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);
            let lien = NextLienId::<Test>::get();
            assert_ok!(propose(BANKER, parcel));
            assert_ok!(consent(ALICE, lien));
            let sale = offer(
                ALICE,
                parcel,
                &[(ALICE_ID, 50)],
                CAROL_ID,
                off_chain(),
                false,
            );
            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(CAROL), sale));
            let buy_back = offer(BOB, parcel, &[(BOB_ID, 25)], ALICE_ID, off_chain(), false);
            assert_ok!(LandTitles::accept_offer(
                RuntimeOrigin::signed(ALICE),
                buy_back
            ));

            // Bob and Carol consent: the lien still waits for Alice's fresh consent.
            assert_ok!(consent(BOB, lien));
            assert_ok!(consent(CAROL, lien));
            assert!(ParcelLiens::<Test>::get(parcel).is_empty());
            assert_ok!(consent(ALICE, lien));
            assert_eq!(ranks(parcel), vec![lien]);
        });
    }

    #[test]
    fn a_sole_owner_who_bought_out_the_other_consents_afresh() {
        build_and_execute(|| {
            // Alice consents, then buys Bob's half: she is the only owner, and has consented.
            let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);
            let lien = NextLienId::<Test>::get();
            assert_ok!(propose(BANKER, parcel));
            assert_ok!(consent(ALICE, lien));
            let sale = offer(BOB, parcel, &[(BOB_ID, 50)], ALICE_ID, off_chain(), false);
            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(ALICE), sale));

            assert_ok!(consent(ALICE, lien));

            assert_eq!(ranks(parcel), vec![lien]);
            assert!(!LienProposals::<Test>::contains_key(lien));
        });
    }

    #[test]
    fn consenting_to_an_unknown_lien_is_refused() {
        build_and_execute(|| {
            register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(consent(ALICE, 0), Error::<Test>::UnknownLien);
        });
    }

    #[test]
    fn only_an_owner_may_consent() {
        build_and_execute(|| {
            let (_, lien) = proposed_lien();

            assert_noop!(consent(BOB, lien), Error::<Test>::NotOwner);
        });
    }

    #[test]
    fn an_owner_cannot_consent_twice() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);
            assert_ok!(propose(BANKER, parcel));
            assert_ok!(consent(ALICE, 0));

            assert_noop!(consent(ALICE, 0), Error::<Test>::AlreadyConsented);
        });
    }

    #[test]
    fn a_lien_on_a_parcel_retired_since_the_proposal_cannot_register() {
        build_and_execute(|| {
            let (parcel, lien) = proposed_lien();
            assert_ok!(halve(parcel, "A-1", 100, CARRY_NOTHING));

            assert_noop!(consent(ALICE, lien), Error::<Test>::ParcelRetired);
        });
    }

    #[test]
    fn a_lien_cannot_register_on_a_parcel_that_filled_up_since_the_proposal() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            for _ in 0..=MaxLiensPerParcel::get() {
                assert_ok!(propose(BANKER, parcel));
            }
            for lien in 0..u64::from(MaxLiensPerParcel::get()) {
                assert_ok!(consent(ALICE, lien));
            }

            assert_noop!(
                consent(ALICE, u64::from(MaxLiensPerParcel::get())),
                Error::<Test>::TooManyLiens
            );
        });
    }

    #[test]
    fn an_owner_consents_in_the_proposals_last_block() {
        build_and_execute(|| {
            let (parcel, lien) = proposed_lien();
            System::set_block_number(expiry_of_proposal_made_in(1) - 1);

            assert_ok!(consent(ALICE, lien));

            assert_eq!(ranks(parcel), vec![lien]);
        });
    }

    #[test]
    fn consent_to_an_expired_proposal_is_refused() {
        build_and_execute(|| {
            let (_, lien) = proposed_lien();
            System::set_block_number(expiry_of_proposal_made_in(1));

            assert_noop!(consent(ALICE, lien), Error::<Test>::LienProposalExpired);
        });
    }

    #[test]
    fn the_last_co_owner_cannot_consent_after_expiry() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);
            assert_ok!(propose(BANKER, parcel));
            assert_ok!(consent(BOB, 0));
            System::set_block_number(expiry_of_proposal_made_in(1));

            assert_noop!(consent(ALICE, 0), Error::<Test>::LienProposalExpired);
            assert!(ParcelLiens::<Test>::get(parcel).is_empty());
        });
    }

    #[test]
    fn a_lien_of_a_bank_that_lost_its_role_does_not_register() {
        build_and_execute(|| {
            let (_, lien) = proposed_lien();
            Identity::revoke_role(BANK_ID, Role::CommercialBank);

            assert_noop!(consent(ALICE, lien), Error::<Test>::BankNotActive);
        });
    }

    #[test]
    fn a_co_owner_still_consents_while_the_bank_lacks_its_role_but_the_last_cannot() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 50), (BOB_ID, 50)]);
            assert_ok!(propose(BANKER, parcel));
            Identity::revoke_role(BANK_ID, Role::CommercialBank);

            assert_ok!(consent(BOB, 0));

            assert_noop!(consent(ALICE, 0), Error::<Test>::BankNotActive);
            assert_eq!(waiting(parcel), vec![0]);
        });
    }

    #[test]
    fn a_registered_lien_leaves_the_parcels_waiting_proposals() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            assert_ok!(propose(BANKER, parcel));
            assert_ok!(propose(OTHER_BANKER, parcel));

            assert_ok!(consent(ALICE, 0));

            assert_eq!(waiting(parcel), vec![1]);
            assert_ok!(consent(ALICE, 1));
            assert!(!ParcelLienProposals::<Test>::contains_key(parcel));
        });
    }

    #[test]
    fn an_unsigned_consent_is_refused() {
        build_and_execute(|| {
            let (_, lien) = proposed_lien();

            assert_noop!(
                LandTitles::consent_lien(RuntimeOrigin::none(), lien),
                DispatchError::BadOrigin
            );
        });
    }
}

mod withdraw_lien_proposal {
    use super::*;

    fn withdraw(banker: u64, lien: u64) -> DispatchResult {
        LandTitles::withdraw_lien_proposal(RuntimeOrigin::signed(banker), lien)
    }

    #[test]
    fn the_bank_withdraws_its_proposal() {
        build_and_execute(|| {
            let (parcel, lien) = proposed_lien();

            assert_ok!(withdraw(BANKER, lien));

            assert!(!LienProposals::<Test>::contains_key(lien));
            assert!(!ParcelLienProposals::<Test>::contains_key(parcel));
            assert!(ParcelLiens::<Test>::get(parcel).is_empty());
            assert_eq!(last_event(), Event::LienProposalWithdrawn { lien });
        });
    }

    #[test]
    fn a_withdrawn_proposal_cannot_be_consented_to() {
        build_and_execute(|| {
            let (_, lien) = proposed_lien();
            assert_ok!(withdraw(BANKER, lien));

            assert_noop!(consent(ALICE, lien), Error::<Test>::UnknownLien);
        });
    }

    #[test]
    fn withdrawing_an_unknown_proposal_is_refused() {
        build_and_execute(|| {
            assert_noop!(withdraw(BANKER, 0), Error::<Test>::UnknownLien);
        });
    }

    #[test]
    fn another_bank_cannot_withdraw_the_proposal() {
        build_and_execute(|| {
            let (_, lien) = proposed_lien();

            assert_noop!(withdraw(OTHER_BANKER, lien), Error::<Test>::NotLienHolder);
        });
    }

    #[test]
    fn an_officer_without_the_bank_role_cannot_withdraw() {
        build_and_execute(|| {
            let (_, lien) = proposed_lien();

            assert_noop!(withdraw(JUDGE, lien), IdentityError::RoleNotHeld);
        });
    }

    #[test]
    fn a_banker_whose_appointment_ended_cannot_withdraw() {
        build_and_execute(|| {
            let (_, lien) = proposed_lien();
            Identity::expire_officer(BANKER);

            assert_noop!(withdraw(BANKER, lien), IdentityError::OfficerExpired);
        });
    }

    #[test]
    fn a_citizen_cannot_withdraw() {
        build_and_execute(|| {
            let (_, lien) = proposed_lien();

            assert_noop!(withdraw(ALICE, lien), IdentityError::NotOfficer);
        });
    }

    #[test]
    fn an_unsigned_withdrawal_is_refused() {
        build_and_execute(|| {
            let (_, lien) = proposed_lien();

            assert_noop!(
                LandTitles::withdraw_lien_proposal(RuntimeOrigin::none(), lien),
                DispatchError::BadOrigin
            );
        });
    }
}

mod lien_proposals_per_parcel {
    use super::*;

    /// Fills Alice's parcel 0 with proposals of `BANKER`'s bank; returns the parcel.
    fn full_parcel() -> ParcelId {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        for _ in 0..MaxLienProposalsPerParcel::get() {
            assert_ok!(propose(BANKER, parcel));
        }
        parcel
    }

    #[test]
    fn a_parcel_lists_its_waiting_proposals_oldest_first() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let other = register("B-1", 100, &[(BOB_ID, 100)]);

            assert_ok!(propose(BANKER, parcel));
            assert_ok!(propose(OTHER_BANKER, other));
            assert_ok!(propose(OTHER_BANKER, parcel));

            assert_eq!(waiting(parcel), vec![0, 2]);
            assert_eq!(waiting(other), vec![1]);
        });
    }

    #[test]
    fn a_parcel_full_of_waiting_proposals_takes_no_more() {
        build_and_execute(|| {
            let parcel = full_parcel();

            assert_noop!(
                propose(OTHER_BANKER, parcel),
                Error::<Test>::TooManyLienProposals
            );
        });
    }

    #[test]
    fn a_full_parcel_still_refuses_in_the_last_block_of_its_oldest_proposal() {
        build_and_execute(|| {
            let parcel = full_parcel();
            System::set_block_number(expiry_of_proposal_made_in(1) - 1);

            assert_noop!(
                propose(OTHER_BANKER, parcel),
                Error::<Test>::TooManyLienProposals
            );
        });
    }

    #[test]
    fn a_full_parcel_drops_its_expired_proposals_to_make_room() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let cap = u64::from(MaxLienProposalsPerParcel::get());
            // Proposals 0 and 1 made in block 1, the others in block 10.
            for lien in 0..cap {
                if lien == 2 {
                    System::set_block_number(10);
                }
                assert_ok!(propose(BANKER, parcel));
            }
            System::set_block_number(expiry_of_proposal_made_in(1));

            assert_ok!(propose(OTHER_BANKER, parcel));

            assert!(!LienProposals::<Test>::contains_key(0));
            assert!(!LienProposals::<Test>::contains_key(1));
            assert_eq!(waiting(parcel), (2..=cap).collect::<Vec<_>>());
            System::assert_has_event(Event::LienProposalExpired { lien: 0 }.into());
            System::assert_has_event(Event::LienProposalExpired { lien: 1 }.into());
            assert_eq!(
                last_event(),
                Event::LienProposed {
                    lien: cap,
                    parcel,
                    bank: OTHER_BANK_ID,
                    reference: LOAN
                }
            );
        });
    }

    #[test]
    fn a_parcel_with_room_keeps_its_expired_proposals() {
        build_and_execute(|| {
            let (parcel, lien) = proposed_lien();
            System::set_block_number(expiry_of_proposal_made_in(1));

            assert_ok!(propose(OTHER_BANKER, parcel));

            assert!(LienProposals::<Test>::contains_key(lien));
            assert_eq!(waiting(parcel), vec![lien, 1]);
        });
    }

    #[test]
    fn a_withdrawn_proposal_makes_room() {
        build_and_execute(|| {
            let parcel = full_parcel();
            assert_ok!(LandTitles::withdraw_lien_proposal(
                RuntimeOrigin::signed(BANKER),
                1
            ));

            assert_ok!(propose(OTHER_BANKER, parcel));

            let cap = u64::from(MaxLienProposalsPerParcel::get());
            let expected: Vec<u64> = (0..=cap).filter(|lien| *lien != 1).collect();
            assert_eq!(waiting(parcel), expected);
        });
    }

    #[test]
    fn proposals_on_a_retired_parcel_wait_until_they_expire() {
        build_and_execute(|| {
            let (parcel, lien) = proposed_lien();
            assert_ok!(halve(parcel, "A-1", 100, CARRY_NOTHING));
            assert_eq!(waiting(parcel), vec![lien]);
            System::set_block_number(expiry_of_proposal_made_in(1));

            assert_ok!(LandTitles::remove_expired_lien_proposal(
                RuntimeOrigin::signed(NOBODY),
                lien
            ));

            assert!(!ParcelLienProposals::<Test>::contains_key(parcel));
        });
    }
}

mod remove_expired_lien_proposal {
    use super::*;

    fn remove(who: u64, lien: u64) -> DispatchResult {
        LandTitles::remove_expired_lien_proposal(RuntimeOrigin::signed(who), lien)
    }

    #[test]
    fn anyone_removes_an_expired_proposal() {
        build_and_execute(|| {
            let (parcel, lien) = proposed_lien();
            System::set_block_number(expiry_of_proposal_made_in(1));

            assert_ok!(remove(NOBODY, lien));

            assert!(!LienProposals::<Test>::contains_key(lien));
            assert!(!ParcelLienProposals::<Test>::contains_key(parcel));
            assert!(ParcelLiens::<Test>::get(parcel).is_empty());
            assert_eq!(last_event(), Event::LienProposalExpired { lien });
        });
    }

    #[test]
    fn removing_one_proposal_keeps_the_others_waiting() {
        build_and_execute(|| {
            let (parcel, lien) = proposed_lien();
            System::set_block_number(2);
            assert_ok!(propose(OTHER_BANKER, parcel));
            System::set_block_number(expiry_of_proposal_made_in(1));

            assert_ok!(remove(NOBODY, lien));

            assert_eq!(waiting(parcel), vec![1]);
            assert_ok!(consent(ALICE, 1));
        });
    }

    #[test]
    fn a_proposal_cannot_be_removed_before_it_expires() {
        build_and_execute(|| {
            let (_, lien) = proposed_lien();
            System::set_block_number(expiry_of_proposal_made_in(1) - 1);

            assert_noop!(remove(NOBODY, lien), Error::<Test>::LienProposalNotExpired);
            assert_noop!(remove(BANKER, lien), Error::<Test>::LienProposalNotExpired);
        });
    }

    #[test]
    fn a_removed_proposal_cannot_be_consented_to() {
        build_and_execute(|| {
            let (_, lien) = proposed_lien();
            System::set_block_number(expiry_of_proposal_made_in(1));
            assert_ok!(remove(NOBODY, lien));

            assert_noop!(consent(ALICE, lien), Error::<Test>::UnknownLien);
        });
    }

    #[test]
    fn removing_an_unknown_proposal_is_refused() {
        build_and_execute(|| {
            assert_noop!(remove(NOBODY, 0), Error::<Test>::UnknownLien);
        });
    }

    #[test]
    fn a_registered_lien_is_no_proposal_to_remove() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let lien = register_lien(parcel, BANKER);
            System::set_block_number(expiry_of_proposal_made_in(1));

            assert_noop!(remove(NOBODY, lien), Error::<Test>::UnknownLien);
        });
    }

    #[test]
    fn an_unsigned_removal_is_refused() {
        build_and_execute(|| {
            let (_, lien) = proposed_lien();
            System::set_block_number(expiry_of_proposal_made_in(1));

            assert_noop!(
                LandTitles::remove_expired_lien_proposal(RuntimeOrigin::none(), lien),
                DispatchError::BadOrigin
            );
        });
    }
}

mod release_lien {
    use super::*;

    fn release(banker: u64, parcel: ParcelId, lien: u64) -> DispatchResult {
        LandTitles::release_lien(RuntimeOrigin::signed(banker), parcel, lien)
    }

    #[test]
    fn releasing_a_lien_moves_the_later_liens_up() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let first = register_lien(parcel, BANKER);
            let second = register_lien(parcel, OTHER_BANKER);
            let third = register_lien(parcel, BANKER);

            assert_ok!(release(BANKER, parcel, first));

            assert_eq!(ranks(parcel), vec![second, third]);
            assert_eq!(
                last_event(),
                Event::LienReleased {
                    lien: first,
                    parcel,
                    bank: BANK_ID
                }
            );
        });
    }

    #[test]
    fn releasing_the_last_lien_clears_the_parcel() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let lien = register_lien(parcel, BANKER);

            assert_ok!(release(BANKER, parcel, lien));

            assert!(!ParcelLiens::<Test>::contains_key(parcel));
            assert_eq!(
                last_event(),
                Event::LienReleased {
                    lien,
                    parcel,
                    bank: BANK_ID
                }
            );
        });
    }

    #[test]
    fn releasing_a_lien_the_parcel_does_not_carry_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let other = register("A-2", 100, &[(ALICE_ID, 100)]);
            let lien = register_lien(other, BANKER);

            assert_noop!(release(BANKER, parcel, lien), Error::<Test>::UnknownLien);
        });
    }

    #[test]
    fn a_mere_proposal_cannot_be_released() {
        build_and_execute(|| {
            let (parcel, lien) = proposed_lien();

            assert_noop!(release(BANKER, parcel, lien), Error::<Test>::UnknownLien);
        });
    }

    #[test]
    fn another_bank_cannot_release_the_lien() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let lien = register_lien(parcel, BANKER);

            assert_noop!(
                release(OTHER_BANKER, parcel, lien),
                Error::<Test>::NotLienHolder
            );
        });
    }

    #[test]
    fn an_officer_without_the_bank_role_cannot_release() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let lien = register_lien(parcel, BANKER);

            assert_noop!(release(REGISTRAR, parcel, lien), IdentityError::RoleNotHeld);
        });
    }

    #[test]
    fn a_banker_whose_appointment_ended_cannot_release() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let lien = register_lien(parcel, BANKER);
            Identity::expire_officer(BANKER);

            assert_noop!(release(BANKER, parcel, lien), IdentityError::OfficerExpired);
        });
    }

    #[test]
    fn the_owner_cannot_release_the_lien() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let lien = register_lien(parcel, BANKER);

            assert_noop!(release(ALICE, parcel, lien), IdentityError::NotOfficer);
        });
    }

    #[test]
    fn an_unsigned_release_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let lien = register_lien(parcel, BANKER);

            assert_noop!(
                LandTitles::release_lien(RuntimeOrigin::none(), parcel, lien),
                DispatchError::BadOrigin
            );
        });
    }
}

mod selling_a_parcel_with_a_lien {
    use super::*;

    fn consent_carry(banker: u64, offer: u64) -> DispatchResult {
        LandTitles::consent_lien_carry(RuntimeOrigin::signed(banker), offer)
    }

    /// Alice's parcel 0 with a lien of `BANKER`'s bank, and her offer 0 of all of it to Bob,
    /// carrying the lien.
    fn offer_carrying_a_lien() -> (ParcelId, u64) {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        register_lien(parcel, BANKER);
        let offer = offer(ALICE, parcel, &[(ALICE_ID, 100)], BOB_ID, off_chain(), true);
        (parcel, offer)
    }

    #[test]
    fn a_lien_registered_after_the_bank_consented_stops_the_transfer() {
        build_and_execute(|| {
            // Given an accepted offer carrying a lien its bank agreed to carry…
            RegistrarApproves::set(&true);
            let (parcel, offer) = offer_carrying_a_lien();
            assert_ok!(consent_carry(BANKER, offer));
            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer));
            // …when the seller takes a second loan from the same bank before approval,
            register_lien(parcel, BANKER);

            // then the buyer does not get the new lien: approval is refused.
            assert_noop!(
                LandTitles::approve_transfer(RuntimeOrigin::signed(REGISTRAR), offer),
                Error::<Test>::LienConsentMissing
            );
        });
    }

    #[test]
    fn an_offer_that_does_not_carry_the_lien_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            register_lien(parcel, BANKER);

            assert_noop!(
                try_offer(ALICE, parcel, &[(ALICE_ID, 100)], BOB_ID, 50),
                Error::<Test>::LienPresent
            );
        });
    }

    #[test]
    fn the_bank_consents_to_its_lien_staying_on_the_parcel() {
        build_and_execute(|| {
            let (parcel, offer) = offer_carrying_a_lien();
            let lien = ParcelLiens::<Test>::get(parcel)[0].id;

            assert_ok!(consent_carry(BANKER, offer));

            assert_eq!(
                Offers::<Test>::get(offer)
                    .unwrap()
                    .carried_liens
                    .into_inner(),
                vec![lien]
            );
            assert_eq!(
                last_event(),
                Event::LienCarryConsented {
                    offer,
                    bank: BANK_ID
                }
            );
        });
    }

    #[test]
    fn with_the_banks_consent_the_title_moves_and_the_lien_stays() {
        build_and_execute(|| {
            let (parcel, offer) = offer_carrying_a_lien();
            let liens = ParcelLiens::<Test>::get(parcel);
            assert_ok!(consent_carry(BANKER, offer));

            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer));

            assert_eq!(title_of(parcel), vec![(BOB_ID, 100)]);
            assert_eq!(ParcelLiens::<Test>::get(parcel), liens);
            assert!(matches!(last_event(), Event::TitleTransferred { .. }));
        });
    }

    #[test]
    fn without_the_banks_consent_the_offer_cannot_be_accepted() {
        build_and_execute(|| {
            let (_, offer) = offer_carrying_a_lien();

            assert_noop!(
                LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer),
                Error::<Test>::LienConsentMissing
            );
        });
    }

    #[test]
    fn every_bank_holding_a_lien_must_consent() {
        build_and_execute(|| {
            let (parcel, offer) = offer_carrying_a_lien();
            register_lien(parcel, OTHER_BANKER);
            assert_ok!(consent_carry(BANKER, offer));

            assert_noop!(
                LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer),
                Error::<Test>::LienConsentMissing
            );
        });
    }

    #[test]
    fn a_lien_registered_after_the_offer_stops_an_offer_that_does_not_carry_it() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);
            register_lien(parcel, BANKER);

            assert_noop!(
                LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer),
                Error::<Test>::LienPresent
            );
        });
    }

    #[test]
    fn a_lien_registered_after_acceptance_stops_the_approval() {
        build_and_execute(|| {
            RegistrarApproves::set(&true);
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);
            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer));
            register_lien(parcel, BANKER);

            assert_noop!(
                LandTitles::approve_transfer(RuntimeOrigin::signed(REGISTRAR), offer),
                Error::<Test>::LienPresent
            );
        });
    }

    #[test]
    fn a_bank_cannot_consent_to_an_offer_that_does_not_carry_liens() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);

            assert_noop!(consent_carry(BANKER, offer), Error::<Test>::LiensNotCarried);
        });
    }

    #[test]
    fn a_bank_without_a_lien_on_the_parcel_cannot_consent() {
        build_and_execute(|| {
            let (_, offer) = offer_carrying_a_lien();

            assert_noop!(
                consent_carry(OTHER_BANKER, offer),
                Error::<Test>::NotLienHolder
            );
        });
    }

    #[test]
    fn a_bank_cannot_consent_twice() {
        build_and_execute(|| {
            let (_, offer) = offer_carrying_a_lien();
            assert_ok!(consent_carry(BANKER, offer));

            assert_noop!(
                consent_carry(BANKER, offer),
                Error::<Test>::AlreadyConsented
            );
        });
    }

    #[test]
    fn a_bank_cannot_consent_to_an_unknown_offer() {
        build_and_execute(|| {
            assert_noop!(consent_carry(BANKER, 0), Error::<Test>::UnknownOffer);
        });
    }

    #[test]
    fn a_bank_cannot_consent_to_an_expired_offer() {
        build_and_execute(|| {
            let (_, offer) = offer_carrying_a_lien();
            System::set_block_number(50);

            assert_noop!(consent_carry(BANKER, offer), Error::<Test>::OfferExpired);
        });
    }

    #[test]
    fn a_bank_cannot_consent_to_an_accepted_offer() {
        build_and_execute(|| {
            RegistrarApproves::set(&true);
            let (_, offer) = offer_carrying_a_lien();
            assert_ok!(consent_carry(BANKER, offer));
            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer));

            assert_noop!(consent_carry(BANKER, offer), Error::<Test>::AlreadyAccepted);
        });
    }

    #[test]
    fn an_officer_without_the_bank_role_cannot_consent() {
        build_and_execute(|| {
            let (_, offer) = offer_carrying_a_lien();

            assert_noop!(consent_carry(JUDGE, offer), IdentityError::RoleNotHeld);
        });
    }

    #[test]
    fn a_banker_whose_appointment_ended_cannot_consent() {
        build_and_execute(|| {
            let (_, offer) = offer_carrying_a_lien();
            Identity::expire_officer(BANKER);

            assert_noop!(consent_carry(BANKER, offer), IdentityError::OfficerExpired);
        });
    }

    #[test]
    fn the_buyer_cannot_consent_for_the_bank() {
        build_and_execute(|| {
            let (_, offer) = offer_carrying_a_lien();

            assert_noop!(consent_carry(BOB, offer), IdentityError::NotOfficer);
        });
    }

    #[test]
    fn an_unsigned_consent_is_refused() {
        build_and_execute(|| {
            let (_, offer) = offer_carrying_a_lien();

            assert_noop!(
                LandTitles::consent_lien_carry(RuntimeOrigin::none(), offer),
                DispatchError::BadOrigin
            );
        });
    }
}
