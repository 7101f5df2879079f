//! Citizens ratify constitutional acts: the council proposes a longer upgrade delay as a
//! constitutional motion (its own motions and `dispatch_as_root` cannot set it); the election
//! commission offers a `YES`/`NO` poll as its referendum; five token-less citizens vote; once the
//! poll closed anyone concludes it. Approved by a majority with a quorum, the act is dispatched;
//! rejected, or approved by too few voters, it lapses and nothing changes. Every constitutional
//! act (the upgrade delay, the council's members, the validator-set minimum, the dual-control
//! thresholds and registration caps) is out of the council's own reach and fits a motion.

use super::{
    apply_signed, assert_invariants, next_block, pass_council_motion, preset_externalities,
    register_institution,
};
use crate::{Governance, Identity, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System};
use frame_support::{assert_noop, assert_ok, weights::Weight, BoundedVec};
use govchain_primitives::identity::{KycTier, Role};
use pallet_e_voting::{BallotMode, BallotOption, ElectionSpec};
use pallet_governance::{Event, Lapse, LegalReference};
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring::Dave;

fn key(name: &str) -> sr25519::Pair {
    sr25519::Pair::from_string(&format!("//{name}"), None).expect("a valid derivation")
}

fn account_of(pair: &sr25519::Pair) -> crate::AccountId {
    pair.public().into()
}

/// The act put to the citizens: upgrades wait twice the floor from now on.
fn longer_delay() -> RuntimeCall {
    RuntimeCall::Governance(pallet_governance::Call::set_upgrade_delay {
        delay: 2 * crate::configs::MinUpgradeDelay::get(),
    })
}

/// One act of each kind the runtime keeps for referendums (`ConstitutionalCalls`).
fn constitutional_acts() -> Vec<RuntimeCall> {
    use govchain_primitives::dual_control::ActionClass;
    vec![
        longer_delay(),
        RuntimeCall::Council(pallet_collective::Call::set_members {
            new_members: vec![account_of(&key("Alice")), account_of(&key("Bob"))],
            prime: None,
            old_count: 3,
        }),
        RuntimeCall::ValidatorSet(pallet_validator_set::Call::set_min_validators {
            min_validators: 4,
        }),
        RuntimeCall::Identity(pallet_identity_registry::Call::set_approval_threshold {
            role: Role::CentralBank,
            class: ActionClass::Minting,
            threshold: 1,
        }),
        RuntimeCall::Identity(pallet_identity_registry::Call::set_registration_caps {
            per_officer: u32::MAX,
            per_institution: u32::MAX,
        }),
    ]
}

/// The council's motion proposing [`longer_delay`] as a constitutional act; returns its number.
fn propose() -> u32 {
    propose_act(longer_delay())
}

/// The council's motion proposing `act` as a constitutional act; returns its number.
fn propose_act(act: RuntimeCall) -> u32 {
    let motion = pallet_governance::NextMotionId::<Runtime>::get();
    pass_council_motion(RuntimeCall::Governance(
        pallet_governance::Call::propose_constitutional {
            call: Box::new(act),
            legal_reference: LegalReference {
                instrument_hash: [0xc0; 32],
                identifier: BoundedVec::truncate_from(
                    b"Constitutional Act 2027/1, art. 88".to_vec(),
                ),
            },
        },
    ));
    motion
}

struct Republic {
    commissioner: sr25519::Pair,
    citizens: Vec<sr25519::Pair>,
    nonces: Vec<u32>,
}

impl Republic {
    /// An election commission (also the civil registry) with its officer, and five citizens.
    fn new() -> Self {
        let commissioner = key("Commissioner");
        pass_council_motion(register_institution(
            "CEC",
            vec![Role::ElectionCommission, Role::CivilRegistry],
        ));
        assert_ok!(Identity::appoint_officer(
            RuntimeOrigin::signed(Dave.to_account_id()),
            0,
            account_of(&commissioner),
            System::block_number() + 60 * crate::DAYS
        ));
        let citizens: Vec<sr25519::Pair> = (0..5).map(|n| key(&format!("Citizen{n}"))).collect();
        for (n, citizen) in citizens.iter().enumerate() {
            assert_ok!(Identity::register_citizen(
                RuntimeOrigin::signed(account_of(&commissioner)),
                account_of(citizen),
                H256::from_low_u64_be(0x7000 + n as u64),
                Some(1),
                KycTier::Basic,
            ));
        }
        Self {
            commissioner,
            nonces: vec![0; citizens.len()],
            citizens,
        }
    }

    /// The commission creates a `YES`/`NO` poll voting for the next 3 blocks from the next one
    /// and offers it as `motion`'s referendum; returns the election.
    fn ballot_for(&self, motion: u32) -> u32 {
        let election = pallet_e_voting::NextElectionId::<Runtime>::get();
        let now = System::block_number();
        let option = |code: &[u8], n| BallotOption {
            code: BoundedVec::truncate_from(code.to_vec()),
            text_hash: H256::repeat_byte(n),
        };
        assert_ok!(crate::Voting::create_election(
            RuntimeOrigin::signed(account_of(&self.commissioner)),
            ElectionSpec {
                question_hash: H256::repeat_byte(0xc1),
                options: BoundedVec::truncate_from(vec![option(b"YES", 1), option(b"NO", 2)]),
                regions: None,
                voting_starts: now + 1,
                voting_ends: now + 4,
                mode: BallotMode::Public,
                trustees: Default::default(),
            }
        ));
        assert_ok!(Governance::attach_ballot(
            RuntimeOrigin::signed(account_of(&self.commissioner)),
            motion,
            election
        ));
        election
    }

    /// Voting opens; citizen `n` votes `choices[n]` (0 `YES`, 1 `NO`) fee-free, `None` stays
    /// home; voting closes.
    fn vote(&mut self, election: u32, choices: [Option<u8>; 5]) {
        next_block();
        for (n, choice) in choices.into_iter().enumerate() {
            let Some(option) = choice else { continue };
            let call = RuntimeCall::Voting(pallet_e_voting::Call::vote { election, option });
            assert_eq!(
                apply_signed(&self.citizens[n], self.nonces[n], call),
                Ok(Ok(()))
            );
            self.nonces[n] += 1;
        }
        for _ in 0..3 {
            next_block();
        }
    }
}

fn conclude(motion: u32) -> frame_support::dispatch::DispatchResultWithPostInfo {
    Governance::conclude_referendum(
        RuntimeOrigin::signed(Dave.to_account_id()),
        motion,
        Weight::from_parts(10_000_000_000, 100_000),
    )
}

fn pending_delay() -> Option<u32> {
    pallet_governance::PendingUpgradeDelay::<Runtime>::get().map(|(delay, _)| delay)
}

#[test]
fn the_council_alone_cannot_change_a_constitutional_rule() {
    preset_externalities("local_testnet").execute_with(|| {
        let council = || -> RuntimeOrigin {
            pallet_collective::RawOrigin::<_, crate::configs::CouncilCollective>::Members(3, 3)
                .into()
        };
        for act in constitutional_acts() {
            assert_noop!(
                Governance::dispatch_as_root(council(), Box::new(act.clone())),
                pallet_governance::Error::<Runtime>::ConstitutionalCall
            );
            assert_eq!(
                frame_support::traits::UnfilteredDispatchable::dispatch_bypass_filter(
                    act.clone(),
                    council()
                )
                .map_err(|failure| failure.error),
                Err(sp_runtime::DispatchError::BadOrigin),
                "{act:?}"
            );
            // ... but each goes to the citizens as a motion (inline, within 128 bytes).
            let motion = propose_act(act);
            assert!(pallet_governance::ConstitutionalMotions::<Runtime>::contains_key(motion));
        }
        assert_invariants();
    });
}

#[test]
fn an_approved_referendum_enacts_the_act() {
    preset_externalities("local_testnet").execute_with(|| {
        let mut republic = Republic::new();
        let motion = propose();
        let election = republic.ballot_for(motion);
        assert_noop!(
            conclude(motion),
            pallet_governance::Error::<Runtime>::ReferendumNotOver
        );
        // Four of five vote, three of them YES.
        republic.vote(election, [Some(0), Some(0), Some(1), Some(0), None]);
        assert_eq!(pending_delay(), None);
        assert_ok!(conclude(motion));
        System::assert_has_event(RuntimeEvent::Governance(
            Event::ConstitutionalMotionEnacted {
                motion,
                yes: 3,
                no: 1,
                ballots: 4,
                eligible: 5,
                result: Ok(()),
            },
        ));
        assert_eq!(
            pending_delay(),
            Some(2 * crate::configs::MinUpgradeDelay::get())
        );
        assert_eq!(
            pallet_governance::ConstitutionalMotions::<Runtime>::count(),
            0
        );

        // The validator-set minimum the same way: 3 in the local testnet, 4 once approved.
        let motion = propose_act(RuntimeCall::ValidatorSet(
            pallet_validator_set::Call::set_min_validators { min_validators: 4 },
        ));
        let election = republic.ballot_for(motion);
        republic.vote(election, [Some(0), Some(0), Some(0), None, None]);
        assert_eq!(pallet_validator_set::MinValidators::<Runtime>::get(), 3);
        assert_ok!(conclude(motion));
        assert_eq!(pallet_validator_set::MinValidators::<Runtime>::get(), 4);
        assert_invariants();
    });
}

#[test]
fn a_rejected_or_inquorate_referendum_lapses() {
    preset_externalities("local_testnet").execute_with(|| {
        let mut republic = Republic::new();
        // Rejected: one YES, three NO.
        let rejected = propose();
        let election = republic.ballot_for(rejected);
        republic.vote(election, [Some(0), Some(1), Some(1), Some(1), None]);
        assert_ok!(conclude(rejected));
        System::assert_has_event(RuntimeEvent::Governance(
            Event::ConstitutionalMotionLapsed {
                motion: rejected,
                reason: Lapse::Rejected { yes: 1, no: 3 },
            },
        ));
        // Approved by the two who voted, but 2 of 5 is below the 50 % quorum.
        let inquorate = propose();
        let election = republic.ballot_for(inquorate);
        republic.vote(election, [Some(0), None, None, Some(0), None]);
        assert_ok!(conclude(inquorate));
        System::assert_has_event(RuntimeEvent::Governance(
            Event::ConstitutionalMotionLapsed {
                motion: inquorate,
                reason: Lapse::NoQuorum {
                    ballots: 2,
                    eligible: 5,
                },
            },
        ));
        assert_eq!(pending_delay(), None);
        assert_eq!(
            pallet_governance::ConstitutionalMotions::<Runtime>::count(),
            0
        );
        assert_invariants();
    });
}
