//! The land registry in the real runtime: institutions and officers from the identity pallet, a
//! parcel registered, mortgaged and sold with the registrar's approval, and the runtime API that
//! the node's `landTitles_*` RPC methods serve.

use super::{assert_invariants, pass_council_motion, preset_externalities};
use crate::{
    BlockNumber, Identity, LandTitles, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System,
};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use govchain_primitives::identity::{IdentityProvider, KycTier, Party, Role};
use pallet_identity_registry::InstitutionKind;
use pallet_land_titles::{Error, Event, Holding, ParcelSpec, Price};
use pallet_land_titles_runtime_api::runtime_decl_for_land_titles_api::LandTitlesApiV1;
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring::Dave;
use sp_runtime::Permill;

fn account(name: &str) -> crate::AccountId {
    sr25519::Pair::from_string(&format!("//{name}"), None)
        .expect("a valid derivation")
        .public()
        .into()
}

fn register_institution(code: &str, roles: Vec<Role>) -> RuntimeCall {
    RuntimeCall::Identity(pallet_identity_registry::Call::register_institution {
        kind: InstitutionKind::Agency,
        short_code: BoundedVec::truncate_from(code.as_bytes().to_vec()),
        name_hash: H256::repeat_byte(0x1a),
        admin: Dave.to_account_id(),
        roles: BoundedVec::truncate_from(roles),
    })
}

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

        // Given a public-service agency (civil and land registry) and a bank, with officers…
        pass_council_motion(RuntimeCall::Utility(pallet_utility::Call::batch_all {
            calls: vec![
                register_institution("PSA", vec![Role::CivilRegistry, Role::LandRegistrar]),
                register_institution("BANK", vec![Role::CommercialBank]),
            ],
        }));
        let expires = System::block_number() + 30 * crate::DAYS;
        for (institution, officer) in [(0, &registrar), (1, &banker)] {
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

        // Digital-currency prices wait for the CBDC pallet; this runtime refuses them.
        let expires_at: BlockNumber = System::block_number() + 10;
        assert_noop!(
            LandTitles::create_offer(
                signed(&seller),
                0,
                BoundedVec::truncate_from(vec![Holding {
                    owner: seller_party,
                    share: Permill::one()
                }]),
                buyer_party,
                Price::Cbdc(1_000),
                expires_at,
                true,
            ),
            Error::<Runtime>::PaymentUnavailable
        );

        // The seller offers the parcel with its mortgage, the bank consents, the buyer accepts…
        assert_ok!(LandTitles::create_offer(
            signed(&seller),
            0,
            BoundedVec::truncate_from(vec![Holding {
                owner: seller_party,
                share: Permill::one()
            }]),
            buyer_party,
            Price::OffChain(H256::repeat_byte(0xaa)),
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

        // …and the registrar's approval transfers the title.
        assert_ok!(LandTitles::approve_transfer(signed(&registrar), 0));
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
        assert_invariants();
    });
}
