//! A court orders how a deceased citizen's estate passes to its heirs; the civil registry that
//! registered the deceased executes the order, and every register of estates passes the
//! holdings on in the same call, or nothing changes.

use crate::{
    mock::*, DeactivationReason, Error, Event, HeirsOf, SuccessionOrder, SuccessionOrders,
};
use frame_support::{assert_noop, assert_ok};
use govchain_primitives::identity::{KycTier, Role};
use sp_core::H256;
use sp_runtime::{DispatchError, Permill};

/// An officer of the court.
const JUDGE: u64 = 40;
/// The heirs' accounts: citizens 1 and 2.
const HEIR_1: u64 = 60;
const HEIR_2: u64 = 61;
/// The court's case.
const CASE: H256 = H256::repeat_byte(0xca);

/// The court registered and its judge appointed; heirs 1 and 2 registered; citizen 0 (the
/// deceased) deactivated as deceased. Returns the court.
fn deceased_with_heirs() -> u32 {
    let court = institution("COURT", Role::Court);
    appoint(court, JUDGE);
    for (account, national) in [(HEIR_1, 2), (HEIR_2, 3)] {
        assert_ok!(Identity::register_citizen(
            RuntimeOrigin::signed(REGISTRAR),
            account,
            national_id(national),
            None,
            KycTier::Basic
        ));
    }
    assert_ok!(Identity::deactivate_citizen(
        RuntimeOrigin::signed(REGISTRAR),
        CITIZEN_ID,
        DeactivationReason::Deceased
    ));
    court
}

/// Registers another institution holding `role`, administered by `ADMIN`; returns its id.
fn institution(short_code: &str, role: Role) -> u32 {
    let id = crate::NextInstitutionId::<Test>::get();
    assert_ok!(Identity::register_institution(
        RuntimeOrigin::root(),
        crate::InstitutionKind::Agency,
        code(short_code),
        H256::zero(),
        ADMIN,
        roles(&[role]),
    ));
    id
}

fn heirs(list: &[(u64, u32)]) -> HeirsOf<Test> {
    HeirsOf::<Test>::truncate_from(
        list.iter()
            .map(|(citizen, percent)| (*citizen, Permill::from_percent(*percent)))
            .collect(),
    )
}

fn order(list: &[(u64, u32)]) -> sp_runtime::DispatchResult {
    Identity::order_succession(RuntimeOrigin::signed(JUDGE), CITIZEN_ID, heirs(list), CASE)
}

fn execute() -> sp_runtime::DispatchResult {
    Identity::execute_succession(RuntimeOrigin::signed(REGISTRAR), CITIZEN_ID)
}

mod order_succession {
    use super::*;

    #[test]
    fn a_court_orders_the_succession() {
        build_and_execute(|| {
            let court = deceased_with_heirs();

            assert_ok!(order(&[(1, 60), (2, 40)]));

            assert_eq!(
                SuccessionOrders::<Test>::get(CITIZEN_ID),
                Some(SuccessionOrder {
                    court,
                    case: CASE,
                    heirs: heirs(&[(1, 60), (2, 40)]),
                    ordered_at: 1,
                })
            );
            System::assert_last_event(
                Event::SuccessionOrdered {
                    deceased: CITIZEN_ID,
                    court,
                    case: CASE,
                }
                .into(),
            );
        });
    }

    #[test]
    fn the_same_court_replaces_its_order_another_is_refused() {
        build_and_execute(|| {
            deceased_with_heirs();
            assert_ok!(order(&[(1, 60), (2, 40)]));

            assert_ok!(order(&[(1, 100)]));
            assert_eq!(
                SuccessionOrders::<Test>::get(CITIZEN_ID).unwrap().heirs,
                heirs(&[(1, 100)])
            );
            let other = institution("COURT-2", Role::Court);
            appoint(other, 41);
            assert_noop!(
                Identity::order_succession(
                    RuntimeOrigin::signed(41),
                    CITIZEN_ID,
                    heirs(&[(2, 100)]),
                    CASE
                ),
                Error::<Test>::SuccessionOrdered
            );
        });
    }

    #[test]
    fn shares_not_summing_to_a_whole_are_refused() {
        build_and_execute(|| {
            deceased_with_heirs();

            assert_noop!(order(&[(1, 60), (2, 30)]), Error::<Test>::SharesNotWhole);
            assert_noop!(order(&[(1, 60), (2, 50)]), Error::<Test>::SharesNotWhole);
        });
    }

    #[test]
    fn bad_heirs_are_refused() {
        build_and_execute(|| {
            deceased_with_heirs();

            assert_noop!(order(&[]), Error::<Test>::NoHeirs);
            assert_noop!(order(&[(0, 100)]), Error::<Test>::HeirIsDeceased);
            assert_noop!(order(&[(1, 50), (1, 50)]), Error::<Test>::DuplicateHeir);
            assert_noop!(order(&[(1, 100), (2, 0)]), Error::<Test>::ZeroShare);
            assert_noop!(order(&[(9, 100)]), Error::<Test>::HeirNotActive);
        });
    }

    #[test]
    fn a_living_citizen_s_estate_is_refused() {
        build_and_execute(|| {
            deceased_with_heirs();
            assert_ok!(Identity::reactivate_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                CITIZEN_ID
            ));

            assert_noop!(order(&[(1, 100)]), Error::<Test>::NotDeceased);
            assert_noop!(
                Identity::order_succession(
                    RuntimeOrigin::signed(JUDGE),
                    9,
                    heirs(&[(1, 100)]),
                    CASE
                ),
                Error::<Test>::CitizenNotFound
            );
        });
    }

    #[test]
    fn only_a_serving_court_officer_orders() {
        build_and_execute(|| {
            deceased_with_heirs();

            for (who, error) in [
                (REGISTRAR, Error::<Test>::RoleNotHeld),
                (HEIR_1, Error::<Test>::NotOfficer),
                (NOBODY, Error::<Test>::NotOfficer),
            ] {
                assert_noop!(
                    Identity::order_succession(
                        RuntimeOrigin::signed(who),
                        CITIZEN_ID,
                        heirs(&[(1, 100)]),
                        CASE
                    ),
                    error
                );
            }
            assert_noop!(
                Identity::order_succession(
                    RuntimeOrigin::none(),
                    CITIZEN_ID,
                    heirs(&[(1, 100)]),
                    CASE
                ),
                DispatchError::BadOrigin
            );
        });
    }
}

mod execute_succession {
    use super::*;

    #[test]
    fn the_registry_executes_the_order_and_the_registers_pass_the_estate() {
        build_and_execute(|| {
            let court = deceased_with_heirs();
            assert_ok!(order(&[(1, 60), (2, 40)]));

            assert_ok!(execute());

            assert_eq!(
                PassedEstates::get(),
                vec![(
                    CITIZEN_ID,
                    vec![
                        (1, Permill::from_percent(60)),
                        (2, Permill::from_percent(40))
                    ],
                    CASE
                )]
            );
            assert!(!SuccessionOrders::<Test>::contains_key(CITIZEN_ID));
            System::assert_last_event(
                Event::SuccessionExecuted {
                    deceased: CITIZEN_ID,
                    court,
                    case: CASE,
                }
                .into(),
            );
        });
    }

    #[test]
    fn a_register_s_refusal_undoes_everything() {
        build_and_execute(|| {
            deceased_with_heirs();
            assert_ok!(order(&[(1, 100)]));
            EstatesRefuse::set(true);

            assert_noop!(execute(), DispatchError::Other("the register refuses"));
            assert!(SuccessionOrders::<Test>::contains_key(CITIZEN_ID));
        });
    }

    #[test]
    fn an_heir_no_longer_active_is_refused() {
        build_and_execute(|| {
            deceased_with_heirs();
            assert_ok!(order(&[(1, 100)]));
            assert_ok!(Identity::deactivate_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                1,
                DeactivationReason::Emigrated
            ));

            assert_noop!(execute(), Error::<Test>::HeirNotActive);
        });
    }

    #[test]
    fn without_an_order_it_is_refused() {
        build_and_execute(|| {
            deceased_with_heirs();

            assert_noop!(execute(), Error::<Test>::NoSuccessionOrder);
        });
    }

    #[test]
    fn only_the_registering_registry_or_the_council_executes() {
        build_and_execute(|| {
            deceased_with_heirs();
            assert_ok!(order(&[(1, 100)]));
            let other = institution("PSA-2", Role::CivilRegistry);
            appoint(other, 42);

            assert_noop!(
                Identity::execute_succession(RuntimeOrigin::signed(42), CITIZEN_ID),
                Error::<Test>::NotRegisteringRegistry
            );
            assert_noop!(
                Identity::execute_succession(RuntimeOrigin::signed(JUDGE), CITIZEN_ID),
                Error::<Test>::RoleNotHeld
            );
            assert_ok!(Identity::execute_succession(
                RuntimeOrigin::root(),
                CITIZEN_ID
            ));
        });
    }
}
