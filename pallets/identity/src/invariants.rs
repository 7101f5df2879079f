//! The pallet's invariants, checked by `try_state` and after every test.

use crate::{pallet::*, types::*};
use alloc::collections::BTreeMap;
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::{
    dual_control::ActionId,
    identity::{CitizenId, InstitutionId, RegionCode},
};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
    /// - Each institution's id is below `NextInstitutionId`, its short code indexes it and only
    ///   it, and its officer count matches the appointments naming it.
    /// - Every appointment names a registered institution, and its account exists.
    /// - Each citizen's id is below `NextCitizenId`, its account indexes it and only it, and its
    ///   account exists: one identity per account.
    /// - Each citizen's national-ID hash indexes it and only it, unless the registration was
    ///   deactivated as an error (whose hash is then free, kept by it, or another's): one
    ///   identity per person.
    /// - `ActiveCitizens` and `ActiveCitizensIn` count the active citizens, in all and per region.
    /// - No quota usage is recorded for a period that has not begun, nor for an institution that
    ///   is not registered.
    /// - Every pending account move is of a registered citizen and queued at its block exactly
    ///   once; nothing else is queued.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        let mut appointed: BTreeMap<InstitutionId, u32> = BTreeMap::new();
        for (account, officer) in Officers::<T>::iter() {
            ensure!(
                Institutions::<T>::contains_key(officer.institution),
                "an officer acts for an unregistered institution"
            );
            ensure!(
                frame_system::Pallet::<T>::sufficients(&account) >= 1,
                "an officer's account is not held in existence"
            );
            let count = appointed.entry(officer.institution).or_default();
            *count = count.saturating_add(1);
        }
        let next_institution = NextInstitutionId::<T>::get();
        let mut institutions: usize = 0;
        for (id, record) in Institutions::<T>::iter() {
            ensure!(
                id < next_institution,
                "an institution id is not below NextInstitutionId"
            );
            ensure!(
                InstitutionByCode::<T>::get(&record.short_code) == Some(id),
                "an institution's short code does not index it"
            );
            ensure!(
                appointed.get(&id).copied().unwrap_or_default() == record.officers,
                "an institution's officer count does not match its appointments"
            );
            institutions = institutions.saturating_add(1);
        }
        ensure!(
            InstitutionByCode::<T>::iter().count() == institutions,
            "a short code indexes no institution"
        );

        let next_citizen = NextCitizenId::<T>::get();
        let mut citizens: usize = 0;
        let mut indexed_hashes: usize = 0;
        let mut active = 0u64;
        let mut active_in: BTreeMap<RegionCode, u64> = BTreeMap::new();
        for (id, record) in Citizens::<T>::iter() {
            ensure!(id < next_citizen, "a citizen id is not below NextCitizenId");
            let account = CitizenByAccount::<T>::get(&record.account)
                .filter(|account| account.citizen == id)
                .ok_or("a citizen's account does not index it")?;
            ensure!(
                account.active == (record.status == CitizenStatus::Active),
                "a citizen's account record disagrees with its status"
            );
            ensure!(
                account.kyc_tier == record.kyc_tier,
                "a citizen's account record disagrees with its KYC tier"
            );
            ensure!(
                account.officer == Officers::<T>::contains_key(&record.account),
                "a citizen's account record disagrees on whether it is an officer's"
            );
            ensure!(
                account.fee_free.period <= Self::current_quota_period(),
                "a citizen's quota usage is recorded for a future period"
            );
            ensure!(
                frame_system::Pallet::<T>::sufficients(&record.account) >= 1,
                "a citizen's account is not held in existence"
            );
            let by_hash = CitizenByNationalId::<T>::get(record.national_id_hash);
            if record.status == CitizenStatus::Deactivated(DeactivationReason::RegistrationError) {
                // Kept while it held a ballot in an open election, until a new registration
                // takes it.
                if by_hash == Some(id) {
                    indexed_hashes = indexed_hashes.saturating_add(1);
                }
            } else {
                ensure!(
                    by_hash == Some(id),
                    "a citizen's national-ID hash does not index it"
                );
                indexed_hashes = indexed_hashes.saturating_add(1);
            }
            if record.status == CitizenStatus::Active {
                active = active.saturating_add(1);
                if let Some(region) = record.region {
                    let count = active_in.entry(region).or_default();
                    *count = count.saturating_add(1);
                }
            }
            citizens = citizens.saturating_add(1);
        }
        ensure!(
            ActiveCitizens::<T>::get() == active,
            "ActiveCitizens differs from the number of active citizens"
        );
        ensure!(
            ActiveCitizensIn::<T>::iter().collect::<BTreeMap<_, _>>() == active_in,
            "ActiveCitizensIn differs from the active citizens per region"
        );
        ensure!(
            CitizenByAccount::<T>::iter().count() == citizens,
            "an account indexes no citizen, or a stale one"
        );
        ensure!(
            CitizenByNationalId::<T>::iter().count() == indexed_hashes,
            "a national-ID hash indexes no citizen, or two hashes one citizen"
        );

        let period = Self::current_quota_period();
        ensure!(
            FeeFreeUsage::<T>::iter().all(|(identity, usage)| usage.period <= period
                && matches!(identity, FeeFreeIdentity::Officer(_))),
            "quota usage is recorded for a future period, or for a citizen outside its account \
             record"
        );
        for (institution, usage) in InstitutionFeeFreeUsage::<T>::iter() {
            ensure!(
                Institutions::<T>::contains_key(institution),
                "quota usage is recorded for an unregistered institution"
            );
            ensure!(
                usage.period <= period,
                "an institution's quota usage is recorded for a future period"
            );
        }
        Self::check_pending_actions()
    }

    /// - Every pending action's id is below `NextActionId`, it is queued to expire at its
    ///   expiry block and nowhere else, nothing else is queued, and its approvals are distinct
    ///   and not none.
    /// - `PendingActionCount` and `PendingActionsBy` count each institution's and each
    ///   proposer's pending actions, none above `MaxPendingActions` and
    ///   `MaxPendingActionsPerProposer`.
    /// - Stored thresholds are between 2 and `MaxApprovals` (1 is stored as no entry).
    fn check_pending_actions() -> Result<(), TryRuntimeError> {
        let next_action = NextActionId::<T>::get();
        let mut by_institution: BTreeMap<InstitutionId, u32> = BTreeMap::new();
        let mut by_proposer: BTreeMap<T::AccountId, u32> = BTreeMap::new();
        let mut expiring: BTreeMap<ActionId, BlockNumberFor<T>> = BTreeMap::new();
        for (block, queue) in ActionExpiries::<T>::iter() {
            for action in queue {
                ensure!(
                    expiring.insert(action, block).is_none(),
                    "an action is queued to expire twice"
                );
            }
        }
        for (id, action) in PendingActions::<T>::iter() {
            ensure!(
                id < next_action,
                "a pending action's id is not below NextActionId"
            );
            ensure!(
                expiring.remove(&id) == Some(action.expires_at),
                "a pending action is not queued to expire at its expiry block"
            );
            ensure!(
                !action.approvals.is_empty(),
                "a pending action has no approval"
            );
            let distinct: alloc::collections::BTreeSet<_> = action.approvals.iter().collect();
            ensure!(
                distinct.len() == action.approvals.len(),
                "an officer approved a pending action twice"
            );
            let count = by_institution.entry(action.institution).or_default();
            *count = count.saturating_add(1);
            let count = by_proposer.entry(action.proposer).or_default();
            *count = count.saturating_add(1);
        }
        ensure!(
            expiring.is_empty(),
            "an action is queued to expire that is not pending"
        );
        ensure!(
            PendingActionCount::<T>::iter().collect::<BTreeMap<_, _>>() == by_institution,
            "PendingActionCount differs from the pending actions per institution"
        );
        ensure!(
            PendingActionsBy::<T>::iter().collect::<BTreeMap<_, _>>() == by_proposer,
            "PendingActionsBy differs from the pending actions per proposer"
        );
        ensure!(
            by_institution
                .values()
                .all(|count| *count <= T::MaxPendingActions::get()),
            "an institution has more than MaxPendingActions pending"
        );
        ensure!(
            by_proposer
                .values()
                .all(|count| *count <= T::MaxPendingActionsPerProposer::get()),
            "a proposer has more than MaxPendingActionsPerProposer pending"
        );
        ensure!(
            ApprovalThresholds::<T>::iter_values().all(|threshold| {
                threshold >= 2 && u32::from(threshold) <= T::MaxApprovals::get()
            }),
            "a stored approval threshold is below 2 or above MaxApprovals"
        );

        // Every pending move is queued at its block, exactly once, and nothing else is queued.
        let mut queued: BTreeMap<CitizenId, BlockNumberFor<T>> = BTreeMap::new();
        for (block, due) in MovesDue::<T>::iter() {
            ensure!(!due.is_empty(), "an empty queue of moves is stored");
            for citizen in due {
                ensure!(
                    queued.insert(citizen, block).is_none(),
                    "a citizen's move is queued twice"
                );
            }
        }
        let pending: BTreeMap<CitizenId, BlockNumberFor<T>> = PendingMoves::<T>::iter()
            .map(|(citizen, pending)| (citizen, pending.executes_at))
            .collect();
        ensure!(
            pending == queued,
            "the queued moves differ from the pending moves"
        );
        for citizen in pending.keys() {
            ensure!(
                Citizens::<T>::contains_key(citizen),
                "a move is pending for an unregistered citizen"
            );
        }
        Ok(())
    }
}
