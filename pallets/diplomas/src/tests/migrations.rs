//! A register from before storage version 2 gets its diploma ids hashed in storage keys and its
//! holders' diplomas counted on upgrade.

use super::*;
use crate::{
    migrations::v2::{v1, RehashDiplomaKeys},
    Diploma, DiplomaCount, History, HolderDiplomaCount, HolderDiplomas, Pallet, Provenance,
    Records, Status, StatusHistory,
};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
use sp_runtime::StateVersion;

/// `UNIVERSITY_ID`'s diploma `number` for `holder`, recorded and revoked by a court at block 1,
/// with its id.
fn diploma(number: &str, holder: CitizenId) -> (DiplomaId, Diploma<Test>) {
    (
        id_of(UNIVERSITY_ID, number),
        Diploma {
            issuer: Issuer::Institution(UNIVERSITY_ID),
            spec: spec(number, holder, TODAY),
            provenance: Provenance::Issued,
            recorded_at: 1,
            status: Status::Revoked {
                reason: RevocationReason::Fraud,
                by: Authority::Court(COURT_ID),
                at: 1,
            },
        },
    )
}

/// The history of a diploma a court revoked at block 1.
fn court_revocation() -> StatusHistory<Test> {
    BoundedVec::truncate_from(vec![revoked_at(
        RevocationReason::Fraud,
        Authority::Court(COURT_ID),
        1,
    )])
}

/// Writes `diploma` as a version 1 register did: its record, its holder's index entry and its
/// history under unhashed ids.
fn write_version_1((id, diploma): &(DiplomaId, Diploma<Test>)) {
    v1::Records::<Test>::insert(id, diploma);
    v1::HolderDiplomas::<Test>::insert(diploma.spec.holder, id, ());
    v1::History::<Test>::insert(id, court_revocation());
}

/// A version 1 register of three diplomas, two of Alice's and one of Bob's, each revoked by a
/// court; returns them.
fn version_1_register() -> [(DiplomaId, Diploma<Test>); 3] {
    let diplomas = [
        diploma("BA-1", ALICE_ID),
        diploma("BA-2", BOB_ID),
        diploma("BA-3", ALICE_ID),
    ];
    diplomas.iter().for_each(write_version_1);
    DiplomaCount::<Test>::put(3);
    StorageVersion::new(1).put::<Pallet<Test>>();
    diplomas
}

/// Removes the version 1 register of `diplomas` left unmigrated: back to an empty register, for
/// the invariants.
fn clear_version_1(diplomas: &[(DiplomaId, Diploma<Test>)]) {
    for (id, diploma) in diplomas {
        v1::Records::<Test>::remove(id);
        v1::History::<Test>::remove(id);
        v1::HolderDiplomas::<Test>::remove(diploma.spec.holder, id);
    }
    DiplomaCount::<Test>::kill();
}

#[test]
fn upgrading_from_version_1_moves_every_entry_to_hashed_keys() {
    build_and_execute(|| {
        let diplomas = version_1_register();

        RehashDiplomaKeys::<Test>::on_runtime_upgrade();

        for (id, diploma) in &diplomas {
            let holder = diploma.spec.holder;
            assert_eq!(Records::<Test>::get(id).as_ref(), Some(diploma));
            assert_eq!(History::<Test>::get(id), Some(court_revocation()));
            assert!(HolderDiplomas::<Test>::contains_key(holder, id));
            assert!(!v1::Records::<Test>::contains_key(id));
            assert!(!v1::History::<Test>::contains_key(id));
            assert!(!v1::HolderDiplomas::<Test>::contains_key(holder, id));
        }
        assert_eq!(Records::<Test>::iter().count(), 3);
        assert_eq!(History::<Test>::iter().count(), 3);
        assert_eq!(HolderDiplomas::<Test>::iter().count(), 3);
        assert_eq!(
            verification_of(diplomas[0].0),
            Verification::Revoked {
                reason: RevocationReason::Fraud,
                at: 1
            }
        );
    });
}

#[test]
fn the_new_keys_hash_the_diploma_id() {
    build_and_execute(|| {
        let [(id, diploma), ..] = version_1_register();

        RehashDiplomaKeys::<Test>::on_runtime_upgrade();

        let hashed = |prefix: &[u8]| {
            [
                prefix,
                &sp_io::hashing::blake2_128(id.as_bytes()),
                id.as_bytes(),
            ]
            .concat()
        };
        let records = Records::<Test>::hashed_key_for(id);
        assert_eq!(
            records,
            hashed(&v1::Records::<Test>::hashed_key_for(id)[..32])
        );
        assert!(sp_io::storage::exists(&records));
        let index = HolderDiplomas::<Test>::hashed_key_for(diploma.spec.holder, id);
        let by_holder = &v1::HolderDiplomas::<Test>::hashed_key_for(diploma.spec.holder, id)[..48];
        assert_eq!(index, hashed(by_holder));
        assert!(sp_io::storage::exists(&index));
    });
}

#[test]
fn upgrading_from_version_1_counts_each_holder_s_diplomas() {
    build_and_execute(|| {
        version_1_register();

        RehashDiplomaKeys::<Test>::on_runtime_upgrade();

        assert_eq!(HolderDiplomaCount::<Test>::get(ALICE_ID), 2);
        assert_eq!(HolderDiplomaCount::<Test>::get(BOB_ID), 1);
        assert_eq!(HolderDiplomaCount::<Test>::iter().count(), 2);
    });
}

#[test]
fn upgrading_from_version_1_sets_version_2() {
    build_and_execute(|| {
        version_1_register();

        RehashDiplomaKeys::<Test>::on_runtime_upgrade();

        assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
        assert_eq!(
            Pallet::<Test>::on_chain_storage_version(),
            Pallet::<Test>::in_code_storage_version()
        );
    });
}

#[test]
fn the_weight_counts_every_read_and_write() {
    build_and_execute(|| {
        version_1_register();

        let weight = RehashDiplomaKeys::<Test>::on_runtime_upgrade();

        // Records and History: a key read, a `take` (read and removal) and an insert per
        // entry, 3 each; the holder index: a drained entry (read and removal) and an insert,
        // 3; a count per holder, 2; the storage version, read and written.
        let reads = 2 * 3 + 2 * 3 + 3 + 1;
        let writes = 2 * 3 + 2 * 3 + 2 * 3 + 2 + 1;
        assert_eq!(
            weight,
            <Test as frame_system::Config>::DbWeight::get().reads_writes(reads, writes)
        );
    });
}

#[test]
fn an_empty_register_only_changes_version() {
    build_and_execute(|| {
        StorageVersion::new(1).put::<Pallet<Test>>();

        let weight = RehashDiplomaKeys::<Test>::on_runtime_upgrade();

        assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
        assert_eq!(
            weight,
            <Test as frame_system::Config>::DbWeight::get().reads_writes(1, 1)
        );
    });
}

#[test]
fn at_version_2_the_migration_does_nothing() {
    build_and_execute(|| {
        version_1_register();
        RehashDiplomaKeys::<Test>::on_runtime_upgrade();
        // An entry in the old layout now would be moved by a second run.
        let (id, planted) = diploma("BA-4", BOB_ID);
        v1::Records::<Test>::insert(id, &planted);

        let root = sp_io::storage::root(StateVersion::V1);
        let weight = RehashDiplomaKeys::<Test>::on_runtime_upgrade();

        assert_eq!(sp_io::storage::root(StateVersion::V1), root);
        assert_eq!(
            weight,
            <Test as frame_system::Config>::DbWeight::get().reads(1)
        );
        assert!(v1::Records::<Test>::contains_key(id));
        assert!(!Records::<Test>::contains_key(id));
        assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
        v1::Records::<Test>::remove(id);
    });
}

#[test]
fn below_version_1_the_migration_does_nothing() {
    build_and_execute(|| {
        let diplomas = version_1_register();
        StorageVersion::new(0).put::<Pallet<Test>>();

        RehashDiplomaKeys::<Test>::on_runtime_upgrade();

        assert!(!Records::<Test>::contains_key(diplomas[0].0));
        assert_eq!(Pallet::<Test>::on_chain_storage_version(), 0);
        clear_version_1(&diplomas);
    });
}

#[cfg(feature = "try-runtime")]
mod try_runtime {
    use super::*;
    use crate::migrations::v2::RehashDiplomaKeysUnchecked;
    use frame_support::{assert_ok, traits::UncheckedOnRuntimeUpgrade};

    #[test]
    fn the_checks_before_and_after_pass() {
        build_and_execute(|| {
            version_1_register();

            assert_ok!(RehashDiplomaKeys::<Test>::try_on_runtime_upgrade(true));

            assert_eq!(HolderDiplomaCount::<Test>::get(ALICE_ID), 2);
        });
    }

    #[test]
    fn the_check_after_refuses_a_register_left_in_the_old_layout() {
        build_and_execute(|| {
            let diplomas = version_1_register();
            let state = RehashDiplomaKeysUnchecked::<Test>::pre_upgrade().unwrap();

            assert!(RehashDiplomaKeysUnchecked::<Test>::post_upgrade(state).is_err());

            clear_version_1(&diplomas);
        });
    }

    #[test]
    fn a_holder_over_max_diplomas_is_refused_before_the_upgrade() {
        build_and_execute(|| {
            StorageVersion::new(1).put::<Pallet<Test>>();
            let over = MaxDiplomasPerHolder::get() + 1;
            let ids: Vec<_> = (0..over)
                .map(|n| diploma(&format!("BA-{n}"), ALICE_ID).0)
                .collect();
            for id in &ids {
                v1::HolderDiplomas::<Test>::insert(ALICE_ID, id, ());
            }

            assert!(RehashDiplomaKeys::<Test>::pre_upgrade().is_err());

            for id in &ids {
                v1::HolderDiplomas::<Test>::remove(ALICE_ID, id);
            }
        });
    }
}
