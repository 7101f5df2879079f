//! A currently accredited university records its diplomas, singly or in batches of up to
//! `MaxBatchSize`, all or none; each diploma must be dated within one of its periods.

use super::*;
use crate::{
    Call, Diploma, DiplomaCount, HolderDiplomaCount, HolderDiplomas, Provenance, Records, Status,
    MAX_FIELD_CODE, MAX_SERIAL_LEN,
};
use frame_support::assert_ok;

fn try_issue(officer: u64, diploma: DiplomaSpec) -> DispatchResult {
    Diplomas::issue(RuntimeOrigin::signed(officer), diploma)
}

fn try_issue_batch(officer: u64, diplomas: Vec<DiplomaSpec>) -> DispatchResult {
    without_post_info(Diplomas::issue_batch(
        RuntimeOrigin::signed(officer),
        batch(diplomas),
    ))
}

/// `DEAN` issues Alice `MaxDiplomasPerHolder` diplomas, numbered `FULL-1`, `FULL-2`, ...
fn alice_holds_the_most_diplomas() {
    let numbers: Vec<String> = (1..=MaxDiplomasPerHolder::get())
        .map(|n| format!("FULL-{n}"))
        .collect();
    let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
    for chunk in numbers.chunks(MaxBatchSize::get() as usize) {
        assert_ok!(try_issue_batch(DEAN, specs(chunk)));
    }
}

/// `DEAN`'s diploma `number` for Alice, dated today.
fn today_spec(number: &str) -> DiplomaSpec {
    spec(number, ALICE_ID, Today::get())
}

/// Accredits `UNIVERSITY_ID` from `TODAY - 10` to `TODAY + 5`, moves the clock 10 days on and
/// accredits it again from then (`TODAY + 10`) to `TODAY + 110`: the days in between are not
/// accredited.
fn two_periods() {
    lapsed_period();
    accredit(UNIVERSITY_ID, TODAY + 10, TODAY + 110);
}

/// Checks that `DEAN` records Alice's diploma `BA-1` dated `issued_on` neither singly nor in a
/// batch, both being refused with `error`.
#[track_caller]
fn assert_cannot_issue(issued_on: Day, error: Error<Test>) {
    let error = DispatchError::from(error);
    let diploma = spec("BA-1", ALICE_ID, issued_on);
    assert_noop!(try_issue(DEAN, diploma.clone()), error);
    assert_noop!(try_issue_batch(DEAN, vec![diploma]), error);
}

mod issue {
    use super::*;

    #[test]
    fn an_accredited_university_records_a_diploma() {
        build_and_execute(|| {
            accredit_university();
            System::set_block_number(3);

            assert_ok!(try_issue(DEAN, today_spec("BA-1")));

            let id = id_of(UNIVERSITY_ID, "BA-1");
            assert_eq!(
                Records::<Test>::get(id),
                Some(Diploma {
                    issuer: Issuer::Institution(UNIVERSITY_ID),
                    spec: today_spec("BA-1"),
                    provenance: Provenance::Issued,
                    recorded_at: 3,
                    status: Status::Valid,
                })
            );
            assert!(HolderDiplomas::<Test>::contains_key(ALICE_ID, id));
            assert_eq!(DiplomaCount::<Test>::get(), 1);
            assert_eq!(
                last_event(),
                Event::DiplomaIssued {
                    id,
                    issuer: UNIVERSITY_ID,
                    holder: ALICE_ID
                }
            );
        });
    }

    #[test]
    fn a_diploma_dated_on_the_first_day_of_the_period_is_recorded() {
        build_and_execute(|| {
            accredit_university();

            assert_ok!(try_issue(DEAN, spec("BA-1", BOB_ID, TODAY - 100)));

            assert!(HolderDiplomas::<Test>::contains_key(
                BOB_ID,
                id_of(UNIVERSITY_ID, "BA-1")
            ));
        });
    }

    #[test]
    fn a_diploma_dated_within_an_earlier_period_is_recorded() {
        build_and_execute(|| {
            two_periods();

            assert_ok!(try_issue(DEAN, spec("BA-1", ALICE_ID, TODAY + 3)));

            assert_eq!(
                Records::<Test>::get(id_of(UNIVERSITY_ID, "BA-1"))
                    .map(|diploma| diploma.spec.issued_on),
                Some(TODAY + 3)
            );
        });
    }

    #[test]
    fn a_diploma_dated_between_two_periods_is_refused() {
        build_and_execute(|| {
            two_periods();

            assert_noop!(
                try_issue(DEAN, spec("BA-1", ALICE_ID, TODAY + 6)),
                Error::<Test>::NotAccreditedOnIssueDate
            );
        });
    }

    #[test]
    fn a_diploma_dated_before_the_accreditation_is_refused() {
        build_and_execute(|| {
            accredit_university();

            assert_noop!(
                try_issue(DEAN, spec("BA-1", ALICE_ID, TODAY - 101)),
                Error::<Test>::NotAccreditedOnIssueDate
            );
        });
    }

    #[test]
    fn a_diploma_dated_during_a_suspension_that_was_lifted_is_refused() {
        build_and_execute(|| {
            accredit_university();
            suspend_university();
            advance_days(10);
            lift_university_suspension();

            assert_noop!(
                try_issue(DEAN, spec("BA-1", ALICE_ID, TODAY + 5)),
                Error::<Test>::NotAccreditedOnIssueDate
            );
            assert_ok!(try_issue(DEAN, spec("BA-2", ALICE_ID, TODAY)));
            assert_ok!(try_issue(DEAN, spec("BA-3", ALICE_ID, TODAY + 10)));
        });
    }

    #[test]
    fn a_serial_of_letters_digits_and_separators_up_to_the_longest_is_accepted() {
        build_and_execute(|| {
            accredit_university();
            let longest = "Ab9-/.".repeat(5) + "Zz";
            assert_eq!(longest.len(), MAX_SERIAL_LEN as usize);

            assert_ok!(try_issue(DEAN, today_spec(&longest)));

            assert!(Records::<Test>::contains_key(id_of(
                UNIVERSITY_ID,
                &longest
            )));
        });
    }

    #[test]
    fn an_empty_serial_is_refused() {
        build_and_execute(|| {
            accredit_university();

            assert_noop!(
                try_issue(DEAN, today_spec("")),
                Error::<Test>::InvalidSerial
            );
        });
    }

    #[test]
    fn a_serial_with_other_characters_is_refused() {
        build_and_execute(|| {
            accredit_university();

            for number in ["BA 1", "BA_1", "BA#1", "BÄ-1"] {
                assert_noop!(
                    try_issue(DEAN, today_spec(number)),
                    Error::<Test>::InvalidSerial
                );
            }
        });
    }

    #[test]
    fn the_highest_field_code_is_accepted() {
        build_and_execute(|| {
            accredit_university();

            assert_ok!(try_issue(
                DEAN,
                DiplomaSpec {
                    field: MAX_FIELD_CODE,
                    ..today_spec("BA-1")
                }
            ));
        });
    }

    #[test]
    fn a_field_code_above_9999_is_refused() {
        build_and_execute(|| {
            accredit_university();

            assert_noop!(
                try_issue(
                    DEAN,
                    DiplomaSpec {
                        field: 10_000,
                        ..today_spec("BA-1")
                    }
                ),
                Error::<Test>::InvalidFieldCode
            );
        });
    }

    #[test]
    fn a_serial_the_university_used_already_is_refused() {
        build_and_execute(|| {
            accredit_university();
            issue("BA-1");

            assert_noop!(
                try_issue(DEAN, spec("BA-1", BOB_ID, TODAY - 1)),
                Error::<Test>::DuplicateSerial
            );
        });
    }

    #[test]
    fn another_university_may_use_the_same_serial() {
        build_and_execute(|| {
            accredit_university();
            accredit(OTHER_UNIVERSITY_ID, TODAY, TODAY + 10);
            let first = issue("BA-1");

            assert_ok!(try_issue(OTHER_DEAN, today_spec("BA-1")));

            let second = id_of(OTHER_UNIVERSITY_ID, "BA-1");
            assert_ne!(first, second);
            assert_eq!(
                Records::<Test>::get(second).map(|diploma| diploma.issuer),
                Some(Issuer::Institution(OTHER_UNIVERSITY_ID))
            );
            assert!(Records::<Test>::contains_key(first));
            assert_eq!(DiplomaCount::<Test>::get(), 2);
        });
    }

    #[test]
    fn a_holder_who_is_no_citizen_is_refused() {
        build_and_execute(|| {
            accredit_university();

            assert_noop!(
                try_issue(DEAN, spec("BA-1", UNKNOWN_CITIZEN, TODAY)),
                Error::<Test>::UnknownHolder
            );
        });
    }

    #[test]
    fn a_holder_who_is_no_longer_an_active_citizen_is_refused() {
        build_and_execute(|| {
            accredit_university();
            Identity::deactivate_citizen(BOB);

            assert_noop!(
                try_issue(DEAN, spec("BA-1", BOB_ID, TODAY)),
                Error::<Test>::UnknownHolder
            );
        });
    }

    #[test]
    fn each_diploma_counts_for_its_holder() {
        build_and_execute(|| {
            accredit_university();

            issue("BA-1");
            issue("BA-2");
            assert_ok!(try_issue(DEAN, spec("BA-3", BOB_ID, TODAY)));

            assert_eq!(HolderDiplomaCount::<Test>::get(ALICE_ID), 2);
            assert_eq!(HolderDiplomaCount::<Test>::get(BOB_ID), 1);
        });
    }

    #[test]
    fn a_holder_with_max_diplomas_is_refused_another() {
        build_and_execute(|| {
            accredit_university();
            alice_holds_the_most_diplomas();

            assert_noop!(
                try_issue(DEAN, today_spec("BA-1")),
                Error::<Test>::TooManyDiplomasForHolder
            );
            assert_ok!(try_issue(DEAN, spec("BA-1", BOB_ID, TODAY)));
        });
    }

    #[test]
    fn a_revoked_diploma_still_counts_for_its_holder() {
        build_and_execute(|| {
            accredit_university();
            alice_holds_the_most_diplomas();
            assert_ok!(revoke(
                DEAN,
                id_of(UNIVERSITY_ID, "FULL-1"),
                RevocationReason::IssuedInError
            ));

            assert_noop!(
                try_issue(DEAN, today_spec("BA-1")),
                Error::<Test>::TooManyDiplomasForHolder
            );
        });
    }

    #[test]
    fn another_university_s_diploma_is_refused_to_a_holder_with_max_diplomas() {
        build_and_execute(|| {
            accredit_university();
            accredit(OTHER_UNIVERSITY_ID, TODAY, TODAY + 10);
            alice_holds_the_most_diplomas();

            assert_noop!(
                try_issue(OTHER_DEAN, today_spec("BA-1")),
                Error::<Test>::TooManyDiplomasForHolder
            );
        });
    }

    #[test]
    fn a_diploma_dated_tomorrow_is_refused() {
        build_and_execute(|| {
            accredit_university();

            assert_noop!(
                try_issue(DEAN, spec("BA-1", ALICE_ID, TODAY + 1)),
                Error::<Test>::IssueDateInFuture
            );
        });
    }

    #[test]
    fn a_count_that_would_overflow_is_refused() {
        build_and_execute(|| {
            accredit_university();
            DiplomaCount::<Test>::put(u64::MAX);

            assert_noop!(try_issue(DEAN, today_spec("BA-1")), Error::<Test>::Overflow);

            DiplomaCount::<Test>::kill();
        });
    }

    #[test]
    fn only_a_serving_dean_issues() {
        build_and_execute(|| {
            accredit_university();

            assert_only_serving_officers(DEAN, &[MINISTER], |origin| {
                Diplomas::issue(origin, today_spec("BA-1"))
            });
        });
    }
}

mod issue_batch {
    use super::*;

    #[test]
    fn a_batch_records_every_diploma_with_an_event_each() {
        build_and_execute(|| {
            accredit_university();
            System::set_block_number(4);
            System::reset_events();
            let batch = vec![
                spec("BA-1", ALICE_ID, TODAY),
                spec("BA-2", BOB_ID, TODAY - 1),
                spec("MA-1", ALICE_ID, TODAY - 100),
            ];

            assert_ok!(try_issue_batch(DEAN, batch.clone()));

            let ids: Vec<_> = ["BA-1", "BA-2", "MA-1"]
                .iter()
                .map(|number| id_of(UNIVERSITY_ID, number))
                .collect();
            for (id, diploma) in ids.iter().zip(&batch) {
                assert_eq!(
                    Records::<Test>::get(id),
                    Some(Diploma {
                        issuer: Issuer::Institution(UNIVERSITY_ID),
                        spec: diploma.clone(),
                        provenance: Provenance::Issued,
                        recorded_at: 4,
                        status: Status::Valid,
                    })
                );
                assert!(HolderDiplomas::<Test>::contains_key(diploma.holder, id));
            }
            assert_eq!(DiplomaCount::<Test>::get(), 3);
            assert_eq!(
                diploma_events(),
                vec![
                    Event::DiplomaIssued {
                        id: ids[0],
                        issuer: UNIVERSITY_ID,
                        holder: ALICE_ID
                    },
                    Event::DiplomaIssued {
                        id: ids[1],
                        issuer: UNIVERSITY_ID,
                        holder: BOB_ID
                    },
                    Event::DiplomaIssued {
                        id: ids[2],
                        issuer: UNIVERSITY_ID,
                        holder: ALICE_ID
                    },
                ]
            );
        });
    }

    #[test]
    fn a_batch_of_max_size_is_recorded() {
        build_and_execute(|| {
            accredit_university();

            assert_ok!(try_issue_batch(
                DEAN,
                specs(&["BA-1", "BA-2", "BA-3", "BA-4", "BA-5"])
            ));

            assert_eq!(DiplomaCount::<Test>::get(), 5);
            assert_eq!(Records::<Test>::iter().count(), 5);
        });
    }

    #[test]
    fn a_batch_adds_to_the_diplomas_recorded_before() {
        build_and_execute(|| {
            accredit_university();
            issue("BA-1");

            assert_ok!(try_issue_batch(DEAN, specs(&["BA-2", "BA-3"])));

            assert_eq!(DiplomaCount::<Test>::get(), 3);
        });
    }

    #[test]
    fn a_batch_may_hold_diplomas_dated_within_an_earlier_period() {
        build_and_execute(|| {
            two_periods();

            assert_ok!(try_issue_batch(
                DEAN,
                vec![
                    spec("BA-1", ALICE_ID, TODAY - 10),
                    spec("BA-2", BOB_ID, TODAY + 5),
                    spec("BA-3", BOB_ID, TODAY + 10),
                ]
            ));

            assert_eq!(DiplomaCount::<Test>::get(), 3);
        });
    }

    #[test]
    fn a_bad_diploma_is_named_by_its_index_and_nothing_is_recorded() {
        build_and_execute(|| {
            accredit_university();
            let mut batch = specs(&["BA-1", "BA-2", "BA-3", "BA-4", "BA-5"]);
            batch[3].field = 10_000;

            assert_noop!(
                try_issue_batch(DEAN, batch),
                item_failed(3, ItemError::InvalidFieldCode)
            );
        });
    }

    #[test]
    fn the_first_of_several_bad_diplomas_is_named() {
        build_and_execute(|| {
            accredit_university();
            let mut batch = specs(&["BA-1", "BA-2", "BA-3", "BA-4"]);
            batch[1].holder = UNKNOWN_CITIZEN;
            batch[3].field = 10_000;

            assert_noop!(
                try_issue_batch(DEAN, batch),
                item_failed(1, ItemError::UnknownHolder)
            );
        });
    }

    #[test]
    fn an_invalid_serial_is_named_by_its_index() {
        build_and_execute(|| {
            accredit_university();

            assert_noop!(
                try_issue_batch(DEAN, specs(&["", "BA-2"])),
                item_failed(0, ItemError::InvalidSerial)
            );
            assert_noop!(
                try_issue_batch(DEAN, specs(&["BA-1", "BA 2"])),
                item_failed(1, ItemError::InvalidSerial)
            );
        });
    }

    #[test]
    fn a_holder_who_is_no_citizen_is_named_by_its_index() {
        build_and_execute(|| {
            accredit_university();
            let mut batch = specs(&["BA-1", "BA-2", "BA-3"]);
            batch[2].holder = UNKNOWN_CITIZEN;

            assert_noop!(
                try_issue_batch(DEAN, batch),
                item_failed(2, ItemError::UnknownHolder)
            );
        });
    }

    #[test]
    fn a_diploma_dated_in_the_future_is_named_by_its_index() {
        build_and_execute(|| {
            accredit_university();
            let mut batch = specs(&["BA-1", "BA-2", "BA-3", "BA-4", "BA-5"]);
            batch[4].issued_on = TODAY + 1;

            assert_noop!(
                try_issue_batch(DEAN, batch),
                item_failed(4, ItemError::IssueDateInFuture)
            );
        });
    }

    #[test]
    fn a_diploma_dated_outside_every_period_is_named_by_its_index() {
        build_and_execute(|| {
            two_periods();
            let mut batch = specs(&["BA-1", "BA-2", "BA-3"]);
            batch[1].issued_on = TODAY + 7;

            assert_noop!(
                try_issue_batch(DEAN, batch),
                item_failed(1, ItemError::NotAccreditedOnIssueDate)
            );
        });
    }

    #[test]
    fn a_serial_repeated_within_the_batch_is_named_at_its_second_use() {
        build_and_execute(|| {
            accredit_university();

            assert_noop!(
                try_issue_batch(DEAN, specs(&["BA-1", "BA-2", "BA-1"])),
                item_failed(2, ItemError::DuplicateSerial)
            );
        });
    }

    #[test]
    fn a_serial_used_by_an_earlier_batch_is_named_by_its_index() {
        build_and_execute(|| {
            accredit_university();
            assert_ok!(try_issue_batch(DEAN, specs(&["BA-1", "BA-2"])));

            assert_noop!(
                try_issue_batch(DEAN, specs(&["BA-3", "BA-2", "BA-4"])),
                item_failed(1, ItemError::DuplicateSerial)
            );
        });
    }

    #[test]
    fn another_university_may_reuse_serials_of_a_batch() {
        build_and_execute(|| {
            accredit_university();
            accredit(OTHER_UNIVERSITY_ID, TODAY, TODAY + 10);
            assert_ok!(try_issue_batch(DEAN, specs(&["BA-1", "BA-2"])));

            assert_ok!(try_issue_batch(OTHER_DEAN, specs(&["BA-1", "BA-2"])));

            assert_eq!(DiplomaCount::<Test>::get(), 4);
            assert_ne!(
                id_of(UNIVERSITY_ID, "BA-1"),
                id_of(OTHER_UNIVERSITY_ID, "BA-1")
            );
        });
    }

    #[test]
    fn a_batch_counts_each_holder_s_diplomas() {
        build_and_execute(|| {
            accredit_university();
            issue("BA-1");

            assert_ok!(try_issue_batch(
                DEAN,
                vec![
                    spec("BA-2", BOB_ID, TODAY),
                    spec("BA-3", ALICE_ID, TODAY),
                    spec("BA-4", BOB_ID, TODAY),
                ]
            ));

            assert_eq!(HolderDiplomaCount::<Test>::get(ALICE_ID), 2);
            assert_eq!(HolderDiplomaCount::<Test>::get(BOB_ID), 2);
        });
    }

    #[test]
    fn a_diploma_for_a_holder_with_max_diplomas_is_named_by_its_index() {
        build_and_execute(|| {
            accredit_university();
            alice_holds_the_most_diplomas();

            assert_noop!(
                try_issue_batch(
                    DEAN,
                    vec![spec("BA-1", BOB_ID, TODAY), spec("BA-2", ALICE_ID, TODAY)]
                ),
                item_failed(1, ItemError::TooManyDiplomasForHolder)
            );
        });
    }

    #[test]
    fn the_diploma_that_takes_its_holder_over_max_diplomas_is_named_and_nothing_is_recorded() {
        build_and_execute(|| {
            accredit_university();
            // Alice holds 2; the batch gives her 3 more (5, the most), then a sixth.
            issue("BA-1");
            issue("BA-2");

            assert_noop!(
                try_issue_batch(
                    DEAN,
                    vec![
                        spec("BA-3", ALICE_ID, TODAY),
                        spec("BA-4", BOB_ID, TODAY),
                        spec("BA-5", ALICE_ID, TODAY),
                        spec("BA-6", ALICE_ID, TODAY),
                        spec("BA-7", ALICE_ID, TODAY),
                    ]
                ),
                item_failed(4, ItemError::TooManyDiplomasForHolder)
            );
        });
    }

    #[test]
    fn a_batch_refused_at_its_kth_diploma_is_charged_for_k_diplomas_only() {
        build_and_execute(|| {
            accredit_university();
            let charged = |diplomas: Vec<DiplomaSpec>| {
                Diplomas::issue_batch(RuntimeOrigin::signed(DEAN), batch(diplomas))
                    .expect_err("refused")
                    .post_info
                    .actual_weight
            };
            let weight = <<Test as crate::Config>::WeightInfo as crate::WeightInfo>::issue_batch;

            assert_eq!(
                charged(specs(&["BA-1", "BA-2", "", "BA-4", "BA-5"])),
                Some(weight(3))
            );
            assert_eq!(charged(specs(&["", "BA-2"])), Some(weight(1)));
            assert_eq!(charged(vec![]), Some(weight(0)));
            assert!(weight(3).all_lt(weight(5)));
        });
    }

    #[test]
    fn a_batch_refused_before_its_first_diploma_is_charged_for_none() {
        build_and_execute(|| {
            // Not accredited: refused before any diploma is looked at.
            let refused = Diplomas::issue_batch(
                RuntimeOrigin::signed(DEAN),
                batch(specs(&["BA-1", "BA-2", "BA-3"])),
            )
            .expect_err("not accredited");
            assert_eq!(
                refused.post_info.actual_weight,
                Some(<<Test as crate::Config>::WeightInfo as crate::WeightInfo>::issue_batch(0))
            );
        });
    }

    #[test]
    fn an_empty_batch_is_refused() {
        build_and_execute(|| {
            accredit_university();

            assert_noop!(try_issue_batch(DEAN, vec![]), Error::<Test>::EmptyBatch);
        });
    }

    #[test]
    fn a_batch_over_max_size_does_not_decode() {
        build_and_execute(|| {
            let full = specs(&["BA-1", "BA-2", "BA-3", "BA-4", "BA-5"]);
            let call = Call::<Test>::issue_batch {
                diplomas: batch(full.clone()),
            };
            assert_eq!(call.encode(), (6u8, &full).encode());
            assert!(decodes_as_call(6, &full));

            let over = specs(&["BA-1", "BA-2", "BA-3", "BA-4", "BA-5", "BA-6"]);

            assert!(!decodes_as_call(6, &over));
        });
    }

    #[test]
    fn a_count_that_would_overflow_is_refused() {
        build_and_execute(|| {
            accredit_university();
            DiplomaCount::<Test>::put(u64::MAX - 1);

            assert_noop!(
                try_issue_batch(DEAN, specs(&["BA-1", "BA-2"])),
                Error::<Test>::Overflow
            );

            DiplomaCount::<Test>::kill();
        });
    }

    #[test]
    fn the_weight_grows_with_the_number_of_diplomas() {
        build_and_execute(|| {
            assert_weight_grows_with_batch_size(|n| {
                let diplomas = (0..n).map(|i| today_spec(&format!("BA-{i}"))).collect();
                Call::<Test>::issue_batch {
                    diplomas: batch(diplomas),
                }
            });
        });
    }

    #[test]
    fn only_a_serving_dean_issues_a_batch() {
        build_and_execute(|| {
            accredit_university();

            assert_only_serving_officers(DEAN, &[JUDGE], |origin| {
                without_post_info(Diplomas::issue_batch(origin, batch(specs(&["BA-1"]))))
            });
        });
    }
}

/// What keeps a university from issuing today refuses single diplomas and batches alike.
mod not_accredited_today {
    use super::*;

    #[test]
    fn a_university_never_accredited_cannot_issue() {
        build_and_execute(|| {
            assert_cannot_issue(TODAY, Error::<Test>::NotAccredited);
        });
    }

    #[test]
    fn a_university_accredited_only_from_tomorrow_cannot_issue() {
        build_and_execute(|| {
            accredit(UNIVERSITY_ID, TODAY + 1, TODAY + 100);

            assert_cannot_issue(TODAY, Error::<Test>::NotAccredited);
        });
    }

    #[test]
    fn a_university_whose_period_lapsed_cannot_issue_even_for_its_period() {
        build_and_execute(|| {
            accredit(UNIVERSITY_ID, TODAY - 10, TODAY + 5);
            advance_days(6);

            // Both days are within the period that lapsed.
            for issued_on in [TODAY - 6, TODAY] {
                assert_cannot_issue(issued_on, Error::<Test>::NotAccredited);
            }
        });
    }

    #[test]
    fn a_suspended_university_cannot_issue() {
        build_and_execute(|| {
            accredit_university();
            suspend_university();

            // Both days are still within the period the suspension cut short.
            for issued_on in [TODAY - 1, TODAY] {
                assert_cannot_issue(issued_on, Error::<Test>::AccreditationSuspended);
            }
        });
    }

    #[test]
    fn a_university_whose_accreditation_was_withdrawn_cannot_issue() {
        build_and_execute(|| {
            accredit_university();
            withdraw_university(None);

            // Both days are still within the period the withdrawal cut short.
            for issued_on in [TODAY - 1, TODAY] {
                assert_cannot_issue(issued_on, Error::<Test>::AccreditationWithdrawn);
            }
        });
    }
}
