//! Ways out of stuck states: the council (two thirds; root here) lifts a freeze whose court no
//! longer holds the `Court` role, and releases a lien whose bank no longer holds the
//! `CommercialBank` role, each under its own case reference, recorded in the parcel's history.
//! While the court or bank still serves, it acts itself and the council is refused.

use super::*;
use crate::{Error, Event, Freezes, ParcelHistory, ParcelHistoryLength, ParcelLiens, TitleChange};
use frame_support::{assert_noop, assert_ok};
use govchain_primitives::identity::Role;
use sp_core::H256;
use sp_runtime::DispatchError;

/// The council's decision.
const DECISION: H256 = H256::repeat_byte(0xdc);

/// The last change in a parcel's history.
fn last_change(parcel: ParcelId) -> TitleChange {
    let length = ParcelHistoryLength::<Test>::get(parcel);
    ParcelHistory::<Test>::get(parcel, length - 1)
        .expect("the parcel has a history")
        .change
}

mod lift_orphaned_freeze {
    use super::*;

    /// Alice's parcel, frozen by `JUDGE`'s court.
    fn frozen() -> ParcelId {
        let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
        assert_ok!(freeze(JUDGE, parcel));
        parcel
    }

    fn lift_by_council(origin: RuntimeOrigin, parcel: ParcelId) -> DispatchResult {
        LandTitles::lift_orphaned_freeze(origin, parcel, DECISION)
    }

    #[test]
    fn the_council_lifts_the_freeze_of_a_court_that_lost_its_role() {
        build_and_execute(|| {
            let parcel = frozen();
            Identity::revoke_role(COURT_ID, Role::Court);

            assert_ok!(lift_by_council(RuntimeOrigin::root(), parcel));

            assert!(!Freezes::<Test>::contains_key(parcel));
            assert_eq!(
                last_event(),
                Event::FreezeLiftedByCouncil {
                    parcel,
                    court: COURT_ID,
                    case: DECISION
                }
            );
            assert_eq!(
                last_change(parcel),
                TitleChange::FreezeLiftedByCouncil {
                    court: COURT_ID,
                    case: DECISION
                }
            );
        });
    }

    #[test]
    fn the_freeze_of_a_suspended_court_is_lifted_too() {
        build_and_execute(|| {
            let parcel = frozen();
            Identity::suspend_institution(COURT_ID);

            assert_ok!(lift_by_council(RuntimeOrigin::root(), parcel));
        });
    }

    #[test]
    fn the_freeze_of_a_serving_court_is_refused() {
        build_and_execute(|| {
            let parcel = frozen();

            assert_noop!(
                lift_by_council(RuntimeOrigin::root(), parcel),
                Error::<Test>::CourtStillServing
            );
        });
    }

    #[test]
    fn an_unfrozen_parcel_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);

            assert_noop!(
                lift_by_council(RuntimeOrigin::root(), parcel),
                Error::<Test>::NotFrozen
            );
        });
    }

    #[test]
    fn only_the_council_lifts() {
        build_and_execute(|| {
            let parcel = frozen();
            Identity::revoke_role(COURT_ID, Role::Court);

            for who in [JUDGE, OTHER_JUDGE, ALICE, NOBODY] {
                assert_noop!(
                    lift_by_council(RuntimeOrigin::signed(who), parcel),
                    DispatchError::BadOrigin
                );
            }
            assert_noop!(
                lift_by_council(RuntimeOrigin::none(), parcel),
                DispatchError::BadOrigin
            );
        });
    }
}

mod release_orphaned_lien {
    use super::*;

    fn release_by_council(origin: RuntimeOrigin, parcel: ParcelId, lien: u64) -> DispatchResult {
        LandTitles::release_orphaned_lien(origin, parcel, lien, DECISION)
    }

    #[test]
    fn the_council_releases_the_lien_of_a_bank_that_lost_its_role() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let first = register_lien(parcel, BANKER);
            let second = register_lien(parcel, OTHER_BANKER);
            Identity::revoke_role(BANK_ID, Role::CommercialBank);

            assert_ok!(release_by_council(RuntimeOrigin::root(), parcel, first));

            assert_eq!(
                ParcelLiens::<Test>::get(parcel)
                    .iter()
                    .map(|lien| lien.id)
                    .collect::<Vec<_>>(),
                vec![second]
            );
            assert_eq!(
                last_event(),
                Event::LienReleasedByCouncil {
                    lien: first,
                    parcel,
                    bank: BANK_ID,
                    case: DECISION
                }
            );
            assert_eq!(
                last_change(parcel),
                TitleChange::LienReleasedByCouncil {
                    lien: first,
                    bank: BANK_ID,
                    case: DECISION
                }
            );
        });
    }

    #[test]
    fn the_lien_of_a_serving_bank_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let lien = register_lien(parcel, BANKER);

            assert_noop!(
                release_by_council(RuntimeOrigin::root(), parcel, lien),
                Error::<Test>::BankStillServing
            );
        });
    }

    #[test]
    fn a_lien_the_parcel_does_not_carry_is_refused() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let other = register("A-2", 100, &[(ALICE_ID, 100)]);
            let lien = register_lien(other, BANKER);
            Identity::revoke_role(BANK_ID, Role::CommercialBank);

            assert_noop!(
                release_by_council(RuntimeOrigin::root(), parcel, lien),
                Error::<Test>::UnknownLien
            );
        });
    }

    #[test]
    fn only_the_council_releases() {
        build_and_execute(|| {
            let parcel = register("A-1", 100, &[(ALICE_ID, 100)]);
            let lien = register_lien(parcel, BANKER);
            Identity::revoke_role(BANK_ID, Role::CommercialBank);

            for who in [BANKER, OTHER_BANKER, ALICE, NOBODY] {
                assert_noop!(
                    release_by_council(RuntimeOrigin::signed(who), parcel, lien),
                    DispatchError::BadOrigin
                );
            }
        });
    }
}
