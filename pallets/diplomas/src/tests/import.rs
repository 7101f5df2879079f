//! The ministry imports diplomas awarded before the register existed, with their original
//! dates and issuers (registered universities still active, for the time before their first
//! accreditation on chain, or historic bodies by their code), all or none; they are flagged as
//! imported and need no accreditation.

use super::*;
use crate::{
    Call, Diploma, DiplomaCount, HolderDiplomaCount, HolderDiplomas, Provenance, Records, Status,
};
use frame_support::assert_ok;

/// A body that closed before the register existed.
const CLOSED_INSTITUTE: Issuer = Issuer::Historic(7_001);

/// 1985-06-28, in days since 1970-01-01.
const IN_1985: Day = 5_657;

fn import(officer: u64, diplomas: Vec<LegacyDiploma>) -> DispatchResult {
    without_post_info(Diplomas::import_legacy(
        RuntimeOrigin::signed(officer),
        batch(diplomas),
    ))
}

/// Alice's diplomas of the closed institute numbered `numbers`, dated in 1985.
fn historic(numbers: &[&str]) -> Vec<LegacyDiploma> {
    numbers
        .iter()
        .map(|number| legacy(CLOSED_INSTITUTE, number, ALICE_ID, IN_1985))
        .collect()
}

#[test]
fn the_ministry_imports_diplomas_of_a_registered_and_a_historic_issuer() {
    build_and_execute(|| {
        System::set_block_number(7);
        let registered = Issuer::Institution(UNIVERSITY_ID);
        let batch = vec![
            legacy(registered, "1999/17", ALICE_ID, 10_600),
            legacy(CLOSED_INSTITUTE, "S-0042", BOB_ID, IN_1985),
        ];

        assert_ok!(import(MINISTER, batch.clone()));

        let ids = [
            id_by(registered, "1999/17"),
            id_by(CLOSED_INSTITUTE, "S-0042"),
        ];
        for (id, diploma) in ids.iter().zip(&batch) {
            assert_eq!(
                Records::<Test>::get(id),
                Some(Diploma {
                    issuer: diploma.issuer,
                    spec: diploma.spec.clone(),
                    provenance: Provenance::Imported {
                        ministry: MINISTRY_ID
                    },
                    recorded_at: 7,
                    status: Status::Valid,
                })
            );
            assert!(HolderDiplomas::<Test>::contains_key(
                diploma.spec.holder,
                id
            ));
        }
        assert_eq!(DiplomaCount::<Test>::get(), 2);
        assert_eq!(
            diploma_events(),
            vec![
                Event::DiplomaImported {
                    id: ids[0],
                    issuer: registered,
                    holder: ALICE_ID,
                    ministry: MINISTRY_ID
                },
                Event::DiplomaImported {
                    id: ids[1],
                    issuer: CLOSED_INSTITUTE,
                    holder: BOB_ID,
                    ministry: MINISTRY_ID
                },
            ]
        );
    });
}

#[test]
fn a_diploma_dated_on_the_first_day_of_the_calendar_is_imported() {
    build_and_execute(|| {
        assert_ok!(import(
            MINISTER,
            vec![legacy(CLOSED_INSTITUTE, "1", ALICE_ID, 0)]
        ));

        assert_eq!(
            Records::<Test>::get(id_by(CLOSED_INSTITUTE, "1"))
                .map(|diploma| diploma.spec.issued_on),
            Some(0)
        );
    });
}

#[test]
fn a_diploma_dated_today_is_imported() {
    build_and_execute(|| {
        assert_ok!(import(
            MINISTER,
            vec![legacy(CLOSED_INSTITUTE, "1", ALICE_ID, TODAY)]
        ));
    });
}

#[test]
fn a_batch_of_max_size_is_imported() {
    build_and_execute(|| {
        assert_ok!(import(MINISTER, historic(&["1", "2", "3", "4", "5"])));

        assert_eq!(DiplomaCount::<Test>::get(), 5);
        assert_eq!(diploma_events().len(), 5);
    });
}

#[test]
fn imported_diplomas_verify_valid_without_any_accreditation() {
    build_and_execute(|| {
        let registered = Issuer::Institution(OTHER_UNIVERSITY_ID);
        assert_ok!(import(
            MINISTER,
            vec![
                legacy(registered, "A-1", ALICE_ID, IN_1985),
                legacy(CLOSED_INSTITUTE, "B-1", ALICE_ID, IN_1985),
            ]
        ));

        assert!(Diplomas::accreditation_record(OTHER_UNIVERSITY_ID).is_none());
        let ids = [id_by(registered, "A-1"), id_by(CLOSED_INSTITUTE, "B-1")];
        assert_eq!(ids.map(verification_of), [Verification::Valid; 2]);
    });
}

#[test]
fn a_historic_code_and_an_institution_with_the_same_number_are_different_issuers() {
    build_and_execute(|| {
        assert_ok!(import(
            MINISTER,
            vec![
                legacy(Issuer::Institution(UNIVERSITY_ID), "A-1", ALICE_ID, IN_1985),
                legacy(Issuer::Historic(UNIVERSITY_ID), "A-1", ALICE_ID, IN_1985),
            ]
        ));

        assert_ne!(
            id_by(Issuer::Institution(UNIVERSITY_ID), "A-1"),
            id_by(Issuer::Historic(UNIVERSITY_ID), "A-1")
        );
        assert_eq!(DiplomaCount::<Test>::get(), 2);
    });
}

#[test]
fn an_imported_serial_is_taken_for_the_university_that_issued_it() {
    build_and_execute(|| {
        assert_ok!(import(
            MINISTER,
            vec![legacy(
                Issuer::Institution(UNIVERSITY_ID),
                "BA-1",
                ALICE_ID,
                IN_1985
            )]
        ));
        accredit_university();

        assert_noop!(
            Diplomas::issue(RuntimeOrigin::signed(DEAN), spec("BA-1", BOB_ID, TODAY)),
            Error::<Test>::DuplicateSerial
        );
    });
}

#[test]
fn an_inactive_institution_is_an_unknown_issuer() {
    build_and_execute(|| {
        Identity::suspend_institution(OTHER_UNIVERSITY_ID);
        let mut batch = historic(&["1", "2", "3"]);
        batch[2].issuer = Issuer::Institution(OTHER_UNIVERSITY_ID);

        assert_noop!(
            import(MINISTER, batch),
            item_failed(2, ItemError::UnknownIssuer)
        );
    });
}

#[test]
fn an_institution_that_is_not_a_university_is_an_unknown_issuer() {
    build_and_execute(|| {
        let mut batch = historic(&["1", "2"]);
        batch[1].issuer = Issuer::Institution(COURT_ID);

        assert_noop!(
            import(MINISTER, batch),
            item_failed(1, ItemError::UnknownIssuer)
        );
    });
}

#[test]
fn an_institution_that_does_not_exist_is_an_unknown_issuer() {
    build_and_execute(|| {
        let mut batch = historic(&["1", "2"]);
        batch[0].issuer = Issuer::Institution(42);

        assert_noop!(
            import(MINISTER, batch),
            item_failed(0, ItemError::UnknownIssuer)
        );
    });
}

#[test]
fn an_invalid_serial_is_named_by_its_index() {
    build_and_execute(|| {
        assert_noop!(
            import(MINISTER, historic(&["1", "2", "3", "no serial"])),
            item_failed(3, ItemError::InvalidSerial)
        );
        assert_noop!(
            import(MINISTER, historic(&[""])),
            item_failed(0, ItemError::InvalidSerial)
        );
    });
}

#[test]
fn a_field_code_above_9999_is_named_by_its_index() {
    build_and_execute(|| {
        let mut batch = historic(&["1", "2"]);
        batch[1].spec.field = 10_000;

        assert_noop!(
            import(MINISTER, batch),
            item_failed(1, ItemError::InvalidFieldCode)
        );
    });
}

#[test]
fn a_holder_who_is_no_citizen_is_named_by_its_index() {
    build_and_execute(|| {
        let mut batch = historic(&["1", "2", "3", "4"]);
        batch[3].spec.holder = UNKNOWN_CITIZEN;

        assert_noop!(
            import(MINISTER, batch),
            item_failed(3, ItemError::UnknownHolder)
        );
    });
}

#[test]
fn a_diploma_dated_in_the_future_is_named_by_its_index() {
    build_and_execute(|| {
        let mut batch = historic(&["1", "2"]);
        batch[1].spec.issued_on = TODAY + 1;

        assert_noop!(
            import(MINISTER, batch),
            item_failed(1, ItemError::IssueDateInFuture)
        );
    });
}

#[test]
fn a_serial_repeated_within_the_batch_is_named_at_its_second_use() {
    build_and_execute(|| {
        assert_noop!(
            import(MINISTER, historic(&["1", "2", "3", "2"])),
            item_failed(3, ItemError::DuplicateSerial)
        );
    });
}

#[test]
fn a_serial_imported_before_is_named_by_its_index() {
    build_and_execute(|| {
        assert_ok!(import(MINISTER, historic(&["1"])));

        assert_noop!(
            import(MINISTER, historic(&["2", "1"])),
            item_failed(1, ItemError::DuplicateSerial)
        );
    });
}

#[test]
fn a_serial_the_university_issued_is_named_by_its_index() {
    build_and_execute(|| {
        accredit_university();
        issue("BA-1");

        assert_noop!(
            import(
                MINISTER,
                vec![legacy(
                    Issuer::Institution(UNIVERSITY_ID),
                    "BA-1",
                    BOB_ID,
                    IN_1985
                )]
            ),
            item_failed(0, ItemError::DuplicateSerial)
        );
    });
}

#[test]
fn an_empty_batch_is_refused() {
    build_and_execute(|| {
        assert_noop!(import(MINISTER, vec![]), Error::<Test>::EmptyBatch);
    });
}

#[test]
fn a_batch_over_max_size_does_not_decode() {
    let full = historic(&["1", "2", "3", "4", "5"]);
    let call = Call::<Test>::import_legacy {
        diplomas: batch(full.clone()),
    };
    assert_eq!(call.encode(), (9u8, &full).encode());
    assert!(decodes_as_call(9, &full));

    let over = historic(&["1", "2", "3", "4", "5", "6"]);

    assert!(!decodes_as_call(9, &over));
}

#[test]
fn imported_diplomas_count_for_their_holders() {
    build_and_execute(|| {
        assert_ok!(import(
            MINISTER,
            vec![
                legacy(CLOSED_INSTITUTE, "1", ALICE_ID, IN_1985),
                legacy(CLOSED_INSTITUTE, "2", BOB_ID, IN_1985),
                legacy(CLOSED_INSTITUTE, "3", ALICE_ID, IN_1985),
            ]
        ));

        assert_eq!(HolderDiplomaCount::<Test>::get(ALICE_ID), 2);
        assert_eq!(HolderDiplomaCount::<Test>::get(BOB_ID), 1);
    });
}

#[test]
fn a_diploma_for_a_holder_with_max_diplomas_is_named_by_its_index() {
    build_and_execute(|| {
        assert_ok!(import(MINISTER, historic(&["1", "2", "3", "4", "5"])));

        assert_noop!(
            import(
                MINISTER,
                vec![
                    legacy(CLOSED_INSTITUTE, "6", BOB_ID, IN_1985),
                    legacy(CLOSED_INSTITUTE, "7", ALICE_ID, IN_1985),
                ]
            ),
            item_failed(1, ItemError::TooManyDiplomasForHolder)
        );
    });
}

#[test]
fn issued_and_imported_diplomas_count_together() {
    build_and_execute(|| {
        accredit_university();
        assert_ok!(import(MINISTER, historic(&["1", "2", "3"])));
        issue("BA-1");
        issue("BA-2");

        assert_eq!(HolderDiplomaCount::<Test>::get(ALICE_ID), 5);
        assert_noop!(
            import(MINISTER, historic(&["4"])),
            item_failed(0, ItemError::TooManyDiplomasForHolder)
        );
    });
}

#[test]
fn a_count_that_would_overflow_is_refused() {
    build_and_execute(|| {
        DiplomaCount::<Test>::put(u64::MAX);

        assert_noop!(import(MINISTER, historic(&["1"])), Error::<Test>::Overflow);

        DiplomaCount::<Test>::kill();
    });
}

#[test]
fn the_weight_grows_with_the_number_of_diplomas() {
    build_and_execute(|| {
        assert_weight_grows_with_batch_size(|n| {
            let numbers: Vec<_> = (0..n).map(|i| i.to_string()).collect();
            let numbers: Vec<_> = numbers.iter().map(String::as_str).collect();
            Call::<Test>::import_legacy {
                diplomas: batch(historic(&numbers)),
            }
        });
    });
}

#[test]
fn an_import_refused_at_its_kth_diploma_is_charged_for_k_diplomas_only() {
    build_and_execute(|| {
        let mut diplomas = historic(&["1", "2", "3", "4"]);
        diplomas[1].spec.issued_on = Day::MAX;
        let refused = Diplomas::import_legacy(RuntimeOrigin::signed(MINISTER), batch(diplomas))
            .expect_err("a diploma from the future");
        assert_eq!(
            refused.post_info.actual_weight,
            Some(<<Test as crate::Config>::WeightInfo as crate::WeightInfo>::import_legacy(2))
        );
    });
}

#[test]
fn only_a_serving_minister_imports() {
    build_and_execute(|| {
        assert_only_serving_officers(MINISTER, &[DEAN], |origin| {
            without_post_info(Diplomas::import_legacy(origin, batch(historic(&["1"]))))
        });
    });
}

#[test]
fn a_registered_university_s_diploma_dated_within_the_register_is_refused() {
    build_and_execute(|| {
        accredit_university();
        let registered = Issuer::Institution(UNIVERSITY_ID);

        assert_noop!(
            import(
                MINISTER,
                vec![
                    legacy(registered, "OLD-1", ALICE_ID, TODAY - 101),
                    legacy(registered, "NEW-1", ALICE_ID, TODAY - 100),
                ]
            ),
            item_failed(1, ItemError::DatedWithinRegister)
        );
        assert_ok!(import(
            MINISTER,
            vec![legacy(registered, "OLD-1", ALICE_ID, TODAY - 101)]
        ));
    });
}

#[test]
fn after_a_withdrawal_took_every_period_away_nothing_of_that_university_is_imported() {
    build_and_execute(|| {
        accredit_university();
        withdraw_university(Some(TODAY - 101));

        assert_noop!(
            import(
                MINISTER,
                vec![legacy(
                    Issuer::Institution(UNIVERSITY_ID),
                    "OLD-1",
                    ALICE_ID,
                    IN_1985
                )]
            ),
            item_failed(0, ItemError::DatedWithinRegister)
        );
    });
}
