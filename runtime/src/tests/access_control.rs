//! The access-control matrix: every privileged call of every govchain registry pallet, and every
//! call of the governance and validator-set pallets, tried by an expired officer, an officer of a
//! suspended institution, an officer of an institution without the role, a citizen and a plain
//! account, is refused with its precise error. An officer of another institution holding the
//! same roles may not act on what its institution did not do: thaw another court's freeze of
//! money, lift its freeze of a parcel, release another bank's lien, cancel another commission's
//! election, approve another court's pending order.
//!
//! The calls are not listed by hand: each pallet's call indices are decoded with all-zero
//! arguments, so a new call is in the matrix the day it is added. Who may sign each is the
//! pallet's own `RegistryCall::signer`, the rule the fee-free path checks in the pool.

use super::{account, pass_council_motion, preset_externalities, register_institution};
use crate::{Identity, Runtime, RuntimeCall, RuntimeOrigin, System};
use codec::Decode;
use frame_support::{
    assert_ok,
    traits::{GetCallMetadata, UnfilteredDispatchable},
};
use govchain_primitives::identity::{CallSigner, KycTier, RegistryCall, Role};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::Dave;
use sp_runtime::{traits::TrailingZeroInput, DispatchError, ModuleError};

/// Who tries each call.
struct Actors {
    expired: crate::AccountId,
    suspended: crate::AccountId,
    without_role: crate::AccountId,
    citizen: crate::AccountId,
    plain: crate::AccountId,
}

/// The pallets whose calls the matrix covers, by runtime pallet index.
const PALLETS: [u8; 7] = [
    2,  // ValidatorSet
    21, // Governance
    40, // Identity
    41, // LandTitles
    42, // Diplomas
    43, // Cbdc
    44, // Voting
];

/// Every call of the pallet at `index`, with all-zero arguments.
fn calls_of(index: u8) -> Vec<RuntimeCall> {
    (0..=u8::MAX)
        .filter_map(|call_index| {
            let prefix = [index, call_index];
            RuntimeCall::decode(&mut TrailingZeroInput::new(&prefix)).ok()
        })
        .collect()
}

/// Who may sign `call`, as its pallet says; the validator-set pallet's calls are all the
/// council's.
fn signer(call: &RuntimeCall) -> CallSigner {
    match call {
        RuntimeCall::Identity(call) => call.signer(),
        RuntimeCall::LandTitles(call) => call.signer(),
        RuntimeCall::Diplomas(call) => call.signer(),
        RuntimeCall::Cbdc(call) => call.signer(),
        RuntimeCall::Voting(call) => call.signer(),
        RuntimeCall::Governance(call) => call.signer(),
        _ => CallSigner::Governance,
    }
}

/// The identity pallet's error `name`, as a dispatch reports it.
fn identity_error(name: &'static str) -> DispatchError {
    let error = match name {
        "NotInstitutionAdmin" => pallet_identity_registry::Error::<Runtime>::NotInstitutionAdmin,
        "NotOfficer" => pallet_identity_registry::Error::<Runtime>::NotOfficer,
        "OfficerExpired" => pallet_identity_registry::Error::<Runtime>::OfficerExpired,
        "InstitutionSuspended" => pallet_identity_registry::Error::<Runtime>::InstitutionSuspended,
        _ => pallet_identity_registry::Error::<Runtime>::RoleNotHeld,
    };
    error.into()
}

/// The error a call signed by each actor must fail with, or `None` where the refusal depends on
/// the call's arguments (an officer of any institution may try an `AnyOfficer` call; its call
/// then checks which roles count).
fn expected(signer: CallSigner, actor: &str) -> Option<DispatchError> {
    match (signer, actor) {
        (CallSigner::Governance, _) => Some(DispatchError::BadOrigin),
        (CallSigner::AdminOf(_), _) => Some(identity_error("NotInstitutionAdmin")),
        (CallSigner::Officer(_) | CallSigner::AnyOfficer, "expired") => {
            Some(identity_error("OfficerExpired"))
        }
        (CallSigner::Officer(_) | CallSigner::AnyOfficer, "suspended") => {
            Some(identity_error("InstitutionSuspended"))
        }
        (CallSigner::Officer(_), "without role") => Some(identity_error("RoleNotHeld")),
        (CallSigner::Officer(_) | CallSigner::AnyOfficer, "citizen" | "plain") => {
            Some(identity_error("NotOfficer"))
        }
        _ => None,
    }
}

/// Errors compare by pallet and variant; the message is not part of the chain's answer.
fn without_message(error: DispatchError) -> DispatchError {
    match error {
        DispatchError::Module(ModuleError { index, error, .. }) => {
            DispatchError::Module(ModuleError {
                index,
                error,
                message: None,
            })
        }
        other => other,
    }
}

/// On the local testnet: institution 0 holds every role one institution may hold together
/// (`Role::all_compatible`), institution 1 too but is suspended, institution 2 holds none.
/// Officers: `Expired` of 0 (whose appointment has ended), `Suspended` of 1, `Without-role` of
/// 2; a citizen registered by 0's registrar; a plain account. Dave administers the three.
fn actors() -> Actors {
    let registrar = account("Registrar");
    let actors = Actors {
        expired: account("Expired"),
        suspended: account("Suspended"),
        without_role: account("Without-role"),
        citizen: account("Citizen"),
        plain: account("Plain"),
    };
    pass_council_motion(RuntimeCall::Utility(pallet_utility::Call::batch_all {
        calls: vec![
            register_institution("ALL", Role::all_compatible()),
            register_institution("SUSPENDED", Role::all_compatible()),
            register_institution("NONE", Vec::new()),
        ],
    }));
    let now = System::block_number();
    for (institution, officer, expires_at) in [
        (0, &registrar, now + 100),
        (0, &actors.expired, now + 1),
        (1, &actors.suspended, now + 100),
        (2, &actors.without_role, now + 100),
    ] {
        assert_ok!(Identity::appoint_officer(
            RuntimeOrigin::signed(Dave.to_account_id()),
            institution,
            officer.clone(),
            expires_at
        ));
    }
    assert_ok!(Identity::register_citizen(
        RuntimeOrigin::signed(registrar),
        actors.citizen.clone(),
        H256::repeat_byte(0xc1),
        None,
        KycTier::Standard
    ));
    pass_council_motion(RuntimeCall::Identity(
        pallet_identity_registry::Call::suspend_institution { institution: 1 },
    ));
    System::set_block_number(now + 1);
    actors
}

#[test]
fn every_privileged_call_refuses_whoever_may_not_make_it_with_its_precise_error() {
    preset_externalities("local_testnet").execute_with(|| {
        let actors = actors();
        let tries = [
            ("expired", &actors.expired),
            ("suspended", &actors.suspended),
            ("without role", &actors.without_role),
            ("citizen", &actors.citizen),
            ("plain", &actors.plain),
        ];
        let mut privileged = 0;
        let mut failures = Vec::new();
        for pallet in PALLETS {
            let calls = calls_of(pallet);
            assert!(!calls.is_empty(), "pallet {pallet} has calls");
            for call in calls {
                let signer = signer(&call);
                if matches!(
                    signer,
                    CallSigner::Citizen | CallSigner::Party | CallSigner::Anyone
                ) {
                    continue;
                }
                privileged += 1;
                let name = call.get_call_metadata();
                for (actor, who) in tries {
                    let result = frame_support::storage::with_transaction(|| {
                        sp_runtime::TransactionOutcome::Rollback(Ok::<_, DispatchError>(
                            call.clone()
                                .dispatch_bypass_filter(RuntimeOrigin::signed(who.clone())),
                        ))
                    })
                    .expect("no storage layer limit");
                    let got = result
                        .map(|_| ())
                        .map_err(|error| without_message(error.error));
                    let ok = match expected(signer, actor) {
                        Some(error) => got == Err(without_message(error)),
                        None => got.is_err(),
                    };
                    if !ok {
                        failures.push(format!(
                            "{}.{} by {actor}: got {got:?}, expected {:?}",
                            name.pallet_name,
                            name.function_name,
                            expected(signer, actor)
                        ));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        // Identity 8 (+3 of dual control), land titles 10, diplomas 9, CBDC 10, voting 3,
        // governance 5, validator set: at least the registries' officer and council calls.
        assert!(privileged >= 50, "only {privileged} privileged calls found");
    });
}

#[test]
fn an_officer_of_another_institution_may_not_act_on_what_its_institution_did_not_do() {
    use crate::{Cbdc, LandTitles, Voting};
    use frame_support::{assert_noop, BoundedVec};
    use govchain_primitives::{dual_control::ActionClass, identity::Party};
    use pallet_e_voting::{BallotMode, BallotOption, ElectionSpec};
    use pallet_land_titles::{Holding, ParcelSpec};
    use sp_runtime::Permill;

    preset_externalities("local_testnet").execute_with(|| {
        let actors = actors();
        // Institution 0's officer acts as its court and land registry; institution 3 holds every
        // role too, and its officer tries to undo what 0 did.
        let (ours, theirs) = (account("Registrar"), account("Other"));
        pass_council_motion(register_institution("OTHER", Role::all_compatible()));
        assert_ok!(Identity::appoint_officer(
            RuntimeOrigin::signed(Dave.to_account_id()),
            3,
            theirs.clone(),
            System::block_number() + 100
        ));
        let signed = |who: &crate::AccountId| RuntimeOrigin::signed(who.clone());
        let citizen = Party::Citizen(
            <Identity as govchain_primitives::identity::IdentityProvider<_>>::citizen_of(
                &actors.citizen,
            )
            .expect("a citizen"),
        );

        // A court's freeze of money is thawed only by that court.
        assert_ok!(Cbdc::freeze(signed(&ours), citizen, H256::repeat_byte(1)));
        assert_noop!(
            Cbdc::thaw(signed(&theirs), citizen),
            pallet_cbdc_reserve::Error::<Runtime>::NotFreezingCourt
        );

        // A court's freeze of a parcel is lifted only by that court.
        assert_ok!(LandTitles::register_parcel(
            signed(&ours),
            ParcelSpec {
                cadastral_number: BoundedVec::truncate_from(b"41:01:0101:99".to_vec()),
                area: 500,
                land_use: 1,
                document_hash: H256::repeat_byte(0xd1),
            },
            BoundedVec::truncate_from(vec![Holding {
                owner: citizen,
                share: Permill::one(),
            }]),
        ));
        // A bank's lien is released only by that bank.
        assert_ok!(LandTitles::propose_lien(
            signed(&ours),
            0,
            H256::repeat_byte(3)
        ));
        assert_ok!(LandTitles::consent_lien(signed(&actors.citizen), 0));
        assert_noop!(
            LandTitles::release_lien(signed(&theirs), 0, 0),
            pallet_land_titles::Error::<Runtime>::NotLienHolder
        );

        // A commission's election is cancelled only by that commission.
        let now = System::block_number();
        assert_ok!(Voting::create_election(
            signed(&ours),
            ElectionSpec {
                question_hash: H256::repeat_byte(4),
                options: BoundedVec::truncate_from(
                    [b"YES".as_slice(), b"NO"]
                        .into_iter()
                        .map(|code| BallotOption {
                            code: BoundedVec::truncate_from(code.to_vec()),
                            text_hash: H256::repeat_byte(5),
                        })
                        .collect()
                ),
                regions: None,
                voting_starts: now + 5,
                voting_ends: now + 10,
                mode: BallotMode::Public,
                trustees: Default::default(),
            }
        ));
        assert_noop!(
            Voting::cancel_election(signed(&theirs), 0),
            pallet_e_voting::Error::<Runtime>::NotElectionCommission
        );

        assert_ok!(LandTitles::freeze_parcel(
            signed(&ours),
            0,
            H256::repeat_byte(2)
        ));
        assert_noop!(
            LandTitles::lift_freeze(signed(&theirs), 0),
            pallet_land_titles::Error::<Runtime>::NotFreezingCourt
        );

        // A pending court order is approved only by the court's own officers. (Thresholds are
        // constitutional: Root here stands for the approved referendum.)
        assert_ok!(Identity::set_approval_threshold(
            RuntimeOrigin::root(),
            Role::Court,
            ActionClass::CourtOrder,
            2
        ));
        assert_ok!(Cbdc::thaw(signed(&ours), citizen));
        assert_noop!(
            Identity::approve_action(signed(&theirs), 0, frame_support::weights::Weight::MAX),
            pallet_identity_registry::Error::<Runtime>::NotActionInstitution
        );
        super::assert_invariants();
    });
}
