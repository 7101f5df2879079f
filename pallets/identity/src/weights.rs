//! Placeholder until `scripts/benchmark-weights.sh` generates this file.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

pub trait WeightInfo {
    fn register_institution() -> Weight;
    fn grant_role() -> Weight;
    fn revoke_role() -> Weight;
    fn suspend_institution() -> Weight;
    fn restore_institution() -> Weight;
    fn set_institution_admin() -> Weight;
    fn appoint_officer() -> Weight;
    fn revoke_officer() -> Weight;
    fn register_citizen() -> Weight;
    fn update_citizen() -> Weight;
    fn move_citizen_account() -> Weight;
    fn deactivate_citizen() -> Weight;
    fn reactivate_citizen() -> Weight;
    fn fee_free_quota() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn register_institution() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn grant_role() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn revoke_role() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn suspend_institution() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn restore_institution() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn set_institution_admin() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn appoint_officer() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn revoke_officer() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn register_citizen() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn update_citizen() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn move_citizen_account() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn deactivate_citizen() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn reactivate_citizen() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn fee_free_quota() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
}

impl WeightInfo for () {
    fn register_institution() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn grant_role() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn revoke_role() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn suspend_institution() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn restore_institution() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn set_institution_admin() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn appoint_officer() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn revoke_officer() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn register_citizen() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn update_citizen() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn move_citizen_account() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn deactivate_citizen() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn reactivate_citizen() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
    fn fee_free_quota() -> Weight {
        Weight::from_parts(50_000_000, 4_000)
    }
}
