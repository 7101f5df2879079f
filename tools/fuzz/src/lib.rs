//! govchain-fuzz: the real runtime under arbitrary signed calls, in real blocks, with every
//! pallet's invariants checked after each block.
//!
//! A [`Government`] is a chain started from the `local_testnet` preset and populated the way a
//! country's would be: the council (Alice, Bob, Charlie), seven institutions holding every role
//! (ministry of justice as civil registry, land registrar and court; education ministry;
//! university, accredited; central bank; commercial bank, with money minted against an attested
//! reserve; election commission; audit chamber), two officers each, eight citizens, and plain
//! accounts with and without tokens; then the national network's dual-control thresholds. The
//! set-up runs once; each input then starts from it.
//!
//! An input is a byte string read as a sequence of steps: padding (`0x00`, `0xff`: skipped), a
//! block advance (the byte [`ADVANCE`], then one to a few blocks, or now and then a day), or a
//! call: a signer among the government's accounts and a `RuntimeCall` of any pallet in the runtime
//! (ours and the sdk's), SCALE-decoded from the bytes that follow (nested at most [`MAX_DEPTH`]
//! deep); an idle call (a remark, [`is_idle`]) is skipped. Each call is signed with the signer's key and nonce and the runtime's real transaction
//! extensions, and applied through `Executive` in the current block as an author would (a
//! transaction found invalid leaves no trace). Blocks are real: Aura's slot in the pre-runtime
//! digest, the timestamp inherent, `initialize_block` and `finalize_block`. After each block, every
//! pallet's `try_state` runs (`AllPalletsWithSystem`: balances, session, collective, scheduler, …
//! and govchain's).
//!
//! A panic anywhere (a call, an inherent, block initialisation or finalisation) or a broken
//! invariant is a [`Finding`]. The same input always gives the same run.

// A test harness: a set-up that fails is a broken harness, and stops it loudly.
#![allow(
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing
)]

use codec::{DecodeLimit, Encode};
use frame_support::BoundedVec;
use govchain_primitives::identity::{KycTier, Role};
use govchain_runtime::{
    configs::{national_policy, CouncilCollective},
    genesis_config_presets, signing, AccountId, BlockNumber, Executive, Header, Runtime,
    RuntimeCall, RuntimeOrigin, System, UncheckedExtrinsic, SLOT_DURATION,
};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::{sr25519, Pair, H256};
use sp_runtime::{
    traits::{Dispatchable, Header as _},
    Digest, DigestItem,
};
use std::panic::{catch_unwind, AssertUnwindSafe};

mod generate;
pub use generate::{Generator, NESTED_CALLS};

/// The deepest nesting a decoded call may have (a batch of motions of batches, …).
pub const MAX_DEPTH: u32 = 6;

/// The step byte that advances blocks; any other picks a signer. One exact value, neither
/// `0x00` nor `0xff`: mutations fill inputs with runs of those (in a run's new inputs, 38 % of
/// the bytes were `0xff`), and every block costs its initialisation, finalisation and every
/// pallet's `try_state`. (With "any byte `≡ 7 (mod 8)`", mutated inputs made 2.7 blocks for
/// every call.) The dictionary (`Generator::dictionary`) offers it to mutations.
pub const ADVANCE: u8 = 0xa5;

/// Whether the step byte `step` advances blocks.
pub fn is_advance(step: u8) -> bool {
    step == ADVANCE
}

/// Whether the step byte `step` is padding, skipped: `0x00` and `0xff`, which mutations write in
/// long runs. Were they signers, a run of zeros would be `System::remark` after `System::remark`
/// (its indices and an empty remark are zeros): in a coverage-guided run before this rule, 93 %
/// of all calls were those.
pub fn is_padding(step: u8) -> bool {
    step == 0x00 || step == 0xff
}

/// Whether the step byte `step` picks a signer (`step` modulo the number of signers) for the
/// call whose bytes follow.
pub fn is_signer(step: u8) -> bool {
    !is_advance(step) && !is_padding(step)
}

/// Whether a call of kind `index` (pallet, call) is idle: `System::remark` or
/// `remark_with_event`, which write nothing but an event. The harness skips idle calls at the
/// top level of an input, as it skips padding, and neither makes nor counts them; the
/// generator and the dictionary leave them out. Mutations make one from any signer byte
/// followed by zeros, and libFuzzer's hit-count features reward repeating a call that
/// succeeds: in a coverage-guided million before this rule, 53–55 % of all calls were remarks.
/// (A remark nested in a batch or a motion is still made: it is the generator's leaf call.)
pub fn is_idle(index: [u8; 2]) -> bool {
    [
        frame_system::Call::remark { remark: Vec::new() },
        frame_system::Call::remark_with_event { remark: Vec::new() },
    ]
    .into_iter()
    .any(|call| RuntimeCall::System(call).encode().get(..2) == Some(&index[..]))
}

/// What went wrong in a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// The runtime panicked while doing `what`.
    Panic { what: String, message: String },
    /// A pallet's invariants no longer held after block `block`.
    Invariant { block: BlockNumber, error: String },
}

impl core::fmt::Display for Finding {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Finding::Panic { what, message } => write!(f, "panic while {what}: {message}"),
            Finding::Invariant { block, error } => {
                write!(f, "invariant broken after block #{block}: {error}")
            }
        }
    }
}

/// What a run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Calls decoded and signed.
    pub calls: u64,
    /// Calls the block took (valid transactions), whether they then succeeded or failed.
    pub applied: u64,
    /// Calls that succeeded.
    pub succeeded: u64,
    /// Blocks finalized.
    pub blocks: u64,
}

/// How many calls of each kind (pallet and call index) were made, and how many succeeded: a
/// million calls of which most were `System::remark` would say little, so reports name the
/// kinds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Calls decoded and signed, by kind.
    pub made: std::collections::BTreeMap<[u8; 2], u64>,
    /// Calls that succeeded, by kind (a kind is here only once it has succeeded).
    pub succeeded: std::collections::BTreeMap<[u8; 2], u64>,
}

impl Tally {
    pub fn new() -> Tally {
        Tally::default()
    }

    /// How many kinds of calls succeeded at least once.
    pub fn kinds(&self) -> usize {
        self.succeeded.len()
    }

    /// The names of the kinds that succeeded at least once.
    pub fn succeeded_names<'g>(&self, generator: &'g Generator) -> Vec<&'g str> {
        self.succeeded
            .keys()
            .filter_map(|&index| generator.name(index))
            .collect()
    }

    /// The `most` kinds made most often: `name made/succeeded`, and the share of all calls
    /// the first of them took.
    pub fn report(&self, generator: &Generator, most: usize) -> String {
        let all: u64 = self.made.values().sum();
        let mut kinds: Vec<(&[u8; 2], &u64)> = self.made.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let listed: Vec<String> = kinds
            .iter()
            .take(most)
            .map(|(index, made)| {
                format!(
                    "{} {made}/{}",
                    generator.name(**index).unwrap_or("?"),
                    self.succeeded.get(*index).copied().unwrap_or(0)
                )
            })
            .collect();
        let top = kinds.first().map_or(0, |(_, made)| **made);
        format!(
            "{} kinds made, {} succeeded; the most made (made/succeeded): {}; the first is {:.1} % \
             of all calls",
            self.made.len(),
            self.succeeded.len(),
            listed.join(", "),
            100.0 * top as f64 / all.max(1) as f64
        )
    }
}

impl core::ops::AddAssign for Stats {
    fn add_assign(&mut self, other: Stats) {
        self.calls += other.calls;
        self.applied += other.applied;
        self.succeeded += other.succeeded;
        self.blocks += other.blocks;
    }
}

/// An account the fuzzer signs with.
pub struct Signer {
    /// Its secret URI (`//Alice`, `//Officer3b`, …), to name it.
    pub uri: String,
    pub pair: sr25519::Pair,
    pub account: AccountId,
}

fn signer(uri: &str) -> Signer {
    let pair = sr25519::Pair::from_string(uri, None).expect("a development key");
    Signer {
        uri: uri.to_owned(),
        account: pair.public().into(),
        pair,
    }
}

/// The institutions of the government: short code and roles, in the order they are registered
/// (their ids are their places here).
pub const INSTITUTIONS: [(&str, &[Role]); 7] = [
    (
        "MOJ",
        &[Role::CivilRegistry, Role::LandRegistrar, Role::Court],
    ),
    ("EDU", &[Role::EducationMinistry]),
    ("UNI", &[Role::University]),
    ("CB", &[Role::CentralBank]),
    ("BANK", &[Role::CommercialBank]),
    ("CEC", &[Role::ElectionCommission]),
    ("AUDIT", &[Role::Auditor]),
];

/// Citizens of the government (their ids are 0 to `CITIZENS - 1`).
pub const CITIZENS: u8 = 8;

/// A populated chain, ready for inputs.
pub struct Government {
    ext: sp_io::TestExternalities,
    signers: Vec<Signer>,
}

impl Default for Government {
    fn default() -> Self {
        Government::new()
    }
}

/// Dispatches `call` as `origin` in the set-up, which must succeed.
fn set_up(origin: RuntimeOrigin, call: RuntimeCall) {
    let what = format!("{call:?}");
    if let Err(error) = call.dispatch(origin) {
        panic!("the fuzzer's set-up failed: {what}: {:?}", error.error);
    }
}

impl Government {
    /// The `local_testnet` chain with the government described in the crate's documentation.
    pub fn new() -> Government {
        let storage = genesis_config_presets::storage("local_testnet").expect("the preset");
        let mut ext = sp_io::TestExternalities::new(storage);
        let mut signers: Vec<Signer> = ["//Alice", "//Bob", "//Charlie", "//Dave", "//Admin"]
            .iter()
            .map(|uri| signer(uri))
            .collect();
        ext.execute_with(|| {
            System::set_block_number(1);
            let council = RuntimeOrigin::from(pallet_collective::RawOrigin::<
                AccountId,
                CouncilCollective,
            >::Members(3, 3));
            let admin = signer("//Admin").account;
            for who in ["//Admin", "//Plain"] {
                set_up(
                    RuntimeOrigin::root(),
                    RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
                        who: signer(who).account.into(),
                        new_free: 1_000 * govchain_runtime::UNIT,
                    }),
                );
            }
            for (code, roles) in INSTITUTIONS {
                set_up(
                    council.clone(),
                    RuntimeCall::Identity(pallet_identity_registry::Call::register_institution {
                        kind: pallet_identity_registry::InstitutionKind::Agency,
                        short_code: BoundedVec::truncate_from(code.as_bytes().to_vec()),
                        name_hash: H256::repeat_byte(code.len() as u8),
                        admin: admin.clone(),
                        roles: BoundedVec::truncate_from(roles.to_vec()),
                    }),
                );
            }
            for institution in 0..INSTITUTIONS.len() as u32 {
                for second in ["a", "b"] {
                    let officer = signer(&format!("//Officer{institution}{second}"));
                    set_up(
                        RuntimeOrigin::signed(admin.clone()),
                        RuntimeCall::Identity(pallet_identity_registry::Call::appoint_officer {
                            institution,
                            officer: officer.account.clone(),
                            expires_at: 1_000_000,
                        }),
                    );
                    signers.push(officer);
                }
            }
            let officer = |institution: u32| {
                RuntimeOrigin::signed(signer(&format!("//Officer{institution}a")).account)
            };
            for citizen in 0..CITIZENS {
                let person = signer(&format!("//Citizen{citizen}"));
                set_up(
                    officer(0),
                    RuntimeCall::Identity(pallet_identity_registry::Call::register_citizen {
                        account: person.account.clone(),
                        national_id_hash: H256::repeat_byte(0xc0 | citizen),
                        region: None,
                        kyc_tier: [KycTier::Basic, KycTier::Standard, KycTier::Enhanced]
                            [usize::from(citizen % 3)],
                    }),
                );
                signers.push(person);
            }
            signers.push(signer("//Plain"));
            signers.push(signer("//Pauper"));

            // Money: a reserve recorded, attested, a quota and a mint to the bank.
            let valuation = 10_000_000 * govchain_runtime::configs::cbdc::CBDC_UNIT;
            set_up(
                officer(3),
                RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::record_reserve_asset {
                    class: pallet_cbdc_reserve::AssetClass::Gold,
                    code: BoundedVec::truncate_from(b"XAU".to_vec()),
                    quantity: 1_000,
                    valuation,
                    attestation: pallet_cbdc_reserve::Attestation {
                        report_hash: H256::repeat_byte(0xa1),
                        date: 20_600,
                    },
                }),
            );
            set_up(
                officer(6),
                RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::attest_valuation {
                    asset: 0,
                    quantity: 1_000,
                    valuation,
                    report: pallet_cbdc_reserve::Attestation {
                        report_hash: H256::repeat_byte(0xad),
                        date: 20_601,
                    },
                }),
            );
            set_up(
                officer(3),
                RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::set_bank_quota {
                    bank: 4,
                    limit: valuation,
                }),
            );
            set_up(
                officer(3),
                RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::mint {
                    bank: 4,
                    amount: valuation / 2,
                }),
            );
            // The university may issue from day 0 for three centuries.
            set_up(
                officer(1),
                RuntimeCall::Diplomas(pallet_diplomas::Call::accredit {
                    university: 2,
                    period: pallet_diplomas::Period {
                        from: 0,
                        until: 100_000,
                    },
                }),
            );
            // From here on, the national network's dual control.
            for (role, class, threshold) in national_policy::approval_thresholds() {
                set_up(
                    RuntimeOrigin::root(),
                    RuntimeCall::Identity(pallet_identity_registry::Call::set_approval_threshold {
                        role,
                        class,
                        threshold,
                    }),
                );
            }
            check_invariants(1).expect("the set-up leaves every invariant holding");
        });
        ext.commit_all().expect("the set-up commits");
        Government { ext, signers }
    }

    /// The accounts inputs sign with, in the order an input's signer byte picks them.
    pub fn signers(&self) -> &[Signer] {
        &self.signers
    }

    /// A writer of random calls whose accounts are the government's.
    pub fn generator(&self) -> Generator {
        let accounts: Vec<AccountId> = self.signers.iter().map(|s| s.account.clone()).collect();
        Generator::new(&accounts)
    }

    /// Runs `input` from the set-up state, and forgets what it did; counts its calls in
    /// `tally`.
    pub fn run(&mut self, input: &[u8], tally: &mut Tally) -> Result<Stats, Finding> {
        let signers = &self.signers;
        let outcome = self
            .ext
            .execute_with(|| Run::new(signers, tally).steps(input));
        self.ext.reset_overlay();
        outcome
    }
}

/// Moves the scheduler's cursor over the skipped blocks whose agendas are empty. Without this,
/// the scheduler walks every skipped block's (empty) agenda in the blocks that follow a day's
/// jump, one storage read each: most of a run's time, for no effect. Agendas that hold tasks
/// are still served, from the first of them on (late, in the blocks after the jump, as with
/// any skipped block).
fn skip_empty_agendas(number: BlockNumber) {
    let since = pallet_scheduler::IncompleteSince::<Runtime>::get().unwrap_or(number);
    let first_due = pallet_scheduler::Agenda::<Runtime>::iter()
        .filter(|(when, agenda)| *when >= since && *when < number && !agenda.is_empty())
        .map(|(when, _)| when)
        .min();
    pallet_scheduler::IncompleteSince::<Runtime>::put(first_due.unwrap_or(number));
}

/// Every pallet's invariants at block `block`.
fn check_invariants(block: BlockNumber) -> Result<(), Finding> {
    govchain_runtime::authoring::check_invariants(block)
        .map_err(|error| Finding::Invariant { block, error })
}

/// `f`, with a panic turned into a finding about `what`.
fn guarded<R>(what: impl FnOnce() -> String, f: impl FnOnce() -> R) -> Result<R, Finding> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| Finding::Panic {
        what: what(),
        message: payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| {
                payload
                    .downcast_ref::<&str>()
                    .map(|text| (*text).to_owned())
            })
            .unwrap_or_else(|| "(no message)".to_owned()),
    })
}

/// One input's run.
struct Run<'a> {
    signers: &'a [Signer],
    tally: &'a mut Tally,
    genesis: H256,
    parent: H256,
    stats: Stats,
}

impl<'a> Run<'a> {
    fn new(signers: &'a [Signer], tally: &'a mut Tally) -> Run<'a> {
        Run {
            signers,
            tally,
            genesis: frame_system::BlockHash::<Runtime>::get(0),
            parent: frame_system::BlockHash::<Runtime>::get(0),
            stats: Stats::default(),
        }
    }

    fn steps(mut self, mut input: &[u8]) -> Result<Stats, Finding> {
        self.start_block(1)?;
        while let Some((&step, rest)) = input.split_first() {
            input = rest;
            if is_advance(step) {
                // A block advance: one to four blocks, or (one time in eight) about a day.
                let Some((&lapse, rest)) = input.split_first() else {
                    break;
                };
                input = rest;
                let blocks = if lapse % 8 == 7 {
                    u32::from(lapse) * 64
                } else {
                    1 + u32::from(lapse % 4)
                };
                self.end_block()?;
                self.start_block(blocks)?;
                continue;
            }
            if is_padding(step) {
                continue;
            }
            let signer = &self.signers[usize::from(step) % self.signers.len()];
            let Ok(call) = RuntimeCall::decode_with_depth_limit(MAX_DEPTH, &mut input) else {
                // Bytes that are no call: the rest of the input is read from the next byte on.
                continue;
            };
            self.call(signer, call)?;
        }
        self.end_block()?;
        Ok(self.stats)
    }

    /// Starts block `lapse` blocks after the current one, with its slot and timestamp. The
    /// blocks in between are skipped, not built (frame-system is told the one before was the
    /// last): hours or days pass in one step, as expiries and periods need.
    fn start_block(&mut self, lapse: u32) -> Result<(), Finding> {
        let number = System::block_number() + lapse;
        System::set_block_number(number - 1);
        if lapse > 1 {
            skip_empty_agendas(number);
        }
        let slot = u64::from(pallet_aura::CurrentSlot::<Runtime>::get()) + u64::from(lapse);
        let header = Header::new(
            number,
            Default::default(),
            Default::default(),
            self.parent,
            Digest {
                logs: vec![DigestItem::PreRuntime(
                    AURA_ENGINE_ID,
                    Slot::from(slot).encode(),
                )],
            },
        );
        guarded(
            || format!("initializing block #{number}"),
            || Executive::initialize_block(&header),
        )?;
        let timestamp =
            UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
                now: slot * SLOT_DURATION,
            }));
        let applied = guarded(
            || format!("applying block #{number}'s timestamp"),
            || Executive::apply_extrinsic(timestamp),
        )?;
        if !matches!(applied, Ok(Ok(()))) {
            return Err(Finding::Panic {
                what: format!("applying block #{number}'s timestamp"),
                message: format!("the inherent was refused: {applied:?}"),
            });
        }
        Ok(())
    }

    /// Finalizes the current block, then checks every pallet's invariants.
    fn end_block(&mut self) -> Result<(), Finding> {
        let number = System::block_number();
        let header = guarded(
            || format!("finalizing block #{number}"),
            Executive::finalize_block,
        )?;
        self.parent = header.hash();
        self.stats.blocks += 1;
        guarded(
            || format!("checking the invariants after block #{number}"),
            || check_invariants(number),
        )?
    }

    /// Signs `call` as `signer` and applies it as a block author would, unless it is idle
    /// ([`is_idle`]).
    fn call(&mut self, signer: &Signer, call: RuntimeCall) -> Result<(), Finding> {
        let encoded = call.encode();
        let index = [
            encoded.first().copied().unwrap_or(0),
            encoded.get(1).copied().unwrap_or(0),
        ];
        if is_idle(index) {
            return Ok(());
        }
        self.stats.calls += 1;
        let nonce = System::account_nonce(&signer.account);
        let described = || format!("{} calling {call:?}", signer.uri);
        *self.tally.made.entry(index).or_default() += 1;
        let extrinsic = signing::sign(&signer.pair, call.clone(), nonce, self.genesis);
        let applied = guarded(described, || {
            govchain_runtime::authoring::apply_or_roll_back(extrinsic)
        })?;
        match applied {
            Ok(Ok(())) => {
                self.stats.applied += 1;
                self.stats.succeeded += 1;
                *self.tally.succeeded.entry(index).or_default() += 1;
            }
            Ok(Err(_)) => self.stats.applied += 1,
            // Invalid: the block is full (the next step may advance it), or not this signer's.
            Err(_) => {}
        }
        Ok(())
    }
}

/// A deterministic stream of random numbers for the seeded form of the fuzzer (no coverage
/// guidance): SplitMix64, with the biases the generator wants.
pub struct Stream {
    state: u64,
}

impl Stream {
    pub fn new(seed: u64) -> Stream {
        Stream {
            state: seed ^ 0x9e37_79b9_7f4a_7c15,
        }
    }

    /// The next 64 random bits (SplitMix64).
    pub fn word(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `bound` (at least 1).
    pub fn below(&mut self, bound: u64) -> u64 {
        self.word() % bound.max(1)
    }

    /// A number of `bits` bits: half the time below 8 (an id, an index, a count that names
    /// something that exists), else a bound (0, 1, the largest, one below it), a power of ten
    /// (amounts), a few thousand, or anything.
    pub fn number(&mut self, bits: u32) -> u128 {
        let max = if bits >= 128 {
            u128::MAX
        } else {
            (1u128 << bits) - 1
        };
        let value = match self.below(20) {
            0..=9 => u128::from(self.below(8)),
            10 => 0,
            11 => 1,
            12 => max,
            13 => max - 1,
            14 | 15 => 10u128.saturating_pow(self.below(22) as u32),
            16 | 17 => u128::from(self.below(10_000)),
            _ => (u128::from(self.word()) << 64) | u128::from(self.word()),
        };
        value & max
    }

    /// An input of `steps` steps: now and then a block advance, else a signer byte and a call
    /// of any pallet that `generator` writes from the runtime's type information.
    pub fn input(&mut self, steps: usize, generator: &Generator) -> Vec<u8> {
        let mut input = Vec::new();
        for _ in 0..steps {
            let random = self.word();
            if random.is_multiple_of(6) {
                input.push(ADVANCE);
                input.push((random >> 8) as u8);
            }
            // A signer byte (not a block advance, not padding).
            let signer = (random >> 16) as u8;
            input.push(if is_signer(signer) { signer } else { 0x42 });
            generator.call(self, &mut input);
        }
        input
    }
}
