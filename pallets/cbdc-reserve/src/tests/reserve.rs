//! The central bank records reserve assets, revalues and removes them; an independent auditor
//! attests each valuation, and the reserve value is the sum of the attested ones. At most
//! `MaxReserveAssets` (3) are held; a removal that would leave supply uncovered is refused,
//! while an attested write-down is recorded with its public deficit and stops minting.

use super::*;
use crate::{
    AssetClass, AssetId, Audit, NextAssetId, ReserveAsset, ReserveAssetCount, ReserveAssets,
    ReserveValue, UnattestedAssets,
};

/// `GOVERNOR` records 1 000 units of `class` under `text`, valued `valuation`, on report 1.
#[test]
fn a_reserve_asset_without_value_is_refused() {
    build_and_execute(|| {
        assert_noop!(
            record(AssetClass::Gold, "XAU", 0),
            Error::<Test>::ZeroAmount
        );
    });
}

fn record(class: AssetClass, text: &str, valuation: u64) -> DispatchResult {
    let origin = RuntimeOrigin::signed(GOVERNOR);
    Cbdc::record_reserve_asset(origin, class, code(text), 1_000, valuation, attestation(1))
}

/// `GOVERNOR` records dollars valued `valuation`, which the auditor attests; returns the
/// asset.
fn record_dollars(valuation: u64) -> AssetId {
    let asset = NextAssetId::<Test>::get();
    assert_ok!(record(AssetClass::ForeignCurrency, "USD", valuation));
    attest(asset);
    asset
}

/// `GOVERNOR` revalues `asset` at `valuation`, now 2 000 units, on report 2.
fn revalue(asset: AssetId, valuation: u64) -> DispatchResult {
    let origin = RuntimeOrigin::signed(GOVERNOR);
    Cbdc::revalue_reserve_asset(origin, asset, 2_000, valuation, attestation(2))
}

/// `GOVERNOR` removes `asset`.
fn remove(asset: AssetId) -> DispatchResult {
    Cbdc::remove_reserve_asset(RuntimeOrigin::signed(GOVERNOR), asset)
}

/// Checks the reserve's value and how many assets it holds.
#[track_caller]
fn assert_reserve(value: u64, count: u32) {
    assert_eq!(ReserveValue::<Test>::get(), value);
    assert_eq!(ReserveAssetCount::<Test>::get(), count);
}

/// Checks that every one of `texts` is refused as an asset code.
#[track_caller]
fn assert_codes_refused(texts: &[&str]) {
    for text in texts {
        assert_noop!(
            record(AssetClass::Gold, text, 1_000),
            Error::<Test>::InvalidAssetCode
        );
    }
}

/// Gold worth 1 000 and dollars worth 500, with 1 000 minted: the dollars are not needed.
/// Returns the gold and the dollars.
fn reserve_beyond_supply() -> (AssetId, AssetId) {
    let gold = record_gold(1_000);
    let dollars = record_dollars(500);
    mint_to_bank(1_000);
    (gold, dollars)
}

mod record {
    use super::*;

    #[test]
    fn the_central_bank_records_an_asset_that_counts_nothing_until_attested() {
        build_and_execute(|| {
            assert_ok!(record(AssetClass::Crypto, "BTC", 4_000));

            let asset = ReserveAsset {
                class: AssetClass::Crypto,
                code: code("BTC"),
                quantity: 1_000,
                valuation: 4_000,
                attestation: attestation(1),
                audit: None,
                counted: 0,
            };
            assert_eq!(ReserveAssets::<Test>::get(0), Some(asset));
            assert_eq!(NextAssetId::<Test>::get(), 1);
            assert_reserve(0, 1);
            assert_eq!(UnattestedAssets::<Test>::get(), 1);
            assert_eq!(
                last_event(),
                Event::ReserveAssetRecorded {
                    asset: 0,
                    class: AssetClass::Crypto,
                    code: code("BTC"),
                    quantity: 1_000,
                    valuation: 4_000,
                    attestation: attestation(1),
                }
            );
        });
    }

    #[test]
    fn assets_are_numbered_in_order_and_their_valuations_add_up() {
        build_and_execute(|| {
            assert_eq!(record_gold(1_000), 0);
            assert_eq!(record_dollars(250), 1);

            assert_eq!(NextAssetId::<Test>::get(), 2);
            assert_reserve(1_250, 2);
        });
    }

    #[test]
    fn a_code_of_twelve_capitals_and_digits_is_valid() {
        build_and_execute(|| {
            assert_ok!(record(AssetClass::Other, "BOND2030ABCD", 10));

            assert_eq!(
                ReserveAssets::<Test>::get(0).unwrap().code,
                code("BOND2030ABCD")
            );
        });
    }

    #[test]
    fn a_lowercase_code_is_refused() {
        build_and_execute(|| {
            assert_codes_refused(&["xau", "Xau", "XAu"]);
        });
    }

    #[test]
    fn an_empty_code_is_refused() {
        build_and_execute(|| {
            assert_codes_refused(&[""]);
        });
    }

    #[test]
    fn a_code_with_other_characters_is_refused() {
        build_and_execute(|| {
            assert_codes_refused(&["XA U", "XA-U", "XAU.", "ÄU"]);
        });
    }

    #[test]
    fn a_fourth_asset_is_refused() {
        build_and_execute(|| {
            for valuation in [100, 200, 300] {
                record_dollars(valuation);
            }

            assert_noop!(
                record(AssetClass::Gold, "XAU", 400),
                Error::<Test>::TooManyAssets
            );
        });
    }

    #[test]
    fn a_removed_asset_frees_its_place_but_not_its_number() {
        build_and_execute(|| {
            for valuation in [100, 200, 300] {
                record_dollars(valuation);
            }
            assert_ok!(remove(1));

            assert_eq!(record_gold(400), 3);
            assert_eq!(ReserveAssets::<Test>::get(1), None);
            assert_reserve(800, 3);
        });
    }

    #[test]
    fn running_out_of_asset_numbers_is_refused() {
        build_and_execute(|| {
            NextAssetId::<Test>::put(AssetId::MAX);

            assert_noop!(record(AssetClass::Gold, "XAU", 1), Error::<Test>::Overflow);
        });
    }

    #[test]
    fn only_a_serving_central_bank_officer_records() {
        build_and_execute(|| {
            assert_only_serving_officers(GOVERNOR, &[BANKER, JUDGE, CLERK], |origin| {
                Cbdc::record_reserve_asset(
                    origin,
                    AssetClass::Gold,
                    code("XAU"),
                    1,
                    1,
                    attestation(1),
                )
            });
        });
    }
}

mod revalue {
    use super::*;

    #[test]
    fn the_central_bank_revalues_an_asset_whose_attested_valuation_counts_meanwhile() {
        build_and_execute(|| {
            let gold = record_gold(1_000);
            record_dollars(500);

            assert_ok!(revalue(gold, 1_500));

            let asset = ReserveAssets::<Test>::get(gold).unwrap();
            assert_eq!(
                (asset.quantity, asset.valuation, asset.attestation),
                (2_000, 1_500, attestation(2))
            );
            assert_eq!((asset.class, asset.code), (AssetClass::Gold, code("XAU")));
            assert_eq!((asset.audit, asset.counted), (None, 1_000));
            assert_reserve(1_500, 2);
            assert_eq!(UnattestedAssets::<Test>::get(), 1);
            assert_eq!(
                last_event(),
                Event::ReserveAssetRevalued {
                    asset: gold,
                    quantity: 2_000,
                    valuation: 1_500,
                    attestation: attestation(2),
                }
            );
        });
    }

    #[test]
    fn a_write_down_below_the_supply_waits_for_the_auditor_and_stops_minting() {
        build_and_execute(|| {
            let gold = record_gold(1_000);
            mint_to_bank(600);

            assert_ok!(revalue(gold, 0));

            assert_reserve(1_000, 1);
            assert_eq!(Cbdc::mint_headroom(), 0);
            assert_noop!(
                Cbdc::mint(RuntimeOrigin::signed(GOVERNOR), BANK_ID, 1),
                Error::<Test>::UnattestedValuation
            );
        });
    }

    #[test]
    fn a_revaluation_of_an_attested_asset_needs_a_new_attestation() {
        build_and_execute(|| {
            let gold = record_gold(1_000);

            assert_ok!(revalue(gold, 1_000));

            assert_eq!(ReserveAssets::<Test>::get(gold).unwrap().audit, None);
            attest(gold);
            assert_eq!(UnattestedAssets::<Test>::get(), 0);
        });
    }

    #[test]
    fn an_unknown_asset_is_refused() {
        build_and_execute(|| {
            record_gold(1_000);

            assert_noop!(revalue(1, 1_000), Error::<Test>::UnknownAsset);
        });
    }

    #[test]
    fn a_removed_asset_is_refused() {
        build_and_execute(|| {
            let gold = record_gold(1_000);
            assert_ok!(remove(gold));

            assert_noop!(revalue(gold, 1_000), Error::<Test>::UnknownAsset);
        });
    }

    #[test]
    fn only_a_serving_central_bank_officer_revalues() {
        build_and_execute(|| {
            let gold = record_gold(1_000);

            assert_only_serving_officers(GOVERNOR, &[BANKER, JUDGE], |origin| {
                Cbdc::revalue_reserve_asset(origin, gold, 1, 1, attestation(2))
            });
        });
    }
}

mod remove {
    use super::*;

    #[test]
    fn the_central_bank_removes_an_asset() {
        build_and_execute(|| {
            let gold = record_gold(1_000);
            record_dollars(500);

            assert_ok!(remove(gold));

            assert_eq!(ReserveAssets::<Test>::get(gold), None);
            assert_reserve(500, 1);
            assert_eq!(last_event(), Event::ReserveAssetRemoved { asset: gold });
        });
    }

    #[test]
    fn an_asset_the_supply_does_not_need_is_removed() {
        build_and_execute(|| {
            let (_, dollars) = reserve_beyond_supply();

            assert_ok!(remove(dollars));

            assert_reserve(1_000, 1);
        });
    }

    #[test]
    fn an_asset_the_supply_needs_is_refused() {
        build_and_execute(|| {
            let (gold, _) = reserve_beyond_supply();

            assert_noop!(remove(gold), Error::<Test>::CoverageExceeded);
        });
    }

    #[test]
    fn an_unattested_asset_is_removed_and_no_longer_awaited() {
        build_and_execute(|| {
            let gold = record_gold(1_000);
            assert_ok!(record(AssetClass::Crypto, "BTC", 4_000));

            assert_ok!(remove(1));

            assert_reserve(1_000, 1);
            assert_eq!(UnattestedAssets::<Test>::get(), 0);
            assert_eq!(ReserveAssets::<Test>::get(gold).unwrap().counted, 1_000);
        });
    }

    #[test]
    fn a_written_down_asset_attested_at_zero_is_removed_under_a_deficit() {
        build_and_execute(|| {
            let gold = record_gold(1_000);
            mint_to_bank(600);
            assert_ok!(revalue(gold, 0));
            attest(gold);

            assert_ok!(remove(gold));

            assert_reserve(0, 0);
            assert_eq!(Cbdc::coverage_deficit(), 600);
        });
    }

    #[test]
    fn the_last_asset_is_removed_when_nothing_is_issued() {
        build_and_execute(|| {
            let gold = record_gold(1_000);

            assert_ok!(remove(gold));

            assert_reserve(0, 0);
        });
    }

    #[test]
    fn an_unknown_asset_is_refused() {
        build_and_execute(|| {
            record_gold(1_000);

            assert_noop!(remove(1), Error::<Test>::UnknownAsset);
        });
    }

    #[test]
    fn only_a_serving_central_bank_officer_removes() {
        build_and_execute(|| {
            let gold = record_gold(1_000);

            assert_only_serving_officers(GOVERNOR, &[BANKER, JUDGE], |origin| {
                Cbdc::remove_reserve_asset(origin, gold)
            });
        });
    }
}

mod attest {
    use super::*;

    /// `AUDITOR` attests `asset` as `quantity` and `valuation`.
    fn attest_as(asset: AssetId, quantity: u128, valuation: u64) -> DispatchResult {
        let origin = RuntimeOrigin::signed(AUDITOR);
        Cbdc::attest_valuation(origin, asset, quantity, valuation, audit_report())
    }

    #[test]
    fn the_auditor_attests_a_valuation_which_then_counts() {
        build_and_execute(|| {
            assert_ok!(record(AssetClass::Gold, "XAU", 4_000));

            assert_ok!(attest_as(0, 1_000, 4_000));

            let asset = ReserveAssets::<Test>::get(0).unwrap();
            let audit = Audit {
                auditor: AUDIT_ID,
                report: audit_report(),
            };
            assert_eq!((asset.audit, asset.counted), (Some(audit), 4_000));
            assert_reserve(4_000, 1);
            assert_eq!(UnattestedAssets::<Test>::get(), 0);
            assert_eq!(
                last_event(),
                Event::ValuationAttested {
                    asset: 0,
                    auditor: AUDIT_ID,
                    valuation: 4_000,
                    report: audit_report(),
                    coverage_deficit: 0,
                }
            );
        });
    }

    #[test]
    fn an_attested_write_down_below_the_supply_is_recorded_with_its_public_deficit() {
        build_and_execute(|| {
            let gold = record_gold(1_000);
            mint_to_bank(600);
            assert_ok!(revalue(gold, 450));

            assert_ok!(attest_as(gold, 2_000, 450));

            assert_reserve(450, 1);
            assert_eq!(Cbdc::coverage_deficit(), 150);
            assert_eq!(Cbdc::reserve_summary().coverage_deficit, 150);
            assert_eq!(Cbdc::mint_headroom(), 0);
            assert!(matches!(
                last_event(),
                Event::ValuationAttested {
                    coverage_deficit: 150,
                    ..
                }
            ));
            assert_ok!(Cbdc::set_bank_quota(
                RuntimeOrigin::signed(GOVERNOR),
                BANK_ID,
                5_000
            ));
            assert_noop!(
                Cbdc::mint(RuntimeOrigin::signed(GOVERNOR), BANK_ID, 1),
                Error::<Test>::CoverageExceeded
            );
        });
    }

    #[test]
    fn redemptions_close_the_deficit_and_minting_resumes() {
        build_and_execute(|| {
            let gold = record_gold(1_000);
            mint_to_bank(600);
            assert_ok!(revalue(gold, 450));
            attest(gold);

            assert_ok!(Cbdc::redeem(RuntimeOrigin::signed(BANKER), 200));

            assert_eq!(Cbdc::coverage_deficit(), 0);
            assert_eq!(Cbdc::mint_headroom(), 50);
        });
    }

    #[test]
    fn another_quantity_or_valuation_than_recorded_is_refused() {
        build_and_execute(|| {
            assert_ok!(record(AssetClass::Gold, "XAU", 4_000));

            assert_noop!(attest_as(0, 1_000, 4_001), Error::<Test>::ValuationMismatch);
            assert_noop!(attest_as(0, 999, 4_000), Error::<Test>::ValuationMismatch);
        });
    }

    #[test]
    fn a_second_attestation_is_refused() {
        build_and_execute(|| {
            let gold = record_gold(1_000);

            assert_noop!(
                attest_as(gold, 1_000, 1_000),
                Error::<Test>::AlreadyAttested
            );
        });
    }

    #[test]
    fn an_unknown_asset_is_refused() {
        build_and_execute(|| {
            assert_noop!(attest_as(0, 1_000, 1), Error::<Test>::UnknownAsset);
        });
    }

    #[test]
    fn a_reserve_value_beyond_the_balance_type_is_refused() {
        build_and_execute(|| {
            record_gold(u64::MAX);
            assert_ok!(record(AssetClass::ForeignCurrency, "USD", 1));

            assert_noop!(attest_as(1, 1_000, 1), Error::<Test>::Overflow);
        });
    }

    #[test]
    fn only_a_serving_auditor_officer_attests() {
        build_and_execute(|| {
            assert_ok!(record(AssetClass::Gold, "XAU", 4_000));

            assert_only_serving_officers(AUDITOR, &[GOVERNOR, BANKER, JUDGE, CLERK], |origin| {
                attest_by(origin, 0)
            });
        });
    }
}
