//! Whatever the order of calls: supply is the sum of all balances, and it stays within the
//! attested reserve value times the coverage limit unless an auditor's attested write-down
//! flagged the deficit.
//!
//! Random sequences of the pallet's calls (reserve records, revaluations, removals and
//! attestations; quotas, mints and redemptions; payments; freezes and thaws; the council's
//! limits; blocks passing; dual control switched on and pending acts approved) run from the
//! fixed officers, citizens and assets, with edge amounts and often the wrong signer. A model
//! of every holding, kept from the pallet's events alone, is compared after every call with
//! storage; the test works out coverage and caps itself, not through `invariants.rs`, and
//! still requires `do_try_state` to hold. A refused call changes nothing (the storage root
//! stays), except an approval, whose pending act the mock drops even when it fails. Every
//! sequence starts from money already issued and paid out ([`fund`]).

use super::*;
use crate::{
    AssetClass, AssetId, Call, DefaultInstitutionLimits, Holders, InstitutionLimits,
    MaxCoveragePercent, ReserveValue, TierLimits, TotalSupply,
};
use alloc::collections::BTreeMap;
use govchain_primitives::{
    dual_control::ActionClass,
    identity::{KycTier, Role},
    mock::without_post_info,
};
use proptest::prelude::*;

/// Every holder the calls name, with the account that acts for it.
const HOLDERS: [(Party, u64); 7] = [
    (ALICE_ID, ALICE),
    (BOB_ID, BOB),
    (CAROL_ID, CAROL),
    (BANK, BANKER),
    (OTHER_BANK, OTHER_BANKER),
    (MINISTRY, CLERK),
    (CENTRAL_BANK, GOVERNOR),
];

/// One call, or one step of the chain around it. A call's first field is its signer.
#[derive(Clone, Debug)]
enum Op {
    /// Records gold under a code, with a valuation.
    Record(u64, &'static str, u64),
    Revalue(u64, AssetId, u64),
    Remove(u64, AssetId),
    /// Attests an asset's recorded quantity and valuation.
    Attest(u64, AssetId),
    SetQuota(u64, InstitutionId, u64),
    Mint(u64, InstitutionId, u64),
    Redeem(u64, u64),
    /// Pays from the first party to the second.
    Transfer(u64, Party, Party, u64),
    Freeze(u64, Party),
    Thaw(u64, Party),
    /// Sets a tier's balance cap and daily outflow limit.
    SetTierLimits(u64, KycTier, u64, u64),
    SetMinistryLimits(u64, Option<(u64, u64)>),
    SetMaxCoverage(u64, u32),
    SetLargeTransferThreshold(u64, Option<u64>),
    /// Moves the chain on by some blocks.
    Advance(u64),
    /// Acts of the class under the role need this many officers from now on.
    SetThreshold(Role, ActionClass, u8),
    /// Approves the nth pending act (modulo their number); nothing when none is pending.
    Approve(usize),
}

/// What the test expects, from the events it saw.
#[derive(Default)]
struct Model {
    balances: BTreeMap<Party, u64>,
    events_seen: usize,
    /// The coverage deficit after the last step.
    deficit: u128,
}

impl Model {
    fn add(&mut self, holder: Party, amount: u64) {
        *self.balances.entry(holder).or_default() += amount;
    }

    fn take(&mut self, holder: Party, amount: u64) {
        let left = self.balances.remove(&holder).unwrap_or_default() - amount;
        if left > 0 {
            self.balances.insert(holder, left);
        }
    }
}

/// `holder`'s balance cap as the council set it; `None` for banks and the central bank.
fn cap_of(holder: Party) -> Option<u64> {
    let limits = match holder {
        ALICE_ID => TierLimits::<Test>::get(KycTier::Basic),
        BOB_ID => TierLimits::<Test>::get(KycTier::Standard),
        CAROL_ID => TierLimits::<Test>::get(KycTier::Enhanced),
        MINISTRY => InstitutionLimits::<Test>::get(MINISTRY_ID)
            .unwrap_or_else(DefaultInstitutionLimits::<Test>::get),
        _ => return None,
    };
    Some(limits.balance_cap)
}

fn storage_root() -> Vec<u8> {
    sp_io::storage::root(sp_runtime::StateVersion::V1)
}

/// Makes `op` through the pallet's dispatchables (or the mock's dual control).
fn apply(op: &Op) -> DispatchResult {
    let signed = RuntimeOrigin::signed;
    match *op {
        Op::Record(who, text, valuation) => {
            let (class, report) = (AssetClass::Gold, attestation(1));
            Cbdc::record_reserve_asset(signed(who), class, code(text), 1_000, valuation, report)
        }
        Op::Revalue(who, asset, valuation) => {
            Cbdc::revalue_reserve_asset(signed(who), asset, 1_000, valuation, attestation(2))
        }
        Op::Remove(who, asset) => Cbdc::remove_reserve_asset(signed(who), asset),
        Op::Attest(who, asset) => attest_by(signed(who), asset),
        Op::SetQuota(who, bank, limit) => Cbdc::set_bank_quota(signed(who), bank, limit),
        Op::Mint(who, bank, amount) => Cbdc::mint(signed(who), bank, amount),
        Op::Redeem(who, amount) => Cbdc::redeem(signed(who), amount),
        Op::Transfer(who, from, to, amount) => Cbdc::transfer(signed(who), from, to, amount),
        Op::Freeze(who, holder) => Cbdc::freeze(signed(who), holder, case(1)),
        Op::Thaw(who, holder) => Cbdc::thaw(signed(who), holder),
        Op::SetTierLimits(who, tier, cap, daily) => {
            Cbdc::set_tier_limits(signed(who), tier, limits(cap, daily))
        }
        Op::SetMinistryLimits(who, own) => {
            let own = own.map(|(cap, daily)| limits(cap, daily));
            Cbdc::set_institution_limits(signed(who), MINISTRY_ID, own)
        }
        Op::SetMaxCoverage(who, percent) => Cbdc::set_max_coverage(signed(who), percent),
        Op::SetLargeTransferThreshold(who, threshold) => {
            Cbdc::set_large_transfer_threshold(signed(who), threshold)
        }
        Op::Advance(blocks) => {
            System::set_block_number(System::block_number() + blocks);
            Ok(())
        }
        Op::SetThreshold(role, class, officers) => {
            Identity::set_threshold(role, class, officers);
            Ok(())
        }
        Op::Approve(nth) => {
            let pending: Vec<u64> = (0..64)
                .filter(|id| Identity::pending(*id).is_some())
                .collect();
            match pending.get(nth % pending.len().max(1)) {
                Some(action) => without_post_info(Identity::approve::<Call<Test>>(*action)),
                None => Ok(()),
            }
        }
    }
}

/// Makes `op`, follows its events in `model` and checks the property; returns `op`'s result.
fn step(model: &mut Model, op: &Op) -> DispatchResult {
    let root = storage_root();
    let before = model.balances.clone();
    let frozen: Vec<Party> = Holders::<Test>::iter()
        .filter(|(_, holder)| holder.freeze.is_some())
        .map(|(party, _)| party)
        .collect();

    let result = apply(op);

    if result.is_err() && !matches!(op, Op::Approve(_)) {
        assert_eq!(storage_root(), root, "refused but changed storage: {op:?}");
    }
    let events = cbdc_events();
    let mut attested_deficit = None;
    for event in &events[model.events_seen..] {
        match *event {
            Event::Minted { bank, amount } => model.add(Party::Institution(bank), amount),
            Event::Redeemed { bank, amount } => model.take(Party::Institution(bank), amount),
            Event::Transferred { from, to, amount } => {
                model.take(from, amount);
                model.add(to, amount);
            }
            Event::ValuationAttested {
                coverage_deficit, ..
            } => {
                attested_deficit = Some(u128::from(coverage_deficit));
            }
            _ => {}
        }
    }
    model.events_seen = events.len();

    // Supply is the sum of the balances, which are the events'.
    let stored: BTreeMap<Party, u64> = Holders::<Test>::iter()
        .map(|(party, holder)| (party, holder.balance))
        .filter(|(_, balance)| *balance > 0)
        .collect();
    assert_eq!(stored, model.balances, "after {op:?}");
    let sum: u128 = stored.values().map(|held| u128::from(*held)).sum();
    let supply = u128::from(TotalSupply::<Test>::get());
    assert_eq!(supply, sum, "after {op:?}");

    // Supply within the coverage limit, or the deficit public; only an attestation widens it,
    // and says so.
    let reserve = u128::from(ReserveValue::<Test>::get());
    let limit = reserve * u128::from(MaxCoveragePercent::<Test>::get()) / 100;
    let deficit = supply.saturating_sub(limit);
    assert_eq!(
        u128::from(Cbdc::coverage_deficit()),
        deficit,
        "after {op:?}"
    );
    if deficit > model.deficit || attested_deficit.is_some() {
        assert_eq!(attested_deficit, Some(deficit), "after {op:?}");
    }
    model.deficit = deficit;

    // Nobody receives beyond its cap; a frozen holder's balance stays.
    for (holder, _) in HOLDERS {
        let (was, is) = (
            before.get(&holder).copied().unwrap_or_default(),
            balance(holder),
        );
        if let Some(cap) = cap_of(holder).filter(|_| is > was) {
            assert!(is <= cap, "{holder:?} above its cap {cap} after {op:?}");
        }
        if frozen.contains(&holder) {
            assert_eq!(is, was, "frozen {holder:?} after {op:?}");
        }
    }
    if let Err(error) = Cbdc::do_try_state() {
        panic!("invariants fail after {op:?}: {error:?}");
    }
    result
}

fn signers() -> Vec<u64> {
    let officers = [GOVERNOR, BANKER, OTHER_BANKER, JUDGE, OTHER_JUDGE];
    let others = [CLERK, AUDITOR, ALICE, BOB, CAROL, NOBODY];
    [&officers[..], &others, &[Council::get()]].concat()
}

/// Mostly `usual`, sometimes anyone.
fn signer(usual: u64) -> impl Strategy<Value = u64> {
    prop_oneof![3 => Just(usual), 1 => prop::sample::select(signers())]
}

/// Edge amounts, the genesis caps and limits, small amounts, anything.
fn amount() -> impl Strategy<Value = u64> {
    let caps = vec![BASIC.0, BASIC.1, STANDARD.0, ENHANCED.0];
    prop_oneof![
        1 => Just(0u64),
        1 => Just(1u64),
        1 => Just(u64::MAX),
        2 => prop::sample::select(caps),
        6 => 1..5_000u64,
        1 => any::<u64>(),
    ]
}

fn valuation() -> impl Strategy<Value = u64> {
    prop_oneof![amount(), 1_000..3_000_000u64]
}

fn party() -> impl Strategy<Value = Party> {
    prop::sample::select(HOLDERS.map(|(holder, _)| holder).to_vec())
}

/// The reserve holds at most 3 assets at once, numbered from 0.
fn asset() -> impl Strategy<Value = AssetId> {
    0..5u32
}

fn bank() -> impl Strategy<Value = InstitutionId> {
    let others = vec![OTHER_BANK_ID, MINISTRY_ID, CENTRAL_BANK_ID];
    prop_oneof![3 => Just(BANK_ID), 1 => prop::sample::select(others)]
}

fn op() -> impl Strategy<Value = Op> {
    let council = Council::get();
    let codes = vec!["XAU", "USD", "BTC", "xau", ""];
    let tiers = vec![KycTier::Basic, KycTier::Standard, KycTier::Enhanced];
    let dual_controls = vec![
        (Role::CentralBank, ActionClass::ReserveRecord),
        (Role::CentralBank, ActionClass::BankQuota),
        (Role::CentralBank, ActionClass::Minting),
        (Role::Court, ActionClass::CourtOrder),
        (Role::CommercialBank, ActionClass::LargeTransfer),
    ];
    let holder = prop::sample::select(HOLDERS.to_vec());
    let anyone = prop::option::weighted(0.2, prop::sample::select(signers()));
    prop_oneof![
        2 => (signer(GOVERNOR), prop::sample::select(codes), valuation())
            .prop_map(|(who, text, valuation)| Op::Record(who, text, valuation)),
        2 => (signer(GOVERNOR), asset(), valuation())
            .prop_map(|(who, asset, valuation)| Op::Revalue(who, asset, valuation)),
        1 => (signer(GOVERNOR), asset()).prop_map(|(who, asset)| Op::Remove(who, asset)),
        3 => (signer(AUDITOR), asset()).prop_map(|(who, asset)| Op::Attest(who, asset)),
        2 => (signer(GOVERNOR), bank(), valuation())
            .prop_map(|(who, bank, limit)| Op::SetQuota(who, bank, limit)),
        4 => (signer(GOVERNOR), bank(), valuation())
            .prop_map(|(who, bank, amount)| Op::Mint(who, bank, amount)),
        2 => (signer(BANKER), amount()).prop_map(|(who, amount)| Op::Redeem(who, amount)),
        8 => (holder, party(), amount(), anyone).prop_map(|((from, holder), to, amount, other)| {
            Op::Transfer(other.unwrap_or(holder), from, to, amount)
        }),
        1 => (signer(JUDGE), party()).prop_map(|(who, holder)| Op::Freeze(who, holder)),
        1 => (signer(JUDGE), party()).prop_map(|(who, holder)| Op::Thaw(who, holder)),
        1 => (signer(council), prop::sample::select(tiers), amount(), amount())
            .prop_map(|(who, tier, cap, daily)| Op::SetTierLimits(who, tier, cap, daily)),
        1 => (signer(council), prop::option::of((amount(), amount())))
            .prop_map(|(who, own)| Op::SetMinistryLimits(who, own)),
        1 => (signer(council), 0..=400u32)
            .prop_map(|(who, percent)| Op::SetMaxCoverage(who, percent)),
        1 => (signer(council), prop::option::of(amount()))
            .prop_map(|(who, threshold)| Op::SetLargeTransferThreshold(who, threshold)),
        2 => (1..=15u64).prop_map(Op::Advance),
        1 => (prop::sample::select(dual_controls), 1..=2u8)
            .prop_map(|((role, class), officers)| Op::SetThreshold(role, class, officers)),
        2 => any::<usize>().prop_map(Op::Approve),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn supply_is_the_sum_of_balances_and_covered_unless_a_deficit_is_flagged(
        ops in prop::collection::vec(op(), 1..40)
    ) {
        new_test_ext().execute_with(|| {
            let mut model = Model::default();
            fund(&mut model);
            for op in &ops {
                // `step` checks refusals too.
                let _ = step(&mut model, op);
            }
        });
    }
}

/// The money every random sequence starts from, so that transfers, redemptions, freezes and
/// write-downs meet balances from the first step: a reserve asset (id 0) attested at 10 000,
/// 6 000 minted to the bank, 1 500 paid on to Bob and 200 to Alice and to Carol each.
fn fund(model: &mut Model) {
    for op in [
        Op::Record(GOVERNOR, "XAU", 10_000),
        Op::Attest(AUDITOR, 0),
        Op::SetQuota(GOVERNOR, BANK_ID, 6_000),
        Op::Mint(GOVERNOR, BANK_ID, 6_000),
        Op::Transfer(BANKER, BANK, BOB_ID, 1_500),
        Op::Transfer(BANKER, BANK, ALICE_ID, 200),
        Op::Transfer(BANKER, BANK, CAROL_ID, 200),
    ] {
        assert_ok!(step(model, &op));
    }
}

#[test]
fn a_fixed_sequence_mints_pays_redeems_and_flags_a_written_down_deficit() {
    build_and_execute(|| {
        let mut model = Model::default();
        let mut run = |op: Op| step(&mut model, &op);
        let gold = 0;
        assert_ok!(run(Op::Record(GOVERNOR, "XAU", 10_000)));
        assert_ok!(run(Op::Attest(AUDITOR, gold)));
        assert_ok!(run(Op::SetQuota(GOVERNOR, BANK_ID, 6_000)));
        assert_ok!(run(Op::Mint(GOVERNOR, BANK_ID, 6_000)));
        assert_ok!(run(Op::Transfer(BANKER, BANK, BOB_ID, 1_500)));
        assert_ok!(run(Op::Transfer(BOB, BOB_ID, ALICE_ID, 200)));
        let alice_for_bob = run(Op::Transfer(ALICE, BOB_ID, ALICE_ID, 1));
        assert_eq!(alice_for_bob, Err(Error::<Test>::NotHolder.into()));
        assert_ok!(run(Op::Freeze(JUDGE, ALICE_ID)));
        let to_frozen = run(Op::Transfer(BOB, BOB_ID, ALICE_ID, 1));
        assert_eq!(to_frozen, Err(Error::<Test>::ReceiverFrozen.into()));
        assert_ok!(run(Op::Redeem(BANKER, 1_000)));

        assert_ok!(run(Op::Revalue(GOVERNOR, gold, 3_000)));
        assert_ok!(run(Op::Attest(AUDITOR, gold)));

        let beyond_the_reserve = run(Op::Mint(GOVERNOR, BANK_ID, 1));
        assert_eq!(
            beyond_the_reserve,
            Err(Error::<Test>::CoverageExceeded.into())
        );
        assert_eq!(TotalSupply::<Test>::get(), 5_000);
        assert_eq!((Cbdc::coverage_deficit(), model.deficit), (2_000, 2_000));
        let expected = [(ALICE_ID, 200), (BOB_ID, 1_300), (BANK, 3_500)];
        assert_eq!(model.balances, BTreeMap::from(expected));
    });
}
