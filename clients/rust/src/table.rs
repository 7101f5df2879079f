//! An institution's CSV export: a header row naming the columns (in any order, any case), then
//! one record per row, each known by its line in the file.

use crate::chain;
use std::path::Path;

/// A row of the file: its line (the header is line 1) and its cells in the order of the
/// columns asked for, or why it is not a CSV row.
pub type Record = (u64, Result<Vec<String>, String>);

/// Reads the CSV file at `path`, which must have every column of `columns`; cells are trimmed.
pub fn read(path: &Path, columns: &[&str]) -> chain::Result<Vec<Record>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_path(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let headers = reader
        .headers()
        .map_err(|error| format!("cannot read the header row of {}: {error}", path.display()))?
        .clone();
    let mut indices = Vec::with_capacity(columns.len());
    for name in columns {
        let index = headers
            .iter()
            .position(|header| header.eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                format!(
                    "{}: the header row has no `{name}` column (it needs {})",
                    path.display(),
                    columns.join(", ")
                )
            })?;
        indices.push(index);
    }
    let mut rows = Vec::new();
    for (ordinal, record) in reader.records().enumerate() {
        let line = match &record {
            Ok(record) => record.position().map(|position| position.line()),
            Err(error) => error.position().map(|position| position.line()),
        }
        .unwrap_or_else(|| u64::try_from(ordinal).unwrap_or(u64::MAX).saturating_add(2));
        rows.push((
            line,
            record
                .map(|record| {
                    indices
                        .iter()
                        .map(|index| record.get(*index).unwrap_or("").to_owned())
                        .collect()
                })
                .map_err(|error| format!("not a CSV row: {error}")),
        ));
    }
    Ok(rows)
}

/// Writes `rows` under `header` to `path`.
pub fn write(path: &Path, header: &[&str], rows: &[Vec<String>]) -> chain::Result<()> {
    let fail = |error: csv::Error| format!("cannot write {}: {error}", path.display());
    let mut writer = csv::Writer::from_path(path).map_err(fail)?;
    writer.write_record(header).map_err(fail)?;
    for row in rows {
        writer.write_record(row).map_err(fail)?;
    }
    writer
        .flush()
        .map_err(|error| format!("cannot write {}: {error}", path.display()))
}
