//! The diploma register in the real runtime: the ministry, a university, a court and the civil
//! registry from the identity pallet, a graduating class issued in one batch, a court's
//! revocation, a legacy import, and the runtime API that the node's `diplomas_*` RPC methods
//! serve.

use super::{
    account, assert_invariants, pass_council_motion, preset_externalities, register_institution,
};
use crate::{Diplomas, Identity, Runtime, RuntimeCall, RuntimeOrigin, System};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use govchain_primitives::identity::{IdentityProvider, KycTier, Role};
use pallet_diplomas::{
    DegreeLevel, DiplomaSpec, Error, Issuer, ItemError, LegacyDiploma, Period, Provenance,
    RevocationReason, Serial, Standing, Verification,
};
use pallet_diplomas_runtime_api::runtime_decl_for_diplomas_api::DiplomasApiV1;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::Dave;

/// 2026-06-30, in days since 1970-01-01.
const GRADUATION_DAY: u32 = 20_634;

fn diploma(serial: &str, holder: u64, issued_on: u32, document: u8) -> DiplomaSpec {
    DiplomaSpec {
        serial: Serial::truncate_from(serial.as_bytes().to_vec()),
        holder,
        degree: DegreeLevel::Master,
        field: 613,
        issued_on,
        document_hash: H256::repeat_byte(document),
    }
}

#[test]
fn a_class_graduates_in_one_batch_a_court_revokes_a_diploma_and_verifiers_see_it() {
    preset_externalities("local_testnet").execute_with(|| {
        let (minister, dean, registrar, judge) = (
            account("Minister"),
            account("Dean"),
            account("Registrar"),
            account("Judge"),
        );
        let signed = |who: &crate::AccountId| RuntimeOrigin::signed(who.clone());
        // Noon of graduation day, as the block author's timestamp says (and Aura's slot with it,
        // as a real block's would be).
        let noon = u64::from(GRADUATION_DAY) * 86_400_000 + 43_200_000;
        pallet_timestamp::Now::<Runtime>::put(noon);
        pallet_aura::CurrentSlot::<Runtime>::put(sp_consensus_aura::Slot::from(
            noon / crate::SLOT_DURATION,
        ));
        assert_eq!(Diplomas::today(), GRADUATION_DAY);

        // Given the ministry, a university, the civil registry and a court, with officers…
        pass_council_motion(RuntimeCall::Utility(pallet_utility::Call::batch_all {
            calls: vec![
                register_institution("MOE", vec![Role::EducationMinistry]),
                register_institution("UNI", vec![Role::University]),
                register_institution("PSA", vec![Role::CivilRegistry]),
                register_institution("COURT", vec![Role::Court]),
            ],
        }));
        let expires = System::block_number() + 30 * crate::DAYS;
        for (institution, officer) in [(0, &minister), (1, &dean), (2, &registrar), (3, &judge)] {
            assert_ok!(Identity::appoint_officer(
                signed(&Dave.to_account_id()),
                institution,
                officer.clone(),
                expires
            ));
        }
        // …and three graduates.
        let graduates: Vec<u64> = (1u8..=3)
            .map(|n| {
                let who = account(&format!("Graduate{n}"));
                assert_ok!(Identity::register_citizen(
                    signed(&registrar),
                    who.clone(),
                    H256::repeat_byte(n),
                    None,
                    KycTier::Basic
                ));
                Identity::citizen_of(&who).expect("a citizen")
            })
            .collect();

        // The university cannot issue before the ministry accredits it.
        assert_noop!(
            Diplomas::issue(
                signed(&dean),
                diploma("MS-1", graduates[0], GRADUATION_DAY, 1)
            ),
            Error::<Runtime>::NotAccredited
        );
        // Accredited since 2020-09-01 for eleven years…
        assert_ok!(Diplomas::accredit(
            signed(&minister),
            1,
            Period {
                from: 18_506,
                until: 22_522
            }
        ));
        // …it issues the class of 2026 in one batch, one of them backdated to last year.
        assert_ok!(Diplomas::issue_batch(
            signed(&dean),
            frame_support::BoundedVec::truncate_from(vec![
                diploma("MS-2026/001", graduates[0], GRADUATION_DAY, 1),
                diploma("MS-2026/002", graduates[1], GRADUATION_DAY, 2),
                diploma("MS-2025/117", graduates[2], 20_266, 3),
            ])
        ));
        // A repeated serial fails the whole batch, naming the item; the batch is charged for
        // the two diplomas it got to.
        let two = <<Runtime as pallet_diplomas::Config>::WeightInfo as pallet_diplomas::WeightInfo>::issue_batch(2);
        assert_noop!(
            Diplomas::issue_batch(
                signed(&dean),
                frame_support::BoundedVec::truncate_from(vec![
                    diploma("MS-2026/003", graduates[2], GRADUATION_DAY, 4),
                    diploma("MS-2026/001", graduates[2], GRADUATION_DAY, 4),
                ])
            ),
            frame_support::dispatch::WithPostDispatchInfo::with_weight(
                sp_runtime::DispatchError::from(Error::<Runtime>::BatchItemFailed {
                    index: 1,
                    error: ItemError::DuplicateSerial
                }),
                two
            )
        );

        // Anyone computes the id from issuer and serial, and verifies the document.
        let first = Runtime::diploma_id(Issuer::Institution(1), b"MS-2026/001".to_vec())
            .expect("a serial fits");
        assert_eq!(
            Runtime::verify(first, H256::repeat_byte(1)),
            Verification::Valid
        );
        assert_eq!(
            Runtime::verify(first, H256::repeat_byte(9)),
            Verification::HashMismatch
        );
        assert_eq!(
            Runtime::verify(H256::repeat_byte(0xee), H256::repeat_byte(1)),
            Verification::Unknown
        );
        assert_eq!(
            Runtime::diploma_id(Issuer::Institution(1), vec![b'9'; 33]),
            None
        );

        // A court revokes one by order; verifiers learn why and when.
        assert_ok!(Diplomas::revoke(
            signed(&judge),
            first,
            RevocationReason::CourtOrder
        ));
        let revoked_at = System::block_number();
        assert_eq!(
            Runtime::verify(first, H256::repeat_byte(1)),
            Verification::Revoked {
                reason: RevocationReason::CourtOrder,
                at: revoked_at
            }
        );
        let record = Runtime::diploma(first).expect("registered");
        assert_eq!(record.history.len(), 1);
        assert!(record.issuer_accredited_on_issue_date);
        assert_eq!(Runtime::diplomas_of(graduates[0], None, 10), vec![first]);

        // The ministry imports a 1998 diploma of a university closed since.
        assert_ok!(Diplomas::import_legacy(
            signed(&minister),
            frame_support::BoundedVec::truncate_from(vec![LegacyDiploma {
                issuer: Issuer::Historic(4_711),
                spec: diploma("D-1998-0042", graduates[1], 10_407, 5),
            }])
        ));
        let legacy = Runtime::diploma_id(Issuer::Historic(4_711), b"D-1998-0042".to_vec())
            .expect("a serial fits");
        assert_eq!(
            Runtime::verify(legacy, H256::repeat_byte(5)),
            Verification::Valid
        );
        assert_eq!(
            Runtime::diploma(legacy).expect("imported").provenance,
            Provenance::Imported { ministry: 0 }
        );
        assert_eq!(Runtime::diplomas_of(graduates[1], None, 10).len(), 2);

        let accreditation = Runtime::accreditation(1).expect("accredited");
        assert_eq!(accreditation.standing, Standing::Accredited);
        assert!(accreditation.may_issue_today);
        assert_eq!(Runtime::accreditation(2), None);
        assert_invariants();
    });
}

#[test]
fn a_full_batch_fits_an_officer_s_fee_free_transaction() {
    preset_externalities("local_testnet").execute_with(|| {
        let batch_size: u32 = <Runtime as pallet_diplomas::Config>::MaxBatchSize::get();
        assert!(batch_size >= 1_000);
        let longest_serial = "S".repeat(pallet_diplomas::MAX_SERIAL_LEN as usize);
        let call = RuntimeCall::Diplomas(pallet_diplomas::Call::issue_batch {
            diplomas: (0..batch_size)
                .map(|_| diploma(&longest_serial, u64::MAX, GRADUATION_DAY, 1))
                .collect::<Vec<_>>()
                .try_into()
                .expect("a full batch"),
        });
        let max_weight = <Runtime as pallet_identity_registry::Config>::MaxFeeFreeWeight::get();
        let max_length =
            <Runtime as pallet_identity_registry::Config>::MaxOfficerFeeFreeLength::get();
        let weight = call.get_dispatch_info().total_weight();
        assert!(
            weight.all_lte(max_weight),
            "a batch of {batch_size} weighs {weight:?}, over the fee-free {max_weight:?}"
        );
        // The call plus a signature, address and extensions of a few hundred bytes.
        let length = call.encoded_size() + 256;
        assert!(
            length <= max_length as usize,
            "a batch of {batch_size} is {length} bytes, over the fee-free {max_length}"
        );
    });
}
