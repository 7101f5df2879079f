//! Registering institutions, their roles, status and admin.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::DispatchResult};
use govchain_primitives::identity::{InstitutionId, Role};
use sp_core::H256;
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
    pub(crate) fn do_register_institution(
        kind: InstitutionKind,
        short_code: ShortCode,
        name_hash: H256,
        admin: T::AccountId,
        roles: RoleList,
    ) -> DispatchResult {
        ensure!(
            is_valid_short_code(&short_code),
            Error::<T>::InvalidShortCode
        );
        ensure!(
            !InstitutionByCode::<T>::contains_key(&short_code),
            Error::<T>::ShortCodeTaken
        );
        let mut role_set = RoleSet::new();
        for role in roles.iter() {
            // The set has room for every role there is; a full set means a repeat.
            let inserted = role_set
                .try_insert(*role)
                .map_err(|_| Error::<T>::DuplicateRole)?;
            ensure!(inserted, Error::<T>::DuplicateRole);
        }
        for role in role_set.iter() {
            ensure!(
                role.compatible_with(role_set.iter().copied()),
                Error::<T>::IncompatibleRoles
            );
        }
        let institution = NextInstitutionId::<T>::get();
        let next = institution.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

        NextInstitutionId::<T>::put(next);
        InstitutionByCode::<T>::insert(&short_code, institution);
        Institutions::<T>::insert(
            institution,
            Institution {
                kind,
                short_code: short_code.clone(),
                name_hash,
                admin: admin.clone(),
                roles: role_set,
                status: InstitutionStatus::Active,
                officers: 0,
            },
        );
        Self::deposit_event(Event::InstitutionRegistered {
            institution,
            kind,
            short_code,
            admin,
            roles,
        });
        Ok(())
    }

    pub(crate) fn do_grant_role(institution: InstitutionId, role: Role) -> DispatchResult {
        Institutions::<T>::try_mutate(institution, |record| {
            let record = record.as_mut().ok_or(Error::<T>::InstitutionNotFound)?;
            ensure!(!record.roles.contains(&role), Error::<T>::RoleAlreadyHeld);
            ensure!(
                role.compatible_with(record.roles.iter().copied()),
                Error::<T>::IncompatibleRoles
            );
            let inserted = record
                .roles
                .try_insert(role)
                .map_err(|_| Error::<T>::RoleAlreadyHeld)?;
            ensure!(inserted, Error::<T>::RoleAlreadyHeld);
            Ok::<_, DispatchError>(())
        })?;
        Self::deposit_event(Event::RoleGranted { institution, role });
        Ok(())
    }

    pub(crate) fn do_revoke_role(institution: InstitutionId, role: Role) -> DispatchResult {
        Institutions::<T>::try_mutate(institution, |record| {
            let record = record.as_mut().ok_or(Error::<T>::InstitutionNotFound)?;
            ensure!(record.roles.remove(&role), Error::<T>::RoleNotHeld);
            Ok::<_, DispatchError>(())
        })?;
        Self::deposit_event(Event::RoleRevoked { institution, role });
        Ok(())
    }

    pub(crate) fn do_set_status(
        institution: InstitutionId,
        status: InstitutionStatus,
    ) -> DispatchResult {
        Institutions::<T>::try_mutate(institution, |record| {
            let record = record.as_mut().ok_or(Error::<T>::InstitutionNotFound)?;
            ensure!(
                record.status != status,
                match status {
                    InstitutionStatus::Suspended => Error::<T>::InstitutionSuspended,
                    InstitutionStatus::Active => Error::<T>::InstitutionNotSuspended,
                }
            );
            record.status = status;
            Ok::<_, DispatchError>(())
        })?;
        Self::deposit_event(match status {
            InstitutionStatus::Suspended => Event::InstitutionSuspended { institution },
            InstitutionStatus::Active => Event::InstitutionRestored { institution },
        });
        Ok(())
    }

    pub(crate) fn do_set_admin(institution: InstitutionId, admin: T::AccountId) -> DispatchResult {
        Institutions::<T>::try_mutate(institution, |record| {
            let record = record.as_mut().ok_or(Error::<T>::InstitutionNotFound)?;
            record.admin = admin.clone();
            Ok::<_, DispatchError>(())
        })?;
        Self::deposit_event(Event::InstitutionAdminChanged { institution, admin });
        Ok(())
    }
}

/// 1 to 16 upper-case ASCII letters, digits and hyphens (the bound gives the 16).
fn is_valid_short_code(code: &ShortCode) -> bool {
    !code.is_empty()
        && code
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'-')
}
