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
            let heap_pages = Box::new(RuntimeCall::System(frame_system::Call::set_heap_pages {
                pages: 1,
            }));
            assert_noop!(
                Governance::dispatch_as_root(RuntimeOrigin::root(), heap_pages),
                Error::<Test>::CallNotImmediate
            );
        });
    }

    #[test]
    fn a_constitutional_call_needs_a_referendum() {
        build_and_execute(|| {
            assert_noop!(
                Governance::dispatch_as_root(RuntimeOrigin::root(), remark()),
                Error::<Test>::ConstitutionalCall
            );
            let delay = Box::new(RuntimeCall::Governance(crate::Call::set_upgrade_delay {
                delay: 10,
            }));
            assert_noop!(
                Governance::dispatch_as_root(RuntimeOrigin::root(), delay),
                Error::<Test>::ConstitutionalCall
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

mod referendum {
    use super::*;
    use crate::{ConstitutionalMotions, Lapse, ReferendumBallot};
    use frame_support::weights::Weight;
    use govchain_primitives::voting::ReferendumOutcome;

    /// The election commission's officer.
    const OFFICER: u64 = 7;
    /// Elections the officer's commission created as referendum ballots.
    const ELECTION: u32 = 3;
    const OTHER_ELECTION: u32 = 4;

    /// A constitutional act: upgrades wait `delay` blocks from then on.
    fn act(delay: u64) -> Box<RuntimeCall> {
        Box::new(RuntimeCall::Governance(crate::Call::set_upgrade_delay {
            delay,
        }))
    }

    /// The council proposes `act(delay)`; returns the motion.
    fn propose(delay: u64) -> u32 {
        let motion = crate::NextMotionId::<Test>::get();
        assert_ok!(Governance::propose_constitutional(
            RuntimeOrigin::root(),
            act(delay),
            decree()
        ));
        motion
    }

    /// A motion for `act(delay)` with `ELECTION` as its ballot.
    fn on_the_ballot(delay: u64) -> u32 {
        let motion = propose(delay);
        MockBallots::create(ELECTION, OFFICER);
        assert_ok!(Governance::attach_ballot(
            RuntimeOrigin::signed(OFFICER),
            motion,
            ELECTION
        ));
        motion
    }

    fn decided(yes: u64, no: u64, ballots: u64, eligible: u64) -> ReferendumOutcome {
        ReferendumOutcome::Decided {
            yes,
            no,
            ballots,
            eligible,
        }
    }

    fn conclude(motion: u32) -> frame_support::dispatch::DispatchResultWithPostInfo {
        Governance::conclude_referendum(RuntimeOrigin::signed(1), motion, Weight::MAX)
    }

    /// The upgrade delay a concluded act set, pending.
    fn pending_delay() -> Option<u64> {
        crate::PendingUpgradeDelay::<Test>::get().map(|(delay, _)| delay)
    }

    #[test]
    fn an_approved_act_is_enacted_by_the_referendum() {
        build_and_execute(|| {
            let motion = propose(20);
            System::assert_last_event(
                Event::ConstitutionalMotionProposed {
                    motion,
                    legal_reference: decree(),
                    ballot_due: 1 + BALLOT_PERIOD,
                }
                .into(),
            );
            MockBallots::create(ELECTION, OFFICER);
            assert_ok!(Governance::attach_ballot(
                RuntimeOrigin::signed(OFFICER),
                motion,
                ELECTION
            ));
            System::assert_last_event(
                Event::ReferendumOpened {
                    motion,
                    election: ELECTION,
                }
                .into(),
            );
            assert_noop!(conclude(motion), Error::<Test>::ReferendumNotOver);

            // 11 of 20 voted, 6 to 4 with one spoiled ballot.
            MockBallots::decide(ELECTION, decided(6, 4, 11, 20));
            assert_eq!(pending_delay(), None);
            assert_ok!(conclude(motion));
            assert_eq!(pending_delay(), Some(20));
            System::assert_last_event(
                Event::ConstitutionalMotionEnacted {
                    motion,
                    yes: 6,
                    no: 4,
                    ballots: 11,
                    eligible: 20,
                    result: Ok(()),
                }
                .into(),
            );
            assert_eq!(ConstitutionalMotions::<Test>::count(), 0);
            assert_noop!(conclude(motion), Error::<Test>::UnknownMotion);
        });
    }

    #[test]
    fn an_act_is_kept_in_the_motion_so_a_large_one_is_refused() {
        build_and_execute(|| {
            assert_noop!(
                Governance::propose_constitutional(
                    RuntimeOrigin::root(),
                    Box::new(RuntimeCall::System(frame_system::Call::remark_with_event {
                        remark: vec![0x42; 300],
                    })),
                    decree()
                ),
                Error::<Test>::CallTooLarge
            );
        });
    }

    #[test]
    fn an_approved_act_that_no_longer_decodes_lapses() {
        build_and_execute(|| {
            let motion = on_the_ballot(20);
            // As if a runtime upgrade had removed the call.
            ConstitutionalMotions::<Test>::mutate(motion, |record| {
                record.as_mut().unwrap().call =
                    frame_support::traits::Bounded::Inline(BoundedVec::truncate_from(vec![
                        0xff, 0xff,
                    ]));
            });
            MockBallots::decide(ELECTION, decided(3, 1, 4, 4));
            assert_ok!(conclude(motion));
            System::assert_last_event(
                Event::ConstitutionalMotionLapsed {
                    motion,
                    reason: Lapse::ActUnavailable,
                }
                .into(),
            );
        });
    }

    #[test]
    fn an_act_the_citizens_reject_or_too_few_decide_lapses() {
        build_and_execute(|| {
            // A tie is not a majority; 7 of 20 is below the 40 % quorum.
            for (outcome, reason) in [
                (decided(5, 5, 10, 20), Lapse::Rejected { yes: 5, no: 5 }),
                (decided(2, 9, 11, 20), Lapse::Rejected { yes: 2, no: 9 }),
                (
                    decided(7, 0, 7, 20),
                    Lapse::NoQuorum {
                        ballots: 7,
                        eligible: 20,
                    },
                ),
                (ReferendumOutcome::Void, Lapse::BallotVoid),
            ] {
                let motion = on_the_ballot(20);
                MockBallots::decide(ELECTION, outcome);
                assert_ok!(conclude(motion));
                System::assert_last_event(
                    Event::ConstitutionalMotionLapsed { motion, reason }.into(),
                );
                assert_eq!(pending_delay(), None);
                assert!(!ConstitutionalMotions::<Test>::contains_key(motion));
            }
            // Exactly the quorum, one vote more than half: enacted.
            let motion = on_the_ballot(21);
            MockBallots::decide(ELECTION, decided(5, 3, 8, 20));
            assert_ok!(conclude(motion));
            assert_eq!(pending_delay(), Some(21));
        });
    }

    #[test]
    fn a_motion_without_a_ballot_lapses_when_its_time_is_over() {
        build_and_execute(|| {
            let motion = propose(20);
            run_to_block(BALLOT_PERIOD);
            assert_noop!(conclude(motion), Error::<Test>::ReferendumNotOver);
            run_to_block(1 + BALLOT_PERIOD);
            MockBallots::create(ELECTION, OFFICER);
            assert_noop!(
                Governance::attach_ballot(RuntimeOrigin::signed(OFFICER), motion, ELECTION),
                Error::<Test>::BallotOverdue
            );
            assert_ok!(conclude(motion));
            System::assert_last_event(
                Event::ConstitutionalMotionLapsed {
                    motion,
                    reason: Lapse::NoBallot,
                }
                .into(),
            );
        });
    }

    #[test]
    fn only_the_council_proposes_and_only_constitutional_acts() {
        build_and_execute(|| {
            assert_noop!(
                Governance::propose_constitutional(RuntimeOrigin::signed(1), act(20), decree()),
                DispatchError::BadOrigin
            );
            let remark = Box::new(RuntimeCall::System(frame_system::Call::remark {
                remark: b"x".to_vec(),
            }));
            assert_noop!(
                Governance::propose_constitutional(RuntimeOrigin::root(), remark, decree()),
                Error::<Test>::NotConstitutional
            );
            assert_noop!(
                Governance::propose_constitutional(RuntimeOrigin::root(), act(20), reference(b"")),
                Error::<Test>::EmptyLegalReference
            );
            assert_noop!(
                Governance::propose_constitutional(
                    RuntimeOrigin::root(),
                    act(20),
                    reference(b"Decree\n1")
                ),
                Error::<Test>::InvalidLegalIdentifier
            );
            let mut unhashed = decree();
            unhashed.instrument_hash = [0; 32];
            assert_noop!(
                Governance::propose_constitutional(RuntimeOrigin::root(), act(20), unhashed),
                Error::<Test>::MissingInstrumentHash
            );
            // At most two wait at once.
            propose(20);
            propose(21);
            assert_noop!(
                Governance::propose_constitutional(RuntimeOrigin::root(), act(22), decree()),
                Error::<Test>::TooManyMotions
            );
        });
    }

    #[test]
    fn motion_numbers_running_out_stop_proposals() {
        build_and_execute(|| {
            crate::NextMotionId::<Test>::put(u32::MAX);
            assert_noop!(
                Governance::propose_constitutional(RuntimeOrigin::root(), act(20), decree()),
                Error::<Test>::Overflow
            );
        });
    }

    #[test]
    fn a_ballot_is_an_election_of_the_officer_s_commission_for_one_motion() {
        build_and_execute(|| {
            let motion = propose(20);
            let other = propose(21);
            MockBallots::create(ELECTION, OFFICER);
            MockBallots::create(OTHER_ELECTION, OFFICER);
            assert_noop!(
                Governance::attach_ballot(RuntimeOrigin::none(), motion, ELECTION),
                DispatchError::BadOrigin
            );
            assert_noop!(
                Governance::attach_ballot(RuntimeOrigin::signed(OFFICER), 9, ELECTION),
                Error::<Test>::UnknownMotion
            );
            // Another commission's officer, or an election that is no referendum ballot.
            assert_noop!(
                Governance::attach_ballot(RuntimeOrigin::signed(8), motion, ELECTION),
                DispatchError::Other(NOT_A_BALLOT)
            );
            assert_noop!(
                Governance::attach_ballot(RuntimeOrigin::signed(OFFICER), motion, 5),
                DispatchError::Other(NOT_A_BALLOT)
            );
            assert_ok!(Governance::attach_ballot(
                RuntimeOrigin::signed(OFFICER),
                motion,
                ELECTION
            ));
            assert_noop!(
                Governance::attach_ballot(RuntimeOrigin::signed(OFFICER), motion, OTHER_ELECTION),
                Error::<Test>::BallotAttached
            );
            assert_noop!(
                Governance::attach_ballot(RuntimeOrigin::signed(OFFICER), other, ELECTION),
                Error::<Test>::ElectionInUse
            );
            assert_eq!(
                ConstitutionalMotions::<Test>::get(motion).unwrap().ballot,
                ReferendumBallot::Election(ELECTION)
            );
        });
    }

    #[test]
    fn concluding_needs_a_signer_and_a_weight_that_covers_the_act() {
        build_and_execute(|| {
            let motion = on_the_ballot(20);
            MockBallots::decide(ELECTION, decided(3, 1, 4, 4));
            assert_noop!(
                Governance::conclude_referendum(RuntimeOrigin::none(), motion, Weight::MAX),
                DispatchError::BadOrigin
            );
            assert_noop!(
                Governance::conclude_referendum(RuntimeOrigin::signed(1), motion, Weight::zero()),
                Error::<Test>::WeightBoundTooLow
            );
            assert_ok!(conclude(motion));
        });
    }

    #[test]
    fn the_upgrade_delay_is_set_by_the_constitutional_origin() {
        build_and_execute(|| {
            assert_noop!(
                Governance::set_upgrade_delay(RuntimeOrigin::signed(1), 10),
                DispatchError::BadOrigin
            );
        });
    }
}

mod referendum_acts {
    use super::*;
    use crate::ConstitutionalMotions;
    use frame_support::weights::Weight;
    use govchain_primitives::voting::ReferendumOutcome;

    #[test]
    fn an_enacted_act_that_fails_reports_its_error_and_the_motion_ends() {
        build_and_execute(|| {
            // `remark_with_event` needs a signed origin: as Root it fails.
            let act = Box::new(RuntimeCall::System(frame_system::Call::remark_with_event {
                remark: b"art. 6".to_vec(),
            }));
            assert_ok!(Governance::propose_constitutional(
                RuntimeOrigin::root(),
                act,
                decree()
            ));
            MockBallots::create(3, 7);
            assert_ok!(Governance::attach_ballot(RuntimeOrigin::signed(7), 0, 3));
            MockBallots::decide(
                3,
                ReferendumOutcome::Decided {
                    yes: 3,
                    no: 1,
                    ballots: 4,
                    eligible: 4,
                },
            );
            assert_ok!(Governance::conclude_referendum(
                RuntimeOrigin::signed(1),
                0,
                Weight::MAX
            ));
            System::assert_last_event(
                Event::ConstitutionalMotionEnacted {
                    motion: 0,
                    yes: 3,
                    no: 1,
                    ballots: 4,
                    eligible: 4,
                    result: Err(DispatchError::BadOrigin),
                }
                .into(),
            );
            assert_eq!(ConstitutionalMotions::<Test>::count(), 0);
        });
    }
}
