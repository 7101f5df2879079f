//! The land registry in the real runtime: institutions and officers from the identity pallet, a
//! parcel registered, mortgaged and sold for the digital currency with the registrar's approval
//! (title and price change hands in one extrinsic), and the runtime API that
//! the node's `landTitles_*` RPC methods serve.

use super::{
    account, assert_invariants, pass_council_motion, preset_externalities, register_institution,
};
use crate::{
    configs::cbdc::CBDC_UNIT, BlockNumber, Cbdc, Identity, LandTitles, Runtime, RuntimeCall,
    RuntimeEvent, RuntimeOrigin, System,
};
use frame_support::{assert_ok, BoundedVec};
use govchain_primitives::identity::{IdentityProvider, KycTier, Party, Role};
use pallet_land_titles::{Event, Holding, ParcelSpec, Price, TitleChange};
use pallet_land_titles_runtime_api::runtime_decl_for_land_titles_api::LandTitlesApiV2;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::Dave;
use sp_runtime::Permill;

fn land_event(event: Event<Runtime>) -> bool {
    System::events()
        .iter()
        .any(|record| record.event == RuntimeEvent::LandTitles(event.clone()))
}

#[test]
fn a_mortgaged_parcel_is_sold_with_the_registrar_s_approval_and_read_through_the_api() {
    preset_externalities("local_testnet").execute_with(|| {
        let (registrar, banker) = (account("Registrar"), account("Banker"));
        let (seller, buyer) = (account("Seller"), account("Buyer"));
        let signed = |who: &crate::AccountId| RuntimeOrigin::signed(who.clone());

        let governor = account("Governor");
        // Given a public-service agency (civil and land registry), a bank and the central
        // bank, with officers…
        pass_council_motion(RuntimeCall::Utility(pallet_utility::Call::batch_all {
            calls: vec![
                register_institution("PSA", vec![Role::CivilRegistry, Role::LandRegistrar]),
                register_institution("BANK", vec![Role::CommercialBank]),
                register_institution("CB", vec![Role::CentralBank]),
            ],
        }));
        let expires = System::block_number() + 30 * crate::DAYS;
        for (institution, officer) in [(0, &registrar), (1, &banker), (2, &governor)] {
            assert_ok!(Identity::appoint_officer(
                signed(&Dave.to_account_id()),
                institution,
                officer.clone(),
                expires
            ));
        }
        // …and two citizens.
        for (n, citizen) in [(1u8, &seller), (2, &buyer)] {
            assert_ok!(Identity::register_citizen(
                signed(&registrar),
                citizen.clone(),
                H256::repeat_byte(n),
                None,
                KycTier::Standard
            ));
        }
        let seller_party = Party::Citizen(Identity::citizen_of(&seller).expect("a citizen"));
        let buyer_party = Party::Citizen(Identity::citizen_of(&buyer).expect("a citizen"));

        // The registrar registers the seller's parcel, and the bank mortgages it.
        let spec = ParcelSpec {
            cadastral_number: BoundedVec::truncate_from(b"41:01:0101:17".to_vec()),
            area: 1_200,
            land_use: 2,
            document_hash: H256::repeat_byte(0xd0),
        };
        assert_ok!(LandTitles::register_parcel(
            signed(&registrar),
            spec.clone(),
            BoundedVec::truncate_from(vec![Holding {
                owner: seller_party,
                share: Permill::one(),
            }]),
        ));
        assert_ok!(LandTitles::propose_lien(
            signed(&banker),
            0,
            H256::repeat_byte(0x10)
        ));
        assert_ok!(LandTitles::consent_lien(signed(&seller), 0));

        // The buyer has the price in the digital currency: the central bank records a reserve
        // and mints to the bank, which credits the buyer.
        // Within the buyer's daily outflow limit (tier Standard).
        let price = 150_000 * CBDC_UNIT;
        assert_ok!(Cbdc::record_reserve_asset(
            signed(&governor),
            pallet_cbdc_reserve::AssetClass::Gold,
            BoundedVec::truncate_from(b"XAU".to_vec()),
            1_000_000,
            10 * price,
            pallet_cbdc_reserve::Attestation {
                report_hash: H256::repeat_byte(0xa7),
                date: 20_000
            },
        ));
        super::attest_reserve_asset(&super::audit_chamber(), 0);
        assert_ok!(Cbdc::set_bank_quota(signed(&governor), 1, 10 * price));
        assert_ok!(Cbdc::mint(signed(&governor), 1, price));
        let bank = Party::Institution(1);
        assert_ok!(Cbdc::transfer(signed(&banker), bank, buyer_party, price));
        let expires_at: BlockNumber = System::block_number() + 10;

        // The seller offers the parcel with its mortgage, the bank consents, the buyer accepts…
        assert_ok!(LandTitles::create_offer(
            signed(&seller),
            0,
            BoundedVec::truncate_from(vec![Holding {
                owner: seller_party,
                share: Permill::one()
            }]),
            buyer_party,
            Price::Cbdc(price),
            expires_at,
            true,
        ));
        assert_ok!(LandTitles::consent_lien_carry(signed(&banker), 0));
        assert_ok!(LandTitles::accept_offer(signed(&buyer), 0));
        assert!(land_event(Event::OfferAccepted { offer: 0 }));
        assert_eq!(
            Runtime::parcel(0).expect("registered").title,
            vec![Holding {
                owner: seller_party,
                share: Permill::one()
            }]
        );

        // …and the registrar's approval transfers the title and pays the price, in one
        // extrinsic.
        assert_ok!(LandTitles::approve_transfer(signed(&registrar), 0));
        assert_eq!(Cbdc::balance_info(buyer_party).balance, 0);
        assert_eq!(Cbdc::balance_info(seller_party).balance, price);
        let record = Runtime::parcel(0).expect("registered");
        assert_eq!(
            record.title,
            vec![Holding {
                owner: buyer_party,
                share: Permill::one()
            }]
        );
        assert_eq!(record.spec, spec);
        assert_eq!(record.liens.len(), 1);
        assert_eq!(record.freeze, None);
        assert_eq!(
            Runtime::parcel_by_cadastral_number(b"41:01:0101:17".to_vec()),
            Some(0)
        );
        assert_eq!(Runtime::parcel_by_cadastral_number(b"nope".to_vec()), None);
        assert_eq!(Runtime::parcels_of(buyer_party, None, 10), vec![0]);
        assert!(Runtime::parcels_of(seller_party, None, 10).is_empty());
        assert_eq!(Runtime::parcel(1), None);
        // Its history: registered, the lien, then the transfer.
        let (total, history) = Runtime::title_history(0, 0, 10).expect("registered");
        assert_eq!(total, 3);
        let changes: Vec<_> = history.iter().map(|entry| entry.change).collect();
        assert!(matches!(
            changes.as_slice(),
            [
                TitleChange::Registered { .. },
                TitleChange::LienRegistered { lien: 0, .. },
                TitleChange::Transferred { offer: 0, buyer }
            ] if *buyer == buyer_party
        ));
        assert_eq!(Runtime::title_history(1, 0, 10), None);
        assert_invariants();
    });
}
