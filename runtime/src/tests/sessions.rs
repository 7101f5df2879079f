//! Session rotation in a real block: the validator-set pallet rotates the session at the
//! rotation's measured weight, so the block that starts a session still takes transactions.
//! (Left to `pallet_session`, the rotation is charged the whole block as mandatory weight, and
//! every transaction in that block is refused with `ExhaustsResources`: on the development
//! chain's 10-block sessions, every tenth block of a flood was authored empty.)

use super::*;
use crate::{Executive, Header, RuntimeCall};
use codec::Encode;
use frame_support::dispatch::DispatchClass;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::{traits::Header as _, Digest, DigestItem};

/// Initializes block `number` as an author would, with Aura's slot in its digest.
fn initialize_block(number: u32) {
    System::set_block_number(number - 1);
    let header = Header::new(
        number,
        Default::default(),
        Default::default(),
        Default::default(),
        Digest {
            logs: vec![DigestItem::PreRuntime(
                AURA_ENGINE_ID,
                Slot::from(u64::from(number)).encode(),
            )],
        },
    );
    Executive::initialize_block(&header);
}

#[test]
fn the_block_that_starts_a_session_takes_transactions() {
    preset_externalities("development").execute_with(|| {
        let index = pallet_session::CurrentIndex::<Runtime>::get();
        let number = pallet_validator_set::SessionStart::<Runtime>::get()
            + pallet_validator_set::SessionLength::<Runtime>::get();

        initialize_block(number);

        assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), index + 1);
        assert_eq!(pallet_validator_set::SessionStart::<Runtime>::get(), number);
        let block = <Runtime as frame_system::Config>::BlockWeights::get();
        let mandatory = *frame_system::BlockWeight::<Runtime>::get().get(DispatchClass::Mandatory);
        assert!(
            mandatory.all_lt(block.max_block / 10),
            "the rotation block's mandatory weight {mandatory:?} leaves little of {:?}",
            block.max_block
        );
        let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
            dest: Bob.to_account_id().into(),
            value: crate::UNIT,
        });
        assert_eq!(apply_signed(&Alice.pair(), 0, transfer), Ok(Ok(())));
    });
}
