//! A bank's credits to citizens from a CSV file.
//!
//! The file has a header row and one payment per row:
//!
//! | column | what |
//! |---|---|
//! | `reference` | the bank's own reference for the payment, unique in the file (1 to 64 characters) |
//! | `citizen` | the payee's citizen id |
//! | `amount` | the sum in the currency's smallest unit, a whole number above zero |
//!
//! Before anything is signed, the signer must be an officer whose appointment holds; every row
//! is checked (fields that do not parse, a reference repeated in the file, a payee no citizen
//! has as id, a call the runtime's metadata would not encode), and the institution must hold
//! and be allowed to send today (`CbdcApi::balance`) the sum of the rows to pay. The rest go in
//! `Utility::force_batch` transactions of `Cbdc::transfer` calls (from the institution to the
//! citizen), several in flight, each followed to a finalized block. A payment the chain refuses
//! (the payee frozen, over its balance cap, the officer over its daily limit, …) fails alone
//! with its error, and the rest of its batch is paid. A payment above the council's
//! large-transfer amount is kept as an action the institution's other officers approve
//! (dual control): its row says so, with the action's number.
//!
//! A payment carries no reference of the bank's on chain, so this module keeps a
//! [`journal`](crate::journal) beside the file: every transaction is recorded before it is
//! submitted (signed mortal: it can be included only in a bounded window of blocks) and its
//! outcome once final. Transactions are submitted once, to one node (`author_submitExtrinsic`),
//! and followed by reading finalized blocks' bodies: a transaction is settled when a finalized
//! block holds it, or proved never to be included when the finalized chain is past its window
//! or the signer's nonce there has passed its own, with no finalized block of its window
//! holding it. Its rows are free again only then (or when the node answered that it refused
//! it). A rerun of the same file first settles whatever an interrupted run left in doubt, then
//! pays only the rows not paid yet: a payment is never made twice, whatever stopped the run and
//! when. Rows the chain refused are tried again on a rerun (the refusal wrote nothing); a
//! payment kept for approval is reported as waiting while its action is pending, and as closed
//! (approved, rejected or expired) once it is not.

use crate::{
    chain::{self, At, Chain, Failure, Fate, Item, Landed, Pending, Submitted},
    journal::{self, Entry, Journal, Payment},
    table, values, Progress,
};
use std::{collections::HashMap, path::Path};
use subxt::{
    dynamic::{At as _, Value},
    ext::scale_value::Composite,
};
use subxt_signer::sr25519::Keypair;

/// The columns a payments CSV has, in any order.
pub const COLUMNS: [&str; 3] = ["reference", "citizen", "amount"];

/// The longest reference the journal keeps.
pub const MAX_REFERENCE: usize = 64;

/// One payment as a row of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The row's line in the file (the header is line 1).
    pub line: u64,
    pub reference: String,
    pub citizen: u64,
    /// In the currency's smallest unit.
    pub amount: u128,
}

impl Row {
    fn payment(&self) -> Payment {
        Payment {
            reference: self.reference.clone(),
            citizen: self.citizen,
            amount: self.amount.to_string(),
        }
    }
}

/// The rows of one transaction, each with its place in the report.
type Batch = Vec<(usize, Row)>;

/// What became of a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Paid, in this finalized block; `earlier` if by an earlier run.
    Credited { block: u64, earlier: bool },
    /// Kept as the institution's dual-control action `action` (in this finalized block), for
    /// its other officers to approve.
    Proposed { action: u64, block: u64 },
    /// Kept as action `action` (in this finalized block), which is no longer pending: its
    /// officers approved it (paid), rejected it, or let it expire. The action's events say which.
    Closed { action: u64, block: u64 },
    /// Not paid, for this reason.
    Refused(String),
    /// Not paid: the run stopped before it (see [`Report::stopped`]).
    NotAttempted,
}

/// A row's line, reference and status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowResult {
    pub line: u64,
    pub reference: String,
    pub amount: u128,
    pub status: Status,
}

/// What a run did, row by row, in the file's order.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The institution the signer is an officer of, which pays.
    pub institution: u32,
    pub rows: Vec<RowResult>,
    /// Why the run stopped early, if it did.
    pub stopped: Option<String>,
}

/// How many rows have each outcome, and the sum paid now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub credited_now: usize,
    pub credited_now_amount: u128,
    pub credited_earlier: usize,
    pub proposed: usize,
    pub closed: usize,
    pub refused: usize,
    pub not_attempted: usize,
}

impl Report {
    /// How many rows have each outcome.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for row in &self.rows {
            match row.status {
                Status::Credited { earlier: false, .. } => {
                    counts.credited_now = counts.credited_now.saturating_add(1);
                    counts.credited_now_amount =
                        counts.credited_now_amount.saturating_add(row.amount);
                }
                Status::Credited { earlier: true, .. } => {
                    counts.credited_earlier = counts.credited_earlier.saturating_add(1)
                }
                Status::Proposed { .. } => counts.proposed = counts.proposed.saturating_add(1),
                Status::Closed { .. } => counts.closed = counts.closed.saturating_add(1),
                Status::Refused(_) => counts.refused = counts.refused.saturating_add(1),
                Status::NotAttempted => {
                    counts.not_attempted = counts.not_attempted.saturating_add(1)
                }
            }
        }
        counts
    }

    /// Whether every row is paid or awaiting its approval.
    pub fn complete(&self) -> bool {
        self.stopped.is_none()
            && self.rows.iter().all(|row| {
                matches!(
                    row.status,
                    Status::Credited { .. } | Status::Proposed { .. }
                )
            })
    }
}

/// How a run goes.
#[derive(Clone, Debug)]
pub struct Options {
    /// The most payments per transaction (never more than the runtime's
    /// `Utility::batched_calls_limit`).
    pub batch_size: u32,
    /// How many transactions are in flight at once.
    pub in_flight: usize,
    /// How many blocks after the one it is signed at a transaction may be included in (a power
    /// of two, 4 to the runtime's `System::BlockHashCount`): the longest a run may have to wait
    /// to prove a transaction it lost sight of will never be included.
    pub mortality: u64,
    /// Check every row and report, without signing anything (the journal's transactions in
    /// doubt are still settled).
    pub dry_run: bool,
}

/// Reads the CSV file at `path`: the rows that parse, and for the others their line and why.
pub fn read(path: &Path) -> chain::Result<Vec<std::result::Result<Row, RowResult>>> {
    let mut rows = Vec::new();
    let mut first_line_of: HashMap<String, u64> = HashMap::new();
    for (line, cells) in table::read(path, &COLUMNS)? {
        let refused = |reference: &str, reason: String| RowResult {
            line,
            reference: reference.to_owned(),
            amount: 0,
            status: Status::Refused(reason),
        };
        let [reference, citizen, amount] = match cells.as_deref() {
            Ok([reference, citizen, amount]) => [reference, citizen, amount],
            Ok(_) => {
                rows.push(Err(refused("", "not a row of three cells".into())));
                continue;
            }
            Err(reason) => {
                rows.push(Err(refused("", reason.clone())));
                continue;
            }
        };
        let row = parse(line, reference, citizen, amount).and_then(|row| {
            match first_line_of.get(&row.reference) {
                Some(first) => Err(format!("reference repeats line {first}")),
                None => Ok(row),
            }
        });
        match row {
            Ok(row) => {
                first_line_of.insert(row.reference.clone(), line);
                rows.push(Ok(row));
            }
            Err(reason) => rows.push(Err(refused(reference, reason))),
        }
    }
    Ok(rows)
}

fn parse(line: u64, reference: &str, citizen: &str, amount: &str) -> Result<Row, String> {
    if reference.is_empty() || reference.chars().count() > MAX_REFERENCE {
        return Err(format!(
            "reference: {reference:?} is not 1 to {MAX_REFERENCE} characters"
        ));
    }
    let citizen = citizen
        .parse::<u64>()
        .map_err(|_| format!("citizen: {citizen:?} is not a citizen id"))?;
    let amount = match amount.parse::<u128>() {
        Ok(0) => return Err("amount: zero".into()),
        Ok(amount) => amount,
        Err(_) => {
            return Err(format!(
                "amount: {amount:?} is not a whole number of the currency's smallest unit"
            ))
        }
    };
    Ok(Row {
        line,
        reference: reference.to_owned(),
        citizen,
        amount,
    })
}

/// The fields of `Cbdc::transfer` of `row.amount` from the institution to the row's citizen.
fn transfer_fields(institution: u32, row: &Row) -> [(&'static str, Value); 3] {
    let party = |kind: &str, id: u128| Value::unnamed_variant(kind, [Value::u128(id)]);
    [
        ("from", party("Institution", u128::from(institution))),
        ("to", party("Citizen", u128::from(row.citizen))),
        ("amount", Value::u128(row.amount)),
    ]
}

/// That transfer as a `RuntimeCall`, for a batch.
fn transfer(institution: u32, row: &Row) -> Value {
    Value::unnamed_variant(
        "Cbdc",
        [Value::named_variant(
            "transfer",
            transfer_fields(institution, row),
        )],
    )
}

fn force_batch(calls: Vec<Value>) -> subxt::tx::DynamicPayload<Composite<()>> {
    subxt::dynamic::tx(
        "Utility",
        "force_batch",
        Composite::named([("calls".to_owned(), Value::unnamed_composite(calls))]),
    )
}

/// Checks a row against the chain at `at`: `None` if it may be paid, or why not.
async fn check(at: &At, institution: u32, row: &Row) -> chain::Result<Option<String>> {
    // The metadata's own check of the call's shape, before any transaction.
    let single = subxt::dynamic::tx(
        "Cbdc",
        "transfer",
        Composite::named(
            transfer_fields(institution, row).map(|(name, value)| (name.to_owned(), value)),
        ),
    );
    if let Err(error) = at.tx().call_data(&single) {
        return Ok(Some(format!("the runtime cannot take it: {error}")));
    }
    let citizens = subxt::dynamic::storage::<(Value,), Value>("Identity", "Citizens");
    let citizen = at
        .storage()
        .try_fetch(citizens, (Value::u128(u128::from(row.citizen)),))
        .await
        .map_err(|error| format!("cannot read the citizens' register: {error}"))?;
    Ok(citizen
        .is_none()
        .then(|| format!("citizen: no citizen has id {}", row.citizen)))
}

/// What the institution holds and may send today (`None`: no daily limit).
async fn funds(at: &At, institution: u32) -> chain::Result<(u128, Option<u128>)> {
    let info = chain::runtime_api(
        at,
        "CbdcApi",
        "balance",
        vec![Value::unnamed_variant(
            "Institution",
            [Value::u128(u128::from(institution))],
        )],
    )
    .await?;
    let balance = values::number::<u128>(&info, "balance")
        .ok_or_else(|| format!("CbdcApi::balance without a balance: {info}"))?;
    let sendable = info
        .at("sendable_today")
        .and_then(values::option)
        .and_then(|sendable| sendable.as_u128());
    Ok((balance, sendable))
}

/// Records the outcome of a landed transaction in the journal; its results, one per payment.
fn record_landed(
    journal: &mut Journal,
    tx: &str,
    payments: usize,
    landed: &Landed,
) -> chain::Result<Vec<journal::Result>> {
    let results: Vec<journal::Result> = match chain::force_batch_items(landed)? {
        Ok(items) => {
            if items.len() != payments {
                return Err(format!(
                    "transaction {tx} in block #{}: {} results for {payments} payments",
                    landed.block,
                    items.len()
                ));
            }
            items
                .into_iter()
                .map(|item| match item {
                    Item::Done { proposed: None } => journal::Result::Credited,
                    Item::Done {
                        proposed: Some(action),
                    } => journal::Result::Proposed { action },
                    Item::Failed(error) => journal::Result::Refused { error },
                })
                .collect()
        }
        Err(failure) => {
            let error = match failure {
                Failure::Call(error) => error,
                Failure::Item { index, error } => format!("item {index}: {error}"),
            };
            vec![journal::Result::Refused { error }; payments]
        }
    };
    journal.append(Entry::Final {
        tx: tx.to_owned(),
        block: landed.block,
        results: results.clone(),
    })?;
    Ok(results)
}

/// A journaled transaction to settle: its hash as written, what to follow, how many payments.
type Sent = (String, Pending, usize);

/// Follows `txs` through the finalized chain until each is in a finalized block or proved never
/// to be, and journals which. For each, its block and results if it landed.
async fn settle(
    chain: &Chain,
    journal: &mut Journal,
    signer: [u8; 32],
    txs: &[Sent],
    progress: &dyn Progress,
) -> chain::Result<Vec<Option<(u64, Vec<journal::Result>)>>> {
    let pending: Vec<Pending> = txs.iter().map(|(_, pending, _)| pending.clone()).collect();
    let last = pending.iter().map(|tx| tx.death).max().unwrap_or(0);
    let fates = chain::follow(chain, signer, &pending, || {
        progress.say(format!(
            "waiting for {} transactions to be final, or proved never to be (by block #{last} at \
             the latest)",
            txs.len()
        ))
    })
    .await?;
    let mut outcomes = Vec::with_capacity(txs.len());
    for ((tx, _, payments), fate) in txs.iter().zip(fates) {
        outcomes.push(match fate {
            Fate::Landed(landed) => Some((
                landed.block,
                record_landed(journal, tx, *payments, &landed)?,
            )),
            Fate::Expired { at } => {
                journal.append(Entry::Expired { tx: tx.clone(), at })?;
                None
            }
        });
    }
    Ok(outcomes)
}

/// The transaction a `Sent` entry names, to follow.
fn pending_of(entry: &Entry) -> chain::Result<Option<Sent>> {
    let Entry::Sent {
        tx,
        nonce,
        birth,
        death,
        payments,
    } = entry
    else {
        return Ok(None);
    };
    let hash = ::hex::decode(tx.trim_start_matches("0x"))
        .ok()
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
        .ok_or_else(|| format!("journal: {tx:?} is not a transaction hash"))?;
    Ok(Some((
        tx.clone(),
        Pending {
            hash,
            nonce: *nonce,
            birth: *birth,
            death: *death,
        },
        payments.len(),
    )))
}

/// Whether dual-control action `action` is still waiting for approvals.
async fn still_proposed(at: &At, action: u64) -> chain::Result<bool> {
    let actions = subxt::dynamic::storage::<(Value,), Value>("Identity", "PendingActions");
    let pending = at
        .storage()
        .try_fetch(actions, (Value::u128(u128::from(action)),))
        .await
        .map_err(|error| format!("cannot read the pending actions: {error}"))?;
    Ok(pending.is_some())
}

/// Pays the rows of `rows` not yet paid, from the institution `signer` is an officer of,
/// journaling every transaction in `journal`.
pub async fn credit(
    chain: &Chain,
    signer: &Keypair,
    rows: Vec<std::result::Result<Row, RowResult>>,
    journal: &mut Journal,
    options: &Options,
    progress: &dyn Progress,
) -> chain::Result<Report> {
    let who = chain::account(signer);
    journal.bind(&values::hex(&chain.genesis()), &values::hex(&who))?;

    // What an interrupted run left in doubt, settled before anything else (even by an officer
    // whose appointment has ended since).
    let in_doubt = journal
        .in_doubt()
        .iter()
        .filter_map(|entry| pending_of(entry).transpose())
        .collect::<chain::Result<Vec<Sent>>>()?;
    if !in_doubt.is_empty() {
        progress.say(format!(
            "settling {} transactions an earlier run sent without seeing them final",
            in_doubt.len()
        ));
        settle(chain, journal, who, &in_doubt, progress).await?;
    }
    let states = journal.states();

    let at = chain.finalized().await?;
    let institution = chain::acting_institution(&at, signer).await?;
    let mut report = Report {
        institution,
        rows: Vec::with_capacity(rows.len()),
        stopped: None,
    };
    let paid = |reference: &str| {
        states.get(reference).and_then(|state| match &state.result {
            Some((block, journal::Result::Credited)) => Some((*block, None, &state.payment)),
            Some((block, journal::Result::Proposed { action })) => {
                Some((*block, Some(*action), &state.payment))
            }
            _ => None,
        })
    };
    let mut pending: Vec<(usize, Row)> = Vec::new();
    for row in rows {
        let row = match row {
            Ok(row) => row,
            Err(mut result) => {
                if let Status::Refused(reason) = &mut result.status {
                    // A row that no longer reads may still have been paid: say so.
                    if let Some((block, _, payment)) = paid(&result.reference) {
                        reason.push_str(&format!(
                            "; the journal has this reference paid {} to citizen {} in block \
                             #{block}",
                            payment.amount, payment.citizen
                        ));
                    }
                    progress.refused(result.line, &result.reference, reason);
                }
                report.rows.push(result);
                continue;
            }
        };
        let status = match paid(&row.reference) {
            Some((block, action, payment)) if *payment == row.payment() => match action {
                None => Status::Credited {
                    block,
                    earlier: true,
                },
                Some(action) if still_proposed(&at, action).await? => {
                    Status::Proposed { action, block }
                }
                Some(action) => Status::Closed { action, block },
            },
            Some((block, _, payment)) => Status::Refused(format!(
                "reference already paid {} to citizen {} in block #{block}; this row says {} to \
                 citizen {}",
                payment.amount, payment.citizen, row.amount, row.citizen
            )),
            // Refused earlier (tried again), or never sent.
            None => match check(&at, institution, &row).await? {
                Some(reason) => Status::Refused(reason),
                None => {
                    pending.push((report.rows.len(), row.clone()));
                    Status::NotAttempted
                }
            },
        };
        if let Status::Refused(reason) = &status {
            progress.refused(row.line, &row.reference, reason);
        }
        report.rows.push(RowResult {
            line: row.line,
            reference: row.reference,
            amount: row.amount,
            status,
        });
    }
    if pending.is_empty() {
        progress.finish();
        return Ok(report);
    }
    let needed = pending
        .iter()
        .fold(0u128, |sum, (_, row)| sum.saturating_add(row.amount));
    let (balance, sendable) = funds(&at, institution).await?;
    let available = sendable.map_or(balance, |sendable| sendable.min(balance));
    if needed > available {
        return Err(format!(
            "institution {institution} holds {balance}{} but the {} rows to pay need {needed}: \
             nothing was sent",
            sendable.map_or_else(String::new, |sendable| format!(
                " and may send {sendable} today"
            )),
            pending.len()
        ));
    }
    chain::check_mortality(&at, options.mortality)
        .map_err(|error| format!("--mortality: {error}"))?;
    if options.dry_run {
        progress.finish();
        return Ok(report);
    }

    let limit: u32 = at
        .constants()
        .entry(subxt::dynamic::constant::<u32>(
            "Utility",
            "batched_calls_limit",
        ))
        .map_err(|error| format!("cannot read Utility::batched_calls_limit: {error}"))?;
    let size = usize::try_from(options.batch_size.min(limit).max(1)).unwrap_or(1);
    progress.start(u64::try_from(pending.len()).unwrap_or(u64::MAX));
    let mut batches: std::collections::VecDeque<Batch> =
        pending.chunks(size).map(<[_]>::to_vec).collect();

    while !batches.is_empty() {
        let mut round: std::collections::VecDeque<Batch> = (0..options.in_flight.max(1))
            .map_while(|_| batches.pop_front())
            .collect();
        let at = chain.finalized().await?;
        let mut nonce = chain.next_nonce(who).await?;
        // Each transaction submitted: its rows, and what to follow.
        let mut sent: Vec<(Batch, Sent)> = Vec::new();
        while let Some(batch) = round.pop_front() {
            let call = force_batch(
                batch
                    .iter()
                    .map(|(_, row)| transfer(institution, row))
                    .collect(),
            );
            let signed = chain::sign_mortal(&at, signer, &call, nonce, options.mortality).await?;
            let tx = values::hex(&signed.hash);
            journal.append(Entry::Sent {
                tx: tx.clone(),
                nonce,
                birth: signed.birth,
                death: signed.death,
                payments: batch.iter().map(|(_, row)| row.payment()).collect(),
            })?;
            let follow = Pending {
                hash: signed.hash,
                nonce,
                birth: signed.birth,
                death: signed.death,
            };
            let payments = batch.len();
            match chain::submit(chain, &signed).await {
                Submitted::Accepted => sent.push((batch, (tx, follow, payments))),
                Submitted::RefusedByNode(reason) => {
                    journal.append(Entry::RefusedByNode {
                        tx,
                        reason: reason.clone(),
                    })?;
                    report.stopped = Some(format!("the node refused a transaction: {reason}"));
                    break;
                }
                Submitted::Unknown(reason) => {
                    // Perhaps in a pool: followed like the others; the rest of the round waits
                    // for the next (a later nonce could not be included before it anyway).
                    progress.say(format!(
                        "transaction {tx}: no clear answer from the node ({reason}); following \
                         it through the finalized chain"
                    ));
                    sent.push((batch, (tx, follow, payments)));
                    break;
                }
            }
            nonce = nonce.saturating_add(1);
        }
        while let Some(batch) = round.pop_back() {
            batches.push_front(batch);
        }
        let txs: Vec<Sent> = sent.iter().map(|(_, tx)| tx.clone()).collect();
        let outcomes = settle(chain, journal, who, &txs, progress).await?;
        for ((batch, (tx, _, _)), outcome) in sent.iter().zip(outcomes) {
            let Some((block, results)) = outcome else {
                report.stopped.get_or_insert(format!(
                    "transaction {tx} was never included: its rows were not paid (run the file \
                     again to pay them)"
                ));
                continue;
            };
            let mut paid = 0u64;
            for ((index, row), result) in batch.iter().zip(results) {
                let status = match result {
                    journal::Result::Credited => {
                        paid = paid.saturating_add(1);
                        Status::Credited {
                            block,
                            earlier: false,
                        }
                    }
                    journal::Result::Proposed { action } => {
                        paid = paid.saturating_add(1);
                        Status::Proposed { action, block }
                    }
                    journal::Result::Refused { error } => {
                        let reason = format!("the chain refused it: {error}");
                        progress.refused(row.line, &row.reference, &reason);
                        Status::Refused(reason)
                    }
                };
                if let Some(result) = report.rows.get_mut(*index) {
                    result.status = status;
                }
            }
            progress.done(paid, block);
        }
        if report.stopped.is_some() {
            break;
        }
    }
    progress.finish();
    Ok(report)
}

/// Writes one line per row (`line,reference,amount,status,block,detail`) to `path`.
pub fn write_results(report: &Report, path: &Path) -> chain::Result<()> {
    let rows: Vec<Vec<String>> = report
        .rows
        .iter()
        .map(|row| {
            let (status, block, detail) = match &row.status {
                Status::Credited {
                    block,
                    earlier: false,
                } => ("credited", block.to_string(), String::new()),
                Status::Credited {
                    block,
                    earlier: true,
                } => ("credited_earlier", block.to_string(), String::new()),
                Status::Proposed { action, block } => (
                    "awaiting_approval",
                    block.to_string(),
                    format!("action {action}"),
                ),
                Status::Closed { action, block } => (
                    "proposal_closed",
                    block.to_string(),
                    format!("action {action}: approved, rejected or expired"),
                ),
                Status::Refused(reason) => ("refused", String::new(), reason.clone()),
                Status::NotAttempted => ("not_attempted", String::new(), String::new()),
            };
            vec![
                row.line.to_string(),
                row.reference.clone(),
                row.amount.to_string(),
                status.to_owned(),
                block,
                detail,
            ]
        })
        .collect();
    table::write(
        path,
        &["line", "reference", "amount", "status", "block", "detail"],
        &rows,
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn rows_parse_and_bad_fields_are_named_by_line() {
        let path =
            std::env::temp_dir().join(format!("govchain-payments-{}.csv", std::process::id()));
        std::fs::write(
            &path,
            "Amount,Reference,Citizen\n\
             1250,SAL-1,0\n\
             0,SAL-2,1\n\
             12.50,SAL-3,1\n\
             5,SAL-1,2\n\
             5,SAL-5,x\n\
             5,,2\n\
             340282366920938463463374607431768211455,SAL-7,2\n",
        )
        .unwrap();
        let rows = read(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(rows.len(), 7);
        assert_eq!(
            rows[0].as_ref().unwrap(),
            &Row {
                line: 2,
                reference: "SAL-1".into(),
                citizen: 0,
                amount: 1250
            }
        );
        assert_eq!(rows[6].as_ref().unwrap().amount, u128::MAX);
        let refused: Vec<(u64, String)> = rows
            .iter()
            .filter_map(|row| row.as_ref().err())
            .map(|row| match &row.status {
                Status::Refused(reason) => (row.line, reason.clone()),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(refused.len(), 5, "{refused:?}");
        assert_eq!(refused[0], (3, "amount: zero".into()));
        assert!(refused[1].1.contains("not a whole number"), "{refused:?}");
        assert_eq!(refused[2], (5, "reference repeats line 2".into()));
        assert!(refused[3].1.contains("citizen: \"x\""), "{refused:?}");
        assert!(refused[4].1.contains("reference: \"\""), "{refused:?}");
    }
}
