//! A registry from before storage version 2 gets its lien proposals an expiry and its offers and
//! proposals indexed per parcel, within the caps, on upgrade.

use super::*;
use crate::{
    migrations::v2::{v1, BoundOffersAndLienProposals, BoundOffersAndLienProposalsUnchecked},
    Error, Event, LienProposal, LienProposals, NextLienId, NextOfferId, Offer, Offers, Pallet,
    ParcelLienProposals, ParcelOffers, Sale,
};
use frame_support::{
    assert_noop, assert_ok,
    traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};
use sp_runtime::{Permill, StateVersion, Weight};

/// The block the upgrade runs in.
const UPGRADE_BLOCK: u64 = 5;

/// Stores, as version 1 did, `seller`'s offer of its whole parcel to `buyer`.
fn legacy_offer(parcel: ParcelId, seller: Party, buyer: Party, expires_at: u64, accepted: bool) {
    let offer = NextOfferId::<Test>::get();
    NextOfferId::<Test>::put(offer + 1);
    let sale = Sale {
        seller,
        share: Permill::one(),
        consented: true,
    };
    Offers::<Test>::insert(
        offer,
        Offer::<Test> {
            parcel,
            sales: BoundedVec::truncate_from(vec![sale]),
            buyer,
            price: off_chain(),
            expires_at,
            carries_liens: false,
            carried_liens: BoundedVec::default(),
            accepted,
        },
    );
}

/// Stores, in version 1's layout, a proposal of `BANK_ID`'s lien on `parcel` with `consents`.
fn legacy_proposal(parcel: ParcelId, consents: &[Party]) {
    let lien = NextLienId::<Test>::get();
    NextLienId::<Test>::put(lien + 1);
    v1::LienProposals::<Test>::insert(
        lien,
        v1::LienProposal::<Test> {
            parcel,
            bank: BANK_ID,
            reference: LOAN,
            title_hash: H256::repeat_byte(lien as u8),
            consents: BoundedVec::truncate_from(consents.to_vec()),
        },
    );
}

/// A version 1 registry at [`UPGRADE_BLOCK`]: Alice's parcel 0 with offers 0 to 4 (0 and 2
/// expired) and lien proposals 0 to 5, Bob's parcel 1 with offers 5 to 8 (8 accepted) and
/// proposal 6, Carol's parcel 2 with offer 9 (expired).
fn version_1_registry() -> (ParcelId, ParcelId, ParcelId) {
    let alices = register("A-1", 100, &[(ALICE_ID, 100)]);
    let bobs = register("B-1", 100, &[(BOB_ID, 100)]);
    let carols = register("C-1", 100, &[(CAROL_ID, 100)]);
    System::set_block_number(UPGRADE_BLOCK);
    for expires_at in [UPGRADE_BLOCK, 50, 3, 50, 50] {
        legacy_offer(alices, ALICE_ID, BOB_ID, expires_at, false);
    }
    for accepted in [false, false, false, true] {
        legacy_offer(bobs, BOB_ID, CAROL_ID, 50, accepted);
    }
    legacy_offer(carols, CAROL_ID, ALICE_ID, 4, false);
    for lien in 0..6 {
        let consents: &[Party] = if lien == 1 { &[ALICE_ID] } else { &[] };
        legacy_proposal(alices, consents);
    }
    legacy_proposal(bobs, &[]);
    StorageVersion::new(1).put::<Pallet<Test>>();
    (alices, bobs, carols)
}

fn upgrade() -> Weight {
    BoundOffersAndLienProposals::<Test>::on_runtime_upgrade()
}

#[test]
fn upgrading_from_version_1_gives_every_lien_proposal_an_expiry() {
    build_and_execute(|| {
        let (alices, bobs, _) = version_1_registry();

        upgrade();

        let expires_at = UPGRADE_BLOCK + LienProposalLifetime::get();
        assert_eq!(
            LienProposals::<Test>::get(1),
            Some(LienProposal::<Test> {
                parcel: alices,
                bank: BANK_ID,
                reference: LOAN,
                title_hash: H256::repeat_byte(1),
                consents: BoundedVec::truncate_from(vec![ALICE_ID]),
                expires_at,
            })
        );
        assert_eq!(
            LienProposals::<Test>::get(6).map(|proposal| (proposal.parcel, proposal.expires_at)),
            Some((bobs, expires_at))
        );
        assert!(
            LienProposals::<Test>::iter_values().all(|proposal| proposal.expires_at == expires_at)
        );
        assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
    });
}

#[test]
fn upgrading_indexes_each_parcels_offers_and_proposals_within_the_caps() {
    build_and_execute(|| {
        let (alices, bobs, carols) = version_1_registry();

        upgrade();

        // Alice's five offers: the two expired ones go, which leaves room for the rest.
        assert_eq!(
            ParcelOffers::<Test>::get(alices).into_inner(),
            vec![1, 3, 4]
        );
        // Bob's four open offers: the accepted one, then the oldest, up to the cap.
        assert_eq!(ParcelOffers::<Test>::get(bobs).into_inner(), vec![5, 6, 8]);
        // Carol's expired offer: within the cap, it waits to be removed as before.
        assert_eq!(ParcelOffers::<Test>::get(carols).into_inner(), vec![9]);
        let mut offers: Vec<_> = Offers::<Test>::iter_keys().collect();
        offers.sort_unstable();
        assert_eq!(offers, vec![1, 3, 4, 5, 6, 8, 9]);
        // Alice's six proposals: the oldest, up to the cap.
        assert_eq!(
            ParcelLienProposals::<Test>::get(alices).into_inner(),
            vec![0, 1, 2, 3]
        );
        assert_eq!(ParcelLienProposals::<Test>::get(bobs).into_inner(), vec![6]);
        assert!(!LienProposals::<Test>::contains_key(4));
        assert!(!LienProposals::<Test>::contains_key(5));
    });
}

#[test]
fn every_record_the_upgrade_removes_is_announced() {
    build_and_execute(|| {
        version_1_registry();
        System::reset_events();

        upgrade();

        for offer in [0, 2, 7] {
            System::assert_has_event(Event::OfferCancelled { offer }.into());
        }
        for lien in [4, 5] {
            System::assert_has_event(Event::LienProposalExpired { lien }.into());
        }
        assert_eq!(System::events().len(), 5);
    });
}

#[test]
fn the_upgrade_weighs_every_read_and_write() {
    build_and_execute(|| {
        version_1_registry();

        let weight = upgrade();

        // Reads: 7 proposals, 10 offers and the storage version. Writes: 7 proposals
        // translated, 2 proposals and 3 offers removed with an event each, 2 proposal and 3
        // offer lists, and the storage version.
        assert_eq!(
            weight,
            <Test as frame_system::Config>::DbWeight::get().reads_writes(18, 23)
        );
    });
}

#[test]
fn the_upgrade_passes_its_own_checks() {
    build_and_execute(|| {
        version_1_registry();
        let state = BoundOffersAndLienProposalsUnchecked::<Test>::pre_upgrade_state();

        upgrade();

        assert_ok!(BoundOffersAndLienProposalsUnchecked::<Test>::check_post_upgrade(state));
    });
}

#[test]
fn the_post_upgrade_check_catches_an_offer_lost_within_the_cap() {
    build_and_execute(|| {
        let (_, _, carols) = version_1_registry();
        let state = BoundOffersAndLienProposalsUnchecked::<Test>::pre_upgrade_state();
        upgrade();
        Offers::<Test>::remove(9);
        ParcelOffers::<Test>::remove(carols);

        assert!(BoundOffersAndLienProposalsUnchecked::<Test>::check_post_upgrade(state).is_err());
    });
}

#[test]
fn a_migrated_proposal_expires_a_lifetime_after_the_upgrade() {
    build_and_execute(|| {
        version_1_registry();
        upgrade();
        let expires_at = UPGRADE_BLOCK + LienProposalLifetime::get();

        System::set_block_number(expires_at);
        assert_noop!(
            LandTitles::consent_lien(RuntimeOrigin::signed(BOB), 6),
            Error::<Test>::LienProposalExpired
        );

        System::set_block_number(expires_at - 1);
        assert_ok!(LandTitles::consent_lien(RuntimeOrigin::signed(BOB), 6));
    });
}

#[test]
fn at_version_2_the_upgrade_does_nothing() {
    build_and_execute(|| {
        version_1_registry();
        upgrade();
        let root = sp_io::storage::root(StateVersion::V1);

        let weight = upgrade();

        assert_eq!(sp_io::storage::root(StateVersion::V1), root);
        assert_eq!(
            weight,
            <Test as frame_system::Config>::DbWeight::get().reads(1)
        );
        assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
    });
}
