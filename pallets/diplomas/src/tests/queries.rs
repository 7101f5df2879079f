//! What the runtime API answers: verification of a diploma against a document, a diploma's
//! whole record, a holder's diplomas page by page, a university's accreditation, and how a
//! diploma's id is computed.

use super::*;
use crate::{
    AccreditationRecord, DiplomaRecord, Period, Provenance, Records, Standing, Status, MAX_PAGE,
};
use codec::Encode;
use frame_support::assert_ok;
use std::collections::BTreeSet;

/// `DEAN` issues diploma `number` to Alice, dated `issued_on`; returns its id.
fn issue_dated(number: &str, issued_on: Day) -> DiplomaId {
    assert_ok!(Diplomas::issue(
        RuntimeOrigin::signed(DEAN),
        spec(number, ALICE_ID, issued_on)
    ));
    id_of(UNIVERSITY_ID, number)
}

/// `DEAN` issues `count` diplomas to `holder`, five per batch; returns their ids.
fn issue_many(holder: CitizenId, count: u32) -> BTreeSet<DiplomaId> {
    let numbers: Vec<String> = (0..count).map(|n| format!("{holder}-{n}")).collect();
    for chunk in numbers.chunks(5) {
        let diplomas = chunk
            .iter()
            .map(|number| spec(number, holder, Today::get()))
            .collect();
        assert_ok!(Diplomas::issue_batch(
            RuntimeOrigin::signed(DEAN),
            batch(diplomas)
        ));
    }
    numbers
        .iter()
        .map(|number| id_of(UNIVERSITY_ID, number))
        .collect()
}

mod verify {
    use super::*;

    #[test]
    fn a_standing_diploma_with_its_document_is_valid() {
        build_and_execute(|| {
            let id = issued_diploma();

            assert_eq!(verification_of(id), Verification::Valid);
        });
    }

    #[test]
    fn a_revoked_diploma_reads_revoked_with_reason_and_block() {
        build_and_execute(|| {
            let id = issued_diploma();
            System::set_block_number(9);
            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));

            assert_eq!(
                verification_of(id),
                Verification::Revoked {
                    reason: RevocationReason::CourtOrder,
                    at: 9
                }
            );
        });
    }

    #[test]
    fn a_reinstated_diploma_is_valid_again() {
        build_and_execute(|| {
            let id = issued_diploma();
            assert_ok!(revoke(DEAN, id, RevocationReason::IssuedInError));
            assert_ok!(reinstate(DEAN, id));

            assert_eq!(verification_of(id), Verification::Valid);
        });
    }

    #[test]
    fn another_document_reads_hash_mismatch() {
        build_and_execute(|| {
            let id = issued_diploma();

            assert_eq!(
                Diplomas::verify(id, document(2)),
                Verification::HashMismatch
            );
        });
    }

    #[test]
    fn another_document_reads_hash_mismatch_even_for_a_revoked_diploma() {
        build_and_execute(|| {
            let id = issued_diploma();
            assert_ok!(revoke(DEAN, id, RevocationReason::Fraud));

            assert_eq!(
                Diplomas::verify(id, document(2)),
                Verification::HashMismatch
            );
        });
    }

    #[test]
    fn an_id_no_diploma_has_reads_unknown() {
        build_and_execute(|| {
            accredit_university();
            issue("BA-1");

            let others = [
                id_of(UNIVERSITY_ID, "BA-2"),
                id_of(OTHER_UNIVERSITY_ID, "BA-1"),
            ];
            assert_eq!(others.map(verification_of), [Verification::Unknown; 2]);
        });
    }

    #[test]
    fn a_diploma_dated_after_a_backdated_withdrawal_reads_issuer_not_accredited() {
        build_and_execute(|| {
            accredit_university();
            let before = issue_dated("BA-1", TODAY - 51);
            let on = issue_dated("BA-2", TODAY - 50);
            let after = issue_dated("BA-3", TODAY - 49);

            withdraw_university(Some(TODAY - 50));

            assert_eq!(verification_of(before), Verification::Valid);
            assert_eq!(verification_of(on), Verification::Valid);
            assert_eq!(verification_of(after), Verification::IssuerNotAccredited);
        });
    }

    #[test]
    fn a_revoked_diploma_reads_revoked_even_if_its_issuer_lost_the_accreditation_for_its_date() {
        build_and_execute(|| {
            let id = issued_diploma();
            assert_ok!(revoke(DEAN, id, RevocationReason::Fraud));
            withdraw_university(Some(TODAY - 1));

            assert_eq!(
                verification_of(id),
                Verification::Revoked {
                    reason: RevocationReason::Fraud,
                    at: 1
                }
            );
        });
    }

    #[test]
    fn a_diploma_stays_valid_after_its_issuer_is_suspended_or_withdrawn_later() {
        build_and_execute(|| {
            let id = issued_diploma();
            suspend_university();
            assert_eq!(verification_of(id), Verification::Valid);
            advance_days(3);

            withdraw_university(None);

            assert_eq!(verification_of(id), Verification::Valid);
        });
    }
}

mod diploma_record {
    use super::*;

    #[test]
    fn a_record_gathers_everything_known_about_a_diploma() {
        build_and_execute(|| {
            accredit_university();
            System::set_block_number(2);
            let id = issue("BA-1");

            assert_eq!(
                Diplomas::diploma_record(id),
                Some(DiplomaRecord {
                    id,
                    issuer: Issuer::Institution(UNIVERSITY_ID),
                    spec: spec("BA-1", ALICE_ID, TODAY),
                    provenance: Provenance::Issued,
                    recorded_at: 2,
                    status: Status::Valid,
                    issuer_accredited_on_issue_date: true,
                    history: vec![],
                })
            );
        });
    }

    #[test]
    fn a_record_lists_the_history_oldest_first() {
        build_and_execute(|| {
            let id = issued_diploma();
            let by = Authority::Court(COURT_ID);
            System::set_block_number(2);
            assert_ok!(revoke(JUDGE, id, RevocationReason::CourtOrder));
            System::set_block_number(3);
            assert_ok!(reinstate(JUDGE, id));

            let record = Diplomas::diploma_record(id).unwrap();

            assert_eq!(record.status, Status::Valid);
            assert_eq!(
                record.history,
                vec![
                    revoked_at(RevocationReason::CourtOrder, by, 2),
                    reinstated_at(by, 3),
                ]
            );
        });
    }

    #[test]
    fn a_record_shows_when_the_issuer_was_not_accredited_on_the_diplomas_date() {
        build_and_execute(|| {
            accredit_university();
            let id = issue_dated("BA-1", TODAY - 10);

            withdraw_university(Some(TODAY - 11));

            let record = Diplomas::diploma_record(id).unwrap();
            assert!(!record.issuer_accredited_on_issue_date);
            assert_eq!(record.status, Status::Valid);
        });
    }

    #[test]
    fn an_imported_diploma_counts_as_accredited_on_its_date() {
        build_and_execute(|| {
            let issuer = Issuer::Historic(7_001);
            assert_ok!(Diplomas::import_legacy(
                RuntimeOrigin::signed(MINISTER),
                batch(vec![legacy(issuer, "OLD-1", BOB_ID, 5_000)])
            ));

            let record = Diplomas::diploma_record(id_by(issuer, "OLD-1")).unwrap();

            assert!(record.issuer_accredited_on_issue_date);
            assert_eq!(
                record.provenance,
                Provenance::Imported {
                    ministry: MINISTRY_ID
                }
            );
        });
    }

    #[test]
    fn an_unknown_diploma_has_no_record() {
        build_and_execute(|| {
            assert_eq!(Diplomas::diploma_record(id_of(UNIVERSITY_ID, "BA-1")), None);
        });
    }
}

mod diplomas_of {
    use super::*;

    #[test]
    fn a_holder_has_exactly_their_diplomas() {
        build_and_execute(|| {
            accredit_university();
            let alices = issue_many(ALICE_ID, 3);
            let bobs = issue_many(BOB_ID, 2);

            let listed: Vec<_> = Diplomas::diplomas_of(ALICE_ID, None, 10);

            assert_eq!(listed.len(), 3);
            assert_eq!(listed.into_iter().collect::<BTreeSet<_>>(), alices);
            assert_eq!(
                Diplomas::diplomas_of(BOB_ID, None, 10)
                    .into_iter()
                    .collect::<BTreeSet<_>>(),
                bobs
            );
        });
    }

    #[test]
    fn a_holder_without_diplomas_has_none() {
        build_and_execute(|| {
            accredit_university();
            issue_many(ALICE_ID, 2);

            assert_eq!(Diplomas::diplomas_of(BOB_ID, None, 10), vec![]);
            assert_eq!(Diplomas::diplomas_of(UNKNOWN_CITIZEN, None, 10), vec![]);
        });
    }

    #[test]
    fn pages_follow_each_other_after_start_after() {
        build_and_execute(|| {
            accredit_university();
            let all = issue_many(ALICE_ID, 5);
            issue_many(BOB_ID, 3);

            let first = Diplomas::diplomas_of(ALICE_ID, None, 2);
            let second = Diplomas::diplomas_of(ALICE_ID, first.last().copied(), 2);
            let third = Diplomas::diplomas_of(ALICE_ID, second.last().copied(), 2);
            let fourth = Diplomas::diplomas_of(ALICE_ID, third.last().copied(), 2);

            assert_eq!((first.len(), second.len(), third.len()), (2, 2, 1));
            assert_eq!(fourth, vec![]);
            let paged: Vec<_> = [first, second, third].concat();
            assert_eq!(paged, Diplomas::diplomas_of(ALICE_ID, None, 10));
            assert_eq!(paged.into_iter().collect::<BTreeSet<_>>(), all);
        });
    }

    #[test]
    fn a_limit_of_zero_gives_an_empty_page() {
        build_and_execute(|| {
            accredit_university();
            issue_many(ALICE_ID, 2);

            assert_eq!(Diplomas::diplomas_of(ALICE_ID, None, 0), vec![]);
        });
    }

    #[test]
    fn a_page_holds_at_most_max_page_diplomas() {
        build_and_execute(|| {
            accredit_university();
            // More than a page for one holder.
            MaxDiplomasPerHolder::set(&(MAX_PAGE + 1));
            let all = issue_many(ALICE_ID, MAX_PAGE + 1);

            let first = Diplomas::diplomas_of(ALICE_ID, None, u32::MAX);
            let second = Diplomas::diplomas_of(ALICE_ID, first.last().copied(), u32::MAX);

            assert_eq!(first.len(), MAX_PAGE as usize);
            assert_eq!(second.len(), 1);
            assert_eq!(
                first.into_iter().chain(second).collect::<BTreeSet<_>>(),
                all
            );
        });
    }
}

mod accreditation_record {
    use super::*;

    fn record() -> Option<AccreditationRecord> {
        Diplomas::accreditation_record(UNIVERSITY_ID)
    }

    /// The record of an accreditation with one period, from `TODAY - 100` to `until`.
    fn one_period_record(
        until: Day,
        standing: Standing,
        may_issue_today: bool,
    ) -> Option<AccreditationRecord> {
        Some(AccreditationRecord {
            periods: vec![Period {
                from: TODAY - 100,
                until,
            }],
            standing,
            may_issue_today,
        })
    }

    #[test]
    fn a_university_never_accredited_has_no_record() {
        build_and_execute(|| {
            assert_eq!(record(), None);
        });
    }

    #[test]
    fn an_accredited_university_may_issue_today() {
        build_and_execute(|| {
            accredit_university();

            assert_eq!(
                record(),
                one_period_record(TODAY + 265, Standing::Accredited, true)
            );
        });
    }

    #[test]
    fn a_university_accredited_from_tomorrow_may_not_issue_today() {
        build_and_execute(|| {
            accredit(UNIVERSITY_ID, TODAY + 1, TODAY + 10);

            assert!(!record().unwrap().may_issue_today);
            advance_days(1);
            assert!(record().unwrap().may_issue_today);
        });
    }

    #[test]
    fn a_university_whose_period_lapsed_may_not_issue() {
        build_and_execute(|| {
            accredit(UNIVERSITY_ID, TODAY - 10, TODAY);
            assert!(record().unwrap().may_issue_today);

            advance_days(1);

            assert!(!record().unwrap().may_issue_today);
        });
    }

    #[test]
    fn a_suspended_university_may_not_issue_until_the_suspension_is_lifted() {
        build_and_execute(|| {
            accredit_university();
            suspend_university();

            let suspended = Standing::Suspended {
                resume_until: TODAY + 265,
            };
            assert_eq!(record(), one_period_record(TODAY, suspended, false));
            lift_university_suspension();
            assert!(record().unwrap().may_issue_today);
        });
    }

    #[test]
    fn a_university_whose_accreditation_was_withdrawn_may_not_issue() {
        build_and_execute(|| {
            accredit_university();
            withdraw_university(Some(TODAY));

            assert_eq!(
                record(),
                one_period_record(TODAY, Standing::Withdrawn, false)
            );
        });
    }
}

mod diploma_id {
    use super::*;

    #[test]
    fn the_id_is_the_blake2_256_hash_of_issuer_and_serial() {
        build_and_execute(|| {
            let issuer = Issuer::Institution(UNIVERSITY_ID);
            let expected = sp_io::hashing::blake2_256(&(issuer, serial("BA-1")).encode());

            assert_eq!(
                Diplomas::diploma_id(&issuer, &serial("BA-1")),
                DiplomaId::from(expected)
            );
        });
    }

    #[test]
    fn the_same_issuer_and_serial_always_give_the_same_id() {
        build_and_execute(|| {
            accredit_university();
            let before = id_of(UNIVERSITY_ID, "BA-1");
            issue("BA-1");
            System::set_block_number(50);
            advance_days(30);

            assert_eq!(id_of(UNIVERSITY_ID, "BA-1"), before);
            assert!(Records::<Test>::contains_key(before));
        });
    }

    #[test]
    fn another_serial_or_issuer_gives_another_id() {
        build_and_execute(|| {
            let ids: BTreeSet<_> = [
                id_by(Issuer::Institution(UNIVERSITY_ID), "BA-1"),
                id_by(Issuer::Institution(UNIVERSITY_ID), "BA-2"),
                id_by(Issuer::Institution(OTHER_UNIVERSITY_ID), "BA-1"),
                id_by(Issuer::Historic(UNIVERSITY_ID), "BA-1"),
            ]
            .into();

            assert_eq!(ids.len(), 4);
        });
    }
}
