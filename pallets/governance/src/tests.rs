//! Given a council (root here) and an upgrade delay of 5 blocks…

use crate::{
    mock::*, Error, Event, LegalReference, PendingUpgrade, ScheduledUpgrade, UpgradeDelay,
};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use sp_core::H256;
use sp_runtime::DispatchError;

const CODE_HASH: H256 = H256::repeat_byte(0xab);

type Reference = LegalReference<frame_support::traits::ConstU32<64>>;

/// A reference with `identifier` and the instrument hashed as 0x5e….
fn reference(identifier: &[u8]) -> Reference {
    LegalReference {
        instrument_hash: [0x5e; 32],
        identifier: BoundedVec::truncate_from(identifier.to_vec()),
    }
}

fn decree() -> Reference {
    reference(b"Decree 2026/118 of the Council of Ministers")
}

mod schedule_upgrade {
    use super::*;

    #[test]
    fn records_the_legal_reference_and_the_enactment_block() {
        build_and_execute(|| {
            assert_ok!(Governance::schedule_upgrade(
                RuntimeOrigin::root(),
                CODE_HASH,
                decree()
            ));

            let enact_at = 1 + UPGRADE_DELAY;
            assert_eq!(
                PendingUpgrade::<Test>::get(),
                Some(ScheduledUpgrade {
                    code_hash: CODE_HASH,
                    legal_reference: decree(),
                    enact_at
                })
            );
            System::assert_last_event(
                Event::UpgradeScheduled {
                    code_hash: CODE_HASH,
                    legal_reference: decree(),
                    enact_at,
                }
                .into(),
            );
        });
    }

    #[test]
    fn the_code_is_not_authorised_before_the_delay() {
        build_and_execute(|| {
            assert_ok!(Governance::schedule_upgrade(
                RuntimeOrigin::root(),
                CODE_HASH,
                decree()
            ));

            run_to_block(UPGRADE_DELAY);
            assert!(System::authorized_upgrade().is_none());
            assert!(PendingUpgrade::<Test>::exists());
        });
    }

    #[test]
    fn the_code_is_authorised_when_the_delay_is_over() {
        build_and_execute(|| {
            assert_ok!(Governance::schedule_upgrade(
                RuntimeOrigin::root(),
                CODE_HASH,
                decree()
            ));

            run_to_block(1 + UPGRADE_DELAY);
            let authorized = System::authorized_upgrade().expect("authorised");
            assert_eq!(authorized.code_hash(), &CODE_HASH);
            assert!(!PendingUpgrade::<Test>::exists());
            System::assert_has_event(
                Event::UpgradeEnacted {
                    code_hash: CODE_HASH,
                }
                .into(),
            );
        });
    }

    #[test]
    fn a_signed_account_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Governance::schedule_upgrade(RuntimeOrigin::signed(1), CODE_HASH, decree()),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn an_upgrade_without_legal_reference_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Governance::schedule_upgrade(RuntimeOrigin::root(), CODE_HASH, reference(b"")),
                Error::<Test>::EmptyLegalReference
            );
        });
    }

    #[test]
    fn an_identifier_that_is_not_printable_ascii_is_refused() {
        build_and_execute(|| {
            for identifier in [&b"Decree\n2026/118"[..], "Décret 118".as_bytes(), b"\0"] {
                assert_noop!(
                    Governance::schedule_upgrade(
                        RuntimeOrigin::root(),
                        CODE_HASH,
                        reference(identifier)
                    ),
                    Error::<Test>::InvalidLegalIdentifier
                );
            }
        });
    }

    #[test]
    fn a_reference_without_the_instrument_s_hash_is_refused() {
        build_and_execute(|| {
            let unhashed = LegalReference {
                instrument_hash: [0; 32],
                ..decree()
            };
            assert_noop!(
                Governance::schedule_upgrade(RuntimeOrigin::root(), CODE_HASH, unhashed),
                Error::<Test>::MissingInstrumentHash
            );
        });
    }

    #[test]
    fn a_second_upgrade_waits_for_the_first() {
        build_and_execute(|| {
            assert_ok!(Governance::schedule_upgrade(
                RuntimeOrigin::root(),
                CODE_HASH,
                decree()
            ));
            assert_noop!(
                Governance::schedule_upgrade(RuntimeOrigin::root(), H256::zero(), decree()),
                Error::<Test>::UpgradePending
            );
        });
    }
}

mod cancel_upgrade {
    use super::*;

    #[test]
    fn a_cancelled_upgrade_is_never_authorised() {
        build_and_execute(|| {
            assert_ok!(Governance::schedule_upgrade(
                RuntimeOrigin::root(),
                CODE_HASH,
                decree()
            ));
            assert_ok!(Governance::cancel_upgrade(RuntimeOrigin::root()));
            System::assert_last_event(
                Event::UpgradeCancelled {
                    code_hash: CODE_HASH,
                }
                .into(),
            );

            run_to_block(2 + UPGRADE_DELAY);
            assert!(System::authorized_upgrade().is_none());
            assert!(!PendingUpgrade::<Test>::exists());
        });
    }

    #[test]
    fn a_signed_account_is_refused() {
        build_and_execute(|| {
            assert_ok!(Governance::schedule_upgrade(
                RuntimeOrigin::root(),
                CODE_HASH,
                decree()
            ));
            assert_noop!(
                Governance::cancel_upgrade(RuntimeOrigin::signed(1)),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn nothing_pending_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Governance::cancel_upgrade(RuntimeOrigin::root()),
                Error::<Test>::NoUpgradePending
            );
        });
    }
}

mod enact_upgrade {
    use super::*;

    #[test]
    fn only_root_may_enact() {
        build_and_execute(|| {
            assert_ok!(Governance::schedule_upgrade(
                RuntimeOrigin::root(),
                CODE_HASH,
                decree()
            ));
            assert_noop!(
                Governance::enact_upgrade(RuntimeOrigin::signed(1), CODE_HASH),
                DispatchError::BadOrigin
            );
        });
    }

    #[test]
    fn nothing_pending_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Governance::enact_upgrade(RuntimeOrigin::root(), CODE_HASH),
                Error::<Test>::NoUpgradePending
            );
        });
    }

    #[test]
    fn another_code_hash_is_refused() {
        build_and_execute(|| {
            assert_ok!(Governance::schedule_upgrade(
                RuntimeOrigin::root(),
                CODE_HASH,
                decree()
            ));
            assert_noop!(
                Governance::enact_upgrade(RuntimeOrigin::root(), H256::zero()),
                Error::<Test>::UpgradeMismatch
            );
        });
    }
}

mod dispatch_as_root {
    use super::*;

    fn remark() -> Box<RuntimeCall> {
        Box::new(RuntimeCall::System(frame_system::Call::remark_with_event {
            remark: b"hello".to_vec(),
        }))
    }

    #[test]
    fn an_allowed_call_runs_as_root() {
        build_and_execute(|| {
            let call = Box::new(RuntimeCall::System(frame_system::Call::remark {
                remark: b"hello".to_vec(),
            }));
            assert_ok!(Governance::dispatch_as_root(RuntimeOrigin::root(), call));
            System::assert_last_event(Event::DispatchedAsRoot { result: Ok(()) }.into());
        });
    }

    #[test]
    fn a_call_outside_the_allowed_set_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Governance::dispatch_as_root(RuntimeOrigin::root(), remark()),
                Error::<Test>::CallNotImmediate
            );
        });
    }

    #[test]
    fn an_upgrade_cannot_skip_the_delay() {
        build_and_execute(|| {
            let authorize = Box::new(RuntimeCall::System(frame_system::Call::authorize_upgrade {
                code_hash: CODE_HASH,
            }));
            assert_noop!(
                Governance::dispatch_as_root(RuntimeOrigin::root(), authorize),
                Error::<Test>::CallNotImmediate
            );
        });
    }

    #[test]
    fn a_signed_account_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Governance::dispatch_as_root(RuntimeOrigin::signed(1), remark()),
                DispatchError::BadOrigin
            );
        });
    }
}

mod set_upgrade_delay {
    use super::*;
    use crate::PendingUpgradeDelay;

    #[test]
    fn a_new_delay_waits_out_the_current_one_then_applies_to_later_upgrades() {
        build_and_execute(|| {
            assert_ok!(Governance::set_upgrade_delay(RuntimeOrigin::root(), 20));
            assert_eq!(UpgradeDelay::<Test>::get(), UPGRADE_DELAY);
            assert_eq!(PendingUpgradeDelay::<Test>::get(), Some((20, 6)));
            System::assert_last_event(
                Event::UpgradeDelayScheduled {
                    delay: 20,
                    enact_at: 6,
                }
                .into(),
            );

            run_to_block(6);
            assert_eq!(UpgradeDelay::<Test>::get(), 20);
            assert_eq!(PendingUpgradeDelay::<Test>::get(), None);
            System::assert_has_event(Event::UpgradeDelaySet { delay: 20 }.into());

            assert_ok!(Governance::schedule_upgrade(
                RuntimeOrigin::root(),
                CODE_HASH,
                decree()
            ));
            assert_eq!(PendingUpgrade::<Test>::get().map(|p| p.enact_at), Some(26));
        });
    }

    #[test]
    fn a_shorter_delay_does_not_speed_up_an_upgrade_scheduled_with_it() {
        build_and_execute(|| {
            assert_ok!(Governance::set_upgrade_delay(RuntimeOrigin::root(), 3));
            // In the same motion's block, an upgrade still waits the current delay.
            assert_ok!(Governance::schedule_upgrade(
                RuntimeOrigin::root(),
                CODE_HASH,
                decree()
            ));
            assert_eq!(
                PendingUpgrade::<Test>::get().map(|p| p.enact_at),
                Some(1 + UPGRADE_DELAY)
            );
        });
    }

    #[test]
    fn a_second_change_replaces_the_pending_one() {
        build_and_execute(|| {
            assert_ok!(Governance::set_upgrade_delay(RuntimeOrigin::root(), 20));
            System::set_block_number(2);
            assert_ok!(Governance::set_upgrade_delay(RuntimeOrigin::root(), 30));
            assert_eq!(PendingUpgradeDelay::<Test>::get(), Some((30, 7)));

            run_to_block(7);
            assert_eq!(UpgradeDelay::<Test>::get(), 30);
            assert!(!System::events().iter().any(|record| record.event
                == RuntimeEvent::Governance(Event::UpgradeDelaySet { delay: 20 })));
        });
    }

    #[test]
    fn a_delay_below_the_floor_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Governance::set_upgrade_delay(RuntimeOrigin::root(), 0),
                Error::<Test>::DelayBelowFloor
            );
            assert_noop!(
                Governance::set_upgrade_delay(RuntimeOrigin::root(), 2),
                Error::<Test>::DelayBelowFloor
            );
            assert_ok!(Governance::set_upgrade_delay(RuntimeOrigin::root(), 3));
        });
    }

    #[test]
    fn a_pending_upgrade_keeps_its_enactment_block() {
        build_and_execute(|| {
            assert_ok!(Governance::schedule_upgrade(
                RuntimeOrigin::root(),
                CODE_HASH,
                decree()
            ));
            assert_ok!(Governance::set_upgrade_delay(RuntimeOrigin::root(), 20));

            run_to_block(1 + UPGRADE_DELAY);
            assert!(System::authorized_upgrade().is_some());
        });
    }

    #[test]
    fn a_zero_delay_from_genesis_still_waits_one_block() {
        build_and_execute(|| {
            UpgradeDelay::<Test>::put(0);
            assert_ok!(Governance::schedule_upgrade(
                RuntimeOrigin::root(),
                CODE_HASH,
                decree()
            ));
            assert!(System::authorized_upgrade().is_none());

            run_to_block(2);
            assert!(System::authorized_upgrade().is_some());
        });
    }

    #[test]
    fn only_the_scheduler_enacts_a_change_and_only_the_pending_one() {
        build_and_execute(|| {
            assert_noop!(
                Governance::enact_upgrade_delay(RuntimeOrigin::signed(1), 20),
                DispatchError::BadOrigin
            );
            assert_noop!(
                Governance::enact_upgrade_delay(RuntimeOrigin::root(), 20),
                Error::<Test>::DelayChangeMismatch
            );
            assert_ok!(Governance::set_upgrade_delay(RuntimeOrigin::root(), 20));
            assert_noop!(
                Governance::enact_upgrade_delay(RuntimeOrigin::root(), 30),
                Error::<Test>::DelayChangeMismatch
            );
        });
    }

    #[test]
    fn a_signed_account_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Governance::set_upgrade_delay(RuntimeOrigin::signed(1), 20),
                DispatchError::BadOrigin
            );
        });
    }
}

mod migration_to_v2 {
    use super::*;
    use crate::migrations::v2::{v1, StructureLegalReference};
    use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

    #[test]
    fn a_pending_upgrade_keeps_its_text_as_the_identifier() {
        build_and_execute(|| {
            assert_ok!(Governance::schedule_upgrade(
                RuntimeOrigin::root(),
                CODE_HASH,
                decree()
            ));
            // As version 1 stored it: the reference as free text.
            let text = decree().identifier;
            v1::PendingUpgrade::<Test>::put(v1::ScheduledUpgrade {
                code_hash: CODE_HASH,
                legal_reference: text.clone(),
                enact_at: 6,
            });
            StorageVersion::new(1).put::<Governance>();

            StructureLegalReference::<Test>::on_runtime_upgrade();

            assert_eq!(
                PendingUpgrade::<Test>::get(),
                Some(ScheduledUpgrade {
                    code_hash: CODE_HASH,
                    legal_reference: LegalReference {
                        instrument_hash: [0; 32],
                        identifier: text,
                    },
                    enact_at: 6,
                })
            );
            assert_eq!(Governance::on_chain_storage_version(), 2);
        });
    }

    #[test]
    fn without_a_pending_upgrade_nothing_is_written() {
        build_and_execute(|| {
            StorageVersion::new(1).put::<Governance>();

            StructureLegalReference::<Test>::on_runtime_upgrade();

            assert_eq!(PendingUpgrade::<Test>::get(), None);
            assert_eq!(Governance::on_chain_storage_version(), 2);
        });
    }
}
