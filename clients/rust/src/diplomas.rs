//! A university's diplomas from a CSV file.
//!
//! The file has a header row and one diploma per row:
//!
//! | column | what |
//! |---|---|
//! | `serial` | the university's own number for the diploma (the register admits 1 to 32 ASCII letters, digits, `-`, `/`, `.`) |
//! | `holder` | the graduate's citizen id |
//! | `degree` | the level as the runtime names it: `ShortCycle`, `Bachelor`, `Specialist`, `Master`, `Doctorate` |
//! | `field` | the field-of-study code |
//! | `issued_on` | the day it was awarded, `YYYY-MM-DD` |
//! | `document` | the diploma document: a file (relative to the CSV's folder) whose SHA-256 is recorded, or that hash as `0x` and 64 hex digits |
//!
//! Before anything is signed, the signer must be an officer whose appointment holds, of a
//! university the register lets issue today (`DiplomasApi::accreditation`), and every row is
//! checked: fields that do not parse, a serial repeated in the file, a call the runtime's
//! metadata would not encode, a holder no citizen has as id, a serial too long for the register,
//! and a serial already on chain (skipped if its document hash is the row's, refused if not). The rest go in `issue_batch`
//! calls of at most the runtime's `MaxBatchSize`, several in flight, each followed to a
//! finalized block. A batch is all or nothing: when the chain refuses one of its diplomas
//! (`BatchItemFailed`: a serial with characters the register does not admit, a holder no longer
//! active, a future date, …), that row is named with the error and the batch is sent again
//! without it.
//! So a rerun of the same file, after any interruption, issues exactly the rows not yet on
//! chain.

use crate::{
    chain::{self, At, Chain, Failure},
    table, values, Progress,
};
use sha2::{Digest, Sha256};
use std::{
    collections::{HashMap, VecDeque},
    path::{Path, PathBuf},
};
use subxt::{
    dynamic::{At as _, Value},
    ext::scale_value::Composite,
};
use subxt_signer::sr25519::Keypair;

/// The columns a diplomas CSV has, in any order.
pub const COLUMNS: [&str; 6] = [
    "serial",
    "holder",
    "degree",
    "field",
    "issued_on",
    "document",
];

/// One diploma as a row of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The row's line in the file (the header is line 1).
    pub line: u64,
    pub serial: String,
    pub holder: u64,
    pub degree: String,
    pub field: u16,
    /// Days since 1970-01-01.
    pub issued_on: u32,
    /// SHA-256 of the document.
    pub document_hash: [u8; 32],
}

/// What became of a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Issued by this run, in this finalized block.
    Issued { id: [u8; 32], block: u64 },
    /// On chain already with the row's document: nothing to do.
    OnChain { id: [u8; 32] },
    /// Not issued, for this reason.
    Refused(String),
    /// Not issued: the run stopped before it (see [`Report::stopped`]).
    NotAttempted,
}

/// A row's line, serial (as written) and status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowResult {
    pub line: u64,
    pub serial: String,
    pub status: Status,
}

/// What a run did, row by row, in the file's order.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The university the signer is an officer of.
    pub institution: u32,
    pub rows: Vec<RowResult>,
    /// Why the run stopped early, if it did (a batch refused as a whole, a transaction that
    /// never reached a block).
    pub stopped: Option<String>,
}

impl Report {
    /// How many rows have each status: issued, on chain, refused, not attempted.
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let count = |wanted: fn(&Status) -> bool| {
            self.rows.iter().filter(|row| wanted(&row.status)).count()
        };
        (
            count(|status| matches!(status, Status::Issued { .. })),
            count(|status| matches!(status, Status::OnChain { .. })),
            count(|status| matches!(status, Status::Refused(_))),
            count(|status| matches!(status, Status::NotAttempted)),
        )
    }

    /// Whether every row is on chain now.
    pub fn complete(&self) -> bool {
        self.stopped.is_none()
            && self
                .rows
                .iter()
                .all(|row| matches!(row.status, Status::Issued { .. } | Status::OnChain { .. }))
    }
}

/// How a run goes.
#[derive(Clone, Debug)]
pub struct Options {
    /// The most diplomas per `issue_batch` (never more than the runtime's `MaxBatchSize`).
    pub batch_size: Option<u32>,
    /// How many batches are in flight at once.
    pub in_flight: usize,
    /// Check every row against the chain and report, without signing anything.
    pub dry_run: bool,
}

/// Reads the CSV file at `path`: the rows that parse, and for the others their line and why.
pub fn read(path: &Path) -> chain::Result<Vec<std::result::Result<Row, RowResult>>> {
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut rows = Vec::new();
    let mut first_line_of: HashMap<String, u64> = HashMap::new();
    for (line, cells) in table::read(path, &COLUMNS)? {
        let cells = match cells {
            Ok(cells) => cells,
            Err(reason) => {
                rows.push(Err(RowResult {
                    line,
                    serial: String::new(),
                    status: Status::Refused(reason),
                }));
                continue;
            }
        };
        let cell = |name: &str| {
            COLUMNS
                .iter()
                .position(|column| *column == name)
                .and_then(|index| cells.get(index))
                .map_or("", String::as_str)
        };
        let serial = cell("serial").to_owned();
        let row = parse(line, &serial, cell, &folder).and_then(|row| {
            match first_line_of.get(&row.serial) {
                Some(first) => Err(format!("serial repeats line {first}")),
                None => Ok(row),
            }
        });
        match row {
            Ok(row) => {
                first_line_of.insert(row.serial.clone(), line);
                rows.push(Ok(row));
            }
            Err(reason) => rows.push(Err(RowResult {
                line,
                serial,
                status: Status::Refused(reason),
            })),
        }
    }
    Ok(rows)
}

fn parse<'a>(
    line: u64,
    serial: &str,
    cell: impl Fn(&str) -> &'a str,
    folder: &Path,
) -> std::result::Result<Row, String> {
    if serial.is_empty() {
        return Err("serial: empty".into());
    }
    let holder = cell("holder")
        .parse::<u64>()
        .map_err(|_| format!("holder: {:?} is not a citizen id", cell("holder")))?;
    let degree = cell("degree");
    if degree.is_empty() {
        return Err("degree: empty".into());
    }
    let field = cell("field")
        .parse::<u16>()
        .map_err(|_| format!("field: {:?} is not a field code", cell("field")))?;
    let issued_on = day_number(cell("issued_on")).ok_or_else(|| {
        format!(
            "issued_on: {:?} is not a date (YYYY-MM-DD)",
            cell("issued_on")
        )
    })?;
    let document_hash = document_hash(cell("document"), folder)?;
    Ok(Row {
        line,
        serial: serial.to_owned(),
        holder,
        degree: degree.to_owned(),
        field,
        issued_on,
        document_hash,
    })
}

/// `YYYY-MM-DD` as the register's day number (days since 1970-01-01).
pub fn day_number(date: &str) -> Option<u32> {
    let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    u32::try_from(date.signed_duration_since(epoch).num_days()).ok()
}

/// The document's hash: given as `0x…`, or the SHA-256 of the file named (relative paths from
/// the CSV's folder).
fn document_hash(document: &str, folder: &Path) -> std::result::Result<[u8; 32], String> {
    if let Some(hex) = document.strip_prefix("0x") {
        let bytes = ::hex::decode(hex).map_err(|_| {
            format!("document: {document:?} is neither a file nor a 0x-prefixed SHA-256")
        })?;
        return <[u8; 32]>::try_from(bytes).map_err(|_| {
            format!("document: {document:?} is not 32 bytes (a SHA-256 is 64 hex digits)")
        });
    }
    if document.is_empty() {
        return Err("document: empty".into());
    }
    let path: PathBuf = folder.join(document);
    let contents = std::fs::read(&path)
        .map_err(|error| format!("document: cannot read {}: {error}", path.display()))?;
    Ok(Sha256::digest(contents).into())
}

/// The row as the runtime's `DiplomaSpec`.
fn spec(row: &Row) -> Value {
    Value::named_composite([
        ("serial", Value::from_bytes(row.serial.as_bytes())),
        ("holder", Value::u128(u128::from(row.holder))),
        ("degree", values::unit(&row.degree)),
        ("field", Value::u128(u128::from(row.field))),
        ("issued_on", Value::u128(u128::from(row.issued_on))),
        ("document_hash", values::hash32(row.document_hash)),
    ])
}

fn issue_batch(specs: impl IntoIterator<Item = Value>) -> subxt::tx::DynamicPayload<Composite<()>> {
    subxt::dynamic::tx(
        "Diplomas",
        "issue_batch",
        Composite::named([("diplomas".to_owned(), Value::unnamed_composite(specs))]),
    )
}

/// A row to issue, with its diploma id.
struct Pending {
    index: usize,
    id: [u8; 32],
    spec: Value,
}

/// What checking a row against the chain finds: to issue (its id and `DiplomaSpec`), or its
/// final status.
type Checked = std::result::Result<([u8; 32], Value), Status>;

/// Checks one parsed row against the chain at `at`.
async fn check(at: &At, institution: u32, row: &Row) -> chain::Result<Checked> {
    let spec = spec(row);
    // The metadata's own check of the row's shape (an unknown degree, say), before any call.
    let single = subxt::dynamic::tx(
        "Diplomas",
        "issue",
        Composite::named([("diploma".to_owned(), spec.clone())]),
    );
    if let Err(error) = at.tx().call_data(&single) {
        return Ok(Err(Status::Refused(format!(
            "the runtime cannot take it: {error}"
        ))));
    }
    // A holder the civil registry never registered (whether a registered one is still active,
    // the chain judges).
    let citizens = subxt::dynamic::storage::<(Value,), Value>("Identity", "Citizens");
    let citizen = at
        .storage()
        .try_fetch(citizens, (Value::u128(u128::from(row.holder)),))
        .await
        .map_err(|error| format!("cannot read the citizens' register: {error}"))?;
    if citizen.is_none() {
        return Ok(Err(Status::Refused(format!(
            "holder: no citizen has id {}",
            row.holder
        ))));
    }
    let issuer = Value::unnamed_variant("Institution", [Value::u128(u128::from(institution))]);
    let id = chain::runtime_api(
        at,
        "DiplomasApi",
        "diploma_id",
        vec![issuer, Value::from_bytes(row.serial.as_bytes())],
    )
    .await?;
    let Some(id) = values::option(&id)
        .and_then(values::bytes)
        .and_then(|id| <[u8; 32]>::try_from(id).ok())
    else {
        return Ok(Err(Status::Refused(
            "the register refuses the serial (1 to 32 ASCII letters, digits, '-', '/' or '.')"
                .into(),
        )));
    };
    let record = chain::runtime_api(at, "DiplomasApi", "diploma", vec![values::hash32(id)]).await?;
    if let Some(record) = values::option(&record) {
        let on_chain_hash = record
            .at("spec")
            .and_then(|spec| spec.at("document_hash"))
            .and_then(values::bytes);
        return Ok(Err(
            if on_chain_hash.as_deref() == Some(row.document_hash.as_slice()) {
                Status::OnChain { id }
            } else {
                Status::Refused(format!(
                    "serial already on chain as {} with another document",
                    values::hex(&id)
                ))
            },
        ));
    }
    Ok(Ok((id, spec)))
}

/// Issues the rows of `rows` not yet on chain, signed by `signer`, an officer of the university.
pub async fn issue(
    chain: &Chain,
    signer: &Keypair,
    rows: Vec<std::result::Result<Row, RowResult>>,
    options: &Options,
    progress: &dyn Progress,
) -> chain::Result<Report> {
    let at = chain.finalized().await?;
    let institution = chain::acting_institution(&at, signer).await?;
    let accreditation = chain::runtime_api(
        &at,
        "DiplomasApi",
        "accreditation",
        vec![Value::u128(u128::from(institution))],
    )
    .await?;
    let may_issue = values::option(&accreditation)
        .and_then(|record| record.at("may_issue_today"))
        .and_then(|may| may.as_bool());
    if may_issue != Some(true) {
        return Err(format!(
            "institution {institution} may not issue diplomas today (its accreditation: {})",
            values::option(&accreditation)
                .map_or_else(|| "none".to_owned(), |record| record.to_string())
        ));
    }
    let max_batch: u32 = at
        .constants()
        .entry(subxt::dynamic::constant::<u32>("Diplomas", "MaxBatchSize"))
        .map_err(|error| format!("cannot read Diplomas::MaxBatchSize: {error}"))?;
    let batch_size = options
        .batch_size
        .map_or(max_batch, |wanted| wanted.min(max_batch))
        .max(1);

    let mut report = Report {
        institution,
        rows: Vec::with_capacity(rows.len()),
        stopped: None,
    };
    let mut pending = Vec::new();
    let mut rows_by_index: HashMap<usize, Row> = HashMap::new();
    for row in rows {
        match row {
            Err(result) => {
                if let Status::Refused(reason) = &result.status {
                    progress.refused(result.line, &result.serial, reason);
                }
                report.rows.push(result);
            }
            Ok(row) => {
                let index = report.rows.len();
                let status = match check(&at, institution, &row).await? {
                    Ok((id, spec)) => {
                        pending.push(Pending { index, id, spec });
                        rows_by_index.insert(index, row.clone());
                        Status::NotAttempted
                    }
                    Err(status) => {
                        if let Status::Refused(reason) = &status {
                            progress.refused(row.line, &row.serial, reason);
                        }
                        status
                    }
                };
                report.rows.push(RowResult {
                    line: row.line,
                    serial: row.serial,
                    status,
                });
            }
        }
    }
    if options.dry_run || pending.is_empty() {
        progress.finish();
        return Ok(report);
    }

    progress.start(u64::try_from(pending.len()).unwrap_or(u64::MAX));
    let size = usize::try_from(batch_size).unwrap_or(usize::MAX);
    let mut queue: VecDeque<Vec<Pending>> = VecDeque::new();
    let mut rest = pending.into_iter().peekable();
    while rest.peek().is_some() {
        queue.push_back(rest.by_ref().take(size).collect());
    }
    while !queue.is_empty() {
        let round: Vec<Vec<Pending>> = (0..options.in_flight.max(1))
            .map_while(|_| queue.pop_front())
            .collect();
        let calls: Vec<_> = round
            .iter()
            .map(|batch| issue_batch(batch.iter().map(|item| item.spec.clone())))
            .collect();
        let outcomes = match chain::submit_and_finalize(chain, signer, &calls).await {
            Ok(outcomes) => outcomes,
            Err(error) => {
                report.stopped = Some(error);
                break;
            }
        };
        let mut retry = Vec::new();
        for (batch, outcome) in round.into_iter().zip(outcomes) {
            let outcome = match outcome {
                Ok(outcome) => outcome,
                Err(error) => {
                    // Its rows stay "not attempted"; whatever of it reached the chain, a rerun
                    // finds there.
                    report.stopped.get_or_insert(error);
                    continue;
                }
            };
            match outcome.failure {
                None => {
                    progress.done(
                        u64::try_from(batch.len()).unwrap_or(u64::MAX),
                        outcome.block,
                    );
                    for item in batch {
                        if let Some(row) = report.rows.get_mut(item.index) {
                            row.status = Status::Issued {
                                id: item.id,
                                block: outcome.block,
                            };
                        }
                    }
                }
                Some(Failure::Item { index, error }) if index < batch.len() => {
                    let mut batch = batch;
                    let refused = batch.remove(index);
                    if let Some(row) = report.rows.get_mut(refused.index) {
                        row.status = match (error.as_str(), rows_by_index.get(&refused.index)) {
                            // Issued since the check (an earlier run's transaction, still
                            // pending then): on chain with this document, or refused.
                            ("DuplicateSerial", Some(parsed)) => {
                                let at = chain.finalized().await?;
                                match check(&at, institution, parsed).await? {
                                    Err(status) => status,
                                    Ok(_) => Status::Refused(
                                        "the chain refused it: DuplicateSerial".into(),
                                    ),
                                }
                            }
                            _ => Status::Refused(format!("the chain refused it: {error}")),
                        };
                        if let Status::Refused(reason) = &row.status {
                            progress.refused(row.line, &row.serial, reason);
                        }
                    }
                    if !batch.is_empty() {
                        retry.push(batch);
                    }
                }
                Some(failure) => {
                    let reason = match failure {
                        Failure::Call(error) => error,
                        Failure::Item { index, error } => format!("item {index}: {error}"),
                    };
                    report.stopped.get_or_insert(format!(
                        "the chain refused a batch as a whole: {reason} (block #{})",
                        outcome.block
                    ));
                }
            }
        }
        if report.stopped.is_some() {
            break;
        }
        for batch in retry.into_iter().rev() {
            queue.push_front(batch);
        }
    }
    progress.finish();
    Ok(report)
}

/// Writes one line per row (`line,serial,status,diploma_id,block,reason`) to `path`.
pub fn write_results(report: &Report, path: &Path) -> chain::Result<()> {
    let rows: Vec<Vec<String>> = report
        .rows
        .iter()
        .map(|row| {
            let (status, id, block, reason) = match &row.status {
                Status::Issued { id, block } => ("issued", values::hex(id), block.to_string(), ""),
                Status::OnChain { id } => ("on_chain", values::hex(id), String::new(), ""),
                Status::Refused(reason) => {
                    ("refused", String::new(), String::new(), reason.as_str())
                }
                Status::NotAttempted => ("not_attempted", String::new(), String::new(), ""),
            };
            vec![
                row.line.to_string(),
                row.serial.clone(),
                status.to_owned(),
                id,
                block,
                reason.to_owned(),
            ]
        })
        .collect();
    table::write(
        path,
        &["line", "serial", "status", "diploma_id", "block", "reason"],
        &rows,
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn csv_file(name: &str, contents: &str) -> PathBuf {
        let folder =
            std::env::temp_dir().join(format!("govchain-office-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("diploma.pdf"), b"%PDF-1.7 a diploma").unwrap();
        let path = folder.join("diplomas.csv");
        std::fs::write(&path, contents).unwrap();
        path
    }

    #[test]
    fn dates_are_day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-06-13"), Some(19_887));
        assert_eq!(day_number("2024-02-30"), None);
        assert_eq!(day_number("1969-12-31"), None);
        assert_eq!(day_number("13/06/2024"), None);
    }

    #[test]
    fn rows_parse_and_bad_fields_are_named_by_line() {
        let hash = format!("0x{}", "ab".repeat(32));
        let path = csv_file(
            "parse",
            &format!(
                "serial,holder,degree,field,issued_on,document\n\
                 NUT-1,0,Bachelor,613,2024-06-13,diploma.pdf\n\
                 NUT-2,x,Master,613,2024-06-13,{hash}\n\
                 NUT-3,1,Master,613,2024-13-01,{hash}\n\
                 NUT-1,2,Master,613,2024-06-13,{hash}\n\
                 NUT-5,2,Master,613,2024-06-13,missing.pdf\n\
                 NUT-6,2,Master,613,2024-06-13,0xabcd\n"
            ),
        );
        let rows = read(&path).unwrap();
        assert_eq!(rows.len(), 6);
        let first = rows[0].as_ref().unwrap();
        assert_eq!(first.line, 2);
        assert_eq!(first.issued_on, 19_887);
        assert_eq!(
            first.document_hash,
            <[u8; 32]>::from(Sha256::digest(b"%PDF-1.7 a diploma"))
        );
        let refused: Vec<(u64, String)> = rows
            .iter()
            .filter_map(|row| row.as_ref().err())
            .map(|row| match &row.status {
                Status::Refused(reason) => (row.line, reason.clone()),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(refused.len(), 5, "{refused:?}");
        assert!(refused[0].1.contains("holder: \"x\""), "{refused:?}");
        assert_eq!(refused[0].0, 3);
        assert!(refused[1].1.contains("issued_on"), "{refused:?}");
        assert_eq!(refused[2].1, "serial repeats line 2");
        assert!(refused[3].1.contains("cannot read"), "{refused:?}");
        assert!(refused[4].1.contains("not 32 bytes"), "{refused:?}");
    }

    #[test]
    fn a_file_without_a_column_is_refused_whole() {
        let path = csv_file(
            "columns",
            "serial,holder,degree,field,document\nNUT-1,0,Bachelor,613,x\n",
        );
        let error = read(&path).unwrap_err();
        assert!(error.contains("no `issued_on` column"), "{error}");
    }
}
