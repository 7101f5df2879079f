//! A register from before storage version 2 gets its active citizens counted on upgrade.

use crate::{
    migrations::v2::CountActiveCitizens, mock::*, ActiveCitizens, ActiveCitizensIn,
    DeactivationReason, Pallet,
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
