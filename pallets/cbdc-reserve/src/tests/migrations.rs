//! A reserve from before storage version 2, whose valuations all counted as recorded, waits
//! for an auditor after the upgrade: nothing counts, every asset is unattested, minting stops
//! and the supply already issued shows as the coverage deficit. A register from before
//! version 3 gets each holder's balance, outflow and freeze in one record.

use super::*;
use crate::{
    migrations::{
        v2::{v1, AwaitAuditor},
        v3::{self, MergeHolders},
    },
    AssetClass, Freeze, Holder, Holders, Outflow, Pallet, ReserveAsset, ReserveAssetCount,
    ReserveAssets, ReserveValue, TotalSupply, UnattestedAssets,
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
    Cbdc::put_holder(
        &BANK,
        Holder {
            balance: 2_000,
            ..Default::default()
        },
    );
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

/// A version 2 register: the bank holds 1 500, Alice 300 and sent 200 today, Bob holds 200
/// frozen by the court, Carol sent her last 100 and holds nothing.
fn version_2_holders() -> Freeze<u64, u64> {
    let _ = Holders::<Test>::clear(u32::MAX, None);
    let freeze = Freeze {
        court: COURT_ID,
        case: case(1),
        since: 1,
        balance: 200,
    };
    for (party, balance) in [(BANK, 1_500), (ALICE_ID, 300), (BOB_ID, 200)] {
        v3::v2::Balances::<Test>::insert(party, balance);
    }
    v3::v2::Outflows::<Test>::insert(
        ALICE_ID,
        Outflow {
            period: 0,
            sent: 200,
        },
    );
    v3::v2::Outflows::<Test>::insert(
        CAROL_ID,
        Outflow {
            period: 0,
            sent: 100,
        },
    );
    v3::v2::Frozen::<Test>::insert(BOB_ID, freeze.clone());
    TotalSupply::<Test>::put(2_000);
    StorageVersion::new(2).put::<Pallet<Test>>();
    freeze
}

#[test]
fn upgrading_from_version_2_keeps_each_holder_in_one_record() {
    build_and_execute(|| {
        let freeze = version_2_holders();

        MergeHolders::<Test>::on_runtime_upgrade();

        assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3);
        let mut holders: Vec<_> = Holders::<Test>::iter().collect();
        holders.sort_by_key(|(party, _)| *party);
        let mut expected = vec![
            (
                BANK,
                Holder {
                    balance: 1_500,
                    ..Default::default()
                },
            ),
            (
                ALICE_ID,
                Holder {
                    balance: 300,
                    outflow: Outflow {
                        period: 0,
                        sent: 200,
                    },
                    freeze: None,
                },
            ),
            (
                BOB_ID,
                Holder {
                    balance: 200,
                    outflow: Outflow::default(),
                    freeze: Some(freeze),
                },
            ),
            (
                CAROL_ID,
                Holder {
                    balance: 0,
                    outflow: Outflow {
                        period: 0,
                        sent: 100,
                    },
                    freeze: None,
                },
            ),
        ];
        expected.sort_by_key(|(party, _)| *party);
        assert_eq!(holders, expected);
        assert_eq!(v3::v2::Balances::<Test>::iter().count(), 0);
        assert_eq!(v3::v2::Frozen::<Test>::iter().count(), 0);
        // Alice may send what is left of her day's limit, no more.
        assert_eq!(
            Cbdc::balance_info(ALICE_ID).sendable_today,
            Some(BASIC.1 - 200)
        );
    });
}

#[test]
fn the_version_3_upgrade_runs_once() {
    build_and_execute(|| {
        version_2_holders();
        MergeHolders::<Test>::on_runtime_upgrade();
        let after: Vec<_> = Holders::<Test>::iter().collect();

        // At version 3 an old-layout entry planted now is left alone.
        v3::v2::Frozen::<Test>::insert(
            CAROL_ID,
            Freeze {
                court: COURT_ID,
                case: case(2),
                since: 1,
                balance: 0,
            },
        );
        MergeHolders::<Test>::on_runtime_upgrade();
        assert_eq!(Holders::<Test>::iter().collect::<Vec<_>>(), after);
        v3::v2::Frozen::<Test>::remove(CAROL_ID);
    });
}
