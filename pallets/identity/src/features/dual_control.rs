//! Dual control: sensitive acts wait for a council-set number of an institution's officers.

use crate::{pallet::*, types::*, weights::WeightInfo};
use codec::{DecodeLimit, Encode};
use frame_support::{
    dispatch::{DispatchResultWithPostInfo, GetDispatchInfo},
    ensure,
    pallet_prelude::DispatchResult,
    traits::Get,
    weights::Weight,
    BoundedVec,
};
use frame_system::pallet_prelude::{BlockNumberFor, OriginFor};
use govchain_primitives::{
    dual_control::{ActionClass, ActionId, Actor, Approval, DualControl},
    identity::{InstitutionId, Role},
};
use sp_runtime::{
    traits::{BlakeTwo256, Dispatchable, Hash, One, Saturating},
    DispatchError,
};

/// How many blocks after its lifetime an action may expire at when the blocks before are full.
const EXPIRY_SPILL_BLOCKS: u32 = 16;

/// The deepest nesting of calls a kept call may decode with.
const MAX_CALL_DEPTH: u32 = 16;

impl<T: Config> Pallet<T> {
    /// The approved action `origin` carries, or the origin back if it carries none.
    pub(crate) fn approved_action(
        origin: OriginFor<T>,
    ) -> Result<ApprovedAction<T::AccountId>, OriginFor<T>> {
        let origin = <T::ActionOrigin as From<OriginFor<T>>>::from(origin);
        let approved: Result<Origin<T>, T::ActionOrigin> = origin.into();
        approved.map_err(Into::into)
    }

    /// How many distinct officers must approve an act of `class` of `institution` under `role`;
    /// for an act of the institution as a whole (`role` is `None`), the strictest threshold among
    /// the roles it holds (among all roles, if it holds none yet). Never above `MaxApprovals`,
    /// never below 1.
    pub(crate) fn approval_threshold(
        institution: InstitutionId,
        role: Option<Role>,
        class: ActionClass,
    ) -> u32 {
        let strictest = |roles: &mut dyn Iterator<Item = Role>| {
            roles
                .map(|role| ApprovalThresholds::<T>::get(role, class))
                .max()
                .unwrap_or(1)
        };
        let threshold = match role {
            Some(role) => ApprovalThresholds::<T>::get(role, class),
            None => match Institutions::<T>::get(institution) {
                Some(record) if !record.roles.is_empty() => {
                    strictest(&mut record.roles.iter().copied())
                }
                _ => strictest(&mut Role::ALL.into_iter()),
            },
        };
        u32::from(threshold).clamp(1, T::MaxApprovals::get().max(1))
    }

    /// Whether `who` may approve or reject an action of `institution` under `role`: an active
    /// officer of that institution, holding `role` when the action names one.
    pub(crate) fn ensure_may_approve(
        who: &T::AccountId,
        institution: InstitutionId,
        role: Option<Role>,
    ) -> DispatchResult {
        Self::ensure_acts_for(Self::active_officer(who)?, institution, role)
    }

    /// Whether an active officer's appointment (`active_officer`'s answer) lets it approve an
    /// action of `institution` under `role`: it is an officer of that institution, which holds
    /// the role.
    fn ensure_acts_for(
        (acts_for, record): (InstitutionId, Institution<T::AccountId>),
        institution: InstitutionId,
        role: Option<Role>,
    ) -> DispatchResult {
        if let Some(role) = role {
            ensure!(record.roles.contains(&role), Error::<T>::RoleNotHeld);
        }
        ensure!(acts_for == institution, Error::<T>::NotActionInstitution);
        Ok(())
    }

    /// Keeps `call` as a pending action of `institution`, proposed by `proposer` (about
    /// `subject`, who may not approve it), awaiting its officers' approvals until
    /// `ActionLifetime` has passed.
    pub(crate) fn do_propose_action(
        institution: InstitutionId,
        role: Option<Role>,
        class: ActionClass,
        proposer: T::AccountId,
        subject: Option<T::AccountId>,
        call: <T as Config>::ActionCall,
    ) -> Result<ActionId, DispatchError> {
        let encoded: BoundedVec<u8, T::MaxActionCallLength> = call
            .encode()
            .try_into()
            .map_err(|_| Error::<T>::ActionCallTooLong)?;
        let pending = PendingActionCount::<T>::get(institution).unwrap_or_default();
        ensure!(
            pending < T::MaxPendingActions::get(),
            Error::<T>::TooManyPendingActions
        );
        let by_proposer = PendingActionsBy::<T>::get(&proposer).unwrap_or_default();
        ensure!(
            by_proposer < T::MaxPendingActionsPerProposer::get(),
            Error::<T>::TooManyProposals
        );
        let action = NextActionId::<T>::get();
        let next = action.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
        let expires_at = Self::queue_expiry(action)?;
        let call_hash = BlakeTwo256::hash(&encoded);
        let call_weight = call.get_dispatch_info().call_weight;
        let mut approvals = BoundedVec::new();
        approvals
            .try_push(proposer.clone())
            .map_err(|_| Error::<T>::TooManyApprovals)?;
        NextActionId::<T>::put(next);
        PendingActionCount::<T>::insert(institution, pending.saturating_add(1));
        PendingActionsBy::<T>::insert(&proposer, by_proposer.saturating_add(1));
        PendingActions::<T>::insert(
            action,
            PendingAction {
                institution,
                role,
                class,
                proposer: proposer.clone(),
                subject,
                call: encoded,
                call_weight,
                approvals,
                expires_at,
            },
        );
        Self::deposit_event(Event::ActionProposed {
            action,
            institution,
            class,
            proposer,
            call,
            call_hash,
            expires_at,
        });
        Ok(action)
    }

    /// Queues `action` to expire at the first block, from `ActionLifetime` on, with room (looking
    /// at most 16 blocks further); returns that block.
    fn queue_expiry(action: ActionId) -> Result<BlockNumberFor<T>, DispatchError> {
        let mut block =
            frame_system::Pallet::<T>::block_number().saturating_add(T::ActionLifetime::get());
        for _ in 0..EXPIRY_SPILL_BLOCKS {
            let queued =
                ActionExpiries::<T>::mutate(block, |expiring| expiring.try_push(action).is_ok());
            if queued {
                return Ok(block);
            }
            block = block.saturating_add(One::one());
        }
        Err(Error::<T>::ExpiryQueueFull.into())
    }

    /// Records `approver`'s approval of `action`; once its institution's threshold of officers
    /// who may act now (the proposer included) has approved, dispatches its call from
    /// [`Origin`](crate::Origin) and removes it.
    ///
    /// Approvals of officers who no longer hold their appointment or role (or of an admin who
    /// is no longer the admin) are dropped first, so only those who could act now are counted.
    pub(crate) fn do_approve_action(
        approver: T::AccountId,
        action: ActionId,
        max_weight: Weight,
    ) -> DispatchResultWithPostInfo {
        // The signer first, as the pool checks it: an officer whose appointment holds.
        let officer = Self::active_officer(&approver)?;
        let mut pending = PendingActions::<T>::get(action).ok_or(Error::<T>::ActionNotFound)?;
        ensure!(
            frame_system::Pallet::<T>::block_number() < pending.expires_at,
            Error::<T>::ActionExpired
        );
        Self::ensure_acts_for(officer, pending.institution, pending.role)?;
        ensure!(
            pending.subject.as_ref() != Some(&approver),
            Error::<T>::SubjectMayNotApprove
        );
        ensure!(
            !pending.approvals.contains(&approver),
            Error::<T>::AlreadyApproved
        );
        ensure!(
            pending.call_weight.all_lte(max_weight),
            Error::<T>::WeightBelowCall
        );
        let (institution, role, proposer) =
            (pending.institution, pending.role, pending.proposer.clone());
        pending
            .approvals
            .retain(|earlier| Self::approval_counts(earlier, institution, role, &proposer));
        pending
            .approvals
            .try_push(approver.clone())
            .map_err(|_| Error::<T>::TooManyApprovals)?;
        let approvals = u32::try_from(pending.approvals.len()).unwrap_or(u32::MAX);
        Self::deposit_event(Event::ActionApproved {
            action,
            approver,
            approvals,
        });
        let threshold = Self::approval_threshold(pending.institution, pending.role, pending.class);
        if approvals < threshold {
            PendingActions::<T>::insert(action, pending);
            return Ok(Some(T::WeightInfo::approve_action()).into());
        }
        Self::remove_pending(action, &pending);
        let (result, call_weight) = Self::execute(action, pending);
        Self::deposit_event(Event::ActionExecuted { action, result });
        Ok(Some(T::WeightInfo::approve_action_executed().saturating_add(call_weight)).into())
    }

    /// Dispatches an approved action's call; its result, and the weight it used (its declared
    /// weight when it does not say).
    fn execute(action: ActionId, pending: PendingActionOf<T>) -> (DispatchResult, Weight) {
        let Ok(call) = <T as Config>::ActionCall::decode_all_with_depth_limit(
            MAX_CALL_DEPTH,
            &mut &pending.call[..],
        ) else {
            return (
                Err(Error::<T>::ActionCallUndecodable.into()),
                Weight::zero(),
            );
        };
        let origin = ApprovedAction {
            action,
            institution: pending.institution,
            role: pending.role,
            class: pending.class,
            proposer: pending.proposer,
        };
        let outcome = call.dispatch(Origin::<T>::from(origin).into());
        let used = match outcome {
            Ok(info) => info.actual_weight,
            Err(error) => error.post_info.actual_weight,
        };
        (
            outcome.map(|_| ()).map_err(|error| error.error),
            used.unwrap_or(pending.call_weight),
        )
    }

    /// Whether an approval of `who` still counts: an officer's while it is an active officer of
    /// the institution with the action's role; the proposing admin's (of an appointment) while
    /// it is still the institution's admin.
    fn approval_counts(
        who: &T::AccountId,
        institution: InstitutionId,
        role: Option<Role>,
        proposer: &T::AccountId,
    ) -> bool {
        let is_admin =
            || Institutions::<T>::get(institution).is_some_and(|record| record.admin == *who);
        Self::ensure_may_approve(who, institution, role).is_ok()
            || (role.is_none() && who == proposer && is_admin())
    }

    /// Removes `action` because an officer of its institution rejected it (or its proposer, an
    /// officer, withdrew it).
    pub(crate) fn do_reject_action(who: T::AccountId, action: ActionId) -> DispatchResult {
        let officer = Self::active_officer(&who)?;
        let pending = PendingActions::<T>::get(action).ok_or(Error::<T>::ActionNotFound)?;
        if who != pending.proposer {
            Self::ensure_acts_for(officer, pending.institution, pending.role)?;
        }
        Self::remove_pending(action, &pending);
        Self::deposit_event(Event::ActionRejected { action, by: who });
        Ok(())
    }

    /// Removes the actions expiring at block `now`; returns how many there were.
    pub(crate) fn expire_actions(now: BlockNumberFor<T>) -> u32 {
        let expiring = ActionExpiries::<T>::take(now);
        for action in &expiring {
            if let Some(pending) = PendingActions::<T>::take(action) {
                Self::uncount(&pending);
                Self::deposit_event(Event::ActionExpired { action: *action });
            }
        }
        u32::try_from(expiring.len()).unwrap_or(u32::MAX)
    }

    /// Forgets a pending action, and its place in its expiry block.
    fn remove_pending(action: ActionId, pending: &PendingActionOf<T>) {
        PendingActions::<T>::remove(action);
        ActionExpiries::<T>::mutate_exists(pending.expires_at, |expiring| {
            if let Some(queue) = expiring {
                queue.retain(|queued| *queued != action);
                if queue.is_empty() {
                    *expiring = None;
                }
            }
        });
        Self::uncount(pending);
    }

    /// Takes a removed action off its institution's and its proposer's counts.
    fn uncount(pending: &PendingActionOf<T>) {
        PendingActionCount::<T>::mutate_exists(pending.institution, |count| {
            *count = count.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
        });
        PendingActionsBy::<T>::mutate_exists(&pending.proposer, |count| {
            *count = count.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
        });
    }

    pub(crate) fn do_set_approval_threshold(
        role: Role,
        class: ActionClass,
        threshold: u8,
    ) -> DispatchResult {
        ensure!(
            threshold >= 1 && u32::from(threshold) <= T::MaxApprovals::get(),
            Error::<T>::InvalidThreshold
        );
        if threshold == 1 {
            ApprovalThresholds::<T>::remove(role, class);
        } else {
            ApprovalThresholds::<T>::insert(role, class, threshold);
        }
        Self::deposit_event(Event::ApprovalThresholdSet {
            role,
            class,
            threshold,
        });
        Ok(())
    }
}

impl<T: Config, C: Into<<T as Config>::ActionCall>> DualControl<T::AccountId, OriginFor<T>, C>
    for Pallet<T>
{
    fn ensure_officer(
        origin: OriginFor<T>,
        role: Option<Role>,
        class: ActionClass,
    ) -> Result<Actor<T::AccountId>, DispatchError> {
        match Self::approved_action(origin) {
            Ok(approved) => {
                ensure!(
                    approved.role == role && approved.class == class,
                    DispatchError::BadOrigin
                );
                let record = Institutions::<T>::get(approved.institution)
                    .ok_or(Error::<T>::InstitutionNotFound)?;
                ensure!(
                    record.status == InstitutionStatus::Active,
                    Error::<T>::InstitutionSuspended
                );
                if let Some(role) = role {
                    ensure!(record.roles.contains(&role), Error::<T>::RoleNotHeld);
                }
                Ok(Actor {
                    institution: approved.institution,
                    officer: approved.proposer,
                    approval: Approval::Approved(approved.action),
                })
            }
            Err(origin) => {
                let who = frame_system::ensure_signed(origin)?;
                let institution = match role {
                    Some(role) => Self::officer_with_role(&who, role)?,
                    None => Self::active_officer(&who)?.0,
                };
                let approval = if Self::approval_threshold(institution, role, class) > 1 {
                    Approval::Needed
                } else {
                    Approval::Alone
                };
                Ok(Actor {
                    institution,
                    officer: who,
                    approval,
                })
            }
        }
    }

    fn propose(
        actor: &Actor<T::AccountId>,
        role: Option<Role>,
        class: ActionClass,
        call: C,
    ) -> Result<ActionId, DispatchError> {
        Self::do_propose_action(
            actor.institution,
            role,
            class,
            actor.officer.clone(),
            None,
            call.into(),
        )
    }

    fn proposal_weight() -> Weight {
        T::WeightInfo::propose_action()
    }
}
