//! The runtime API of the diploma register: what the node's `diplomas_*` RPC methods read.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use govchain_primitives::identity::{CitizenId, InstitutionId};
pub use pallet_diplomas::{
    AccreditationRecord, DiplomaId, DiplomaRecord, Issuer, Verification, MAX_PAGE,
};
use sp_core::H256;

sp_api::decl_runtime_apis! {
    /// Verifies diplomas and reads diplomas, holders' lists and accreditations.
    pub trait DiplomasApi<BlockNumber> where BlockNumber: Codec {
        /// What a verifier holding diploma `id` and a document hashing to `document_hash`
        /// learns: valid, revoked (why, when), hash mismatch, unknown, or issuer not
        /// accredited on the diploma's date.
        fn verify(id: DiplomaId, document_hash: H256) -> Verification<BlockNumber>;

        /// Everything known about a diploma, with its revocation history.
        fn diploma(id: DiplomaId) -> Option<DiplomaRecord<BlockNumber>>;

        /// The id of the diploma `issuer` numbered `serial`; `None` if the serial number is
        /// longer than a serial number can be.
        fn diploma_id(issuer: Issuer, serial: Vec<u8>) -> Option<DiplomaId>;

        /// Up to `limit` (at most `MAX_PAGE`) of the diplomas `holder` holds, in storage
        /// order, continuing after `start_after`.
        fn diplomas_of(holder: CitizenId, start_after: Option<DiplomaId>, limit: u32) -> Vec<DiplomaId>;

        /// A university's accreditation periods, standing, and whether it may issue today.
        fn accreditation(university: InstitutionId) -> Option<AccreditationRecord>;
    }
}
