//! Council motions reach Root only through the governance pallet, and only by two thirds.

use super::{assert_invariants, pass_council_motion, preset_externalities};
use crate::{
    configs::CouncilCollective, Council, Governance, Runtime, RuntimeCall, RuntimeEvent,
    RuntimeOrigin, System,
};
use codec::Encode;
use frame_support::{assert_noop, assert_ok};
use sp_keyring::Sr25519Keyring::{Alice, Bob};

/// The origin of a motion that `ayes` of `seats` council members approved.
fn council(ayes: u32, seats: u32) -> RuntimeOrigin {
    pallet_collective::RawOrigin::<_, CouncilCollective>::Members(ayes, seats).into()
}

fn set_session_length(length: u32) -> RuntimeCall {
    RuntimeCall::ValidatorSet(pallet_validator_set::Call::set_session_length { length })
}

fn executed_results() -> Vec<sp_runtime::DispatchResult> {
    System::events()
        .into_iter()
        .filter_map(|record| match record.event {
            RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => {
                Some(result)
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_two_thirds_motion_changes_the_validator_rules() {
    preset_externalities("local_testnet").execute_with(|| {
        // The proposer votes like any member; two of three is two thirds.
        pass_council_motion(set_session_length(20));

        assert_eq!(executed_results(), vec![Ok(())]);
        assert_eq!(pallet_validator_set::SessionLength::<Runtime>::get(), 20);
        assert_invariants();
    });
}

#[test]
fn a_motion_of_one_in_three_is_refused() {
    preset_externalities("local_testnet").execute_with(|| {
        let call = set_session_length(20);
        let length = call.encoded_size() as u32;
        assert_ok!(Council::propose(
            RuntimeOrigin::signed(Alice.to_account_id()),
            1,
            Box::new(call),
            length
        ));

        assert_eq!(
            executed_results(),
            vec![Err(sp_runtime::DispatchError::BadOrigin)]
        );
        assert_eq!(pallet_validator_set::SessionLength::<Runtime>::get(), 10);
    });
}

#[test]
fn an_account_outside_the_council_cannot_propose() {
    preset_externalities("local_testnet").execute_with(|| {
        let call = set_session_length(20);
        let length = call.encoded_size() as u32;
        assert_noop!(
            Council::propose(
                RuntimeOrigin::signed(crate::tests::dave()),
                1,
                Box::new(call),
                length
            ),
            pallet_collective::Error::<Runtime, CouncilCollective>::NotMember
        );
    });
}

#[test]
fn the_council_dispatches_an_ordinary_root_call() {
    preset_externalities("local_testnet").execute_with(|| {
        let dave = crate::tests::dave();
        let set_balance = RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
            who: dave.clone().into(),
            new_free: 7 * crate::UNIT,
        });
        assert_ok!(Governance::dispatch_as_root(
            council(2, 3),
            Box::new(set_balance)
        ));
        assert_eq!(
            pallet_balances::Pallet::<Runtime>::free_balance(&dave),
            7 * crate::UNIT
        );
    });
}

#[test]
fn no_root_shortcut_past_the_upgrade_delay() {
    preset_externalities("local_testnet").execute_with(|| {
        let hash = sp_core::H256::repeat_byte(1);
        let shortcuts = vec![
            RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash: hash }),
            RuntimeCall::System(frame_system::Call::set_code { code: vec![0; 8] }),
            RuntimeCall::System(frame_system::Call::set_storage {
                items: vec![(sp_core::storage::well_known_keys::CODE.to_vec(), vec![0; 8])],
            }),
            RuntimeCall::Utility(pallet_utility::Call::batch {
                calls: vec![RuntimeCall::System(frame_system::Call::authorize_upgrade {
                    code_hash: hash,
                })],
            }),
            RuntimeCall::Governance(pallet_governance::Call::enact_upgrade { code_hash: hash }),
        ];
        for call in shortcuts {
            assert_noop!(
                Governance::dispatch_as_root(council(3, 3), Box::new(call)),
                pallet_governance::Error::<Runtime>::CallNotImmediate
            );
        }
    });
}

#[test]
fn one_third_of_the_council_cannot_reach_root() {
    preset_externalities("local_testnet").execute_with(|| {
        let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1] });
        assert_noop!(
            Governance::dispatch_as_root(council(1, 3), Box::new(remark)),
            sp_runtime::DispatchError::BadOrigin
        );
    });
}

#[test]
fn a_majority_pulls_the_emergency_brake_and_transfers_stop() {
    preset_externalities("local_testnet").execute_with(|| {
        assert_ok!(crate::SafeMode::force_enter(council(2, 3)));
        let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
            dest: Bob.to_account_id().into(),
            value: crate::UNIT,
        });
        assert!(!<Runtime as frame_system::Config>::BaseCallFilter::contains(&transfer));
        let motion = set_session_length(20);
        assert!(<Runtime as frame_system::Config>::BaseCallFilter::contains(
            &RuntimeCall::Council(pallet_collective::Call::propose {
                threshold: 2,
                proposal: Box::new(motion),
                length_bound: 100
            })
        ));
    });
}

use frame_support::traits::Contains;
use sp_core::H256;

/// Safe mode does not spoil elections: while the brake is on, citizens still cast and reveal
/// ballots (a sealed ballot is not lost to a pause over its reveal phase), the commission still
/// relays the ballots citizens signed, and the council may cancel an election; a commission opens or cancels none, and other registry calls wait.
#[test]
fn the_emergency_brake_leaves_running_elections_to_their_voters() {
    preset_externalities("local_testnet").execute_with(|| {
        assert_ok!(crate::SafeMode::force_enter(council(2, 3)));
        let allowed = |call: pallet_e_voting::Call<Runtime>| {
            <Runtime as frame_system::Config>::BaseCallFilter::contains(&RuntimeCall::Voting(call))
        };
        assert!(allowed(pallet_e_voting::Call::vote {
            election: 0,
            option: 0
        }));
        assert!(allowed(pallet_e_voting::Call::commit_vote {
            election: 0,
            commitment: H256::zero()
        }));
        assert!(allowed(pallet_e_voting::Call::reveal_vote {
            election: 0,
            option: 0,
            salt: H256::zero()
        }));
        assert!(allowed(pallet_e_voting::Call::cancel_by_council {
            election: 0,
            reason: H256::zero()
        }));
        assert!(!allowed(pallet_e_voting::Call::cancel_election {
            election: 0
        }));
        // Ballots citizens signed, relayed by the commission's intake, are the citizens'.
        assert!(allowed(pallet_e_voting::Call::relay_encrypted_ballots {
            election: 0,
            ballots: Default::default(),
        }));
        let thaw = RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::thaw {
            holder: govchain_primitives::identity::Party::Institution(0),
        });
        assert!(!<Runtime as frame_system::Config>::BaseCallFilter::contains(&thaw));
    });
}

#[test]
fn no_referendum_sets_the_upgrade_delay_below_the_floor_or_changes_it_at_once() {
    preset_externalities("national_testnet").execute_with(|| {
        let floor = crate::configs::MinUpgradeDelay::get();
        assert_eq!(pallet_governance::UpgradeDelay::<Runtime>::get(), floor);
        // Not the council's alone: only Root, which an approved referendum dispatches as
        // (tests::referendum), sets it.
        assert_noop!(
            Governance::set_upgrade_delay(council(3, 3), 2 * floor),
            sp_runtime::DispatchError::BadOrigin
        );
        let root = RuntimeOrigin::root();
        assert_noop!(
            Governance::set_upgrade_delay(root.clone(), 0),
            pallet_governance::Error::<Runtime>::DelayBelowFloor
        );
        assert_noop!(
            Governance::set_upgrade_delay(root.clone(), floor - 1),
            pallet_governance::Error::<Runtime>::DelayBelowFloor
        );
        // A longer delay waits out the current one.
        assert_ok!(Governance::set_upgrade_delay(root, 2 * floor));
        assert_eq!(pallet_governance::UpgradeDelay::<Runtime>::get(), floor);
        assert_eq!(
            pallet_governance::PendingUpgradeDelay::<Runtime>::get(),
            Some((2 * floor, System::block_number() + floor))
        );
        assert_invariants();
    });
}
