//! The issuer, a court or, for an imported diploma, the ministry revokes a diploma with a
//! reason; only the same authority, still holding its role, reinstates it. Every change is
//! kept in the diploma's history, up to `MaxStatusChanges`.

use super::*;
use crate::{History, Records, Status};
use frame_support::assert_ok;
use govchain_primitives::identity::Role;

/// Alice's diploma `OLD-1` of `issuer`, imported by the ministry.
fn imported_diploma(issuer: Issuer) -> DiplomaId {
    assert_ok!(Diplomas::import_legacy(
        RuntimeOrigin::signed(MINISTER),
        batch(vec![legacy(issuer, "OLD-1", ALICE_ID, 5_000)])
    ));
    id_by(issuer, "OLD-1")
}

/// A diploma of a body that no longer exists, imported by the ministry.
fn historic_diploma() -> DiplomaId {
    imported_diploma(Issuer::Historic(7_001))
}

fn status_of(id: DiplomaId) -> Option<Status<u64>> {
    Records::<Test>::get(id).map(|diploma| diploma.status)
}

fn history_of(id: DiplomaId) -> Vec<StatusEvent<u64>> {
    History::<Test>::get(id)
        .map(|history| history.into_inner())
        .unwrap_or_default()
}

/// Checks that `by` revoked `id` for `reason` at block `at`, and that this was the last event.
#[track_caller]
fn assert_revoked(id: DiplomaId, reason: RevocationReason, by: Authority, at: u64) {
    assert_eq!(status_of(id), Some(Status::Revoked { reason, by, at }));
    assert_eq!(last_event(), Event::DiplomaRevoked { id, reason, by });
}

/// Checks that `id` is valid again, `by`'s reinstatement being the last event.
#[track_caller]
fn assert_reinstated(id: DiplomaId, by: Authority) {
    assert_eq!(status_of(id), Some(Status::Valid));
    assert_eq!(last_event(), Event::DiplomaReinstated { id, by });
}

/// Revokes `id` and reinstates it, both by `DEAN`: two of the history's changes.
fn revoke_and_reinstate(id: DiplomaId) {
    assert_ok!(revoke(DEAN, id, RevocationReason::IssuedInError));
    assert_ok!(reinstate(DEAN, id));
}

mod revoke {
    use super::*;

    #[test]
    fn the_issuer_revokes_its_diploma() {
        build_and_execute(|| {
            let id = issued_diploma();
            System::set_block_number(5);

            assert_ok!(revoke(DEAN, id, RevocationReason::Fraud));

            let by = Authority::Issuer(UNIVERSITY_ID);
            assert_revoked(id, RevocationReason::Fraud, by, 5);
            assert_eq!(
                history_of(id),
                vec![revoked_at(RevocationReason::Fraud, by, 5)]
            );
        });
    }

    #[test]
    fn a_court_revokes_a_diploma_by_court_order() {
        build_and_execute(|| {
            let id = issued_diploma();

            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));

            let by = Authority::Court(COURT_ID);
            assert_revoked(id, RevocationReason::CourtOrder, by, 1);
        });
    }

    #[test]
    fn a_court_may_give_another_reason() {
        build_and_execute(|| {
            let id = issued_diploma();

            assert_ok!(revoke(OTHER_JUDGE, id, RevocationReason::Fraud));

            let by = Authority::Court(OTHER_COURT_ID);
            assert_revoked(id, RevocationReason::Fraud, by, 1);
        });
    }

    #[test]
    fn the_ministry_revokes_a_diploma_it_imported() {
        build_and_execute(|| {
            let id = historic_diploma();

            assert_ok!(revoke(MINISTER, id, RevocationReason::Fraud));

            let by = Authority::Ministry(MINISTRY_ID);
            assert_revoked(id, RevocationReason::Fraud, by, 1);
        });
    }

    #[test]
    fn a_court_revokes_an_imported_diploma() {
        build_and_execute(|| {
            let id = historic_diploma();

            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));

            let by = Authority::Court(COURT_ID);
            assert_revoked(id, RevocationReason::CourtOrder, by, 1);
        });
    }

    #[test]
    fn a_university_revokes_an_imported_diploma_naming_it_as_issuer() {
        build_and_execute(|| {
            let id = imported_diploma(Issuer::Institution(UNIVERSITY_ID));

            assert_ok!(revoke(DEAN, id, RevocationReason::IssuedInError));

            let by = Authority::Issuer(UNIVERSITY_ID);
            assert_revoked(id, RevocationReason::IssuedInError, by, 1);
        });
    }

    #[test]
    fn the_issuer_revokes_while_its_accreditation_is_suspended() {
        build_and_execute(|| {
            let id = issued_diploma();
            suspend_university();

            assert_ok!(revoke(DEAN, id, RevocationReason::IssuedInError));

            let by = Authority::Issuer(UNIVERSITY_ID);
            assert_revoked(id, RevocationReason::IssuedInError, by, 1);
        });
    }

    #[test]
    fn the_issuer_revokes_after_its_accreditation_was_withdrawn() {
        build_and_execute(|| {
            let id = issued_diploma();
            withdraw_university(None);

            assert_ok!(revoke(DEAN, id, RevocationReason::Fraud));

            let by = Authority::Issuer(UNIVERSITY_ID);
            assert_revoked(id, RevocationReason::Fraud, by, 1);
        });
    }

    #[test]
    fn another_university_cannot_revoke() {
        build_and_execute(|| {
            let id = issued_diploma();

            assert_noop!(
                revoke(OTHER_DEAN, id, RevocationReason::Fraud),
                Error::<Test>::NotRevocationAuthority
            );
        });
    }

    #[test]
    fn an_institution_without_an_education_or_court_role_cannot_revoke() {
        build_and_execute(|| {
            let id = issued_diploma();

            assert_noop!(
                revoke(REGISTRAR, id, RevocationReason::Fraud),
                Error::<Test>::NotRevocationAuthority
            );
        });
    }

    #[test]
    fn the_ministry_cannot_revoke_a_diploma_a_university_issued() {
        build_and_execute(|| {
            let id = issued_diploma();

            assert_noop!(
                revoke(MINISTER, id, RevocationReason::Fraud),
                Error::<Test>::NotRevocationAuthority
            );
        });
    }

    #[test]
    fn a_university_cannot_revoke_an_imported_diploma_of_another_issuer() {
        build_and_execute(|| {
            let id = historic_diploma();

            assert_noop!(
                revoke(DEAN, id, RevocationReason::Fraud),
                Error::<Test>::NotRevocationAuthority
            );
        });
    }

    #[test]
    fn an_issuer_that_lost_its_university_role_cannot_revoke() {
        build_and_execute(|| {
            let id = issued_diploma();
            Identity::revoke_role(UNIVERSITY_ID, Role::University);

            assert_noop!(
                revoke(DEAN, id, RevocationReason::IssuedInError),
                Error::<Test>::NotRevocationAuthority
            );
        });
    }

    #[test]
    fn the_issuer_cannot_revoke_by_court_order() {
        build_and_execute(|| {
            let id = issued_diploma();

            assert_noop!(
                revoke(DEAN, id, RevocationReason::CourtOrder),
                Error::<Test>::CourtOrderNeedsCourt
            );
        });
    }

    #[test]
    fn the_ministry_cannot_revoke_an_imported_diploma_by_court_order() {
        build_and_execute(|| {
            let id = historic_diploma();

            assert_noop!(
                revoke(MINISTER, id, RevocationReason::CourtOrder),
                Error::<Test>::CourtOrderNeedsCourt
            );
        });
    }

    #[test]
    fn a_revoked_diploma_is_not_revoked_again_but_by_a_court() {
        build_and_execute(|| {
            let id = issued_diploma();
            assert_ok!(revoke(DEAN, id, RevocationReason::IssuedInError));

            assert_noop!(
                revoke(DEAN, id, RevocationReason::Fraud),
                Error::<Test>::AlreadyRevoked
            );
            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));
            for (officer, reason) in [
                (OTHER_JUDGE, RevocationReason::CourtOrder),
                (JUDGE, RevocationReason::Fraud),
                (DEAN, RevocationReason::Fraud),
            ] {
                assert_noop!(revoke(officer, id, reason), Error::<Test>::AlreadyRevoked);
            }
        });
    }

    #[test]
    fn a_court_order_supersedes_the_issuer_s_revocation() {
        build_and_execute(|| {
            // Room for the court's reinstatement after two revocations.
            MaxStatusChanges::set(&6);
            let id = issued_diploma();
            assert_ok!(revoke(DEAN, id, RevocationReason::IssuedInError));
            System::set_block_number(4);

            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));

            let court = Authority::Court(COURT_ID);
            assert_revoked(id, RevocationReason::CourtOrder, court, 4);
            assert_eq!(
                history_of(id),
                vec![
                    revoked_at(
                        RevocationReason::IssuedInError,
                        Authority::Issuer(UNIVERSITY_ID),
                        1
                    ),
                    revoked_at(RevocationReason::CourtOrder, court, 4),
                ]
            );
            // The court alone now decides on reinstatement.
            assert_noop!(reinstate(DEAN, id), Error::<Test>::NotRevoker);
            assert_ok!(reinstate(JUDGE, id));
        });
    }

    #[test]
    fn a_court_order_supersedes_the_ministry_s_revocation() {
        build_and_execute(|| {
            let id = historic_diploma();
            assert_ok!(revoke(MINISTER, id, RevocationReason::Fraud));

            assert_ok!(revoke(OTHER_JUDGE, id, RevocationReason::CourtOrder));

            assert_revoked(
                id,
                RevocationReason::CourtOrder,
                Authority::Court(OTHER_COURT_ID),
                1,
            );
            assert_noop!(reinstate(MINISTER, id), Error::<Test>::NotRevoker);
        });
    }

    #[test]
    fn the_last_free_change_of_a_history_is_kept_for_a_court() {
        build_and_execute(|| {
            let id = issued_diploma();
            revoke_and_reinstate(id);
            // A runtime upgrade lowers the bound: one change is left.
            MaxStatusChanges::set(&3);

            assert_noop!(
                revoke(DEAN, id, RevocationReason::Fraud),
                Error::<Test>::HistoryFull
            );
            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));

            MaxStatusChanges::set(&4);
        });
    }

    #[test]
    fn an_unknown_diploma_is_not_revoked() {
        build_and_execute(|| {
            issued_diploma();

            assert_noop!(
                revoke(
                    JUDGE,
                    id_of(UNIVERSITY_ID, "BA-2"),
                    RevocationReason::CourtOrder
                ),
                Error::<Test>::UnknownDiploma
            );
        });
    }

    #[test]
    fn a_diploma_reinstated_as_often_as_its_history_allows_can_still_be_revoked() {
        build_and_execute(|| {
            let id = issued_diploma();
            revoke_and_reinstate(id);

            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));

            assert_eq!(history_of(id).len(), 3);
        });
    }

    #[test]
    fn a_diploma_whose_history_a_lowered_bound_filled_is_not_revoked() {
        build_and_execute(|| {
            let id = issued_diploma();
            revoke_and_reinstate(id);
            // A runtime upgrade lowers the bound below the history already kept.
            MaxStatusChanges::set(&2);

            assert_noop!(
                revoke(JUDGE, id, RevocationReason::CourtOrder),
                Error::<Test>::HistoryFull
            );

            MaxStatusChanges::set(&4);
        });
    }

    #[test]
    fn only_a_serving_officer_revokes() {
        build_and_execute(|| {
            let id = issued_diploma();

            // Revoking needs no particular role: who lacks one is no revocation authority.
            assert_only_serving_officers(DEAN, &[], |origin| {
                Diplomas::revoke(origin, id, RevocationReason::Fraud)
            });
        });
    }

    #[test]
    fn an_officer_of_an_inactive_issuer_cannot_revoke() {
        build_and_execute(|| {
            let id = issued_diploma();
            Identity::suspend_institution(UNIVERSITY_ID);

            assert_noop!(
                revoke(DEAN, id, RevocationReason::Fraud),
                IdentityError::InstitutionSuspended
            );
        });
    }
}

mod reinstate {
    use super::*;

    #[test]
    fn the_issuer_reinstates_a_diploma_it_revoked() {
        build_and_execute(|| {
            let id = issued_diploma();
            System::set_block_number(2);
            assert_ok!(revoke(DEAN, id, RevocationReason::IssuedInError));
            System::set_block_number(3);

            assert_ok!(reinstate(DEAN, id));

            let by = Authority::Issuer(UNIVERSITY_ID);
            assert_reinstated(id, by);
            assert_eq!(
                history_of(id),
                vec![
                    revoked_at(RevocationReason::IssuedInError, by, 2),
                    reinstated_at(by, 3),
                ]
            );
        });
    }

    #[test]
    fn a_court_reinstates_a_diploma_it_revoked() {
        build_and_execute(|| {
            let id = issued_diploma();
            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));

            assert_ok!(reinstate(JUDGE, id));

            assert_reinstated(id, Authority::Court(COURT_ID));
        });
    }

    #[test]
    fn the_ministry_reinstates_an_imported_diploma_it_revoked() {
        build_and_execute(|| {
            let id = historic_diploma();
            assert_ok!(revoke(MINISTER, id, RevocationReason::Fraud));

            assert_ok!(reinstate(MINISTER, id));

            assert_reinstated(id, Authority::Ministry(MINISTRY_ID));
        });
    }

    #[test]
    fn the_history_keeps_every_change_in_order() {
        build_and_execute(|| {
            let id = issued_diploma();
            let court = Authority::Court(COURT_ID);
            let issuer = Authority::Issuer(UNIVERSITY_ID);
            System::set_block_number(2);
            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));
            System::set_block_number(3);
            assert_ok!(reinstate(JUDGE, id));
            System::set_block_number(4);

            assert_ok!(revoke(DEAN, id, RevocationReason::Fraud));

            assert_eq!(
                history_of(id),
                vec![
                    revoked_at(RevocationReason::CourtOrder, court, 2),
                    reinstated_at(court, 3),
                    revoked_at(RevocationReason::Fraud, issuer, 4),
                ]
            );
            assert_revoked(id, RevocationReason::Fraud, issuer, 4);
        });
    }

    #[test]
    fn another_court_cannot_reinstate() {
        build_and_execute(|| {
            let id = issued_diploma();
            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));

            assert_noop!(reinstate(OTHER_JUDGE, id), Error::<Test>::NotRevoker);
        });
    }

    #[test]
    fn the_issuer_cannot_reinstate_a_court_revocation() {
        build_and_execute(|| {
            let id = issued_diploma();
            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));

            assert_noop!(reinstate(DEAN, id), Error::<Test>::NotRevoker);
        });
    }

    #[test]
    fn a_court_cannot_reinstate_the_issuers_revocation() {
        build_and_execute(|| {
            let id = issued_diploma();
            assert_ok!(revoke(DEAN, id, RevocationReason::Fraud));

            assert_noop!(reinstate(JUDGE, id), Error::<Test>::NotRevoker);
        });
    }

    #[test]
    fn the_ministry_cannot_reinstate_a_court_revocation_of_an_imported_diploma() {
        build_and_execute(|| {
            let id = historic_diploma();
            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));

            assert_noop!(reinstate(MINISTER, id), Error::<Test>::NotRevoker);
        });
    }

    #[test]
    fn an_officer_of_an_unrelated_institution_cannot_reinstate() {
        build_and_execute(|| {
            let id = issued_diploma();
            assert_ok!(revoke(DEAN, id, RevocationReason::Fraud));

            assert_noop!(reinstate(REGISTRAR, id), Error::<Test>::NotRevoker);
            assert_noop!(reinstate(OTHER_DEAN, id), Error::<Test>::NotRevoker);
        });
    }

    #[test]
    fn an_issuer_that_lost_its_university_role_cannot_reinstate() {
        build_and_execute(|| {
            let id = issued_diploma();
            assert_ok!(revoke(DEAN, id, RevocationReason::IssuedInError));
            Identity::revoke_role(UNIVERSITY_ID, Role::University);

            assert_noop!(reinstate(DEAN, id), Error::<Test>::NotRevoker);
        });
    }

    #[test]
    fn a_court_that_lost_its_role_cannot_reinstate() {
        build_and_execute(|| {
            let id = issued_diploma();
            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));
            Identity::revoke_role(COURT_ID, Role::Court);

            assert_noop!(reinstate(JUDGE, id), Error::<Test>::NotRevoker);
        });
    }

    #[test]
    fn a_valid_diploma_is_not_reinstated() {
        build_and_execute(|| {
            let id = issued_diploma();

            assert_noop!(reinstate(DEAN, id), Error::<Test>::NotRevoked);
        });
    }

    #[test]
    fn a_reinstated_diploma_is_not_reinstated_again() {
        build_and_execute(|| {
            let id = issued_diploma();
            revoke_and_reinstate(id);

            assert_noop!(reinstate(DEAN, id), Error::<Test>::NotRevoked);
        });
    }

    #[test]
    fn an_unknown_diploma_is_not_reinstated() {
        build_and_execute(|| {
            issued_diploma();

            assert_noop!(
                reinstate(DEAN, id_of(UNIVERSITY_ID, "BA-2")),
                Error::<Test>::UnknownDiploma
            );
        });
    }

    #[test]
    fn a_reinstatement_that_would_leave_no_room_for_a_revocation_is_refused() {
        build_and_execute(|| {
            let id = issued_diploma();
            revoke_and_reinstate(id);
            assert_ok!(revoke(DEAN, id, RevocationReason::Fraud));

            // Three of four changes are kept: a reinstatement would leave no room for a
            // revocation and a court's after it.
            assert_noop!(reinstate(DEAN, id), Error::<Test>::HistoryFull);
            assert!(matches!(status_of(id), Some(Status::Revoked { .. })));
        });
    }

    #[test]
    fn only_a_serving_officer_reinstates() {
        build_and_execute(|| {
            let id = issued_diploma();
            assert_ok!(revoke(DEAN, id, RevocationReason::IssuedInError));

            // Reinstating needs no particular role: who lacks one is not the revoker.
            assert_only_serving_officers(DEAN, &[], |origin| Diplomas::reinstate(origin, id));
        });
    }
}
