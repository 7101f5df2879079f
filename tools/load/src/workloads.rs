//! The workloads: what each citizen or officer sends, signed before the clock starts, and what
//! counts as one unit of work in a block's events.

use crate::{
    ceremony::EncryptedElection,
    chain::{Chain, EventRecord, Nonces},
    government::{sellers, Citizen, Government},
    signer::{sign, Key, Signed},
    Error,
};
use codec::Encode;
use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
use govchain_primitives::identity::{CitizenId, Party};
use govchain_runtime::{Runtime, RuntimeCall, RuntimeEvent, MILLI_UNIT};
use pallet_diplomas::{DegreeLevel, DiplomaSpec, Serial};
use pallet_land_titles::{Holding, Price};
use sp_core::H256;
use sp_io::hashing::blake2_256;
use sp_runtime::{BoundedVec, Permill};
use std::collections::HashMap;

/// A load to put on the chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Workload {
    /// (a) `balances.transfer_keep_alive` between citizens: the baseline every chain has.
    #[value(alias = "a")]
    Transfers,
    /// (b) `cbdc.transfer` from citizen to citizen.
    #[value(alias = "b")]
    Cbdc,
    /// (c) `voting.vote` in public polls.
    #[value(alias = "c")]
    Votes,
    /// (d) `diplomas.issue_batch` of 1,000 diplomas by several university officers.
    #[value(alias = "d")]
    Diplomas,
    /// (e) `landTitles.create_offer` by the owner, then `accept_offer` by the buyer.
    #[value(alias = "e")]
    Land,
    /// (f) transfers, CBDC transfers and votes in equal parts, with diploma batches.
    #[value(alias = "f")]
    Mix,
    /// (g) `voting.cast_encrypted_ballot` of four options in an encrypted election (a citizen
    /// casting again replaces its ballot).
    #[value(alias = "g")]
    EncryptedBallots,
    /// (h) `voting.relay_encrypted_ballots`: the election commission relays batches of
    /// four-option ballots that citizens signed (each at its account's nonce).
    #[value(alias = "h")]
    RelayedBallots,
    /// (i) `cbdc.relay_payments`: the commercial bank relays batches of payment orders that
    /// citizens signed (each at its account's nonce, within its fee-free quota).
    #[value(alias = "i")]
    RelayedPayments,
    /// (j) `voting.relay_votes`: the election commission relays batches of public-poll votes
    /// that citizens signed (each at its account's nonce, within its fee-free quota).
    #[value(alias = "j")]
    RelayedVotes,
}

/// Diplomas per `issue_batch`: the runtime's largest batch.
pub const DIPLOMAS_PER_BATCH: u32 = 1_000;
/// Diplomas per batch within the mix.
const MIX_DIPLOMAS_PER_BATCH: u32 = 100;
/// Blocks an offer stays open.
const OFFER_LIFETIME: u32 = 10_000;

impl Workload {
    /// The table's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Transfers => "(a) balances.transfer_keep_alive",
            Self::Cbdc => "(b) cbdc.transfer citizen→citizen",
            Self::Votes => "(c) voting.vote (public poll)",
            Self::Diplomas => "(d) diplomas.issue_batch ×1000",
            Self::Land => "(e) land offer + accept",
            Self::Mix => "(f) mix a+b+c+d",
            Self::EncryptedBallots => "(g) voting.cast_encrypted_ballot ×4",
            Self::RelayedBallots => "(h) voting.relay_encrypted_ballots ×4",
            Self::RelayedPayments => "(i) cbdc.relay_payments citizen→citizen",
            Self::RelayedVotes => "(j) voting.relay_votes (public poll)",
        }
    }

    /// What one unit is.
    pub fn unit(self) -> &'static str {
        match self {
            Self::Transfers | Self::Cbdc | Self::RelayedPayments => "transfers",
            Self::Votes | Self::RelayedVotes => "votes",
            Self::Diplomas => "diplomas",
            Self::Land => "offers+accepts",
            Self::Mix => "operations",
            Self::EncryptedBallots | Self::RelayedBallots => "ballots",
        }
    }

    /// The units of work in a block's events: each transfer, vote, diploma, offer or
    /// acceptance that succeeded.
    pub fn units(self, events: &[EventRecord]) -> u64 {
        events
            .iter()
            .filter(|record| {
                matches!(
                    (&record.event, self),
                    (
                        RuntimeEvent::Balances(pallet_balances::Event::Transfer { .. }),
                        Self::Transfers | Self::Mix,
                    ) | (
                        RuntimeEvent::Cbdc(pallet_cbdc_reserve::Event::Transferred { .. }),
                        Self::Cbdc | Self::Mix | Self::RelayedPayments,
                    ) | (
                        RuntimeEvent::Voting(pallet_e_voting::Event::VoteCast { .. }),
                        Self::Votes | Self::Mix | Self::RelayedVotes,
                    ) | (
                        RuntimeEvent::Voting(pallet_e_voting::Event::EncryptedBallotCast { .. }),
                        Self::EncryptedBallots | Self::RelayedBallots,
                    ) | (
                        RuntimeEvent::Diplomas(pallet_diplomas::Event::DiplomaIssued { .. }),
                        Self::Diplomas | Self::Mix,
                    ) | (
                        RuntimeEvent::LandTitles(
                            pallet_land_titles::Event::OfferCreated { .. }
                                | pallet_land_titles::Event::OfferAccepted { .. },
                        ),
                        Self::Land,
                    )
                )
            })
            .count() as u64
    }

    /// Whether the workload votes in public polls, one fresh poll per round.
    pub fn uses_polls(self) -> bool {
        matches!(self, Self::Votes | Self::Mix | Self::RelayedVotes)
    }
}

/// Why the items of relayed batches in a block's events were refused or failed, one entry per
/// item (each batch names its own: a refused order or vote never fails the batch).
pub fn item_refusals(events: &[EventRecord]) -> Vec<String> {
    events
        .iter()
        .filter_map(|record| match &record.event {
            RuntimeEvent::Cbdc(pallet_cbdc_reserve::Event::RelayedPaymentRefused {
                error, ..
            }) => Some(format!("order refused in the batch: {error:?}")),
            RuntimeEvent::Cbdc(pallet_cbdc_reserve::Event::RelayedPaymentFailed {
                error, ..
            }) => Some(format!("order failed in the batch: {error:?}")),
            RuntimeEvent::Voting(pallet_e_voting::Event::RelayedBallotRefused {
                error, ..
            }) => Some(format!("item refused in the batch: {error:?}")),
            _ => None,
        })
        .collect()
}

/// Signed transactions in submission order, and what the block limits allow of them.
pub struct Plan {
    pub transactions: Vec<Signed>,
    /// Units per block the runtime's weights (and block length) admit.
    pub units_per_block_by_limits: f64,
    /// Transactions per block the runtime's weights (and block length) admit.
    pub transactions_per_block_by_limits: f64,
    /// For (e): who signs the acceptances as the offers land.
    pub acceptor: Option<Acceptor>,
}

/// How many units and transactions of a sample of `(call, units)` the runtime's limits (the
/// normal class's weight and length) admit per block.
fn per_block_by_limits(sample: &[(RuntimeCall, u64)], signer: &Key, chain: &Chain) -> (f64, f64) {
    let limits = <Runtime as frame_system::Config>::BlockWeights::get();
    let normal = limits.get(DispatchClass::Normal);
    let max_weight = normal.max_total.unwrap_or(limits.max_block).ref_time() as f64;
    let length = <Runtime as frame_system::Config>::BlockLength::get();
    let max_length = *length.max.get(DispatchClass::Normal) as f64;
    let (mut weight, mut bytes, mut units) = (0f64, 0f64, 0f64);
    for (call, call_units) in sample {
        let extrinsic =
            govchain_runtime::signing::sign(&signer.pair, call.clone(), 0, chain.genesis);
        let info = extrinsic.get_dispatch_info();
        weight += info
            .extension_weight
            .saturating_add(expected_call_weight(call, info.call_weight))
            .saturating_add(normal.base_extrinsic)
            .ref_time() as f64;
        bytes += extrinsic.encoded_size() as f64;
        units += *call_units as f64;
    }
    let samples = (max_weight / weight).min(max_length / bytes);
    (samples * units, samples * sample.len() as f64)
}

/// What `call` is expected to weigh after dispatch: its declared weight, but for a relayed batch
/// of ballots, declared for the case where every proof is checked alone, what it weighs when
/// they hold together.
fn expected_call_weight(
    call: &RuntimeCall,
    declared: frame_support::weights::Weight,
) -> frame_support::weights::Weight {
    match call {
        RuntimeCall::Voting(pallet_e_voting::Call::relay_encrypted_ballots { ballots, .. }) => {
            pallet_e_voting::Pallet::<Runtime>::relay_weight(
                ballots.len() as u32,
                pallet_e_voting::Pallet::<Runtime>::relayed_options(ballots),
                false,
            )
        }
        _ => declared,
    }
}

impl Plan {
    fn new(
        transactions: Vec<Signed>,
        sample: &[(RuntimeCall, u64)],
        signer: &Key,
        chain: &Chain,
    ) -> Self {
        let (units, transactions_per_block) = per_block_by_limits(sample, signer, chain);
        Self {
            transactions,
            units_per_block_by_limits: units,
            transactions_per_block_by_limits: transactions_per_block,
            acceptor: None,
        }
    }
}

/// The next nonce of every citizen, read from the chain.
async fn citizen_nonces(chain: &Chain, government: &Government) -> Result<Vec<u32>, Error> {
    let mut nonces = Vec::with_capacity(government.citizens.len());
    for citizen in &government.citizens {
        nonces.push(chain.nonce(&citizen.key.account).await?);
    }
    Ok(nonces)
}

/// Citizen `n`'s (number `citizen`) ballot in `round`, for one of the options in turn, encrypted
/// and proved as a wallet does (`govchain_ballot::encrypt_ballot`, bound to the election and the
/// citizen).
fn ballot_of(
    election: &EncryptedElection,
    round: u32,
    n: usize,
    citizen: CitizenId,
) -> pallet_e_voting::EncryptedBallot {
    let choice = (n as u32 + round) % election.options;
    let ballot = govchain_ballot::encrypt_ballot(
        &election.key,
        election.options,
        choice,
        &govchain_ballot::ballot_context(election.id, citizen),
        &mut rand_core::OsRng,
    )
    .unwrap_or_default();
    BoundedVec::truncate_from(ballot)
}

/// Citizen `n`'s ballot in `round` ([`ballot_of`]), cast by the citizen.
fn encrypted_ballot(
    election: &EncryptedElection,
    round: u32,
    n: usize,
    citizen: CitizenId,
) -> RuntimeCall {
    RuntimeCall::Voting(pallet_e_voting::Call::cast_encrypted_ballot {
        election: election.id,
        ballot: ballot_of(election, round, n, citizen),
    })
}

/// Citizen `n`'s ballot in `round` ([`ballot_of`]), signed by the citizen at `nonce` for the
/// commission to relay, as a wallet signs it.
fn relayed_ballot(
    election: &EncryptedElection,
    chain: &Chain,
    round: u32,
    n: usize,
    citizen: &Citizen,
    nonce: u32,
) -> pallet_e_voting::RelayedBallot<Runtime> {
    use sp_core::Pair;
    let ballot = ballot_of(election, round, n, citizen.id);
    let payload = govchain_primitives::relay::signing_payload(
        govchain_primitives::relay::RELAYED_BALLOT,
        &chain.genesis,
        &nonce,
        &pallet_e_voting::relayed_ballot_body(election.id, &ballot),
    );
    pallet_e_voting::RelayedBallot {
        voter: citizen.key.account.clone(),
        nonce,
        ballot,
        signature: citizen.key.pair.sign(&payload).into(),
    }
}

/// `rounds` rounds in which every citizen signs a ballot, relayed by the commission in batches
/// of the runtime's largest size, with `tip` (a tip pays the fee, so the batches may take the
/// whole of a block's normal class instead of its fee-free share).
async fn relayed_rounds(
    chain: &Chain,
    government: &Government,
    election: &EncryptedElection,
    rounds: u32,
    tip: govchain_runtime::Balance,
) -> Result<Plan, Error> {
    let nonces = citizen_nonces(chain, government).await?;
    let per_batch =
        <<Runtime as pallet_e_voting::Config>::MaxRelayedBallots as frame_support::traits::Get<
            u32,
        >>::get();
    let mut items = Vec::with_capacity(rounds as usize * government.citizens.len());
    for round in 0..rounds {
        for (n, citizen) in government.citizens.iter().enumerate() {
            items.push(relayed_ballot(
                election,
                chain,
                round,
                n,
                citizen,
                nonces[n] + round,
            ));
        }
    }
    let mut relay = Relay::new(&government.commissioner, per_batch, tip);
    relay
        .sign(chain, &items, |ballots| {
            RuntimeCall::Voting(pallet_e_voting::Call::relay_encrypted_ballots {
                election: election.id,
                ballots: BoundedVec::truncate_from(ballots.to_vec()),
            })
        })
        .await?;
    relay.plan(chain)
}

/// How many fee-free transactions each citizen has left in the current quota period: a relayed
/// order or vote uses one, and one beyond it is refused (it cannot pay instead).
async fn citizen_quota_left(chain: &Chain, government: &Government) -> Result<Vec<u32>, Error> {
    let quota = <Runtime as pallet_identity_registry::Config>::CitizenTxQuota::get();
    let period_length = <Runtime as pallet_identity_registry::Config>::QuotaPeriod::get().max(1);
    let period = chain.rpc.best_number().await? / period_length;
    let mut left = Vec::with_capacity(government.citizens.len());
    for citizen in &government.citizens {
        let record: Option<
            pallet_identity_registry::CitizenAccount<govchain_runtime::BlockNumber>,
        > = chain
            .rpc
            .storage(
                &pallet_identity_registry::CitizenByAccount::<Runtime>::hashed_key_for(
                    &citizen.key.account,
                ),
                None,
            )
            .await?;
        let used = record
            .filter(|record| record.fee_free.period == period)
            .map_or(0, |record| record.fee_free.used);
        left.push(quota.saturating_sub(used));
    }
    Ok(left)
}

/// The items citizens sign for a relay in `rounds` rounds, each citizen within its quota left
/// (a round's items in citizen order; `item(round, n, nonce)` signs citizen `n`'s), and the
/// rounds that hold any.
async fn relayed_items<Item>(
    chain: &Chain,
    government: &Government,
    workload: Workload,
    rounds: u32,
    item: impl Fn(u32, usize, u32) -> Item,
) -> Result<Vec<Vec<Item>>, Error> {
    let nonces = citizen_nonces(chain, government).await?;
    let left = citizen_quota_left(chain, government).await?;
    let most = left.iter().copied().max().unwrap_or_default();
    if most < rounds {
        eprintln!(
            "{}: the citizens' fee-free quota left ({} items in all, at most {most} each) \
             bounds the run: {} would be signed for its rate; a run that uses them up measures \
             the quota, not the chain (more citizens, or a shorter run, lift it)",
            workload.label(),
            left.iter().map(|left| u64::from(*left)).sum::<u64>(),
            u64::from(rounds) * government.citizens.len() as u64,
        );
    }
    Ok((0..rounds.min(most))
        .map(|round| {
            (0..government.citizens.len())
                .filter(|n| left[*n] > round)
                .map(|n| item(round, n, nonces[n] + round))
                .collect()
        })
        .collect())
}

/// Citizen `n`'s payment order in `round` to its round's [`recipient`], signed at `nonce` for the
/// bank to relay, as a wallet signs it.
fn relayed_payment(
    chain: &Chain,
    government: &Government,
    round: u32,
    n: usize,
    nonce: u32,
    valid_until: govchain_runtime::BlockNumber,
) -> pallet_cbdc_reserve::RelayedPayment<Runtime> {
    use sp_core::Pair;
    let (payer, to) = (&government.citizens[n], recipient(government, round, n));
    let (to, amount) = (Party::Citizen(to.id), 1);
    let payload = govchain_primitives::relay::signing_payload(
        govchain_primitives::relay::RELAYED_PAYMENT,
        &chain.genesis,
        &nonce,
        &pallet_cbdc_reserve::relayed_payment_body(&to, &amount, &valid_until),
    );
    pallet_cbdc_reserve::RelayedPayment {
        payer: payer.key.account.clone(),
        nonce,
        to,
        amount,
        valid_until,
        signature: payer.key.pair.sign(&payload).into(),
    }
}

/// Citizen `n`'s vote in `poll`, signed at `nonce` for the commission to relay.
fn relayed_vote(
    chain: &Chain,
    government: &Government,
    poll: usize,
    n: usize,
    nonce: u32,
) -> pallet_e_voting::RelayedVote<Runtime> {
    use sp_core::Pair;
    let citizen = &government.citizens[n];
    let option = (n % 2) as u8;
    let payload = govchain_primitives::relay::signing_payload(
        govchain_primitives::relay::RELAYED_VOTE,
        &chain.genesis,
        &nonce,
        &pallet_e_voting::relayed_vote_body(government.polls[poll], option),
    );
    pallet_e_voting::RelayedVote {
        voter: citizen.key.account.clone(),
        nonce,
        option,
        signature: citizen.key.pair.sign(&payload).into(),
    }
}

/// Blocks a relayed payment order stays valid: longer than any run.
const ORDER_LIFETIME: u32 = 10_000;

/// `rounds` rounds of payment orders, each citizen paying another ([`recipient`]) within its
/// quota left, relayed by the bank in batches of the runtime's largest size with `tip`.
async fn relayed_payments(
    chain: &Chain,
    government: &Government,
    rounds: u32,
    tip: govchain_runtime::Balance,
) -> Result<Plan, Error> {
    let valid_until = chain.rpc.best_number().await? + ORDER_LIFETIME;
    let rounds = relayed_items(
        chain,
        government,
        Workload::RelayedPayments,
        rounds,
        |round, n, nonce| relayed_payment(chain, government, round, n, nonce, valid_until),
    )
    .await?;
    let per_batch =
        <<Runtime as pallet_cbdc_reserve::Config>::MaxRelayedPayments as frame_support::traits::Get<
            u32,
        >>::get();
    let mut relay = Relay::new(&government.bank_officer, per_batch, tip);
    // Orders of one round after another: a citizen's next order never goes before its last.
    let items: Vec<_> = rounds.into_iter().flatten().collect();
    relay
        .sign(chain, &items, |orders| {
            RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::relay_payments {
                payments: BoundedVec::truncate_from(orders.to_vec()),
            })
        })
        .await?;
    relay.plan(chain)
}

/// `rounds` rounds of votes, each in a fresh public poll from `first_poll`, each citizen within
/// its quota left, relayed by the commission in batches of the runtime's largest size with `tip`.
async fn relayed_votes(
    chain: &Chain,
    government: &Government,
    first_poll: usize,
    rounds: u32,
    tip: govchain_runtime::Balance,
) -> Result<Plan, Error> {
    let rounds = relayed_items(
        chain,
        government,
        Workload::RelayedVotes,
        rounds,
        |round, n, nonce| relayed_vote(chain, government, first_poll + round as usize, n, nonce),
    )
    .await?;
    let per_batch =
        <<Runtime as pallet_e_voting::Config>::MaxRelayedVotes as frame_support::traits::Get<
            u32,
        >>::get();
    let mut relay = Relay::new(&government.commissioner, per_batch, tip);
    // A batch is of one poll: each round's votes are batched on their own.
    for (round, votes) in rounds.iter().enumerate() {
        let election = government.polls[first_poll + round];
        relay
            .sign(chain, votes, |votes| {
                RuntimeCall::Voting(pallet_e_voting::Call::relay_votes {
                    election,
                    votes: BoundedVec::truncate_from(votes.to_vec()),
                })
            })
            .await?;
    }
    relay.plan(chain)
}

/// An officer's relayed batches, signed in order at its next nonces.
struct Relay<'a> {
    relayer: &'a Key,
    per_batch: usize,
    tip: govchain_runtime::Balance,
    nonces: Nonces,
    transactions: Vec<Signed>,
    /// A full batch's call and its items: what the block limits are worked out on.
    sample: Option<(RuntimeCall, u64)>,
}

impl<'a> Relay<'a> {
    /// Batches of `per_batch` items (the runtime's largest) relayed by `relayer` with `tip`.
    fn new(relayer: &'a Key, per_batch: u32, tip: govchain_runtime::Balance) -> Self {
        Self {
            relayer,
            per_batch: (per_batch as usize).max(1),
            tip,
            nonces: Nonces::default(),
            transactions: Vec::new(),
            sample: None,
        }
    }

    /// Signs `items` in batches (`batch` makes the call), after those signed before.
    async fn sign<Item>(
        &mut self,
        chain: &Chain,
        items: &[Item],
        batch: impl Fn(&[Item]) -> RuntimeCall,
    ) -> Result<(), Error> {
        for chunk in items.chunks(self.per_batch) {
            let call = batch(chunk);
            if self.sample.is_none() {
                self.sample = Some((call.clone(), chunk.len() as u64));
            }
            let signed = chain
                .sign_with_tip(self.relayer, call, self.tip, &mut self.nonces)
                .await?;
            self.transactions.push(signed);
        }
        Ok(())
    }

    /// The batches signed, as a plan.
    fn plan(self, chain: &Chain) -> Result<Plan, Error> {
        let sample = self
            .sample
            .ok_or("no citizen has fee-free quota left to sign for the relay")?;
        Ok(Plan::new(self.transactions, &[sample], self.relayer, chain))
    }
}

/// `rounds` rounds in which every citizen sends `call(round, citizen index)`.
async fn citizen_rounds(
    chain: &Chain,
    government: &Government,
    rounds: u32,
    call: impl Fn(u32, usize) -> RuntimeCall,
) -> Result<Plan, Error> {
    let nonces = citizen_nonces(chain, government).await?;
    let mut transactions = Vec::with_capacity(rounds as usize * government.citizens.len());
    for round in 0..rounds {
        for (n, citizen) in government.citizens.iter().enumerate() {
            transactions.push(sign(
                &citizen.key,
                call(round, n),
                nonces[n] + round,
                chain.genesis,
            ));
        }
    }
    let first = &government.citizens[0].key;
    let sample: Vec<(RuntimeCall, u64)> = (0..3).map(|n| (call(0, n), 1)).collect();
    Ok(Plan::new(transactions, &sample, first, chain))
}

/// Whom citizen `n` pays in `round`: another citizen, a different one each round.
fn recipient(government: &Government, round: u32, n: usize) -> &Citizen {
    let count = government.citizens.len();
    &government.citizens[(n + 1 + round as usize % (count - 1)) % count]
}

fn token_transfer(government: &Government, round: u32, n: usize) -> RuntimeCall {
    let to = recipient(government, round, n);
    RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
        dest: to.key.account.clone().into(),
        value: MILLI_UNIT,
    })
}

fn cbdc_transfer(government: &Government, round: u32, n: usize) -> RuntimeCall {
    let to = recipient(government, round, n);
    RuntimeCall::Cbdc(pallet_cbdc_reserve::Call::transfer {
        from: Party::Citizen(government.citizens[n].id),
        to: Party::Citizen(to.id),
        amount: 1,
    })
}

fn vote(government: &Government, poll: usize, n: usize) -> RuntimeCall {
    RuntimeCall::Voting(pallet_e_voting::Call::vote {
        election: government.polls[poll],
        option: (n % 2) as u8,
    })
}

/// Diploma batches, numbered from `*serial`.
fn diploma_batch(government: &Government, serial: &mut u64, size: u32) -> RuntimeCall {
    let count = government.citizens.len() as u64;
    let diplomas: Vec<DiplomaSpec> = (0..size)
        .map(|_| {
            *serial += 1;
            DiplomaSpec {
                serial: Serial::truncate_from(format!("LD-{serial:09}").into_bytes()),
                holder: government.citizens[(*serial % count) as usize].id,
                degree: DegreeLevel::Bachelor,
                field: 613,
                issued_on: government.today,
                document_hash: H256(blake2_256(&serial.to_le_bytes())),
            }
        })
        .collect();
    // `size` is at most `DIPLOMAS_PER_BATCH`, the runtime's largest batch.
    let diplomas = BoundedVec::truncate_from(diplomas);
    RuntimeCall::Diplomas(pallet_diplomas::Call::issue_batch { diplomas })
}

/// The transactions of `workload` for a run of `seconds` at up to `max_rate` units per second.
#[allow(clippy::too_many_arguments)] // The run's settings, each a knob of the command line.
pub async fn plan(
    workload: Workload,
    chain: &Chain,
    government: &Government,
    seconds: u64,
    max_rate: u64,
    serial: &mut u64,
    first_poll: &mut usize,
    relay_tip: govchain_runtime::Balance,
) -> Result<Plan, Error> {
    let citizens = government.citizens.len() as u64;
    let rounds = (seconds * max_rate).div_ceil(citizens).max(1) as u32;
    match workload {
        Workload::Transfers => {
            citizen_rounds(chain, government, rounds, |round, n| {
                token_transfer(government, round, n)
            })
            .await
        }
        Workload::Cbdc => {
            citizen_rounds(chain, government, rounds, |round, n| {
                cbdc_transfer(government, round, n)
            })
            .await
        }
        Workload::Votes => {
            let polls = first_poll_range(government, first_poll, rounds)?;
            citizen_rounds(chain, government, rounds, |round, n| {
                vote(government, polls + round as usize, n)
            })
            .await
        }
        Workload::Diplomas => {
            let batches = (seconds * max_rate)
                .div_ceil(u64::from(DIPLOMAS_PER_BATCH))
                .max(1);
            let mut nonces = Nonces::default();
            let mut transactions = Vec::with_capacity(batches as usize);
            let officers = &government.university_officers;
            for n in 0..batches {
                let officer = &officers[n as usize % officers.len()];
                let call = diploma_batch(government, serial, DIPLOMAS_PER_BATCH);
                transactions.push(chain.sign(officer, call, &mut nonces).await?);
            }
            let sample = vec![(
                diploma_batch(government, &mut serial.clone(), DIPLOMAS_PER_BATCH),
                u64::from(DIPLOMAS_PER_BATCH),
            )];
            Ok(Plan::new(transactions, &sample, &officers[0], chain))
        }
        Workload::Land => land_offers(chain, government, seconds, max_rate).await,
        Workload::EncryptedBallots => {
            let election = government
                .encrypted
                .as_ref()
                .ok_or("no encrypted election was set up")?;
            citizen_rounds(chain, government, rounds, |round, n| {
                // Every index the rounds pass is a citizen's.
                let citizen = government.citizens.get(n).map_or(0, |citizen| citizen.id);
                encrypted_ballot(election, round, n, citizen)
            })
            .await
        }
        Workload::RelayedBallots => {
            let election = government
                .encrypted
                .as_ref()
                .ok_or("no encrypted election was set up")?;
            relayed_rounds(chain, government, election, rounds, relay_tip).await
        }
        Workload::RelayedPayments => relayed_payments(chain, government, rounds, relay_tip).await,
        Workload::RelayedVotes => {
            let polls = first_poll_range(government, first_poll, rounds)?;
            relayed_votes(chain, government, polls, rounds, relay_tip).await
        }
        Workload::Mix => {
            let polls = first_poll_range(government, first_poll, rounds)?;
            let mut plan = citizen_rounds(chain, government, rounds, |round, n| match n % 3 {
                0 => token_transfer(government, round, n),
                1 => cbdc_transfer(government, round, n),
                _ => vote(government, polls + round as usize, n),
            })
            .await?;
            // One batch of 100 diplomas per 100 citizen transactions, spread through the stream.
            let mut nonces = Nonces::default();
            let officers = &government.university_officers;
            let mut mixed = Vec::with_capacity(plan.transactions.len() * 101 / 100);
            // The sample in the mix's proportions: 300 citizen transactions, 3 batches.
            let mut sample = Vec::new();
            for call in [
                token_transfer(government, 0, 0),
                cbdc_transfer(government, 0, 1),
                vote(government, polls, 2),
            ] {
                sample.extend(std::iter::repeat_n((call, 1), 100));
            }
            let batch = diploma_batch(government, &mut serial.clone(), MIX_DIPLOMAS_PER_BATCH);
            sample.extend(std::iter::repeat_n(
                (batch, u64::from(MIX_DIPLOMAS_PER_BATCH)),
                3,
            ));
            for (n, transaction) in std::mem::take(&mut plan.transactions)
                .into_iter()
                .enumerate()
            {
                mixed.push(transaction);
                if n % 100 == 99 {
                    let officer = &officers[(n / 100) % officers.len()];
                    let call = diploma_batch(government, serial, MIX_DIPLOMAS_PER_BATCH);
                    mixed.push(chain.sign(officer, call, &mut nonces).await?);
                }
            }
            Ok(Plan::new(
                mixed,
                &sample,
                &government.citizens[0].key,
                chain,
            ))
        }
    }
}

/// Reserves `rounds` fresh polls (a citizen votes once per poll) and returns the first.
fn first_poll_range(
    government: &Government,
    first_poll: &mut usize,
    rounds: u32,
) -> Result<usize, Error> {
    let first = *first_poll;
    *first_poll += rounds as usize;
    if *first_poll > government.polls.len() {
        return Err(format!(
            "{} polls set up, {} needed",
            government.polls.len(),
            first_poll
        )
        .into());
    }
    Ok(first)
}

/// The offers of workload (e): in each round every parcel is offered to a buyer.
async fn land_offers(
    chain: &Chain,
    government: &Government,
    seconds: u64,
    max_rate: u64,
) -> Result<Plan, Error> {
    let sellers = sellers(government.citizens.len());
    let buyers = government.citizens.len() - sellers;
    let parcels = government.parcels.len() as u64;
    // Half the units are offers.
    let rounds = (seconds * max_rate / 2).div_ceil(parcels).max(1) as u32;
    let nonces = citizen_nonces(chain, government).await?;
    let expires_at = chain.rpc.best_number().await? + OFFER_LIFETIME;
    let offer = |round: u32, p: usize| {
        let seller = p % sellers;
        let buyer = sellers + (p + round as usize) % buyers;
        RuntimeCall::LandTitles(pallet_land_titles::Call::create_offer {
            parcel: government.parcels[p],
            sales: BoundedVec::truncate_from(vec![Holding {
                owner: Party::Citizen(government.citizens[seller].id),
                share: Permill::one(),
            }]),
            buyer: Party::Citizen(government.citizens[buyer].id),
            price: Price::OffChain(H256(blake2_256(&(p as u64, round).encode()))),
            expires_at,
            carries_liens: false,
        })
    };
    let mut sent = vec![0u32; sellers];
    let mut transactions = Vec::with_capacity(rounds as usize * parcels as usize);
    for round in 0..rounds {
        for p in 0..parcels as usize {
            let seller = p % sellers;
            let key = &government.citizens[seller].key;
            transactions.push(sign(
                key,
                offer(round, p),
                nonces[seller] + sent[seller],
                chain.genesis,
            ));
            sent[seller] += 1;
        }
    }
    let buyer = &government.citizens[sellers].key;
    let sample = vec![
        (offer(0, 0), 1),
        (
            RuntimeCall::LandTitles(pallet_land_titles::Call::accept_offer { offer: 0 }),
            1,
        ),
    ];
    let mut plan = Plan::new(transactions, &sample, buyer, chain);
    plan.acceptor = Some(Acceptor::new(government, &nonces));
    Ok(plan)
}

/// Signs each buyer's acceptance of the offers made to it, as the offers land.
pub struct Acceptor {
    buyer_index: HashMap<CitizenId, usize>,
    nonces: HashMap<usize, u32>,
}

impl Acceptor {
    /// The buyers' acceptances from their next nonces, `nonces` being every citizen's.
    fn new(government: &Government, nonces: &[u32]) -> Self {
        let mut buyer_index = HashMap::new();
        let mut next = HashMap::new();
        for (index, citizen) in government
            .citizens
            .iter()
            .enumerate()
            .skip(sellers(government.citizens.len()))
        {
            buyer_index.insert(citizen.id, index);
            next.insert(index, nonces[index]);
        }
        Self {
            buyer_index,
            nonces: next,
        }
    }

    /// The acceptances of the offers created in a block with `events`.
    pub fn accepts(
        &mut self,
        government: &Government,
        chain: &Chain,
        events: &[EventRecord],
    ) -> Vec<Signed> {
        events
            .iter()
            .filter_map(|record| match &record.event {
                RuntimeEvent::LandTitles(pallet_land_titles::Event::OfferCreated {
                    offer,
                    buyer: Party::Citizen(buyer),
                    ..
                }) => {
                    let index = *self.buyer_index.get(buyer)?;
                    let nonce = self.nonces.get_mut(&index)?;
                    let call = RuntimeCall::LandTitles(pallet_land_titles::Call::accept_offer {
                        offer: *offer,
                    });
                    let signed = sign(&government.citizens[index].key, call, *nonce, chain.genesis);
                    *nonce += 1;
                    Some(signed)
                }
                _ => None,
            })
            .collect()
    }
}
