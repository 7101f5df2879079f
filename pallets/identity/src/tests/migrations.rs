//! A register from before storage version 2 gets its active citizens counted on upgrade; one
//! from before version 3 gets each citizen's account record.

use crate::{
    migrations::{v2::CountActiveCitizens, v3},
    mock::*,
    ActiveCitizens, ActiveCitizensIn, CitizenAccount, CitizenByAccount, DeactivationReason,
    FeeFreeIdentity, FeeFreeUsage, Pallet, QuotaUsage,
};
use frame_support::{
    assert_ok,
    traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};
use govchain_primitives::identity::KycTier;

#[test]
fn upgrading_from_version_1_counts_the_active_citizens() {
    build_and_execute(|| {
        // Citizen 0 (region 7) from the fixture; two more in region 3, one of whom died.
        for (account, national) in [(30, 30), (31, 31)] {
            assert_ok!(Identity::register_citizen(
                RuntimeOrigin::signed(REGISTRAR),
                account,
                national_id(national),
                Some(3),
                KycTier::Basic,
            ));
        }
        assert_ok!(Identity::deactivate_citizen(
            RuntimeOrigin::signed(REGISTRAR),
            2,
            DeactivationReason::Deceased
        ));
        // As a version 1 register: no counts.
        ActiveCitizens::<Test>::kill();
        let _ = ActiveCitizensIn::<Test>::clear(u32::MAX, None);
        StorageVersion::new(1).put::<Pallet<Test>>();

        CountActiveCitizens::<Test>::on_runtime_upgrade();

        assert_eq!(ActiveCitizens::<Test>::get(), 2);
        let mut regions: Vec<_> = ActiveCitizensIn::<Test>::iter().collect();
        regions.sort_unstable();
        assert_eq!(regions, vec![(3, 1), (CITIZEN_REGION, 1)]);
        assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);

        // At version 2 it does not run again: a planted wrong count stays.
        ActiveCitizens::<Test>::put(99);
        CountActiveCitizens::<Test>::on_runtime_upgrade();
        assert_eq!(ActiveCitizens::<Test>::get(), 99);
        ActiveCitizens::<Test>::put(2);
    });
}

/// A register at version 2: each account indexes its citizen's id alone, and citizens' fee-free
/// usage is kept per identity in `FeeFreeUsage`. Citizens: 0 (the fixture's, with quota used),
/// 1 (an officer's account too), 2 (deceased).
fn version_2_register() {
    assert_ok!(Identity::register_citizen(
        RuntimeOrigin::signed(REGISTRAR),
        31,
        national_id(31),
        None,
        KycTier::Enhanced,
    ));
    appoint(CIVIL_REGISTRY, 31);
    assert_ok!(Identity::register_citizen(
        RuntimeOrigin::signed(REGISTRAR),
        32,
        national_id(32),
        None,
        KycTier::Basic,
    ));
    assert_ok!(Identity::deactivate_citizen(
        RuntimeOrigin::signed(REGISTRAR),
        2,
        DeactivationReason::Deceased
    ));
    let period = Identity::current_quota_period();
    let records: Vec<_> = CitizenByAccount::<Test>::drain().collect();
    for (account, record) in records {
        v3::OldCitizenByAccount::<Test>::insert(account, record.citizen);
    }
    FeeFreeUsage::<Test>::insert(
        FeeFreeIdentity::Citizen(CITIZEN_ID),
        QuotaUsage { period, used: 2 },
    );
    StorageVersion::new(2).put::<Pallet<Test>>();
}

#[test]
fn upgrading_from_version_2_keeps_each_citizen_with_its_account() {
    build_and_execute(|| {
        version_2_register();
        let period = Identity::current_quota_period();

        v3::CitizenAccountRecords::<Test>::on_runtime_upgrade();

        assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3);
        let mut records: Vec<_> = CitizenByAccount::<Test>::iter().collect();
        records.sort_by_key(|(account, _)| *account);
        let record = |citizen, active, kyc_tier, officer, used| CitizenAccount {
            citizen,
            active,
            kyc_tier,
            officer,
            fee_free: if used > 0 {
                QuotaUsage { period, used }
            } else {
                QuotaUsage::default()
            },
        };
        assert_eq!(
            records,
            vec![
                (
                    CITIZEN,
                    record(CITIZEN_ID, true, KycTier::Standard, false, 2)
                ),
                (31, record(1, true, KycTier::Enhanced, true, 0)),
                (32, record(2, false, KycTier::Basic, false, 0)),
            ]
        );
        // The usage moved into the account record: the quota is where it was.
        assert_eq!(FeeFreeUsage::<Test>::iter().count(), 0);
        assert_eq!(
            Identity::quota_used(&FeeFreeIdentity::Citizen(CITIZEN_ID)),
            2
        );
    });
}

#[test]
fn the_version_3_migration_runs_once() {
    build_and_execute(|| {
        version_2_register();
        v3::CitizenAccountRecords::<Test>::on_runtime_upgrade();
        let after: Vec<_> = CitizenByAccount::<Test>::iter().collect();

        // At version 3 it does not run again: old-format entries planted now stay undecoded.
        v3::OldCitizenByAccount::<Test>::insert(77, 9);
        v3::CitizenAccountRecords::<Test>::on_runtime_upgrade();
        assert_eq!(v3::OldCitizenByAccount::<Test>::get(77), Some(9));
        v3::OldCitizenByAccount::<Test>::remove(77);
        assert_eq!(CitizenByAccount::<Test>::iter().collect::<Vec<_>>(), after);
    });
}
