//! Benchmarks of `pallet-diplomas`, each at its worst case: a university with the longest
//! accreditation history, batches of distinct holders, diplomas with the longest history.

use super::*;
use crate::Pallet as Diplomas;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::RawOrigin;
use govchain_primitives::identity::{CitizenId, IdentityProvider, InstitutionId, Role};
use sp_core::H256;

/// The day benchmarks run on: late enough for a full accreditation history before it.
const TODAY: Day = 20_000;

fn officer<T: Config>(name: &'static str, role: Role) -> (T::AccountId, InstitutionId) {
    let who: T::AccountId = account(name, 0, 0);
    let institution = T::Identity::benchmark_officer(&who, role);
    (who, institution)
}

fn citizen<T: Config>(index: u32) -> CitizenId {
    T::Identity::benchmark_citizen(&account("holder", index, 0))
}

/// A serial number of the longest length, unique for each index: `BENCH-000…-<index in hex>`.
fn serial(index: u32) -> Serial {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut number = b"BENCH-00000000000000000-".to_vec();
    number.extend([28u32, 24, 20, 16, 12, 8, 4, 0].into_iter().map(|shift| {
        let digit = index.checked_shr(shift).unwrap_or(0) & 0x0f;
        HEX.get(digit as usize).copied().unwrap_or(b'0')
    }));
    Serial::truncate_from(number)
}

fn diploma_spec(index: u32, holder: CitizenId) -> DiplomaSpec {
    DiplomaSpec {
        serial: serial(index),
        holder,
        degree: DegreeLevel::Master,
        field: 613,
        issued_on: TODAY,
        document_hash: H256::repeat_byte(0xd1),
    }
}

/// A university of its own per index, accredited since a day after [`LEGACY_DAY`] with the
/// longest history: the most an import reads per diploma.
fn legacy_university<T: Config>(index: u32) -> InstitutionId {
    let dean: T::AccountId = account("legacy-dean", index, 0);
    let university = T::Identity::benchmark_officer(&dean, Role::University);
    set_up_accreditation::<T>(university, true, Standing::Accredited);
    university
}

/// The date of the imported diplomas: before any benchmark university's first period.
const LEGACY_DAY: Day = 500;

/// `MaxAccreditationPeriods` one-day periods ending before today, the last `current` (from
/// yesterday to a year from now) if asked, standing as given.
fn set_up_accreditation<T: Config>(university: InstitutionId, current: bool, standing: Standing) {
    T::BenchmarkHelper::set_today(TODAY);
    let max = T::MaxAccreditationPeriods::get();
    let past = if current { max.saturating_sub(1) } else { max };
    let mut periods: Vec<Period> = (0..past)
        .map(|index| {
            let day = index.saturating_mul(2).saturating_add(1_000);
            Period {
                from: day,
                until: day,
            }
        })
        .collect();
    if current {
        periods.push(Period {
            from: TODAY.saturating_sub(1),
            until: TODAY.saturating_add(365),
        });
    }
    Accreditations::<T>::insert(
        university,
        Accreditation {
            periods: BoundedVec::truncate_from(periods),
            standing,
        },
    );
}

/// A diploma imported by `ministry`, with the longest history that still admits the next
/// change: ending in a reinstatement if `valid` (room for one revocation), else in a
/// revocation by the ministry (room for a reinstatement and a revocation after it).
fn set_up_imported_diploma<T: Config>(ministry: InstitutionId, valid: bool) -> DiplomaId {
    T::BenchmarkHelper::set_today(TODAY);
    let issuer = Issuer::Historic(7);
    let spec = diploma_spec(0, citizen::<T>(0));
    let id = Diplomas::<T>::diploma_id(&issuer, &spec.serial);
    let by = Authority::Ministry(ministry);
    let reason = RevocationReason::Fraud;
    let max = T::MaxStatusChanges::get();
    let limit = max.saturating_sub(if valid { 1 } else { 2 });
    // An odd length ends in a revocation, an even one in a reinstatement.
    let length = if (limit % 2 == 0) == valid {
        limit
    } else {
        limit.saturating_sub(1)
    };
    let history: Vec<_> = (0..length)
        .map(|index| StatusEvent {
            change: if index % 2 == 0 {
                StatusChange::Revoked { reason, by }
            } else {
                StatusChange::Reinstated { by }
            },
            at: 1u32.into(),
        })
        .collect();
    let status = if valid {
        Status::Valid
    } else {
        Status::Revoked {
            reason,
            by,
            at: 1u32.into(),
        }
    };
    HolderDiplomas::<T>::insert(spec.holder, id, ());
    HolderDiplomaCount::<T>::insert(spec.holder, 1);
    Records::<T>::insert(
        id,
        Diploma {
            issuer,
            spec,
            provenance: Provenance::Imported { ministry },
            recorded_at: 1u32.into(),
            status,
        },
    );
    DiplomaCount::<T>::put(1);
    History::<T>::insert(id, BoundedVec::truncate_from(history));
    id
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn accredit() {
        let (who, _) = officer::<T>("minister", Role::EducationMinistry);
        let (_, university) = officer::<T>("dean", Role::University);
        // One period short of the bound, withdrawn, so a new one may follow.
        set_up_accreditation::<T>(university, false, Standing::Withdrawn);
        Accreditations::<T>::mutate(university, |accreditation| {
            if let Some(accreditation) = accreditation {
                accreditation.periods.pop();
            }
        });
        let period = Period {
            from: TODAY,
            until: TODAY.saturating_add(365),
        };

        #[extrinsic_call]
        _(RawOrigin::Signed(who), university, period);

        assert!(Accreditations::<T>::get(university)
            .is_some_and(|accreditation| accreditation.periods.last() == Some(&period)));
    }

    #[benchmark]
    fn extend_accreditation() {
        let (who, _) = officer::<T>("minister", Role::EducationMinistry);
        let (_, university) = officer::<T>("dean", Role::University);
        set_up_accreditation::<T>(university, true, Standing::Accredited);
        let until = TODAY.saturating_add(730);

        #[extrinsic_call]
        _(RawOrigin::Signed(who), university, until);

        assert!(
            Accreditations::<T>::get(university).is_some_and(|accreditation| accreditation
                .periods
                .last()
                .is_some_and(|period| period.until == until))
        );
    }

    #[benchmark]
    fn suspend_accreditation() {
        let (who, _) = officer::<T>("minister", Role::EducationMinistry);
        let (_, university) = officer::<T>("dean", Role::University);
        set_up_accreditation::<T>(university, true, Standing::Accredited);

        #[extrinsic_call]
        _(RawOrigin::Signed(who), university);

        assert!(
            Accreditations::<T>::get(university).is_some_and(|accreditation| matches!(
                accreditation.standing,
                Standing::Suspended { .. }
            ))
        );
    }

    /// Lifted on a later day than the suspension, so a period is added.
    #[benchmark]
    fn lift_suspension() {
        let (who, _) = officer::<T>("minister", Role::EducationMinistry);
        let (_, university) = officer::<T>("dean", Role::University);
        set_up_accreditation::<T>(university, false, Standing::Accredited);
        Accreditations::<T>::mutate(university, |accreditation| {
            if let Some(accreditation) = accreditation {
                accreditation.periods.pop();
                accreditation.standing = Standing::Suspended {
                    resume_until: TODAY.saturating_add(365),
                };
            }
        });

        #[extrinsic_call]
        _(RawOrigin::Signed(who), university);

        assert!(Accreditations::<T>::get(university)
            .is_some_and(|accreditation| accreditation.periods.len()
                == T::MaxAccreditationPeriods::get() as usize));
    }

    /// Backdated into the first period, so every period is visited and all but one dropped.
    #[benchmark]
    fn withdraw_accreditation() {
        let (who, _) = officer::<T>("minister", Role::EducationMinistry);
        let (_, university) = officer::<T>("dean", Role::University);
        set_up_accreditation::<T>(university, true, Standing::Accredited);

        #[extrinsic_call]
        _(RawOrigin::Signed(who), university, Some(1_000));

        assert!(Accreditations::<T>::get(university)
            .is_some_and(|accreditation| accreditation.standing == Standing::Withdrawn));
    }

    #[benchmark]
    fn issue() {
        let (who, university) = officer::<T>("dean", Role::University);
        set_up_accreditation::<T>(university, true, Standing::Accredited);
        let diploma = diploma_spec(0, citizen::<T>(0));
        let id = Diplomas::<T>::diploma_id(&Issuer::Institution(university), &diploma.serial);

        #[extrinsic_call]
        _(RawOrigin::Signed(who), diploma);

        assert!(Records::<T>::contains_key(id));
    }

    #[benchmark]
    fn issue_batch(n: Linear<1, { T::MaxBatchSize::get() }>) {
        let (who, university) = officer::<T>("dean", Role::University);
        set_up_accreditation::<T>(university, true, Standing::Accredited);
        let diplomas: Vec<_> = (0..n)
            .map(|index| diploma_spec(index, citizen::<T>(index)))
            .collect();
        let diplomas = BoundedVec::truncate_from(diplomas);

        #[extrinsic_call]
        _(RawOrigin::Signed(who), diplomas);

        assert_eq!(DiplomaCount::<T>::get(), u64::from(n));
    }

    /// By the ministry, the last capacity checked, on an imported diploma with the longest
    /// history a revocation still fits.
    #[benchmark]
    fn revoke() {
        let (who, ministry) = officer::<T>("minister", Role::EducationMinistry);
        let id = set_up_imported_diploma::<T>(ministry, true);

        #[extrinsic_call]
        _(RawOrigin::Signed(who), id, RevocationReason::Fraud);

        assert!(Records::<T>::get(id)
            .is_some_and(|diploma| matches!(diploma.status, Status::Revoked { .. })));
    }

    #[benchmark]
    fn reinstate() {
        let (who, ministry) = officer::<T>("minister", Role::EducationMinistry);
        let id = set_up_imported_diploma::<T>(ministry, false);

        #[extrinsic_call]
        _(RawOrigin::Signed(who), id);

        assert!(Records::<T>::get(id).is_some_and(|diploma| diploma.status == Status::Valid));
    }

    /// Every diploma names a registered university of its own, whose role and accreditation
    /// history are read.
    #[benchmark]
    fn import_legacy(n: Linear<1, { T::MaxBatchSize::get() }>) {
        let (who, _) = officer::<T>("minister", Role::EducationMinistry);
        let diplomas: Vec<_> = (0..n)
            .map(|index| LegacyDiploma {
                issuer: Issuer::Institution(legacy_university::<T>(index)),
                spec: DiplomaSpec {
                    issued_on: LEGACY_DAY,
                    ..diploma_spec(index, citizen::<T>(index))
                },
            })
            .collect();
        let diplomas = BoundedVec::truncate_from(diplomas);
        T::BenchmarkHelper::set_today(TODAY);

        #[extrinsic_call]
        _(RawOrigin::Signed(who), diplomas);

        assert_eq!(DiplomaCount::<T>::get(), u64::from(n));
    }

    impl_benchmark_test_suite!(Diplomas, crate::mock::new_test_ext(), crate::mock::Test);
}
