//! The payments journal: what a run sent and what became of it, so that no rerun pays twice.
//!
//! A CBDC transfer carries no reference of the bank's on chain, so the chain alone cannot say
//! which row of a file was paid. The journal can: before a transaction is submitted, a `sent`
//! entry names its hash, its mortality (the blocks it may be included in) and the rows it pays,
//! and is written to disk (`fsync`); once its block is final, a `final` entry records each row's
//! result; a transaction proved never included (its mortality over, not in any finalized block
//! of it) gets an `expired` entry, and one the node refused gets `refused_by_node`. The file is
//! only appended to, so whatever interrupts a run leaves a prefix of it: a `sent` entry without
//! an outcome is a transaction in doubt, which the next run resolves from the chain before it
//! sends anything.
//!
//! One JSON object per line. A second run on the same journal while the first holds it is
//! refused (an exclusive lock on the file).

use crate::chain;
use serde::{Deserialize, Serialize};
use std::{
    fs::{File, OpenOptions},
    io::{Read, Write},
    path::{Path, PathBuf},
};

/// One payment as sent: the row's reference, payee and amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub reference: String,
    pub citizen: u64,
    /// In the currency's smallest unit, as a decimal string (JSON numbers lose precision past
    /// 2^53).
    pub amount: String,
}

/// What became of one payment of a final transaction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Result {
    /// Paid.
    Credited,
    /// Above the large-transfer amount: kept as the institution's action `action`, to be
    /// approved by its other officers.
    Proposed { action: u64 },
    /// The chain refused it (nothing of it was written).
    Refused { error: String },
}

/// A line of the journal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entry {
    /// A transaction about to be submitted: it can only be included in a block numbered from
    /// `birth` to `death - 1`.
    Sent {
        tx: String,
        nonce: u64,
        birth: u64,
        death: u64,
        payments: Vec<Payment>,
    },
    /// The transaction is in finalized block `block`; one result per payment, in order.
    Final {
        tx: String,
        block: u64,
        results: Vec<Result>,
    },
    /// The transaction's mortality is over and no finalized block holds it: never paid.
    Expired { tx: String },
    /// The node refused the transaction when it was submitted: never paid.
    RefusedByNode { tx: String, reason: String },
}

impl Entry {
    /// The transaction the entry is about.
    pub fn tx(&self) -> &str {
        match self {
            Entry::Sent { tx, .. }
            | Entry::Final { tx, .. }
            | Entry::Expired { tx }
            | Entry::RefusedByNode { tx, .. } => tx,
        }
    }
}

/// An open journal, locked for this run.
pub struct Journal {
    path: PathBuf,
    file: File,
    entries: Vec<Entry>,
}

impl Journal {
    /// Opens (or creates) the journal at `path`, locks it, and reads its entries. A last line
    /// cut short (a crash while writing it) is removed: its transaction was never submitted.
    pub fn open(path: &Path) -> chain::Result<Journal> {
        let fail = |error: std::io::Error| format!("journal {}: {error}", path.display());
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(fail)?;
        file.try_lock().map_err(|_| {
            format!(
                "journal {} is in use by another run: wait for it to finish",
                path.display()
            )
        })?;
        let mut contents = String::new();
        (&file).read_to_string(&mut contents).map_err(fail)?;
        // Every entry is written as one line ending in a newline; bytes after the last newline
        // are an entry cut short by a crash, never submitted: dropped from the file.
        let whole = contents.rfind('\n').map_or(0, |end| end.saturating_add(1));
        if whole < contents.len() {
            file.set_len(u64::try_from(whole).unwrap_or(u64::MAX))
                .map_err(fail)?;
        }
        let mut entries = Vec::new();
        for (number, line) in contents.get(..whole).unwrap_or("").lines().enumerate() {
            let entry = serde_json::from_str::<Entry>(line).map_err(|error| {
                format!(
                    "journal {} line {}: {error} (a journal is only ever appended to: restore \
                     it from its backup)",
                    path.display(),
                    number.saturating_add(1)
                )
            })?;
            entries.push(entry);
        }
        Ok(Journal {
            path: path.to_path_buf(),
            file,
            entries,
        })
    }

    /// The entries read and written so far.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Appends `entry` and waits until it is on disk.
    pub fn append(&mut self, entry: Entry) -> chain::Result<()> {
        let fail = |error: std::io::Error| format!("journal {}: {error}", self.path.display());
        let mut line = serde_json::to_string(&entry)
            .map_err(|error| format!("journal {}: {error}", self.path.display()))?;
        line.push('\n');
        self.file.write_all(line.as_bytes()).map_err(fail)?;
        self.file.sync_data().map_err(fail)?;
        self.entries.push(entry);
        Ok(())
    }

    /// The transactions sent and not yet resolved: `Sent` entries with no outcome after them.
    pub fn in_doubt(&self) -> Vec<Entry> {
        self.entries
            .iter()
            .filter(|entry| {
                matches!(entry, Entry::Sent { .. })
                    && !self.entries.iter().any(|other| {
                        !matches!(other, Entry::Sent { .. }) && other.tx() == entry.tx()
                    })
            })
            .cloned()
            .collect()
    }

    /// Each reference's last known state: the payment as sent, and its result if its
    /// transaction is final (`None` while in doubt). References of expired or refused
    /// transactions are free again, and absent.
    pub fn states(&self) -> std::collections::HashMap<String, (Payment, Option<(u64, Result)>)> {
        let mut states = std::collections::HashMap::new();
        for entry in &self.entries {
            match entry {
                Entry::Sent { payments, .. } => {
                    for payment in payments {
                        // A credited or proposed payment is never sent again; a refused one
                        // may be.
                        states.insert(payment.reference.clone(), (payment.clone(), None));
                    }
                }
                Entry::Final { tx, block, results } => {
                    if let Some(Entry::Sent { payments, .. }) = self.sent(tx) {
                        for (payment, result) in payments.iter().zip(results) {
                            states.insert(
                                payment.reference.clone(),
                                (payment.clone(), Some((*block, result.clone()))),
                            );
                        }
                    }
                }
                Entry::Expired { tx } | Entry::RefusedByNode { tx, .. } => {
                    if let Some(Entry::Sent { payments, .. }) = self.sent(tx) {
                        for payment in payments {
                            states.remove(&payment.reference);
                        }
                    }
                }
            }
        }
        states
    }

    fn sent(&self, tx: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|entry| matches!(entry, Entry::Sent { .. }) && entry.tx() == tx)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn payment(reference: &str) -> Payment {
        Payment {
            reference: reference.into(),
            citizen: 1,
            amount: "100".into(),
        }
    }

    fn sent(tx: &str, references: &[&str]) -> Entry {
        Entry::Sent {
            tx: tx.into(),
            nonce: 0,
            birth: 10,
            death: 74,
            payments: references
                .iter()
                .map(|reference| payment(reference))
                .collect(),
        }
    }

    #[test]
    fn states_follow_the_entries_and_a_torn_last_line_is_dropped() {
        let path = std::env::temp_dir().join(format!("govchain-journal-{}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        {
            let mut journal = Journal::open(&path).unwrap();
            journal.append(sent("0x01", &["A", "B"])).unwrap();
            journal.append(sent("0x02", &["C"])).unwrap();
            journal.append(sent("0x03", &["D"])).unwrap();
            journal
                .append(Entry::Final {
                    tx: "0x01".into(),
                    block: 12,
                    results: vec![
                        Result::Credited,
                        Result::Refused {
                            error: "Cbdc::ReceiverFrozen".into(),
                        },
                    ],
                })
                .unwrap();
            journal
                .append(Entry::Expired { tx: "0x03".into() })
                .unwrap();
            // A second run is refused while this one holds the journal.
            let error = Journal::open(&path).err().unwrap();
            assert!(error.contains("in use by another run"), "{error}");
        }
        // A crash in the middle of a line.
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(b"{\"sent\":{\"tx\":\"0x04\",\"no").unwrap();
        drop(file);

        let mut journal = Journal::open(&path).unwrap();
        assert_eq!(journal.entries().len(), 5);
        assert_eq!(journal.in_doubt(), vec![sent("0x02", &["C"])]);
        let states = journal.states();
        assert_eq!(states["A"].1, Some((12, Result::Credited)));
        assert!(matches!(states["B"].1, Some((12, Result::Refused { .. }))));
        assert_eq!(states["C"].1, None);
        assert!(!states.contains_key("D"), "expired: free again");
        journal
            .append(Entry::RefusedByNode {
                tx: "0x02".into(),
                reason: "no".into(),
            })
            .unwrap();
        drop(journal);
        let journal = Journal::open(&path).unwrap();
        assert_eq!(journal.entries().len(), 6, "the torn line was removed");
        assert!(journal.in_doubt().is_empty());
        assert!(!journal.states().contains_key("C"));
        drop(journal);
        // A whole line that is no entry is damage, not a crash: refused, naming the line.
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(b"{\"sent\":{}}\n").unwrap();
        drop(file);
        let error = Journal::open(&path).err().unwrap();
        assert!(error.contains("line 7"), "{error}");
        std::fs::remove_file(&path).unwrap();
    }
}
