//! A diploma's status agrees with its history, whatever happens around it.
//!
//! Random sequences of 1 to 39 operations go through the pallet's dispatchables: accrediting,
//! extending, suspending, lifting and withdrawing accreditations; issuing singly and in batches;
//! importing historic diplomas; revoking and reinstating; days and blocks passing. They are signed
//! by the right and the wrong officers, a citizen and an outsider, and pick among two universities
//! (and a court posing as one), a few serials and holders, and the diplomas recorded so far. The
//! pallet has no programmes and no dual control.
//!
//! The test keeps its own model: per diploma, the lifecycle events that succeeded, in order. A
//! refused call leaves the state root as it was; a revocation or reinstatement succeeds exactly
//! when the rules allow it given the history. After every operation the stored diploma and
//! history, its record and `verify` say what the history implies (the last revocation not
//! followed by a reinstatement stands), each issuer and holder has the diplomas of the model, and
//! `do_try_state` holds.

use super::*;
use crate::{
    Accreditations, DiplomaCount, DiplomaRecord, History, HolderDiplomaCount, Period, Provenance,
    Records, Status, MAX_PAGE,
};
use codec::Encode;
use frame_support::assert_ok;
use govchain_primitives::identity::InstitutionId;
use proptest::prelude::*;
use sp_runtime::StateVersion;

/// The ministry, both universities, both courts, a land registry, a citizen and an outsider.
const SIGNERS: [u64; 8] = [
    MINISTER,
    DEAN,
    OTHER_DEAN,
    JUDGE,
    OTHER_JUDGE,
    REGISTRAR,
    ALICE,
    NOBODY,
];
/// What accreditation acts on: two universities and a court, which is none.
const INSTITUTIONS: [InstitutionId; 3] = [UNIVERSITY_ID, OTHER_UNIVERSITY_ID, COURT_ID];
/// Few serials, so that issuers reuse them; the last is invalid.
const SERIALS: [&str; 5] = ["D-1", "D-2", "D-3", "D-4", "not valid"];
const HOLDERS: [CitizenId; 3] = [ALICE_ID, BOB_ID, UNKNOWN_CITIZEN];
/// A body of the national classifier, not on chain.
const HISTORIC: Issuer = Issuer::Historic(7_001);
/// The issuers of imported diplomas: both universities, a court and a historic body.
const ISSUERS: [Issuer; 4] = [
    Issuer::Institution(UNIVERSITY_ID),
    Issuer::Institution(OTHER_UNIVERSITY_ID),
    Issuer::Institution(COURT_ID),
    HISTORIC,
];

/// A diploma to record: serial, holder and date in days from today.
#[derive(Clone, Debug)]
struct Draft(&'static str, CitizenId, i32);

impl Draft {
    fn spec(&self) -> DiplomaSpec {
        spec(self.0, self.1, Today::get().saturating_add_signed(self.2))
    }
}

/// A call, signed by its first field, or time passing. Days count from today; a `usize` picks a
/// diploma.
#[derive(Clone, Debug)]
enum Op {
    /// From `start`, for `length` more days.
    Accredit(u64, InstitutionId, i32, Day),
    /// Until that many days ahead.
    Extend(u64, InstitutionId, Day),
    Suspend(u64, InstitutionId),
    Lift(u64, InstitutionId),
    /// The last day that many days back, or today.
    Withdraw(u64, InstitutionId, Option<Day>),
    Issue(u64, Draft),
    IssueBatch(u64, Vec<Draft>),
    Import(u64, Vec<(Issuer, Draft)>),
    Revoke(u64, usize, RevocationReason),
    Reinstate(u64, usize),
    /// Days, then blocks.
    Pass(Day, u64),
}

/// What happened to a diploma, and at which block.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Lifecycle {
    /// Issued, or imported (`true`).
    Recorded(bool, u64),
    Revoked(RevocationReason, Authority, u64),
    Reinstated(Authority, u64),
}

/// A diploma the test saw recorded, and its lifecycle events that succeeded, oldest first.
struct Expected {
    id: DiplomaId,
    issuer: Issuer,
    spec: DiplomaSpec,
    events: Vec<Lifecycle>,
}

impl Expected {
    /// How and at which block it was recorded: its first event.
    fn provenance(&self) -> (Provenance, u64) {
        match self.events.first() {
            Some(&Lifecycle::Recorded(true, at)) => (
                Provenance::Imported {
                    ministry: MINISTRY_ID,
                },
                at,
            ),
            Some(&Lifecycle::Recorded(false, at)) => (Provenance::Issued, at),
            other => panic!("a diploma's first event is its recording, not {other:?}"),
        }
    }

    /// Revoked by the last revocation not followed by a reinstatement, else valid.
    fn status(&self) -> Status<u64> {
        let mut status = Status::Valid;
        for event in &self.events {
            status = match *event {
                Lifecycle::Recorded(..) | Lifecycle::Reinstated(..) => Status::Valid,
                Lifecycle::Revoked(reason, by, at) => Status::Revoked { reason, by, at },
            };
        }
        status
    }

    /// Its revocations and reinstatements.
    fn history(&self) -> Vec<StatusEvent<u64>> {
        let change = |event: &Lifecycle| match *event {
            Lifecycle::Recorded(..) => None,
            Lifecycle::Revoked(reason, by, at) => Some(revoked_at(reason, by, at)),
            Lifecycle::Reinstated(by, at) => Some(reinstated_at(by, at)),
        };
        self.events.iter().filter_map(change).collect()
    }

    /// Imported, or dated within one of its university's stored periods.
    fn accredited(&self) -> bool {
        let day = self.spec.issued_on;
        match (self.provenance().0, self.issuer) {
            (Provenance::Imported { .. }, _) => true,
            (Provenance::Issued, Issuer::Institution(university)) => {
                let periods = Accreditations::<Test>::get(university).map(|a| a.periods);
                periods.is_some_and(|periods| {
                    periods.iter().any(|p| (p.from..=p.until).contains(&day))
                })
            }
            (Provenance::Issued, Issuer::Historic(_)) => false,
        }
    }

    fn record(&self) -> DiplomaRecord<u64> {
        let (provenance, recorded_at) = self.provenance();
        DiplomaRecord {
            id: self.id,
            issuer: self.issuer,
            spec: self.spec.clone(),
            provenance,
            recorded_at,
            status: self.status(),
            issuer_accredited_on_issue_date: self.accredited(),
            history: self.history(),
        }
    }

    fn verification(&self) -> Verification<u64> {
        match self.status() {
            Status::Revoked { reason, at, .. } => Verification::Revoked { reason, at },
            Status::Valid if self.accredited() => Verification::Valid,
            Status::Valid => Verification::IssuerNotAccredited,
        }
    }

    /// Who `signer` revokes as, if the rules let them now: the issuer its own diplomas, a court
    /// any (and over the issuer or the ministry), the ministry imported ones; only a court by
    /// court order; anyone else only with room left in the history for a court after them.
    fn revoked_by(&self, signer: u64, reason: RevocationReason) -> Option<Authority> {
        let by = match signer {
            DEAN | OTHER_DEAN if self.issuer == Issuer::Institution(university_of(signer)) => {
                Authority::Issuer(university_of(signer))
            }
            JUDGE | OTHER_JUDGE => Authority::Court(institution_of(signer)?),
            MINISTER if matches!(self.provenance().0, Provenance::Imported { .. }) => {
                Authority::Ministry(MINISTRY_ID)
            }
            _ => return None,
        };
        let by_court = matches!(by, Authority::Court(_));
        let over = match self.status() {
            Status::Valid => true,
            Status::Revoked { by: earlier, .. } => {
                by_court && !matches!(earlier, Authority::Court(_))
            }
        };
        let needed = if by_court { 1 } else { 2 };
        let room = self.history().len() + needed <= MaxStatusChanges::get() as usize;
        (over && room && (by_court || reason != RevocationReason::CourtOrder)).then_some(by)
    }

    /// The authority that revoked it, if `signer` acts for it and the history keeps room for a
    /// revocation and a court's after the reinstatement.
    fn reinstated_by(&self, signer: u64) -> Option<Authority> {
        let Status::Revoked { by, .. } = self.status() else {
            return None;
        };
        let room = self.history().len() + 3 <= MaxStatusChanges::get() as usize;
        (institution_of(signer) == Some(by.institution()) && room).then_some(by)
    }
}

/// The diplomas recorded so far, in order.
#[derive(Default)]
struct Model {
    diplomas: Vec<Expected>,
}

impl Model {
    fn record(&mut self, issuer: Issuer, spec: DiplomaSpec, imported: bool, at: u64) {
        let id = DiplomaId::from(sp_io::hashing::blake2_256(&(issuer, &spec.serial).encode()));
        assert!(
            self.diplomas.iter().all(|known| known.id != id),
            "{id:?} twice"
        );
        let events = vec![Lifecycle::Recorded(imported, at)];
        self.diplomas.push(Expected {
            id,
            issuer,
            spec,
            events,
        });
    }

    /// Calls `call` on the diploma `pick` chooses among those recorded and one never recorded;
    /// it must succeed exactly when `predict` names an authority, whose `event` is then added.
    fn change(
        &mut self,
        pick: usize,
        predict: impl FnOnce(&Expected) -> Option<Authority>,
        call: impl FnOnce(DiplomaId) -> DispatchResult,
        event: impl FnOnce(Authority) -> Lifecycle,
    ) -> DispatchResult {
        let index = pick % (self.diplomas.len() + 1);
        let target = self.diplomas.get_mut(index);
        let id = target.as_ref().map_or_else(unknown_id, |known| known.id);
        let by = target.as_deref().and_then(predict);
        let result = call(id);
        assert_eq!(
            result.is_ok(),
            by.is_some(),
            "{result:?}; the history predicts {by:?}"
        );
        if let (Ok(()), Some(diploma), Some(by)) = (result, target, by) {
            diploma.events.push(event(by));
        }
        result
    }
}

/// The institution `signer` is an officer of, if any.
fn institution_of(signer: u64) -> Option<InstitutionId> {
    match signer {
        MINISTER => Some(MINISTRY_ID),
        DEAN => Some(UNIVERSITY_ID),
        OTHER_DEAN => Some(OTHER_UNIVERSITY_ID),
        JUDGE => Some(COURT_ID),
        OTHER_JUDGE => Some(OTHER_COURT_ID),
        REGISTRAR => Some(REGISTRY_ID),
        _ => None,
    }
}

/// The university a dean acts for; only deans issue.
fn university_of(dean: u64) -> InstitutionId {
    match dean {
        DEAN => UNIVERSITY_ID,
        OTHER_DEAN => OTHER_UNIVERSITY_ID,
        other => panic!("{other} issued diplomas but is no dean"),
    }
}

fn unknown_id() -> DiplomaId {
    DiplomaId::repeat_byte(0xEE)
}

fn state_root() -> Vec<u8> {
    sp_io::storage::root(StateVersion::V1)
}

/// Applies `op` through the pallet's dispatchable and returns the call's result: a refused call
/// must leave the state root as it was, an accepted one is added to `model`.
fn apply(model: &mut Model, op: &Op) -> DispatchResult {
    let root = state_root();
    let (today, at, signed) = (Today::get(), System::block_number(), RuntimeOrigin::signed);
    let result = match op.clone() {
        Op::Accredit(signer, university, start, length) => {
            let from = today.saturating_add_signed(start);
            let until = from.saturating_add(length);
            Diplomas::accredit(signed(signer), university, Period { from, until })
        }
        Op::Extend(signer, university, ahead) => {
            Diplomas::extend_accreditation(signed(signer), university, today + ahead)
        }
        Op::Suspend(signer, university) => {
            Diplomas::suspend_accreditation(signed(signer), university)
        }
        Op::Lift(signer, university) => Diplomas::lift_suspension(signed(signer), university),
        Op::Withdraw(signer, university, back) => {
            let last_day = back.map(|back| today.saturating_sub(back));
            Diplomas::withdraw_accreditation(signed(signer), university, last_day)
        }
        Op::Issue(signer, draft) => {
            let result = Diplomas::issue(signed(signer), draft.spec());
            if result.is_ok() {
                let issuer = Issuer::Institution(university_of(signer));
                model.record(issuer, draft.spec(), false, at);
            }
            result
        }
        Op::IssueBatch(signer, drafts) => {
            let specs: Vec<_> = drafts.iter().map(Draft::spec).collect();
            let result =
                without_post_info(Diplomas::issue_batch(signed(signer), batch(specs.clone())));
            if result.is_ok() {
                let issuer = Issuer::Institution(university_of(signer));
                specs
                    .into_iter()
                    .for_each(|spec| model.record(issuer, spec, false, at));
            }
            result
        }
        Op::Import(signer, drafts) => {
            let legacy = |(issuer, draft): &(Issuer, Draft)| LegacyDiploma {
                issuer: *issuer,
                spec: draft.spec(),
            };
            let diplomas: Vec<_> = drafts.iter().map(legacy).collect();
            let result = without_post_info(Diplomas::import_legacy(
                signed(signer),
                batch(diplomas.clone()),
            ));
            if result.is_ok() {
                assert_eq!(signer, MINISTER, "only the ministry imports");
                for LegacyDiploma { issuer, spec } in diplomas {
                    model.record(issuer, spec, true, at);
                }
            }
            result
        }
        Op::Revoke(signer, pick, reason) => model.change(
            pick,
            |diploma| diploma.revoked_by(signer, reason),
            |id| revoke(signer, id, reason),
            |by| Lifecycle::Revoked(reason, by, at),
        ),
        Op::Reinstate(signer, pick) => model.change(
            pick,
            |diploma| diploma.reinstated_by(signer),
            |id| reinstate(signer, id),
            |by| Lifecycle::Reinstated(by, at),
        ),
        Op::Pass(days, blocks) => {
            advance_days(days);
            System::set_block_number(at + blocks);
            Ok(())
        }
    };
    if result.is_err() {
        assert_eq!(
            state_root(),
            root,
            "{op:?} was refused, yet changed the state"
        );
    }
    result
}

/// How many of `diplomas` there are, and how many of them are revoked.
fn tally(diplomas: impl Iterator<Item = Status<u64>>) -> (usize, usize) {
    let revoked = |status: &Status<u64>| usize::from(matches!(status, Status::Revoked { .. }));
    diplomas.fold((0, 0), |(all, revoked_ones), status| {
        (all + 1, revoked_ones + revoked(&status))
    })
}

/// Checks the chain against `model` by the test's own reading of the rules, then the pallet's
/// invariants.
fn check(model: &Model) {
    assert_eq!(DiplomaCount::<Test>::get(), model.diplomas.len() as u64);
    assert_eq!(Records::<Test>::iter_keys().count(), model.diplomas.len());
    let changed = model.diplomas.iter().filter(|known| known.events.len() > 1);
    assert_eq!(History::<Test>::iter_keys().count(), changed.count());
    for expected in &model.diplomas {
        let id = expected.id;
        let stored = Records::<Test>::get(id).expect("a recorded diploma stays recorded");
        let history = History::<Test>::get(id).map(|history| history.into_inner());
        assert_eq!(stored.status, expected.status());
        assert_eq!(history.unwrap_or_default(), expected.history());
        assert_eq!(Diplomas::diploma_record(id), Some(expected.record()));
        assert_eq!(verification_of(id), expected.verification());
        let mismatch = Diplomas::verify(id, document(2));
        assert_eq!(mismatch, Verification::HashMismatch);
    }
    assert_eq!(verification_of(unknown_id()), Verification::Unknown);
    for issuer in ISSUERS {
        let stored = Records::<Test>::iter_values().filter(|diploma| diploma.issuer == issuer);
        let modelled = model.diplomas.iter().filter(|known| known.issuer == issuer);
        let modelled = tally(modelled.map(Expected::status));
        assert_eq!(
            tally(stored.map(|diploma| diploma.status)),
            modelled,
            "{issuer:?}"
        );
    }
    for holder in HOLDERS {
        let mut held = Diplomas::diplomas_of(holder, None, MAX_PAGE);
        let of_holder = model
            .diplomas
            .iter()
            .filter(|known| known.spec.holder == holder);
        let mut expected: Vec<_> = of_holder.map(|known| known.id).collect();
        held.sort();
        expected.sort();
        let count = HolderDiplomaCount::<Test>::get(holder);
        assert_eq!(count as usize, expected.len());
        assert_eq!(held, expected, "diplomas of citizen {holder}");
    }
    Diplomas::do_try_state().expect("the pallet's invariants hold");
}

/// Mostly one of `likely`, sometimes anyone.
fn signer(likely: &[u64]) -> impl Strategy<Value = u64> {
    prop_oneof![
        3 => prop::sample::select(likely.to_vec()),
        1 => prop::sample::select(SIGNERS.to_vec()),
    ]
}

fn institution() -> impl Strategy<Value = InstitutionId> {
    prop::sample::select(INSTITUTIONS.to_vec())
}

fn draft(offsets: core::ops::RangeInclusive<i32>) -> impl Strategy<Value = Draft> {
    let serials = prop::sample::select(SERIALS.to_vec());
    let holders = prop::sample::select(HOLDERS.to_vec());
    (serials, holders, offsets).prop_map(|(serial, holder, offset)| Draft(serial, holder, offset))
}

/// Up to a full batch, or none.
fn batch_of<S: Strategy>(item: S) -> impl Strategy<Value = Vec<S::Value>> {
    prop::collection::vec(item, 0..=MaxBatchSize::get() as usize)
}

fn op() -> impl Strategy<Value = Op> {
    use crate::RevocationReason::{CourtOrder, Fraud, IssuedInError};
    let ministry = || signer(&[MINISTER]);
    let deans = || signer(&[DEAN, OTHER_DEAN]);
    let revokers = || signer(&[DEAN, OTHER_DEAN, JUDGE, OTHER_JUDGE, MINISTER]);
    let reasons = [IssuedInError, Fraud, CourtOrder].to_vec();
    let start = prop_oneof![Just(0i32), -120..=30i32];
    let imported = (prop::sample::select(ISSUERS.to_vec()), draft(-400..=1));
    // Weights: ops that build up diplomas and change their status come most often.
    prop_oneof![
        3 => (ministry(), institution(), start, 0..=400u32)
            .prop_map(|(who, university, start, days)| Op::Accredit(who, university, start, days)),
        1 => (ministry(), institution(), 0..=200u32)
            .prop_map(|(who, university, ahead)| Op::Extend(who, university, ahead)),
        1 => (ministry(), institution()).prop_map(|(who, university)| Op::Suspend(who, university)),
        1 => (ministry(), institution()).prop_map(|(who, university)| Op::Lift(who, university)),
        1 => (ministry(), institution(), prop::option::of(0..=150u32))
            .prop_map(|(who, university, back)| Op::Withdraw(who, university, back)),
        4 => (deans(), draft(-60..=1)).prop_map(|(who, draft)| Op::Issue(who, draft)),
        2 => (deans(), batch_of(draft(-60..=1)))
            .prop_map(|(who, drafts)| Op::IssueBatch(who, drafts)),
        2 => (ministry(), batch_of(imported)).prop_map(|(who, drafts)| Op::Import(who, drafts)),
        5 => (revokers(), 0..8usize, prop::sample::select(reasons))
            .prop_map(|(who, pick, reason)| Op::Revoke(who, pick, reason)),
        3 => (revokers(), 0..8usize).prop_map(|(who, pick)| Op::Reinstate(who, pick)),
        2 => (0..=60u32, 0..=3u64).prop_map(|(days, blocks)| Op::Pass(days, blocks)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn diploma_status_agrees_with_its_history(ops in prop::collection::vec(op(), 1..40)) {
        new_test_ext().execute_with(|| {
            let mut model = Model::default();
            for op in &ops {
                let _ = apply(&mut model, op);
                check(&model);
            }
        });
    }
}

/// One known sequence through `apply`: the property above is not vacuous.
#[test]
fn a_fixed_sequence_goes_through_the_whole_lifecycle() {
    use crate::RevocationReason::{CourtOrder, Fraud, IssuedInError};
    new_test_ext().execute_with(|| {
        let (d1, d2) = (id_of(UNIVERSITY_ID, "D-1"), id_of(UNIVERSITY_ID, "D-2"));
        let (dean, court) = (Authority::Issuer(UNIVERSITY_ID), Authority::Court(COURT_ID));
        let revoked = |reason, at| Verification::Revoked { reason, at };
        let mut model = Model::default();
        let mut step = |op: Op| {
            let result = apply(&mut model, &op);
            check(&model);
            result
        };

        assert_ok!(step(Op::Accredit(MINISTER, UNIVERSITY_ID, -100, 365)));
        assert_ok!(step(Op::Issue(DEAN, Draft("D-1", ALICE_ID, 0))));
        assert!(step(Op::Issue(OTHER_DEAN, Draft("D-1", ALICE_ID, 0))).is_err());
        let drafts = vec![Draft("D-2", BOB_ID, -1), Draft("D-3", ALICE_ID, -2)];
        assert_ok!(step(Op::IssueBatch(DEAN, drafts)));
        assert_eq!(verification_of(d1), Verification::Valid);

        assert_ok!(step(Op::Revoke(DEAN, 0, Fraud)));
        assert_eq!(verification_of(d1), revoked(Fraud, 1));
        assert!(step(Op::Reinstate(JUDGE, 0)).is_err());
        assert_ok!(step(Op::Reinstate(DEAN, 0)));
        assert_eq!(verification_of(d1), Verification::Valid);

        assert_ok!(step(Op::Pass(1, 1)));
        assert_ok!(step(Op::Revoke(JUDGE, 0, CourtOrder)));
        assert!(step(Op::Revoke(DEAN, 0, Fraud)).is_err());
        assert_eq!(verification_of(d1), revoked(CourtOrder, 2));

        let old = vec![(HISTORIC, Draft("D-1", BOB_ID, -5_000))];
        assert_ok!(step(Op::Import(MINISTER, old)));
        assert_ok!(step(Op::Revoke(MINISTER, 3, IssuedInError)));
        assert_ok!(step(Op::Withdraw(MINISTER, UNIVERSITY_ID, Some(200))));
        assert_eq!(verification_of(d2), Verification::IssuerNotAccredited);

        assert_eq!(model.diplomas.len(), 4);
        assert_eq!(
            model.diplomas[0].events,
            vec![
                Lifecycle::Recorded(false, 1),
                Lifecycle::Revoked(Fraud, dean, 1),
                Lifecycle::Reinstated(dean, 1),
                Lifecycle::Revoked(CourtOrder, court, 2),
            ]
        );
    });
}
