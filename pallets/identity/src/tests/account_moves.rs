//! A citizen is protected from its own registry: a move of its account happens at once only with
//! the consent of its current key (or by the council); otherwise it waits out the time lock
//! (`DefaultAccountMoveDelay`, 30 blocks here), during which the current key may veto it.

use crate::{
    mock::*, AccountMoveDelay, CitizenStatus, Citizens, DeactivationReason, Error, Event,
    MoveConsents, MovesDue, PendingMove, PendingMoves,
};
use frame_support::{assert_noop, assert_ok, traits::Hooks, BoundedVec};
use govchain_primitives::identity::{IdentityProvider, KycTier};

/// The citizen's new key.
const NEW_KEY: u64 = 50;

/// `REGISTRAR` moves the citizen to `to`.
fn request_move(to: u64) -> sp_runtime::DispatchResult {
    Identity::move_citizen_account(RuntimeOrigin::signed(REGISTRAR), CITIZEN_ID, to)
}

/// Runs block `n`'s start.
fn start_block(n: u64) {
    System::set_block_number(n);
    Identity::on_initialize(n);
}

/// Checks that the citizen's identity is still held by its old key.
#[track_caller]
fn assert_not_moved() {
    assert_eq!(Identity::citizen_of(&CITIZEN), Some(CITIZEN_ID));
    assert_eq!(Identity::citizen_of(&NEW_KEY), None);
}

mod consent {
    use super::*;

    #[test]
    fn the_citizen_s_key_consents_and_the_move_happens_at_once() {
        build_and_execute(|| {
            assert_ok!(Identity::consent_to_account_move(
                RuntimeOrigin::signed(CITIZEN),
                NEW_KEY
            ));
            System::assert_last_event(
                Event::AccountMoveConsented {
                    citizen: CITIZEN_ID,
                    to: NEW_KEY,
                    expires_at: 21,
                }
                .into(),
            );

            assert_ok!(request_move(NEW_KEY));

            assert_eq!(Identity::citizen_of(&NEW_KEY), Some(CITIZEN_ID));
            assert!(!MoveConsents::<Test>::contains_key(CITIZEN_ID));
            assert!(!PendingMoves::<Test>::contains_key(CITIZEN_ID));
        });
    }

    #[test]
    fn a_consent_to_another_account_does_not_count() {
        build_and_execute(|| {
            assert_ok!(Identity::consent_to_account_move(
                RuntimeOrigin::signed(CITIZEN),
                51
            ));

            assert_ok!(request_move(NEW_KEY));

            assert_not_moved();
            assert!(PendingMoves::<Test>::contains_key(CITIZEN_ID));
        });
    }

    #[test]
    fn an_expired_consent_does_not_count() {
        build_and_execute(|| {
            assert_ok!(Identity::consent_to_account_move(
                RuntimeOrigin::signed(CITIZEN),
                NEW_KEY
            ));
            System::set_block_number(21);

            assert_ok!(request_move(NEW_KEY));

            assert_not_moved();
            assert!(PendingMoves::<Test>::contains_key(CITIZEN_ID));
        });
    }

    #[test]
    fn a_key_that_is_no_citizen_s_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::consent_to_account_move(RuntimeOrigin::signed(NOBODY), NEW_KEY),
                Error::<Test>::NotCitizen
            );
        });
    }

    #[test]
    fn a_deactivated_citizen_s_key_is_refused() {
        build_and_execute(|| {
            assert_ok!(Identity::deactivate_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                CITIZEN_ID,
                DeactivationReason::Deceased
            ));
            assert_noop!(
                Identity::consent_to_account_move(RuntimeOrigin::signed(CITIZEN), NEW_KEY),
                Error::<Test>::CitizenNotActive
            );
        });
    }

    #[test]
    fn an_account_of_another_citizen_is_refused() {
        build_and_execute(|| {
            assert_ok!(Identity::register_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                NEW_KEY,
                national_id(2),
                None,
                KycTier::Basic
            ));
            assert_noop!(
                Identity::consent_to_account_move(RuntimeOrigin::signed(CITIZEN), NEW_KEY),
                Error::<Test>::AccountIsCitizen
            );
        });
    }
}

mod time_lock {
    use super::*;

    #[test]
    fn a_move_without_consent_waits_out_the_time_lock_then_happens() {
        build_and_execute(|| {
            assert_ok!(request_move(NEW_KEY));

            assert_not_moved();
            assert_eq!(
                PendingMoves::<Test>::get(CITIZEN_ID),
                Some(PendingMove {
                    to: NEW_KEY,
                    executes_at: 31
                })
            );
            System::assert_last_event(
                Event::AccountMoveScheduled {
                    citizen: CITIZEN_ID,
                    to: NEW_KEY,
                    executes_at: 31,
                }
                .into(),
            );
            start_block(30);
            assert_not_moved();

            start_block(31);

            assert_eq!(Identity::citizen_of(&NEW_KEY), Some(CITIZEN_ID));
            assert_eq!(Identity::citizen_of(&CITIZEN), None);
            assert!(!PendingMoves::<Test>::contains_key(CITIZEN_ID));
            assert_eq!(MovesDue::<Test>::get(31).len(), 0);
            System::assert_last_event(
                Event::CitizenAccountMoved {
                    citizen: CITIZEN_ID,
                    from: CITIZEN,
                    to: NEW_KEY,
                }
                .into(),
            );
        });
    }

    #[test]
    fn the_council_moves_at_once() {
        build_and_execute(|| {
            assert_ok!(Identity::move_citizen_account(
                RuntimeOrigin::root(),
                CITIZEN_ID,
                NEW_KEY
            ));

            assert_eq!(Identity::citizen_of(&NEW_KEY), Some(CITIZEN_ID));
        });
    }

    #[test]
    fn without_a_delay_the_move_happens_at_once() {
        build_and_execute(|| {
            AccountMoveDelay::<Test>::put(0);

            assert_ok!(request_move(NEW_KEY));

            assert_eq!(Identity::citizen_of(&NEW_KEY), Some(CITIZEN_ID));
        });
    }

    #[test]
    fn a_second_move_while_one_is_pending_is_refused() {
        build_and_execute(|| {
            assert_ok!(request_move(NEW_KEY));

            assert_noop!(request_move(51), Error::<Test>::AccountMovePending);
        });
    }

    #[test]
    fn a_move_that_can_no_longer_happen_when_due_fails_with_an_event() {
        build_and_execute(|| {
            assert_ok!(request_move(NEW_KEY));
            assert_ok!(Identity::deactivate_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                CITIZEN_ID,
                DeactivationReason::Deceased
            ));

            start_block(31);

            assert_eq!(Citizens::<Test>::get(CITIZEN_ID).unwrap().account, CITIZEN);
            assert!(matches!(
                Citizens::<Test>::get(CITIZEN_ID).unwrap().status,
                CitizenStatus::Deactivated(_)
            ));
            assert!(!PendingMoves::<Test>::contains_key(CITIZEN_ID));
            System::assert_last_event(
                Event::AccountMoveFailed {
                    citizen: CITIZEN_ID,
                    to: NEW_KEY,
                    error: Error::<Test>::CitizenNotActive.into(),
                }
                .into(),
            );
        });
    }

    #[test]
    fn moves_beyond_a_block_s_room_fall_due_a_block_later() {
        build_and_execute(|| {
            for (account, national) in [(60, 2), (61, 3)] {
                assert_ok!(Identity::register_citizen(
                    RuntimeOrigin::signed(REGISTRAR),
                    account,
                    national_id(national),
                    None,
                    KycTier::Basic
                ));
            }
            for (citizen, to) in [(0, 70), (1, 71), (2, 72)] {
                assert_ok!(Identity::move_citizen_account(
                    RuntimeOrigin::signed(REGISTRAR),
                    citizen,
                    to
                ));
            }

            assert_eq!(MovesDue::<Test>::get(31).into_inner(), vec![0, 1]);
            assert_eq!(MovesDue::<Test>::get(32).into_inner(), vec![2]);
            start_block(31);
            start_block(32);
            assert_eq!(Identity::citizen_of(&72), Some(2));
        });
    }

    #[test]
    fn a_full_queue_is_refused() {
        build_and_execute(|| {
            // Sixteen blocks full of other citizens' moves (stand-ins, removed again below).
            for block in 31..47u64 {
                let citizens = [100 + 2 * block, 101 + 2 * block];
                MovesDue::<Test>::insert(block, BoundedVec::truncate_from(citizens.to_vec()));
            }

            assert_noop!(request_move(NEW_KEY), Error::<Test>::MoveQueueFull);

            let _ = MovesDue::<Test>::clear(u32::MAX, None);
        });
    }
}

mod veto {
    use super::*;

    #[test]
    fn the_citizen_s_current_key_vetoes_and_the_move_never_happens() {
        build_and_execute(|| {
            assert_ok!(request_move(NEW_KEY));

            assert_ok!(Identity::veto_account_move(
                RuntimeOrigin::signed(CITIZEN),
                CITIZEN_ID
            ));

            assert!(!PendingMoves::<Test>::contains_key(CITIZEN_ID));
            assert!(!MovesDue::<Test>::contains_key(31));
            System::assert_last_event(
                Event::AccountMoveVetoed {
                    citizen: CITIZEN_ID,
                    to: NEW_KEY,
                }
                .into(),
            );
            start_block(31);
            assert_not_moved();
        });
    }

    #[test]
    fn a_veto_by_a_key_that_is_not_the_citizen_s_is_refused() {
        build_and_execute(|| {
            assert_ok!(request_move(NEW_KEY));

            for key in [NEW_KEY, REGISTRAR, NOBODY] {
                assert_noop!(
                    Identity::veto_account_move(RuntimeOrigin::signed(key), CITIZEN_ID),
                    Error::<Test>::NotCitizenAccount
                );
            }
        });
    }

    #[test]
    fn a_veto_without_a_pending_move_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::veto_account_move(RuntimeOrigin::signed(CITIZEN), CITIZEN_ID),
                Error::<Test>::NoPendingMove
            );
        });
    }

    #[test]
    fn a_veto_of_an_unknown_citizen_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Identity::veto_account_move(RuntimeOrigin::signed(CITIZEN), 9),
                Error::<Test>::CitizenNotFound
            );
        });
    }
}
