//! Every change to a parcel's record is appended to the parcel's history, in the extrinsic that
//! makes it: registration, transfer, lien registered and released, freeze and lift, subdivision
//! and merging, and the liens and freeze a new parcel carries over. A refused call leaves the history as it was; `title_history` reads it page by
//! page; the invariants catch a history that does not match the parcels.

use super::*;
use crate::{
    HistoryEntry, NextParcelId, ParcelHistory, ParcelHistoryLength, Parcels, TitleChange, MAX_PAGE,
};
use frame_support::{assert_noop, assert_ok};
use govchain_primitives::identity::InstitutionId;

/// An entry made in block `at`.
fn entry(at: u64, change: TitleChange) -> HistoryEntry<u64> {
    HistoryEntry { at, change }
}

/// The registration by the land registry in block `at`.
fn registered(at: u64) -> HistoryEntry<u64> {
    entry(
        at,
        TitleChange::Registered {
            registrar: LAND_REGISTRY,
        },
    )
}

/// A parcel's whole history as `title_history` returns it; checks that the total it reports is
/// the stored length and the number of entries.
fn history(parcel: ParcelId) -> Vec<HistoryEntry<u64>> {
    let (total, entries) =
        LandTitles::title_history(parcel, 0, u32::MAX).expect("the parcel exists");
    assert_eq!(total, ParcelHistoryLength::<Test>::get(parcel));
    assert_eq!(total as usize, entries.len());
    entries
}

fn frozen(court: InstitutionId) -> TitleChange {
    TitleChange::Frozen {
        court,
        case: case(1),
    }
}

mod recording {
    use super::*;

    #[test]
    fn a_parcels_lifecycle_is_recorded_in_order_with_its_blocks() {
        build_and_execute(|| {
            // Block 1: registered to Alice.
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            // Block 2: a lien of the bank.
            System::set_block_number(2);
            let lien = register_lien(parcel, BANKER);
            // Block 3: sold to Bob with the lien, which settles at once.
            System::set_block_number(3);
            let offer = offer(ALICE, parcel, &[(ALICE_ID, 100)], BOB_ID, off_chain(), true);
            assert_ok!(LandTitles::consent_lien_carry(
                RuntimeOrigin::signed(BANKER),
                offer
            ));
            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer));
            // Block 4: frozen; block 5: lifted.
            System::set_block_number(4);
            assert_ok!(freeze(JUDGE, parcel));
            System::set_block_number(5);
            assert_ok!(lift(JUDGE, parcel));
            // Block 6: the bank releases its lien.
            System::set_block_number(6);
            assert_ok!(LandTitles::release_lien(
                RuntimeOrigin::signed(BANKER),
                parcel,
                lien
            ));
            // Block 7: subdivided into two halves.
            System::set_block_number(7);
            let first_child = NextParcelId::<Test>::get();
            assert_ok!(halve(parcel, "A-1", 100, CARRY_NOTHING));

            assert_eq!(
                history(parcel),
                vec![
                    registered(1),
                    entry(
                        2,
                        TitleChange::LienRegistered {
                            lien,
                            bank: BANK_ID
                        }
                    ),
                    entry(
                        3,
                        TitleChange::Transferred {
                            offer,
                            buyer: BOB_ID
                        }
                    ),
                    entry(4, frozen(COURT_ID)),
                    entry(5, TitleChange::FreezeLifted { court: COURT_ID }),
                    entry(
                        6,
                        TitleChange::LienReleased {
                            lien,
                            bank: BANK_ID
                        }
                    ),
                    entry(7, TitleChange::Subdivided),
                ]
            );
            assert_eq!(ParcelHistoryLength::<Test>::get(parcel), 7);
            for child in [first_child, first_child + 1] {
                assert_eq!(history(child), vec![registered(7)]);
                assert_eq!(ParcelHistoryLength::<Test>::get(child), 1);
            }
        });
    }

    #[test]
    fn a_merge_closes_each_parents_history_and_opens_the_merged_parcels() {
        build_and_execute(|| {
            let first = register("C-1", 100, &[(CAROL_ID, 100)]);
            System::set_block_number(2);
            let second = register("C-2", 300, &[(CAROL_ID, 100)]);
            System::set_block_number(3);
            let merged = NextParcelId::<Test>::get();

            assert_ok!(merge(&[first, second], "C-3", 400, CARRY_NOTHING));

            let merged_into = entry(3, TitleChange::MergedInto { parcel: merged });
            assert_eq!(history(first), vec![registered(1), merged_into]);
            assert_eq!(history(second), vec![registered(2), merged_into]);
            assert_eq!(history(merged), vec![registered(3)]);
            assert_eq!(ParcelHistoryLength::<Test>::get(first), 2);
            assert_eq!(ParcelHistoryLength::<Test>::get(second), 2);
            assert_eq!(ParcelHistoryLength::<Test>::get(merged), 1);
        });
    }

    #[test]
    fn a_transfer_approved_by_a_registrar_is_recorded_at_approval_not_acceptance() {
        build_and_execute(|| {
            RegistrarApproves::set(&true);
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);
            System::set_block_number(2);
            assert_ok!(LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer));
            assert_eq!(history(parcel), vec![registered(1)]);
            System::set_block_number(3);

            assert_ok!(LandTitles::approve_transfer(
                RuntimeOrigin::signed(REGISTRAR),
                offer
            ));

            assert_eq!(
                history(parcel),
                vec![
                    registered(1),
                    entry(
                        3,
                        TitleChange::Transferred {
                            offer,
                            buyer: BOB_ID
                        }
                    ),
                ]
            );
        });
    }

    #[test]
    fn offers_and_lien_proposals_that_change_no_record_are_not_recorded() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 60), (BOB_ID, 40)]);
            // An offer created, consented to and cancelled, a second one rejected…
            let cancelled = offer(
                ALICE,
                parcel,
                &[(ALICE_ID, 60)],
                CAROL_ID,
                off_chain(),
                false,
            );
            assert_ok!(LandTitles::cancel_offer(
                RuntimeOrigin::signed(ALICE),
                cancelled
            ));
            RegistrarApproves::set(&true);
            let rejected = offer(BOB, parcel, &[(BOB_ID, 40)], CAROL_ID, off_chain(), false);
            assert_ok!(LandTitles::accept_offer(
                RuntimeOrigin::signed(CAROL),
                rejected
            ));
            assert_ok!(LandTitles::reject_transfer(
                RuntimeOrigin::signed(REGISTRAR),
                rejected
            ));
            // …a lien proposal withdrawn, another with only one co-owner's consent.
            assert_ok!(LandTitles::propose_lien(
                RuntimeOrigin::signed(BANKER),
                parcel,
                LOAN
            ));
            assert_ok!(LandTitles::withdraw_lien_proposal(
                RuntimeOrigin::signed(BANKER),
                0
            ));
            assert_ok!(LandTitles::propose_lien(
                RuntimeOrigin::signed(OTHER_BANKER),
                parcel,
                LOAN
            ));
            assert_ok!(LandTitles::consent_lien(RuntimeOrigin::signed(ALICE), 1));

            assert_eq!(history(parcel), vec![registered(1)]);
        });
    }

    #[test]
    fn the_last_co_owners_consent_records_the_lien() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 60), (BOB_ID, 40)]);
            assert_ok!(LandTitles::propose_lien(
                RuntimeOrigin::signed(BANKER),
                parcel,
                LOAN
            ));
            assert_ok!(LandTitles::consent_lien(RuntimeOrigin::signed(ALICE), 0));
            System::set_block_number(2);

            assert_ok!(LandTitles::consent_lien(RuntimeOrigin::signed(BOB), 0));

            assert_eq!(
                history(parcel),
                vec![
                    registered(1),
                    entry(
                        2,
                        TitleChange::LienRegistered {
                            lien: 0,
                            bank: BANK_ID
                        }
                    ),
                ]
            );
        });
    }

    #[test]
    fn children_that_carry_the_freeze_over_record_it_after_their_registration() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            assert_ok!(freeze(JUDGE, parcel));
            System::set_block_number(2);

            assert_ok!(halve(parcel, "A-1", 100, CARRY_FREEZE));

            assert_eq!(
                history(parcel),
                vec![
                    registered(1),
                    entry(1, frozen(COURT_ID)),
                    entry(2, TitleChange::Subdivided),
                ]
            );
            let carried = entry(
                2,
                TitleChange::FreezeCarried {
                    court: COURT_ID,
                    case: case(1),
                },
            );
            assert_eq!(history(1), vec![registered(2), carried]);
            assert_eq!(history(2), vec![registered(2), carried]);
        });
    }

    #[test]
    fn a_merged_parcel_records_each_carried_lien_once() {
        build_and_execute(|| {
            let first = register("A-1", 100, &[(ALICE_ID, 100)]);
            let second = register("A-2", 50, &[(ALICE_ID, 100)]);
            let lien = register_lien(first, BANKER);
            System::set_block_number(2);

            assert_ok!(merge(&[first, second], "A-3", 150, CARRY_LIENS));

            assert_eq!(
                history(2),
                vec![
                    registered(2),
                    entry(
                        2,
                        TitleChange::LienCarried {
                            lien,
                            bank: BANK_ID
                        }
                    ),
                ]
            );
        });
    }
}

mod refused_calls {
    use super::*;
    use crate::Error;

    #[test]
    fn freezing_a_frozen_parcel_again_leaves_its_history() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            assert_ok!(freeze(JUDGE, parcel));
            System::set_block_number(2);

            assert_noop!(freeze(OTHER_JUDGE, parcel), Error::<Test>::AlreadyFrozen);

            assert_eq!(
                history(parcel),
                vec![registered(1), entry(1, frozen(COURT_ID))]
            );
        });
    }

    #[test]
    fn a_lien_release_by_another_bank_leaves_the_history() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let lien = register_lien(parcel, BANKER);

            assert_noop!(
                LandTitles::release_lien(RuntimeOrigin::signed(OTHER_BANKER), parcel, lien),
                Error::<Test>::NotLienHolder
            );

            assert_eq!(history(parcel).len(), 2);
        });
    }

    #[test]
    fn a_settlement_refused_for_a_freeze_leaves_the_history() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let offer = offer_all(ALICE, parcel, ALICE_ID, BOB_ID);
            assert_ok!(freeze(JUDGE, parcel));

            assert_noop!(
                LandTitles::accept_offer(RuntimeOrigin::signed(BOB), offer),
                Error::<Test>::Frozen
            );

            assert_eq!(
                history(parcel),
                vec![registered(1), entry(1, frozen(COURT_ID))]
            );
        });
    }

    #[test]
    fn a_subdivision_refused_after_the_parent_and_a_child_were_recorded_leaves_no_entry() {
        build_and_execute(|| {
            // Alice holds as many parcels as she may: retiring parcel 0 makes room for one
            // child, whose registration is recorded before the second child is refused.
            for number in 0..MaxParcelsPerOwner::get() {
                register(&format!("P-{number}"), 1_000, &[(ALICE_ID, 100)]);
            }
            let next = NextParcelId::<Test>::get();

            assert_noop!(
                halve(0, "P-0", 1_000, CARRY_NOTHING),
                Error::<Test>::TooManyParcels
            );

            assert_eq!(history(0), vec![registered(1)]);
            assert!(!ParcelHistoryLength::<Test>::contains_key(next));
            assert_eq!(ParcelHistory::<Test>::iter_prefix(next).count(), 0);
        });
    }

    #[test]
    fn a_merge_refused_for_differing_titles_leaves_both_histories() {
        build_and_execute(|| {
            let first = register("C-1", 100, &[(CAROL_ID, 100)]);
            let second = register("C-2", 100, &[(BOB_ID, 100)]);

            assert_noop!(
                merge(&[first, second], "C-3", 200, CARRY_NOTHING),
                Error::<Test>::TitlesDiffer
            );

            assert_eq!(history(first), vec![registered(1)]);
            assert_eq!(history(second), vec![registered(1)]);
        });
    }
}

mod title_history {
    use super::*;

    /// Alice's parcel 0 with five entries: registered in block 1, then frozen and lifted twice
    /// in blocks 2 to 5.
    fn parcel_with_five_entries() -> (ParcelId, Vec<HistoryEntry<u64>>) {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        for block in [2, 4] {
            System::set_block_number(block);
            assert_ok!(freeze(JUDGE, parcel));
            System::set_block_number(block + 1);
            assert_ok!(lift(JUDGE, parcel));
        }
        let lifted = TitleChange::FreezeLifted { court: COURT_ID };
        let entries = vec![
            registered(1),
            entry(2, frozen(COURT_ID)),
            entry(3, lifted),
            entry(4, frozen(COURT_ID)),
            entry(5, lifted),
        ];
        (parcel, entries)
    }

    #[test]
    fn pages_run_from_from_for_at_most_limit_entries() {
        build_and_execute(|| {
            let (parcel, entries) = parcel_with_five_entries();

            assert_eq!(
                LandTitles::title_history(parcel, 0, 2),
                Some((5, entries[0..2].to_vec()))
            );
            assert_eq!(
                LandTitles::title_history(parcel, 2, 2),
                Some((5, entries[2..4].to_vec()))
            );
            assert_eq!(
                LandTitles::title_history(parcel, 4, 2),
                Some((5, entries[4..].to_vec()))
            );
            assert_eq!(
                LandTitles::title_history(parcel, 1, 3),
                Some((5, entries[1..4].to_vec()))
            );
        });
    }

    #[test]
    fn a_limit_of_zero_returns_the_total_alone() {
        build_and_execute(|| {
            let (parcel, _) = parcel_with_five_entries();

            assert_eq!(LandTitles::title_history(parcel, 0, 0), Some((5, vec![])));
        });
    }

    #[test]
    fn a_page_from_the_end_or_beyond_is_empty() {
        build_and_execute(|| {
            let (parcel, _) = parcel_with_five_entries();

            assert_eq!(LandTitles::title_history(parcel, 5, 10), Some((5, vec![])));
            assert_eq!(LandTitles::title_history(parcel, 6, 10), Some((5, vec![])));
            assert_eq!(
                LandTitles::title_history(parcel, u32::MAX, u32::MAX),
                Some((5, vec![]))
            );
        });
    }

    #[test]
    fn the_largest_limit_returns_a_short_history_whole() {
        build_and_execute(|| {
            let (parcel, entries) = parcel_with_five_entries();

            assert_eq!(
                LandTitles::title_history(parcel, 0, u32::MAX),
                Some((5, entries.clone()))
            );
            assert_eq!(
                LandTitles::title_history(parcel, 3, u32::MAX),
                Some((5, entries[3..].to_vec()))
            );
        });
    }

    #[test]
    fn a_page_holds_at_most_max_page_entries() {
        build_and_execute(|| {
            // MAX_PAGE + 1 entries: the registration, then freezes and lifts.
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            for _ in 0..MAX_PAGE / 2 {
                assert_ok!(freeze(JUDGE, parcel));
                assert_ok!(lift(JUDGE, parcel));
            }
            let total = MAX_PAGE + 1;

            let (reported, page) = LandTitles::title_history(parcel, 0, u32::MAX).unwrap();
            assert_eq!(reported, total);
            assert_eq!(page.len(), MAX_PAGE as usize);
            assert_eq!(page.first(), Some(&registered(1)));

            let (_, rest) = LandTitles::title_history(parcel, MAX_PAGE, u32::MAX).unwrap();
            assert_eq!(
                rest,
                vec![entry(1, TitleChange::FreezeLifted { court: COURT_ID })]
            );
        });
    }

    #[test]
    fn a_retired_parcel_keeps_its_history() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            assert_ok!(halve(parcel, "A-1", 100, CARRY_NOTHING));

            assert_eq!(
                LandTitles::title_history(parcel, 0, 10),
                Some((2, vec![registered(1), entry(1, TitleChange::Subdivided)]))
            );
        });
    }

    #[test]
    fn an_unknown_parcel_has_no_history() {
        build_and_execute(|| {
            register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_eq!(LandTitles::title_history(1, 0, 10), None);
            assert_eq!(LandTitles::title_history(ParcelId::MAX, 0, 10), None);
        });
    }
}

/// These tests corrupt storage on purpose, so they run without `build_and_execute`, whose final
/// invariant check would fail; each restores the storage and checks that the invariants hold
/// again.
mod invariants {
    use super::*;
    use sp_runtime::DispatchError;

    /// Alice's parcel 0, registered in block 1, frozen in block 2 and lifted in block 3: three
    /// entries. The invariants hold.
    fn parcel_with_three_entries() -> ParcelId {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        System::set_block_number(2);
        assert_ok!(freeze(JUDGE, parcel));
        System::set_block_number(3);
        assert_ok!(lift(JUDGE, parcel));
        assert_eq!(ParcelHistoryLength::<Test>::get(parcel), 3);
        assert_ok!(LandTitles::do_try_state());
        parcel
    }

    fn fails_with(reason: &'static str) {
        assert_eq!(
            LandTitles::do_try_state(),
            Err(DispatchError::Other(reason))
        );
    }

    #[test]
    fn a_history_that_does_not_replay_to_the_liens_and_freeze_is_caught() {
        new_test_ext().execute_with(|| {
            let parcel = parcel_with_three_entries();
            let lifted = ParcelHistory::<Test>::take(parcel, 2).unwrap();
            ParcelHistoryLength::<Test>::insert(parcel, 2);

            fails_with("replaying a parcel's history does not give its freeze");

            ParcelHistory::<Test>::insert(parcel, 2, lifted);
            ParcelHistoryLength::<Test>::insert(parcel, 3);
            assert_ok!(LandTitles::do_try_state());
            let lien = register_lien(parcel, BANKER);
            let registered = ParcelHistory::<Test>::take(parcel, 3).unwrap();
            ParcelHistoryLength::<Test>::insert(parcel, 3);

            fails_with("replaying a parcel's history does not give its liens");

            ParcelHistory::<Test>::insert(parcel, 3, registered);
            ParcelHistoryLength::<Test>::insert(parcel, 4);
            assert_eq!(
                registered.change,
                TitleChange::LienRegistered {
                    lien,
                    bank: BANK_ID
                }
            );
            assert_ok!(LandTitles::do_try_state());
        });
    }

    #[test]
    fn a_missing_entry_is_caught() {
        new_test_ext().execute_with(|| {
            let parcel = parcel_with_three_entries();
            let removed = ParcelHistory::<Test>::take(parcel, 2).unwrap();

            fails_with("a parcel's history length differs from its entries");

            ParcelHistory::<Test>::insert(parcel, 2, removed);
            assert_ok!(LandTitles::do_try_state());
        });
    }

    #[test]
    fn a_gap_in_the_numbering_is_caught() {
        new_test_ext().execute_with(|| {
            let parcel = parcel_with_three_entries();
            // Entry 1 moved to number 3: as many entries as the length, but 1 is missing.
            let moved = ParcelHistory::<Test>::take(parcel, 1).unwrap();
            ParcelHistory::<Test>::insert(parcel, 3, moved);

            fails_with("a parcel's history has a gap");

            ParcelHistory::<Test>::remove(parcel, 3);
            ParcelHistory::<Test>::insert(parcel, 1, moved);
            assert_ok!(LandTitles::do_try_state());
        });
    }

    #[test]
    fn a_length_too_long_or_too_short_is_caught() {
        new_test_ext().execute_with(|| {
            let parcel = parcel_with_three_entries();

            for wrong in [2, 4] {
                ParcelHistoryLength::<Test>::insert(parcel, wrong);
                fails_with("a parcel's history length differs from its entries");
            }

            ParcelHistoryLength::<Test>::insert(parcel, 3);
            assert_ok!(LandTitles::do_try_state());
        });
    }

    #[test]
    fn a_parcel_without_history_is_caught() {
        new_test_ext().execute_with(|| {
            let parcel = parcel_with_three_entries();
            let entries: Vec<_> = ParcelHistory::<Test>::drain_prefix(parcel).collect();
            ParcelHistoryLength::<Test>::remove(parcel);

            fails_with("a parcel has no history");

            for (index, entry) in entries {
                ParcelHistory::<Test>::insert(parcel, index, entry);
            }
            ParcelHistoryLength::<Test>::insert(parcel, 3);
            assert_ok!(LandTitles::do_try_state());
        });
    }

    #[test]
    fn a_history_of_a_parcel_that_does_not_exist_is_caught() {
        new_test_ext().execute_with(|| {
            let parcel = parcel_with_three_entries();
            let ghost = parcel + 1;
            ParcelHistory::<Test>::insert(ghost, 0, registered(1));
            ParcelHistoryLength::<Test>::insert(ghost, 1);

            fails_with("a history names no parcel");

            ParcelHistoryLength::<Test>::remove(ghost);
            fails_with("history entries without a length");

            ParcelHistory::<Test>::remove(ghost, 0);
            assert_ok!(LandTitles::do_try_state());
        });
    }

    #[test]
    fn a_history_that_does_not_open_with_the_registration_is_caught() {
        new_test_ext().execute_with(|| {
            let parcel = parcel_with_three_entries();

            ParcelHistory::<Test>::insert(parcel, 0, entry(1, frozen(COURT_ID)));
            fails_with("a parcel's history does not open with its registration");

            // A registration, but not in the block the parcel was registered.
            ParcelHistory::<Test>::insert(parcel, 0, registered(2));
            fails_with("a parcel's history does not open with its registration");

            ParcelHistory::<Test>::insert(parcel, 0, registered(1));
            assert_ok!(LandTitles::do_try_state());
        });
    }

    #[test]
    fn entries_out_of_block_order_are_caught() {
        new_test_ext().execute_with(|| {
            let parcel = parcel_with_three_entries();

            // Frozen in block 4, lifted in block 3.
            ParcelHistory::<Test>::insert(parcel, 1, entry(4, frozen(COURT_ID)));
            fails_with("a parcel's history is not in block order");

            ParcelHistory::<Test>::insert(parcel, 1, entry(2, frozen(COURT_ID)));
            assert_ok!(LandTitles::do_try_state());
        });
    }

    #[test]
    fn a_live_parcel_whose_history_ends_retired_is_caught() {
        new_test_ext().execute_with(|| {
            let parcel = parcel_with_three_entries();

            ParcelHistory::<Test>::insert(parcel, 3, entry(3, TitleChange::Subdivided));
            ParcelHistoryLength::<Test>::insert(parcel, 4);
            fails_with("a parcel's history and its retirement disagree");

            ParcelHistory::<Test>::remove(parcel, 3);
            ParcelHistoryLength::<Test>::insert(parcel, 3);
            assert_ok!(LandTitles::do_try_state());
        });
    }

    #[test]
    fn a_retired_parcel_whose_history_does_not_end_with_its_retirement_is_caught() {
        new_test_ext().execute_with(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            assert_ok!(halve(parcel, "A-1", 100, CARRY_NOTHING));
            assert!(Parcels::<Test>::get(parcel).is_some_and(|record| !record.is_live()));
            let retirement = ParcelHistory::<Test>::get(parcel, 1).unwrap();

            // An entry after the retirement.
            ParcelHistory::<Test>::insert(parcel, 2, entry(1, frozen(COURT_ID)));
            ParcelHistoryLength::<Test>::insert(parcel, 3);
            fails_with("a parcel's history and its retirement disagree");

            // No retirement at all.
            ParcelHistory::<Test>::remove(parcel, 2);
            ParcelHistoryLength::<Test>::insert(parcel, 2);
            ParcelHistory::<Test>::insert(parcel, 1, entry(1, frozen(COURT_ID)));
            fails_with("a parcel's history and its retirement disagree");

            // Retired twice.
            ParcelHistory::<Test>::insert(parcel, 1, retirement);
            ParcelHistory::<Test>::insert(parcel, 2, retirement);
            ParcelHistoryLength::<Test>::insert(parcel, 3);
            fails_with("a parcel's history and its retirement disagree");

            ParcelHistory::<Test>::remove(parcel, 2);
            ParcelHistoryLength::<Test>::insert(parcel, 2);
            assert_ok!(LandTitles::do_try_state());
        });
    }
}
