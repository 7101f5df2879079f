//! A reserve from before storage version 2, whose valuations all counted as recorded, waits
//! for an auditor after the upgrade: nothing counts, every asset is unattested, minting stops
//! and the supply already issued shows as the coverage deficit.

use super::*;
use crate::{
    migrations::v2::{v1, AwaitAuditor},
    AssetClass, Balances, Pallet, ReserveAsset, ReserveAssetCount, ReserveAssets, ReserveValue,
    TotalSupply, UnattestedAssets,
};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

/// The gold of a version 1 reserve.
fn old_gold() -> v1::ReserveAsset<u64> {
    v1::ReserveAsset {
        class: AssetClass::Gold,
        code: code("XAU"),
        quantity: 1_000,
        valuation: 3_000,
        attestation: attestation(1),
    }
}

/// A version 1 reserve of gold worth 3 000 and dollars worth 1 000, with 2 000 issued to the
/// bank.
fn version_1_reserve() {
    v1::ReserveAssets::<Test>::insert(0, old_gold());
    v1::ReserveAssets::<Test>::insert(
        1,
        v1::ReserveAsset {
            class: AssetClass::ForeignCurrency,
            code: code("USD"),
            quantity: 5,
            valuation: 1_000,
            attestation: attestation(2),
        },
    );
    crate::NextAssetId::<Test>::put(2);
    ReserveAssetCount::<Test>::put(2);
    ReserveValue::<Test>::put(4_000);
    Balances::<Test>::insert(BANK, 2_000);
    TotalSupply::<Test>::put(2_000);
    StorageVersion::new(1).put::<Pallet<Test>>();
}

#[test]
fn upgrading_from_version_1_keeps_every_asset_unattested_and_counting_nothing() {
    build_and_execute(|| {
        version_1_reserve();

        AwaitAuditor::<Test>::on_runtime_upgrade();

        let old = old_gold();
        assert_eq!(
            ReserveAssets::<Test>::get(0),
            Some(ReserveAsset {
                class: old.class,
                code: old.code,
                quantity: old.quantity,
                valuation: old.valuation,
                attestation: old.attestation,
                audit: None,
                counted: 0,
            })
        );
        assert_eq!(ReserveAssets::<Test>::iter().count(), 2);
        assert_eq!(ReserveValue::<Test>::get(), 0);
        assert_eq!(UnattestedAssets::<Test>::get(), 2);
        assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
        assert_eq!(Cbdc::coverage_deficit(), 2_000);
        assert_eq!(Cbdc::mint_headroom(), 0);
    });
}

#[test]
fn after_the_upgrade_the_auditor_s_attestations_restore_coverage() {
    build_and_execute(|| {
        version_1_reserve();
        AwaitAuditor::<Test>::on_runtime_upgrade();

        attest(0);
        attest(1);

        assert_eq!(ReserveValue::<Test>::get(), 4_000);
        assert_eq!(Cbdc::coverage_deficit(), 0);
        assert_eq!(Cbdc::mint_headroom(), 2_000);
    });
}

#[test]
fn the_upgrade_runs_once() {
    build_and_execute(|| {
        version_1_reserve();
        AwaitAuditor::<Test>::on_runtime_upgrade();
        attest(0);

        AwaitAuditor::<Test>::on_runtime_upgrade();

        assert_eq!(ReserveValue::<Test>::get(), 3_000);
        assert_eq!(UnattestedAssets::<Test>::get(), 1);
    });
}
