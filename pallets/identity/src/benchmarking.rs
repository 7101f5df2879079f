//! Benchmarks of `pallet-identity-registry`, each at its worst case.

use super::*;
use crate::Pallet as Identity;
use features::quota::Allowance;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use govchain_primitives::{
    dual_control::{ActionClass, ActionId},
    identity::{CitizenId, IdentityProvider as _, InstitutionId, KycTier, Role},
};
use sp_core::H256;
use sp_runtime::{
    traits::{One, Saturating},
    PerThing, Permill,
};

/// Set-up shared with other pallets' benchmarks through `IdentityProvider`.
pub(crate) mod helpers {
    use super::*;
    use alloc::{string::ToString, vec::Vec};
    use codec::{Decode, Encode};
    use sp_runtime::traits::TrailingZeroInput;

    /// A fresh short code, `B-<n>`, unique for each institution id.
    fn short_code(id: InstitutionId) -> ShortCode {
        let mut code: Vec<u8> = b"B-".to_vec();
        code.extend(id.to_string().into_bytes());
        ShortCode::truncate_from(code)
    }

    /// Registers an active institution holding every role it may hold together, administered by `admin`.
    pub fn institution<T: Config>(admin: &T::AccountId) -> InstitutionId {
        institution_with::<T>(admin, Role::all_compatible())
    }

    /// Registers an active institution holding `roles`, administered by `admin`.
    fn institution_with<T: Config>(admin: &T::AccountId, roles: Vec<Role>) -> InstitutionId {
        let id = NextInstitutionId::<T>::get();
        let roles = RoleList::truncate_from(roles);
        let registered = Identity::<T>::do_register_institution(
            InstitutionKind::Agency,
            short_code(id),
            H256::repeat_byte(1),
            admin.clone(),
            roles,
        );
        debug_assert!(registered.is_ok(), "a fresh institution registers");
        id
    }

    /// Makes `who` an officer, for the longest term, of a fresh institution holding `role`
    /// alone: registries that tell roles apart (a central bank never issues to itself) see
    /// what a real institution would be.
    pub fn officer<T: Config>(who: &T::AccountId, role: Role) -> InstitutionId {
        let id = institution_with::<T>(who, alloc::vec![role]);
        let expires_at =
            frame_system::Pallet::<T>::block_number().saturating_add(T::MaxOfficerTerm::get());
        let appointed = Institutions::<T>::get(id)
            .ok_or(Error::<T>::InstitutionNotFound.into())
            .and_then(|record| {
                Identity::<T>::do_appoint_officer(record, id, who.clone(), expires_at)
            });
        debug_assert!(appointed.is_ok(), "a fresh officer is appointed");
        id
    }

    /// A distinct national-ID hash for each citizen id.
    fn national_id_hash(id: CitizenId) -> H256 {
        H256::decode(&mut TrailingZeroInput::new(&id.encode())).unwrap_or_default()
    }

    /// Registers `who` as a fresh citizen at the highest KYC tier.
    pub fn citizen<T: Config>(who: &T::AccountId) -> CitizenId {
        citizen_of::<T>(who, NextInstitutionId::<T>::get())
    }

    /// Registers `who` as a fresh citizen at the highest KYC tier, registered by `registry`.
    pub fn citizen_of<T: Config>(who: &T::AccountId, registry: InstitutionId) -> CitizenId {
        let id = NextCitizenId::<T>::get();
        let registered = Identity::<T>::do_register_citizen(
            registry,
            who.clone(),
            who.clone(),
            national_id_hash(id),
            Some(1),
            KycTier::Enhanced,
        );
        debug_assert!(registered.is_ok(), "a fresh citizen registers");
        id
    }
}

use helpers::{institution, officer};

fn council<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
    T::InstitutionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

fn constitutional<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
    T::RulesOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// A civil-registry officer, and a citizen it registered.
fn registrar_and_citizen<T: Config>() -> (T::AccountId, CitizenId) {
    let registrar: T::AccountId = account("registrar", 0, 0);
    let registry = officer::<T>(&registrar, Role::CivilRegistry);
    let person: T::AccountId = account("citizen", 0, 0);
    (registrar, helpers::citizen_of::<T>(&person, registry))
}

/// An institution holding every role with `count` officers, whose appointments need the
/// highest threshold under every role: approving one re-reads every role's threshold.
fn dual_control_officers<T: Config>(count: u32) -> (InstitutionId, alloc::vec::Vec<T::AccountId>) {
    let admin: T::AccountId = account("admin", NextInstitutionId::<T>::get(), 0);
    let institution = institution::<T>(&admin);
    let expires_at =
        frame_system::Pallet::<T>::block_number().saturating_add(T::MaxOfficerTerm::get());
    let mut officers = alloc::vec::Vec::new();
    for n in 0..count {
        let officer: T::AccountId = account("officer", institution, n);
        if let Some(record) = Institutions::<T>::get(institution) {
            let appointed =
                Identity::<T>::do_appoint_officer(record, institution, officer.clone(), expires_at);
            debug_assert!(
                appointed.is_ok(),
                "MaxOfficersPerInstitution allows MaxApprovals"
            );
        }
        officers.push(officer);
    }
    let threshold = u8::try_from(T::MaxApprovals::get()).unwrap_or(u8::MAX);
    for role in Role::ALL {
        ApprovalThresholds::<T>::insert(role, ActionClass::OfficerAppointment, threshold);
    }
    (institution, officers)
}

/// The longest call a sensitive act makes here: an institution's registration with every role.
fn long_call<T: Config>() -> Call<T> {
    Call::<T>::register_institution {
        kind: InstitutionKind::Ministry,
        short_code: ShortCode::truncate_from(b"MINISTRY-OF-LAND".to_vec()),
        name_hash: H256::repeat_byte(7),
        admin: account("admin", 0, 0),
        roles: RoleList::truncate_from(Role::all_compatible()),
    }
}

/// A pending appointment of `institution` proposed by `proposer`, whose call is refused at once
/// by its origin check when it runs.
fn propose<T: Config>(
    institution: InstitutionId,
    proposer: &T::AccountId,
) -> Result<ActionId, BenchmarkError> {
    let call = Call::<T>::set_fee_free_block_share {
        share: sp_runtime::Perbill::from_percent(1),
    };
    Identity::<T>::do_propose_action(
        institution,
        None,
        ActionClass::OfficerAppointment,
        proposer.clone(),
        Some(account("appointee", institution, 0)),
        call.into(),
    )
    .map_err(Into::into)
}

/// A pending appointment with `earlier` approvals besides its proposer's, and an officer of its
/// institution who has not approved it.
fn approvable<T: Config>(earlier: u32) -> Result<(ActionId, T::AccountId), BenchmarkError> {
    let (institution, officers) = dual_control_officers::<T>(earlier.saturating_add(2));
    let mut officers = officers.into_iter();
    let proposer = officers.next().ok_or(BenchmarkError::Weightless)?;
    let action = propose::<T>(institution, &proposer)?;
    for _ in 0..earlier {
        let approver = officers.next().ok_or(BenchmarkError::Weightless)?;
        PendingActions::<T>::try_mutate(action, |pending| {
            pending
                .as_mut()
                .and_then(|pending| pending.approvals.try_push(approver).ok())
                .ok_or(BenchmarkError::Weightless)
        })?;
    }
    let last = officers.next().ok_or(BenchmarkError::Weightless)?;
    Ok((action, last))
}

#[benchmarks]
mod benchmarks {
    use super::*;

    /// Every role at once: the duplicate check sees them all.
    #[benchmark]
    fn register_institution() -> Result<(), BenchmarkError> {
        let origin = council::<T>()?;
        let admin: T::AccountId = account("admin", 0, 0);
        let code = ShortCode::truncate_from(b"MINISTRY-OF-LAND".to_vec());
        let roles = RoleList::truncate_from(Role::all_compatible());

        #[extrinsic_call]
        _(
            origin as T::RuntimeOrigin,
            InstitutionKind::Ministry,
            code.clone(),
            H256::repeat_byte(7),
            admin,
            roles,
        );

        assert!(InstitutionByCode::<T>::contains_key(&code));
        Ok(())
    }

    #[benchmark]
    fn grant_role() -> Result<(), BenchmarkError> {
        let origin = council::<T>()?;
        let id = institution::<T>(&account("admin", 0, 0));
        Identity::<T>::do_revoke_role(id, Role::ElectionCommission)?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, id, Role::ElectionCommission);

        assert!(Identity::<T>::institution_has_role(
            id,
            Role::ElectionCommission
        ));
        Ok(())
    }

    #[benchmark]
    fn revoke_role() -> Result<(), BenchmarkError> {
        let origin = council::<T>()?;
        let id = institution::<T>(&account("admin", 0, 0));

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, id, Role::ElectionCommission);

        assert!(!Identity::<T>::institution_has_role(
            id,
            Role::ElectionCommission
        ));
        Ok(())
    }

    #[benchmark]
    fn suspend_institution() -> Result<(), BenchmarkError> {
        let origin = council::<T>()?;
        let id = institution::<T>(&account("admin", 0, 0));

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, id);

        assert!(!Identity::<T>::institution_has_role(
            id,
            Role::CivilRegistry
        ));
        Ok(())
    }

    #[benchmark]
    fn restore_institution() -> Result<(), BenchmarkError> {
        let origin = council::<T>()?;
        let id = institution::<T>(&account("admin", 0, 0));
        Identity::<T>::do_set_status(id, InstitutionStatus::Suspended)?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, id);

        assert!(Identity::<T>::institution_has_role(id, Role::CivilRegistry));
        Ok(())
    }

    #[benchmark]
    fn set_institution_admin() -> Result<(), BenchmarkError> {
        let origin = council::<T>()?;
        let id = institution::<T>(&account("admin", 0, 0));
        let new_admin: T::AccountId = account("admin", 1, 0);

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, id, new_admin.clone());

        assert_eq!(
            Institutions::<T>::get(id).map(|record| record.admin),
            Some(new_admin)
        );
        Ok(())
    }

    /// By the admin, which reads the institution once more than the council does; a first
    /// appointment, which also creates the account, of an account that holds a citizen's
    /// identity (whose record is flagged).
    #[benchmark]
    fn appoint_officer() -> Result<(), BenchmarkError> {
        let admin: T::AccountId = account("admin", 0, 0);
        let id = institution::<T>(&admin);
        let officer: T::AccountId = account("officer", 0, 0);
        helpers::citizen::<T>(&officer);
        let expires_at =
            frame_system::Pallet::<T>::block_number().saturating_add(T::MaxOfficerTerm::get());

        #[extrinsic_call]
        _(RawOrigin::Signed(admin), id, officer.clone(), expires_at);

        assert!(Officers::<T>::contains_key(&officer));
        Ok(())
    }

    /// By the admin, of an officer with fee-free usage to clear, whose account holds a
    /// citizen's identity (whose record is flagged).
    #[benchmark]
    fn revoke_officer() -> Result<(), BenchmarkError> {
        let admin: T::AccountId = account("admin", 0, 0);
        let officer_account: T::AccountId = account("officer", 0, 0);
        let id = institution::<T>(&admin);
        helpers::citizen::<T>(&officer_account);
        let expires_at =
            frame_system::Pallet::<T>::block_number().saturating_add(T::MaxOfficerTerm::get());
        let record = Institutions::<T>::get(id).ok_or(BenchmarkError::Weightless)?;
        Identity::<T>::do_appoint_officer(record, id, officer_account.clone(), expires_at)?;
        Identity::<T>::use_quota(&FeeFreeSlot::Officer {
            officer: officer_account.clone(),
            institution: id,
        });

        #[extrinsic_call]
        _(RawOrigin::Signed(admin), officer_account.clone());

        assert!(!Officers::<T>::contains_key(&officer_account));
        Ok(())
    }

    #[benchmark]
    fn register_citizen() -> Result<(), BenchmarkError> {
        let registrar: T::AccountId = account("registrar", 0, 0);
        officer::<T>(&registrar, Role::CivilRegistry);
        let person: T::AccountId = account("citizen", 0, 0);

        #[extrinsic_call]
        _(
            RawOrigin::Signed(registrar),
            person.clone(),
            H256::repeat_byte(9),
            Some(17),
            KycTier::Standard,
        );

        assert!(CitizenByAccount::<T>::contains_key(&person));
        Ok(())
    }

    #[benchmark]
    fn update_citizen() -> Result<(), BenchmarkError> {
        let (registrar, id) = registrar_and_citizen::<T>();

        #[extrinsic_call]
        _(RawOrigin::Signed(registrar), id, Some(18), KycTier::Basic);

        assert_eq!(
            Citizens::<T>::get(id).map(|record| record.kyc_tier),
            Some(KycTier::Basic)
        );
        Ok(())
    }

    /// With the citizen's consent: the move itself happens (heavier than scheduling it).
    #[benchmark]
    fn move_citizen_account() -> Result<(), BenchmarkError> {
        let (registrar, id) = registrar_and_citizen::<T>();
        let new_account: T::AccountId = account("citizen", 1, 0);
        let current = Identity::<T>::account_of(id).ok_or(BenchmarkError::Weightless)?;
        Identity::<T>::do_consent_to_account_move(current, new_account.clone())
            .map_err(|_| BenchmarkError::Weightless)?;

        #[extrinsic_call]
        _(RawOrigin::Signed(registrar), id, new_account.clone());

        assert_eq!(
            CitizenByAccount::<T>::get(&new_account).map(|record| record.citizen),
            Some(id)
        );
        Ok(())
    }

    #[benchmark]
    fn consent_to_account_move() -> Result<(), BenchmarkError> {
        let (_, id) = registrar_and_citizen::<T>();
        let current = Identity::<T>::account_of(id).ok_or(BenchmarkError::Weightless)?;
        let new_account: T::AccountId = account("citizen", 1, 0);

        #[extrinsic_call]
        _(RawOrigin::Signed(current), new_account);

        assert!(MoveConsents::<T>::contains_key(id));
        Ok(())
    }

    /// A scheduled move in a queue as full as it may be: the veto searches it.
    #[benchmark]
    fn veto_account_move() -> Result<(), BenchmarkError> {
        let (_, id) = registrar_and_citizen::<T>();
        let current = Identity::<T>::account_of(id).ok_or(BenchmarkError::Weightless)?;
        let due =
            frame_system::Pallet::<T>::block_number().saturating_add(AccountMoveDelay::<T>::get());
        MovesDue::<T>::mutate(due, |queue| {
            for other in 0..T::MaxMovesPerBlock::get().saturating_sub(1) {
                let _ = queue.try_push(CitizenId::MAX.saturating_sub(u64::from(other)));
            }
        });
        AccountMoveDelay::<T>::put(AccountMoveDelay::<T>::get().max(One::one()));
        Identity::<T>::do_request_account_move(id, account("citizen", 1, 0), false)
            .map_err(|_| BenchmarkError::Weightless)?;

        #[extrinsic_call]
        _(RawOrigin::Signed(current), id);

        assert!(!PendingMoves::<T>::contains_key(id));
        MovesDue::<T>::remove(due);
        Ok(())
    }

    /// A deceased citizen of a registry, with `h` active heirs and a court's judge; returns the
    /// judge, the deceased and the heirs with equal shares (the first taking the rounding).
    fn deceased_and_heirs<T: Config>(
        h: u32,
    ) -> Result<(T::AccountId, CitizenId, HeirsOf<T>), BenchmarkError> {
        let (_, deceased) = registrar_and_citizen::<T>();
        let judge: T::AccountId = account("judge", 0, 0);
        officer::<T>(&judge, Role::Court);
        let registry = Citizens::<T>::get(deceased)
            .map(|record| record.registered_by)
            .ok_or(BenchmarkError::Weightless)?;
        Identity::<T>::do_deactivate_citizen(deceased, DeactivationReason::Deceased)
            .map_err(|_| BenchmarkError::Weightless)?;
        let each = Permill::ACCURACY.checked_div(h.max(1)).unwrap_or_default();
        let mut heirs = alloc::vec::Vec::new();
        for i in 0..h {
            let heir = helpers::citizen_of::<T>(&account("heir", i, 0), registry);
            let share = if i == 0 {
                Permill::ACCURACY.saturating_sub(each.saturating_mul(h.saturating_sub(1)))
            } else {
                each
            };
            heirs.push((heir, Permill::from_parts(share)));
        }
        Ok((judge, deceased, HeirsOf::<T>::truncate_from(heirs)))
    }

    #[benchmark]
    fn order_succession(h: Linear<1, { T::MaxHeirs::get() }>) -> Result<(), BenchmarkError> {
        let (judge, deceased, heirs) = deceased_and_heirs::<T>(h)?;

        #[extrinsic_call]
        _(
            RawOrigin::Signed(judge),
            deceased,
            heirs,
            H256::repeat_byte(0xca),
        );

        assert!(SuccessionOrders::<T>::contains_key(deceased));
        Ok(())
    }

    /// The identity pallet's part, with an estate that holds nothing in the registers (their
    /// part is weighed by `Estate::pass_estate_weight`).
    #[benchmark]
    fn execute_succession() -> Result<(), BenchmarkError> {
        let (_, deceased, heirs) = deceased_and_heirs::<T>(T::MaxHeirs::get())?;
        let registrar: T::AccountId = account("registrar", 0, 0);
        let court = InstitutionId::MAX;
        Identity::<T>::do_order_succession(court, deceased, heirs, H256::repeat_byte(0xca))
            .map_err(|_| BenchmarkError::Weightless)?;

        #[extrinsic_call]
        _(RawOrigin::Signed(registrar), deceased);

        assert!(!SuccessionOrders::<T>::contains_key(deceased));
        Ok(())
    }

    /// `n` moves falling due at one block, each carried out.
    #[benchmark]
    fn execute_account_moves(
        n: Linear<0, { T::MaxMovesPerBlock::get() }>,
    ) -> Result<(), BenchmarkError> {
        AccountMoveDelay::<T>::put(AccountMoveDelay::<T>::get().max(One::one()));
        let registry = institution::<T>(&account("admin", 0, 0));
        for i in 0..n {
            let holder: T::AccountId = account("holder", i, 0);
            let id = helpers::citizen_of::<T>(&holder, registry);
            Identity::<T>::do_request_account_move(id, account("new-holder", i, 0), false)
                .map_err(|_| BenchmarkError::Weightless)?;
        }
        let due =
            frame_system::Pallet::<T>::block_number().saturating_add(AccountMoveDelay::<T>::get());

        #[block]
        {
            Identity::<T>::execute_account_moves(due);
        }

        assert_eq!(PendingMoves::<T>::iter().count(), 0);
        Ok(())
    }

    /// A registration in error: besides the record and the counts, its national-ID hash is
    /// freed.
    #[benchmark]
    fn deactivate_citizen() -> Result<(), BenchmarkError> {
        let (registrar, id) = registrar_and_citizen::<T>();

        #[extrinsic_call]
        _(
            RawOrigin::Signed(registrar),
            id,
            DeactivationReason::RegistrationError,
        );

        assert!(Identity::<T>::account_of(id).is_none());
        Ok(())
    }

    /// A registration in error taken back: its national-ID hash is checked and indexed again.
    #[benchmark]
    fn reactivate_citizen() -> Result<(), BenchmarkError> {
        let (registrar, id) = registrar_and_citizen::<T>();
        Identity::<T>::do_deactivate_citizen(id, DeactivationReason::RegistrationError)?;

        #[extrinsic_call]
        _(RawOrigin::Signed(registrar), id);

        assert!(Identity::<T>::account_of(id).is_some());
        Ok(())
    }

    /// The council sets the block share of fee-free transactions.
    #[benchmark]
    fn set_fee_free_block_share() -> Result<(), BenchmarkError> {
        let origin = council::<T>()?;
        let share = sp_runtime::Perbill::from_percent(25);

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, share);

        assert_eq!(FeeFreeBlockShare::<T>::get(), share);
        Ok(())
    }

    /// The transaction extension's own work, at its worst: the sender is an officer with the
    /// role the call needs (checked), whose account also holds a citizen's identity (read
    /// first), whose own and whose institution's quota are read and written, and the block's
    /// fee-free weight is counted.
    #[benchmark]
    fn fee_free_quota() -> Result<(), BenchmarkError> {
        let who: T::AccountId = account("officer", 0, 0);
        let institution = officer::<T>(&who, Role::CivilRegistry);
        helpers::citizen::<T>(&who);
        let weight = frame_support::weights::Weight::from_parts(1_000, 0);

        #[block]
        {
            Identity::<T>::ensure_may_sign(
                &who,
                govchain_primitives::identity::CallSigner::Officer(Role::CivilRegistry),
            )?;
            if let Allowance::Available(slot) = Identity::<T>::fee_free_allowance(&who, 0) {
                Identity::<T>::take_fee_free_weight(weight)
                    .map_err(|_| BenchmarkError::Stop("no room for fee-free weight"))?;
                Identity::<T>::use_quota(&slot);
            }
        }

        assert_eq!(Identity::<T>::quota_used(&FeeFreeIdentity::Officer(who)), 1);
        assert_eq!(Identity::<T>::institution_quota_used(institution), 1);
        Ok(())
    }

    /// The transaction extension's own work for a citizen whose account is no officer's (what
    /// `fee_free_quota` charges beyond it is given back): its account record is read for the
    /// signer check, the status and the quota, and written with the quota used; the block's
    /// fee-free weight is counted.
    #[benchmark]
    fn fee_free_quota_citizen() -> Result<(), BenchmarkError> {
        let who: T::AccountId = account("citizen", 0, 0);
        let citizen = helpers::citizen::<T>(&who);
        let weight = frame_support::weights::Weight::from_parts(1_000, 0);

        #[block]
        {
            Identity::<T>::ensure_may_sign(
                &who,
                govchain_primitives::identity::CallSigner::Citizen,
            )?;
            if let Allowance::Available(slot) = Identity::<T>::fee_free_allowance(&who, 0) {
                Identity::<T>::take_fee_free_weight(weight)
                    .map_err(|_| BenchmarkError::Stop("no room for fee-free weight"))?;
                Identity::<T>::use_quota(&slot);
            }
        }

        assert_eq!(
            Identity::<T>::quota_used(&FeeFreeIdentity::Citizen(citizen)),
            1
        );
        Ok(())
    }

    #[benchmark]
    fn set_approval_threshold() -> Result<(), BenchmarkError> {
        let origin = constitutional::<T>()?;
        let threshold = u8::try_from(T::MaxApprovals::get()).unwrap_or(u8::MAX);

        #[extrinsic_call]
        _(
            origin as T::RuntimeOrigin,
            Role::CentralBank,
            ActionClass::Minting,
            threshold,
        );

        assert_eq!(
            ApprovalThresholds::<T>::get(Role::CentralBank, ActionClass::Minting),
            threshold
        );
        Ok(())
    }

    /// Keeping a call as a pending action: an institution with actions pending already, a call
    /// with every role listed.
    #[benchmark]
    fn propose_action() -> Result<(), BenchmarkError> {
        let (institution, officers) = dual_control_officers::<T>(1);
        let proposer = officers
            .first()
            .cloned()
            .ok_or(BenchmarkError::Weightless)?;
        propose::<T>(institution, &proposer)?;
        let call = long_call::<T>();

        #[block]
        {
            Identity::<T>::do_propose_action(
                institution,
                None,
                ActionClass::OfficerAppointment,
                proposer,
                Some(account("appointee", institution, 1)),
                call.into(),
            )?;
        }

        assert_eq!(PendingActionCount::<T>::get(institution), Some(2));
        Ok(())
    }

    /// An approval that does not yet make the threshold (`MaxApprovals`): every earlier
    /// approval is checked again.
    #[benchmark]
    fn approve_action() -> Result<(), BenchmarkError> {
        let approvals = T::MaxApprovals::get().saturating_sub(1);
        let (action, approver) = approvable::<T>(approvals.saturating_sub(2))?;

        #[extrinsic_call]
        _(
            RawOrigin::Signed(approver),
            action,
            frame_support::weights::Weight::MAX,
        );

        assert_eq!(
            PendingActions::<T>::get(action).map(|pending| pending.approvals.len()),
            usize::try_from(approvals).ok()
        );
        Ok(())
    }

    /// The approval that makes the threshold (`MaxApprovals`): every earlier approval checked,
    /// the action removed and its call dispatched (a call refused at once by its origin check,
    /// since the call's own weight is charged on top).
    #[benchmark]
    fn approve_action_executed() -> Result<(), BenchmarkError> {
        let (action, approver) = approvable::<T>(T::MaxApprovals::get().saturating_sub(2))?;

        #[extrinsic_call]
        approve_action(
            RawOrigin::Signed(approver),
            action,
            frame_support::weights::Weight::MAX,
        );

        assert!(!PendingActions::<T>::contains_key(action));
        Ok(())
    }

    /// By an officer other than the proposer, whose role is checked.
    #[benchmark]
    fn reject_action() -> Result<(), BenchmarkError> {
        let (action, officer) = approvable::<T>(1)?;

        #[extrinsic_call]
        _(RawOrigin::Signed(officer), action);

        assert!(!PendingActions::<T>::contains_key(action));
        Ok(())
    }

    /// `n` actions expiring at one block, each of its own institution.
    #[benchmark]
    fn expire_actions(
        n: Linear<0, { T::MaxActionsExpiringPerBlock::get() }>,
    ) -> Result<(), BenchmarkError> {
        for _ in 0..n {
            let (institution, officers) = dual_control_officers::<T>(1);
            let proposer = officers
                .first()
                .cloned()
                .ok_or(BenchmarkError::Weightless)?;
            propose::<T>(institution, &proposer)?;
        }
        let expiry =
            frame_system::Pallet::<T>::block_number().saturating_add(T::ActionLifetime::get());

        #[block]
        {
            Identity::<T>::expire_actions(expiry);
        }

        assert_eq!(PendingActions::<T>::iter().count(), 0);
        Ok(())
    }

    #[benchmark]
    fn set_registration_caps() -> Result<(), BenchmarkError> {
        let origin = constitutional::<T>()?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, 100, 1_000);

        assert_eq!(CitizenRegistrationCaps::<T>::get().per_officer, 100);
        Ok(())
    }

    impl_benchmark_test_suite!(Identity, crate::mock::new_test_ext(), crate::mock::Test);
}
