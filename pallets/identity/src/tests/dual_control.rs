//! Dual control: with a threshold above 1, a sensitive act one officer makes waits for other
//! officers of the same institution; it runs when enough approve, and never otherwise.

use crate::{
    mock::*, ActionExpiries, ApprovalThresholds, ApprovedAction, CitizenStatus, Citizens,
    DeactivationReason, Error, Event, Officers, Origin, PendingActionCount, PendingActions,
    PendingActionsBy,
};
use frame_support::{
    assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::Hooks, weights::Weight,
};
use govchain_primitives::{
    dual_control::ActionClass,
    identity::{KycTier, Role},
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError};

/// A second civil-registry officer, appointed in [`with_dual_control`].
const CHECKER: u64 = 3;
/// A third civil-registry officer.
const THIRD: u64 = 4;
/// An officer of institution 1 ([`register_second_institution`]).
const OUTSIDER: u64 = 30;
/// An account the citizen may move to.
const NEW_KEY: u64 = 60;

/// The civil registry with three officers, citizen deactivations and moves needing `threshold`.
fn with_dual_control(threshold: u8, test: impl FnOnce()) {
    build_and_execute(|| {
        for officer in [CHECKER, THIRD] {
            appoint(CIVIL_REGISTRY, officer);
        }
        for class in [ActionClass::CitizenDeactivation, ActionClass::CitizenMove] {
            assert_ok!(Identity::set_approval_threshold(
                RuntimeOrigin::root(),
                Role::CivilRegistry,
                class,
                threshold,
            ));
        }
        test();
    });
}

fn deactivate_by(officer: u64) -> sp_runtime::DispatchResult {
    Identity::deactivate_citizen(
        RuntimeOrigin::signed(officer),
        CITIZEN_ID,
        DeactivationReason::Deceased,
    )
}

fn approve(officer: u64, action: u64) -> frame_support::dispatch::DispatchResultWithPostInfo {
    Identity::approve_action(
        RuntimeOrigin::signed(officer),
        action,
        Weight::from_parts(u64::MAX, u64::MAX),
    )
}

fn citizen_is_active() -> bool {
    Citizens::<Test>::get(CITIZEN_ID).map(|record| record.status) == Some(CitizenStatus::Active)
}

mod thresholds {
    use super::*;

    #[test]
    fn the_council_sets_a_threshold_and_one_removes_it() {
        build_and_execute(|| {
            assert_ok!(Identity::set_approval_threshold(
                RuntimeOrigin::root(),
                Role::CentralBank,
                ActionClass::Minting,
                2,
            ));
            assert_eq!(
                ApprovalThresholds::<Test>::get(Role::CentralBank, ActionClass::Minting),
                2
            );
            System::assert_last_event(
                Event::ApprovalThresholdSet {
                    role: Role::CentralBank,
                    class: ActionClass::Minting,
                    threshold: 2,
                }
                .into(),
            );
            assert_ok!(Identity::set_approval_threshold(
                RuntimeOrigin::root(),
                Role::CentralBank,
                ActionClass::Minting,
                1,
            ));
            assert!(!ApprovalThresholds::<Test>::contains_key(
                Role::CentralBank,
                ActionClass::Minting
            ));
        });
    }

    #[test]
    fn only_the_council_sets_a_threshold() {
        build_and_execute(|| {
            assert_noop!(
                Identity::set_approval_threshold(
                    RuntimeOrigin::signed(ADMIN),
                    Role::CivilRegistry,
                    ActionClass::CitizenMove,
                    2,
                ),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn a_threshold_of_zero_or_above_max_approvals_is_refused() {
        build_and_execute(|| {
            for threshold in [0, 4] {
                assert_noop!(
                    Identity::set_approval_threshold(
                        RuntimeOrigin::root(),
                        Role::CivilRegistry,
                        ActionClass::CitizenMove,
                        threshold,
                    ),
                    Error::<Test>::InvalidThreshold
                );
            }
        });
    }

    #[test]
    fn with_the_default_threshold_an_officer_acts_alone() {
        build_and_execute(|| {
            assert_ok!(deactivate_by(REGISTRAR));
            assert!(!citizen_is_active());
            assert_eq!(PendingActions::<Test>::iter().count(), 0);
        });
    }
}

mod proposing {
    use super::*;

    #[test]
    fn one_officer_alone_only_proposes() {
        with_dual_control(2, || {
            System::set_block_number(5);
            assert_ok!(deactivate_by(REGISTRAR));
            assert!(citizen_is_active());
            let pending = PendingActions::<Test>::get(0).unwrap();
            assert_eq!(pending.institution, CIVIL_REGISTRY);
            assert_eq!(pending.role, Some(Role::CivilRegistry));
            assert_eq!(pending.class, ActionClass::CitizenDeactivation);
            assert_eq!(pending.approvals.to_vec(), vec![REGISTRAR]);
            assert_eq!(pending.expires_at, 25);
            assert_eq!(PendingActionCount::<Test>::get(CIVIL_REGISTRY), Some(1));
            assert_eq!(ActionExpiries::<Test>::get(25).to_vec(), vec![0]);
            let call = RuntimeCall::Identity(crate::Call::deactivate_citizen {
                citizen: CITIZEN_ID,
                reason: DeactivationReason::Deceased,
            });
            assert_eq!(pending.call.to_vec(), codec::Encode::encode(&call));
            assert_eq!(pending.call_weight, call.get_dispatch_info().call_weight);
            assert_eq!(pending.subject, None);
            System::assert_last_event(
                Event::ActionProposed {
                    action: 0,
                    institution: CIVIL_REGISTRY,
                    class: ActionClass::CitizenDeactivation,
                    proposer: REGISTRAR,
                    call_hash: sp_io::hashing::blake2_256(&codec::Encode::encode(&call)).into(),
                    call,
                    expires_at: 25,
                }
                .into(),
            );
        });
    }

    #[test]
    fn an_act_that_would_fail_is_refused_when_proposed() {
        with_dual_control(2, || {
            assert_noop!(
                Identity::deactivate_citizen(
                    RuntimeOrigin::signed(REGISTRAR),
                    7,
                    DeactivationReason::Deceased,
                ),
                Error::<Test>::CitizenNotFound
            );
        });
    }

    #[test]
    fn a_proposal_by_an_officer_without_the_role_is_refused() {
        with_dual_control(2, || {
            register_second_institution("LAND", Role::LandRegistrar);
            appoint(1, OUTSIDER);
            assert_noop!(deactivate_by(OUTSIDER), Error::<Test>::RoleNotHeld);
        });
    }

    /// Has `proposer`'s registry register citizen `n` (ids from 1), then `proposer` propose
    /// deactivating them.
    fn propose_deactivation(proposer: u64, n: u8) -> sp_runtime::DispatchResult {
        let registrar = if proposer == OUTSIDER {
            OUTSIDER
        } else {
            REGISTRAR
        };
        assert_ok!(Identity::register_citizen(
            RuntimeOrigin::signed(registrar),
            70 + u64::from(n),
            national_id(100 + n),
            None,
            KycTier::Basic,
        ));
        Identity::deactivate_citizen(
            RuntimeOrigin::signed(proposer),
            1 + u64::from(n),
            DeactivationReason::Emigrated,
        )
    }

    #[test]
    fn a_proposer_has_at_most_max_pending_actions_per_proposer() {
        with_dual_control(2, || {
            assert_ok!(propose_deactivation(REGISTRAR, 0));
            assert_ok!(propose_deactivation(REGISTRAR, 1));
            assert_noop!(deactivate_by(REGISTRAR), Error::<Test>::TooManyProposals);
            assert_ok!(deactivate_by(CHECKER));
        });
    }

    #[test]
    fn an_institution_has_at_most_max_pending_actions() {
        with_dual_control(2, || {
            assert_ok!(propose_deactivation(REGISTRAR, 0));
            assert_ok!(propose_deactivation(REGISTRAR, 1));
            assert_ok!(propose_deactivation(CHECKER, 2));
            assert_noop!(deactivate_by(THIRD), Error::<Test>::TooManyPendingActions);
        });
    }

    #[test]
    fn a_full_expiry_block_sends_the_next_proposal_to_the_next_block() {
        with_dual_control(2, || {
            register_second_institution("CRB", Role::CivilRegistry);
            appoint(1, OUTSIDER);
            assert_ok!(propose_deactivation(REGISTRAR, 0));
            assert_ok!(propose_deactivation(REGISTRAR, 1));
            assert_ok!(propose_deactivation(CHECKER, 2));
            assert_ok!(propose_deactivation(OUTSIDER, 3));
            assert_eq!(ActionExpiries::<Test>::get(21).len(), 4);
            assert_ok!(propose_deactivation(OUTSIDER, 4));
            assert_eq!(PendingActions::<Test>::get(4).unwrap().expires_at, 22);
            assert_eq!(ActionExpiries::<Test>::get(22).to_vec(), vec![4]);
        });
    }

    #[test]
    fn a_removed_action_frees_its_place_in_the_expiry_block() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_ok!(Identity::reject_action(RuntimeOrigin::signed(CHECKER), 0));
            assert!(!ActionExpiries::<Test>::contains_key(21));
            assert_eq!(PendingActionsBy::<Test>::get(REGISTRAR), None);
        });
    }
}

mod approving {
    use super::*;

    #[test]
    fn a_second_officer_completes_the_act() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_ok!(approve(CHECKER, 0));
            assert!(!citizen_is_active());
            assert!(!PendingActions::<Test>::contains_key(0));
            assert_eq!(PendingActionCount::<Test>::get(CIVIL_REGISTRY), None);
            System::assert_has_event(
                Event::ActionApproved {
                    action: 0,
                    approver: CHECKER,
                    approvals: 2,
                }
                .into(),
            );
            System::assert_has_event(
                Event::CitizenDeactivated {
                    citizen: CITIZEN_ID,
                    reason: DeactivationReason::Deceased,
                }
                .into(),
            );
            System::assert_last_event(
                Event::ActionExecuted {
                    action: 0,
                    result: Ok(()),
                }
                .into(),
            );
        });
    }

    #[test]
    fn the_completing_approver_is_charged_the_call() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            let call_weight = PendingActions::<Test>::get(0).unwrap().call_weight;
            let charged = approve(CHECKER, 0).unwrap().actual_weight.unwrap();
            use crate::WeightInfo;
            assert_eq!(
                charged,
                <() as WeightInfo>::approve_action_executed().saturating_add(call_weight)
            );
        });
    }

    #[test]
    fn with_three_needed_two_approvals_only_wait() {
        with_dual_control(3, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_ok!(approve(CHECKER, 0));
            assert!(citizen_is_active());
            assert_eq!(
                PendingActions::<Test>::get(0).unwrap().approvals.to_vec(),
                vec![REGISTRAR, CHECKER]
            );
            assert_ok!(approve(THIRD, 0));
            assert!(!citizen_is_active());
        });
    }

    #[test]
    fn an_approval_of_an_officer_revoked_since_no_longer_counts() {
        with_dual_control(3, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_ok!(approve(CHECKER, 0));
            assert_ok!(Identity::revoke_officer(
                RuntimeOrigin::signed(ADMIN),
                CHECKER
            ));
            assert_ok!(approve(THIRD, 0));
            assert!(citizen_is_active());
            assert_eq!(
                PendingActions::<Test>::get(0).unwrap().approvals.to_vec(),
                vec![REGISTRAR, THIRD]
            );
        });
    }

    #[test]
    fn the_proposal_of_an_officer_revoked_since_no_longer_counts() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_ok!(Identity::revoke_officer(
                RuntimeOrigin::signed(ADMIN),
                REGISTRAR
            ));
            assert_ok!(approve(CHECKER, 0));
            assert!(citizen_is_active());
            assert_eq!(
                PendingActions::<Test>::get(0).unwrap().approvals.to_vec(),
                vec![CHECKER]
            );
            // Two officers who may act now complete it.
            assert_ok!(approve(THIRD, 0));
            assert!(!citizen_is_active());
        });
    }

    #[test]
    fn a_second_approval_by_the_same_officer_is_refused() {
        with_dual_control(3, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_noop!(approve(REGISTRAR, 0), Error::<Test>::AlreadyApproved);
            assert_ok!(approve(CHECKER, 0));
            assert_noop!(approve(CHECKER, 0), Error::<Test>::AlreadyApproved);
        });
    }

    #[test]
    fn an_unknown_action_is_refused() {
        with_dual_control(2, || {
            assert_noop!(approve(CHECKER, 9), Error::<Test>::ActionNotFound);
        });
    }

    #[test]
    fn an_approval_after_expiry_is_refused() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            System::set_block_number(21);
            assert_noop!(approve(CHECKER, 0), Error::<Test>::ActionExpired);
        });
    }

    #[test]
    fn an_expired_officer_may_not_approve() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                CIVIL_REGISTRY,
                CHECKER,
                3,
            ));
            System::set_block_number(3);
            assert_noop!(approve(CHECKER, 0), Error::<Test>::OfficerExpired);
        });
    }

    #[test]
    fn an_officer_of_another_institution_may_not_approve() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            register_second_institution("CRB", Role::CivilRegistry);
            appoint(1, OUTSIDER);
            assert_noop!(approve(OUTSIDER, 0), Error::<Test>::NotActionInstitution);
        });
    }

    #[test]
    fn a_suspended_institutions_officer_may_not_approve() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_ok!(Identity::suspend_institution(
                RuntimeOrigin::root(),
                CIVIL_REGISTRY
            ));
            assert_noop!(approve(CHECKER, 0), Error::<Test>::InstitutionSuspended);
        });
    }

    #[test]
    fn an_officer_whose_institution_lost_the_role_may_not_approve() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_ok!(Identity::revoke_role(
                RuntimeOrigin::root(),
                CIVIL_REGISTRY,
                Role::CivilRegistry
            ));
            assert_noop!(approve(CHECKER, 0), Error::<Test>::RoleNotHeld);
        });
    }

    #[test]
    fn a_citizen_or_nobody_may_not_approve() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_noop!(approve(CITIZEN, 0), Error::<Test>::NotOfficer);
            assert_noop!(approve(NOBODY, 0), Error::<Test>::NotOfficer);
        });
    }

    #[test]
    fn an_approval_allowing_less_than_the_calls_weight_is_refused() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_noop!(
                Identity::approve_action(RuntimeOrigin::signed(CHECKER), 0, Weight::zero()),
                Error::<Test>::WeightBelowCall
            );
        });
    }

    #[test]
    fn a_call_that_fails_when_it_runs_is_reported_and_removed() {
        with_dual_control(2, || {
            assert_ok!(Identity::move_citizen_account(
                RuntimeOrigin::signed(REGISTRAR),
                CITIZEN_ID,
                NEW_KEY,
            ));
            // Meanwhile the new key became another person's identity.
            assert_ok!(Identity::register_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                NEW_KEY,
                national_id(9),
                None,
                KycTier::Basic,
            ));
            assert_ok!(approve(CHECKER, 0));
            System::assert_last_event(
                Event::ActionExecuted {
                    action: 0,
                    result: Err(Error::<Test>::AccountIsCitizen.into()),
                }
                .into(),
            );
            assert!(!PendingActions::<Test>::contains_key(0));
            assert_eq!(Citizens::<Test>::get(CITIZEN_ID).unwrap().account, CITIZEN);
        });
    }
}

mod rejecting_and_expiring {
    use super::*;

    #[test]
    fn another_officer_rejects_and_the_act_never_happens() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_ok!(Identity::reject_action(RuntimeOrigin::signed(CHECKER), 0));
            assert!(!PendingActions::<Test>::contains_key(0));
            assert_eq!(PendingActionCount::<Test>::get(CIVIL_REGISTRY), None);
            System::assert_last_event(
                Event::ActionRejected {
                    action: 0,
                    by: CHECKER,
                }
                .into(),
            );
            assert_noop!(approve(THIRD, 0), Error::<Test>::ActionNotFound);
            assert!(citizen_is_active());
        });
    }

    #[test]
    fn the_proposer_withdraws() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_ok!(Identity::reject_action(RuntimeOrigin::signed(REGISTRAR), 0));
            assert!(!PendingActions::<Test>::contains_key(0));
        });
    }

    #[test]
    fn an_outsider_may_not_reject() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_noop!(
                Identity::reject_action(RuntimeOrigin::signed(NOBODY), 0),
                Error::<Test>::NotOfficer
            );
            register_second_institution("CRB", Role::CivilRegistry);
            appoint(1, OUTSIDER);
            assert_noop!(
                Identity::reject_action(RuntimeOrigin::signed(OUTSIDER), 0),
                Error::<Test>::NotActionInstitution
            );
            assert_noop!(
                Identity::reject_action(RuntimeOrigin::signed(CHECKER), 5),
                Error::<Test>::ActionNotFound
            );
        });
    }

    #[test]
    fn an_action_not_approved_in_time_expires_with_an_event() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            System::set_block_number(21);
            Identity::on_initialize(21);
            assert!(!PendingActions::<Test>::contains_key(0));
            assert!(!ActionExpiries::<Test>::contains_key(21));
            assert_eq!(PendingActionCount::<Test>::get(CIVIL_REGISTRY), None);
            System::assert_last_event(Event::ActionExpired { action: 0 }.into());
            assert!(citizen_is_active());
        });
    }

    #[test]
    fn an_action_gone_before_its_expiry_is_skipped() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            assert_ok!(approve(CHECKER, 0));
            System::reset_events();
            Identity::on_initialize(21);
            assert!(System::events().is_empty());
        });
    }
}

mod approved_origin {
    use super::*;

    fn approved(class: ActionClass, role: Option<Role>) -> RuntimeOrigin {
        Origin::<Test>::from(ApprovedAction {
            action: 0,
            institution: CIVIL_REGISTRY,
            role,
            class,
            proposer: REGISTRAR,
        })
        .into()
    }

    #[test]
    fn an_approval_acts_only_for_its_own_class_and_role() {
        with_dual_control(2, || {
            assert_noop!(
                Identity::deactivate_citizen(
                    approved(ActionClass::CitizenMove, Some(Role::CivilRegistry)),
                    CITIZEN_ID,
                    DeactivationReason::Deceased,
                ),
                DispatchError::BadOrigin
            );
            assert_noop!(
                Identity::deactivate_citizen(
                    approved(ActionClass::CitizenDeactivation, Some(Role::Court)),
                    CITIZEN_ID,
                    DeactivationReason::Deceased,
                ),
                DispatchError::BadOrigin
            );
            assert_ok!(Identity::deactivate_citizen(
                approved(ActionClass::CitizenDeactivation, Some(Role::CivilRegistry)),
                CITIZEN_ID,
                DeactivationReason::Deceased,
            ));
        });
    }

    #[test]
    fn an_approval_is_not_a_signed_origin() {
        with_dual_control(2, || {
            assert_noop!(
                Identity::register_citizen(
                    approved(ActionClass::CitizenMove, Some(Role::CivilRegistry)),
                    NEW_KEY,
                    national_id(9),
                    None,
                    KycTier::Basic,
                ),
                DispatchError::BadOrigin
            );
        });
    }
}

mod appointments {
    use super::*;

    const CANDIDATE: u64 = 80;

    fn appointments_need(threshold: u8) {
        assert_ok!(Identity::set_approval_threshold(
            RuntimeOrigin::root(),
            Role::CivilRegistry,
            ActionClass::OfficerAppointment,
            threshold,
        ));
    }

    #[test]
    fn the_admin_proposes_and_an_officer_approves_an_appointment() {
        build_and_execute(|| {
            appointments_need(2);
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                CIVIL_REGISTRY,
                CANDIDATE,
                50,
            ));
            assert!(!Officers::<Test>::contains_key(CANDIDATE));
            let pending = PendingActions::<Test>::get(0).unwrap();
            assert_eq!(pending.role, None);
            assert_eq!(pending.proposer, ADMIN);
            assert_ok!(approve(REGISTRAR, 0));
            assert_eq!(Officers::<Test>::get(CANDIDATE).unwrap().expires_at, 50);
        });
    }

    #[test]
    fn an_officer_may_not_approve_its_own_appointment() {
        build_and_execute(|| {
            appointments_need(2);
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                CIVIL_REGISTRY,
                REGISTRAR,
                90,
            ));
            assert_eq!(
                PendingActions::<Test>::get(0).unwrap().subject,
                Some(REGISTRAR)
            );
            assert_noop!(approve(REGISTRAR, 0), Error::<Test>::SubjectMayNotApprove);
        });
    }

    #[test]
    fn a_replaced_admins_proposal_no_longer_counts() {
        build_and_execute(|| {
            appointments_need(2);
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                CIVIL_REGISTRY,
                CANDIDATE,
                50,
            ));
            assert_ok!(Identity::set_institution_admin(
                RuntimeOrigin::root(),
                CIVIL_REGISTRY,
                NOBODY
            ));
            assert_ok!(approve(REGISTRAR, 0));
            assert!(!Officers::<Test>::contains_key(CANDIDATE));
        });
    }

    #[test]
    fn an_institution_without_roles_appoints_under_the_strictest_threshold() {
        build_and_execute(|| {
            appointments_need(2);
            assert_ok!(Identity::register_institution(
                RuntimeOrigin::root(),
                crate::InstitutionKind::Agency,
                code("NEW"),
                H256::zero(),
                ADMIN,
                roles(&[]),
            ));
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                1,
                CANDIDATE,
                50,
            ));
            assert!(!Officers::<Test>::contains_key(CANDIDATE));
        });
    }

    #[test]
    fn the_council_appoints_directly() {
        build_and_execute(|| {
            appointments_need(2);
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::root(),
                CIVIL_REGISTRY,
                CANDIDATE,
                50,
            ));
            assert!(Officers::<Test>::contains_key(CANDIDATE));
        });
    }

    #[test]
    fn the_strictest_role_of_the_institution_applies() {
        build_and_execute(|| {
            assert_ok!(Identity::grant_role(
                RuntimeOrigin::root(),
                CIVIL_REGISTRY,
                Role::Court
            ));
            assert_ok!(Identity::set_approval_threshold(
                RuntimeOrigin::root(),
                Role::Court,
                ActionClass::OfficerAppointment,
                2,
            ));
            assert_ok!(Identity::appoint_officer(
                RuntimeOrigin::signed(ADMIN),
                CIVIL_REGISTRY,
                CANDIDATE,
                50,
            ));
            assert!(!Officers::<Test>::contains_key(CANDIDATE));
        });
    }

    #[test]
    fn an_approved_appointment_is_only_for_its_institution() {
        build_and_execute(|| {
            register_second_institution("LAND", Role::LandRegistrar);
            let origin: RuntimeOrigin = Origin::<Test>::from(ApprovedAction {
                action: 0,
                institution: CIVIL_REGISTRY,
                role: None,
                class: ActionClass::OfficerAppointment,
                proposer: ADMIN,
            })
            .into();
            assert_noop!(
                Identity::appoint_officer(origin, 1, CANDIDATE, 50),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn an_appointment_that_would_fail_is_refused_when_proposed() {
        build_and_execute(|| {
            appointments_need(2);
            assert_noop!(
                Identity::appoint_officer(
                    RuntimeOrigin::signed(ADMIN),
                    CIVIL_REGISTRY,
                    CANDIDATE,
                    1,
                ),
                Error::<Test>::ExpiryNotInFuture
            );
        });
    }
}

#[test]
fn genesis_sets_the_thresholds() {
    let storage = BuildStorage::build_storage(&RuntimeGenesisConfig {
        identity: crate::GenesisConfig {
            approval_thresholds: vec![(Role::CentralBank, ActionClass::Minting, 2)],
            ..Default::default()
        },
        ..Default::default()
    })
    .unwrap();
    sp_io::TestExternalities::new(storage).execute_with(|| {
        assert_eq!(
            ApprovalThresholds::<Test>::get(Role::CentralBank, ActionClass::Minting),
            2
        );
        assert_eq!(
            ApprovalThresholds::<Test>::get(Role::CentralBank, ActionClass::BankQuota),
            1
        );
    });
}

mod bounds {
    use super::*;
    use frame_support::BoundedVec;

    #[test]
    fn a_call_longer_than_max_action_call_length_is_refused() {
        with_dual_control(2, || {
            let long = RuntimeCall::System(frame_system::Call::remark {
                remark: vec![0; 300],
            });
            assert_noop!(
                Identity::do_propose_action(
                    CIVIL_REGISTRY,
                    Some(Role::CivilRegistry),
                    ActionClass::CitizenMove,
                    REGISTRAR,
                    None,
                    long,
                ),
                Error::<Test>::ActionCallTooLong
            );
        });
    }

    #[test]
    fn a_proposal_finding_no_expiry_block_with_room_is_refused() {
        with_dual_control(2, || {
            // The next 16 blocks after the lifetime are full (of actions no longer pending).
            let full: BoundedVec<u64, MaxActionsExpiringPerBlock> =
                BoundedVec::truncate_from(vec![1_000; 4]);
            for block in 21..21 + 16 {
                ActionExpiries::<Test>::insert(block, full.clone());
            }
            assert_noop!(deactivate_by(REGISTRAR), Error::<Test>::ExpiryQueueFull);
            for block in 21..21 + 16 {
                ActionExpiries::<Test>::remove(block);
            }
        });
    }

    #[test]
    fn a_call_that_no_longer_decodes_fails_when_approved_and_is_removed() {
        with_dual_control(2, || {
            assert_ok!(deactivate_by(REGISTRAR));
            // As if a runtime upgrade had removed the call's pallet.
            PendingActions::<Test>::mutate(0, |pending| {
                if let Some(pending) = pending {
                    pending.call = BoundedVec::truncate_from(vec![0xff, 0xff]);
                }
            });
            assert_ok!(approve(CHECKER, 0));
            System::assert_last_event(
                Event::ActionExecuted {
                    action: 0,
                    result: Err(Error::<Test>::ActionCallUndecodable.into()),
                }
                .into(),
            );
            assert!(!PendingActions::<Test>::contains_key(0));
            assert!(citizen_is_active());
        });
    }
}
