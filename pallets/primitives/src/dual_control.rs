//! Dual control (maker–checker): a sensitive act one officer starts is done only once enough
//! other officers of the same institution approve it.
//!
//! The council sets, per role and [`ActionClass`], how many distinct active officers must
//! approve (1, the default, is one officer acting alone). A registry pallet makes each sensitive
//! call through [`DualControl::act`]: when the signer's institution needs more approvals, the call
//! is checked as if it ran (and rolled back), then kept as a pending action; the identity pallet
//! dispatches it, with its original arguments, when the last approval arrives, from an origin
//! that [`DualControl::ensure_officer`] recognises. One mechanism, in the identity pallet, for
//! every registry.

use crate::identity::{InstitutionId, Role};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::storage::{with_transaction, TransactionOutcome};
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, DispatchResult, Weight};

/// A pending action, numbered in order of proposal.
pub type ActionId = u64;

/// The kinds of sensitive acts the council may put under dual control.
///
/// New classes are appended with the next free index; existing indices never change, because
/// stored thresholds and pending actions refer to them.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Debug,
    frame_support::Serialize,
    frame_support::Deserialize,
)]
#[serde(crate = "frame_support::__private::serde")]
pub enum ActionClass {
    /// Recording, revaluing or removing a reserve asset (`CentralBank`).
    #[codec(index = 0)]
    ReserveRecord,
    /// Setting a commercial bank's issuance quota (`CentralBank`).
    #[codec(index = 1)]
    BankQuota,
    /// Minting the digital currency (`CentralBank`).
    #[codec(index = 2)]
    Minting,
    /// Freezing or thawing a parcel or a holder's money by court order (`Court`).
    #[codec(index = 3)]
    CourtOrder,
    /// Moving a citizen's identity to a new account (`CivilRegistry`).
    #[codec(index = 4)]
    CitizenMove,
    /// Deactivating a citizen's identity (`CivilRegistry`).
    #[codec(index = 5)]
    CitizenDeactivation,
    /// Appointing an officer of an institution (its admin proposes, its officers approve; the
    /// strictest threshold among the institution's roles applies).
    #[codec(index = 6)]
    OfficerAppointment,
    /// Moving an institution's money above the council's large-transfer amount (an act of the
    /// institution as a whole: no role).
    #[codec(index = 7)]
    LargeTransfer,
}

impl ActionClass {
    /// Every class, in index order.
    pub const ALL: [ActionClass; 8] = [
        ActionClass::ReserveRecord,
        ActionClass::BankQuota,
        ActionClass::Minting,
        ActionClass::CourtOrder,
        ActionClass::CitizenMove,
        ActionClass::CitizenDeactivation,
        ActionClass::OfficerAppointment,
        ActionClass::LargeTransfer,
    ];
}

/// On what authority an officer makes a sensitive call.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Approval {
    /// One officer may act alone (the threshold is 1).
    Alone,
    /// The institution's officers approved pending action `ActionId`, which is executing now.
    Approved(ActionId),
    /// More officers must approve: the call becomes a pending action.
    Needed,
}

/// The officer behind a sensitive call and the institution it acts for.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Actor<AccountId> {
    /// The institution the officer acts for.
    pub institution: InstitutionId,
    /// The officer who made the call (for an approved action, the one who proposed it).
    pub officer: AccountId,
    /// Whether the officer may act now.
    pub approval: Approval,
}

/// What [`DualControl::act`] did.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Acted<R> {
    /// The act was done, with this result.
    Done(R),
    /// The act waits for approval as this pending action.
    Proposed(ActionId),
}

/// Dual control, as the registries ask for it.
///
/// `Origin` is the runtime's origin and `Call` the registry pallet's call, which the implementer
/// keeps (as a runtime call) while the action is pending. The identity pallet implements it;
/// other pallets take it as an associated type of their `Config`.
pub trait DualControl<AccountId, Origin, Call> {
    /// The officer behind `origin` and what authority it has for an act of `class` under `role`
    /// (`None`: an act of the institution as a whole, such as moving its money, which any of
    /// its officers may make): a signed officer of an active institution holding `role`
    /// (acting alone, or needing approval, as the council's threshold says), or a pending
    /// action of that class and role that its institution's officers approved. Otherwise the
    /// precise reason it is refused.
    fn ensure_officer(
        origin: Origin,
        role: Option<Role>,
        class: ActionClass,
    ) -> Result<Actor<AccountId>, DispatchError>;

    /// Keeps `call`, made by `actor` under `role`, as a pending action of `class` awaiting its
    /// institution's approvals.
    fn propose(
        actor: &Actor<AccountId>,
        role: Option<Role>,
        class: ActionClass,
        call: Call,
    ) -> Result<ActionId, DispatchError>;

    /// The most [`DualControl::propose`] costs, which a sensitive call adds to its own weight.
    fn proposal_weight() -> Weight;

    /// Makes a sensitive act: `body` runs at once when the officer behind `origin` may act alone
    /// or its action was approved. When approvals are needed, `body` runs and is rolled back (so
    /// an act that would fail is refused now, with its own error), and `call` is kept as a
    /// pending action.
    fn act<R>(
        origin: Origin,
        role: impl Into<Option<Role>>,
        class: ActionClass,
        call: impl FnOnce() -> Call,
        body: impl FnOnce(&Actor<AccountId>) -> Result<R, DispatchError>,
    ) -> Result<Acted<R>, DispatchError> {
        let role = role.into();
        let actor = Self::ensure_officer(origin, role, class)?;
        if actor.approval != Approval::Needed {
            return body(&actor).map(Acted::Done);
        }
        check_without_effects(|| body(&actor).map(|_| ()))?;
        Self::propose(&actor, role, class, call()).map(Acted::Proposed)
    }

    /// [`DualControl::act`] for a registry's call, whose `body` needs only the acting
    /// institution: done or proposed, the call succeeded.
    fn act_for(
        origin: Origin,
        role: impl Into<Option<Role>>,
        class: ActionClass,
        call: Call,
        body: impl FnOnce(InstitutionId) -> DispatchResult,
    ) -> DispatchResult {
        Self::act(
            origin,
            role,
            class,
            || call,
            |actor| body(actor.institution),
        )
        .map(|_| ())
    }
}

/// Runs `body` in a storage transaction that is always rolled back: whether an act would succeed
/// now, with its own error if not, leaving no trace (events included).
pub fn check_without_effects(body: impl FnOnce() -> DispatchResult) -> DispatchResult {
    with_transaction(|| TransactionOutcome::Rollback(body()))
}
