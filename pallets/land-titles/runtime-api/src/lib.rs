//! The runtime API of the land registry: what the node's `landTitles_*` RPC methods read.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use govchain_primitives::identity::Party;
pub use pallet_land_titles::{HistoryEntry, ParcelId, ParcelRecord, TitleChange, MAX_PAGE};

sp_api::decl_runtime_apis! {
    /// Reads parcels, their titles, liens, freezes, lineage and history, and the parcels of an
    /// owner. Version 2 added `title_history`.
    #[api_version(2)]
    pub trait LandTitlesApi<BlockNumber> where BlockNumber: Codec {
        /// A parcel's spec, title, lineage, liens and freeze, live or retired.
        fn parcel(parcel: ParcelId) -> Option<ParcelRecord<BlockNumber>>;

        /// The parcel with a cadastral number, live or retired.
        fn parcel_by_cadastral_number(number: Vec<u8>) -> Option<ParcelId>;

        /// Up to `limit` (at most `MAX_PAGE`) of the live parcels `owner` holds a share of, in
        /// storage order, continuing after `start_after`.
        fn parcels_of(owner: Party, start_after: Option<ParcelId>, limit: u32) -> Vec<ParcelId>;

        /// How many changes a parcel's history holds, and up to `limit` (at most `MAX_PAGE`)
        /// of them from number `from` on, oldest first; `None` for an unknown parcel.
        #[api_version(2)]
        fn title_history(
            parcel: ParcelId,
            from: u32,
            limit: u32,
        ) -> Option<(u32, Vec<HistoryEntry<BlockNumber>>)>;
    }
}
