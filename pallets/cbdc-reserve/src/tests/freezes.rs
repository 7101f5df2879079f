//! A court freezes a holder under a case reference: it neither sends nor receives, and keeps
//! its balance unchanged, until the same court thaws it.

use super::*;
use crate::{Freeze, Holders};

/// `officer` thaws `holder`.
fn thaw(officer: u64, holder: Party) -> DispatchResult {
    Cbdc::thaw(RuntimeOrigin::signed(officer), holder)
}

/// Bob holds 1 000 and is frozen by `COURT_ID`.
fn bob_frozen() {
    fund_bank(5_000);
    credit(BOB_ID, 1_000);
    freeze(BOB_ID);
}

mod freeze {
    use super::*;

    #[test]
    fn a_court_freezes_a_holder_recording_its_balance() {
        build_and_execute(|| {
            fund_bank(5_000);
            credit(BOB_ID, 1_000);
            System::set_block_number(3);

            assert_ok!(Cbdc::freeze(RuntimeOrigin::signed(JUDGE), BOB_ID, case(7)));

            assert_eq!(
                Holders::<Test>::get(BOB_ID).freeze,
                Some(Freeze {
                    court: COURT_ID,
                    case: case(7),
                    since: 3,
                    balance: 1_000
                })
            );
            assert_eq!(
                last_event(),
                Event::HolderFrozen {
                    holder: BOB_ID,
                    court: COURT_ID,
                    case: case(7)
                }
            );
        });
    }

    #[test]
    fn a_holder_without_money_is_frozen_at_zero() {
        build_and_execute(|| {
            freeze(MINISTRY);

            assert_eq!(Holders::<Test>::get(MINISTRY).freeze.unwrap().balance, 0);
        });
    }

    #[test]
    fn a_frozen_holder_is_not_frozen_again() {
        build_and_execute(|| {
            bob_frozen();

            for judge in [JUDGE, OTHER_JUDGE] {
                assert_noop!(
                    Cbdc::freeze(RuntimeOrigin::signed(judge), BOB_ID, case(2)),
                    Error::<Test>::AlreadyFrozen
                );
            }
        });
    }

    #[test]
    fn a_frozen_bank_s_money_is_neither_moved_nor_destroyed() {
        build_and_execute(|| {
            fund_bank(5_000);
            freeze(BANK);

            assert_noop!(
                Cbdc::redeem(RuntimeOrigin::signed(BANKER), 100),
                Error::<Test>::SenderFrozen
            );
            assert_noop!(
                transfer(BANKER, BANK, BOB_ID, 100),
                Error::<Test>::SenderFrozen
            );
            assert_eq!(balance(BANK), 5_000);
            assert_eq!(Holders::<Test>::get(BANK).freeze.unwrap().balance, 5_000);
        });
    }

    #[test]
    fn only_a_serving_court_officer_freezes() {
        build_and_execute(|| {
            assert_only_serving_officers(JUDGE, &[GOVERNOR, BANKER, CLERK], |origin| {
                Cbdc::freeze(origin, BOB_ID, case(1))
            });
        });
    }
}

mod thaw {
    use super::*;

    #[test]
    fn the_freezing_court_thaws_a_holder_with_its_balance_intact() {
        build_and_execute(|| {
            bob_frozen();

            assert_ok!(thaw(JUDGE, BOB_ID));

            assert_eq!(Holders::<Test>::get(BOB_ID).freeze, None);
            assert_eq!(balance(BOB_ID), 1_000);
            assert_eq!(
                last_event(),
                Event::HolderThawed {
                    holder: BOB_ID,
                    court: COURT_ID
                }
            );
        });
    }

    #[test]
    fn a_thawed_holder_pays_and_receives_again() {
        build_and_execute(|| {
            bob_frozen();
            assert_ok!(thaw(JUDGE, BOB_ID));

            assert_ok!(transfer(BOB, BOB_ID, ALICE_ID, 100));
            credit(BOB_ID, 100);

            assert_eq!(balance(BOB_ID), 1_000);
        });
    }

    #[test]
    fn a_thawed_holder_may_be_frozen_again() {
        build_and_execute(|| {
            bob_frozen();
            assert_ok!(thaw(JUDGE, BOB_ID));

            assert_ok!(Cbdc::freeze(
                RuntimeOrigin::signed(OTHER_JUDGE),
                BOB_ID,
                case(2)
            ));

            assert_eq!(
                Holders::<Test>::get(BOB_ID).freeze.unwrap().court,
                OTHER_COURT_ID
            );
        });
    }

    #[test]
    fn a_holder_that_is_not_frozen_is_refused() {
        build_and_execute(|| {
            bob_frozen();

            assert_noop!(thaw(JUDGE, ALICE_ID), Error::<Test>::NotFrozen);
        });
    }

    #[test]
    fn another_court_does_not_thaw() {
        build_and_execute(|| {
            bob_frozen();

            assert_noop!(thaw(OTHER_JUDGE, BOB_ID), Error::<Test>::NotFreezingCourt);
        });
    }

    #[test]
    fn only_a_serving_court_officer_thaws() {
        build_and_execute(|| {
            bob_frozen();

            assert_only_serving_officers(JUDGE, &[GOVERNOR, BANKER, CLERK], |origin| {
                Cbdc::thaw(origin, BOB_ID)
            });
        });
    }
}

mod thaw_orphaned {
    use super::*;
    use govchain_primitives::identity::Role;

    /// The council's decision.
    fn decision() -> sp_core::H256 {
        case(9)
    }

    #[test]
    fn the_council_thaws_a_holder_whose_court_lost_its_role() {
        build_and_execute(|| {
            fund_bank(1_000);
            credit(BOB_ID, 1_000);
            freeze(BOB_ID);
            Identity::revoke_role(COURT_ID, Role::Court);

            assert_ok!(Cbdc::thaw_orphaned(council(), BOB_ID, decision()));

            assert!(Holders::<Test>::get(BOB_ID).freeze.is_none());
            assert_eq!(
                last_event(),
                Event::HolderThawedByCouncil {
                    holder: BOB_ID,
                    court: COURT_ID,
                    case: decision()
                }
            );
            // The money moves again.
            assert_ok!(Cbdc::transfer(
                RuntimeOrigin::signed(BOB),
                BOB_ID,
                CAROL_ID,
                100
            ));
        });
    }

    #[test]
    fn a_holder_frozen_by_a_serving_court_is_refused() {
        build_and_execute(|| {
            freeze(BOB_ID);

            assert_noop!(
                Cbdc::thaw_orphaned(council(), BOB_ID, decision()),
                Error::<Test>::CourtStillServing
            );
        });
    }

    #[test]
    fn a_holder_not_frozen_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Cbdc::thaw_orphaned(council(), BOB_ID, decision()),
                Error::<Test>::NotFrozen
            );
        });
    }

    #[test]
    fn only_the_council_thaws() {
        build_and_execute(|| {
            freeze(BOB_ID);
            Identity::suspend_institution(COURT_ID);

            assert_only_council(|origin| Cbdc::thaw_orphaned(origin, BOB_ID, decision()));
        });
    }
}
